/* report_energy.c - the measured energy of `make energy` in the report
 * (report_energy.h). */
#include "report_energy.h"

#include <math.h>
#include <string.h>

static const char *const k_blocks[] = {"table_builders", "row_lanes", "array_glue", "control", "axi", "sram_wrappers",
                                       "top_buffers"};
#define N_BLOCKS ((int)(sizeof k_blocks / sizeof k_blocks[0]))

static double num2(const kvfile *kv, const char *a, const char *b)
{
    char k[256];
    snprintf(k, sizeof k, "%s.%s", a, b);
    return kv_num(kv, k);
}

void energy_meas_load(const char *flow, energy_meas *em)
{
    memset(em, 0, sizeof *em);
    char p[4096];
    snprintf(p, sizeof p, "%s/energy/energy.kv", flow);
    kv_load(&em->kv, p);
    em->e_cycle_pj = kv_num(&em->kv, "slt.e_cycle_pj");
    em->e_build_pj = kv_num(&em->kv, "slt.e_table_build_pj");
    em->e_term_pj = kv_num(&em->kv, "slt.e_term_pj");
    em->pj_slt = kv_num(&em->kv, "slt.array_pj_per_mac");
    em->pj_addsub = kv_num(&em->kv, "addsub.array_pj_per_mac");
    em->slew_array = kv_num(&em->kv, "slt.slew_violations_array_after");
    if (!isfinite(em->e_build_pj)) em->e_build_pj = 0; /* binary weights: no table builds counted */
    em->ok = em->kv.present && isfinite(em->e_cycle_pj) && isfinite(em->e_term_pj) && isfinite(em->pj_slt);
}

static void jnum(FILE *j, double v)
{
    if (isfinite(v)) fprintf(j, "%.6g", v);
    else fprintf(j, "null");
}

static void jstr(FILE *j, const char *s)
{
    fputc('"', j);
    for (; s && *s; s++) {
        if (*s == '"' || *s == '\\') fputc('\\', j);
        if ((unsigned char)*s >= 0x20) fputc(*s, j);
    }
    fputc('"', j);
}

void energy_meas_json(FILE *j, const energy_meas *em)
{
    const kvfile *kv = &em->kv;
    fprintf(j, ",\n  \"energy_method\": ");
    jstr(j, em->ok ? "gate-level simulation activity" : "global toggle rate (no make energy result)");
    fprintf(j, ",\n  \"array_pj_per_mac\": {\"slt\": ");
    jnum(j, em->ok ? em->pj_slt : NAN);
    fprintf(j, ", \"addsub\": ");
    jnum(j, em->ok ? em->pj_addsub : NAN);
    fprintf(j, ", \"library\": \"sky130_fd_sc_hd tt 1.8V 25C\", \"clock_mhz\": ");
    jnum(j, kv_num(kv, "slt.clock_mhz"));
    fprintf(j, "}");
    fprintf(j, ",\n  \"slew_violations\": ");
    if (em->ok && isfinite(em->slew_array)) fprintf(j, "%.0f", em->slew_array);
    else fprintf(j, "null");
    if (!em->ok) {
        fprintf(j, ",\n  \"energy_measured\": null");
        return;
    }
    fprintf(j, ",\n  \"energy_measured\": {\"e_cycle_pj\": ");
    jnum(j, em->e_cycle_pj);
    fprintf(j, ", \"e_table_build_pj\": ");
    jnum(j, em->e_build_pj);
    fprintf(j, ", \"e_term_pj\": ");
    jnum(j, em->e_term_pj);
    fprintf(j, ", \"ratio_addsub_over_slt\": ");
    jnum(j, kv_num(kv, "ratio_addsub_over_slt"));
    fprintf(j, ", \"slew_violations_top_before\": ");
    jnum(j, kv_num(kv, "slt.slew_violations_before"));
    fprintf(j, ", \"slew_violations_top_after\": ");
    jnum(j, kv_num(kv, "slt.slew_violations_after"));
    fprintf(j, ", \"slew_violations_array_before\": ");
    jnum(j, kv_num(kv, "slt.slew_violations_array_before"));
    fprintf(j, ", \"window_cycles\": ");
    jnum(j, kv_num(kv, "slt.cycles_long"));
    fprintf(j, ", \"window_macs\": ");
    jnum(j, kv_num(kv, "slt.macs_long"));
    fprintf(j, ", \"check_forced_rate\": ");
    jstr(j, kv_str(kv, "slt.check_forced"));
    fprintf(j, ", \"check_windows\": ");
    jstr(j, kv_str(kv, "slt.check_windows"));
    fprintf(j, ", \"block_pj_per_cycle\": {");
    for (int b = 0; b < N_BLOCKS; b++) {
        char k[160];
        snprintf(k, sizeof k, "slt.block.%s.pj_per_cycle", k_blocks[b]);
        fprintf(j, "%s\"%s\": ", b ? ", " : "", k_blocks[b]);
        jnum(j, kv_num(kv, k));
    }
    fprintf(j, "}}");
}

