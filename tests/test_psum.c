/* test_psum - the event arithmetic of `sltdse psum` (ref/slt_psum.c, docs/dse.md
 * "Partial sums: an estimate") on a model small enough to count by hand, and the
 * shared model table (ref/slt_models.c) it and sltreport read. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "slt_config.h"
#include "slt_energy.h"
#include "slt_models.h"
#include "slt_psum.h"

/* hidden 12, MLP 24, K/V rows 5, 2 decoder layers: shapes 12x12 (x2), 5x12 (x2),
 * 24x12 (x2), 12x24 (x1) */
static const slt_model k_hand = {"hand", 12, 24, 2, 5, 0};
/* the same with K/V rows 6: every M a multiple of L = 2, so halving L is exact */
static const slt_model k_even = {"even", 12, 24, 2, 6, 0};

/* G = 3, U = 2, L = 2: a chunk is U x G = 6 activations; every group builds a table */
static void hand_config(slt_config *c)
{
    char err[SLT_ERRLEN];
    slt_config_default(c);
    const char *kv[] = {"group_size=3", "lut_units=2", "row_lanes=2", "act_bits=8", "max_k=64",
                        "max_m=64", "buffer_mode=off", "weight_format=t2"};
    for (size_t i = 0; i < sizeof kv / sizeof kv[0]; i++) assert_int_equal(slt_config_set_kv(c, kv[i], err, sizeof err), 0);
    assert_int_equal(slt_config_finish(c, err, sizeof err), 0);
}

/* Per shape (M x K, count): chunks NC = K / 6, row blocks RB = M / 2.
 *   12x12 x2: NC 2, RB 6;  5x12 x2: NC 2, RB 3 (ragged);  24x12 x2: NC 2, RB 12;  12x24 x1: NC 4, RB 6
 * as configured (per token): obuf writes = reads = NC x RB; abuf reads = NC; table
 * builds = K / G groups; row-stationary: obuf writes = RB, no reads, abuf reads and
 * table builds x RB. Summed x count x 2 layers. */
static void psum_token_matches_hand_count(void **state)
{
    (void)state;
    slt_config c;
    slt_events tok, rs;
    char err[SLT_ERRLEN];
    hand_config(&c);
    assert_int_equal(slt_psum_token(&c, &k_hand, 0, SLT_MODEL_SEED, &tok, &rs, err, sizeof err), 0);
    /* 2 x (12*2 + 6*2 + 24*2 + 24*1) = 2 x 108 */
    assert_int_equal(tok.obuf_writes, 216);
    assert_int_equal(tok.obuf_reads, 216);
    /* 2 x (2*2 + 2*2 + 2*2 + 4*1) */
    assert_int_equal(tok.abuf_reads, 32);
    /* 2 x (4*2 + 4*2 + 4*2 + 8*1) */
    assert_int_equal(tok.table_builds, 64);
    /* 2 x (6*2 + 3*2 + 12*2 + 6*1) */
    assert_int_equal(rs.obuf_writes, 96);
    assert_int_equal(rs.obuf_reads, 0);
    /* 2 x (2*6*2 + 2*3*2 + 2*12*2 + 4*6*1) */
    assert_int_equal(rs.abuf_reads, 216);
    /* 2 x (4*6*2 + 4*3*2 + 4*12*2 + 8*6*1) */
    assert_int_equal(rs.table_builds, 432);
    /* what row-stationary does not change */
    assert_int_equal(rs.cycles, tok.cycles);
    assert_int_equal(rs.accumulates, tok.accumulates);
    assert_int_equal(rs.wbuf_reads, tok.wbuf_reads);
    assert_int_equal(rs.abuf_writes, tok.abuf_writes);
}

/* U x 2, L / 2 on k_even: chunks halve, row blocks double, so the obuf access count
 * stays (216 + 216) while each access moves L x acc_bits, half the bits: the traffic halves */
static void psum_variant_halves_obuf_traffic_when_units_double(void **state)
{
    (void)state;
    slt_config c, c2;
    slt_events tok, rs, tok2, rs2;
    slt_energy_params p, p2;
    char err[SLT_ERRLEN];
    hand_config(&c);
    assert_int_equal(slt_psum_variant(&c, 2, &c2, err, sizeof err), 0);
    assert_int_equal(c2.lut_units, 4);
    assert_int_equal(c2.row_lanes, 1);
    assert_int_equal(slt_psum_token(&c, &k_even, 0, SLT_MODEL_SEED, &tok, &rs, err, sizeof err), 0);
    assert_int_equal(slt_psum_token(&c2, &k_even, 0, SLT_MODEL_SEED, &tok2, &rs2, err, sizeof err), 0);
    memset(&p, 0, sizeof p);
    memset(&p2, 0, sizeof p2);
    slt_energy_access_bits(&c, &p);
    slt_energy_access_bits(&c2, &p2);
    assert_int_equal(tok.obuf_writes, 216);
    assert_int_equal(tok2.obuf_writes, 216);
    assert_int_equal(tok2.obuf_reads, 216);
    double bits = (double)(tok.obuf_reads + tok.obuf_writes) * p.obuf_access_bits;
    double bits2 = (double)(tok2.obuf_reads + tok2.obuf_writes) * p2.obuf_access_bits;
    assert_true(bits > 0);
    assert_true(bits2 * 2 == bits);
    /* row-stationary writes once per row block: twice the row blocks, twice the writes */
    assert_int_equal(rs2.obuf_writes, 2 * rs.obuf_writes);
}

