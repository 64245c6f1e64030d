/* slt_vectors.h - stimulus for the array testbenches (docs/array.md §7): the
 * issue schedule both testbenches follow, test weights and activations with the
 * hard corners, wide bit-vector helpers, and the vector files the Icarus
 * testbench replays.
 *
 * Vector files (slt_vectors_write), all text, in `dir`:
 *   meta.txt      "key value" lines: format 1, config, hash, g, u, l, act_bits,
 *                 acc_bits, binary, array (slt|addsub), row_field_bits, latency,
 *                 psum_delay,
 *                 m, k, n, row_blocks, n_chunks, cycles, outputs, seed.
 *   cycles.txt    one line per clock cycle, the array's inputs for that cycle:
 *                   tbl_valid tbl_mode tbl_act row_valid token row_block first row_keys
 *                 tbl_valid, row_valid, token, row_block, first: decimal;
 *                 tbl_mode, tbl_act, row_keys: hex, MSB first, exactly the port
 *                 width (ref/slt_arrayif.h gives every bit position; row_keys is
 *                 in the array kind's own field format). first = 1: this is the
 *                 row block's first chunk, its psum is 0; otherwise its psum
 *                 is the value the array returned for (token, row block) last
 *                 time. The psum goes on row_psum_i slt_array_psum_delay()
 *                 cycles after the issue (meta "psum_delay"); the testbench
 *                 keeps the issued rows in order to know which. Idle cycles
 *                 are all zeros. The schedule keeps issues of one (token, row
 *                 block) slt_array_reissue_gap() cycles apart, so a psum is
 *                 always back in the buffer before it is read again.
 *   expected.txt  one line per output, token-major: "token row value", value
 *                 in hex, acc_bits two's complement (row < m only; padding rows
 *                 are not compared). Computed by slt_gemm_lut and checked equal
 *                 to slt_gemm_naive before writing. */
#ifndef SLT_VECTORS_H
#define SLT_VECTORS_H

#include <stddef.h>
#include <stdint.h>

#include "slt_config.h"
#include "slt_gemm.h"
#include "slt_prng.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One cycle of array input. */
typedef struct {
    int tbl_valid; /* load the tables of (chunk, token) */
    int row_valid; /* issue row block row_block of (chunk, token) */
    int chunk, token, row_block;
} slt_cycle;

/* The issue schedule: chunk-major, token-minor (each chunk's keys serve every
 * token in turn: one weight fetch, N uses; the tables are reloaded per token),
 * tables loaded in the cycle of the chunk's first row block, and a row block
 * issued no earlier than `gap` cycles after the same (token, row block) of the
 * previous chunk (slt_array_reissue_gap), so its partial sum is back. Idle
 * cycles fill the gaps. *cycles is malloc'ed. */
int slt_schedule_build(const slt_stream *s, int n, int gap, slt_cycle **cycles, size_t *ncycles, char *err,
                       size_t errlen);

/* Stimulus styles. MIXED weights give every group a random style: dense,
 * at most one non-zero per row (the packer puts it in buffer mode), all zero
 * (skips), all +1, all -1; MIXED activations boost the extremes and zero. */
typedef enum { SLT_W_MIXED, SLT_W_ZERO, SLT_W_PLUS, SLT_W_MINUS, SLT_W_DENSE } slt_weight_style;
typedef enum { SLT_X_MIXED, SLT_X_MIN, SLT_X_MAX, SLT_X_ONES } slt_act_style;

/* w[m*k] in the config's alphabet (binary: +-1 only; ZERO becomes MIXED). */
void slt_vectors_weights(const slt_config *cfg, int m, int k, slt_weight_style style, slt_prng *p, int8_t *w);
/* x[n*k] inside act_bits. MIN is -2^(act_bits-1) everywhere, MAX 2^(act_bits-1)-1. */
void slt_vectors_acts(const slt_config *cfg, int n, int k, slt_act_style style, slt_prng *p, int16_t *x);

/* Wide little-endian bit vectors of 32-bit words (the layout of Verilator's
 * wide ports). width <= 64. */
void slt_bits_put(uint32_t *words, int lsb, int width, uint64_t value);
uint64_t slt_bits_get(const uint32_t *words, int lsb, int width);
/* Exactly ceil(width/4) hex digits, MSB first, into out (room for them + NUL). */
void slt_bits_hex(const uint32_t *words, int width, char *out);

/* The array's tbl_act_i for one token and chunk (activations past K are 0). */
void slt_vectors_tbl_act(const slt_config *cfg, const int16_t *xt, int k, int chunk, uint32_t *words);
/* The array's row_keys_i for one chunk and row block. */
void slt_vectors_row_keys(const slt_config *cfg, const slt_stream *s, int chunk, int row_block, uint32_t *words);
/* tbl_mode_i of one chunk. */
uint64_t slt_vectors_tbl_mode(const slt_stream *s, int chunk);

/* Draw W (MIXED) and X (MIXED) from seed, and write the files above into dir
 * (created if missing). */
int slt_vectors_write(const slt_config *cfg, int m, int k, int n, uint64_t seed, const char *dir, char *err,
                      size_t errlen);

#ifdef __cplusplus
}
#endif

#endif
