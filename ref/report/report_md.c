/* report_md.c - report.md, one function a section (report_ctx.h). */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_ctx.h"

static const char *or_na(const char *s) { return s && *s ? s : "n/a"; }

static void md_intro(const report *R, FILE *f)
{
    fprintf(f, "# slt-gen report: configuration `%s`\n\n", R->cfg.name);
    fprintf(f, "Written by `build/bin/sltreport` (`make run CFG=%s`). Methods, constants and limitations: "
               "[docs/report.md](../../docs/report.md). Machine-readable: `report.json`.\n\n", R->cfg.name);
    fprintf(f, "Configuration: G = %d, U = %d table builders, L = %d row lanes, int%d activations, weights `%s`, "
               "%d-bit link (%d B/cycle), %g MHz, buffers %d + %d + %d KiB, array `%s`; peak %g ternary MAC/cycle.\n\n",
            R->cfg.group_size, R->cfg.lut_units, R->cfg.row_lanes, R->cfg.act_bits, slt_format_name(R->cfg.weight_format), R->cfg.bus_bits,
            R->cfg.bus_bits / 8, R->f_mhz, R->cfg.wbuf_kib, R->cfg.abuf_kib, R->cfg.obuf_kib, slt_array_name(R->cfg.array),
            R->peak_macs);
    if (R->quick)
        fprintf(f, "**QUICK MODE (test only): every layer shape was predicted at 1/16 of M and K and the events scaled by "
                   "256. Do not quote these figures.**\n\n");
}

static void md_stages(const report *R, FILE *f)
{
    /* stages */
    if (R->stages.present) {
        fprintf(f, "## Pipeline stages\n\n| stage | status | seconds | note |\n| --- | --- | --- | --- |\n");
        for (int i = 0; i < R->stages.n; i++) {
            if (strncmp(R->stages.key[i], "stage.", 6) != 0) continue;
            /* value: status|seconds|note */
            char buf[4096];
            snprintf(buf, sizeof buf, "%s", R->stages.val[i]);
            char *st = buf, *sec = strchr(st, '|'), *note = NULL;
            if (sec) { *sec++ = 0; note = strchr(sec, '|'); if (note) *note++ = 0; }
            fprintf(f, "| %s | %s | %s | %s |\n", R->stages.key[i] + 6, st, sec ? sec : "", note ? note : "");
        }
        fprintf(f, "\n");
    }
}

