/* report_ctx.h - the make run report (sltreport, docs/report.md) in parts: one
 * struct with every input and computed figure, filled by rep_load (report_load.c:
 * configuration, flow summaries, calibrations, SRAM model, energy parameters),
 * rep_models and rep_figures (report_model.c: per-model latency and energy, the
 * flows' figures), then written by rep_json (report_json.c), rep_svgs
 * (report_svg.c) and rep_md (report_md.c). */
#ifndef SLT_REPORT_CTX_H
#define SLT_REPORT_CTX_H

#include <stdint.h>

#include "report_cg.h"
#include "report_ecc.h"
#include "report_energy.h"
#include "report_kv.h"
#include "report_lut.h"
#include "report_params.h"
#include "report_text.h"
#include "slt_config.h"
#include "slt_energy.h"
#include "slt_gemm.h"
#include "slt_models.h"
#include "sltreport_fpga.h"
#include "sram_model.h"

#define TAG_SKY130 "sky130_fd_sc_hd__tt_025C_1v80"
#define TAG_ASAP7 "asap7sc7p5t"

/* ---- per-block power (synth/power_blocks.sh) ------------------------------------- */
typedef struct {
    int ok;                          /* both activities parsed */
    double builder_p0, builder_p1;   /* all table builders, W */
    double lane_p0, lane_p1;         /* all row lanes */
    double glue_p0, glue_p1;         /* everything else (array glue, valid pipes) */
    int builders, lanes;             /* instances */
    double total_p0, total_p1;
} block_power;

/* Per-event energies of one library, pJ, at its own node and supply. */
typedef struct {
    int ok;
    double e_cycle;   /* clock + leakage of the whole array (activity 0), plus the glue's data power: every cycle */
    double e_build;   /* one table build (one builder busy for one cycle) */
    double e_term;    /* one lookup + accumulate (one lane term slot for one cycle); also a buffer-mode add */
    double scale28;   /* factor to 28 nm, 0.9 V (C*V^2 scaling) */
    double node_nm, vdd;
} event_energy;

/* a: toggle rate of a busy block's nets (0.5 = random data); f in MHz. */
/* ---- model shapes: slt_models.h (docs/background.md §6) ---------------------------- */
typedef struct {
    slt_model_shape shape; /* count per decoder layer */
    slt_events ev;
} layer_shape;

typedef struct {
    layer_shape sh[SLT_MODEL_SHAPES];
    int nsh;
    double macs;          /* per token */
    slt_events tok;       /* summed per token */
    double latency_s, link_bound_s, compute_s;
    double e_cycle_mj, e_build_mj, e_term_mj, e_logic_mj;   /* 28 nm scaled (sky130 calibration) */
    double e_ctrl_mj;                                        /* controllers + AXI (top synthesised), else 0 */
    double e_wbuf_mj, e_abuf_mj, e_obuf_mj, e_sram_mj;       /* 28 nm SRAM model */
    double energy_mj, energy_hi_mj;                          /* logic + SRAM; hi: activity 1 */
    double energy_global_mj;                                 /* logic at one global toggle rate + SRAM */
    double e_logic_meas_mj;                                  /* logic at measured activity (make energy), 28 nm */
    double e_logic_native_mj;                                /* sky130 native (unscaled) */
    double e_logic_asap7_mj;                                 /* ASAP7-calibrated, scaled to 28 nm */
    double e_link_mj;                                        /* link I/O, excluded */
} model_result;

/* the top's blocks (stat2kv.awk block.<b>): keys and names */
#define N_BLOCKS_TOP 6
extern const char *const g_blk_key[N_BLOCKS_TOP], *const g_blk_name[N_BLOCKS_TOP];

typedef struct {
    /* arguments */
    const char *cfg_path, *flow, *out, *stages_path, *area_path, *dse_path;
    uint64_t seed;
    double act;                 /* data toggle rate of the global-rate calibration */
    int quick;
    /* configuration and flow summaries */
    slt_config cfg;
    double f_mhz, link_bps;
    kvfile gen, syn, sta, pw, syn7, sta7, pw7, stages, area, rtlc, gent, synt, stat, sramkv, stat7, cgkv;
    /* calibrations: measured activity, per-block power, controllers */
    energy_meas em;
    double s28_sky130;
    block_power bp, bp7;
    event_energy ee, ee_hi, ee7;
    double ptop0, ptop1, e_ctrl;
    int have_ctrl;
    /* SRAM model of the configured buffers */
    int word, binary, key_bits;
    slt_sram_estimate w28, a28, o28, w130, a130, o130;
    double sram28_um2, sram130_um2, wread_bits, aread_bits, oacc_bits, link_pj_per_bit;
    /* energy parameters (slt_energy_of_events) and ECC */
    slt_energy_params par_g, par_hi, par_7, par_m, head_none;
    const slt_energy_params *par_head;
    ecc_cost ec;
    /* per model */
    model_result res[SLT_N_MODELS];
    const model_result *r3;
    /* figures from the flows */
    double area_logic_array, fmax_array, area_logic, fmax, sram_top28, sram_top130;
    int top_area, top_fmax;
    const char *area_scope, *fmax_scope, *liberty;
    double rtl_cycles, rtl_pred, rtl_ideal;
    int rtl_k, rtl_m;
    double fmax7, area7, area28_scaled, sram28_side, sram130_side, peak_macs;
    double blk_um2[N_BLOCKS_TOP], blk_tr[N_BLOCKS_TOP], a_b, a_l, a_g;
    cg_result cg;
    lut_best lb;
} report;

/* each returns 0 or 2 (a message on stderr) */
int rep_load(report *R);
int rep_models(report *R);
int rep_figures(report *R);
int rep_json(report *R);
int rep_svgs(const report *R);
int rep_md(report *R);

#endif
