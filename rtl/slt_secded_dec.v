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
// then carries the stored data bits unchanged and must not be used). The code (positions
// p(i), which check bits cover which data bits) is slt_secded_cov's. Bit-exact with
// ref/slt_secded.c (checked by tb/prims/tb_slt_secded.v). Purely combinational.
`include "slt_secded_bits.vh"
module slt_secded_dec #(
  parameter integer Width     = 32,   // data bits, 1 .. 262125
  // Derived, as in slt_secded_enc (slt_secded_cov checks it). Do not override.
  parameter integer CheckBits = `SLT_SECDED_CHECK_BITS(Width)
) (
  input  wire [Width+CheckBits:0] code_i,
  output wire [Width-1:0]         data_o,
  output wire                     single_o,
  output wire                     double_o
);

  localparam integer         Last  = Width + CheckBits;   // highest Hamming position
  localparam [CheckBits-1:0] LastC = Last[CheckBits-1:0];

  wire [Width-1:0]           data = code_i[Width-1:0];
  wire [CheckBits*Width-1:0] cov_mask;   // cov_mask[j*Width + i]: check bit j covers data bit i
  wire [CheckBits-1:0]       syn;
  wire                       par  = ^code_i;

  slt_secded_cov #(.Width(Width), .CheckBits(CheckBits)) u_cov (.cov_o (cov_mask));

  genvar gi, gj;
  generate
    for (gi = 0; gi < Width; gi = gi + 1) begin : g_pos
      wire [CheckBits-1:0] pos;   // p(i): the syndrome of a flip of data bit i
      for (gj = 0; gj < CheckBits; gj = gj + 1) begin : g_bit
        assign pos[gj] = cov_mask[gj*Width + gi];
      end
      assign data_o[gi] = data[gi] ^ (par & (syn == pos));
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
