// slt_ctrl_act - LOAD_ACT: input stream -> unpacker (one frame of K*A bits per token,
// each token starting on a beat) -> abuf words of one chunk (U*G*A bits) from
// ABUF_BASE on. Reports the packet's framing to slt_ctrl_fsm.
module slt_ctrl_act #(
  parameter integer BusBits   = 64,
  parameter integer ActW      = 96,     // abuf word: U*G*A bits
  parameter integer A         = 8,
  parameter integer MaxK      = 16384,
  parameter integer AbufDepth = 1024
) (
  input  wire           clk_i,
  input  wire           rst_ni,
  input  wire           clr_i,
  input  wire           check_i,        // descriptor check cycle
  input  wire           start_i,        // check passed, LOAD_ACT: open the first token
  input  wire           act_i,          // the loading state
  input  wire           sel_i,          // the input stream is ours
  input  wire [31:0]    k_i,
  input  wire [31:0]    n_i,
  input  wire [31:0]    abase_i,
  input  wire           in_valid_i,
  input  wire           in_acc_i,
  input  wire           in_last_i,
  input  wire [BusBits-1:0] in_data_i,
  output wire           ready_o,
  output wire           we_o,           // abuf write
  output reg  [$clog2(AbufDepth)-1:0] waddr_o,
  output wire [ActW-1:0] wdata_o,
  output wire           short_o,        // TLAST before the last token's data
  output wire           long_o,         // the last token's data without TLAST
  output wire           in_end_o,       // the packet's last beat accepted
  output wire           end_o           // the last word written
);
  localparam integer AAW  = $clog2(AbufDepth);
  localparam integer KQW  = (MaxK > 2) ? $clog2(MaxK) : 1;
  localparam integer FBW0 = $clog2(MaxK * A + 1);            // activation frame bits
  localparam integer FBW1 = $clog2(BusBits + ActW + 1);
  localparam integer FBW  = (FBW0 > FBW1) ? FBW0 : FBW1;
  localparam [FBW-1:0] AC = A[FBW-1:0];

  wire        final_w, last_w, active_w;
  reg  [31:0] tok_q;    // tokens whose frame has been opened
  reg  [31:0] done_q;   // tokens completely written
  // registered flags instead of 32-bit compares against N: done_last = (done_q == N-1),
  // tok_last = (tok_q == N); set at the check, updated with the counts
  reg         done_last, tok_last;
  reg  [31:0] n_m1_q, n_m2_q;
  wire        next = act_i & last_w & ~done_last;
  wire        start = start_i | next;
  // frame size, registered (K is stable from the descriptor latch on)
  reg  [FBW-1:0] frame_bits;
  always @(posedge clk_i) frame_bits <= {{(FBW-KQW-1){1'b0}}, k_i[KQW:0]} * AC;
  slt_unpack #(.InW(BusBits), .OutW(ActW), .BitsW(FBW)) u_unpack (
    .clk_i        (clk_i),
    .rst_ni       (rst_ni),
    .clear_i      (clr_i),
    .start_i      (start),
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
  always @(posedge clk_i) begin
    if (check_i) begin
      tok_q <= 32'd1; done_q <= 32'd0; waddr_o <= abase_i[AAW-1:0];
      done_last <= (n_i == 32'd1); tok_last <= (n_i == 32'd1);
      n_m1_q <= n_i - 32'd1; n_m2_q <= n_i - 32'd2;
    end else begin
      if (we_o) waddr_o <= waddr_o + {{(AAW-1){1'b0}}, 1'b1};
      if (last_w) begin done_q <= done_q + 32'd1; done_last <= (done_q == n_m2_q); end
      if (start) begin tok_q <= tok_q + 32'd1; tok_last <= (tok_q == n_m1_q); end
    end
  end
  wire last_tok = final_w & tok_last;
  assign short_o  = in_acc_i & sel_i & in_last_i & ~last_tok;
  assign long_o   = in_acc_i & sel_i & ~in_last_i & last_tok;
  assign in_end_o = in_acc_i & last_tok;
  assign end_o    = last_w & done_last;
  wire unused = ^{active_w, k_i, abase_i};
endmodule
