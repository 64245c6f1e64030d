/* slt_gguf.c - GGUF v2/v3 reader (llama.cpp's container; docs/import.md §1).
 *
 * Layout (little-endian): "GGUF", u32 version, u64 n_tensors, u64 n_kv; n_kv
 * key/value pairs (key = u64 length + bytes, u32 type, value); n_tensors infos
 * (name, u32 n_dims, u64 ne[n_dims], u32 ggml type, u64 offset); the data
 * section at the next multiple of general.alignment (default 32); tensor
 * offsets are relative to it and multiples of the alignment.
 *
 * Every read goes through a cursor that checks the remaining length first;
 * counts are bounded by what the remaining bytes could possibly hold before
 * anything is allocated, so a hostile header cannot make us allocate more than
 * a small multiple of the file size. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "slt_config.h"
#include "slt_tf_internal.h"
#include "slt_err.h"

#define GGUF_MAX_DIMS 4
#define GGUF_MAX_DEPTH 4           /* arrays of arrays of ... */
#define GGUF_DEFAULT_ALIGNMENT 32
#define GGUF_MAX_NAME 4096

typedef struct {
    const uint8_t *p;
    size_t off, size;
    const char *path;
    char *err;
    size_t errlen;
} cursor;

static size_t left(const cursor *c) { return c->size - c->off; }

static int trunc_err(cursor *c, const char *what)
{
    return slt_fail(c->err, c->errlen, "%s: truncated GGUF: %s at byte %zu runs past the end (%zu bytes)",
                       c->path, what, c->off, c->size);
}

static int rd(cursor *c, void *dst, size_t n, const char *what)
{
    if (n > left(c)) return trunc_err(c, what);
    if (dst) memcpy(dst, c->p + c->off, n);
    c->off += n;
    return 0;
}

