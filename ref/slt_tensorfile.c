/* slt_tensorfile.c - the container-independent half of the checkpoint reader:
 * open/close, look-ups, metadata, float conversion (docs/import.md). The
 * ternary decoders are in slt_ternary.c; the parsers in slt_gguf.c and
 * slt_safetensors.c. */
#include "slt_tensorfile.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "slt_config.h"
#include "slt_f16.h"
#include "slt_tf_internal.h"
#include "slt_err.h"

int slt_tf_mul(uint64_t a, uint64_t b, uint64_t *r)
{
    if (a && b > UINT64_MAX / a) return -1;
    *r = a * b;
    return 0;
}

int slt_tf_add(uint64_t a, uint64_t b, uint64_t *r)
{
    if (b > UINT64_MAX - a) return -1;
    *r = a + b;
    return 0;
}

size_t slt_tf_elem_size(slt_tf_dtype d)
{
    switch (d) {
    case SLT_TF_F64: case SLT_TF_U64: case SLT_TF_I64: return 8;
    case SLT_TF_F32: case SLT_TF_U32: case SLT_TF_I32: return 4;
    case SLT_TF_F16: case SLT_TF_BF16: case SLT_TF_U16: case SLT_TF_I16: return 2;
    case SLT_TF_U8: case SLT_TF_I8: case SLT_TF_BOOL: return 1;
    default: return 0;
    }
}

char *slt_tf_strndup(const uint8_t *s, size_t len)
{
    const void *nul = len ? memchr(s, 0, len) : NULL;
    if (nul) len = (size_t)((const uint8_t *)nul - s);
    char *c = malloc(len + 1);
    if (!c) return NULL;
    if (len) memcpy(c, s, len);
    c[len] = '\0';
    return c;
}

const char *slt_tf_dtype_name(slt_tf_dtype d)
{
    static const char *const names[] = {"F32", "F16", "BF16", "F64", "U8", "I8", "U16", "I16", "U32",
                                        "I32", "U64", "I64", "BOOL", "TQ1_0", "TQ2_0", "I2_S", "OTHER"};
    return (unsigned)d <= SLT_TF_OTHER ? names[d] : "?";
}

/* ---- sorting for the look-ups ------------------------------------------------ */

static const slt_tensorfile *g_sort_tf; /* qsort has no context argument in C11 */

static int cmp_tensor(const void *a, const void *b)
{
    return strcmp(g_sort_tf->t[*(const size_t *)a].name, g_sort_tf->t[*(const size_t *)b].name);
}

static int cmp_kv(const void *a, const void *b)
{
    return strcmp(g_sort_tf->kv[*(const size_t *)a].key, g_sort_tf->kv[*(const size_t *)b].key);
}

/* Sorted indices; a duplicate name or key is an error naming it. */
static int build_index(slt_tensorfile *tf, char *err, size_t errlen)
{
    tf->by_name = malloc((tf->nt ? tf->nt : 1) * sizeof *tf->by_name);
    tf->kv_by_key = malloc((tf->nkv ? tf->nkv : 1) * sizeof *tf->kv_by_key);
    if (!tf->by_name || !tf->kv_by_key) return slt_fail(err, errlen, "%s: out of memory", tf->path);
    for (size_t i = 0; i < tf->nt; i++) tf->by_name[i] = i;
    for (size_t i = 0; i < tf->nkv; i++) tf->kv_by_key[i] = i;
    g_sort_tf = tf;
    qsort(tf->by_name, tf->nt, sizeof *tf->by_name, cmp_tensor);
    qsort(tf->kv_by_key, tf->nkv, sizeof *tf->kv_by_key, cmp_kv);
    g_sort_tf = NULL;
    for (size_t i = 1; i < tf->nt; i++)
        if (!strcmp(tf->t[tf->by_name[i]].name, tf->t[tf->by_name[i - 1]].name))
            return slt_fail(err, errlen, "%s: tensor '%s' appears twice", tf->path, tf->t[tf->by_name[i]].name);
    for (size_t i = 1; i < tf->nkv; i++)
        if (!strcmp(tf->kv[tf->kv_by_key[i]].key, tf->kv[tf->kv_by_key[i - 1]].key))
            return slt_fail(err, errlen, "%s: metadata key '%s' appears twice", tf->path,
                               tf->kv[tf->kv_by_key[i]].key);
    return 0;
}

/* ---- open / close ------------------------------------------------------------ */

