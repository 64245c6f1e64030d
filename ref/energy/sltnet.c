/* sltnet.c - gate-level netlist tools of the energy flow (synth/energy.sh).
 *
 *   sltnet buffer --lib L --in flat.v --out buffered.v [--max-fanout 10]
 *                 [--buf sky130_fd_sc_hd__buf_4] [--drive-cell C] [--cap-frac 0.4]
 *       Fanout buffering of a flat mapped netlist: a net whose sinks exceed
 *       --max-fanout, or whose pin load exceeds cap-frac x its driver's
 *       max_capacitance, gets a tree of --buf cells (sinks grouped by name, so a
 *       group stays in one block; each buffer is named in its sinks' block).
 *       Clock nets (a sink on a liberty clock pin) are left alone: the clock is
 *       ideal in this flow. Prints what it did.
 *
 *   sltnet energy --lib L --netlist buffered.v --p0 P0.log --p1 P1.log
 *                 --cov coverage.dat --cycles N --clock-mhz F --vdd V
 *                 [--cap-unit 1e-12] [--icg-clk-pj type=pJ,...] [--force-rate A]
 *                 [--out FILE.kv] [--clock-nets FILE]
 *       Energy of the simulated window: a cell without a clock pin is charged
 *         E = (P0 + r (P1 - P0)) / f   per cycle,
 *       a cell with one (liberty clock : true)
 *         E = (leak + (P0 - leak) g + r (P1 - P0)) / f
 *       P0, P1: its OpenSTA report_power -instances power at global toggle rates
 *       0 and 1 (P0 - leak is the clock's: OpenSTA keeps clocks at their rate);
 *       r: the toggles of its output net(s) per cycle, from Verilator
 *       --coverage-toggle (mean over outputs; a clock gate: its enable's), or A
 *       for every net with --force-rate (the self-check against OpenSTA's
 *       report_power at global activity A); g: the toggles of the clock net on
 *       its clock pin / (2 cycles), 1 when forced. A clock gate (its output drives
 *       clock pins) charges its CLK pin (--icg-clk-pj, liberty) at the root clock's
 *       g and the rest at its own output's. Pins on the root clock net (no driving
 *       cell, so no switching power in OpenSTA) add C V^2 g. Summed per block
 *       (cell name prefix); --clock-nets lists each clock net's flops, g and energy.
 *       SRAM macro reads and writes: the toggles of the rd_tog_q / wr_tog_q
 *       markers of tb/energy/slt_sram_macro_sim.v, priced by gen/sram_model.c
 *       (Verilator sums identical macros of one generate loop into one
 *       "g_bank[*]" point, priced by the shape of the first instance it matches).
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "netlist.h"
#include "sram_model.h"

#define ERRLEN 512

static void die(const char *fmt, const char *a)
{
    fprintf(stderr, "sltnet: ");
    fprintf(stderr, fmt, a);
    fprintf(stderr, "\n");
    exit(2);
}

static void *xcalloc(size_t n, size_t s)
{
    void *p = calloc(n ? n : 1, s);
    if (!p) die("%s", "out of memory");
    return p;
}

static const char *arg_of(int argc, char **argv, const char *key, const char *dflt)
{
    for (int i = 2; i + 1 < argc; i++)
        if (!strcmp(argv[i], key)) return argv[i + 1];
    return dflt;
}

static void check_args(int argc, char **argv, const char *const *known)
{
    for (int i = 2; i < argc; i++) {
        int ok = 0;
        for (const char *const *k = known; *k; k++)
            if (!strcmp(argv[i], *k)) ok = 1;
        if (!ok || i + 1 >= argc) die("bad argument '%s' (see the header of ref/energy/sltnet.c)", argv[i]);
        i++;
    }
}

static double num_arg(int argc, char **argv, const char *key, const char *dflt)
{
    const char *s = arg_of(argc, argv, key, dflt);
    if (!s) die("missing %s", key);
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || *end || end == s) die("bad number for %s", key);
    return v;
}

static const char *req(int argc, char **argv, const char *key)
{
    const char *s = arg_of(argc, argv, key, NULL);
    if (!s) die("missing %s", key);
    return s;
}

/* ---- nets: driver and sinks per union-find root ---------------------------------- */
typedef struct {
    int cell, conn, pos;
} pinref;

typedef struct {
    int *drv_cell, *drv_conn; /* per root; drv_cell -1: a port or undriven */
    int *off, *cnt;           /* sinks of root r: sinks[off[r] .. off[r]+cnt[r]) */
    pinref *sinks;
    int *clock;               /* a sink on a clock pin */
    int *outport;             /* bits of output ports on the net */
} netinfo;

static void nets_build(nl_netlist *nl, netinfo *ni)
{
    int nb = nl->nbits;
    ni->drv_cell = xcalloc((size_t)nb, sizeof(int));
    ni->drv_conn = xcalloc((size_t)nb, sizeof(int));
    ni->off = xcalloc((size_t)nb + 1, sizeof(int));
    ni->cnt = xcalloc((size_t)nb, sizeof(int));
    ni->clock = xcalloc((size_t)nb, sizeof(int));
    ni->outport = xcalloc((size_t)nb, sizeof(int));
    for (int i = 0; i < nb; i++) ni->drv_cell[i] = -1;
    long total = 0;
    for (int c = 0; c < nl->ncells; c++)
        for (int k = 0; k < nl->cells[c].nconn; k++) {
            nl_conn *cn = &nl->cells[c].conns[k];
            for (int b = 0; b < cn->nbits; b++) {
                int r = nl_root(nl, cn->bits[b]);
                if (r < 0) continue;
                if (cn->dir == NL_OUT) {
                    ni->drv_cell[r] = c;
                    ni->drv_conn[r] = k;
                } else {
                    ni->cnt[r]++;
                    total++;
                    if (cn->clock) ni->clock[r] = 1;
                }
            }
        }
    for (int w = 0; w < nl->nwires; w++)
        if (nl->wires[w].dir == NL_OUT)
            for (int b = 0; b <= abs(nl->wires[w].msb - nl->wires[w].lsb); b++)
                ni->outport[nl_root(nl, nl->wires[w].base + b)]++;
    for (int i = 0; i < nb; i++) ni->off[i + 1] = ni->off[i] + ni->cnt[i];
    ni->sinks = xcalloc((size_t)total, sizeof(pinref));
    int *fill = xcalloc((size_t)nb, sizeof(int));
    for (int c = 0; c < nl->ncells; c++)
        for (int k = 0; k < nl->cells[c].nconn; k++) {
            nl_conn *cn = &nl->cells[c].conns[k];
            if (cn->dir == NL_OUT) continue;
            for (int b = 0; b < cn->nbits; b++) {
                int r = nl_root(nl, cn->bits[b]);
                if (r < 0) continue;
                ni->sinks[ni->off[r] + fill[r]++] = (pinref){c, k, b};
            }
        }
    free(fill);
}

