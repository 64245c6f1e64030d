// slt_ctrl_counters - the 64-bit performance counters (PERF_*): counter i adds
// inc_i[64*i +: 64] every cycle; reset and PERF_CTRL.CLEAR zero them all. The order
// and the count are the register table's (gen/regs.c, slt_regs_pkg.vh).
// Increments are IncW bits (counter i adds inc_i[IncW*i +: IncW]); a counter whose
// bit in Single is set adds only bit 0 (an event per cycle), so synthesis sees an
// incrementer, not a full adder.
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
  genvar gc;
  generate
    for (gc = 0; gc < `SLT_PERF_COUNT; gc = gc + 1) begin : g_perf
      reg  [63:0] cnt_q;
      wire [63:0] inc = (Single[gc] != 1'b0) ? {63'd0, inc_i[IncW*gc]}
                                             : {{(64-IncW){1'b0}}, inc_i[IncW*gc +: IncW]};
      always @(posedge clk_i or negedge rst_ni) begin
        if (!rst_ni) cnt_q <= 64'd0;
        else if (clear_i) cnt_q <= 64'd0;
        else cnt_q <= cnt_q + inc;
      end
      assign cnt_o[64*gc +: 64] = cnt_q;
    end
  endgenerate
endmodule
