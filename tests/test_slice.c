/* test_slice - activation slicing (act_slice_bits, docs/numerics.md §8): the
 * slice decomposition, the slice tables against their declared entry width and
 * against the unsliced table, the sliced LUT GEMM (array schedule and fast
 * path) against the naive GEMM on random shapes with corner-case activations,
 * the event model's slice counts, and the config key's legality. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "slt_arrayif.h"
#include "slt_gemm.h"
#include "slt_pack.h"
#include "slt_prng.h"

static char g_err[SLT_ERRLEN];

static slt_config make_cfg(int g, int u, int l, slt_format f, int act_bits, int slice, slt_buffer_policy bm)
{
    slt_config c;
    slt_config_default(&c);
    c.group_size = g;
    c.lut_units = u;
    c.row_lanes = l;
    c.weight_format = f;
    c.act_bits = act_bits;
    c.act_slice_bits = slice;
    c.buffer_mode = bm;
    c.max_k = 4096;
    c.max_m = 1024; /* the slim buffers hold every shape of this size (docs/config.md) */
    c.pipe_stages = 1;
    c.bus_bits = 32;
    if (slt_config_finish(&c, g_err, sizeof g_err)) fail_msg("config: %s", g_err);
    return c;
}

/* Every A-bit value is the sum of its slices; top slice signed, lower unsigned. */
static void slice_join_equals_activation_every_value(void **state)
{
    (void)state;
    for (int a = 8; a <= 16; a += 8) {
        int ns = a / 4;
        for (int32_t v = -(1 << (a - 1)); v < (1 << (a - 1)); v++) {
            int64_t sum = 0;
            for (int s = 0; s < ns; s++) {
                int32_t sl = slt_act_slice(v, s, a, 4);
                int lo = s == ns - 1 ? -8 : 0, hi = s == ns - 1 ? 7 : 15;
                if (sl < lo || sl > hi) fail_msg("act_bits %d: slice %d of %d = %d outside %d..%d", a, s, v, sl, lo, hi);
                sum += (int64_t)sl * ((int64_t)1 << (4 * s));
            }
            if (sum != v) fail_msg("act_bits %d: slices of %d join to %lld", a, v, (long long)sum);
        }
    }
    /* slicing off: one slice, the value itself */
    assert_int_equal(slt_act_slice(-128, 0, 8, 0), -128);
    assert_int_equal(slt_act_slice(-32768, 0, 16, 0), -32768);
}

/* Corner activations: all minimum, all maximum, all ones (-1), alternating
 * extremes, zeros, then random. */
static void corner_acts(slt_prng *p, int16_t *a, int g, int act_bits, int rep)
{
    int lo = -(1 << (act_bits - 1)), hi = -lo - 1;
    for (int i = 0; i < g; i++)
        a[i] = (int16_t)(rep == 0   ? lo
                         : rep == 1 ? hi
                         : rep == 2 ? -1
                         : rep == 3 ? (i % 2 ? lo : hi)
                         : rep == 4 ? 0
                         : rep == 5 ? (i % 2 ? -1 : lo)
                                    : slt_prng_range(p, lo, hi));
}

/* Each slice table entry fits slt_slice_entry_bits (what the RTL registers
 * hold), and every key reads the unsliced table's value. */