static int rd_u32(cursor *c, uint32_t *v, const char *what)
{
    uint8_t b[4] = {0};
    if (rd(c, b, 4, what)) return SLT_EXIT_BADINPUT;
    *v = (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
    return 0;
}

static int rd_u64(cursor *c, uint64_t *v, const char *what)
{
    uint8_t b[8] = {0};
    if (rd(c, b, 8, what)) return SLT_EXIT_BADINPUT;
    *v = 0;
    for (int i = 7; i >= 0; i--) *v = *v << 8 | b[i];
    return 0;
}

/* A string: u64 length, bytes. *s points into the file. */
static int rd_str(cursor *c, const uint8_t **s, size_t *len, const char *what)
{
    uint64_t n;
    if (rd_u64(c, &n, what)) return SLT_EXIT_BADINPUT;
    if (n > left(c)) return trunc_err(c, what);
    *s = c->p + c->off;
    *len = (size_t)n;
    c->off += (size_t)n;
    return 0;
}

/* ---- key/value section ---------------------------------------------------------- */

static size_t scalar_size(uint32_t type)
{
    static const size_t sz[13] = {1, 1, 2, 2, 4, 4, 4, 1, 0, 0, 8, 8, 8};
    return type < 13 ? sz[type] : 0;
}

/* The smallest number of bytes one element of this type occupies. */
static size_t min_size(uint32_t type)
{
    if (type == SLT_TF_KV_STRING) return 8;
    if (type == SLT_TF_KV_ARRAY) return 12;
    return scalar_size(type);
}

static int skip_array(cursor *c, int depth, const char *key);

/* Skip `count` elements of `type` (array contents). */
static int skip_elems(cursor *c, uint32_t type, uint64_t count, int depth, const char *key)
{
    size_t ms = min_size(type);
    if (ms == 0)
        return slt_fail(c->err, c->errlen, "%s: metadata '%s': unknown array element type %u", c->path, key,
                           (unsigned)type);
    if (count > left(c) / ms) return trunc_err(c, "metadata array");
    if (type != SLT_TF_KV_STRING && type != SLT_TF_KV_ARRAY) return rd(c, NULL, (size_t)count * ms, "metadata array");
    for (uint64_t i = 0; i < count; i++) {
        const uint8_t *s;
        size_t n;
        int rc = type == SLT_TF_KV_STRING ? rd_str(c, &s, &n, "metadata string") : skip_array(c, depth + 1, key);
        if (rc) return rc;
    }
    return 0;
}

static int skip_array(cursor *c, int depth, const char *key)
{
    uint32_t type;
    uint64_t count;
    if (depth > GGUF_MAX_DEPTH)
        return slt_fail(c->err, c->errlen, "%s: metadata '%s': arrays nested deeper than %d", c->path, key,
                           GGUF_MAX_DEPTH);
    if (rd_u32(c, &type, "array type") || rd_u64(c, &count, "array count")) return SLT_EXIT_BADINPUT;
    return skip_elems(c, type, count, depth, key);
}

static int64_t sext(uint64_t u, int bytes)
{
    int sh = 64 - 8 * bytes;
    return (int64_t)(u << sh) >> sh; /* arithmetic shift: implementation-defined, two's complement everywhere */
}

/* A scalar value into kv. */
static int rd_scalar(cursor *c, slt_tf_kv *kv)
{
    uint8_t b[8] = {0};
    size_t n = scalar_size((uint32_t)kv->type);
    if (rd(c, b, n, "metadata value")) return SLT_EXIT_BADINPUT;
    uint64_t u = 0;
    for (size_t i = n; i-- > 0;) u = u << 8 | b[i];
    switch (kv->type) {
    case SLT_TF_KV_I8: case SLT_TF_KV_I16: case SLT_TF_KV_I32: case SLT_TF_KV_I64:
        kv->i = sext(u, (int)n);
        kv->u = (uint64_t)kv->i;
        break;
    case SLT_TF_KV_F32: {
        uint32_t u32 = (uint32_t)u;
        float f;
        memcpy(&f, &u32, sizeof f);
        kv->f = f;
        break;
    }
    case SLT_TF_KV_F64: memcpy(&kv->f, &u, sizeof kv->f); break;
    default: /* unsigned and bool */
        kv->u = u;
        kv->big = u > (uint64_t)INT64_MAX;
        kv->i = kv->big ? 0 : (int64_t)u;
    }
    return 0;
}

static int rd_kv(cursor *c, slt_tf_kv *kv, size_t idx)
{
    const uint8_t *k;
    size_t klen;
    uint32_t type;
    if (rd_str(c, &k, &klen, "metadata key")) return SLT_EXIT_BADINPUT;
    if (!(kv->key = slt_tf_strndup(k, klen))) return slt_fail(c->err, c->errlen, "%s: out of memory", c->path);
    if (klen == 0 || strlen(kv->key) != klen)
        return slt_fail(c->err, c->errlen, "%s: metadata key %zu is empty or holds a NUL byte", c->path, idx);
    if (rd_u32(c, &type, "metadata type")) return SLT_EXIT_BADINPUT;
    if (type > SLT_TF_KV_F64)
        return slt_fail(c->err, c->errlen, "%s: metadata '%s': unknown value type %u", c->path, kv->key,
                           (unsigned)type);
    kv->type = (int)type;
    if (type == SLT_TF_KV_STRING) {
        const uint8_t *s;
        size_t n;
        if (rd_str(c, &s, &n, "metadata string")) return SLT_EXIT_BADINPUT;
        if (!(kv->str = slt_tf_strndup(s, n))) return slt_fail(c->err, c->errlen, "%s: out of memory", c->path);
        return 0;
    }
    if (type == SLT_TF_KV_ARRAY) {
        uint32_t et;
        uint64_t count;
        if (rd_u32(c, &et, "array type") || rd_u64(c, &count, "array count")) return SLT_EXIT_BADINPUT;
        kv->arr_type = (int)et;
        kv->arr_count = count;
        return skip_elems(c, et, count, 1, kv->key);
    }
    return rd_scalar(c, kv);
}

/* general.alignment: a u32 power of two, or absent (32). */
static int alignment_of(cursor *c, const slt_tf_kv *kv, size_t nkv, uint64_t *align)
{
    *align = GGUF_DEFAULT_ALIGNMENT;
    for (size_t i = 0; i < nkv; i++) {
        if (strcmp(kv[i].key, "general.alignment")) continue;
        if (kv[i].type != SLT_TF_KV_U32 || kv[i].u == 0 || (kv[i].u & (kv[i].u - 1)))
            return slt_fail(c->err, c->errlen, "%s: general.alignment must be a u32 power of two", c->path);
        *align = kv[i].u;
    }
    return 0;
}

/* ---- tensor infos ----------------------------------------------------------------- */

typedef struct {
    uint32_t id;
    slt_tf_dtype dtype;
    uint32_t block;     /* elements per block */
    uint32_t bytes;     /* bytes per block */
} ggml_type_info;

/* The ggml types this reader decodes or sizes. I2_S is bitnet.cpp's (id 36 in its
 * ggml fork; not in upstream ggml): n/4 bytes + a 32-byte tail, sized separately. */
static const ggml_type_info g_types[] = {
    {0, SLT_TF_F32, 1, 4},    {1, SLT_TF_F16, 1, 2},     {24, SLT_TF_I8, 1, 1},  {25, SLT_TF_I16, 1, 2},
    {26, SLT_TF_I32, 1, 4},   {27, SLT_TF_I64, 1, 8},    {28, SLT_TF_F64, 1, 8}, {30, SLT_TF_BF16, 1, 2},
    {34, SLT_TF_TQ1_0, 256, 54}, {35, SLT_TF_TQ2_0, 256, 66}, {36, SLT_TF_I2_S, 1, 0},
};

static const ggml_type_info *type_info(uint32_t id)
{
    for (size_t i = 0; i < sizeof g_types / sizeof g_types[0]; i++)
        if (g_types[i].id == id) return &g_types[i];
    return NULL;
}

/* Byte size of a known type; -1 with err on a shape it cannot hold. */
static int tensor_bytes(cursor *c, slt_tf_tensor *t, const ggml_type_info *ti)
{
    uint64_t nb;
    if (ti->dtype == SLT_TF_I2_S) {
        if (t->nelem % 4) return slt_fail(c->err, c->errlen, "%s: tensor '%s': I2_S with %llu elements (not a "
                                             "multiple of 4)", c->path, t->name, (unsigned long long)t->nelem);
        nb = t->nelem / 4 + 32;
    } else {
        if (t->ndim > 0 && t->shape[0] % ti->block)
            return slt_fail(c->err, c->errlen, "%s: tensor '%s': %s rows of %llu elements are not a multiple "
                               "of the %u-element block", c->path, t->name, slt_tf_dtype_name(ti->dtype),
                               (unsigned long long)t->shape[0], (unsigned)ti->block);
        if (slt_tf_mul(t->nelem / ti->block, ti->bytes, &nb) || nb > SIZE_MAX)
            return slt_fail(c->err, c->errlen, "%s: tensor '%s' too large", c->path, t->name);
    }
    t->nbytes = (size_t)nb;
    return 0;
}

static int rd_tensor_info(cursor *c, slt_tf_tensor *t, uint64_t *offset, size_t idx)
{
    const uint8_t *s;
    size_t n;
    uint32_t nd, type;
    if (rd_str(c, &s, &n, "tensor name")) return SLT_EXIT_BADINPUT;
    if (!(t->name = slt_tf_strndup(s, n))) return slt_fail(c->err, c->errlen, "%s: out of memory", c->path);
    if (n == 0 || n > GGUF_MAX_NAME || strlen(t->name) != n)
        return slt_fail(c->err, c->errlen, "%s: tensor %zu: name empty, longer than %d bytes or holding a NUL",
                           c->path, idx, GGUF_MAX_NAME);
    if (rd_u32(c, &nd, "tensor n_dims")) return SLT_EXIT_BADINPUT;
    if (nd > GGUF_MAX_DIMS)
        return slt_fail(c->err, c->errlen, "%s: tensor '%s': %u dimensions (at most %d)", c->path, t->name,
                           (unsigned)nd, GGUF_MAX_DIMS);
    t->ndim = (int)nd;
    t->nelem = 1;
    for (uint32_t d = 0; d < nd; d++) {
        if (rd_u64(c, &t->shape[d], "tensor dimension")) return SLT_EXIT_BADINPUT;
        if (t->shape[d] > (uint64_t)INT64_MAX || slt_tf_mul(t->nelem, t->shape[d], &t->nelem) ||
            t->nelem > (uint64_t)INT64_MAX)
            return slt_fail(c->err, c->errlen, "%s: tensor '%s': element count overflows", c->path, t->name);
    }
    if (rd_u32(c, &type, "tensor type") || rd_u64(c, offset, "tensor offset")) return SLT_EXIT_BADINPUT;
    t->raw_type = type;
    const ggml_type_info *ti = type_info(type);
    t->dtype = ti ? ti->dtype : SLT_TF_OTHER;
    return ti ? tensor_bytes(c, t, ti) : 0;
}

/* Place every tensor inside the data section. */
static int place_tensors(cursor *c, slt_tensorfile *tf, const uint64_t *offs, uint64_t align)
{
    uint64_t start = c->off;
    if (tf->nt == 0) return 0;
    if (start % align && slt_tf_add(start, align - start % align, &start))
        return slt_fail(c->err, c->errlen, "%s: data section offset overflows", c->path);
    if (start > c->size) return slt_fail(c->err, c->errlen, "%s: truncated GGUF: no data section", c->path);
    uint64_t dlen = c->size - start;
    for (size_t i = 0; i < tf->nt; i++) {
        slt_tf_tensor *t = &tf->t[i];
        if (offs[i] % align)
            return slt_fail(c->err, c->errlen, "%s: tensor '%s': offset %llu is not a multiple of the alignment "
                               "%llu", c->path, t->name, (unsigned long long)offs[i], (unsigned long long)align);
        if (offs[i] > dlen || t->nbytes > dlen - offs[i])
            return slt_fail(c->err, c->errlen, "%s: tensor '%s': data [%llu, +%zu) lies outside the data section "
                               "(%llu bytes): truncated or corrupt file", c->path, t->name,
                               (unsigned long long)offs[i], t->nbytes, (unsigned long long)dlen);
        t->data = t->dtype == SLT_TF_OTHER ? NULL : c->p + start + offs[i];
    }
    return 0;
}

int slt_gguf_parse(slt_tensorfile *tf, char *err, size_t errlen)
{
    cursor c = {tf->base, 4, tf->size, tf->path, err, errlen};
    uint32_t version;
    uint64_t nt, nkv;
    if (rd_u32(&c, &version, "version")) return SLT_EXIT_BADINPUT;
    if (version != 2 && version != 3)
        return slt_fail(err, errlen, "%s: GGUF version %u is not supported (expected 3, or 2)", tf->path,
                           (unsigned)version);
    if (rd_u64(&c, &nt, "tensor count") || rd_u64(&c, &nkv, "metadata count")) return SLT_EXIT_BADINPUT;
    /* each key/value takes >= 13 bytes, each tensor info >= 24 */
    if (nkv > left(&c) / 13 || nt > left(&c) / 24)
        return slt_fail(err, errlen, "%s: GGUF header claims %llu tensors and %llu metadata keys, more than the "
                           "%zu-byte file can hold", tf->path, (unsigned long long)nt, (unsigned long long)nkv,
                           tf->size);
    tf->kv = calloc(nkv ? (size_t)nkv : 1, sizeof *tf->kv);
    tf->t = calloc(nt ? (size_t)nt : 1, sizeof *tf->t);
    uint64_t *offs = calloc(nt ? (size_t)nt : 1, sizeof *offs);
    if (!tf->kv || !tf->t || !offs) {
        free(offs);
        return slt_fail(err, errlen, "%s: out of memory", tf->path);
    }
    int rc = 0;
    for (size_t i = 0; i < nkv && !rc; i++) {
        rc = rd_kv(&c, &tf->kv[i], i);
        tf->nkv = i + 1; /* freed by close even when half-read */
    }
    uint64_t align = GGUF_DEFAULT_ALIGNMENT;
    if (!rc) rc = alignment_of(&c, tf->kv, tf->nkv, &align);
    for (size_t i = 0; i < nt && !rc; i++) {
        rc = rd_tensor_info(&c, &tf->t[i], &offs[i], i);
        tf->nt = i + 1;
    }
    if (!rc) rc = place_tensors(&c, tf, offs, align);
    free(offs);
    return rc;
}
