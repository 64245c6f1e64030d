/* sltgen - configuration in, Verilog + headers out (gen/gen_cli.c does the work). */
#include "slt_gen.h"

int main(int argc, char **argv) { return sltgen_main(argc, argv); }
