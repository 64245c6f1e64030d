/* slt_tf_internal.h - what the two container readers share with
 * slt_tensorfile.c (not a public API). */
#ifndef SLT_TF_INTERNAL_H
#define SLT_TF_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "slt_tensorfile.h"

typedef struct {
    char *key;          /* NUL-terminated copy */
    int type;           /* SLT_TF_KV_* */
    int64_t i;          /* integer types, bool (U64 above INT64_MAX: big = 1) */
    uint64_t u;
    int big;
    double f;           /* F32 / F64 */
    char *str;          /* STRING: NUL-terminated copy (cut at an embedded NUL) */
    int arr_type;       /* ARRAY */
    uint64_t arr_count;
} slt_tf_kv;

struct slt_tensorfile {
    char *path;               /* label used in messages */
    slt_tf_format fmt;
    const uint8_t *base;      /* the whole file */
    size_t size;
    void *map;                /* mmap'ed region (NULL for slt_tf_open_mem) */
    size_t map_len;
    slt_tf_tensor *t;         /* file order */
    size_t nt;
    size_t *by_name;          /* indices into t sorted by name */
    slt_tf_kv *kv;
    size_t nkv;
    size_t *kv_by_key;
    int hf_inverse;
};

/* Both return 0 or SLT_EXIT_BADINPUT with err "<path>: ..." and fill tf->t,
 * tf->nt, tf->kv, tf->nkv (freed by slt_tf_close even on failure). */
int slt_gguf_parse(slt_tensorfile *tf, char *err, size_t errlen);
int slt_safetensors_parse(slt_tensorfile *tf, char *err, size_t errlen);

/* errors: slt_fail (slt_err.h). */

/* Overflow-checked helpers: return 0 on success, -1 on overflow. */
int slt_tf_mul(uint64_t a, uint64_t b, uint64_t *r);
int slt_tf_add(uint64_t a, uint64_t b, uint64_t *r);

/* Bytes per element for the fixed-size dtypes (0 for blocked/other). */
size_t slt_tf_elem_size(slt_tf_dtype d);

/* Element i of an F32/F16/BF16 tensor (caller checked the dtype and i < nelem). */
float slt_tf_float_at(const slt_tf_tensor *t, size_t i);

/* Element i of an F32/F16/BF16 tensor (caller checked the dtype and i < nelem). */
float slt_tf_float_at(const slt_tf_tensor *t, size_t i);

/* NUL-terminated copy of len bytes (cut at the first NUL); NULL if out of memory. */
char *slt_tf_strndup(const uint8_t *s, size_t len);

#endif
