/* test_secded - the SECDED code of ecc = secded (ref/slt_secded.c): every single-bit
 * flip of a codeword is corrected, every double flip is detected, for every data
 * width 1..160 and every SRAM word width of the shipped configurations (tiny, slim,
 * with ecc on). Random data from SEED (printed). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "slt_arrayif.h"
#include "slt_config.h"
#include "slt_prng.h"
#include "slt_secded.h"

#define MAXW 64 /* words of 64 bits: widths up to 4096 - 8 bits */

static uint64_t g_seed = 1;

static void rand_bits(slt_prng *p, uint64_t *v, int bits, int pattern)
{
    memset(v, 0, MAXW * sizeof *v);
    for (int b = 0; b < bits; b++) {
        int x = pattern == 0 ? 0 : pattern == 1 ? 1 : (int)slt_prng_range(p, 0, 1);
        if (x) slt_secded_flip(v, b);
    }
}

static int same(const uint64_t *a, const uint64_t *b, int bits)
{
    for (int i = 0; i < bits; i++)
        if (slt_secded_get(a, i) != slt_secded_get(b, i)) return 0;
    return 1;
}

/* Every single and (when pairs) every double flip of one codeword of width k. */
static long check_width(int k, slt_prng *p, int pattern, int pairs)
{
    uint64_t data[MAXW], code[MAXW], bad[MAXW], out[MAXW];
    int n = slt_secded_code_bits(k);
    long checked = 0;
    rand_bits(p, data, k, pattern);
    memset(code, 0, sizeof code);
    slt_secded_encode(k, data, code);
    for (int i = 0; i < k; i++)
        if (slt_secded_get(code, i) != slt_secded_get(data, i)) fail_msg("k=%d: data bit %d not systematic", k, i);
    if (slt_secded_decode(k, code, out) != SLT_SECDED_OK || !same(out, data, k))
        fail_msg("k=%d seed %llu: clean codeword not OK", k, (unsigned long long)g_seed);
    for (int a = 0; a < n; a++) {
        memcpy(bad, code, sizeof bad);
        slt_secded_flip(bad, a);
        if (slt_secded_decode(k, bad, out) != SLT_SECDED_CORRECTED || !same(out, data, k))
            fail_msg("k=%d seed %llu: single flip of bit %d not corrected", k, (unsigned long long)g_seed, a);
        checked++;
        for (int b = a + 1; pairs && b < n; b++) {
            slt_secded_flip(bad, b);
            if (slt_secded_decode(k, bad, out) != SLT_SECDED_UNCORRECTABLE)
                fail_msg("k=%d seed %llu: double flip of bits %d, %d not detected", k, (unsigned long long)g_seed, a,
                         b);
            slt_secded_flip(bad, b);
            checked++;
        }
    }
    return checked;
}

static void secded_check_bits_match_hamming_bound(void **state)
{
    (void)state;
    static const int k[] = {1, 2, 4, 5, 11, 12, 26, 27, 57, 58, 64, 120, 121, 247, 248};
    static const int r[] = {2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 7, 8, 8, 9};
    for (size_t i = 0; i < sizeof k / sizeof k[0]; i++) {
        assert_int_equal(slt_secded_check_bits(k[i]), r[i]);
        assert_int_equal(slt_secded_code_bits(k[i]), k[i] + r[i] + 1);
    }
    assert_int_equal(slt_secded_data_pos(0), 3);
    assert_int_equal(slt_secded_data_pos(1), 5);
    assert_int_equal(slt_secded_data_pos(4), 9);
    assert_int_equal(slt_secded_data_pos(10), 15);
    assert_int_equal(slt_secded_data_pos(11), 17);
}

static void secded_decode_corrects_single_detects_double_every_width(void **state)
{
    (void)state;
    slt_prng p;
    slt_prng_seed(&p, g_seed);
    long n = 0;
    for (int k = 1; k <= 160; k++)
        for (int pattern = 0; pattern < 3; pattern++) n += check_width(k, &p, pattern, 1);
    printf("  widths 1..160: %ld flips checked\n", n);
}

/* The SRAM word widths of a configuration's four buffers (emit_top.c geometry). */
static void widths_of(const char *cfgfile, int w[4])
{
    slt_config c;
    char err[SLT_ERRLEN], path[1024];
    snprintf(path, sizeof path, "%s/configs/%s", getenv("SLT_TOP") ? getenv("SLT_TOP") : ".", cfgfile);
    slt_config_default(&c);
    if (slt_config_load(&c, path, err, sizeof err) || slt_config_finish(&c, err, sizeof err)) fail_msg("%s", err);
    w[0] = c.row_lanes * c.lut_units * slt_row_field_bits(&c);
    w[1] = c.lut_units * c.group_size * c.act_bits;
    w[2] = c.row_lanes * c.acc_bits;
    w[3] = c.lut_units;
}

static void secded_decode_every_flip_of_shipped_sram_widths(void **state)
{
    (void)state;
    static const char *const cfgs[] = {"tiny.cfg", "slim.cfg"};
    slt_prng p;
    slt_prng_seed(&p, g_seed ^ 0x5ecdedull);
    for (size_t c = 0; c < 2; c++) {
        int w[4];
        long n = 0;
        widths_of(cfgs[c], w);
        for (int i = 0; i < 4; i++)
            for (int pattern = 0; pattern < 3; pattern++) n += check_width(w[i], &p, pattern, 1);
        printf("  %s widths wbuf %d abuf %d obuf %d modes %d: %ld flips checked\n", cfgs[c], w[0], w[1], w[2], w[3],
               n);
    }
}

/* A wide word (4000 bits, r = 12): every single flip, double flips on random pairs. */
static void secded_decode_wide_word(void **state)
{
    (void)state;
    slt_prng p;
    slt_prng_seed(&p, g_seed ^ 0x77ull);
    const int k = 4000;
    uint64_t data[MAXW], code[MAXW], bad[MAXW], out[MAXW];
    int n = slt_secded_code_bits(k);
    assert_int_equal(n, 4013);
    check_width(k, &p, 2, 0);
    rand_bits(&p, data, k, 2);
    memset(code, 0, sizeof code);
    slt_secded_encode(k, data, code);
    for (int t = 0; t < 2000; t++) {
        int a = (int)slt_prng_range(&p, 0, n - 1), b = (int)slt_prng_range(&p, 0, n - 2);
        if (b >= a) b++;
        memcpy(bad, code, sizeof bad);
        slt_secded_flip(bad, a);
        slt_secded_flip(bad, b);
        if (slt_secded_decode(k, bad, out) != SLT_SECDED_UNCORRECTABLE)
            fail_msg("k=%d seed %llu: double flip %d, %d not detected", k, (unsigned long long)g_seed, a, b);
    }
}

int main(void)
{
    if (getenv("SEED")) g_seed = strtoull(getenv("SEED"), NULL, 0);
    printf("test_secded: seed %llu (SEED=%llu replays)\n", (unsigned long long)g_seed, (unsigned long long)g_seed);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(secded_check_bits_match_hamming_bound),
        cmocka_unit_test(secded_decode_corrects_single_detects_double_every_width),
        cmocka_unit_test(secded_decode_every_flip_of_shipped_sram_widths),
        cmocka_unit_test(secded_decode_wide_word),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
