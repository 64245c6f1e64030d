// tb_slt_ctrl_counters - the performance counters with gated clocks (ClockGating = 1)
// and with load enables (ClockGating = 0) side by side against a 64-bit model, every
// counter every cycle: random increments (mostly the largest, so the 24-bit low parts
// carry into the high parts: each multi-bit counter at least once), idle stretches (the gates closed) and
// random clears (which also drop the pending increment). The counter count is the
// register table's (slt_regs_pkg.vh of a generated build, -I). Prints "matched N
// outputs" or "FAIL ..." with seed, cycle, counter, expected and actual.
`include "slt_regs_pkg.vh"
module tb_slt_ctrl_counters;
  parameter integer Cycles = 160000;
  localparam integer C    = `SLT_PERF_COUNT;
  localparam integer IncW = 8;
  localparam [C-1:0] Single = {{(C-1){1'b0}}, 1'b1};   // counter 0 adds one bit

  `include "tb_rng.vh"

  reg              clk = 1'b0, rst_n = 1'b0, clear = 1'b0;
  reg  [IncW*C-1:0] inc = {(IncW*C){1'b0}};
  wire [64*C-1:0]  cnt_cg, cnt_en;

  always #5 clk = ~clk;

  slt_ctrl_counters #(.IncW(IncW), .Single(Single), .ClockGating(1)) u_cg (
    .clk_i (clk), .rst_ni (rst_n), .clear_i (clear), .inc_i (inc), .cnt_o (cnt_cg)
  );
  slt_ctrl_counters #(.IncW(IncW), .Single(Single), .ClockGating(0)) u_en (
    .clk_i (clk), .rst_ni (rst_n), .clear_i (clear), .inc_i (inc), .cnt_o (cnt_en)
  );

  reg [63:0] model [0:C-1];
  reg [63:0] pend  [0:C-1];
  integer cycle, matched, seed, c, carries;
  reg [31:0] r;
  reg        hit, idle;

  task check;
    input integer k;
    input [63:0] got;
    input [8*8-1:0] which;
    begin
      if (got !== model[k]) begin
        $display("FAIL tb_slt_ctrl_counters seed=%0d cycle=%0d counter %0d (%0s): expected %0h actual %0h",
                 seed, cycle, k, which, model[k], got);
        $finish;
      end
      matched = matched + 1;
    end
  endtask

  initial begin
    rng_seed(seed);
    matched = 0; carries = 0; idle = 1'b0;
    for (c = 0; c < C; c = c + 1) begin model[c] = 64'd0; pend[c] = 64'd0; end
    repeat (2) @(negedge clk);
    rst_n = 1'b1;
    for (cycle = 0; cycle < Cycles; cycle = cycle + 1) begin
      // drive this cycle's inputs (after the falling edge)
      rng_pct(idle ? 20 : 1, hit);
      if (hit) idle = ~idle;                        // short stretches with every increment 0
      rng_pct((cycle < 3000 || cycle > Cycles - 3000) ? 2 : 0, hit);
      clear = hit;
      for (c = 0; c < C; c = c + 1) begin
        rng_next(r);
        inc[IncW*c +: IncW] = idle ? 8'd0 : ((r[7:0] < 8'd230) ? 8'hff : r[15:8]);
      end
      @(posedge clk);
      // the model: counters add last cycle's (registered) increment; a clear zeroes both
      for (c = 0; c < C; c = c + 1) begin
        if (clear) begin
          model[c] = 64'd0; pend[c] = 64'd0;
        end else begin
          if (((model[c] & 64'hffffff) + pend[c]) >> 24) carries = carries + 1;
          model[c] = model[c] + pend[c];
          pend[c] = Single[c] ? {63'd0, inc[IncW*c]} : {56'd0, inc[IncW*c +: IncW]};
        end
      end
      @(negedge clk);
      for (c = 0; c < C; c = c + 1) begin
        check(c, cnt_cg[64*c +: 64], "gated");
        check(c, cnt_en[64*c +: 64], "enable");
      end
    end
    if (carries < C - 1) begin
      $display("FAIL tb_slt_ctrl_counters seed=%0d: only %0d carries into the high parts", seed, carries);
      $finish;
    end
    $display("tb_slt_ctrl_counters seed=%0d: %0d counters, %0d cycles, %0d carries into the high parts",
             seed, C, Cycles, carries);
    $display("matched %0d outputs", matched);
    $finish;
  end
endmodule
