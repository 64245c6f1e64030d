/* slt_gemm.h - the integer core: naive GEMM, the LUT GEMM the array implements,
 * the array's weight stream (keys + per-group modes) and its event counts.
 * Layout everywhere: W is [M][K] row-major int8, X is [N][K] row-major int16
 * (holding int4/int8/int16 values), Y is [N][M] row-major int32: Y = X * W^T.
 * See docs/numerics.md §4-§6 for the exact schedule. */
#ifndef SLT_GEMM_H
#define SLT_GEMM_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "slt_config.h"

/* Event counts for one GEMV/GEMM (docs/numerics.md §6). */
typedef struct {
    uint64_t cycles;          /* predicted cycles: max(compute, link); the fill is in compute_cycles */
    uint64_t compute_cycles;  /* array-bound cycles */
    uint64_t link_cycles;     /* weight bytes / (bus_bits/8), rounded up */
    uint64_t table_builds;    /* tables built (LUT-mode groups x tokens) */
    uint64_t build_adds;      /* adders fired building them */
    uint64_t lookups;         /* non-zero keys in LUT-mode groups x tokens */
    uint64_t skipped_groups;  /* all-zero keys x tokens: no read, no add */
    uint64_t buffer_groups;   /* (chunk, group) pairs in buffer mode x tokens */
    uint64_t buffer_adds;     /* non-zero keys in buffer-mode groups x tokens */
    uint64_t accumulates;     /* terms added into accumulators (lookups + buffer_adds) */
    uint64_t wbuf_reads, wbuf_writes;
    uint64_t abuf_reads, abuf_writes;
    uint64_t obuf_reads, obuf_writes;
    uint64_t weight_bytes;    /* packed weight bytes on the link (config's format) */
    uint64_t link_bytes;      /* weights + activations in + results out */
    /* Activation slicing (act_slice_bits; docs/numerics.md §8): every table
     * build above is S slice tables, every term S entry reads joined by S-1
     * shift-adds. With slicing off S = 1: slice_tables = table_builds,
     * slice_reads = accumulates, slice_adds = 0. */
    uint64_t slice_tables;    /* slice tables built (table_builds x S) */
    uint64_t slice_reads;     /* slice entries read (accumulates x S) */
    uint64_t slice_adds;      /* shift-adds joining them (accumulates x (S-1)) */
    /* The top's PERF_CYCLES_BUSY, exactly, under ideal streams (ref/slt_busy.h;
     * docs/top.md "Cycles and counters"): the GEMV/GEMM command is
     * busy_desc_cycles + busy_run_cycles + busy_out_cycles; the LOAD_ACT of its
     * N tokens that precedes it is load_busy_cycles. */
    uint64_t busy_cycles;       /* PERF_CYCLES_BUSY of the GEMV/GEMM command */
    uint64_t busy_desc_cycles;  /* descriptor: setup, division, multiplication, checks, done */
    uint64_t busy_run_cycles;   /* compute: modes, weights, passes, array drain (includes compute_cycles' work) */
    uint64_t busy_out_cycles;   /* result read-out */
    uint64_t load_busy_cycles;  /* PERF_CYCLES_BUSY of LOAD_ACT (K, N) */
} slt_events;

/* The array's view of W: groups of G along K (last one zero-padded), chunks of
 * U groups (one table per group per chunk), row blocks of L rows. */
typedef struct {
    int g, u, l, binary;
    int m, k;
    int n_groups;     /* ceil(K/G) */
    int n_chunks;     /* ceil(n_groups/U) */
    int row_blocks;   /* ceil(M/L) */
    uint8_t *modes;   /* [n_chunks*U]: 0 = LUT mode, 1 = buffer mode (padding groups: 0) */
    uint32_t *keys;   /* [n_chunks][row_blocks*L][U]; padding rows/groups hold the padding key */
    /* Added (docs/numerics.md §5): */
    int act_bits;     /* cfg->act_bits, so slt_gemm_lut_stream can check activations */
    int key_bits;     /* slt_key_bits(g, binary) <= 8 */
    uint8_t *keys8;   /* same layout and values as keys, one byte each (fast path) */
    int slice_bits;   /* cfg->act_slice_bits: 0 off, else tables per activation slice */
} slt_stream;

/* Naive reference: y[n][m] = sum_k x[n][k]*w[m][k], exact in int64; an int32
 * overflow is reported as an error. */
int slt_gemm_naive(const int8_t *w, const int16_t *x, int32_t *y, int m, int k, int n, char *err, size_t errlen);

/* Build the array stream of W under cfg (G, U, L, binary from weight_format,
 * buffer_mode). Rejects weights outside the format's alphabet and K > max_k. */
int slt_stream_build(const slt_config *cfg, const int8_t *w, int m, int k, slt_stream *s, char *err, size_t errlen);
void slt_stream_free(slt_stream *s);

/* Build one table from G activations a[0..G-1]; table gets slt_table_entries(). */
void slt_table_build(const int16_t *a, int g, int binary, int32_t *table);
/* Look a key up (sign applied); a ternary skip key returns 0. */
int32_t slt_table_lookup(const int32_t *table, uint32_t key, int g, int binary);

/* Activation slicing (docs/numerics.md §8), slice_bits = act_slice_bits (0:
 * off, one slice of act_bits). Slice s of a: bits [s*B +: B], the top slice
 * (s = S-1) signed, the lower ones unsigned; a = sum_s slice * 2^(s*B). */
int32_t slt_act_slice(int32_t a, int s, int act_bits, int slice_bits);
/* S tables of slt_table_entries() each, tables[s*E + j]: the table of slice s.
 * slice_bits = 0: exactly slt_table_build. */
void slt_table_build_sliced(const int16_t *a, int g, int binary, int act_bits, int slice_bits, int32_t *tables);
/* The array's sliced read: the S entries the key's magnitude selects, joined
 * by shift-adds (sum_s T_s << s*B), then the key's sign; a skip key gives 0. */
int32_t slt_table_lookup_sliced(const int32_t *tables, uint32_t key, int g, int binary, int act_bits,
                                int slice_bits);

/* LUT GEMM exactly as the array computes it (tables per chunk, keys, signs,
 * skip, buffer mode). ev may be NULL. Checks K <= max_k and every activation
 * inside act_bits. */
int slt_gemm_lut(const slt_config *cfg, const int8_t *w, const int16_t *x, int32_t *y, int m, int k, int n,
                 slt_events *ev, char *err, size_t errlen);

/* Added: the same sums as slt_gemm_lut on a prebuilt stream (built once per
 * weight matrix), with signed tables indexed by the raw key: the fast path for
 * big shapes and the bench. Bit-exact with slt_gemm_lut (tested). Checks every
 * activation inside s->act_bits; y is [N][M]. */
int slt_gemm_lut_stream(const slt_stream *s, const int16_t *x, int32_t *y, int n, char *err, size_t errlen);

/* Cycle and event prediction for N tokens against W (no activations needed). */
int slt_predict(const slt_config *cfg, const int8_t *w, int m, int k, int n, slt_events *ev, char *err, size_t errlen);

/* One JSON object with every field of ev (and the shape), newline-terminated. */
void slt_events_json(const slt_events *ev, int m, int k, int n, FILE *f);

#endif
