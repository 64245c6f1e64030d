// flow_longpath: registers around a deliberately long combinational path
// (a 16x16 multiply followed by an add), so that timing must fail at a high
// clock and pass at a low one. Used only by the flow tests.
module flow_longpath (
  input  wire        clk_i,
  input  wire        rst_ni,
  input  wire [15:0] a_i,
  input  wire [15:0] b_i,
  input  wire [31:0] c_i,
  output wire [31:0] y_o
);
  reg  [15:0] a_q, b_q;
  reg  [31:0] c_q, y_q;
  wire [31:0] y_d;

  assign y_d = a_q * b_q + c_q;

  always @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      a_q <= 16'd0;
      b_q <= 16'd0;
      c_q <= 32'd0;
      y_q <= 32'd0;
    end else begin
      a_q <= a_i;
      b_q <= b_i;
      c_q <= c_i;
      y_q <= y_d;
    end
  end

  assign y_o = y_q;
endmodule
