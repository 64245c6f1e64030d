/* report_load.c - the report's inputs: configuration, flow summaries,
 * calibrations, SRAM model, energy parameters (report_ctx.h). */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_ctx.h"
#include "slt_energy.h"
#include "slt_pack.h"

static void block_power_of(const kvfile *kv, block_power *bp)
{
    memset(bp, 0, sizeof *bp);
    if (!kv->present) return;
    int have0 = 0, have1 = 0;
    for (int i = 0; i < kv->n; i++) {
        const char *k = kv->key[i];
        if (strncmp(k, "block.", 6) != 0) continue;
        const char *dot = strrchr(k, '.');
        char blk[256];
        size_t bl = (size_t)(dot - (k + 6));
        if (bl >= sizeof blk) continue;
        memcpy(blk, k + 6, bl);
        blk[bl] = 0;
        double v = atof(kv->val[i]);
        int isb = strstr(blk, "builder") != NULL, isl = !isb && strstr(blk, "lane") != NULL;
        if (strcmp(dot, ".instances") == 0) {
            if (isb) bp->builders += (int)v;
            else if (isl) bp->lanes += (int)v;
        } else if (strcmp(dot, ".power_0_w") == 0) {
            have0 = 1;
            if (isb) bp->builder_p0 += v; else if (isl) bp->lane_p0 += v; else bp->glue_p0 += v;
        } else if (strcmp(dot, ".power_1_w") == 0) {
            have1 = 1;
            if (isb) bp->builder_p1 += v; else if (isl) bp->lane_p1 += v; else bp->glue_p1 += v;
        }
    }
    bp->total_p0 = bp->builder_p0 + bp->lane_p0 + bp->glue_p0;
    bp->total_p1 = bp->builder_p1 + bp->lane_p1 + bp->glue_p1;
    bp->ok = have0 && have1 && bp->lanes > 0;
}

static void event_energy_of(const block_power *bp, double a, double f_mhz, int units, double node_nm, double vdd,
                            event_energy *ee)
{
    memset(ee, 0, sizeof *ee);
    if (!bp->ok) return;
    double f = f_mhz * 1e6;
    ee->ok = 1;
    ee->node_nm = node_nm;
    ee->vdd = vdd;
    ee->e_cycle = (bp->total_p0 + a * (bp->glue_p1 - bp->glue_p0)) / f * 1e12;
    ee->e_build = bp->builders ? a * (bp->builder_p1 - bp->builder_p0) / f / bp->builders * 1e12 : 0;
    ee->e_term = a * (bp->lane_p1 - bp->lane_p0) / f / ((double)bp->lanes * units) * 1e12;
    ee->scale28 = (28.0 / node_nm) * (0.9 / vdd) * (0.9 / vdd);
}

static void load_flow(report *R)
{
    /* ---- flow inputs ---- */
    char p[4096];
#define LOADF(kv, fmt, ...) do { snprintf(p, sizeof p, fmt, __VA_ARGS__); kv_load(&kv, p); } while (0)
    LOADF(R->gen, "%s/synth/generic/summary.kv", R->flow);
    LOADF(R->syn, "%s/synth/%s/summary.kv", R->flow, TAG_SKY130);
    LOADF(R->sta, "%s/sta/%s/summary.kv", R->flow, TAG_SKY130);
    LOADF(R->pw, "%s/power/%s/power_blocks.kv", R->flow, TAG_SKY130);
    LOADF(R->syn7, "%s/synth/%s/summary.kv", R->flow, TAG_ASAP7);
    LOADF(R->sta7, "%s/sta/%s/summary.kv", R->flow, TAG_ASAP7);
    LOADF(R->pw7, "%s/power/%s/power_blocks.kv", R->flow, TAG_ASAP7);
    /* the accelerator top (synth-top stage) and the measured RTL cycles (rtl-check) */
    LOADF(R->rtlc, "%s/rtl_check.kv", R->flow);
    LOADF(R->gent, "%s/synth-top/generic/summary.kv", R->flow);
    LOADF(R->synt, "%s/synth-top/%s/summary.kv", R->flow, TAG_SKY130);
    LOADF(R->stat, "%s/sta-top/%s/summary.kv", R->flow, TAG_SKY130);
    LOADF(R->sramkv, "%s/synth-top/sram.kv", R->flow);
    LOADF(R->stat7, "%s/sta-top/%s/summary.kv", R->flow, TAG_ASAP7);
    LOADF(R->cgkv, "%s/cg_energy/result.kv", R->flow);
#undef LOADF
    memset(&R->stages, 0, sizeof R->stages);
    memset(&R->area, 0, sizeof R->area);
    if (R->stages_path) kv_load(&R->stages, R->stages_path);
    if (R->area_path) kv_load(&R->area, R->area_path);
}

static void load_calibration(report *R)
{
    /* measured activity (make energy), when it ran */
    energy_meas_load(R->flow, &R->em);
    R->s28_sky130 = slt_energy_logic_scale_28nm();

    block_power_of(&R->pw, &R->bp);
    block_power_of(&R->pw7, &R->bp7);
    event_energy_of(&R->bp, R->act, R->f_mhz, R->cfg.lut_units, 130.0, 1.8, &R->ee);
    event_energy_of(&R->bp, 1.0, R->f_mhz, R->cfg.lut_units, 130.0, 1.8, &R->ee_hi);
    event_energy_of(&R->bp7, R->act, R->f_mhz, R->cfg.lut_units, 7.0, 0.7, &R->ee7);
    /* controllers + AXI: top total power minus the array's, same calibration
     * (OpenSTA sky130, global activity 0 and 1), charged every cycle at the data
     * activity (conservative: the controllers are taken busy all the time) */
    R->ptop0 = kv_num(&R->stat, "power_0_total_w"), R->ptop1 = kv_num(&R->stat, "power_1_total_w");
    R->have_ctrl = R->ee.ok && isfinite(R->ptop0) && isfinite(R->ptop1) && R->ptop1 > R->bp.total_p1;
    R->e_ctrl = R->have_ctrl ? ((R->ptop0 - R->bp.total_p0) + R->act * ((R->ptop1 - R->bp.total_p1) - (R->ptop0 - R->bp.total_p0))) /
                                          (R->f_mhz * 1e6) * 1e12
                                    : NAN; /* pJ per cycle, sky130 */
}

