/* slt_bitnet.c - BitNet b1.58 forward pass with a KV cache (slt_bitnet.h). */
#include "slt_bitnet.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "slt_quant.h"
#include "slt_err.h"

int slt_bn_gemv_golden(void *ctx, const slt_bn_linear *lin, const int16_t *xq, int32_t *acc, char *err,
                       size_t errlen)
{
    (void)ctx;
    if (!lin->has_stream) return slt_gemm_naive(lin->w, xq, acc, lin->m, lin->k, 1, err, errlen);
    return slt_gemm_lut_stream(&lin->stream, xq, acc, 1, err, errlen);
}

void slt_bn_free(slt_bn_model *m)
{
    if (!m) return;
    if (m->layer)
        for (int l = 0; l < m->c.layers; l++) {
            slt_bn_layer *L = &m->layer[l];
            for (int i = 0; i < SLT_BN_NLIN; i++) {
                free(L->lin[i].w);
                if (L->lin[i].has_stream) slt_stream_free(&L->lin[i].stream);
            }
            free(L->in_norm);
            free(L->post_norm);
            free(L->attn_sub);
            free(L->ffn_sub);
        }
    free(m->layer);
    if (m->lm_head != m->embed) free(m->lm_head);
    free(m->embed);
    free(m->norm);
    memset(m, 0, sizeof *m);
}

/* ---- preparation: streams and cycle predictions ------------------------------------- */

/* Events of one token through this linear as the host drives the top
 * (libsltdrv): K in slices of max_k, M in commands of max_m rows. */
static int predict_linear(slt_bn_linear *lin, const slt_config *cfg, char *err, size_t errlen)
{
    int mk = cfg->max_k, mm = cfg->max_m;
    int kn0 = lin->k < mk ? lin->k : mk, rn0 = lin->m < mm ? lin->m : mm;
    int8_t *sub = malloc((size_t)kn0 * (size_t)rn0);
    if (!sub) return slt_fail(err, errlen, "generate: out of memory");
    memset(&lin->ev, 0, sizeof lin->ev);
    lin->cycles = 0;
    int rc = 0;
    for (int k0 = 0; !rc && k0 < lin->k; k0 += mk)
        for (int r0 = 0; !rc && r0 < lin->m; r0 += mm) {
            int kn = lin->k - k0 < mk ? lin->k - k0 : mk, rn = lin->m - r0 < mm ? lin->m - r0 : mm;
            for (int r = 0; r < rn; r++) memcpy(sub + (size_t)r * kn, lin->w + (size_t)(r0 + r) * lin->k + k0, (size_t)kn);
            slt_events ev;
            rc = slt_predict(cfg, sub, rn, kn, 1, &ev, err, errlen);
            if (rc) break;
            lin->cycles += ev.cycles;
            uint64_t *d = (uint64_t *)&lin->ev;
            const uint64_t *e = (const uint64_t *)&ev;
            for (size_t i = 0; i < sizeof ev / sizeof(uint64_t); i++) d[i] += e[i];
        }
    free(sub);
    return rc;
}

static int prepare_linear(slt_bn_linear *lin, const slt_config *cfg, char *err, size_t errlen)
{
    if (lin->has_stream) slt_stream_free(&lin->stream);
    lin->has_stream = 0;
    /* the LUT stream (fast path) needs K <= max_k; wider linears use the naive GEMM */
    if (lin->k <= cfg->max_k) {
        int rc = slt_stream_build(cfg, lin->w, lin->m, lin->k, &lin->stream, err, errlen);
        if (rc) return rc;
        lin->has_stream = 1;
    }
    return predict_linear(lin, cfg, err, errlen);
}

int slt_bn_prepare(slt_bn_model *m, const slt_config *cfg, char *err, size_t errlen)
{
    if (slt_format_is_binary(cfg->weight_format))
        return slt_fail(err, errlen, "generate: configuration %s has binary weights (b1); BitNet b1.58 needs t2 or t5",
                    cfg->name);
    if (cfg->act_bits < 8)
        return slt_fail(err, errlen, "generate: configuration %s has act_bits = %d; int8 activations need >= 8", cfg->name,
                    cfg->act_bits);
    if (cfg->acc_bits <= 0)
        return slt_fail(err, errlen, "generate: configuration %s is not finished (acc_bits not derived: slt_config_finish)",
                    cfg->name);
    for (int l = 0; l < m->c.layers; l++)
        for (int i = 0; i < SLT_BN_NLIN; i++) {
            int rc = prepare_linear(&m->layer[l].lin[i], cfg, err, errlen);
            if (rc) return rc;
        }
    return 0;
}

