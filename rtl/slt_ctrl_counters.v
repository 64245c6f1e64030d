// slt_ctrl_counters - the 64-bit performance counters (PERF_*): counter i adds
// inc_i[64*i +: 64] every cycle; reset and PERF_CTRL.CLEAR zero them all. The order
// and the count are the register table's (gen/regs.c, slt_regs_pkg.vh).
`include "slt_regs_pkg.vh"
module slt_ctrl_counters (
  input  wire                           clk_i,
  input  wire                           rst_ni,
  input  wire                           clear_i,
  input  wire [64*`SLT_PERF_COUNT-1:0]  inc_i,
  output wire [64*`SLT_PERF_COUNT-1:0]  cnt_o
);
  genvar gc;
  generate
    for (gc = 0; gc < `SLT_PERF_COUNT; gc = gc + 1) begin : g_perf
      reg [63:0] cnt_q;
      always @(posedge clk_i or negedge rst_ni) begin
        if (!rst_ni) cnt_q <= 64'd0;
        else if (clear_i) cnt_q <= 64'd0;
        else cnt_q <= cnt_q + inc_i[64*gc +: 64];
      end
      assign cnt_o[64*gc +: 64] = cnt_q;
    end
  endgenerate
endmodule
