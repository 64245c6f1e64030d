/* report_json.c - report.json (report_ctx.h; fields in docs/report.md). */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_ctx.h"

static void json_num(FILE *f, double v)
{
    if (isfinite(v)) fprintf(f, "%.6g", v);
    else fputs("null", f);
}


static void json_design(const report *R, FILE *j)
{
    fprintf(j, "{\n  \"config\": ");
    report_json_str(j, R->cfg.name);
    fprintf(j, ",\n  \"config_file\": ");
    report_json_str(j, R->cfg_path);
    fprintf(j, ",\n  \"clock_mhz\": ");
    json_num(j, R->f_mhz);
    fprintf(j, ",\n  \"link_bytes_per_cycle\": %d", R->cfg.bus_bits / 8);
    fprintf(j, ",\n  \"liberty\": ");
    report_json_str(j, R->liberty);
    static const char *const lib_tags[] = {TAG_SKY130, TAG_ASAP7};
    fprintf(j, ",\n  \"liberty_files\": ");
    slt_report_liberty_json(j, R->flow, lib_tags, 2);
    fprintf(j, ",\n  \"fpga\": ");
    slt_report_fpga_json(j, R->flow);
    fprintf(j, ",\n  \"area_um2\": ");
    json_num(j, R->syn.present || R->top_area ? R->area_logic : NAN);
    fprintf(j, ",\n  \"area_scope\": \"%s\"", R->top_area ? "top: accelerator top logic (array, controllers, AXI), sky130 cell area, no SRAM (black boxes), no place and route"
                                                       : "array: array logic only (table builders, row lanes, glue), cell area, no place and route");
    fprintf(j, ",\n  \"area_of\": \"%s\"", R->area_scope);
    fprintf(j, ",\n  \"area_array_um2\": ");
    json_num(j, R->area_logic_array);
    fprintf(j, ",\n  \"area_blocks_um2\": ");
    if (R->top_area) {
        fprintf(j, "{");
        for (int b = 0; b < 6; b++) { fprintf(j, "%s\"%s\": ", b ? ", " : "", g_blk_key[b]); json_num(j, R->blk_um2[b]); }
        fprintf(j, ", \"sram_sky130_modelled\": ");
        json_num(j, R->sram_top130);
        fprintf(j, ", \"sram_28nm_modelled\": ");
        json_num(j, R->sram_top28);
        fprintf(j, ", \"sram_asap7\": \"not modelled\", \"library\": \"%s\"}", TAG_SKY130);
    } else fprintf(j, "null");
    fprintf(j, ",\n  \"rtl_check\": ");
    if (isfinite(R->rtl_cycles)) {
        fprintf(j, "{\"shape\": ");
        report_json_str(j, kv_str(&R->rtlc, "shape"));
        fprintf(j, ", \"k\": %d, \"m\": %d, \"cycles\": ", R->rtl_k, R->rtl_m);
        json_num(j, R->rtl_cycles);
        fprintf(j, ", \"predicted_cycles\": ");
        json_num(j, R->rtl_pred);
        fprintf(j, ", \"ratio\": ");
        json_num(j, R->rtl_cycles / R->rtl_pred);
        fprintf(j, ", \"exact\": %s", R->rtl_cycles == R->rtl_pred ? "true" : "false");
        fprintf(j, ", \"ideal_link_cycles\": ");
        json_num(j, R->rtl_ideal);
        fprintf(j, ", \"source\": \"cycles measured: Verilator top-level RTL through the AXI ports; predicted: event model slt_predict busy_cycles (exact PERF_CYCLES_BUSY)\"}");
    } else fprintf(j, "null");
}

static void json_figures(report *R, FILE *j)
{
    fprintf(j, ",\n  \"latency_source\": \"event model (slt_predict); measured RTL cycles only in rtl_check\"");
    fprintf(j, ",\n  \"sram_area_um2\": ");
    json_num(j, R->syn.present ? R->sram130_side : R->sram28_side);
    fprintf(j, ",\n  \"sram_area_node\": \"%s\"", R->syn.present ? "sky130 (model)" : "28nm (model)");
    fprintf(j, ",\n  \"sram_area_28nm_um2\": ");
    json_num(j, R->sram28_side);
    fprintf(j, ",\n  \"sram_area_is\": \"MODELLED (gen/sram_model.c), %s\"", R->top_area ? "the synthesised top's macro shapes" : "the configured buffer sizes");
    fprintf(j, ",\n  \"area_28nm_scaled_um2\": ");
    json_num(j, R->syn.present ? R->area28_scaled : NAN);
    fprintf(j, ",\n  \"fmax_mhz\": ");
    json_num(j, R->fmax);
    fprintf(j, ",\n  \"fmax_of\": \"%s\"", R->fmax_scope);
    fprintf(j, ",\n  \"fmax_array_mhz\": ");
    json_num(j, R->fmax_array);
    fprintf(j, ",\n  \"fmax_asap7_mhz\": ");
    json_num(j, R->fmax7);
    /* the accelerator top in ASAP7 (synth-top stage), next to fmax_mhz (the top in sky130) */
    fprintf(j, ",\n  \"fmax_top_asap7_mhz\": ");
    json_num(j, kv_num(&R->stat7, "fmax_mhz"));
    /* clock gating: energy per MAC of the array, on vs off, same workload (cg-energy stage) */
    cg_result_of(&R->cgkv, &R->cg);
    cg_result_json(j, &R->cg);
    fprintf(j, ",\n  \"area_asap7_um2\": ");
    json_num(j, R->area7);
    fprintf(j, ",\n  \"transistors_generic\": ");
    json_num(j, kv_num(&R->gen, "transistors"));
    fprintf(j, ",\n  \"peak_macs_per_cycle\": %g", R->peak_macs);
}

