/* slt_bitnet_load.c - BitNet checkpoints into slt_bn_model: a Hugging Face
 * directory (config.json + model.safetensors) or a llama.cpp GGUF file
 * (docs/decode.md "Loading"). Tensors come through slt_tensorfile.h. */
#include "slt_bitnet.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "slt_json.h"
#include "slt_prng.h"
#include "slt_quant.h"
#include "slt_tensorfile.h"
#include "slt_err.h"

#define MAX_DIM (1 << 20)

/* ---- config.json ----------------------------------------------------------------------- */

static int read_file(const char *path, char **buf, size_t *len, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) return slt_fail(err, errlen, "%s: cannot open: %s", path, strerror(errno));
    char *b = malloc(SLT_JSON_MAX_BYTES + 1);
    size_t n = b ? fread(b, 1, SLT_JSON_MAX_BYTES + 1, f) : 0;
    int bad = !b || ferror(f);
    fclose(f);
    if (bad) {
        free(b);
        return slt_fail(err, errlen, "%s: cannot read", path);
    }
    if (n > SLT_JSON_MAX_BYTES) {
        free(b);
        return slt_fail(err, errlen, "%s: larger than %u bytes", path, SLT_JSON_MAX_BYTES);
    }
    *buf = b;
    *len = n;
    return 0;
}

/* Integer key: absent -> dflt (or an error when dflt < 0); must be in 1..MAX_DIM. */
static int j_int(const slt_json *o, const char *key, int dflt, int *v, const char *path, char *err, size_t errlen)
{
    const slt_json *x = slt_json_get(o, key);
    if (!x || x->type == SLT_JSON_NULL) {
        if (dflt < 0) return slt_fail(err, errlen, "%s: missing key '%s'", path, key);
        *v = dflt;
        return 0;
    }
    if (x->type != SLT_JSON_NUMBER || !x->is_integer || x->number < 1 || x->number > MAX_DIM)
        return slt_fail(err, errlen, "%s: '%s' must be an integer in 1..%d", path, key, MAX_DIM);
    *v = (int)x->number;
    return 0;
}

static const char *j_str(const slt_json *o, const char *key)
{
    const slt_json *x = slt_json_get(o, key);
    return x && x->type == SLT_JSON_STRING ? x->str : NULL;
}

static int j_bool(const slt_json *o, const char *key, int dflt)
{
    const slt_json *x = slt_json_get(o, key);
    return x && x->type == SLT_JSON_BOOL ? x->boolean : dflt;
}

static int j_num(const slt_json *o, const char *key, double dflt, double *v, const char *path, char *err,
                 size_t errlen)
{
    const slt_json *x = slt_json_get(o, key);
    if (!x || x->type == SLT_JSON_NULL) {
        *v = dflt;
        return 0;
    }
    if (x->type != SLT_JSON_NUMBER || !(x->number > 0))
        return slt_fail(err, errlen, "%s: '%s' must be a positive number", path, key);
    *v = x->number;
    return 0;
}

