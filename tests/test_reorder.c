/* test_reorder - index reordering (ref/slt_reorder.h, docs/array.md §3a): the row
 * permutation is a bijection that stays inside its tile, results with reorder =
 * greedy equal the unreordered and the naive ones on random shapes and configs,
 * events are unchanged, and the key-bus counter on hand-computed streams. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "slt_gemm.h"
#include "slt_prng.h"
#include "slt_reorder.h"

static char g_err[SLT_ERRLEN];
static uint64_t g_seed = 1;

static slt_config make_cfg(int g, int u, int l, slt_format f, slt_array_kind a, slt_reorder_policy ro)
{
    slt_config c;
    slt_config_default(&c);
    c.group_size = g;
    c.lut_units = u;
    c.row_lanes = l;
    c.weight_format = f;
    c.array = a;
    c.reorder = ro;
    c.max_k = 4096;
    c.pipe_stages = 0;
    if (slt_config_finish(&c, g_err, sizeof g_err)) fail_msg("config: %s", g_err);
    return c;
}

typedef struct {
    slt_config cfg;
    int m, k, n, zero_pct;
} rcase;

static rcase random_case(slt_prng *p)
{
    static const slt_format fmts[] = {SLT_FMT_T2, SLT_FMT_T5, SLT_FMT_B1};
    rcase c;
    c.cfg = make_cfg((int)slt_prng_range(p, 2, 5), (int)slt_prng_range(p, 1, 4), (int)slt_prng_range(p, 1, 6),
                     fmts[slt_prng_range(p, 0, 2)], slt_prng_range(p, 0, 3) ? SLT_ARRAY_LUT : SLT_ARRAY_ADDSUB,
                     SLT_REORDER_GREEDY);
    c.m = (int)slt_prng_range(p, 1, slt_prng_range(p, 0, 3) ? 40 : 420);
    c.k = (int)slt_prng_range(p, 1, 70);
    c.n = (int)slt_prng_range(p, 1, 3);
    c.zero_pct = (int)slt_prng_range(p, 0, 100);
    return c;
}

static void random_weights(slt_prng *p, const rcase *c, int8_t *w)
{
    int bin = slt_format_is_binary(c->cfg.weight_format);
    for (size_t i = 0; i < (size_t)c->m * (size_t)c->k; i++) {
        if (bin) w[i] = slt_prng_range(p, 0, 1) ? 1 : -1;
        else w[i] = (int)slt_prng_range(p, 0, 99) < c->zero_pct ? 0 : (slt_prng_range(p, 0, 1) ? 1 : -1);
    }
}

#define CASE_FMT "seed %llu case %d: G=%d U=%d L=%d %s %s M=%d K=%d N=%d zeros %d%%"
#define CASE_ARGS(i, c)                                                                                            \
    (unsigned long long)g_seed, (i), (c).cfg.group_size, (c).cfg.lut_units, (c).cfg.row_lanes,                      \
        slt_format_name((c).cfg.weight_format), (c).cfg.array == SLT_ARRAY_LUT ? "slt" : "addsub", (c).m, (c).k,   \
        (c).n, (c).zero_pct

static void reorder_perm_bijection_random_shapes(void **state)
{
    (void)state;
    slt_prng p;
    slt_prng_seed(&p, g_seed);
    for (int i = 0; i < 150; i++) {
        rcase c = random_case(&p);
        int8_t *w = malloc((size_t)c.m * (size_t)c.k);
        int *perm = malloc((size_t)c.m * sizeof *perm);
        assert_non_null(w);
        assert_non_null(perm);
        random_weights(&p, &c, w);
        if (slt_reorder_perm(&c.cfg, w, c.m, c.k, perm, g_err, sizeof g_err)) fail_msg(CASE_FMT ": %s", CASE_ARGS(i, c), g_err);
        if (!slt_reorder_is_bijection(perm, c.m)) fail_msg(CASE_FMT ": not a bijection", CASE_ARGS(i, c));
        int tile = SLT_REORDER_TILE_BLOCKS * c.cfg.row_lanes;
        for (int j = 0; j < c.m; j++)
            if (perm[j] / tile != j / tile) fail_msg(CASE_FMT ": slot %d holds row %d of another tile", CASE_ARGS(i, c), j, perm[j]);
        free(w);
        free(perm);
    }
}

static void reorder_perm_identity_when_none(void **state)
{
    (void)state;
    slt_config c = make_cfg(3, 2, 4, SLT_FMT_T5, SLT_ARRAY_LUT, SLT_REORDER_NONE);
    int8_t w[9 * 6];
    int perm[9];
    for (int i = 0; i < 9 * 6; i++) w[i] = (int8_t)((i * 7 % 3) - 1);
    assert_int_equal(slt_reorder_perm(&c, w, 9, 6, perm, g_err, sizeof g_err), 0);
    for (int j = 0; j < 9; j++) assert_int_equal(perm[j], j);
}

static void reorder_gemm_matches_plain_random_shapes(void **state)
{
    (void)state;
    slt_prng p;
    slt_prng_seed(&p, g_seed ^ 0x5a5aull);
    for (int i = 0; i < 150; i++) {
        rcase c = random_case(&p);
        slt_config plain = c.cfg;
        plain.reorder = SLT_REORDER_NONE;
        size_t mk = (size_t)c.m * (size_t)c.k, nm = (size_t)c.n * (size_t)c.m;
        int8_t *w = malloc(mk);
        int16_t *x = malloc((size_t)c.n * (size_t)c.k * sizeof *x);
        int32_t *y0 = malloc(nm * sizeof *y0), *y1 = malloc(nm * sizeof *y1), *yn = malloc(nm * sizeof *yn);
        assert_true(w && x && y0 && y1 && yn);
        random_weights(&p, &c, w);
        for (size_t j = 0; j < (size_t)c.n * (size_t)c.k; j++) x[j] = (int16_t)slt_prng_range(&p, -128, 127);
        slt_events e0, e1;
        if (slt_gemm_lut(&plain, w, x, y0, c.m, c.k, c.n, &e0, g_err, sizeof g_err) ||
            slt_gemm_lut(&c.cfg, w, x, y1, c.m, c.k, c.n, &e1, g_err, sizeof g_err) ||
            slt_gemm_naive(w, x, yn, c.m, c.k, c.n, g_err, sizeof g_err))
            fail_msg(CASE_FMT ": %s", CASE_ARGS(i, c), g_err);
        for (size_t j = 0; j < nm; j++)
            if (y1[j] != y0[j] || y1[j] != yn[j])
                fail_msg(CASE_FMT ": y[%zu][%zu] reordered %d, plain %d, naive %d", CASE_ARGS(i, c), j / (size_t)c.m,
                         j % (size_t)c.m, y1[j], y0[j], yn[j]);
        if (memcmp(&e0, &e1, sizeof e0)) fail_msg(CASE_FMT ": events differ with reordering", CASE_ARGS(i, c));
        free(w);
        free(x);
        free(y0);
        free(y1);
        free(yn);
    }
}

/* G=2 U=1 L=1 t2, slt: keys 1 (0001), 4 (0100), 3 (0011). Identity order flips
 * 1 + 2 + 3 = 6 bits; greedy starts at row 0, takes key 3 (distance 1) then 4: 1+1+3 = 5. */
