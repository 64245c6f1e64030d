/* slt_quant.c - the quantisers of SPEC §3 (docs/numerics.md §1).
 *
 * Everything the result depends on is float32 arithmetic with one rounding per
 * operation (C11, FLT_EVAL_METHOD 0 on x86-64/aarch64, no FP contraction under
 * -std=c11), so the numbers are the same on every machine. Scales follow the
 * published operation order by default (a float32 reciprocal, then a multiply:
 * two roundings), with one exact division as the SLT_QUANT_EXACT_DIV option.
 * Means are the one
 * exception: they are accumulated in double and rounded to float32 once (see
 * mean_f32), because a float32 running sum drifts with the order of summation
 * while the double sum is, for any practical n, exact enough that the rounded
 * result is the correctly rounded mean. */
#include "slt_quant.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>

#include "slt_config.h"
#include "slt_err.h"

/* Smallest scale denominator (BitNet's eps): keeps all-zero tensors finite. */
#define SLT_QUANT_EPS 1e-5f

/* Reject an empty tensor or any NaN/Inf, naming the first bad index. */
static int check_finite(const char *what, const float *v, size_t n, char *err, size_t errlen)
{
    if (n == 0) return slt_fail(err, errlen, "%s: empty tensor (0 values)", what);
    for (size_t i = 0; i < n; i++)
        if (!isfinite(v[i]))
            return slt_fail(err, errlen, "%s: value %g at flat index %zu is not finite", what, (double)v[i], i);
    return 0;
}

/* mean(v) or mean(|v|): summed in double, divided in double, rounded once to
 * float32. The double sum has relative error <= (n-1)*2^-53 (2^-29 for
 * n <= 2^24), far below float32's half ulp (2^-24), so the result is the
 * correctly rounded mean unless the exact mean lies within that distance of a
 * float32 rounding midpoint. numpy/torch float32 means (pairwise float32
 * sums) may differ from it by their own rounding error, i.e. by an ulp or so. */
static float mean_f32(const float *v, size_t n, int absolute)
{
    double sum = 0.0;
    for (size_t i = 0; i < n; i++) sum += absolute ? fabs((double)v[i]) : (double)v[i];
    return (float)(sum / (double)n);
}

static int8_t clamp_ternary(float r)
{
    return (int8_t)(r > 1.0f ? 1 : r < -1.0f ? -1 : (int)r);
}

int slt_quant_ternary_mode(const float *w, size_t n, slt_quant_mode mode, int8_t *q, float *gamma, char *err,
                           size_t errlen)
{
    int rc = check_finite("quant ternary", w, n, err, errlen);
    if (rc) return rc;
    float g = fmaxf(mean_f32(w, n, 1), SLT_QUANT_EPS);
    if (mode == SLT_QUANT_EXACT_DIV) {
        /* One correctly rounded division per weight. rintf = half to even. */
        for (size_t i = 0; i < n; i++) q[i] = clamp_ternary(rintf(w[i] / g));
    } else {
        /* BitNet's code: s = 1.0 / mean.clamp(min=1e-5); (w * s).round().clamp(-1, 1),
         * all float32: the reciprocal rounds, then the product rounds. */
        float s = 1.0f / g;
        for (size_t i = 0; i < n; i++) q[i] = clamp_ternary(rintf(w[i] * s));
    }
    *gamma = g;
    return 0;
}

int slt_quant_ternary(const float *w, size_t n, int8_t *q, float *gamma, char *err, size_t errlen)
{
    return slt_quant_ternary_mode(w, n, SLT_QUANT_PUBLISHED, q, gamma, err, errlen);
}

int slt_quant_binary(const float *w, size_t n, int8_t *q, float *beta, char *err, size_t errlen)
{
    int rc = check_finite("quant binary", w, n, err, errlen);
    if (rc) return rc;
    float alpha = mean_f32(w, n, 0);
    for (size_t i = 0; i < n; i++) q[i] = (int8_t)((w[i] - alpha > 0.0f) ? 1 : -1);
    /* No eps clamp (as BitNet b1): beta only multiplies at dequantisation and
     * is never a divisor, so beta = 0 for an all-zero tensor is harmless. */
    *beta = mean_f32(w, n, 1);
    return 0;
}

/* One row: s = Q * (1 / max(max|x|, eps)) (published) or Q / max(max|x|, eps)
 * (exact division); q = clamp(rint(x*s), -Q-1, Q). */
static void quant_act_row(const float *x, size_t k, float qmax, slt_quant_mode mode, int16_t *q, float *scale)
{
    float amax = 0.0f;
    for (size_t i = 0; i < k; i++) amax = fmaxf(amax, fabsf(x[i]));
    float den = fmaxf(amax, SLT_QUANT_EPS);
    /* torch evaluates `Qp / t` (scalar / tensor) as t.reciprocal() * Qp. */
    float s = mode == SLT_QUANT_EXACT_DIV ? qmax / den : (1.0f / den) * qmax;
    for (size_t i = 0; i < k; i++) {
        float r = rintf(x[i] * s);
        /* |x*s| <= Q*(1+2^-21) < Q+0.5, so the clamps never fire in practice;
         * they stay so the contract holds whatever the rounding of s. */
        if (r > qmax) r = qmax;
        if (r < -qmax - 1.0f) r = -qmax - 1.0f;
        q[i] = (int16_t)r;
    }
    *scale = s;
}

int slt_quant_act(const float *x, size_t rows, size_t k, int bits, int16_t *q, float *scale,
                  char *err, size_t errlen)
{
    return slt_quant_act_mode(x, rows, k, bits, SLT_QUANT_PUBLISHED, q, scale, err, errlen);
}

int slt_quant_act_mode(const float *x, size_t rows, size_t k, int bits, slt_quant_mode mode, int16_t *q,
                       float *scale, char *err, size_t errlen)
{
    if (bits != 4 && bits != 8 && bits != 16)
        return slt_fail(err, errlen, "quant act: bits = %d is not legal: expected 4, 8 or 16", bits);
    if (rows == 0 || k == 0)
        return slt_fail(err, errlen, "quant act: empty tensor (%zu rows x %zu values)", rows, k);
    int rc = check_finite("quant act", x, rows * k, err, errlen);
    if (rc) return rc;
    float qmax = (float)((1 << (bits - 1)) - 1);
    for (size_t r = 0; r < rows; r++) quant_act_row(x + r * k, k, qmax, mode, q + r * k, scale + r);
    return 0;
}

float slt_dequant(int32_t acc, float w_scale, float a_scale)
{
    /* Left to right in float32: ((float)acc * w_scale) / a_scale. (float)acc
     * is exact for |acc| <= 2^24 and rounds to nearest-even above. */
    return ((float)acc * w_scale) / a_scale;
}