static int load_sram(report *R)
{
    /* ---- SRAM model (28 nm and sky130), 64-bit... words of bus_bits ---- */
    R->word = R->cfg.bus_bits;
    double depth_w = R->cfg.wbuf_kib * 1024.0 * 8 / R->word, depth_a = R->cfg.abuf_kib * 1024.0 * 8 / R->word,
           depth_o = R->cfg.obuf_kib * 1024.0 * 8 / R->word;
    if (slt_sram_estimate_of(SLT_NODE_28NM, depth_w, R->word, &R->w28) || slt_sram_estimate_of(SLT_NODE_28NM, depth_a, R->word, &R->a28) ||
        slt_sram_estimate_of(SLT_NODE_28NM, depth_o, R->word, &R->o28) || slt_sram_estimate_of(SLT_NODE_SKY130, depth_w, R->word, &R->w130) ||
        slt_sram_estimate_of(SLT_NODE_SKY130, depth_a, R->word, &R->a130) || slt_sram_estimate_of(SLT_NODE_SKY130, depth_o, R->word, &R->o130)) {
        fprintf(stderr, "sltreport: SRAM model refused the buffer sizes\n");
        return 2;
    }
    R->sram28_um2 = R->w28.area_um2 + R->a28.area_um2 + R->o28.area_um2;
    R->sram130_um2 = R->w130.area_um2 + R->a130.area_um2 + R->o130.area_um2;
    R->binary = slt_format_is_binary(R->cfg.weight_format);
    R->key_bits = slt_key_bits(R->cfg.group_size, R->binary);
    R->wread_bits = (double)R->cfg.row_lanes * R->cfg.lut_units * R->key_bits;
    R->aread_bits = (double)R->cfg.lut_units * R->cfg.group_size * R->cfg.act_bits;
    R->oacc_bits = (double)R->cfg.row_lanes * R->cfg.acc_bits;
    /* link I/O energy assumption (excluded from chip energy): 64-bit DRAM access
     * 1.3 nJ at 45 nm (Horowitz, ISSCC 2014, lower end of 1.3-2.6 nJ) */
    R->link_pj_per_bit = 1300.0 / 64.0;
    return 0;
}

static int load_params(report *R)
{
    /* ---- the energy parameters (slt_energy_of_events: the one formula) ---- */
    energy_params_common(&R->cfg, &R->w28, &R->a28, &R->o28, R->link_pj_per_bit, &R->par_g);
    R->par_hi = R->par_7 = R->par_m = R->par_g;
    energy_params_logic(&R->par_g, R->ee.e_cycle, R->ee.e_build, R->ee.e_term, R->have_ctrl ? R->e_ctrl : 0, R->ee.scale28);
    energy_params_logic(&R->par_hi, R->ee_hi.e_cycle, R->ee_hi.e_build, R->ee_hi.e_term,
                        R->have_ctrl ? (R->ptop1 - R->bp.total_p1) / (R->f_mhz * 1e6) * 1e12 : 0, R->ee_hi.scale28);
    energy_params_logic(&R->par_7, R->ee7.e_cycle, R->ee7.e_build, R->ee7.e_term, 0, R->ee7.scale28);
    energy_params_logic(&R->par_m, R->em.e_cycle_pj, R->em.e_build_pj, R->em.e_term_pj, 0, R->s28_sky130);
    energy_params_text_global(&R->par_g, R->act, R->have_ctrl);
    energy_params_text_measured(&R->par_m, R->flow);
    /* ECC (report_ecc.c): with ecc = secded every SRAM access moves a codeword; the cost
     * against ecc = none is priced with the headline parameters without ECC */
    if (ecc_cost_sram(&R->cfg, R->flow, &R->ec)) {
        fprintf(stderr, "sltreport: SRAM model refused a buffer shape of the top (ECC cost)\n");
        return 2;
    }
    R->head_none = R->em.ok ? R->par_m : R->par_g;
    if (R->ec.secded) {
        ecc_params_secded(&R->ec, &R->par_g, &R->par_g);
        ecc_params_secded(&R->ec, &R->par_hi, &R->par_hi);
        ecc_params_secded(&R->ec, &R->par_7, &R->par_7);
        ecc_params_secded(&R->ec, &R->par_m, &R->par_m);
    }
    /* the headline's parameters, for sltref generate --energy */
    R->par_head = R->em.ok ? &R->par_m : R->ee.ok ? &R->par_g : NULL;
    return 0;
}

int rep_load(report *R)
{

    char err[SLT_ERRLEN];
    slt_config_default(&R->cfg);
    if (slt_config_load(&R->cfg, R->cfg_path, err, sizeof err) || slt_config_finish(&R->cfg, err, sizeof err)) {
        fprintf(stderr, "sltreport: %s\n", err);
        return 2;
    }
    R->f_mhz = R->cfg.clock_mhz;
    R->link_bps = R->cfg.bus_bits / 8.0 * R->f_mhz * 1e6;
    load_flow(R);
    load_calibration(R);
    return load_sram(R) || load_params(R) ? 2 : 0;
}
