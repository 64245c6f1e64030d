// flow_sram_path: registers around one slt_sram (a black-box macro in the ASIC
// flow), for the check that OpenSTA times the macro's modelled read path
// (clk -> rdata_o -> logic -> q_o register) and write path (registers -> macro inputs).
module flow_sram_path (
  input  wire       clk_i,
  input  wire       we_i,
  input  wire [3:0] addr_i,
  input  wire [7:0] data_i,
  output reg  [7:0] q_o
);
  reg        we_q;
  reg  [3:0] addr_q;
  reg  [7:0] data_q;
  wire [7:0] rdata;
  always @(posedge clk_i) begin
    we_q   <= we_i;
    addr_q <= addr_i;
    data_q <= data_i;
    q_o    <= rdata ^ data_q;
  end
  slt_sram #(.Depth(16), .Width(8)) u_sram (
    .clk_i (clk_i), .we_i (we_q), .waddr_i (addr_q), .wdata_i (data_q),
    .re_i (1'b1), .raddr_i (addr_q), .rdata_o (rdata)
  );
endmodule
