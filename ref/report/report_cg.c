/* report_cg.c - clock gating in the report (report_cg.h). */
#include "report_cg.h"

#include <math.h>
#include <string.h>

#include "report_text.h"

static void text(char *dst, size_t len, const char *s, const char *dflt) { snprintf(dst, len, "%s", s && *s ? s : dflt); }

void cg_result_of(const kvfile *kv, cg_result *cg)
{
    memset(cg, 0, sizeof *cg);
    cg->on = cg->off = cg->reduction = NAN;
    if (!kv->present) {
        text(cg->scope, sizeof cg->scope, "not measured", "");
        return;
    }
    const char *m = kv_str(kv, "method");
    if (!m || !*m) { /* not a result of the energy flow's cg-energy stage (synth/energy.sh) */
        text(cg->scope, sizeof cg->scope, "not measured: the cg-energy result has no method key", "");
        return;
    }
    cg->present = 1;
    text(cg->workload, sizeof cg->workload, kv_str(kv, "workload"), "n/a");
    text(cg->method, sizeof cg->method, m, "");
    cg->on = kv_num(kv, "on.array_pj_per_mac");
    cg->off = kv_num(kv, "off.array_pj_per_mac");
    cg->reduction = kv_num(kv, "reduction");
    text(cg->scope, sizeof cg->scope, kv_str(kv, "scope"), "not stated by the stage");
    if (!isfinite(cg->reduction) && isfinite(cg->on) && isfinite(cg->off) && cg->off > 0) cg->reduction = 1 - cg->on / cg->off;
}

static void jnum(FILE *j, double v)
{
    if (isfinite(v)) fprintf(j, "%.6g", v);
    else fputs("null", j);
}

void cg_result_json(FILE *j, const cg_result *cg)
{
    fprintf(j, ",\n  \"clock_gating_pj_per_mac\": {\"on\": ");
    jnum(j, cg->on);
    fprintf(j, ", \"off\": ");
    jnum(j, cg->off);
    fprintf(j, ", \"reduction\": ");
    jnum(j, cg->reduction);
    fprintf(j, ", \"method\": ");
    if (cg->present) report_json_str(j, cg->method);
    else fputs("null", j);
    fprintf(j, ", \"scope\": ");
    report_json_str(j, cg->scope);
    fprintf(j, "}");
}

void cg_result_md_row(FILE *f, const cg_result *cg)
{
    if (!cg->present) return;
    fprintf(f, "| clock gating, array pJ/MAC | %.3g gated vs %.3g ungated (%.1f %% less) | %s; %s; same workload (%s) | - | - |\n",
            cg->on, cg->off, 100 * cg->reduction, cg->method, cg->scope, cg->workload);
}
