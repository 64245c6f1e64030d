/* slt_models.h - the BitNet b1.58 model shapes whose decode token sltreport
 * prices (docs/report.md) and `sltdse psum` estimates (docs/dse.md), their four
 * linear layer shapes, and the synthetic weights both run the event model
 * (slt_predict) on: one table and one weight generator for both. */
#ifndef SLT_MODELS_H
#define SLT_MODELS_H

#include <stddef.h>
#include <stdint.h>

#include "slt_config.h"
#include "slt_gemm.h"

/* a decoder-only model: hidden size, MLP size, decoder layers, K/V projection rows */
typedef struct {
    const char *name;
    int hidden, inter, layers, kv;
    double spec_gmacs;  /* ternary MACs per token, as published (docs/background.md §6) */
} slt_model;

#define SLT_N_MODELS 4
#define SLT_MODEL_3B 2  /* bitnet_b1_58-3B, the report's headline model */
extern const slt_model slt_models[SLT_N_MODELS];

/* one linear layer shape of a decoder layer: M x K, count of them per layer */
#define SLT_MODEL_SHAPES 4
typedef struct {
    const char *what;
    int m, k, count;
} slt_model_shape;

/* The four linear shapes of one decoder layer of ms: q+o, k+v, gate+up, down. */
void slt_model_shapes(const slt_model *ms, slt_model_shape sh[SLT_MODEL_SHAPES]);

/* The seed of shape s of model mi's synthetic weights under the run's seed
 * (sltreport --seed, default SLT_MODEL_SEED): seed + 1000 mi + s. */
#define SLT_MODEL_SEED 1
uint64_t slt_model_weight_seed(uint64_t seed, int mi, int s);

/* The events of an m x k GEMV (n = 1: one decode token) or GEMM (n tokens) on
 * synthetic weights from seed: P(-1) = P(0) = P(+1) = 1/3 (ternary formats),
 * P(-1) = P(+1) = 1/2 (binary). cfg's max_k / max_m / max_n must cover k / m / n.
 * 0, or 2 with a message in err. */
int slt_model_predict(const slt_config *cfg, int m, int k, int n, uint64_t seed, slt_events *ev, char *err,
                      size_t errlen);

/* a += b * times, every count of slt_events */
void slt_events_add(slt_events *a, const slt_events *b, uint64_t times);

#endif
