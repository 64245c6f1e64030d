// slt_sram_macro - black box standing for a compiled SRAM macro in ASIC synthesis.
//
// rtl/slt_sram.v instantiates this module instead of its behavioural array when
// SLT_SRAM_BLACKBOX is defined. The ASIC flow reads this file; Yosys keeps every
// instance as an opaque cell of type slt_sram_macro with its Depth/Width parameters,
// and the flow charges it the area of gen/sram_model.c (synth/sram_model.md) for
// those parameters. Ports and timing contract: exactly those of slt_sram
// (1R1W, synchronous, read latency 1, read-during-write to the same address undefined).
// Never used in simulation: the body is empty on purpose.
/* verilator lint_off UNUSEDSIGNAL */
/* verilator lint_off UNDRIVEN */
(* blackbox *)
module slt_sram_macro #(
  parameter integer Depth     = 1024,
  parameter integer Width     = 32,
  parameter integer AddrWidth = (Depth > 1) ? $clog2(Depth) : 1
) (
  input  wire                 clk_i,
  input  wire                 we_i,
  input  wire [AddrWidth-1:0] waddr_i,
  input  wire [Width-1:0]     wdata_i,
  input  wire                 re_i,
  input  wire [AddrWidth-1:0] raddr_i,
  output wire [Width-1:0]     rdata_o
);
endmodule
/* verilator lint_on UNDRIVEN */
/* verilator lint_on UNUSEDSIGNAL */