static void nets_free(netinfo *ni)
{
    free(ni->drv_cell);
    free(ni->drv_conn);
    free(ni->off);
    free(ni->cnt);
    free(ni->clock);
    free(ni->outport);
    free(ni->sinks);
}

/* Verilog text of one bit: a name (escaped when needed) and its index */
static void bit_text(const nl_netlist *nl, int bit, char *out, size_t len)
{
    const nl_wire *w = &nl->wires[nl->bit_wire[bit]];
    int plain = 1;
    for (const char *p = w->name; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '_' || *p == '$'))
            plain = 0;
    int idx = w->msb >= w->lsb ? w->lsb + (bit - w->base) : w->lsb - (bit - w->base);
    if (w->msb == w->lsb) snprintf(out, len, plain ? "%s" : "\\%s ", w->name);
    else snprintf(out, len, plain ? "%s[%d]" : "\\%s [%d]", w->name, idx);
}

/* block prefix of a cell name: up to and including the last '.' */
static size_t prefix_len(const char *name)
{
    const char *d = strrchr(name, '.');
    return d ? (size_t)(d - name) + 1 : 0;
}

/* ---- buffer ----------------------------------------------------------------------- */
typedef struct {
    char *in;     /* input net text */
    char *out;    /* output wire name (plain text, escaped) */
    char *name;
} newbuf;

typedef struct {
    size_t s0, s1;
    char *text;
} repl;

typedef struct {
    newbuf *bufs;
    int nbufs, capbufs;
    repl *repls;
    int nrepl, caprepl;
} edits;

static const nl_netlist *g_sort_nl;
static int cmp_pin_name(const void *a, const void *b)
{
    const pinref *x = a, *y = b;
    return strcmp(g_sort_nl->cells[x->cell].name, g_sort_nl->cells[y->cell].name);
}

static char *dupf(const char *fmt, const char *a, int n)
{
    size_t len = strlen(fmt) + strlen(a) + 32;
    char *s = xcalloc(len, 1);
    snprintf(s, len, fmt, a, n);
    return s;
}

/* one buffer driven by `in`, for the sinks items[0..n): returns its output text */
static char *add_buffer(edits *e, const char *prefix, const char *in)
{
    if (e->nbufs == e->capbufs) {
        e->capbufs = e->capbufs ? 2 * e->capbufs : 256;
        e->bufs = realloc(e->bufs, (size_t)e->capbufs * sizeof *e->bufs);
        if (!e->bufs) die("%s", "out of memory");
    }
    newbuf *b = &e->bufs[e->nbufs];
    b->in = strdup(in);
    b->name = dupf("\\%sfobuf_%d_ ", prefix, e->nbufs);
    b->out = dupf("\\%sfonet_%d_ ", prefix, e->nbufs);
    e->nbufs++;
    return b->out;
}

static void add_repl(edits *e, size_t s0, size_t s1, const char *text)
{
    if (e->nrepl == e->caprepl) {
        e->caprepl = e->caprepl ? 2 * e->caprepl : 1024;
        e->repls = realloc(e->repls, (size_t)e->caprepl * sizeof *e->repls);
        if (!e->repls) die("%s", "out of memory");
    }
    e->repls[e->nrepl++] = (repl){s0, s1, strdup(text)};
}

/* common block prefix of the cells of items (or of the first when they differ) */
static void group_prefix(const nl_netlist *nl, const pinref *items, int n, char *out, size_t len)
{
    const char *a = nl->cells[items[0].cell].name;
    size_t p = prefix_len(a);
    for (int i = 1; i < n; i++) {
        const char *b = nl->cells[items[i].cell].name;
        if (prefix_len(b) != p || strncmp(a, b, p)) break;
    }
    if (p >= len) p = len - 1;
    memcpy(out, a, p);
    out[p] = 0;
}

/* Buffer tree for the movable sinks of one net. Level by level: groups of at most
 * fo sinks get a buffer each, named in the group's block; the buffers are the
 * next level's sinks, until the root drives at most root_fo loads. */
