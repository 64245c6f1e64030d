/* emit_addsub_lane.c - the add/sub baseline lane: no tables; each of the U*G
 * weights adds, subtracts or skips its activation directly. Same pipeline,
 * gating and adder tree as the slt lane, so the comparison isolates the LUT. */
#include "emit_modules.h"

/* Ternary weight f: t2 code w+1 (00 -1, 01 0, 10 +1, 11 invalid). A zero (or
 * invalid) weight does not load opnd_q and adds nothing. */
static void emit_ternary_weight(slt_emitter *e)
{
    em_wire(e, 2, "code", "keys_i[f*2 +: 2]");
    em_wire(e, 1, "code_bad", "&code");
    em_comment(e, "codes 00 (-1) and 10 (+1) add; 01 (0) skips");
    em_wire(e, 1, "load", "valid_i & ~code[0]");
    em_reg(e, 1, "opnd_q");
    em_reg(e, 1, "use_q");
    em_reg(e, 1, "bad_q");
    em_comment(e, "1: subtract; held while the weight is zero");
    em_flop_en(e, "opnd_q", "~code[1]", "load");
    em_flop_en(e, "use_q", "load", "valid_i");
    em_flop_en(e, "bad_q", "code_bad", "valid_i");
}

static void emit_binary_weight(slt_emitter *e)
{
    em_reg(e, 1, "opnd_q");
    em_comment(e, "b1 code: 1 = +1, 0 = -1; every weight adds");
    em_flop_en(e, "opnd_q", "~keys_i[f]", "valid_i");
}

static void emit_term(slt_emitter *e, const slt_design *d)
{
    em_wire(e, d->a, "act", "acts_i[f*%d +: %d]", d->a, d->a);
    em_wire(e, d->a + 1, "act_x", "{act[%d], act}", d->a - 1);
    em_wire(e, d->a + 1, "term", "opnd_q ? -act_x : act_x");
}

static void emit_ports(slt_emitter *e, const slt_design *d)
{
    char doc_keys[80], doc_act[64];
    snprintf(doc_keys, sizeof doc_keys, "weight f = u*%d+i code at [f*%d +: %d]", d->g, d->binary ? 1 : 2,
             d->binary ? 1 : 2);
    snprintf(doc_act, sizeof doc_act, "activation f at [f*%d +: %d]", d->a, d->a);
    em_port ports[] = {
        {EM_IN, 0, "clk_i", NULL},
        {EM_IN, 0, "rst_ni", NULL},
        {EM_IN, 0, "valid_i", "a row: U*G weight codes and its partial sum"},
        {EM_IN, d->u * d->row_field_bits, "keys_i", doc_keys},
        {EM_IN, d->acc, "psum_i", "partial sum of the row issued LATENCY-1 cycles ago"},
        {EM_IN, d->tbl_act_bits, "acts_i", doc_act},
        {EM_OUT, 0, "valid_o", NULL},
        {EM_OUT, d->acc, "psum_o", "psum_i + the U*G terms"},
        {EM_OUT, d->lane_terms, "lookup_o", "weight f added (stage 1)"},
        {EM_OUT, 0, "err_o", "the row in stage 1 has an invalid code"},
    };
    em_module_begin(e, d->mod_lane, ports, sizeof ports / sizeof ports[0]);
}

void slt_emit_addsub_lane(slt_emitter *e, const slt_design *d)
{
    int has_skip = !d->binary;
    em_file_header(e, d, d->mod_lane, "add/sub baseline lane: U*G signed activations + partial sum, zeros gated");
    emit_ports(e, d);
    slt_emit_lane_valid_pipe(e, d);
    slt_emit_lane_stage1(e, d, has_skip);
    em_blank(e);
    em_open(e, "generate");
    em_open(e, "for (f = 0; f < %d; f = f + 1) begin : g_term", d->lane_terms);
    if (d->binary) emit_binary_weight(e);
    else emit_ternary_weight(e);
    emit_term(e, d);
    if (has_skip) {
        em_line(e, "assign term_used[f] = use_q;");
        em_line(e, "assign term_err[f]  = bad_q;");
    }
    slt_emit_lane_term_stage(e, d, has_skip ? "use_q" : NULL);
    em_close(e, "end");
    em_close(e, "endgenerate");
    slt_emit_lane_events(e, d, has_skip);
    slt_emit_lane_sum(e, d);
    em_module_end(e, d->mod_lane);
}
