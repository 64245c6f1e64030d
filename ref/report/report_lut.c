/* report_lut.c - lut_vs_addsub_best in the report (report_lut.h). */
#include "report_lut.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report_text.h"
#include "slt_json.h"

#define TARGET 0.75

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *buf = malloc(SLT_JSON_MAX_BYTES + 1);
    if (buf) *len = fread(buf, 1, SLT_JSON_MAX_BYTES + 1, f);
    fclose(f);
    return buf;
}

static double num_of(const slt_json *o, const char *k)
{
    const slt_json *v = slt_json_get(o, k);
    return v && v->type == SLT_JSON_NUMBER ? v->number : NAN;
}

static const char *str_of(const slt_json *o, const char *k)
{
    const slt_json *v = slt_json_get(o, k);
    return v && v->type == SLT_JSON_STRING ? v->str : "";
}

/* 1 when the sweep gave a pair; else 0 with the reason in lb->note */
static int from_dse(const char *path, lut_best *lb)
{
    size_t len = 0;
    char *text = read_all(path, &len);
    if (!text) { snprintf(lb->note, sizeof lb->note, "no sweep (%s not found: make dse)", path); return 0; }
    slt_json *doc = NULL;
    char err[256];
    int st = slt_json_parse(text, len, &doc, err, sizeof err);
    free(text);
    if (st) { snprintf(lb->note, sizeof lb->note, "sweep summary %s unreadable (%s)", path, err); return 0; }
    const slt_json *b = slt_json_get(doc, "lut_vs_addsub_best");
    int ok = b && b->type == SLT_JSON_OBJECT && isfinite(num_of(b, "ratio")) && isfinite(num_of(b, "slt_pj_per_mac")) &&
             isfinite(num_of(b, "addsub_pj_per_mac"));
    if (ok) {
        lb->ratio = num_of(b, "ratio");
        lb->slt_pj = num_of(b, "slt_pj_per_mac");
        lb->addsub_pj = num_of(b, "addsub_pj_per_mac");
        lb->macs = num_of(b, "macs_per_cycle");
        snprintf(lb->config, sizeof lb->config, "%s", str_of(b, "config"));
        snprintf(lb->addsub_config, sizeof lb->addsub_config, "%s", str_of(b, "addsub_config"));
        snprintf(lb->source, sizeof lb->source, "design-space sweep %s (sltdse gather: lowest SLT pJ/MAC over the best "
                 "add/sub pJ/MAC at the same peak MAC/cycle; gate-level simulation activity, sky130 tt)", path);
    } else {
        snprintf(lb->note, sizeof lb->note, "the sweep in %s has no SLT and add/sub pair measured at the same MAC/cycle", path);
    }
    slt_json_free(doc);
    return ok;
}

static int from_energy(const kvfile *kv, const slt_config *cfg, lut_best *lb)
{
    double s = kv_num(kv, "slt.array_pj_per_mac"), a = kv_num(kv, "addsub.array_pj_per_mac");
    if (!(isfinite(s) && isfinite(a) && s > 0 && a > 0)) return 0;
    lb->slt_pj = s;
    lb->addsub_pj = a;
    lb->ratio = s / a;
    lb->macs = (double)cfg->row_lanes * cfg->lut_units * cfg->group_size;
    snprintf(lb->config, sizeof lb->config, "%s (G%d U%d L%d, pipe_stages %d, slt)", cfg->name, cfg->group_size,
             cfg->lut_units, cfg->row_lanes, cfg->pipe_stages);
    snprintf(lb->addsub_config, sizeof lb->addsub_config, "%s (G%d U%d L%d, pipe_stages %d, addsub)", cfg->name,
             cfg->group_size, cfg->lut_units, cfg->row_lanes, cfg->pipe_stages);
    snprintf(lb->source, sizeof lb->source, "make run's energy stage only (SLT and add/sub tops at this configuration's "
             "G/U/L, gate-level simulation activity, energy.kv): one pair, not a sweep's best - %.400s", lb->note);
    return 1;
}

void lut_best_of(const char *dse_path, const kvfile *energy, const slt_config *cfg, lut_best *lb)
{
    memset(lb, 0, sizeof *lb);
    lb->ratio = lb->slt_pj = lb->addsub_pj = lb->macs = NAN;
    if (dse_path && from_dse(dse_path, lb)) { lb->have = lb->best_vs_best = 1; return; }
    if (!dse_path) snprintf(lb->note, sizeof lb->note, "no sweep (build/dse/summary.json absent: make dse)");
    if (from_energy(energy, cfg, lb)) { lb->have = 1; return; }
    size_t n = strlen(lb->note);
    snprintf(lb->note + n, sizeof lb->note - n, "; and the energy stage measured no SLT/add-sub pair (RUN_ENERGY empty, "
             "no sky130 liberty, or ENERGY_ADDSUB=0)");
}

void lut_best_json(FILE *j, const lut_best *lb)
{
    fprintf(j, ",\n  \"lut_vs_addsub_best\": ");
    if (!lb->have) {
        fprintf(j, "null,\n  \"lut_vs_addsub_note\": ");
        report_json_str(j, lb->note);
        return;
    }
    fprintf(j, "{\"ratio\": %.6g, \"config\": ", lb->ratio);
    report_json_str(j, lb->config);
    fprintf(j, ", \"addsub_config\": ");
    report_json_str(j, lb->addsub_config);
    fprintf(j, ", \"slt_pj_per_mac\": %.6g, \"addsub_pj_per_mac\": %.6g, \"macs_per_cycle\": ", lb->slt_pj, lb->addsub_pj);
    if (isfinite(lb->macs)) fprintf(j, "%g", lb->macs);
    else fprintf(j, "null");
    /* met only best against best (a sweep): one pair at the same pipeline placement says nothing
       about the add/sub array at its best placement */
    fprintf(j, ", \"target\": %g, \"best_against_best\": %s, \"met\": %s, \"source\": ", TARGET,
            lb->best_vs_best ? "true" : "false", !lb->best_vs_best ? "null" : lb->ratio <= TARGET ? "true" : "false");
    report_json_str(j, lb->source);
    fprintf(j, "}");
}

void lut_best_md(FILE *f, const lut_best *lb)
{
    fprintf(f, "## Where the LUT pays: SLT vs add/sub energy per ternary MAC\n\n");
    if (!lb->have) {
        fprintf(f, "Not measured: %s. `lut_vs_addsub_best` is null in report.json. Target: SLT ÷ add/sub ≤ %.2f.\n\n",
                lb->note, TARGET);
        return;
    }
    fprintf(f, "`lut_vs_addsub_best` = SLT pJ/MAC ÷ add/sub pJ/MAC at the same MAC/cycle: **%.3f** (target ≤ %.2f: **%s**). "
               "SLT `%s` %.3f pJ/MAC against add/sub `%s` %.3f pJ/MAC",
            lb->ratio, TARGET,
            !lb->best_vs_best ? "not established: one pair at the same pipeline placement, not the add/sub array at its "
                                "best placement (make dse compares best against best)"
            : lb->ratio <= TARGET ? "met" : "missed",
            lb->config, lb->slt_pj, lb->addsub_config, lb->addsub_pj);
    if (isfinite(lb->macs)) fprintf(f, " at %g MAC/cycle", lb->macs);
    fprintf(f, ". Source: %s.\n\n", lb->source);
}
