/* slt_ternary.c - decode the ternary weight encodings of real checkpoints to
 * int8 {-1,0,+1} W[M][K] plus one float32 scale (docs/import.md §3).
 *
 * "Exact" means: every value the source format represents, d * code or
 * scale * code or the float itself, equals gamma * W[m][k] with W in
 * {-1,0,+1} and one gamma for the whole tensor. Anything else is refused with
 * a message naming the file, the tensor and the first offending element. */
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "slt_config.h"
#include "slt_f16.h"
#include "slt_tf_internal.h"
#include "slt_err.h"

typedef struct {
    const slt_tensorfile *tf;
    const slt_tf_tensor *t;
    char *err;
    size_t errlen;
} ctx;

#define FAIL(c, ...) slt_fail((c)->err, (c)->errlen, __VA_ARGS__)

/* ---- GGUF block formats --------------------------------------------------------- */

/* One block scale against the tensor's: the first non-zero |d| fixes gamma (as
 * fp16 bits); every other non-zero |d| must have the same bits. Returns the sign
 * to apply (+1/-1), 0 for a zero block, or -2 after an error. */
static int block_sign(ctx *c, uint16_t d, uint64_t blk, int *have, uint16_t *mag, uint64_t *first)
{
    if ((d & 0x7c00u) == 0x7c00u) {
        FAIL(c, "%s: tensor '%s': block %llu has a non-finite scale d (fp16 0x%04x)", c->tf->path, c->t->name,
             (unsigned long long)blk, (unsigned)d);
        return -2;
    }
    if ((d & 0x7fffu) == 0) return 0;
    if (!*have) {
        *have = 1;
        *mag = d & 0x7fffu;
        *first = blk;
    } else if ((d & 0x7fffu) != *mag) {
        FAIL(c, "%s: tensor '%s': block scales disagree: block %llu has d = %.9g, block %llu has d = %.9g (one "
             "scale per tensor required)", c->tf->path, c->t->name, (unsigned long long)*first,
             (double)slt_f16_to_f32(*mag), (unsigned long long)blk, (double)slt_f16_to_f32(d & 0x7fffu));
        return -2;
    }
    return (d & 0x8000u) ? -1 : 1;
}

/* TQ2_0: qs[64] then fp16 d. Weight j = jj*128 + l*32 + m is
 * ((qs[jj*32 + m] >> 2l) & 3) - 1 (llama.cpp dequantize_row_tq2_0). */
static int dec_tq2(ctx *c, int8_t *w, uint64_t n, uint16_t *mag, int *have)
{
    uint64_t first = 0;
    for (uint64_t b = 0; b < n / 256; b++) {
        const uint8_t *blk = c->t->data + b * 66;
        int s = block_sign(c, (uint16_t)(blk[64] | blk[65] << 8), b, have, mag, &first);
        if (s == -2) return SLT_EXIT_BADINPUT;
        int8_t *o = w + b * 256;
        int bad = 0;
        for (int jj = 0; jj < 2; jj++)
            for (int l = 0; l < 4; l++)
                for (int m = 0; m < 32; m++) {
                    int code = (blk[jj * 32 + m] >> (2 * l)) & 3;
                    bad |= code == 3;
                    o[jj * 128 + l * 32 + m] = (int8_t)(s * (code - 1));
                }
        if (bad && s != 0)
            for (int j = 0; j < 256; j++)
                if (((blk[(j / 128) * 32 + j % 32] >> (2 * ((j % 128) / 32))) & 3) == 3)
                    return FAIL(c, "%s: tensor '%s': block %llu weight %d has code 3 (value 2*d): not ternary",
                                c->tf->path, c->t->name, (unsigned long long)b, j);
    }
    return 0;
}

/* Base-3 digit n (0 = most significant) of a TQ1_0 byte stored as ceil(v*256/243). */
static int trit(uint8_t q, int n)
{
    static const uint8_t pow3[5] = {1, 3, 9, 27, 81};
    uint8_t v = (uint8_t)(q * pow3[n]);
    return (int)(((uint16_t)v * 3) >> 8);
}

/* TQ1_0: qs[48], qh[4], fp16 d (llama.cpp dequantize_row_tq1_0): qs[m] (m < 32)
 * digit n -> weight 32n + m; qs[32+m] (m < 16) -> 160 + 16n + m; qh[m] digit
 * n < 4 -> 240 + 4n + m. Every byte decodes (no invalid code). */
