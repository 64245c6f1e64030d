// slt_top_ctrl - the accelerator's controller and memory system, parametric.
// Instantiated by the generated top (slt_top_*), which wires it to the AXI4-Lite
// register slave and to the processing array. docs/top.md describes the design:
//   input stream -> skid -> { activation loader (slt_ctrl_act) -> abuf,
//                             mode loader (slt_ctrl_mode) -> mode memory,
//                             weight writer (slt_ctrl_wgt: decoders, gearbox, keys) -> wbuf (2*C regions) }
//   compute (slt_ctrl_seq; slt_ctrl_seq_tile when C > 1: tiles of C chunks, partial sums kept in
//            the lanes): per chunk c (wbuf region c%(2C)), per token n: table build
//            (abuf, modes), then RB row blocks (wbuf keys, obuf partial sums) -> array -> obuf
//   output (slt_ctrl_out): obuf -> 32-bit results -> packer -> output stream (one packet, TLAST)
// slt_ctrl_fsm sequences the command, slt_ctrl_desc/slt_ctrl_check take the
// descriptor, slt_ctrl_events/slt_ctrl_counters count. Every buffer is an slt_sram.
// Opcodes, error codes and the counter order come from slt_regs_pkg.vh (gen/regs.c).
`include "slt_regs_pkg.vh"
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
  parameter integer Gap        = 2,     // slt_array_reissue_gap(): cycles between issues of one row block
  parameter integer Pd         = 2,     // array psum delay (row_valid_i -> row_psum_i), 1..latency-1
  parameter integer InStages   = 0,     // array input register stages (slt_array_in_stages): events come 1 + this after the inputs
  parameter integer MaxK       = 16384,
  parameter integer MaxM       = 16384,
  parameter integer MaxN       = 8,
  parameter integer DW         = 14,    // descriptor dividend bits, slt_desc_widths() (ref/slt_busy.h)
  parameter integer NW         = 4,     // bits of N, slt_desc_widths()
  parameter integer WbufDepth  = 1024,  // words of L*U*F bits, 2*C regions (C = 1: two halves)
  parameter integer AbufDepth  = 1024,  // words of U*G*A bits (one chunk of one token)
  parameter integer ObufDepth  = 1024,  // words of L*Acc bits (one row block)
  parameter integer ModeDepth  = 16,    // words of U bits (one chunk's modes)
  parameter integer Ecc        = 0,     // 1: SECDED on every buffer word (slt_sram_ecc)
  // SRAM banking and read latency from the SRAM model (slt_buf_banks, ref/slt_bufgeom.h):
  // every buffer's data arrives ReadLatency cycles after its read request
  parameter integer ReadLatency   = 1,
  parameter integer WriteLatency  = 1,     // 2: write port registered (banked buffers)
  parameter integer WbufBanks     = 1,
  parameter integer WbufBankDepth = WbufDepth,
  parameter integer AbufBanks     = 1,
  parameter integer AbufBankDepth = AbufDepth,
  parameter integer ObufBanks     = 1,
  parameter integer ObufBankDepth = ObufDepth,
  parameter integer ModeBanks     = 1,
  parameter integer ModeBankDepth = ModeDepth,
  parameter integer ClockGating = 0,    // 1: gated clocks where registers hold still (slt_clock_gate)
  // psum_chunks: partial sums stay in the lanes across C chunks (slt_ctrl_seq_tile); 1: slt_ctrl_seq
  parameter integer C           = 1,
  parameter integer SlotW       = 1      // bits of the table slot ports: $clog2(C), 1 when C = 1 (tied to 0)
) (
  input  wire                    clk_i,
  input  wire                    rst_ni,
  // command descriptor (register slave)
  input  wire [`SLT_OP_W-1:0]    cmd_opcode_i,
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
  output wire [`SLT_ERR_W-1:0]   err_code_o,
  output wire [31:0]             err_count_o,
  output wire [64*`SLT_PERF_COUNT-1:0] perf_o,   // counter i at [64*i +: 64]
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
  output wire [SlotW-1:0]        tbl_slot_o,    // table slot of the load (psum_chunks > 1)
  output wire                    row_valid_o,
  output wire [SlotW-1:0]        row_slot_o,    // table slot of the row (psum_chunks > 1)
  output wire [L*U*F-1:0]        row_keys_o,
  output wire [L*Acc-1:0]        row_psum_o,
  output wire                    err_clr_o,
  input  wire                    row_valid_i,
  input  wire [L*Acc-1:0]        row_psum_i,
  input  wire [U-1:0]            ev_build_i,
  input  wire [L*Terms-1:0]      ev_term_i,
  input  wire                    arr_err_i
);
  localparam integer UG      = U * G;
  localparam integer Bytes   = BusBits / 8;
  localparam integer ActW    = UG * A;               // abuf word
  localparam integer KeyW    = L * U * F;            // wbuf word
  localparam integer PsW     = L * Acc;              // obuf word
  localparam integer WAW     = $clog2(WbufDepth);
  localparam integer AAW     = $clog2(AbufDepth);
  localparam integer OAW     = $clog2(ObufDepth);
  localparam integer MAW     = $clog2(ModeDepth);
  localparam integer Ternary = (Binary != 0) ? 0 : 1;
  localparam integer EvW     = $clog2(L * Terms + 1);
  // descriptor arithmetic widths (slt_ctrl_desc)
  localparam integer RKW     = (UG > 1) ? $clog2(UG) : 1;      // remainder bits (< UG)
  localparam integer RMW     = (L > 1) ? $clog2(L) : 1;        // remainder bits (< L)
  localparam integer QW      = DW + 1;                         // NC, RB
  // performance counter increments: IncW bits (events per cycle, bytes per beat)
  localparam integer BW      = $clog2(Bytes + 1);
  localparam integer IncW0   = (EvW > BW) ? EvW : BW;
  localparam integer IncW    = (IncW0 > 2) ? IncW0 : 2;
  localparam [IncW-1:0] BytesC = Bytes[IncW-1:0];
  // the request pipe: the sequencer's flags (one cycle after its requests) wait this many
  // more cycles for the buffers' data (ReadLatency in all)
  localparam integer RD0     = (ReadLatency > 1) ? ReadLatency - 1 : 0;

  // ---- input skid ----------------------------------------------------------------
  wire               in_valid, in_last, in_ready;
  wire [BusBits-1:0] in_data;
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
  // the loaders' own accepts: in_acc within their phase, without the other engines'
  // ready logic on the path (the FSM routes in_ready by phase)
  wire au_ready, mu_ready, ph_act, ph_mode;
  wire act_acc  = in_valid & au_ready & ph_act;
  wire mode_acc = in_valid & mu_ready & ph_mode;

  // ---- command state machine -----------------------------------------------------
  wire latch, st_setup, st_div, st_mul, st_check, st_act, st_run, st_out, run_to_out, clr;
  wire ph_wgt, step_zero, owns_input, is_load, is_mm;
  wire [`SLT_ERR_W-1:0] chk_err;
  wire [`SLT_OP_W-1:0]  op;
  wire au_short, au_long, au_in_end, au_end;
  wire mu_tlast, mu_end, modes_ready;
  wire gb_ready, w_code_err, w_short, w_long, w_final, w_tlast;
  wire c_done, c_empty, out_done;
  slt_ctrl_fsm #(.Ternary(Ternary)) u_fsm (
    .clk_i (clk_i), .rst_ni (rst_ni), .go_i (go_i), .abort_i (abort_i),
    .step_zero_i (step_zero), .chk_err_i (chk_err), .owns_input_i (owns_input), .op_i (op),
    .in_acc_i (in_acc), .in_last_i (in_last),
    .act_ready_i (au_ready), .mode_ready_i (mu_ready), .wgt_ready_i (gb_ready), .in_ready_o (in_ready),
    .act_short_i (au_short), .act_long_i (au_long), .act_in_end_i (au_in_end), .act_end_i (au_end),
    .mode_tlast_i (mu_tlast), .mode_end_i (mu_end),
    .w_code_err_i (w_code_err), .w_short_i (w_short), .w_long_i (w_long), .w_final_i (w_final),
    .wtlast_i (w_tlast),
    .comp_done_i (c_done), .array_empty_i (c_empty), .out_done_i (out_done), .arr_err_i (arr_err_i),
    .ecc_err_i ((Ecc != 0) & (|ecc_double_o)),
    .latch_o (latch), .st_setup_o (st_setup), .st_div_o (st_div), .st_mul_o (st_mul),
    .st_check_o (st_check), .st_act_o (st_act), .st_run_o (st_run), .st_out_o (st_out),
    .run_to_out_o (run_to_out), .clr_o (clr), .ph_act_o (ph_act), .ph_mode_o (ph_mode), .ph_wgt_o (ph_wgt),
    .busy_o (busy_o), .done_set_o (done_set_o), .error_set_o (error_set_o),
    .err_code_o (err_code_o), .err_count_o (err_count_o)
  );

  // ---- descriptor and its checks -------------------------------------------------
  wire [1:0]  fmt;
  wire        resident, acc_mode;
  wire [31:0] m, k, n, abase, obase, nnc, nrb;
  wire [DW:0]  nc, rb;
  wire [RMW:0] mr;
  wire [RKW:0] wl;
  slt_ctrl_desc #(.UG(UG), .L(L), .DW(DW), .NW(NW), .RKW(RKW), .RMW(RMW), .ClockGating(ClockGating)) u_desc (
    .clk_i (clk_i), .latch_i (latch), .setup_i (st_setup), .div_i (st_div), .mul_i (st_mul),
    .cmd_opcode_i (cmd_opcode_i), .cmd_format_i (cmd_format_i), .cmd_resident_i (cmd_resident_i),
    .cmd_accumulate_i (cmd_accumulate_i), .cmd_m_i (cmd_m_i), .cmd_k_i (cmd_k_i), .cmd_n_i (cmd_n_i),
    .cmd_abuf_base_i (cmd_abuf_base_i), .cmd_obuf_base_i (cmd_obuf_base_i),
    .step_zero_o (step_zero), .op_o (op), .fmt_o (fmt), .resident_o (resident), .acc_mode_o (acc_mode),
    .m_o (m), .k_o (k), .n_o (n), .abase_o (abase), .obase_o (obase),
    .nc_o (nc), .rb_o (rb), .mr_o (mr), .wl_o (wl), .nnc_o (nnc), .nrb_o (nrb)
  );
  slt_ctrl_check #(.Format(Format), .MaxK(MaxK), .MaxM(MaxM), .MaxN(MaxN), .AbufDepth(AbufDepth),
                   .ObufDepth(ObufDepth), .Half(WbufDepth / (2 * C)), .QW(QW)) u_check (
    .clk_i (clk_i), .op_i (op), .fmt_i (fmt), .resident_i (resident), .m_i (m), .k_i (k), .n_i (n),
    .abase_i (abase), .obase_i (obase), .nnc_i (nnc), .nrb_i (nrb), .rb_i (rb),
    .err_o (chk_err), .is_load_o (is_load), .is_mm_o (is_mm), .owns_input_o (owns_input)
  );
  wire chk_ok = st_check & (chk_err == `SLT_ERR_NONE);

  // ---- activation load: stream -> unpack (one frame per token) -> abuf -------------
  wire            au_we;
  wire [AAW-1:0]  au_waddr;
  wire [ActW-1:0] au_wdata;
  slt_ctrl_act #(.BusBits(BusBits), .ActW(ActW), .A(A), .MaxK(MaxK), .AbufDepth(AbufDepth)) u_act (
    .clk_i (clk_i), .rst_ni (rst_ni), .clr_i (clr), .check_i (st_check), .start_i (chk_ok & is_load),
    .act_i (st_act), .sel_i (ph_act), .k_i (k), .n_i (n), .abase_i (abase),
    .in_valid_i (in_valid), .in_acc_i (act_acc), .in_last_i (in_last), .in_data_i (in_data),
    .ready_o (au_ready), .we_o (au_we), .waddr_o (au_waddr), .wdata_o (au_wdata),
    .short_o (au_short), .long_o (au_long), .in_end_o (au_in_end), .end_o (au_end)
  );

  // ---- mode bits: stream -> unpack (U bits per chunk) -> mode memory ---------------
  wire           mu_we;
  wire [MAW-1:0] mu_waddr;
  wire [U-1:0]   mu_wdata;
  slt_ctrl_mode #(.BusBits(BusBits), .U(U), .Ternary(Ternary), .ModeDepth(ModeDepth), .QW(QW)) u_mode_load (
    .clk_i (clk_i), .rst_ni (rst_ni), .clr_i (clr), .start_i (chk_ok & is_mm & (Ternary != 0)),
    .sel_i (ph_mode), .nc_i (nc),
    .in_valid_i (in_valid), .in_acc_i (mode_acc), .in_last_i (in_last), .in_data_i (in_data),
    .ready_o (mu_ready), .we_o (mu_we), .waddr_o (mu_waddr), .wdata_o (mu_wdata),
    .done_o (modes_ready), .tlast_o (mu_tlast), .end_o (mu_end)
  );

  // ---- weights: bytes -> codes -> gearbox -> keys -> wbuf ---------------------------
  localparam integer HW = $clog2(2 * C);   // wbuf region index bits (C = 1: the two halves)
  wire [2*C-1:0]  half_full;
  wire            wbuf_we, half_set;
  wire [HW-1:0]   half;
  wire [WAW-1:0]  wbuf_waddr;
  wire [KeyW-1:0] wbuf_wdata;
  slt_ctrl_wgt #(.BusBits(BusBits), .Format(Format), .Binary(Binary), .AddSub(AddSub), .G(G), .U(U), .L(L),
                 .F(F), .MagBits(MagBits), .C(C), .WbufDepth(WbufDepth), .QW(QW), .MRW(RMW + 1), .WKW(RKW + 1)) u_wgt (
    .clk_i (clk_i), .rst_ni (rst_ni), .clr_i (clr), .check_i (st_check), .run_i (st_run), .sel_i (ph_wgt),
    .nc_i (nc), .rb_i (rb), .mr_i (mr), .wl_i (wl), .half_full_i (half_full),
    .in_valid_i (in_valid), .in_last_i (in_last), .in_data_i (in_data),
    .ready_o (gb_ready), .we_o (wbuf_we), .waddr_o (wbuf_waddr), .wdata_o (wbuf_wdata),
    .half_set_o (half_set), .half_o (half), .code_err_o (w_code_err), .short_o (w_short),
    .long_o (w_long), .final_o (w_final), .tlast_o (w_tlast)
  );

  // ---- compute sequencer ----------------------------------------------------------
  wire           t_req, r_req, ps_re, ps_use, tbl_v, row_v;
  wire [WAW-1:0] wbuf_raddr;
  wire [AAW-1:0] abuf_raddr;
  wire [MAW-1:0] mode_raddr;
  wire [OAW-1:0] ps_raddr, obuf_waddr;
  wire [U-1:0]   unit_real;
  wire [L-1:0]   lane_real;
  wire seq_empty;
  wire           obuf_we;     // an array output is written to obuf
  wire [SlotW-1:0] ev_slot;   // table slot of the request at the array's input (events)
  wire [U-1:0]   ev_row_units; // real groups of the row at the array's input (events)
  wire [U-1:0]   unit_real_d;  // the table request's real groups at the array's input (request pipe below)
  wire [PsW-1:0] psum_fw;     // the array's own output, forwarded as the next chunk's psum
  generate
    if (C == 1) begin : g_seq
      slt_ctrl_seq #(.U(U), .G(G), .L(L), .Gap(Gap), .Pd(Pd), .WbufDepth(WbufDepth), .AbufDepth(AbufDepth),
                     .HalfDelay(WriteLatency - 1),
                     .ObufDepth(ObufDepth), .ModeDepth(ModeDepth), .QW(QW), .MRW(RMW + 1), .WKW(RKW + 1)) u_seq (
        .clk_i (clk_i), .rst_ni (rst_ni), .clr_i (clr), .check_i (st_check), .run_i (st_run),
        .modes_done_i (modes_ready), .modes_written_i (mu_waddr), .nc_i (nc), .rb_i (rb), .n_i (n), .mr_i (mr), .wl_i (wl), .nrb_i (nrb),
        .abase_i (abase), .obase_i (obase), .acc_mode_i (acc_mode),
        .half_set_i (half_set), .half_i (half), .row_valid_i (row_valid_i),
        .half_full_o (half_full), .t_req_o (t_req), .r_req_o (r_req),
        .wbuf_raddr_o (wbuf_raddr), .abuf_raddr_o (abuf_raddr), .mode_raddr_o (mode_raddr),
        .ps_re_o (ps_re), .ps_raddr_o (ps_raddr), .ps_use_o (ps_use), .obuf_waddr_o (obuf_waddr),
        .tbl_v_o (tbl_v), .row_v_o (row_v), .done_o (c_done), .empty_o (seq_empty),
        .unit_real_o (unit_real), .lane_real_o (lane_real)
      );
      assign obuf_we    = row_valid_i;
      assign psum_fw    = {PsW{1'b0}};
      assign ev_slot    = {SlotW{1'b0}};
      assign ev_row_units = unit_real_d;
      assign tbl_slot_o = {SlotW{1'b0}};
      assign row_slot_o = {SlotW{1'b0}};
    end else begin : g_seq_tile
      wire             fw_use, fin, fw_d, fin_d, fin_out;
      wire [SlotW-1:0] slot, slot_d;
      wire [U-1:0]     row_units, row_units_d;
      slt_ctrl_seq_tile #(.U(U), .G(G), .L(L), .C(C), .Gap(Gap), .Pd(Pd), .WbufDepth(WbufDepth),
                          .AbufDepth(AbufDepth), .HalfDelay(WriteLatency - 1), .ObufDepth(ObufDepth),
                          .ModeDepth(ModeDepth), .QW(QW), .MRW(RMW + 1), .WKW(RKW + 1)) u_seq (
        .clk_i (clk_i), .rst_ni (rst_ni), .clr_i (clr), .check_i (st_check), .run_i (st_run),
        .modes_done_i (modes_ready), .modes_written_i (mu_waddr), .nc_i (nc), .rb_i (rb), .n_i (n), .mr_i (mr), .wl_i (wl), .nrb_i (nrb),
        .abase_i (abase), .obase_i (obase), .acc_mode_i (acc_mode),
        .half_set_i (half_set), .half_i (half), .row_valid_i (row_valid_i), .wr_i (obuf_we),
        .half_full_o (half_full), .t_req_o (t_req), .r_req_o (r_req),
        .wbuf_raddr_o (wbuf_raddr), .abuf_raddr_o (abuf_raddr), .mode_raddr_o (mode_raddr),
        .ps_re_o (ps_re), .ps_raddr_o (ps_raddr), .ps_use_o (ps_use), .fw_use_o (fw_use), .obuf_waddr_o (obuf_waddr),
        .tbl_v_o (tbl_v), .row_v_o (row_v), .slot_o (slot), .fin_o (fin), .done_o (c_done), .empty_o (seq_empty),
        .unit_real_o (unit_real), .row_units_o (row_units), .lane_real_o (lane_real)
      );
      // the slot and the write flag wait with the request pipe's flags (below) for the
      // buffers' data; the write flag then the array's latency (Pd + 1) for its output
      slt_delay #(.Width(SlotW + U + 2), .Depth(RD0)) u_tile_pipe (
        .clk_i (clk_i), .rst_ni (rst_ni), .d_i ({slot, row_units, fw_use, fin}), .q_o ({slot_d, row_units_d, fw_d, fin_d})
      );
      slt_delay #(.Width(1), .Depth(Pd + 1)) u_fin_pipe (
        .clk_i (clk_i), .rst_ni (rst_ni), .d_i (fin_d), .q_o (fin_out)
      );
      assign obuf_we    = row_valid_i & fin_out;
      assign psum_fw    = fw_d ? row_psum_i : {PsW{1'b0}};
      assign tbl_slot_o = slot_d;
      assign row_slot_o = slot_d;
      assign ev_slot    = slot_d;
      assign ev_row_units = row_units_d;
    end
  endgenerate

  // the array is empty once every row is back and its obuf write has landed (the
  // obuf's write registers hold the last one WriteLatency - 1 cycles)
  generate
    if (WriteLatency <= 1) begin : g_empty_now
      assign c_empty = seq_empty;
    end else begin : g_empty_wait
      reg [WriteLatency-2:0] wpend_q;
      /* verilator lint_off UNUSEDSIGNAL */
      wire [WriteLatency-1:0] wpend_next = {wpend_q, row_valid_i};
      /* verilator lint_on UNUSEDSIGNAL */
      always @(posedge clk_i or negedge rst_ni) begin
        if (!rst_ni) wpend_q <= {(WriteLatency-1){1'b0}};
        else wpend_q <= wpend_next[WriteLatency-2:0];
      end
      assign c_empty = seq_empty & ~(|wpend_q);
    end
  endgenerate

  // ---- output phase ---------------------------------------------------------------
  wire           out_rd;
  wire [OAW-1:0] out_raddr;
  wire [PsW-1:0] obuf_rdata;
  slt_ctrl_out #(.BusBits(BusBits), .L(L), .Acc(Acc), .ObufDepth(ObufDepth), .QW(QW), .MRW(RMW + 1),
                 .ReadLatency(ReadLatency)) u_out (
    .clk_i (clk_i), .rst_ni (rst_ni), .clr_i (clr), .run_i (st_run), .out_i (st_out), .start_i (run_to_out),
    .nrb_i (nrb), .rb_i (rb), .mr_i (mr), .obase_i (obase),
    .re_o (out_rd), .raddr_o (out_raddr), .rdata_i (obuf_rdata), .done_o (out_done),
    .m_tvalid_o (m_tvalid_o), .m_tready_i (m_tready_i), .m_tdata_o (m_tdata_o), .m_tlast_o (m_tlast_o)
  );

  // ---- SRAMs ----------------------------------------------------------------------
  wire [KeyW-1:0] wbuf_rdata;
  wire [ActW-1:0] abuf_rdata;
  wire [U-1:0]    mode_rdata;
  wire            obuf_re    = ps_re | out_rd;
  wire [OAW-1:0]  obuf_raddr = out_rd ? out_raddr : ps_raddr;
  // slt_sram_ecc: an slt_sram, plus SECDED when Ecc = 1 (binary builds never write the
  // mode memory, so it carries no ECC there)
  slt_sram_ecc #(.Depth(WbufDepth), .Width(KeyW), .Ecc(Ecc),
                 .Banks(WbufBanks), .BankDepth(WbufBankDepth), .ReadLatency(ReadLatency), .WriteLatency(WriteLatency), .ClockGating(ClockGating)) u_wbuf (
    .clk_i (clk_i), .rst_ni (rst_ni), .we_i (wbuf_we), .waddr_i (wbuf_waddr), .wdata_i (wbuf_wdata),
    .re_i (r_req), .raddr_i (wbuf_raddr), .rdata_o (wbuf_rdata),
    .err_single_o (ecc_single_o[0]), .err_double_o (ecc_double_o[0])
  );
  slt_sram_ecc #(.Depth(AbufDepth), .Width(ActW), .Ecc(Ecc),
                 .Banks(AbufBanks), .BankDepth(AbufBankDepth), .ReadLatency(ReadLatency), .WriteLatency(WriteLatency), .ClockGating(ClockGating)) u_abuf (
    .clk_i (clk_i), .rst_ni (rst_ni), .we_i (au_we), .waddr_i (au_waddr), .wdata_i (au_wdata),
    .re_i (t_req), .raddr_i (abuf_raddr), .rdata_o (abuf_rdata),
    .err_single_o (ecc_single_o[1]), .err_double_o (ecc_double_o[1])
  );
  slt_sram_ecc #(.Depth(ModeDepth), .Width(U), .Ecc(Ecc * Ternary),
                 .Banks(ModeBanks), .BankDepth(ModeBankDepth), .ReadLatency(ReadLatency), .ClockGating(ClockGating)) u_mode (
    .clk_i (clk_i), .rst_ni (rst_ni), .we_i (mu_we), .waddr_i (mu_waddr), .wdata_i (mu_wdata),
    .re_i (t_req), .raddr_i (mode_raddr), .rdata_o (mode_rdata),
    .err_single_o (ecc_single_o[3]), .err_double_o (ecc_double_o[3])
  );
  slt_sram_ecc #(.Depth(ObufDepth), .Width(PsW), .Ecc(Ecc),
                 .Banks(ObufBanks), .BankDepth(ObufBankDepth), .ReadLatency(ReadLatency), .WriteLatency(WriteLatency), .ClockGating(ClockGating)) u_obuf (
    .clk_i (clk_i), .rst_ni (rst_ni), .we_i (obuf_we), .waddr_i (obuf_waddr), .wdata_i (row_psum_i),
    .re_i (obuf_re), .raddr_i (obuf_raddr), .rdata_o (obuf_rdata),
    .err_single_o (ecc_single_o[2]), .err_double_o (ecc_double_o[2])
  );

  // ---- request pipe: the sequencer's flags (one cycle after its requests) wait
  // ReadLatency - 1 more cycles for the buffers' data, with the row request and the
  // real lanes/groups the event counters line up with them
  localparam integer PW = 4 + U + L;
  wire [PW-1:0] pipe_in = {r_req, tbl_v, row_v, ps_use, unit_real, lane_real};
  wire [PW-1:0] pipe_out;
  wire          r_req_d, tbl_v_d, row_v_d, ps_use_d;
  wire [L-1:0]  lane_real_d;
  slt_delay #(.Width(PW), .Depth(RD0)) u_req_pipe (
    .clk_i (clk_i), .rst_ni (rst_ni), .d_i (pipe_in), .q_o (pipe_out)
  );
  assign {r_req_d, tbl_v_d, row_v_d, ps_use_d, unit_real_d, lane_real_d} = pipe_out;

  // ---- array inputs ---------------------------------------------------------------
  assign tbl_valid_o = tbl_v_d;
  assign tbl_act_o   = abuf_rdata;
  assign tbl_mode_o  = (Ternary != 0 && AddSub == 0) ? (mode_rdata & unit_real_d) : {U{1'b0}};
  assign row_valid_o = row_v_d;
  assign row_keys_o  = wbuf_rdata;
  assign row_psum_o  = ps_use_d ? obuf_rdata : psum_fw;
  assign err_clr_o   = clr;

  // ---- performance counters (order: the register table) ---------------------------
  wire [EvW-1:0] ev_build, ev_look, ev_skip, ev_bufadd;
  slt_ctrl_events #(.U(U), .L(L), .Terms(Terms), .AddSub(AddSub), .InStages(InStages), .C(C), .SlotW(SlotW)) u_events (
    .clk_i (clk_i), .rst_ni (rst_ni), .clear_i (perf_clear_i), .r_req_in_i (r_req_d), .tbl_v_in_i (tbl_v_d), .row_v_in_i (row_v_d),
    .unit_real_in_i (unit_real_d), .lane_real_in_i (lane_real_d), .tbl_mode_in_i (tbl_mode_o),
    .slot_in_i (ev_slot), .row_units_in_i (ev_row_units),
    .ev_build_i (ev_build_i), .ev_term_i (ev_term_i),
    .build_o (ev_build), .look_o (ev_look), .skip_o (ev_skip), .bufadd_o (ev_bufadd)
  );
  // every counter adds IncW bits per cycle; the 1-bit event counters are Single
  reg [IncW*`SLT_PERF_COUNT-1:0] inc;
  always @* begin
    inc = {(IncW*`SLT_PERF_COUNT){1'b0}};
    inc[IncW*`SLT_PERF_CYCLES_BUSY    +: IncW] = {{(IncW-1){1'b0}}, busy_o};
    inc[IncW*`SLT_PERF_CYCLES_STALL   +: IncW] = {{(IncW-1){1'b0}}, busy_o & ~tbl_v & ~row_v};  // array idle while busy
    inc[IncW*`SLT_PERF_TABLE_BUILDS   +: IncW] = {{(IncW-EvW){1'b0}}, ev_build};
    inc[IncW*`SLT_PERF_LOOKUPS        +: IncW] = {{(IncW-EvW){1'b0}}, ev_look};
    inc[IncW*`SLT_PERF_SKIPPED_GROUPS +: IncW] = {{(IncW-EvW){1'b0}}, ev_skip};
    inc[IncW*`SLT_PERF_BUFMODE_ADDS   +: IncW] = {{(IncW-EvW){1'b0}}, ev_bufadd};
    inc[IncW*`SLT_PERF_WBUF_READS     +: IncW] = {{(IncW-1){1'b0}}, r_req};
    inc[IncW*`SLT_PERF_WBUF_WRITES    +: IncW] = {{(IncW-1){1'b0}}, wbuf_we};
    inc[IncW*`SLT_PERF_ABUF_READS     +: IncW] = {{(IncW-1){1'b0}}, t_req};
    inc[IncW*`SLT_PERF_ABUF_WRITES    +: IncW] = {{(IncW-1){1'b0}}, au_we};
    inc[IncW*`SLT_PERF_OBUF_READS     +: IncW] = {{(IncW-1){1'b0}}, obuf_re};
    inc[IncW*`SLT_PERF_OBUF_WRITES    +: IncW] = {{(IncW-1){1'b0}}, obuf_we};
    inc[IncW*`SLT_PERF_LINK_BYTES_IN  +: IncW] = in_acc ? BytesC : {IncW{1'b0}};
    inc[IncW*`SLT_PERF_LINK_BYTES_OUT +: IncW] = (m_tvalid_o & m_tready_i) ? BytesC : {IncW{1'b0}};
    inc[IncW*`SLT_PERF_COMMANDS       +: IncW] = {{(IncW-1){1'b0}}, done_set_o};
  end
  // counters that add at most 1 per cycle (the others: events and bytes)
  localparam [`SLT_PERF_COUNT-1:0] Single =
    (`SLT_PERF_COUNT'd1 << `SLT_PERF_CYCLES_BUSY) | (`SLT_PERF_COUNT'd1 << `SLT_PERF_CYCLES_STALL) |
    (`SLT_PERF_COUNT'd1 << `SLT_PERF_WBUF_READS) | (`SLT_PERF_COUNT'd1 << `SLT_PERF_WBUF_WRITES) |
    (`SLT_PERF_COUNT'd1 << `SLT_PERF_ABUF_READS) | (`SLT_PERF_COUNT'd1 << `SLT_PERF_ABUF_WRITES) |
    (`SLT_PERF_COUNT'd1 << `SLT_PERF_OBUF_READS) | (`SLT_PERF_COUNT'd1 << `SLT_PERF_OBUF_WRITES) |
    (`SLT_PERF_COUNT'd1 << `SLT_PERF_COMMANDS);
  slt_ctrl_counters #(.IncW(IncW), .Single(Single), .ClockGating(ClockGating)) u_counters (
    .clk_i (clk_i), .rst_ni (rst_ni), .clear_i (perf_clear_i), .inc_i (inc), .cnt_o (perf_o)
  );
endmodule
