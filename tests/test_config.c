/* test_config - the configuration parser: defaults, files, --set, every error path. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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
        {"group_size 3\n", "expected 'key = value'"}, {"= 3\n", "missing key"},
        {"act_bits = 8\nact_bits = 8\n", "duplicate key"}, {"name = a-b\n", "name"},
        {"row_lanes = 4x\n", "row_lanes"}, {"row_lanes =\n", "row_lanes"},
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
        cmocka_unit_test(config_hash_changes_with_any_key),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
