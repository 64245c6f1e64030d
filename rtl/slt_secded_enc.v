// slt_secded_enc - Hamming SECDED encoder of one SRAM word (ecc = secded, docs/memory.md "ECC").
//
// code_o = {overall parity, check bits c[CheckBits-1:0], data_i}: the data unchanged in the
// low Width bits (systematic), then the Hamming check bits, then even parity over all of it.
// Data bit i has Hamming position p(i), the i-th integer >= 3 that is not a power of two;
// check bit j is the XOR of the data bits whose p(i) has bit j set. Bit-exact with
// ref/slt_secded.c (checked by tb/prims/tb_slt_secded.v). Purely combinational.
module slt_secded_enc #(
  parameter integer Width     = 32,   // data bits, 1 .. 262125
  // Derived: Hamming check bits, the smallest r with 2^r >= Width + r + 1. Do not override.
  parameter integer CheckBits = (Width <= 1) ? 2 : (Width <= 4) ? 3 : (Width <= 11) ? 4 : (Width <= 26) ? 5 :
                                (Width <= 57) ? 6 : (Width <= 120) ? 7 : (Width <= 247) ? 8 : (Width <= 502) ? 9 :
                                (Width <= 1013) ? 10 : (Width <= 2036) ? 11 : (Width <= 4083) ? 12 :
                                (Width <= 8178) ? 13 : (Width <= 16369) ? 14 : (Width <= 32752) ? 15 :
                                (Width <= 65519) ? 16 : (Width <= 131054) ? 17 : 18
) (
  input  wire [Width-1:0]           data_i,
  output wire [Width+CheckBits:0]   code_o
);

  generate
    if (Width < 1 || Width > 262125) begin : g_illegal_width
      slt_secded_enc_illegal_parameter_Width_must_be_1_to_262125 u_illegal ();
    end
  endgenerate

  // Hamming position of data bit i (constant function).
  function integer data_pos;
    input integer i;
    integer p, b;
    begin
      p = i + 3;
      for (b = 2; b < 30; b = b + 1) if ((1 << b) <= p) p = p + 1;
      data_pos = p;
    end
  endfunction

  // cov_mask[j*Width + i] = 1 when check bit j covers data bit i
  wire [CheckBits*Width-1:0] cov_mask;
  wire [CheckBits-1:0]       check;
  genvar gi, gj;
  generate
    for (gi = 0; gi < Width; gi = gi + 1) begin : g_pos
      localparam integer P = data_pos(gi);
      for (gj = 0; gj < CheckBits; gj = gj + 1) begin : g_bit
        assign cov_mask[gj*Width + gi] = ((P >> gj) & 1) != 0;
      end
    end
    for (gj = 0; gj < CheckBits; gj = gj + 1) begin : g_check
      assign check[gj] = ^(data_i & cov_mask[gj*Width +: Width]);
    end
  endgenerate

  assign code_o = {(^data_i) ^ (^check), check, data_i};

endmodule
