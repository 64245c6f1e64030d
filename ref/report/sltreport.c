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
 * constant and omission is in docs/report.md.
 *
 *   sltreport --config FILE --flow DIR --out DIR [--stages FILE] [--area FILE]
 *             [--seed N] [--activity A] [--quick]
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "slt_config.h"
#include "slt_gemm.h"
#include "slt_pack.h"
#include "slt_prng.h"
#include "sltreport_fpga.h"
#include "sram_model.h"
#include "report_energy.h"
#include "report_kv.h"
#include "report_text.h"

#define TAG_SKY130 "sky130_fd_sc_hd__tt_025C_1v80"
#define TAG_ASAP7 "asap7sc7p5t"

/* key=value files: report_kv.c; measured energy (make energy): report_energy.c */
/* ---- per-block power (synth/power_blocks.sh) ------------------------------------- */
typedef struct {
    int ok;                          /* both activities parsed */
    double builder_p0, builder_p1;   /* all table builders, W */
    double lane_p0, lane_p1;         /* all row lanes */
    double glue_p0, glue_p1;         /* everything else (array glue, valid pipes) */
    int builders, lanes;             /* instances */
    double total_p0, total_p1;
} block_power;

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

/* ---- model shapes (SPEC §10) ------------------------------------------------------ */
typedef struct {
    const char *name;
    int hidden, inter, layers, kv;
    double spec_gmacs;
} model_shape;

static const model_shape g_models[] = {
    {"bitnet_b1_58-large", 1536, 4096, 24, 1536, 0.679},
    {"bitnet_b1_58-xl", 2048, 5460, 24, 2048, 1.208},
    {"bitnet_b1_58-3B", 3200, 8640, 26, 3200, 3.222},
    {"BitNet-b1.58-2B-4T", 2560, 6912, 30, 640, 2.084},
};
#define N_MODELS ((int)(sizeof g_models / sizeof g_models[0]))

typedef struct {
    const char *what;
    int m, k, count; /* count per decoder layer */
    slt_events ev;
} layer_shape;

typedef struct {
    layer_shape sh[4];
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

static void ev_add(slt_events *a, const slt_events *b, uint64_t times)
{
#define ADD(f) a->f += b->f * times
    ADD(cycles); ADD(compute_cycles); ADD(link_cycles); ADD(table_builds); ADD(build_adds);
    ADD(lookups); ADD(skipped_groups); ADD(buffer_groups); ADD(buffer_adds); ADD(accumulates);
    ADD(wbuf_reads); ADD(wbuf_writes); ADD(abuf_reads); ADD(abuf_writes); ADD(obuf_reads);
    ADD(obuf_writes); ADD(weight_bytes); ADD(link_bytes);
#undef ADD
}

/* synthetic ternary weights: P(0) = P(+1) = P(-1) = 1/3 */
static int predict_shape(const slt_config *cfg, int m, int k, uint64_t seed, slt_events *ev)
{
    size_t n = (size_t)m * (size_t)k;
    int8_t *w = malloc(n);
    if (!w) { fprintf(stderr, "sltreport: out of memory for %dx%d weights\n", m, k); return 2; }
    slt_prng p;
    slt_prng_seed(&p, seed);
    int binary = slt_format_is_binary(cfg->weight_format);
    for (size_t i = 0; i < n; i++) w[i] = binary ? (int8_t)(slt_prng_range(&p, 0, 1) ? 1 : -1) : (int8_t)slt_prng_range(&p, -1, 1);
    char err[SLT_ERRLEN];
    int st = slt_predict(cfg, w, m, k, 1, ev, err, sizeof err);
    free(w);
    if (st) fprintf(stderr, "sltreport: predict %dx%d: %s\n", m, k, err);
    return st;
}

/* ---- SVG ------------------------------------------------------------------------------ */

/* horizontal bar chart; values >= 0 */
static int svg_bars(const char *path, const char *title, const char *note, const char *unit, int n,
                    const char *const *labels, const double *vals)
{
    FILE *f = fopen(path, "w");
    if (!f) { fprintf(stderr, "sltreport: cannot write %s: %s\n", path, strerror(errno)); return 2; }
    static const char *const colors[] = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#9c755f"};
    double vmax = 0, sum = 0;
    for (int i = 0; i < n; i++) { if (vals[i] > vmax) vmax = vals[i]; sum += vals[i]; }
    if (vmax <= 0) vmax = 1;
    int w = 900, bar_x = 230, bar_w = 420, row = 28, top = 60;
    int h = top + n * row + 50;
    fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
               "font-family=\"sans-serif\" font-size=\"13\">\n", w, h, w, h);
    fprintf(f, "  <rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n", w, h);
    fprintf(f, "  <text x=\"10\" y=\"24\" font-size=\"16\" font-weight=\"bold\">");
    report_xml_text(f, title);
    fprintf(f, "</text>\n  <text x=\"10\" y=\"44\" font-size=\"11\" fill=\"#555555\">");
    report_xml_text(f, note);
    fprintf(f, "</text>\n");
    for (int i = 0; i < n; i++) {
        int y = top + i * row;
        double bw = vals[i] / vmax * bar_w;
        fprintf(f, "  <text x=\"%d\" y=\"%d\" text-anchor=\"end\">", bar_x - 8, y + 16);
        report_xml_text(f, labels[i]);
        fprintf(f, "</text>\n");
        fprintf(f, "  <rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"20\" fill=\"%s\"/>\n", bar_x, y + 2, bw,
                colors[i % 8]);
        fprintf(f, "  <text x=\"%.1f\" y=\"%d\">%.4g %s (%.1f %%)</text>\n", bar_x + bw + 6, y + 16, vals[i], unit,
                sum > 0 ? 100.0 * vals[i] / sum : 0.0);
    }
    fprintf(f, "  <text x=\"10\" y=\"%d\" font-size=\"12\">total %.4g %s</text>\n", top + n * row + 24, sum, unit);
    fprintf(f, "</svg>\n");
    if (fclose(f) != 0) { fprintf(stderr, "sltreport: cannot write %s\n", path); return 2; }
    return 0;
}

/* ---- helpers ---------------------------------------------------------------------------- */
static void json_num(FILE *f, double v)
{
    if (isfinite(v)) fprintf(f, "%.6g", v);
    else fputs("null", f);
}


static const char *or_na(const char *s) { return s && *s ? s : "n/a"; }

static void usage(void)
{
    fprintf(stderr, "usage: sltreport --config FILE --flow DIR --out DIR [--stages FILE] [--area FILE] "
                    "[--seed N] [--activity A] [--quick]\n");
}

int main(int argc, char **argv)
{
    const char *cfg_path = NULL, *flow = NULL, *out = NULL, *stages_path = NULL, *area_path = NULL;
    uint64_t seed = 1;
    double act = 0.5;
    int quick = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--quick") == 0) { quick = 1; continue; }
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) { usage(); return 0; }
        if (!v) { usage(); return 2; }
        if (strcmp(a, "--config") == 0) cfg_path = v;
        else if (strcmp(a, "--flow") == 0) flow = v;
        else if (strcmp(a, "--out") == 0) out = v;
        else if (strcmp(a, "--stages") == 0) stages_path = v;
        else if (strcmp(a, "--area") == 0) area_path = v;
        else if (strcmp(a, "--seed") == 0) seed = strtoull(v, NULL, 10);
        else if (strcmp(a, "--activity") == 0) act = atof(v);
        else { usage(); return 2; }
        i++;
    }
    if (!cfg_path || !flow || !out) { usage(); return 2; }
    if (!(act > 0 && act <= 1)) { fprintf(stderr, "sltreport: --activity must be in (0, 1]\n"); return 2; }

    char err[SLT_ERRLEN];
    slt_config cfg;
    slt_config_default(&cfg);
    if (slt_config_load(&cfg, cfg_path, err, sizeof err) || slt_config_finish(&cfg, err, sizeof err)) {
        fprintf(stderr, "sltreport: %s\n", err);
        return 2;
    }
    const double f_mhz = cfg.clock_mhz;
    const double link_bps = cfg.bus_bits / 8.0 * f_mhz * 1e6;

    /* ---- flow inputs ---- */
    char p[4096];
    kvfile gen, syn, sta, pw, syn7, sta7, pw7, stages, area, rtlc, gent, synt, stat, sramkv, stat7, cgkv;
