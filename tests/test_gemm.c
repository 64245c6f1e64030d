/* test_gemm - the integer core (docs/numerics.md §4-§6): table build against
 * direct sums, stream layout and mode rule, LUT (array schedule and fast path)
 * against naive on random shapes, hand-computed event counts, every error. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "slt_arrayif.h"
#include "slt_bufgeom.h"
#include "slt_gemm.h"
#include "slt_pack.h"
#include "slt_prng.h"

static char g_err[SLT_ERRLEN];

static void expect_err(int rc, const char *must)
{
    if (rc != SLT_EXIT_BADINPUT || !strstr(g_err, must)) fail_msg("rc=%d err='%s' (want '%s')", rc, g_err, must);
}

/* A finished config with the array parameters under test. */
static slt_config make_cfg(int g, int u, int l, slt_format f, int act_bits, slt_buffer_policy bm)
{
    slt_config c;
    slt_config_default(&c);
    c.group_size = g;
    c.lut_units = u;
    c.row_lanes = l;
    c.weight_format = f;
    c.act_bits = act_bits;
    c.buffer_mode = bm;
    c.max_k = 4096;
    c.pipe_stages = 0;
    c.bus_bits = 32;
    c.wbuf_kib = c.abuf_kib = c.obuf_kib = 65536; /* wide arrays: every shape must fit */
    if (slt_config_finish(&c, g_err, sizeof g_err)) fail_msg("config: %s", g_err);
    return c;
}

/* ---- tables ----------------------------------------------------------------- */

static int pow3(int g)
{
    int p = 1;
    while (g-- > 0) p *= 3;
    return p;
}

static int32_t dot(const int8_t *w, const int16_t *a, int g)
{
    int32_t s = 0;
    for (int i = 0; i < g; i++) s += w[i] * a[i];
    return s;
}

static void random_acts(slt_prng *p, int16_t *a, int g, int rep)
{
    for (int i = 0; i < g; i++)
        a[i] = (int16_t)(rep == 0   ? -32768
                         : rep == 1 ? 32767
                         : rep == 2 ? (i % 2 ? -128 : 127)
                                    : slt_prng_range(p, -32768, 32767));
}

static void gemm_table_entries_equal_direct_sums(void **state)
{
    (void)state;
    uint64_t seed = slt_seed_from_env(1);
    slt_prng p;
    slt_prng_seed(&p, seed);
    for (int g = 2; g <= 5; g++)
        for (int rep = 0; rep < 50; rep++) {
            int16_t a[5];
            int32_t tt[121], tb[16];
            int8_t w[5];
            random_acts(&p, a, g, rep);
            slt_table_build(a, g, 0, tt);
            slt_table_build(a, g, 1, tb);
            for (int j = 1; j <= slt_table_entries(g, 0); j++) {
                assert_int_equal(slt_key_decode((uint32_t)j, g, 0, w), 0);
                if (tt[j - 1] != dot(w, a, g))
                    fail_msg("seed %llu G=%d rep %d: ternary entry %d = %d, want %d", (unsigned long long)seed, g,
                             rep, j, tt[j - 1], dot(w, a, g));
            }
            for (int u = 0; u < slt_table_entries(g, 1); u++) {
                assert_int_equal(slt_key_decode((uint32_t)u, g, 1, w), 0);
                if (tb[u] != dot(w, a, g))
                    fail_msg("seed %llu G=%d rep %d: binary entry %d = %d, want %d", (unsigned long long)seed, g, rep,
                             u, tb[u], dot(w, a, g));
            }
        }
}

static void gemm_table_lookup_every_key(void **state)
{
    (void)state;
    const int16_t a[5] = {-128, 127, 5, -7, 100};
    for (int g = 2; g <= 5; g++) {
        int32_t tt[121], tb[16];
        slt_table_build(a, g, 0, tt);
        slt_table_build(a, g, 1, tb);
        for (int idx = 0; idx < pow3(g); idx++) {
            int8_t w[5];
            for (int i = 0, v = idx; i < g; i++, v /= 3) w[i] = (int8_t)(v % 3 - 1);
            assert_int_equal(slt_table_lookup(tt, slt_key_encode(w, g, 0), g, 0), dot(w, a, g));
        }
        for (int idx = 0; idx < 1 << g; idx++) {
            int8_t w[5];
            for (int i = 0; i < g; i++) w[i] = (int8_t)((idx >> i & 1) ? 1 : -1);
            assert_int_equal(slt_table_lookup(tb, slt_key_encode(w, g, 1), g, 1), dot(w, a, g));
        }
    }
}

static void gemm_table_g3_worked_example(void **state)
{
    (void)state;
    /* docs/numerics.md §4: a = (1, 10, 100). */
    const int16_t a[3] = {1, 10, 100};
    int32_t t[13];
    slt_table_build(a, 3, 0, t);
    /* j = 1..13 in balanced ternary (a0 + 3 a1 + 9 a2 digits): 1, 3-1, 3, 3+1, 9-3-1, ... */
    const int32_t want[13] = {1, 9, 10, 11, 89, 90, 91, 99, 100, 101, 109, 110, 111};
    assert_memory_equal(t, want, sizeof want);
    const int16_t b[3] = {1, 10, 100};
    int32_t tb[4];
    slt_table_build(b, 3, 1, tb);
    assert_int_equal(tb[0], 89);  /* -1 -10 +100 */
    assert_int_equal(tb[1], 91);  /* +1 -10 +100 */
    assert_int_equal(tb[2], 109); /* -1 +10 +100 */
    assert_int_equal(tb[3], 111);
}

/* ---- random LUT == naive ---------------------------------------------------- */

typedef struct {
    int g, u, l, m, k, n, act_bits;
    slt_format fmt;
    slt_buffer_policy bm;
    int wkind, xkind;
} shape;

