/* test_config - the configuration parser: defaults, files, --set, every error path. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "slt_config.h"

static char g_err[SLT_ERRLEN];

/* Write text to a temporary file and return its path (static buffer). */
static const char *tmp_cfg(const char *text)
{
    static char path[64];
    snprintf(path, sizeof path, "/tmp/slt_cfg_XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs(text, f);
    fclose(f);
    return path;
}

static int load_text(slt_config *cfg, const char *text)
{
    const char *p = tmp_cfg(text);
    slt_config_default(cfg);
    int rc = slt_config_load(cfg, p, g_err, sizeof g_err);
    if (!rc) rc = slt_config_finish(cfg, g_err, sizeof g_err);
    unlink(p);
    return rc;
}

static void config_default_matches_slim_cfg(void **state)
{
    (void)state;
    slt_config def, file;
    char path[1024];
    snprintf(path, sizeof path, "%s/configs/slim.cfg", getenv("SLT_TOP") ? getenv("SLT_TOP") : ".");
    slt_config_default(&def);
    assert_int_equal(slt_config_finish(&def, g_err, sizeof g_err), 0);
    slt_config_default(&file);
    assert_int_equal(slt_config_load(&file, path, g_err, sizeof g_err), 0);
    assert_int_equal(slt_config_finish(&file, g_err, sizeof g_err), 0);
    assert_string_equal(file.name, "slim");
    assert_true(slt_config_hash(&def) == slt_config_hash(&file));
}

static void config_acc_bits_derived_exactly(void **state)
{
    (void)state;
    /* 1 term of -128 * -1 = 128 needs 9 bits (max positive 255). */
    assert_int_equal(slt_config_min_acc_bits(1, 8), 9);
    /* 2 terms: 256 needs 10 bits (2^9 - 1 = 511 >= 256; 2^8 - 1 = 255 < 256). */
    assert_int_equal(slt_config_min_acc_bits(2, 8), 10);
    assert_int_equal(slt_config_min_acc_bits(8640, 8), 22);
    assert_int_equal(slt_config_min_acc_bits(1, 4), 5);
    assert_int_equal(slt_config_min_acc_bits(3, 4), 6);
    slt_config c;
    assert_int_equal(load_text(&c, "max_k = 64\nact_bits = 8\n"), 0);
    assert_int_equal(c.acc_bits, 15);
}

static void config_acc_bits_too_small_rejected(void **state)
{
    (void)state;
    slt_config c;
    assert_int_equal(load_text(&c, "max_k = 64\nacc_bits = 14\n"), SLT_EXIT_BADINPUT);
    assert_non_null(strstr(g_err, "acc_bits"));
    assert_non_null(strstr(g_err, "15"));
    assert_int_equal(load_text(&c, "max_k = 64\nacc_bits = 20\n"), 0);
    assert_int_equal(c.acc_bits, 20);
}

static void config_acc_over_32_bits_rejected(void **state)
{
    (void)state;
    slt_config c;
    assert_int_equal(load_text(&c, "max_k = 1048576\nact_bits = 16\n"), SLT_EXIT_BADINPUT);
    assert_non_null(strstr(g_err, "max_k"));
}

static void config_bad_values_name_key_and_range(void **state)
{
    (void)state;
    static const struct { const char *text, *must; } cases[] = {
        {"group_size = 6\n", "group_size"}, {"group_size = 1\n", "2..5"},
        {"act_bits = 7\n", "4, 8 or 16"},   {"lut_units = 0\n", "1..64"},
        {"row_lanes = abc\n", "row_lanes"}, {"bus_bits = 48\n", "power of two"},
        {"weight_format = t3\n", "t2, t5 or b1"}, {"clock_mhz = -5\n", "clock_mhz"},
        {"clock_mhz = nan\n", "clock_mhz"}, {"wbuf_kib = 99999999999\n", "wbuf_kib"},
        {"max_k = 2\ngroup_size = 3\n", "max_k"}, {"array = mul\n", "slt or addsub"},
        {"buffer_mode = yes\n", "auto or off"}, {"clock_gating = 1\n", "on or off"}, {"bogus = 1\n", "unknown key 'bogus'"},
        {"ecc = hamming\n", "none or secded"},
        {"group_size 3\n", "expected 'key = value'"}, {"= 3\n", "missing key"},
        {"act_bits = 8\nact_bits = 8\n", "duplicate key"}, {"name = a-b\n", "name"},
        {"row_lanes = 4x\n", "row_lanes"}, {"row_lanes =\n", "row_lanes"},
        /* one number syntax: decimal integers, plain decimal clock_mhz in 1..5000 */
        {"max_k = 0x10\n", "expected an integer"}, {"max_k = +16\n", "expected an integer"},
        {"max_k = 1e3\n", "expected an integer"}, {"clock_mhz = 0x10\n", "plain decimal"},
        {"clock_mhz = 1e-300\n", "plain decimal"}, {"clock_mhz = 0.5\n", "1..5000"},
        {"clock_mhz = 200.\n", "plain decimal"}, {"clock_mhz = +200\n", "plain decimal"},
        {"clock_mhz = inf\n", "plain decimal"}, {"clock_mhz = 5000.001\n", "1..5000"},
        /* clear messages for bytes that are not text */
        {"\xEF\xBB\xBFgroup_size = 3\n", "byte-order mark"}, {"grou\xc3\xa9p = 3\n", "byte 0xc3 at column 5"},
        {"group_size = 3\x01\n", "byte 0x01"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        slt_config c;
        g_err[0] = '\0';
        int rc = load_text(&c, cases[i].text);
        if (rc != SLT_EXIT_BADINPUT || !strstr(g_err, cases[i].must))
            fail_msg("case %zu '%s': rc=%d err='%s' (want '%s')", i, cases[i].text, rc, g_err, cases[i].must);
    }
}

static void config_comments_and_blanks_ignored(void **state)
{
    (void)state;
    slt_config c;
    assert_int_equal(load_text(&c, "clock_mhz = 187.5 # any bytes in a comment: \xc2\xa7\n"), 0);
    assert_true(c.clock_mhz == 187.5);
    assert_int_equal(load_text(&c, "# hello\n\n  group_size=4   # four\n\tname = demo\n"), 0);
    assert_int_equal(c.group_size, 4);
    assert_string_equal(c.name, "demo");
}

static void config_set_overrides_file(void **state)
{
    (void)state;
    const char *p = tmp_cfg("group_size = 4\nrow_lanes = 8\n");
    char a0[] = "prog", a1[] = "--set", a2[] = "row_lanes=2", a3[] = "--config", a4[256], a5[] = "pos";
    snprintf(a4, sizeof a4, "%s", p);
    char *argv[] = {a0, a1, a2, a3, a4, a5, NULL};
    int argc = 6;
    slt_config c;
    assert_int_equal(slt_config_from_args(&c, &argc, argv, g_err, sizeof g_err), 0);
    unlink(p);
    assert_int_equal(c.group_size, 4);
    assert_int_equal(c.row_lanes, 2);
    assert_int_equal(argc, 2);
    assert_string_equal(argv[1], "pos");
}

/* A NUL byte is named as such (not as a long line); a FIFO or a folder is
 * refused without blocking (alarm: a regression that blocks fails the test). */
static void config_nul_fifo_and_folder_are_errors(void **state)
{
    (void)state;
    char path[64];
    snprintf(path, sizeof path, "/tmp/slt_cfg_XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, "act_bits = 8\ngr\0oup = 1\n", 24), 24);
    close(fd);
    slt_config c;
    slt_config_default(&c);
    assert_int_equal(slt_config_load(&c, path, g_err, sizeof g_err), SLT_EXIT_BADINPUT);
    assert_non_null(strstr(g_err, ":2: NUL byte at column 3"));
    unlink(path);
    assert_int_equal(mkfifo(path, 0600), 0);
    alarm(30);
    assert_int_equal(slt_config_load(&c, path, g_err, sizeof g_err), SLT_EXIT_BADINPUT);
    alarm(0);
    assert_non_null(strstr(g_err, "not a regular file"));
    unlink(path);
    assert_int_equal(slt_config_load(&c, "/tmp", g_err, sizeof g_err), SLT_EXIT_BADINPUT);
    assert_non_null(strstr(g_err, "not a regular file"));
}

static void config_repeated_cli_options_are_errors(void **state)
{
    (void)state;
    slt_config c;
    char a0[] = "prog", a1[] = "--set", a2[] = "row_lanes=2", a3[] = "--set", a4[] = " row_lanes = 3";
    char *argv[] = {a0, a1, a2, a3, a4, NULL};
    int argc = 5;
    assert_int_equal(slt_config_from_args(&c, &argc, argv, g_err, sizeof g_err), SLT_EXIT_BADINPUT);
    assert_non_null(strstr(g_err, "--set row_lanes given twice"));
    char b1[] = "--config", b2[] = "a.cfg", b3[] = "--config", b4[] = "b.cfg";
    char *argv2[] = {a0, b1, b2, b3, b4, NULL};
    argc = 5;
    assert_int_equal(slt_config_from_args(&c, &argc, argv2, g_err, sizeof g_err), SLT_EXIT_BADINPUT);
    assert_non_null(strstr(g_err, "--config given twice"));
    char c2[] = "row_lanes=2", c4[] = "lut_units=3";
    char *argv3[] = {a0, a1, c2, a3, c4, NULL};
    argc = 5;
    assert_int_equal(slt_config_from_args(&c, &argc, argv3, g_err, sizeof g_err), 0);
}

static void config_missing_file_is_error(void **state)
{
    (void)state;
    slt_config c;
    slt_config_default(&c);
    assert_int_equal(slt_config_load(&c, "/nonexistent/x.cfg", g_err, sizeof g_err), SLT_EXIT_BADINPUT);
    assert_non_null(strstr(g_err, "/nonexistent/x.cfg"));
}

static void config_hash_changes_with_any_key(void **state)
{
    (void)state;
    slt_config a, b;
    slt_config_default(&a);
    slt_config_default(&b);
    assert_true(slt_config_hash(&a) == slt_config_hash(&b));
    assert_int_equal(slt_config_set(&b, "pipe_stages", "2", g_err, sizeof g_err), 0);
    assert_true(slt_config_hash(&a) != slt_config_hash(&b));
    slt_config_default(&b);
    assert_int_equal(slt_config_set(&b, "clock_gating", "off", g_err, sizeof g_err), 0);
    assert_true(slt_config_hash(&a) != slt_config_hash(&b));
}

/* ---- the contract: every advertised shape fits, or the configuration is refused ---- */

static void config_max_m_below_row_lanes_rejected(void **state)
{
    (void)state;
    slt_config c;
    assert_int_equal(load_text(&c, "row_lanes = 8\nmax_m = 5\n"), SLT_EXIT_BADINPUT);
    assert_non_null(strstr(g_err, "max_m = 5"));
    assert_non_null(strstr(g_err, "row_lanes = 8"));
    assert_non_null(strstr(g_err, "8..1048576"));
    assert_int_equal(load_text(&c, "row_lanes = 8\nmax_m = 8\n"), 0);
}

/* The smallest KiB the message names is accepted, one less is refused, and a
 * tiny buffer is refused (never raised to 2 words behind the user's back). */
static void load_with_kib(slt_config *c, const char *base, const char *key, long kib, int *rc)
{
    char text[512];
    int n = snprintf(text, sizeof text, "%s", base);
    static const char *const keys[] = {"wbuf_kib", "abuf_kib", "obuf_kib"};
    for (int i = 0; i < 3; i++)
        n += snprintf(text + n, sizeof text - (size_t)n, "%s = %ld\n", keys[i], strcmp(keys[i], key) ? 64 : kib);
    *rc = load_text(c, text);
}

static void expect_min_kib(const char *base, const char *key, long want_min)
{
    slt_config c;
    int rc;
    load_with_kib(&c, base, key, want_min - 1, &rc);
    if (rc != SLT_EXIT_BADINPUT) fail_msg("%s: %ld KiB accepted", key, want_min - 1);
    char must[64];
    snprintf(must, sizeof must, "raise %s to at least %ld", key, want_min);
    if (!strstr(g_err, must) || !strstr(g_err, "config: ")) fail_msg("%s: message '%s' lacks '%s'", key, g_err, must);
    load_with_kib(&c, base, key, want_min, &rc);
    if (rc) fail_msg("%s = %ld refused: %s", key, want_min, g_err);
}

static void config_buffer_too_small_names_key_and_minimum(void **state)
{
    (void)state;
    /* G=3 U=2 L=2 A=8 t2 (key 5 bits): wbuf word 2*2*5 = 20 bits, abuf word 48, obuf word 2*acc */
    const char *base = "group_size = 3\nlut_units = 2\nrow_lanes = 2\nact_bits = 8\nweight_format = t2\n"
                       "max_k = 600\nmax_m = 1000\nmax_n = 4\n";
    /* wbuf: 2 halves x 500 row blocks x 20 bits = 20000 bits -> 3 KiB */
    expect_min_kib(base, "wbuf_kib", 3);
    /* abuf: 4 tokens x 100 chunks x 48 bits = 19200 bits -> 3 KiB */
    expect_min_kib(base, "abuf_kib", 3);
    /* obuf: acc = 18 (600 * 128 < 2^17), 4 x 500 row blocks x 36 bits = 72000 bits -> 9 KiB */
    expect_min_kib(base, "obuf_kib", 9);
    /* a buffer that holds one word of the widest array is refused, not raised */
    slt_config c;
    assert_int_equal(load_text(&c, "group_size = 5\nlut_units = 64\nact_bits = 16\nmax_k = 320\nmax_n = 1\n"
                                   "abuf_kib = 1\nwbuf_kib = 65536\nobuf_kib = 65536\n"),
                     SLT_EXIT_BADINPUT);
    assert_non_null(strstr(g_err, "abuf_kib = 1 is too small"));
    /* beyond the largest legal buffer: the message says which keys to lower */
    assert_int_equal(load_text(&c, "row_lanes = 256\nlut_units = 64\ngroup_size = 5\nmax_m = 1048576\n"), SLT_EXIT_BADINPUT);
    assert_non_null(strstr(g_err, "wbuf_kib"));
    assert_non_null(strstr(g_err, "lower max_m"));
}

/* Seeded sweep: whatever slt_config_finish accepts holds the largest shape in
 * every buffer, computed here from docs/config.md's formulas. */
static void config_accepted_configs_fit_every_shape(void **state)
{
    (void)state;
    unsigned long long x = 88172645463325252ull;
    int accepted = 0, refused = 0;
    for (int i = 0; i < 4000; i++) {
        long r[10];
        for (int j = 0; j < 10; j++) {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            r[j] = (long)(x % 1000003ull);
        }
        slt_config c;
        slt_config_default(&c);
        c.group_size = 2 + (int)(r[0] % 4);
        c.act_bits = (int[]){4, 8, 16}[r[1] % 3];
        c.lut_units = 1 + (int)(r[2] % 8);
        c.row_lanes = 1 + (int)(r[3] % 8);
        c.max_k = c.group_size + (int)(r[4] % 3000);
        c.max_m = 1 + (int)(r[5] % 3000);
        c.max_n = 1 + (int)(r[6] % 8);
        c.wbuf_kib = 1 + (int)(r[7] % 40);
        c.abuf_kib = 1 + (int)(r[8] % 40);
        c.obuf_kib = 1 + (int)(r[9] % 40);
        c.weight_format = (slt_format)(r[0] / 4 % 3);
        c.psum_chunks = 1 << (r[7] / 40 % 4);
        if (slt_config_finish(&c, g_err, sizeof g_err)) {
            refused++;
            assert_int_equal(strncmp(g_err, "config: ", 8), 0);
            continue;
        }
        accepted++;
        long ug = c.lut_units * c.group_size, rb = (c.max_m + c.row_lanes - 1) / c.row_lanes;
        long nc = (c.max_k + ug - 1) / ug;
        int key = c.weight_format == SLT_FMT_B1 ? 1 + (c.group_size - 1) : 1 + (c.group_size == 2 ? 3 : c.group_size == 3 ? 4 : c.group_size == 4 ? 6 : 7);
        long regions = 2L * c.psum_chunks; /* 2C regions of RB row blocks */
        long wdepth = (long)c.wbuf_kib * 8192 / (c.row_lanes * c.lut_units * key) / regions * regions;
        long adepth = (long)c.abuf_kib * 8192 / (ug * c.act_bits);
        long odepth = (long)c.obuf_kib * 8192 / (c.row_lanes * c.acc_bits);
        assert_true(c.max_m >= c.row_lanes);
        assert_true(wdepth / regions >= rb && wdepth >= 2);
        assert_true(adepth >= c.max_n * nc && adepth >= 2);
        assert_true(odepth >= c.max_n * rb && odepth >= 2);
    }
    /* the sweep must exercise both outcomes */
    assert_true(accepted > 100 && refused > 100);
}

/* ecc = secded changes the hash and survives the canonical text; ecc = none writes
 * nothing, so configurations without ECC keep their hash. */
static void config_ecc_round_trips_and_changes_hash(void **state)
{
    (void)state;
    slt_config a, b, c;
    slt_config_default(&a);
    slt_config_default(&b);
    assert_int_equal(slt_config_set(&b, "ecc", "none", g_err, sizeof g_err), 0);
    assert_true(slt_config_hash(&a) == slt_config_hash(&b));
    assert_int_equal(slt_config_set(&b, "ecc", "secded", g_err, sizeof g_err), 0);
    assert_int_equal(b.ecc, SLT_ECC_SECDED);
    assert_true(slt_config_hash(&a) != slt_config_hash(&b));
    assert_int_equal(slt_config_finish(&b, g_err, sizeof g_err), 0);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    slt_config_write(&b, f);
    fclose(f);
    assert_non_null(strstr(buf, "ecc = secded\n"));
    int rc = load_text(&c, buf);
    free(buf);
    assert_int_equal(rc, 0);
    assert_int_equal(c.ecc, SLT_ECC_SECDED);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(config_default_matches_slim_cfg),
        cmocka_unit_test(config_acc_bits_derived_exactly),
        cmocka_unit_test(config_acc_bits_too_small_rejected),
        cmocka_unit_test(config_acc_over_32_bits_rejected),
        cmocka_unit_test(config_bad_values_name_key_and_range),
        cmocka_unit_test(config_comments_and_blanks_ignored),
        cmocka_unit_test(config_set_overrides_file),
        cmocka_unit_test(config_missing_file_is_error),
        cmocka_unit_test(config_nul_fifo_and_folder_are_errors),
        cmocka_unit_test(config_repeated_cli_options_are_errors),
        cmocka_unit_test(config_hash_changes_with_any_key),
        cmocka_unit_test(config_max_m_below_row_lanes_rejected),
        cmocka_unit_test(config_buffer_too_small_names_key_and_minimum),
        cmocka_unit_test(config_accepted_configs_fit_every_shape),
        cmocka_unit_test(config_ecc_round_trips_and_changes_hash),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