uint64_t slt_bn_token_cycles(const slt_bn_model *m)
{
    uint64_t c = 0;
    for (int l = 0; l < m->c.layers; l++)
        for (int i = 0; i < SLT_BN_NLIN; i++) c += m->layer[l].lin[i].cycles;
    return c;
}

void slt_bn_token_events(const slt_bn_model *m, slt_events *e)
{
    memset(e, 0, sizeof *e);
    for (int l = 0; l < m->c.layers; l++)
        for (int i = 0; i < SLT_BN_NLIN; i++) {
            uint64_t *d = (uint64_t *)e; /* slt_events is all uint64_t counters */
            const uint64_t *x = (const uint64_t *)&m->layer[l].lin[i].ev;
            for (size_t j = 0; j < sizeof *e / sizeof(uint64_t); j++) d[j] += x[j];
        }
}

/* ---- state ------------------------------------------------------------------------------ */

void slt_bn_state_free(slt_bn_state *s)
{
    if (!s) return;
    float **f[] = {&s->kc, &s->vc, &s->cos_t, &s->sin_t, &s->x, &s->h, &s->q, &s->k, &s->v,
                   &s->att, &s->a, &s->g, &s->u, &s->y, &s->scores};
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) free(*f[i]);
    free(s->xq);
    free(s->acc);
    memset(s, 0, sizeof *s);
}

/* RoPE tables as transformers computes them in float32 (default rope type):
 * inv_freq[i] = 1 / theta^((2i)/d); angle = inv_freq * pos; cos/sin of cat(angle, angle). */
static void rope_tables(const slt_bn_config *c, int cap, float *cos_t, float *sin_t)
{
    int d = c->head_dim, half = d / 2;
    for (int i = 0; i < half; i++) {
        float e = (float)(2 * i) / (float)d;
        float inv = 1.0f / powf((float)c->rope_theta, e);
        for (int p = 0; p < cap; p++) {
            float ang = inv * (float)p;
            float cs = cosf(ang), sn = sinf(ang);
            cos_t[(size_t)p * d + i] = cos_t[(size_t)p * d + i + half] = cs;
            sin_t[(size_t)p * d + i] = sin_t[(size_t)p * d + i + half] = sn;
        }
    }
}

int slt_bn_state_init(const slt_bn_model *m, int cap, slt_bn_state *s, char *err, size_t errlen)
{
    memset(s, 0, sizeof *s);
    const slt_bn_config *c = &m->c;
    if (cap < 1) return slt_fail(err, errlen, "generate: empty context");
    size_t kvd = (size_t)c->kv_heads * c->head_dim, qd = (size_t)c->heads * c->head_dim;
    size_t wide = (size_t)c->hidden > qd ? (size_t)c->hidden : qd;
    if ((size_t)c->inter > wide) wide = (size_t)c->inter;
    s->cap = cap;
    s->kc = malloc((size_t)c->layers * cap * kvd * sizeof(float));
    s->vc = malloc((size_t)c->layers * cap * kvd * sizeof(float));
    s->cos_t = malloc((size_t)cap * c->head_dim * sizeof(float));
    s->sin_t = malloc((size_t)cap * c->head_dim * sizeof(float));
    float **f[] = {&s->x, &s->h, &s->q, &s->k, &s->v, &s->att, &s->a, &s->g, &s->u, &s->y};
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) *f[i] = malloc(wide * sizeof(float));
    s->scores = malloc((size_t)cap * sizeof(float));
    s->xq = malloc(wide * sizeof(int16_t));
    s->acc = malloc(wide * sizeof(int32_t));
    int ok = s->kc && s->vc && s->cos_t && s->sin_t && s->scores && s->xq && s->acc;
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) ok = ok && *f[i];
    if (!ok) {
        slt_bn_state_free(s);
        return slt_fail(err, errlen, "generate: out of memory for a context of %d positions", cap);
    }
    rope_tables(c, cap, s->cos_t, s->sin_t);
    return 0;
}

/* ---- the forward pass -------------------------------------------------------------- */

/* BitNetRMSNorm: var = mean(x^2) (summed in double, rounded to float32);
 * r = 1 / sqrt(var + eps) in float32; out = w * (x * r). */
static void rmsnorm(const float *x, const float *w, int n, float eps, float *out)
{
    double sum = 0.0;
    for (int i = 0; i < n; i++) sum += (double)(x[i] * x[i]);
    float var = (float)(sum / n);
    float r = 1.0f / sqrtf(var + eps);
    for (int i = 0; i < n; i++) out[i] = w[i] * (x[i] * r);
}