static void draw_shape(slt_prng *p, shape *s)
{
    static const slt_format fmts[3] = {SLT_FMT_T2, SLT_FMT_T5, SLT_FMT_B1};
    static const int bits[3] = {4, 8, 16};
    s->g = (int)slt_prng_range(p, 2, 5);
    s->u = slt_prng_range(p, 0, 5) ? (int)slt_prng_range(p, 1, 9) : (int)slt_prng_range(p, 10, 20);
    s->l = (int)slt_prng_range(p, 1, 9);
    s->m = slt_prng_range(p, 0, 7) == 0 ? 1 : (int)slt_prng_range(p, 1, 40);
    s->k = (int)slt_prng_range(p, 1, 80);
    s->n = (int)slt_prng_range(p, 1, 4);
    s->fmt = fmts[slt_prng_range(p, 0, 2)];
    s->act_bits = bits[slt_prng_range(p, 0, 2)];
    s->bm = slt_prng_range(p, 0, 3) ? SLT_BUFMODE_AUTO : SLT_BUFMODE_OFF;
    s->wkind = (int)slt_prng_range(p, 0, 4);
    s->xkind = (int)slt_prng_range(p, 0, 3);
}

/* Weights: 0 uniform, 1 all +-1, 2 all 0, 3/4 sparse with runs of zeros (so
 * whole groups become single-weight and buffer mode triggers). */
static void fill_weights(slt_prng *p, const shape *s, int8_t *w)
{
    int binary = s->fmt == SLT_FMT_B1;
    for (int i = 0; i < s->m * s->k; i++) {
        int v;
        if (binary || s->wkind == 1) v = slt_prng_range(p, 0, 1) ? 1 : -1;
        else if (s->wkind == 0) v = (int)slt_prng_range(p, -1, 1);
        else if (s->wkind == 2) v = 0;
        else v = slt_prng_range(p, 0, s->wkind == 3 ? 5 : 40) ? 0 : (slt_prng_range(p, 0, 1) ? 1 : -1);
        w[i] = (int8_t)v;
    }
}

/* Activations: 0 uniform in range, 1 only the extremes, 2 all the minimum, 3 zeros. */
static void fill_acts(slt_prng *p, const shape *s, int16_t *x)
{
    int lo = -(1 << (s->act_bits - 1)), hi = -lo - 1;
    for (int i = 0; i < s->n * s->k; i++) {
        int v = s->xkind == 0 ? (int)slt_prng_range(p, lo, hi)
                : s->xkind == 1 ? (slt_prng_range(p, 0, 1) ? lo : hi)
                : s->xkind == 2 ? lo
                                : 0;
        x[i] = (int16_t)v;
    }
}

/* Re-derive every mode from the keys with the decoder (a different path). */
static int check_modes(const slt_stream *st, slt_buffer_policy bm)
{
    for (int gi = 0; gi < st->n_chunks * st->u; gi++) {
        int all_single = 1;
        for (int r = 0; gi < st->n_groups && r < st->m; r++) {
            uint32_t key = st->keys[((size_t)(gi / st->u) * st->row_blocks * st->l + r) * st->u + gi % st->u];
            int8_t w[5];
            assert_int_equal(slt_key_decode(key, st->g, st->binary, w), 0);
            int nz = 0;
            for (int i = 0; i < st->g; i++) nz += w[i] != 0;
            all_single &= nz <= 1;
        }
        int want = gi < st->n_groups && bm == SLT_BUFMODE_AUTO && !st->binary && all_single;
        if (st->modes[gi] != want) return gi + 1;
    }
    return 0;
}

static void describe(char *buf, size_t len, uint64_t seed, int rep, const shape *s)
{
    snprintf(buf, len, "seed %llu case %d: G=%d U=%d L=%d M=%d K=%d N=%d %s act_bits=%d buffer=%s w%d x%d",
             (unsigned long long)seed, rep, s->g, s->u, s->l, s->m, s->k, s->n, slt_format_name(s->fmt), s->act_bits,
             s->bm == SLT_BUFMODE_AUTO ? "auto" : "off", s->wkind, s->xkind);
}

static void check_invariants(const char *what, const shape *s, const slt_events *ev)
{
    uint64_t ng = (uint64_t)(s->k + s->g - 1) / (uint64_t)s->g;
    uint64_t keys = (uint64_t)s->m * ng * (uint64_t)s->n;
    if (ev->lookups + ev->skipped_groups + ev->buffer_adds != keys)
        fail_msg("%s: lookups %llu + skipped %llu + buffer_adds %llu != %llu real keys", what,
                 (unsigned long long)ev->lookups, (unsigned long long)ev->skipped_groups,
                 (unsigned long long)ev->buffer_adds, (unsigned long long)keys);
    if ((ev->table_builds + ev->buffer_groups) != ng * (uint64_t)s->n || ev->accumulates != ev->lookups + ev->buffer_adds)
        fail_msg("%s: table_builds %llu + buffer_groups %llu != %llu groups", what,
                 (unsigned long long)ev->table_builds, (unsigned long long)ev->buffer_groups,
                 (unsigned long long)(ng * (uint64_t)s->n));
}

/* All-zero (row, group) pairs counted straight from W: the skipped keys per token. */
static uint64_t zero_groups(const shape *s, const int8_t *w)
{
    uint64_t z = 0;
    for (int r = 0; r < s->m; r++)
        for (int k0 = 0; k0 < s->k; k0 += s->g) {
            int nz = 0;
            for (int k = k0; k < k0 + s->g && k < s->k; k++) nz += w[(size_t)r * s->k + k] != 0;
            z += nz == 0;
        }
    return z;
}