static void slice_tables_fit_and_match_unsliced(void **state)
{
    (void)state;
    uint64_t seed = slt_seed_from_env(1);
    slt_prng p;
    slt_prng_seed(&p, seed);
    int checked = 0;
    for (int g = 2; g <= 5; g++)
        for (int binary = 0; binary <= 1; binary++)
            for (int a = 8; a <= 16; a += 8) {
                slt_config c = make_cfg(g, 1, 1, binary ? SLT_FMT_B1 : SLT_FMT_T2, a, 4, SLT_BUFMODE_AUTO);
                int ew = slt_slice_entry_bits(&c), ns = slt_act_slices(&c), ent = slt_table_entries(g, binary);
                int64_t lim = (int64_t)1 << (ew - 1);
                for (int rep = 0; rep < 60; rep++) {
                    int16_t acts[5];
                    int32_t sl[4 * 121], full[121];
                    corner_acts(&p, acts, g, a, rep);
                    slt_table_build_sliced(acts, g, binary, a, 4, sl);
                    slt_table_build(acts, g, binary, full);
                    for (int j = 0; j < ns * ent; j++)
                        if (sl[j] < -lim || sl[j] >= lim)
                            fail_msg("seed %llu G=%d %s A=%d rep %d: slice %d entry %d = %d does not fit %d bits",
                                     (unsigned long long)seed, g, binary ? "b1" : "t2", a, rep, j / ent, j % ent, sl[j],
                                     ew);
                    for (uint32_t key = 0; key < (1u << slt_key_bits(g, binary)); key++) {
                        int32_t want = slt_table_lookup(full, key, g, binary);
                        int32_t got = slt_table_lookup_sliced(sl, key, g, binary, a, 4);
                        if (got != want)
                            fail_msg("seed %llu G=%d %s A=%d rep %d key %u: sliced %d, unsliced %d",
                                     (unsigned long long)seed, g, binary ? "b1" : "t2", a, rep, key, got, want);
                        checked++;
                    }
                }
            }
    print_message("%d sliced look-ups matched, seed %llu\n", checked, (unsigned long long)seed);
}

/* The widths the generator uses (docs/array.md table), G = 3: 7-bit slice entries. */
static void slice_entry_bits_known_values(void **state)
{
    (void)state;
    slt_config c = make_cfg(3, 4, 4, SLT_FMT_T5, 8, 4, SLT_BUFMODE_AUTO);
    assert_int_equal(slt_act_slices(&c), 2);
    assert_int_equal(slt_slice_entry_bits(&c), 7); /* 3*15 = 45 */
    assert_int_equal(slt_entry_bits(&c), 10);      /* 3*128 = 384 */
    c = make_cfg(2, 4, 4, SLT_FMT_T5, 16, 4, SLT_BUFMODE_AUTO);
    assert_int_equal(slt_act_slices(&c), 4);
    assert_int_equal(slt_slice_entry_bits(&c), 6); /* 2*15 = 30 */
    c = make_cfg(5, 4, 4, SLT_FMT_B1, 8, 0, SLT_BUFMODE_AUTO);
    assert_int_equal(slt_act_slices(&c), 1);
    assert_int_equal(slt_slice_entry_bits(&c), slt_entry_bits(&c));
}

/* One random GEMM with slicing: naive = LUT (array schedule) = fast path, and
 * the events are the unsliced ones plus the slice counts. */
