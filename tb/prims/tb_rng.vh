// tb_rng.vh - deterministic xorshift32 PRNG for the primitive testbenches, included
// inside a testbench module (same sequence in every simulator). Seed from +seed=N.
reg [31:0] rng_q;

function [31:0] xorshift32;
  input [31:0] x;
  reg   [31:0] y;
  begin
    y = x;
    y = y ^ (y << 13);
    y = y ^ (y >> 17);
    y = y ^ (y << 5);
    xorshift32 = y;
  end
endfunction

// Next 32 random bits.
task rng_next;
  output [31:0] r;
  begin
    rng_q = xorshift32(rng_q);
    r = rng_q;
  end
endtask

// 1 with probability pct/100.
task rng_pct;
  input  integer pct;
  output         hit;
  reg    [31:0]  r;
  begin
    rng_next(r);
    hit = ((r % 100) < pct);
  end
endtask

// Seed: +seed=N (0 is mapped to a fixed non-zero value; xorshift needs one).
task rng_seed;
  output integer seed;
  begin
    if (!$value$plusargs("seed=%d", seed)) seed = 1;
    rng_q = seed ^ 32'h9e3779b9;
    if (rng_q == 32'd0) rng_q = 32'h1;
  end
endtask
