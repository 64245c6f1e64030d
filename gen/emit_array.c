/* emit_array.c - the array top: U table builders (or, for the baseline, an
 * activation register) shared by L row lanes, the events and the sticky error.
 * Both kinds have the same ports and handshake (ref/slt_arrayif.h). */
#include "emit_modules.h"

static void emit_ports(slt_emitter *e, const slt_design *d)
{
    char doc_act[64], doc_keys[64], doc_psum[48], doc_term[64];
    snprintf(doc_act, sizeof doc_act, "activation (u, i) at [(u*%d + i)*%d +: %d]", d->g, d->a, d->a);
    snprintf(doc_keys, sizeof doc_keys, "field (lane l, unit u) at [(l*%d + u)*%d +: %d]", d->u, d->row_field_bits,
             d->row_field_bits);
    snprintf(doc_psum, sizeof doc_psum, "lane l at [l*%d +: %d]", d->acc, d->acc);
    char doc_psum_in[96];
    snprintf(doc_psum_in, sizeof doc_psum_in, "lane l at [l*%d +: %d], %d cycle(s) after its row_valid_i", d->acc,
             d->acc, d->latency - 1);
    snprintf(doc_term, sizeof doc_term, "lane l, term f at bit l*%d + f", d->lane_terms);
    char doc_slot[64];
    snprintf(doc_slot, sizeof doc_slot, "the row uses table slot row_slot_i (0..%d)", d->psum_chunks - 1);
    em_port ports[16];
    size_t n = 0;
    ports[n++] = (em_port){EM_IN, 0, "clk_i", NULL};
    ports[n++] = (em_port){EM_IN, 0, "rst_ni", "asynchronous, active low"};
    ports[n++] = (em_port){EM_IN, 0, "tbl_valid_i", "load the chunk's activations (tables)"};
    if (d->has_slots) ports[n++] = (em_port){EM_IN, d->slot_bits, "tbl_slot_i", "into table slot tbl_slot_i only"};
    ports[n++] = (em_port){EM_IN, d->tbl_act_bits, "tbl_act_i", doc_act};
    ports[n++] = (em_port){EM_IN, d->u, "tbl_mode_i", "group u: 0 LUT mode, 1 buffer mode"};
    ports[n++] = (em_port){EM_IN, 0, "row_valid_i", "one row block of the current chunk"};
    if (d->has_slots) ports[n++] = (em_port){EM_IN, d->slot_bits, "row_slot_i", doc_slot};
    ports[n++] = (em_port){EM_IN, d->row_keys_bits, "row_keys_i", doc_keys};
    ports[n++] = (em_port){EM_IN, d->row_psum_bits, "row_psum_i", doc_psum_in};
    ports[n++] = (em_port){EM_IN, 0, "err_clr_i", "clear the sticky error"};
    ports[n++] = (em_port){EM_OUT, 0, "row_valid_o", NULL};
    ports[n++] = (em_port){EM_OUT, d->row_psum_bits, "row_psum_o", doc_psum};
    ports[n++] = (em_port){EM_OUT, d->u, "ev_build_o", "table u was built in LUT mode"};
    ports[n++] = (em_port){EM_OUT, d->ev_term_bits, "ev_term_o", doc_term};
    ports[n++] = (em_port){EM_OUT, 0, "err_o", "sticky: an invalid key or mode was seen"};
    em_module_begin(e, d->mod_array, ports, n);
}

/* Table slots: `out` (width bits, declared here) = the slot `sel` names of
 * the per-slot signals in_fmt (printf pattern with the slot number). */
static void emit_slot_mux(slt_emitter *e, const slt_design *d, int width, const char *out, const char *sel,
                          const char *in_fmt)
{
    em_reg(e, width, out);
    em_open(e, "always @* begin");
    em_open(e, "case (%s)", sel);
    for (int c = 0; c < d->psum_chunks; c++) {
        char k[24], in[48];
        snprintf(in, sizeof in, in_fmt, c);
        if (c < d->psum_chunks - 1) em_line(e, "%s: %s = %s;", em_const(k, sizeof k, d->slot_bits, c), out, in);
        else em_line(e, "default: %s = %s;", out, in);
    }
    em_close(e, "endcase");
    em_close(e, "end");
}