static int config_from_json(const slt_json *o, slt_bn_config *c, const char *path, char *err, size_t errlen)
{
    memset(c, 0, sizeof *c);
    if (!o || o->type != SLT_JSON_OBJECT) return slt_fail(err, errlen, "%s: not a JSON object", path);
    const char *mt = j_str(o, "model_type");
    if (!mt || strcmp(mt, "bitnet"))
        return slt_fail(err, errlen, "%s: model_type is '%s', expected 'bitnet'", path, mt ? mt : "(missing)");
    int rc = j_int(o, "hidden_size", -1, &c->hidden, path, err, errlen);
    if (!rc) rc = j_int(o, "intermediate_size", -1, &c->inter, path, err, errlen);
    if (!rc) rc = j_int(o, "num_hidden_layers", -1, &c->layers, path, err, errlen);
    if (!rc) rc = j_int(o, "num_attention_heads", -1, &c->heads, path, err, errlen);
    if (!rc) rc = j_int(o, "num_key_value_heads", c->heads, &c->kv_heads, path, err, errlen);
    if (!rc) rc = j_int(o, "vocab_size", -1, &c->vocab, path, err, errlen);
    if (!rc) rc = j_int(o, "max_position_embeddings", 2048, &c->max_pos, path, err, errlen);
    if (!rc && c->heads) rc = j_int(o, "head_dim", c->hidden / c->heads, &c->head_dim, path, err, errlen);
    if (rc) return rc;
    double eps, theta;
    if ((rc = j_num(o, "rms_norm_eps", 1e-5, &eps, path, err, errlen))) return rc;
    /* transformers 4.x writes rope_theta; 5.x writes rope_parameters {rope_theta, rope_type} */
    const slt_json *rp = slt_json_get(o, "rope_parameters");
    if (rp && rp->type == SLT_JSON_OBJECT) {
        const char *rt = j_str(rp, "rope_type");
        if (rt && strcmp(rt, "default"))
            return slt_fail(err, errlen, "%s: rope_type '%s' is not supported (only 'default')", path, rt);
        rc = j_num(rp, "rope_theta", 500000.0, &theta, path, err, errlen);
    } else {
        rc = j_num(o, "rope_theta", 500000.0, &theta, path, err, errlen);
    }
    if (rc) return rc;
    const slt_json *rs = slt_json_get(o, "rope_scaling");
    if (rs && rs->type != SLT_JSON_NULL) return slt_fail(err, errlen, "%s: rope_scaling is not supported", path);
    const char *act = j_str(o, "hidden_act");
    if (act && strcmp(act, "relu2"))
        return slt_fail(err, errlen, "%s: hidden_act '%s' is not supported (BitNet uses relu2)", path, act);
    if (j_bool(o, "attention_bias", 0)) return slt_fail(err, errlen, "%s: attention_bias is not supported", path);
    c->eps = (float)eps;
    c->rope_theta = theta;
    c->tied = j_bool(o, "tie_word_embeddings", 0); /* BitNetConfig's default: False */
    const slt_json *q = slt_json_get(o, "quantization_config");
    if (!q || q->type != SLT_JSON_OBJECT) return slt_fail(err, errlen, "%s: no quantization_config (not a BitNet checkpoint)", path);
    const char *qm = j_str(q, "quant_method"), *lc = j_str(q, "linear_class"), *mode = j_str(q, "quantization_mode");
    if (!qm || strcmp(qm, "bitnet"))
        return slt_fail(err, errlen, "%s: quantization_config.quant_method is '%s', expected 'bitnet'", path,
                    qm ? qm : "(missing)");
    if (lc && strcmp(lc, "bitlinear") && strcmp(lc, "autobitlinear"))
        return slt_fail(err, errlen, "%s: linear_class '%s' is not supported", path, lc);
    if (mode && strcmp(mode, "offline"))
        return slt_fail(err, errlen, "%s: quantization_mode '%s': only offline (pre-quantised) checkpoints", path, mode);
    if (j_bool(q, "use_rms_norm", 0)) return slt_fail(err, errlen, "%s: use_rms_norm is not supported", path);
    c->divide_scale = !lc || !strcmp(lc, "bitlinear"); /* transformers' default class is BitLinear */
    return 0;
}

static int check_config(const slt_bn_config *c, const char *path, char *err, size_t errlen)
{
    if (c->heads % c->kv_heads)
        return slt_fail(err, errlen, "%s: %d attention heads not a multiple of %d KV heads", path, c->heads, c->kv_heads);
    if (c->head_dim % 2 || c->head_dim > 1024)
        return slt_fail(err, errlen, "%s: head_dim %d must be even and <= 1024", path, c->head_dim);
    if ((long)c->heads * c->head_dim != c->hidden)
        return slt_fail(err, errlen, "%s: heads*head_dim = %ld differs from hidden_size %d (attn_sub_norm)", path,
                    (long)c->heads * c->head_dim, c->hidden);
    if (!(c->eps > 0) || !isfinite(c->eps) || !(c->rope_theta > 1) || !isfinite(c->rope_theta))
        return slt_fail(err, errlen, "%s: bad rms_norm_eps or rope_theta", path);
    return 0;
}

/* ---- tensors --------------------------------------------------------------------------------- */

static int read_vec(slt_tensorfile *tf, const char *name, size_t n, float **out, char *err, size_t errlen)
{
    size_t got;
    int rc = slt_tf_read_f32(tf, name, out, &got, err, errlen);
    if (rc) return rc;
    if (got != n) {
        free(*out);
        *out = NULL;
        return slt_fail(err, errlen, "%s: tensor %s has %zu values, expected %zu", slt_tf_path(tf), name, got, n);
    }
    for (size_t i = 0; i < n; i++)
        if (!isfinite((*out)[i])) {
            free(*out);
            *out = NULL;
            return slt_fail(err, errlen, "%s: tensor %s: value %zu is not finite", slt_tf_path(tf), name, i);
        }
    return 0;
}