static void buffer_net(const nl_netlist *nl, edits *e, pinref *mov, int n, const char *root_text, int fo, int root_fo)
{
    g_sort_nl = nl;
    qsort(mov, (size_t)n, sizeof *mov, cmp_pin_name);
    /* level 1: real pins */
    int ngroups = (n + fo - 1) / fo;
    char **outs = xcalloc((size_t)ngroups, sizeof(char *));
    char (*prefix)[256] = xcalloc((size_t)ngroups, sizeof *prefix);
    int first_buf = e->nbufs;
    for (int g = 0; g < ngroups; g++) {
        int a = g * fo, m = n - a < fo ? n - a : fo;
        group_prefix(nl, mov + a, m, prefix[g], sizeof prefix[g]);
        outs[g] = add_buffer(e, prefix[g], root_text);
        for (int i = a; i < a + m; i++) {
            const nl_conn *c = &nl->cells[mov[i].cell].conns[mov[i].conn];
            add_repl(e, c->span0, c->span1, outs[g]);
        }
    }
    /* upper levels: the buffers' inputs are the sinks */
    int level_first = first_buf, level_n = ngroups;
    while (level_n > root_fo) {
        int ng = (level_n + fo - 1) / fo;
        int up_first = e->nbufs;
        for (int g = 0; g < ng; g++) {
            int a = g * fo, m = level_n - a < fo ? level_n - a : fo;
            char *o = add_buffer(e, prefix[a < ngroups ? a : 0], root_text);
            for (int i = a; i < a + m; i++) {
                free(e->bufs[level_first + i].in);
                e->bufs[level_first + i].in = strdup(o);
            }
        }
        level_first = up_first;
        level_n = ng;
    }
    free(outs);
    free(prefix);
}

static int cmp_repl(const void *a, const void *b)
{
    const repl *x = a, *y = b;
    return x->s0 < y->s0 ? -1 : x->s0 > y->s0;
}

static void write_buffered(const nl_netlist *nl, edits *e, const char *buf_type, const char *path, int strip_params)
{
    int nrepl0 = e->nrepl;
    if (strip_params) /* OpenSTA 2.0.17 rejects parameters on black-box instances */
        for (int i = 0; i < nl->ncells; i++)
            if (nl->cells[i].params) add_repl(e, nl->cells[i].pspan0, nl->cells[i].pspan1, "");
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "w");
    if (!f) die("cannot write '%s'", tmp);
    qsort(e->repls, (size_t)e->nrepl, sizeof *e->repls, cmp_repl);
    size_t pos = 0;
    int r = 0;
    fwrite(nl->text, 1, nl->header_end, f);
    pos = nl->header_end;
    fprintf(f, "\n  // sltnet buffer: %d fanout buffers (%s)\n", e->nbufs, buf_type);
    for (int i = 0; i < e->nbufs; i++) fprintf(f, "  wire %s;\n", e->bufs[i].out);
    for (; r < e->nrepl; r++) {
        fwrite(nl->text + pos, 1, e->repls[r].s0 - pos, f);
        fputs(e->repls[r].text, f);
        pos = e->repls[r].s1;
    }
    fwrite(nl->text + pos, 1, nl->endmodule - pos, f);
    for (int i = 0; i < e->nbufs; i++)
        fprintf(f, "  %s %s (\n    .A(%s),\n    .X(%s)\n  );\n", buf_type, e->bufs[i].name, e->bufs[i].in, e->bufs[i].out);
    fputs(nl->text + nl->endmodule, f);
    if (fclose(f)) die("cannot write '%s'", tmp);
    if (rename(tmp, path)) die("cannot rename to '%s'", path);
    for (int i = nrepl0; i < e->nrepl; i++) free(e->repls[i].text);
    e->nrepl = nrepl0;
}

static double drive_max_cap(const nl_lib *lib, const char *cell, const char *pin)
{
    int i = nl_lib_find(lib, cell);
    if (i < 0) return 0;
    for (int k = 0; k < lib->cells[i].npins; k++)
        if (lib->cells[i].pins[k].dir == NL_OUT && (!pin || !strcmp(pin, lib->cells[i].pins[k].name)))
            return lib->cells[i].pins[k].max_cap;
    return 0;
}

