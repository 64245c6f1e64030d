/* sram_model.h - analytic area and access-energy MODEL of an SRAM built from
 * compiled single-port 6T macros, for the black boxes of the ASIC flow and the
 * energy report. A model, not a datasheet: node, sources, assumptions and the
 * error to expect are in synth/sram_model.md.
 *
 *   banks   = ceil(bits / max_bank_bits), bits split evenly (a bank is one macro)
 *   area    = banks * (area_per_bit * bank_bits + macro_fixed)          [um^2]
 *   E_read  = scale * (W / 64) * E0 * (bank_bytes / 8 KiB)^alpha       [pJ per W-bit word]
 *             E0 = 10 pJ, alpha = 0.475: 64-bit access energy of 8 KiB / 32 KiB / 1 MiB
 *             SRAMs at 45 nm, 0.9 V (Horowitz, ISSCC 2014), scaled by
 *             scale = (node_nm / 45) * (vdd / 0.9)^2 (C*V^2 scaling)
 *   E_write = E_read (assumption)
 *   timing  = sky130 only: clk -> rdata, setup, hold from the SRAM22 tt liberty,
 *             plus ceil(log2(banks)) bank-select levels (slt_sram_timing_of)
 */
#ifndef SLT_SRAM_MODEL_H
#define SLT_SRAM_MODEL_H

#ifdef __cplusplus
extern "C" {
#endif

typedef enum { SLT_NODE_28NM = 0, SLT_NODE_SKY130 = 1 } slt_sram_node;

/* Constants of one node. */
typedef struct {
    const char *name;        /* "28nm", "sky130" */
    double node_nm;          /* drawn feature size */
    double vdd;              /* supply used for the energy scaling, V */
    double cell_um2;         /* 6T bit-cell area (0 when not used by the model) */
    double area_per_bit_um2; /* marginal macro area per bit (cell / array efficiency) */
    double macro_fixed_um2;  /* per-macro fixed periphery (control, I/O, decoder base) */
    double max_bank_bits;    /* largest single macro */
    const char *area_source; /* one line: where the area constants come from */
} slt_sram_tech;

typedef struct {
    int banks;          /* macros */
    double bank_bits;   /* bits per macro */
    double area_um2;    /* total area of all macros */
    double efficiency;  /* bits * cell / area (0 when the node has no cell figure) */
    double read_pj;     /* energy of one Width-bit read */
    double write_pj;    /* energy of one Width-bit write */
    double pj_per_bit;  /* read_pj / Width */
} slt_sram_estimate;

/* The node table, NULL for an unknown node. */
const slt_sram_tech *slt_sram_tech_get(slt_sram_node node);
/* "28nm" or "sky130"; returns 0, or -1 for an unknown name. */
int slt_sram_node_parse(const char *s, slt_sram_node *node);
/* Energy scale factor of the node relative to 45 nm, 0.9 V. */
double slt_sram_energy_scale(const slt_sram_tech *t);
/* Estimate for a Depth x Width memory. Returns 0, or -1 for depth < 1,
 * width < 1 or an unknown node (out untouched). */
int slt_sram_estimate_of(slt_sram_node node, double depth, int width, slt_sram_estimate *out);

/* Timing of one Depth x Width SRAM (a modelled macro: `banks` banks of bank_bits,
 * synth/sram_model.md "Timing"), typical corner, ns and pF. Only sky130 has a
 * characterised basis (SRAM22 macros, tt 25 C 1.8 V); 28 nm has none. */
typedef struct {
    int banks;              /* as slt_sram_estimate_of */
    double bank_bits;
    int mux_levels;         /* ceil(log2(banks)): bank-select 2:1 mux levels */
    double bank_clk_q_ns;   /* clk -> dout of one bank at 7 fF, ideal clock */
    double clk_q_ns;        /* clk -> rdata valid of the whole memory at 7 fF:
                               bank_clk_q_ns + mux_levels * level_ns */
    double drive_ns_per_pf; /* extra clk -> rdata per pF of load above 7 fF */
    double slew_ns;         /* rdata transition at 7 fF */
    double slew_ns_per_pf;  /* extra transition per pF */
    double setup_ns;        /* addr/data/enable before clk: bank setup + mux_levels * level_ns */
    double hold_ns;         /* addr/data/enable after clk (bank hold) */
    double pin_cap_pf;      /* input pin capacitance */
    const char *source;     /* one line: where the numbers come from */
} slt_sram_timing;

/* Timing of a Depth x Width memory on a node. Returns 0, or -1 for depth < 1,
 * width < 1, an unknown node or a node without a timing basis (28 nm). */
int slt_sram_timing_of(slt_sram_node node, double depth, int width, slt_sram_timing *out);

/* Physical banking of one Depth x Width buffer in the RTL (rtl/slt_sram.v parameters
 * Banks and BankDepth, passed by the generator): the sky130 model's bank count
 * (slt_sram_estimate_of, 64 Kbit banks) with whole words per bank, bank_depth =
 * ceil(depth / banks), plus one bank while such a bank would exceed the largest macro
 * (the model's even split counts fractional words); banks = ceil(depth / bank_depth),
 * the last bank may be shorter. Bank b holds words b*bank_depth ... The sky130 node is
 * used because it is the one timing basis. Returns 0, or -1 for depth < 2 or width < 1. */
int slt_sram_banking(long depth, int width, long *bank_depth, int *banks);

/* Read latency of the buffers of the accelerator top (rtl/slt_sram.v ReadLatency), in
 * cycles from the read request to valid read data, for a top whose largest buffer
 * has max_banks banks (slt_sram_banking): 2 with one bank (macro, output register:
 * a bank's clk -> rdata of up to 4.6 ns leaves no room for logic at 200 MHz), 4 with
 * several (read enable and word registered per bank, macro, per-bank register,
 * bank-select mux, register: without the first register the controller's read
 * address fans out through the bank decode to every macro's pins in one cycle). */
int slt_sram_read_latency(int max_banks);

/* Write latency of the top's banked buffers (rtl/slt_sram.v WriteLatency): 3 with
 * several banks (write enable, word and data registered once, so the bank decode
 * starts from a register, then per bank, so a register, not logic, drives each
 * macro's inputs: synthesis cannot see the macro pins' load), 1 with one bank (direct). */
int slt_sram_write_latency(int max_banks);

#ifdef __cplusplus
}
#endif

#endif