static int dec_tq1(ctx *c, int8_t *w, uint64_t n, uint16_t *mag, int *have)
{
    uint64_t first = 0;
    for (uint64_t b = 0; b < n / 256; b++) {
        const uint8_t *blk = c->t->data + b * 54;
        int s = block_sign(c, (uint16_t)(blk[52] | blk[53] << 8), b, have, mag, &first);
        if (s == -2) return SLT_EXIT_BADINPUT;
        int8_t *o = w + b * 256;
        for (int d = 0; d < 5; d++) {
            for (int m = 0; m < 32; m++) o[32 * d + m] = (int8_t)(s * (trit(blk[m], d) - 1));
            for (int m = 0; m < 16; m++) o[160 + 16 * d + m] = (int8_t)(s * (trit(blk[32 + m], d) - 1));
        }
        for (int d = 0; d < 4; d++)
            for (int m = 0; m < 4; m++) o[240 + 4 * d + m] = (int8_t)(s * (trit(blk[48 + m], d) - 1));
    }
    return 0;
}

/* I2_S, bitnet.cpp x86 (QK_I2_S = 128): per 128 weights 32 bytes, weight
 * 32g + p in bits 7-2g..6-2g of byte p (code w+1); then a float32 scale. */
static int dec_i2s(ctx *c, int8_t *w, uint64_t n, float *gamma)
{
    if (n % 128)
        return FAIL(c, "%s: tensor '%s': I2_S with %llu weights, not a multiple of the 128-weight block of the x86 "
                    "layout", c->tf->path, c->t->name, (unsigned long long)n);
    const uint8_t *p = c->t->data, *tail = p + n / 4;
    uint32_t u = (uint32_t)tail[0] | (uint32_t)tail[1] << 8 | (uint32_t)tail[2] << 16 | (uint32_t)tail[3] << 24;
    float sc;
    memcpy(&sc, &u, sizeof sc);
    if (!isfinite(sc)) return FAIL(c, "%s: tensor '%s': I2_S scale is not finite", c->tf->path, c->t->name);
    int s = sc > 0 ? 1 : sc < 0 ? -1 : 0;
    for (uint64_t blk = 0; blk < n / 128; blk++) {
        const uint8_t *q = p + blk * 32;
        int8_t *o = w + blk * 128;
        int bad = 0;
        for (int g = 0; g < 4; g++)
            for (int m = 0; m < 32; m++) {
                int code = (q[m] >> (6 - 2 * g)) & 3;
                bad |= code == 3;
                o[32 * g + m] = (int8_t)(s * (code - 1));
            }
        if (bad && s)
            for (int j = 0; j < 128; j++)
                if (((q[j % 32] >> (6 - 2 * (j / 32))) & 3) == 3)
                    return FAIL(c, "%s: tensor '%s': I2_S weight %llu has code 3: not ternary", c->tf->path,
                                c->t->name, (unsigned long long)(blk * 128 + (uint64_t)j));
    }
    *gamma = fabsf(sc);
    return 0;
}

/* ---- safetensors --------------------------------------------------------------- */

/* "<name>_scale" (i.e. "...proj.weight" -> "...proj.weight_scale"): one finite
 * F32/F16/BF16 element. Returns 1 found (value in *v), 0 absent, -1 error. */
static int companion_scale(ctx *c, float *v)
{
    char name[4200];
    if ((size_t)snprintf(name, sizeof name, "%s_scale", c->t->name) >= sizeof name) return 0;
    const slt_tf_tensor *s = slt_tf_find(c->tf, name);
    if (!s) return 0;
    if ((s->dtype != SLT_TF_F32 && s->dtype != SLT_TF_F16 && s->dtype != SLT_TF_BF16) || s->nelem != 1) {
        FAIL(c, "%s: tensor '%s': its scale '%s' is %s with %llu elements, expected one F32/F16/BF16 value",
             c->tf->path, c->t->name, name, slt_tf_dtype_name(s->dtype), (unsigned long long)s->nelem);
        return -1;
    }
    *v = slt_tf_float_at(s, 0);
    if (!isfinite(*v)) {
        FAIL(c, "%s: tensor '%s': its scale '%s' is not finite", c->tf->path, c->t->name, name);
        return -1;
    }
    return 1;
}

