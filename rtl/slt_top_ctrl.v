// slt_top_ctrl - the accelerator's controller and memory system, parametric.
// Instantiated by the generated top (slt_top_*), which wires it to the AXI4-Lite
// register slave and to the processing array. docs/top.md describes the design:
//   input stream -> skid -> { activation unpacker -> abuf,
//                             mode unpacker -> mode memory,
//                             weight decoder -> code gearbox -> keys -> wbuf (2 halves) }
//   compute: per chunk c (wbuf half c%2), per token n: table build (abuf, modes),
//            then RB row blocks (wbuf keys, obuf partial sums) -> array -> obuf
//   output: obuf -> 32-bit results -> packer -> output stream (one packet, TLAST)
// Every buffer is an slt_sram. Errors set a code, drain the input packet to its
// TLAST (ABORT cuts that short) and return to idle.
module slt_top_ctrl #(
  parameter integer BusBits    = 64,
  parameter integer Format     = 1,     // 0 t2, 1 t5, 2 b1
  parameter integer Binary     = 0,
  parameter integer AddSub     = 0,
  parameter integer G          = 3,
  parameter integer U          = 4,
  parameter integer L          = 4,
  parameter integer A          = 8,
  parameter integer Acc        = 22,
  parameter integer F          = 5,     // bits per (lane, unit) field of row_keys
  parameter integer MagBits    = 4,     // LUT key magnitude bits
  parameter integer Terms      = 4,     // ev_term bits per lane (U or U*G)
  parameter integer Lat        = 3,     // array latency (row_valid_i -> row_valid_o)
  parameter integer Pd         = 2,     // array psum delay (row_valid_i -> row_psum_i), 1..Lat-1
  parameter integer MaxK       = 16384,
  parameter integer MaxM       = 16384,
  parameter integer MaxN       = 8,
  parameter integer WbufDepth  = 1024,  // words of L*U*F bits, two halves
  parameter integer AbufDepth  = 1024,  // words of U*G*A bits (one chunk of one token)
  parameter integer ObufDepth  = 1024,  // words of L*Acc bits (one row block)
  parameter integer ModeDepth  = 16,    // words of U bits (one chunk's modes)
  parameter integer Ecc        = 0      // 1: SECDED on every buffer word (slt_sram_ecc)
) (
  input  wire                    clk_i,
  input  wire                    rst_ni,
  // command descriptor (register slave)
  input  wire [3:0]              cmd_opcode_i,
  input  wire [1:0]              cmd_format_i,
  input  wire                    cmd_resident_i,
  input  wire                    cmd_accumulate_i,
  input  wire [31:0]             cmd_m_i,
  input  wire [31:0]             cmd_k_i,
  input  wire [31:0]             cmd_n_i,
  input  wire [31:0]             cmd_abuf_base_i,
  input  wire [31:0]             cmd_obuf_base_i,
  input  wire                    go_i,
  input  wire                    abort_i,
  input  wire                    perf_clear_i,
  output wire                    busy_o,
  output wire                    done_set_o,
  output wire                    error_set_o,
  output wire [7:0]              err_code_o,
  output wire [31:0]             err_count_o,
  output wire [64*15-1:0]        perf_o,        // counter i at [64*i +: 64]
  // ECC events, one bit per buffer {mode, obuf, abuf, wbuf}, one cycle after the read
  output wire [3:0]              ecc_single_o,  // corrected
  output wire [3:0]              ecc_double_o,  // uncorrectable: fails the command
  // input stream
  input  wire                    s_tvalid_i,
  output wire                    s_tready_o,
  input  wire [BusBits-1:0]      s_tdata_i,
  input  wire                    s_tlast_i,
  // output stream
  output wire                    m_tvalid_o,
  input  wire                    m_tready_i,
  output wire [BusBits-1:0]      m_tdata_o,
  output wire                    m_tlast_o,
  // processing array
  output wire                    tbl_valid_o,
  output wire [U*G*A-1:0]        tbl_act_o,
  output wire [U-1:0]            tbl_mode_o,
  output wire                    row_valid_o,
  output wire [L*U*F-1:0]        row_keys_o,
  output wire [L*Acc-1:0]        row_psum_o,
  output wire                    err_clr_o,
  input  wire                    row_valid_i,
  input  wire [L*Acc-1:0]        row_psum_i,
  input  wire [U-1:0]            ev_build_i,
  input  wire [L*Terms-1:0]      ev_term_i,
  input  wire                    arr_err_i
);
  // ---- derived ------------------------------------------------------------------
  localparam integer UG      = U * G;
  localparam integer Bytes   = BusBits / 8;
  localparam integer Wpb     = (Format == 0) ? 4 : (Format == 1) ? 5 : 8;
  localparam integer Tin     = Bytes * Wpb;          // weight codes per beat
  localparam integer Smax    = L * UG;               // codes per row block
  localparam integer Cap     = Smax + Tin;           // gearbox capacity, codes
  localparam integer CW      = $clog2(Cap + 1) + 1;  // code counts
  localparam integer ActW    = UG * A;               // abuf word
  localparam integer KeyW    = L * U * F;            // wbuf word
  localparam integer PsW     = L * Acc;              // obuf word
  localparam integer Half    = WbufDepth / 2;
  localparam integer WAW     = $clog2(WbufDepth);
  localparam integer AAW     = $clog2(AbufDepth);
  localparam integer OAW     = $clog2(ObufDepth);
  localparam integer MAW     = $clog2(ModeDepth);
  localparam integer BusLog  = $clog2(BusBits);
  localparam integer PadCode = (Binary != 0) ? 2 : 1;       // padding weight: +1 (binary) / 0
  localparam integer OutInW  = L * 32;               // one row block of 32-bit results
  localparam integer OutBW   = $clog2(OutInW + 1);
  localparam integer Ternary = (Binary != 0) ? 0 : 1;
  // descriptor arithmetic without dividers or wide multipliers (synthesis):
  // NC-1, WL-1 = divmod(K-1, UG) and RB-1, MR-1 = divmod(M-1, L) by a restoring
  // division of DW bits (one bit per cycle, SDiv), then N*NC and N*RB by shift-add
  // over the NW bits of N (SMul). Values beyond MaxK/MaxM/MaxN give garbage that the
  // descriptor checks (which come first) never use.
  localparam integer KQW     = (MaxK > 2) ? $clog2(MaxK) : 1;   // bits of K-1, K <= MaxK
  localparam integer MQW     = (MaxM > 2) ? $clog2(MaxM) : 1;
  localparam integer DW      = (KQW > MQW) ? ((KQW > 2) ? KQW : 2) : ((MQW > 2) ? MQW : 2);
  localparam integer NW      = (MaxN > 1) ? $clog2(MaxN + 1) : 1;
  localparam integer RKW     = (UG > 1) ? $clog2(UG) : 1;      // remainder bits (< UG)
  localparam integer RMW     = (L > 1) ? $clog2(L) : 1;        // remainder bits (< L)
  localparam integer SCW     = (DW > NW) ? DW : NW;            // setup step counter
  // frame-bit widths of the unpackers (at least their internal count width)
  localparam integer FBW0    = $clog2(MaxK * A + 1);            // activation frame bits
  localparam integer FBW1    = $clog2(BusBits + UG * A + 1);
  localparam integer FBW     = (FBW0 > FBW1) ? FBW0 : FBW1;
  localparam integer MFW0    = $clog2(ModeDepth * U + 1);       // mode frame bits
  localparam integer MFW1    = $clog2(BusBits + U + 1);
  localparam integer MFW     = (MFW0 > MFW1) ? MFW0 : MFW1;

  localparam [3:0] OpNop = 4'd0, OpLoadAct = 4'd1, OpGemv = 4'd3, OpGemm = 4'd4;
  localparam [7:0] ErrMZero = 8'd1, ErrMBig = 8'd2, ErrKZero = 8'd3, ErrKBig = 8'd4, ErrNZero = 8'd5,
                   ErrNBig = 8'd6, ErrOpcode = 8'd7, ErrFormat = 8'd8, ErrCode = 8'd9, ErrShort = 8'd10,
                   ErrLong = 8'd11, ErrBusy = 8'd12, ErrOverflow = 8'd13, ErrAbort = 8'd14, ErrEcc = 8'd15;

  // main states
  localparam [3:0] SIdle = 4'd0, SSetup = 4'd1, SCheck = 4'd2, SAct = 4'd3, SRun = 4'd4, SOut = 4'd5,
                   SDrain = 4'd6, SFlush = 4'd7, SDone = 4'd8, SDiv = 4'd9, SMul = 4'd10;
  // input phases (who owns the input stream)
  localparam [2:0] PNone = 3'd0, PAct = 3'd1, PMode = 3'd2, PWgt = 3'd3, PDrain = 3'd4;

  // ---- state ---------------------------------------------------------------------
  reg  [3:0]  state_q, state_d;
  reg  [2:0]  phase_q, phase_d;
  reg  [3:0]  op_q;
  reg         acc_mode_q;
  reg  [31:0] m_q, k_q, n_q, abase_q, obase_q;
  reg  [1:0]  fmt_q;
  reg         resident_q;
  reg  [31:0] nc_q, rb_q, mr_q, wl_q;      // chunks, row blocks, rows in last block, codes in last chunk
  reg  [7:0]  err_q, err_d;                // error of the running command (0: none)
  reg  [SCW-1:0] step_q;              // SDiv/SMul: steps left - 1
  reg  [DW-1:0]  dk_q, dm_q;          // dividends shifting out, quotients shifting in
  reg  [RKW-1:0] rk_q;                // remainders
  reg  [RMW-1:0] rm_q;
  reg  [NW-1:0]  mn_q;                // N, MSB first
  reg  [7:0]  err_code_q;
  reg  [31:0] err_count_q;

  // ---- input skid ----------------------------------------------------------------
  wire               in_valid, in_last;
  wire [BusBits-1:0] in_data;
  reg                in_ready;
  slt_axis_skid #(.Width(BusBits + 1)) u_in_skid (
    .clk_i      (clk_i),
    .rst_ni     (rst_ni),
    .s_tvalid_i (s_tvalid_i),
    .s_tready_o (s_tready_o),
    .s_tdata_i  ({s_tlast_i, s_tdata_i}),
    .m_tvalid_o (in_valid),
    .m_tready_i (in_ready),
    .m_tdata_o  ({in_last, in_data})
  );
  wire in_acc = in_valid & in_ready;

  // soft clear of every engine: first cycle of a command, and abort
  wire clr = (state_q == SSetup) | (abort_i & (state_q != SIdle));

  // ---- activation load: stream -> unpack (one frame per token) -> abuf -------------
  wire            au_ready, au_final, au_valid, au_last, au_active;
  wire [ActW-1:0] au_data;
  reg             au_start;
  reg  [31:0]     act_tok_q;   // tokens whose frame has been opened
  reg  [31:0]     act_done_q;  // tokens completely written
  reg  [AAW-1:0]  act_addr_q;
  localparam [FBW-1:0] AC = A[FBW-1:0];
  wire [FBW-1:0]  act_frame_bits = {{(FBW-KQW-1){1'b0}}, k_q[KQW:0]} * AC;
  slt_unpack #(.InW(BusBits), .OutW(ActW), .BitsW(FBW)) u_act_unpack (
    .clk_i        (clk_i),
    .rst_ni       (rst_ni),
    .clear_i      (clr),
    .start_i      (au_start),
    .frame_bits_i (act_frame_bits),
    .in_valid_i   (in_valid & (phase_q == PAct)),
    .in_ready_o   (au_ready),
    .in_data_i    (in_data),
    .in_final_o   (au_final),
    .out_valid_o  (au_valid),
    .out_data_o   (au_data),
    .out_last_o   (au_last),
    .active_o     (au_active)
  );

  // ---- mode bits: stream -> unpack (U bits per chunk) -> mode memory ---------------
  wire           mu_ready, mu_final, mu_valid, mu_last, mu_active;
  wire [U-1:0]   mu_data;
  reg            mu_start;
  reg  [MAW-1:0] mode_waddr_q;
  reg            mode_done_q;
  localparam [MFW-1:0] UC = U[MFW-1:0];
  wire [MFW-1:0] mode_frame_bits = nc_q[MFW-1:0] * UC;
  slt_unpack #(.InW(BusBits), .OutW(U), .BitsW(MFW)) u_mode_unpack (
    .clk_i        (clk_i),
    .rst_ni       (rst_ni),
    .clear_i      (clr),
    .start_i      (mu_start),
    .frame_bits_i (mode_frame_bits),
    .in_valid_i   (in_valid & (phase_q == PMode)),
    .in_ready_o   (mu_ready),
    .in_data_i    (in_data),
    .in_final_o   (mu_final),
    .out_valid_o  (mu_valid),
    .out_data_o   (mu_data),
    .out_last_o   (mu_last),
    .active_o     (mu_active)
  );

  // ---- weights: bytes -> codes -> gearbox --------------------------------------------
  wire [2*Tin-1:0] beat_codes;
  wire [Bytes-1:0] byte_bad;
  genvar gi;
  generate
    for (gi = 0; gi < Bytes; gi = gi + 1) begin : g_dec
      slt_weight_decode #(.Format(Format)) u_dec (
        .byte_i    (in_data[8*gi +: 8]),
        .code_o    (beat_codes[2*Wpb*gi +: 2*Wpb]),
        .invalid_o (byte_bad[gi])
      );
    end
  endgenerate

  localparam [CW-1:0] SmaxC = Smax[CW-1:0];
  localparam [CW-1:0] TinC  = Tin[CW-1:0];
  localparam [31:0]   AbufD = AbufDepth;
  localparam [31:0]   ObufD = ObufDepth;
  localparam [31:0]   BytesW = Bytes;
  localparam [63:0]   BytesC = {32'd0, BytesW};
  reg  [2*Cap-1:0] gb_q, gb_d;
  reg  [CW-1:0]    gcnt_q, gcnt_d;
  reg              wtlast_q;                 // TLAST of the weight packet accepted
  // writer position
  reg  [31:0]      wc_q, wb_q;               // chunk, row block
  reg  [1:0]       half_full_q;
  reg              wdone_q;
  wire             w_last_c = (wc_q == nc_q - 32'd1);
  wire             w_last_b = (wb_q == rb_q - 32'd1);
  localparam integer WLW = $clog2(UG + 1);   // codes of a row in a chunk: 1..UG
  localparam integer WRW = $clog2(L + 1);    // rows of a block: 1..L
  localparam [WLW-1:0] UGW = UG[WLW-1:0];
  localparam [WRW-1:0] LW  = L[WRW-1:0];
  wire [WRW-1:0]   w_rows   = w_last_b ? mr_q[WRW-1:0] : LW;
  wire [WLW-1:0]   w_width  = w_last_c ? wl_q[WLW-1:0] : UGW;
  reg  [CW-1:0]    s_full_c, s_lastc, s_lastb, s_lastbc;  // codes per row block, the four cases
  wire [CW-1:0]    take     = w_last_b ? (w_last_c ? s_lastbc : s_lastb) : (w_last_c ? s_lastc : s_full_c);
  wire             w_active = (state_q == SRun) & ~wdone_q;
  wire             gb_fire  = w_active & (gcnt_q >= take) & ~half_full_q[wc_q[0]];
  wire             w_final  = gb_fire & w_last_c & w_last_b;
  wire [CW-1:0]    gcnt_after = gb_fire ? gcnt_q - take : gcnt_q;
  wire             gb_ready = (phase_q == PWgt) & ~wtlast_q & ~w_final & (gcnt_after <= SmaxC);
  wire             gb_acc   = in_valid & gb_ready;

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
    if (clr) begin
      gb_d   = {2*Cap{1'b0}};
      gcnt_d = {CW{1'b0}};
    end
  end

  // ---- codes -> keys (one row block) --------------------------------------------------
  wire [2*Smax-1:0] head = gb_q[2*Smax-1:0];
  wire [KeyW-1:0]   keys_w;
  generate
    for (gi = 0; gi < L; gi = gi + 1) begin : g_krow
      localparam integer OW = $clog2(2 * L * UG + 1);
      localparam [OW-1:0] GI2 = 2 * gi;
      wire [OW-1:0]     row_off = GI2 * {{(OW-WLW){1'b0}}, w_width};   // 2 * first code of row gi
      wire [2*Smax-1:0] shifted = head >> row_off;
      wire              real_row = (gi < w_rows);
      genvar gu;
      for (gu = 0; gu < U; gu = gu + 1) begin : g_kunit
        // key value sum (code_i - 1) * 3^i, |sum| < 3^G / 2: 2G+1 bits two's complement
        localparam integer SW = 2 * G + 1;
        reg [2*G-1:0] codes;
        reg [F-1:0]   field;
        integer       i, pos;
        reg [SW-1:0]  s;
        /* verilator lint_off UNUSEDSIGNAL */
        reg [SW-1:0]  mag;  // only MagBits bits are used
        /* verilator lint_on UNUSEDSIGNAL */
        always @* begin
          for (i = 0; i < G; i = i + 1) begin
            pos = gu * G + i;
            if (real_row && (pos < w_width)) codes[2*i +: 2] = shifted[2*pos +: 2];
            else codes[2*i +: 2] = PadCode[1:0];
          end
          field = {F{1'b0}};
          s = {SW{1'b0}};
          mag = {SW{1'b0}};
          if (AddSub != 0) begin
            for (i = 0; i < G; i = i + 1) begin
              if (Binary != 0) field[i] = (codes[2*i +: 2] == 2'd2);
              else field[2*i +: 2] = codes[2*i +: 2];
            end
          end else if (Binary != 0) begin
            field[F-1] = (codes[2*G-1 -: 2] == 2'd0);
            for (i = 0; i < G - 1; i = i + 1) field[i] = (codes[2*i +: 2] == 2'd2) ^ field[F-1];
          end else begin
            for (i = G - 1; i >= 0; i = i - 1)
              s = {s[SW-2:0], 1'b0} + s + {{(SW-2){1'b0}}, codes[2*i +: 2]} - {{(SW-1){1'b0}}, 1'b1};
            field[F-1] = s[SW-1];
            mag = s[SW-1] ? {SW{1'b0}} - s : s;
            field[MagBits-1:0] = mag[MagBits-1:0];
          end
        end
        assign keys_w[(gi*U + gu)*F +: F] = field;
      end
    end
  endgenerate

  // ---- compute engine -------------------------------------------------------------------
  reg  [31:0]    cc_q, cn_q, cb_q;        // chunk, token, row block of the next request
  reg            ct_q;                    // 1: next request is the table of (cc, cn)
  reg            cdone_q;
  reg  [7:0]     gap_q;                   // cycles since the last row request
  reg  [AAW-1:0] arow_q, aaddr_q;         // abase + cc;  abase + cn*NC + cc
  reg  [OAW-1:0] oaddr_q, owaddr_q;       // obuf read / write addresses
  reg  [31:0]    ow_cnt_q;                // writes left in this pass group (wraps at N*RB)
  reg  [31:0]    nrb_q, nnc_q;            // N * RB, N * NC
  reg  [7:0]     need_q;                  // required gap before a pass's first row
  reg  [7:0]     inflight_q;
  wire           c_half_ok = half_full_q[cc_q[0]];
  wire           c_active  = (state_q == SRun) & ~cdone_q & mode_done_q;
  wire           t_req     = c_active & ct_q & c_half_ok;
  wire           r_first   = (cb_q == 32'd0);
  wire           r_req     = c_active & ~ct_q & (~r_first | (gap_q >= need_q));
  wire           r_last_b  = (cb_q == rb_q - 32'd1);
  wire           r_last_n  = (cn_q == n_q - 32'd1);
  wire           r_last_c  = (cc_q == nc_q - 32'd1);
  wire           r_psum    = (cc_q != 32'd0) | acc_mode_q;
  // stage 2 (array inputs), one cycle after the request
  reg            tbl_v_q, row_v_q;
  // obuf partial-sum reads, issued Pd cycles after the row request so the data
  // meets the array Pd cycles after its row (ref/slt_arrayif.h psum_delay)
  reg  [Pd-1:0]  ps_rd_q;                 // stage j: a read is due j+1 cycles after the request
  reg  [Pd*OAW-1:0] ps_addr_q;            // stage j at [j*OAW +: OAW]
  reg            ps_use_q;                // row_psum_o carries obuf data this cycle
  reg  [U-1:0]   unit_real_q, unit_real2_q, row_units_q, tmode_q;
  reg  [L-1:0]   row_lanes_q, ev_lanes_q;
  reg  [U-1:0]   ev_units_q, ev_mode_q;
  reg            ev_row_q, ev_tbl_q;
  wire [U-1:0]   unit_real_now;
  // real groups of the chunk: all U unless it is the last chunk
  generate
    for (gi = 0; gi < U; gi = gi + 1) begin : g_ureal
      // group gi holds codes gi*G .. gi*G+G-1 of the chunk: real if it has any
      assign unit_real_now[gi] = ~r_last_c | (wl_q > gi * G);
    end
  endgenerate
  wire [L-1:0] lane_real_now;
  generate
    for (gi = 0; gi < L; gi = gi + 1) begin : g_lreal
      assign lane_real_now[gi] = r_last_b ? (gi < mr_q) : 1'b1;
    end
  endgenerate

  // ---- SRAMs ----------------------------------------------------------------------------
  wire [KeyW-1:0] wbuf_rdata;
  wire [ActW-1:0] abuf_rdata;
  wire [PsW-1:0]  obuf_rdata;
  wire [U-1:0]    mode_rdata;
  wire            wbuf_we = gb_fire;
  wire [WAW-1:0]  wbuf_waddr = (wc_q[0] ? Half[WAW-1:0] : {WAW{1'b0}}) + wb_q[WAW-1:0];
  wire [WAW-1:0]  wbuf_raddr = (cc_q[0] ? Half[WAW-1:0] : {WAW{1'b0}}) + cb_q[WAW-1:0];
  // (binary weights never write the mode memory, so it carries no ECC there)
  slt_sram_ecc #(.Depth(WbufDepth), .Width(KeyW), .Ecc(Ecc)) u_wbuf (
    .clk_i (clk_i), .rst_ni (rst_ni), .we_i (wbuf_we), .waddr_i (wbuf_waddr), .wdata_i (keys_w),
    .re_i (r_req), .raddr_i (wbuf_raddr), .rdata_o (wbuf_rdata),
    .err_single_o (ecc_single_o[0]), .err_double_o (ecc_double_o[0])
  );
  slt_sram_ecc #(.Depth(AbufDepth), .Width(ActW), .Ecc(Ecc)) u_abuf (
    .clk_i (clk_i), .rst_ni (rst_ni), .we_i (au_valid), .waddr_i (act_addr_q), .wdata_i (au_data),
    .re_i (t_req), .raddr_i (aaddr_q), .rdata_o (abuf_rdata),
    .err_single_o (ecc_single_o[1]), .err_double_o (ecc_double_o[1])
  );
  slt_sram_ecc #(.Depth(ModeDepth), .Width(U), .Ecc(Ecc * Ternary)) u_mode (
    .clk_i (clk_i), .rst_ni (rst_ni), .we_i (mu_valid), .waddr_i (mode_waddr_q), .wdata_i (mu_data),
    .re_i (t_req), .raddr_i (cc_q[MAW-1:0]), .rdata_o (mode_rdata),
    .err_single_o (ecc_single_o[3]), .err_double_o (ecc_double_o[3])
  );
  // output phase
  reg  [31:0]    out_left_q;   // obuf words still to read
  reg  [31:0]    out_b_q;      // row block of the next read (for the lane count)
  reg  [OAW-1:0] out_addr_q;
  reg            out_pend_q, out_pend_last_q, out_pend_part_q;
  reg            hold_v_q, hold_last_q;
  reg  [OutBW-1:0] hold_bits_q;
  reg  [OutInW-1:0] hold_q;
  wire           pk_ready, pk_idle;
  wire           hold_acc = hold_v_q & pk_ready;
  wire           out_rd   = (state_q == SOut) & (out_left_q != 32'd0) & ~out_pend_q & (~hold_v_q | hold_acc);
  wire           ps_rd    = ps_rd_q[Pd-1];
  wire           obuf_re  = ps_rd | out_rd;
  wire [OAW-1:0] obuf_raddr = out_rd ? out_addr_q : ps_addr_q[(Pd-1)*OAW +: OAW];
  slt_sram_ecc #(.Depth(ObufDepth), .Width(PsW), .Ecc(Ecc)) u_obuf (
    .clk_i (clk_i), .rst_ni (rst_ni), .we_i (row_valid_i), .waddr_i (owaddr_q), .wdata_i (row_psum_i),
    .re_i (obuf_re), .raddr_i (obuf_raddr), .rdata_o (obuf_rdata),
    .err_single_o (ecc_single_o[2]), .err_double_o (ecc_double_o[2])
  );

  // array inputs
  assign tbl_valid_o = tbl_v_q;
  assign tbl_act_o   = abuf_rdata;
  assign tbl_mode_o  = (Ternary != 0 && AddSub == 0) ? (mode_rdata & unit_real2_q) : {U{1'b0}};
  assign row_valid_o = row_v_q;
  assign row_keys_o  = wbuf_rdata;
  assign row_psum_o  = ps_use_q ? obuf_rdata : {PsW{1'b0}};
  assign err_clr_o   = clr;

  // results: sign-extend each lane to 32 bits
  wire [OutInW-1:0] res32;
  generate
    for (gi = 0; gi < L; gi = gi + 1) begin : g_res
      if (Acc < 32) begin : g_ext
        assign res32[32*gi +: 32] = {{(32-Acc){obuf_rdata[gi*Acc + Acc - 1]}}, obuf_rdata[gi*Acc +: Acc]};
      end else begin : g_same
        assign res32[32*gi +: 32] = obuf_rdata[gi*Acc +: 32];
      end
    end
  endgenerate

  slt_pack #(.InW(OutInW), .OutW(BusBits)) u_out_pack (
    .clk_i      (clk_i),
    .rst_ni     (rst_ni),
    .clear_i    (clr),
    .in_valid_i (hold_v_q),
    .in_ready_o (pk_ready),
    .in_data_i  (hold_q),
    .in_bits_i  (hold_bits_q),
    .in_last_i  (hold_last_q),
    .m_tvalid_o (m_tvalid_o),
    .m_tready_i (m_tready_i),
    .m_tdata_o  (m_tdata_o),
    .m_tlast_o  (m_tlast_o),
    .idle_o     (pk_idle)
  );

  // ---- input routing --------------------------------------------------------------------
  always @* begin
    case (phase_q)
      PAct:    in_ready = au_ready;
      PMode:   in_ready = mu_ready;
      PWgt:    in_ready = gb_ready;
      PDrain:  in_ready = 1'b1;
      default: in_ready = 1'b0;
    endcase
  end

  // ---- descriptor checks (SCheck) -------------------------------------------------------
  wire is_mm = (op_q == OpGemv) | (op_q == OpGemm);
  reg  [7:0] chk_err;
  always @* begin
    chk_err = 8'd0;
    if (op_q == OpNop) chk_err = 8'd0;
    else if (!(op_q == OpLoadAct || is_mm) || (is_mm && resident_q)) chk_err = ErrOpcode;
    else if (is_mm && fmt_q != Format[1:0]) chk_err = ErrFormat;
    else if (is_mm && m_q == 32'd0) chk_err = ErrMZero;
    else if (is_mm && m_q > MaxM) chk_err = ErrMBig;
    else if (k_q == 32'd0) chk_err = ErrKZero;
    else if (k_q > MaxK) chk_err = ErrKBig;
    else if (n_q == 32'd0) chk_err = ErrNZero;
    else if (n_q > MaxN || (op_q == OpGemv && n_q != 32'd1)) chk_err = ErrNBig;
    else if ({1'b0, abase_q} + {1'b0, nnc_q} > {1'b0, AbufD}) chk_err = ErrOverflow;
    else if (is_mm && (rb_q > Half || {1'b0, obase_q} + {1'b0, nrb_q} > {1'b0, ObufD})) chk_err = ErrOverflow;
  end
  // does the failed command own an input packet to drain?
  wire owns_input = (op_q == OpLoadAct) | is_mm;

  // ---- ECC: an uncorrectable read fails the command ---------------------------------------
  // In SRun the command stops at once (draining the rest of its input packet unless its
  // TLAST is already in); in SOut the packet is finished and the command ends with ErrEcc.
  wire ecc_bad   = (Ecc != 0) & (|ecc_double_o);   // (constant 0 without ECC, across the hierarchy)
  wire ecc_drain = ((phase_q == PMode) | ((phase_q == PWgt) & ~wtlast_q)) & ~(in_acc & in_last);
  reg  ecc_bad_q;
  always @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) ecc_bad_q <= 1'b0;
    else if (clr) ecc_bad_q <= 1'b0;
    else if (ecc_bad && state_q == SOut) ecc_bad_q <= 1'b1;
  end

  // ---- main FSM ------------------------------------------------------------------------
  wire in_err_code  = gb_acc & (|byte_bad);
  wire mode_tlast   = in_acc & (phase_q == PMode) & in_last;
  wire w_short      = (state_q == SRun) & wtlast_q & ~wdone_q & (gcnt_q < take) & ~half_full_q[wc_q[0]];
  wire w_long       = w_final & (~wtlast_q | (gcnt_q - take >= TinC));
  wire act_tlast_early = in_acc & (phase_q == PAct) & in_last & ~(au_final & (act_tok_q == n_q));
  wire act_no_tlast    = in_acc & (phase_q == PAct) & ~in_last & au_final & (act_tok_q == n_q);
  reg  fail;
  always @* begin
    state_d = state_q;
    phase_d = phase_q;
    err_d   = err_q;
    fail    = 1'b0;
    case (state_q)
      SIdle: if (go_i) begin state_d = SSetup; err_d = 8'd0; end
      SSetup: state_d = SDiv;
      SDiv: if (step_q == {SCW{1'b0}}) state_d = SMul;
      SMul: if (step_q == {SCW{1'b0}}) state_d = SCheck;
      SCheck: begin
        if (chk_err != 8'd0) begin
          err_d = chk_err; fail = 1'b1;
          state_d = owns_input ? SDrain : SFlush;
          phase_d = owns_input ? PDrain : PNone;
        end else if (op_q == OpNop) state_d = SDone;
        else if (op_q == OpLoadAct) begin state_d = SAct; phase_d = PAct; end
        else begin state_d = SRun; phase_d = (Ternary != 0) ? PMode : PWgt; end
      end
      SAct: begin
        if (act_tlast_early) begin err_d = ErrShort; state_d = SFlush; phase_d = PNone; end
        else if (act_no_tlast) begin err_d = ErrLong; state_d = SDrain; phase_d = PDrain; end
        else begin
          if (in_acc & au_final & (act_tok_q == n_q)) phase_d = PNone;
          if (au_last & (act_done_q == n_q - 32'd1)) begin state_d = SDone; phase_d = PNone; end
        end
      end
      SRun: begin
        if (mode_tlast) begin err_d = ErrShort; state_d = SFlush; phase_d = PNone; end
        else if (in_err_code) begin
          err_d = ErrCode; state_d = in_last ? SFlush : SDrain; phase_d = in_last ? PNone : PDrain;
        end else if (w_short) begin err_d = ErrShort; state_d = SFlush; phase_d = PNone; end
        else if (w_long) begin
          err_d = ErrLong; state_d = wtlast_q ? SFlush : SDrain; phase_d = wtlast_q ? PNone : PDrain;
        end else if (ecc_bad) begin   // uncorrectable SRAM word: stop, drain the packet, no results
          err_d = ErrEcc; state_d = ecc_drain ? SDrain : SFlush; phase_d = ecc_drain ? PDrain : PNone;
        end else begin
          if (phase_q == PMode && in_acc && mu_final) phase_d = PWgt;
          if (w_final) phase_d = PNone;
          if (cdone_q && inflight_q == 8'd0) state_d = SOut;
        end
      end
      SOut: if (out_left_q == 32'd0 && !out_pend_q && !hold_v_q && pk_idle) begin
        state_d = SDone;
        if (arr_err_i) err_d = ErrCode;   // a mode bit the keys contradict
        else if (ecc_bad_q | ecc_bad) err_d = ErrEcc;   // found while sending: results invalid
      end
      SDrain: if (in_acc & in_last) begin state_d = SFlush; phase_d = PNone; end
      SFlush: if (inflight_q == 8'd0) state_d = SDone;
      SDone: state_d = SIdle;
      default: state_d = SIdle;
    endcase
    if (abort_i && state_q != SIdle && state_q != SSetup) begin
      err_d = ErrAbort; state_d = SFlush; phase_d = PNone;
    end
  end

  // ---- sequential ------------------------------------------------------------------------
  wire cmd_end = (state_q == SDone);
  always @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      state_q <= SIdle; phase_q <= PNone; err_q <= 8'd0;
    end else begin
      state_q <= state_d; phase_q <= phase_d; err_q <= err_d;
    end
  end

  // descriptor latch and derived sizes
  localparam [RKW:0]  UGD = UG[RKW:0];
  localparam [RMW:0]  LD  = L[RMW:0];
  localparam [CW-1:0] UGC = UG[CW-1:0], LC = L[CW-1:0];
  wire [RKW:0]   rk2 = {rk_q, dk_q[DW-1]};
  wire [RMW:0]   rm2 = {rm_q, dm_q[DW-1]};
  wire           qk  = (rk2 >= UGD);
  wire           qm  = (rm2 >= LD);
  wire [RKW:0]   rk3 = qk ? rk2 - UGD : rk2;
  wire [RMW:0]   rm3 = qm ? rm2 - LD : rm2;
  wire [DW-1:0]  k1  = k_q[DW-1:0] - {{(DW-1){1'b0}}, 1'b1};
  wire [DW-1:0]  m1  = m_q[DW-1:0] - {{(DW-1){1'b0}}, 1'b1};
  wire [CW-1:0]  wl_c = wl_q[CW-1:0], mr_c = mr_q[CW-1:0];
  always @(posedge clk_i) begin
    if (state_q == SIdle && go_i) begin
      op_q <= cmd_opcode_i; fmt_q <= cmd_format_i; resident_q <= cmd_resident_i; acc_mode_q <= cmd_accumulate_i;
      m_q <= cmd_m_i; k_q <= cmd_k_i; n_q <= cmd_n_i; abase_q <= cmd_abuf_base_i; obase_q <= cmd_obuf_base_i;
    end
    if (state_q == SSetup) begin
      dk_q <= k1; dm_q <= m1; rk_q <= {RKW{1'b0}}; rm_q <= {RMW{1'b0}};
      step_q <= DW[SCW-1:0] - {{(SCW-1){1'b0}}, 1'b1};
    end
    if (state_q == SDiv) begin
      dk_q <= {dk_q[DW-2:0], qk}; rk_q <= rk3[RKW-1:0];
      dm_q <= {dm_q[DW-2:0], qm}; rm_q <= rm3[RMW-1:0];
      step_q <= step_q - {{(SCW-1){1'b0}}, 1'b1};
      if (step_q == {SCW{1'b0}}) begin
        // the last step: the quotients and remainders are {dk_q, qk} and rk3 (same for M)
        // (narrow additions: the upper bits are constant zeros synthesis removes)
        nc_q <= {{(31-DW){1'b0}}, {1'b0, dk_q[DW-2:0], qk} + {{DW{1'b0}}, 1'b1}};
        rb_q <= {{(31-DW){1'b0}}, {1'b0, dm_q[DW-2:0], qm} + {{DW{1'b0}}, 1'b1}};
        wl_q <= {{(31-RKW){1'b0}}, rk3 + {{RKW{1'b0}}, 1'b1}};
        mr_q <= {{(31-RMW){1'b0}}, rm3 + {{RMW{1'b0}}, 1'b1}};
        mn_q <= n_q[NW-1:0]; nrb_q <= 32'd0; nnc_q <= 32'd0;
        step_q <= NW[SCW-1:0] - {{(SCW-1){1'b0}}, 1'b1};
      end
    end
    if (state_q == SMul) begin
      // MSB first: acc = 2*acc + bit*x
      nnc_q  <= {nnc_q[30:0], 1'b0} + (mn_q[NW-1] ? nc_q : 32'd0);
      nrb_q  <= {nrb_q[30:0], 1'b0} + (mn_q[NW-1] ? rb_q : 32'd0);
      mn_q   <= mn_q << 1;
      step_q <= step_q - {{(SCW-1){1'b0}}, 1'b1};
    end
    if (state_q == SCheck) begin
      s_full_c <= SmaxC;
      s_lastc  <= LC * wl_c;
      s_lastb  <= mr_c * UGC;
      s_lastbc <= mr_c * wl_c;
      // same (token, row block) twice: the second psum read (Pd cycles after its
      // request) must follow the first one's obuf write (Lat + 1 after its request)
      need_q   <= (rb_q >= Lat - Pd + 3) ? 8'd0 : (8'd3 + Lat[7:0] - Pd[7:0] - rb_q[7:0]);
    end
  end

  // errors and status
  always @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      err_code_q <= 8'd0; err_count_q <= 32'd0;
    end else if (cmd_end && err_q != 8'd0) begin
      err_code_q <= err_q;
      if (err_count_q != 32'hffffffff) err_count_q <= err_count_q + 32'd1;
    end else if (state_q != SIdle && state_q != SSetup && go_i && err_count_q != 32'hffffffff) begin
      err_code_q <= ErrBusy; err_count_q <= err_count_q + 32'd1;
    end
  end
  assign busy_o      = (state_q != SIdle);
  assign done_set_o  = cmd_end;
  assign error_set_o = cmd_end & (err_q != 8'd0);
  assign err_code_o  = err_code_q;
  assign err_count_o = err_count_q;
  wire unused_fail = fail;

  // activation loader
  always @* au_start = ((state_q == SCheck) & (chk_err == 8'd0) & (op_q == OpLoadAct)) |
                       ((state_q == SAct) & au_last & (act_done_q != n_q - 32'd1));
  always @(posedge clk_i) begin
    if (state_q == SCheck) begin act_tok_q <= 32'd1; act_done_q <= 32'd0; act_addr_q <= abase_q[AAW-1:0]; end
    else begin
      if (au_valid) act_addr_q <= act_addr_q + {{(AAW-1){1'b0}}, 1'b1};
      if (au_last) act_done_q <= act_done_q + 32'd1;
      if (au_start) act_tok_q <= act_tok_q + 32'd1;
    end
  end

  // mode loader
  always @* mu_start = (state_q == SCheck) & (chk_err == 8'd0) & is_mm & (Ternary != 0);
  always @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin mode_waddr_q <= {MAW{1'b0}}; mode_done_q <= 1'b0; end
    else if (clr) begin mode_waddr_q <= {MAW{1'b0}}; mode_done_q <= (Ternary == 0); end
    else begin
      if (mu_valid) mode_waddr_q <= mode_waddr_q + {{(MAW-1){1'b0}}, 1'b1};
      if (mu_last) mode_done_q <= 1'b1;
    end
  end

  // gearbox and writer
  always @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      gb_q <= {2*Cap{1'b0}}; gcnt_q <= {CW{1'b0}}; wtlast_q <= 1'b0;
      wc_q <= 32'd0; wb_q <= 32'd0; wdone_q <= 1'b0;
    end else begin
      gb_q <= gb_d; gcnt_q <= gcnt_d;
      if (clr) begin wtlast_q <= 1'b0; wc_q <= 32'd0; wb_q <= 32'd0; wdone_q <= 1'b0; end
      else begin
        if (gb_acc & in_last) wtlast_q <= 1'b1;
        if (gb_fire) begin
          if (w_last_b) begin wb_q <= 32'd0; wc_q <= wc_q + 32'd1; end
          else wb_q <= wb_q + 32'd1;
          if (w_final) wdone_q <= 1'b1;
        end
      end
    end
  end

  // compute sequencer
  wire c_release = r_req & r_last_b & r_last_n;
  integer pi, pj;
  always @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      half_full_q <= 2'b00; cc_q <= 32'd0; cn_q <= 32'd0; cb_q <= 32'd0; ct_q <= 1'b1; cdone_q <= 1'b0;
      gap_q <= 8'hff; inflight_q <= 8'd0; tbl_v_q <= 1'b0; row_v_q <= 1'b0; ps_rd_q <= {Pd{1'b0}};
      ps_use_q <= 1'b0;
      ev_row_q <= 1'b0; ev_tbl_q <= 1'b0;
    end else begin
      tbl_v_q  <= t_req;
      row_v_q  <= r_req;
      ps_rd_q[0] <= r_req & r_psum;
      for (pi = 1; pi < Pd; pi = pi + 1) ps_rd_q[pi] <= ps_rd_q[pi-1];
      ps_use_q <= ps_rd;
      ev_tbl_q <= tbl_v_q;
      ev_row_q <= row_v_q;
      if (r_req) gap_q <= 8'd1;
      else if (gap_q != 8'hff) gap_q <= gap_q + 8'd1;
      inflight_q <= inflight_q + {7'd0, r_req} - {7'd0, row_valid_i};
      // half buffers: set by the writer, released by the last row request of the chunk
      if (clr) half_full_q <= 2'b00;
      else begin
        if (gb_fire & w_last_b) half_full_q[wc_q[0]] <= 1'b1;
        if (c_release) half_full_q[cc_q[0]] <= 1'b0;
      end
      if (clr) begin
        cc_q <= 32'd0; cn_q <= 32'd0; cb_q <= 32'd0; ct_q <= 1'b1; cdone_q <= 1'b0;
      end else if (t_req) ct_q <= 1'b0;
      else if (r_req) begin
        if (r_last_b) begin
          cb_q <= 32'd0; ct_q <= 1'b1;
          if (r_last_n) begin
            cn_q <= 32'd0; cc_q <= cc_q + 32'd1;
            if (r_last_c) cdone_q <= 1'b1;
          end else cn_q <= cn_q + 32'd1;
        end else cb_q <= cb_q + 32'd1;
      end
    end
  end
  always @(posedge clk_i) begin
    if (state_q == SCheck) begin
      arow_q <= abase_q[AAW-1:0]; aaddr_q <= abase_q[AAW-1:0];
      oaddr_q <= obase_q[OAW-1:0]; owaddr_q <= obase_q[OAW-1:0]; ow_cnt_q <= 32'd0;
    end else begin
      if (r_req) begin
        if (r_last_b & r_last_n) begin
          arow_q <= arow_q + {{(AAW-1){1'b0}}, 1'b1}; aaddr_q <= arow_q + {{(AAW-1){1'b0}}, 1'b1};
          oaddr_q <= obase_q[OAW-1:0];
        end else begin
          if (r_last_b) aaddr_q <= aaddr_q + nc_q[AAW-1:0];
          oaddr_q <= oaddr_q + {{(OAW-1){1'b0}}, 1'b1};
        end
      end
      if (row_valid_i) begin
        if (ow_cnt_q == nrb_q - 32'd1) begin ow_cnt_q <= 32'd0; owaddr_q <= obase_q[OAW-1:0]; end
        else begin ow_cnt_q <= ow_cnt_q + 32'd1; owaddr_q <= owaddr_q + {{(OAW-1){1'b0}}, 1'b1}; end
      end
    end
    ps_addr_q[0 +: OAW] <= oaddr_q;
    for (pj = 1; pj < Pd; pj = pj + 1) ps_addr_q[pj*OAW +: OAW] <= ps_addr_q[(pj-1)*OAW +: OAW];
    // event bookkeeping: what the array reports one cycle after the inputs
    if (t_req) unit_real2_q <= unit_real_now;
    if (tbl_v_q) begin unit_real_q <= unit_real2_q; tmode_q <= tbl_mode_o; end
    if (r_req) begin row_lanes_q <= lane_real_now; row_units_q <= unit_real2_q; end
    ev_lanes_q <= row_lanes_q; ev_units_q <= row_units_q; ev_mode_q <= tmode_q;
  end

  // output phase
  always @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      out_pend_q <= 1'b0; hold_v_q <= 1'b0; out_left_q <= 32'd0;
    end else begin
      if (state_q == SRun && state_d == SOut) out_left_q <= nrb_q;
      else if (out_rd) out_left_q <= out_left_q - 32'd1;
      if (clr) begin out_pend_q <= 1'b0; hold_v_q <= 1'b0; end
      else begin
        out_pend_q <= out_rd;
        if (out_pend_q) hold_v_q <= 1'b1;
        else if (hold_acc) hold_v_q <= 1'b0;
      end
    end
  end
  always @(posedge clk_i) begin
    if (state_q == SRun) begin out_addr_q <= obase_q[OAW-1:0]; out_b_q <= 32'd0; end
    else if (out_rd) begin
      out_addr_q <= out_addr_q + {{(OAW-1){1'b0}}, 1'b1};
      out_b_q <= (out_b_q == rb_q - 32'd1) ? 32'd0 : out_b_q + 32'd1;
      out_pend_last_q <= (out_left_q == 32'd1);
      out_pend_part_q <= (out_b_q == rb_q - 32'd1);
    end
    if (out_pend_q) begin
      hold_q      <= res32;
      hold_last_q <= out_pend_last_q;
      hold_bits_q <= out_pend_part_q ? {mr_q[OutBW-6:0], 5'd0} : OutInW[OutBW-1:0];
    end
  end

  // ---- performance counters -------------------------------------------------------------
  // counter indices (gen/regs.c): 0 busy, 1 stall, 2 table builds, 3 lookups, 4 skipped,
  // 5 bufmode adds, 6 wbuf reads, 7 wbuf writes, 8 abuf reads, 9 abuf writes,
  // 10 obuf reads, 11 obuf writes, 12 link bytes in, 13 link bytes out, 14 commands
  // per-cycle event counts: at most L*Terms, so EvW bits (zero-extended to 64 below)
  localparam integer EvW = $clog2(L * Terms + 1);
  localparam integer TW  = $clog2(Terms / U + 1);
  reg  [EvW-1:0] i_build, i_look, i_skip, i_bufadd;
  reg  [TW-1:0]  nt;
  integer     li, ui, ti;
  always @* begin
    i_build = {EvW{1'b0}}; i_look = {EvW{1'b0}}; i_skip = {EvW{1'b0}}; i_bufadd = {EvW{1'b0}};
    for (ui = 0; ui < U; ui = ui + 1)
      i_build = i_build + {{(EvW-1){1'b0}}, ev_build_i[ui] & unit_real_q[ui] & ev_tbl_q};
    for (li = 0; li < L; li = li + 1) begin
      for (ui = 0; ui < U; ui = ui + 1) begin
        nt = {TW{1'b0}};
        for (ti = 0; ti < Terms / U; ti = ti + 1) nt = nt + {{(TW-1){1'b0}}, ev_term_i[li*Terms + ui*(Terms/U) + ti]};
        if (ev_row_q && ev_lanes_q[li] && ev_units_q[ui]) begin
          if (nt == {TW{1'b0}}) i_skip = i_skip + {{(EvW-1){1'b0}}, 1'b1};
          else if (ev_mode_q[ui] && AddSub == 0) i_bufadd = i_bufadd + {{(EvW-TW){1'b0}}, nt};
          else i_look = i_look + {{(EvW-TW){1'b0}}, nt};
        end
      end
    end
  end
  // increments, counter i at [64*i +: 64]
  wire [64*15-1:0] inc = {
    {63'd0, cmd_end},                                      // 14 commands
    ((m_tvalid_o & m_tready_i) ? BytesC : 64'd0),          // 13 link bytes out
    (in_acc ? BytesC : 64'd0),                             // 12 link bytes in
    {63'd0, row_valid_i}, {63'd0, obuf_re},                // 11 obuf writes, 10 obuf reads
    {63'd0, au_valid}, {63'd0, t_req},                     // 9 abuf writes, 8 abuf reads
    {63'd0, wbuf_we}, {63'd0, r_req},                      // 7 wbuf writes, 6 wbuf reads
    {{(64-EvW){1'b0}}, i_bufadd}, {{(64-EvW){1'b0}}, i_skip},   // 5, 4
    {{(64-EvW){1'b0}}, i_look}, {{(64-EvW){1'b0}}, i_build},    // 3, 2
    {63'd0, busy_o & ~tbl_v_q & ~row_v_q},                 // 1 stall: the array idle while busy
    {63'd0, busy_o}};                                      // 0 busy
  genvar gc;
  generate
    for (gc = 0; gc < 15; gc = gc + 1) begin : g_perf
      reg [63:0] cnt_q;
      always @(posedge clk_i or negedge rst_ni) begin
        if (!rst_ni) cnt_q <= 64'd0;
        else if (perf_clear_i) cnt_q <= 64'd0;
        else cnt_q <= cnt_q + inc[64*gc +: 64];
      end
      assign perf_o[64*gc +: 64] = cnt_q;
    end
  endgenerate
  wire unused = ^{au_active, mu_active, out_b_q, BusLog, ev_build_i, arr_err_i};
endmodule
