/* slt_bitnet.h - BitNet b1.58 decoder (docs/decode.md): the architecture of
 * Hugging Face transformers' BitNetForCausalLM (models/bitnet/modeling_bitnet.py
 * with integrations/bitnet.py), greedy, one token at a time with a KV cache.
 *
 * Every ternary linear is an exact integer GEMV of int8 activations (per-token
 * absmax quantisation in the published op order, slt_quant_act) against the
 * int8 {-1,0,1} weights, done by a caller-chosen backend (the golden model's
 * LUT GEMM, or the RTL through libsltdrv), then rescaled in float32 as
 * transformers does:
 *   autobitlinear (the 2B-4T release): y = ((float)acc / s) * weight_scale
 *   bitlinear:                         y = (float)acc / (weight_scale * s)
 * Everything else (RMSNorm, RoPE, attention, softmax, relu^2, residuals,
 * lm_head) is float32 with transformers' operation order; reductions are
 * summed in double or in fixed-order float32 lanes, so the float results are
 * close to, not bit-equal with, torch's (docs/decode.md "Parity"). */
#ifndef SLT_BITNET_H
#define SLT_BITNET_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "slt_config.h"
#include "slt_gemm.h"

typedef struct {
    int hidden, inter, layers, heads, kv_heads, head_dim, vocab;
    int max_pos;          /* max_position_embeddings / context_length */
    float eps;            /* rms_norm_eps, as float32 */
    double rope_theta;
    int tied;             /* lm_head = embed_tokens */
    int divide_scale;     /* 1: transformers BitLinear (y = acc / (ws * s)); 0: AutoBitLinear */
} slt_bn_config;

enum { SLT_BN_Q, SLT_BN_K, SLT_BN_V, SLT_BN_O, SLT_BN_GATE, SLT_BN_UP, SLT_BN_DOWN, SLT_BN_NLIN };

typedef struct {
    int8_t *w;            /* [m][k] in {-1,0,1} */
    int m, k;
    float ws;             /* weight_scale as stored (float32) */
    slt_stream stream;    /* the golden model's LUT stream under the prepared config */
    int has_stream;
    uint64_t cycles;      /* slt_predict cycles for one token (N = 1), split as libsltdrv splits it */
    slt_events ev;        /* summed events of those commands */
} slt_bn_linear;

typedef struct {
    slt_bn_linear lin[SLT_BN_NLIN];
    float *in_norm, *post_norm, *attn_sub, *ffn_sub;
} slt_bn_layer;

typedef struct {
    slt_bn_config c;
    char source[32];      /* "safetensors", "gguf TQ2_0", ... */
    float *embed;         /* [vocab][hidden] */
    float *lm_head;       /* [vocab][hidden]; == embed when tied */
    float *norm;          /* [hidden] */
    slt_bn_layer *layer;  /* [layers] */
} slt_bn_model;

/* Backend: acc[m] = sum_k xq[k] * lin->w[m][k], exact. Returns 0 or an error. */
typedef int (*slt_bn_gemv_fn)(void *ctx, const slt_bn_linear *lin, const int16_t *xq, int32_t *acc, char *err,
                              size_t errlen);

/* The golden model's GEMV (slt_gemm_lut_stream on lin->stream, or slt_gemm_naive
 * when K > the configuration's max_k; ctx unused). */
int slt_bn_gemv_golden(void *ctx, const slt_bn_linear *lin, const int16_t *xq, int32_t *acc, char *err,
                       size_t errlen);

/* Load a model: a directory with config.json + model.safetensors (Hugging Face
 * layout), or a GGUF file (llama.cpp arch "bitnet", TQ1_0/TQ2_0/I2_S linears). */
int slt_bn_load(const char *path, slt_bn_model *m, char *err, size_t errlen);
/* A random model with these shapes (benchmarks): N(0,1) weights quantised with
 * slt_quant_ternary, N(0,1) embeddings, unit norms. Deterministic in seed. */
int slt_bn_random(const slt_bn_config *c, uint64_t seed, slt_bn_model *m, char *err, size_t errlen);
/* Build the LUT streams and the per-token cycle predictions under cfg
 * (ternary format, act_bits >= 8); a linear wider than max_k/max_m is predicted
 * as the commands libsltdrv splits it into (K slices of max_k, M of max_m). */
int slt_bn_prepare(slt_bn_model *m, const slt_config *cfg, char *err, size_t errlen);
void slt_bn_free(slt_bn_model *m);

/* Cycles of the ternary linears for one token (sum of lin.cycles). */
uint64_t slt_bn_token_cycles(const slt_bn_model *m);
/* Events of the ternary linears for one token (sum of lin.ev), for the energy model. */
void slt_bn_token_events(const slt_bn_model *m, slt_events *e);

typedef struct {
    int pos, cap;         /* next position; positions the cache holds */
    float *kc, *vc;       /* [layers][cap][kv_heads*head_dim] */
    float *cos_t, *sin_t; /* [cap][head_dim] */
    float *x, *h, *q, *k, *v, *att, *a, *g, *u, *y, *scores;
    int16_t *xq;
    int32_t *acc;
    FILE *dump;           /* when set: one line per quantised activation vector (--dump-acts) */
    int dump_layer, dump_site;
} slt_bn_state;

int slt_bn_state_init(const slt_bn_model *m, int cap, slt_bn_state *s, char *err, size_t errlen);
void slt_bn_state_free(slt_bn_state *s);

/* Feed one token at position s->pos (then pos+1); logits[vocab] (may be NULL
 * for prompt tokens whose logits are not needed). */
int slt_bn_step(const slt_bn_model *m, slt_bn_state *s, int token, slt_bn_gemv_fn fn, void *ctx, float *logits,
                char *err, size_t errlen);

/* Index of the largest logit (the first one on ties, as torch.argmax). */
int slt_bn_argmax(const float *logits, int n);

/* Cycles the backend's hardware has been busy so far (the --rtl backend: the top's
 * PERF_CYCLES_BUSY summed over its GEMV commands), printed per position. */
typedef uint64_t (*slt_bn_busy_fn)(void *ctx);

/* `sltref generate` (docs/decode.md): argv[0] = "generate". fn/ctx = the GEMV
 * backend (NULL: golden), busy = NULL or its cycle counter; backend_name is
 * printed. Returns the exit status. */
int slt_generate_main(int argc, char **argv, slt_bn_gemv_fn fn, void *ctx, slt_bn_busy_fn busy,
                      const char *backend_name);

#endif
