// tb_slt_sram_banked - the ASIC (black-box) slt_sram against a model array: the netlist
// the ASIC flows synthesise (SLT_SRAM_BLACKBOX: one slt_sram_macro per bank, bank groups,
// bank pairs, read/write registers, clock gates) with the macros simulated by
// tb/energy/slt_sram_macro_sim.v. Random writes and reads (addresses over every bank),
// read data checked ReadLatency edges after its read and held while no read arrives.
// A read never targets a word whose write is still in flight (WriteLatency + ReadLatency
// cycles): the read-during-write race is UNDEFINED (rtl/slt_sram.v), not checked here.
// Prints "matched N outputs" or "FAIL ..." with seed, cycle, expected and actual.
`define SLT_SRAM_BLACKBOX
module tb_slt_sram_banked;
  parameter integer Depth        = 37;
  parameter integer Width        = 12;
  parameter integer Banks        = 4;
  parameter integer BankDepth    = 10;
  parameter integer ReadLatency  = 4;
  parameter integer WriteLatency = 3;
  parameter integer ClockGating  = 0;
  parameter integer WGroup       = 16;
  parameter integer Cycles       = 6000;
  localparam integer AddrWidth = (Depth > 1) ? $clog2(Depth) : 1;
  localparam integer Busy      = WriteLatency + ReadLatency + 1;   // cycles a written word stays unread

  `include "tb_rng.vh"

  reg                  clk = 1'b0;
  reg                  we = 1'b0, re = 1'b0;
  reg  [AddrWidth-1:0] waddr = {AddrWidth{1'b0}}, raddr = {AddrWidth{1'b0}};
  reg  [Width-1:0]     wdata = {Width{1'b0}};
  wire [Width-1:0]     rdata;

  always #5 clk = ~clk;

  slt_sram #(
    .Depth        (Depth),
    .Width        (Width),
    .Banks        (Banks),
    .BankDepth    (BankDepth),
    .ReadLatency  (ReadLatency),
    .WriteLatency (WriteLatency),
    .ClockGating  (ClockGating),
    .WGroup       (WGroup)
  ) dut (
    .clk_i   (clk),
    .we_i    (we),
    .waddr_i (waddr),
    .wdata_i (wdata),
    .re_i    (re),
    .raddr_i (raddr),
    .rdata_o (rdata)
  );

  reg [Width-1:0] model [0:Depth-1];
  reg             written [0:Depth-1];
  integer         last_w [0:Depth-1];          // cycle of the word's last write
  reg [Width-1:0] pipe_v [0:ReadLatency];      // read data in flight, [0] = this cycle's
  reg             pipe_r [0:ReadLatency];      // a read in that slot
  reg             pipe_k [0:ReadLatency];      // its word was written (known)
  reg [Width-1:0] expect_q;
  reg             expect_known_q;
  integer cycle, matched, seed, i, reads, writes, tries;
  reg [31:0] r, r2;
  reg hit;

  task fail;
    input [8*32-1:0] what;
    input [63:0]     expected;
    input [63:0]     actual;
    begin
      $display("FAIL tb_slt_sram_banked Depth=%0d Width=%0d Banks=%0d BankDepth=%0d RL=%0d WL=%0d CG=%0d WGroup=%0d seed=%0d cycle=%0d %0s: expected %0h actual %0h",
               Depth, Width, Banks, BankDepth, ReadLatency, WriteLatency, ClockGating, WGroup, seed, cycle, what,
               expected, actual);
      $finish;
    end
  endtask

  initial begin
    rng_seed(seed);
    for (i = 0; i < Depth; i = i + 1) begin written[i] = 1'b0; last_w[i] = -1000; end
    for (i = 0; i <= ReadLatency; i = i + 1) begin pipe_r[i] = 1'b0; pipe_k[i] = 1'b0; pipe_v[i] = {Width{1'b0}}; end
    matched = 0; reads = 0; writes = 0;
    expect_known_q = 1'b0; expect_q = {Width{1'b0}};
    @(posedge clk);
    #1;
    for (cycle = 0; cycle < Cycles; cycle = cycle + 1) begin
      rng_pct(50, hit); we = hit;
      rng_next(r); waddr = (cycle < Depth) ? cycle % Depth : r % Depth;
      rng_next(r); rng_next(r2); wdata = {r2, r} >> (64 - Width);  // Width <= 64
      rng_pct(60, hit); re = hit;
      // a word whose write may still be in flight is not read (undefined race)
      tries = 0;
      rng_next(r); raddr = r % Depth;
      while (re && tries < 8 && (cycle - last_w[raddr] < Busy || (we && waddr == raddr))) begin
        rng_next(r); raddr = r % Depth; tries = tries + 1;
      end
      if (cycle - last_w[raddr] < Busy || (we && waddr == raddr)) re = 1'b0;
      // this cycle's read enters the pipe; the one ReadLatency cycles old is on rdata_o
      // at the coming negedge (ReadLatency edges after its own)
      for (i = ReadLatency; i > 0; i = i - 1) begin
        pipe_r[i] = pipe_r[i-1]; pipe_k[i] = pipe_k[i-1]; pipe_v[i] = pipe_v[i-1];
      end
      pipe_r[0] = re; pipe_k[0] = re && written[raddr]; pipe_v[0] = model[raddr];
      if (re) reads = reads + 1;
      if (we) begin
        writes = writes + 1;
        model[waddr] = wdata;
        written[waddr] = 1'b1;
        last_w[waddr] = cycle;
      end
      @(negedge clk);
      if (pipe_r[ReadLatency]) begin
        expect_known_q = pipe_k[ReadLatency];
        expect_q = pipe_v[ReadLatency];
      end
      if (expect_known_q) begin
        if (rdata !== expect_q) fail("rdata_o", expect_q, rdata);
        matched = matched + 1;
      end
      @(posedge clk);
      #1;
    end
    if (reads < Cycles / 4) fail("too few reads", Cycles / 4, reads);
    $display("tb_slt_sram_banked Depth=%0d Width=%0d Banks=%0d BankDepth=%0d RL=%0d WL=%0d CG=%0d WGroup=%0d seed=%0d: %0d reads, %0d writes",
             Depth, Width, Banks, BankDepth, ReadLatency, WriteLatency, ClockGating, WGroup, seed, reads, writes);
    $display("matched %0d outputs", matched);
    $finish;
  end
endmodule