/* float32 dot product in 8 fixed lanes (deterministic, vectorisable). */
static float dot(const float *a, const float *b, int n)
{
    float l[8] = {0};
    int i = 0;
    for (; i + 8 <= n; i += 8)
        for (int j = 0; j < 8; j++) l[j] += a[i + j] * b[i + j];
    for (; i < n; i++) l[i & 7] += a[i] * b[i];
    return ((l[0] + l[1]) + (l[2] + l[3])) + ((l[4] + l[5]) + (l[6] + l[7]));
}

/* One ternary linear: quantise x (per-token absmax int8, published op order),
 * integer GEMV through the backend, rescale as transformers does. */
static int bitlinear(const slt_bn_model *m, slt_bn_state *s, const slt_bn_linear *lin, const int16_t *xq, float sx,
                     float *y, slt_bn_gemv_fn fn, void *ctx, char *err, size_t errlen)
{
    int rc = fn(ctx, lin, xq, s->acc, err, errlen);
    if (rc) return rc;
    if (m->c.divide_scale) {
        float den = lin->ws * sx;
        for (int i = 0; i < lin->m; i++) y[i] = (float)s->acc[i] / den;
    } else {
        for (int i = 0; i < lin->m; i++) y[i] = ((float)s->acc[i] / sx) * lin->ws;
    }
    return 0;
}

/* Sites of the four quantisations per layer, in order (the --dump-acts names). */
static const char *const k_sites[4] = {"qkv", "o", "gate_up", "down"};

static int quant(slt_bn_state *s, const float *x, int n, float *sx, char *err, size_t errlen)
{
    int rc = slt_quant_act(x, 1, (size_t)n, 8, s->xq, sx, err, errlen);
    if (rc || !s->dump) return rc;
    /* pos layer site scale(%a, exact) q... */
    fprintf(s->dump, "%d %d %s %a", s->pos, s->dump_layer, k_sites[s->dump_site & 3], (double)*sx);
    for (int i = 0; i < n; i++) fprintf(s->dump, " %d", s->xq[i]);
    fputc('\n', s->dump);
    s->dump_site++;
    return 0;
}

/* q' = q*cos + rotate_half(q)*sin, rotate_half(q) = cat(-q[d/2:], q[:d/2]). */
static void rope(float *v, int d, const float *cs, const float *sn)
{
    int half = d / 2;
    float tmp[1024];
    float *t = d <= 1024 ? tmp : NULL;
    if (!t) return; /* head_dim is checked <= 1024 at load */
    for (int i = 0; i < d; i++) {
        float rh = i < half ? -v[i + half] : v[i - half];
        t[i] = v[i] * cs[i] + rh * sn[i];
    }
    memcpy(v, t, (size_t)d * sizeof(float));
}

static void attention(const slt_bn_model *m, slt_bn_state *s, int l)
{
    const slt_bn_config *c = &m->c;
    int d = c->head_dim, kvd = c->kv_heads * d, group = c->heads / c->kv_heads, n = s->pos + 1;
    const float *kc = s->kc + (size_t)l * s->cap * kvd, *vc = s->vc + (size_t)l * s->cap * kvd;
    float scaling = (float)pow((double)d, -0.5); /* python: head_dim ** -0.5 (double, then float32) */
    for (int h = 0; h < c->heads; h++) {
        int kvh = h / group;
        const float *q = s->q + (size_t)h * d;
        float mx = -INFINITY;
        for (int j = 0; j < n; j++) {
            s->scores[j] = dot(q, kc + (size_t)j * kvd + (size_t)kvh * d, d) * scaling;
            if (s->scores[j] > mx) mx = s->scores[j];
        }
        double sum = 0.0;
        for (int j = 0; j < n; j++) {
            s->scores[j] = expf(s->scores[j] - mx);
            sum += s->scores[j];
        }
        float fs = (float)sum;
        for (int j = 0; j < n; j++) s->scores[j] = s->scores[j] / fs;
        float *o = s->att + (size_t)h * d;
        for (int i = 0; i < d; i++) {
            double acc = 0.0;
            for (int j = 0; j < n; j++) acc += (double)(s->scores[j] * vc[(size_t)j * kvd + (size_t)kvh * d + i]);
            o[i] = (float)acc;
        }
    }
}

