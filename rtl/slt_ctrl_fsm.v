// slt_ctrl_fsm - the controller's command state machine (docs/top.md): who owns the
// input stream (phase), the error of the running command, the error status
// (ERR_CODE, ERR_COUNT) and the STATUS strobes. Every datapath engine reports its
// events here; the FSM decides. States:
//   idle -> setup (soft clear) -> div -> mul -> check -> act (LOAD_ACT) | run (GEMV/GEMM)
//   -> out (results) -> done -> idle; errors: drain (to TLAST) -> flush (array empty) -> done.
`include "slt_regs_pkg.vh"
module slt_ctrl_fsm #(
  parameter integer Ternary = 1
) (
  input  wire       clk_i,
  input  wire       rst_ni,
  input  wire       go_i,
  input  wire       abort_i,
  // descriptor
  input  wire       step_zero_i,     // div/mul: the last step
  input  wire [`SLT_ERR_W-1:0] chk_err_i,  // descriptor check (0: legal)
  input  wire       owns_input_i,    // the failed command has an input packet to drain
  input  wire [`SLT_OP_W-1:0]  op_i,
  // input stream (after the skid)
  input  wire       in_acc_i,
  input  wire       in_last_i,
  input  wire       act_ready_i,
  input  wire       mode_ready_i,
  input  wire       wgt_ready_i,
  output reg        in_ready_o,
  // activation loader
  input  wire       act_short_i,     // TLAST before the last token's data
  input  wire       act_long_i,      // the last token's data without TLAST
  input  wire       act_in_end_i,    // the last beat of the packet accepted
  input  wire       act_end_i,       // the last abuf word written
  // mode loader
  input  wire       mode_tlast_i,    // TLAST inside the mode section
  input  wire       mode_end_i,      // the mode section's last beat accepted
  // weight writer
  input  wire       w_code_err_i,    // invalid weight code on an accepted beat
  input  wire       w_short_i,
  input  wire       w_long_i,
  input  wire       w_final_i,       // the last row block written
  input  wire       wtlast_i,        // the weight packet's TLAST was accepted
  // compute and output
  input  wire       comp_done_i,     // every pass issued
  input  wire       array_empty_i,   // no row in flight in the array
  input  wire       out_done_i,      // every result sent
  input  wire       arr_err_i,
  // state decodes for the engines
  output wire       latch_o,         // idle and GO: latch the descriptor
  output wire       st_setup_o,
  output wire       st_div_o,
  output wire       st_mul_o,
  output wire       st_check_o,
  output wire       st_act_o,
  output wire       st_run_o,
  output wire       st_out_o,
  output wire       run_to_out_o,
  output wire       clr_o,           // soft clear of every engine
  output wire       ph_act_o,
  output wire       ph_mode_o,
  output wire       ph_wgt_o,
  // status
  output wire       busy_o,
  output wire       done_set_o,
  output wire       error_set_o,
  output wire [`SLT_ERR_W-1:0] err_code_o,
  output wire [31:0] err_count_o
);
  localparam [`SLT_ERR_W-1:0] ErrNone = `SLT_ERR_NONE;
  // main states
  localparam [3:0] SIdle = 4'd0, SSetup = 4'd1, SCheck = 4'd2, SAct = 4'd3, SRun = 4'd4, SOut = 4'd5,
                   SDrain = 4'd6, SFlush = 4'd7, SDone = 4'd8, SDiv = 4'd9, SMul = 4'd10,
                   SChkA = 4'd11, SChkB = 4'd12;   // the checks' two register stages (slt_ctrl_check)
  // input phases (who owns the input stream)
  localparam [2:0] PNone = 3'd0, PAct = 3'd1, PMode = 3'd2, PWgt = 3'd3, PDrain = 3'd4;

  reg  [3:0]  state_q, state_d;
  reg  [2:0]  phase_q, phase_d;
  reg  [`SLT_ERR_W-1:0] err_q, err_d;     // error of the running command (0: none)
  reg  [`SLT_ERR_W-1:0] err_code_q;
  reg  [31:0] err_count_q;

  always @* begin
    state_d = state_q;
    phase_d = phase_q;
    err_d   = err_q;
    case (state_q)
      SIdle: if (go_i) begin state_d = SSetup; err_d = ErrNone; end
      SSetup: state_d = SDiv;
      SDiv: if (step_zero_i) state_d = SMul;
      SMul: if (step_zero_i) state_d = SChkA;
      SChkA: state_d = SChkB;
      SChkB: state_d = SCheck;
      SCheck: begin
        if (chk_err_i != ErrNone) begin
          err_d = chk_err_i;
          state_d = owns_input_i ? SDrain : SFlush;
          phase_d = owns_input_i ? PDrain : PNone;
        end else if (op_i == `SLT_OP_NOP) state_d = SDone;
        else if (op_i == `SLT_OP_LOAD_ACT) begin state_d = SAct; phase_d = PAct; end
        else begin state_d = SRun; phase_d = (Ternary != 0) ? PMode : PWgt; end
      end
      SAct: begin
        if (act_short_i) begin err_d = `SLT_ERR_STREAM_SHORT; state_d = SFlush; phase_d = PNone; end
        else if (act_long_i) begin err_d = `SLT_ERR_STREAM_LONG; state_d = SDrain; phase_d = PDrain; end
        else begin
          if (act_in_end_i) phase_d = PNone;
          if (act_end_i) begin state_d = SDone; phase_d = PNone; end
        end
      end
      SRun: begin
        if (mode_tlast_i) begin err_d = `SLT_ERR_STREAM_SHORT; state_d = SFlush; phase_d = PNone; end
        else if (w_code_err_i) begin
          err_d = `SLT_ERR_BAD_WEIGHT_CODE;
          state_d = in_last_i ? SFlush : SDrain; phase_d = in_last_i ? PNone : PDrain;
        end else if (w_short_i) begin err_d = `SLT_ERR_STREAM_SHORT; state_d = SFlush; phase_d = PNone; end
        else if (w_long_i) begin
          err_d = `SLT_ERR_STREAM_LONG; state_d = wtlast_i ? SFlush : SDrain; phase_d = wtlast_i ? PNone : PDrain;
        end else begin
          if (phase_q == PMode && mode_end_i) phase_d = PWgt;
          if (w_final_i) phase_d = PNone;
          if (comp_done_i && array_empty_i) state_d = SOut;
        end
      end
      SOut: if (out_done_i) begin
        state_d = SDone;
        if (arr_err_i) err_d = `SLT_ERR_BAD_WEIGHT_CODE;   // a mode bit the keys contradict
      end
      SDrain: if (in_acc_i & in_last_i) begin state_d = SFlush; phase_d = PNone; end
      SFlush: if (array_empty_i) state_d = SDone;
      SDone: state_d = SIdle;
      default: state_d = SIdle;
    endcase
    if (abort_i && state_q != SIdle && state_q != SSetup) begin
      err_d = `SLT_ERR_ABORTED; state_d = SFlush; phase_d = PNone;
    end
  end

  always @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      state_q <= SIdle; phase_q <= PNone; err_q <= ErrNone;
    end else begin
      state_q <= state_d; phase_q <= phase_d; err_q <= err_d;
    end
  end

  // input routing: the engine of the current phase owns the stream
  always @* begin
    case (phase_q)
      PAct:    in_ready_o = act_ready_i;
      PMode:   in_ready_o = mode_ready_i;
      PWgt:    in_ready_o = wgt_ready_i;
      PDrain:  in_ready_o = 1'b1;
      default: in_ready_o = 1'b0;
    endcase
  end

  // error status: the command's error at its end; GO while busy counts as an error
  // but does not touch the running command (and sets no STATUS bit)
  wire cmd_end = (state_q == SDone);
  always @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      err_code_q <= ErrNone; err_count_q <= 32'd0;
    end else if (cmd_end && err_q != ErrNone) begin
      err_code_q <= err_q;
      if (err_count_q != 32'hffffffff) err_count_q <= err_count_q + 32'd1;
    end else if (state_q != SIdle && state_q != SSetup && go_i && err_count_q != 32'hffffffff) begin
      err_code_q <= `SLT_ERR_BUSY; err_count_q <= err_count_q + 32'd1;
    end
  end

  assign latch_o      = (state_q == SIdle) & go_i;
  assign st_setup_o   = (state_q == SSetup);
  assign st_div_o     = (state_q == SDiv);
  assign st_mul_o     = (state_q == SMul);
  assign st_check_o   = (state_q == SCheck);
  // the most widely used state and phase decodes come straight from flip-flops
  // (registered from the next state), not through a decoder with a large fanout
  reg st_act_q, st_run_q, st_out_q, ph_act_q, ph_mode_q, ph_wgt_q;
  always @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      st_act_q <= 1'b0; st_run_q <= 1'b0; st_out_q <= 1'b0; ph_act_q <= 1'b0; ph_mode_q <= 1'b0; ph_wgt_q <= 1'b0;
    end else begin
      st_act_q <= (state_d == SAct); st_run_q <= (state_d == SRun); st_out_q <= (state_d == SOut);
      ph_act_q <= (phase_d == PAct); ph_mode_q <= (phase_d == PMode); ph_wgt_q <= (phase_d == PWgt);
    end
  end
  assign st_act_o     = st_act_q;
  assign st_run_o     = st_run_q;
  assign st_out_o     = st_out_q;
  assign run_to_out_o = (state_q == SRun) & (state_d == SOut);
  assign clr_o        = (state_q == SSetup) | (abort_i & (state_q != SIdle));
  assign ph_act_o     = ph_act_q;
  assign ph_mode_o    = ph_mode_q;
  assign ph_wgt_o     = ph_wgt_q;
  assign busy_o       = (state_q != SIdle);
  assign done_set_o   = cmd_end;
  assign error_set_o  = cmd_end & (err_q != ErrNone);
  assign err_code_o   = err_code_q;
  assign err_count_o  = err_count_q;
endmodule
