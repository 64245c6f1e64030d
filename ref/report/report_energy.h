/* report_energy.h - the measured energy of `make energy` (scripts/energy_run.sh,
 * build/flow/<cfg>/energy/energy.kv) in the report: per-event energies from
 * gate-level simulation activity, SLT vs add/sub pJ per ternary MAC, slew
 * violations. docs/report.md "Measured energy". */
#ifndef SLT_REPORT_ENERGY_H
#define SLT_REPORT_ENERGY_H

#include <stdio.h>

#include "report_kv.h"

typedef struct {
    int ok;                       /* energy.kv with the SLT per-event energies */
    kvfile kv;
    double e_cycle_pj;            /* sky130 pJ: clock + leakage of every block, data of the non-array blocks */
    double e_build_pj;            /* one table build (builders' data energy) */
    double e_term_pj;             /* one lookup or buffer-mode add (lanes' data energy) */
    double pj_slt, pj_addsub;     /* array pJ per ternary MAC, sky130 tt, at the configuration's clock */
    double slew_array;            /* max-transition violations on array pins after buffering */
} energy_meas;

/* reads FLOW/energy/energy.kv; em->ok = 0 when it is missing or incomplete */
void energy_meas_load(const char *flow, energy_meas *em);
/* the report.json fields energy_method, array_pj_per_mac, slew_violations and
 * energy_measured {...}, each preceded by ",\n  " */
void energy_meas_json(FILE *j, const energy_meas *em);
/* the report.md section; mj_meas / mj_global: 3B per token, 28 nm */
void energy_meas_md(FILE *f, const energy_meas *em, double mj_meas, double mj_global);

#endif
