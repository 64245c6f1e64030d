/* sltreorderbench - key-bus transitions with and without index reordering
 * (ref/slt_reorder.h, docs/array.md §3a), counted on the golden model's stream in
 * the array's schedule (chunk, token, row block; slt_keybus_count). A benchmark,
 * not a test: it prints numbers; it exits 1 only when reordered and plain results
 * differ on one GEMV, or on a bad input.
 *
 * Workloads (all seeded, synthetic: no real checkpoint is read):
 *   uniform   - i.i.d. ternary, P(0) = 1/3 (BitNet-like density); b1: i.i.d. +-1
 *   lowrank   - W = A B + 0.5 E (A: M x 16, B: 16 x K, E noise; Gaussian entries),
 *               ternarised by BitNet's absmean (slt_quant_ternary; b1: slt_quant_binary)
 *   clustered - 64 prototype rows (uniform ternary); each row copies one prototype
 *               with 10 % of its weights redrawn (rows that resemble each other)
 * usage: sltreorderbench [--config F] [--set k=v]... [M K] (default 8640 3200, N = 1) */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "slt_config.h"
#include "slt_gemm.h"
#include "slt_prng.h"
#include "slt_quant.h"
#include "slt_reorder.h"

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static double unit(slt_prng *p) { return ((double)(slt_prng_next(p) >> 11) + 0.5) * (1.0 / 9007199254740992.0); }
static double gauss(slt_prng *p) { return sqrt(-2.0 * log(unit(p))) * cos(6.283185307179586 * unit(p)); }

static int8_t draw(slt_prng *p, int binary)
{
    if (binary) return slt_prng_range(p, 0, 1) ? 1 : -1;
    return (int8_t)(slt_prng_range(p, 0, 2) - 1);
}

static void gen_uniform(slt_prng *p, int binary, int8_t *w, int m, int k)
{
    for (size_t i = 0; i < (size_t)m * (size_t)k; i++) w[i] = draw(p, binary);
}

static int gen_lowrank(slt_prng *p, int binary, int8_t *w, int m, int k)
{
    enum { R = 16 };
    float *a = malloc((size_t)m * R * sizeof *a), *b = malloc((size_t)R * k * sizeof *b);
    float *f = malloc((size_t)m * k * sizeof *f);
    int rc = !a || !b || !f;
    for (size_t i = 0; !rc && i < (size_t)m * R; i++) a[i] = (float)gauss(p);
    for (size_t i = 0; !rc && i < (size_t)R * k; i++) b[i] = (float)gauss(p);
    for (int r = 0; !rc && r < m; r++)
        for (int c = 0; c < k; c++) {
            double s = 0.5 * sqrt((double)R) * gauss(p);
            for (int j = 0; j < R; j++) s += (double)a[(size_t)r * R + j] * b[(size_t)j * k + c];
            f[(size_t)r * k + c] = (float)s;
        }
    char err[SLT_ERRLEN];
    float scale;
    if (!rc) rc = binary ? slt_quant_binary(f, (size_t)m * k, w, &scale, err, sizeof err)
                         : slt_quant_ternary(f, (size_t)m * k, w, &scale, err, sizeof err);
    free(a);
    free(b);
    free(f);
    return rc;
}

static void gen_clustered(slt_prng *p, int binary, int8_t *w, int m, int k)
{
    enum { P = 64 };
    int8_t *proto = malloc((size_t)P * k);
    if (!proto) exit(1);
    gen_uniform(p, binary, proto, P, k);
    for (int r = 0; r < m; r++) {
        const int8_t *src = proto + (size_t)slt_prng_range(p, 0, P - 1) * k;
        for (int c = 0; c < k; c++) w[(size_t)r * k + c] = slt_prng_range(p, 0, 9) ? src[c] : draw(p, binary);
    }
    free(proto);
}

static int keybus(const slt_config *cfg, const int8_t *w, int m, int k, slt_keybus *kb)
{
    slt_stream s;
    char err[SLT_ERRLEN];
    if (slt_stream_build(cfg, w, m, k, &s, err, sizeof err)) {
        fprintf(stderr, "sltreorderbench: %s\n", err);
        return 1;
    }
    slt_keybus_count(cfg, &s, 1, NULL, kb);
    slt_stream_free(&s);
    return 0;
}

