/* slt_psum.h - the event arithmetic of `sltdse psum` (ref/dse/dse_psum.c,
 * docs/dse.md "Partial sums: an estimate"): one decode token of a model under
 * the event model as configured (obuf read-modify-write per chunk and row block)
 * and the same token row-stationary (the lanes keep a row block's partial sums
 * across every chunk: one obuf write per row block, no read; every chunk's
 * tables built and its abuf word read once per row block). */
#ifndef SLT_PSUM_H
#define SLT_PSUM_H

#include <stddef.h>
#include <stdint.h>

#include "slt_config.h"
#include "slt_gemm.h"
#include "slt_models.h"

/* The token of model ms (index mi of its weight seeds, slt_model_weight_seed(seed,
 * mi, s)) on cfg, max_k / max_m raised to each shape: tok as configured, rs
 * row-stationary (per shape R = ceil(M / L) row blocks). 0, or 2 with err. */
int slt_psum_token(const slt_config *cfg, const slt_model *ms, int mi, uint64_t seed, slt_events *tok, slt_events *rs,
                   char *err, size_t errlen);

/* cfg with lut_units x f and row_lanes / f (the same peak MAC/cycle). 0, or 1
 * with err when row_lanes is not divisible by f or the result is refused. */
int slt_psum_variant(const slt_config *cfg, int f, slt_config *out, char *err, size_t errlen);

/* cfg with psum_chunks = c (partial sums kept in the lanes across c chunks, the built
 * dataflow, docs/top.md), wbuf_kib raised to the smallest that holds its 2c regions when
 * cfg's is too small (*raised = 1). 0, or 1 with err when the result is refused. */
int slt_psum_tiles(const slt_config *cfg, int c, slt_config *out, int *raised, char *err, size_t errlen);

/* Row-stationary cycle energy (pJ): e_cycle with the table builders' clock
 * running every cycle instead of at its measured clock factor: their measured
 * clock energy per cycle bclk (already in e_cycle) becomes bclk / factor. */
double slt_psum_rs_cycle_pj(double e_cycle, double bclk, double factor);

#endif