static int cmd_buffer(int argc, char **argv)
{
    static const char *const known[] = {"--lib", "--in", "--out", "--out-sta", "--max-fanout", "--buf", "--drive-cell",
                                        "--cap-frac", "--check", NULL};
    check_args(argc, argv, known);
    const char *libp = req(argc, argv, "--lib"), *in = req(argc, argv, "--in");
    const char *out = arg_of(argc, argv, "--out", NULL), *out_sta = arg_of(argc, argv, "--out-sta", NULL);
    int check_only = (int)num_arg(argc, argv, "--check", "0");
    if (!check_only && !out) die("%s", "need --out (or --check 1)");
    int fo = (int)num_arg(argc, argv, "--max-fanout", "10");
    const char *buf = arg_of(argc, argv, "--buf", "sky130_fd_sc_hd__buf_4");
    const char *drive = arg_of(argc, argv, "--drive-cell", "sky130_fd_sc_hd__buf_2");
    double frac = num_arg(argc, argv, "--cap-frac", "0.4");
    if (fo < 2) die("%s", "--max-fanout must be at least 2");
    char err[ERRLEN];
    nl_lib lib;
    nl_netlist nl;
    if (nl_lib_load(&lib, libp, err, sizeof err)) die("%s", err);
    if (nl_lib_find(&lib, buf) < 0) die("buffer cell '%s' not in the liberty", buf);
    if (nl_load(&nl, &lib, in, err, sizeof err)) die("%s", err);
    netinfo ni;
    nets_build(&nl, &ni);
    double port_maxcap = drive_max_cap(&lib, drive, NULL);
    edits e = {0};
    int nets = 0, maxfo = 0, maxfo_after = 0, fo_viol = 0, cap_viol = 0;
    pinref *mov = xcalloc((size_t)(ni.off[nl.nbits] + 1), sizeof *mov);
    for (int r = 0; r < nl.nbits; r++) {
        if (nl_root(&nl, r) != r || ni.clock[r] || ni.cnt[r] == 0) continue;
        int n = 0, fixed = ni.outport[r];
        double load = 0;
        for (int s = ni.off[r]; s < ni.off[r] + ni.cnt[r]; s++) {
            const nl_cell *c = &nl.cells[ni.sinks[s].cell];
            const nl_conn *cn = &c->conns[ni.sinks[s].conn];
            load += cn->cap;
            if (c->libcell >= 0 && cn->nbits == 1) mov[n++] = ni.sinks[s];
            else fixed++;
        }
        int fanout = n + fixed;
        if (fanout > maxfo) maxfo = fanout;
        double maxcap = port_maxcap;
        if (ni.drv_cell[r] >= 0) {
            const nl_cell *d = &nl.cells[ni.drv_cell[r]];
            maxcap = d->libcell >= 0 ? drive_max_cap(&lib, d->type, d->conns[ni.drv_conn[r]].pin) : 0;
        }
        int over_cap = maxcap > 0 && load > frac * maxcap;
        if (fanout > fo) fo_viol++;
        if (maxcap > 0 && load > maxcap) cap_viol++;
        if (check_only) continue;
        if ((fanout <= fo && !over_cap) || n == 0) {
            if (fanout > maxfo_after) maxfo_after = fanout;
            continue;
        }
        int root_fo = fo - fixed;
        if (root_fo < 1) root_fo = 1;
        if (over_cap && fanout <= fo) root_fo = 1; /* a weak driver: one strong buffer */
        char root_text[1024];
        bit_text(&nl, r, root_text, sizeof root_text);
        buffer_net(&nl, &e, mov, n, root_text, fo, root_fo);
        if (fixed + 1 > maxfo_after) maxfo_after = fixed + (root_fo < n ? root_fo : n);
        nets++;
    }
    printf("fanout_violations=%d\ncap_violations=%d\nmax_fanout=%d\nfanout_limit=%d\n", fo_viol, cap_viol, maxfo, fo);
    if (check_only) goto done;
    write_buffered(&nl, &e, buf, out, 0);
    if (out_sta) write_buffered(&nl, &e, buf, out_sta, 1);
    printf("sltnet buffer: %d cells, %d nets buffered with %d x %s (max fanout %d, load <= %.2f x max_capacitance); "
           "largest non-clock fanout %d before, %d after\n",
           nl.ncells, nets, e.nbufs, buf, fo, frac, maxfo, maxfo_after > fo ? maxfo_after : fo);
done:
    free(mov);
    for (int i = 0; i < e.nbufs; i++) {
        free(e.bufs[i].in);
        free(e.bufs[i].out);
        free(e.bufs[i].name);
    }
    for (int i = 0; i < e.nrepl; i++) free(e.repls[i].text);
    free(e.bufs);
    free(e.repls);
    nets_free(&ni);
    nl_free(&nl);
    nl_lib_free(&lib);
    return 0;
}

/* ---- energy ------------------------------------------------------------------------ */
/* blocks of the accelerator top (and of an array alone), by cell name */
static const char *const k_blocks[] = {"table_builders", "row_lanes", "array_glue", "control", "axi", "sram_wrappers", "top_buffers"};
enum { B_BUILD, B_LANE, B_AGLUE, B_CTRL, B_AXI, B_SRAMW, B_TOPBUF, NBLOCK };

static int block_of(const char *name)
{
    static const char *const sramw[] = {"u_ctrl.u_wbuf.", "u_ctrl.u_abuf.", "u_ctrl.u_obuf.", "u_ctrl.u_mode.", NULL};
    if (strstr(name, "u_builder") || strstr(name, "g_unit")) return B_BUILD;
    if (strstr(name, "g_lane") || strstr(name, "u_lane")) return B_LANE;
    if (!strncmp(name, "u_array.", 8)) return B_AGLUE;
    if (!strncmp(name, "u_regs.", 7) || strstr(name, "skid") || strstr(name, "pack.")) return B_AXI;
    for (const char *const *p = sramw; *p; p++)
        if (!strncmp(name, *p, strlen(*p))) return B_SRAMW;
    if (!strchr(name, '.') && !strncmp(name, "fobuf", 5)) return B_TOPBUF;
    return B_CTRL;
}

/* Verilator coverage names: __0XX is the character XX (hex) */
static void vl_demangle(const char *in, char *out, size_t len)
{
    size_t o = 0;
    for (size_t i = 0; in[i] && o + 1 < len;) {
        if (in[i] == '_' && in[i + 1] == '_' && in[i + 2] == '0' && in[i + 3] && in[i + 4]) {
            char hex[3] = {in[i + 3], in[i + 4], 0};
            char *end;
            long v = strtol(hex, &end, 16);
            if (!*end) {
                out[o++] = (char)v;
                i += 5;
                continue;
            }
        }
        out[o++] = in[i++];
    }
    out[o] = 0;
}

/* value of key k in a coverage record ('\1' k '\2' value) */
static int cov_field(const char *rec, char k, char *out, size_t len)
{
    for (const char *p = rec; (p = strchr(p, '\1')); p++) {
        const char *q = strchr(p, '\2');
        if (!q) return 0;
        if (q - p == 2 && p[1] == k) {
            size_t n = 0;
            for (q++; *q && *q != '\1' && *q != '\'' && n + 1 < len; q++) out[n++] = *q;
            out[n] = 0;
            return 1;
        }
    }
    return 0;
}

typedef struct {
    double *tog;   /* per root bit: toggles in the window, -1 unknown */
    int nsram;
    char **sram_path;
    double *sram_rd, *sram_wr;
} covdata;

static void sram_marker(covdata *cd, const char *path, int write, double count)
{
    for (int i = 0; i < cd->nsram; i++)
        if (!strcmp(cd->sram_path[i], path)) {
            (write ? cd->sram_wr : cd->sram_rd)[i] = count;
            return;
        }
    int n = cd->nsram++;
    cd->sram_path = realloc(cd->sram_path, (size_t)cd->nsram * sizeof(char *));
    cd->sram_rd = realloc(cd->sram_rd, (size_t)cd->nsram * sizeof(double));
    cd->sram_wr = realloc(cd->sram_wr, (size_t)cd->nsram * sizeof(double));
    if (!cd->sram_path || !cd->sram_rd || !cd->sram_wr) die("%s", "out of memory");
    cd->sram_path[n] = strdup(path);
    cd->sram_rd[n] = cd->sram_wr[n] = 0;
    (write ? cd->sram_wr : cd->sram_rd)[n] = count;
}

