// slt_valid_pipe - a chain of Depth valid flags: valid_o[s] is valid_i delayed
// by s+1 cycles. Hand-written primitive, copied into every generated rtl/ by
// sltgen. Asynchronous active-low reset, so no stage is ever X.
// Legal parameters: Depth >= 1 (a smaller value fails elaboration).
module slt_valid_pipe #(
  parameter integer Depth = 1
) (
  input  wire             clk_i,
  input  wire             rst_ni,
  input  wire             valid_i,
  output wire [Depth-1:0] valid_o
);
  reg [Depth-1:0] valid_q;

  generate
    if (Depth < 1) begin : g_bad_depth
      slt_valid_pipe_depth_must_be_at_least_1 u_illegal_parameter ();
    end else if (Depth == 1) begin : g_one
      always @(posedge clk_i or negedge rst_ni) begin
        if (!rst_ni) valid_q <= 1'b0;
        else valid_q <= valid_i;
      end
    end else begin : g_chain
      always @(posedge clk_i or negedge rst_ni) begin
        if (!rst_ni) valid_q <= {Depth{1'b0}};
        else valid_q <= {valid_q[Depth-2:0], valid_i};
      end
    end
  endgenerate

  assign valid_o = valid_q;
endmodule