/* Table slots: tbl_load[c] = this cycle's load writes slot c (valid, slot the
 * loads' slot register). */
static void emit_slot_loads(slt_emitter *e, const slt_design *d, const char *valid, const char *slot)
{
    em_comment(e, "table slots: a load writes slot %s only; the other slots keep theirs", slot);
    em_line(e, "wire [%d:0] tbl_load;", d->psum_chunks - 1);
    for (int c = 0; c < d->psum_chunks; c++) {
        char k[24];
        em_line(e, "assign tbl_load[%d] = %s & (%s == %s);", c, valid, slot, em_const(k, sizeof k, d->slot_bits, c));
    }
}

static void emit_builders(slt_emitter *e, const slt_design *d)
{
    int ga = d->g * d->a, tw = d->unit_table_bits;
    em_open(e, "for (u = 0; u < %d; u = u + 1) begin : g_unit", d->u);
    em_open(e, "%s u_builder (", d->mod_builder);
    em_line(e, ".clk_i         (clk_i),");
    em_line(e, ".load_i        (%s),", d->has_slots ? "tbl_load" : "tbl_valid_q");
    if (d->lane_has_mode) em_line(e, ".buffer_mode_i (tbl_mode_q[u]),");
    em_line(e, ".act_i         (tbl_act_q[u*%d +: %d]),", ga, ga);
    if (d->has_slots) em_line(e, ".sel_i         (rd_slot_q),");
    em_line(e, ".table_o       (tables[u*%d +: %d])", tw, tw);
    em_close(e, ");");
    em_close(e, "end");
}

static void emit_lanes(slt_emitter *e, const slt_design *d)
{
    int kw = d->u * d->row_field_bits, t = d->lane_terms;
    em_open(e, "for (l = 0; l < %d; l = l + 1) begin : g_lane", d->l);
    em_open(e, "%s u_lane (", d->mod_lane);
    em_line(e, ".clk_i         (clk_i),");
    em_line(e, ".rst_ni        (rst_ni),");
    em_line(e, ".valid_i       (%s),", d->in_stages ? "row_valid_q" : "row_valid_i");
    em_line(e, ".keys_i        (%s[l*%d +: %d]),", d->in_stages ? "row_keys_q" : "row_keys_i", kw, kw);
    em_line(e, ".psum_i        (row_psum_i[l*%d +: %d]),", d->acc, d->acc);
    if (d->addsub) em_line(e, ".acts_i        (act_q),");
    else em_line(e, ".tables_i      (tables),");
    if (d->lane_has_mode) em_line(e, ".buffer_mode_i (mode_q),");
    em_line(e, ".valid_o       (lane_valid[l]),");
    em_line(e, ".psum_o        (row_psum_o[l*%d +: %d]),", d->acc, d->acc);
    em_line(e, ".lookup_o      (ev_term_o[l*%d +: %d]),", t, t);
    em_line(e, ".err_o         (lane_err[l])");
    em_close(e, ");");
    em_close(e, "end");
}

/* slt arrays: the input register. The table build and the key decode start
 * from registers, not from the ports (SRAM outputs in the accelerator): one
 * cycle of latency (slt_array_in_stages). Data registers load only with their
 * valid (gated clocks when clock_gating = on). */