/* One GEMV with and without reordering must agree (bit-exact contract). */
static int check_results(const slt_config *plain, const slt_config *ro, const int8_t *w, int m, int k, slt_prng *p)
{
    int16_t *x = malloc((size_t)k * sizeof *x);
    int32_t *y0 = malloc((size_t)m * 4), *y1 = malloc((size_t)m * 4);
    char err[SLT_ERRLEN];
    int rc = !x || !y0 || !y1;
    long hi = (1L << (plain->act_bits - 1)) - 1;
    for (int i = 0; !rc && i < k; i++) x[i] = (int16_t)slt_prng_range(p, -hi - 1, hi);
    if (!rc && (slt_gemm_lut(plain, w, x, y0, m, k, 1, NULL, err, sizeof err) ||
                slt_gemm_lut(ro, w, x, y1, m, k, 1, NULL, err, sizeof err))) {
        fprintf(stderr, "sltreorderbench: %s\n", err);
        rc = 1;
    }
    if (!rc && memcmp(y0, y1, (size_t)m * 4)) {
        fprintf(stderr, "sltreorderbench: reordered and plain GEMV results differ\n");
        rc = 1;
    }
    free(x);
    free(y0);
    free(y1);
    return rc;
}

static double pct(double a, double b) { return a > 0 ? 100.0 * (b - a) / a : 0.0; }

static int run_workload(const char *name, const slt_config *cfg, int8_t *w, int m, int k, slt_prng *p)
{
    slt_config plain = *cfg, ro = *cfg;
    plain.reorder = SLT_REORDER_NONE;
    ro.reorder = SLT_REORDER_GREEDY;
    size_t zeros = 0;
    for (size_t i = 0; i < (size_t)m * k; i++) zeros += w[i] == 0;
    int *perm = malloc((size_t)m * sizeof *perm);
    int8_t *wp = malloc((size_t)m * k);
    char err[SLT_ERRLEN];
    if (!perm || !wp) return 1;
    double t0 = now_s();
    if (slt_reorder_perm(&ro, w, m, k, perm, err, sizeof err)) {
        fprintf(stderr, "sltreorderbench: %s\n", err);
        return 1;
    }
    double tp = now_s() - t0;
    slt_reorder_rows(w, m, k, perm, wp);
    slt_keybus a, b;
    int rc = keybus(&plain, w, m, k, &a) || keybus(&plain, wp, m, k, &b) || check_results(&plain, &ro, w, m, k, p);
    if (!rc) {
        double fa = (double)a.fields;
        printf("%-9s zeros %4.1f %%  bus bits/key %.3f -> %.3f (%+.1f %%)  operand-reg bits/key %.3f -> %.3f (%+.1f %%)"
               "  packer %.2f s\n",
               name, 100.0 * (double)zeros / ((double)m * k), (double)a.bus_toggles / fa, (double)b.bus_toggles / fa,
               pct((double)a.bus_toggles, (double)b.bus_toggles), (double)a.opnd_toggles / fa,
               (double)b.opnd_toggles / fa, pct((double)a.opnd_toggles, (double)b.opnd_toggles), tp);
    }
    free(perm);
    free(wp);
    return rc;
}

int main(int argc, char **argv)
{
    slt_config cfg;
    char err[SLT_ERRLEN];
    if (slt_config_from_args(&cfg, &argc, argv, err, sizeof err)) {
        fprintf(stderr, "sltreorderbench: %s\n", err);
        return SLT_EXIT_BADINPUT;
    }
    int m = 8640, k = 3200;
    if (argc == 3) {
        m = atoi(argv[1]);
        k = atoi(argv[2]);
    }
    if (argc != 1 && argc != 3) {
        fprintf(stderr, "usage: sltreorderbench [--config F] [--set k=v]... [M K]\n");
        return SLT_EXIT_BADINPUT;
    }
    if (m < 1 || k < 1 || m > 65536 || k > cfg.max_k) {
        fprintf(stderr, "sltreorderbench: M = %d, K = %d: need 1 <= M <= 65536, 1 <= K <= max_k = %d\n", m, k, cfg.max_k);
        return SLT_EXIT_BADINPUT;
    }
    int binary = slt_format_is_binary(cfg.weight_format);
    int8_t *w = malloc((size_t)m * k);
    if (!w) return 1;
    slt_prng p;
    uint64_t seed = slt_seed_from_env(1);
    slt_prng_seed(&p, seed);
    printf("config %s: G=%d U=%d L=%d %s array=%s, GEMV M=%d K=%d, tile %d row blocks, seed %llu\n", cfg.name,
           cfg.group_size, cfg.lut_units, cfg.row_lanes, slt_format_name(cfg.weight_format),
           slt_array_name(cfg.array), m, k, SLT_REORDER_TILE_BLOCKS, (unsigned long long)seed);
    printf("bits/key = bit flips per lane-unit field per row issue, plain -> reorder = greedy\n");
    int rc = 0;
    gen_uniform(&p, binary, w, m, k);
    rc |= run_workload("uniform", &cfg, w, m, k, &p);
    if (!rc && gen_lowrank(&p, binary, w, m, k)) rc = 1;
    if (!rc) rc |= run_workload("lowrank", &cfg, w, m, k, &p);
    gen_clustered(&p, binary, w, m, k);
    if (!rc) rc |= run_workload("clustered", &cfg, w, m, k, &p);
    free(w);
    return rc;
}
