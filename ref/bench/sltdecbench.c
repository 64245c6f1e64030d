/* sltdecbench.c - decoder throughput on one core (make bench-decode; a benchmark,
 * not a test). A random BitNet model with the shapes of microsoft/bitnet-b1.58-2B-4T
 * (hidden 2560, intermediate 6912, 20 heads / 5 KV heads, vocab 128256, tied
 * lm_head), generated in memory with fewer layers (--layers, default 4 of 30), is
 * decoded greedily through the golden model's LUT GEMV (slt_gemm_lut_stream under
 * the slim configuration). Prints seconds per token split into the ternary layers
 * and the float lm_head, and the tokens/s a 30-layer model would get by scaling the
 * per-layer time (stated as a scaled figure). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* CLOCK_THREAD_CPUTIME_ID is POSIX; the Makefile sets _POSIX_C_SOURCE */

#include "slt_bitnet.h"

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t); /* CPU time of this thread: the figure is per core, not disturbed by other load */
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

int main(int argc, char **argv)
{
    slt_bn_config c = {2560, 6912, 4, 20, 5, 128, 128256, 4096, 1e-5f, 500000.0, 1, 0};
    int tokens = 8, full_layers = 30;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--layers")) c.layers = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--tokens")) tokens = atoi(argv[i + 1]);
        else {
            fprintf(stderr, "usage: sltdecbench [--layers N] [--tokens N]\n");
            return 2;
        }
    }
    if (c.layers < 1 || c.layers > 30 || tokens < 2 || tokens > 256) {
        fprintf(stderr, "sltdecbench: --layers 1..30, --tokens 2..256\n");
        return 2;
    }
    char err[SLT_ERRLEN];
    slt_config cfg;
    slt_config_default(&cfg);
    double t0 = now_s();
    slt_bn_model m;
    if (slt_bn_random(&c, 1, &m, err, sizeof err) || slt_bn_prepare(&m, &cfg, err, sizeof err)) {
        fprintf(stderr, "sltdecbench: %s\n", err);
        return 1;
    }
    double t_load = now_s() - t0;
    slt_bn_state s;
    float *logits = malloc((size_t)c.vocab * sizeof *logits);
    if (!logits || slt_bn_state_init(&m, 1, &s, err, sizeof err)) {
        fprintf(stderr, "sltdecbench: out of memory\n");
        return 1;
    }
    /* per token: one step without logits (the layers), then one with (layers + lm_head);
     * the lm_head time is the difference */
    int tok = 1;
    double t_layers = 0, t_head = 0;
    slt_bn_state_free(&s);
    if (slt_bn_state_init(&m, 2 * tokens + 2, &s, err, sizeof err)) return 1;
    for (int i = 0; i < tokens; i++) {
        double a = now_s();
        if (slt_bn_step(&m, &s, tok, NULL, NULL, NULL, err, sizeof err)) return 1;
        double b = now_s();
        if (slt_bn_step(&m, &s, tok, NULL, NULL, logits, err, sizeof err)) return 1;
        double e = now_s();
        t_layers += b - a;
        t_head += (e - b) - (b - a);
        tok = slt_bn_argmax(logits, c.vocab);
    }
    double layer_s = t_layers / tokens / c.layers, head_s = t_head / tokens;
    double full = full_layers * layer_s + head_s;
    uint64_t macs = 0;
    for (int i = 0; i < SLT_BN_NLIN; i++) macs += (uint64_t)m.layer[0].lin[i].m * (uint64_t)m.layer[0].lin[i].k;
    printf("decoder, one core, golden-model LUT GEMV (slim config), random model with 2B-4T shapes "
           "(hidden 2560, inter 6912, heads 20/5, vocab 128256), %d of 30 layers generated in memory (%.1f s to "
           "build and pack)\n",
           c.layers, t_load);
    printf("  per layer per token: %.2f ms (%.2f G ternary MAC/s incl. norms, attention, quantisation)\n",
           1e3 * layer_s, (double)macs / layer_s * 1e-9);
    printf("  lm_head (float32, 128256 x 2560) per token: %.2f ms\n", 1e3 * head_s);
    printf("  measured: %.2f tokens/s with %d layers; scaled to 30 layers (per-layer time x 30 + lm_head): "
           "%.2f tokens/s\n",
           1.0 / (c.layers * layer_s + head_s), c.layers, 1.0 / full);
    free(logits);
    slt_bn_state_free(&s);
    slt_bn_free(&m);
    return 0;
}
