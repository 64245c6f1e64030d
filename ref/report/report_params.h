/* report_params.h - the energy parameters of the make run report (slt_energy.h):
 * filled from the flow's calibrations, and the parameters file sltref generate
 * reads (OUT/energy_params.kv, docs/report.md "Energy parameters file"). */
#ifndef SLT_REPORT_PARAMS_H
#define SLT_REPORT_PARAMS_H

#include "slt_config.h"
#include "slt_energy.h"
#include "sram_model.h"

/* configuration, SRAM (28 nm model: pJ/bit of each buffer) and link parts */
void energy_params_common(const slt_config *cfg, const slt_sram_estimate *wbuf, const slt_sram_estimate *abuf,
                          const slt_sram_estimate *obuf, double link_pj_per_bit, slt_energy_params *p);
/* logic per-event energies (sky130 pJ) and their scale to the reported node */
void energy_params_logic(slt_energy_params *p, double e_cycle, double e_build, double e_term, double e_ctrl,
                         double scale);
/* method / provenance / node / leaves_out of the two calibrations */
void energy_params_text_global(slt_energy_params *p, double activity, int have_ctrl);
void energy_params_text_measured(slt_energy_params *p, const char *flow);
/* OUT/energy_params.kv from head, or removed when head is NULL (no logic energy). 0 or 2. */
int energy_params_emit(const char *out, const slt_energy_params *head);

#endif