static int read_lin(slt_tensorfile *tf, const char *name, int m, int k, slt_bn_linear *lin, char *err,
                    size_t errlen)
{
    int rc = slt_tf_ternary(tf, name, &lin->w, &lin->m, &lin->k, &lin->ws, err, errlen);
    if (rc) return rc;
    if (lin->m != m || lin->k != k)
        return slt_fail(err, errlen, "%s: tensor %s is %dx%d, expected %dx%d", slt_tf_path(tf), name, lin->m, lin->k, m, k);
    if (!isfinite(lin->ws) || !(lin->ws > 0))
        return slt_fail(err, errlen, "%s: tensor %s: scale %g is not a positive number", slt_tf_path(tf), name,
                    (double)lin->ws);
    return 0;
}

typedef struct {
    const char *embed, *head, *norm;
    const char *lnorm[4];        /* input, post-attention, attn_sub, ffn_sub (with %d) */
    const char *lin[SLT_BN_NLIN]; /* with %d */
} name_map;

static const name_map k_hf = {
    "model.embed_tokens.weight", "lm_head.weight", "model.norm.weight",
    {"model.layers.%d.input_layernorm.weight", "model.layers.%d.post_attention_layernorm.weight",
     "model.layers.%d.self_attn.attn_sub_norm.weight", "model.layers.%d.mlp.ffn_sub_norm.weight"},
    {"model.layers.%d.self_attn.q_proj.weight", "model.layers.%d.self_attn.k_proj.weight",
     "model.layers.%d.self_attn.v_proj.weight", "model.layers.%d.self_attn.o_proj.weight",
     "model.layers.%d.mlp.gate_proj.weight", "model.layers.%d.mlp.up_proj.weight",
     "model.layers.%d.mlp.down_proj.weight"}};

static const name_map k_gguf = {
    "token_embd.weight", "output.weight", "output_norm.weight",
    {"blk.%d.attn_norm.weight", "blk.%d.ffn_norm.weight", "blk.%d.attn_sub_norm.weight", "blk.%d.ffn_sub_norm.weight"},
    {"blk.%d.attn_q.weight", "blk.%d.attn_k.weight", "blk.%d.attn_v.weight", "blk.%d.attn_output.weight",
     "blk.%d.ffn_gate.weight", "blk.%d.ffn_up.weight", "blk.%d.ffn_down.weight"}};

static int load_layer(slt_tensorfile *tf, const name_map *nm, int l, slt_bn_model *m, char *err, size_t errlen)
{
    const slt_bn_config *c = &m->c;
    slt_bn_layer *L = &m->layer[l];
    char name[160];
    float **norms[4] = {&L->in_norm, &L->post_norm, &L->attn_sub, &L->ffn_sub};
    size_t nlen[4] = {(size_t)c->hidden, (size_t)c->hidden, (size_t)c->heads * c->head_dim, (size_t)c->inter};
    for (int i = 0; i < 4; i++) {
        snprintf(name, sizeof name, nm->lnorm[i], l);
        int rc = read_vec(tf, name, nlen[i], norms[i], err, errlen);
        if (rc) return rc;
    }
    int qd = c->heads * c->head_dim, kvd = c->kv_heads * c->head_dim;
    int shape[SLT_BN_NLIN][2] = {{qd, c->hidden}, {kvd, c->hidden}, {kvd, c->hidden}, {c->hidden, qd},
                                 {c->inter, c->hidden}, {c->inter, c->hidden}, {c->hidden, c->inter}};
    for (int i = 0; i < SLT_BN_NLIN; i++) {
        snprintf(name, sizeof name, nm->lin[i], l);
        int rc = read_lin(tf, name, shape[i][0], shape[i][1], &L->lin[i], err, errlen);
        if (rc) return rc;
    }
    return 0;
}

static int load_tensors(slt_tensorfile *tf, const name_map *nm, slt_bn_model *m, char *err, size_t errlen)
{
    const slt_bn_config *c = &m->c;
    size_t ev = (size_t)c->vocab * c->hidden;
    int rc = read_vec(tf, nm->embed, ev, &m->embed, err, errlen);
    if (!rc) rc = read_vec(tf, nm->norm, (size_t)c->hidden, &m->norm, err, errlen);
    if (rc) return rc;
    if (c->tied) {
        m->lm_head = m->embed;
    } else if ((rc = read_vec(tf, nm->head, ev, &m->lm_head, err, errlen))) {
        return rc;
    }
    m->layer = calloc((size_t)c->layers, sizeof *m->layer);
    if (!m->layer) return slt_fail(err, errlen, "generate: out of memory");
    for (int l = 0; l < c->layers; l++)
        if ((rc = load_layer(tf, nm, l, m, err, errlen))) return rc;
    return 0;
}

/* ---- Hugging Face directory ---------------------------------------------------------------- */

