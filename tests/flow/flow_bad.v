// flow_bad: a design with two drivers on one net. The flows must reject it
// (Yosys `check -assert`); the generic test expects synth.sh to fail here.
module flow_bad (
  input  wire       clk_i,
  input  wire [3:0] a_i,
  input  wire [3:0] b_i,
  output wire [3:0] y_o
);
  reg  [3:0] y_q;
  wire [3:0] n;
  assign n = a_i;
  assign n = b_i;
  always @(posedge clk_i) y_q <= n;
  assign y_o = y_q;
endmodule