static int run_case(slt_prng *p, uint64_t seed, int rep)
{
    static const slt_format fmts[3] = {SLT_FMT_T2, SLT_FMT_T5, SLT_FMT_B1};
    int g = (int)slt_prng_range(p, 2, 5), u = (int)slt_prng_range(p, 1, 9), l = (int)slt_prng_range(p, 1, 9);
    int m = (int)slt_prng_range(p, 1, 30), k = (int)slt_prng_range(p, 1, 80), n = (int)slt_prng_range(p, 1, 3);
    int a = slt_prng_range(p, 0, 1) ? 16 : 8, xkind = (int)slt_prng_range(p, 0, 6), wkind = (int)slt_prng_range(p, 0, 3);
    slt_format fmt = fmts[slt_prng_range(p, 0, 2)];
    slt_buffer_policy bm = slt_prng_range(p, 0, 3) ? SLT_BUFMODE_AUTO : SLT_BUFMODE_OFF;
    char what[200];
    snprintf(what, sizeof what, "seed %llu case %d: G=%d U=%d L=%d M=%d K=%d N=%d %s A=%d x%d w%d",
             (unsigned long long)seed, rep, g, u, l, m, k, n, slt_format_name(fmt), a, xkind, wkind);
    slt_config cs = make_cfg(g, u, l, fmt, a, 4, bm), c0 = make_cfg(g, u, l, fmt, a, 0, bm);
    int8_t *w = malloc((size_t)m * k);
    int16_t *x = malloc((size_t)n * k * sizeof *x);
    int32_t *y0 = malloc((size_t)n * m * sizeof *y0), *y1 = malloc((size_t)n * m * sizeof *y1),
            *y2 = malloc((size_t)n * m * sizeof *y2);
    int lo = -(1 << (a - 1)), hi = -lo - 1;
    for (int i = 0; i < m * k; i++) {
        int v = fmt == SLT_FMT_B1 ? (slt_prng_range(p, 0, 1) ? 1 : -1)
                : wkind == 0     ? (int)slt_prng_range(p, -1, 1)
                : wkind == 1     ? (slt_prng_range(p, 0, 1) ? 1 : -1)
                                 : (slt_prng_range(p, 0, 6) ? 0 : (slt_prng_range(p, 0, 1) ? 1 : -1));
        w[i] = (int8_t)v;
    }
    for (int i = 0; i < n * k; i++) {
        int v = xkind == 0   ? lo
                : xkind == 1 ? hi
                : xkind == 2 ? -1
                : xkind == 3 ? (slt_prng_range(p, 0, 1) ? lo : hi)
                             : (int)slt_prng_range(p, lo, hi);
        x[i] = (int16_t)v;
    }
    slt_events ev, pr, e0;
    slt_stream st;
    if (slt_gemm_naive(w, x, y0, m, k, n, g_err, sizeof g_err)) fail_msg("%s: naive: %s", what, g_err);
    if (slt_gemm_lut(&cs, w, x, y1, m, k, n, &ev, g_err, sizeof g_err)) fail_msg("%s: lut: %s", what, g_err);
    if (slt_stream_build(&cs, w, m, k, &st, g_err, sizeof g_err)) fail_msg("%s: stream: %s", what, g_err);
    if (slt_gemm_lut_stream(&st, x, y2, n, g_err, sizeof g_err)) fail_msg("%s: fast: %s", what, g_err);
    for (int i = 0; i < n * m; i++)
        if (y1[i] != y0[i] || y2[i] != y0[i])
            fail_msg("%s: y[%d][%d]: naive %d, sliced lut %d, sliced fast %d", what, i / m, i % m, y0[i], y1[i], y2[i]);
    if (slt_predict(&cs, w, m, k, n, &pr, g_err, sizeof g_err)) fail_msg("%s: predict: %s", what, g_err);
    if (memcmp(&ev, &pr, sizeof ev)) fail_msg("%s: slt_gemm_lut events differ from slt_predict", what);
    if (slt_predict(&c0, w, m, k, n, &e0, g_err, sizeof g_err)) fail_msg("%s: predict: %s", what, g_err);
    uint64_t S = (uint64_t)(a / 4);
    if (ev.cycles != e0.cycles || ev.compute_cycles != e0.compute_cycles || ev.table_builds != e0.table_builds ||
        ev.lookups != e0.lookups || ev.accumulates != e0.accumulates)
        fail_msg("%s: slicing changed cycles/builds/lookups (%llu/%llu/%llu vs %llu/%llu/%llu)", what,
                 (unsigned long long)ev.cycles, (unsigned long long)ev.table_builds, (unsigned long long)ev.lookups,
                 (unsigned long long)e0.cycles, (unsigned long long)e0.table_builds, (unsigned long long)e0.lookups);
    if (ev.slice_tables != S * e0.table_builds || ev.build_adds != S * e0.build_adds ||
        ev.slice_reads != S * e0.accumulates || ev.slice_adds != (S - 1) * e0.accumulates)
        fail_msg("%s: slice counts %llu tables, %llu adds, %llu reads, %llu joins for S = %llu", what,
                 (unsigned long long)ev.slice_tables, (unsigned long long)ev.build_adds,
                 (unsigned long long)ev.slice_reads, (unsigned long long)ev.slice_adds, (unsigned long long)S);
    if (e0.slice_tables != e0.table_builds || e0.slice_reads != e0.accumulates || e0.slice_adds)
        fail_msg("%s: unsliced slice counts must equal the plain ones", what);
    slt_stream_free(&st);
    free(w), free(x), free(y0), free(y1), free(y2);
    return ev.buffer_groups > 0;
}