/* The same case with psum_chunks = c (tiles of c chunks): the results, slt_gemm_lut's
 * events equal to slt_predict's, and against the c = 1 events ev1: compute_cycles
 * N * sum over tiles (cj (RB + 1) + max(0, gap - RB*cj)) + the same latency, obuf
 * N*NT*RB writes and N*(NT - 1)*RB + N*RB reads, everything else but the busy run
 * unchanged; the busy run at least fill + the passes - the first's bubbles + latency + 2. */
static void check_psum_chunks(const char *what, const shape *s, const slt_config *base, int c, const int8_t *w,
                              const int16_t *x, const int32_t *y0, const slt_events *ev1)
{
    slt_config cfg = *base;
    cfg.psum_chunks = c;
    if (slt_config_finish(&cfg, g_err, sizeof g_err)) fail_msg("%s C=%d: config: %s", what, c, g_err);
    int32_t *y = malloc((size_t)s->n * s->m * sizeof *y);
    slt_events ev, pr;
    if (slt_gemm_lut(&cfg, w, x, y, s->m, s->k, s->n, &ev, g_err, sizeof g_err)) fail_msg("%s C=%d: lut: %s", what, c, g_err);
    if (slt_predict(&cfg, w, s->m, s->k, s->n, &pr, g_err, sizeof g_err)) fail_msg("%s C=%d: predict: %s", what, c, g_err);
    for (int i = 0; i < s->n * s->m; i++)
        if (y[i] != y0[i]) fail_msg("%s C=%d: y[%d]: naive %d, lut %d", what, c, i, y0[i], y[i]);
    free(y);
    if (memcmp(&ev, &pr, sizeof ev)) fail_msg("%s C=%d: slt_gemm_lut events differ from slt_predict", what, c);
    uint64_t n = (uint64_t)s->n, rb = (uint64_t)(s->m + s->l - 1) / (uint64_t)s->l;
    uint64_t nc = (uint64_t)(s->k + s->u * s->g - 1) / (uint64_t)(s->u * s->g), nt = (nc + (uint64_t)c - 1) / (uint64_t)c;
    uint64_t gap = (uint64_t)slt_top_reissue_gap(&cfg), b1 = gap > rb ? gap - rb : 0;
    uint64_t lat = ev1->compute_cycles - n * nc * (rb + 1 + b1), passes = 0, bfirst = 0;
    for (uint64_t k0 = 0; k0 < nc; k0 += (uint64_t)c) {
        uint64_t cj = nc - k0 < (uint64_t)c ? nc - k0 : (uint64_t)c, b = gap > rb * cj ? gap - rb * cj : 0;
        passes += cj * (rb + 1) + b;
        if (k0 == 0) bfirst = b;
    }
    if (ev.compute_cycles != n * passes + lat || ev.obuf_writes != n * nt * rb ||
        ev.obuf_reads != n * (nt - 1) * rb + n * rb)
        fail_msg("%s C=%d: compute_cycles %llu obuf_writes %llu obuf_reads %llu, want %llu %llu %llu", what, c,
                 (unsigned long long)ev.compute_cycles, (unsigned long long)ev.obuf_writes,
                 (unsigned long long)ev.obuf_reads, (unsigned long long)(n * passes + lat),
                 (unsigned long long)(n * nt * rb), (unsigned long long)(n * (nt - 1) * rb + n * rb));
    slt_events a = ev, b = *ev1;
    a.compute_cycles = b.compute_cycles = a.cycles = b.cycles = 0;
    a.obuf_writes = b.obuf_writes = a.obuf_reads = b.obuf_reads = 0;
    a.busy_cycles = b.busy_cycles = a.busy_run_cycles = b.busy_run_cycles = 0;
    if (memcmp(&a, &b, sizeof a)) fail_msg("%s C=%d: an event other than cycles and obuf changed", what, c);
    /* the first table waits at least for one written row block (fill >= 2) */
    if (ev.busy_run_cycles + bfirst < n * passes + lat + 2 + 2)
        fail_msg("%s C=%d: busy run %llu below the compute-bound floor %llu", what, c,
                 (unsigned long long)ev.busy_run_cycles, (unsigned long long)(n * passes + lat + 4 - bfirst));
}

/* One random case; returns 1 when buffer mode was used. */
static int run_case(slt_prng *p, uint64_t seed, int rep)
{
    shape s;
    char what[256];
    draw_shape(p, &s);
    describe(what, sizeof what, seed, rep, &s);
    slt_config cfg = make_cfg(s.g, s.u, s.l, s.fmt, s.act_bits, s.bm);
    int8_t *w = malloc((size_t)s.m * s.k);
    int16_t *x = malloc((size_t)s.n * s.k * sizeof *x);
    int32_t *y0 = malloc((size_t)s.n * s.m * sizeof *y0), *y1 = malloc((size_t)s.n * s.m * sizeof *y1),
            *y2 = malloc((size_t)s.n * s.m * sizeof *y2);
    fill_weights(p, &s, w);
    fill_acts(p, &s, x);
    slt_events ev, pr;
    slt_stream st;
    if (slt_gemm_naive(w, x, y0, s.m, s.k, s.n, g_err, sizeof g_err)) fail_msg("%s: naive: %s", what, g_err);
    if (slt_gemm_lut(&cfg, w, x, y1, s.m, s.k, s.n, &ev, g_err, sizeof g_err)) fail_msg("%s: lut: %s", what, g_err);
    if (slt_predict(&cfg, w, s.m, s.k, s.n, &pr, g_err, sizeof g_err)) fail_msg("%s: predict: %s", what, g_err);
    if (slt_stream_build(&cfg, w, s.m, s.k, &st, g_err, sizeof g_err)) fail_msg("%s: stream: %s", what, g_err);
    if (slt_gemm_lut_stream(&st, x, y2, s.n, g_err, sizeof g_err)) fail_msg("%s: fast: %s", what, g_err);
    for (int i = 0; i < s.n * s.m; i++)
        if (y1[i] != y0[i] || y2[i] != y0[i])
            fail_msg("%s: y[%d][%d]: naive %d, lut %d, fast %d", what, i / s.m, i % s.m, y0[i], y1[i], y2[i]);
    if (memcmp(&ev, &pr, sizeof ev)) fail_msg("%s: slt_gemm_lut events differ from slt_predict", what);
    int bad = check_modes(&st, s.bm);
    if (bad) fail_msg("%s: mode of group %d breaks the rule", what, bad - 1);
    check_invariants(what, &s, &ev);
    if (ev.skipped_groups != zero_groups(&s, w) * (uint64_t)s.n)
        fail_msg("%s: skipped_groups %llu, want %llu", what, (unsigned long long)ev.skipped_groups,
                 (unsigned long long)(zero_groups(&s, w) * (uint64_t)s.n));
    for (int c = 2; c <= 4; c *= 2) check_psum_chunks(what, &s, &cfg, c, w, x, y0, &ev);
    slt_stream_free(&st);
    free(w), free(x), free(y0), free(y1), free(y2);
    return ev.buffer_groups > 0;
}

