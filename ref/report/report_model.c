/* report_model.c - latency and energy per token of each model shape, and the
 * figures of the flows (report_ctx.h). */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_ctx.h"

const char *const g_blk_key[N_BLOCKS_TOP] = {"table_builders", "row_lanes", "array_glue", "control", "axi", "other"};
const char *const g_blk_name[N_BLOCKS_TOP] = {"table builders", "row lanes", "array glue",
                                              "controllers (slt_top_ctrl, decoders, SRAM wrappers, top glue)",
                                              "AXI (AXI4-Lite regs, stream skid buffers, pack/unpack)", "other"};

/* the events of one token of an m x k GEMV on the models' synthetic weights */
static int predict_shape(const slt_config *cfg, int m, int k, uint64_t seed, slt_events *ev)
{
    char err[SLT_ERRLEN];
    int st = slt_model_predict(cfg, m, k, 1, seed, ev, err, sizeof err);
    if (st) fprintf(stderr, "sltreport: %s\n", err);
    return st;
}

int rep_models(report *R)
{
    /* ---- per model ---- */
    slt_config pcfg = R->cfg;  /* prediction: max_k raised to each shape (see docs/report.md) */
    memset(R->res, 0, sizeof R->res);
    for (int mi = 0; mi < SLT_N_MODELS; mi++) {
        const slt_model *ms = &slt_models[mi];
        model_result *r = &R->res[mi];
        slt_model_shape shp[SLT_MODEL_SHAPES];
        layer_shape *sh = r->sh;
        slt_model_shapes(ms, shp);
        r->nsh = SLT_MODEL_SHAPES;
        for (int s = 0; s < SLT_MODEL_SHAPES; s++) {
            sh[s].shape = shp[s];
            int m = shp[s].m, k = shp[s].k;
            if (R->quick) { m = (m + 15) / 16; k = (k + 15) / 16; }
            if (pcfg.max_k < k) pcfg.max_k = k;
            if (pcfg.max_m < m) pcfg.max_m = m;
            int st = predict_shape(&pcfg, m, k, slt_model_weight_seed(R->seed, mi, s), &sh[s].ev);
            if (st) return st;
            if (R->quick) {  /* scale the reduced shape's events back up (x256): only for the quick test */
                slt_events e = {0};
                slt_events_add(&e, &sh[s].ev, 256);
                sh[s].ev = e;
            }
            slt_events_add(&r->tok, &sh[s].ev, (uint64_t)shp[s].count * (uint64_t)ms->layers);
            r->macs += (double)shp[s].m * shp[s].k * shp[s].count * ms->layers;
        }
        const slt_events *t = &r->tok;
        r->latency_s = (double)t->cycles / (R->f_mhz * 1e6);
        r->link_bound_s = (double)t->weight_bytes / R->link_bps;
        r->compute_s = (double)t->compute_cycles / (R->f_mhz * 1e6);
        slt_energy_breakdown bg, bh, b7, bm; /* global rate, activity 1, ASAP7, measured activity */
        slt_energy_of_events(&R->par_g, t, &bg);
        slt_energy_of_events(&R->par_hi, t, &bh);
        slt_energy_of_events(&R->par_7, t, &b7);
        slt_energy_of_events(&R->par_m, t, &bm);
        if (R->ee.ok) {
            r->e_cycle_mj = bg.cycle_mj;
            r->e_build_mj = bg.build_mj;
            r->e_term_mj = bg.term_mj;
            r->e_ctrl_mj = bg.ctrl_mj;
            r->e_logic_mj = bg.logic_mj;
            r->e_logic_native_mj = r->e_logic_mj / R->ee.scale28;
            r->energy_hi_mj = bh.logic_mj;
        } else {
            r->e_logic_mj = r->e_logic_native_mj = r->energy_hi_mj = NAN;
        }
        r->e_logic_asap7_mj = R->ee7.ok ? b7.logic_mj : NAN;
        r->e_wbuf_mj = bg.wbuf_mj;
        r->e_abuf_mj = bg.abuf_mj;
        r->e_obuf_mj = bg.obuf_mj;
        r->e_sram_mj = bg.sram_mj;
        r->energy_mj = r->e_logic_mj + r->e_sram_mj;
        r->energy_global_mj = r->energy_mj;
        r->e_logic_meas_mj = R->em.ok ? bm.logic_mj : NAN;
        if (R->em.ok) r->energy_mj = r->e_logic_meas_mj + r->e_sram_mj;
        if (isfinite(r->energy_hi_mj)) r->energy_hi_mj += r->e_sram_mj;
        r->e_link_mj = bg.link_mj;
    }
    R->r3 = &R->res[SLT_MODEL_3B];
    if (energy_params_emit(R->out, R->par_head)) return 2;
    ecc_cost_energy(&R->ec, R->par_head ? &R->head_none : NULL, &R->r3->tok);
    return 0;
}

