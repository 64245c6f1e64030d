// slt_ctrl_desc - the command descriptor: latched at GO, then the sizes the engines
// need, without dividers or wide multipliers (synthesis, docs/top.md "Synthesis"):
//   NC-1, WL-1 = divmod(K-1, U*G) and RB-1, MR-1 = divmod(M-1, L) by a restoring
//   division of DW bits, one bit per cycle (div), then N*NC and N*RB by shift-add
//   over the NW bits of N (mul). Values beyond MaxK/MaxM/MaxN give garbage that the
//   descriptor checks (slt_ctrl_check, which come first) never use.
`include "slt_regs_pkg.vh"
module slt_ctrl_desc #(
  parameter integer UG  = 12,
  parameter integer L   = 4,
  parameter integer DW  = 14,    // dividend bits: K-1 < 2^DW, M-1 < 2^DW
  parameter integer NW  = 4,     // bits of N
  parameter integer RKW = 4,     // bits of a remainder < UG
  parameter integer RMW = 2,     // bits of a remainder < L
  parameter integer ClockGating = 0  // 1: the descriptor copy and the divider have gated clocks
) (
  input  wire        clk_i,
  input  wire        latch_i,          // idle and GO
  input  wire        setup_i,
  input  wire        div_i,
  input  wire        mul_i,
  input  wire [`SLT_OP_W-1:0] cmd_opcode_i,
  input  wire [1:0]  cmd_format_i,
  input  wire        cmd_resident_i,
  input  wire        cmd_accumulate_i,
  input  wire [31:0] cmd_m_i,
  input  wire [31:0] cmd_k_i,
  input  wire [31:0] cmd_n_i,
  input  wire [31:0] cmd_abuf_base_i,
  input  wire [31:0] cmd_obuf_base_i,
  output wire        step_zero_o,      // div/mul: the last step
  output reg  [`SLT_OP_W-1:0] op_o,
  output reg  [1:0]  fmt_o,
  output reg         resident_o,
  output reg         acc_mode_o,
  output reg  [31:0] m_o,
  output reg  [31:0] k_o,
  output reg  [31:0] n_o,
  output reg  [31:0] abase_o,
  output reg  [31:0] obase_o,
  output reg  [DW:0] nc_o,             // chunks
  output reg  [DW:0] rb_o,             // row blocks
  output reg  [RMW:0] mr_o,            // rows in the last row block
  output reg  [RKW:0] wl_o,            // codes of a row in the last chunk
  output reg  [31:0] nnc_o,            // N * NC
  output reg  [31:0] nrb_o             // N * RB
);
  localparam integer SCW = (DW > NW) ? DW : NW;            // step counter
  localparam [RKW:0] UGD = UG[RKW:0];
  localparam [RMW:0] LD  = L[RMW:0];

  reg  [SCW-1:0] step_q;              // steps left - 1
  reg  [DW-1:0]  dk_q, dm_q;          // dividends shifting out, quotients shifting in
  reg  [RKW-1:0] rk_q;                // remainders
  reg  [RMW-1:0] rm_q;
  reg  [NW-1:0]  mn_q;                // N, MSB first
  wire [RKW:0]   rk2 = {rk_q, dk_q[DW-1]};
  wire [RMW:0]   rm2 = {rm_q, dm_q[DW-1]};
  wire           qk  = (rk2 >= UGD);
  wire           qm  = (rm2 >= LD);
  wire [RKW:0]   rk3 = qk ? rk2 - UGD : rk2;
  wire [RMW:0]   rm3 = qm ? rm2 - LD : rm2;
  wire [DW-1:0]  k1  = k_o[DW-1:0] - {{(DW-1){1'b0}}, 1'b1};
  wire [DW-1:0]  m1  = m_o[DW-1:0] - {{(DW-1){1'b0}}, 1'b1};

  // Clock gating (ClockGating = 1): the descriptor copy changes only on latch_i and the
  // divider/multiplier only in its setup/div/mul states, so each has its own
  // slt_clock_gate and holds still for the rest of a command; SLT_FPGA: clock enables.
`ifdef SLT_FPGA
  localparam integer Gated = 0;
`else
  localparam integer Gated = ClockGating;
`endif
  wire cmd_clk, work_clk;
  generate
    if (ClockGating != 0) begin : g_cg
      slt_clock_gate u_cmd_cg  (.clk_i(clk_i), .en_i(latch_i), .clk_o(cmd_clk));
      slt_clock_gate u_work_cg (.clk_i(clk_i), .en_i(setup_i | div_i | mul_i), .clk_o(work_clk));
    end else begin : g_no_cg
      assign cmd_clk  = clk_i;
      assign work_clk = clk_i;
    end
  endgenerate
  wire cmd_load = (Gated != 0) ? 1'b1 : latch_i;   // behind a gate every edge is enabled

  always @(posedge cmd_clk) begin
    if (cmd_load) begin
      op_o <= cmd_opcode_i; fmt_o <= cmd_format_i; resident_o <= cmd_resident_i; acc_mode_o <= cmd_accumulate_i;
      m_o <= cmd_m_i; k_o <= cmd_k_i; n_o <= cmd_n_i; abase_o <= cmd_abuf_base_i; obase_o <= cmd_obuf_base_i;
    end
  end
  always @(posedge work_clk) begin
    if (setup_i) begin
      dk_q <= k1; dm_q <= m1; rk_q <= {RKW{1'b0}}; rm_q <= {RMW{1'b0}};
      step_q <= DW[SCW-1:0] - {{(SCW-1){1'b0}}, 1'b1};
    end
    if (div_i) begin
      dk_q <= {dk_q[DW-2:0], qk}; rk_q <= rk3[RKW-1:0];
      dm_q <= {dm_q[DW-2:0], qm}; rm_q <= rm3[RMW-1:0];
      step_q <= step_q - {{(SCW-1){1'b0}}, 1'b1};
      if (step_q == {SCW{1'b0}}) begin
        // the last step: the quotients and remainders are {dk_q, qk} and rk3 (same for M)
        // (narrow additions: the upper bits are constant zeros synthesis removes)
        nc_o <= {1'b0, dk_q[DW-2:0], qk} + {{DW{1'b0}}, 1'b1};
        rb_o <= {1'b0, dm_q[DW-2:0], qm} + {{DW{1'b0}}, 1'b1};
        wl_o <= rk3 + {{RKW{1'b0}}, 1'b1};
        mr_o <= rm3 + {{RMW{1'b0}}, 1'b1};
        mn_q <= n_o[NW-1:0]; nrb_o <= 32'd0; nnc_o <= 32'd0;
        step_q <= NW[SCW-1:0] - {{(SCW-1){1'b0}}, 1'b1};
      end
    end
    if (mul_i) begin
      // MSB first: acc = 2*acc + bit*x
      nnc_o  <= {nnc_o[30:0], 1'b0} + (mn_q[NW-1] ? {{(31-DW){1'b0}}, nc_o} : 32'd0);
      nrb_o  <= {nrb_o[30:0], 1'b0} + (mn_q[NW-1] ? {{(31-DW){1'b0}}, rb_o} : 32'd0);
      mn_q   <= mn_q << 1;
      step_q <= step_q - {{(SCW-1){1'b0}}, 1'b1};
    end
  end
  assign step_zero_o = (step_q == {SCW{1'b0}});
endmodule
