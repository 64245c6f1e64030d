/* slt_tfbuild.c - in-memory writers of GGUF/safetensors images and the ternary
 * encodings (see slt_tfbuild.h). */
#include "slt_tfbuild.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "slt_tensorfile.h"

/* ---- encoders --------------------------------------------------------------------- */

void slt_tfb_tq2_0(const int8_t *w, size_t n, uint16_t d, uint8_t *out)
{
    for (size_t b = 0; b < n / 256; b++, w += 256, out += 66) {
        memset(out, 0, 64);
        for (size_t j = 0; j < 64; j += 32)
            for (size_t m = 0; m < 32; m++)
                for (size_t l = 0; l < 4; l++)
                    out[j + m] |= (uint8_t)((w[j * 4 + l * 32 + m] + 1) << (2 * l));
        out[64] = (uint8_t)d;
        out[65] = (uint8_t)(d >> 8);
    }
}

/* q = sum of trits, first most significant; stored as ceil(q * 256 / 243). */
static uint8_t tq1_byte(const int8_t *w, size_t stride, int ntrits)
{
    unsigned q = 0;
    for (int i = 0; i < ntrits; i++) q = q * 3 + (unsigned)(w[(size_t)i * stride] + 1);
    for (int i = ntrits; i < 5; i++) q *= 3;
    return (uint8_t)((q * 256 + 242) / 243);
}

void slt_tfb_tq1_0(const int8_t *w, size_t n, uint16_t d, uint8_t *out)
{
    for (size_t b = 0; b < n / 256; b++, w += 256, out += 54) {
        for (size_t m = 0; m < 32; m++) out[m] = tq1_byte(w + m, 32, 5);
        for (size_t m = 0; m < 16; m++) out[32 + m] = tq1_byte(w + 160 + m, 16, 5);
        for (size_t m = 0; m < 4; m++) out[48 + m] = tq1_byte(w + 240 + m, 4, 4);
        out[52] = (uint8_t)d;
        out[53] = (uint8_t)(d >> 8);
    }
}

void slt_tfb_i2_s(const int8_t *w, size_t n, float scale, uint8_t *out)
{
    memset(out, 0, n / 4 + 32);
    for (size_t i = 0; i < n; i++) {
        size_t blk = i / 128, j = i % 128;
        out[blk * 32 + j % 32] |= (uint8_t)((w[i] + 1) << (6 - 2 * (j / 32)));
    }
    memcpy(out + n / 4, &scale, sizeof scale); /* little-endian hosts */
}

void slt_tfb_hf_u8(const int8_t *w, size_t m, size_t k, uint8_t *out)
{
    size_t r = m / 4;
    memset(out, 0, r * k);
    for (size_t o = 0; o < m; o++)
        for (size_t i = 0; i < k; i++) out[(o % r) * k + i] |= (uint8_t)((w[o * k + i] + 1) << (2 * (o / r)));
}

/* ---- a growable byte buffer --------------------------------------------------------- */

typedef struct {
    uint8_t *p;
    size_t n, cap;
    int oom;
} buf;

static void put(buf *b, const void *src, size_t n)
{
    if (b->oom) return;
    if (b->n + n > b->cap) {
        size_t nc = b->cap ? b->cap : 256;
        while (nc < b->n + n) nc *= 2;
        uint8_t *q = realloc(b->p, nc);
        if (!q) {
            b->oom = 1;
            return;
        }
        b->p = q;
        b->cap = nc;
    }
    if (n) memcpy(b->p + b->n, src, n);
    b->n += n;
}

static void put_le(buf *b, uint64_t v, int bytes)
{
    uint8_t t[8];
    for (int i = 0; i < bytes; i++) t[i] = (uint8_t)(v >> (8 * i));
    put(b, t, (size_t)bytes);
}

static void put_str(buf *b, const char *s)
{
    put_le(b, strlen(s), 8);
    put(b, s, strlen(s));
}

static void pad_to(buf *b, size_t align)
{
    static const uint8_t z[64] = {0};
    while (b->n % align) put(b, z, align - b->n % align > 64 ? 64 : align - b->n % align);
}

static int finish(buf *b, uint8_t **out, size_t *len)
{
    if (b->oom) {
        free(b->p);
        return -1;
    }
    *out = b->p;
    *len = b->n;
    return 0;
}