#define LOADF(kv, fmt, ...) do { snprintf(p, sizeof p, fmt, __VA_ARGS__); kv_load(&kv, p); } while (0)
    LOADF(gen, "%s/synth/generic/summary.kv", flow);
    LOADF(syn, "%s/synth/%s/summary.kv", flow, TAG_SKY130);
    LOADF(sta, "%s/sta/%s/summary.kv", flow, TAG_SKY130);
    LOADF(pw, "%s/power/%s/power_blocks.kv", flow, TAG_SKY130);
    LOADF(syn7, "%s/synth/%s/summary.kv", flow, TAG_ASAP7);
    LOADF(sta7, "%s/sta/%s/summary.kv", flow, TAG_ASAP7);
    LOADF(pw7, "%s/power/%s/power_blocks.kv", flow, TAG_ASAP7);
    /* the accelerator top (synth-top stage) and the measured RTL cycles (rtl-check) */
    LOADF(rtlc, "%s/rtl_check.kv", flow);
    LOADF(gent, "%s/synth-top/generic/summary.kv", flow);
    LOADF(synt, "%s/synth-top/%s/summary.kv", flow, TAG_SKY130);
    LOADF(stat, "%s/sta-top/%s/summary.kv", flow, TAG_SKY130);
    LOADF(sramkv, "%s/synth-top/sram.kv", flow);
    LOADF(stat7, "%s/sta-top/%s/summary.kv", flow, TAG_ASAP7);
    LOADF(cgkv, "%s/cg_energy/result.kv", flow);
