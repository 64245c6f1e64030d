/* emit_table_builder.c - the table builder: G activations in, one registered
 * table out, every entry one adder away from an earlier entry (docs/array.md).
 * With activation slicing, one such table per slice, narrower entries. */
#include <string.h>

#include "emit_modules.h"

/* The table of one slice: its activations' names carry a prefix ("" without
 * slicing, "s<k>_" for slice k), entries are ew bits wide. */
typedef struct {
    char pfx[16];
    int ew;
} slice_ctx;

/* "{{k{act_i[msb]}}, act_i[lsb +: A]}": activation i sign-extended to the entry
 * width. Sliced: bits [s*B +: B] of activation i, sign-extended for the top
 * slice, zero-extended for the lower ones (a = sum_s slice_s * 2^(s*B)). */
static void emit_activations(slt_emitter *e, const slt_design *d, const slice_ctx *c, int s)
{
    int b = d->slice_bits, ext = c->ew - b, top = s == d->slices - 1;
    if (d->slices == 1) em_comment(e, "activations, sign-extended to the entry width");
    else em_comment(e, "slice %d (bits %d..%d) of every activation, %s-extended", s, s * b + b - 1, s * b,
                    top ? "sign" : "zero");
    for (int i = 0; i < d->g; i++) {
        char name[24], fill[32];
        int lsb = i * d->a + s * b;
        snprintf(name, sizeof name, "%.4sa%d", c->pfx, i);
        if (top) snprintf(fill, sizeof fill, "act_i[%d]", lsb + b - 1);
        else snprintf(fill, sizeof fill, "1'b0");
        em_wire(e, c->ew, name, "{{%d{%s}}, act_i[%d:%d]}", ext, fill, lsb + b - 1, lsb);
    }
}

/* Ternary: entry j (1..(3^G-1)/2) has its top balanced-ternary digit +1 at t,
 * j = 3^t + r with |r| <= (3^t-1)/2, so T[j] = a[t] + sign(r)*T[|r|].
 * Writes the combinational value names into val[j]. */
static void emit_ternary_entries(slt_emitter *e, const slt_design *d, const slice_ctx *c, char val[][24])
{
    em_comment(e, "entry j = a[t] +/- entry |j - 3^t|, t = top balanced-ternary digit of j");
    for (int t = 0, p = 1; t < d->g; t++, p *= 3) {
        int h = (p - 1) / 2;
        snprintf(val[p], 24, "%.4sa%d", c->pfx, t); /* raw entry: the activation itself */
        for (int r = -h; r <= h; r++) {
            if (r == 0) continue;
            int j = p + r, ar = r < 0 ? -r : r;
            snprintf(val[j], 24, "%.4sent%d_d", c->pfx, j);
            em_wire(e, c->ew, val[j], "%.4sa%d %c %s", c->pfx, t, r < 0 ? '-' : '+', val[ar]);
        }
    }
}

/* Binary: T[0] = a[G-1] - a[0] - ... - a[G-2]; T[u] = T[u - 2^p] + 2*a[p],
 * p = top set bit of u (flipping weight p from -1 to +1). */
static void emit_binary_entries(slt_emitter *e, const slt_design *d, const slice_ctx *c, char val[][24])
{
    char expr[256];
    size_t len = (size_t)snprintf(expr, sizeof expr, "%.4sa%d", c->pfx, d->g - 1);
    for (int i = 0; i < d->g - 1; i++)
        len += (size_t)snprintf(expr + len, sizeof expr - len, " - %.4sa%d", c->pfx, i);
    em_comment(e, "entry 0: every weight -1 except the last; entry u = entry (u - 2^p) + 2*a[p]");
    snprintf(val[0], 24, "%.4sent0_d", c->pfx);
    em_wire(e, c->ew, val[0], "%s", expr);
    for (int u = 1, p = 0; u < d->table_entries; u++) {
        if (u == 2 << p) p++;
        snprintf(val[u], 24, "%.4sent%d_d", c->pfx, u);
        em_wire(e, c->ew, val[u], "%s + {%.4sa%d[%d:0], 1'b0}", val[u - (1 << p)], c->pfx, p, c->ew - 2);
    }
}

static int is_power_of_3(int j)
{
    while (j % 3 == 0) j /= 3;
    return j == 1;
}

