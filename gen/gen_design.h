/* gen_design.h - every number the emitters use, derived once from the config,
 * and the one table that names them for slt_params.h / .vh / params.mk. */
#ifndef GEN_DESIGN_H
#define GEN_DESIGN_H

#include <stddef.h>
#include <stdint.h>

#include "slt_config.h"
#include "slt_version.h"

#define SLT_GEN_VERSION SLT_VERSION
#define SLT_MOD_NAME_LEN 96
/* Deepest adder tree: ceil(log2(64 units * 5 weights)) = 9 levels. */
#define SLT_MAX_TREE_LEVELS 16
/* Hand-written primitives (rtl/) the generated RTL instantiates. */
#define SLT_MAX_PRIMS 4

typedef struct {
    slt_config cfg;
    char gen_version[16];
    char cfg_name[64];
    uint64_t cfg_hash;
    char format_name[4];
    char array_kind[8];
    /* configuration numbers */
    int g, a, u, l, acc, pipe, binary, addsub, buffer_auto, clock_gating, in_stages, ecc;
    int max_k, max_m, max_n, bus_bits, wbuf_kib, abuf_kib, obuf_kib;
    /* keys and tables */
    int key_mag_bits, key_bits, table_entries, entry_bits, build_adds, has_builder, lane_has_mode;
    /* activation slicing: S slices of slice_bits (B) each; one table per slice per unit,
     * entries slice_entry_bits wide; unit_table_bits = S * entries * slice_entry_bits */
    int act_slice_bits, slices, slice_bits, slice_entry_bits, unit_table_bits;
    /* psum_chunks C: table slots per unit (the chunks of one tile); slot_bits = index width (0 when C = 1);
     * has_slots: C > 1, the array has tbl_slot_i / row_slot_i */
    int psum_chunks, slot_bits, has_slots;
    /* lane */
    int row_field_bits, lane_terms, term_bits, opnd_bits, tree_levels, latency, psum_delay, reissue_gap;
    /* register schedule: reg_after_level[l] = 1 when a pipe register follows adder level l
     * (level 0 = the terms), out_extra = pipe registers after the final adder */
    int reg_after_level[SLT_MAX_TREE_LEVELS + 1];
    int out_extra;
    /* array port widths */
    int tbl_act_bits, tables_bits, row_keys_bits, row_psum_bits, ev_term_bits;
    /* module names */
    char mod_array[SLT_MOD_NAME_LEN], mod_lane[SLT_MOD_NAME_LEN], mod_builder[SLT_MOD_NAME_LEN];
    const char *prims[SLT_MAX_PRIMS];
    int n_prims;
} slt_design;

/* Fill d from a finished (legal) config. */
void slt_design_derive(const slt_config *cfg, slt_design *d);

/* Kinds of named values: how each output file spells them. */
typedef enum {
    SLT_PV_INT,  /* integer in every file */
    SLT_PV_FLAG, /* 0/1; Verilog: `define'd (as 1) only when true, so `ifdef works */
    SLT_PV_STR,  /* C string / Verilog string / make word */
    SLT_PV_MOD,  /* module name: C string / Verilog identifier / make word; omitted when empty */
    SLT_PV_HASH, /* 64-bit hex */
    SLT_PV_REAL  /* decimal number */
} slt_pv_kind;

typedef struct {
    const char *name; /* SLT_... */
    slt_pv_kind kind;
    size_t offset;    /* into slt_design */
    const char *doc;
} slt_param_desc;

/* The table (n entries). */
const slt_param_desc *slt_design_params(size_t *n);

/* Value accessors for one entry. */
long long slt_param_int(const slt_design *d, const slt_param_desc *p);
const char *slt_param_str(const slt_design *d, const slt_param_desc *p);
uint64_t slt_param_hash(const slt_design *d, const slt_param_desc *p);
double slt_param_real(const slt_design *d, const slt_param_desc *p);

#endif
