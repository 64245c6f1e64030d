/* slt_safetensors.c - safetensors reader (Hugging Face; docs/import.md §2).
 *
 * Layout: u64 LE header length N, N bytes of JSON, then the data. The JSON is
 * one object: tensor name -> {"dtype": "F32"|..., "shape": [..],
 * "data_offsets": [begin, end]} (offsets relative to the end of the header),
 * plus an optional "__metadata__" object of string -> string.
 *
 * Checked as the reference implementation checks it: every tensor's byte span
 * equals its element count times its element size, and the spans, sorted,
 * tile the data section exactly (no gap, no overlap, nothing after). The JSON
 * parser is strict (RFC 8259 syntax, depth limit, no trailing data except
 * spaces) and never reads past the header. */
#include <stdlib.h>
#include <string.h>

#include "slt_config.h"
#include "slt_tf_internal.h"
#include "slt_err.h"

#define ST_MAX_HEADER (100u << 20) /* the reference implementation's limit */
#define ST_MAX_DEPTH 64
#define ST_MAX_DIMS 8

typedef struct {
    const uint8_t *p;
    size_t off, size; /* within the header */
    const char *path;
    char *err;
    size_t errlen;
} json;

static int jfail(json *j, const char *what)
{
    return slt_fail(j->err, j->errlen, "%s: bad safetensors header: %s at header byte %zu", j->path, what, j->off);
}

static void ws(json *j)
{
    while (j->off < j->size &&
           (j->p[j->off] == ' ' || j->p[j->off] == '\t' || j->p[j->off] == '\n' || j->p[j->off] == '\r'))
        j->off++;
}

static int peek(json *j)
{
    ws(j);
    return j->off < j->size ? j->p[j->off] : -1;
}

static int expect(json *j, char ch)
{
    if (peek(j) != ch) {
        char what[32];
        snprintf(what, sizeof what, "expected '%c'", ch);
        return jfail(j, what);
    }
    j->off++;
    return 0;
}

static int hex4(json *j, unsigned *v)
{
    if (j->size - j->off < 4) return jfail(j, "short \\u escape");
    *v = 0;
    for (int i = 0; i < 4; i++) {
        int ch = j->p[j->off++], d;
        if (ch >= '0' && ch <= '9') d = ch - '0';
        else if (ch >= 'a' && ch <= 'f') d = ch - 'a' + 10;
        else if (ch >= 'A' && ch <= 'F') d = ch - 'A' + 10;
        else return jfail(j, "bad \\u escape");
        *v = *v << 4 | (unsigned)d;
    }
    return 0;
}

static size_t put_utf8(char *o, unsigned cp)
{
    if (cp < 0x80) { o[0] = (char)cp; return 1; }
    if (cp < 0x800) { o[0] = (char)(0xc0 | cp >> 6); o[1] = (char)(0x80 | (cp & 0x3f)); return 2; }
    if (cp < 0x10000) {
        o[0] = (char)(0xe0 | cp >> 12); o[1] = (char)(0x80 | ((cp >> 6) & 0x3f)); o[2] = (char)(0x80 | (cp & 0x3f));
        return 3;
    }
    o[0] = (char)(0xf0 | cp >> 18); o[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3f)); o[3] = (char)(0x80 | (cp & 0x3f));
    return 4;
}

static int escape(json *j, char *o, size_t *n)
{
    if (j->off >= j->size) return jfail(j, "unterminated string");
    int ch = j->p[j->off++];
    static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
    const char *f = ch ? strchr(from, ch) : NULL;
    if (f) { o[(*n)++] = to[f - from]; return 0; }
    if (ch != 'u') return jfail(j, "bad escape");
    unsigned cp, lo;
    if (hex4(j, &cp)) return SLT_EXIT_BADINPUT;
    if (cp >= 0xd800 && cp < 0xdc00) {
        if (j->size - j->off < 2 || j->p[j->off] != '\\' || j->p[j->off + 1] != 'u') return jfail(j, "lone surrogate");
        j->off += 2;
        if (hex4(j, &lo)) return SLT_EXIT_BADINPUT;
        if (lo < 0xdc00 || lo > 0xdfff) return jfail(j, "bad surrogate pair");
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
    } else if (cp >= 0xdc00 && cp < 0xe000) {
        return jfail(j, "lone surrogate");
    }
    *n += put_utf8(o + *n, cp);
    return 0;
}

