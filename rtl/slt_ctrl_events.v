// slt_ctrl_events - per-cycle event counts of the array for the performance
// counters (docs/numerics.md §6): table builds, look-ups, skipped groups and
// buffer-mode adds, counted over the real lanes and groups only. The array reports
// a request's events 1 + InStages cycles after its inputs (InStages: the array's
// input register, slt_array_in_stages); this module delays the requests' real
// lanes/groups and modes by InStages and lines them up with the events.
module slt_ctrl_events #(
  parameter integer U      = 4,
  parameter integer L      = 4,
  parameter integer Terms  = 4,      // ev_term bits per lane (U or U*G)
  parameter integer AddSub = 0,
  parameter integer InStages = 0,    // array input register stages (0 or more)
  parameter integer C      = 1,      // psum_chunks: table slots (rows read their slot's modes)
  parameter integer SlotW  = 1
) (
  input  wire             clk_i,
  input  wire             rst_ni,
  input  wire             clear_i,         // performance-counter clear (drops the registered counts)
  input  wire             r_req_in_i,      // row request (sequencer)
  input  wire             tbl_v_in_i,      // table at the array's input
  input  wire             row_v_in_i,      // row at the array's input
  input  wire [U-1:0]     unit_real_in_i,  // real groups of the table request's chunk
  input  wire [L-1:0]     lane_real_in_i,  // real lanes of the row request
  input  wire [U-1:0]     tbl_mode_in_i,   // buffer-mode groups of the table
  input  wire [SlotW-1:0] slot_in_i,       // C > 1: table slot of the table / row at the array's input
  input  wire [U-1:0]     row_units_in_i,  // C > 1: real groups of the row at the array's input
  input  wire [U-1:0]     ev_build_i,
  input  wire [L*Terms-1:0] ev_term_i,
  output reg  [$clog2(L*Terms+1)-1:0] build_o,
  output reg  [$clog2(L*Terms+1)-1:0] look_o,
  output reg  [$clog2(L*Terms+1)-1:0] skip_o,
  output reg  [$clog2(L*Terms+1)-1:0] bufadd_o
);
  // per-cycle event counts: at most L*Terms, so EvW bits
  localparam integer EvW = $clog2(L * Terms + 1);
  localparam integer TW  = $clog2(Terms / U + 1);
  localparam integer CW  = 3 + 2 * U + L;   // the request fields delayed by InStages
  wire [CW-1:0] ctl_in = {r_req_in_i, tbl_v_in_i, row_v_in_i, unit_real_in_i, lane_real_in_i, tbl_mode_in_i};
  wire [CW-1:0] ctl;
  generate
    if (InStages == 0) begin : g_nodelay
      assign ctl = ctl_in;
    end else if (InStages == 1) begin : g_delay1
      reg [CW-1:0] ctl_q;
      always @(posedge clk_i or negedge rst_ni) begin
        if (!rst_ni) ctl_q <= {CW{1'b0}};
        else ctl_q <= ctl_in;
      end
      assign ctl = ctl_q;
    end else begin : g_delay
      // stage i at [i*CW +: CW]; a flat vector (no memory) for Yosys
      reg [CW*InStages-1:0] ctl_q;
      always @(posedge clk_i or negedge rst_ni) begin
        if (!rst_ni) ctl_q <= {(CW*InStages){1'b0}};
        else ctl_q <= {ctl_q[CW*InStages-CW-1:0], ctl_in};
      end
      assign ctl = ctl_q[CW*InStages-1 -: CW];
    end
  endgenerate
  wire         r_req_i = ctl[CW-1], tbl_v_i = ctl[CW-2], row_v_i = ctl[CW-3];
  wire [U-1:0] unit_real_i = ctl[2*U+L-1 -: U];
  wire [L-1:0] lane_real_i = ctl[U+L-1 -: L];
  wire [U-1:0] tbl_mode_i  = ctl[U-1:0];
  reg  [U-1:0] unit_real_q, row_units_q, tmode_q, ev_units_q, ev_mode_q;
  reg  [L-1:0] row_lanes_q, ev_lanes_q;
  reg          tbl_seen_q, row_seen_q;       // the array reports a table / row this cycle
  always @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin tbl_seen_q <= 1'b0; row_seen_q <= 1'b0; end
    else begin tbl_seen_q <= tbl_v_i; row_seen_q <= row_v_i; end
  end
  always @(posedge clk_i) begin
    if (tbl_v_i) begin unit_real_q <= unit_real_i; tmode_q <= tbl_mode_i; end
    if (r_req_i) begin row_lanes_q <= lane_real_i; row_units_q <= unit_real_i; end
    ev_lanes_q <= row_lanes_q;
  end
  // the real groups and modes of the row the array reports: C = 1 the last table's; with
  // slots, the row's own chunk's (its slot's modes, kept per slot at each table load)
  generate
    if (C == 1) begin : g_one_slot
      always @(posedge clk_i) begin ev_units_q <= row_units_q; ev_mode_q <= tmode_q; end
      wire unused_slot = ^{slot_in_i, row_units_in_i};
    end else begin : g_slots
      wire [SlotW-1:0] slot;
      wire [U-1:0]     row_units;
      slt_delay #(.Width(SlotW + U), .Depth(InStages)) u_slot_delay (
        .clk_i (clk_i), .rst_ni (rst_ni), .d_i ({slot_in_i, row_units_in_i}), .q_o ({slot, row_units})
      );
      reg [C*U-1:0] tmode_s;   // slot s at [s*U +: U]
      always @(posedge clk_i) begin
        if (tbl_v_i) tmode_s[slot*U +: U] <= tbl_mode_i;
        if (row_v_i) begin ev_units_q <= row_units; ev_mode_q <= tmode_s[slot*U +: U]; end
      end
      wire unused_row_units_q = ^{row_units_q, tmode_q};
    end
  endgenerate
  // Two stages for timing: per-lane counts (and the build count) are registered,
  // then summed over the lanes, so the counts reach the counters one cycle later
  // (perf_clear drops the registered stage with the counters' own).
  reg  [TW-1:0]    nt;
  reg  [L*EvW-1:0] l_look_c, l_skip_c, l_buf_c, l_look_q, l_skip_q, l_buf_q;
  reg  [EvW-1:0]   build_c, build_q;
  integer          li, ui, ti;
  always @* begin
    build_c = {EvW{1'b0}}; l_look_c = {(L*EvW){1'b0}}; l_skip_c = {(L*EvW){1'b0}}; l_buf_c = {(L*EvW){1'b0}};
    for (ui = 0; ui < U; ui = ui + 1)
      build_c = build_c + {{(EvW-1){1'b0}}, ev_build_i[ui] & unit_real_q[ui] & tbl_seen_q};
    for (li = 0; li < L; li = li + 1) begin
      for (ui = 0; ui < U; ui = ui + 1) begin
        nt = {TW{1'b0}};
        for (ti = 0; ti < Terms / U; ti = ti + 1) nt = nt + {{(TW-1){1'b0}}, ev_term_i[li*Terms + ui*(Terms/U) + ti]};
        if (row_seen_q && ev_lanes_q[li] && ev_units_q[ui]) begin
          if (nt == {TW{1'b0}}) l_skip_c[li*EvW +: EvW] = l_skip_c[li*EvW +: EvW] + {{(EvW-1){1'b0}}, 1'b1};
          else if (ev_mode_q[ui] && AddSub == 0) l_buf_c[li*EvW +: EvW] = l_buf_c[li*EvW +: EvW] + {{(EvW-TW){1'b0}}, nt};
          else l_look_c[li*EvW +: EvW] = l_look_c[li*EvW +: EvW] + {{(EvW-TW){1'b0}}, nt};
        end
      end
    end
  end
  always @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      build_q <= {EvW{1'b0}}; l_look_q <= {(L*EvW){1'b0}}; l_skip_q <= {(L*EvW){1'b0}}; l_buf_q <= {(L*EvW){1'b0}};
    end else if (clear_i) begin
      build_q <= {EvW{1'b0}}; l_look_q <= {(L*EvW){1'b0}}; l_skip_q <= {(L*EvW){1'b0}}; l_buf_q <= {(L*EvW){1'b0}};
    end else begin
      build_q <= build_c; l_look_q <= l_look_c; l_skip_q <= l_skip_c; l_buf_q <= l_buf_c;
    end
  end
  always @* begin
    build_o = build_q; look_o = {EvW{1'b0}}; skip_o = {EvW{1'b0}}; bufadd_o = {EvW{1'b0}};
    for (li = 0; li < L; li = li + 1) begin
      look_o   = look_o + l_look_q[li*EvW +: EvW];
      skip_o   = skip_o + l_skip_q[li*EvW +: EvW];
      bufadd_o = bufadd_o + l_buf_q[li*EvW +: EvW];
    end
  end
endmodule
