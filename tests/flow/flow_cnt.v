// flow_cnt: free-running counter with enable, a small block for the flow tests.
module flow_cnt #(
  parameter Width = 8
) (
  input  wire             clk_i,
  input  wire             rst_ni,
  input  wire             en_i,
  output wire [Width-1:0] cnt_o
);
  wire [Width-1:0] cnt_d;
  reg  [Width-1:0] cnt_q;

  assign cnt_d = en_i ? cnt_q + {{(Width-1){1'b0}}, 1'b1} : cnt_q;

  always @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) cnt_q <= {Width{1'b0}};
    else         cnt_q <= cnt_d;
  end

  assign cnt_o = cnt_q;
endmodule
