/* slt_tensorfile.h - read-only access to real checkpoint files (docs/import.md).
 *
 * Two container formats, detected by their first bytes:
 *   GGUF v3 (llama.cpp; magic "GGUF")            ref/slt_gguf.c
 *   safetensors (Hugging Face; u64 header length, then a JSON object)
 *                                                ref/slt_safetensors.c
 * The file is mapped read-only; every offset and size in it is checked against
 * the file size with overflow-safe arithmetic before anything is read, so a
 * malformed or hostile file is an error naming the file (and the tensor or key),
 * never a read outside the mapping.
 *
 * Shapes are given in the FILE's convention:
 *   GGUF:        shape[0] = ne[0] is the contiguous (fastest) dimension; a
 *                weight [out, in] is shape {in, out}.
 *   safetensors: row-major, the LAST dimension is contiguous; a weight
 *                [out, in] is shape {out, in}.
 * slt_tf_ternary() hides this: it always returns W as [M = out][K = in].
 *
 * Every function that can fail returns 0 or SLT_EXIT_BADINPUT with one line in
 * err (which names the file and, where there is one, the tensor). */
#ifndef SLT_TENSORFILE_H
#define SLT_TENSORFILE_H

#include <stddef.h>
#include <stdint.h>

typedef struct slt_tensorfile slt_tensorfile;

typedef enum { SLT_TF_GGUF = 0, SLT_TF_SAFETENSORS = 1 } slt_tf_format;

/* Element encodings. Numbers are ours, not ggml's (raw_type keeps ggml's id). */
typedef enum {
    SLT_TF_F32 = 0,
    SLT_TF_F16,
    SLT_TF_BF16,
    SLT_TF_F64,
    SLT_TF_U8,
    SLT_TF_I8,
    SLT_TF_U16,
    SLT_TF_I16,
    SLT_TF_U32,
    SLT_TF_I32,
    SLT_TF_U64,
    SLT_TF_I64,
    SLT_TF_BOOL,
    SLT_TF_TQ1_0, /* GGUF type 34: 256 weights per 54-byte block, base-3 + fp16 d */
    SLT_TF_TQ2_0, /* GGUF type 35: 256 weights per 66-byte block, 2-bit + fp16 d */
    SLT_TF_I2_S,  /* bitnet.cpp GGUF type 36: n/4 bytes of 2-bit codes + 32-byte tail (f32 scale) */
    SLT_TF_OTHER  /* anything else (e.g. GGUF Q4_K): listed, never decoded */
} slt_tf_dtype;

typedef struct {
    const char *name;      /* NUL-terminated (owned by the slt_tensorfile) */
    slt_tf_dtype dtype;
    uint32_t raw_type;     /* GGUF ggml type id; safetensors: 0 */
    int ndim;              /* 0..8 (0 = scalar) */
    uint64_t shape[8];     /* file convention, see above */
    uint64_t nelem;        /* product of shape (1 for ndim 0) */
    const uint8_t *data;   /* inside the mapping, valid until slt_tf_close */
    size_t nbytes;         /* exact byte size the dtype and shape need */
} slt_tf_tensor;

/* Open a file (format by magic). *out is NULL on failure. */
int slt_tf_open(const char *path, slt_tensorfile **out, char *err, size_t errlen);
/* The same over a caller's buffer (borrowed, not copied; must outlive the
 * handle). `label` stands for the file name in messages. Used by the fuzzers. */
int slt_tf_open_mem(const void *buf, size_t len, const char *label, slt_tensorfile **out, char *err,
                    size_t errlen);
void slt_tf_close(slt_tensorfile *tf);

slt_tf_format slt_tf_format_of(const slt_tensorfile *tf);
const char *slt_tf_path(const slt_tensorfile *tf);
size_t slt_tf_count(const slt_tensorfile *tf);
/* i in 0..count-1, in file order (GGUF: tensor-info order; safetensors: data offset order). */
const slt_tf_tensor *slt_tf_get(const slt_tensorfile *tf, size_t i);
/* NULL when absent. */
const slt_tf_tensor *slt_tf_find(const slt_tensorfile *tf, const char *name);

const char *slt_tf_dtype_name(slt_tf_dtype d); /* "F32", "BF16", "TQ2_0", "I2_S", ... */

/* Any F32/F16/BF16 tensor as float32 (exact conversions; F16 subnormals, inf
 * and NaN preserved), element order as stored. *out is malloc'ed (free it);
 * *n gets nelem. Other dtypes are an error naming the tensor. */