static void emit_input_register(slt_emitter *e, const slt_design *d)
{
    em_comment(e, "input register: tables are built and keys decoded from registers (one cycle)");
    em_reg(e, 1, "tbl_valid_q");
    em_reg(e, 1, "row_valid_q");
    em_flop_rst(e, 1, "tbl_valid_q", "tbl_valid_i", NULL);
    em_flop_rst(e, 1, "row_valid_q", "row_valid_i", NULL);
    em_reg(e, d->tbl_act_bits, "tbl_act_q");
    em_line(e, "reg  [%d:0] tbl_mode_q;  // a vector also for U = 1 (indexed per unit)", d->u - 1);
    em_reg(e, d->row_keys_bits, "row_keys_q");
    if (d->has_slots) {
        em_reg(e, d->slot_bits, "tbl_slot_q");
        em_reg(e, d->slot_bits, "row_slot_q");
    }
    em_cg(e, "tbl_in", "tbl_valid_i");
    em_flop_cg(e, "tbl_act_q", "tbl_act_i", "tbl_valid_i", "tbl_in");
    em_flop_cg(e, "tbl_mode_q", "tbl_mode_i", "tbl_valid_i", "tbl_in");
    if (d->has_slots) em_flop_cg(e, "tbl_slot_q", "tbl_slot_i", "tbl_valid_i", "tbl_in");
    em_cg(e, "row_in", "row_valid_i");
    em_flop_cg(e, "row_keys_q", "row_keys_i", "row_valid_i", "row_in");
    if (d->has_slots) em_flop_cg(e, "row_slot_q", "row_slot_i", "row_valid_i", "row_in");
}

/* Table slots: the slot of the row whose keys the lanes hold in stage 1,
 * where they read the tables (modes, activations): one register after the
 * row's valid (after the input register in slt arrays), loaded with every row. */
static void emit_read_slot(slt_emitter *e, const slt_design *d)
{
    const char *valid = d->in_stages ? "row_valid_q" : "row_valid_i";
    em_comment(e, "slot of the row in the lanes' stage 1 (where they read the tables): follows every row");
    em_reg(e, d->slot_bits, "rd_slot_q");
    em_flop_rst(e, d->slot_bits, "rd_slot_q", d->in_stages ? "row_slot_q" : "row_slot_i", valid);
}

/* Table slots: one register <name>_c<c>_q of `width` bits per slot c, loaded
 * from `d_in` by tbl_load[c] behind its own clock gate <name>_c<c> (reset to 0
 * when `rst`). */
static void emit_slot_regs(slt_emitter *e, const slt_design *d, int width, const char *name, const char *d_in,
                           int rst)
{
    for (int c = 0; c < d->psum_chunks; c++) {
        char q[32], cg[32], en[24];
        snprintf(q, sizeof q, "%s_c%d_q", name, c);
        snprintf(cg, sizeof cg, "%s_c%d", name, c);
        snprintf(en, sizeof en, "tbl_load[%d]", c);
        em_reg(e, width, q);
        em_cg(e, cg, en);
        if (rst) em_flop_cg_rst(e, width, q, d_in, en, cg);
        else em_flop_cg(e, q, d_in, en, cg);
    }
}

/* Table slots: the modes of each slot (behind the slot's own clock gate),
 * the lanes' mode_q is that of their row's slot, and the build events use
 * the modes of the slot loaded last (bld_slot_q). */
static void emit_slot_modes(slt_emitter *e, const slt_design *d)
{
    em_comment(e, "modes of each slot's tables, aligned with them; a slot's load writes only its own");
    emit_slot_regs(e, d, d->u, "mode", "tbl_mode_q", 1);
    em_comment(e, "the modes of the row's slot, for the lanes");
    emit_slot_mux(e, d, d->u, "mode_q", "rd_slot_q", "mode_c%d_q");
    em_comment(e, "slot loaded in the previous cycle: a build event per unit it loaded in LUT mode");
    em_reg(e, d->slot_bits, "bld_slot_q");
    em_flop_rst(e, d->slot_bits, "bld_slot_q", "tbl_slot_q", "tbl_valid_q");
    emit_slot_mux(e, d, d->u, "bld_mode", "bld_slot_q", "mode_c%d_q");
    em_line(e, "assign ev_build_o = {%d{built_q}} & ~bld_mode;", d->u);
}

/* What the array keeps besides tables: the mode of the loaded tables (lanes
 * check buffer-mode keys against it), the build events, the baseline's
 * activation register. */
