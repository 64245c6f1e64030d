// slt_ctrl_check - the descriptor checks (docs/top.md "Errors"), in the order of the
// error codes: the first failing check names the error. Two register stages (the
// comparisons and buffer-end sums, then the overflow compares and the priority), so
// err_o is valid two cycles after the descriptor is stable: slt_ctrl_fsm waits two
// cycles (SChkA, SChkB) between the multiplication steps and SCheck.
// RESIDENT GEMV/GEMM (not implemented) fail with BAD_OPCODE and own no input
// packet: a driver that sets RESIDENT sends no weight packet, so nothing is drained.
`include "slt_regs_pkg.vh"
module slt_ctrl_check #(
  parameter integer QW        = 16,   // bits of NC and RB
  parameter integer Format    = 1,
  parameter integer MaxK      = 16384,
  parameter integer MaxM      = 16384,
  parameter integer MaxN      = 8,
  parameter integer AbufDepth = 1024,
  parameter integer ObufDepth = 1024,
  parameter integer Half      = 512      // wbuf region (half when psum_chunks = 1): row blocks per chunk
) (
  input  wire        clk_i,
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
  output reg  [`SLT_ERR_W-1:0] err_o,   // registered: the checks of two cycles ago
  output wire        is_load_o,  // LOAD_ACT
  output wire        is_mm_o,    // GEMV or GEMM
  output wire        owns_input_o
);
  wire [31:0] rb_x = {{(32-QW){1'b0}}, rb_i};
  localparam [31:0] AbufD = AbufDepth;
  localparam [31:0] ObufD = ObufDepth;
  // base + size > depth without a 33-bit adder: a term of AW bits or more alone is
  // beyond the depth (2^AW > depth), else the AW-bit sum decides (same for the obuf)
  localparam integer AW = $clog2(AbufDepth + 1);
  localparam integer OW = $clog2(ObufDepth + 1);
  wire is_mm   = (op_i == `SLT_OP_GEMV) | (op_i == `SLT_OP_GEMM);
  wire is_load = (op_i == `SLT_OP_LOAD_ACT);
  // stage 1: every comparison, and the buffer ends (narrow sums, see AW)
  reg        f_nop, f_op, f_fmt, f_m0, f_mbig, f_k0, f_kbig, f_n0, f_nbig, f_mm, f_rb;
  reg        a_hi, o_hi;
  reg [AW:0] aend_q;
  reg [OW:0] oend_q;
  always @(posedge clk_i) begin
    f_nop  <= (op_i == `SLT_OP_NOP);
    f_op   <= !(is_load || is_mm) || (is_mm && resident_i);
    f_fmt  <= is_mm && fmt_i != Format[1:0];
    f_m0   <= is_mm && m_i == 32'd0;
    f_mbig <= is_mm && m_i > MaxM;
    f_k0   <= (k_i == 32'd0);
    f_kbig <= (k_i > MaxK);
    f_n0   <= (n_i == 32'd0);
    f_nbig <= n_i > MaxN || (op_i == `SLT_OP_GEMV && n_i != 32'd1);
    f_mm   <= is_mm;
    f_rb   <= rb_x > Half;
    a_hi   <= (|abase_i[31:AW]) | (|nnc_i[31:AW]);
    o_hi   <= (|obase_i[31:OW]) | (|nrb_i[31:OW]);
    aend_q <= {1'b0, abase_i[AW-1:0]} + {1'b0, nnc_i[AW-1:0]};
    oend_q <= {1'b0, obase_i[OW-1:0]} + {1'b0, nrb_i[OW-1:0]};
  end
  // stage 2: the overflow compares and the priority
  always @(posedge clk_i) begin
    err_o <= `SLT_ERR_NONE;
    if (f_nop) err_o <= `SLT_ERR_NONE;
    else if (f_op) err_o <= `SLT_ERR_BAD_OPCODE;
    else if (f_fmt) err_o <= `SLT_ERR_BAD_FORMAT;
    else if (f_m0) err_o <= `SLT_ERR_M_ZERO;
    else if (f_mbig) err_o <= `SLT_ERR_M_TOO_LARGE;
    else if (f_k0) err_o <= `SLT_ERR_K_ZERO;
    else if (f_kbig) err_o <= `SLT_ERR_K_TOO_LARGE;
    else if (f_n0) err_o <= `SLT_ERR_N_ZERO;
    else if (f_nbig) err_o <= `SLT_ERR_N_TOO_LARGE;
    else if (a_hi || aend_q > AbufD[AW:0]) err_o <= `SLT_ERR_BUFFER_OVERFLOW;
    else if (f_mm && (f_rb || o_hi || oend_q > ObufD[OW:0])) err_o <= `SLT_ERR_BUFFER_OVERFLOW;
  end
  assign is_load_o    = is_load;
  assign is_mm_o      = is_mm;
  assign owns_input_o = is_load | (is_mm & ~resident_i);
endmodule
