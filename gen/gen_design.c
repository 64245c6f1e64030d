/* gen_design.c - derive every generated number once; name them in one table. */
#include "gen_design.h"

#include <stdio.h>
#include <string.h>

#include "slt_arrayif.h"
#include "slt_pack.h"

static int ceil_log2(int n)
{
    int b = 0;
    while ((1 << b) < n) b++;
    return b;
}

static void derive_numbers(const slt_config *cfg, slt_design *d)
{
    d->g = cfg->group_size;
    d->a = cfg->act_bits;
    d->u = cfg->lut_units;
    d->l = cfg->row_lanes;
    d->acc = cfg->acc_bits;
    d->pipe = cfg->pipe_stages;
    d->binary = slt_format_is_binary(cfg->weight_format);
    d->addsub = cfg->array == SLT_ARRAY_ADDSUB;
    d->buffer_auto = cfg->buffer_mode == SLT_BUFMODE_AUTO;
    d->ecc = cfg->ecc == SLT_ECC_SECDED;
    d->clock_gating = cfg->clock_gating;
    d->in_stages = slt_array_in_stages(cfg);
    d->max_k = cfg->max_k;
    d->max_m = cfg->max_m;
    d->max_n = cfg->max_n;
    d->bus_bits = cfg->bus_bits;
    d->wbuf_kib = cfg->wbuf_kib;
    d->abuf_kib = cfg->abuf_kib;
    d->obuf_kib = cfg->obuf_kib;
    d->key_mag_bits = slt_key_mag_bits(d->g, d->binary);
    d->key_bits = slt_key_bits(d->g, d->binary);
    d->table_entries = slt_table_entries(d->g, d->binary);
    d->entry_bits = slt_entry_bits(cfg);
    d->act_slice_bits = cfg->act_slice_bits;
    d->psum_chunks = cfg->psum_chunks;
    d->slot_bits = ceil_log2(cfg->psum_chunks);
    d->has_slots = cfg->psum_chunks > 1;
    d->slices = slt_act_slices(cfg);
    d->slice_bits = slt_slice_width(cfg);
    d->slice_entry_bits = slt_slice_entry_bits(cfg);
    d->unit_table_bits = d->slices * d->table_entries * d->slice_entry_bits;
    /* Ternary: one adder per entry except the G raw ones; binary: G-1 for entry 0
     * plus one per further entry (docs/array.md, "Table builder"). */
    d->build_adds = d->binary ? (d->g - 1) + (d->table_entries - 1) : d->table_entries - d->g;
    d->has_builder = !d->addsub;
    d->lane_has_mode = !d->addsub && !d->binary;
    d->row_field_bits = slt_row_field_bits(cfg);
    d->lane_terms = slt_lane_terms(cfg);
    /* addsub terms are +-a: one bit wider than a to hold -(-2^(A-1)). */
    d->term_bits = d->addsub ? d->a + 1 : d->entry_bits;
    d->opnd_bits = d->addsub ? 1 : d->key_bits;
    d->tree_levels = ceil_log2(d->lane_terms);
    d->latency = slt_array_latency(cfg);
    d->psum_delay = slt_array_psum_delay(cfg);
    d->reissue_gap = slt_array_reissue_gap(cfg);
    d->tbl_act_bits = d->u * d->g * d->a;
    d->tables_bits = d->u * d->unit_table_bits;
    d->row_keys_bits = d->l * d->u * d->row_field_bits;
    d->row_psum_bits = d->l * d->acc;
    d->ev_term_bits = d->l * d->lane_terms;
}

/* Spread the pipe registers over the tree levels 0..T (first one after the
 * terms, where it also isolates the skipped operands); any left over delay
 * the tree's result, so the final adder (and psum_i) is always in the last
 * stage. */
static void derive_schedule(slt_design *d)
{
    int positions = d->tree_levels + 1;
    int used = d->pipe < positions ? d->pipe : positions;
    memset(d->reg_after_level, 0, sizeof d->reg_after_level);
    for (int k = 0; k < used; k++) d->reg_after_level[k * positions / used] = 1;
    d->out_extra = d->pipe - used;
}

