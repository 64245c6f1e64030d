/* emit_row_lane.c - the slt row lane: U keys per row, one table read each,
 * sign applied, summed with the incoming partial sum (docs/array.md). */
#include "emit_modules.h"

/* Stage 1 of a ternary term: decode and register the key. A skip key (and an
 * invalid one) does not load opnd_q, so the table mux behind it sees no change. */
static void emit_ternary_key(slt_emitter *e, const slt_design *d)
{
    int kb = d->key_bits, mb = d->key_mag_bits;
    char c0[24], cmax[24];
    em_wire(e, kb, "key", "keys_i[f*%d +: %d]", kb, kb);
    em_wire(e, 1, "key_skip", "(key[%d:0] == %s)", mb - 1, em_const(c0, sizeof c0, mb, 0));
    em_comment(e, "invalid: magnitude past the table, or a negative zero");
    em_wire(e, 1, "key_bad", "(key[%d:0] > %s) | (key[%d] & key_skip)", mb - 1,
            em_const(cmax, sizeof cmax, mb, d->table_entries), kb - 1);
    em_wire(e, 1, "load", "valid_i & ~key_skip & ~key_bad");
    em_reg(e, kb, "opnd_q");
    em_reg(e, 1, "use_q");
    em_reg(e, 1, "bad_q");
    em_comment(e, "{sign, magnitude} of the last key that read the table; held while skipping");
    em_cg(e, "opnd", "load");
    em_flop_cg(e, "opnd_q", "key", "load", "opnd");
    em_flop_en(e, "use_q", "load", "valid_i");
    em_flop_en(e, "bad_q", "key_bad", "valid_i");
}

static void emit_binary_key(slt_emitter *e, const slt_design *d)
{
    int kb = d->key_bits;
    em_wire(e, kb, "key", "keys_i[f*%d +: %d]", kb, kb);
    em_reg(e, kb, "opnd_q");
    em_comment(e, "every binary key reads the table");
    em_cg(e, "opnd", "valid_i");
    em_flop_cg(e, "opnd_q", "key", "valid_i", "opnd");
}

/* The table read: a case on the registered magnitude over this unit's slice. */
static void emit_table_read(slt_emitter *e, const slt_design *d)
{
    int ew = d->entry_bits, mb = d->key_mag_bits, first = d->binary ? 0 : 1;
    int slice = d->table_entries * ew;
    em_wire(e, slice, "table_f", "tables_i[f*%d +: %d]", slice, slice);
    em_reg(e, ew, "entry");
    em_open(e, "always @* begin");
    em_open(e, "case (opnd_q[%d:0])", mb - 1);
    for (int j = first; j < first + d->table_entries; j++) {
        char c[24];
        int lsb = (j - first) * ew;
        em_line(e, "%s: entry = table_f[%d:%d];", em_const(c, sizeof c, mb, j), lsb + ew - 1, lsb);
    }
    em_line(e, "default: entry = %d'd0;", ew);
    em_close(e, "endcase");
    em_close(e, "end");
    em_wire(e, ew, "term", "opnd_q[%d] ? -entry : entry", d->key_bits - 1);
}

/* Buffer mode: the builder did not update the derived entries, so only the raw
 * entries 3^t are legal; anything else is an error and adds nothing. */
static void emit_mode_check(slt_emitter *e, const slt_design *d)
{
    char expr[512];
    size_t len = 0;
    for (int p = 1; p <= d->table_entries; p *= 3) {
        char c[24];
        len += (size_t)snprintf(expr + len, sizeof expr - len, "%s(opnd_q[%d:0] == %s)", len ? " | " : "",
                                d->key_mag_bits - 1, em_const(c, sizeof c, d->key_mag_bits, p));
    }
    em_wire(e, 1, "raw_entry", "%s", expr);
    em_wire(e, 1, "mode_bad", "use_q & buffer_mode_i[f] & ~raw_entry");
    em_wire(e, 1, "add_en", "use_q & ~mode_bad");
    em_line(e, "assign term_used[f] = use_q;");
    em_line(e, "assign term_err[f]  = bad_q | mode_bad;");
}

static void emit_ports(slt_emitter *e, const slt_design *d)
{
    char doc_keys[64], doc_tab[96];
    snprintf(doc_keys, sizeof doc_keys, "key of unit u at [u*%d +: %d]", d->key_bits, d->key_bits);
    snprintf(doc_tab, sizeof doc_tab, "table of unit u at [u*%d +: %d]", d->table_entries * d->entry_bits,
             d->table_entries * d->entry_bits);
    em_port ports[12];
    int n = 0;
    ports[n++] = (em_port){EM_IN, 0, "clk_i", NULL};
    ports[n++] = (em_port){EM_IN, 0, "rst_ni", NULL};
    ports[n++] = (em_port){EM_IN, 0, "valid_i", "a row: U keys and its partial sum"};
    ports[n++] = (em_port){EM_IN, d->u * d->key_bits, "keys_i", doc_keys};
    ports[n++] = (em_port){EM_IN, d->acc, "psum_i", "partial sum of the row issued LATENCY-1 cycles ago"};
    ports[n++] = (em_port){EM_IN, d->tables_bits, "tables_i", doc_tab};
    if (d->lane_has_mode) ports[n++] = (em_port){EM_IN, d->u, "buffer_mode_i", "unit u's table is in buffer mode"};
    ports[n++] = (em_port){EM_OUT, 0, "valid_o", NULL};
    ports[n++] = (em_port){EM_OUT, d->acc, "psum_o", "psum_i + the U terms"};
    ports[n++] = (em_port){EM_OUT, d->u, "lookup_o", "unit u read its table (stage 1)"};
    ports[n++] = (em_port){EM_OUT, 0, "err_o", "the row in stage 1 has an invalid key"};
    em_module_begin(e, d->mod_lane, ports, (size_t)n);
}

void slt_emit_row_lane(slt_emitter *e, const slt_design *d)
{
    int has_skip = !d->binary;
    em_file_header(e, d, d->mod_lane, "slt row lane: U table look-ups + partial sum, zero keys gated");
    emit_ports(e, d);
    slt_emit_lane_valid_pipe(e, d);
    slt_emit_lane_stage1(e, d, has_skip);
    em_blank(e);
    em_open(e, "generate");
    em_open(e, "for (f = 0; f < %d; f = f + 1) begin : g_term", d->u);
    if (d->binary) emit_binary_key(e, d);
    else emit_ternary_key(e, d);
    emit_table_read(e, d);
    if (has_skip) emit_mode_check(e, d);
    slt_emit_lane_term_stage(e, d, has_skip ? "add_en" : NULL);
    em_close(e, "end");
    em_close(e, "endgenerate");
    slt_emit_lane_events(e, d, has_skip);
    slt_emit_lane_sum(e, d);
    em_module_end(e, d->mod_lane);
}
