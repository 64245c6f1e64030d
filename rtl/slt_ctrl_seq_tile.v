// slt_ctrl_seq_tile - the compute sequencer with partial sums kept in the lanes
// (psum_chunks = C > 1; docs/top.md "Partial sums in the lanes"). The chunks are cut
// into tiles of C (the last may be shorter: cj chunks). Per tile, per token (a pass):
// cj table requests (abuf word, modes of chunk tt*C+j, table slot j), then RB*cj row
// requests, row block major and chunk minor: row block rb of chunk j uses table slot j
// and wbuf region (tt*C+j) mod 2C. Chunk 0 of a tile takes its partial sum from obuf
// (from the second tile on, or with ACCUMULATE), read Pd cycles after the request as in
// slt_ctrl_seq; chunks 1..cj-1 take it forwarded from the array's output (the previous
// request, the same row block); only chunk cj-1's output is written to obuf. The
// last row request of a tile's last token frees the tile's regions. The issue-gap rule
// (ref/slt_arrayif.h slt_pass_bubbles): a pass's first row request waits until
// Gap + 1 - (RB-1)*cj cycles have passed since the previous row request, i.e. a pass
// has max(0, Gap - RB*cj) bubbles.
module slt_ctrl_seq_tile #(
  parameter integer MRW       = 16,   // bits of MR (1..L)
  parameter integer QW        = 16,   // bits of NC and RB
  parameter integer WKW       = 16,   // bits of WL (1..U*G)
  parameter integer U         = 4,
  parameter integer G         = 3,
  parameter integer L         = 4,
  parameter integer C         = 2,     // psum_chunks: chunks per tile, 2, 4 or 8
  parameter integer Gap       = 2,     // slt_top_reissue_gap()
  parameter integer Pd        = 2,     // array psum delay (row_valid_i -> row_psum_i)
  parameter integer WbufDepth = 1024,  // 2*C regions of WbufDepth/(2*C) words
  parameter integer AbufDepth = 1024,
  parameter integer ObufDepth = 1024,
  parameter integer ModeDepth = 16,
  parameter integer HalfDelay = 0      // wbuf write latency - 1: a filled region is read this many cycles later
) (
  input  wire        clk_i,
  input  wire        rst_ni,
  input  wire        clr_i,
  input  wire        check_i,
  input  wire        run_i,
  input  wire        modes_done_i,
  input  wire [$clog2(ModeDepth)-1:0] modes_written_i,
  input  wire [QW-1:0] nc_i,
  input  wire [QW-1:0] rb_i,
  input  wire [31:0] n_i,
  input  wire [MRW-1:0] mr_i,
  input  wire [WKW-1:0] wl_i,
  input  wire [31:0] nrb_i,
  input  wire [31:0] abase_i,
  input  wire [31:0] obase_i,
  input  wire        acc_mode_i,
  input  wire        half_set_i,       // the writer filled a region
  input  wire [$clog2(2*C)-1:0] half_i,
  input  wire        row_valid_i,      // the array's output
  input  wire        wr_i,             // ... written to obuf (the last chunk of its tile)
  output reg  [2*C-1:0] half_full_o,   // regions holding an unread chunk
  output wire        t_req_o,
  output wire        r_req_o,
  output wire [$clog2(WbufDepth)-1:0] wbuf_raddr_o,
  output reg  [$clog2(AbufDepth)-1:0] abuf_raddr_o,
  output wire [$clog2(ModeDepth)-1:0] mode_raddr_o,
  output wire        ps_re_o,
  output wire [$clog2(ObufDepth)-1:0] ps_raddr_o,
  output reg         ps_use_o,         // row_psum carries obuf data this cycle
  output reg         fw_use_o,         // row_psum carries the array's own output this cycle
  output reg  [$clog2(ObufDepth)-1:0] obuf_waddr_o,
  output reg         tbl_v_o,
  output reg         row_v_o,
  output reg  [$clog2(C)-1:0] slot_o,  // table slot of tbl_v_o / row_v_o
  output reg         fin_o,            // row_v_o's output goes to obuf
  output wire        done_o,
  output wire        empty_o,
  output reg  [U-1:0] unit_real_o,     // real groups of the last table request's chunk
  output reg  [U-1:0] row_units_o,     // real groups of row_v_o's chunk
  output wire [L-1:0] lane_real_o
);
  wire [31:0] nc_x = {{(32-QW){1'b0}}, nc_i};
  wire [31:0] rb_x = {{(32-QW){1'b0}}, rb_i};
  wire [31:0] mr_x = {{(32-MRW){1'b0}}, mr_i};
  wire [31:0] wl_x = {{(32-WKW){1'b0}}, wl_i};
  localparam integer SW   = $clog2(C);
  localparam integer R    = 2 * C;
  localparam integer RW   = SW + 1;
  localparam integer WAW  = $clog2(WbufDepth);
  localparam integer AAW  = $clog2(AbufDepth);
  localparam integer OAW  = $clog2(ObufDepth);
  localparam integer MAW  = $clog2(ModeDepth);
  localparam integer Reg  = WbufDepth / R;
  localparam integer CM1 = C - 1;

  reg  [31:0]    cc_q, cn_q, cb_q;        // first chunk of the tile, token, row block
  reg  [SW-1:0]  cs_q;                    // slot: the chunk of the tile (tables, then rows)
  reg  [SW-1:0]  cjm1_q;                  // chunks of this tile - 1
  reg            tp_q;                    // tile parity: regions {tp, slot}
  reg            ct_q, cdone_q;
  reg  [31:0]    left_q;                  // NC - cc: chunks from this tile on
  reg  [7:0]     gap_q;
  reg  [7:0]     need_q, need_full_q, need_last_q;
  reg  [AAW-1:0] arow_q, pbase_q;         // abase + cc (token 0), this pass's first table
  reg  [OAW-1:0] oaddr_q;
  reg  [31:0]    ow_cnt_q;
  reg  [7:0]     inflight_q;
  reg  [Pd-1:0]  ps_rd_q, fw_q;
  reg  [Pd*OAW-1:0] ps_addr_q;
  wire [RW-1:0]  region   = {tp_q, cs_q};
  wire [R-1:0]   half_new;
  wire           s_last   = (cs_q == cjm1_q);
  wire           c_half_ok = half_full_o[region] & ~half_new[region];
  wire [31:0]    chunk    = cc_q | {{(32-SW){1'b0}}, cs_q};
  wire           c_modes  = modes_done_i | ({{(32-MAW){1'b0}}, modes_written_i} > chunk);
  wire           c_active = run_i & ~cdone_q;
  wire           t_req    = c_active & ct_q & c_half_ok & c_modes;
  reg            r_first, r_last_b, r_last_n, r_last_t, ow_last;
  reg  [31:0]    rb_m2_q, n_m2_q, nrb_m2_q;
  wire           r_req    = c_active & ~ct_q & (~r_first | (gap_q >= need_q));
  wire           r_psum   = (cc_q != 32'd0) | acc_mode_i;
  wire           r_end    = r_req & s_last;             // a row block's last chunk
  wire           p_end    = r_end & r_last_b;           // the pass's last request
  wire           c_release = p_end & r_last_n;
  wire           last_chunk = r_last_t & s_last;
  wire [U-1:0]   unit_real_now;
  genvar gi;
  generate
    for (gi = 0; gi < U; gi = gi + 1) begin : g_ureal
      assign unit_real_now[gi] = ~last_chunk | (wl_x > gi * G);
    end
    for (gi = 0; gi < L; gi = gi + 1) begin : g_lreal
      assign lane_real_o[gi] = r_last_b ? (gi < mr_x) : 1'b1;
    end
  endgenerate

  slt_fill_wait #(.R(R), .Delay(HalfDelay)) u_fill_wait (
    .clk_i (clk_i), .rst_ni (rst_ni), .clr_i (clr_i), .set_i (half_set_i), .idx_i (half_i), .new_o (half_new)
  );

  // the tile's regions {tp, 0..C-1}, cleared together when its last pass ends
  wire [R-1:0] tile_mask = tp_q ? {{C{1'b1}}, {C{1'b0}}} : {{C{1'b0}}, {C{1'b1}}};
  integer pi;
  always @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      half_full_o <= {R{1'b0}}; cc_q <= 32'd0; cn_q <= 32'd0; cb_q <= 32'd0; cs_q <= {SW{1'b0}};
      tp_q <= 1'b0; ct_q <= 1'b1; cdone_q <= 1'b0;
      gap_q <= 8'hff; inflight_q <= 8'd0; tbl_v_o <= 1'b0; row_v_o <= 1'b0;
      ps_rd_q <= {Pd{1'b0}}; fw_q <= {Pd{1'b0}}; ps_use_o <= 1'b0; fw_use_o <= 1'b0;
      slot_o <= {SW{1'b0}}; fin_o <= 1'b0;
    end else begin
      tbl_v_o  <= t_req;
      row_v_o  <= r_req;
      if (t_req | r_req) slot_o <= cs_q;
      fin_o    <= r_end;
      ps_rd_q[0] <= r_req & r_psum & (cs_q == {SW{1'b0}});
      fw_q[0]    <= r_req & (cs_q != {SW{1'b0}});
      for (pi = 1; pi < Pd; pi = pi + 1) begin ps_rd_q[pi] <= ps_rd_q[pi-1]; fw_q[pi] <= fw_q[pi-1]; end
      ps_use_o <= ps_re_o;
      fw_use_o <= fw_q[Pd-1];
      if (r_req) gap_q <= 8'd1;
      else if (gap_q != 8'hff) gap_q <= gap_q + 8'd1;
      inflight_q <= inflight_q + {7'd0, r_req} - {7'd0, row_valid_i};
      if (clr_i) half_full_o <= {R{1'b0}};
      else half_full_o <= (half_full_o & ~(c_release ? tile_mask : {R{1'b0}})) |
                          ((half_set_i) ? ({{(R-1){1'b0}}, 1'b1} << half_i) : {R{1'b0}});
      if (clr_i) begin
        cc_q <= 32'd0; cn_q <= 32'd0; cb_q <= 32'd0; cs_q <= {SW{1'b0}}; tp_q <= 1'b0; ct_q <= 1'b1; cdone_q <= 1'b0;
      end else if (t_req) begin
        if (s_last) begin cs_q <= {SW{1'b0}}; ct_q <= 1'b0; end
        else cs_q <= cs_q + {{(SW-1){1'b0}}, 1'b1};
      end else if (r_req) begin
        if (!s_last) cs_q <= cs_q + {{(SW-1){1'b0}}, 1'b1};
        else begin
          cs_q <= {SW{1'b0}};
          if (r_last_b) begin
            cb_q <= 32'd0; ct_q <= 1'b1;
            if (r_last_n) begin
              cn_q <= 32'd0; cc_q <= cc_q + C; tp_q <= ~tp_q;
              if (r_last_t) cdone_q <= 1'b1;
            end else cn_q <= cn_q + 32'd1;
          end else cb_q <= cb_q + 32'd1;
        end
      end
    end
  end
  // need(cj) = max(0, Gap + 1 - (RB-1)*cj), from an 8-bit saturated RB-1
  localparam integer Gp1 = Gap + 1;
  wire [31:0] nc_m1_w = nc_x - 32'd1;
  wire [7:0]  rbm1_s  = (rb_x > 32'd256) ? 8'hff : (rb_x[7:0] - 8'd1);
  wire [SW:0] cjl     = {1'b0, nc_m1_w[SW-1:0]} + {{SW{1'b0}}, 1'b1};  // chunks of the last tile
  wire [15:0] pr_full = rbm1_s * C[7:0];
  wire [15:0] pr_last = rbm1_s * {{(8-SW-1){1'b0}}, cjl};
  wire [7:0]  need_f  = (Gp1[15:0] > pr_full) ? Gp1[7:0] - pr_full[7:0] : 8'd0;
  wire [7:0]  need_l  = (Gp1[15:0] > pr_last) ? Gp1[7:0] - pr_last[7:0] : 8'd0;
  always @(posedge clk_i) begin
    if (check_i) begin
      r_first <= 1'b1;
      r_last_b <= (rb_x == 32'd1); r_last_n <= (n_i == 32'd1); r_last_t <= (nc_x <= C);
      cjm1_q <= (nc_x <= C) ? nc_m1_w[SW-1:0] : CM1[SW-1:0];
      left_q <= nc_x;
      ow_last  <= (nrb_i == 32'd1);
      rb_m2_q <= rb_x - 32'd2; n_m2_q <= n_i - 32'd2; nrb_m2_q <= nrb_i - 32'd2;
      need_full_q <= need_f; need_last_q <= need_l; need_q <= (nc_x <= C) ? need_l : need_f;
    end else begin
      if (!clr_i && !t_req && r_req && s_last) begin
        if (r_last_b) begin
          r_last_b <= (rb_m2_q == 32'hffffffff);
          if (r_last_n) begin
            r_last_n <= (n_m2_q == 32'hffffffff);
            left_q   <= left_q - C;
            r_last_t <= (left_q - C <= C);
            cjm1_q   <= (left_q - C <= C) ? left_q[SW-1:0] - {{(SW-1){1'b0}}, 1'b1} : CM1[SW-1:0];
            need_q   <= (left_q - C <= C) ? need_last_q : need_full_q;
          end else r_last_n <= (cn_q == n_m2_q);
        end else begin
          r_last_b <= (cb_q == rb_m2_q);
        end
      end
      // a pass's first row request is the one after its previous pass's last
      if (!clr_i && !t_req && r_req) r_first <= s_last & r_last_b;
      if (wr_i) ow_last <= ow_last ? (nrb_m2_q == 32'hffffffff) : (ow_cnt_q == nrb_m2_q);
    end
  end
  integer pj;
  always @(posedge clk_i) begin
    if (check_i) begin
      arow_q <= abase_i[AAW-1:0]; pbase_q <= abase_i[AAW-1:0]; abuf_raddr_o <= abase_i[AAW-1:0];
      oaddr_q <= obase_i[OAW-1:0]; obuf_waddr_o <= obase_i[OAW-1:0]; ow_cnt_q <= 32'd0;
    end else begin
      if (t_req && !s_last) abuf_raddr_o <= abuf_raddr_o + {{(AAW-1){1'b0}}, 1'b1};
      if (p_end) begin
        if (r_last_n) begin
          arow_q <= arow_q + C[AAW-1:0]; pbase_q <= arow_q + C[AAW-1:0]; abuf_raddr_o <= arow_q + C[AAW-1:0];
        end else begin
          pbase_q <= pbase_q + nc_x[AAW-1:0]; abuf_raddr_o <= pbase_q + nc_x[AAW-1:0];
        end
      end
      if (r_end) begin
        if (r_last_b & r_last_n) oaddr_q <= obase_i[OAW-1:0];
        else oaddr_q <= oaddr_q + {{(OAW-1){1'b0}}, 1'b1};
      end
      if (wr_i) begin
        if (ow_last) begin ow_cnt_q <= 32'd0; obuf_waddr_o <= obase_i[OAW-1:0]; end
        else begin ow_cnt_q <= ow_cnt_q + 32'd1; obuf_waddr_o <= obuf_waddr_o + {{(OAW-1){1'b0}}, 1'b1}; end
      end
    end
    ps_addr_q[0 +: OAW] <= oaddr_q;
    for (pj = 1; pj < Pd; pj = pj + 1) ps_addr_q[pj*OAW +: OAW] <= ps_addr_q[(pj-1)*OAW +: OAW];
    if (t_req) unit_real_o <= unit_real_now;
    if (r_req) row_units_o <= unit_real_now;
  end

  // region bases: region r starts at word r*Reg
  reg [WAW-1:0] rbase;
  integer ri;
  always @* begin
    rbase = {WAW{1'b0}};
    for (ri = 0; ri < R; ri = ri + 1) if (region == ri[RW-1:0]) rbase = ri[WAW-1:0] * Reg[WAW-1:0];
  end

  assign t_req_o      = t_req;
  assign r_req_o      = r_req;
  assign wbuf_raddr_o = rbase + cb_q[WAW-1:0];
  assign mode_raddr_o = chunk[MAW-1:0];
  assign ps_re_o      = ps_rd_q[Pd-1];
  assign ps_raddr_o   = ps_addr_q[(Pd-1)*OAW +: OAW];
  assign done_o       = cdone_q;
  assign empty_o      = (inflight_q == 8'd0);
  wire unused = ^{nc_x, rb_x, n_i, mr_x, wl_x, nrb_i, abase_i, obase_i, nc_m1_w};
endmodule
