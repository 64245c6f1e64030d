/* report_params.c - the report's energy parameters (report_params.h). */
#include "report_params.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

void energy_params_common(const slt_config *cfg, const slt_sram_estimate *wbuf, const slt_sram_estimate *abuf,
                          const slt_sram_estimate *obuf, double link_pj_per_bit, slt_energy_params *p)
{
    memset(p, 0, sizeof *p);
    snprintf(p->config_name, sizeof p->config_name, "%s", cfg->name);
    p->config_hash = slt_config_hash(cfg);
    slt_energy_access_bits(cfg, p);
    p->wbuf_pj_per_bit = wbuf->pj_per_bit;
    p->abuf_pj_per_bit = abuf->pj_per_bit;
    p->obuf_pj_per_bit = obuf->pj_per_bit;
    p->link_pj_per_bit = link_pj_per_bit;
    snprintf(p->node, sizeof p->node, "28 nm: logic scaled from sky130 tt 1.8 V by C*V^2 (logic.scale, not a 28 nm "
                                      "characterisation); SRAM from the analytic model gen/sram_model.c at 28 nm");
    snprintf(p->leaves_out, sizeof p->leaves_out, "clock tree, glitches, wires beyond the wire-load model, SRAM "
                                                  "leakage, off-chip link I/O and DRAM (link.pj_per_bit shown, not in the "
                                                  "total); only the ternary linears run on the accelerator");
}

void energy_params_logic(slt_energy_params *p, double e_cycle, double e_build, double e_term, double e_ctrl,
                         double scale)
{
    p->e_cycle_pj = e_cycle;
    p->e_build_pj = e_build;
    p->e_term_pj = e_term;
    p->e_ctrl_pj = e_ctrl;
    p->logic_scale = scale;
}

void energy_params_text_global(slt_energy_params *p, double activity, int have_ctrl)
{
    snprintf(p->method, sizeof p->method, "global toggle rate %g", activity);
    snprintf(p->provenance, sizeof p->provenance,
             "OpenSTA report_power per block of the sky130 array at global activity 0 and 1 (synth/power_blocks.sh)%s",
             have_ctrl ? "; controllers + AXI from the synthesised top's power minus the array's, charged every cycle"
                       : "; controllers and AXI not included (top not synthesised with a liberty)");
}

void energy_params_text_measured(slt_energy_params *p, const char *flow)
{
    snprintf(p->method, sizeof p->method, "gate-level simulation activity");
    snprintf(p->provenance, sizeof p->provenance,
             "make energy: sky130 netlist of the accelerator top simulated on a decode GEMV window, per-cell toggle "
             "rates x OpenSTA per-instance power (%.120s/energy/energy.kv)", flow);
}

int energy_params_emit(const char *out, const slt_energy_params *head)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/energy_params.kv", out);
    if (!head) {
        if (unlink(path) && errno != ENOENT) {
            fprintf(stderr, "sltreport: cannot remove stale %s: %s\n", path, strerror(errno));
            return 2;
        }
        return 0;
    }
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "sltreport: cannot write %s: %s\n", path, strerror(errno));
        return 2;
    }
    int bad = slt_energy_params_write(head, f);
    if (fclose(f) || bad) {
        fprintf(stderr, "sltreport: cannot write %s\n", path);
        return 2;
    }
    return 0;
}
