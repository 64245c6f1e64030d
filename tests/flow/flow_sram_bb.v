// flow_sram_bb: stand-in for an SRAM macro. Synthesis treats it as a black box
// (no logic); its area comes from the model file given to the flow
// (tests/flow/flow_blackbox.txt), like the generator's SRAM macros will.
(* blackbox *)
module flow_sram_bb (
  input  wire       clk_i,
  input  wire       we_i,
  input  wire [3:0] addr_i,
  input  wire [7:0] wdata_i,
  output wire [7:0] rdata_o
);
endmodule