static void md_headline(const report *R, FILE *f)
{
    /* headline */
    fprintf(f, "## Headline: decode, batch 1, per token (7 ternary linear layers x layers)\n\n");
    fprintf(f, "Latency = `slt_predict` cycles (event model, docs/numerics.md §6) of every layer at %g MHz; "
               "link bound = packed weight bytes / (%d B x %g MHz). Energy = chip logic + SRAM, **modelled** "
               "(logic calibrated on sky130 OpenSTA power, **scaled to 28 nm** by C·V²; SRAM from the analytic model), "
               "link I/O excluded. Synthetic ternary weights, 1/3 zeros.%s\n\n",
            R->f_mhz, R->cfg.bus_bits / 8, R->f_mhz,
            R->em.ok ? " Logic energy per event: **measured activity** (gate-level simulation of a GEMV window, `make energy`, "
                    "section \"Measured energy\"); the one-global-rate figure is `energy_mj_global` in report.json."
                  : " Logic energy at one global toggle rate (`make energy` did not run).");
    fprintf(f, "| model | ternary MAC/token | latency ms | link bound ms | compute bound ms | latency / link bound | "
               "energy mJ/token (28 nm, logic + SRAM) | logic mJ | SRAM mJ | upper bound mJ (activity 1) | "
               "link I/O mJ (excluded, assumed) |\n");
    fprintf(f, "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
    for (int mi = 0; mi < SLT_N_MODELS; mi++) {
        const model_result *r = &R->res[mi];
        if (R->ee.ok)
            fprintf(f, "| %s | %.3f G | %.1f | %.1f | %.1f | %.3f | %.2f | %.2f | %.2f | %.2f | %.0f |\n", slt_models[mi].name,
                    r->macs / 1e9, r->latency_s * 1e3, r->link_bound_s * 1e3, r->compute_s * 1e3, r->latency_s / r->link_bound_s,
                    r->energy_mj, R->em.ok ? r->e_logic_meas_mj : r->e_logic_mj, r->e_sram_mj, r->energy_hi_mj, r->e_link_mj);
        else
            fprintf(f, "| %s | %.3f G | %.1f | %.1f | %.1f | %.3f | n/a (no liberty) | n/a | %.2f | n/a | %.0f |\n", slt_models[mi].name,
                    r->macs / 1e9, r->latency_s * 1e3, r->link_bound_s * 1e3, r->compute_s * 1e3, r->latency_s / r->link_bound_s,
                    r->e_sram_mj, r->e_link_mj);
    }
    {
        const char *nm[] = {"clock + leakage", "table builds", "lookups + accumulates", "wbuf SRAM", "abuf SRAM",
                            "obuf SRAM (partial sums)", "controllers + AXI logic"};
        double v3[] = {R->r3->e_cycle_mj, R->r3->e_build_mj, R->r3->e_term_mj, R->r3->e_wbuf_mj, R->r3->e_abuf_mj, R->r3->e_obuf_mj, R->r3->e_ctrl_mj};
        int big = 3;
        for (int q = 0; q < 7; q++)
            if (isfinite(v3[q]) && v3[q] > v3[big]) big = q;
        double tot = 0;
        for (int q = 0; q < 7; q++)
            if (isfinite(v3[q])) tot += v3[q];
        const char *why = R->cfg.psum_chunks > 1
                              ? ": the array writes and reads back every row's partial sum once per tile of psum_chunks "
                                "chunks of U·G weights (obuf_reads/writes = ceil(NC/psum_chunks)·RB per GEMV), so a "
                                "larger U·G or psum_chunks would cut it."
                              : ": the array writes and reads back every row's partial sum once per chunk of U·G weights "
                                "(obuf_reads/writes = NC·RB per GEMV), so a larger U·G or partial sums kept in the lanes "
                                "across chunks (psum_chunks > 1, docs/top.md) would cut it.";
        fprintf(f, "\nLargest item for bitnet_b1_58-3B: %s, %.2f mJ (%.0f %%)%s\n", nm[big], v3[big], 100 * v3[big] / tot,
                big == 5 ? why : ".");
    }
    if (R->par_head)
        fprintf(f, "\nThe per-event energies behind this energy (%s) are in `energy_params.kv` next to this report: "
                   "`sltref generate MODEL --config <this configuration> --energy energy_params.kv` prints the energy per "
                   "decoded token of a real checkpoint with the same formula (`slt_energy_of_events`, docs/decode.md).\n",
                R->par_head->method);
    fprintf(f, "\n![energy breakdown](energy.svg)\n\n");
}

static void md_latency(const report *R, FILE *f)
{
    /* latency: which figures are modelled and which measured */
    fprintf(f, "## Latency: event model and measured RTL\n\n"
               "Every latency above is the **event model** (`slt_predict`), not a simulation of a whole token. One "
               "decode GEMV was **measured** on the generated top-level RTL (stage rtl-check: Verilator, through the AXI "
               "ports only, no back-pressure; cycles = PERF_CYCLES_BUSY from GO to DONE) and is compared here with the "
               "event model's busy cycles for the same shape (`busy_cycles`: the command's exact PERF_CYCLES_BUSY "
               "including descriptor, fill and read-out; the latencies above use `cycles`, without them); they must "
               "be equal:\n\n");
    if (isfinite(R->rtl_cycles))
        fprintf(f, "| shape | K x M | measured RTL cycles | predicted cycles (event model) | measured / predicted | link-bound "
                   "ideal cycles | measured / ideal |\n| --- | --- | --- | --- | --- | --- | --- |\n"
                   "| %s | %d x %d | %.0f | %.0f | %.4f | %.0f | %.4f |\n\n",
                or_na(kv_str(&R->rtlc, "shape")), R->rtl_k, R->rtl_m, R->rtl_cycles, R->rtl_pred, R->rtl_cycles / R->rtl_pred, R->rtl_ideal,
                R->rtl_cycles / R->rtl_ideal);
    else
        fprintf(f, "Not measured in this run (stage rtl-check skipped or failed): latency is the event model only.\n\n");
}

static void md_goals(const report *R, FILE *f)
{
    /* goals */
    fprintf(f, "## Goals (SPEC §9)\n\n| goal | value | status |\n| --- | --- | --- |\n");
    fprintf(f, "| 3B decode latency <= 420 ms at 200 MHz, 8 B/cycle | %.1f ms at %g MHz, %d B/cycle | %s |\n",
            R->r3->latency_s * 1e3, R->f_mhz, R->cfg.bus_bits / 8,
            (R->f_mhz == 200 && R->cfg.bus_bits == 64) ? (R->r3->latency_s <= 0.420 ? "**met** (event model)" : "**missed**")
                                                 : "n/a (not the 200 MHz / 64-bit configuration)");
    if (!isfinite(R->r3->energy_mj)) fprintf(f, "| 3B chip energy <= 30 mJ/token (28 nm, logic + SRAM) | - | not computed (no liberty power) |\n");
    else fprintf(f, "| 3B chip energy <= 30 mJ/token (28 nm, logic + SRAM) | %.2f mJ | %s |\n", R->r3->energy_mj,
            !isfinite(R->r3->energy_mj) ? "not computed (no liberty power)"
            : R->r3->energy_mj <= 30   ? "**met** (modelled and scaled; see scope below)"
                                    : "**missed**");
    if (!isfinite(R->fmax)) fprintf(f, "| clock met in sky130 tt (pre-layout) | - | skipped (no liberty) |\n");
    else fprintf(f, "| clock met in sky130 tt (pre-layout) | Fmax %.1f MHz vs %g MHz | %s |\n", R->fmax, R->f_mhz,
            !isfinite(R->fmax) ? "not run" : R->fmax >= R->f_mhz ? "met" : "**missed** in sky130 (see timing)");
    if (isfinite(R->r3->energy_mj))
        fprintf(f, "| >= 25x less energy than H100 (0.77 J/token) | %.0fx | %s |\n", 770.0 / R->r3->energy_mj,
                770.0 / R->r3->energy_mj >= 25 ? "met (modelled chip energy vs measured board energy)" : "**missed**");
    if (R->have_ctrl)
        fprintf(f, "\nScope of the energy: the synthesised **array** (table builders, row lanes, glue), the **controllers "
                   "and AXI logic** of the synthesised top (its OpenSTA sky130 power minus the array's, same calibration "
                   "at activity %g, charged every cycle, 28 nm-scaled: %.2f pJ/cycle sky130), and the three SRAM "
                   "buffers (model). Not included: the clock tree (ideal clock), glitches, wires beyond the wire-load "
                   "model, SRAM leakage, 28 nm logic leakage, off-chip link I/O and DRAM. Slim-Llama's 82 mW is a "
                   "measured whole-chip figure; ours is not comparable one to one.\n\n", R->act, R->e_ctrl);
    else
        fprintf(f, "\nScope of the energy: the synthesised **array** (table builders, row lanes, glue) and the three SRAM "
                   "buffers. **Excluded**: the controllers, AXI/stream interfaces and DMA (the top level was not "
                   "synthesised with a liberty in this run), the clock tree (ideal clock), glitches, wires beyond the "
                   "wire-load model, SRAM leakage, 28 nm logic leakage, off-chip link I/O and DRAM. Slim-Llama's 82 mW "
                   "is a measured whole-chip figure; ours is not comparable one to one.\n\n");
}

static void md_compare(const report *R, FILE *f)
{
    /* comparison */
    fprintf(f, "## Side by side (bitnet_b1_58-3B shapes)\n\n| figure | this design (%s) | method / source | Slim-Llama "
               "(ISSCC 2025) | H100 (SPEC §9) |\n| --- | --- | --- | --- | --- |\n", R->cfg.name);
    fprintf(f, "| latency per token | %.1f ms | event model cycles at %g MHz | 489 ms (1-bit Llama, published) | 2.0 ms "
               "(ternary 2-bit kernel, measured; bf16 cuBLAS 2.9 ms) |\n", R->r3->latency_s * 1e3, R->f_mhz);
    fprintf(f, "| link-bound latency | %.1f ms | weight bytes / link rate | 403 ms at 1.6 bit/weight (SPEC §1) | - |\n",
            R->r3->link_bound_s * 1e3);
    fprintf(f, "| energy per token | %.2f mJ | modelled, 28 nm-scaled, logic + SRAM, no I/O | ~40 mJ (82.07 mW x 0.489 s, "
               "derived in SPEC §9) | 770 mJ (NVML, board incl. ~119 W idle; bf16 1.19 J) |\n", R->r3->energy_mj);
    fprintf(f, "| average power during decode | %.1f mW | energy / latency | 82.07 mW @ 200 MHz (published) | ~385 W |\n",
            R->r3->energy_mj / R->r3->latency_s);
    fprintf(f, "| area | %.3f mm² (%s logic %.4f scaled + SRAM %.3f model) | sky130 cell area x (28/130)² + SRAM model at 28 nm | "
               "20.25 mm² die (published) | 814 mm² die |\n",
            (isfinite(R->area28_scaled) ? R->area28_scaled : 0) / 1e6 + R->sram28_side / 1e6, R->area_scope,
            (isfinite(R->area28_scaled) ? R->area28_scaled : 0) / 1e6, R->sram28_side / 1e6);
    fprintf(f, "| peak compute | %.1f GOPS (%g MAC/cycle x 2 x %g MHz) | configuration | 4.92 TOPS (published) | - |\n",
            R->peak_macs * 2 * R->f_mhz / 1e3, R->peak_macs, R->f_mhz);
    if (isfinite(R->fmax))
        fprintf(f, "| clock | %g MHz target; sky130 Fmax %.1f MHz%s | OpenSTA, pre-layout | 25-200 MHz (28 nm) | - |\n", R->f_mhz,
                R->fmax, isfinite(R->fmax7) ? "" : "");
    else
        fprintf(f, "| clock | %g MHz target; Fmax not computed (no liberty) | - | 25-200 MHz (28 nm) | - |\n", R->f_mhz);
    if (isfinite(R->fmax7)) fprintf(f, "| clock, ASAP7 | Fmax %.0f MHz | OpenSTA, pre-layout, mixed corners | - | - |\n", R->fmax7);
    if (isfinite(kv_num(&R->stat7, "fmax_mhz")))
        fprintf(f, "| clock, ASAP7, accelerator top | Fmax %.0f MHz | OpenSTA, pre-layout, mixed corners, SRAM macros black boxes | - | - |\n",
                kv_num(&R->stat7, "fmax_mhz"));
    cg_result_md_row(f, &R->cg);
    fprintf(f, "\n");
    fprintf(f, "Slim-Llama and H100 figures are as listed in SPEC §1/§9 (press reports of ISSCC 2025 paper 23.9; H100 "
               "measured with NVML). The Slim-Llama die includes its controllers, I/O and 500 KB SRAM; this design's area "
               "is the synthesised logic (%s) plus modelled SRAM.\n\n", R->area_scope);
}

static void md_area(const report *R, FILE *f)
{
    /* area */
    fprintf(f, "## Area\n\n| item | value | tool / library / corner |\n| --- | --- | --- |\n");
    {
        static const char *const lib_tags_md[] = {TAG_SKY130, TAG_ASAP7};
        slt_report_liberty_md(f, R->flow, lib_tags_md, 2);
    }
    fprintf(f, "| array cells / flops / transistors (generic) | %s / %s / %s | Yosys 0.23 generic `synth`, `stat -tech cmos` "
               "estimate |\n", or_na(kv_str(&R->gen, "cells")), or_na(kv_str(&R->gen, "flops")), or_na(kv_str(&R->gen, "transistors")));
    if (R->syn.present) {
        fprintf(f, "| array logic area | %.0f µm² | Yosys + ABC, %s (tt, 25 °C, 1.8 V), cell area, no P&R |\n", R->area_logic_array, TAG_SKY130);
        fprintf(f, "| of which table builders / row lanes / glue | %.0f / %.0f / %.0f µm² | same |\n", R->a_b, R->a_l, R->a_g);
        fprintf(f, "| array logic scaled to 28 nm | %.0f µm² | x (28/130)² (area scaling, not a synthesis) |\n",
                R->area_logic_array * slt_area_scale_28nm());
    } else {
        fprintf(f, "| array logic area | skipped | no liberty (../shared/pdk not found) |\n");
    }
    if (R->syn7.present) fprintf(f, "| array logic area, ASAP7 | %.1f µm² | ASAP7 RVT mixed corners (FF/TT), reduced library |\n", R->area7);
    fprintf(f, "| SRAM %d + %d + %d KiB, 28 nm | %.0f µm² (%d macros) | analytic model (synth/sram_model.md), not a compiler |\n",
            R->cfg.wbuf_kib, R->cfg.abuf_kib, R->cfg.obuf_kib, R->sram28_um2, R->w28.banks + R->a28.banks + R->o28.banks);
    fprintf(f, "| SRAM, sky130 | %.0f µm² | analytic model fitted to SRAM22 macros |\n\n", R->sram130_um2);
    if (R->top_area) {
        fprintf(f, "### Accelerator top by block (`make synth PART=top LIB=sky130`)\n\n"
                   "Yosys + ABC, %s (tt, 25 °C, 1.8 V), cell area, no P&R; SRAMs are black boxes (`rtl/slt_sram_macro.v`) "
                   "charged the **modelled** area of `gen/sram_model.c` for their Depth x Width (written by `build/bin/sltsram`). "
                   "28 nm column: logic x (28/130)² (scaling), SRAM from the 28 nm model. ASAP7: SRAM area **not modelled**.\n\n"
                   "| block | transistors (generic) | sky130 µm² | 28 nm µm² (scaled / model) |\n| --- | --- | --- | --- |\n", TAG_SKY130);
        double s2 = slt_area_scale_28nm();
        for (int b = 0; b < 6; b++) {
            if (!(R->blk_um2[b] > 0)) continue;
            fprintf(f, "| %s | %.0f | %.0f | %.0f |\n", g_blk_name[b], R->blk_tr[b], R->blk_um2[b], R->blk_um2[b] * s2);
        }
        fprintf(f, "| **top logic** | %s | %.0f | %.0f |\n", or_na(kv_str(&R->gent, "transistors")), R->area_logic, R->area_logic * s2);
        fprintf(f, "| SRAM macros (%s instances, %s Kbit; **MODEL**) | - | %.0f | %.0f |\n", or_na(kv_str(&R->sramkv, "sram.instances")),
                or_na(kv_str(&R->sramkv, "sram.kbit")), R->sram_top130, R->sram_top28);
        fprintf(f, "| **top incl. SRAM (model)** | - | %.0f | %.0f |\n\n", R->area_logic + R->sram_top130, R->area_logic * s2 + R->sram_top28);
    } else {
        fprintf(f, "The accelerator top was not synthesised with a liberty in this run (stage synth-top skipped, failed, timed "
                   "out or no PDK): the areas "
                   "above are the array alone.\n\n");
    }
    fprintf(f, "![area breakdown](area.svg)\n\n");
}

static void md_timing(const report *R, FILE *f)
{
    /* timing */
    fprintf(f, "## Timing (OpenSTA 2.0.17, pre-layout, ideal clock)\n\n| library | clock | WNS | Fmax | limited by | "
               "critical path |\n| --- | --- | --- | --- | --- | --- |\n");
    if (R->sta.present)
        fprintf(f, "| array, sky130 tt 1.8 V 25 °C, wire load Small | %g MHz | %s ns | %.1f MHz | %s | %s -> %s |\n", R->f_mhz,
                or_na(kv_str(&R->sta, "wns")), R->fmax_array, or_na(kv_str(&R->sta, "fmax_limited_by")), or_na(kv_str(&R->sta, "crit_start")),
                or_na(kv_str(&R->sta, "crit_end")));
    else
        fprintf(f, "| sky130 | - | - | skipped | - | no liberty (../shared/pdk not found) |\n");
    if (R->top_fmax)
        fprintf(f, "| **top**, sky130 tt 1.8 V 25 °C, wire load Small | %g MHz | %s ns | %.1f MHz | %s | %s -> %s |\n", R->f_mhz,
                or_na(kv_str(&R->stat, "wns")), kv_num(&R->stat, "fmax_mhz"), or_na(kv_str(&R->stat, "fmax_limited_by")),
                or_na(kv_str(&R->stat, "crit_start")), or_na(kv_str(&R->stat, "crit_end")));
    if (R->sta7.present)
        fprintf(f, "| ASAP7 RVT (mixed FF/TT corners), no wire load | %g MHz | %s ps | %.0f MHz | %s | %s -> %s |\n", R->f_mhz,
                or_na(kv_str(&R->sta7, "wns")), R->fmax7, or_na(kv_str(&R->sta7, "fmax_limited_by")), or_na(kv_str(&R->sta7, "crit_start")),
                or_na(kv_str(&R->sta7, "crit_end")));
    fprintf(f, "\n`fmax_mhz` in report.json is the %s's (`fmax_of`); `area_um2` is the %s logic (`area_of`).\n", R->fmax_scope, R->area_scope);
    if (isfinite(R->fmax) && R->fmax < R->f_mhz)
        fprintf(f, "\nThe %s does **not** close %g MHz in sky130 tt (130 nm). At sky130's Fmax of %.1f MHz the 3B "
                   "latency would be %.1f ms; the 28 nm and ASAP7 libraries are faster (ASAP7 Fmax %.0f MHz). The latency "
                   "figures above assume the configured clock is met.\n",
                R->fmax_scope, R->f_mhz, R->fmax, R->r3->latency_s * R->f_mhz / R->fmax * 1e3, R->fmax7);
    fprintf(f, "\n");

    slt_report_fpga_md(f, R->flow);
}

static void md_energy(const report *R, FILE *f)
{
    /* energy model */
    energy_meas_md(f, &R->em, R->r3->energy_mj, R->r3->energy_global_mj);
    fprintf(f, "## Energy model\n\n");
    if (R->ee.ok) {
        fprintf(f, "Calibration: `synth/power_blocks.sh` runs OpenSTA `report_power -instances` on the sky130 netlist "
                   "at global toggle rates 0 and 1 (`set_power_activity -global`; no simulation activity: this OpenSTA "
                   "has no VCD/SAIF reader) and sums the cells per block. Power is linear in the rate, so a block busy "
                   "with random data (each net toggles with probability %g per cycle) draws P(0) + %g·(P(1) − P(0)).\n\n",
                   R->act, R->act);
        fprintf(f, "| block | instances | P(0) mW | P(1) mW | event | events/cycle at full rate | pJ/event sky130 | "
                   "pJ/event 28 nm (scaled) | upper bound (activity 1) pJ sky130 |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        fprintf(f, "| table builders | %d | %.3f | %.3f | table build | 1 per builder | %.2f | %.3f | %.2f |\n", R->bp.builders,
                R->bp.builder_p0 * 1e3, R->bp.builder_p1 * 1e3, R->ee.e_build, R->ee.e_build * R->ee.scale28, R->ee_hi.e_build);
        fprintf(f, "| row lanes | %d | %.3f | %.3f | lookup + accumulate (and buffer-mode add) | %d per lane | %.2f | %.3f | %.2f |\n",
                R->bp.lanes, R->bp.lane_p0 * 1e3, R->bp.lane_p1 * 1e3, R->cfg.lut_units, R->ee.e_term, R->ee.e_term * R->ee.scale28, R->ee_hi.e_term);
        fprintf(f, "| whole array, clock + leakage (+ glue data) | 1 | %.3f | %.3f | cycle | 1 | %.2f | %.3f | %.2f |\n\n",
                R->bp.total_p0 * 1e3, R->bp.total_p1 * 1e3, R->ee.e_cycle, R->ee.e_cycle * R->ee.scale28, R->ee_hi.e_cycle);
        fprintf(f, "E_logic = cycles·E_cycle + table_builds·E_build + (lookups + buffer_adds)·E_term; skipped (all-zero) "
                   "groups cost nothing (gated in the RTL). A lookup and its accumulate are one event: they sit in the "
                   "same lane and cannot be separated from block power; a buffer-mode add uses the same lane path and is "
                   "charged the same.\n\n");
        fprintf(f, "**Scaling to 28 nm** (labelled scaling, not a 28 nm characterisation): E28 = E130 · (28/130) · "
                   "(0.9 V / 1.8 V)² = E130 · %.4f (classical C·V² rule: switched capacitance ∝ feature size, "
                   "Dennard et al., IEEE JSSC 1974; the same rule as the SRAM model, synth/sram_model.md). 0.9 V for "
                   "28 nm is an assumption (Slim-Llama's supply is not published in our sources).\n\n", R->ee.scale28);
        if (R->ee7.ok)
            fprintf(f, "Cross-check from ASAP7 (7 nm predictive, 0.7 V, mixed corners), scaled up by (28/7)·(0.9/0.7)² = "
                       "%.2f: 3B logic energy %.3f mJ/token against %.3f mJ from sky130. The two scalings bracket a real "
                       "28 nm figure; they differ by %.1fx.\n\n",
                    R->ee7.scale28, R->r3->e_logic_asap7_mj, R->r3->e_logic_mj,
                    R->r3->e_logic_asap7_mj > R->r3->e_logic_mj ? R->r3->e_logic_asap7_mj / R->r3->e_logic_mj : R->r3->e_logic_mj / R->r3->e_logic_asap7_mj);
    } else {
        fprintf(f, "**No liberty power** (../shared/pdk not found or OpenSTA power failed): logic energy is not computed; "
                   "`energy_mj` is null in report.json.\n\n");
    }
    fprintf(f, "SRAM (analytic MODEL, gen/sram_model.c, 28 nm, 64-bit-word macros, not a memory compiler): %.3f pJ/bit "
               "read or write. Bits per access: wbuf write %d (one link word), wbuf read %.0f (L·U keys of %d bits), abuf "
               "write %d, abuf read %.0f (U·G activations), obuf read/write %.0f (L accumulators of %d bits). Leakage "
               "not included.\n\n",
            R->w28.pj_per_bit, R->word, R->wread_bits, R->key_bits, R->word, R->aread_bits, R->oacc_bits, R->cfg.acc_bits);
    fprintf(f, "Link I/O (excluded from chip energy, shown for scale): %.1f pJ/bit, the low end of a 64-bit DRAM access "
               "(1.3-2.6 nJ at 45 nm, Horowitz ISSCC 2014) - an assumption, not a measurement of any link.\n\n",
            R->link_pj_per_bit);

    lut_best_md(f, &R->lb);
    ecc_cost_md(f, &R->ec, R->area_logic, R->area_scope);
}

static void md_per_gemv(const report *R, FILE *f)
{
    /* per layer shape, 3B */
    fprintf(f, "## Per GEMV, bitnet_b1_58-3B (one decoder layer; x %d layers)\n\n", slt_models[SLT_MODEL_3B].layers);
    fprintf(f, "| layer | M x K | count | cycles | compute cycles | link cycles | table builds | lookups | buffer adds | "
               "skipped groups | energy µJ per GEMV (28 nm, logic + SRAM) |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
    for (int s = 0; s < R->r3->nsh; s++) {
        const slt_events *e = &R->r3->sh[s].ev;
        slt_energy_breakdown eb;
        if (R->par_head) slt_energy_of_events(R->par_head, e, &eb);
        double el = R->par_head ? eb.logic_mj * 1e3 : NAN, es = R->par_head ? eb.sram_mj * 1e3 : NAN;
        fprintf(f, "| %s | %d x %d | %d | %llu | %llu | %llu | %llu | %llu | %llu | %llu | %.1f |\n", R->r3->sh[s].shape.what,
                R->r3->sh[s].shape.m, R->r3->sh[s].shape.k, R->r3->sh[s].shape.count, (unsigned long long)e->cycles, (unsigned long long)e->compute_cycles,
                (unsigned long long)e->link_cycles, (unsigned long long)e->table_builds, (unsigned long long)e->lookups,
                (unsigned long long)e->buffer_adds, (unsigned long long)e->skipped_groups, el + es);
    }
    fprintf(f, "\nEvents from `slt_predict` (same function as `sltref predict`), N = 1 token, on seeded uniform ternary "
               "weights (seed %llu); max_k/max_m raised to the shape when the configuration's are smaller (the cycle "
               "model does not depend on them).\n\n", (unsigned long long)R->seed);
}

static void md_addsub(const report *R, FILE *f)
{
    /* SLT vs add/sub */
    fprintf(f, "## SLT array vs add/sub baseline (`make area`)\n\n");
    if (R->area.present) {
        fprintf(f, "Same generator and flow, equal ternary MAC/cycle (`synth/area.sh`, docs/flows.md); %s.\n\n",
                isfinite(kv_num(&R->area, "slt.g3.area_um2")) ? "generic transistors and sky130 cell area" : "generic transistors");
        fprintf(f, "| G | SLT transistors | add/sub transistors | add/sub ÷ SLT | SLT µm² | add/sub µm² | area ratio |\n| --- | --- | --- | --- | --- | --- | --- |\n");
        for (int g = 2; g <= 5; g++) {
            char k1[64], k2[64], k3[64], k4[64];
            snprintf(k1, sizeof k1, "slt.g%d.transistors", g);
            snprintf(k2, sizeof k2, "addsub.g%d.transistors", g);
            snprintf(k3, sizeof k3, "slt.g%d.area_um2", g);
            snprintf(k4, sizeof k4, "addsub.g%d.area_um2", g);
            double t1 = kv_num(&R->area, k1), t2 = kv_num(&R->area, k2), u1 = kv_num(&R->area, k3), u2 = kv_num(&R->area, k4);
            if (!isfinite(t1)) continue;
            fprintf(f, "| %d | %.0f | %.0f | %.2f | %.0f | %.0f | %.2f |\n", g, t1, t2, t2 / t1, u1, u2, u2 / u1);
        }
        double best_slt = NAN, best_add = NAN;
        int best_g = 0;
        for (int g = 2; g <= 5; g++) {
            char k1[64], k2[64];
            snprintf(k1, sizeof k1, isfinite(kv_num(&R->area, "slt.g3.area_um2")) ? "slt.g%d.area_um2" : "slt.g%d.transistors", g);
            snprintf(k2, sizeof k2, isfinite(kv_num(&R->area, "slt.g3.area_um2")) ? "addsub.g%d.area_um2" : "addsub.g%d.transistors", g);
            double s1 = kv_num(&R->area, k1), s2 = kv_num(&R->area, k2);
            if (isfinite(s1) && (!isfinite(best_slt) || s1 < best_slt)) { best_slt = s1; best_g = g; }
            if (isfinite(s2) && (!isfinite(best_add) || s2 < best_add)) best_add = s2;
        }
        fprintf(f, "\nGoal (SPEC §9): >= 1.5x ops per µm² for the SLT over the add/sub baseline. Best SLT (G = %d) "
                   "against the best add/sub at the same MAC/cycle: %.2fx - **%s**. (Same-G ratios are in the table.)\n\n",
                best_g, best_add / best_slt, best_add / best_slt >= 1.5 ? "met" : "missed");
    } else {
        fprintf(f, "Not run in this pipeline (run `make area` or `make run RUN_AREA=1`; it synthesises 8 arrays).\n\n");
    }
}

static void md_leaves_out(const report *R, FILE *f)
{

    fprintf(f, "## What this report leaves out\n\n"
               "%s"
               "- Latency is the event model's prediction (`slt_predict`), not a top-level RTL simulation of a whole "
               "token; one GEMV was measured on the RTL (see \"Latency: event model and measured RTL\").\n"
               "- Only the 7 ternary linear layers: attention (QK^T, softmax, AV), norms, embeddings and the LM head are "
               "not counted (as for the H100 anchor, which times the same linear layers).\n"
               "- Activity is a global toggle rate, not simulated; no glitches, no clock tree, pre-layout wires.\n"
               "- 28 nm figures are scaled (logic) or modelled (SRAM), never characterised. ASAP7 SRAM area is not modelled.\n",
               R->top_area ? "- The top's controllers and AXI logic are in the area, timing and (when their power was computed) "
                          "the energy; SRAM macros are black boxes: modelled area, no timing through them.\n"
                        : "- The accelerator top level (controllers, AXI, DMA, double buffering) is not in the synthesised "
                          "area, timing or energy of this run: only the processing array is.\n");
}

int rep_md(report *R)
{
    char p[4096];
    snprintf(p, sizeof p, "%s/report.md", R->out);
    FILE *f = fopen(p, "w");
    if (!f) { fprintf(stderr, "sltreport: cannot write %s: %s\n", p, strerror(errno)); return 2; }
    md_intro(R, f);
    md_stages(R, f);
    md_headline(R, f);
    md_latency(R, f);
    md_goals(R, f);
    md_compare(R, f);
    md_area(R, f);
    md_timing(R, f);
    md_energy(R, f);
    md_per_gemv(R, f);
    md_addsub(R, f);
    md_leaves_out(R, f);
    if (fclose(f) != 0) { fprintf(stderr, "sltreport: cannot write report.md\n"); return 2; }
    printf("sltreport: %s/report.md, report.json, area.svg, energy.svg (3B: %.1f ms, %.2f mJ/token)\n", R->out,
           R->r3->latency_s * 1e3, R->r3->energy_mj);
    return 0;
}
