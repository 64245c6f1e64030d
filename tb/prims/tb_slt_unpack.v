// tb_slt_unpack - slt_unpack against a bit-level model: frames of random length
// (1 bit to several words, lengths around the beat and word sizes more often),
// random beat data and random in_valid gaps, the next frame opened either after
// the last word or in the cycle of out_last_o (as slt_ctrl_act does), rare
// clear_i mid-frame. Checks every word (the frame's bits, zero above its end),
// out_last_o on the last word only, in_final_o against the bits still missing,
// in_ready_o while bits are missing and less than a word waits, and that every
// frame completes. Prints "matched N outputs" or "FAIL ..." with seed, cycle,
// expected and actual.
module tb_slt_unpack;
  parameter integer InW    = 8;
  parameter integer OutW   = 12;
  parameter integer Cycles = 20000;
  localparam integer BitsW = 16;
  localparam integer MaxF  = 6 * OutW + 3 * InW;   // longest frame

  `include "tb_rng.vh"

  reg              clk = 1'b0;
  reg              rst_n = 1'b0;
  reg              clear = 1'b0;
  reg              start = 1'b0;
  reg  [BitsW-1:0] frame_bits = {BitsW{1'b0}};
  reg              in_valid = 1'b0;
  reg  [InW-1:0]   in_data = {InW{1'b0}};
  wire             in_ready, in_final, out_valid, out_last, active;
  wire [OutW-1:0]  out_data;

  always #5 clk = ~clk;

  slt_unpack #(
    .InW   (InW),
    .OutW  (OutW),
    .BitsW (BitsW)
  ) dut (
    .clk_i        (clk),
    .rst_ni       (rst_n),
    .clear_i      (clear),
    .start_i      (start),
    .frame_bits_i (frame_bits),
    .in_valid_i   (in_valid),
    .in_ready_o   (in_ready),
    .in_data_i    (in_data),
    .in_final_o   (in_final),
    .out_valid_o  (out_valid),
    .out_data_o   (out_data),
    .out_last_o   (out_last),
    .active_o     (active)
  );

  // model: the frame's bits as accepted, how many, how many words emitted
  reg [MaxF-1:0]  bits_q;
  reg [OutW-1:0]  want;
  integer flen, got, words, cycle, matched, seed, vpct, frames, idle, i, b;
  reg [31:0] r;
  reg hit, open_q, accept;

  task fail;
    input [8*32-1:0] what;
    input [63:0]     expected;
    input [63:0]     actual;
    begin
      $display("FAIL tb_slt_unpack InW=%0d OutW=%0d seed=%0d cycle=%0d frame=%0d len=%0d got=%0d %0s: expected %0h actual %0h",
               InW, OutW, seed, cycle, frames, flen, got, what, expected, actual);
      $finish;
    end
  endtask

  // a frame length: near a multiple of InW or OutW half of the time
  task pick_len;
    output integer len;
    integer n, d;
    begin
      rng_next(r);
      n = r[15:8] % 6 + 1;
      d = r[17:16];
      case (r[1:0])
        2'd0: len = n * OutW + d - 1;
        2'd1: len = n * InW + d - 1;
        default: len = r[31:8] % MaxF + 1;
      endcase
      if (len < 1) len = 1;
      if (len > MaxF) len = MaxF;
    end
  endtask

  task open_frame;
    begin
      pick_len(flen);
      frame_bits = flen[BitsW-1:0];
      start = 1'b1;
      bits_q = {MaxF{1'b0}};
      got = 0; words = 0; open_q = 1'b1; idle = 0;
      frames = frames + 1;
    end
  endtask

  initial begin
    rng_seed(seed);
    matched = 0; frames = 0; open_q = 1'b0; flen = 0; got = 0; words = 0; idle = 0;
    vpct = 50;
    repeat (3) @(posedge clk);
    #1 rst_n = 1'b1;
    for (cycle = 0; cycle < Cycles; cycle = cycle + 1) begin
      if (cycle % 256 == 0) begin
        rng_next(r); vpct = (r % 4 == 0) ? 15 : (r % 4 == 1) ? 60 : 100;
      end
      // inputs for this cycle (start/clear are set below, after the outputs)
      rng_pct(vpct, hit); in_valid = hit;
      for (i = 0; i < InW; i = i + 32) begin
        rng_next(r);
        in_data = (in_data << 32) | r;
      end
      #1;
      if (active !== open_q) fail("active_o", open_q, active);
      // checks against the model
      // ready while bits are missing and less than a word waits
      if (in_ready !== (open_q && got < flen && got - words * OutW < OutW))
        fail("in_ready_o", open_q && got < flen && got - words * OutW < OutW, in_ready);
      if (open_q && got < flen && in_final !== (flen - got <= InW))
        fail("in_final_o", flen - got <= InW, in_final);
      if (out_valid) begin
        if (!open_q) fail("word outside a frame", 0, out_data);
        if (!((words + 1) * OutW <= got || got == flen)) fail("word before its bits", words, got);
        want = {OutW{1'b0}};
        for (i = 0; i < OutW; i = i + 1) begin
          b = words * OutW + i;
          if (b < flen) want[i] = bits_q[b];
        end
        if (out_data !== want) fail("out_data_o", want, out_data);
        if (out_last !== ((words + 1) * OutW >= flen)) fail("out_last_o", (words + 1) * OutW >= flen, out_last);
        words = words + 1;
        matched = matched + 1;
      end else if (out_last) fail("out_last_o without a word", 0, 1);
      accept = in_valid && in_ready;
      if (accept) begin
        for (i = 0; i < InW; i = i + 1)
          if (got + i < flen) bits_q[got + i] = in_data[i];
        got = (got + InW < flen) ? got + InW : flen;
      end
      // frame control for the next edge: after the last word, or in its cycle
      start = 1'b0; clear = 1'b0;
      if (out_valid && out_last) begin
        open_q = 1'b0;
        rng_pct(50, hit);
        if (hit) open_frame;
      end else if (!open_q) begin
        rng_pct(40, hit);
        if (hit) open_frame;
      end else begin
        rng_pct(1, hit);
        if (hit) begin clear = 1'b1; open_q = 1'b0; end
        idle = idle + 1;
        if (idle > 64 * (MaxF / InW + 8)) fail("frame never completes", flen, got);
      end
      @(posedge clk);
      #1;
    end
    $display("tb_slt_unpack InW=%0d OutW=%0d seed=%0d: %0d frames", InW, OutW, seed, frames);
    $display("matched %0d outputs", matched);
    $finish;
  end
endmodule