/* Slot c's names (table slots, psum_chunks > 1): "<base>_c<c>"; one slot: "<base>". */
static const char *slot_name(char *buf, size_t n, const char *base, int slot)
{
    if (slot < 0) snprintf(buf, n, "%.20s", base);
    else snprintf(buf, n, "%.20s_c%d", base, slot);
    return buf;
}

/* The load enable of a slot: load_i, or bit c of the one-hot load_i. */
static const char *slot_load(char *buf, size_t n, int slot)
{
    if (slot < 0) snprintf(buf, n, "load_i");
    else snprintf(buf, n, "load_i[%d]", slot);
    return buf;
}

/* One clock gate for the raw entries (every load), one for the derived ones
 * (LUT mode), shared by every slice; with table slots, one pair per slot
 * (load_i[c]). Buffer mode: the derived entries keep their old value (no toggling). */
static void emit_entry_gates(slt_emitter *e, const slt_design *d, int slot)
{
    char load[24], derive_en[32], raw[32], derived[32];
    slot_load(load, sizeof load, slot);
    slot_name(derive_en, sizeof derive_en, "derive_en", slot);
    if (d->lane_has_mode) {
        if (slot <= 0) {
            em_blank(e);
            em_comment(e, "buffer mode: the derived entries keep their old value (no toggling); lanes read only 3^t");
        }
        em_wire(e, 1, derive_en, "%s & ~buffer_mode_i", load);
    }
    if (slot <= 0) em_blank(e);
    int has_raw = !d->binary, has_derived = d->table_entries > d->g || d->binary;
    if (has_raw) em_cg(e, slot_name(raw, sizeof raw, "raw", slot), load);
    if (has_derived) em_cg(e, slot_name(derived, sizeof derived, "derived", slot), d->lane_has_mode ? derive_en : load);
}

/* Registers: raw entries load on every load; derived ones only in LUT mode,
 * so a buffer-mode group leaves its adders and registers idle. slot >= 0:
 * the registers of table slot c (names and gates "_c<c>"), all fed by the
 * same adders. */
static void emit_entry_registers(slt_emitter *e, const slt_design *d, const slice_ctx *c, char val[][24], int first,
                                 int slot)
{
    char load[24], derive_en[32], raw[32], derived[32];
    slot_load(load, sizeof load, slot);
    if (d->lane_has_mode) slot_name(derive_en, sizeof derive_en, "derive_en", slot);
    else snprintf(derive_en, sizeof derive_en, "%s", load);
    slot_name(raw, sizeof raw, "raw", slot);
    slot_name(derived, sizeof derived, "derived", slot);
    for (int j = first; j < first + d->table_entries; j++) {
        char q[40], base[24];
        snprintf(base, sizeof base, "%.4sent%d", c->pfx, j);
        slot_name(q, sizeof q, base, slot);
        snprintf(q + strlen(q), sizeof q - strlen(q), "_q");
        em_reg(e, c->ew, q);
        int is_raw = !d->binary && is_power_of_3(j);
        if (is_raw) em_flop_cg(e, q, val[j], load, raw);
        else em_flop_cg(e, q, val[j], derive_en, derived);
    }
}

/* The table of one slot (slot < 0: the only one), slot j of slice s at
 * [(s*E + j)*EW +: EW] (one slice: slot j at [j*EW]), assigned to `lhs`. */
static void emit_table_concat(slt_emitter *e, const slt_design *d, const slice_ctx *cs, int first, int slot,
                              const char *lhs)
{
    em_open(e, "%s = {", lhs);
    for (int s = d->slices - 1; s >= 0; s--)
        for (int j = first + d->table_entries - 1; j >= first; j--) {
            char q[40], base[24];
            snprintf(base, sizeof base, "%.4sent%d", cs[s].pfx, j);
            slot_name(q, sizeof q, base, slot);
            em_line(e, "%s_q%s", q, j > first || s > 0 ? "," : "");
        }
    em_close(e, "};");
}

/* table_o: one slot's table; with table slots, the one sel_i names (a
 * multiplexer per unit; every unit's sel_i is the same register). */