/* A string, unescaped into a malloc'ed NUL-terminated copy (NULL when out == NULL: skip). */
static int str(json *j, char **out, size_t *outlen)
{
    if (expect(j, '"')) return SLT_EXIT_BADINPUT;
    size_t start = j->off, end = start;
    while (end < j->size && j->p[end] != '"') end += j->p[end] == '\\' ? 2 : 1;
    if (end >= j->size) return jfail(j, "unterminated string");
    /* an escape never grows the text: \uXXXX (6 bytes) -> at most 3, pairs 12 -> 4 */
    char *o = malloc(end - start + 1);
    if (!o) return slt_fail(j->err, j->errlen, "%s: out of memory", j->path);
    size_t n = 0;
    while (j->off < j->size && j->p[j->off] != '"') {
        int ch = j->p[j->off++];
        if (ch < 0x20) {
            free(o);
            return jfail(j, "control character in string");
        }
        if (ch != '\\') o[n++] = (char)ch;
        else if (escape(j, o, &n)) {
            free(o);
            return SLT_EXIT_BADINPUT;
        }
    }
    if (j->off >= j->size) {
        free(o);
        return jfail(j, "unterminated string");
    }
    j->off++;
    o[n] = '\0';
    if (outlen) *outlen = n;
    if (out) *out = o;
    else free(o);
    return 0;
}

/* A non-negative integer without sign, fraction or exponent. */
static int uint_val(json *j, uint64_t *v)
{
    ws(j);
    size_t s = j->off;
    *v = 0;
    while (j->off < j->size && j->p[j->off] >= '0' && j->p[j->off] <= '9') {
        if (slt_tf_mul(*v, 10, v) || slt_tf_add(*v, (uint64_t)(j->p[j->off] - '0'), v))
            return jfail(j, "integer overflows 64 bits");
        j->off++;
    }
    if (j->off == s) return jfail(j, "expected a non-negative integer");
    if (j->p[s] == '0' && j->off - s > 1) return jfail(j, "leading zero");
    if (j->off < j->size && (j->p[j->off] == '.' || j->p[j->off] == 'e' || j->p[j->off] == 'E'))
        return jfail(j, "expected an integer");
    return 0;
}

static int skip_value(json *j, int depth);

static int skip_number(json *j)
{
    size_t s = j->off;
    if (j->off < j->size && j->p[j->off] == '-') j->off++;
    size_t d0 = j->off;
    while (j->off < j->size && j->p[j->off] >= '0' && j->p[j->off] <= '9') j->off++;
    if (j->off == d0) return jfail(j, "bad number");
    if (j->off < j->size && j->p[j->off] == '.') {
        size_t f0 = ++j->off;
        while (j->off < j->size && j->p[j->off] >= '0' && j->p[j->off] <= '9') j->off++;
        if (j->off == f0) return jfail(j, "bad number");
    }
    if (j->off < j->size && (j->p[j->off] == 'e' || j->p[j->off] == 'E')) {
        j->off++;
        if (j->off < j->size && (j->p[j->off] == '+' || j->p[j->off] == '-')) j->off++;
        size_t e0 = j->off;
        while (j->off < j->size && j->p[j->off] >= '0' && j->p[j->off] <= '9') j->off++;
        if (j->off == e0) return jfail(j, "bad number");
    }
    (void)s;
    return 0;
}

static int skip_word(json *j, const char *w)
{
    size_t n = strlen(w);
    if (j->size - j->off < n || memcmp(j->p + j->off, w, n)) return jfail(j, "unexpected token");
    j->off += n;
    return 0;
}

