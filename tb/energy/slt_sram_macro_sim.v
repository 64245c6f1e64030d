// slt_sram_macro_sim.v - simulation model of the SRAM macro black box for the
// gate-level energy run (synth/energy.sh): the netlist keeps every SRAM as an
// slt_sram_macro instance with its Depth/Width, this module gives it the
// behaviour of rtl/slt_sram.v (1R1W, synchronous, read latency 1) and two
// access markers, rd_tog_q and wr_tog_q, that flip on every read and every
// write: their toggle counts (Verilator --coverage-toggle) are the macro's
// reads and writes in the energy window. Everything else is left out of the
// toggle coverage: the macro's energy is the analytic SRAM model's.
/* verilator coverage_off */
module slt_sram_macro #(
  parameter integer Depth     = 1024,
  parameter integer Width     = 32,
  parameter integer AddrWidth = (Depth > 1) ? $clog2(Depth) : 1
) (
  input  wire                 clk_i,
  input  wire                 we_i,
  input  wire [AddrWidth-1:0] waddr_i,
  input  wire [Width-1:0]     wdata_i,
  input  wire                 re_i,
  input  wire [AddrWidth-1:0] raddr_i,
  output wire [Width-1:0]     rdata_o
);
  reg [Width-1:0] mem_q [0:Depth-1];
  reg [Width-1:0] rdata_q;
/* verilator coverage_on */
  reg rd_tog_q;
  reg wr_tog_q;
/* verilator coverage_off */
  initial begin
    rd_tog_q = 1'b0;
    wr_tog_q = 1'b0;
  end
  always @(posedge clk_i) begin
    if (we_i) begin
      mem_q[waddr_i] <= wdata_i;
      wr_tog_q <= ~wr_tog_q;
    end
    if (re_i) begin
      rdata_q <= mem_q[raddr_i];
      rd_tog_q <= ~rd_tog_q;
    end
  end
  assign rdata_o = rdata_q;
endmodule
