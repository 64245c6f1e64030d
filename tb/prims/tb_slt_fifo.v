// tb_slt_fifo - slt_fifo against a scoreboard queue, random valid/ready on both
// sides (rates change every 256 cycles, bursts of full and empty), rare flushes.
// Prints "matched N outputs" or "FAIL ..." with seed, cycle, expected and actual.
module tb_slt_fifo;
  parameter integer Depth  = 5;
  parameter integer Width  = 8;
  parameter integer Cycles = 20000;

  localparam integer CountWidth = $clog2(Depth + 1);

  `include "tb_rng.vh"

  reg                   clk = 1'b0;
  reg                   rst_n = 1'b0;
  reg                   flush = 1'b0;
  reg                   wvalid = 1'b0;
  reg  [Width-1:0]      wdata = {Width{1'b0}};
  reg                   rready = 1'b0;
  wire                  wready, rvalid, full, empty;
  wire [Width-1:0]      rdata;
  wire [CountWidth-1:0] count;

  always #5 clk = ~clk;

  slt_fifo #(
    .Depth (Depth),
    .Width (Width)
  ) dut (
    .clk_i    (clk),
    .rst_ni   (rst_n),
    .flush_i  (flush),
    .wvalid_i (wvalid),
    .wready_o (wready),
    .wdata_i  (wdata),
    .rvalid_o (rvalid),
    .rready_i (rready),
    .rdata_o  (rdata),
    .full_o   (full),
    .empty_o  (empty),
    .count_o  (count)
  );

  // scoreboard: circular queue of what was pushed and not yet popped
  reg [Width-1:0] model [0:Depth-1];
  integer mhead, mcount, cycle, matched, seed, wpct, rpct, fails;
  integer pushes, pops;
  reg [31:0] r;
  reg hit, do_push, do_pop;

  task fail;
    input [8*32-1:0] what;
    input [63:0]     expected;
    input [63:0]     actual;
    begin
      $display("FAIL tb_slt_fifo Depth=%0d Width=%0d seed=%0d cycle=%0d %0s: expected %0h actual %0h",
               Depth, Width, seed, cycle, what, expected, actual);
      fails = fails + 1;
      $finish;
    end
  endtask

  initial begin
    rng_seed(seed);
    mhead = 0; mcount = 0; matched = 0; fails = 0; pushes = 0; pops = 0;
    wpct = 50; rpct = 50;
    repeat (3) @(posedge clk);
    #1 rst_n = 1'b1;
    for (cycle = 0; cycle < Cycles; cycle = cycle + 1) begin
      // drive new inputs just after the edge
      if (cycle % 256 == 0) begin
        rng_next(r); wpct = (r % 6 == 0) ? 5 : (r % 6 == 1) ? 30 : (r % 6 == 2) ? 50 :
                            (r % 6 == 3) ? 70 : (r % 6 == 4) ? 95 : 100;
        rng_next(r); rpct = (r % 6 == 0) ? 5 : (r % 6 == 1) ? 30 : (r % 6 == 2) ? 50 :
                            (r % 6 == 3) ? 70 : (r % 6 == 4) ? 95 : 100;
      end
      rng_pct(wpct, hit); wvalid = hit;
      rng_next(r);        wdata  = r[Width-1:0];
      rng_pct(rpct, hit); rready = hit;
      rng_next(r);        flush  = (r % 1024 == 0);
      // sample at the middle of the cycle, before the next rising edge
      @(negedge clk);
      if (count !== mcount)        fail("count_o", mcount, count);
      if (empty !== (mcount == 0)) fail("empty_o", mcount == 0, empty);
      if (full !== (mcount == Depth)) fail("full_o", mcount == Depth, full);
      if (rvalid !== (mcount != 0))   fail("rvalid_o", mcount != 0, rvalid);
      if (wready !== (mcount != Depth)) fail("wready_o", mcount != Depth, wready);
      if (mcount != 0) begin
        if (rdata !== model[mhead]) fail("rdata_o", model[mhead], rdata);
      end
      do_push = wvalid && (mcount != Depth);
      do_pop  = rready && (mcount != 0);
      if (flush) begin
        mcount = 0;
        mhead  = 0;
      end else begin
        if (do_pop) begin
          matched = matched + 1;
          pops = pops + 1;
          mhead = (mhead + 1) % Depth;
          mcount = mcount - 1;
        end
        if (do_push) begin
          model[(mhead + mcount) % Depth] = wdata;
          mcount = mcount + 1;
          pushes = pushes + 1;
        end
      end
      @(posedge clk);
      #1;
    end
    if (pops < Cycles / 8) begin
      $display("FAIL tb_slt_fifo Depth=%0d seed=%0d: only %0d pops in %0d cycles", Depth, seed, pops, Cycles);
      $finish;
    end
    $display("tb_slt_fifo Depth=%0d Width=%0d seed=%0d: %0d pushes, %0d pops", Depth, Width, seed, pushes, pops);
    $display("matched %0d outputs", matched);
    $finish;
  end
endmodule