/* Any JSON value, checked and discarded. */
static int skip_value(json *j, int depth)
{
    if (depth > ST_MAX_DEPTH) return jfail(j, "nested too deeply");
    int ch = peek(j);
    if (ch == '"') return str(j, NULL, NULL);
    if (ch == '{' || ch == '[') {
        char close = ch == '{' ? '}' : ']';
        j->off++;
        if (peek(j) == close) { j->off++; return 0; }
        for (;;) {
            if (ch == '{' && (str(j, NULL, NULL) || expect(j, ':'))) return SLT_EXIT_BADINPUT;
            if (skip_value(j, depth + 1)) return SLT_EXIT_BADINPUT;
            int nx = peek(j);
            j->off++;
            if (nx == close) return 0;
            if (nx != ',') { j->off--; return jfail(j, "expected ',' or a closing bracket"); }
        }
    }
    if (ch == 't') return skip_word(j, "true");
    if (ch == 'f') return skip_word(j, "false");
    if (ch == 'n') return skip_word(j, "null");
    if (ch == '-' || (ch >= '0' && ch <= '9')) return skip_number(j);
    return jfail(j, "expected a value");
}

/* [u64, u64, ...] into v (at most max); *n gets the count. */
static int uint_array(json *j, uint64_t *v, int max, int *n, const char *what)
{
    *n = 0;
    if (expect(j, '[')) return SLT_EXIT_BADINPUT;
    if (peek(j) == ']') { j->off++; return 0; }
    for (;;) {
        if (*n == max) return jfail(j, what);
        if (uint_val(j, &v[(*n)++])) return SLT_EXIT_BADINPUT;
        int nx = peek(j);
        j->off++;
        if (nx == ']') return 0;
        if (nx != ',') { j->off--; return jfail(j, "expected ',' or ']'"); }
    }
}

static const struct { const char *name; slt_tf_dtype dt; size_t size; } g_dtypes[] = {
    {"F64", SLT_TF_F64, 8}, {"F32", SLT_TF_F32, 4}, {"F16", SLT_TF_F16, 2}, {"BF16", SLT_TF_BF16, 2},
    {"I64", SLT_TF_I64, 8}, {"I32", SLT_TF_I32, 4}, {"I16", SLT_TF_I16, 2}, {"I8", SLT_TF_I8, 1},
    {"U64", SLT_TF_U64, 8}, {"U32", SLT_TF_U32, 4}, {"U16", SLT_TF_U16, 2}, {"U8", SLT_TF_U8, 1},
    {"BOOL", SLT_TF_BOOL, 1}, {"F8_E4M3", SLT_TF_OTHER, 1}, {"F8_E5M2", SLT_TF_OTHER, 1},
};

typedef struct {
    uint64_t begin, end;
    size_t elem;
    int have_dtype, have_shape, have_offsets;
} st_info;

/* One tensor entry {"dtype": .., "shape": [..], "data_offsets": [b, e]}; other keys are skipped. */
static int tensor_entry(json *j, slt_tf_tensor *t, st_info *in)
{
    if (expect(j, '{')) return SLT_EXIT_BADINPUT;
    if (peek(j) == '}') { j->off++; return jfail(j, "empty tensor entry"); }
    for (;;) {
        char *k;
        if (str(j, &k, NULL)) return SLT_EXIT_BADINPUT;
        int rc = expect(j, ':');
        if (rc) {
            free(k);
            return rc;
        }
        if (!strcmp(k, "dtype")) {
            char *d;
            rc = in->have_dtype++ ? jfail(j, "dtype given twice") : str(j, &d, NULL);
            if (!rc) {
                size_t i = 0, nd = sizeof g_dtypes / sizeof g_dtypes[0];
                while (i < nd && strcmp(g_dtypes[i].name, d)) i++;
                if (i == nd)
                    rc = slt_fail(j->err, j->errlen, "%s: tensor '%s': unknown dtype '%.32s'", j->path, t->name, d);
                else {
                    t->dtype = g_dtypes[i].dt;
                    in->elem = g_dtypes[i].size;
                }
                free(d);
            }
        } else if (!strcmp(k, "shape")) {
            rc = in->have_shape++ ? jfail(j, "shape given twice")
                                  : uint_array(j, t->shape, ST_MAX_DIMS, &t->ndim, "more than 8 dimensions");
        } else if (!strcmp(k, "data_offsets")) {
            uint64_t o[2];
            int n;
            rc = in->have_offsets++ ? jfail(j, "data_offsets given twice") : uint_array(j, o, 2, &n, "data_offsets: "
                                                                                       "more than 2 values");
            if (!rc && n != 2) rc = jfail(j, "data_offsets must hold 2 values");
            in->begin = o[0];
            in->end = o[1];
        } else {
            rc = skip_value(j, 2);
        }
        free(k);
        if (rc) return rc;
        int nx = peek(j);
        j->off++;
        if (nx == '}') break;
        if (nx != ',') { j->off--; return jfail(j, "expected ',' or '}'"); }
    }
    if (!in->have_dtype || !in->have_shape || !in->have_offsets)
        return slt_fail(j->err, j->errlen, "%s: tensor '%s': entry lacks dtype, shape or data_offsets", j->path,
                           t->name);
    return 0;
}

