/* test_pack - packed weight formats t2/t5/b1 and the LUT key format
 * (docs/numerics.md §2, §3): known bytes, round trips, every invalid code. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "slt_pack.h"
#include "slt_prng.h"

static char g_err[SLT_ERRLEN];

static void expect_err(int rc, const char *must)
{
    if (rc != SLT_EXIT_BADINPUT || !strstr(g_err, must)) fail_msg("rc=%d err='%s' (want '%s')", rc, g_err, must);
}

static void pack_t2_known_bytes(void **state)
{
    (void)state;
    /* codes 0,1,2,1 at bits 0-1,2-3,4-5,6-7 -> 0b01100100; then code 2 + padding 01 01 01. */
    const int8_t w[5] = {-1, 0, 1, 0, 1};
    uint8_t out[2];
    assert_int_equal(slt_packed_bytes(SLT_FMT_T2, 5), 2);
    assert_int_equal(slt_pack(SLT_FMT_T2, w, 5, out, g_err, sizeof g_err), 0);
    assert_int_equal(out[0], 0x64);
    assert_int_equal(out[1], 0x56);
}

static void pack_t5_known_bytes(void **state)
{
    (void)state;
    /* trits w+1 = 2,0,1,2,0 -> 2 + 0*3 + 1*9 + 2*27 + 0*81 = 65 (the docs example). */
    const int8_t w[6] = {1, -1, 0, 1, -1, 1};
    uint8_t out[2];
    assert_int_equal(slt_packed_bytes(SLT_FMT_T5, 6), 2);
    assert_int_equal(slt_pack(SLT_FMT_T5, w, 6, out, g_err, sizeof g_err), 0);
    assert_int_equal(out[0], 65);
    /* 2 + padding trits 1: 2 + 3 + 9 + 27 + 81 = 122. */
    assert_int_equal(out[1], 122);
    const int8_t all_p[5] = {1, 1, 1, 1, 1}, all_m[5] = {-1, -1, -1, -1, -1};
    assert_int_equal(slt_pack(SLT_FMT_T5, all_p, 5, out, g_err, sizeof g_err), 0);
    assert_int_equal(out[0], 242);
    assert_int_equal(slt_pack(SLT_FMT_T5, all_m, 5, out, g_err, sizeof g_err), 0);
    assert_int_equal(out[0], 0);
}

static void pack_b1_known_bytes(void **state)
{
    (void)state;
    const int8_t w[9] = {1, -1, -1, 1, 1, 1, -1, 1, -1};
    uint8_t out[2];
    assert_int_equal(slt_packed_bytes(SLT_FMT_B1, 9), 2);
    assert_int_equal(slt_pack(SLT_FMT_B1, w, 9, out, g_err, sizeof g_err), 0);
    assert_int_equal(out[0], 0xB9);
    assert_int_equal(out[1], 0x00); /* weight 8 is -1, padding bits 0 */
}

static void pack_round_trip_every_format_ragged(void **state)
{
    (void)state;
    uint64_t seed = slt_seed_from_env(1);
    slt_prng p;
    slt_prng_seed(&p, seed);
    const slt_format fmts[3] = {SLT_FMT_T2, SLT_FMT_T5, SLT_FMT_B1};
    for (int f = 0; f < 3; f++)
        for (size_t n = 1; n <= 17; n++)
            for (int rep = 0; rep < 20; rep++) {
                int8_t w[17], back[17];
                uint8_t buf[8];
                for (size_t i = 0; i < n; i++)
                    w[i] = (int8_t)(fmts[f] == SLT_FMT_B1 ? (slt_prng_range(&p, 0, 1) ? 1 : -1)
                                                          : slt_prng_range(&p, -1, 1));
                size_t nb = slt_packed_bytes(fmts[f], n);
                int rc1 = slt_pack(fmts[f], w, n, buf, g_err, sizeof g_err);
                int rc2 = rc1 ? rc1 : slt_unpack(fmts[f], buf, nb, n, back, g_err, sizeof g_err);
                if (rc2 || memcmp(w, back, n))
                    fail_msg("seed %llu: format %s n=%zu rep %d: round trip failed rc=%d err='%s'",
                             (unsigned long long)seed, slt_format_name(fmts[f]), n, rep, rc2, g_err);
            }
}

