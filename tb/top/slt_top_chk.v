// slt_top_chk - the generated accelerator top (`SLT_TOP_MODULE) with an AXI protocol
// checker (slt_axi_check) on each of its seven channels: AXI4-Lite AW, W, B, AR, R and
// the AXI4-Stream input and output (with SLT_TB_ACCEL defined: the integration wrapper
// slt_accel instead, same checks). Same ports as the top plus axi_err_o (any
// violation so far). Both top-level testbenches simulate this wrapper: Verilator
// (tb/top/tb_top.cpp, --top-module slt_top_chk) and Icarus (slt_top_icarus_tb.v).
`include "slt_params.vh"
module slt_top_chk (
  input  wire                     clk_i,
  input  wire                     rst_ni,
  input  wire                     s_axil_awvalid_i,
  output wire                     s_axil_awready_o,
  input  wire [11:0]              s_axil_awaddr_i,
  input  wire [2:0]               s_axil_awprot_i,
  input  wire                     s_axil_wvalid_i,
  output wire                     s_axil_wready_o,
  input  wire [31:0]              s_axil_wdata_i,
  input  wire [3:0]               s_axil_wstrb_i,
  output wire                     s_axil_bvalid_o,
  input  wire                     s_axil_bready_i,
  output wire [1:0]               s_axil_bresp_o,
  input  wire                     s_axil_arvalid_i,
  output wire                     s_axil_arready_o,
  input  wire [11:0]              s_axil_araddr_i,
  input  wire [2:0]               s_axil_arprot_i,
  output wire                     s_axil_rvalid_o,
  input  wire                     s_axil_rready_i,
  output wire [31:0]              s_axil_rdata_o,
  output wire [1:0]               s_axil_rresp_o,
  output wire                     irq_o,
  input  wire                     s_axis_tvalid_i,
  output wire                     s_axis_tready_o,
  input  wire [`SLT_BUS_BITS-1:0] s_axis_tdata_i,
  input  wire                     s_axis_tlast_i,
  output wire                     m_axis_tvalid_o,
  input  wire                     m_axis_tready_i,
  output wire [`SLT_BUS_BITS-1:0] m_axis_tdata_o,
  output wire                     m_axis_tlast_o,
  output wire                     axi_err_o
);
  localparam integer BB = `SLT_BUS_BITS;
`ifdef SLT_TB_ACCEL
  // the integration wrapper slt_accel (gen/emit_wrapper.c): conventional names
  slt_accel u_dut (
    .aclk (clk_i), .aresetn (rst_ni),
    .s_axil_awvalid (s_axil_awvalid_i), .s_axil_awready (s_axil_awready_o),
    .s_axil_awaddr (s_axil_awaddr_i), .s_axil_awprot (s_axil_awprot_i),
    .s_axil_wvalid (s_axil_wvalid_i), .s_axil_wready (s_axil_wready_o),
    .s_axil_wdata (s_axil_wdata_i), .s_axil_wstrb (s_axil_wstrb_i),
    .s_axil_bvalid (s_axil_bvalid_o), .s_axil_bready (s_axil_bready_i), .s_axil_bresp (s_axil_bresp_o),
    .s_axil_arvalid (s_axil_arvalid_i), .s_axil_arready (s_axil_arready_o),
    .s_axil_araddr (s_axil_araddr_i), .s_axil_arprot (s_axil_arprot_i),
    .s_axil_rvalid (s_axil_rvalid_o), .s_axil_rready (s_axil_rready_i),
    .s_axil_rdata (s_axil_rdata_o), .s_axil_rresp (s_axil_rresp_o),
    .irq (irq_o),
    .s_axis_tvalid (s_axis_tvalid_i), .s_axis_tready (s_axis_tready_o),
    .s_axis_tdata (s_axis_tdata_i), .s_axis_tlast (s_axis_tlast_i),
    .m_axis_tvalid (m_axis_tvalid_o), .m_axis_tready (m_axis_tready_i),
    .m_axis_tdata (m_axis_tdata_o), .m_axis_tlast (m_axis_tlast_o)
  );
`else
  `SLT_TOP_MODULE u_dut (
    .clk_i (clk_i), .rst_ni (rst_ni),
    .s_axil_awvalid_i (s_axil_awvalid_i), .s_axil_awready_o (s_axil_awready_o),
    .s_axil_awaddr_i (s_axil_awaddr_i), .s_axil_awprot_i (s_axil_awprot_i),
    .s_axil_wvalid_i (s_axil_wvalid_i), .s_axil_wready_o (s_axil_wready_o),
    .s_axil_wdata_i (s_axil_wdata_i), .s_axil_wstrb_i (s_axil_wstrb_i),
    .s_axil_bvalid_o (s_axil_bvalid_o), .s_axil_bready_i (s_axil_bready_i), .s_axil_bresp_o (s_axil_bresp_o),
    .s_axil_arvalid_i (s_axil_arvalid_i), .s_axil_arready_o (s_axil_arready_o),
    .s_axil_araddr_i (s_axil_araddr_i), .s_axil_arprot_i (s_axil_arprot_i),
    .s_axil_rvalid_o (s_axil_rvalid_o), .s_axil_rready_i (s_axil_rready_i),
    .s_axil_rdata_o (s_axil_rdata_o), .s_axil_rresp_o (s_axil_rresp_o),
    .irq_o (irq_o),
    .s_axis_tvalid_i (s_axis_tvalid_i), .s_axis_tready_o (s_axis_tready_o),
    .s_axis_tdata_i (s_axis_tdata_i), .s_axis_tlast_i (s_axis_tlast_i),
    .m_axis_tvalid_o (m_axis_tvalid_o), .m_axis_tready_i (m_axis_tready_i),
    .m_axis_tdata_o (m_axis_tdata_o), .m_axis_tlast_o (m_axis_tlast_o)
  );
`endif
  wire [6:0] err;
  slt_axi_check #(.W(15), .Name("axil AW")) u_aw (
    .clk_i (clk_i), .rst_ni (rst_ni), .valid_i (s_axil_awvalid_i), .ready_i (s_axil_awready_o),
    .data_i ({s_axil_awprot_i, s_axil_awaddr_i}), .err_o (err[0]));
  slt_axi_check #(.W(36), .Name("axil W")) u_w (
    .clk_i (clk_i), .rst_ni (rst_ni), .valid_i (s_axil_wvalid_i), .ready_i (s_axil_wready_o),
    .data_i ({s_axil_wstrb_i, s_axil_wdata_i}), .err_o (err[1]));
  slt_axi_check #(.W(2), .Name("axil B")) u_b (
    .clk_i (clk_i), .rst_ni (rst_ni), .valid_i (s_axil_bvalid_o), .ready_i (s_axil_bready_i),
    .data_i (s_axil_bresp_o), .err_o (err[2]));
  slt_axi_check #(.W(15), .Name("axil AR")) u_ar (
    .clk_i (clk_i), .rst_ni (rst_ni), .valid_i (s_axil_arvalid_i), .ready_i (s_axil_arready_o),
    .data_i ({s_axil_arprot_i, s_axil_araddr_i}), .err_o (err[3]));
  slt_axi_check #(.W(34), .Name("axil R")) u_r (
    .clk_i (clk_i), .rst_ni (rst_ni), .valid_i (s_axil_rvalid_o), .ready_i (s_axil_rready_i),
    .data_i ({s_axil_rresp_o, s_axil_rdata_o}), .err_o (err[4]));
  slt_axi_check #(.W(BB + 1), .Name("axis in")) u_sin (
    .clk_i (clk_i), .rst_ni (rst_ni), .valid_i (s_axis_tvalid_i), .ready_i (s_axis_tready_o),
    .data_i ({s_axis_tlast_i, s_axis_tdata_i}), .err_o (err[5]));
  slt_axi_check #(.W(BB + 1), .Name("axis out")) u_mout (
    .clk_i (clk_i), .rst_ni (rst_ni), .valid_i (m_axis_tvalid_o), .ready_i (m_axis_tready_i),
    .data_i ({m_axis_tlast_o, m_axis_tdata_o}), .err_o (err[6]));
  assign axi_err_o = |err;
endmodule
