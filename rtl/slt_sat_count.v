// slt_sat_count - a saturating event counter: adds the number of set bits of inc_i
// every cycle, holds at all ones, clear_i (synchronous) returns it to 0.
// Used for the ECC_CORRECTED / ECC_UNCORRECTED registers (several SRAMs may flag
// in the same cycle, so the increment is a bit count, not an OR).
module slt_sat_count #(
  parameter integer N     = 4,    // event inputs, >= 1
  parameter integer Width = 32    // counter bits, > $clog2(N + 1)
) (
  input  wire             clk_i,
  input  wire             rst_ni,
  input  wire             clear_i,
  input  wire [N-1:0]     inc_i,
  output wire [Width-1:0] count_o
);
  localparam integer IW = $clog2(N + 1);

  generate
    if (N < 1) begin : g_illegal_n
      slt_sat_count_illegal_parameter_N_must_be_at_least_1 u_illegal ();
    end
    if (Width <= IW) begin : g_illegal_width
      slt_sat_count_illegal_parameter_Width_must_exceed_clog2_N_plus_1 u_illegal ();
    end
  endgenerate

  reg [IW-1:0]  ones;
  integer       i;
  always @* begin
    ones = {IW{1'b0}};
    for (i = 0; i < N; i = i + 1) ones = ones + {{(IW-1){1'b0}}, inc_i[i]};
  end

  reg  [Width-1:0] cnt_q;
  wire [Width:0]   sum = {1'b0, cnt_q} + {{(Width+1-IW){1'b0}}, ones};
  always @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) cnt_q <= {Width{1'b0}};
    else if (clear_i) cnt_q <= {Width{1'b0}};
    else if (sum[Width]) cnt_q <= {Width{1'b1}};
    else cnt_q <= sum[Width-1:0];
  end
  assign count_o = cnt_q;
endmodule
