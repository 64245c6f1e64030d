/* emit_table_builder.c - the table builder: G activations in, one registered
 * table out, every entry one adder away from an earlier entry (docs/array.md). */
#include <string.h>

#include "emit_modules.h"

/* "{{k{act_i[msb]}}, act_i[lsb +: A]}": activation i sign-extended to the entry width. */
static void emit_activations(slt_emitter *e, const slt_design *d)
{
    em_comment(e, "activations, sign-extended to the entry width");
    int ext = d->entry_bits - d->a;
    for (int i = 0; i < d->g; i++) {
        char name[24];
        snprintf(name, sizeof name, "a%d", i);
        em_wire(e, d->entry_bits, name, "{{%d{act_i[%d]}}, act_i[%d:%d]}", ext, i * d->a + d->a - 1,
                i * d->a + d->a - 1, i * d->a);
    }
}

/* Ternary: entry j (1..(3^G-1)/2) has its top balanced-ternary digit +1 at t,
 * j = 3^t + r with |r| <= (3^t-1)/2, so T[j] = a[t] + sign(r)*T[|r|].
 * Writes the combinational value names into val[j]. */
static void emit_ternary_entries(slt_emitter *e, const slt_design *d, char val[][24])
{
    em_comment(e, "entry j = a[t] +/- entry |j - 3^t|, t = top balanced-ternary digit of j");
    for (int t = 0, p = 1; t < d->g; t++, p *= 3) {
        int h = (p - 1) / 2;
        snprintf(val[p], 24, "a%d", t); /* raw entry: the activation itself */
        for (int r = -h; r <= h; r++) {
            if (r == 0) continue;
            int j = p + r, ar = r < 0 ? -r : r;
            snprintf(val[j], 24, "ent%d_d", j);
            em_wire(e, d->entry_bits, val[j], "a%d %c %s", t, r < 0 ? '-' : '+', val[ar]);
        }
    }
}

/* Binary: T[0] = a[G-1] - a[0] - ... - a[G-2]; T[u] = T[u - 2^p] + 2*a[p],
 * p = top set bit of u (flipping weight p from -1 to +1). */
static void emit_binary_entries(slt_emitter *e, const slt_design *d, char val[][24])
{
    char expr[256];
    size_t len = (size_t)snprintf(expr, sizeof expr, "a%d", d->g - 1);
    for (int i = 0; i < d->g - 1; i++) len += (size_t)snprintf(expr + len, sizeof expr - len, " - a%d", i);
    em_comment(e, "entry 0: every weight -1 except the last; entry u = entry (u - 2^p) + 2*a[p]");
    snprintf(val[0], 24, "ent0_d");
    em_wire(e, d->entry_bits, val[0], "%s", expr);
    for (int u = 1, p = 0; u < d->table_entries; u++) {
        if (u == 2 << p) p++;
        snprintf(val[u], 24, "ent%d_d", u);
        em_wire(e, d->entry_bits, val[u], "%s + {a%d[%d:0], 1'b0}", val[u - (1 << p)], p, d->entry_bits - 2);
    }
}

static int is_power_of_3(int j)
{
    while (j % 3 == 0) j /= 3;
    return j == 1;
}

/* Registers: raw entries load on every load_i; derived ones only in LUT mode,
 * so a buffer-mode group leaves its adders and registers idle. */
static void emit_entry_registers(slt_emitter *e, const slt_design *d, char val[][24], int first)
{
    if (d->lane_has_mode) {
        em_blank(e);
        em_comment(e, "buffer mode: the derived entries keep their old value (no toggling); lanes read only 3^t");
        em_wire(e, 1, "derive_en", "load_i & ~buffer_mode_i");
    }
    em_blank(e);
    /* one clock gate for the raw entries (every load), one for the derived ones (LUT mode) */
    int has_raw = !d->binary, has_derived = d->table_entries > d->g || d->binary;
    const char *derive_en = d->lane_has_mode ? "derive_en" : "load_i";
    if (has_raw) em_cg(e, "raw", "load_i");
    if (has_derived) em_cg(e, "derived", derive_en);
    for (int j = first; j < first + d->table_entries; j++) {
        char q[24];
        snprintf(q, sizeof q, "ent%d_q", j);
        em_reg(e, d->entry_bits, q);
        int raw = !d->binary && is_power_of_3(j);
        if (raw) em_flop_cg(e, q, val[j], "load_i", "raw");
        else em_flop_cg(e, q, val[j], derive_en, "derived");
    }
}

static void emit_table_output(slt_emitter *e, const slt_design *d, int first)
{
    em_blank(e);
    em_open(e, "assign table_o = {");
    for (int j = first + d->table_entries - 1; j >= first; j--)
        em_line(e, "ent%d_q%s", j, j > first ? "," : "");
    em_close(e, "};");
}

void slt_emit_table_builder(slt_emitter *e, const slt_design *d)
{
    char doc_act[64], doc_tab[96];
    int first = d->binary ? 0 : 1;
    snprintf(doc_act, sizeof doc_act, "activation i at [i*%d +: %d]", d->a, d->a);
    snprintf(doc_tab, sizeof doc_tab, "entry j (%d..%d) at [(j-%d)*%d +: %d]", first,
             first + d->table_entries - 1, first, d->entry_bits, d->entry_bits);
    em_port ports[5];
    int n = 0;
    ports[n++] = (em_port){EM_IN, 0, "clk_i", NULL};
    ports[n++] = (em_port){EM_IN, 0, "load_i", "register a new table from act_i"};
    if (d->lane_has_mode) ports[n++] = (em_port){EM_IN, 0, "buffer_mode_i", "1: load only the raw entries 3^t"};
    ports[n++] = (em_port){EM_IN, d->g * d->a, "act_i", doc_act};
    ports[n++] = (em_port){EM_OUT, d->table_entries * d->entry_bits, "table_o", doc_tab};

    em_file_header(e, d, d->mod_builder,
                   d->binary ? "binary table builder: 2^(G-1) entries, sign folded into the key"
                             : "ternary table builder: (3^G-1)/2 entries, mirror symmetry");
    em_module_begin(e, d->mod_builder, ports, (size_t)n);
    emit_activations(e, d);
    em_blank(e);
    char val[128][24];
    memset(val, 0, sizeof val);
    if (d->binary) emit_binary_entries(e, d, val);
    else emit_ternary_entries(e, d, val);
    emit_entry_registers(e, d, val, first);
    emit_table_output(e, d, first);
    em_module_end(e, d->mod_builder);
}
