/* sltdse.c - the design-space sweep's tool (docs/dse.md).
 *
 *   sltdse predict --config FILE [--set key=value]...
 *       peak and prefill ternary MAC/cycle of a configuration from the event
 *       model (slt_predict): prefill = a GEMM with N = max_n on the 3B
 *       up-projection shape K=3200, M=8640 clipped to max_k/max_m, synthetic
 *       ternary weights (P(0) = P(+1) = P(-1) = 1/3, or binary), seed 1.
 *
 *   sltdse psum --config FILE [--set key=value]... --energy ENERGY_KV
 *       what the partial-sum dataflow would save per 3B token: an estimate
 *       from make energy's measured per-event energies (dse_psum.c).
 *
 *   sltdse gather --out DIR POINTDIR...
 *       reads each POINTDIR/point.kv (scripts/dse_point.sh) and its
 *       configuration, writes DIR/results.csv, DIR/results.json,
 *       DIR/pareto_energy_area.svg, DIR/pareto_pj_macs.svg and
 *       DIR/summary.json (lut_vs_addsub_best), and prints the table.
 *       Rows are sorted by point name, so the output does not depend on the
 *       order the points finished in (local make -j or Slurm).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dse_points.h"
#include "slt_config.h"
#include "slt_gemm.h"
#include "slt_models.h"

static int usage(void)
{
    fprintf(stderr, "usage: sltdse predict --config FILE [--set key=value]...\n"
                    "       sltdse psum --config FILE [--set key=value]... --energy ENERGY_KV\n"
                    "       sltdse gather --out DIR POINTDIR...\n");
    return 2;
}

static int cmd_predict(int argc, char **argv)
{
    slt_config cfg;
    char err[SLT_ERRLEN];
    if (slt_config_from_args(&cfg, &argc, argv, err, sizeof err)) {
        fprintf(stderr, "sltdse: %s\n", err);
        return 2;
    }
    if (argc != 1) return usage();
    /* the 3B up-projection: K = hidden, M = MLP size (ref/slt_models.h) */
    const slt_model *up = &slt_models[SLT_MODEL_3B];
    int k = cfg.max_k < up->hidden ? cfg.max_k : up->hidden;
    int m = cfg.max_m < up->inter ? cfg.max_m : up->inter;
    int n = cfg.max_n;
    slt_events ev;
    if (slt_model_predict(&cfg, m, k, n, SLT_MODEL_SEED, &ev, err, sizeof err)) {
        fprintf(stderr, "sltdse: %s\n", err);
        return 2;
    }
    printf("peak_macs_per_cycle=%d\n", cfg.row_lanes * cfg.lut_units * cfg.group_size);
    printf("prefill_shape=%dx%dx%d\n", m, k, n);
    printf("prefill_cycles=%llu\n", (unsigned long long)ev.cycles);
    printf("prefill_macs_per_cycle=%.6g\n", (double)m * k * n / (double)ev.cycles);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) return usage();
    if (strcmp(argv[1], "predict") == 0) return cmd_predict(argc - 1, argv + 1);
    if (strcmp(argv[1], "gather") == 0) return dse_gather(argc - 1, argv + 1);
    if (strcmp(argv[1], "psum") == 0) return dse_psum(argc - 1, argv + 1);
    return usage();
}
