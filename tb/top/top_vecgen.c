/* top_vecgen.c - transaction vectors for the Icarus replay of the accelerator top
 * (tb/top/slt_top_icarus_tb.v, docs/top.md "Verification").
 *
 *   top_vecgen --config build/<cfg>/config.cfg --seed N --out DIR
 *
 * Compiled per configuration against build/<cfg>/top/slt_regs.h (register offsets
 * and the configuration hash). Writes, in DIR, all text, hex fields MSB first:
 *   meta.txt  "key value": hash, bus_bits, axil, in_beats, out_beats, cases, seed
 *   axil.txt  the AXI4-Lite master's program, one operation a line, 4 hex fields:
 *               W addr data 0      write (response must be OKAY)
 *               R addr data mask   read, (rdata & mask) must equal data
 *               P addr mask value  poll: read until (rdata & mask) == value
 *   in.txt    the input stream, one beat a line: "last data" (bus_bits/4 digits)
 *   out.txt   the expected output stream, same format; every beat is compared
 * Per case: PERF_CTRL.CLEAR, LOAD_ACT (poll DONE, STATUS without ERROR, clear),
 * GEMV or GEMM with ragged M and K (results on out.txt), then the counters against
 * slt_predict (docs/numerics.md §6; LUT arrays: all, add/sub: buffers and bytes). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "slt_config.h"
#include "slt_gemm.h"
#include "slt_pack.h"
#include "slt_prng.h"
#include "slt_regs.h"
#include "slt_vectors.h"

typedef struct {
    FILE *axil, *in, *out;
    int bb; /* bytes per beat */
    long n_axil, n_in, n_out;
} vec_files;

static void die(const char *what)
{
    fprintf(stderr, "top_vecgen: %s\n", what);
    exit(1);
}

static void wr(vec_files *v, uint32_t addr, uint32_t data)
{
    fprintf(v->axil, "W %03x %08x 0\n", addr, data);
    v->n_axil++;
}
static void rd(vec_files *v, uint32_t addr, uint32_t data, uint32_t mask)
{
    fprintf(v->axil, "R %03x %08x %08x\n", addr, data & mask, mask);
    v->n_axil++;
}
static void poll(vec_files *v, uint32_t addr, uint32_t mask, uint32_t value)
{
    fprintf(v->axil, "P %03x %08x %08x\n", addr, mask, value);
    v->n_axil++;
}

/* bytes -> beats of bb bytes (zero-filled), TLAST on the last one if `last` */
static void beats(FILE *f, long *count, const uint8_t *b, size_t n, int bb, int last)
{
    for (size_t i = 0; i < n; i += (size_t)bb) {
        int is_last = last && i + (size_t)bb >= n;
        fprintf(f, "%d ", is_last);
        for (int j = bb - 1; j >= 0; j--) fprintf(f, "%02x", i + (size_t)j < n ? b[i + (size_t)j] : 0);
        fprintf(f, "\n");
        (*count)++;
    }
}

/* one command: descriptor, GO, wait for DONE, no error, clear */
static void command(vec_files *v, uint32_t op, uint32_t fmt, uint32_t m, uint32_t k, uint32_t n)
{
    wr(v, SLT_REG_CMD_CTRL, op << SLT_REG_CMD_CTRL_OPCODE_SHIFT | fmt << SLT_REG_CMD_CTRL_FORMAT_SHIFT);
    wr(v, SLT_REG_CMD_M, m);
    wr(v, SLT_REG_CMD_K, k);
    wr(v, SLT_REG_CMD_N, n);
    wr(v, SLT_REG_CMD_ABUF_BASE, 0);
    wr(v, SLT_REG_CMD_OBUF_BASE, 0);
    const uint32_t done = SLT_REG_STATUS_DONE_MASK, error = SLT_REG_STATUS_ERROR_MASK;
    const uint32_t all = SLT_REG_STATUS_BUSY_MASK | done | error;
    wr(v, SLT_REG_CMD_DOORBELL, SLT_REG_CMD_DOORBELL_GO_MASK);
    poll(v, SLT_REG_STATUS, done, done);
    rd(v, SLT_REG_STATUS, done, all); /* DONE, not BUSY, no ERROR */
    wr(v, SLT_REG_STATUS, done | error);
    rd(v, SLT_REG_STATUS, 0u, all);
}

static void rd64(vec_files *v, uint32_t lo, uint64_t want)
{
    rd(v, lo, (uint32_t)want, 0xFFFFFFFFu);
    rd(v, lo + 4, (uint32_t)(want >> 32), 0xFFFFFFFFu);
}

