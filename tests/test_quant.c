/* test_quant - the quantisers of SPEC §3 (docs/numerics.md §1): known answers
 * with half-way cases, eps clamps, the double-accumulated mean, errors. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "slt_config.h"
#include "slt_prng.h"
#include "slt_quant.h"

static char g_err[SLT_ERRLEN];

static void expect_err(int rc, const char *must)
{
    if (rc != SLT_EXIT_BADINPUT || !strstr(g_err, must)) fail_msg("rc=%d err='%s' (want '%s')", rc, g_err, must);
}

static void quant_ternary_half_way_to_even(void **state)
{
    (void)state;
    /* mean|W| = 12/6 = 2 exactly: W/gamma = 0.5, -0.5, 1.5, -2.5, 0.375, 0.625. */
    const float w[6] = {1.0f, -1.0f, 3.0f, -5.0f, 0.75f, 1.25f};
    const int8_t want[6] = {0, 0, 1, -1, 0, 1}; /* roundf would give 1, -1 for the first two */
    int8_t q[6];
    float gamma;
    assert_int_equal(slt_quant_ternary(w, 6, q, &gamma, g_err, sizeof g_err), 0);
    assert_true(gamma == 2.0f);
    assert_memory_equal(q, want, sizeof want);
}

/* gamma = g below; h = nextafter(g/2): h * (1/g) rounds to exactly 0.5 -> 0
 * (the published reciprocal-then-multiply), while h / g = 0.50000006 -> 1
 * (exact division, --exact-div). The default is the published order. */
static void quant_ternary_reciprocal_then_multiply(void **state)
{
    (void)state;
    const float g = 0x1.3ca85p+0f, h = 0x1.3ca852p-1f;
    const float w[4] = {h, -h, 1.5f * g, 1.5f * g - 0x1p-23f}; /* sum|W| = 4g exactly */
    int8_t q[4];
    float gamma;
    assert_int_equal(slt_quant_ternary(w, 4, q, &gamma, g_err, sizeof g_err), 0);
    assert_true(gamma == g);
    assert_true(h * (1.0f / g) == 0.5f); /* a constructed tie of the published order */
    assert_int_equal(q[0], 0);
    assert_int_equal(q[1], 0);
    assert_int_equal(slt_quant_ternary_mode(w, 4, SLT_QUANT_EXACT_DIV, q, &gamma, g_err, sizeof g_err), 0);
    assert_true(gamma == g);
    assert_int_equal(q[0], 1);
    assert_int_equal(q[1], -1);
}

/* Constructed ties of the published order: W*s exactly +-0.5 and +-1.5 with
 * s = 1/gamma rounded. Half to even: 0.5 -> 0, 1.5 -> 2 -> clamp 1. Three
 * gammas (found by search) where the exact division lands off the tie. */
static void quant_ternary_published_ties(void **state)
{
    (void)state;
    static const float gs[3] = {0x1.3c9166p+0f, 0x1.3c957cp+0f, 0x1.3c9a76p+0f};
    static const float hs[3] = {0x1.3c9168p-1f, 0x1.3c957ep-1f, 0x1.3c9a78p-1f};
    for (int c = 0; c < 3; c++) {
        const float g = gs[c], h = hs[c];
        /* |W| sums to 4g exactly: h + h + (g - h) + (g - h) + 2g - ... keep it
         * simple: {h, -h, 2g - h, -(2g - h)} has sum|W| = 4g, mean g. */
        const float w[4] = {h, -h, 2.0f * g - h, -(2.0f * g - h)};
        int8_t q[4];
        float gamma;
        assert_int_equal(slt_quant_ternary(w, 4, q, &gamma, g_err, sizeof g_err), 0);
        if (gamma != g) fail_msg("case %d: gamma %a, want %a", c, (double)gamma, (double)g);
        float s = 1.0f / g;
        assert_true(w[0] * s == 0.5f && w[1] * s == -0.5f);
        const int8_t want[4] = {0, 0, 1, -1};
        assert_memory_equal(q, want, sizeof want);
        assert_int_equal(slt_quant_ternary_mode(w, 4, SLT_QUANT_EXACT_DIV, q, &gamma, g_err, sizeof g_err), 0);
        const int8_t want_div[4] = {1, -1, 1, -1};
        assert_memory_equal(q, want_div, sizeof want_div);
    }
}

static void quant_ternary_mean_accumulated_in_double(void **state)
{
    (void)state;
    /* float32 running sum: 2^24 + 1 + 1 stays 2^24; the double sum is 2^24 + 2. */
    const float w[3] = {16777216.0f, 1.0f, 1.0f};
    int8_t q[3];
    float gamma;
    assert_int_equal(slt_quant_ternary(w, 3, q, &gamma, g_err, sizeof g_err), 0);
    assert_true(gamma == 5592406.0f);
    assert_int_equal(q[0], 1);
    assert_int_equal(q[1], 0);
}