static void figures_flow(report *R)
{
    /* ---- figures from the flows ---- */
    R->area_logic_array = kv_num(&R->syn, "area_logic_um2");
    R->fmax_array = kv_num(&R->sta, "fmax_mhz");
    /* the whole top when synth-top ran (with liberty), else the array alone */
    R->top_area = R->synt.present && isfinite(kv_num(&R->synt, "area_logic_um2"));
    R->top_fmax = R->stat.present && isfinite(kv_num(&R->stat, "fmax_mhz"));
    R->area_logic = R->top_area ? kv_num(&R->synt, "area_logic_um2") : R->area_logic_array;
    R->fmax = R->top_fmax ? kv_num(&R->stat, "fmax_mhz") : R->fmax_array;
    R->area_scope = R->top_area ? "top" : "array";
    R->fmax_scope = R->top_fmax ? "top" : "array";
    /* modelled SRAM area of the top's macros (sltsram, from the netlist's shapes) */
    R->sram_top28 = kv_num(&R->sramkv, "sram.28nm.area_um2"), R->sram_top130 = kv_num(&R->sramkv, "sram.sky130.area_um2");
    /* measured RTL cycles (rtl-check) against the event model on the same shape */
    R->rtl_cycles = kv_num(&R->rtlc, "cycles"), R->rtl_pred = NAN, R->rtl_ideal = kv_num(&R->rtlc, "ideal");
    R->rtl_k = (int)kv_num(&R->rtlc, "k"), R->rtl_m = (int)kv_num(&R->rtlc, "m");
    if (R->rtlc.present && isfinite(R->rtl_cycles) && R->rtl_k > 0 && R->rtl_m > 0) {
        slt_config rc = R->cfg;
        if (rc.max_k < R->rtl_k) rc.max_k = R->rtl_k;
        if (rc.max_m < R->rtl_m) rc.max_m = R->rtl_m;
        slt_events rev;
        /* the event model's exact PERF_CYCLES_BUSY of that GEMV (ref/slt_busy.h) */
        if (predict_shape(&rc, R->rtl_m, R->rtl_k, R->seed + 77, &rev) == 0) R->rtl_pred = (double)rev.busy_cycles;
    }
    R->fmax7 = kv_num(&R->sta7, "fmax_mhz");
    R->area7 = kv_num(&R->syn7, "area_logic_um2");
    R->area28_scaled = R->area_logic * slt_area_scale_28nm();
    /* SRAM of the synthesised top's macros when known, else the configured buffers */
    R->sram28_side = R->top_area && isfinite(R->sram_top28) ? R->sram_top28 : R->sram28_um2;
    R->sram130_side = R->top_area && isfinite(R->sram_top130) ? R->sram_top130 : R->sram130_um2;
    R->liberty = R->syn.present ? TAG_SKY130 : "none";
    R->peak_macs = (double)R->cfg.row_lanes * R->cfg.lut_units * R->cfg.group_size;
}

static void figures_blocks(report *R)
{
    /* area per block of the top (stat2kv.awk block.<b>.area_um2) */
    for (int b = 0; b < 6; b++) {
        char k[96];
        snprintf(k, sizeof k, "block.%s.area_um2", g_blk_key[b]);
        R->blk_um2[b] = kv_num(&R->synt, k);
        snprintf(k, sizeof k, "block.%s.transistors", g_blk_key[b]);
        R->blk_tr[b] = kv_num(&R->gent, k);
    }
    /* builder / lane / glue area from the per-module figures */
    R->a_b = 0, R->a_l = 0, R->a_g = 0;
    for (int i = 0; i < R->syn.n; i++) {
        const char *k = R->syn.key[i];
        size_t kl = strlen(k);
        if (strncmp(k, "module.", 7) != 0 || kl < 9 || strcmp(k + kl - 9, ".area_um2") != 0) continue;
        char inst_key[600];
        snprintf(inst_key, sizeof inst_key, "%.*s.instances", (int)(kl - 9), k);
        double ninst = kv_num(&R->syn, inst_key);
        double v = atof(R->syn.val[i]) * (isfinite(ninst) ? ninst : 1);
        if (strstr(k, "builder")) R->a_b += v;
        else if (strstr(k, "lane")) R->a_l += v;
        else R->a_g += v;
    }
}

int rep_figures(report *R)
{
    figures_flow(R);
    figures_blocks(R);
    return 0;
}
