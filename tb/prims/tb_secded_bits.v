// tb_secded_bits - prints "w r" per line for w = 1 .. Max, r = `SLT_SECDED_CHECK_BITS(w)
// of rtl/slt_secded_bits.vh (the check-bit count slt_secded_enc/dec and slt_sram_ecc
// use); tb/prims/secded.sh compares the lines with the C model's (secded_vec
// --check-bits, ref/slt_secded.c slt_secded_check_bits).
`include "slt_secded_bits.vh"
module tb_secded_bits;
  parameter integer Max = 262125;
  integer w;
  initial begin
    for (w = 1; w <= Max; w = w + 1) $display("%0d %0d", w, `SLT_SECDED_CHECK_BITS(w));
    $finish;
  end
endmodule