static void quant_ternary_eps_clamp(void **state)
{
    (void)state;
    /* mean|W| = 2.5e-6 < 1e-5: gamma = 1e-5, so 4e-6 -> 0.4 -> 0 (it would be 1 unclamped). */
    const float w[4] = {4e-6f, -6e-6f, 0.0f, 0.0f};
    int8_t q[4];
    float gamma;
    assert_int_equal(slt_quant_ternary(w, 4, q, &gamma, g_err, sizeof g_err), 0);
    assert_true(gamma == 1e-5f);
    assert_int_equal(q[0], 0);
    assert_int_equal(q[1], -1);
    const float z[3] = {0.0f, -0.0f, 0.0f};
    assert_int_equal(slt_quant_ternary(z, 3, q, &gamma, g_err, sizeof g_err), 0);
    assert_true(gamma == 1e-5f);
    assert_int_equal(q[0] | q[1] | q[2], 0);
}

static void quant_binary_known_answers(void **state)
{
    (void)state;
    const float w[4] = {1.0f, 2.0f, 3.0f, -6.0f}; /* alpha = 0, beta = 3 */
    int8_t q[4];
    float beta;
    assert_int_equal(slt_quant_binary(w, 4, q, &beta, g_err, sizeof g_err), 0);
    assert_true(beta == 3.0f);
    const int8_t want[4] = {1, 1, 1, -1};
    assert_memory_equal(q, want, sizeof want);
    /* W == alpha is not > 0: -1. */
    const float e[3] = {0.5f, 1.0f, 1.5f};
    assert_int_equal(slt_quant_binary(e, 3, q, &beta, g_err, sizeof g_err), 0);
    assert_int_equal(q[0], -1);
    assert_int_equal(q[1], -1);
    assert_int_equal(q[2], 1);
    assert_true(beta == 1.0f);
    /* All zero: every weight -1, beta 0 (no eps clamp). */
    const float z[2] = {0.0f, 0.0f};
    assert_int_equal(slt_quant_binary(z, 2, q, &beta, g_err, sizeof g_err), 0);
    assert_int_equal(q[0], -1);
    assert_int_equal(q[1], -1);
    assert_true(beta == 0.0f);
}

static void quant_act_int8_half_way_to_even(void **state)
{
    (void)state;
    /* row 0: max|x| = 127 -> s = 1; row 1: max|x| = 1 -> s = 127, -0.5*127 = -63.5 -> -64. */
    const float x[12] = {0.5f, 1.5f, -2.5f, 127.0f, -127.0f, 2.5f, 1.0f, -0.5f, 0.0f, 0.0f, 0.0f, 0.0f};
    const int16_t want[12] = {0, 2, -2, 127, -127, 2, 127, -64, 0, 0, 0, 0};
    int16_t q[12];
    float s[2];
    assert_int_equal(slt_quant_act(x, 2, 6, 8, q, s, g_err, sizeof g_err), 0);
    assert_memory_equal(q, want, sizeof want);
    assert_true(s[0] == 1.0f);
    assert_true(s[1] == 127.0f);
}

/* The activation scale as torch computes 127 / amax: 127 * (1/amax), two
 * roundings. Row 0: amax = 0x1.00014p+0, s = 0x1.fbfd84p+6 (exact division:
 * 0x1.fbfd86p+6), and x = 0x1.42869ep-6 gives x*s = 2.5 exactly -> 2 (tie to
 * even); exact division gives 2.5000002 -> 3. Row 1: amax = 0x1.00004p+0,
 * x = 0x1.83066cp-7: 1.4999999 -> 1 published, an exact tie 1.5 -> 2 by division. */
static void quant_act_scale_rounds_twice(void **state)
{
    (void)state;
    const float x[4] = {0x1.00014p+0f, 0x1.42869ep-6f, -0x1.00004p+0f, 0x1.83066cp-7f};
    int16_t q[4];
    float s[2];
    assert_int_equal(slt_quant_act(x, 2, 2, 8, q, s, g_err, sizeof g_err), 0);
    assert_true(s[0] == 0x1.fbfd84p+6f);
    assert_true(x[1] * s[0] == 2.5f);
    const int16_t want[4] = {127, 2, -127, 1};
    assert_memory_equal(q, want, sizeof want);
    assert_int_equal(slt_quant_act_mode(x, 2, 2, 8, SLT_QUANT_EXACT_DIV, q, s, g_err, sizeof g_err), 0);
    assert_true(s[0] == 0x1.fbfd86p+6f);
    assert_true(x[3] * s[1] == 1.5f);
    const int16_t want_div[4] = {127, 3, -127, 2};
    assert_memory_equal(q, want_div, sizeof want_div);
}

static void quant_act_int4_and_int16(void **state)
{
    (void)state;
    const float x4[4] = {7.0f, 3.5f, -0.5f, 2.5f};
    const int16_t want4[4] = {7, 4, 0, 2};
    int16_t q[4];
    float s;
    assert_int_equal(slt_quant_act(x4, 1, 4, 4, q, &s, g_err, sizeof g_err), 0);
    assert_memory_equal(q, want4, sizeof want4);
    assert_true(s == 1.0f);
    const float x16[4] = {32767.0f, 0.5f, -1.5f, 16383.5f};
    const int16_t want16[4] = {32767, 0, -2, 16384};
    assert_int_equal(slt_quant_act(x16, 1, 4, 16, q, &s, g_err, sizeof g_err), 0);
    assert_memory_equal(q, want16, sizeof want16);
}