static int parse(slt_tensorfile *tf, char *err, size_t errlen)
{
    int rc;
    if (tf->size >= 4 && !memcmp(tf->base, "GGUF", 4)) {
        tf->fmt = SLT_TF_GGUF;
        rc = slt_gguf_parse(tf, err, errlen);
    } else if (tf->size >= 9 && tf->base[8] == '{') {
        tf->fmt = SLT_TF_SAFETENSORS;
        rc = slt_safetensors_parse(tf, err, errlen);
    } else {
        return slt_fail(err, errlen,
                           "%s: not a GGUF file (no \"GGUF\" magic) nor a safetensors file (no JSON header "
                           "after the 8-byte length)", tf->path);
    }
    return rc ? rc : build_index(tf, err, errlen);
}

static slt_tensorfile *new_tf(const char *label)
{
    slt_tensorfile *tf = calloc(1, sizeof *tf);
    if (!tf) return NULL;
    tf->path = slt_tf_strndup((const uint8_t *)label, strlen(label));
    if (!tf->path) {
        free(tf);
        return NULL;
    }
    return tf;
}

/* Parse an opened file; on success hand it to *out, else free it. */
static int parse_into(slt_tensorfile *tf, slt_tensorfile **out, char *err, size_t errlen)
{
    int rc = parse(tf, err, errlen);
    if (rc) {
        slt_tf_close(tf);
        return rc;
    }
    *out = tf;
    return 0;
}

int slt_tf_open_mem(const void *buf, size_t len, const char *label, slt_tensorfile **out, char *err,
                    size_t errlen)
{
    *out = NULL;
    slt_tensorfile *tf = new_tf(label ? label : "(memory)");
    if (!tf) return slt_fail(err, errlen, "%s: out of memory", label ? label : "(memory)");
    tf->base = buf;
    tf->size = len;
    return parse_into(tf, out, err, errlen);
}

int slt_tf_open(const char *path, slt_tensorfile **out, char *err, size_t errlen)
{
    *out = NULL;
    struct stat st;
    if (stat(path, &st) != 0) return slt_fail(err, errlen, "%s: cannot read: %s", path, strerror(errno));
    if (!S_ISREG(st.st_mode)) return slt_fail(err, errlen, "%s: cannot read: not a regular file", path);
    if (st.st_size == 0) return slt_fail(err, errlen, "%s: empty file", path);
    if ((unsigned long long)st.st_size > SIZE_MAX) return slt_fail(err, errlen, "%s: file too large", path);
    int fd = open(path, O_RDONLY);
    if (fd < 0) return slt_fail(err, errlen, "%s: cannot read: %s", path, strerror(errno));
    /* size from the open descriptor: the mapping never exceeds the file */
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size == 0) {
        close(fd);
        return slt_fail(err, errlen, "%s: cannot read (file changed)", path);
    }
    size_t len = (size_t)st.st_size;
    void *map = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (map == MAP_FAILED) return slt_fail(err, errlen, "%s: cannot map: %s", path, strerror(errno));
    slt_tensorfile *tf = new_tf(path);
    if (!tf) {
        munmap(map, len);
        return slt_fail(err, errlen, "%s: out of memory", path);
    }
    tf->map = map;
    tf->map_len = len;
    tf->base = map;
    tf->size = len;
    return parse_into(tf, out, err, errlen);
}

void slt_tf_close(slt_tensorfile *tf)
{
    if (!tf) return;
    for (size_t i = 0; i < tf->nt; i++) free((char *)tf->t[i].name);
    for (size_t i = 0; i < tf->nkv; i++) {
        free(tf->kv[i].key);
        free(tf->kv[i].str);
    }
    free(tf->t);
    free(tf->kv);
    free(tf->by_name);
    free(tf->kv_by_key);
    if (tf->map) munmap(tf->map, tf->map_len);
    free(tf->path);
    free(tf);
}

/* ---- look-ups ------------------------------------------------------------------ */

slt_tf_format slt_tf_format_of(const slt_tensorfile *tf) { return tf->fmt; }
const char *slt_tf_path(const slt_tensorfile *tf) { return tf->path; }
size_t slt_tf_count(const slt_tensorfile *tf) { return tf->nt; }

const slt_tf_tensor *slt_tf_get(const slt_tensorfile *tf, size_t i)
{
    return i < tf->nt ? &tf->t[i] : NULL;
}

const slt_tf_tensor *slt_tf_find(const slt_tensorfile *tf, const char *name)
{
    size_t lo = 0, hi = tf->nt;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(tf->t[tf->by_name[mid]].name, name);
        if (c == 0) return &tf->t[tf->by_name[mid]];
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}

void slt_tf_set_hf_scale_inverse(slt_tensorfile *tf, int inverse) { tf->hf_inverse = inverse != 0; }

/* ---- float tensors --------------------------------------------------------------- */

