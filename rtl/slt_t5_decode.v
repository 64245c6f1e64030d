// slt_t5_decode - one t5 byte to five 2-bit weight codes (purely combinational).
//
// t5 packs five ternary weights w_0..w_4 (weight 5b+j of the stream is w_j of byte b)
// into one byte, base 3, least significant digit first:
//   byte = sum_j (w_j + 1) * 3^j,  0..242;  243..255 are invalid.
// Output: code_o[2j+1:2j] = w_j + 1 (2'b00 = -1, 2'b01 = 0, 2'b10 = +1), i.e. the t2
// code of w_j. For an invalid byte invalid_o = 1 and code_o = 0; the consumer must
// raise the error and drop the beat, never use the codes.
// Implementation: four compare-and-subtract steps, most significant digit first
// (digit 4 by 81, digit 3 by 27, 2 by 9, 1 by 3; the remainder is digit 0). No
// dividers, no table; zero latency. Register in the consumer if timing needs it.
// Checked exhaustively (all 256 bytes) by make t-prims-sim against a forward encoder.
module slt_t5_decode (
  input  wire [7:0] byte_i,
  output wire [9:0] code_o,
  output wire       invalid_o
);

  // Digit j of r (0 <= r < 3 * 3^j): 2 if r >= 2*3^j, 1 if r >= 3^j, else 0.
  wire [1:0] d4 = (byte_i >= 8'd162) ? 2'd2 : (byte_i >= 8'd81) ? 2'd1 : 2'd0;
  wire [7:0] r3 = byte_i - ((d4 == 2'd2) ? 8'd162 : (d4 == 2'd1) ? 8'd81 : 8'd0);
  wire [1:0] d3 = (r3 >= 8'd54) ? 2'd2 : (r3 >= 8'd27) ? 2'd1 : 2'd0;
  wire [7:0] r2 = r3 - ((d3 == 2'd2) ? 8'd54 : (d3 == 2'd1) ? 8'd27 : 8'd0);
  wire [1:0] d2 = (r2 >= 8'd18) ? 2'd2 : (r2 >= 8'd9) ? 2'd1 : 2'd0;
  wire [7:0] r1 = r2 - ((d2 == 2'd2) ? 8'd18 : (d2 == 2'd1) ? 8'd9 : 8'd0);
  wire [1:0] d1 = (r1 >= 8'd6) ? 2'd2 : (r1 >= 8'd3) ? 2'd1 : 2'd0;
  // The remainder r0 is digit 0 (0..2 for every valid byte, so r0[7:2] is zero then).
  /* verilator lint_off UNUSEDSIGNAL */
  wire [7:0] r0 = r1 - ((d1 == 2'd2) ? 8'd6 : (d1 == 2'd1) ? 8'd3 : 8'd0);
  /* verilator lint_on UNUSEDSIGNAL */

  assign invalid_o = (byte_i >= 8'd243);
  assign code_o    = invalid_o ? 10'd0 : {d4, d3, d2, d1, r0[1:0]};

endmodule