/* psum_chunks = 2 on k_hand: NC 2 -> one tile, NC 4 -> two: per token obuf writes =
 * reads = RB x tiles: 2 x (6*2 + 3*2 + 12*2 + 6*2*1) = 108, half of 216; the rest unchanged */
static void psum_tiles_halve_obuf_accesses(void **state)
{
    (void)state;
    slt_config c, c2;
    slt_events tok, rs, tok2, rs2;
    char err[SLT_ERRLEN];
    int raised = -1;
    hand_config(&c);
    assert_int_equal(slt_psum_tiles(&c, 2, &c2, &raised, err, sizeof err), 0);
    assert_int_equal(c2.psum_chunks, 2);
    assert_int_equal(raised, 0);
    assert_int_equal(slt_psum_token(&c, &k_hand, 0, SLT_MODEL_SEED, &tok, &rs, err, sizeof err), 0);
    assert_int_equal(slt_psum_token(&c2, &k_hand, 0, SLT_MODEL_SEED, &tok2, &rs2, err, sizeof err), 0);
    assert_int_equal(tok2.obuf_writes, 108);
    assert_int_equal(tok2.obuf_reads, 108);
    assert_int_equal(tok2.abuf_reads, tok.abuf_reads);
    assert_int_equal(tok2.table_builds, tok.table_builds);
    assert_int_equal(tok2.wbuf_reads, tok.wbuf_reads);
}

/* a wbuf too small for 2C regions is raised to the smallest that fits */
static void psum_tiles_raise_a_small_wbuf(void **state)
{
    (void)state;
    slt_config c, c8;
    char err[SLT_ERRLEN];
    int raised = 0;
    slt_config_default(&c);
    assert_int_equal(slt_config_finish(&c, err, sizeof err), 0);
    assert_int_equal(slt_psum_tiles(&c, 8, &c8, &raised, err, sizeof err), 0);
    assert_int_equal(raised, 1);
    assert_int_equal(c8.wbuf_kib, 640);
}

static void psum_variant_refuses_when_lanes_not_divisible(void **state)
{
    (void)state;
    slt_config c, c4;
    char err[SLT_ERRLEN] = "";
    hand_config(&c);
    assert_int_equal(slt_psum_variant(&c, 4, &c4, err, sizeof err), 1);
    assert_non_null(strstr(err, "row_lanes 2 not divisible by 4"));
}

/* the builders' clock, 0.8 pJ/cycle at clock factor 1/16, running every cycle:
 * 3.25 - 0.8 + 0.8 x 16 = 15.25 pJ */
static void psum_rs_cycle_adds_builder_clock(void **state)
{
    (void)state;
    assert_float_equal(slt_psum_rs_cycle_pj(3.25, 0.8, 0.0625), 15.25, 1e-12);
    assert_float_equal(slt_psum_rs_cycle_pj(3.25, 0.8, 1.0), 3.25, 1e-12);
}

/* sltreport and sltdse psum read the same 3B model: its four shapes */
static void psum_models_hold_3b_shapes(void **state)
{
    (void)state;
    slt_model_shape sh[SLT_MODEL_SHAPES];
    const slt_model *m = &slt_models[SLT_MODEL_3B];
    assert_string_equal(m->name, "bitnet_b1_58-3B");
    slt_model_shapes(m, sh);
    const int want[SLT_MODEL_SHAPES][3] = {{3200, 3200, 2}, {3200, 3200, 2}, {8640, 3200, 2}, {3200, 8640, 1}};
    for (int s = 0; s < SLT_MODEL_SHAPES; s++) {
        assert_int_equal(sh[s].m, want[s][0]);
        assert_int_equal(sh[s].k, want[s][1]);
        assert_int_equal(sh[s].count, want[s][2]);
    }
    assert_int_equal(m->layers, 26);
    assert_int_equal(slt_model_weight_seed(SLT_MODEL_SEED, SLT_MODEL_3B, 3), 2004);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(psum_token_matches_hand_count),
        cmocka_unit_test(psum_variant_halves_obuf_traffic_when_units_double),
        cmocka_unit_test(psum_tiles_halve_obuf_accesses),
        cmocka_unit_test(psum_tiles_raise_a_small_wbuf),
        cmocka_unit_test(psum_variant_refuses_when_lanes_not_divisible),
        cmocka_unit_test(psum_rs_cycle_adds_builder_clock),
        cmocka_unit_test(psum_models_hold_3b_shapes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