static void gemm_lut_equals_naive_random_shapes(void **state)
{
    (void)state;
    uint64_t seed = slt_seed_from_env(1);
    slt_prng p;
    slt_prng_seed(&p, seed);
    int buffered = 0;
    for (int rep = 0; rep < 2000; rep++) buffered += run_case(&p, seed, rep);
    /* The draw must exercise buffer mode, or the comparison proves less than it claims. */
    if (buffered < 50) fail_msg("seed %llu: only %d of 2000 cases used buffer mode", (unsigned long long)seed, buffered);
    print_message("matched 2000 random shapes (%d with buffer mode), seed %llu\n", buffered, (unsigned long long)seed);
}

static void gemm_lut_equals_naive_bitnet_slice(void **state)
{
    (void)state;
    /* A wider slice of a real shape on the default (slim) config: K = 3200. */
    uint64_t seed = slt_seed_from_env(1);
    slt_prng p;
    slt_prng_seed(&p, seed);
    slt_config cfg;
    slt_config_default(&cfg);
    assert_int_equal(slt_config_finish(&cfg, g_err, sizeof g_err), 0);
    enum { M = 67, K = 3200, N = 2 };
    static int8_t w[M * K];
    static int16_t x[N * K];
    static int32_t y0[N * M], y1[N * M], y2[N * M];
    for (int i = 0; i < M * K; i++) w[i] = (int8_t)slt_prng_range(&p, -1, 1);
    for (int i = 0; i < N * K; i++) x[i] = (int16_t)slt_prng_range(&p, -128, 127);
    slt_stream st;
    assert_int_equal(slt_gemm_naive(w, x, y0, M, K, N, g_err, sizeof g_err), 0);
    assert_int_equal(slt_gemm_lut(&cfg, w, x, y1, M, K, N, NULL, g_err, sizeof g_err), 0);
    assert_int_equal(slt_stream_build(&cfg, w, M, K, &st, g_err, sizeof g_err), 0);
    assert_int_equal(slt_gemm_lut_stream(&st, x, y2, N, g_err, sizeof g_err), 0);
    slt_stream_free(&st);
    for (int i = 0; i < N * M; i++)
        if (y1[i] != y0[i] || y2[i] != y0[i])
            fail_msg("seed %llu: y[%d]: naive %d lut %d fast %d", (unsigned long long)seed, i, y0[i], y1[i], y2[i]);
}

/* ---- stream layout ---------------------------------------------------------- */

static void gemm_stream_layout_and_padding(void **state)
{
    (void)state;
    /* G=3, U=2, L=2, M=3, K=7: 3 groups (last one holds k=6 only), 2 chunks,
     * 2 row blocks (row 3 is padding), 1 padding group in chunk 1. */
    slt_config cfg = make_cfg(3, 2, 2, SLT_FMT_T2, 8, SLT_BUFMODE_AUTO);
    const int8_t w[21] = {1, 0, -1, 0, 0, 0, 1, /**/ 0, 1, 1, -1, -1, -1, -1, /**/ 1, 1, 1, 0, 0, 0, 0};
    slt_stream s;
    assert_int_equal(slt_stream_build(&cfg, w, 3, 7, &s, g_err, sizeof g_err), 0);
    assert_int_equal(s.n_groups, 3);
    assert_int_equal(s.n_chunks, 2);
    assert_int_equal(s.row_blocks, 2);
    /* keys[chunk][row][u]; row stride U, chunk stride 4 rows * U. */
    assert_int_equal(s.keys[0 * 8 + 0 * 2 + 0], 24);           /* (1,0,-1) -> s = -8 */
    assert_int_equal(s.keys[0 * 8 + 0 * 2 + 1], 0);            /* (0,0,0) */
    assert_int_equal(s.keys[1 * 8 + 0 * 2 + 0], 1);            /* (1,pad,pad) */
    assert_int_equal(s.keys[1 * 8 + 0 * 2 + 1], 0);            /* padding group */
    assert_int_equal(s.keys[0 * 8 + 1 * 2 + 0], 12);           /* (0,1,1) -> 12 */
    assert_int_equal(s.keys[1 * 8 + 1 * 2 + 0], 16 | 1);       /* (-1) -> s = -1 */
    assert_int_equal(s.keys[0 * 8 + 2 * 2 + 0], 13);           /* (1,1,1) */
    assert_int_equal(s.keys[0 * 8 + 3 * 2 + 0], 0);            /* padding row */
    /* group 2: keys 1, -1, 0: all single, some non-zero -> buffer mode. */
    assert_int_equal(s.modes[0], 0);
    assert_int_equal(s.modes[1], 0);
    assert_int_equal(s.modes[2], 1);
    assert_int_equal(s.modes[3], 0);
    for (int i = 0; i < 16; i++) assert_int_equal(s.keys8[i], s.keys[i]);
    slt_stream_free(&s);
    /* Binary: the padding is +1 weights, so a padding key is encode(all +1). */
    cfg = make_cfg(3, 2, 2, SLT_FMT_B1, 8, SLT_BUFMODE_AUTO);
    const int8_t b[4] = {-1, -1, -1, 1};
    assert_int_equal(slt_stream_build(&cfg, b, 1, 4, &s, g_err, sizeof g_err), 0);
    assert_int_equal(s.keys[0], 7); /* (-1,-1,-1): sign 1, v = -w = (+1,+1,+1) -> 4 | 3 */
    assert_int_equal(s.keys[1], 3); /* (+1, pad +1, pad +1) */
    assert_int_equal(s.keys[2], 3); /* padding row */
    assert_int_equal(s.keys[3], 3);
    assert_int_equal(s.modes[0] | s.modes[1], 0); /* binary is always LUT mode */
    slt_stream_free(&s);
}