static void derive_names(slt_design *d)
{
    /* a clock-gated design has its own module names ("_cg"), so both variants can meet in one build */
    const char *wk0 = d->binary ? (d->clock_gating ? "b_cg" : "b") : (d->clock_gating ? "t_cg" : "t");
    /* a sliced design has its own names too ("_s4": 4-bit activation slices) */
    char wk[16];
    if (d->act_slice_bits) snprintf(wk, sizeof wk, "s%d_%s", d->act_slice_bits, wk0);
    else snprintf(wk, sizeof wk, "%s", wk0);
    /* table slots (psum_chunks > 1): the array and the builder get "_c<C>"; the lane is unchanged */
    char wkc[24];
    if (d->has_slots) snprintf(wkc, sizeof wkc, "c%d_%s", d->psum_chunks, wk);
    else snprintf(wkc, sizeof wkc, "%s", wk);
    d->mod_builder[0] = '\0';
    if (d->addsub) {
        snprintf(d->mod_lane, sizeof d->mod_lane, "slt_addsub_lane_g%d_u%d_a%d_acc%d_p%d_%s", d->g, d->u, d->a,
                 d->acc, d->pipe, wk);
        snprintf(d->mod_array, sizeof d->mod_array, "slt_addsub_array_g%d_u%d_l%d_a%d_acc%d_p%d_%s", d->g, d->u,
                 d->l, d->a, d->acc, d->pipe, wkc);
    } else {
        snprintf(d->mod_builder, sizeof d->mod_builder, "slt_table_builder_g%d_a%d_%s", d->g, d->a, wkc);
        snprintf(d->mod_lane, sizeof d->mod_lane, "slt_row_lane_g%d_u%d_a%d_acc%d_p%d_%s", d->g, d->u, d->a, d->acc,
                 d->pipe, wk);
        snprintf(d->mod_array, sizeof d->mod_array, "slt_array_g%d_u%d_l%d_a%d_acc%d_p%d_%s", d->g, d->u, d->l,
                 d->a, d->acc, d->pipe, wkc);
    }
    d->n_prims = 0;
    d->prims[d->n_prims++] = "slt_valid_pipe";
    if (d->clock_gating) d->prims[d->n_prims++] = "slt_clock_gate";
}

void slt_design_derive(const slt_config *cfg, slt_design *d)
{
    memset(d, 0, sizeof *d);
    d->cfg = *cfg;
    snprintf(d->gen_version, sizeof d->gen_version, "%s", SLT_GEN_VERSION);
    snprintf(d->cfg_name, sizeof d->cfg_name, "%s", cfg->name);
    d->cfg_hash = slt_config_hash(cfg);
    snprintf(d->format_name, sizeof d->format_name, "%s", slt_format_name(cfg->weight_format));
    snprintf(d->array_kind, sizeof d->array_kind, "%s", slt_array_name(cfg->array));
    derive_numbers(cfg, d);
    derive_schedule(d);
    derive_names(d);
}

#define P(name, kind, field, doc) {name, kind, offsetof(slt_design, field), doc}