/* "__metadata__": {"k": "v", ...} */
static int metadata(json *j, slt_tensorfile *tf, size_t *cap)
{
    if (expect(j, '{')) return SLT_EXIT_BADINPUT;
    if (peek(j) == '}') { j->off++; return 0; }
    for (;;) {
        if (tf->nkv == *cap) {
            size_t nc = *cap ? 2 * *cap : 8;
            slt_tf_kv *n = realloc(tf->kv, nc * sizeof *n);
            if (!n) return slt_fail(j->err, j->errlen, "%s: out of memory", j->path);
            tf->kv = n;
            *cap = nc;
        }
        slt_tf_kv *kv = &tf->kv[tf->nkv];
        memset(kv, 0, sizeof *kv);
        kv->type = SLT_TF_KV_STRING;
        tf->nkv++;
        if (str(j, &kv->key, NULL) || expect(j, ':')) return SLT_EXIT_BADINPUT;
        if (peek(j) != '"') return jfail(j, "__metadata__ values must be strings");
        if (str(j, &kv->str, NULL)) return SLT_EXIT_BADINPUT;
        int nx = peek(j);
        j->off++;
        if (nx == '}') return 0;
        if (nx != ',') { j->off--; return jfail(j, "expected ',' or '}'"); }
    }
}

static int grow_tensors(json *j, slt_tensorfile *tf, size_t *cap, st_info **info)
{
    if (tf->nt < *cap) return 0;
    size_t nc = *cap ? 2 * *cap : 16;
    slt_tf_tensor *n = realloc(tf->t, nc * sizeof *n);
    if (n) tf->t = n;
    st_info *ni = n ? realloc(*info, nc * sizeof *ni) : NULL;
    if (!n || !ni) return slt_fail(j->err, j->errlen, "%s: out of memory", j->path);
    *info = ni;
    *cap = nc;
    return 0;
}

/* Element count and byte span of one tensor. */
static int check_span(json *j, slt_tf_tensor *t, const st_info *in, uint64_t dlen)
{
    uint64_t nb;
    t->nelem = 1;
    for (int d = 0; d < t->ndim; d++)
        if (slt_tf_mul(t->nelem, t->shape[d], &t->nelem))
            return slt_fail(j->err, j->errlen, "%s: tensor '%s': element count overflows", j->path, t->name);
    if (slt_tf_mul(t->nelem, in->elem, &nb) || nb > SIZE_MAX)
        return slt_fail(j->err, j->errlen, "%s: tensor '%s': byte size overflows", j->path, t->name);
    if (in->end < in->begin || in->end - in->begin != nb)
        return slt_fail(j->err, j->errlen, "%s: tensor '%s': data_offsets [%llu, %llu] do not span the %llu bytes "
                           "its dtype and shape need", j->path, t->name, (unsigned long long)in->begin,
                           (unsigned long long)in->end, (unsigned long long)nb);
    if (in->end > dlen)
        return slt_fail(j->err, j->errlen, "%s: tensor '%s': data_offsets end %llu past the data section (%llu "
                           "bytes): truncated file", j->path, t->name, (unsigned long long)in->end,
                           (unsigned long long)dlen);
    t->nbytes = (size_t)nb;
    return 0;
}

static const st_info *g_sort_info;

static int cmp_span(const void *a, const void *b)
{
    const st_info *x = &g_sort_info[*(const size_t *)a], *y = &g_sort_info[*(const size_t *)b];
    if (x->begin != y->begin) return x->begin < y->begin ? -1 : 1;
    return x->end < y->end ? -1 : x->end > y->end;
}

