// slt_clock_gate - the one clock-gating primitive of slt-gen (docs/array.md, "Clock gating").
//
// clk_o ticks only in cycles whose en_i was 1 before the rising edge of clk_i.
//
//   default (simulation, ASIC synthesis): latch-based integrated clock gate. A latch,
//     transparent while clk_i is low, holds en_i through the high phase, so clk_o =
//     clk_i & en_q has no glitch. The liberty flows (synth/synth.tcl) replace this
//     module by the library's integrated clock-gating cell (sky130_fd_sc_hd__dlclkp,
//     ASAP7 ICGx), which OpenSTA times as a clock gate (setup/hold of the enable
//     against the clock: the clock gating check).
//   SLT_FPGA (a `define set by the FPGA flow): no gated clock. clk_o is clk_i and the
//     registers behind it use en_i as their clock enable (the generator writes them
//     so under the same define).
//
// en_i must come from registers clocked by clk_i (it is sampled while clk_i is low).
module slt_clock_gate (
  input  wire clk_i,
  input  wire en_i,
  output wire clk_o
);
`ifdef SLT_FPGA
  wire unused_en = en_i;
  assign clk_o = clk_i;
`else
  reg en_q;
  /* verilator lint_off LATCH */
  always @(clk_i or en_i) begin
    if (!clk_i) en_q = en_i;
  end
  /* verilator lint_on LATCH */
  assign clk_o = clk_i & en_q;
`endif
endmodule
