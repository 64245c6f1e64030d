/* slt_psum.c - the events of the partial-sum dataflow estimate (slt_psum.h). */
#include "slt_psum.h"

#include <stdio.h>
#include <string.h>

#include "slt_bufgeom.h"

int slt_psum_token(const slt_config *base, const slt_model *ms, int mi, uint64_t seed, slt_events *tok, slt_events *rs,
                   char *err, size_t errlen)
{
    slt_model_shape sh[SLT_MODEL_SHAPES];
    slt_model_shapes(ms, sh);
    slt_config cfg = *base;
    memset(tok, 0, sizeof *tok);
    memset(rs, 0, sizeof *rs);
    for (int s = 0; s < SLT_MODEL_SHAPES; s++) {
        int m = sh[s].m, k = sh[s].k;
        if (cfg.max_k < k) cfg.max_k = k;
        if (cfg.max_m < m) cfg.max_m = m;
        slt_events ev;
        if (slt_model_predict(&cfg, m, k, 1, slt_model_weight_seed(seed, mi, s), &ev, err, errlen)) return 2;
        uint64_t t = (uint64_t)sh[s].count * (uint64_t)ms->layers;
        slt_events_add(tok, &ev, t);
        uint64_t r = (uint64_t)((m + cfg.row_lanes - 1) / cfg.row_lanes);
        rs->cycles += ev.cycles * t;
        rs->accumulates += ev.accumulates * t;
        rs->wbuf_reads += ev.wbuf_reads * t;
        rs->wbuf_writes += ev.wbuf_writes * t;
        rs->abuf_writes += ev.abuf_writes * t;
        rs->link_bytes += ev.link_bytes * t;
        rs->table_builds += ev.table_builds * r * t;
        rs->abuf_reads += ev.abuf_reads * r * t;
        rs->obuf_writes += r * t;
    }
    return 0;
}

int slt_psum_variant(const slt_config *cfg, int f, slt_config *out, char *err, size_t errlen)
{
    char v[16];
    *out = *cfg;
    if (f < 1 || cfg->row_lanes % f) {
        snprintf(err, errlen, "row_lanes %d not divisible by %d", cfg->row_lanes, f);
        return 1;
    }
    snprintf(v, sizeof v, "%d", cfg->lut_units * f);
    if (slt_config_set(out, "lut_units", v, err, errlen)) return 1;
    snprintf(v, sizeof v, "%d", cfg->row_lanes / f);
    return slt_config_set(out, "row_lanes", v, err, errlen) || slt_config_finish(out, err, errlen);
}

int slt_psum_tiles(const slt_config *cfg, int c, slt_config *out, int *raised, char *err, size_t errlen)
{
    char v[24];
    long kib[3];
    *out = *cfg;
    *raised = 0;
    snprintf(v, sizeof v, "%d", c);
    if (slt_config_set(out, "psum_chunks", v, err, errlen)) return 1;
    slt_buf_min_kib(out, kib);
    if (kib[0] > out->wbuf_kib) {
        snprintf(v, sizeof v, "%ld", kib[0]);
        if (slt_config_set(out, "wbuf_kib", v, err, errlen)) return 1;
        *raised = 1;
    }
    return slt_config_finish(out, err, errlen) != 0;
}

double slt_psum_rs_cycle_pj(double e_cycle, double bclk, double factor)
{
    return e_cycle + bclk / factor - bclk;
}