/* ---- events ------------------------------------------------------------------ */

static void gemm_events_hand_computed_ternary(void **state)
{
    (void)state;
    /* G=3 U=2 L=2 t2 bus 32 pipe 0, M=3 K=6: group 0 keys (1, -3, 0) -> buffer
     * mode; group 1 keys (0, 0, 4) -> LUT mode (4 = (1,1,0) is two weights). */
    slt_config cfg = make_cfg(3, 2, 2, SLT_FMT_T2, 8, SLT_BUFMODE_AUTO);
    const int8_t w[18] = {1, 0, 0, 0, 0, 0, /**/ 0, -1, 0, 0, 0, 0, /**/ 0, 0, 0, 1, 1, 0};
    slt_events e;
    assert_int_equal(slt_predict(&cfg, w, 3, 6, 1, &e, g_err, sizeof g_err), 0);
    assert_int_equal(e.table_builds, 1);
    assert_int_equal(e.build_adds, 10); /* 13 entries - 3 raw activations */
    assert_int_equal(e.lookups, 1);
    assert_int_equal(e.skipped_groups, 3);
    assert_int_equal(e.buffer_groups, 1);
    assert_int_equal(e.buffer_adds, 2);
    assert_int_equal(e.accumulates, 3);
    assert_int_equal(e.weight_bytes, 5 + 1); /* 18 weights / 4 + one mode byte */
    assert_int_equal(e.link_cycles, 1 + 2);                      /* mode beat + 5 bytes in 2 beats */
    /* default (large) buffers: several SRAM banks, read latency RL = 4, write latency
     * WL = 3 (ref/slt_bufgeom.h), top reissue gap 2 + RL - 1 + WL - 1 = 7: RB = 2 has 5
     * bubbles; latency 3 = input, key and output registers, plus RL - 1 and WL - 1 (the
     * last obuf write lands) */
    assert_int_equal(slt_buf_read_latency(&cfg), 4);
    assert_int_equal(slt_buf_write_latency(&cfg), 3);
    assert_int_equal(slt_top_reissue_gap(&cfg), 7);
    assert_int_equal(e.compute_cycles, 1 * 1 * (2 + 1 + 5) + 3 + 3 + 2);
    assert_int_equal(e.cycles, 16);
    assert_int_equal(e.wbuf_writes, 2);
    assert_int_equal(e.wbuf_reads, 2);
    assert_int_equal(e.abuf_writes, 1);
    assert_int_equal(e.abuf_reads, 1);
    assert_int_equal(e.obuf_writes, 2);
    assert_int_equal(e.obuf_reads, 2); /* the read-out of the results */
    assert_int_equal(e.link_bytes, 4 * 3 + 4 * 2 + 12);
    /* N = 2 doubles every per-token count. */
    assert_int_equal(slt_predict(&cfg, w, 3, 6, 2, &e, g_err, sizeof g_err), 0);
    assert_int_equal(e.lookups, 2);
    assert_int_equal(e.buffer_adds, 4);
    assert_int_equal(e.skipped_groups, 6);
    assert_int_equal(e.compute_cycles, 2 * 8 + 8);
    assert_int_equal(e.abuf_writes, 2);
    assert_int_equal(e.link_bytes, 12 + 16 + 24);
    /* buffer_mode = off: both groups build tables. */
    cfg = make_cfg(3, 2, 2, SLT_FMT_T2, 8, SLT_BUFMODE_OFF);
    assert_int_equal(slt_predict(&cfg, w, 3, 6, 1, &e, g_err, sizeof g_err), 0);
    assert_int_equal(e.table_builds, 2);
    assert_int_equal(e.build_adds, 20);
    assert_int_equal(e.lookups, 3);
    assert_int_equal(e.buffer_groups, 0);
    assert_int_equal(e.buffer_adds, 0);
}

