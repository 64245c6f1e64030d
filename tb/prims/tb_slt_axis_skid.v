// tb_slt_axis_skid - slt_axis_skid with an AXI4-Stream source (tvalid held with stable
// tdata until accepted) and a sink with random tready, rates changing every 256
// cycles. Checks: order and content (scoreboard), AXI4-Stream output rules (valid
// held, data stable while stalled), s_tready_o independent of m_tready_i within a
// cycle (no combinational path), and 1 beat/cycle when both sides are always ready.
// Prints "matched N outputs" or "FAIL ..." with seed, cycle, expected and actual.
module tb_slt_axis_skid;
  parameter integer Width  = 16;
  parameter integer Cycles = 20000;
  localparam integer QSize = 64;

  `include "tb_rng.vh"

  reg              clk = 1'b0;
  reg              rst_n = 1'b0;
  reg              s_valid = 1'b0;
  reg  [Width-1:0] s_data = {Width{1'b0}};
  reg              m_ready = 1'b0;
  wire             s_ready, m_valid;
  wire [Width-1:0] m_data;

  always #5 clk = ~clk;

  slt_axis_skid #(
    .Width (Width)
  ) dut (
    .clk_i      (clk),
    .rst_ni     (rst_n),
    .s_tvalid_i (s_valid),
    .s_tready_o (s_ready),
    .s_tdata_i  (s_data),
    .m_tvalid_o (m_valid),
    .m_tready_i (m_ready),
    .m_tdata_o  (m_data)
  );

  reg [Width-1:0] queue [0:QSize-1];
  integer qhead, qcount, cycle, matched, seed, spct, rpct, beats, tp_cycles;
  reg [31:0] r;
  reg hit, s_fire, m_fire, ready_before, prev_stall;
  reg [Width-1:0] prev_data;

  task fail;
    input [8*32-1:0] what;
    input [63:0]     expected;
    input [63:0]     actual;
    begin
      $display("FAIL tb_slt_axis_skid Width=%0d seed=%0d cycle=%0d %0s: expected %0h actual %0h",
               Width, seed, cycle, what, expected, actual);
      $finish;
    end
  endtask

  initial begin
    rng_seed(seed);
    qhead = 0; qcount = 0; matched = 0; prev_stall = 1'b0; prev_data = {Width{1'b0}};
    spct = 50; rpct = 50; beats = 0; tp_cycles = 0;
    repeat (3) @(posedge clk);
    #1 rst_n = 1'b1;
    for (cycle = 0; cycle < Cycles; cycle = cycle + 1) begin
      if (cycle % 256 == 0) begin
        rng_next(r); spct = (r % 5 == 0) ? 10 : (r % 5 == 1) ? 50 : (r % 5 == 2) ? 90 : 100;
        rng_next(r); rpct = (r % 5 == 0) ? 10 : (r % 5 == 1) ? 50 : (r % 5 == 2) ? 90 : 100;
        // the last stretch: both sides always ready, throughput must be 1 beat/cycle
        if (cycle >= Cycles - 512) begin spct = 100; rpct = 100; end
      end
      // source: keep tvalid/tdata while a beat waits, else maybe start a new one
      if (!s_valid) begin
        rng_pct(spct, hit);
        s_valid = hit;
        rng_next(r);
        if (hit) s_data = r[Width-1:0];
      end
      rng_pct(rpct, hit); m_ready = hit;
      // no combinational m_tready -> s_tready path: flip m_tready, s_tready must not move
      #1 ready_before = s_ready;
      m_ready = !m_ready;
      #1 if (s_ready !== ready_before) fail("s_tready comb path", ready_before, s_ready);
      m_ready = !m_ready;
      @(negedge clk);
      // output protocol: a stalled beat stays, unchanged
      if (prev_stall && m_valid !== 1'b1) fail("m_tvalid dropped", 1, m_valid);
      if (prev_stall && m_data !== prev_data) fail("m_tdata changed", prev_data, m_data);
      s_fire = s_valid && s_ready;
      m_fire = m_valid && m_ready;
      if (m_fire) begin
        if (qcount == 0) fail("beat from nowhere", 0, m_data);
        if (m_data !== queue[qhead]) fail("m_tdata", queue[qhead], m_data);
        qhead = (qhead + 1) % QSize;
        qcount = qcount - 1;
        matched = matched + 1;
      end
      if (s_fire) begin
        if (qcount == QSize) fail("scoreboard overflow", QSize, qcount);
        queue[(qhead + qcount) % QSize] = s_data;
        qcount = qcount + 1;
      end
      if (qcount > 2) fail("more than 2 beats held", 2, qcount);
      if (cycle >= Cycles - 256) begin
        tp_cycles = tp_cycles + 1;
        if (m_fire) beats = beats + 1;
      end
      prev_stall = m_valid && !m_ready;
      prev_data  = m_data;
      @(posedge clk);
      #1;
      if (s_fire) s_valid = 1'b0;
    end
    if (beats != tp_cycles) fail("throughput beats/256 cycles", tp_cycles, beats);
    $display("tb_slt_axis_skid Width=%0d seed=%0d: full throughput %0d/%0d", Width, seed, beats, tp_cycles);
    $display("matched %0d outputs", matched);
    $finish;
  end
endmodule