float slt_tf_float_at(const slt_tf_tensor *t, size_t i)
{
    const uint8_t *p = t->data;
    if (t->dtype == SLT_TF_F32) {
        uint32_t u = (uint32_t)p[4 * i] | (uint32_t)p[4 * i + 1] << 8 | (uint32_t)p[4 * i + 2] << 16 |
                     (uint32_t)p[4 * i + 3] << 24;
        float f;
        memcpy(&f, &u, sizeof f);
        return f;
    }
    uint16_t h = (uint16_t)(p[2 * i] | p[2 * i + 1] << 8);
    return t->dtype == SLT_TF_F16 ? slt_f16_to_f32(h) : slt_bf16_to_f32(h);
}

int slt_tf_read_f32(const slt_tensorfile *tf, const char *name, float **out, size_t *n, char *err, size_t errlen)
{
    *out = NULL;
    *n = 0;
    const slt_tf_tensor *t = slt_tf_find(tf, name);
    if (!t) return slt_fail(err, errlen, "%s: no tensor '%s'", tf->path, name);
    if (t->dtype != SLT_TF_F32 && t->dtype != SLT_TF_F16 && t->dtype != SLT_TF_BF16)
        return slt_fail(err, errlen, "%s: tensor '%s' is %s, expected F32, F16 or BF16", tf->path, name,
                           slt_tf_dtype_name(t->dtype));
    if (t->nelem > SIZE_MAX / sizeof(float))
        return slt_fail(err, errlen, "%s: tensor '%s' too large", tf->path, name);
    float *v = malloc(t->nelem ? (size_t)t->nelem * sizeof *v : 1);
    if (!v) return slt_fail(err, errlen, "%s: tensor '%s': out of memory", tf->path, name);
    for (size_t i = 0; i < (size_t)t->nelem; i++) v[i] = slt_tf_float_at(t, i);
    *out = v;
    *n = (size_t)t->nelem;
    return 0;
}

/* ---- metadata -------------------------------------------------------------------- */

static const slt_tf_kv *find_kv(const slt_tensorfile *tf, const char *key)
{
    size_t lo = 0, hi = tf->nkv;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(tf->kv[tf->kv_by_key[mid]].key, key);
        if (c == 0) return &tf->kv[tf->kv_by_key[mid]];
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}

size_t slt_tf_meta_count(const slt_tensorfile *tf) { return tf->nkv; }

const char *slt_tf_meta_key(const slt_tensorfile *tf, size_t i)
{
    return i < tf->nkv ? tf->kv[i].key : NULL;
}

int slt_tf_meta_type(const slt_tensorfile *tf, const char *key)
{
    const slt_tf_kv *kv = find_kv(tf, key);
    return kv ? kv->type : -1;
}

static int is_int_type(int t)
{
    return t == SLT_TF_KV_U8 || t == SLT_TF_KV_I8 || t == SLT_TF_KV_U16 || t == SLT_TF_KV_I16 ||
           t == SLT_TF_KV_U32 || t == SLT_TF_KV_I32 || t == SLT_TF_KV_U64 || t == SLT_TF_KV_I64 ||
           t == SLT_TF_KV_BOOL;
}

int slt_tf_meta_int(const slt_tensorfile *tf, const char *key, int64_t *v)
{
    const slt_tf_kv *kv = find_kv(tf, key);
    if (!kv) return -1;
    if (!is_int_type(kv->type) || kv->big) return -2;
    *v = kv->i;
    return 0;
}

int slt_tf_meta_float(const slt_tensorfile *tf, const char *key, double *v)
{
    const slt_tf_kv *kv = find_kv(tf, key);
    if (!kv) return -1;
    if (kv->type == SLT_TF_KV_F32 || kv->type == SLT_TF_KV_F64) *v = kv->f;
    else if (is_int_type(kv->type)) *v = kv->big ? (double)kv->u : (double)kv->i;
    else return -2;
    return 0;
}

int slt_tf_meta_str(const slt_tensorfile *tf, const char *key, const char **v)
{
    const slt_tf_kv *kv = find_kv(tf, key);
    if (!kv) return -1;
    if (kv->type != SLT_TF_KV_STRING) return -2;
    *v = kv->str;
    return 0;
}

int slt_tf_meta_array(const slt_tensorfile *tf, const char *key, int *elem_type, uint64_t *count)
{
    const slt_tf_kv *kv = find_kv(tf, key);
    if (!kv) return -1;
    if (kv->type != SLT_TF_KV_ARRAY) return -2;
    *elem_type = kv->arr_type;
    *count = kv->arr_count;
    return 0;
}