/* ---- GGUF ------------------------------------------------------------------------------ */

static void put_kv(buf *b, const slt_tfb_kv *kv)
{
    static const int sz[13] = {1, 1, 2, 2, 4, 4, 4, 1, 0, 0, 8, 8, 8};
    put_str(b, kv->key);
    put_le(b, (uint64_t)kv->type, 4);
    if (kv->type == SLT_TF_KV_STRING) {
        put_str(b, kv->s);
    } else if (kv->type == SLT_TF_KV_ARRAY) {
        put_le(b, SLT_TF_KV_STRING, 4);
        put_le(b, kv->arr_n, 8);
        for (size_t i = 0; i < kv->arr_n; i++) put_str(b, kv->arr[i]);
    } else if (kv->type == SLT_TF_KV_F32) {
        float f = (float)kv->f;
        uint32_t u;
        memcpy(&u, &f, 4);
        put_le(b, u, 4);
    } else if (kv->type == SLT_TF_KV_F64) {
        uint64_t u;
        memcpy(&u, &kv->f, 8);
        put_le(b, u, 8);
    } else if (kv->type >= 0 && kv->type < 13) {
        put_le(b, (uint64_t)kv->i, sz[kv->type]);
    }
}

int slt_tfb_gguf(const slt_tfb_kv *kv, size_t nkv, const slt_tfb_gguf_tensor *t, size_t nt, uint32_t alignment,
                 uint8_t **out, size_t *len)
{
    buf b = {0};
    size_t align = alignment ? alignment : 32;
    put(&b, "GGUF", 4);
    put_le(&b, 3, 4);
    put_le(&b, nt, 8);
    put_le(&b, nkv, 8);
    for (size_t i = 0; i < nkv; i++) put_kv(&b, &kv[i]);
    uint64_t off = 0;
    for (size_t i = 0; i < nt; i++) {
        put_str(&b, t[i].name);
        put_le(&b, (uint64_t)t[i].ndim, 4);
        for (int d = 0; d < t[i].ndim; d++) put_le(&b, t[i].ne[d], 8);
        put_le(&b, t[i].ggml_type, 4);
        put_le(&b, off, 8);
        off += (t[i].nbytes + align - 1) / align * align;
    }
    pad_to(&b, align);
    for (size_t i = 0; i < nt; i++) {
        put(&b, t[i].data, t[i].nbytes);
        pad_to(&b, align);
    }
    return finish(&b, out, len);
}

/* ---- safetensors ------------------------------------------------------------------------ */

int slt_tfb_safetensors(const slt_tfb_st_tensor *t, size_t nt, const char *metadata, uint8_t **out, size_t *len)
{
    buf h = {0}, b = {0};
    char tmp[128];
    put(&h, "{", 1);
    if (metadata) {
        put(&h, "\"__metadata__\":", 15);
        put(&h, metadata, strlen(metadata));
    }
    uint64_t off = 0;
    for (size_t i = 0; i < nt; i++) {
        if (i || metadata) put(&h, ",", 1);
        put(&h, "\"", 1);
        put(&h, t[i].name, strlen(t[i].name));
        put(&h, "\":{\"dtype\":\"", 12);
        put(&h, t[i].dtype, strlen(t[i].dtype));
        put(&h, "\",\"shape\":[", 11);
        for (int d = 0; d < t[i].ndim; d++) {
            int n = snprintf(tmp, sizeof tmp, d ? ",%llu" : "%llu", (unsigned long long)t[i].shape[d]);
            put(&h, tmp, (size_t)n);
        }
        int n = snprintf(tmp, sizeof tmp, "],\"data_offsets\":[%llu,%llu]}", (unsigned long long)off,
                         (unsigned long long)(off + t[i].nbytes));
        put(&h, tmp, (size_t)n);
        off += t[i].nbytes;
    }
    put(&h, "}", 1);
    while (h.n % 8) put(&h, " ", 1); /* as the reference writer pads */
    put_le(&b, h.n, 8);
    put(&b, h.p, h.n);
    free(h.p);
    if (h.oom) b.oom = 1;
    for (size_t i = 0; i < nt; i++) put(&b, t[i].data, t[i].nbytes);
    return finish(&b, out, len);
}