static int load_hf(const char *dir, slt_bn_model *m, char *err, size_t errlen)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/config.json", dir);
    char *text = NULL;
    size_t len = 0;
    int rc = read_file(path, &text, &len, err, errlen);
    if (rc) return rc;
    slt_json *j;
    char jerr[SLT_ERRLEN];
    rc = slt_json_parse(text, len, &j, jerr, sizeof jerr);
    free(text);
    if (rc) return slt_fail(err, errlen, "%s: %s", path, jerr);
    rc = config_from_json(j, &m->c, path, err, errlen);
    slt_json_free(j);
    if (!rc) rc = check_config(&m->c, path, err, errlen);
    if (rc) return rc;
    snprintf(path, sizeof path, "%s/model.safetensors", dir);
    slt_tensorfile *tf;
    if ((rc = slt_tf_open(path, &tf, err, errlen))) return rc;
    if (slt_tf_format_of(tf) != SLT_TF_SAFETENSORS) {
        slt_tf_close(tf);
        return slt_fail(err, errlen, "%s: not a safetensors file", path);
    }
    snprintf(m->source, sizeof m->source, "safetensors");
    rc = load_tensors(tf, &k_hf, m, err, errlen);
    slt_tf_close(tf);
    return rc;
}

/* ---- GGUF ---------------------------------------------------------------------------------- */

static int g_int(slt_tensorfile *tf, const char *key, int dflt, int *v, char *err, size_t errlen)
{
    int64_t x;
    int r = slt_tf_meta_int(tf, key, &x);
    if (r == -1 && dflt >= 0) {
        *v = dflt;
        return 0;
    }
    if (r) return slt_fail(err, errlen, "%s: metadata %s %s", slt_tf_path(tf), key, r == -1 ? "missing" : "is not an integer");
    if (x < 1 || x > MAX_DIM)
        return slt_fail(err, errlen, "%s: metadata %s = %lld outside 1..%d", slt_tf_path(tf), key, (long long)x, MAX_DIM);
    *v = (int)x;
    return 0;
}

static int load_gguf(const char *path, slt_bn_model *m, char *err, size_t errlen)
{
    slt_tensorfile *tf;
    int rc = slt_tf_open(path, &tf, err, errlen);
    if (rc) return rc;
    slt_bn_config *c = &m->c;
    const char *arch = NULL;
    if (slt_tf_format_of(tf) != SLT_TF_GGUF) {
        rc = slt_fail(err, errlen, "%s: a safetensors file: give the directory with config.json instead", path);
    } else if (slt_tf_meta_str(tf, "general.architecture", &arch) || strcmp(arch, "bitnet")) {
        rc = slt_fail(err, errlen, "%s: general.architecture is '%s', expected 'bitnet'", path, arch ? arch : "(missing)");
    }
    if (!rc) rc = g_int(tf, "bitnet.embedding_length", -1, &c->hidden, err, errlen);
    if (!rc) rc = g_int(tf, "bitnet.feed_forward_length", -1, &c->inter, err, errlen);
    if (!rc) rc = g_int(tf, "bitnet.block_count", -1, &c->layers, err, errlen);
    if (!rc) rc = g_int(tf, "bitnet.attention.head_count", -1, &c->heads, err, errlen);
    if (!rc) rc = g_int(tf, "bitnet.attention.head_count_kv", c->heads, &c->kv_heads, err, errlen);
    if (!rc) rc = g_int(tf, "bitnet.context_length", 2048, &c->max_pos, err, errlen);
    if (!rc) rc = g_int(tf, "bitnet.rope.dimension_count", c->hidden / c->heads, &c->head_dim, err, errlen);
    const slt_tf_tensor *emb = rc ? NULL : slt_tf_find(tf, "token_embd.weight");
    if (!rc && (!emb || emb->ndim != 2 || emb->shape[0] != (uint64_t)c->hidden || emb->shape[1] < 1 ||
                emb->shape[1] > MAX_DIM))
        rc = slt_fail(err, errlen, "%s: token_embd.weight missing or not [%d, vocab]", path, c->hidden);
    if (!rc) rc = g_int(tf, "bitnet.vocab_size", (int)emb->shape[1], &c->vocab, err, errlen);
    double eps = 1e-5, theta = 10000.0;
    if (!rc && slt_tf_meta_float(tf, "bitnet.attention.layer_norm_rms_epsilon", &eps) == -2)
        rc = slt_fail(err, errlen, "%s: layer_norm_rms_epsilon is not a number", path);
    if (!rc && slt_tf_meta_float(tf, "bitnet.rope.freq_base", &theta) == -2)
        rc = slt_fail(err, errlen, "%s: rope.freq_base is not a number", path);
    c->eps = (float)eps;
    c->rope_theta = theta;
    c->tied = !slt_tf_find(tf, "output.weight");
    c->divide_scale = 0; /* GGUF blocks carry d = the multiplier */
    if (!rc) rc = check_config(c, path, err, errlen);
    if (!rc) {
        const slt_tf_tensor *q = slt_tf_find(tf, "blk.0.attn_q.weight");
        snprintf(m->source, sizeof m->source, "gguf %s", q ? slt_tf_dtype_name(q->dtype) : "?");
        rc = load_tensors(tf, &k_gguf, m, err, errlen);
    }
    slt_tf_close(tf);
    return rc;
}