static int attn_block(const slt_bn_model *m, slt_bn_state *s, int l, slt_bn_gemv_fn fn, void *ctx, char *err,
                      size_t errlen)
{
    const slt_bn_config *c = &m->c;
    const slt_bn_layer *L = &m->layer[l];
    int d = c->head_dim, kvd = c->kv_heads * d, qd = c->heads * d;
    float sx;
    rmsnorm(s->x, L->in_norm, c->hidden, c->eps, s->h);
    s->dump_layer = l;
    s->dump_site = 0;
    int rc = quant(s, s->h, c->hidden, &sx, err, errlen);
    /* q, k and v share one quantisation of input_layernorm(x) */
    if (!rc) rc = bitlinear(m, s, &L->lin[SLT_BN_Q], s->xq, sx, s->q, fn, ctx, err, errlen);
    if (!rc) rc = bitlinear(m, s, &L->lin[SLT_BN_K], s->xq, sx, s->k, fn, ctx, err, errlen);
    if (!rc) rc = bitlinear(m, s, &L->lin[SLT_BN_V], s->xq, sx, s->v, fn, ctx, err, errlen);
    if (rc) return rc;
    const float *cs = s->cos_t + (size_t)s->pos * d, *sn = s->sin_t + (size_t)s->pos * d;
    for (int h = 0; h < c->heads; h++) rope(s->q + (size_t)h * d, d, cs, sn);
    for (int h = 0; h < c->kv_heads; h++) rope(s->k + (size_t)h * d, d, cs, sn);
    size_t at = ((size_t)l * s->cap + (size_t)s->pos) * kvd;
    memcpy(s->kc + at, s->k, (size_t)kvd * sizeof(float));
    memcpy(s->vc + at, s->v, (size_t)kvd * sizeof(float));
    attention(m, s, l);
    rmsnorm(s->att, L->attn_sub, qd, c->eps, s->a);
    if ((rc = quant(s, s->a, qd, &sx, err, errlen))) return rc;
    if ((rc = bitlinear(m, s, &L->lin[SLT_BN_O], s->xq, sx, s->y, fn, ctx, err, errlen))) return rc;
    for (int i = 0; i < c->hidden; i++) s->x[i] = s->x[i] + s->y[i];
    return 0;
}

static int ffn_block(const slt_bn_model *m, slt_bn_state *s, int l, slt_bn_gemv_fn fn, void *ctx, char *err,
                     size_t errlen)
{
    const slt_bn_config *c = &m->c;
    const slt_bn_layer *L = &m->layer[l];
    float sx;
    rmsnorm(s->x, L->post_norm, c->hidden, c->eps, s->h);
    int rc = quant(s, s->h, c->hidden, &sx, err, errlen);
    if (!rc) rc = bitlinear(m, s, &L->lin[SLT_BN_GATE], s->xq, sx, s->g, fn, ctx, err, errlen);
    if (!rc) rc = bitlinear(m, s, &L->lin[SLT_BN_UP], s->xq, sx, s->u, fn, ctx, err, errlen);
    if (rc) return rc;
    for (int i = 0; i < c->inter; i++) {
        float r = s->g[i] > 0.0f ? s->g[i] : 0.0f; /* relu, then square (ReLUSquaredActivation) */
        s->g[i] = (r * r) * s->u[i];
    }
    rmsnorm(s->g, L->ffn_sub, c->inter, c->eps, s->a);
    if ((rc = quant(s, s->a, c->inter, &sx, err, errlen))) return rc;
    if ((rc = bitlinear(m, s, &L->lin[SLT_BN_DOWN], s->xq, sx, s->y, fn, ctx, err, errlen))) return rc;
    for (int i = 0; i < c->hidden; i++) s->x[i] = s->x[i] + s->y[i];
    return 0;
}

int slt_bn_step(const slt_bn_model *m, slt_bn_state *s, int token, slt_bn_gemv_fn fn, void *ctx, float *logits,
                char *err, size_t errlen)
{
    const slt_bn_config *c = &m->c;
    if (token < 0 || token >= c->vocab)
        return slt_fail(err, errlen, "generate: token id %d outside the vocabulary 0..%d", token, c->vocab - 1);
    if (s->pos >= s->cap) return slt_fail(err, errlen, "generate: context of %d positions is full", s->cap);
    if (!fn) fn = slt_bn_gemv_golden;
    memcpy(s->x, m->embed + (size_t)token * c->hidden, (size_t)c->hidden * sizeof(float));
    for (int l = 0; l < c->layers; l++) {
        int rc = attn_block(m, s, l, fn, ctx, err, errlen);
        if (!rc) rc = ffn_block(m, s, l, fn, ctx, err, errlen);
        if (rc) return rc;
    }
    if (logits) {
        rmsnorm(s->x, m->norm, c->hidden, c->eps, s->h);
        for (int v = 0; v < c->vocab; v++) logits[v] = dot(s->h, m->lm_head + (size_t)v * c->hidden, c->hidden);
    }
    s->pos++;
    return 0;
}

int slt_bn_argmax(const float *logits, int n)
{
    int best = 0;
    for (int i = 1; i < n; i++)
        if (logits[i] > logits[best]) best = i;
    return best;
}
