/* emit_lane_sum.c - what both lane kinds share: the valid pipeline, the gated
 * term register, and the pipelined adder tree whose result meets psum_i in the
 * final adder.
 *
 * Stage numbering (docs/array.md, "Pipeline"): valid_q[0] = stage 1, the key
 * registers loaded from the ports; pipe register k (1..P) loads when
 * valid_q[k-1] and holds stage k+1; the final adder works in stage P+1 and the
 * output register loads when valid_q[P]; valid_o = valid_q[P+1]. psum_i is
 * read in stage P+1, i.e. LATENCY-1 cycles after the keys: partial sums never
 * ride down the pipeline. */
#include <string.h>

#include "emit_modules.h"

void slt_emit_lane_valid_pipe(slt_emitter *e, const slt_design *d)
{
    int depth = d->pipe + 2;
    em_comment(e, "valid_q[s]: stage s+1 holds a row; every data register loads only with its stage's valid");
    em_line(e, "wire [%d:0] valid_q;", depth - 1);
    em_open(e, "slt_valid_pipe #(.Depth(%d)) u_valid_pipe (", depth);
    em_line(e, ".clk_i   (clk_i),");
    em_line(e, ".rst_ni  (rst_ni),");
    em_line(e, ".valid_i (valid_i),");
    em_line(e, ".valid_o (valid_q)");
    em_close(e, ");");
}

void slt_emit_lane_stage1(slt_emitter *e, const slt_design *d, int has_skip)
{
    em_blank(e);
    em_line(e, "wire [%d:0] addends;  // term f at [f*%d +: %d], zero when skipped", d->lane_terms * d->term_bits - 1,
            d->term_bits, d->term_bits);
    if (has_skip) {
        em_line(e, "wire [%d:0] term_used;  // term f reads / adds this row", d->lane_terms - 1);
        em_line(e, "wire [%d:0] term_err;   // term f has an invalid code", d->lane_terms - 1);
    }
    em_line(e, "genvar f;");
}

void slt_emit_lane_events(slt_emitter *e, const slt_design *d, int has_skip)
{
    em_blank(e);
    if (has_skip) {
        em_line(e, "assign lookup_o = term_used & {%d{valid_q[0]}};", d->lane_terms);
        em_line(e, "assign err_o    = valid_q[0] & (|term_err);");
    } else {
        em_comment(e, "every code is valid and every term is added");
        em_line(e, "assign lookup_o = {%d{valid_q[0]}};", d->lane_terms);
        em_line(e, "assign err_o    = 1'b0;");
    }
}

void slt_emit_lane_term_stage(slt_emitter *e, const slt_design *d, const char *add_en)
{
    int tw = d->term_bits;
    if (!d->reg_after_level[0]) {
        if (add_en) em_line(e, "assign addends[f*%d +: %d] = term & {%d{%s}};", tw, tw, tw, add_en);
        else em_line(e, "assign addends[f*%d +: %d] = term;", tw, tw);
        return;
    }
    em_comment(e, "term register: holds its value while the term is skipped, so the adder input stays still");
    em_reg(e, tw, "term_q");
    if (!add_en) {
        em_cg(e, "term", "valid_q[0]");
        em_flop_cg(e, "term_q", "term", "valid_q[0]", "term");
        em_line(e, "assign addends[f*%d +: %d] = term_q;", tw, tw);
        return;
    }
    char en[64];
    snprintf(en, sizeof en, "valid_q[0] & %s", add_en);
    em_reg(e, 1, "add_q");
    em_cg(e, "term", en);
    em_flop_cg(e, "term_q", "term", en, "term");
    em_flop_en(e, "add_q", add_en, "valid_q[0]");
    em_line(e, "assign addends[f*%d +: %d] = term_q & {%d{add_q}};", tw, tw, tw);
}

typedef struct {
    char base[32]; /* the adder output's name */
    char name[48]; /* what carries it now: base, or base_p<k>_q after pipe register k */
    int width;
} node;

/* Register every live node as pipe stage k. */
static void emit_pipe_register(slt_emitter *e, node *nodes, int n, int k)
{
    char en[24], q[64], cg[24];
    snprintf(en, sizeof en, "valid_q[%d]", k - 1);
    snprintf(cg, sizeof cg, "pipe%d", k);
    em_comment(e, "pipe register %d", k);
    em_cg(e, cg, en);
    for (int i = 0; i < n; i++) {
        snprintf(q, sizeof q, "%.31s_p%d_q", nodes[i].base, k);
        em_reg(e, nodes[i].width, q);
        em_flop_cg(e, q, nodes[i].name, en, cg);
        snprintf(nodes[i].name, sizeof nodes[i].name, "%.47s", q);
    }
}

/* One adder level: pairs add at the wider width, an odd node passes up as is. */
static int emit_tree_level(slt_emitter *e, const slt_design *d, node *nodes, int n, int level)
{
    int width = d->term_bits + level < d->acc ? d->term_bits + level : d->acc;
    int m = 0;
    for (int i = 0; i < n; i += 2) {
        if (i + 1 == n) {
            nodes[m++] = nodes[i];
            continue;
        }
        char name[48], x[128], y[128];
        snprintf(name, sizeof name, "s%d_%d", level, m);
        em_wire(e, width, name, "%s + %s", em_sext(x, sizeof x, nodes[i].name, nodes[i].width, width),
                em_sext(y, sizeof y, nodes[i + 1].name, nodes[i + 1].width, width));
        snprintf(nodes[m].base, sizeof nodes[m].base, "%.31s", name);
        snprintf(nodes[m].name, sizeof nodes[m].name, "%.31s", name);
        nodes[m++].width = width;
    }
    return m;
}

void slt_emit_lane_sum(slt_emitter *e, const slt_design *d)
{
    node nodes[64 * 5]; /* lut_units <= 64, G <= 5 */
    int n = d->lane_terms, k = d->reg_after_level[0];
    em_blank(e);
    em_comment(e, "adder tree over the %d terms (widths grow one bit per level, capped at %d)", n, d->acc);
    for (int f = 0; f < n; f++) {
        snprintf(nodes[f].base, sizeof nodes[f].base, "s0_%d", f);
        snprintf(nodes[f].name, sizeof nodes[f].name, "s0_%d", f);
        nodes[f].width = d->term_bits;
        em_wire(e, d->term_bits, nodes[f].name, "addends[%d:%d]", (f + 1) * d->term_bits - 1, f * d->term_bits);
    }
    /* (a register after level 0 is the term register, inside the g_term blocks) */
    for (int level = 1; level <= d->tree_levels; level++) {
        n = emit_tree_level(e, d, nodes, n, level);
        if (d->reg_after_level[level]) emit_pipe_register(e, nodes, n, ++k);
    }
    for (int x = 0; x < d->out_extra; x++) emit_pipe_register(e, nodes, 1, ++k);
    char root[128];
    em_blank(e);
    em_comment(e, "final adder: psum_i arrives now (LATENCY-1 cycles after the keys); exact in %d bits", d->acc);
    em_wire(e, d->acc, "sum_total", "psum_i + %s", em_sext(root, sizeof root, nodes[0].name, nodes[0].width, d->acc));
    char en[24];
    snprintf(en, sizeof en, "valid_q[%d]", k);
    em_blank(e);
    em_comment(e, "output register: reset so psum_o is never X");
    em_reg(e, d->acc, "psum_q");
    em_cg(e, "out", en);
    em_flop_cg_rst(e, d->acc, "psum_q", "sum_total", en, "out");
    em_line(e, "assign psum_o  = psum_q;");
    em_line(e, "assign valid_o = valid_q[%d];", k + 1);
}
