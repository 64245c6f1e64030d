/* sltimportbench - import speed (make bench-import): one BitNet-2B-sized
 * linear weight (default M = 6912 out, K = 2560 in: the FFN up-projection of
 * bitnet-b1.58-2B-4T) generated in memory in each source encoding, then timed:
 *   open   - parse the container (slt_tf_open_mem),
 *   decode - slt_tf_ternary to int8 W and gamma,
 *   import - decode + slt_pack to t5 (what `sltref import` computes per tensor;
 *            file writing excluded).
 * Prints best-of-REPS times and MB/s of source bytes (the encoded tensor) and
 * M weights/s; checks that every encoding decodes to the same W (exit 1 if not).
 * usage: sltimportbench [M K [REPS]] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "slt_config.h"
#include "slt_f16.h"
#include "slt_pack.h"
#include "slt_prng.h"
#include "slt_tensorfile.h"
#include "slt_tfbuild.h"

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

typedef struct {
    const char *label;
    uint8_t *img;
    size_t len, src_bytes;
} source;

static int build(const char *label, const int8_t *w, size_t m, size_t k, source *s)
{
    size_t n = m * k;
    int rc;
    s->label = label;
    if (!strcmp(label, "safetensors U8+scale") || !strcmp(label, "safetensors BF16")) {
        int packed = label[12] == 'U';
        size_t nb = packed ? n / 4 : 2 * n;
        uint8_t *data = malloc(nb);
        uint16_t ws = slt_f32_to_bf16(0.75f);
        if (!data) return 1;
        if (packed) slt_tfb_hf_u8(w, m, k, data);
        else
            for (size_t i = 0; i < n; i++) ((uint16_t *)data)[i] = slt_f32_to_bf16(0.75f * w[i]);
        slt_tfb_st_tensor t[2] = {{"w.weight", packed ? "U8" : "BF16", 2, {packed ? m / 4 : m, k}, data, nb},
                                  {"w.weight_scale", "BF16", 1, {1}, &ws, 2}};
        rc = slt_tfb_safetensors(t, packed ? 2 : 1, NULL, &s->img, &s->len);
        s->src_bytes = nb;
        free(data);
        return rc;
    }
    int type = !strcmp(label, "GGUF TQ2_0") ? 35 : !strcmp(label, "GGUF TQ1_0") ? 34 : 36;
    size_t nb = type == 35 ? n / 256 * 66 : type == 34 ? n / 256 * 54 : n / 4 + 32;
    uint8_t *data = malloc(nb);
    if (!data) return 1;
    if (type == 35) slt_tfb_tq2_0(w, n, 0x3a00, data);
    else if (type == 34) slt_tfb_tq1_0(w, n, 0x3a00, data);
    else slt_tfb_i2_s(w, n, 0.75f, data);
    slt_tfb_gguf_tensor t = {"w.weight", (uint32_t)type, 2, {k, m}, data, nb};
    rc = slt_tfb_gguf(NULL, 0, &t, 1, 32, &s->img, &s->len);
    s->src_bytes = nb;
    free(data);
    return rc;
}

/* One timed pass: 0 ok; *t_open, *t_dec, *t_imp in seconds. */
static int pass(const source *s, const int8_t *want, size_t n, double *t_open, double *t_dec, double *t_imp)
{
    char err[SLT_ERRLEN];
    slt_tensorfile *tf;
    double t0 = now_s();
    if (slt_tf_open_mem(s->img, s->len, s->label, &tf, err, sizeof err)) {
        fprintf(stderr, "sltimportbench: %s\n", err);
        return 1;
    }
    double t1 = now_s();
    int8_t *w;
    int m, k;
    float g;
    if (slt_tf_ternary(tf, "w.weight", &w, &m, &k, &g, err, sizeof err)) {
        fprintf(stderr, "sltimportbench: %s\n", err);
        slt_tf_close(tf);
        return 1;
    }
    double t2 = now_s();
    uint8_t *packed = malloc(slt_packed_bytes(SLT_FMT_T5, n));
    int rc = !packed || slt_pack(SLT_FMT_T5, w, n, packed, err, sizeof err);
    double t3 = now_s();
    if (!rc && memcmp(w, want, n)) {
        fprintf(stderr, "sltimportbench: %s decodes to a different W\n", s->label);
        rc = 1;
    }
    *t_open = t1 - t0;
    *t_dec = t2 - t1;
    *t_imp = t3 - t1;
    free(packed);
    free(w);
    slt_tf_close(tf);
    return rc;
}

int main(int argc, char **argv)
{
    size_t m = argc > 2 ? strtoul(argv[1], NULL, 10) : 6912, k = argc > 2 ? strtoul(argv[2], NULL, 10) : 2560;
    int reps = argc > 3 ? atoi(argv[3]) : 5;
    if (m % 4 || k % 256 || reps < 1) {
        fprintf(stderr, "usage: sltimportbench [M K [REPS]] (M multiple of 4, K of 256)\n");
        return 2;
    }
    size_t n = m * k;
    int8_t *w = malloc(n);
    if (!w) return 1;
    slt_prng p;
    slt_prng_seed(&p, 1);
    for (size_t i = 0; i < n; i++) w[i] = (int8_t)slt_prng_range(&p, -1, 1);
    static const char *labels[] = {"GGUF TQ2_0", "GGUF TQ1_0", "GGUF I2_S", "safetensors U8+scale",
                                   "safetensors BF16"};
    printf("sltimportbench: W [%zu x %zu] = %.1f M weights, uniform ternary, best of %d, one core\n", m, k,
           (double)n / 1e6, reps);
    printf("%-22s %10s %9s %9s %11s %11s %11s\n", "source", "src MB", "open ms", "decode ms", "decode MB/s",
           "import MB/s", "import Mw/s");
    int bad = 0;
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++) {
        source s;
        if (build(labels[i], w, m, k, &s)) return 1;
        double bo = 1e300, bd = 1e300, bi = 1e300;
        for (int r = 0; r < reps && !bad; r++) {
            double to, td, ti;
            bad |= pass(&s, w, n, &to, &td, &ti);
            if (to < bo) bo = to;
            if (td < bd) bd = td;
            if (ti < bi) bi = ti;
        }
        if (!bad)
            printf("%-22s %10.2f %9.3f %9.2f %11.0f %11.0f %11.0f\n", s.label, (double)s.src_bytes / 1e6, bo * 1e3,
                   bd * 1e3, (double)s.src_bytes / 1e6 / bd, (double)s.src_bytes / 1e6 / bi, (double)n / 1e6 / bi);
        free(s.img);
    }
    free(w);
    return bad;
}
