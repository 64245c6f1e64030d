// flow_add: registered adder, a small block for the synthesis/timing flow tests.
// sum_o is a_i + b_i registered once (one cycle latency), Width+1 bits.
module flow_add #(
  parameter Width = 8
) (
  input  wire             clk_i,
  input  wire             rst_ni,
  input  wire [Width-1:0] a_i,
  input  wire [Width-1:0] b_i,
  output wire [Width:0]   sum_o
);
  wire [Width:0] sum_d;
  reg  [Width:0] sum_q;

  assign sum_d = {1'b0, a_i} + {1'b0, b_i};

  always @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) sum_q <= {(Width+1){1'b0}};
    else         sum_q <= sum_d;
  end

  assign sum_o = sum_q;
endmodule
