/* top_vecgen.c - transaction vectors for the Icarus replay of the accelerator top
 * (tb/top/slt_top_icarus_tb.v, docs/top.md "Verification").
 *
 *   top_vecgen --config build/<cfg>/config.cfg --seed N --out DIR [--inject N]
 *
 * Compiled per configuration against build/<cfg>/top/slt_regs.h (register offsets
 * and the configuration hash). Writes, in DIR, all text, hex fields MSB first:
 *   meta.txt  "key value": hash, bus_bits, axil, in_beats, out_beats, cases, seed
 *   axil.txt  the AXI4-Lite master's program, one operation a line, 4 hex fields:
 *               W addr data 0      write (response must be OKAY)
 *               R addr data mask   read, (rdata & mask) must equal data
 *               P addr mask value  poll: read until (rdata & mask) == value
 *               I mem addr bits    arm the SRAM backdoor of buffer mem (0 wbuf, 1 abuf,
 *                                  2 obuf, 3 modes; rtl/slt_sram_ecc.v): flip bits
 *                                  bits[15:0] and bits[31:16] (ffff: none) of the next
 *                                  write to word addr
 *   in.txt    the input stream, one beat a line: "last data" (bus_bits/4 digits)
 *   out.txt   the expected output stream, same format; every beat is compared
 * Per case: PERF_CTRL.CLEAR, LOAD_ACT (poll DONE, STATUS without ERROR, clear),
 * GEMV or GEMM with ragged M and K (results on out.txt), then the counters against
 * slt_predict (docs/numerics.md §6; LUT arrays: all, add/sub: buffers and bytes).
 * --inject N (ecc = secded only): N more cases, each with one or two bits flipped in a
 * word the command writes then reads; single flips: results and counters exact,
 * ECC_CORRECTED = the reads of that word, ECC_UNCORRECTED = 0; double flips (never in
 * an obuf word that is only read while sending results): STATUS.ERROR, ERR_CODE
 * ECC_UNCORRECTABLE, ECC_UNCORRECTED = 1, no results. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "slt_arrayif.h"
#include "slt_config.h"
#include "slt_gemm.h"
#include "slt_pack.h"
#include "slt_prng.h"
#include "slt_regs.h"
#include "slt_secded.h"
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

/* a fault to inject in one case: buffer, flips (0: none) */
typedef struct {
    int mem, bits;
} inj_spec;

static void inject(vec_files *v, const slt_config *cfg, slt_prng *p, const inj_spec *j, int m, int k, int n)
{
    int ug = cfg->group_size * cfg->lut_units, nc = (k + ug - 1) / ug, rb = (m + cfg->row_lanes - 1) / cfg->row_lanes;
    int width[4] = {cfg->row_lanes * cfg->lut_units * slt_row_field_bits(cfg), ug * cfg->act_bits,
                    cfg->row_lanes * cfg->acc_bits, cfg->lut_units};
    int words = j->mem == 0 ? rb : j->mem == 1 ? n * nc : j->mem == 2 ? n * rb : nc;
    int codew = slt_secded_code_bits(width[j->mem]);
    uint32_t addr = (uint32_t)slt_prng_range(p, 0, words - 1);
    uint32_t b0 = (uint32_t)slt_prng_range(p, 0, codew - 1), b1 = 0xFFFFu;
    if (j->bits == 2) {
        b1 = (uint32_t)slt_prng_range(p, 0, codew - 2);
        if (b1 >= b0) b1++;
    }
    fprintf(v->axil, "I %03x %08x %08x\n", (unsigned)j->mem, addr, b1 << 16 | b0);
    v->n_axil++;
}

static void rd64(vec_files *v, uint32_t lo, uint64_t want)
{
    rd(v, lo, (uint32_t)want, 0xFFFFFFFFu);
    rd(v, lo + 4, (uint32_t)(want >> 32), 0xFFFFFFFFu);
}

