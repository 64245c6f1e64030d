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