/* The spans tile [0, dlen) exactly; tensors are then reordered by offset. */
static int check_tiling(json *j, slt_tensorfile *tf, const st_info *info, uint64_t dlen)
{
    size_t *ord = malloc((tf->nt ? tf->nt : 1) * sizeof *ord);
    slt_tf_tensor *sorted = malloc((tf->nt ? tf->nt : 1) * sizeof *sorted);
    if (!ord || !sorted) {
        free(ord);
        free(sorted);
        return slt_fail(j->err, j->errlen, "%s: out of memory", j->path);
    }
    for (size_t i = 0; i < tf->nt; i++) ord[i] = i;
    g_sort_info = info;
    qsort(ord, tf->nt, sizeof *ord, cmp_span);
    g_sort_info = NULL;
    uint64_t at = 0;
    int rc = 0;
    for (size_t i = 0; i < tf->nt && !rc; i++) {
        const st_info *in = &info[ord[i]];
        if (in->begin != at)
            rc = slt_fail(j->err, j->errlen, "%s: tensor '%s': data starts at %llu, expected %llu (gap or overlap "
                             "between tensors)", j->path, tf->t[ord[i]].name, (unsigned long long)in->begin,
                             (unsigned long long)at);
        at = in->end;
        sorted[i] = tf->t[ord[i]];
    }
    if (!rc && at != dlen)
        rc = slt_fail(j->err, j->errlen, "%s: %llu bytes of data after the last tensor (data section %llu bytes)",
                         j->path, (unsigned long long)(dlen - at), (unsigned long long)dlen);
    if (!rc && tf->nt) memcpy(tf->t, sorted, tf->nt * sizeof *sorted);
    free(ord);
    free(sorted);
    return rc;
}

static int members(json *j, slt_tensorfile *tf, st_info **info, uint64_t dlen)
{
    size_t tcap = 0, kcap = 0;
    int seen_meta = 0;
    if (expect(j, '{')) return SLT_EXIT_BADINPUT;
    if (peek(j) == '}') { j->off++; return 0; }
    for (;;) {
        char *name;
        size_t nlen;
        if (str(j, &name, &nlen)) return SLT_EXIT_BADINPUT;
        int rc = expect(j, ':');
        if (!rc && !strcmp(name, "__metadata__")) {
            free(name);
            rc = seen_meta++ ? jfail(j, "__metadata__ given twice") : metadata(j, tf, &kcap);
        } else if (!rc && (nlen == 0 || strlen(name) != nlen)) {
            free(name);
            rc = jfail(j, "tensor name empty or holding a NUL");
        } else if (!rc && !(rc = grow_tensors(j, tf, &tcap, info))) {
            slt_tf_tensor *t = &tf->t[tf->nt];
            st_info *in = &(*info)[tf->nt];
            memset(t, 0, sizeof *t);
            memset(in, 0, sizeof *in);
            t->name = name;
            tf->nt++;
            rc = tensor_entry(j, t, in);
            if (!rc) rc = check_span(j, t, in, dlen);
            if (!rc) t->data = tf->base + (tf->size - dlen) + in->begin;
        } else {
            free(name);
        }
        if (rc) return rc;
        int nx = peek(j);
        j->off++;
        if (nx == '}') return 0;
        if (nx != ',') { j->off--; return jfail(j, "expected ',' or '}'"); }
    }
}

int slt_safetensors_parse(slt_tensorfile *tf, char *err, size_t errlen)
{
    uint64_t n = 0;
    for (int i = 7; i >= 0; i--) n = n << 8 | tf->base[i];
    if (n > ST_MAX_HEADER || n > tf->size - 8)
        return slt_fail(err, errlen, "%s: safetensors header length %llu exceeds the file (%zu bytes) or the "
                           "100 MiB limit", tf->path, (unsigned long long)n, tf->size);
    json j = {tf->base + 8, 0, (size_t)n, tf->path, err, errlen};
    uint64_t dlen = tf->size - 8 - n;
    st_info *info = NULL;
    int rc = members(&j, tf, &info, dlen);
    if (!rc) {
        ws(&j);
        if (j.off != j.size) rc = jfail(&j, "trailing bytes after the JSON object");
    }
    if (!rc) rc = check_tiling(&j, tf, info, dlen);
    free(info);
    return rc;
}
