// slt_ctrl_mode - the mode section of a ternary weight packet: input stream ->
// unpacker (NC*U bits, padded to whole beats) -> mode memory writes (U bits per chunk).
module slt_ctrl_mode #(
  parameter integer QW        = 16,   // bits of NC and RB
  parameter integer BusBits   = 64,
  parameter integer U         = 4,
  parameter integer Ternary   = 1,
  parameter integer ModeDepth = 16
) (
  input  wire           clk_i,
  input  wire           rst_ni,
  input  wire           clr_i,
  input  wire           start_i,        // check passed, GEMV/GEMM
  input  wire           sel_i,          // the input stream is ours
  input  wire [QW-1:0] nc_i,
  input  wire           in_valid_i,
  input  wire           in_acc_i,
  input  wire           in_last_i,
  input  wire [BusBits-1:0] in_data_i,
  output wire           ready_o,
  output wire           we_o,
  output reg  [$clog2(ModeDepth)-1:0] waddr_o,
  output wire [U-1:0]   wdata_o,
  output reg            done_o,         // every chunk's modes written (binary: always)
  output wire           tlast_o,        // TLAST inside the mode section
  output wire           end_o           // the section's last beat accepted
);
  wire [31:0] nc_x = {{(32-QW){1'b0}}, nc_i};
  localparam integer MAW  = $clog2(ModeDepth);
  localparam integer MFW0 = $clog2(ModeDepth * U + 1);       // mode frame bits
  localparam integer MFW1 = $clog2(BusBits + U + 1);
  localparam integer MFW  = (MFW0 > MFW1) ? MFW0 : MFW1;
  localparam [MFW-1:0] UC = U[MFW-1:0];
  wire           final_w, last_w, active_w;
  wire [MFW-1:0] frame_bits = nc_x[MFW-1:0] * UC;
  slt_unpack #(.InW(BusBits), .OutW(U), .BitsW(MFW)) u_unpack (
    .clk_i        (clk_i),
    .rst_ni       (rst_ni),
    .clear_i      (clr_i),
    .start_i      (start_i),
    .frame_bits_i (frame_bits),
    .in_valid_i   (in_valid_i & sel_i),
    .in_ready_o   (ready_o),
    .in_data_i    (in_data_i),
    .in_final_o   (final_w),
    .out_valid_o  (we_o),
    .out_data_o   (wdata_o),
    .out_last_o   (last_w),
    .active_o     (active_w)
  );
  always @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin waddr_o <= {MAW{1'b0}}; done_o <= 1'b0; end
    else if (clr_i) begin waddr_o <= {MAW{1'b0}}; done_o <= (Ternary == 0); end
    else begin
      if (we_o) waddr_o <= waddr_o + {{(MAW-1){1'b0}}, 1'b1};
      if (last_w) done_o <= 1'b1;
    end
  end
  assign tlast_o = in_acc_i & sel_i & in_last_i;
  assign end_o   = in_acc_i & sel_i & final_w;
  wire unused = ^{active_w, nc_x};
endmodule