static long cov_load(nl_netlist *nl, const char *path, covdata *cd)
{
    FILE *f = fopen(path, "r");
    if (!f) die("cannot read coverage '%s'", path);
    cd->tog = xcalloc((size_t)nl->nbits, sizeof(double));
    for (int i = 0; i < nl->nbits; i++) cd->tog[i] = -1;
    size_t cap = 1 << 16;
    char *line = xcalloc(cap, 1), o[4096], h[4096], name[4096], top[4200];
    snprintf(top, sizeof top, "TOP.%s", nl->module);
    long used = 0;
    while (fgets(line, (int)cap, f)) {
        if (line[0] != 'C') continue;
        char *q = strrchr(line, '\'');
        if (!q || !cov_field(line, 'o', o, sizeof o) || !cov_field(line, 'h', h, sizeof h)) continue;
        double count = strtod(q + 1, NULL);
        if (strcmp(h, top)) {
            size_t tl = strlen(top);
            if (!strncmp(h, top, tl) && h[tl] == '.' && (!strcmp(o, "rd_tog_q") || !strcmp(o, "wr_tog_q")))
                sram_marker(cd, h + tl + 1, o[0] == 'w', count);
            continue;
        }
        vl_demangle(o, name, sizeof name);
        int idx = -1;
        size_t n = strlen(name);
        if (n && name[n - 1] == ']') {
            char *b = strrchr(name, '[');
            if (b) {
                idx = atoi(b + 1);
                *b = 0;
            }
        }
        int bit = nl_bit_of(nl, name, idx);
        if (bit < 0 && idx >= 0) { /* a wire whose own name ends in [n] */
            name[strlen(name)] = '[';
            bit = nl_bit_of(nl, name, -1);
        }
        if (bit < 0) continue;
        int r = nl_root(nl, bit);
        if (count > cd->tog[r]) cd->tog[r] = count;
        used++;
    }
    free(line);
    fclose(f);
    return used;
}

static int cell_index(const nl_netlist *nl, const char *name);

/* report_power -instances: "internal switching leakage total name" per cell; the
 * total per cell, and its leakage when leak is not NULL */
static double *power_load(const nl_netlist *nl, const char *path, int *matched, double **leak)
{
    FILE *f = fopen(path, "r");
    if (!f) die("cannot read power report '%s'", path);
    double *p = xcalloc((size_t)nl->ncells, sizeof(double));
    double *l = leak ? xcalloc((size_t)nl->ncells, sizeof(double)) : NULL;
    for (int i = 0; i < nl->ncells; i++) p[i] = -1;
    char line[8192], nm[8192], clean[8192];
    double a, b, c, t;
    *matched = 0;
    while (fgets(line, sizeof line, f)) {
        if (sscanf(line, " %lf %lf %lf %lf %8191s", &a, &b, &c, &t, nm) != 5) continue;
        size_t o = 0;
        for (const char *s = nm; *s && o + 1 < sizeof clean; s++)
            if (*s != '\\') clean[o++] = *s;
        clean[o] = 0;
        int i = cell_index(nl, clean);
        if (i < 0) continue;
        if (p[i] < 0) (*matched)++;
        p[i] = t;
        if (l) l[i] = c;
    }
    fclose(f);
    if (leak) *leak = l;
    return p;
}

static const nl_netlist *g_cells_nl;
static int *g_cell_order;
static int cmp_cell_idx(const void *a, const void *b)
{
    return strcmp(g_cells_nl->cells[*(const int *)a].name, g_cells_nl->cells[*(const int *)b].name);
}
static int cell_index(const nl_netlist *nl, const char *name)
{
    if (g_cells_nl != nl) {
        free(g_cell_order);
        g_cells_nl = nl;
        g_cell_order = xcalloc((size_t)nl->ncells, sizeof(int));
        for (int i = 0; i < nl->ncells; i++) g_cell_order[i] = i;
        qsort(g_cell_order, (size_t)nl->ncells, sizeof(int), cmp_cell_idx);
    }
    int lo = 0, hi = nl->ncells - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2, c = strcmp(nl->cells[g_cell_order[mid]].name, name);
        if (!c) return g_cell_order[mid];
        if (c < 0) lo = mid + 1;
        else hi = mid - 1;
    }
    return -1;
}

/* name against a coverage path in which Verilator merged the instances of one
 * generate loop into "[*]" (identical macros, e.g. g_bank[*].u_macro): "[*]" matches
 * "[<digits>]", everything else exactly */
static int path_match(const char *pat, const char *name)
{
    while (*pat) {
        if (!strncmp(pat, "[*]", 3)) {
            if (*name++ != '[' || !isdigit((unsigned char)*name)) return 0;
            while (isdigit((unsigned char)*name)) name++;
            if (*name++ != ']') return 0;
            pat += 3;
        } else if (*pat++ != *name++) {
            return 0;
        }
    }
    return *name == 0;
}

/* the cell of a coverage path: exact, else the first one a "[*]" path matches (the
 * merged instances share their module, so their Depth and Width) */
static int cell_of_path(const nl_netlist *nl, const char *path)
{
    int ci = cell_index(nl, path);
    if (ci >= 0 || !strstr(path, "[*]")) return ci;
    for (int i = 0; i < nl->ncells; i++)
        if (path_match(path, nl->cells[i].name)) return i;
    return -1;
}

