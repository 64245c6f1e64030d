// flow_top: a small hierarchical design for the flow tests: two adders, one
// counter and one black-box SRAM, so that per-block figures, the black-box
// area hook and register-to-register timing can all be checked quickly.
module flow_top (
  input  wire        clk_i,
  input  wire        rst_ni,
  input  wire        en_i,
  input  wire [7:0]  a_i,
  input  wire [7:0]  b_i,
  output wire [8:0]  sum0_o,
  output wire [9:0]  sum1_o,
  output wire [7:0]  rdata_o
);
  wire [7:0] cnt;

  flow_add #(.Width(8)) u_add0 (
    .clk_i (clk_i), .rst_ni(rst_ni), .a_i(a_i), .b_i(b_i), .sum_o(sum0_o)
  );

  flow_add #(.Width(9)) u_add1 (
    .clk_i (clk_i), .rst_ni(rst_ni), .a_i(sum0_o), .b_i({1'b0, cnt}), .sum_o(sum1_o)
  );

  flow_cnt #(.Width(8)) u_cnt (
    .clk_i (clk_i), .rst_ni(rst_ni), .en_i(en_i), .cnt_o(cnt)
  );

  flow_sram_bb u_sram (
    .clk_i (clk_i), .we_i(en_i), .addr_i(cnt[3:0]), .wdata_i(a_i), .rdata_o(rdata_o)
  );
endmodule
