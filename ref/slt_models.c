/* slt_models.c - the model shapes and synthetic weights of the per-token
 * estimates (slt_models.h). */
#include "slt_models.h"

#include <stdio.h>
#include <stdlib.h>

#include "slt_prng.h"

const slt_model slt_models[SLT_N_MODELS] = {
    {"bitnet_b1_58-large", 1536, 4096, 24, 1536, 0.679},
    {"bitnet_b1_58-xl", 2048, 5460, 24, 2048, 1.208},
    {"bitnet_b1_58-3B", 3200, 8640, 26, 3200, 3.222},
    {"BitNet-b1.58-2B-4T", 2560, 6912, 30, 640, 2.084},
};

void slt_model_shapes(const slt_model *ms, slt_model_shape sh[SLT_MODEL_SHAPES])
{
    sh[0] = (slt_model_shape){"q, o", ms->hidden, ms->hidden, 2};
    sh[1] = (slt_model_shape){"k, v", ms->kv, ms->hidden, 2};
    sh[2] = (slt_model_shape){"gate, up", ms->inter, ms->hidden, 2};
    sh[3] = (slt_model_shape){"down", ms->hidden, ms->inter, 1};
}

uint64_t slt_model_weight_seed(uint64_t seed, int mi, int s)
{
    return seed + 1000u * (uint64_t)mi + (uint64_t)s;
}

int slt_model_predict(const slt_config *cfg, int m, int k, int n, uint64_t seed, slt_events *ev, char *err,
                      size_t errlen)
{
    size_t cnt = (size_t)m * (size_t)k;
    int8_t *w = malloc(cnt ? cnt : 1);
    if (!w) {
        snprintf(err, errlen, "out of memory for %dx%d weights", m, k);
        return 2;
    }
    slt_prng p;
    slt_prng_seed(&p, seed);
    int binary = slt_format_is_binary(cfg->weight_format);
    for (size_t i = 0; i < cnt; i++)
        w[i] = binary ? (int8_t)(slt_prng_range(&p, 0, 1) ? 1 : -1) : (int8_t)slt_prng_range(&p, -1, 1);
    char e[SLT_ERRLEN];
    int st = slt_predict(cfg, w, m, k, n, ev, e, sizeof e);
    free(w);
    if (st) {
        if (n == 1) snprintf(err, errlen, "predict %dx%d: %s", m, k, e);
        else snprintf(err, errlen, "predict %dx%d n=%d: %s", m, k, n, e);
        return 2;
    }
    return 0;
}

void slt_events_add(slt_events *a, const slt_events *b, uint64_t times)
{
#define ADD(f) a->f += b->f * times
    ADD(cycles); ADD(compute_cycles); ADD(link_cycles); ADD(table_builds); ADD(build_adds);
    ADD(lookups); ADD(skipped_groups); ADD(buffer_groups); ADD(buffer_adds); ADD(accumulates);
    ADD(wbuf_reads); ADD(wbuf_writes); ADD(abuf_reads); ADD(abuf_writes); ADD(obuf_reads);
    ADD(obuf_writes); ADD(weight_bytes); ADD(link_bytes);
#undef ADD
}
