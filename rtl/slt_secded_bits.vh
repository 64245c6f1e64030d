// slt_secded_bits.vh - the Hamming check-bit count of ecc = secded (docs/memory.md "ECC"),
// the one Verilog definition (C: slt_secded_check_bits in ref/slt_secded.c; the two are
// compared for every Width 1 .. 262125 by tb/prims/secded.sh, make t-ecc-prims).
// SLT_SECDED_CHECK_BITS(w): the smallest r with 2^r >= w + r + 1, for w data bits.
// A macro, not a function: Verilog-2005 has no shared constant function, and the port
// widths of slt_secded_enc/dec and slt_sram_ecc need it in their parameter lists.
`ifndef SLT_SECDED_BITS_VH
`define SLT_SECDED_BITS_VH
`define SLT_SECDED_CHECK_BITS(w) ($clog2((w) + 1 + $clog2((w) + 1)))
`endif
