// slt_ctrl_seq - the compute sequencer: per chunk c (wbuf half c%2, released by the
// chunk's last row request), per token n: one table request (abuf word, modes of c),
// then RB row requests (wbuf keys; obuf partial sums read Pd cycles later from the
// second chunk on, or from the first with ACCUMULATE); the array's outputs are
// written back to obuf. The issue-gap rule (ref/slt_arrayif.h, one source: Gap is
// slt_array_reissue_gap() from the generator): a pass's first row request waits
// until Gap + 2 - RB cycles have passed since the previous row request, i.e. a pass
// has max(0, Gap - RB) bubbles, as the event model's compute_cycles counts.
module slt_ctrl_seq #(
  parameter integer MRW       = 16,   // bits of MR (1..L)
  parameter integer QW        = 16,   // bits of NC and RB
  parameter integer WKW       = 16,   // bits of WL (1..U*G)
  parameter integer U         = 4,
  parameter integer G         = 3,
  parameter integer L         = 4,
  parameter integer Gap       = 2,     // slt_array_reissue_gap(): cycles between issues of one row block
  parameter integer Pd        = 2,     // array psum delay (row_valid_i -> row_psum_i)
  parameter integer WbufDepth = 1024,
  parameter integer AbufDepth = 1024,
  parameter integer ObufDepth = 1024,
  parameter integer ModeDepth = 16,
  parameter integer HalfDelay = 0      // wbuf write latency - 1: a filled half is read this many cycles later
) (
  input  wire        clk_i,
  input  wire        rst_ni,
  input  wire        clr_i,
  input  wire        check_i,          // descriptor check cycle: base addresses, gap rule
  input  wire        run_i,
  input  wire        modes_done_i,     // every chunk's modes are in the mode memory
  input  wire [$clog2(ModeDepth)-1:0] modes_written_i,  // else: chunks whose modes are written
  input  wire [QW-1:0] nc_i,
  input  wire [QW-1:0] rb_i,
  input  wire [31:0] n_i,
  input  wire [MRW-1:0] mr_i,
  input  wire [WKW-1:0] wl_i,
  input  wire [31:0] nrb_i,
  input  wire [31:0] abase_i,
  input  wire [31:0] obase_i,
  input  wire        acc_mode_i,       // CMD_CTRL.ACCUMULATE
  input  wire        half_set_i,       // the writer filled a half
  input  wire        half_i,
  input  wire        row_valid_i,      // the array's output (obuf write)
  output reg  [1:0]  half_full_o,
  output wire        t_req_o,          // table request (abuf and mode reads)
  output wire        r_req_o,          // row request (wbuf read)
  output wire [$clog2(WbufDepth)-1:0] wbuf_raddr_o,
  output reg  [$clog2(AbufDepth)-1:0] abuf_raddr_o,
  output wire [$clog2(ModeDepth)-1:0] mode_raddr_o,
  output wire        ps_re_o,          // obuf partial-sum read
  output wire [$clog2(ObufDepth)-1:0] ps_raddr_o,
  output reg         ps_use_o,         // row_psum carries obuf data this cycle
  output reg  [$clog2(ObufDepth)-1:0] obuf_waddr_o,
  output reg         tbl_v_o,          // array inputs, one cycle after the requests
  output reg         row_v_o,
  output wire        done_o,           // every pass issued
  output wire        empty_o,          // no row in flight in the array
  output reg  [U-1:0] unit_real_o,     // real groups of the last table request's chunk
  output wire [L-1:0] lane_real_o      // real lanes of the current row request
);
  wire [31:0] nc_x = {{(32-QW){1'b0}}, nc_i};
  wire [31:0] rb_x = {{(32-QW){1'b0}}, rb_i};
  wire [31:0] mr_x = {{(32-MRW){1'b0}}, mr_i};
  wire [31:0] wl_x = {{(32-WKW){1'b0}}, wl_i};
  localparam integer WAW  = $clog2(WbufDepth);
  localparam integer AAW  = $clog2(AbufDepth);
  localparam integer OAW  = $clog2(ObufDepth);
  localparam integer MAW  = $clog2(ModeDepth);
  localparam integer Half = WbufDepth / 2;

  reg  [31:0]    cc_q, cn_q, cb_q;        // chunk, token, row block of the next request
  reg            ct_q;                    // 1: next request is the table of (cc, cn)
  reg            cdone_q;
  reg  [7:0]     gap_q;                   // cycles since the last row request
  reg  [AAW-1:0] arow_q;                  // abase + cc (abuf_raddr_o: abase + cn*NC + cc)
  reg  [OAW-1:0] oaddr_q;                 // obuf read address
  reg  [31:0]    ow_cnt_q;                // writes left in this pass group (wraps at N*RB)
  reg  [7:0]     need_q;                  // required gap before a pass's first row
  reg  [7:0]     inflight_q;
  // obuf partial-sum reads, issued Pd cycles after the row request so the data
  // meets the array Pd cycles after its row (ref/slt_arrayif.h psum_delay)
  reg  [Pd-1:0]  ps_rd_q;                 // stage j: a read is due j+1 cycles after the request
  reg  [Pd*OAW-1:0] ps_addr_q;            // stage j at [j*OAW +: OAW]
  // a half becomes readable HalfDelay cycles after the writer filled it (its last
  // write is still in the wbuf's write registers until then); the writer sees it at once
  wire [1:0]     half_new;
  wire           c_half_ok = half_full_o[cc_q[0]] & ~half_new[cc_q[0]];
  // a chunk's table waits for its mode word only (not for the whole mode section)
  wire           c_modes   = modes_done_i | ({{(32-MAW){1'b0}}, modes_written_i} > cc_q);
  wire           c_active  = run_i & ~cdone_q & c_modes;
  wire           t_req     = c_active & ct_q & c_half_ok;
  // position flags, registered (set at the check, updated with the counters), so
  // no 32-bit compare sits in front of the request logic:
  // r_first = (cb_q == 0), r_last_b/n/c = (cb_q == RB-1), (cn_q == N-1), (cc_q == NC-1)
  reg            r_first, r_last_b, r_last_n, r_last_c, ow_last;
  reg  [31:0]    rb_m2_q, n_m2_q, nc_m2_q, nrb_m2_q;   // RB-2, N-2, NC-2, N*RB-2
  wire           r_req     = c_active & ~ct_q & (~r_first | (gap_q >= need_q));
  wire           r_psum    = (cc_q != 32'd0) | acc_mode_i;
  wire           c_release = r_req & r_last_b & r_last_n;
  wire [U-1:0]   unit_real_now;
  genvar gi;
  generate
    // real groups of the chunk: all U unless it is the last chunk;
    // group gi holds codes gi*G .. gi*G+G-1 of the chunk: real if it has any
    for (gi = 0; gi < U; gi = gi + 1) begin : g_ureal
      assign unit_real_now[gi] = ~r_last_c | (wl_x > gi * G);
    end
    for (gi = 0; gi < L; gi = gi + 1) begin : g_lreal
      assign lane_real_o[gi] = r_last_b ? (gi < mr_x) : 1'b1;
    end
  endgenerate

  slt_fill_wait #(.R(2), .Delay(HalfDelay)) u_fill_wait (
    .clk_i (clk_i), .rst_ni (rst_ni), .clr_i (clr_i), .set_i (half_set_i), .idx_i (half_i), .new_o (half_new)
  );

  integer pi, pj;
  always @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      half_full_o <= 2'b00; cc_q <= 32'd0; cn_q <= 32'd0; cb_q <= 32'd0; ct_q <= 1'b1; cdone_q <= 1'b0;
      gap_q <= 8'hff; inflight_q <= 8'd0; tbl_v_o <= 1'b0; row_v_o <= 1'b0; ps_rd_q <= {Pd{1'b0}};
      ps_use_o <= 1'b0;
    end else begin
      tbl_v_o  <= t_req;
      row_v_o  <= r_req;
      ps_rd_q[0] <= r_req & r_psum;
      for (pi = 1; pi < Pd; pi = pi + 1) ps_rd_q[pi] <= ps_rd_q[pi-1];
      ps_use_o <= ps_re_o;
      if (r_req) gap_q <= 8'd1;
      else if (gap_q != 8'hff) gap_q <= gap_q + 8'd1;
      inflight_q <= inflight_q + {7'd0, r_req} - {7'd0, row_valid_i};
      // half buffers: set by the writer, released by the last row request of the chunk
      if (clr_i) half_full_o <= 2'b00;
      else begin
        if (half_set_i) half_full_o[half_i] <= 1'b1;
        if (c_release) half_full_o[cc_q[0]] <= 1'b0;
      end
      if (clr_i) begin
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
    if (check_i) begin
      r_first <= 1'b1;
      r_last_b <= (rb_x == 32'd1); r_last_n <= (n_i == 32'd1); r_last_c <= (nc_x == 32'd1);
      ow_last  <= (nrb_i == 32'd1);
      rb_m2_q <= rb_x - 32'd2; n_m2_q <= n_i - 32'd2; nc_m2_q <= nc_x - 32'd2; nrb_m2_q <= nrb_i - 32'd2;
    end else begin
      if (!clr_i && !t_req && r_req) begin
        if (r_last_b) begin
          r_first <= 1'b1; r_last_b <= (rb_m2_q == 32'hffffffff);
          if (r_last_n) begin r_last_n <= (n_m2_q == 32'hffffffff); r_last_c <= (cc_q == nc_m2_q); end
          else r_last_n <= (cn_q == n_m2_q);
        end else begin
          r_first <= 1'b0; r_last_b <= (cb_q == rb_m2_q);
        end
      end
      if (row_valid_i) ow_last <= ow_last ? (nrb_m2_q == 32'hffffffff) : (ow_cnt_q == nrb_m2_q);
    end
  end
  always @(posedge clk_i) begin
    if (check_i) begin
      arow_q <= abase_i[AAW-1:0]; abuf_raddr_o <= abase_i[AAW-1:0];
      oaddr_q <= obase_i[OAW-1:0]; obuf_waddr_o <= obase_i[OAW-1:0]; ow_cnt_q <= 32'd0;
      // the issue-gap rule (see the header)
      need_q <= (rb_x >= Gap + 2) ? 8'd0 : (Gap[7:0] + 8'd2 - rb_x[7:0]);
    end else begin
      if (r_req) begin
        if (r_last_b & r_last_n) begin
          arow_q <= arow_q + {{(AAW-1){1'b0}}, 1'b1}; abuf_raddr_o <= arow_q + {{(AAW-1){1'b0}}, 1'b1};
          oaddr_q <= obase_i[OAW-1:0];
        end else begin
          if (r_last_b) abuf_raddr_o <= abuf_raddr_o + nc_x[AAW-1:0];
          oaddr_q <= oaddr_q + {{(OAW-1){1'b0}}, 1'b1};
        end
      end
      if (row_valid_i) begin
        if (ow_last) begin ow_cnt_q <= 32'd0; obuf_waddr_o <= obase_i[OAW-1:0]; end
        else begin ow_cnt_q <= ow_cnt_q + 32'd1; obuf_waddr_o <= obuf_waddr_o + {{(OAW-1){1'b0}}, 1'b1}; end
      end
    end
    ps_addr_q[0 +: OAW] <= oaddr_q;
    for (pj = 1; pj < Pd; pj = pj + 1) ps_addr_q[pj*OAW +: OAW] <= ps_addr_q[(pj-1)*OAW +: OAW];
    if (t_req) unit_real_o <= unit_real_now;
  end

  assign t_req_o      = t_req;
  assign r_req_o      = r_req;
  assign wbuf_raddr_o = (cc_q[0] ? Half[WAW-1:0] : {WAW{1'b0}}) + cb_q[WAW-1:0];
  assign mode_raddr_o = cc_q[MAW-1:0];
  assign ps_re_o      = ps_rd_q[Pd-1];
  assign ps_raddr_o   = ps_addr_q[(Pd-1)*OAW +: OAW];
  assign done_o       = cdone_q;
  assign empty_o      = (inflight_q == 8'd0);
  wire unused = ^{nc_x, rb_x, n_i, mr_x, wl_x, nrb_i, abase_i, obase_i};
endmodule
