/* report_lut.h - where the LUT pays: report.json `lut_vs_addsub_best` (docs/report.md).
 * The lowest measured SLT energy per ternary MAC over the best add/sub energy per MAC
 * at the same MAC/cycle: from a design-space sweep (build/dse/summary.json, written by
 * sltdse gather, ref/dse/dse_gather.c) when one has run, else from make run's own
 * energy stage (SLT and add/sub tops at this configuration's G/U/L, energy.kv), else
 * null with the reason. Target 0.75. */
#ifndef SLT_REPORT_LUT_H
#define SLT_REPORT_LUT_H

#include <stdio.h>

#include "report_kv.h"
#include "slt_config.h"

typedef struct {
    int have;
    int best_vs_best;   /* 1: a sweep's best SLT over its best add/sub; 0: one pair at the same placement */
    double ratio, slt_pj, addsub_pj, macs;
    char config[256], addsub_config[256];
    char source[1024];
    char note[512];   /* why null, or what the fallback passed over */
} lut_best;

/* dse_path: the sweep's summary.json or NULL; energy: FLOW/energy/energy.kv */
void lut_best_of(const char *dse_path, const kvfile *energy, const slt_config *cfg, lut_best *lb);
void lut_best_json(FILE *j, const lut_best *lb);
void lut_best_md(FILE *f, const lut_best *lb);

#endif
