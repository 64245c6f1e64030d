// slt_secded_cov - the Hamming code of slt_secded_enc and slt_secded_dec (ecc = secded,
// docs/memory.md "ECC"): which check bits cover each data bit. Data bit i has Hamming
// position p(i), the i-th integer >= 3 that is not a power of two; check bit j covers data
// bit i when bit j of p(i) is set: cov_o[j*Width + i]. Column i of cov_o (its bits j =
// 0 .. CheckBits-1) is therefore p(i) itself, the syndrome a flip of data bit i gives.
// Constant: no inputs, no logic. Bit-exact with ref/slt_secded.c.
`include "slt_secded_bits.vh"
module slt_secded_cov #(
  parameter integer Width     = 32,   // data bits, 1 .. 262125
  // The instantiating module's Hamming check bits (slt_secded_bits.vh, which its port
  // widths need too); checked here.
  parameter integer CheckBits = 6
) (
  output wire [CheckBits*Width-1:0] cov_o
);

  // Hamming position of data bit i (constant function)
  function integer data_pos;
    input integer i;
    integer p, b;
    begin
      p = i + 3;
      for (b = 2; b < 30; b = b + 1) if ((1 << b) <= p) p = p + 1;
      data_pos = p;
    end
  endfunction

  generate
    if (Width < 1 || Width > 262125) begin : g_illegal_width
      slt_secded_cov_illegal_parameter_Width_must_be_1_to_262125 u_illegal ();
    end
    if (CheckBits != `SLT_SECDED_CHECK_BITS(Width)) begin : g_illegal_check_bits
      slt_secded_cov_illegal_parameter_CheckBits_is_not_the_Hamming_count_of_Width u_illegal ();
    end
  endgenerate

  genvar gi, gj;
  generate
    for (gi = 0; gi < Width; gi = gi + 1) begin : g_pos
      localparam integer P = data_pos(gi);
      for (gj = 0; gj < CheckBits; gj = gj + 1) begin : g_bit
        assign cov_o[gj*Width + gi] = ((P >> gj) & 1) != 0;
      end
    end
  endgenerate

endmodule