static void one_case(vec_files *v, const slt_config *cfg, slt_prng *p, int m, int k, int n, const inj_spec *inj)
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
    if (inj->bits && inj->mem == 1) inject(v, cfg, p, inj, m, k, n);
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
    if (inj->bits && inj->mem != 1) inject(v, cfg, p, inj, m, k, n);
    if (inj->bits == 2) { /* the command fails: no results, no counter checks */
        uint32_t op = n == 1 ? SLT_OP_GEMV : SLT_OP_GEMM;
        const uint32_t done = SLT_REG_STATUS_DONE_MASK, error = SLT_REG_STATUS_ERROR_MASK;
        wr(v, SLT_REG_CMD_CTRL, op | (uint32_t)cfg->weight_format << 4);
        wr(v, SLT_REG_CMD_M, (uint32_t)m);
        wr(v, SLT_REG_CMD_K, (uint32_t)k);
        wr(v, SLT_REG_CMD_N, (uint32_t)n);
        wr(v, SLT_REG_CMD_DOORBELL, SLT_REG_CMD_DOORBELL_GO_MASK);
        poll(v, SLT_REG_STATUS, done, done);
        rd(v, SLT_REG_STATUS, done | error, done | error | SLT_REG_STATUS_BUSY_MASK); /* DONE and ERROR, not BUSY */
        rd(v, SLT_REG_ERR_CODE, SLT_ERR_ECC_UNCORRECTABLE, 0xFFu);
        rd(v, SLT_REG_ECC_UNCORRECTED, 1u, 0xFFFFFFFFu);
        wr(v, SLT_REG_STATUS, done | error);
        free(res);
        free(w);
        free(x);
        free(y);
        free(y2);
        return;
    }
    long out0 = v->n_out;
    beats(v->out, &v->n_out, res, rb, bb, 1);
    long out_beats = v->n_out - out0;
    free(res);
    command(v, n == 1 ? SLT_OP_GEMV : SLT_OP_GEMM, (uint32_t)cfg->weight_format, (uint32_t)m, (uint32_t)k,
            (uint32_t)n);
    if (cfg->ecc == SLT_ECC_SECDED) { /* every read of the flipped word corrected */
        uint32_t want = !inj->bits ? 0u : (inj->mem == 0 || inj->mem == 3) ? (uint32_t)n : 1u;
        rd(v, SLT_REG_ECC_CORRECTED, want, 0xFFFFFFFFu);
        rd(v, SLT_REG_ECC_UNCORRECTED, 0, 0xFFFFFFFFu);
    }
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
    int ninj = 0;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--config")) cfgpath = argv[i + 1];
        else if (!strcmp(argv[i], "--seed")) seed = strtoull(argv[i + 1], NULL, 0);
        else if (!strcmp(argv[i], "--out")) dir = argv[i + 1];
        else if (!strcmp(argv[i], "--inject")) ninj = atoi(argv[i + 1]);
        else die("usage: top_vecgen --config FILE --seed N --out DIR [--inject N]");
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
    inj_spec none = {0, 0};
    for (int i = 0; i < ncases; i++) one_case(&v, &cfg, &p, cases[i].m, cases[i].k, cases[i].n, &none);
    if (ninj && cfg.ecc != SLT_ECC_SECDED) die("--inject needs a configuration with ecc = secded");
    int fails = 0, ternary = !slt_format_is_binary(cfg.weight_format);
    for (int i = 0; i < ninj; i++) {
        int m = (int)slt_prng_range(&p, 1, imin(cfg.max_m, 4 * l + 1));
        int k = (int)slt_prng_range(&p, 1, imin(cfg.max_k, 3 * ug + 1));
        int n = (int)slt_prng_range(&p, 1, imin(cfg.max_n, 3));
        inj_spec j = {(int)slt_prng_range(&p, 0, ternary ? 3 : 2), i % 3 == 2 ? 2 : 1};
        if (j.bits == 2 && j.mem == 2 && k <= ug) j.mem = 1; /* obuf read only while sending: not here */
        fails += j.bits == 2;
        one_case(&v, &cfg, &p, m, k, n, &j);
    }
    ncases += ninj;
    rd(&v, SLT_REG_ERR_COUNT, (uint32_t)fails, 0xFFFFFFFFu);
    if (fclose(v.axil) | fclose(v.in) | fclose(v.out)) die("error writing the vector files");
    snprintf(path, sizeof path, "%s/meta.txt", dir);
    FILE *f = fopen(path, "w");
    if (!f) die("cannot write meta.txt");
    fprintf(f, "hash 0x%016" PRIx64 "\nbus_bits %d\naxil %ld\nin_beats %ld\nout_beats %ld\ncases %d\nseed %" PRIu64 "\n",
            slt_config_hash(&cfg), cfg.bus_bits, v.n_axil, v.n_in, v.n_out, ncases, seed);
    if (fclose(f)) die("error writing meta.txt");
    return 0;
}
