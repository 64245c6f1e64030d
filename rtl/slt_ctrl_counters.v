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
`include "slt_regs_pkg.vh"
module slt_ctrl_counters #(
  parameter integer                  IncW   = 8,
  parameter [`SLT_PERF_COUNT-1:0]    Single = {`SLT_PERF_COUNT{1'b0}}
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
  genvar gc;
  generate
    for (gc = 0; gc < `SLT_PERF_COUNT; gc = gc + 1) begin : g_perf
      reg  [23:0] lo_q;
      reg  [39:0] hi_q, hi1_q;   // hi1_q = hi_q + 1
      wire [24:0] inc = (Single[gc] != 1'b0) ? {24'd0, inc_q[IncW*gc]}
                                             : {{(25-IncW){1'b0}}, inc_q[IncW*gc +: IncW]};
      wire [24:0] lo_sum = {1'b0, lo_q} + inc;
      always @(posedge clk_i or negedge rst_ni) begin
        if (!rst_ni) begin lo_q <= 24'd0; hi_q <= 40'd0; hi1_q <= 40'd1; end
        else if (clear_i) begin lo_q <= 24'd0; hi_q <= 40'd0; hi1_q <= 40'd1; end
        else begin
          lo_q <= lo_sum[23:0];
          if (lo_sum[24]) begin hi_q <= hi1_q; hi1_q <= hi1_q + 40'd1; end
        end
      end
      assign cnt_o[64*gc +: 64] = {hi_q, lo_q};
    end
  endgenerate
endmodule