#undef LOADF
    memset(&stages, 0, sizeof stages);
    memset(&area, 0, sizeof area);
    if (stages_path) kv_load(&stages, stages_path);
    if (area_path) kv_load(&area, area_path);

    /* measured activity (make energy), when it ran */
    energy_meas em;
    energy_meas_load(flow, &em);
    const double s28_sky130 = (28.0 / 130.0) * (0.9 / 1.8) * (0.9 / 1.8);

    block_power bp, bp7;
    block_power_of(&pw, &bp);
    block_power_of(&pw7, &bp7);
    event_energy ee, ee_hi, ee7;
    event_energy_of(&bp, act, f_mhz, cfg.lut_units, 130.0, 1.8, &ee);
    event_energy_of(&bp, 1.0, f_mhz, cfg.lut_units, 130.0, 1.8, &ee_hi);
    event_energy_of(&bp7, act, f_mhz, cfg.lut_units, 7.0, 0.7, &ee7);
    /* controllers + AXI: top total power minus the array's, same calibration
     * (OpenSTA sky130, global activity 0 and 1), charged every cycle at the data
     * activity (conservative: the controllers are taken busy all the time) */
    const double ptop0 = kv_num(&stat, "power_0_total_w"), ptop1 = kv_num(&stat, "power_1_total_w");
    const int have_ctrl = ee.ok && isfinite(ptop0) && isfinite(ptop1) && ptop1 > bp.total_p1;
    const double e_ctrl = have_ctrl ? ((ptop0 - bp.total_p0) + act * ((ptop1 - bp.total_p1) - (ptop0 - bp.total_p0))) /
                                          (f_mhz * 1e6) * 1e12
                                    : NAN; /* pJ per cycle, sky130 */

    /* ---- SRAM model (28 nm and sky130), 64-bit... words of bus_bits ---- */
    const int word = cfg.bus_bits;
    slt_sram_estimate w28, a28, o28, w130, a130, o130;
    double depth_w = cfg.wbuf_kib * 1024.0 * 8 / word, depth_a = cfg.abuf_kib * 1024.0 * 8 / word,
           depth_o = cfg.obuf_kib * 1024.0 * 8 / word;
    if (slt_sram_estimate_of(SLT_NODE_28NM, depth_w, word, &w28) || slt_sram_estimate_of(SLT_NODE_28NM, depth_a, word, &a28) ||
        slt_sram_estimate_of(SLT_NODE_28NM, depth_o, word, &o28) || slt_sram_estimate_of(SLT_NODE_SKY130, depth_w, word, &w130) ||
        slt_sram_estimate_of(SLT_NODE_SKY130, depth_a, word, &a130) || slt_sram_estimate_of(SLT_NODE_SKY130, depth_o, word, &o130)) {
        fprintf(stderr, "sltreport: SRAM model refused the buffer sizes\n");
        return 2;
    }
    const double sram28_um2 = w28.area_um2 + a28.area_um2 + o28.area_um2;
    const double sram130_um2 = w130.area_um2 + a130.area_um2 + o130.area_um2;
    const int binary = slt_format_is_binary(cfg.weight_format);
    const int key_bits = slt_key_bits(cfg.group_size, binary);
    const double wread_bits = (double)cfg.row_lanes * cfg.lut_units * key_bits;
    const double aread_bits = (double)cfg.lut_units * cfg.group_size * cfg.act_bits;
    const double oacc_bits = (double)cfg.row_lanes * cfg.acc_bits;
    /* link I/O energy assumption (excluded from chip energy): 64-bit DRAM access
     * 1.3 nJ at 45 nm (Horowitz, ISSCC 2014, lower end of 1.3-2.6 nJ) */
    const double link_pj_per_bit = 1300.0 / 64.0;

    /* ---- per model ---- */
    slt_config pcfg = cfg;  /* prediction: max_k raised to each shape (see docs/report.md) */
    model_result res[N_MODELS];
    memset(res, 0, sizeof res);
    for (int mi = 0; mi < N_MODELS; mi++) {
        const model_shape *ms = &g_models[mi];
        model_result *r = &res[mi];
        layer_shape sh[4] = {
            {"q, o", ms->hidden, ms->hidden, 2, {0}},
            {"k, v", ms->kv, ms->hidden, 2, {0}},
            {"gate, up", ms->inter, ms->hidden, 2, {0}},
            {"down", ms->hidden, ms->inter, 1, {0}},
        };
        r->nsh = 4;
        for (int s = 0; s < 4; s++) {
            int m = sh[s].m, k = sh[s].k;
            if (quick) { m = (m + 15) / 16; k = (k + 15) / 16; }
            if (pcfg.max_k < k) pcfg.max_k = k;
            if (pcfg.max_m < m) pcfg.max_m = m;
            int st = predict_shape(&pcfg, m, k, seed + 1000u * (uint64_t)mi + (uint64_t)s, &sh[s].ev);
            if (st) return st;
            if (quick) {  /* scale the reduced shape's events back up (x256): only for the quick test */
                slt_events e = {0};
                ev_add(&e, &sh[s].ev, 256);
                sh[s].ev = e;
            }
            ev_add(&r->tok, &sh[s].ev, (uint64_t)sh[s].count * (uint64_t)ms->layers);
            r->macs += (double)sh[s].m * sh[s].k * sh[s].count * ms->layers;
        }
        memcpy(r->sh, sh, sizeof sh);
        const slt_events *t = &r->tok;
        r->latency_s = (double)t->cycles / (f_mhz * 1e6);
        r->link_bound_s = (double)t->weight_bytes / link_bps;
        r->compute_s = (double)t->compute_cycles / (f_mhz * 1e6);
        double cyc = (double)t->cycles;
        if (ee.ok) {
            double s28 = ee.scale28 * 1e-9; /* pJ -> mJ, scaled */
            r->e_cycle_mj = cyc * ee.e_cycle * s28;
            r->e_build_mj = (double)t->table_builds * ee.e_build * s28;
            r->e_term_mj = (double)t->accumulates * ee.e_term * s28;
            r->e_ctrl_mj = have_ctrl ? cyc * e_ctrl * s28 : 0;
            r->e_logic_mj = r->e_cycle_mj + r->e_build_mj + r->e_term_mj + r->e_ctrl_mj;
            r->e_logic_native_mj = r->e_logic_mj / ee.scale28;
            double hi = (cyc * ee_hi.e_cycle + (double)t->table_builds * ee_hi.e_build + (double)t->accumulates * ee_hi.e_term) * s28;
            if (have_ctrl) hi += cyc * (ptop1 - bp.total_p1) / (f_mhz * 1e6) * 1e12 * s28;
            r->energy_hi_mj = hi;
        } else {
            r->e_logic_mj = r->e_logic_native_mj = r->energy_hi_mj = NAN;
        }
        r->e_logic_asap7_mj = ee7.ok ? (cyc * ee7.e_cycle + (double)t->table_builds * ee7.e_build +
                                        (double)t->accumulates * ee7.e_term) * ee7.scale28 * 1e-9
                                     : NAN;
        r->e_wbuf_mj = ((double)t->wbuf_writes * word + (double)t->wbuf_reads * wread_bits) * w28.pj_per_bit * 1e-9;
        r->e_abuf_mj = ((double)t->abuf_writes * word + (double)t->abuf_reads * aread_bits) * a28.pj_per_bit * 1e-9;
        r->e_obuf_mj = ((double)(t->obuf_writes + t->obuf_reads) * oacc_bits) * o28.pj_per_bit * 1e-9;
        r->e_sram_mj = r->e_wbuf_mj + r->e_abuf_mj + r->e_obuf_mj;
        r->energy_mj = r->e_logic_mj + r->e_sram_mj;
        r->energy_global_mj = r->energy_mj;
        r->e_logic_meas_mj = energy_meas_logic_pj(&em, cyc, (double)t->table_builds, (double)t->accumulates) * s28_sky130 * 1e-9;
        if (em.ok) r->energy_mj = r->e_logic_meas_mj + r->e_sram_mj;
        if (isfinite(r->energy_hi_mj)) r->energy_hi_mj += r->e_sram_mj;
        r->e_link_mj = (double)t->link_bytes * 8 * link_pj_per_bit * 1e-9;
    }
    const model_result *r3 = &res[2];

    /* ---- figures from the flows ---- */
    const double area_logic_array = kv_num(&syn, "area_logic_um2");
    const double fmax_array = kv_num(&sta, "fmax_mhz");
    /* the whole top when synth-top ran (with liberty), else the array alone */
    const int top_area = synt.present && isfinite(kv_num(&synt, "area_logic_um2"));
    const int top_fmax = stat.present && isfinite(kv_num(&stat, "fmax_mhz"));
    const double area_logic = top_area ? kv_num(&synt, "area_logic_um2") : area_logic_array;
    const double fmax = top_fmax ? kv_num(&stat, "fmax_mhz") : fmax_array;
    const char *area_scope = top_area ? "top" : "array";
    const char *fmax_scope = top_fmax ? "top" : "array";
    /* modelled SRAM area of the top's macros (sltsram, from the netlist's shapes) */
    const double sram_top28 = kv_num(&sramkv, "sram.28nm.area_um2"), sram_top130 = kv_num(&sramkv, "sram.sky130.area_um2");
    /* measured RTL cycles (rtl-check) against the event model on the same shape */
    double rtl_cycles = kv_num(&rtlc, "cycles"), rtl_pred = NAN, rtl_ideal = kv_num(&rtlc, "ideal");
    int rtl_k = (int)kv_num(&rtlc, "k"), rtl_m = (int)kv_num(&rtlc, "m");
    if (rtlc.present && isfinite(rtl_cycles) && rtl_k > 0 && rtl_m > 0) {
        slt_config rc = cfg;
        if (rc.max_k < rtl_k) rc.max_k = rtl_k;
        if (rc.max_m < rtl_m) rc.max_m = rtl_m;
        slt_events rev;
        /* the event model's exact PERF_CYCLES_BUSY of that GEMV (ref/slt_busy.h) */
        if (predict_shape(&rc, rtl_m, rtl_k, seed + 77, &rev) == 0) rtl_pred = (double)rev.busy_cycles;
    }
    const double fmax7 = kv_num(&sta7, "fmax_mhz");
    const double area7 = kv_num(&syn7, "area_logic_um2");
    const double area28_scaled = area_logic * (28.0 / 130.0) * (28.0 / 130.0);
    /* SRAM of the synthesised top's macros when known, else the configured buffers */
    const double sram28_side = top_area && isfinite(sram_top28) ? sram_top28 : sram28_um2;
    const double sram130_side = top_area && isfinite(sram_top130) ? sram_top130 : sram130_um2;
    const char *liberty = syn.present ? TAG_SKY130 : "none";
    const double peak_macs = (double)cfg.row_lanes * cfg.lut_units * cfg.group_size;

    /* area per block of the top (stat2kv.awk block.<b>.area_um2) */
    static const char *const blk_key[] = {"table_builders", "row_lanes", "array_glue", "control", "axi", "other"};
    static const char *const blk_name[] = {"table builders", "row lanes", "array glue", "controllers (slt_top_ctrl, decoders, SRAM wrappers, top glue)",
                                           "AXI (AXI4-Lite regs, stream skid buffers, pack/unpack)", "other"};
    double blk_um2[6], blk_tr[6];
    for (int b = 0; b < 6; b++) {
        char k[96];
        snprintf(k, sizeof k, "block.%s.area_um2", blk_key[b]);
        blk_um2[b] = kv_num(&synt, k);
        snprintf(k, sizeof k, "block.%s.transistors", blk_key[b]);
        blk_tr[b] = kv_num(&gent, k);
    }
    /* builder / lane / glue area from the per-module figures */
    double a_b = 0, a_l = 0, a_g = 0;
    for (int i = 0; i < syn.n; i++) {
        const char *k = syn.key[i];
        size_t kl = strlen(k);
        if (strncmp(k, "module.", 7) != 0 || kl < 9 || strcmp(k + kl - 9, ".area_um2") != 0) continue;
        char inst_key[600];
        snprintf(inst_key, sizeof inst_key, "%.*s.instances", (int)(kl - 9), k);
        double ninst = kv_num(&syn, inst_key);
        double v = atof(syn.val[i]) * (isfinite(ninst) ? ninst : 1);
        if (strstr(k, "builder")) a_b += v;
        else if (strstr(k, "lane")) a_l += v;
        else a_g += v;
    }

    /* ---- report.json ---- */
    snprintf(p, sizeof p, "%s/report.json", out);
    FILE *j = fopen(p, "w");
    if (!j) { fprintf(stderr, "sltreport: cannot write %s: %s\n", p, strerror(errno)); return 2; }
    fprintf(j, "{\n  \"config\": ");
    report_json_str(j, cfg.name);
    fprintf(j, ",\n  \"config_file\": ");
    report_json_str(j, cfg_path);
    fprintf(j, ",\n  \"clock_mhz\": ");
    json_num(j, f_mhz);
    fprintf(j, ",\n  \"link_bytes_per_cycle\": %d", cfg.bus_bits / 8);
    fprintf(j, ",\n  \"liberty\": ");
    report_json_str(j, liberty);
    static const char *const lib_tags[] = {TAG_SKY130, TAG_ASAP7};
    fprintf(j, ",\n  \"liberty_files\": ");
    slt_report_liberty_json(j, flow, lib_tags, 2);
    fprintf(j, ",\n  \"fpga\": ");
    slt_report_fpga_json(j, flow);
    fprintf(j, ",\n  \"area_um2\": ");
    json_num(j, syn.present || top_area ? area_logic : NAN);
    fprintf(j, ",\n  \"area_scope\": \"%s\"", top_area ? "top: accelerator top logic (array, controllers, AXI), sky130 cell area, no SRAM (black boxes), no place and route"
                                                       : "array: array logic only (table builders, row lanes, glue), cell area, no place and route");
    fprintf(j, ",\n  \"area_of\": \"%s\"", area_scope);
    fprintf(j, ",\n  \"area_array_um2\": ");
    json_num(j, area_logic_array);
    fprintf(j, ",\n  \"area_blocks_um2\": ");
    if (top_area) {
        fprintf(j, "{");
        for (int b = 0; b < 6; b++) { fprintf(j, "%s\"%s\": ", b ? ", " : "", blk_key[b]); json_num(j, blk_um2[b]); }
        fprintf(j, ", \"sram_sky130_modelled\": ");
        json_num(j, sram_top130);
        fprintf(j, ", \"sram_28nm_modelled\": ");
        json_num(j, sram_top28);
        fprintf(j, ", \"sram_asap7\": \"not modelled\", \"library\": \"%s\"}", TAG_SKY130);
    } else fprintf(j, "null");
    fprintf(j, ",\n  \"rtl_check\": ");
    if (isfinite(rtl_cycles)) {
        fprintf(j, "{\"shape\": ");
        report_json_str(j, kv_str(&rtlc, "shape"));
        fprintf(j, ", \"k\": %d, \"m\": %d, \"cycles\": ", rtl_k, rtl_m);
        json_num(j, rtl_cycles);
        fprintf(j, ", \"predicted_cycles\": ");
        json_num(j, rtl_pred);
        fprintf(j, ", \"ratio\": ");
        json_num(j, rtl_cycles / rtl_pred);
        fprintf(j, ", \"exact\": %s", rtl_cycles == rtl_pred ? "true" : "false");
        fprintf(j, ", \"ideal_link_cycles\": ");
        json_num(j, rtl_ideal);
        fprintf(j, ", \"source\": \"cycles measured: Verilator top-level RTL through the AXI ports; predicted: event model slt_predict busy_cycles (exact PERF_CYCLES_BUSY)\"}");
    } else fprintf(j, "null");
    fprintf(j, ",\n  \"latency_source\": \"event model (slt_predict); measured RTL cycles only in rtl_check\"");
    fprintf(j, ",\n  \"sram_area_um2\": ");
    json_num(j, syn.present ? sram130_side : sram28_side);
    fprintf(j, ",\n  \"sram_area_node\": \"%s\"", syn.present ? "sky130 (model)" : "28nm (model)");
    fprintf(j, ",\n  \"sram_area_28nm_um2\": ");
    json_num(j, sram28_side);
    fprintf(j, ",\n  \"sram_area_is\": \"MODELLED (gen/sram_model.c), %s\"", top_area ? "the synthesised top's macro shapes" : "the configured buffer sizes");
    fprintf(j, ",\n  \"area_28nm_scaled_um2\": ");
    json_num(j, syn.present ? area28_scaled : NAN);
    fprintf(j, ",\n  \"fmax_mhz\": ");
    json_num(j, fmax);
    fprintf(j, ",\n  \"fmax_of\": \"%s\"", fmax_scope);
    fprintf(j, ",\n  \"fmax_array_mhz\": ");
    json_num(j, fmax_array);
    fprintf(j, ",\n  \"fmax_asap7_mhz\": ");
    json_num(j, fmax7);
    /* the accelerator top in ASAP7 (synth-top stage), next to fmax_mhz (the top in sky130) */
    fprintf(j, ",\n  \"fmax_top_asap7_mhz\": ");
    json_num(j, kv_num(&stat7, "fmax_mhz"));
    /* clock gating: clock-pin energy per MAC of the array, on vs off, same workload (cg-energy stage) */
    fprintf(j, ",\n  \"clock_gating_pj_per_mac\": {\"on\": ");
    json_num(j, kv_num(&cgkv, "on.clock_pj_per_mac"));
    fprintf(j, ", \"off\": ");
    json_num(j, kv_num(&cgkv, "off.clock_pj_per_mac"));
    fprintf(j, ", \"scope\": \"%s\"}", cgkv.present ? "clock pins of the array's flip-flops and clock gates only (RTL clock-edge counts x sky130 liberty); not the total energy per MAC" : "not measured");
    fprintf(j, ",\n  \"area_asap7_um2\": ");
    json_num(j, area7);
    fprintf(j, ",\n  \"transistors_generic\": ");
    json_num(j, kv_num(&gen, "transistors"));
    fprintf(j, ",\n  \"peak_macs_per_cycle\": %g", peak_macs);
    fprintf(j, ",\n  \"energy_model\": {\"calibration\": ");
    report_json_str(j, ee.ok ? "OpenSTA report_power per block, sky130 tt 1.8V 25C, activity 0 and 1" : "none (no liberty power)");
    fprintf(j, ", \"data_activity\": %g, \"scaling_to_28nm\": ", act);
    json_num(j, ee.ok ? ee.scale28 : NAN);
    fprintf(j, ", \"e_cycle_pj\": ");
    json_num(j, ee.ok ? ee.e_cycle : NAN);
    fprintf(j, ", \"e_table_build_pj\": ");
    json_num(j, ee.ok ? ee.e_build : NAN);
    fprintf(j, ", \"e_lookup_accumulate_pj\": ");
    json_num(j, ee.ok ? ee.e_term : NAN);
    fprintf(j, ", \"e_buffer_add_pj\": ");
    json_num(j, ee.ok ? ee.e_term : NAN);
    fprintf(j, ", \"controllers_axi_included\": %s, \"e_controllers_axi_per_cycle_pj\": ", have_ctrl ? "true" : "false");
    json_num(j, e_ctrl);
    fprintf(j, ", \"sram_pj_per_bit_28nm\": ");
    json_num(j, w28.pj_per_bit);
    fprintf(j, ", \"link_pj_per_bit_assumed\": ");
    json_num(j, link_pj_per_bit);
    fprintf(j, ", \"units\": \"pJ per event at the calibration node (sky130); multiply by scaling_to_28nm\"}");
    energy_meas_json(j, &em);
    fprintf(j, ",\n  \"models\": {\n");
    for (int mi = 0; mi < N_MODELS; mi++) {
        const model_result *r = &res[mi];
        fprintf(j, "    ");
        report_json_str(j, g_models[mi].name);
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
        json_num(j, have_ctrl ? r->e_ctrl_mj : NAN);
        fprintf(j, ", \"energy_sram_mj\": ");
        json_num(j, r->e_sram_mj);
        fprintf(j, ", \"energy_upper_mj\": ");
        json_num(j, r->energy_hi_mj);
        fprintf(j, ", \"energy_logic_asap7_scaled_mj\": ");
        json_num(j, r->e_logic_asap7_mj);
        fprintf(j, ", \"energy_link_io_mj_excluded\": ");
        json_num(j, r->e_link_mj);
        fprintf(j, "}%s\n", mi + 1 < N_MODELS ? "," : "");
    }
    fprintf(j, "  },\n  \"goals\": {\"latency_3b_s_max\": 0.420, \"latency_3b_met\": %s, \"energy_3b_mj_max\": 30, "
               "\"energy_3b_met\": %s, \"clock_met_sky130\": %s}\n}\n",
            r3->latency_s <= 0.420 ? "true" : "false", isfinite(r3->energy_mj) && r3->energy_mj <= 30 ? "true" : "false",
            isfinite(fmax) ? (fmax >= f_mhz ? "true" : "false") : "null");
    if (fclose(j) != 0) { fprintf(stderr, "sltreport: cannot write report.json\n"); return 2; }

    /* ---- SVG charts ---- */
    {
        const char *lab[] = {"table builders (logic)", "row lanes (logic)", "array glue (logic)", "wbuf SRAM (model)",
                             "abuf SRAM (model)", "obuf SRAM (model)"};
        double s2 = (28.0 / 130.0) * (28.0 / 130.0);
        double v[] = {a_b * s2 / 1e6, a_l * s2 / 1e6, a_g * s2 / 1e6, w28.area_um2 / 1e6, a28.area_um2 / 1e6, o28.area_um2 / 1e6};
        snprintf(p, sizeof p, "%s/area.svg", out);
        if (top_area) {
            /* the whole top by block, logic scaled from sky130, SRAM macros modelled at 28 nm */
            const char *lt[] = {"table builders (logic)", "row lanes (logic)", "array glue (logic)", "controllers (logic)",
                                "AXI (logic)", "other (logic)", "SRAM macros (MODEL)"};
            double vt[7];
            for (int b = 0; b < 6; b++) vt[b] = (isfinite(blk_um2[b]) ? blk_um2[b] : 0) * s2 / 1e6;
            vt[6] = (isfinite(sram_top28) ? sram_top28 : sram28_um2) / 1e6;
            if (svg_bars(p, "Area of the accelerator top at 28 nm by block: logic scaled from sky130, SRAM modelled",
                         "Logic: Yosys/ABC sky130 cell area x (28/130)^2 (scaling, no P&R). SRAM: analytic model gen/sram_model.c.",
                         "mm^2", 7, lt, vt))
                return 2;
        } else if (svg_bars(p, "Area at 28 nm: logic scaled from sky130, SRAM modelled",
                     "Scaling and model, not a 28 nm synthesis. Logic = array only, no controllers / AXI / P&R.", "mm^2",
                     syn.present ? 6 : 3, syn.present ? lab : lab + 3, syn.present ? v : v + 3))
            return 2;
        const char *lab2[] = {"controllers + AXI (per cycle)", "clock + leakage (per cycle)", "table builds", "lookups + accumulates",
                              "wbuf SRAM (model)", "abuf SRAM (model)", "obuf SRAM (model)"};
        double v2[] = {r3->e_ctrl_mj, r3->e_cycle_mj, r3->e_build_mj, r3->e_term_mj, r3->e_wbuf_mj, r3->e_abuf_mj, r3->e_obuf_mj};
        snprintf(p, sizeof p, "%s/energy.svg", out);
        int sk = have_ctrl ? 0 : 1; /* no controllers bar when they are excluded */
        if (svg_bars(p, "Energy per token, bitnet_b1_58-3B, scaled to 28 nm",
                     have_ctrl ? "Logic: OpenSTA sky130 power (global activity), C*V^2-scaled, array + controllers/AXI; SRAM: analytic model. Link I/O excluded."
                               : "Logic: OpenSTA sky130 power (global activity), C*V^2-scaled, array only (controllers/AXI excluded); SRAM: model. Link I/O excluded.",
                     "mJ", ee.ok ? 7 - sk : 3, ee.ok ? lab2 + sk : lab2 + 4, ee.ok ? v2 + sk : v2 + 4))
            return 2;
    }

    /* ---- report.md ---- */
    snprintf(p, sizeof p, "%s/report.md", out);
    FILE *f = fopen(p, "w");
    if (!f) { fprintf(stderr, "sltreport: cannot write %s: %s\n", p, strerror(errno)); return 2; }
    fprintf(f, "# slt-gen report: configuration `%s`\n\n", cfg.name);
    fprintf(f, "Written by `build/bin/sltreport` (`make run CFG=%s`). Methods, constants and limitations: "
               "[docs/report.md](../../docs/report.md). Machine-readable: `report.json`.\n\n", cfg.name);
    fprintf(f, "Configuration: G = %d, U = %d table builders, L = %d row lanes, int%d activations, weights `%s`, "
               "%d-bit link (%d B/cycle), %g MHz, buffers %d + %d + %d KiB, array `%s`; peak %g ternary MAC/cycle.\n\n",
            cfg.group_size, cfg.lut_units, cfg.row_lanes, cfg.act_bits, slt_format_name(cfg.weight_format), cfg.bus_bits,
            cfg.bus_bits / 8, f_mhz, cfg.wbuf_kib, cfg.abuf_kib, cfg.obuf_kib, cfg.array == SLT_ARRAY_ADDSUB ? "addsub" : "slt",
            peak_macs);
    if (quick)
        fprintf(f, "**QUICK MODE (test only): every layer shape was predicted at 1/16 of M and K and the events scaled by "
                   "256. Do not quote these figures.**\n\n");

    /* stages */
    if (stages.present) {
        fprintf(f, "## Pipeline stages\n\n| stage | status | seconds | note |\n| --- | --- | --- | --- |\n");
        for (int i = 0; i < stages.n; i++) {
            if (strncmp(stages.key[i], "stage.", 6) != 0) continue;
            /* value: status|seconds|note */
            char buf[4096];
            snprintf(buf, sizeof buf, "%s", stages.val[i]);
            char *st = buf, *sec = strchr(st, '|'), *note = NULL;
            if (sec) { *sec++ = 0; note = strchr(sec, '|'); if (note) *note++ = 0; }
            fprintf(f, "| %s | %s | %s | %s |\n", stages.key[i] + 6, st, sec ? sec : "", note ? note : "");
        }
        fprintf(f, "\n");
    }

    /* headline */
    fprintf(f, "## Headline: decode, batch 1, per token (7 ternary linear layers x layers)\n\n");
    fprintf(f, "Latency = `slt_predict` cycles (event model, docs/numerics.md §6) of every layer at %g MHz; "
               "link bound = packed weight bytes / (%d B x %g MHz). Energy = chip logic + SRAM, **modelled** "
               "(logic calibrated on sky130 OpenSTA power, **scaled to 28 nm** by C·V²; SRAM from the analytic model), "
               "link I/O excluded. Synthetic ternary weights, 1/3 zeros.%s\n\n",
            f_mhz, cfg.bus_bits / 8, f_mhz,
            em.ok ? " Logic energy per event: **measured activity** (gate-level simulation of a GEMV window, `make energy`, "
                    "section \"Measured energy\"); the one-global-rate figure is `energy_mj_global` in report.json."
                  : " Logic energy at one global toggle rate (`make energy` did not run).");
    fprintf(f, "| model | ternary MAC/token | latency ms | link bound ms | compute bound ms | latency / link bound | "
               "energy mJ/token (28 nm, logic + SRAM) | logic mJ | SRAM mJ | upper bound mJ (activity 1) | "
               "link I/O mJ (excluded, assumed) |\n");
    fprintf(f, "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
    for (int mi = 0; mi < N_MODELS; mi++) {
        const model_result *r = &res[mi];
        if (ee.ok)
            fprintf(f, "| %s | %.3f G | %.1f | %.1f | %.1f | %.3f | %.2f | %.2f | %.2f | %.2f | %.0f |\n", g_models[mi].name,
                    r->macs / 1e9, r->latency_s * 1e3, r->link_bound_s * 1e3, r->compute_s * 1e3, r->latency_s / r->link_bound_s,
                    r->energy_mj, em.ok ? r->e_logic_meas_mj : r->e_logic_mj, r->e_sram_mj, r->energy_hi_mj, r->e_link_mj);
        else
            fprintf(f, "| %s | %.3f G | %.1f | %.1f | %.1f | %.3f | n/a (no liberty) | n/a | %.2f | n/a | %.0f |\n", g_models[mi].name,
                    r->macs / 1e9, r->latency_s * 1e3, r->link_bound_s * 1e3, r->compute_s * 1e3, r->latency_s / r->link_bound_s,
                    r->e_sram_mj, r->e_link_mj);
    }
    {
        const char *nm[] = {"clock + leakage", "table builds", "lookups + accumulates", "wbuf SRAM", "abuf SRAM",
                            "obuf SRAM (partial sums)", "controllers + AXI logic"};
        double v3[] = {r3->e_cycle_mj, r3->e_build_mj, r3->e_term_mj, r3->e_wbuf_mj, r3->e_abuf_mj, r3->e_obuf_mj, r3->e_ctrl_mj};
        int big = 3;
        for (int q = 0; q < 7; q++)
            if (isfinite(v3[q]) && v3[q] > v3[big]) big = q;
        double tot = 0;
        for (int q = 0; q < 7; q++)
            if (isfinite(v3[q])) tot += v3[q];
        fprintf(f, "\nLargest item for bitnet_b1_58-3B: %s, %.2f mJ (%.0f %%)%s\n", nm[big], v3[big], 100 * v3[big] / tot,
                big == 5 ? ": the array writes and reads back every row's partial sum once per chunk of U·G weights "
                           "(obuf_reads/writes = NC·RB per GEMV), so a larger U·G or accumulating across chunks in "
                           "registers would cut it."
                         : ".");
    }
    fprintf(f, "\n![energy breakdown](energy.svg)\n\n");

    /* latency: which figures are modelled and which measured */
    fprintf(f, "## Latency: event model and measured RTL\n\n"
               "Every latency above is the **event model** (`slt_predict`), not a simulation of a whole token. One "
               "decode GEMV was **measured** on the generated top-level RTL (stage rtl-check: Verilator, through the AXI "
               "ports only, no back-pressure; cycles = PERF_CYCLES_BUSY from GO to DONE) and is compared here with the "
               "event model's busy cycles for the same shape (`busy_cycles`: the command's exact PERF_CYCLES_BUSY "
               "including descriptor, fill and read-out; the latencies above use `cycles`, without them); they must "
               "be equal:\n\n");
    if (isfinite(rtl_cycles))
        fprintf(f, "| shape | K x M | measured RTL cycles | predicted cycles (event model) | measured / predicted | link-bound "
                   "ideal cycles | measured / ideal |\n| --- | --- | --- | --- | --- | --- | --- |\n"
                   "| %s | %d x %d | %.0f | %.0f | %.4f | %.0f | %.4f |\n\n",
                or_na(kv_str(&rtlc, "shape")), rtl_k, rtl_m, rtl_cycles, rtl_pred, rtl_cycles / rtl_pred, rtl_ideal,
                rtl_cycles / rtl_ideal);
    else
        fprintf(f, "Not measured in this run (stage rtl-check skipped or failed): latency is the event model only.\n\n");

    /* goals */
    fprintf(f, "## Goals (SPEC §9)\n\n| goal | value | status |\n| --- | --- | --- |\n");
    fprintf(f, "| 3B decode latency <= 420 ms at 200 MHz, 8 B/cycle | %.1f ms at %g MHz, %d B/cycle | %s |\n",
            r3->latency_s * 1e3, f_mhz, cfg.bus_bits / 8,
            (f_mhz == 200 && cfg.bus_bits == 64) ? (r3->latency_s <= 0.420 ? "**met** (event model)" : "**missed**")
                                                 : "n/a (not the 200 MHz / 64-bit configuration)");
    if (!isfinite(r3->energy_mj)) fprintf(f, "| 3B chip energy <= 30 mJ/token (28 nm, logic + SRAM) | - | not computed (no liberty power) |\n");
    else fprintf(f, "| 3B chip energy <= 30 mJ/token (28 nm, logic + SRAM) | %.2f mJ | %s |\n", r3->energy_mj,
            !isfinite(r3->energy_mj) ? "not computed (no liberty power)"
            : r3->energy_mj <= 30   ? "**met** (modelled and scaled; see scope below)"
                                    : "**missed**");
    if (!isfinite(fmax)) fprintf(f, "| clock met in sky130 tt (pre-layout) | - | skipped (no liberty) |\n");
    else fprintf(f, "| clock met in sky130 tt (pre-layout) | Fmax %.1f MHz vs %g MHz | %s |\n", fmax, f_mhz,
            !isfinite(fmax) ? "not run" : fmax >= f_mhz ? "met" : "**missed** in sky130 (see timing)");
    if (isfinite(r3->energy_mj))
        fprintf(f, "| >= 25x less energy than H100 (0.77 J/token) | %.0fx | %s |\n", 770.0 / r3->energy_mj,
                770.0 / r3->energy_mj >= 25 ? "met (modelled chip energy vs measured board energy)" : "**missed**");
    if (have_ctrl)
        fprintf(f, "\nScope of the energy: the synthesised **array** (table builders, row lanes, glue), the **controllers "
                   "and AXI logic** of the synthesised top (its OpenSTA sky130 power minus the array's, same calibration "
                   "at activity %g, charged every cycle, 28 nm-scaled: %.2f pJ/cycle sky130), and the three SRAM "
                   "buffers (model). Not included: the clock tree (ideal clock), glitches, wires beyond the wire-load "
                   "model, SRAM leakage, 28 nm logic leakage, off-chip link I/O and DRAM. Slim-Llama's 82 mW is a "
                   "measured whole-chip figure; ours is not comparable one to one.\n\n", act, e_ctrl);
    else
        fprintf(f, "\nScope of the energy: the synthesised **array** (table builders, row lanes, glue) and the three SRAM "
                   "buffers. **Excluded**: the controllers, AXI/stream interfaces and DMA (the top level was not "
                   "synthesised with a liberty in this run), the clock tree (ideal clock), glitches, wires beyond the "
                   "wire-load model, SRAM leakage, 28 nm logic leakage, off-chip link I/O and DRAM. Slim-Llama's 82 mW "
                   "is a measured whole-chip figure; ours is not comparable one to one.\n\n");

    /* comparison */
    fprintf(f, "## Side by side (bitnet_b1_58-3B shapes)\n\n| figure | this design (%s) | method / source | Slim-Llama "
               "(ISSCC 2025) | H100 (SPEC §9) |\n| --- | --- | --- | --- | --- |\n", cfg.name);
    fprintf(f, "| latency per token | %.1f ms | event model cycles at %g MHz | 489 ms (1-bit Llama, published) | 2.0 ms "
               "(ternary 2-bit kernel, measured; bf16 cuBLAS 2.9 ms) |\n", r3->latency_s * 1e3, f_mhz);
    fprintf(f, "| link-bound latency | %.1f ms | weight bytes / link rate | 403 ms at 1.6 bit/weight (SPEC §1) | - |\n",
            r3->link_bound_s * 1e3);
    fprintf(f, "| energy per token | %.2f mJ | modelled, 28 nm-scaled, logic + SRAM, no I/O | ~40 mJ (82.07 mW x 0.489 s, "
               "derived in SPEC §9) | 770 mJ (NVML, board incl. ~119 W idle; bf16 1.19 J) |\n", r3->energy_mj);
    fprintf(f, "| average power during decode | %.1f mW | energy / latency | 82.07 mW @ 200 MHz (published) | ~385 W |\n",
            r3->energy_mj / r3->latency_s);
    fprintf(f, "| area | %.3f mm² (%s logic %.4f scaled + SRAM %.3f model) | sky130 cell area x (28/130)² + SRAM model at 28 nm | "
               "20.25 mm² die (published) | 814 mm² die |\n",
            (isfinite(area28_scaled) ? area28_scaled : 0) / 1e6 + sram28_side / 1e6, area_scope,
            (isfinite(area28_scaled) ? area28_scaled : 0) / 1e6, sram28_side / 1e6);
    fprintf(f, "| peak compute | %.1f GOPS (%g MAC/cycle x 2 x %g MHz) | configuration | 4.92 TOPS (published) | - |\n",
            peak_macs * 2 * f_mhz / 1e3, peak_macs, f_mhz);
    if (isfinite(fmax))
        fprintf(f, "| clock | %g MHz target; sky130 Fmax %.1f MHz%s | OpenSTA, pre-layout | 25-200 MHz (28 nm) | - |\n", f_mhz,
                fmax, isfinite(fmax7) ? "" : "");
    else
        fprintf(f, "| clock | %g MHz target; Fmax not computed (no liberty) | - | 25-200 MHz (28 nm) | - |\n", f_mhz);
    if (isfinite(fmax7)) fprintf(f, "| clock, ASAP7 | Fmax %.0f MHz | OpenSTA, pre-layout, mixed corners | - | - |\n", fmax7);
    if (isfinite(kv_num(&stat7, "fmax_mhz")))
        fprintf(f, "| clock, ASAP7, accelerator top | Fmax %.0f MHz | OpenSTA, pre-layout, mixed corners, SRAM macros black boxes | - | - |\n",
                kv_num(&stat7, "fmax_mhz"));
    if (cgkv.present)
        fprintf(f, "| clock gating, array clock-pin energy | %.3g pJ/MAC gated vs %.3g pJ/MAC ungated | flip-flop and clock-gate clock pins only: Icarus RTL clock-edge counts x sky130 tt liberty energies, same workload (%s); data path, wires, clock tree excluded | - | - |\n",
                kv_num(&cgkv, "on.clock_pj_per_mac"), kv_num(&cgkv, "off.clock_pj_per_mac"), or_na(kv_str(&cgkv, "workload")));
    fprintf(f, "\n");
    fprintf(f, "Slim-Llama and H100 figures are as listed in SPEC §1/§9 (press reports of ISSCC 2025 paper 23.9; H100 "
               "measured with NVML). The Slim-Llama die includes its controllers, I/O and 500 KB SRAM; this design's area "
               "is the synthesised logic (%s) plus modelled SRAM.\n\n", area_scope);

    /* area */
    fprintf(f, "## Area\n\n| item | value | tool / library / corner |\n| --- | --- | --- |\n");
    {
        static const char *const lib_tags_md[] = {TAG_SKY130, TAG_ASAP7};
        slt_report_liberty_md(f, flow, lib_tags_md, 2);
    }
    fprintf(f, "| array cells / flops / transistors (generic) | %s / %s / %s | Yosys 0.23 generic `synth`, `stat -tech cmos` "
               "estimate |\n", or_na(kv_str(&gen, "cells")), or_na(kv_str(&gen, "flops")), or_na(kv_str(&gen, "transistors")));
    if (syn.present) {
        fprintf(f, "| array logic area | %.0f µm² | Yosys + ABC, %s (tt, 25 °C, 1.8 V), cell area, no P&R |\n", area_logic_array, TAG_SKY130);
        fprintf(f, "| of which table builders / row lanes / glue | %.0f / %.0f / %.0f µm² | same |\n", a_b, a_l, a_g);
        fprintf(f, "| array logic scaled to 28 nm | %.0f µm² | x (28/130)² (area scaling, not a synthesis) |\n",
                area_logic_array * (28.0 / 130.0) * (28.0 / 130.0));
    } else {
        fprintf(f, "| array logic area | skipped | no liberty (../shared/pdk not found) |\n");
    }
    if (syn7.present) fprintf(f, "| array logic area, ASAP7 | %.1f µm² | ASAP7 RVT mixed corners (FF/TT), reduced library |\n", area7);
    fprintf(f, "| SRAM %d + %d + %d KiB, 28 nm | %.0f µm² (%d macros) | analytic model (synth/sram_model.md), not a compiler |\n",
            cfg.wbuf_kib, cfg.abuf_kib, cfg.obuf_kib, sram28_um2, w28.banks + a28.banks + o28.banks);
    fprintf(f, "| SRAM, sky130 | %.0f µm² | analytic model fitted to SRAM22 macros |\n\n", sram130_um2);
    if (top_area) {
        fprintf(f, "### Accelerator top by block (`make synth PART=top LIB=sky130`)\n\n"
                   "Yosys + ABC, %s (tt, 25 °C, 1.8 V), cell area, no P&R; SRAMs are black boxes (`rtl/slt_sram_macro.v`) "
                   "charged the **modelled** area of `gen/sram_model.c` for their Depth x Width (written by `build/bin/sltsram`). "
                   "28 nm column: logic x (28/130)² (scaling), SRAM from the 28 nm model. ASAP7: SRAM area **not modelled**.\n\n"
                   "| block | transistors (generic) | sky130 µm² | 28 nm µm² (scaled / model) |\n| --- | --- | --- | --- |\n", TAG_SKY130);
        double s2 = (28.0 / 130.0) * (28.0 / 130.0);
        for (int b = 0; b < 6; b++) {
            if (!(blk_um2[b] > 0)) continue;
            fprintf(f, "| %s | %.0f | %.0f | %.0f |\n", blk_name[b], blk_tr[b], blk_um2[b], blk_um2[b] * s2);
        }
        fprintf(f, "| **top logic** | %s | %.0f | %.0f |\n", or_na(kv_str(&gent, "transistors")), area_logic, area_logic * s2);
        fprintf(f, "| SRAM macros (%s instances, %s Kbit; **MODEL**) | - | %.0f | %.0f |\n", or_na(kv_str(&sramkv, "sram.instances")),
                or_na(kv_str(&sramkv, "sram.kbit")), sram_top130, sram_top28);
        fprintf(f, "| **top incl. SRAM (model)** | - | %.0f | %.0f |\n\n", area_logic + sram_top130, area_logic * s2 + sram_top28);
    } else {
        fprintf(f, "The accelerator top was not synthesised with a liberty in this run (stage synth-top skipped, failed, timed "
                   "out or no PDK): the areas "
                   "above are the array alone.\n\n");
    }
    fprintf(f, "![area breakdown](area.svg)\n\n");

    /* timing */
    fprintf(f, "## Timing (OpenSTA 2.0.17, pre-layout, ideal clock)\n\n| library | clock | WNS | Fmax | limited by | "
               "critical path |\n| --- | --- | --- | --- | --- | --- |\n");
    if (sta.present)
        fprintf(f, "| array, sky130 tt 1.8 V 25 °C, wire load Small | %g MHz | %s ns | %.1f MHz | %s | %s -> %s |\n", f_mhz,
                or_na(kv_str(&sta, "wns")), fmax_array, or_na(kv_str(&sta, "fmax_limited_by")), or_na(kv_str(&sta, "crit_start")),
                or_na(kv_str(&sta, "crit_end")));
    else
        fprintf(f, "| sky130 | - | - | skipped | - | no liberty (../shared/pdk not found) |\n");
    if (top_fmax)
        fprintf(f, "| **top**, sky130 tt 1.8 V 25 °C, wire load Small | %g MHz | %s ns | %.1f MHz | %s | %s -> %s |\n", f_mhz,
                or_na(kv_str(&stat, "wns")), kv_num(&stat, "fmax_mhz"), or_na(kv_str(&stat, "fmax_limited_by")),
                or_na(kv_str(&stat, "crit_start")), or_na(kv_str(&stat, "crit_end")));
    if (sta7.present)
        fprintf(f, "| ASAP7 RVT (mixed FF/TT corners), no wire load | %g MHz | %s ps | %.0f MHz | %s | %s -> %s |\n", f_mhz,
                or_na(kv_str(&sta7, "wns")), fmax7, or_na(kv_str(&sta7, "fmax_limited_by")), or_na(kv_str(&sta7, "crit_start")),
                or_na(kv_str(&sta7, "crit_end")));
    fprintf(f, "\n`fmax_mhz` in report.json is the %s's (`fmax_of`); `area_um2` is the %s logic (`area_of`).\n", fmax_scope, area_scope);
    if (isfinite(fmax) && fmax < f_mhz)
        fprintf(f, "\nThe %s does **not** close %g MHz in sky130 tt (130 nm). At sky130's Fmax of %.1f MHz the 3B "
                   "latency would be %.1f ms; the 28 nm and ASAP7 libraries are faster (ASAP7 Fmax %.0f MHz). The latency "
                   "figures above assume the configured clock is met.\n",
                fmax_scope, f_mhz, fmax, r3->latency_s * f_mhz / fmax * 1e3, fmax7);
    fprintf(f, "\n");

    slt_report_fpga_md(f, flow);

    /* energy model */
    energy_meas_md(f, &em, r3->energy_mj, r3->energy_global_mj);
    fprintf(f, "## Energy model\n\n");
    if (ee.ok) {
        fprintf(f, "Calibration: `synth/power_blocks.sh` runs OpenSTA `report_power -instances` on the sky130 netlist "
                   "at global toggle rates 0 and 1 (`set_power_activity -global`; no simulation activity: this OpenSTA "
                   "has no VCD/SAIF reader) and sums the cells per block. Power is linear in the rate, so a block busy "
                   "with random data (each net toggles with probability %g per cycle) draws P(0) + %g·(P(1) − P(0)).\n\n",
                   act, act);
        fprintf(f, "| block | instances | P(0) mW | P(1) mW | event | events/cycle at full rate | pJ/event sky130 | "
                   "pJ/event 28 nm (scaled) | upper bound (activity 1) pJ sky130 |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        fprintf(f, "| table builders | %d | %.3f | %.3f | table build | 1 per builder | %.2f | %.3f | %.2f |\n", bp.builders,
                bp.builder_p0 * 1e3, bp.builder_p1 * 1e3, ee.e_build, ee.e_build * ee.scale28, ee_hi.e_build);
        fprintf(f, "| row lanes | %d | %.3f | %.3f | lookup + accumulate (and buffer-mode add) | %d per lane | %.2f | %.3f | %.2f |\n",
                bp.lanes, bp.lane_p0 * 1e3, bp.lane_p1 * 1e3, cfg.lut_units, ee.e_term, ee.e_term * ee.scale28, ee_hi.e_term);
        fprintf(f, "| whole array, clock + leakage (+ glue data) | 1 | %.3f | %.3f | cycle | 1 | %.2f | %.3f | %.2f |\n\n",
                bp.total_p0 * 1e3, bp.total_p1 * 1e3, ee.e_cycle, ee.e_cycle * ee.scale28, ee_hi.e_cycle);
        fprintf(f, "E_logic = cycles·E_cycle + table_builds·E_build + (lookups + buffer_adds)·E_term; skipped (all-zero) "
                   "groups cost nothing (gated in the RTL). A lookup and its accumulate are one event: they sit in the "
                   "same lane and cannot be separated from block power; a buffer-mode add uses the same lane path and is "
                   "charged the same.\n\n");
        fprintf(f, "**Scaling to 28 nm** (labelled scaling, not a 28 nm characterisation): E28 = E130 · (28/130) · "
                   "(0.9 V / 1.8 V)² = E130 · %.4f (classical C·V² rule: switched capacitance ∝ feature size, "
                   "Dennard et al., IEEE JSSC 1974; the same rule as the SRAM model, synth/sram_model.md). 0.9 V for "
                   "28 nm is an assumption (Slim-Llama's supply is not published in our sources).\n\n", ee.scale28);
        if (ee7.ok)
            fprintf(f, "Cross-check from ASAP7 (7 nm predictive, 0.7 V, mixed corners), scaled up by (28/7)·(0.9/0.7)² = "
                       "%.2f: 3B logic energy %.3f mJ/token against %.3f mJ from sky130. The two scalings bracket a real "
                       "28 nm figure; they differ by %.1fx.\n\n",
                    ee7.scale28, r3->e_logic_asap7_mj, r3->e_logic_mj,
                    r3->e_logic_asap7_mj > r3->e_logic_mj ? r3->e_logic_asap7_mj / r3->e_logic_mj : r3->e_logic_mj / r3->e_logic_asap7_mj);
    } else {
        fprintf(f, "**No liberty power** (../shared/pdk not found or OpenSTA power failed): logic energy is not computed; "
                   "`energy_mj` is null in report.json.\n\n");
    }
    fprintf(f, "SRAM (analytic MODEL, gen/sram_model.c, 28 nm, 64-bit-word macros, not a memory compiler): %.3f pJ/bit "
               "read or write. Bits per access: wbuf write %d (one link word), wbuf read %.0f (L·U keys of %d bits), abuf "
               "write %d, abuf read %.0f (U·G activations), obuf read/write %.0f (L accumulators of %d bits). Leakage "
               "not included.\n\n",
            w28.pj_per_bit, word, wread_bits, key_bits, word, aread_bits, oacc_bits, cfg.acc_bits);
    fprintf(f, "Link I/O (excluded from chip energy, shown for scale): %.1f pJ/bit, the low end of a 64-bit DRAM access "
               "(1.3-2.6 nJ at 45 nm, Horowitz ISSCC 2014) - an assumption, not a measurement of any link.\n\n",
            link_pj_per_bit);

    /* per layer shape, 3B */
    fprintf(f, "## Per GEMV, bitnet_b1_58-3B (one decoder layer; x %d layers)\n\n", g_models[2].layers);
    fprintf(f, "| layer | M x K | count | cycles | compute cycles | link cycles | table builds | lookups | buffer adds | "
               "skipped groups | energy µJ per GEMV (28 nm, logic + SRAM) |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
    for (int s = 0; s < r3->nsh; s++) {
        const slt_events *e = &r3->sh[s].ev;
        double el = ee.ok ? ((double)e->cycles * ee.e_cycle + (double)e->table_builds * ee.e_build + (double)e->accumulates * ee.e_term) *
                                ee.scale28 * 1e-6
                          : NAN;
        double es = (((double)e->wbuf_writes * word + (double)e->wbuf_reads * wread_bits) * w28.pj_per_bit +
                     ((double)e->abuf_writes * word + (double)e->abuf_reads * aread_bits) * a28.pj_per_bit +
                     (double)(e->obuf_writes + e->obuf_reads) * oacc_bits * o28.pj_per_bit) * 1e-6;
        fprintf(f, "| %s | %d x %d | %d | %llu | %llu | %llu | %llu | %llu | %llu | %llu | %.1f |\n", r3->sh[s].what,
                r3->sh[s].m, r3->sh[s].k, r3->sh[s].count, (unsigned long long)e->cycles, (unsigned long long)e->compute_cycles,
                (unsigned long long)e->link_cycles, (unsigned long long)e->table_builds, (unsigned long long)e->lookups,
                (unsigned long long)e->buffer_adds, (unsigned long long)e->skipped_groups, el + es);
    }
    fprintf(f, "\nEvents from `slt_predict` (same function as `sltref predict`), N = 1 token, on seeded uniform ternary "
               "weights (seed %llu); max_k/max_m raised to the shape when the configuration's are smaller (the cycle "
               "model does not depend on them).\n\n", (unsigned long long)seed);

    /* SLT vs add/sub */
    fprintf(f, "## SLT array vs add/sub baseline (`make area`)\n\n");
    if (area.present) {
        fprintf(f, "Same generator and flow, equal ternary MAC/cycle (`synth/area.sh`, docs/flows.md); %s.\n\n",
                isfinite(kv_num(&area, "slt.g3.area_um2")) ? "generic transistors and sky130 cell area" : "generic transistors");
        fprintf(f, "| G | SLT transistors | add/sub transistors | add/sub ÷ SLT | SLT µm² | add/sub µm² | area ratio |\n| --- | --- | --- | --- | --- | --- | --- |\n");
        for (int g = 2; g <= 5; g++) {
            char k1[64], k2[64], k3[64], k4[64];
            snprintf(k1, sizeof k1, "slt.g%d.transistors", g);
            snprintf(k2, sizeof k2, "addsub.g%d.transistors", g);
            snprintf(k3, sizeof k3, "slt.g%d.area_um2", g);
            snprintf(k4, sizeof k4, "addsub.g%d.area_um2", g);
            double t1 = kv_num(&area, k1), t2 = kv_num(&area, k2), u1 = kv_num(&area, k3), u2 = kv_num(&area, k4);
            if (!isfinite(t1)) continue;
            fprintf(f, "| %d | %.0f | %.0f | %.2f | %.0f | %.0f | %.2f |\n", g, t1, t2, t2 / t1, u1, u2, u2 / u1);
        }
        double best_slt = NAN, best_add = NAN;
        int best_g = 0;
        for (int g = 2; g <= 5; g++) {
            char k1[64], k2[64];
            snprintf(k1, sizeof k1, isfinite(kv_num(&area, "slt.g3.area_um2")) ? "slt.g%d.area_um2" : "slt.g%d.transistors", g);
            snprintf(k2, sizeof k2, isfinite(kv_num(&area, "slt.g3.area_um2")) ? "addsub.g%d.area_um2" : "addsub.g%d.transistors", g);
            double s1 = kv_num(&area, k1), s2 = kv_num(&area, k2);
            if (isfinite(s1) && (!isfinite(best_slt) || s1 < best_slt)) { best_slt = s1; best_g = g; }
            if (isfinite(s2) && (!isfinite(best_add) || s2 < best_add)) best_add = s2;
        }
        fprintf(f, "\nGoal (SPEC §9): >= 1.5x ops per µm² for the SLT over the add/sub baseline. Best SLT (G = %d) "
                   "against the best add/sub at the same MAC/cycle: %.2fx - **%s**. (Same-G ratios are in the table.)\n\n",
                best_g, best_add / best_slt, best_add / best_slt >= 1.5 ? "met" : "missed");
    } else {
        fprintf(f, "Not run in this pipeline (run `make area` or `make run RUN_AREA=1`; it synthesises 8 arrays).\n\n");
    }

    fprintf(f, "## What this report leaves out\n\n"
               "%s"
               "- Latency is the event model's prediction (`slt_predict`), not a top-level RTL simulation of a whole "
               "token; one GEMV was measured on the RTL (see \"Latency: event model and measured RTL\").\n"
               "- Only the 7 ternary linear layers: attention (QK^T, softmax, AV), norms, embeddings and the LM head are "
               "not counted (as for the H100 anchor, which times the same linear layers).\n"
               "- Activity is a global toggle rate, not simulated; no glitches, no clock tree, pre-layout wires.\n"
               "- 28 nm figures are scaled (logic) or modelled (SRAM), never characterised. ASAP7 SRAM area is not modelled.\n",
               top_area ? "- The top's controllers and AXI logic are in the area, timing and (when their power was computed) "
                          "the energy; SRAM macros are black boxes: modelled area, no timing through them.\n"
                        : "- The accelerator top level (controllers, AXI, DMA, double buffering) is not in the synthesised "
                          "area, timing or energy of this run: only the processing array is.\n");
    if (fclose(f) != 0) { fprintf(stderr, "sltreport: cannot write report.md\n"); return 2; }
    printf("sltreport: %s/report.md, report.json, area.svg, energy.svg (3B: %.1f ms, %.2f mJ/token)\n", out,
           r3->latency_s * 1e3, r3->energy_mj);
    return 0;
}
