/* slt_quant.h - quantisers (SPEC §3, docs/numerics.md §1). float32 in, integers out.
 * Every function returns 0, or SLT_EXIT_BADINPUT with a message in err
 * (non-finite input, empty tensor, bad bit width). */
#ifndef SLT_QUANT_H
#define SLT_QUANT_H

#include <stddef.h>
#include <stdint.h>

/* Operation order of the scale (docs/numerics.md §1).
 * PUBLISHED (default): as BitNet's published code evaluates it in float32:
 *   a reciprocal, then a multiply (weights: s = 1/gamma, q = rint(W*s);
 *   activations: s = Q * (1/amax), q = rint(x*s)); s rounds twice.
 * EXACT_DIV: one correctly rounded division (q = rint(W/gamma); s = Q/amax). */
typedef enum { SLT_QUANT_PUBLISHED = 0, SLT_QUANT_EXACT_DIV = 1 } slt_quant_mode;

/* BitNet b1.58 absmean: gamma = max(mean|W|, 1e-5); s = 1/gamma (float32);
 * q = clamp(rint(W*s), -1, 1). gamma is returned (the dequantisation multiplier). */
int slt_quant_ternary(const float *w, size_t n, int8_t *q, float *gamma, char *err, size_t errlen);
/* The same with an explicit mode (EXACT_DIV: q = clamp(rint(W/gamma), -1, 1)). */
int slt_quant_ternary_mode(const float *w, size_t n, slt_quant_mode mode, int8_t *q, float *gamma, char *err,
                           size_t errlen);

/* BitNet b1: alpha = mean(W); q = W - alpha > 0 ? +1 : -1; beta = mean|W| (returned as scale). */
int slt_quant_binary(const float *w, size_t n, int8_t *q, float *beta, char *err, size_t errlen);

/* Per-row absmax: Q = 2^(bits-1)-1; s = Q * (1 / max(max|x|, 1e-5)) (float32, as torch
 * evaluates Q / amax); q = clamp(rint(x*s), -Q-1, Q).
 * x is [rows, k] row-major; q gets rows*k values; scale gets rows values. bits is 4, 8 or 16. */
int slt_quant_act(const float *x, size_t rows, size_t k, int bits, int16_t *q, float *scale,
                  char *err, size_t errlen);
/* The same with an explicit mode (EXACT_DIV: s = Q / max(max|x|, 1e-5)). */
int slt_quant_act_mode(const float *x, size_t rows, size_t k, int bits, slt_quant_mode mode, int16_t *q,
                       float *scale, char *err, size_t errlen);

/* Added: dequantise one accumulator, float32, left to right:
 * y = ((float)acc * w_scale) / a_scale, with w_scale = gamma (ternary) or beta
 * (binary) and a_scale = the row's s from slt_quant_act. */
float slt_dequant(int32_t acc, float w_scale, float a_scale);

#endif