static int param_of(const char *params, const char *key)
{
    if (!params) return -1;
    char pat[64];
    snprintf(pat, sizeof pat, ".%s(", key); /* ".Width(", not the end of ".AddrWidth(" */
    const char *p = strstr(params, pat);
    if (!p) return -1;
    p = strchr(p, '(');
    if (!p) return -1;
    p++;
    const char *q = strchr(p, '\'');
    if (!q) return atoi(p);
    q++;
    if (*q == 's') q++;
    if (*q == 'b') return (int)strtol(q + 1, NULL, 2);
    if (*q == 'd') return atoi(q + 1);
    if (*q == 'h') return (int)strtol(q + 1, NULL, 16);
    return -1;
}

/* ---- clock energy: every clock pin charged by the toggles of its own clock net ------- */
typedef struct {
    double cycles, f, frate; /* frate >= 0: forced rate (self-check) */
    double pin_e;            /* energy per unit of liberty capacitance per full clock cycle (C V^2) */
    const double *tog;       /* toggles per root bit, -1 unknown (NULL when forced) */
    const netinfo *ni;
    int ntype;               /* ICG clock-pin energies per cycle (liberty), by cell type */
    char **icg_type;
    double *icg_pj;
} clkctx;

/* clock-net activity factor of net root r: its toggles / (2 x cycles), 1 for a net
 * that toggles every cycle like the root clock. Forced: 1 (OpenSTA has no enable
 * activity: it propagates the clock through a clock gate at the full rate). */
static double clk_factor(const clkctx *x, int r, int *unknown)
{
    if (x->frate >= 0 || r < 0) return r < 0 ? 0 : 1;
    if (!x->tog || x->tog[r] < 0) {
        *unknown = 1;
        return 1;
    }
    return x->tog[r] / (2 * x->cycles);
}

static double icg_pin_pj(const clkctx *x, const char *type)
{
    for (int i = 0; i < x->ntype; i++)
        if (!strcmp(x->icg_type[i], type)) return x->icg_pj[i];
    return -1;
}

/* the parsed --icg-clk-pj list "type=pJ[,type=pJ...]" */
static void icg_list(clkctx *x, const char *s)
{
    while (s && *s) {
        const char *eq = strchr(s, '='), *cm = strchr(s, ',');
        if (!eq || (cm && cm < eq)) die("bad --icg-clk-pj item near '%s' (want type=pJ)", s);
        x->icg_type = realloc(x->icg_type, (size_t)(x->ntype + 1) * sizeof(char *));
        x->icg_pj = realloc(x->icg_pj, (size_t)(x->ntype + 1) * sizeof(double));
        if (!x->icg_type || !x->icg_pj) die("%s", "out of memory");
        x->icg_type[x->ntype] = strndup(s, (size_t)(eq - s));
        x->icg_pj[x->ntype++] = strtod(eq + 1, NULL);
        s = cm ? cm + 1 : NULL;
    }
}

typedef struct {
    double e, e_clk, e_leak, e_root_pin; /* J per cycle: all, clock part, leakage, root clock pin load */
    double rate;                         /* data toggle rate used */
    double gfac;                         /* clock factor of its clock pin (flops), -1 none */
    int isff, icg, unknown;
} cellE;

/* One cell's energy per cycle. Clock pins (liberty clock : true):
 *   E = leak + (P0 - leak) g + r (P1 - P0)
 * with P0 - leak the power OpenSTA charges at activity 0, which is the clock's (the
 * clock keeps its rate at every global activity) and g the factor of the net on the
 * clock pin. A clock gate (a cell whose output drives clock pins) splits P0 - leak
 * into its CLK pin (liberty, at the root clock's factor) and the rest (GCLK pin and
 * net, at its own output's factor); its data rate r is its enable's. The root clock
 * net (driven by a port) is charged its sink pin load C V^2 g per cycle: OpenSTA
 * charges net switching to the driving cell, which the root net lacks, while a gated
 * net's switching is in its clock gate's P0. */
static cellE cell_energy(const nl_netlist *nl, const clkctx *x, int i, double p0, double p1, double leak)
{
    const nl_cell *c = &nl->cells[i];
    cellE r = {0, 0, 0, 0, 0, -1, 0, 0, 0};
    double rout = 0, rin = 0, gin = 1, gout = 1;
    int nout = 0, nin = 0, clkroot = -1;
    for (int k = 0; k < c->nconn; k++) {
        const nl_conn *cn = &c->conns[k];
        for (int b = 0; b < cn->nbits; b++) {
            int q = nl_root((nl_netlist *)nl, cn->bits[b]);
            double t = q < 0 ? 0 : (x->tog ? x->tog[q] : -1);
            if (cn->dir == NL_OUT && q >= 0 && x->ni->clock[q]) {
                r.icg = 1;
                gout = clk_factor(x, q, &r.unknown);
                continue;
            }
            if (cn->clock && cn->dir != NL_OUT) {
                r.isff = 1;
                gin = clk_factor(x, q, &r.unknown);
                clkroot = q;
                continue;
            }
            if (t < 0 && x->frate < 0) r.unknown = 1;
            if (t < 0) t = 0;
            if (cn->dir == NL_OUT) { rout += t / x->cycles; nout++; }
            else { rin += t / x->cycles; nin++; }
        }
    }
    r.rate = x->frate >= 0 ? x->frate : (r.icg ? (nin ? rin / nin : 0) : (nout ? rout / nout : 0));
    double dyn0 = p0 - leak;
    if (!r.isff) {
        r.e = (p0 + r.rate * (p1 - p0)) / x->f;
        r.e_leak = leak / x->f;
        return r;
    }
    double in = dyn0, out = 0;
    if (r.icg) {
        double pin = icg_pin_pj(x, c->type);
        if (pin < 0) die("clock gate type %s has no --icg-clk-pj entry", c->type);
        in = pin * 1e-12 * x->f < dyn0 ? pin * 1e-12 * x->f : dyn0;
        out = dyn0 - in;
    }
    r.gfac = r.icg ? gout : gin;
    r.e_clk = (in * gin + out * gout) / x->f;
    r.e_leak = leak / x->f;
    if (clkroot >= 0 && x->ni->drv_cell[clkroot] < 0)
        for (int k = 0; k < c->nconn; k++)
            if (c->conns[k].clock && c->conns[k].dir != NL_OUT) r.e_root_pin += c->conns[k].cap * x->pin_e * gin;
    r.e = r.e_leak + r.e_clk + r.rate * (p1 - p0) / x->f + r.e_root_pin;
    return r;
}

