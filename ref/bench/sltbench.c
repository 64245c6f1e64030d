/* sltbench - golden-model GEMV throughput on one core (SPEC §9: the LUT model
 * must reach >= 1 G ternary MAC/s). Default shape: BitNet-3B up-projection,
 * K = 3200 in, M = 8640 out, N = 1 token. Prints best-of-reps times for:
 *   lut   - slt_gemm_lut_stream on a prebuilt stream (the fast path),
 *   array - slt_gemm_lut (the array-schedule model, stream build included),
 *   naive - slt_gemm_naive,
 * plus the stream build (packing: once per weight matrix), and checks that all
 * three agree bit for bit (exit 1 if not).
 * usage: sltbench [--config F] [--set k=v]... [M K [REPS]] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "slt_config.h"
#include "slt_gemm.h"
#include "slt_prng.h"

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

typedef struct {
    const slt_config *cfg;
    const int8_t *w;
    const int16_t *x;
    int32_t *y;
    int m, k;
    slt_stream *st;
    char err[SLT_ERRLEN];
} bench_ctx;

typedef int (*bench_fn)(bench_ctx *c);

static int run_lut(bench_ctx *c) { return slt_gemm_lut_stream(c->st, c->x, c->y, 1, c->err, sizeof c->err); }
static int run_array(bench_ctx *c)
{
    return slt_gemm_lut(c->cfg, c->w, c->x, c->y, c->m, c->k, 1, NULL, c->err, sizeof c->err);
}
static int run_naive(bench_ctx *c) { return slt_gemm_naive(c->w, c->x, c->y, c->m, c->k, 1, c->err, sizeof c->err); }
static int run_build(bench_ctx *c)
{
    slt_stream_free(c->st);
    return slt_stream_build(c->cfg, c->w, c->m, c->k, c->st, c->err, sizeof c->err);
}

/* Best (smallest) wall time of reps calls; -1 on error. */
static double best_of(bench_fn fn, bench_ctx *c, int reps)
{
    double best = 1e300;
    for (int r = 0; r < reps; r++) {
        double t0 = now_s();
        if (fn(c)) {
            fprintf(stderr, "sltbench: %s\n", c->err);
            return -1.0;
        }
        double t = now_s() - t0;
        if (t < best) best = t;
    }
    return best;
}

static void report(const char *what, double t, double macs)
{
    printf("  %-52s %9.3f ms  %7.3f G ternary MAC/s\n", what, 1e3 * t, macs / t / 1e9);
}

static int parse_shape(int argc, char **argv, int *m, int *k, int *reps)
{
    if (argc > 1) *m = atoi(argv[1]);
    if (argc > 2) *k = atoi(argv[2]);
    if (argc > 3) *reps = atoi(argv[3]);
    if (argc > 4 || *m < 1 || *k < 1 || *reps < 1) {
        fprintf(stderr, "usage: sltbench [--config F] [--set k=v]... [M K [REPS]]\n");
        return 2;
    }
    return 0;
}

int main(int argc, char **argv)
{
    slt_config cfg;
    char err[SLT_ERRLEN];
    int m = 8640, k = 3200, reps = 7;
    if (slt_config_from_args(&cfg, &argc, argv, err, sizeof err)) {
        fprintf(stderr, "sltbench: %s\n", err);
        return SLT_EXIT_BADINPUT;
    }
    if (parse_shape(argc, argv, &m, &k, &reps)) return SLT_EXIT_BADINPUT;
    int8_t *w = malloc((size_t)m * k);
    int16_t *x = malloc((size_t)k * sizeof *x);
    int32_t *y[3] = {malloc((size_t)m * 4), malloc((size_t)m * 4), malloc((size_t)m * 4)};
    if (!w || !x || !y[0] || !y[1] || !y[2]) return 1;
    /* Uniform ternary weights (BitNet-like: about a third zeros) and full-range
     * activations; seeded so runs are comparable. */
    slt_prng p;
    slt_prng_seed(&p, slt_seed_from_env(1));
    int binary = slt_format_is_binary(cfg.weight_format), lo = -(1 << (cfg.act_bits - 1));
    for (size_t i = 0; i < (size_t)m * k; i++)
        w[i] = (int8_t)(binary ? (slt_prng_range(&p, 0, 1) ? 1 : -1) : slt_prng_range(&p, -1, 1));
    for (int i = 0; i < k; i++) x[i] = (int16_t)slt_prng_range(&p, lo, -lo - 1);
    slt_stream st;
    memset(&st, 0, sizeof st);
    bench_ctx c = {.cfg = &cfg, .w = w, .x = x, .m = m, .k = k, .st = &st};
    double macs = (double)m * (double)k;
    printf("sltbench: GEMV M=%d K=%d N=1 (%.1f M ternary MAC), config '%s' (G=%d U=%d L=%d %s act_bits=%d)\n", m, k,
           macs / 1e6, cfg.name, cfg.group_size, cfg.lut_units, cfg.row_lanes, slt_format_name(cfg.weight_format),
           cfg.act_bits);
    printf("  one core, single thread, -O3 -march=x86-64-v2; best of %d reps (array model: best of %d)\n", reps,
           reps < 3 ? reps : 3);
    double tb = best_of(run_build, &c, reps < 3 ? reps : 3);
    c.y = y[0];
    double tl = tb < 0 ? -1 : best_of(run_lut, &c, reps);
    c.y = y[1];
    double ta = tl < 0 ? -1 : best_of(run_array, &c, reps < 3 ? reps : 3);
    c.y = y[2];
    double tn = ta < 0 ? -1 : best_of(run_naive, &c, reps);
    if (tn < 0) return 1;
    report("lut   (slt_gemm_lut_stream, prebuilt stream)", tl, macs);
    report("array (slt_gemm_lut: array schedule + stream build)", ta, macs);
    report("naive (slt_gemm_naive)", tn, macs);
    printf("  %-52s %9.3f ms  (once per weight matrix, not in the lut figure)\n", "stream build (slt_stream_build)", 1e3 * tb);
    printf("  lut / naive speed-up: %.2fx; goal >= 1 G ternary MAC/s for lut: %s\n", tn / tl,
           macs / tl >= 1e9 ? "met" : "NOT met");
    if (memcmp(y[0], y[2], (size_t)m * 4) || memcmp(y[1], y[2], (size_t)m * 4)) {
        fprintf(stderr, "sltbench: LUT and naive results differ\n");
        return 1;
    }
    printf("  matched %d outputs (lut == array == naive)\n", m);
    slt_stream_free(&st);
    free(w), free(x), free(y[0]), free(y[1]), free(y[2]);
    return 0;
}
