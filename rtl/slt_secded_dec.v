// slt_secded_dec - Hamming SECDED decoder of one SRAM word (ecc = secded, docs/memory.md "ECC").
//
// code_i as written by slt_secded_enc: {overall parity, check bits, data}. With s the
// syndrome (stored XOR recomputed check bits) and e the XOR of the whole codeword:
//   s = 0, e = 0                  no error                      data_o = data
//   e = 1, s <= Width + CheckBits one flipped bit: corrected   data_o = data with bit p^-1(s)
//                                 (s = 0 or a power of two: a check/parity bit, data intact)
//   e = 1, s > Width + CheckBits  more than one flip           double_o
//   e = 0, s != 0                 two flips: uncorrectable      double_o
// single_o: a single-bit error was corrected; double_o: the word is uncorrectable (data_o
// then carries the stored data bits unchanged and must not be used). Bit-exact with
// ref/slt_secded.c (checked by tb/prims/tb_slt_secded.v). Purely combinational.
module slt_secded_dec #(
  parameter integer Width     = 32,   // data bits, 1 .. 262125
  // Derived, as in slt_secded_enc. Do not override.
  parameter integer CheckBits = (Width <= 1) ? 2 : (Width <= 4) ? 3 : (Width <= 11) ? 4 : (Width <= 26) ? 5 :
                                (Width <= 57) ? 6 : (Width <= 120) ? 7 : (Width <= 247) ? 8 : (Width <= 502) ? 9 :
                                (Width <= 1013) ? 10 : (Width <= 2036) ? 11 : (Width <= 4083) ? 12 :
                                (Width <= 8178) ? 13 : (Width <= 16369) ? 14 : (Width <= 32752) ? 15 :
                                (Width <= 65519) ? 16 : (Width <= 131054) ? 17 : 18
) (
  input  wire [Width+CheckBits:0] code_i,
  output wire [Width-1:0]         data_o,
  output wire                     single_o,
  output wire                     double_o
);

  generate
    if (Width < 1 || Width > 262125) begin : g_illegal_width
      slt_secded_dec_illegal_parameter_Width_must_be_1_to_262125 u_illegal ();
    end
  endgenerate

  function integer data_pos;
    input integer i;
    integer p, b;
    begin
      p = i + 3;
      for (b = 2; b < 30; b = b + 1) if ((1 << b) <= p) p = p + 1;
      data_pos = p;
    end
  endfunction

  localparam integer         Last  = Width + CheckBits;   // highest Hamming position
  localparam [CheckBits-1:0] LastC = Last[CheckBits-1:0];

  wire [Width-1:0]           data = code_i[Width-1:0];
  wire [CheckBits*Width-1:0] cov_mask;
  wire [CheckBits-1:0]       syn;
  wire                       par  = ^code_i;
  genvar gi, gj;
  generate
    for (gi = 0; gi < Width; gi = gi + 1) begin : g_pos
      localparam integer P = data_pos(gi);
      localparam [CheckBits-1:0] PC = P[CheckBits-1:0];
      for (gj = 0; gj < CheckBits; gj = gj + 1) begin : g_bit
        assign cov_mask[gj*Width + gi] = ((P >> gj) & 1) != 0;
      end
      assign data_o[gi] = data[gi] ^ (par & (syn == PC));
    end
    for (gj = 0; gj < CheckBits; gj = gj + 1) begin : g_syn
      assign syn[gj] = code_i[Width + gj] ^ (^(data & cov_mask[gj*Width +: Width]));
    end
  endgenerate

  // a syndrome past the last position: more than one flip (a perfect code has none)
  wire beyond;
  generate
    if (Last == (1 << CheckBits) - 1) begin : g_perfect
      assign beyond = 1'b0;
    end else begin : g_short
      assign beyond = (syn > LastC);
    end
  endgenerate
  assign single_o = par & ~beyond;
  assign double_o = (~par & (|syn)) | (par & beyond);

endmodule
