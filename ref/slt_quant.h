/* slt_quant.h - quantisers (SPEC §3, docs/numerics.md §1). float32 in, integers out.
 * Every function returns 0, or SLT_EXIT_BADINPUT with a message in err
 * (non-finite input, empty tensor, bad bit width). */
#ifndef SLT_QUANT_H
#define SLT_QUANT_H

#include <stddef.h>
#include <stdint.h>

/* BitNet b1.58 absmean: gamma = max(mean|W|, 1e-5); q = clamp(rint(W/gamma), -1, 1). */
int slt_quant_ternary(const float *w, size_t n, int8_t *q, float *gamma, char *err, size_t errlen);

/* BitNet b1: alpha = mean(W); q = W - alpha > 0 ? +1 : -1; beta = mean|W| (returned as scale). */
int slt_quant_binary(const float *w, size_t n, int8_t *q, float *beta, char *err, size_t errlen);

/* Per-row absmax: Q = 2^(bits-1)-1; s = Q / max(max|x|, 1e-5); q = clamp(rint(x*s), -Q-1, Q).
 * x is [rows, k] row-major; q gets rows*k values; scale gets rows values. bits is 4, 8 or 16. */
int slt_quant_act(const float *x, size_t rows, size_t k, int bits, int16_t *q, float *scale,
                  char *err, size_t errlen);

/* Added: dequantise one accumulator, float32, left to right:
 * y = ((float)acc * w_scale) / a_scale, with w_scale = gamma (ternary) or beta
 * (binary) and a_scale = the row's s from slt_quant_act. */
float slt_dequant(int32_t acc, float w_scale, float a_scale);

#endif
