// slt_ctrl_check - the descriptor checks (docs/top.md "Errors"), combinational, in
// the order of the error codes: the first failing check names the error.
`include "slt_regs_pkg.vh"
module slt_ctrl_check #(
  parameter integer QW        = 16,   // bits of NC and RB
  parameter integer Format    = 1,
  parameter integer MaxK      = 16384,
  parameter integer MaxM      = 16384,
  parameter integer MaxN      = 8,
  parameter integer AbufDepth = 1024,
  parameter integer ObufDepth = 1024,
  parameter integer Half      = 512      // wbuf half: row blocks per chunk
) (
  input  wire [`SLT_OP_W-1:0] op_i,
  input  wire [1:0]  fmt_i,
  input  wire        resident_i,
  input  wire [31:0] m_i,
  input  wire [31:0] k_i,
  input  wire [31:0] n_i,
  input  wire [31:0] abase_i,
  input  wire [31:0] obase_i,
  input  wire [31:0] nnc_i,      // N * NC
  input  wire [31:0] nrb_i,      // N * RB
  input  wire [QW-1:0] rb_i,
  output reg  [`SLT_ERR_W-1:0] err_o,
  output wire        is_load_o,  // LOAD_ACT
  output wire        is_mm_o,    // GEMV or GEMM
  output wire        owns_input_o
);
  wire [31:0] rb_x = {{(32-QW){1'b0}}, rb_i};
  localparam [31:0] AbufD = AbufDepth;
  localparam [31:0] ObufD = ObufDepth;
  wire is_mm   = (op_i == `SLT_OP_GEMV) | (op_i == `SLT_OP_GEMM);
  wire is_load = (op_i == `SLT_OP_LOAD_ACT);
  always @* begin
    err_o = `SLT_ERR_NONE;
    if (op_i == `SLT_OP_NOP) err_o = `SLT_ERR_NONE;
    else if (!(is_load || is_mm) || (is_mm && resident_i)) err_o = `SLT_ERR_BAD_OPCODE;
    else if (is_mm && fmt_i != Format[1:0]) err_o = `SLT_ERR_BAD_FORMAT;
    else if (is_mm && m_i == 32'd0) err_o = `SLT_ERR_M_ZERO;
    else if (is_mm && m_i > MaxM) err_o = `SLT_ERR_M_TOO_LARGE;
    else if (k_i == 32'd0) err_o = `SLT_ERR_K_ZERO;
    else if (k_i > MaxK) err_o = `SLT_ERR_K_TOO_LARGE;
    else if (n_i == 32'd0) err_o = `SLT_ERR_N_ZERO;
    else if (n_i > MaxN || (op_i == `SLT_OP_GEMV && n_i != 32'd1)) err_o = `SLT_ERR_N_TOO_LARGE;
    else if ({1'b0, abase_i} + {1'b0, nnc_i} > {1'b0, AbufD}) err_o = `SLT_ERR_BUFFER_OVERFLOW;
    else if (is_mm && (rb_x > Half || {1'b0, obase_i} + {1'b0, nrb_i} > {1'b0, ObufD}))
      err_o = `SLT_ERR_BUFFER_OVERFLOW;
  end
  assign is_load_o    = is_load;
  assign is_mm_o      = is_mm;
  assign owns_input_o = is_load | is_mm;
endmodule
