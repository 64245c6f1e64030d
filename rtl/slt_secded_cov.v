// slt_secded_cov - the Hamming code of slt_secded_enc and slt_secded_dec (ecc = secded,
// docs/memory.md "ECC"): which check bits cover each data bit. Data bit i has Hamming
// position p(i), the i-th integer >= 3 that is not a power of two; check bit j covers data
// bit i when bit j of p(i) is set: cov_o[j*Width + i]. Column i of cov_o (its bits j =
// 0 .. CheckBits-1) is therefore p(i) itself, the syndrome a flip of data bit i gives.
// Constant: no inputs, no logic. Bit-exact with ref/slt_secded.c.
module slt_secded_cov #(
  parameter integer Width     = 32,   // data bits, 1 .. 262125
  // The instantiating module's Hamming check bits, the smallest r with 2^r >= Width + r + 1
  // (its port widths need it: Verilog-2005 has no shared constant function); checked here.
  parameter integer CheckBits = 6
) (
  output wire [CheckBits*Width-1:0] cov_o
);

  // the smallest r with 2^r >= w + r + 1 (constant function; w <= 262125 needs r <= 18)
  function integer hamming_bits;
    input integer w;
    integer r;
    begin
      hamming_bits = 0;
      for (r = 24; r >= 0; r = r - 1) if ((1 << r) >= w + r + 1) hamming_bits = r;
    end
  endfunction

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
    if (CheckBits != hamming_bits(Width)) begin : g_illegal_check_bits
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
