// slt_ctrl_wgt - the weight section of a weight packet: bytes -> 2-bit codes
// (slt_weight_decode, B per beat) -> code gearbox (L*U*G + B*wpb codes) -> one row
// block of keys (slt_ctrl_keys) -> wbuf, chunk c into region c%(2C) (C = psum_chunks;
// C = 1: the two halves). The gearbox never stalls the link while the region it fills
// is free. Reports the packet's framing
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
  parameter integer C         = 1,     // psum_chunks: 2*C regions of WbufDepth/(2*C) words
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
  input  wire [2*C-1:0] half_full_i,    // wbuf regions holding an unread chunk
  input  wire           in_valid_i,
  input  wire           in_last_i,
  input  wire [BusBits-1:0] in_data_i,
  output wire           ready_o,
  output wire           we_o,           // wbuf write (one row block)
  output wire [$clog2(WbufDepth)-1:0] waddr_o,
  output wire [L*U*F-1:0] wdata_o,
  output wire           half_set_o,     // a chunk's last row block written
  output wire [$clog2(2*C)-1:0] half_o, // ... into this region
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
  localparam integer RW    = $clog2(2 * C);     // region index bits
  localparam integer Reg   = WbufDepth / (2 * C);
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
  reg  [CW-1:0]    s_lastc, s_lastb, s_lastbc;  // codes per row block, the three last cases
  wire [CW-1:0]    wl_c     = wl_x[CW-1:0], mr_c = mr_x[CW-1:0];
  // last chunk / last row block of the writer: registered flags (set at the check,
  // updated when a row block is written), so no 32-bit compare sits in front of the
  // gearbox's fire/ready logic. The codes the next row block takes (take_q) are
  // registered with them, and so are the compares of the code count against them:
  // enough_q == (gcnt_q >= take_q), tin_q == (gcnt_q - take_q >= Tin), kept true by
  // computing them for every next count in parallel (below), so the fire and the
  // framing reports to slt_ctrl_fsm are a few gates after flip-flops; the same for
  // the room after this cycle's row block: room_q == (gcnt_q <= Smax),
  // room_f_q == (gcnt_q - take_q <= Smax) (used only when take_q codes are there)
  reg              w_last_c, w_last_b;
  reg  [31:0]      nc_m2_q;                  // NC - 2: the chunk before the last
  reg  [CW-1:0]    take_q;
  reg              enough_q, tin_q, room_q, room_f_q;
  wire [WRW-1:0]   w_rows   = w_last_b ? mr_x[WRW-1:0] : LW;
  wire [WLW-1:0]   w_width  = w_last_c ? wl_x[WLW-1:0] : UGW;
  wire             w_active = run_i & ~wdone_q;
  wire             gb_enough = enough_q;
  wire [RW-1:0]    wreg     = wc_q[RW-1:0];     // the region of the chunk being written
  wire             gb_fire  = w_active & gb_enough & ~half_full_i[wreg];
  wire             w_final  = gb_fire & w_last_c & w_last_b;
  wire [CW-1:0]    gcnt_left = gcnt_q - take_q;
  wire [CW-1:0]    gcnt_after = gb_fire ? gcnt_left : gcnt_q;
  wire             gb_ready = sel_i & ~tlast_o & ~w_final & (gb_fire ? room_f_q : room_q);
  wire             gb_acc   = in_valid_i & gb_ready;

  always @* begin
    gb_d   = gb_q;
    gcnt_d = gcnt_q;
    if (gb_fire) begin
      gb_d   = gb_q >> {take_q, 1'b0};
      gcnt_d = gcnt_left;
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
  reg  [31:0] rb_m2_q;
  wire        w_step = !clr_i && gb_fire && run_i;
  // the flags' next values at the check (c) and after a row block (f)
  wire        lc_c = (nc_x == 32'd1), lb_c = (rb_x == 32'd1);
  wire        lb_f = w_last_b ? (rb_m2_q == 32'hffffffff) : (wb_q == rb_m2_q);
  wire        lc_f = w_last_b ? (wc_q == nc_m2_q) : w_last_c;
  // at the check the three products are not registered yet: take from the sizes
  wire [CW-1:0] c_lastc = LC * wl_c, c_lastb = mr_c * UGC, c_lastbc = mr_c * wl_c;
  wire [CW-1:0] take_c  = lb_c ? (lc_c ? c_lastbc : c_lastb) : (lc_c ? c_lastc : SmaxC);
  wire [CW-1:0] take_f  = lb_f ? (lc_f ? s_lastbc : s_lastb) : (lc_f ? s_lastc : SmaxC);
  // take of the next cycle without a fire (nf) and after one (take_f)
  wire [CW-1:0] take_nf = check_i ? take_c : take_q;
  wire [CW-1:0] gcnt_in = gcnt_q + TinC, gcnt_lin = gcnt_left + TinC;
  wire c00 = (gcnt_q >= take_nf), c00t = (gcnt_q >= take_nf + TinC), c01 = (gcnt_in >= take_nf);
  wire c10 = (gcnt_left >= take_f), c10t = (gcnt_left >= take_f + TinC), c11 = (gcnt_lin >= take_f);
  wire enough_d = clr_i ? (take_nf == {CW{1'b0}}) : gb_fire ? (gb_acc ? c11 : c10) : (gb_acc ? c01 : c00);
  wire tin_d    = clr_i ? 1'b0 : gb_fire ? (gb_acc ? c10 : c10t) : (gb_acc ? c00 : c00t);
  // (take + Smax <= 2 Smax fits CW bits)
  wire [CW-1:0] lim_nf = take_nf + SmaxC, lim_f = take_f + SmaxC;
  wire room_d   = clr_i | (gb_fire ? (gb_acc ? (gcnt_lin <= SmaxC) : (gcnt_left <= SmaxC))
                                   : (gb_acc ? (gcnt_in <= SmaxC) : (gcnt_q <= SmaxC)));
  wire room_f_d = clr_i ? 1'b1 : gb_fire ? (gb_acc ? (gcnt_lin <= lim_f) : (gcnt_left <= lim_f))
                                         : (gb_acc ? (gcnt_in <= lim_nf) : (gcnt_q <= lim_nf));
  always @(posedge clk_i) begin
    enough_q <= enough_d; tin_q <= tin_d; room_q <= room_d; room_f_q <= room_f_d;
    if (check_i) begin
      w_last_c <= lc_c; w_last_b <= lb_c; take_q <= take_c;
      nc_m2_q  <= nc_x - 32'd2;
      rb_m2_q  <= rb_x - 32'd2;
      s_lastc  <= c_lastc;
      s_lastb  <= c_lastb;
      s_lastbc <= c_lastbc;
    end else if (w_step) begin
      w_last_c <= lc_f; w_last_b <= lb_f; take_q <= take_f;
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
  generate
    if (C == 1) begin : g_halves
      assign waddr_o = (wc_q[0] ? Half[WAW-1:0] : {WAW{1'b0}}) + wb_q[WAW-1:0];
    end else begin : g_regions
      // region r starts at word r*WbufDepth/(2C)
      reg [WAW-1:0] rbase;
      integer ri;
      always @* begin
        rbase = {WAW{1'b0}};
        for (ri = 0; ri < 2 * C; ri = ri + 1) if (wreg == ri[RW-1:0]) rbase = ri[WAW-1:0] * Reg[WAW-1:0];
      end
      assign waddr_o = rbase + wb_q[WAW-1:0];
    end
  endgenerate
  assign half_set_o = gb_fire & w_last_b;
  assign half_o     = wreg;
  assign code_err_o = gb_acc & (|byte_bad);
  assign short_o    = run_i & tlast_o & ~wdone_q & ~gb_enough & ~half_full_i[wreg];
  assign long_o     = w_final & (~tlast_o | tin_q);
  assign final_o    = w_final;
  wire unused = ^{nc_x, rb_x, mr_x, wl_x};
endmodule