static void pack_padding_is_zero_weight(void **state)
{
    (void)state;
    /* The tail of the last byte decodes as zero weights (t2, t5) / -1 bits (b1). */
    const int8_t w[1] = {1};
    uint8_t b;
    int8_t back[8];
    assert_int_equal(slt_pack(SLT_FMT_T2, w, 1, &b, g_err, sizeof g_err), 0);
    assert_int_equal(slt_unpack(SLT_FMT_T2, &b, 1, 4, back, g_err, sizeof g_err), 0);
    assert_int_equal(back[1], 0);
    assert_int_equal(back[3], 0);
    assert_int_equal(slt_pack(SLT_FMT_T5, w, 1, &b, g_err, sizeof g_err), 0);
    assert_int_equal(slt_unpack(SLT_FMT_T5, &b, 1, 5, back, g_err, sizeof g_err), 0);
    assert_int_equal(back[4], 0);
    assert_int_equal(slt_pack(SLT_FMT_B1, w, 1, &b, g_err, sizeof g_err), 0);
    assert_int_equal(b, 1);
}

static void pack_invalid_codes_name_offset(void **state)
{
    (void)state;
    int8_t w[16];
    uint8_t t2[3] = {0x55, 0x57, 0x55}; /* weight 4 (byte 1, bits 0..1) has code 3 */
    expect_err(slt_unpack(SLT_FMT_T2, t2, 3, 12, w, g_err, sizeof g_err), "byte offset 1");
    assert_non_null(strstr(g_err, "weight 4"));
    uint8_t t5[3] = {121, 121, 243};
    expect_err(slt_unpack(SLT_FMT_T5, t5, 3, 15, w, g_err, sizeof g_err), "byte offset 2");
    assert_non_null(strstr(g_err, "243"));
    t5[2] = 255;
    expect_err(slt_unpack(SLT_FMT_T5, t5, 3, 11, w, g_err, sizeof g_err), "byte offset 2");
}

static void pack_padding_code_validated(void **state)
{
    (void)state;
    int8_t w[8];
    /* 2 weights: codes 01 01, padding 01 11 -> the code 3 sits in the padding. */
    uint8_t t2 = 0xD5;
    expect_err(slt_unpack(SLT_FMT_T2, &t2, 1, 2, w, g_err, sizeof g_err), "padding at byte offset 0");
    /* Padding trits and bits carry no invalid code; any value there is ignored. */
    uint8_t t5 = 242;
    assert_int_equal(slt_unpack(SLT_FMT_T5, &t5, 1, 1, w, g_err, sizeof g_err), 0);
    assert_int_equal(w[0], 1);
    uint8_t b1 = 0xFF;
    assert_int_equal(slt_unpack(SLT_FMT_B1, &b1, 1, 3, w, g_err, sizeof g_err), 0);
}

static void pack_stream_length_checked(void **state)
{
    (void)state;
    int8_t w[16];
    uint8_t buf[4] = {0x55, 0x55, 0x55, 0x55};
    expect_err(slt_unpack(SLT_FMT_T2, buf, 2, 9, w, g_err, sizeof g_err), "too short");
    expect_err(slt_unpack(SLT_FMT_T2, buf, 4, 9, w, g_err, sizeof g_err), "trailing");
    assert_int_equal(slt_unpack(SLT_FMT_T2, buf, 3, 9, w, g_err, sizeof g_err), 0);
}

static void pack_bad_weights_rejected(void **state)
{
    (void)state;
    const int8_t b[4] = {1, -1, 0, 1};
    uint8_t out[4];
    expect_err(slt_pack(SLT_FMT_B1, b, 4, out, g_err, sizeof g_err), "weight 2 is 0");
    const int8_t t[3] = {1, 2, 0};
    expect_err(slt_pack(SLT_FMT_T2, t, 3, out, g_err, sizeof g_err), "weight 1 is 2");
    expect_err(slt_pack(SLT_FMT_T5, t, 3, out, g_err, sizeof g_err), "weight 1 is 2");
}

static int pow3(int g)
{
    int p = 1;
    while (g-- > 0) p *= 3;
    return p;
}

static void key_sizes_match_docs(void **state)
{
    (void)state;
    static const int mag[6] = {0, 0, 3, 4, 6, 7};
    for (int g = 2; g <= 5; g++) {
        assert_int_equal(slt_key_mag_bits(g, 0), mag[g]);
        assert_int_equal(slt_key_bits(g, 0), mag[g] + 1);
        assert_int_equal(slt_table_entries(g, 0), (pow3(g) - 1) / 2);
        assert_int_equal(slt_key_mag_bits(g, 1), g - 1);
        assert_int_equal(slt_key_bits(g, 1), g);
        assert_int_equal(slt_table_entries(g, 1), 1 << (g - 1));
    }
}