static void json_energy(report *R, FILE *j)
{
    fprintf(j, ",\n  \"energy_model\": {\"calibration\": ");
    report_json_str(j, R->ee.ok ? "OpenSTA report_power per block, sky130 tt 1.8V 25C, activity 0 and 1" : "none (no liberty power)");
    fprintf(j, ", \"data_activity\": %g, \"scaling_to_28nm\": ", R->act);
    json_num(j, R->ee.ok ? R->ee.scale28 : NAN);
    fprintf(j, ", \"e_cycle_pj\": ");
    json_num(j, R->ee.ok ? R->ee.e_cycle : NAN);
    fprintf(j, ", \"e_table_build_pj\": ");
    json_num(j, R->ee.ok ? R->ee.e_build : NAN);
    fprintf(j, ", \"e_lookup_accumulate_pj\": ");
    json_num(j, R->ee.ok ? R->ee.e_term : NAN);
    fprintf(j, ", \"e_buffer_add_pj\": ");
    json_num(j, R->ee.ok ? R->ee.e_term : NAN);
    fprintf(j, ", \"controllers_axi_included\": %s, \"e_controllers_axi_per_cycle_pj\": ", R->have_ctrl ? "true" : "false");
    json_num(j, R->e_ctrl);
    fprintf(j, ", \"sram_pj_per_bit_28nm\": ");
    json_num(j, R->w28.pj_per_bit);
    fprintf(j, ", \"link_pj_per_bit_assumed\": ");
    json_num(j, R->link_pj_per_bit);
    fprintf(j, ", \"units\": \"pJ per event at the calibration node (sky130); multiply by scaling_to_28nm\"}");
    energy_meas_json(j, &R->em);
    ecc_cost_json(j, &R->ec);
    lut_best_of(R->dse_path, &R->em.kv, &R->cfg, &R->lb);
    lut_best_json(j, &R->lb);
}

static void json_models(const report *R, FILE *j)
{
    fprintf(j, ",\n  \"models\": {\n");
    for (int mi = 0; mi < SLT_N_MODELS; mi++) {
        const model_result *r = &R->res[mi];
        fprintf(j, "    ");
        report_json_str(j, slt_models[mi].name);
        fprintf(j, ": {\"latency_s\": ");
        json_num(j, r->latency_s);
        fprintf(j, ", \"energy_mj\": ");
        json_num(j, r->energy_mj);
        fprintf(j, ", \"link_bound_s\": ");
        json_num(j, r->link_bound_s);
        fprintf(j, ", \"compute_bound_s\": ");
        json_num(j, r->compute_s);
        fprintf(j, ", \"cycles\": %llu, \"ternary_macs\": %.0f, \"weight_bytes\": %llu", (unsigned long long)r->tok.cycles, r->macs,
                (unsigned long long)r->tok.weight_bytes);
        fprintf(j, ", \"energy_mj_global\": ");
        json_num(j, r->energy_global_mj);
        fprintf(j, ", \"energy_logic_measured_mj\": ");
        json_num(j, r->e_logic_meas_mj);
        fprintf(j, ", \"energy_logic_mj\": ");
        json_num(j, r->e_logic_mj);
        fprintf(j, ", \"energy_controllers_axi_mj\": ");
        json_num(j, R->have_ctrl ? r->e_ctrl_mj : NAN);
        fprintf(j, ", \"energy_sram_mj\": ");
        json_num(j, r->e_sram_mj);
        fprintf(j, ", \"energy_upper_mj\": ");
        json_num(j, r->energy_hi_mj);
        fprintf(j, ", \"energy_logic_asap7_scaled_mj\": ");
        json_num(j, r->e_logic_asap7_mj);
        fprintf(j, ", \"energy_link_io_mj_excluded\": ");
        json_num(j, r->e_link_mj);
        fprintf(j, "}%s\n", mi + 1 < SLT_N_MODELS ? "," : "");
    }
    fprintf(j, "  },\n  \"goals\": {\"latency_3b_s_max\": 0.420, \"latency_3b_met\": %s, \"energy_3b_mj_max\": 30, "
               "\"energy_3b_met\": %s, \"clock_met_sky130\": %s}\n}\n",
            R->r3->latency_s <= 0.420 ? "true" : "false", isfinite(R->r3->energy_mj) && R->r3->energy_mj <= 30 ? "true" : "false",
            isfinite(R->fmax) ? (R->fmax >= R->f_mhz ? "true" : "false") : "null");
}

int rep_json(report *R)
{
    char p[4096];
    snprintf(p, sizeof p, "%s/report.json", R->out);
    FILE *j = fopen(p, "w");
    if (!j) { fprintf(stderr, "sltreport: cannot write %s: %s\n", p, strerror(errno)); return 2; }
    json_design(R, j);
    json_figures(R, j);
    json_energy(R, j);
    json_models(R, j);
    if (fclose(j) != 0) { fprintf(stderr, "sltreport: cannot write report.json\n"); return 2; }
    return 0;
}