/* weight_scale as the multiplier: as stored, or 1/ws (float32) for BitLinear. */
static int hf_gamma(ctx *c, float ws, float *gamma, int *sign)
{
    *sign = ws < 0 ? -1 : 1;
    ws = fabsf(ws);
    if (!c->tf->hf_inverse) {
        *gamma = ws;
        return 0;
    }
    if (ws == 0.0f)
        return FAIL(c, "%s: tensor '%s': weight_scale is 0, cannot invert it (BitLinear convention)", c->tf->path,
                    c->t->name);
    *gamma = 1.0f / ws;
    return 0;
}

/* transformers pack_weights: U8 [out/4, in]; W[o][k] = ((p[o % R][k] >> 2(o / R)) & 3) - 1. */
static int dec_hf_u8(ctx *c, int8_t *w, uint64_t m, uint64_t k, float *gamma)
{
    float ws;
    int have = companion_scale(c, &ws), sign;
    if (have < 0) return SLT_EXIT_BADINPUT;
    if (!have)
        return FAIL(c, "%s: tensor '%s': U8 without a '%s_scale' tensor: not a packed BitNet weight", c->tf->path,
                    c->t->name, c->t->name);
    if (hf_gamma(c, ws, gamma, &sign)) return SLT_EXIT_BADINPUT;
    uint64_t r = m / 4;
    const uint8_t *p = c->t->data;
    for (uint64_t o = 0; o < m; o++) {
        const uint8_t *row = p + (o % r) * k;
        unsigned sh = (unsigned)(2 * (o / r));
        int8_t *out = w + o * k;
        int bad = 0;
        for (uint64_t i = 0; i < k; i++) {
            int code = (row[i] >> sh) & 3;
            bad |= code == 3;
            out[i] = (int8_t)(sign * (code - 1));
        }
        for (uint64_t i = 0; bad && i < k; i++) {
            int code = (row[i] >> sh) & 3;
            if (code == 3)
                return FAIL(c, "%s: tensor '%s': packed code 3 at [%llu,%llu] (byte [%llu,%llu] bits %u-%u): not "
                            "ternary", c->tf->path, c->t->name, (unsigned long long)o, (unsigned long long)i,
                            (unsigned long long)(o % r), (unsigned long long)i, sh, sh + 1);
        }
    }
    return 0;
}

/* Ternary-valued floats: every non-zero |v| the same; or {-1,0,1} with a companion scale. */
static int dec_float(ctx *c, int8_t *w, uint64_t m, uint64_t k, float *gamma)
{
    uint64_t n = m * k, first = 0;
    float g = 0.0f;
    int unit = 1;
    for (uint64_t i = 0; i < n; i++) {
        float v = slt_tf_float_at(c->t, (size_t)i), a = fabsf(v);
        if (!isfinite(v))
            return FAIL(c, "%s: tensor '%s': element [%llu,%llu] is not finite", c->tf->path, c->t->name,
                        (unsigned long long)(i / k), (unsigned long long)(i % k));
        if (a == 0.0f) {
            w[i] = 0;
            continue;
        }
        if (g == 0.0f) {
            g = a;
            first = i;
        } else if (a != g) {
            return FAIL(c, "%s: tensor '%s': not ternary: |[%llu,%llu]| = %.9g but |[%llu,%llu]| = %.9g (values must "
                        "be -g, 0 or +g for one g)", c->tf->path, c->t->name, (unsigned long long)(first / k),
                        (unsigned long long)(first % k), (double)g, (unsigned long long)(i / k),
                        (unsigned long long)(i % k), (double)a);
        }
        w[i] = (int8_t)(v > 0 ? 1 : -1);
    }
    unit = g == 0.0f || g == 1.0f;
    float ws;
    int have = unit ? companion_scale(c, &ws) : 0, sign = 1;
    if (have < 0) return SLT_EXIT_BADINPUT;
    if (have) {
        if (hf_gamma(c, ws, gamma, &sign)) return SLT_EXIT_BADINPUT;
        if (sign < 0)
            for (uint64_t i = 0; i < n; i++) w[i] = (int8_t)-w[i];
    } else {
        *gamma = g;
    }
    return 0;
}

/* ---- shapes and dispatch -------------------------------------------------------- */

int slt_tf_is_ternary_candidate(const slt_tensorfile *tf, const slt_tf_tensor *t)
{
    switch (t->dtype) {
    case SLT_TF_TQ1_0: case SLT_TF_TQ2_0: case SLT_TF_I2_S: return 1;
    case SLT_TF_F32: case SLT_TF_F16: case SLT_TF_BF16: return t->ndim == 2;
    case SLT_TF_U8: {
        char name[4200];
        if ((size_t)snprintf(name, sizeof name, "%s_scale", t->name) >= sizeof name) return 0;
        return t->ndim == 2 && slt_tf_find(tf, name) != NULL;
    }
    default: return 0;
    }
}