static void slice_gemm_equals_naive_random_shapes(void **state)
{
    (void)state;
    uint64_t seed = slt_seed_from_env(1);
    slt_prng p;
    slt_prng_seed(&p, seed);
    int buffered = 0;
    for (int rep = 0; rep < 1500; rep++) buffered += run_case(&p, seed, rep);
    if (buffered < 30) fail_msg("seed %llu: only %d of 1500 cases used buffer mode", (unsigned long long)seed, buffered);
    print_message("matched 1500 sliced random shapes (%d with buffer mode), seed %llu\n", buffered,
                  (unsigned long long)seed);
}

static void expect_refused(const char *const *sets, const char *must)
{
    slt_config c;
    slt_config_default(&c);
    int rc = 0;
    for (int i = 0; sets[i] && !rc; i++) rc = slt_config_set_kv(&c, sets[i], g_err, sizeof g_err);
    if (!rc) rc = slt_config_finish(&c, g_err, sizeof g_err);
    if (rc != SLT_EXIT_BADINPUT || !strstr(g_err, "act_slice_bits") || !strstr(g_err, must))
        fail_msg("%s: rc=%d err='%s' (want act_slice_bits and '%s')", sets[0], rc, g_err, must);
}

static void slice_config_refuses_illegal_values(void **state)
{
    (void)state;
    expect_refused((const char *const[]){"act_slice_bits=3", NULL}, "0 (off) or 4");
    expect_refused((const char *const[]){"act_slice_bits=8", NULL}, "0..4");
    expect_refused((const char *const[]){"act_slice_bits=-1", NULL}, "0..4");
    expect_refused((const char *const[]){"act_slice_bits=4", "act_bits=4", NULL}, "divide act_bits");
    expect_refused((const char *const[]){"act_slice_bits=4", "array=addsub", NULL}, "addsub");
    slt_config c;
    slt_config_default(&c);
    assert_int_equal(slt_config_set_kv(&c, "act_slice_bits=4", g_err, sizeof g_err), 0);
    assert_int_equal(slt_config_set_kv(&c, "act_bits=16", g_err, sizeof g_err), 0);
    assert_int_equal(slt_config_finish(&c, g_err, sizeof g_err), 0);
    assert_int_equal(slt_act_slices(&c), 4);
}

/* The key appears in the canonical text (and the hash) only when on. */
static void slice_config_canonical_text(void **state)
{
    (void)state;
    slt_config a, b;
    slt_config_default(&a);
    slt_config_default(&b);
    assert_int_equal(slt_config_set_kv(&b, "act_slice_bits=4", g_err, sizeof g_err), 0);
    assert_int_equal(slt_config_finish(&a, g_err, sizeof g_err), 0);
    assert_int_equal(slt_config_finish(&b, g_err, sizeof g_err), 0);
    char *ta = NULL, *tb = NULL;
    size_t la = 0, lb = 0;
    FILE *f = open_memstream(&ta, &la);
    slt_config_write(&a, f);
    fclose(f);
    f = open_memstream(&tb, &lb);
    slt_config_write(&b, f);
    fclose(f);
    assert_null(strstr(ta, "act_slice_bits"));
    assert_non_null(strstr(tb, "act_slice_bits = 4\n"));
    assert_true(slt_config_hash(&a) != slt_config_hash(&b));
    free(ta);
    free(tb);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(slice_join_equals_activation_every_value),
        cmocka_unit_test(slice_tables_fit_and_match_unsliced),
        cmocka_unit_test(slice_entry_bits_known_values),
        cmocka_unit_test(slice_gemm_equals_naive_random_shapes),
        cmocka_unit_test(slice_config_refuses_illegal_values),
        cmocka_unit_test(slice_config_canonical_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