static void reorder_keybus_hand_computed(void **state)
{
    (void)state;
    slt_config c = make_cfg(2, 1, 1, SLT_FMT_T2, SLT_ARRAY_LUT, SLT_REORDER_GREEDY);
    const int8_t w[] = {1, 0, 1, 1, 0, 1};
    int perm[3], want[3] = {0, 2, 1};
    assert_int_equal(slt_reorder_perm(&c, w, 3, 2, perm, g_err, sizeof g_err), 0);
    for (int j = 0; j < 3; j++) assert_int_equal(perm[j], want[j]);
    int8_t wp[6];
    slt_reorder_rows(w, 3, 2, perm, wp);
    slt_stream s0, s1;
    assert_int_equal(slt_stream_build(&c, w, 3, 2, &s0, g_err, sizeof g_err), 0);
    assert_int_equal(slt_stream_build(&c, wp, 3, 2, &s1, g_err, sizeof g_err), 0);
    slt_keybus k0, k1;
    slt_keybus_count(&c, &s0, 1, NULL, &k0);
    slt_keybus_count(&c, &s1, 1, NULL, &k1);
    assert_int_equal(k0.issues, 3);
    assert_int_equal(k0.fields, 3);
    assert_int_equal(k0.bus_toggles, 6);
    assert_int_equal(k1.bus_toggles, 5);
    assert_int_equal(k0.opnd_toggles, 6);
    /* Two tokens: the second pass starts from key 3 (identity): +1 (3->1) + 6 - 1. */
    slt_keybus_count(&c, &s0, 2, NULL, &k0);
    assert_int_equal(k0.bus_toggles, 6 + 1 + 5);
    slt_stream_free(&s0);
    slt_stream_free(&s1);
}