int slt_tf_read_f32(const slt_tensorfile *tf, const char *name, float **out, size_t *n, char *err,
                    size_t errlen);

/* ---- metadata -------------------------------------------------------------
 * GGUF: the key/value section (value types = GGUF's: 0 u8, 1 i8, 2 u16, 3 i16,
 * 4 u32, 5 i32, 6 f32, 7 bool, 8 string, 9 array, 10 u64, 11 i64, 12 f64).
 * safetensors: the "__metadata__" object (every value a string, type 8).
 * Lookups return 0 when found with a usable type, -1 when absent, -2 when the
 * key exists with another type (or an integer does not fit int64). */
enum {
    SLT_TF_KV_U8 = 0, SLT_TF_KV_I8, SLT_TF_KV_U16, SLT_TF_KV_I16, SLT_TF_KV_U32, SLT_TF_KV_I32,
    SLT_TF_KV_F32, SLT_TF_KV_BOOL, SLT_TF_KV_STRING, SLT_TF_KV_ARRAY, SLT_TF_KV_U64, SLT_TF_KV_I64,
    SLT_TF_KV_F64
};
size_t slt_tf_meta_count(const slt_tensorfile *tf);
const char *slt_tf_meta_key(const slt_tensorfile *tf, size_t i); /* NULL when out of range */
/* The value type of key (SLT_TF_KV_*), or -1 when absent. */
int slt_tf_meta_type(const slt_tensorfile *tf, const char *key);
/* Integer types and bool. */
int slt_tf_meta_int(const slt_tensorfile *tf, const char *key, int64_t *v);
/* f32/f64 (exact), or an integer type converted. */
int slt_tf_meta_float(const slt_tensorfile *tf, const char *key, double *v);
/* String: NUL-terminated copy owned by tf (a string with an embedded NUL is cut there). */
int slt_tf_meta_str(const slt_tensorfile *tf, const char *key, const char **v);
/* Array: its element type (SLT_TF_KV_*) and element count. */
int slt_tf_meta_array(const slt_tensorfile *tf, const char *key, int *elem_type, uint64_t *count);

/* ---- ternary weights --------------------------------------------------------
 * Decode one linear weight to int8 {-1,0,+1} W[M][K] (row-major, M = out,
 * K = in) and one float32 scale gamma with W_real = gamma * W (a multiplier).
 * Accepted encodings:
 *   GGUF TQ1_0, TQ2_0: every block's fp16 d that is not 0 must be the same
 *       value; gamma = that d as float32 (a block with d = 0 decodes to zeros).
 *   GGUF I2_S (bitnet.cpp x86 default layout): gamma = the f32 scale of the tail.
 *   safetensors U8 [out/4, in] (transformers' pack_weights) + "<base>.weight_scale"
 *       (one element, F32/F16/BF16): gamma = weight_scale, or 1/weight_scale in
 *       float32 when slt_tf_set_hf_scale_inverse(tf, 1) (linear_class
 *       "bitlinear"; default: "autobitlinear", the BitNet b1.58 2B-4T release).
 *   F32/F16/BF16 2-D: every non-zero |value| equal (gamma = that value, or
 *       0 for an all-zero tensor); values exactly in {-1,0,1} with a
 *       "<base>.weight_scale" companion take gamma from it (as above).
 * Anything else (a non-ternary value, a code outside the alphabet, disagreeing
 * block scales, NaN/Inf scales, a shape that is not 2-D or too large for int)
 * is refused: SLT_EXIT_BADINPUT, err names the file, the tensor and the reason.
 * *w is malloc'ed (free it); NULL on failure. */
int slt_tf_ternary(const slt_tensorfile *tf, const char *name, int8_t **w, int *m, int *k, float *gamma,
                   char *err, size_t errlen);
/* 1: a safetensors weight_scale is 1/gamma (transformers BitLinear); 0 (default):
 * it is gamma (AutoBitLinear). No effect on GGUF files. */
void slt_tf_set_hf_scale_inverse(slt_tensorfile *tf, int inverse);
/* 1 when slt_tf_ternary would try to decode this tensor as a linear weight:
 * TQ1_0/TQ2_0/I2_S, or U8 with a weight_scale companion, or F32/F16/BF16 2-D
 * (which may still be refused as not ternary). */
int slt_tf_is_ternary_candidate(const slt_tensorfile *tf, const slt_tf_tensor *t);

#endif
