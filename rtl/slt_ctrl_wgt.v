// slt_ctrl_wgt - the weight section of a weight packet: bytes -> 2-bit codes
// (slt_weight_decode, B per beat) -> code gearbox (L*U*G + B*wpb codes) -> one row
// block of keys (slt_ctrl_keys) -> wbuf, chunk c into half c%2. The gearbox never
// stalls the link while the half it fills is free. Reports the packet's framing
// (short, long, invalid codes) to slt_ctrl_fsm.
module slt_ctrl_wgt #(
  parameter integer MRW       = 16,   // bits of MR (1..L)
  parameter integer QW        = 16,   // bits of NC and RB
  parameter integer WKW       = 16,   // bits of WL (1..U*G)
  parameter integer BusBits   = 64,
  parameter integer Format    = 1,     // 0 t2, 1 t5, 2 b1
  parameter integer Binary    = 0,
  parameter integer AddSub    = 0,
  parameter integer G         = 3,
  parameter integer U         = 4,
  parameter integer L         = 4,
  parameter integer F         = 5,
  parameter integer MagBits   = 4,
  parameter integer WbufDepth = 1024
) (
  input  wire           clk_i,
  input  wire           rst_ni,
  input  wire           clr_i,
  input  wire           check_i,        // descriptor check cycle: latch the block sizes
  input  wire           run_i,          // GEMV/GEMM running
  input  wire           sel_i,          // the input stream is ours
  input  wire [QW-1:0] nc_i,
  input  wire [QW-1:0] rb_i,
  input  wire [MRW-1:0] mr_i,
  input  wire [WKW-1:0] wl_i,
  input  wire [1:0]     half_full_i,    // wbuf halves holding an unread chunk
  input  wire           in_valid_i,
  input  wire           in_last_i,
  input  wire [BusBits-1:0] in_data_i,
  output wire           ready_o,
  output wire           we_o,           // wbuf write (one row block)
  output wire [$clog2(WbufDepth)-1:0] waddr_o,
  output wire [L*U*F-1:0] wdata_o,
  output wire           half_set_o,     // a chunk's last row block written
  output wire           half_o,         // ... into this half
  output wire           code_err_o,     // invalid code on an accepted beat
  output wire           short_o,        // TLAST before the data is complete
  output wire           long_o,         // data complete without TLAST, or an extra beat
  output wire           final_o,        // the last row block written
  output reg            tlast_o         // the packet's TLAST accepted
);
  wire [31:0] nc_x = {{(32-QW){1'b0}}, nc_i};
  wire [31:0] rb_x = {{(32-QW){1'b0}}, rb_i};
  wire [31:0] mr_x = {{(32-MRW){1'b0}}, mr_i};
  wire [31:0] wl_x = {{(32-WKW){1'b0}}, wl_i};
  localparam integer UG    = U * G;
  localparam integer Bytes = BusBits / 8;
  localparam integer Wpb   = (Format == 0) ? 4 : (Format == 1) ? 5 : 8;
  localparam integer Tin   = Bytes * Wpb;          // weight codes per beat
  localparam integer Smax  = L * UG;               // codes per row block
  localparam integer Cap   = Smax + Tin;           // gearbox capacity, codes
  localparam integer CW    = $clog2(Cap + 1) + 1;  // code counts
  localparam integer WAW   = $clog2(WbufDepth);
  localparam integer Half  = WbufDepth / 2;
  localparam integer WLW   = $clog2(UG + 1);       // codes of a row in a chunk: 1..UG
  localparam integer WRW   = $clog2(L + 1);        // rows of a block: 1..L
  localparam [WLW-1:0] UGW   = UG[WLW-1:0];
  localparam [WRW-1:0] LW    = L[WRW-1:0];
  localparam [CW-1:0]  SmaxC = Smax[CW-1:0];
  localparam [CW-1:0]  TinC  = Tin[CW-1:0];
  localparam [CW-1:0]  UGC   = UG[CW-1:0], LC = L[CW-1:0];

  // ---- bytes -> codes ----
  wire [2*Tin-1:0] beat_codes;
  wire [Bytes-1:0] byte_bad;
  genvar gi;
  generate
    for (gi = 0; gi < Bytes; gi = gi + 1) begin : g_dec
      slt_weight_decode #(.Format(Format)) u_dec (
        .byte_i    (in_data_i[8*gi +: 8]),
        .code_o    (beat_codes[2*Wpb*gi +: 2*Wpb]),
        .invalid_o (byte_bad[gi])
      );
    end
  endgenerate

  // ---- gearbox and writer position ----
  reg  [2*Cap-1:0] gb_q, gb_d;
  reg  [CW-1:0]    gcnt_q, gcnt_d;
  reg  [31:0]      wc_q, wb_q;               // chunk, row block
  reg              wdone_q;
  reg  [CW-1:0]    s_full_c, s_lastc, s_lastb, s_lastbc;  // codes per row block, the four cases
  wire [CW-1:0]    wl_c     = wl_x[CW-1:0], mr_c = mr_x[CW-1:0];
  // last chunk / last row block of the writer: registered flags (set at the check,
  // updated when a row block is written), so no 32-bit compare sits in front of the
  // gearbox's fire/ready logic
  reg              w_last_c, w_last_b;
  reg  [31:0]      nc_m2_q;                  // NC - 2: the chunk before the last
  wire [WRW-1:0]   w_rows   = w_last_b ? mr_x[WRW-1:0] : LW;
  wire [WLW-1:0]   w_width  = w_last_c ? wl_x[WLW-1:0] : UGW;
  wire [CW-1:0]    take     = w_last_b ? (w_last_c ? s_lastbc : s_lastb) : (w_last_c ? s_lastc : s_full_c);
  wire             w_active = run_i & ~wdone_q;
  wire             gb_fire  = w_active & (gcnt_q >= take) & ~half_full_i[wc_q[0]];
  wire             w_final  = gb_fire & w_last_c & w_last_b;
  wire [CW-1:0]    gcnt_after = gb_fire ? gcnt_q - take : gcnt_q;
  wire             gb_ready = sel_i & ~tlast_o & ~w_final & (gcnt_after <= SmaxC);
  wire             gb_acc   = in_valid_i & gb_ready;

  always @* begin
    gb_d   = gb_q;
    gcnt_d = gcnt_q;
    if (gb_fire) begin
      gb_d   = gb_q >> {take, 1'b0};
      gcnt_d = gcnt_q - take;
    end
    if (gb_acc) begin
      gb_d   = gb_d | ({{(2*Cap-2*Tin){1'b0}}, beat_codes} << {gcnt_after, 1'b0});
      gcnt_d = gcnt_d + TinC;
    end
    if (clr_i) begin
      gb_d   = {2*Cap{1'b0}};
      gcnt_d = {CW{1'b0}};
    end
  end

  always @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      gb_q <= {2*Cap{1'b0}}; gcnt_q <= {CW{1'b0}}; tlast_o <= 1'b0;
      wc_q <= 32'd0; wb_q <= 32'd0; wdone_q <= 1'b0;
    end else begin
      gb_q <= gb_d; gcnt_q <= gcnt_d;
      if (clr_i) begin tlast_o <= 1'b0; wc_q <= 32'd0; wb_q <= 32'd0; wdone_q <= 1'b0; end
      else begin
        if (gb_acc & in_last_i) tlast_o <= 1'b1;
        if (gb_fire) begin
          if (w_last_b) begin wb_q <= 32'd0; wc_q <= wc_q + 32'd1; end
          else wb_q <= wb_q + 32'd1;
          if (w_final) wdone_q <= 1'b1;
        end
      end
    end
  end
  // the flags follow wc_q / wb_q: (wc_q == NC - 1), (wb_q == RB - 1)
  reg [31:0] rb_m2_q;
  always @(posedge clk_i) begin
    if (check_i) begin
      w_last_c <= (nc_x == 32'd1);
      w_last_b <= (rb_x == 32'd1);
      nc_m2_q  <= nc_x - 32'd2;
      rb_m2_q  <= rb_x - 32'd2;
    end else if (!clr_i && gb_fire && run_i) begin
      if (w_last_b) begin w_last_b <= (rb_m2_q == 32'hffffffff); w_last_c <= (wc_q == nc_m2_q); end
      else w_last_b <= (wb_q == rb_m2_q);
    end
  end
  always @(posedge clk_i) begin
    if (check_i) begin
      s_full_c <= SmaxC;
      s_lastc  <= LC * wl_c;
      s_lastb  <= mr_c * UGC;
      s_lastbc <= mr_c * wl_c;
    end
  end

  slt_ctrl_keys #(.G(G), .U(U), .L(L), .F(F), .MagBits(MagBits), .Binary(Binary), .AddSub(AddSub),
                  .WLW(WLW), .WRW(WRW)) u_keys (
    .head_i  (gb_q[2*Smax-1:0]),
    .width_i (w_width),
    .rows_i  (w_rows),
    .keys_o  (wdata_o)
  );

  assign ready_o    = gb_ready;
  assign we_o       = gb_fire;
  assign waddr_o    = (wc_q[0] ? Half[WAW-1:0] : {WAW{1'b0}}) + wb_q[WAW-1:0];
  assign half_set_o = gb_fire & w_last_b;
  assign half_o     = wc_q[0];
  assign code_err_o = gb_acc & (|byte_bad);
  assign short_o    = run_i & tlast_o & ~wdone_q & (gcnt_q < take) & ~half_full_i[wc_q[0]];
  assign long_o     = w_final & (~tlast_o | (gcnt_q - take >= TinC));
  assign final_o    = w_final;
  wire unused = ^{nc_x, rb_x, mr_x, wl_x};
endmodule