/* A skip key does not load the operand register (docs/array.md §5): keys 1, 0, 1
 * flip the bus 3 times, the operand register once. addsub: per weight subtract bits. */
static void reorder_keybus_operand_gated(void **state)
{
    (void)state;
    slt_config c = make_cfg(2, 1, 1, SLT_FMT_T2, SLT_ARRAY_LUT, SLT_REORDER_NONE);
    const int8_t w[] = {1, 0, 0, 0, 1, 0};
    slt_stream s;
    slt_keybus kb;
    assert_int_equal(slt_stream_build(&c, w, 3, 2, &s, g_err, sizeof g_err), 0);
    slt_keybus_count(&c, &s, 1, NULL, &kb);
    assert_int_equal(kb.bus_toggles, 3);
    assert_int_equal(kb.opnd_toggles, 1);
    slt_stream_free(&s);
    /* addsub t2 fields: w+1 codes (1,0) -> 0b0110, (0,0) -> 0b0101; subtract bits never set. */
    slt_config a = make_cfg(2, 1, 1, SLT_FMT_T2, SLT_ARRAY_ADDSUB, SLT_REORDER_NONE);
    const int8_t wa[] = {-1, 0, 0, 0, -1, 1};
    assert_int_equal(slt_stream_build(&a, wa, 3, 2, &s, g_err, sizeof g_err), 0);
    slt_keybus_count(&a, &s, 1, NULL, &kb);
    /* fields: (-1,0) = 0b0100, (0,0) = 0b0101, (-1,1) = 0b1000: 1 + 1 + 3 = 5 bus flips;
     * subtract bits: weight 0 loads 1 (row 0), holds (row 1), loads 1 (row 2); weight 1 loads 0 (row 2). */
    assert_int_equal(kb.bus_toggles, 5);
    assert_int_equal(kb.opnd_toggles, 1);
    slt_stream_free(&s);
}

static void reorder_config_key_parsed(void **state)
{
    (void)state;
    slt_config c, d;
    slt_config_default(&c);
    slt_config_default(&d);
    assert_int_equal(slt_config_set(&c, "reorder", "none", g_err, sizeof g_err), 0);
    assert_int_equal(slt_config_finish(&c, g_err, sizeof g_err), 0);
    assert_int_equal(slt_config_finish(&d, g_err, sizeof g_err), 0);
    assert_true(slt_config_hash(&c) == slt_config_hash(&d)); /* default text unchanged */
    assert_int_equal(slt_config_set(&c, "reorder", "greedy", g_err, sizeof g_err), 0);
    assert_int_equal(c.reorder, SLT_REORDER_GREEDY);
    assert_true(slt_config_hash(&c) != slt_config_hash(&d));
    assert_int_equal(slt_config_set(&c, "reorder", "best", g_err, sizeof g_err), SLT_EXIT_BADINPUT);
    assert_non_null(strstr(g_err, "none or greedy"));
}

static void reorder_perm_bad_weight_rejected(void **state)
{
    (void)state;
    slt_config c = make_cfg(3, 1, 2, SLT_FMT_T2, SLT_ARRAY_LUT, SLT_REORDER_GREEDY);
    const int8_t w[] = {1, 0, 2, 0, 0, 0};
    int perm[2];
    assert_int_equal(slt_reorder_perm(&c, w, 2, 3, perm, g_err, sizeof g_err), SLT_EXIT_BADINPUT);
}

int main(void)
{
    const char *s = getenv("SEED");
    if (s && *s) g_seed = strtoull(s, NULL, 0);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reorder_perm_bijection_random_shapes),
        cmocka_unit_test(reorder_perm_identity_when_none),
        cmocka_unit_test(reorder_gemm_matches_plain_random_shapes),
        cmocka_unit_test(reorder_keybus_hand_computed),
        cmocka_unit_test(reorder_keybus_operand_gated),
        cmocka_unit_test(reorder_config_key_parsed),
        cmocka_unit_test(reorder_perm_bad_weight_rejected),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    if (rc) fprintf(stderr, "test_reorder: SEED=%llu\n", (unsigned long long)g_seed);
    return rc;
}