static const slt_param_desc k_params[] = {
    P("SLT_GEN_VERSION", SLT_PV_STR, gen_version, "sltgen version that wrote these files"),
    P("SLT_CFG_NAME", SLT_PV_STR, cfg_name, "configuration name"),
    P("SLT_CFG_HASH", SLT_PV_HASH, cfg_hash, "FNV-1a hash of the canonical configuration text"),
    P("SLT_GROUP_SIZE", SLT_PV_INT, g, "G: activations per look-up table"),
    P("SLT_ACT_BITS", SLT_PV_INT, a, "activation width (signed)"),
    P("SLT_LUT_UNITS", SLT_PV_INT, u, "U: groups (tables) per chunk"),
    P("SLT_ROW_LANES", SLT_PV_INT, l, "L: rows per cycle"),
    P("SLT_MAX_K", SLT_PV_INT, max_k, "largest K"),
    P("SLT_MAX_M", SLT_PV_INT, max_m, "largest M"),
    P("SLT_MAX_N", SLT_PV_INT, max_n, "largest N (tokens per GEMM)"),
    P("SLT_ACC_BITS", SLT_PV_INT, acc, "partial-sum / accumulator width (signed)"),
    P("SLT_WEIGHT_FORMAT", SLT_PV_STR, format_name, "weight format on the link"),
    P("SLT_BINARY", SLT_PV_FLAG, binary, "binary {-1,+1} weights (b1), else ternary"),
    P("SLT_BUS_BITS", SLT_PV_INT, bus_bits, "AXI4-Stream width"),
    P("SLT_CLOCK_MHZ", SLT_PV_REAL, cfg.clock_mhz, "target clock"),
    P("SLT_WBUF_KIB", SLT_PV_INT, wbuf_kib, "weight buffer KiB"),
    P("SLT_ABUF_KIB", SLT_PV_INT, abuf_kib, "activation buffer KiB"),
    P("SLT_OBUF_KIB", SLT_PV_INT, obuf_kib, "output buffer KiB"),
    P("SLT_PIPE_STAGES", SLT_PV_INT, pipe, "extra pipeline registers per lane"),
    P("SLT_ARRAY_KIND", SLT_PV_STR, array_kind, "slt (look-up tables) or addsub (baseline)"),
    P("SLT_IS_ADDSUB", SLT_PV_FLAG, addsub, "the array is the add/sub baseline"),
    P("SLT_BUFFER_MODE_AUTO", SLT_PV_FLAG, buffer_auto, "the packer may choose buffer mode"),
    P("SLT_ECC", SLT_PV_FLAG, ecc, "SECDED ECC on every SRAM word (ecc = secded)"),
    P("SLT_CLOCK_GATING", SLT_PV_FLAG, clock_gating, "registers that hold still have gated clocks (slt_clock_gate)"),
    P("SLT_IN_STAGES", SLT_PV_INT, in_stages, "input register stages of the array (latency = lane latency + this)"),
    P("SLT_KEY_MAG_BITS", SLT_PV_INT, key_mag_bits, "LUT key magnitude bits"),
    P("SLT_KEY_BITS", SLT_PV_INT, key_bits, "LUT key bits (sign + magnitude)"),
    P("SLT_TABLE_ENTRIES", SLT_PV_INT, table_entries, "entries per table"),
    P("SLT_ENTRY_BITS", SLT_PV_INT, entry_bits, "bits per table entry (signed)"),
    P("SLT_BUILD_ADDS", SLT_PV_INT, build_adds, "adders per table build (per slice table when sliced)"),
    P("SLT_ACT_SLICE_BITS", SLT_PV_INT, act_slice_bits, "activation slice width (0: no slicing)"),
    P("SLT_PSUM_CHUNKS", SLT_PV_INT, psum_chunks, "chunks per tile: table slots per unit, partial sums kept in the lanes"),
    P("SLT_SLOT_BITS", SLT_PV_INT, slot_bits, "width of tbl_slot_i / row_slot_i (0: no slot ports, psum_chunks = 1)"),
    P("SLT_HAS_SLOTS", SLT_PV_FLAG, has_slots, "the array has table slots: ports tbl_slot_i, row_slot_i (psum_chunks > 1)"),
    P("SLT_ACT_SLICES", SLT_PV_INT, slices, "slices per activation: tables per unit (1: no slicing)"),
    P("SLT_SLICE_BITS", SLT_PV_INT, slice_bits, "bits per activation slice (act_bits when not sliced)"),
    P("SLT_SLICE_ENTRY_BITS", SLT_PV_INT, slice_entry_bits, "bits per slice table entry (signed)"),
    P("SLT_UNIT_TABLE_BITS", SLT_PV_INT, unit_table_bits, "bits of one unit's tables (all slices)"),
    P("SLT_HAS_BUILDER", SLT_PV_FLAG, has_builder, "the array has table builders"),
    P("SLT_LANE_HAS_MODE", SLT_PV_FLAG, lane_has_mode, "lanes take buffer_mode_i (ternary slt)"),
    P("SLT_ROW_FIELD_BITS", SLT_PV_INT, row_field_bits, "bits per (lane, unit) field of row_keys_i"),
    P("SLT_LANE_TERMS", SLT_PV_INT, lane_terms, "terms per lane per row (U or U*G)"),
    P("SLT_TERM_BITS", SLT_PV_INT, term_bits, "width of one signed term"),
    P("SLT_OPND_BITS", SLT_PV_INT, opnd_bits, "width of one gated operand register"),
    P("SLT_TREE_LEVELS", SLT_PV_INT, tree_levels, "adder levels over the terms"),
    P("SLT_LATENCY", SLT_PV_INT, latency, "cycles from row_valid_i to row_valid_o"),
    P("SLT_PSUM_DELAY", SLT_PV_INT, psum_delay, "cycles from row_valid_i to its row_psum_i"),
    P("SLT_REISSUE_GAP", SLT_PV_INT, reissue_gap, "fewest cycles between issues of one row block"),
    P("SLT_TBL_ACT_BITS", SLT_PV_INT, tbl_act_bits, "width of tbl_act_i"),
    P("SLT_TABLES_BITS", SLT_PV_INT, tables_bits, "width of the tables bus into a lane"),
    P("SLT_ROW_KEYS_BITS", SLT_PV_INT, row_keys_bits, "width of row_keys_i"),
    P("SLT_ROW_PSUM_BITS", SLT_PV_INT, row_psum_bits, "width of row_psum_i / row_psum_o"),
    P("SLT_EV_TERM_BITS", SLT_PV_INT, ev_term_bits, "width of ev_term_o"),
    P("SLT_MOD_BUILDER", SLT_PV_MOD, mod_builder, "table builder module"),
    P("SLT_MOD_LANE", SLT_PV_MOD, mod_lane, "row lane module"),
    P("SLT_MOD_ARRAY", SLT_PV_MOD, mod_array, "array module"),
    P("SLT_TOP_ARRAY", SLT_PV_MOD, mod_array, "top module for synthesis of the array"),
};

#undef P

const slt_param_desc *slt_design_params(size_t *n)
{
    *n = sizeof k_params / sizeof k_params[0];
    return k_params;
}

long long slt_param_int(const slt_design *d, const slt_param_desc *p)
{
    return *(const int *)((const char *)d + p->offset);
}

const char *slt_param_str(const slt_design *d, const slt_param_desc *p) { return (const char *)d + p->offset; }

uint64_t slt_param_hash(const slt_design *d, const slt_param_desc *p)
{
    return *(const uint64_t *)((const char *)d + p->offset);
}

double slt_param_real(const slt_design *d, const slt_param_desc *p)
{
    return *(const double *)((const char *)d + p->offset);
}
