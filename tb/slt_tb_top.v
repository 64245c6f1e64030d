// slt_tb_top - Verilator harness top for one generated configuration
// (build/<cfg>/slt_params.vh on the include path). Three independent devices
// under test on their own ports, so one verilated model serves every test:
//   arr_*  the array, plus arr_mon_opnd_o: every lane's gated operand registers
//   ln_*   one row lane on its own, plus ln_mon_opnd_o
//   bld_*  one table builder on its own (slt arrays only; with table slots,
//          psum_chunks > 1, bld_load_i has a bit per slot and bld_sel_i picks one)
// The monitors read the operand registers through hierarchical references, so
// the generated RTL needs no debug ports; the C++ side checks that a skipped
// term never changes its register (tb/tb_array.cpp).
`include "slt_params.vh"

module slt_tb_top (
  input  wire                                          clk_i,
  input  wire                                          rst_ni,
  // ---- array
  input  wire                                          arr_tbl_valid_i,
`ifdef SLT_HAS_SLOTS
  input  wire [`SLT_SLOT_BITS-1:0]                     arr_tbl_slot_i,
  input  wire [`SLT_SLOT_BITS-1:0]                     arr_row_slot_i,
`endif
  input  wire [`SLT_TBL_ACT_BITS-1:0]                  arr_tbl_act_i,
  input  wire [`SLT_LUT_UNITS-1:0]                     arr_tbl_mode_i,
  input  wire                                          arr_row_valid_i,
  input  wire [`SLT_ROW_KEYS_BITS-1:0]                 arr_row_keys_i,
  input  wire [`SLT_ROW_PSUM_BITS-1:0]                 arr_row_psum_i,
  input  wire                                          arr_err_clr_i,
  output wire                                          arr_row_valid_o,
  output wire [`SLT_ROW_PSUM_BITS-1:0]                 arr_row_psum_o,
  output wire [`SLT_LUT_UNITS-1:0]                     arr_ev_build_o,
  output wire [`SLT_EV_TERM_BITS-1:0]                  arr_ev_term_o,
  output wire                                          arr_err_o,
  output wire [`SLT_EV_TERM_BITS*`SLT_OPND_BITS-1:0]   arr_mon_opnd_o,
`ifdef SLT_HAS_BUILDER
  // ---- table builder
`ifdef SLT_HAS_SLOTS
  input  wire [`SLT_PSUM_CHUNKS-1:0]                   bld_load_i,
  input  wire [`SLT_SLOT_BITS-1:0]                     bld_sel_i,
`else
  input  wire                                          bld_load_i,
`endif
`ifdef SLT_LANE_HAS_MODE
  input  wire                                          bld_buffer_mode_i,
`endif
  input  wire [`SLT_GROUP_SIZE*`SLT_ACT_BITS-1:0]      bld_act_i,
  output wire [`SLT_UNIT_TABLE_BITS-1:0]                 bld_table_o,
  input  wire [`SLT_TABLES_BITS-1:0]                   ln_tables_i,
`else
  input  wire [`SLT_TBL_ACT_BITS-1:0]                  ln_acts_i,
`endif
`ifdef SLT_LANE_HAS_MODE
  input  wire [`SLT_LUT_UNITS-1:0]                     ln_buffer_mode_i,
`endif
  // ---- row lane
  input  wire                                          ln_valid_i,
  input  wire [`SLT_LUT_UNITS*`SLT_ROW_FIELD_BITS-1:0] ln_keys_i,
  input  wire [`SLT_ACC_BITS-1:0]                      ln_psum_i,
  output wire                                          ln_valid_o,
  output wire [`SLT_ACC_BITS-1:0]                      ln_psum_o,
  output wire [`SLT_LANE_TERMS-1:0]                    ln_lookup_o,
  output wire                                          ln_err_o,
  output wire [`SLT_LANE_TERMS*`SLT_OPND_BITS-1:0]     ln_mon_opnd_o
);
  `SLT_MOD_ARRAY u_array (
    .clk_i       (clk_i),
    .rst_ni      (rst_ni),
    .tbl_valid_i (arr_tbl_valid_i),
`ifdef SLT_HAS_SLOTS
    .tbl_slot_i  (arr_tbl_slot_i),
    .row_slot_i  (arr_row_slot_i),
`endif
    .tbl_act_i   (arr_tbl_act_i),
    .tbl_mode_i  (arr_tbl_mode_i),
    .row_valid_i (arr_row_valid_i),
    .row_keys_i  (arr_row_keys_i),
    .row_psum_i  (arr_row_psum_i),
    .err_clr_i   (arr_err_clr_i),
    .row_valid_o (arr_row_valid_o),
    .row_psum_o  (arr_row_psum_o),
    .ev_build_o  (arr_ev_build_o),
    .ev_term_o   (arr_ev_term_o),
    .err_o       (arr_err_o)
  );

  `SLT_MOD_LANE u_lane (
    .clk_i         (clk_i),
    .rst_ni        (rst_ni),
    .valid_i       (ln_valid_i),
    .keys_i        (ln_keys_i),
    .psum_i        (ln_psum_i),
`ifdef SLT_HAS_BUILDER
    .tables_i      (ln_tables_i),
`else
    .acts_i        (ln_acts_i),
`endif
`ifdef SLT_LANE_HAS_MODE
    .buffer_mode_i (ln_buffer_mode_i),
`endif
    .valid_o       (ln_valid_o),
    .psum_o        (ln_psum_o),
    .lookup_o      (ln_lookup_o),
    .err_o         (ln_err_o)
  );

`ifdef SLT_HAS_BUILDER
  `SLT_MOD_BUILDER u_builder (
    .clk_i         (clk_i),
    .load_i        (bld_load_i),
`ifdef SLT_LANE_HAS_MODE
    .buffer_mode_i (bld_buffer_mode_i),
`endif
    .act_i         (bld_act_i),
`ifdef SLT_HAS_SLOTS
    .sel_i         (bld_sel_i),
`endif
    .table_o       (bld_table_o)
  );
`endif

  // Gated operand registers, lane l term f at [(l*T + f)*OPND_BITS +: OPND_BITS].
  genvar l, f;
  generate
    for (l = 0; l < `SLT_ROW_LANES; l = l + 1) begin : g_mon_lane
      for (f = 0; f < `SLT_LANE_TERMS; f = f + 1) begin : g_mon_term
        assign arr_mon_opnd_o[(l*`SLT_LANE_TERMS + f)*`SLT_OPND_BITS +: `SLT_OPND_BITS] =
            u_array.g_lane[l].u_lane.g_term[f].opnd_q;
      end
    end
    for (f = 0; f < `SLT_LANE_TERMS; f = f + 1) begin : g_mon_ln
      assign ln_mon_opnd_o[f*`SLT_OPND_BITS +: `SLT_OPND_BITS] = u_lane.g_term[f].opnd_q;
    end
  endgenerate
endmodule
