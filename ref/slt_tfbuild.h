/* slt_tfbuild.h - write small GGUF and safetensors images in memory, and the
 * ternary encodings of real checkpoints (docs/import.md). For the tests, the
 * fuzzers' seed corpora and the import benchmark: the encoders follow the
 * writers' published code (llama.cpp quantize_row_tq{1,2}_0_ref, bitnet.cpp
 * quantize_i2_s x86, transformers pack_weights), independently of the
 * decoders in slt_ternary.c. */
#ifndef SLT_TFBUILD_H
#define SLT_TFBUILD_H

#include <stddef.h>
#include <stdint.h>

/* ---- encoders (n a multiple of 256 for TQ*, of 128 for I2_S, m of 4 for HF) ---- */
/* w in {-1,0,1}; d = fp16 bits of the block scale (the same for every block). */
void slt_tfb_tq2_0(const int8_t *w, size_t n, uint16_t d, uint8_t *out);  /* n/256*66 bytes */
void slt_tfb_tq1_0(const int8_t *w, size_t n, uint16_t d, uint8_t *out);  /* n/256*54 bytes */
void slt_tfb_i2_s(const int8_t *w, size_t n, float scale, uint8_t *out);  /* n/4 + 32 bytes */
void slt_tfb_hf_u8(const int8_t *w, size_t m, size_t k, uint8_t *out);    /* m/4*k bytes */

/* ---- GGUF v3 ----------------------------------------------------------------------- */
typedef struct {
    const char *key;
    int type;          /* SLT_TF_KV_*: integers, F32/F64, BOOL, STRING, or ARRAY of strings */
    int64_t i;
    double f;
    const char *s;
    const char *const *arr; /* ARRAY: arr_n strings */
    size_t arr_n;
} slt_tfb_kv;

typedef struct {
    const char *name;
    uint32_t ggml_type;
    int ndim;
    uint64_t ne[4];    /* ne[0] contiguous */
    const void *data;
    size_t nbytes;
} slt_tfb_gguf_tensor;

/* Returns a malloc'ed image in *out (free it), or -1 out of memory. */
int slt_tfb_gguf(const slt_tfb_kv *kv, size_t nkv, const slt_tfb_gguf_tensor *t, size_t nt, uint32_t alignment,
                 uint8_t **out, size_t *len);

/* ---- safetensors ------------------------------------------------------------------- */
typedef struct {
    const char *name;
    const char *dtype; /* "F32", "BF16", "U8", ... */
    int ndim;
    uint64_t shape[8];
    const void *data;
    size_t nbytes;
} slt_tfb_st_tensor;

/* metadata: NULL or a JSON object text for "__metadata__". Tensors are laid
 * out in the given order. */
int slt_tfb_safetensors(const slt_tfb_st_tensor *t, size_t nt, const char *metadata, uint8_t **out, size_t *len);

#endif
