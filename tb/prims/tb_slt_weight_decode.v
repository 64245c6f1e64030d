// tb_slt_weight_decode - exhaustive check of slt_t5_decode and slt_weight_decode
// (all three formats) over all 256 byte values against references computed the
// other way round: t5 by ENCODING every digit vector d0..d4 (byte = sum d_j*3^j),
// t2 and b1 from the bit layout. Prints "matched N outputs" or "FAIL ...".
module tb_slt_weight_decode;
  reg  [7:0]  b;
  wire [9:0]  t5_code, wd5_code;
  wire [7:0]  t2_code;
  wire [15:0] b1_code;
  wire        t5_bad, wd5_bad, t2_bad, b1_bad;

  slt_t5_decode dut_t5 (.byte_i(b), .code_o(t5_code), .invalid_o(t5_bad));
  slt_weight_decode #(.Format(0)) dut_t2 (.byte_i(b), .code_o(t2_code),  .invalid_o(t2_bad));
  slt_weight_decode #(.Format(1)) dut_w5 (.byte_i(b), .code_o(wd5_code), .invalid_o(wd5_bad));
  slt_weight_decode #(.Format(2)) dut_b1 (.byte_i(b), .code_o(b1_code),  .invalid_o(b1_bad));

  integer d0, d1, d2, d3, d4, v, j, matched, seen;
  reg [9:0]  exp5;
  reg [7:0]  exp2;
  reg [15:0] exp1;
  reg        bad2;
  reg [255:0] covered;

  task fail;
    input [8*16-1:0] what;
    input [31:0]     byte_value;
    input [31:0]     expected;
    input [31:0]     actual;
    begin
      $display("FAIL tb_slt_weight_decode %0s byte=%0d: expected %0h actual %0h", what, byte_value, expected, actual);
      $finish;
    end
  endtask

  initial begin
    matched = 0; seen = 0; covered = 256'd0;
    // t5, valid bytes: every digit vector, encoded
    for (d4 = 0; d4 < 3; d4 = d4 + 1)
      for (d3 = 0; d3 < 3; d3 = d3 + 1)
        for (d2 = 0; d2 < 3; d2 = d2 + 1)
          for (d1 = 0; d1 < 3; d1 = d1 + 1)
            for (d0 = 0; d0 < 3; d0 = d0 + 1) begin
              v = d0 + 3 * d1 + 9 * d2 + 27 * d3 + 81 * d4;
              b = v;
              exp5 = {d4[1:0], d3[1:0], d2[1:0], d1[1:0], d0[1:0]};
              #1;
              if (covered[v]) fail("t5 dup", v, 0, 1);
              covered[v] = 1'b1;
              if (t5_bad !== 1'b0)    fail("t5 invalid", v, 0, t5_bad);
              if (t5_code !== exp5)   fail("t5 code", v, exp5, t5_code);
              if (wd5_bad !== 1'b0)   fail("wd t5 invalid", v, 0, wd5_bad);
              if (wd5_code !== exp5)  fail("wd t5 code", v, exp5, wd5_code);
              matched = matched + 1;
            end
    // t5, invalid bytes 243..255
    for (v = 243; v < 256; v = v + 1) begin
      b = v;
      #1;
      if (covered[v]) fail("t5 dup", v, 0, 1);
      covered[v] = 1'b1;
      if (t5_bad !== 1'b1)   fail("t5 invalid", v, 1, t5_bad);
      if (t5_code !== 10'd0) fail("t5 code", v, 0, t5_code);
      if (wd5_bad !== 1'b1)  fail("wd t5 invalid", v, 1, wd5_bad);
      matched = matched + 1;
    end
    if (covered !== {256{1'b1}}) fail("t5 coverage", 0, 1, 0);
    // t2 and b1: all bytes
    for (v = 0; v < 256; v = v + 1) begin
      b = v;
      bad2 = 1'b0;
      exp2 = 8'd0;
      exp1 = 16'd0;
      for (j = 0; j < 4; j = j + 1) begin
        if (((v >> (2 * j)) & 3) == 3) bad2 = 1'b1;
      end
      if (!bad2) exp2 = v;
      for (j = 0; j < 8; j = j + 1) begin
        // b1: 1 -> +1 -> code 2 ; 0 -> -1 -> code 0
        exp1 = exp1 | ((((v >> j) & 1) ? 16'd2 : 16'd0) << (2 * j));
      end
      #1;
      if (t2_bad !== bad2)  fail("t2 invalid", v, bad2, t2_bad);
      if (t2_code !== exp2) fail("t2 code", v, exp2, t2_code);
      if (b1_bad !== 1'b0)  fail("b1 invalid", v, 0, b1_bad);
      if (b1_code !== exp1) fail("b1 code", v, exp1, b1_code);
      matched = matched + 2;
    end
    seen = 256;
    $display("tb_slt_weight_decode: t5 %0d bytes (243 valid, 13 invalid), t2 and b1 %0d bytes each", seen, seen);
    $display("matched %0d outputs", matched);
    $finish;
  end
endmodule
