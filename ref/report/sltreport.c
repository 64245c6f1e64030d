/* sltreport.c - the `make run` report: latency and energy per token of the
 * SPEC §10 model shapes on one configuration, from
 *   - the event/cycle model (slt_predict, docs/numerics.md §6) on synthetic
 *     ternary weights of each layer shape,
 *   - per-event energies calibrated from OpenSTA power of the synthesised
 *     array (synth/power_blocks.sh: power per block at toggle rates 0 and 1),
 *   - the SRAM access-energy and area MODEL (gen/sram_model.c),
 *   - the flow summaries (synth.sh, sta.sh, area.sh) and the stage log of
 *     scripts/run_flow.sh,
 * and writes report.md, report.json, area.svg, energy.svg. Every method,
 * constant and omission is in docs/report.md. The parts: report_ctx.h.
 *
 *   sltreport --config FILE --flow DIR --out DIR [--stages FILE] [--area FILE]
 *             [--dse SUMMARY.json] [--seed N] [--activity A] [--quick]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_ctx.h"

static void usage(void)
{
    fprintf(stderr, "usage: sltreport --config FILE --flow DIR --out DIR [--stages FILE] [--area FILE] "
                    "[--dse SUMMARY.json] [--seed N] [--activity A] [--quick]\n");
}

/* 0, 1 (--help) or 2 (usage printed) */
static int parse_args(int argc, char **argv, report *R)
{
    R->seed = SLT_MODEL_SEED;
    R->act = 0.5;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--quick") == 0) { R->quick = 1; continue; }
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) { usage(); return 1; }
        if (!v) { usage(); return 2; }
        if (strcmp(a, "--config") == 0) R->cfg_path = v;
        else if (strcmp(a, "--flow") == 0) R->flow = v;
        else if (strcmp(a, "--out") == 0) R->out = v;
        else if (strcmp(a, "--stages") == 0) R->stages_path = v;
        else if (strcmp(a, "--area") == 0) R->area_path = v;
        else if (strcmp(a, "--dse") == 0) R->dse_path = v;
        else if (strcmp(a, "--seed") == 0) R->seed = strtoull(v, NULL, 10);
        else if (strcmp(a, "--activity") == 0) R->act = atof(v);
        else { usage(); return 2; }
        i++;
    }
    if (!R->cfg_path || !R->flow || !R->out) { usage(); return 2; }
    if (!(R->act > 0 && R->act <= 1)) { fprintf(stderr, "sltreport: --activity must be in (0, 1]\n"); return 2; }
    return 0;
}

int main(int argc, char **argv)
{
    static report r;
    int st = parse_args(argc, argv, &r);
    if (st) return st == 1 ? 0 : 2;
    if (rep_load(&r) || rep_models(&r) || rep_figures(&r) || rep_json(&r) || rep_svgs(&r) || rep_md(&r)) return 2;
    return 0;
}