static void emit_chunk_state(slt_emitter *e, const slt_design *d)
{
    if (d->addsub && d->has_slots) {
        emit_slot_loads(e, d, "tbl_valid_i", "tbl_slot_i");
        em_comment(e, "baseline: each slot's activations; the lanes read the slot of their row");
        emit_slot_regs(e, d, d->tbl_act_bits, "act", "tbl_act_i", 0);
        emit_read_slot(e, d);
        emit_slot_mux(e, d, d->tbl_act_bits, "act_q", "rd_slot_q", "act_c%d_q");
    } else if (d->addsub) {
        em_comment(e, "baseline: the chunk's activations, read directly by every lane");
        em_reg(e, d->tbl_act_bits, "act_q");
        em_cg(e, "act", "tbl_valid_i");
        em_flop_cg(e, "act_q", "tbl_act_i", "tbl_valid_i", "act");
    }
    if (d->addsub) {
        em_comment(e, "same ports as the slt array; without tables there is no buffer mode");
        em_wire(e, 1, "unused_tbl_mode", "^tbl_mode_i");
        em_line(e, "assign ev_build_o = %d'd0;", d->u);
        return;
    }
    /* Both hold still except in the cycle after a table load (tables are built
     * on a few % of cycles): mode_q sits behind its own clock gate, and the U
     * build events are one flop, not U, since mode_q already holds the modes. */
    if (d->has_slots) {
        emit_slot_loads(e, d, "tbl_valid_q", "tbl_slot_q");
        emit_read_slot(e, d);
    }
    em_comment(e, "tables were built in the previous cycle (build events, with mode_q)");
    em_reg(e, 1, "built_q");
    em_flop_rst(e, 1, "built_q", "tbl_valid_q", NULL);
    if (d->has_slots && d->lane_has_mode) {
        emit_slot_modes(e, d);
        return;
    }
    if (!d->lane_has_mode) {
        em_line(e, "assign ev_build_o = {%d{built_q}};", d->u);
        return;
    }
    em_comment(e, "mode of the loaded tables, aligned with them; loads only with a table load");
    em_reg(e, d->u, "mode_q");
    em_cg(e, "mode", "tbl_valid_q");
    em_flop_cg_rst(e, d->u, "mode_q", "tbl_mode_q", "tbl_valid_q", "mode");
    em_comment(e, "a build event per unit loaded in LUT mode (the modes it loaded are mode_q now)");
    em_line(e, "assign ev_build_o = {%d{built_q}} & ~mode_q;", d->u);
}

static void emit_error(slt_emitter *e, const slt_design *d)
{
    em_blank(e);
    if (!d->addsub && d->binary) {
        em_comment(e, "binary keys are never single weights: a buffer-mode bit is an invalid stream");
        em_wire(e, 1, "err_set", "(|lane_err) | (tbl_valid_q & (|tbl_mode_q))");
    } else {
        em_wire(e, 1, "err_set", "|lane_err");
    }
    em_comment(e, "sticky error: a new error wins over a clear in the same cycle");
    em_reg(e, 1, "err_q");
    em_flop_rst(e, 1, "err_q", "(err_q & ~err_clr_i) | err_set", NULL);
    em_line(e, "assign err_o = err_q;");
    em_comment(e, "all lanes run in lock step");
    em_line(e, "assign row_valid_o = &lane_valid;");
}

void slt_emit_array(slt_emitter *e, const slt_design *d)
{
    em_file_header(e, d, d->mod_array,
                   d->addsub ? "add/sub baseline array: L lanes adding +-activations directly"
                             : "slt processing array: U shared look-up tables, L row lanes");
    emit_ports(e, d);
    em_line(e, "wire [%d:0] lane_valid;", d->l - 1);
    em_line(e, "wire [%d:0] lane_err;", d->l - 1);
    if (!d->addsub) {
        int tw = d->unit_table_bits;
        em_line(e, "wire [%d:0] tables;  // table%s of unit u at [u*%d +: %d], shared by every lane",
                d->tables_bits - 1, d->slices > 1 ? "s" : "", tw, tw);
    }
    if (d->in_stages) emit_input_register(e, d);
    emit_chunk_state(e, d);
    em_blank(e);
    em_line(e, d->addsub ? "genvar l;" : "genvar u, l;");
    em_open(e, "generate");
    if (!d->addsub) emit_builders(e, d);
    emit_lanes(e, d);
    em_close(e, "endgenerate");
    emit_error(e, d);
    em_module_end(e, d->mod_array);
}