static void quant_act_eps_clamp_all_zero(void **state)
{
    (void)state;
    const float x[3] = {0.0f, 0.0f, 1e-7f};
    int16_t q[3];
    float s;
    assert_int_equal(slt_quant_act(x, 1, 3, 8, q, &s, g_err, sizeof g_err), 0);
    assert_true(s == 127.0f / 1e-5f);
    assert_int_equal(q[0], 0);
    assert_int_equal(q[2], 1); /* 1e-7 * 1.27e7 = 1.27 -> 1 */
}

static void quant_act_never_minus_q_minus_1(void **state)
{
    (void)state;
    uint64_t seed = slt_seed_from_env(1);
    slt_prng p;
    slt_prng_seed(&p, seed);
    static const int bits[3] = {4, 8, 16};
    enum { K = 37 };
    for (int rep = 0; rep < 3000; rep++) {
        int b = bits[rep % 3], qmax = (1 << (b - 1)) - 1;
        float x[K], s;
        int16_t q[K];
        /* Values spanning many magnitudes, so max|x| is awkward to divide by. */
        float mag = ldexpf(1.0f, (int)slt_prng_range(&p, -30, 30));
        for (int i = 0; i < K; i++) x[i] = mag * ((float)slt_prng_range(&p, -1000000, 1000000) / 999983.0f);
        assert_int_equal(slt_quant_act(x, 1, K, b, q, &s, g_err, sizeof g_err), 0);
        int amax_i = 0;
        for (int i = 0; i < K; i++) {
            if (fabsf(x[i]) > fabsf(x[amax_i])) amax_i = i;
            if (q[i] < -qmax || q[i] > qmax)
                fail_msg("seed %llu rep %d bits %d: q[%d] = %d outside +-%d", (unsigned long long)seed, rep, b, i, q[i],
                         qmax);
        }
        if (fabsf(x[amax_i]) >= 1e-5f && abs(q[amax_i]) != qmax)
            fail_msg("seed %llu rep %d bits %d: max|x| maps to %d, want +-%d", (unsigned long long)seed, rep, b,
                     q[amax_i], qmax);
    }
}

static void quant_bad_input_rejected(void **state)
{
    (void)state;
    const float nan_w[3] = {1.0f, NAN, 0.0f}, inf_w[2] = {INFINITY, 1.0f};
    int8_t q8[3];
    int16_t q16[3];
    float s;
    expect_err(slt_quant_ternary(nan_w, 3, q8, &s, g_err, sizeof g_err), "index 1");
    expect_err(slt_quant_binary(inf_w, 2, q8, &s, g_err, sizeof g_err), "not finite");
    expect_err(slt_quant_act(nan_w, 1, 3, 8, q16, &s, g_err, sizeof g_err), "index 1");
    expect_err(slt_quant_ternary(nan_w, 0, q8, &s, g_err, sizeof g_err), "empty");
    expect_err(slt_quant_binary(nan_w, 0, q8, &s, g_err, sizeof g_err), "empty");
    expect_err(slt_quant_act(inf_w, 0, 2, 8, q16, &s, g_err, sizeof g_err), "empty");
    expect_err(slt_quant_act(inf_w, 1, 0, 8, q16, &s, g_err, sizeof g_err), "empty");
    expect_err(slt_quant_act(inf_w + 1, 1, 1, 5, q16, &s, g_err, sizeof g_err), "bits = 5");
}

static void quant_dequant_operation_order(void **state)
{
    (void)state;
    /* (acc * w_scale) / a_scale, float32, left to right. */
    assert_true(slt_dequant(254, 0.5f, 127.0f) == 1.0f);
    float a = 3.0f, w = 0.1f;
    assert_true(slt_dequant(7, w, a) == (7.0f * w) / a);
    assert_true(slt_dequant(16777217, 1.0f, 1.0f) == 16777216.0f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(quant_ternary_half_way_to_even),
        cmocka_unit_test(quant_ternary_reciprocal_then_multiply),
        cmocka_unit_test(quant_ternary_published_ties),
        cmocka_unit_test(quant_act_scale_rounds_twice),
        cmocka_unit_test(quant_ternary_mean_accumulated_in_double),
        cmocka_unit_test(quant_ternary_eps_clamp),
        cmocka_unit_test(quant_binary_known_answers),
        cmocka_unit_test(quant_act_int8_half_way_to_even),
        cmocka_unit_test(quant_act_int4_and_int16),
        cmocka_unit_test(quant_act_eps_clamp_all_zero),
        cmocka_unit_test(quant_act_never_minus_q_minus_1),
        cmocka_unit_test(quant_bad_input_rejected),
        cmocka_unit_test(quant_dequant_operation_order),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