void energy_meas_md(FILE *f, const energy_meas *em, double mj_meas, double mj_global)
{
    const kvfile *kv = &em->kv;
    fprintf(f, "## Measured energy (gate-level simulation activity)\n\n");
    if (!em->ok) {
        fprintf(f, "Not measured in this run (`make energy CFG=...` writes build/flow/<cfg>/energy/energy.kv); the "
                   "energy figures above use one global toggle rate.\n\n");
        return;
    }
    fprintf(f, "`make energy` (synth/energy.sh, docs/report.md): the sky130 netlist of the accelerator top, flattened and "
               "fanout-buffered, simulated in Verilator with cell models from the same liberty on a decode GEMV through "
               "the AXI ports; every cell charged (P0 + r·(P1 − P0))/f with its own output toggle rate r (OpenSTA "
               "per-instance power at global rates 0 and 1). Workload: %s. Window: K = %.0f, M = %.0f, %.0f cycles.\n\n",
            kv_str(kv, "slt.workload") ? kv_str(kv, "slt.workload") : "see energy.kv", kv_num(kv, "slt.k"),
            kv_num(kv, "slt.m_long"), kv_num(kv, "slt.cycles_long"));
    fprintf(f, "| array (same G/U/L) | pJ per ternary MAC (sky130 tt, %.0f MHz) | whole-top logic pJ/MAC | slew violations "
               "array before → after buffering |\n| --- | --- | --- | --- |\n",
            kv_num(kv, "slt.clock_mhz"));
    static const char *const arr[] = {"slt", "addsub"};
    for (int a = 0; a < 2; a++) {
        char k[64];
        snprintf(k, sizeof k, "%s.array_pj_per_mac", arr[a]);
        if (!isfinite(kv_num(kv, k))) {
            fprintf(f, "| %s | not measured | | |\n", arr[a]);
            continue;
        }
        fprintf(f, "| %s | %.3f | %.3f | %.0f → %.0f |\n", arr[a], kv_num(kv, k), num2(kv, arr[a], "total_logic_pj_per_mac"),
                num2(kv, arr[a], "slew_violations_array_before"), num2(kv, arr[a], "slew_violations_array_after"));
    }
    if (isfinite(kv_num(kv, "ratio_addsub_over_slt")))
        fprintf(f, "\nadd/sub ÷ SLT energy per MAC: **%.3f** (above 1: the SLT array spends less per ternary MAC).\n\n",
                kv_num(kv, "ratio_addsub_over_slt"));
    else
        fprintf(f, "\nadd/sub ÷ SLT: not measured (the add/sub top did not run: ENERGY_ADDSUB=0 or it failed).\n\n");
    fprintf(f, "| block (SLT top) | cells | pJ/cycle | of which clock + leakage | share | flop toggle rate |\n"
               "| --- | --- | --- | --- | --- | --- |\n");
    for (int b = 0; b < N_BLOCKS; b++) {
        char k[160];
        snprintf(k, sizeof k, "slt.block.%s", k_blocks[b]);
        fprintf(f, "| %s | %.0f | %.2f | %.2f | %.1f %% | %.3f |\n", k_blocks[b], num2(kv, k, "cells"),
                num2(kv, k, "pj_per_cycle"), num2(kv, k, "clock_leak_pj_per_cycle"), 100 * num2(kv, k, "share"),
                num2(kv, k, "flop_toggle_rate"));
    }
    fprintf(f, "\nPer event (sky130 pJ, used for every energy per token above): cycle %.3f (clock pins, leakage, controllers, "
               "AXI, glue), table build %.3f, lookup/buffer add %.3f. 3B: **%.2f mJ/token** with measured activity",
            em->e_cycle_pj, em->e_build_pj, em->e_term_pj, mj_meas);
    if (isfinite(mj_global)) fprintf(f, " vs %.2f mJ/token with one global toggle rate (`energy_mj_global`).\n\n", mj_global);
    else fprintf(f, " (the global-rate figure was not computed: no per-block power calibration in this run).\n\n");
    fprintf(f, "Self-checks: every net forced to rate %s gives %.4g W against OpenSTA's %.4g W at that global rate "
               "(%+.4f %%, must be within 1 %%: **%s**); windows of M = %.0f and %.0f rows give %.3f and %.3f pJ/MAC "
               "(%+.2f %%, within 5 %%: **%s**). Leaves out glitches (zero-delay simulation), the clock tree and "
               "clock-net wires (ideal clock: only flop clock pins), wires beyond the wire-load model.\n\n",
            kv_str(kv, "slt.forced_rate") ? kv_str(kv, "slt.forced_rate") : "?", kv_num(kv, "slt.forced.power_total_w"),
            kv_num(kv, "slt.sta_power_forced_w"), 100 * kv_num(kv, "slt.check_forced_rel_diff"),
            kv_str(kv, "slt.check_forced") ? kv_str(kv, "slt.check_forced") : "?", kv_num(kv, "slt.m_long") / 2,
            kv_num(kv, "slt.m_long"), kv_num(kv, "slt.array_pj_per_mac_short"), kv_num(kv, "slt.array_pj_per_mac"),
            100 * kv_num(kv, "slt.check_windows_rel_diff"), kv_str(kv, "slt.check_windows") ? kv_str(kv, "slt.check_windows") : "?");
}
