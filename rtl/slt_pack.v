// slt_pack - InW-bit words (each with a count of valid low bits) to an AXI4-Stream
// of OutW-bit beats, one packet per frame.
//
// A word is accepted (in_valid_i & in_ready_o) while less than one beat is
// buffered; its in_bits_i low bits are appended (bit j of the packet is bit j % OutW
// of beat j / OutW, LSB first). in_last_i marks the frame's last word: the packet
// then ends with a zero-filled beat carrying TLAST. m_tdata_o/m_tlast_o are held
// while m_tvalid_o is high and m_tready_i low (AXI4-Stream rule). clear_i drops
// everything.
module slt_pack #(
  parameter integer InW  = 128,  // word width, >= 1
  parameter integer OutW = 64    // beat width, >= 1
) (
  input  wire                        clk_i,
  input  wire                        rst_ni,
  input  wire                        clear_i,
  input  wire                        in_valid_i,
  output wire                        in_ready_o,
  input  wire [InW-1:0]              in_data_i,
  input  wire [$clog2(InW+1)-1:0]    in_bits_i,
  input  wire                        in_last_i,
  output wire                        m_tvalid_o,
  input  wire                        m_tready_i,
  output wire [OutW-1:0]             m_tdata_o,
  output wire                        m_tlast_o,
  output wire                        idle_o
);
  localparam integer BufW = InW + OutW;
  localparam integer CntW = $clog2(BufW + 1) + 1;  // one spare bit: wider than in_bits_i
  localparam integer InBW = $clog2(InW + 1);
  localparam integer SHW  = (OutW > 1) ? $clog2(OutW) : 1;

  reg  [BufW-1:0] buf_q, buf_d;
  reg  [CntW-1:0] cnt_q, cnt_d;
  reg             last_q, last_d;  // the frame's last word is in the buffer

  wire            full_beat = (cnt_q >= OutW[CntW-1:0]);
  wire            accept    = in_valid_i & in_ready_o;
  wire            pop       = m_tvalid_o & m_tready_i;
  wire [InW-1:0]  keep_mask = (in_bits_i >= InW[InBW-1:0]) ? {InW{1'b1}} : ~({InW{1'b1}} << in_bits_i);
  wire [BufW-1:0] word_ext  = {{OutW{1'b0}}, in_data_i & keep_mask};

  assign in_ready_o = ~last_q & ~full_beat;
  assign m_tvalid_o = full_beat | (last_q & (cnt_q != {CntW{1'b0}}));
  assign m_tdata_o  = buf_q[OutW-1:0];
  assign m_tlast_o  = last_q & (cnt_q <= OutW[CntW-1:0]);
  assign idle_o     = ~last_q & (cnt_q == {CntW{1'b0}});

  always @* begin
    buf_d  = buf_q;
    cnt_d  = cnt_q;
    last_d = last_q;
    if (pop) begin
      buf_d = buf_q >> OutW;
      cnt_d = full_beat ? cnt_q - OutW[CntW-1:0] : {CntW{1'b0}};
      if (m_tlast_o) last_d = 1'b0;
    end else if (accept) begin
      buf_d  = buf_q | (word_ext << cnt_q[SHW-1:0]);   // accept: cnt_q < OutW
      cnt_d  = cnt_q + {{(CntW-InBW){1'b0}}, in_bits_i};
      last_d = in_last_i;
    end
    if (clear_i) begin
      buf_d  = {BufW{1'b0}};
      cnt_d  = {CntW{1'b0}};
      last_d = 1'b0;
    end
  end

  always @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      buf_q  <= {BufW{1'b0}};
      cnt_q  <= {CntW{1'b0}};
      last_q <= 1'b0;
    end else begin
      buf_q  <= buf_d;
      cnt_q  <= cnt_d;
      last_q <= last_d;
    end
  end
endmodule
