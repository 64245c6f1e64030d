/* slt_vectors.h - stimulus for the array testbenches (docs/array.md §7): the
 * issue schedule both testbenches follow, test weights and activations with the
 * hard corners, wide bit-vector helpers, and the vector files the Icarus
 * testbench replays.
 *
 * Vector files (slt_vectors_write), all text, in `dir`:
 *   meta.txt      "key value" lines: format 1, config, hash, g, u, l, act_bits,
 *                 acc_bits, binary, array (slt|addsub), row_field_bits, latency,
 *                 psum_delay, psum_chunks (only when > 1),
 *                 m, k, n, row_blocks, n_chunks, cycles, outputs, seed.
 *   cycles.txt    one line per clock cycle, the array's inputs for that cycle:
 *                   tbl_valid tbl_mode tbl_act row_valid token row_block first row_keys [slot]
 *                 tbl_valid, row_valid, token, row_block, first, slot: decimal;
 *                 tbl_mode, tbl_act, row_keys: hex, MSB first, exactly the port
 *                 width (ref/slt_arrayif.h gives every bit position; row_keys is
 *                 in the array kind's own field format). first (slt_psum_src of
 *                 a row issue, 0 otherwise): 1 = this is the row block's first
 *                 chunk, its psum is 0; 0 = its psum is the value the array
 *                 returned for (token, row block) last time, from the buffer;
 *                 2 (psum_chunks > 1) = forwarded: the array's row_psum_o in the
 *                 cycle the psum is due (the previous chunk of this row block
 *                 comes out right then). The psum goes on row_psum_i
 *                 slt_array_psum_delay() cycles after the issue (meta
 *                 "psum_delay"); the testbench keeps the issued rows in order
 *                 to know which. Idle cycles are all zeros. The schedule keeps
 *                 buffered issues of one (token, row block)
 *                 slt_array_reissue_gap() cycles apart, so a psum is always
 *                 back in the buffer before it is read again. slot (only when
 *                 psum_chunks > 1, meta "psum_chunks"): tbl_slot_i and
 *                 row_slot_i of that cycle.
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

/* One cycle of array input. A table load and a row issue in the same cycle
 * are always of the same (chunk, token) and slot. */
typedef struct {
    int tbl_valid; /* load the tables of (chunk, token) into table slot `slot` */
    int row_valid; /* issue row block row_block of (chunk, token), using table slot `slot` */
    int chunk, token, row_block;
    int slot;      /* chunk mod psum_chunks (0 when psum_chunks = 1) */
} slt_cycle;

/* Where the partial sum of a row issue of `chunk` comes from: */
typedef enum {
    SLT_PSUM_ZERO,   /* the first chunk: 0 */
    SLT_PSUM_BUFFER, /* a tile's first chunk: the buffer (what the array returned for the previous chunk) */
    SLT_PSUM_FORWARD /* a tile's later chunk (psum_chunks > 1): the array's own row_psum_o of the previous
                        chunk's issue, which comes out in exactly the cycle this issue needs it */
} slt_psum_src;
slt_psum_src slt_schedule_psum_src(int chunk, int psum_chunks);

/* The issue schedule, psum_chunks = C (docs/array.md §7, "Table slots"): tiles
 * of C chunks (the last one may be short: cj chunks), tile-major, token-minor
 * (each tile's keys serve every token in turn: one weight fetch, N uses; the
 * tables are reloaded per token). Per (tile, token) pass: cj table loads
 * (chunk tile*C + j into slot j) and the row issues, row block major, chunk
 * minor, chunk j with slot j; the cj issues of one row block are back to back
 * (chunks j > 0 forward the partial sum, SLT_PSUM_FORWARD). Table loads go
 * with the row issue of row block 0 of their chunk in even passes (C = 1:
 * always; rule 1 at its edge), on their own cycles before the pass's rows in
 * odd passes (C > 1; the top's order). A tile's first issue of a row block
 * comes no earlier than `gap` cycles after that row block's last issue of
 * the previous tile (slt_array_reissue_gap), so its partial sum is back in the
 * buffer; idle cycles fill the gaps. C = 1 is the chunk-major schedule with
 * the tables loaded in the cycle of the chunk's first row block. *cycles is
 * malloc'ed. */
int slt_schedule_build(const slt_stream *s, int n, int gap, int psum_chunks, slt_cycle **cycles, size_t *ncycles,
                       char *err, size_t errlen);

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
