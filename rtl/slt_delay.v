// slt_delay - a Width-bit signal delayed by Depth cycles (Depth = 0: a wire), through
// registers with an asynchronous reset to 0.
module slt_delay #(
  parameter integer Width = 1,
  parameter integer Depth = 1
) (
  input  wire             clk_i,
  input  wire             rst_ni,
  input  wire [Width-1:0] d_i,
  output wire [Width-1:0] q_o
);
  generate
    if (Depth == 0) begin : g_wire
      assign q_o = d_i;
      wire unused = ^{clk_i, rst_ni};
    end else begin : g_regs
      reg  [Depth*Width-1:0] pipe_q;   // stage i at [i*Width +: Width]
      /* verilator lint_off UNUSEDSIGNAL */
      wire [(Depth+1)*Width-1:0] pipe_next = {pipe_q, d_i};   // the top stage drops out
      /* verilator lint_on UNUSEDSIGNAL */
      always @(posedge clk_i or negedge rst_ni) begin
        if (!rst_ni) pipe_q <= {(Depth*Width){1'b0}};
        else pipe_q <= pipe_next[Depth*Width-1:0];
      end
      assign q_o = pipe_q[(Depth-1)*Width +: Width];
    end
  endgenerate
endmodule