static void gemm_events_hand_computed_binary_multichunk(void **state)
{
    (void)state;
    /* b1 G=2 U=2 L=1 pipe 1 bus 64, M=2 K=3: 2 groups (one chunk), 2 row blocks. */
    slt_config cfg = make_cfg(2, 2, 1, SLT_FMT_B1, 8, SLT_BUFMODE_AUTO);
    cfg.pipe_stages = 1;
    cfg.bus_bits = 64;
    const int8_t w[6] = {1, -1, 1, -1, -1, -1};
    slt_events e;
    assert_int_equal(slt_predict(&cfg, w, 2, 3, 1, &e, g_err, sizeof g_err), 0);
    assert_int_equal(e.table_builds, 2);
    assert_int_equal(e.build_adds, 4); /* (G-1) + (2^(G-1)-1) = 2 per table */
    assert_int_equal(e.lookups, 4);
    assert_int_equal(e.skipped_groups, 0);
    assert_int_equal(e.buffer_groups, 0);
    assert_int_equal(e.weight_bytes, 1); /* 6 bits, no mode bits for b1 */
    assert_int_equal(e.link_cycles, 1);
    assert_int_equal(e.compute_cycles, 1 * (2 + 1 + 5) + 1 + 3 + 3 + 2); /* RB = 2: 5 bubbles; latency 1 + 3, RL - 1 = 3, WL - 1 = 2 */
    assert_int_equal(e.abuf_writes, 1);
    assert_int_equal(e.link_bytes, 8 + 8 + 8);
    /* t2 G=2 U=1 L=4, M=1 K=5: 3 groups = 3 chunks, 1 row block. */
    cfg = make_cfg(2, 1, 4, SLT_FMT_T2, 16, SLT_BUFMODE_AUTO);
    const int8_t t[5] = {1, 1, 0, 0, -1};
    assert_int_equal(slt_predict(&cfg, t, 1, 5, 1, &e, g_err, sizeof g_err), 0);
    /* (1,1) LUT; (0,0) buffer (nothing to build for an all-zero group); (-1,pad) buffer. */
    assert_int_equal(e.table_builds, 1);
    assert_int_equal(e.buffer_groups, 2);
    assert_int_equal(e.skipped_groups, 1);
    assert_int_equal(e.build_adds, 1 * (4 - 2));
    assert_int_equal(e.wbuf_reads, 3);
    assert_int_equal(e.obuf_writes, 3);
    assert_int_equal(e.obuf_reads, 2 + 1);
    assert_int_equal(e.weight_bytes, 2 + 1);
    assert_int_equal(e.abuf_writes, 3);              /* one word per chunk */
    assert_int_equal(e.link_bytes, 4 * 2 + 4 * 3 + 4); /* 80 activation bits: 3 beats of 32 */
}

/* Cycles with bubbles, by hand (docs/numerics.md §6): a pass (one chunk, one token)
 * is one table cycle, RB row cycles and max(0, gap - RB) bubbles; the top's gap is
 * the array's reissue gap latency + 1 - psum_delay = 2 for every pipe depth
 * (psum_delay = latency - 1) plus the buffers' read and write latencies RL - 1 + WL - 1
 * (RL = 4, WL = 3 with these default, multi-bank buffers): 7; the command adds the array latency once, 2 +
 * pipe_stages + 1 (the SLT array's input register, slt_array_in_stages), RL - 1 and
 * WL - 1: + 5 here. */
static void gemm_events_hand_computed_bubbles(void **state)
{
    (void)state;
    slt_config cfg = make_cfg(3, 2, 2, SLT_FMT_T2, 8, SLT_BUFMODE_AUTO);
    int8_t w[2 * 13];
    memset(w, 0, sizeof w);
    w[0] = 1;
    slt_events e;
    /* M=1 (RB=1, 6 bubbles), K=6 (NC=1), N=1: 1 * (1 + 1 + 6) + 3 + 5 = 16 */
    assert_int_equal(slt_predict(&cfg, w, 1, 6, 1, &e, g_err, sizeof g_err), 0);
    assert_int_equal(e.compute_cycles, 16);
    /* N=3: 3 passes of 8 cycles + 8 = 32 */
    assert_int_equal(slt_predict(&cfg, w, 1, 6, 3, &e, g_err, sizeof g_err), 0);
    assert_int_equal(e.compute_cycles, 32);
    /* K=13 (NC=3), N=2: 6 passes of 8 + 8 = 56; link: 1 mode beat + 13 weights in 4
     * bytes = 1 beat of 4 bytes -> 2; cycles = max(56, 2) */
    assert_int_equal(slt_predict(&cfg, w, 1, 13, 2, &e, g_err, sizeof g_err), 0);
    assert_int_equal(e.compute_cycles, 56);
    assert_int_equal(e.link_cycles, 2);
    assert_int_equal(e.cycles, 56);
    /* M=2 rows but L=2: still RB=1, K=13, N=1: 3 passes of 8 + 8 = 32 */
    assert_int_equal(slt_predict(&cfg, w, 2, 13, 1, &e, g_err, sizeof g_err), 0);
    assert_int_equal(e.compute_cycles, 32);
    /* pipe_stages = 3: latency 6, psum delay 5, gap 2 + 5: M=1 K=6 N=1 -> 8 + 6 + 5 = 19 */
    cfg.pipe_stages = 3;
    assert_int_equal(slt_predict(&cfg, w, 1, 6, 1, &e, g_err, sizeof g_err), 0);
    assert_int_equal(e.compute_cycles, 19);
    /* L=1: M=2 gives RB=2, 5 bubbles: K=6, N=1 -> (1 + 2 + 5) + 11 = 19, the same as M=1 */
    cfg = make_cfg(3, 2, 1, SLT_FMT_T2, 8, SLT_BUFMODE_AUTO);
    cfg.pipe_stages = 3;
    assert_int_equal(slt_predict(&cfg, w, 2, 6, 1, &e, g_err, sizeof g_err), 0);
    assert_int_equal(e.compute_cycles, 19);
    /* M=7 (RB=7): no bubble: (1 + 7) + 11 = 19 */
    int8_t w3[7 * 6] = {0};
    assert_int_equal(slt_predict(&cfg, w3, 7, 6, 1, &e, g_err, sizeof g_err), 0);
    assert_int_equal(e.compute_cycles, 19);
    /* M=8 (RB=8): (1 + 8) + 11 = 20 */
    int8_t w6[8 * 6] = {0};
    assert_int_equal(slt_predict(&cfg, w6, 8, 6, 1, &e, g_err, sizeof g_err), 0);
    assert_int_equal(e.compute_cycles, 20);
    /* link-bound: t2 bus 32 (16 weights per beat), M=64 K=6 N=1 on L=1: RB=64,
     * compute 1 + 64 + 11 = 76; link 1 mode beat + 384 weights = 96 bytes = 24 beats */
    int8_t wl[64 * 6] = {0};
    assert_int_equal(slt_predict(&cfg, wl, 64, 6, 1, &e, g_err, sizeof g_err), 0);
    assert_int_equal(e.compute_cycles, 76);
    assert_int_equal(e.link_cycles, 25);
    assert_int_equal(e.cycles, 76);
}