static void key_worked_examples(void **state)
{
    (void)state;
    /* ternary G=3, w = (+1, 0, -1): s = 1 - 9 = -8 -> key = 1<<4 | 8 = 24. */
    const int8_t t[3] = {1, 0, -1};
    assert_int_equal(slt_key_encode(t, 3, 0), 24);
    /* binary G=3, w = (-1, +1, -1): sign 1, v = (+1, -1, +1) -> key = 1<<2 | 1 = 5. */
    const int8_t b[3] = {-1, 1, -1};
    assert_int_equal(slt_key_encode(b, 3, 1), 5);
}

/* Patterns of G ternary digits enumerated as base-3 counters. */
static void ternary_pattern(int idx, int g, int8_t *w)
{
    for (int i = 0; i < g; i++, idx /= 3) w[i] = (int8_t)(idx % 3 - 1);
}

static void key_ternary_round_trip_all_patterns(void **state)
{
    (void)state;
    for (int g = 2; g <= 5; g++) {
        uint8_t seen[256] = {0};
        for (int idx = 0; idx < pow3(g); idx++) {
            int8_t w[5], back[5], neg[5];
            ternary_pattern(idx, g, w);
            uint32_t key = slt_key_encode(w, g, 0);
            assert_true(key < (1u << slt_key_bits(g, 0)));
            if (seen[key]++) fail_msg("G=%d pattern %d: key %u not unique", g, idx, key);
            assert_int_equal(slt_key_decode(key, g, 0, back), 0);
            assert_memory_equal(w, back, (size_t)g);
            int nz = 0;
            for (int i = 0; i < g; i++) nz += w[i] != 0, neg[i] = (int8_t)-w[i];
            assert_int_equal(slt_key_is_single(key, g), nz <= 1);
            /* Mirror symmetry: the negated pattern differs only in the sign bit. */
            if (key) assert_int_equal(slt_key_encode(neg, g, 0), key ^ (1u << slt_key_mag_bits(g, 0)));
        }
    }
}

static void key_binary_round_trip_all_patterns(void **state)
{
    (void)state;
    for (int g = 2; g <= 5; g++) {
        uint8_t seen[32] = {0};
        for (int idx = 0; idx < 1 << g; idx++) {
            int8_t w[5], back[5], neg[5];
            for (int i = 0; i < g; i++) w[i] = (int8_t)((idx >> i & 1) ? 1 : -1), neg[i] = (int8_t)-w[i];
            uint32_t key = slt_key_encode(w, g, 1);
            assert_true(key < (1u << g));
            if (seen[key]++) fail_msg("G=%d pattern %d: key %u not unique", g, idx, key);
            assert_int_equal(slt_key_decode(key, g, 1, back), 0);
            assert_memory_equal(w, back, (size_t)g);
            assert_int_equal(slt_key_encode(neg, g, 1), key ^ (1u << (g - 1)));
        }
    }
}

static void key_invalid_rejected(void **state)
{
    (void)state;
    int8_t w[5];
    for (int g = 2; g <= 5; g++) {
        int mb = slt_key_mag_bits(g, 0), valid = 0;
        for (uint32_t key = 0; key < (4u << mb); key++) valid += slt_key_decode(key, g, 0, w) == 0;
        assert_int_equal(valid, pow3(g));
        assert_int_equal(slt_key_decode(1u << mb, g, 0, w), -1); /* "-0" */
        assert_int_equal(slt_key_decode((uint32_t)slt_table_entries(g, 0) + 1, g, 0, w), -1);
        assert_int_equal(slt_key_decode(2u << mb, g, 0, w), -1);
        assert_int_equal(slt_key_is_single(1u << mb, g), 0);
        assert_int_equal(slt_key_decode(1u << g, g, 1, w), -1);
        assert_int_equal(slt_key_decode((1u << g) - 1, g, 1, w), 0);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(pack_t2_known_bytes),
        cmocka_unit_test(pack_t5_known_bytes),
        cmocka_unit_test(pack_b1_known_bytes),
        cmocka_unit_test(pack_round_trip_every_format_ragged),
        cmocka_unit_test(pack_padding_is_zero_weight),
        cmocka_unit_test(pack_invalid_codes_name_offset),
        cmocka_unit_test(pack_padding_code_validated),
        cmocka_unit_test(pack_stream_length_checked),
        cmocka_unit_test(pack_bad_weights_rejected),
        cmocka_unit_test(key_sizes_match_docs),
        cmocka_unit_test(key_worked_examples),
        cmocka_unit_test(key_ternary_round_trip_all_patterns),
        cmocka_unit_test(key_binary_round_trip_all_patterns),
        cmocka_unit_test(key_invalid_rejected),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