/* M (out) and K (in) from the file's shape convention. */
static int shape_mk(ctx *c, uint64_t *m, uint64_t *k)
{
    const slt_tf_tensor *t = c->t;
    if (t->ndim != 2)
        return FAIL(c, "%s: tensor '%s': %d dimensions, expected a 2-D linear weight", c->tf->path, t->name, t->ndim);
    int gguf = c->tf->fmt == SLT_TF_GGUF;
    *k = gguf ? t->shape[0] : t->shape[1];
    *m = gguf ? t->shape[1] : t->shape[0];
    if (t->dtype == SLT_TF_U8 && !gguf && slt_tf_mul(*m, 4, m))
        return FAIL(c, "%s: tensor '%s' too large", c->tf->path, t->name);
    if (*m == 0 || *k == 0)
        return FAIL(c, "%s: tensor '%s': empty (%llu x %llu)", c->tf->path, t->name, (unsigned long long)*m,
                    (unsigned long long)*k);
    if (*m > INT_MAX || *k > INT_MAX || *m * *k > SIZE_MAX / 2)
        return FAIL(c, "%s: tensor '%s': %llu x %llu is too large", c->tf->path, t->name, (unsigned long long)*m,
                    (unsigned long long)*k);
    return 0;
}

static int decode(ctx *c, int8_t *w, uint64_t m, uint64_t k, float *gamma)
{
    uint16_t mag = 0;
    int have = 0, rc;
    switch (c->t->dtype) {
    case SLT_TF_TQ2_0:
    case SLT_TF_TQ1_0:
        rc = c->t->dtype == SLT_TF_TQ2_0 ? dec_tq2(c, w, m * k, &mag, &have) : dec_tq1(c, w, m * k, &mag, &have);
        *gamma = have ? slt_f16_to_f32(mag) : 0.0f;
        if (!rc && !have) memset(w, 0, (size_t)(m * k)); /* every d = 0: the values are all 0 */
        return rc;
    case SLT_TF_I2_S: return dec_i2s(c, w, m * k, gamma);
    case SLT_TF_U8:
        if (c->tf->fmt == SLT_TF_SAFETENSORS) return dec_hf_u8(c, w, m, k, gamma);
        break;
    case SLT_TF_F32: case SLT_TF_F16: case SLT_TF_BF16: return dec_float(c, w, m, k, gamma);
    default: break;
    }
    return FAIL(c, "%s: tensor '%s': dtype %s is not a ternary encoding (expected TQ1_0, TQ2_0, I2_S, U8 + "
                "weight_scale, or ternary-valued F32/F16/BF16)", c->tf->path, c->t->name,
                slt_tf_dtype_name(c->t->dtype));
}

int slt_tf_ternary(const slt_tensorfile *tf, const char *name, int8_t **w, int *m, int *k, float *gamma, char *err,
                   size_t errlen)
{
    ctx c = {tf, slt_tf_find(tf, name), err, errlen};
    *w = NULL;
    if (!c.t) return FAIL(&c, "%s: no tensor '%s'", tf->path, name);
    uint64_t mm = 0, kk = 0;
    int rc = shape_mk(&c, &mm, &kk);
    if (rc) return rc;
    slt_tf_dtype d = c.t->dtype;
    int known = d == SLT_TF_TQ1_0 || d == SLT_TF_TQ2_0 || d == SLT_TF_I2_S || d == SLT_TF_F32 || d == SLT_TF_F16 ||
                d == SLT_TF_BF16 || (d == SLT_TF_U8 && tf->fmt == SLT_TF_SAFETENSORS);
    /* refused before allocating: only a decodable tensor's size is bounded by its bytes in the file */
    if (!known) return decode(&c, NULL, 0, 0, NULL); /* the dtype refusal */
    int8_t *buf = malloc((size_t)(mm * kk));
    if (!buf) return FAIL(&c, "%s: tensor '%s': out of memory", tf->path, name);
    float g = 0.0f;
    if ((rc = decode(&c, buf, mm, kk, &g))) {
        free(buf);
        return rc;
    }
    *w = buf;
    *m = (int)mm;
    *k = (int)kk;
    *gamma = g;
    return 0;
}
