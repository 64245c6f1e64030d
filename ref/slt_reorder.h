/* slt_reorder.h - index reordering (docs/array.md §3a, SPEC §4): the packer may
 * permute the rows of a weight matrix inside tiles of row blocks so that each
 * lane's key input (row_keys_i) flips fewer bits from one row issue to the next.
 *
 * The hardware is not involved: a weight packet carries its rows in *slot* order
 * (slot j = the row the array computes j-th, lane j % L of row block j / L), and
 * the accelerator returns its results in the same slot order. The host (libsltdrv,
 * slt_drv_gemv) builds the packet from the permuted rows and writes result j to
 * row perm[j]. So the permutation never travels to the device and the device's
 * contract ("result j belongs to packet row j") is unchanged.
 *
 * Schedule the key bus sees (docs/numerics.md §5, slt_schedule_build, the top's
 * controller): chunk by chunk, token by token, row block 0..RB-1; lane l of row
 * block b carries slot b*L + l. A lane therefore sees the slots l, L+l, 2L+l, ...
 * in every (chunk, token) pass, and the bits it flips are the Hamming distances
 * between the fields (slt_row_field) of consecutive slots of that lane. With
 * psum_chunks C > 1 the passes are per tile of C chunks and each row block's
 * chunks of the tile are issued back to back (slt_keybus_count follows that
 * order; the reordering heuristic still assumes the C = 1 order). */
#ifndef SLT_REORDER_H
#define SLT_REORDER_H

#include <stddef.h>
#include <stdint.h>

#include "slt_config.h"
#include "slt_gemm.h"

/* Row blocks per reorder tile: rows move only inside a tile of this many row
 * blocks (TILE*L rows, aligned to row blocks), which bounds the packer's cost to
 * O(M * TILE*L * K) bit operations. */
#define SLT_REORDER_TILE_BLOCKS 64

/* perm[j] = the original row placed in slot j (0 <= j < m); a bijection on
 * 0..m-1. cfg->reorder = none gives the identity; greedy: per tile, a
 * nearest-neighbour chain over the rows' key fields (Hamming distance summed over
 * every chunk and unit, ties to the lowest row), started at the tile's first row,
 * cut into one run per lane (lane l gets the l-th run on its slots, in order).
 * Deterministic. Returns 0 or an error (bad weights, K > max_k, out of memory). */
int slt_reorder_perm(const slt_config *cfg, const int8_t *w, int m, int k, int *perm, char *err, size_t errlen);

/* wp[j][.] = w[perm[j]][.]: the rows in slot order (what the packet carries). */
void slt_reorder_rows(const int8_t *w, int m, int k, const int *perm, int8_t *wp);

/* y[t][perm[j]] = ys[t][j] for N tokens: results in slot order back to rows. */
void slt_reorder_results(const int32_t *ys, int n, int m, const int *perm, int32_t *y);

/* 1 when perm[0..m-1] is a permutation of 0..m-1. */
int slt_reorder_is_bijection(const int *perm, int m);

/* slt_gemm_lut with cfg->reorder applied the way the hardware sees it: the
 * stream built from the permuted rows, results back at their original rows.
 * Bit-identical to slt_gemm_lut with reorder = none (tested); events equal
 * too (every count is a sum over rows). */
int slt_gemm_lut_reordered(const slt_config *cfg, const int8_t *w, const int16_t *x, int32_t *y, int m, int k,
                           int n, slt_events *ev, char *err, size_t errlen);

/* Key-bus activity of a stream in the array's schedule for N tokens. */
typedef struct {
    uint64_t issues;       /* row issues (N * chunks * row blocks) */
    uint64_t fields;       /* lane-unit fields presented (issues * L * U), padding included */
    uint64_t bus_toggles;  /* bits of row_keys_i that differ from the previous issue's */
    uint64_t opnd_toggles; /* bits the lanes' gated operand registers flip (docs/array.md §5):
                              slt: the key, loaded only when not a skip; addsub: per weight a
                              subtract bit loaded only when the weight is non-zero */
} slt_keybus;

/* Count slt_keybus for the stream s (built under cfg) and N tokens. The first
 * issue is compared with an all-zero bus; the operand registers start from
 * opnd_init[l*U + u] (slt: the key; addsub: bit i = weight i's subtract bit), or
 * from zero when opnd_init is NULL. The array testbench checks opnd_toggles
 * against the RTL's operand registers (tb/tb_gemm.cpp). */
void slt_keybus_count(const slt_config *cfg, const slt_stream *s, int n, const uint32_t *opnd_init, slt_keybus *kb);

#endif