static void one_case(vec_files *v, const slt_config *cfg, slt_prng *p, int m, int k, int n)
{
    char err[SLT_ERRLEN];
    int bb = v->bb, a = cfg->act_bits, ug = cfg->group_size * cfg->lut_units;
    int8_t *w = malloc((size_t)m * k);
    int16_t *x = malloc(sizeof *x * (size_t)n * k);
    int32_t *y = malloc(sizeof *y * (size_t)n * m), *y2 = malloc(sizeof *y2 * (size_t)n * m);
    if (!w || !x || !y || !y2) die("out of memory");
    slt_vectors_weights(cfg, m, k, SLT_W_MIXED, p, w);
    slt_vectors_acts(cfg, n, k, SLT_X_MIXED, p, x);
    slt_events ev, pred;
    if (slt_gemm_lut(cfg, w, x, y, m, k, n, &ev, err, sizeof err) || slt_gemm_naive(w, x, y2, m, k, n, err, sizeof err))
        die(err);
    if (memcmp(y, y2, sizeof *y * (size_t)n * m)) die("golden model: LUT and naive results differ");
    if (slt_predict(cfg, w, m, k, n, &pred, err, sizeof err)) die(err);
    slt_stream s;
    if (slt_stream_build(cfg, w, m, k, &s, err, sizeof err)) die(err);

    wr(v, SLT_REG_PERF_CTRL, SLT_REG_PERF_CTRL_CLEAR_MASK);
    /* LOAD_ACT: token by token, each token on new beats, TLAST on the last */
    long in0 = v->n_in;
    size_t tb = (size_t)(k * a + 7) / 8;
    uint8_t *tok = malloc(tb);
    if (!tok) die("out of memory");
    for (int t = 0; t < n; t++) {
        memset(tok, 0, tb);
        for (int i = 0; i < k; i++) {
            uint32_t val = (uint32_t)(uint16_t)x[(size_t)t * k + i] & ((1u << a) - 1u);
            for (int bit = 0; bit < a; bit++)
                if (val >> bit & 1u) tok[(size_t)(i * a + bit) / 8] |= (uint8_t)(1u << ((i * a + bit) % 8));
        }
        beats(v->in, &v->n_in, tok, tb, bb, t == n - 1);
    }
    free(tok);
    command(v, SLT_OP_LOAD_ACT, 0, 0, (uint32_t)k, (uint32_t)n);
    /* weight packet: modes (ternary) then the weights chunk by chunk, row by row */
    if (!slt_format_is_binary(cfg->weight_format)) {
        int bits = s.n_chunks * cfg->lut_units;
        uint8_t *mb = calloc((size_t)(bits + 7) / 8, 1);
        if (!mb) die("out of memory");
        for (int g = 0; g < bits; g++)
            if (s.modes[g]) mb[g / 8] |= (uint8_t)(1u << (g % 8));
        beats(v->in, &v->n_in, mb, (size_t)(bits + 7) / 8, bb, 0);
        free(mb);
    }
    int8_t *flat = malloc((size_t)m * k);
    if (!flat) die("out of memory");
    size_t nf = 0;
    for (int c = 0; c < s.n_chunks; c++)
        for (int r = 0; r < m; r++)
            for (int i = c * ug; i < k && i < (c + 1) * ug; i++) flat[nf++] = w[(size_t)r * k + i];
    size_t pb = slt_packed_bytes(cfg->weight_format, nf);
    uint8_t *packed = malloc(pb);
    if (!packed) die("out of memory");
    if (slt_pack(cfg->weight_format, flat, nf, packed, err, sizeof err)) die(err);
    beats(v->in, &v->n_in, packed, pb, bb, 1);
    long in_beats = v->n_in - in0;
    free(flat);
    free(packed);
    slt_stream_free(&s);
    /* results: N x M little-endian int32, token-major, TLAST on the last beat */
    size_t rb = (size_t)n * m * 4;
    uint8_t *res = malloc(rb);
    if (!res) die("out of memory");
    for (size_t i = 0; i < (size_t)n * m; i++)
        for (int j = 0; j < 4; j++) res[4 * i + (size_t)j] = (uint8_t)((uint32_t)y[i] >> (8 * j));
    long out0 = v->n_out;
    beats(v->out, &v->n_out, res, rb, bb, 1);
    long out_beats = v->n_out - out0;
    free(res);
    command(v, n == 1 ? SLT_OP_GEMV : SLT_OP_GEMM, (uint32_t)cfg->weight_format, (uint32_t)m, (uint32_t)k,
            (uint32_t)n);
    /* counters (cleared at the start of the case) */
    if (cfg->array == SLT_ARRAY_LUT) {
        rd64(v, SLT_REG_PERF_TABLE_BUILDS_LO, pred.table_builds);
        rd64(v, SLT_REG_PERF_LOOKUPS_LO, pred.lookups);
        rd64(v, SLT_REG_PERF_SKIPPED_GROUPS_LO, pred.skipped_groups);
        rd64(v, SLT_REG_PERF_BUFMODE_ADDS_LO, pred.buffer_adds);
    }
    rd64(v, SLT_REG_PERF_WBUF_READS_LO, pred.wbuf_reads);
    rd64(v, SLT_REG_PERF_WBUF_WRITES_LO, pred.wbuf_writes);
    rd64(v, SLT_REG_PERF_ABUF_READS_LO, pred.abuf_reads);
    rd64(v, SLT_REG_PERF_ABUF_WRITES_LO, pred.abuf_writes);
    rd64(v, SLT_REG_PERF_OBUF_READS_LO, pred.obuf_reads);
    rd64(v, SLT_REG_PERF_OBUF_WRITES_LO, pred.obuf_writes);
    rd64(v, SLT_REG_PERF_LINK_BYTES_OUT_LO, (uint64_t)out_beats * (uint64_t)bb);
    rd64(v, SLT_REG_PERF_LINK_BYTES_IN_LO, (uint64_t)in_beats * (uint64_t)bb);
    rd64(v, SLT_REG_PERF_COMMANDS_LO, 2);
    free(w);
    free(x);
    free(y);
    free(y2);
}

