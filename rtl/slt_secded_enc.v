// slt_secded_enc - Hamming SECDED encoder of one SRAM word (ecc = secded, docs/memory.md "ECC").
//
// code_o = {overall parity, check bits c[CheckBits-1:0], data_i}: the data unchanged in the
// low Width bits (systematic), then the Hamming check bits, then even parity over all of it.
// Check bit j is the XOR of the data bits it covers (slt_secded_cov: data bit i has Hamming
// position p(i), the i-th integer >= 3 that is not a power of two, and check bit j covers it
// when bit j of p(i) is set). Bit-exact with ref/slt_secded.c (checked by
// tb/prims/tb_slt_secded.v). Purely combinational.
`include "slt_secded_bits.vh"
module slt_secded_enc #(
  parameter integer Width     = 32,   // data bits, 1 .. 262125
  // Derived: Hamming check bits (slt_secded_bits.vh; slt_secded_cov checks it). Do not override.
  parameter integer CheckBits = `SLT_SECDED_CHECK_BITS(Width)
) (
  input  wire [Width-1:0]           data_i,
  output wire [Width+CheckBits:0]   code_o
);

  // cov_mask[j*Width + i] = 1 when check bit j covers data bit i
  wire [CheckBits*Width-1:0] cov_mask;
  wire [CheckBits-1:0]       check;

  slt_secded_cov #(.Width(Width), .CheckBits(CheckBits)) u_cov (.cov_o (cov_mask));

  genvar gj;
  generate
    for (gj = 0; gj < CheckBits; gj = gj + 1) begin : g_check
      assign check[gj] = ^(data_i & cov_mask[gj*Width +: Width]);
    end
  endgenerate

  assign code_o = {(^data_i) ^ (^check), check, data_i};

endmodule
