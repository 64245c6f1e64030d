/* report_cg.h - clock gating in the report: report.json `clock_gating_pj_per_mac`
 * {"on", "off", "reduction", "method", "scope"} and its report.md row, from stage
 * cg-energy's FLOW/cg_energy/result.kv (gate-level simulation activity: method,
 * on/off.array_pj_per_mac, reduction, scope, workload). docs/report.md. */
#ifndef SLT_REPORT_CG_H
#define SLT_REPORT_CG_H

#include <stdio.h>

#include "report_kv.h"

typedef struct {
    int present;
    double on, off, reduction;   /* pJ per ternary MAC; reduction = 1 - on/off */
    char method[256], scope[512], workload[256];
} cg_result;

void cg_result_of(const kvfile *kv, cg_result *cg);
void cg_result_json(FILE *j, const cg_result *cg);
/* one row of the side-by-side table (nothing when not measured) */
void cg_result_md_row(FILE *f, const cg_result *cg);

#endif