int slt_bn_load(const char *path, slt_bn_model *m, char *err, size_t errlen)
{
    memset(m, 0, sizeof *m);
    struct stat st;
    if (stat(path, &st)) return slt_fail(err, errlen, "%s: %s", path, strerror(errno));
    int rc = S_ISDIR(st.st_mode) ? load_hf(path, m, err, errlen) : load_gguf(path, m, err, errlen);
    if (rc) slt_bn_free(m);
    return rc;
}

/* ---- random model (benchmarks) ------------------------------------------------------------ */

static float gauss(slt_prng *r)
{
    /* Irwin-Hall(12) - 6: N(0,1)-shaped, cheap and deterministic */
    float s = 0.0f;
    for (int i = 0; i < 12; i++) s += (float)(slt_prng_next(r) >> 40) * (1.0f / 16777216.0f);
    return s - 6.0f;
}

static float *rand_vec(slt_prng *r, size_t n, float base, float jitter)
{
    float *v = malloc(n * sizeof *v);
    if (v)
        for (size_t i = 0; i < n; i++) v[i] = base + jitter * gauss(r);
    return v;
}

static int rand_lin(slt_prng *r, int m, int k, slt_bn_linear *lin, char *err, size_t errlen)
{
    size_t n = (size_t)m * k;
    float *w = rand_vec(r, n, 0.0f, 1.0f);
    lin->w = malloc(n);
    if (!w || !lin->w) {
        free(w);
        return slt_fail(err, errlen, "random model: out of memory");
    }
    lin->m = m;
    lin->k = k;
    int rc = slt_quant_ternary(w, n, lin->w, &lin->ws, err, errlen);
    free(w);
    return rc;
}

int slt_bn_random(const slt_bn_config *c, uint64_t seed, slt_bn_model *m, char *err, size_t errlen)
{
    memset(m, 0, sizeof *m);
    m->c = *c;
    snprintf(m->source, sizeof m->source, "random");
    int rc = check_config(c, "random model", err, errlen);
    if (rc) return rc;
    slt_prng r;
    slt_prng_seed(&r, seed);
    size_t ev = (size_t)c->vocab * c->hidden;
    m->embed = rand_vec(&r, ev, 0.0f, 1.0f);
    m->lm_head = c->tied ? m->embed : rand_vec(&r, ev, 0.0f, 1.0f);
    m->norm = rand_vec(&r, (size_t)c->hidden, 1.0f, 0.1f);
    m->layer = calloc((size_t)c->layers, sizeof *m->layer);
    if (!m->embed || !m->lm_head || !m->norm || !m->layer) rc = slt_fail(err, errlen, "random model: out of memory");
    int qd = c->heads * c->head_dim, kvd = c->kv_heads * c->head_dim;
    int shape[SLT_BN_NLIN][2] = {{qd, c->hidden}, {kvd, c->hidden}, {kvd, c->hidden}, {c->hidden, qd},
                                 {c->inter, c->hidden}, {c->inter, c->hidden}, {c->hidden, c->inter}};
    for (int l = 0; !rc && l < c->layers; l++) {
        slt_bn_layer *L = &m->layer[l];
        L->in_norm = rand_vec(&r, (size_t)c->hidden, 1.0f, 0.1f);
        L->post_norm = rand_vec(&r, (size_t)c->hidden, 1.0f, 0.1f);
        L->attn_sub = rand_vec(&r, (size_t)qd, 1.0f, 0.1f);
        L->ffn_sub = rand_vec(&r, (size_t)c->inter, 1.0f, 0.1f);
        if (!L->in_norm || !L->post_norm || !L->attn_sub || !L->ffn_sub) rc = slt_fail(err, errlen, "random model: out of memory");
        for (int i = 0; !rc && i < SLT_BN_NLIN; i++) rc = rand_lin(&r, shape[i][0], shape[i][1], &L->lin[i], err, errlen);
    }
    if (rc) slt_bn_free(m);
    return rc;
}
