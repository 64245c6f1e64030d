// slt_weight_decode - one byte of a packed weight stream to 2-bit weight codes,
// for any of the three link formats (purely combinational).
//
// Format  0 = t2, 1 = t5, 2 = b1 (the values of slt_format in ref/slt_config.h).
// Weights (derived, do not override): weights per byte, 4 / 5 / 8.
// Byte and bit order are LSB first (docs/numerics.md): weight Weights*b + j of the
// stream is weight j of byte b, and its code lands in code_o[2j+1:2j].
// Codes are w+1 for every format: 2'b00 = -1, 2'b01 = 0, 2'b10 = +1.
//   t2: byte bits [2j+1:2j] are the code; code 2'b11 is invalid.
//   t5: see slt_t5_decode; bytes 243..255 are invalid.
//   b1: bit j = 1 -> +1 (2'b10), 0 -> -1 (2'b00); never invalid.
// invalid_o = 1 when the byte holds any invalid code; the consumer raises the
// "invalid weight code" error and must not use code_o (it is forced to 0).
module slt_weight_decode #(
  parameter integer Format  = 1,
  parameter integer Weights = (Format == 0) ? 4 : (Format == 1) ? 5 : 8
) (
  input  wire [7:0]           byte_i,
  output wire [2*Weights-1:0] code_o,
  output wire                 invalid_o
);

  generate
    if (Format < 0 || Format > 2) begin : g_illegal_format
      slt_weight_decode_illegal_parameter_Format_must_be_0_t2_1_t5_2_b1 u_illegal ();
    end
    if (Weights != ((Format == 0) ? 4 : (Format == 1) ? 5 : 8)) begin : g_illegal_weights
      slt_weight_decode_illegal_parameter_Weights_is_derived_do_not_override u_illegal ();
    end
  endgenerate

  genvar j;
  generate
    if (Format == 0) begin : g_t2
      wire [3:0] bad;
      for (j = 0; j < 4; j = j + 1) begin : g_weight
        assign bad[j] = (byte_i[2*j +: 2] == 2'b11);
      end
      assign invalid_o = |bad;
      assign code_o    = invalid_o ? {2*Weights{1'b0}} : byte_i;
    end else if (Format == 1) begin : g_t5
      slt_t5_decode u_t5 (
        .byte_i    (byte_i),
        .code_o    (code_o),
        .invalid_o (invalid_o)
      );
    end else begin : g_b1
      for (j = 0; j < 8; j = j + 1) begin : g_weight
        assign code_o[2*j +: 2] = {byte_i[j], 1'b0};
      end
      assign invalid_o = 1'b0;
    end
  endgenerate

endmodule
