/* slt_bufgeom.h - the SRAM buffers of the accelerator top (docs/top.md): word
 * widths and depths derived from the configuration, and the check that every
 * shape the configuration advertises (1 <= M <= max_m, 1 <= K <= max_k,
 * 1 <= N <= max_n) fits them. One place for the generator (gen/emit_top.c) and
 * the config validation (slt_config_finish). */
#ifndef SLT_BUFGEOM_H
#define SLT_BUFGEOM_H

#include <stddef.h>

#include "slt_config.h"

typedef struct {
    int wbuf_width, abuf_width, obuf_width; /* bits per word */
    long wbuf_depth;  /* words, a multiple of wbuf_regions: regions of wbuf_depth / wbuf_regions row blocks */
    long wbuf_regions; /* 2 * psum_chunks: one chunk's keys each; two tiles of psum_chunks chunks */
    long abuf_depth;  /* words: one chunk of one token each */
    long obuf_depth;  /* words: one row block of partial sums each */
    long mode_depth;  /* words of U mode bits: chunks of max_k (at least 2) */
    long max_rb;      /* ceil(max_m / row_lanes): row blocks of the largest M */
    long max_nc;      /* ceil(max_k / (lut_units * group_size)): chunks of the largest K */
} slt_buf_geom;

/* Fill g from cfg (acc_bits must be final, i.e. after the accumulator is derived). */
void slt_buf_geometry(const slt_config *cfg, slt_buf_geom *g);

/* Smallest wbuf_kib, abuf_kib, obuf_kib (in kib[0..2]) that pass slt_buf_check
 * with the other keys of cfg; may exceed the legal 65536. */
void slt_buf_min_kib(const slt_config *cfg, long kib[3]);

/* 0 when the largest shape fits every buffer (and every buffer has at least 2
 * words); else SLT_EXIT_BADINPUT with one line naming the buffer key, its value,
 * the smallest value that fits and the keys that could be lowered instead. */
int slt_buf_check(const slt_config *cfg, char *err, size_t errlen);

/* Physical SRAM banking and read latency of the top's buffers (docs/memory.md
 * "Banking and read latency"), from the SRAM model (gen/sram_model.c
 * slt_sram_banking, slt_sram_read_latency) on the stored word width (data plus
 * SECDED check bits with ecc = secded). Index 0 wbuf, 1 abuf, 2 obuf, 3 mode. */
typedef struct {
    long bank_depth[4];
    int banks[4];
    int read_latency;   /* one for all buffers: cycles from read request to data */
    int write_latency;  /* wbuf, abuf, obuf (the mode memory: 1): 2 = write registered */
} slt_buf_banking;

void slt_buf_banks(const slt_config *cfg, slt_buf_banking *b);

/* slt_buf_banks().read_latency, .write_latency */
int slt_buf_read_latency(const slt_config *cfg);
int slt_buf_write_latency(const slt_config *cfg);

#endif
