/* sram_model.c - the SRAM area/energy model of sram_model.h. Every constant is
 * explained, with its source, in synth/sram_model.md. */
#include "sram_model.h"

#include <math.h>
#include <string.h>

/* Energy anchor: 64-bit access of an 8 KiB SRAM at 45 nm, 0.9 V (Horowitz, ISSCC 2014),
 * and the capacity exponent fitted through his 8 KiB / 32 KiB / 1 MiB points. */
#define E0_PJ 10.0
#define E0_BYTES 8192.0
#define E_ALPHA 0.475
#define E_REF_NM 45.0
#define E_REF_VDD 0.9

static const slt_sram_tech g_tech[] = {
    /* 28 nm: TSMC 28 nm 6T HD cell 0.127 um^2 (VLSI Symposium 2009); asymptotic array
     * efficiency 0.60 (assumption) -> 0.2117 um^2/bit; fixed periphery = 16 Kbit worth
     * of that (assumption: a 16 Kbit macro is ~50 % periphery). Banks up to 256 Kbit. */
    {"28nm", 28.0, 0.9, 0.127, 0.127 / 0.60, 0.127 / 0.60 * 16384.0, 262144.0,
     "TSMC 28 nm HD 6T cell 0.127 um^2 (VLSI 2009) / assumed array efficiency 0.60, 16 Kbit fixed periphery"},
    /* sky130: least-squares line through the outlines (LEF SIZE) of the three SRAM22
     * single-port 32-bit macros 512x32, 1024x32, 2048x32 (rahulk29/sram22_sky130_macros):
     * 6.494 um^2/bit + 111093 um^2 per macro; largest macro 64 Kbit. */
    {"sky130", 130.0, 1.8, 0.0, 6.494, 111093.0, 65536.0,
     "fit to SRAM22 sky130 macro outlines 512x32/1024x32/2048x32 (LEF SIZE)"},
};

const slt_sram_tech *slt_sram_tech_get(slt_sram_node node)
{
    if ((int)node < 0 || (size_t)node >= sizeof g_tech / sizeof g_tech[0]) return NULL;
    return &g_tech[node];
}

int slt_sram_node_parse(const char *s, slt_sram_node *node)
{
    for (size_t i = 0; i < sizeof g_tech / sizeof g_tech[0]; i++) {
        if (!strcmp(s, g_tech[i].name)) {
            *node = (slt_sram_node)i;
            return 0;
        }
    }
    return -1;
}

double slt_sram_energy_scale(const slt_sram_tech *t)
{
    return (t->node_nm / E_REF_NM) * (t->vdd / E_REF_VDD) * (t->vdd / E_REF_VDD);
}

int slt_sram_estimate_of(slt_sram_node node, double depth, int width, slt_sram_estimate *out)
{
    const slt_sram_tech *t = slt_sram_tech_get(node);
    if (!t || !(depth >= 1.0) || width < 1) return -1;
    double bits = depth * (double)width;
    int banks = (int)ceil(bits / t->max_bank_bits);
    if (banks < 1) banks = 1;
    double bank_bits = bits / banks;
    slt_sram_estimate e;
    e.banks = banks;
    e.bank_bits = bank_bits;
    e.area_um2 = banks * (t->area_per_bit_um2 * bank_bits + t->macro_fixed_um2);
    e.efficiency = t->cell_um2 > 0 ? bits * t->cell_um2 / e.area_um2 : 0.0;
    e.read_pj = slt_sram_energy_scale(t) * ((double)width / 64.0) * E0_PJ * pow(bank_bits / 8.0 / E0_BYTES, E_ALPHA);
    e.write_pj = e.read_pj;
    e.pj_per_bit = e.read_pj / width;
    *out = e;
    return 0;
}