static int cmd_energy(int argc, char **argv)
{
    static const char *const known[] = {"--lib", "--netlist", "--p0", "--p1", "--cov", "--cycles", "--clock-mhz",
                                        "--force-rate", "--out", "--vdd", "--cap-unit", "--icg-clk-pj", "--clock-nets", NULL};
    check_args(argc, argv, known);
    const char *libp = req(argc, argv, "--lib"), *netp = req(argc, argv, "--netlist");
    double cycles = num_arg(argc, argv, "--cycles", NULL), mhz = num_arg(argc, argv, "--clock-mhz", NULL);
    const char *force = arg_of(argc, argv, "--force-rate", NULL);
    double frate = force ? num_arg(argc, argv, "--force-rate", NULL) : -1;
    double vdd = num_arg(argc, argv, "--vdd", NULL), capu = num_arg(argc, argv, "--cap-unit", "1e-12");
    const char *outp = arg_of(argc, argv, "--out", NULL), *cnp = arg_of(argc, argv, "--clock-nets", NULL);
    if (cycles <= 0 || mhz <= 0 || vdd <= 0 || capu <= 0) die("%s", "--cycles, --clock-mhz, --vdd and --cap-unit must be > 0");
    char err[ERRLEN];
    nl_lib lib;
    nl_netlist nl;
    if (nl_lib_load(&lib, libp, err, sizeof err)) die("%s", err);
    if (nl_load(&nl, &lib, netp, err, sizeof err)) die("%s", err);
    int m0 = 0, m1 = 0;
    double *leak = NULL;
    double *p0 = power_load(&nl, req(argc, argv, "--p0"), &m0, &leak);
    double *p1 = power_load(&nl, req(argc, argv, "--p1"), &m1, NULL);
    covdata cd = {0};
    long covused = 0;
    const char *covp = arg_of(argc, argv, "--cov", NULL);
    if (covp) covused = cov_load(&nl, covp, &cd);
    else if (!force) die("%s", "need --cov (or --force-rate)");
    netinfo ni;
    nets_build(&nl, &ni);
    double f = mhz * 1e6;
    clkctx x = {cycles, f, frate, capu * vdd * vdd, force ? NULL : cd.tog, &ni, 0, NULL, NULL};
    icg_list(&x, arg_of(argc, argv, "--icg-clk-pj", ""));
    double e[NBLOCK] = {0}, e0[NBLOCK] = {0}, ec[NBLOCK] = {0}, ffr[NBLOCK] = {0}, gsum[NBLOCK] = {0};
    int cells[NBLOCK] = {0}, ffs[NBLOCK] = {0}, ffroot[NBLOCK] = {0}, icgs[NBLOCK] = {0}, nopower = 0, notog = 0, std = 0;
    double e_total = 0, e0_total = 0, eclk_total = 0, eroot_total = 0;
    /* per clock net: sinks and their clock energy (for --clock-nets) */
    double *net_e = xcalloc((size_t)nl.nbits, sizeof(double));
    int *net_n = xcalloc((size_t)nl.nbits, sizeof(int));
    for (int i = 0; i < nl.ncells; i++) {
        const nl_cell *c = &nl.cells[i];
        if (c->libcell < 0) continue; /* SRAM macros: the analytic model below */
        std++;
        if (p0[i] < 0 || p1[i] < 0) { nopower++; continue; }
        cellE r = cell_energy(&nl, &x, i, p0[i], p1[i], leak[i]);
        if (r.unknown && !force) notog++;
        int b = block_of(c->name);
        double eclk = r.e_clk + r.e_root_pin;
        e[b] += r.e;
        e0[b] += r.e_leak + eclk;
        ec[b] += eclk;
        cells[b]++;
        e_total += r.e;
        e0_total += r.e_leak + eclk;
        eclk_total += eclk;
        eroot_total += r.e_root_pin;
        if (r.icg) icgs[b]++;
        if (r.isff && !r.icg) {
            ffs[b]++;
            ffr[b] += r.rate;
            gsum[b] += r.gfac;
            for (int k = 0; k < c->nconn; k++)
                if (c->conns[k].clock && c->conns[k].dir != NL_OUT && c->conns[k].nbits) {
                    int q = nl_root(&nl, c->conns[k].bits[0]);
                    if (q < 0) break;
                    if (ni.drv_cell[q] < 0) ffroot[b]++;
                    net_e[q] += eclk;
                    net_n[q]++;
                    break;
                }
        }
    }
    FILE *o = outp ? fopen(outp, "w") : stdout;
    if (!o) die("cannot write '%s'", outp);
    fprintf(o, "method=gate-level simulation activity: per cell (P0 + r (P1 - P0)) / f, r = output toggles per cycle, "
               "clock pins at their own clock net's toggles%s\n",
            force ? " FORCED to one rate, every clock net at the clock's rate (self-check)" : "");
    fprintf(o, "cycles=%.0f\nclock_mhz=%g\ncells_std=%d\ncells_without_power=%d\ncells_without_toggles=%d\n", cycles, mhz, std,
            nopower, notog);
    fprintf(o, "coverage_points_used=%ld\n", covused);
    if (force) fprintf(o, "force_rate=%g\n", frate);
    /* power_sta_scope_w: what OpenSTA's report_power covers (no root clock net load) */
    fprintf(o, "power_total_w=%.9e\npower_sta_scope_w=%.9e\npower_clock_leak_w=%.9e\n", e_total * f, (e_total - eroot_total) * f,
            e0_total * f);
    fprintf(o, "e_total_pj_per_cycle=%.6f\ne_clock_leak_pj_per_cycle=%.6f\ne_clock_pj_per_cycle=%.6f\n", e_total * 1e12,
            e0_total * 1e12, eclk_total * 1e12);
    fprintf(o, "e_clock_root_pin_pj_per_cycle=%.6f\n", eroot_total * 1e12);
    int root = -1;
    for (int w = 0; w < nl.nwires; w++)
        if (nl.wires[w].dir == NL_IN && !strcmp(nl.wires[w].name, "clk_i")) root = nl_root(&nl, nl.wires[w].base);
    if (root >= 0 && !force && cd.tog && cd.tog[root] >= 0)
        fprintf(o, "clock_root_toggles_per_cycle=%.6f\n", cd.tog[root] / cycles);
    for (int b = 0; b < NBLOCK; b++) {
        const char *k = k_blocks[b];
        fprintf(o, "block.%s.cells=%d\nblock.%s.flops=%d\nblock.%s.flops_root_clock=%d\nblock.%s.clock_gates=%d\n", k, cells[b], k,
                ffs[b], k, ffroot[b], k, icgs[b]);
        fprintf(o, "block.%s.pj_per_cycle=%.6f\nblock.%s.clock_leak_pj_per_cycle=%.6f\nblock.%s.clock_pj_per_cycle=%.6f\n", k,
                e[b] * 1e12, k, e0[b] * 1e12, k, ec[b] * 1e12);
        fprintf(o, "block.%s.flop_toggle_rate=%.4f\nblock.%s.flop_clock_factor=%.4f\n", k, ffs[b] ? ffr[b] / ffs[b] : 0, k,
                ffs[b] ? gsum[b] / ffs[b] : 0);
    }
    if (cnp) { /* one line per clock net: name, flops, clock factor, their clock energy */
        FILE *cf = fopen(cnp, "w");
        if (!cf) die("cannot write '%s'", cnp);
        for (int q = 0; q < nl.nbits; q++) {
            if (!net_n[q]) continue;
            char nm[1024];
            int dummy = 0;
            bit_text(&nl, q, nm, sizeof nm);
            fprintf(cf, "%s flops=%d factor=%.4f clock_pj_per_cycle=%.6f\n", nm, net_n[q], clk_factor(&x, q, &dummy),
                    net_e[q] * 1e12);
        }
        if (fclose(cf)) die("cannot write '%s'", cnp);
    }
    /* SRAM macros */
    double s28 = 0, s130 = 0, rd = 0, wr = 0;
    for (int i = 0; i < cd.nsram; i++) {
        int ci = cell_of_path(&nl, cd.sram_path[i]);
        int depth = ci >= 0 ? param_of(nl.cells[ci].params, "Depth") : -1;
        int width = ci >= 0 ? param_of(nl.cells[ci].params, "Width") : -1;
        slt_sram_estimate a, b;
        if (depth < 1 || width < 1 || slt_sram_estimate_of(SLT_NODE_28NM, depth, width, &a) ||
            slt_sram_estimate_of(SLT_NODE_SKY130, depth, width, &b)) {
            fprintf(o, "sram.%s=no Depth/Width in the netlist\n", cd.sram_path[i]);
            continue;
        }
        double e28 = cd.sram_rd[i] * a.read_pj + cd.sram_wr[i] * a.write_pj;
        double e130 = cd.sram_rd[i] * b.read_pj + cd.sram_wr[i] * b.write_pj;
        fprintf(o, "sram.%s.depth=%d\nsram.%s.width=%d\nsram.%s.reads=%.0f\nsram.%s.writes=%.0f\nsram.%s.pj_28nm=%.3f\n",
                cd.sram_path[i], depth, cd.sram_path[i], width, cd.sram_path[i], cd.sram_rd[i], cd.sram_path[i],
                cd.sram_wr[i], cd.sram_path[i], e28);
        s28 += e28;
        s130 += e130;
        rd += cd.sram_rd[i];
        wr += cd.sram_wr[i];
    }
    fprintf(o, "sram_reads=%.0f\nsram_writes=%.0f\nsram_pj_28nm=%.3f\nsram_pj_sky130=%.3f\n", rd, wr, s28, s130);
    if (o != stdout && fclose(o)) die("cannot write '%s'", outp);
    fprintf(stderr, "sltnet energy: %d cells, %.3f pJ/cycle (%.3f clock+leakage), %d without power, %d without toggles%s\n",
            std, e_total * 1e12, e0_total * 1e12, nopower, notog, force ? " [forced rate]" : "");
    free(p0);
    free(p1);
    free(leak);
    free(net_e);
    free(net_n);
    for (int i = 0; i < x.ntype; i++) free(x.icg_type[i]);
    free(x.icg_type);
    free(x.icg_pj);
    nets_free(&ni);
    free(cd.tog);
    for (int i = 0; i < cd.nsram; i++) free(cd.sram_path[i]);
    free(cd.sram_path);
    free(cd.sram_rd);
    free(cd.sram_wr);
    free(g_cell_order);
    g_cell_order = NULL;
    g_cells_nl = NULL;
    nl_free(&nl);
    nl_lib_free(&lib);
    return (nopower || notog) ? 1 : 0;
}

int main(int argc, char **argv)
{
    if (argc >= 2 && !strcmp(argv[1], "buffer")) return cmd_buffer(argc, argv);
    if (argc >= 2 && !strcmp(argv[1], "energy")) return cmd_energy(argc, argv);
    fprintf(stderr, "usage: sltnet buffer|energy ... (see the header of ref/energy/sltnet.c)\n");
    return 2;
}
