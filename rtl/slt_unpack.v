// slt_unpack - a stream of InW-bit beats to OutW-bit words, one frame at a time.
//
// start_i (with frame_bits_i >= 1) opens a frame of frame_bits_i valid bits. Beats
// are accepted (in_valid_i & in_ready_o) while bits are missing; the bits of a beat
// beyond the frame (the padding of its last beat) are dropped. Bits are LSB first:
// bit j of the frame is bit j % InW of beat j / InW and lands in bit j % OutW of
// word j / OutW. A word is emitted (out_valid_o, one cycle, no back-pressure) as
// soon as it is complete; the frame's last word is zero-filled above the frame's
// end and flagged out_last_o. in_final_o: the beat on the input now completes the
// frame. clear_i abandons the frame. Used for activations (abuf words) and the
// per-chunk mode bits of a weight stream.
module slt_unpack #(
  parameter integer InW   = 64,  // beat width, >= 1
  parameter integer OutW  = 96,  // word width, >= 1
  parameter integer BitsW = 32   // width of frame_bits_i, >= $clog2(InW + OutW + 1)
) (
  input  wire             clk_i,
  input  wire             rst_ni,
  input  wire             clear_i,
  input  wire             start_i,
  input  wire [BitsW-1:0] frame_bits_i,
  input  wire             in_valid_i,
  output wire             in_ready_o,
  input  wire [InW-1:0]   in_data_i,
  output wire             in_final_o,
  output wire             out_valid_o,
  output wire [OutW-1:0]  out_data_o,
  output wire             out_last_o,
  output wire             active_o
);
  localparam integer BufW = InW + OutW;
  localparam integer CntW = $clog2(BufW + 1);
  localparam integer LW   = (InW > 1) ? $clog2(InW) : 1;
  localparam integer SHW  = (OutW > 1) ? $clog2(OutW) : 1;

  reg  [BufW-1:0]  buf_q, buf_d;
  reg  [CntW-1:0]  cnt_q, cnt_d;
  reg  [BitsW-1:0] left_q, left_d;
  reg              active_q, active_d;
  // left_zero_q == (left_q == 0), kept as a flag: the wide compare would otherwise sit
  // at the head of the out_last_o -> start_i loop through the parent (timing). It is set
  // from the cases of the next state (left_zero_d below), not by comparing left_d, which
  // would put the compare after the subtraction; the narrow cnt flags compare cnt_d.
  reg              left_zero_q, left_zero_d;

  wire             left_zero = left_zero_q;
  wire             left_le_in = (left_q <= InW[BitsW-1:0]);
  // flags of cnt_q, registered from cnt_d for the same reason
  reg              full_q, cnt_nz_q, cnt_le_q;   // cnt >= OutW, cnt != 0, cnt <= OutW
  wire             full_word = full_q;
  wire             accept    = in_valid_i & in_ready_o;
  wire             fire      = out_valid_o;
  // bits taken from this beat: min(InW, left)
  wire             take_all  = (left_q >= InW[BitsW-1:0]);
  wire [CntW-1:0]  take      = take_all ? InW[CntW-1:0] : left_q[CntW-1:0];
  // when not take_all, left_q < InW: its low LW bits are the whole value
  wire [LW-1:0]    left_lo   = left_q[LW-1:0];
  wire [InW-1:0]   keep_mask = take_all ? {InW{1'b1}} : ~({InW{1'b1}} << left_lo);
  wire [BufW-1:0]  beat_ext  = {{OutW{1'b0}}, in_data_i & keep_mask};

  assign in_ready_o  = active_q & ~left_zero & ~full_word;
  assign in_final_o  = active_q & ~left_zero & left_le_in;
  assign out_valid_o = active_q & (full_word | (left_zero & cnt_nz_q));
  assign out_data_o  = buf_q[OutW-1:0];
  assign out_last_o  = fire & left_zero & cnt_le_q;
  assign active_o    = active_q;

  always @* begin
    buf_d    = buf_q;
    cnt_d    = cnt_q;
    left_d   = left_q;
    active_d = active_q;
    left_zero_d = left_zero_q;
    if (fire) begin
      buf_d = buf_q >> OutW;
      cnt_d = full_word ? cnt_q - OutW[CntW-1:0] : {CntW{1'b0}};
      if (out_last_o) active_d = 1'b0;
    end else if (accept) begin
      buf_d  = buf_q | (beat_ext << cnt_q[SHW-1:0]);   // accept: cnt_q < OutW
      cnt_d  = cnt_q + take;
      left_d = left_q - {{(BitsW-CntW){1'b0}}, take};
      left_zero_d = left_le_in;   // take = min(InW, left): nothing left iff left <= InW
    end
    if (clear_i) begin
      active_d = 1'b0;
      buf_d    = {BufW{1'b0}};
      cnt_d    = {CntW{1'b0}};
      left_d   = {BitsW{1'b0}};
      left_zero_d = 1'b1;
    end else if (start_i) begin
      active_d = 1'b1;
      buf_d    = {BufW{1'b0}};
      cnt_d    = {CntW{1'b0}};
      left_d   = frame_bits_i;
      left_zero_d = (frame_bits_i == {BitsW{1'b0}});
    end
  end

  always @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      buf_q    <= {BufW{1'b0}};
      cnt_q    <= {CntW{1'b0}};
      left_q   <= {BitsW{1'b0}};
      active_q <= 1'b0;
      left_zero_q <= 1'b1;
      full_q   <= 1'b0;
      cnt_nz_q <= 1'b0;
      cnt_le_q <= 1'b1;
    end else begin
      buf_q    <= buf_d;
      cnt_q    <= cnt_d;
      left_q   <= left_d;
      active_q <= active_d;
      left_zero_q <= left_zero_d;
      full_q   <= (cnt_d >= OutW[CntW-1:0]);
      cnt_nz_q <= (cnt_d != {CntW{1'b0}});
      cnt_le_q <= (cnt_d <= OutW[CntW-1:0]);
    end
  end
endmodule
