// slt_ctrl_counters - the 64-bit performance counters (PERF_*): counter i adds
// inc_i[64*i +: 64] every cycle; reset and PERF_CTRL.CLEAR zero them all. The order
// and the count are the register table's (gen/regs.c, slt_regs_pkg.vh).
// Increments are IncW bits (counter i adds inc_i[IncW*i +: IncW]); a counter whose
// bit in Single is set adds only bit 0 (an event per cycle), so synthesis sees an
// incrementer, not a full adder.
// Timing: the increments are registered first (the counters run one cycle behind
// the events; a clear also drops the pending increment, so every value is the
// unregistered counter's of one cycle earlier), and each 64-bit counter is a
// 24-bit low and a 40-bit high part: the high part loads a precomputed high + 1 on
// a carry out of the low part, so no carry chain is longer than 40 bits and none
// follows the increment's add.
// Clock gating (ClockGating = 1, clock_gating = on): the high parts change only on a
// carry out of the low part (once in 2^24 / increment cycles) and the low part only
// when its increment is non-zero, so each has its own slt_clock_gate; with SLT_FPGA
// (no gated clocks) the same enables are clock enables. ClockGating = 0: load enables.
`include "slt_regs_pkg.vh"
module slt_ctrl_counters #(
  parameter integer                  IncW        = 8,
  parameter [`SLT_PERF_COUNT-1:0]    Single      = {`SLT_PERF_COUNT{1'b0}},
  parameter integer                  ClockGating = 0
) (
  input  wire                           clk_i,
  input  wire                           rst_ni,
  input  wire                           clear_i,
  input  wire [IncW*`SLT_PERF_COUNT-1:0] inc_i,
  output wire [64*`SLT_PERF_COUNT-1:0]  cnt_o
);
  reg [IncW*`SLT_PERF_COUNT-1:0] inc_q;
  always @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) inc_q <= {(IncW*`SLT_PERF_COUNT){1'b0}};
    else if (clear_i) inc_q <= {(IncW*`SLT_PERF_COUNT){1'b0}};
    else inc_q <= inc_i;
  end
`ifdef SLT_FPGA
  localparam integer Gated = 0;            // FPGAs: clock enables, never gated clocks
`else
  localparam integer Gated = ClockGating;
`endif
  genvar gc;
  generate
    for (gc = 0; gc < `SLT_PERF_COUNT; gc = gc + 1) begin : g_perf
      reg  [23:0] lo_q;
      reg  [39:0] hi_q, hi1_q;   // hi1_q = hi_q + 1
      wire [24:0] inc = (Single[gc] != 1'b0) ? {24'd0, inc_q[IncW*gc]}
                                             : {{(25-IncW){1'b0}}, inc_q[IncW*gc +: IncW]};
      wire [24:0] lo_sum = {1'b0, lo_q} + inc;
      // ~rst_ni: the gated clocks tick during reset, so a simulator applies the
      // asynchronous reset even when rst_ni starts low (no negedge to trigger on)
      wire        lo_en  = clear_i | (|inc) | ~rst_ni;
      wire        hi_en  = clear_i | lo_sum[24] | ~rst_ni;
      wire        lo_clk, hi_clk;
      if (ClockGating != 0) begin : g_cg
        slt_clock_gate u_lo_cg (.clk_i(clk_i), .en_i(lo_en), .clk_o(lo_clk));
        slt_clock_gate u_hi_cg (.clk_i(clk_i), .en_i(hi_en), .clk_o(hi_clk));
      end else begin : g_no_cg
        assign lo_clk = clk_i;
        assign hi_clk = clk_i;
      end
      // behind a gated clock every edge is an enabled one: no load-enable multiplexer
      wire lo_load = (Gated != 0) ? 1'b1 : lo_en;
      wire hi_load = (Gated != 0) ? 1'b1 : hi_en;
      always @(posedge lo_clk or negedge rst_ni) begin
        if (!rst_ni) lo_q <= 24'd0;
        else if (lo_load) lo_q <= clear_i ? 24'd0 : lo_sum[23:0];
      end
      always @(posedge hi_clk or negedge rst_ni) begin
        if (!rst_ni) begin hi_q <= 40'd0; hi1_q <= 40'd1; end
        else if (hi_load) begin
          hi_q  <= clear_i ? 40'd0 : hi1_q;
          hi1_q <= clear_i ? 40'd1 : hi1_q + 40'd1;
        end
      end
      assign cnt_o[64*gc +: 64] = {hi_q, lo_q};
    end
  endgenerate
endmodule