/* psum_chunks (docs/top.md "Partial sums in the lanes"): C = 2, NC = 3 chunks in
 * NT = 2 tiles of cj = 2 and 1, RB = 2, N = 2. Each (tile, token) pass takes cj table
 * cycles, RB*cj row cycles and bubbles(cj) = max(0, gap - RB*cj); gap 7 (default
 * buffers: RL = 4, WL = 3), latency 3 + RL - 1 + WL - 1 = 8:
 *   compute_cycles = 2 * ((2*3 + max(0, 7 - 4)) + (1*3 + max(0, 7 - 2))) + 8 = 2 * (9 + 8) + 8 = 42
 * (C = 1: 2 * 3 * (3 + 5) + 8 = 56); obuf written once per tile: N*NT*RB = 8 (C = 1: 12),
 * read back from the second tile on and once to send: 2*1*2 + 2*2 = 8 (C = 1: 12).
 * C = 4: one tile of 3 chunks, bubbles max(0, 7 - 6) = 1: 2 * (9 + 1) + 8 = 28, obuf
 * writes 4, reads 0 + 4. Every other event is the same as with C = 1. */
static void gemm_events_hand_computed_psum_chunks(void **state)
{
    (void)state;
    slt_config c1 = make_cfg(3, 2, 2, SLT_FMT_T2, 8, SLT_BUFMODE_AUTO), c2 = c1, c4 = c1;
    c2.psum_chunks = 2;
    c4.psum_chunks = 4;
    assert_int_equal(slt_config_finish(&c2, g_err, sizeof g_err), 0);
    assert_int_equal(slt_config_finish(&c4, g_err, sizeof g_err), 0);
    int8_t w[3 * 18];
    for (int i = 0; i < 3 * 18; i++) w[i] = (int8_t)(i % 3 - 1);
    slt_events e1, e2, e4;
    assert_int_equal(slt_predict(&c1, w, 3, 18, 2, &e1, g_err, sizeof g_err), 0);
    assert_int_equal(slt_predict(&c2, w, 3, 18, 2, &e2, g_err, sizeof g_err), 0);
    assert_int_equal(slt_predict(&c4, w, 3, 18, 2, &e4, g_err, sizeof g_err), 0);
    assert_int_equal(slt_top_reissue_gap(&c2), 7);
    assert_int_equal(e1.compute_cycles, 56);
    assert_int_equal(e2.compute_cycles, 2 * ((2 * 3 + 3) + (1 * 3 + 5)) + 8);
    assert_int_equal(e2.compute_cycles, 42);
    assert_int_equal(e4.compute_cycles, 28);
    assert_int_equal(e1.obuf_writes, 12);
    assert_int_equal(e1.obuf_reads, 12);
    assert_int_equal(e2.obuf_writes, 8);
    assert_int_equal(e2.obuf_reads, 8);
    assert_int_equal(e4.obuf_writes, 4);
    assert_int_equal(e4.obuf_reads, 4);
    assert_int_equal(e2.wbuf_writes, 6);
    assert_int_equal(e2.wbuf_reads, 12);
    assert_int_equal(e2.abuf_reads, 6);
    assert_int_equal(e2.abuf_writes, 6);
    assert_int_equal(e2.cycles, 42);
    /* unchanged by C: the array's work, the buffers but obuf, the link */
    slt_events *es[2] = {&e2, &e4};
    for (int i = 0; i < 2; i++) {
        assert_int_equal(es[i]->table_builds, e1.table_builds);
        assert_int_equal(es[i]->lookups, e1.lookups);
        assert_int_equal(es[i]->skipped_groups, e1.skipped_groups);
        assert_int_equal(es[i]->buffer_adds, e1.buffer_adds);
        assert_int_equal(es[i]->wbuf_reads, e1.wbuf_reads);
        assert_int_equal(es[i]->abuf_reads, e1.abuf_reads);
        assert_int_equal(es[i]->link_cycles, e1.link_cycles);
        assert_int_equal(es[i]->link_bytes, e1.link_bytes);
        assert_int_equal(es[i]->busy_desc_cycles, e1.busy_desc_cycles);
        assert_int_equal(es[i]->busy_out_cycles, e1.busy_out_cycles);
    }
}

static void gemm_events_json_has_every_field(void **state)
{
    (void)state;
    slt_events e;
    memset(&e, 0, sizeof e);
    e.lookups = 12345678901ull;
    e.cycles = 7;
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    slt_events_json(&e, 3, 6, 2, f);
    fclose(f);
    static const char *keys[] = {"\"m\": 3", "\"k\": 6", "\"n\": 2", "\"cycles\": 7", "\"compute_cycles\": 0",
                                 "\"link_cycles\"", "\"table_builds\"", "\"build_adds\"", "\"lookups\": 12345678901",
                                 "\"skipped_groups\"", "\"buffer_groups\"", "\"buffer_adds\"", "\"accumulates\"",
                                 "\"wbuf_reads\"", "\"wbuf_writes\"", "\"abuf_reads\"", "\"abuf_writes\"",
                                 "\"obuf_reads\"", "\"obuf_writes\"", "\"weight_bytes\"", "\"link_bytes\""};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (!strstr(buf, keys[i])) fail_msg("json lacks %s: %s", keys[i], buf);
    assert_int_equal(buf[0], '{');
    assert_string_equal(buf + len - 2, "}\n");
    free(buf);
}