static int imin(int a, int b) { return a < b ? a : b; }

int main(int argc, char **argv)
{
    const char *cfgpath = NULL, *dir = NULL;
    uint64_t seed = 1;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--config")) cfgpath = argv[i + 1];
        else if (!strcmp(argv[i], "--seed")) seed = strtoull(argv[i + 1], NULL, 0);
        else if (!strcmp(argv[i], "--out")) dir = argv[i + 1];
        else die("usage: top_vecgen --config FILE --seed N --out DIR");
    }
    if (!cfgpath || !dir) die("usage: top_vecgen --config FILE --seed N --out DIR");
    slt_config cfg;
    char err[SLT_ERRLEN];
    slt_config_default(&cfg);
    if (slt_config_load(&cfg, cfgpath, err, sizeof err) || slt_config_finish(&cfg, err, sizeof err)) die(err);
    if (slt_config_hash(&cfg) != SLT_REGS_CONFIG_HASH) die("the configuration is not the one slt_regs.h was made for");
    mkdir(dir, 0777);
    char path[4096];
    vec_files v = {0};
    v.bb = cfg.bus_bits / 8;
    snprintf(path, sizeof path, "%s/axil.txt", dir);
    v.axil = fopen(path, "w");
    snprintf(path, sizeof path, "%s/in.txt", dir);
    v.in = fopen(path, "w");
    snprintf(path, sizeof path, "%s/out.txt", dir);
    v.out = fopen(path, "w");
    if (!v.axil || !v.in || !v.out) die("cannot write the vector files");
    slt_prng p;
    slt_prng_seed(&p, seed ^ 0x70bull);

    rd(&v, SLT_REG_ID_MAGIC, SLT_REGS_ID_MAGIC, 0xFFFFFFFFu);
    rd(&v, SLT_REG_ID_CONFIG_HASH_LO, (uint32_t)SLT_REGS_CONFIG_HASH, 0xFFFFFFFFu);
    rd(&v, SLT_REG_ID_CONFIG_HASH_HI, (uint32_t)(SLT_REGS_CONFIG_HASH >> 32), 0xFFFFFFFFu);
    rd(&v, SLT_REG_STATUS, 0, SLT_REG_STATUS_BUSY_MASK | SLT_REG_STATUS_DONE_MASK | SLT_REG_STATUS_ERROR_MASK);
    int l = cfg.row_lanes, ug = cfg.group_size * cfg.lut_units, g = cfg.group_size;
    /* shapes: ragged M (not a multiple of L) and K (not a multiple of U*G, nor of G) */
    struct { int m, k, n; } cases[] = {
        {1, 1, 1},
        {imin(cfg.max_m, 3 * l + 1), imin(cfg.max_k, 2 * ug + g + 1), 1},
        {imin(cfg.max_m, 2 * l + 1), imin(cfg.max_k, 3 * ug - 1), imin(cfg.max_n, 3)},
        {imin(cfg.max_m, l + 1), imin(cfg.max_k, ug + 1), cfg.max_n},
    };
    int ncases = (int)(sizeof cases / sizeof cases[0]);
    for (int i = 0; i < ncases; i++) one_case(&v, &cfg, &p, cases[i].m, cases[i].k, cases[i].n);
    rd(&v, SLT_REG_ERR_COUNT, 0, 0xFFFFFFFFu);
    if (fclose(v.axil) | fclose(v.in) | fclose(v.out)) die("error writing the vector files");
    snprintf(path, sizeof path, "%s/meta.txt", dir);
    FILE *f = fopen(path, "w");
    if (!f) die("cannot write meta.txt");
    fprintf(f, "hash 0x%016" PRIx64 "\nbus_bits %d\naxil %ld\nin_beats %ld\nout_beats %ld\ncases %d\nseed %" PRIu64 "\n",
            slt_config_hash(&cfg), cfg.bus_bits, v.n_axil, v.n_in, v.n_out, ncases, seed);
    if (fclose(f)) die("error writing meta.txt");
    return 0;
}