static void emit_table_output(slt_emitter *e, const slt_design *d, const slice_ctx *cs, int first)
{
    em_blank(e);
    if (!d->has_slots) {
        emit_table_concat(e, d, cs, first, -1, "assign table_o");
        return;
    }
    for (int c = 0; c < d->psum_chunks; c++) {
        char lhs[48];
        snprintf(lhs, sizeof lhs, "wire [%d:0] table_c%d", d->unit_table_bits - 1, c);
        emit_table_concat(e, d, cs, first, c, lhs);
    }
    em_comment(e, "the table of slot sel_i");
    em_reg(e, d->unit_table_bits, "table_sel");
    em_open(e, "always @* begin");
    em_open(e, "case (sel_i)");
    for (int c = 0; c < d->psum_chunks; c++) {
        char k[24];
        if (c < d->psum_chunks - 1) em_line(e, "%s: table_sel = table_c%d;", em_const(k, sizeof k, d->slot_bits, c), c);
        else em_line(e, "default: table_sel = table_c%d;", c);
    }
    em_close(e, "endcase");
    em_close(e, "end");
    em_line(e, "assign table_o = table_sel;");
}

void slt_emit_table_builder(slt_emitter *e, const slt_design *d)
{
    char doc_act[64], doc_tab[96];
    int first = d->binary ? 0 : 1;
    snprintf(doc_act, sizeof doc_act, "activation i at [i*%d +: %d]", d->a, d->a);
    if (d->slices == 1)
        snprintf(doc_tab, sizeof doc_tab, "entry j (%d..%d) at [(j-%d)*%d +: %d]", first,
                 first + d->table_entries - 1, first, d->slice_entry_bits, d->slice_entry_bits);
    else
        snprintf(doc_tab, sizeof doc_tab, "slice s, entry j (%d..%d) at [(s*%d + j-%d)*%d +: %d]", first,
                 first + d->table_entries - 1, d->table_entries, first, d->slice_entry_bits, d->slice_entry_bits);
    em_port ports[6];
    int n = 0;
    ports[n++] = (em_port){EM_IN, 0, "clk_i", NULL};
    if (d->has_slots) ports[n++] = (em_port){EM_IN, d->psum_chunks, "load_i", "bit c: register slot c's table from act_i"};
    else ports[n++] = (em_port){EM_IN, 0, "load_i", "register a new table from act_i"};
    if (d->lane_has_mode) ports[n++] = (em_port){EM_IN, 0, "buffer_mode_i", "1: load only the raw entries 3^t"};
    ports[n++] = (em_port){EM_IN, d->g * d->a, "act_i", doc_act};
    if (d->has_slots) ports[n++] = (em_port){EM_IN, d->slot_bits, "sel_i", "table slot that table_o shows"};
    ports[n++] = (em_port){EM_OUT, d->unit_table_bits, "table_o", doc_tab};

    em_file_header(e, d, d->mod_builder,
                   d->binary ? "binary table builder: 2^(G-1) entries, sign folded into the key"
                             : "ternary table builder: (3^G-1)/2 entries, mirror symmetry");
    em_module_begin(e, d->mod_builder, ports, (size_t)n);
    slice_ctx cs[8];
    for (int s = 0; s < d->slices; s++) {
        cs[s].ew = d->slice_entry_bits;
        if (d->slices == 1) cs[s].pfx[0] = '\0';
        else snprintf(cs[s].pfx, sizeof cs[s].pfx, "s%d_", s);
    }
    if (d->has_slots)
        for (int c = 0; c < d->psum_chunks; c++) emit_entry_gates(e, d, c);
    else
        emit_entry_gates(e, d, -1);
    for (int s = 0; s < d->slices; s++) {
        em_blank(e);
        emit_activations(e, d, &cs[s], s);
        em_blank(e);
        char val[128][24];
        memset(val, 0, sizeof val);
        if (d->binary) emit_binary_entries(e, d, &cs[s], val);
        else emit_ternary_entries(e, d, &cs[s], val);
        em_blank(e);
        if (d->has_slots)
            for (int c = 0; c < d->psum_chunks; c++) emit_entry_registers(e, d, &cs[s], val, first, c);
        else
            emit_entry_registers(e, d, &cs[s], val, first, -1);
    }
    emit_table_output(e, d, cs, first);
    em_module_end(e, d->mod_builder);
}