/* ---- errors ------------------------------------------------------------------ */

static void gemm_naive_overflow_error(void **state)
{
    (void)state;
    enum { K = 70000 };
    int8_t *w = malloc(K);
    int16_t *x = malloc(K * sizeof *x);
    int32_t y;
    for (int i = 0; i < K; i++) w[i] = 1, x[i] = 32767;
    expect_err(slt_gemm_naive(w, x, &y, 1, K, 1, g_err, sizeof g_err), "overflows int32");
    for (int i = 0; i < K; i++) w[i] = (int8_t)(i % 2 ? 1 : -1);
    assert_int_equal(slt_gemm_naive(w, x, &y, 1, K, 1, g_err, sizeof g_err), 0);
    assert_int_equal(y, 0);
    free(w), free(x);
}

static void gemm_k_over_max_k_error(void **state)
{
    (void)state;
    slt_config cfg = make_cfg(3, 2, 2, SLT_FMT_T5, 8, SLT_BUFMODE_AUTO);
    cfg.max_k = 64;
    int8_t w[65] = {0};
    int16_t x[65] = {0};
    int32_t y[1];
    slt_events e;
    slt_stream s;
    expect_err(slt_gemm_lut(&cfg, w, x, y, 1, 65, 1, NULL, g_err, sizeof g_err), "max_k = 64");
    expect_err(slt_predict(&cfg, w, 1, 65, 1, &e, g_err, sizeof g_err), "K = 65");
    expect_err(slt_stream_build(&cfg, w, 1, 65, &s, g_err, sizeof g_err), "max_k = 64");
    assert_int_equal(slt_gemm_lut(&cfg, w, x, y, 1, 64, 1, NULL, g_err, sizeof g_err), 0);
}

static void gemm_activation_out_of_range_error(void **state)
{
    (void)state;
    slt_config cfg = make_cfg(3, 2, 2, SLT_FMT_T5, 8, SLT_BUFMODE_AUTO);
    const int8_t w[4] = {1, 0, -1, 1};
    int16_t x[8] = {1, 2, 3, 4, 5, 6, 128, 8};
    int32_t y[2];
    expect_err(slt_gemm_lut(&cfg, w, x, y, 1, 4, 2, NULL, g_err, sizeof g_err), "activation 128 at [1,2]");
    assert_non_null(strstr(g_err, "act_bits = 8"));
    assert_non_null(strstr(g_err, "-128..127"));
    assert_non_null(strstr(g_err, "--set act_bits=16"));
    slt_stream s;
    assert_int_equal(slt_stream_build(&cfg, w, 1, 4, &s, g_err, sizeof g_err), 0);
    expect_err(slt_gemm_lut_stream(&s, x, y, 2, g_err, sizeof g_err), "activation 128 at [1,2]");
    slt_stream_free(&s);
    cfg = make_cfg(3, 2, 2, SLT_FMT_T5, 4, SLT_BUFMODE_AUTO);
    x[6] = -9;
    expect_err(slt_gemm_lut(&cfg, w, x, y, 1, 4, 2, NULL, g_err, sizeof g_err), "-8..7");
    x[6] = -8, x[7] = 7;
    assert_int_equal(slt_gemm_lut(&cfg, w, x, y, 1, 4, 2, NULL, g_err, sizeof g_err), 0);
}

static void gemm_bad_weights_and_shapes_error(void **state)
{
    (void)state;
    slt_config cfg = make_cfg(3, 2, 2, SLT_FMT_T2, 8, SLT_BUFMODE_AUTO);
    const int8_t w[6] = {1, 0, -1, 1, 0, 2};
    int16_t x[3] = {0};
    int32_t y[2];
    slt_events e;
    expect_err(slt_gemm_lut(&cfg, w, x, y, 2, 3, 1, NULL, g_err, sizeof g_err), "[1,2] = 2");
    cfg = make_cfg(3, 2, 2, SLT_FMT_B1, 8, SLT_BUFMODE_AUTO);
    expect_err(slt_predict(&cfg, w, 2, 3, 1, &e, g_err, sizeof g_err), "[0,1] = 0");
    expect_err(slt_gemm_lut(&cfg, w, x, y, 0, 3, 1, NULL, g_err, sizeof g_err), "M = 0");
    expect_err(slt_gemm_naive(w, x, y, 1, 3, 0, g_err, sizeof g_err), "N = 0");
    expect_err(slt_predict(&cfg, w, 1, 0, 1, &e, g_err, sizeof g_err), "K = 0");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(gemm_table_entries_equal_direct_sums),
        cmocka_unit_test(gemm_table_lookup_every_key),
        cmocka_unit_test(gemm_table_g3_worked_example),
        cmocka_unit_test(gemm_lut_equals_naive_random_shapes),
        cmocka_unit_test(gemm_lut_equals_naive_bitnet_slice),
        cmocka_unit_test(gemm_stream_layout_and_padding),
        cmocka_unit_test(gemm_events_hand_computed_ternary),
        cmocka_unit_test(gemm_events_hand_computed_binary_multichunk),
        cmocka_unit_test(gemm_events_hand_computed_bubbles),
        cmocka_unit_test(gemm_events_hand_computed_psum_chunks),
        cmocka_unit_test(gemm_events_json_has_every_field),
        cmocka_unit_test(gemm_naive_overflow_error),
        cmocka_unit_test(gemm_k_over_max_k_error),
        cmocka_unit_test(gemm_activation_out_of_range_error),
        cmocka_unit_test(gemm_bad_weights_and_shapes_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