/* ---- timing (synth/sram_model.md "Timing") ------------------------------------------
 * sky130 basis: the SRAM22 single-port macros whose outlines give the area fit,
 * sram22_512x32m4w8, sram22_1024x32m8w8, sram22_2048x32m8w8, liberty
 * *_tt_025C_1v80.lib (Cadence Liberate characterisation, rahulk29/sram22_sky130_macros).
 * clk -> dout, max(cell_rise, cell_fall) at clock slew 2 ps and 7 fF load:
 * 3.656 / 4.026 / 4.603 ns; least-squares line in the bank's Kbit:
 * 3.3671 + 0.019501 * Kbit (within 1 % of each). Load slope 2.66 ns/pF (cell_rise
 * 7 -> 65 fF, all three), transition 0.166 ns at 7 fF (the largest) + 6.0 ns/pF.
 * Setup 0.33 ns: the largest setup_rising constraint of addr/din/we/ce over the
 * three macros up to the characterised 0.351 ns input slew (ideal clock);
 * hold 0.14 ns likewise; input capacitance 0.013 pF (din, the largest).
 * A memory of several banks adds a bank-select 2:1 mux tree on the read data and a
 * bank decode on the inputs: ceil(log2(banks)) levels of SRAM_LEVEL_NS each
 * (assumption: sky130_fd_sc_hd__mux2_1 tt is 0.15 ns at 9.4 fF, 0.24 ns at 25 fF). */
#define SKY_CQ_A_NS 3.3671
#define SKY_CQ_B_NS_PER_KBIT 0.019501
#define SKY_DRIVE_NS_PER_PF 2.66
#define SKY_SLEW_NS 0.166
#define SKY_SLEW_NS_PER_PF 6.0
#define SKY_SETUP_NS 0.33
#define SKY_HOLD_NS 0.14
#define SKY_PIN_CAP_PF 0.013
#define SRAM_LEVEL_NS 0.20

int slt_sram_timing_of(slt_sram_node node, double depth, int width, slt_sram_timing *out)
{
    slt_sram_estimate e;
    if (node != SLT_NODE_SKY130 || slt_sram_estimate_of(node, depth, width, &e)) return -1;
    slt_sram_timing t;
    t.banks = e.banks;
    t.bank_bits = e.bank_bits;
    t.mux_levels = 0;
    while ((1 << t.mux_levels) < e.banks) t.mux_levels++;
    t.bank_clk_q_ns = SKY_CQ_A_NS + SKY_CQ_B_NS_PER_KBIT * e.bank_bits / 1024.0;
    t.clk_q_ns = t.bank_clk_q_ns + t.mux_levels * SRAM_LEVEL_NS;
    t.drive_ns_per_pf = SKY_DRIVE_NS_PER_PF;
    t.slew_ns = SKY_SLEW_NS;
    t.slew_ns_per_pf = SKY_SLEW_NS_PER_PF;
    t.setup_ns = SKY_SETUP_NS + t.mux_levels * SRAM_LEVEL_NS;
    t.hold_ns = SKY_HOLD_NS;
    t.pin_cap_pf = SKY_PIN_CAP_PF;
    t.source = "SRAM22 sky130 macros 512x32/1024x32/2048x32, tt 25C 1.8V liberty (Liberate): "
               "clk->dout fit in bank Kbit, worst setup/hold; bank-select mux 0.20 ns/level (assumption)";
    *out = t;
    return 0;
}

int slt_sram_banking(long depth, int width, long *bank_depth, int *banks)
{
    slt_sram_estimate e;
    if (depth < 2 || width < 1 || slt_sram_estimate_of(SLT_NODE_SKY130, (double)depth, width, &e)) return -1;
    double max_bits = slt_sram_tech_get(SLT_NODE_SKY130)->max_bank_bits;
    long n = e.banks, bd = (depth + n - 1) / n;
    /* whole words per bank: one more bank while a bank of whole words exceeds the largest macro */
    while ((double)bd * width > max_bits && bd > 1) {
        n++;
        bd = (depth + n - 1) / n;
    }
    *bank_depth = bd;
    *banks = (int)((depth + bd - 1) / bd);
    return 0;
}

int slt_sram_read_latency(int max_banks) { return max_banks > 1 ? 4 : 2; }

int slt_sram_write_latency(int max_banks) { return max_banks > 1 ? 3 : 1; }
