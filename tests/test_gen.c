/* test_gen - the generator: CLI behaviour, the all-or-nothing output folder,
 * headers that agree with the configuration and with each other, module names,
 * file headers, one module per file, speed, and a seeded sweep of random
 * configurations. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "gen_design.h"
#include "slt_arrayif.h"
#include "slt_config.h"
#include "slt_gen.h"
#include "slt_pack.h"
#include "slt_prng.h"

static char g_top[1024], g_tmp[256], g_err_text[4096];

static const char *top_path(const char *rel)
{
    static char path[2][1200];
    static int which;
    which ^= 1;
    snprintf(path[which], sizeof path[which], "%s/%s", g_top, rel);
    return path[which];
}

static void remove_tree(const char *path)
{
    DIR *d = opendir(path);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d))) {
            if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
            char child[1024];
            struct stat st;
            snprintf(child, sizeof child, "%s/%s", path, e->d_name);
            if (!lstat(child, &st) && S_ISDIR(st.st_mode)) remove_tree(child);
            else unlink(child);
        }
        closedir(d);
    }
    rmdir(path);
}

static int exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* Run sltgen in-process with "--rtl-dir <top>/rtl --quiet" added; stderr is
 * captured into g_err_text. Arguments end with NULL. */
static int run_gen(const char *first, ...)
{
    char *argv[64], store[64][1200];
    int argc = 0;
    snprintf(store[argc], sizeof store[argc], "sltgen");
    argv[argc] = store[argc];
    argc++;
    va_list ap;
    va_start(ap, first);
    for (const char *a = first; a; a = va_arg(ap, const char *)) {
        snprintf(store[argc], sizeof store[argc], "%s", a);
        argv[argc] = store[argc];
        argc++;
    }
    va_end(ap);
    const char *extra[] = {"--rtl-dir", top_path("rtl"), "--quiet"};
    for (size_t i = 0; i < 3; i++) {
        snprintf(store[argc], sizeof store[argc], "%s", extra[i]);
        argv[argc] = store[argc];
        argc++;
    }
    argv[argc] = NULL;
    fflush(stderr);
    FILE *cap = tmpfile();
    int saved = dup(2);
    dup2(fileno(cap), 2);
    int rc = sltgen_main(argc, argv);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    rewind(cap);
    size_t n = fread(g_err_text, 1, sizeof g_err_text - 1, cap);
    g_err_text[n] = '\0';
    fclose(cap);
    return rc;
}

static char *read_text(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    char *buf = malloc((size_t)n + 1);
    size_t got = fread(buf, 1, (size_t)n, f);
    buf[got] = '\0';
    fclose(f);
    return buf;
}

static const char *out_dir(const char *name)
{
    static char path[2][512];
    static int which;
    which ^= 1;
    snprintf(path[which], sizeof path[which], "%s/%s", g_tmp, name);
    return path[which];
}

static const char *in_dir(const char *dir, const char *rel)
{
    static char path[4][1024];
    static int which;
    which = (which + 1) % 4;
    snprintf(path[which], sizeof path[which], "%s/%s", dir, rel);
    return path[which];
}

/* Value of `name` in a generated file: "#define NAME value", "`define NAME value" or "NAME := value". */
static int find_value(const char *text, const char *prefix, const char *name, const char *sep, char *out,
                      size_t outlen)
{
    char pat[128];
    snprintf(pat, sizeof pat, "%s%s%s", prefix, name, sep);
    for (const char *p = text; (p = strstr(p, pat)); p++) {
        if (p != text && p[-1] != '\n') continue;
        p += strlen(pat);
        while (*p == ' ') p++;
        size_t n = strcspn(p, " \n");
        if (n >= outlen) n = outlen - 1;
        memcpy(out, p, n);
        out[n] = '\0';
        return 0;
    }
    return -1;
}

static long long header_int(const char *text, const char *name)
{
    char v[128];
    if (find_value(text, "#define ", name, " ", v, sizeof v)) fail_msg("slt_params.h has no %s", name);
    return strtoll(v, NULL, 0);
}

static int setup_tmp(void **state)
{
    (void)state;
    snprintf(g_tmp, sizeof g_tmp, "/tmp/slt_gen_test_XXXXXX");
    return mkdtemp(g_tmp) ? 0 : -1;
}

static int teardown_tmp(void **state)
{
    (void)state;
    remove_tree(g_tmp);
    return 0;
}

/* ---- tests ------------------------------------------------------------------ */

static void gen_writes_every_output_for_tiny(void **state)
{
    (void)state;
    const char *dir = out_dir("tiny");
    assert_int_equal(run_gen("--config", top_path("configs/tiny.cfg"), "--out", dir, NULL), 0);
    static const char *files[] = {"slt_params.h", "slt_params.vh", "params.mk", "config.cfg",
                                  "rtl/slt_valid_pipe.v", "rtl/slt_clock_gate.v", "rtl/slt_array_g3_u2_l2_a8_acc15_p2_t_cg.v",
                                  "rtl/slt_row_lane_g3_u2_a8_acc15_p2_t_cg.v", "rtl/slt_table_builder_g3_a8_t_cg.v"};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
        if (!exists(in_dir(dir, files[i]))) fail_msg("missing %s", files[i]);
}

/* Every named value appears in all three headers with one value, and the
 * numbers are the ones the golden model and the config give. */
static void check_headers(const char *dir, const slt_config *cfg)
{
    char *h = read_text(in_dir(dir, "slt_params.h")), *vh = read_text(in_dir(dir, "slt_params.vh"));
    char *mk = read_text(in_dir(dir, "params.mk"));
    assert_non_null(h);
    assert_non_null(vh);
    assert_non_null(mk);
    slt_design d;
    slt_design_derive(cfg, &d);
    size_t n;
    const slt_param_desc *p = slt_design_params(&n);
    for (size_t i = 0; i < n; i++, p++) {
        char a[160], b[160], c[160];
        if (p->kind != SLT_PV_INT) continue;
        if (find_value(h, "#define ", p->name, " ", a, sizeof a) ||
            find_value(vh, "`define ", p->name, " ", b, sizeof b) || find_value(mk, "", p->name, " :=", c, sizeof c))
            fail_msg("%s missing from a header", p->name);
        if (strcmp(a, b) || strcmp(a, c)) fail_msg("%s: .h %s, .vh %s, .mk %s", p->name, a, b, c);
        if (strtoll(a, NULL, 10) != slt_param_int(&d, p)) fail_msg("%s = %s, derived %lld", p->name, a, slt_param_int(&d, p));
    }
    int binary = slt_format_is_binary(cfg->weight_format);
    assert_int_equal(header_int(h, "SLT_GROUP_SIZE"), cfg->group_size);
    assert_int_equal(header_int(h, "SLT_ACC_BITS"), cfg->acc_bits);
    assert_int_equal(header_int(h, "SLT_KEY_BITS"), slt_key_bits(cfg->group_size, binary));
    assert_int_equal(header_int(h, "SLT_KEY_MAG_BITS"), slt_key_mag_bits(cfg->group_size, binary));
    assert_int_equal(header_int(h, "SLT_TABLE_ENTRIES"), slt_table_entries(cfg->group_size, binary));
    assert_int_equal(header_int(h, "SLT_ENTRY_BITS"), slt_entry_bits(cfg));
    assert_int_equal(header_int(h, "SLT_LATENCY"), slt_array_latency(cfg));
    assert_int_equal(header_int(h, "SLT_ROW_KEYS_BITS"), cfg->row_lanes * cfg->lut_units * slt_row_field_bits(cfg));
    assert_true((uint64_t)strtoull(strstr(h, "SLT_CFG_HASH") + 12, NULL, 0) == slt_config_hash(cfg));
    char top[160];
    assert_int_equal(find_value(mk, "", "SLT_TOP_ARRAY", " :=", top, sizeof top), 0);
    assert_string_equal(top, d.mod_array);
    assert_non_null(strstr(mk, "SLT_RTL_FILES :="));
    assert_non_null(strstr(mk, d.mod_array));
    free(h);
    free(vh);
    free(mk);
}

static int load_cfg(slt_config *c, const char *path, const char *const *sets)
{
    char err[SLT_ERRLEN];
    slt_config_default(c);
    int rc = slt_config_load(c, path, err, sizeof err);
    for (; !rc && sets && *sets; sets++) rc = slt_config_set_kv(c, *sets, err, sizeof err);
    return rc ? rc : slt_config_finish(c, err, sizeof err);
}

static void gen_headers_agree_with_config(void **state)
{
    (void)state;
    static const char *const variants[][3] = {
        {NULL}, {"array=addsub", NULL}, {"weight_format=b1", NULL}, {"group_size=5", "pipe_stages=4", NULL},
    };
    for (size_t i = 0; i < sizeof variants / sizeof variants[0]; i++) {
        slt_config c;
        assert_int_equal(load_cfg(&c, top_path("configs/slim.cfg"), variants[i]), 0);
        const char *dir = out_dir("hdr");
        char a[3][64];
        int n = 0;
        for (int j = 0; variants[i][j]; j++) snprintf(a[n++], sizeof a[0], "%s", variants[i][j]);
        int rc = n == 0 ? run_gen("--config", top_path("configs/slim.cfg"), "--out", dir, NULL)
               : n == 1 ? run_gen("--config", top_path("configs/slim.cfg"), "--set", a[0], "--out", dir, NULL)
                        : run_gen("--config", top_path("configs/slim.cfg"), "--set", a[0], "--set", a[1], "--out", dir, NULL);
        assert_int_equal(rc, 0);
        check_headers(dir, &c);
    }
}

/* Illegal configurations: status 2, a message naming the key and its legal
 * range, and no output folder. */
static void gen_illegal_config_exits_2_and_creates_nothing(void **state)
{
    (void)state;
    static const struct { const char *set, *must1, *must2; } cases[] = {
        {"group_size=6", "group_size", "2..5"},   {"act_bits=7", "act_bits", "4, 8 or 16"},
        {"lut_units=0", "lut_units", "1..64"},    {"row_lanes=999", "row_lanes", "1..256"},
        {"pipe_stages=5", "pipe_stages", "0..4"}, {"weight_format=t3", "weight_format", "t2, t5 or b1"},
        {"array=mul", "array", "slt or addsub"},  {"max_k=2000000", "max_k", "1..1048576"},
        {"acc_bits=10", "acc_bits", "32"},        {"nonsense=1", "unknown key", "group_size"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *dir = out_dir("never");
        int rc = run_gen("--config", top_path("configs/tiny.cfg"), "--set", cases[i].set, "--out", dir, NULL);
        if (rc != SLT_EXIT_BADINPUT || !strstr(g_err_text, cases[i].must1) || !strstr(g_err_text, cases[i].must2))
            fail_msg("case %s: rc %d, message '%s'", cases[i].set, rc, g_err_text);
        if (exists(dir)) fail_msg("case %s: %s was created", cases[i].set, dir);
    }
    /* legal keys, illegal together: the accumulator would need more than 32 bits */
    assert_int_equal(run_gen("--config", top_path("configs/tiny.cfg"), "--set", "max_k=1048576", "--set",
                             "act_bits=16", "--out", out_dir("never"), NULL),
                     SLT_EXIT_BADINPUT);
    assert_non_null(strstr(g_err_text, "max_k"));
    assert_non_null(strstr(g_err_text, "2..32"));
    assert_false(exists(out_dir("never")));
    assert_int_equal(run_gen("--config", "/nonexistent.cfg", "--out", out_dir("never"), NULL), SLT_EXIT_BADINPUT);
    assert_false(exists(out_dir("never")));
}

static void gen_illegal_config_leaves_existing_dir_untouched(void **state)
{
    (void)state;
    const char *dir = out_dir("keep");
    assert_int_equal(run_gen("--config", top_path("configs/tiny.cfg"), "--out", dir, NULL), 0);
    char *before = read_text(in_dir(dir, "slt_params.h"));
    FILE *f = fopen(in_dir(dir, "marker"), "w");
    fputs("mine\n", f);
    fclose(f);
    assert_int_equal(run_gen("--config", top_path("configs/tiny.cfg"), "--set", "group_size=9", "--out", dir, NULL),
                     SLT_EXIT_BADINPUT);
    char *after = read_text(in_dir(dir, "slt_params.h"));
    assert_string_equal(before, after);
    assert_true(exists(in_dir(dir, "marker")));
    free(before);
    free(after);
}

/* A legal run replaces the folder as a whole and leaves no temporary folder. */
static void gen_regenerate_replaces_dir_and_leaves_no_temp(void **state)
{
    (void)state;
    const char *dir = out_dir("swap");
    assert_int_equal(run_gen("--config", top_path("configs/tiny.cfg"), "--out", dir, NULL), 0);
    FILE *f = fopen(in_dir(dir, "stale"), "w");
    fclose(f);
    assert_int_equal(run_gen("--config", top_path("configs/slim.cfg"), "--out", dir, NULL), 0);
    assert_false(exists(in_dir(dir, "stale")));
    assert_true(exists(in_dir(dir, "rtl/slt_array_g3_u4_l4_a8_acc23_p3_t_cg.v")));
    assert_false(exists(in_dir(dir, "rtl/slt_array_g3_u2_l2_a8_acc15_p2_t_cg.v")));
    DIR *d = opendir(g_tmp);
    struct dirent *e;
    while ((e = readdir(d)))
        if (strstr(e->d_name, ".tmp-") || strstr(e->d_name, ".old-")) fail_msg("left behind: %s", e->d_name);
    closedir(d);
}

static void gen_usage_errors_exit_2(void **state)
{
    (void)state;
    assert_int_equal(run_gen("--config", top_path("configs/tiny.cfg"), NULL), SLT_EXIT_BADINPUT);
    assert_non_null(strstr(g_err_text, "--out"));
    assert_int_equal(run_gen("--config", top_path("configs/tiny.cfg"), "--bogus", "--out", out_dir("u"), NULL),
                     SLT_EXIT_BADINPUT);
    assert_non_null(strstr(g_err_text, "--bogus"));
    assert_false(exists(out_dir("u")));
    /* no silent last-wins: --out twice, --config twice, one --set key twice */
    char first[512];
    snprintf(first, sizeof first, "%s", out_dir("u"));
    assert_int_equal(run_gen("--config", top_path("configs/tiny.cfg"), "--out", first, "--out", out_dir("u2"), NULL),
                     SLT_EXIT_BADINPUT);
    assert_non_null(strstr(g_err_text, "--out given twice"));
    assert_int_equal(run_gen("--config", top_path("configs/tiny.cfg"), "--config", top_path("configs/tiny.cfg"),
                             "--out", first, NULL),
                     SLT_EXIT_BADINPUT);
    assert_non_null(strstr(g_err_text, "--config given twice"));
    assert_int_equal(run_gen("--config", top_path("configs/tiny.cfg"), "--set", "pipe_stages=1", "--set",
                             "pipe_stages=2", "--out", first, NULL),
                     SLT_EXIT_BADINPUT);
    assert_non_null(strstr(g_err_text, "--set pipe_stages given twice"));
    assert_false(exists(first));
    assert_false(exists(out_dir("u2")));
    /* tiny buffers are refused, never raised: naming the key and the minimum */
    assert_int_equal(run_gen("--config", top_path("configs/tiny.cfg"), "--set", "max_m=2000", "--out", first, NULL),
                     SLT_EXIT_BADINPUT);
    assert_non_null(strstr(g_err_text, "wbuf_kib = 1 is too small"));
    assert_non_null(strstr(g_err_text, "raise wbuf_kib to at least"));
    assert_false(exists(first));
}

static void gen_missing_primitives_is_an_error_and_creates_nothing(void **state)
{
    (void)state;
    char a0[] = "sltgen", a1[] = "--config", a3[] = "--out", a5[] = "--rtl-dir", a6[] = "/nonexistent", a7[] = "--quiet";
    char a2[1200], a4[512];
    snprintf(a2, sizeof a2, "%s", top_path("configs/tiny.cfg"));
    snprintf(a4, sizeof a4, "%s", out_dir("noprim"));
    char *argv[] = {a0, a1, a2, a3, a4, a5, a6, a7, NULL};
    fflush(stderr);
    int saved = dup(2);
    FILE *sink = tmpfile();
    dup2(fileno(sink), 2);
    int rc = sltgen_main(8, argv);
    dup2(saved, 2);
    close(saved);
    fclose(sink);
    assert_int_equal(rc, 1);
    assert_false(exists(out_dir("noprim")));
}

static void gen_module_names_carry_parameters(void **state)
{
    (void)state;
    slt_config c;
    slt_design d;
    assert_int_equal(load_cfg(&c, top_path("configs/slim.cfg"), NULL), 0);
    slt_design_derive(&c, &d);
    assert_string_equal(d.mod_array, "slt_array_g3_u4_l4_a8_acc23_p3_t_cg");
    assert_string_equal(d.mod_lane, "slt_row_lane_g3_u4_a8_acc23_p3_t_cg");
    assert_string_equal(d.mod_builder, "slt_table_builder_g3_a8_t_cg");
    static const char *const ungated[] = {"clock_gating=off", NULL};
    assert_int_equal(load_cfg(&c, top_path("configs/slim.cfg"), ungated), 0);
    slt_design_derive(&c, &d);
    assert_string_equal(d.mod_array, "slt_array_g3_u4_l4_a8_acc23_p3_t");
    static const char *const addsub_b1[] = {"array=addsub", "weight_format=b1", "pipe_stages=1", NULL};
    assert_int_equal(load_cfg(&c, top_path("configs/slim.cfg"), addsub_b1), 0);
    slt_design_derive(&c, &d);
    assert_string_equal(d.mod_array, "slt_addsub_array_g3_u4_l4_a8_acc23_p1_b_cg");
    assert_string_equal(d.mod_lane, "slt_addsub_lane_g3_u4_a8_acc23_p1_b_cg");
    assert_string_equal(d.mod_builder, "");
    /* table slots: the array and the builder carry _c<C>, the lane is unchanged */
    static const char *const slots[] = {"psum_chunks=2", "act_slice_bits=4", NULL};
    assert_int_equal(load_cfg(&c, top_path("configs/slim.cfg"), slots), 0);
    slt_design_derive(&c, &d);
    assert_string_equal(d.mod_array, "slt_array_g3_u4_l4_a8_acc23_p3_c2_s4_t_cg");
    assert_string_equal(d.mod_lane, "slt_row_lane_g3_u4_a8_acc23_p3_s4_t_cg");
    assert_string_equal(d.mod_builder, "slt_table_builder_g3_a8_c2_s4_t_cg");
    assert_int_equal(d.slot_bits, 1);
    assert_int_equal(d.has_slots, 1);
}

/* Each generated file: one module, named after the file, with the header. */
static void gen_files_have_header_and_one_module(void **state)
{
    (void)state;
    const char *dir = out_dir("hdrs");
    assert_int_equal(run_gen("--config", top_path("configs/slim.cfg"), "--out", dir, NULL), 0);
    slt_config c;
    assert_int_equal(load_cfg(&c, top_path("configs/slim.cfg"), NULL), 0);
    char hash[32];
    snprintf(hash, sizeof hash, "0x%016llx", (unsigned long long)slt_config_hash(&c));
    DIR *d = opendir(in_dir(dir, "rtl"));
    assert_non_null(d);
    struct dirent *e;
    int files = 0;
    while ((e = readdir(d))) {
        if (!strstr(e->d_name, ".v")) continue;
        char rel[300], mod[256];
        snprintf(rel, sizeof rel, "rtl/%s", e->d_name);
        char *text = read_text(in_dir(dir, rel));
        snprintf(mod, sizeof mod, "%.*s", (int)(strlen(e->d_name) - 2), e->d_name);
        int modules = 0, ends = 0;
        for (const char *p = text; (p = strstr(p, "module ")); p++) {
            if (p == text || p[-1] == '\n') {
                modules++;
                if (strncmp(p + 7, mod, strlen(mod))) fail_msg("%s declares another module", e->d_name);
            }
        }
        for (const char *p = text; (p = strstr(p, "endmodule")); p++) ends++;
        if (modules != 1 || ends != 1) fail_msg("%s: %d modules, %d endmodules", e->d_name, modules, ends);
        if (strcmp(mod, "slt_valid_pipe") && strcmp(mod, "slt_clock_gate")) { /* generated, not a copied primitive */
            if (!strstr(text, "Generated by sltgen " SLT_GEN_VERSION) || !strstr(text, "'slim'") || !strstr(text, hash))
                fail_msg("%s: header without version, config name or hash", e->d_name);
        }
        free(text);
        files++;
    }
    closedir(d);
    assert_int_equal(files, 5); /* + slt_clock_gate.v */
}

static void gen_slim_takes_under_one_second(void **state)
{
    (void)state;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    assert_int_equal(run_gen("--config", top_path("configs/slim.cfg"), "--out", out_dir("fast"), NULL), 0);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9;
    if (s >= 1.0) fail_msg("slim took %.3f s", s);
}

/* The pipe registers: P in total, the first after the terms, none twice. */
static void design_schedule_places_every_pipe_stage(void **state)
{
    (void)state;
    for (int units = 1; units <= 64; units++)
        for (int p = 0; p <= 4; p++)
            for (int addsub = 0; addsub <= 1; addsub++) {
                slt_config c;
                slt_config_default(&c);
                c.lut_units = units;
                c.pipe_stages = p;
                c.group_size = 5;
                c.array = addsub ? SLT_ARRAY_ADDSUB : SLT_ARRAY_LUT;
                c.wbuf_kib = c.abuf_kib = c.obuf_kib = 65536; /* wide arrays: every shape must fit */
                char err[SLT_ERRLEN];
                assert_int_equal(slt_config_finish(&c, err, sizeof err), 0);
                slt_design d;
                slt_design_derive(&c, &d);
                int regs = d.out_extra;
                for (int l = 0; l <= d.tree_levels; l++) regs += d.reg_after_level[l];
                assert_int_equal(regs, p);
                assert_int_equal(d.reg_after_level[0], p > 0);
                /* slt arrays register their inputs once more than the add/sub baseline */
                assert_int_equal(d.in_stages, addsub ? 0 : 1);
                assert_int_equal(d.latency, p + 2 + d.in_stages);
                assert_true(d.tree_levels <= SLT_MAX_TREE_LEVELS);
            }
}

/* Seeded sweep: random legal configurations generate, and their headers agree.
 * The buffers are the largest legal ones, so that every drawn array (up to 256
 * lanes x 64 units) holds slim's max_m x max_k (slt_buf_check). */
static const char *const k_big_bufs[3] = {"wbuf_kib=65536", "abuf_kib=65536", "obuf_kib=65536"};
static void gen_random_legal_configs_generate(void **state)
{
    (void)state;
    slt_prng p;
    uint64_t seed = slt_seed_from_env(1);
    slt_prng_seed(&p, seed);
    for (int i = 0; i < 40; i++) {
        char sets[8][64];
        snprintf(sets[0], 64, "group_size=%d", (int)slt_prng_range(&p, 2, 5));
        snprintf(sets[1], 64, "act_bits=%d", (int[]){4, 8, 16}[slt_prng_range(&p, 0, 2)]);
        snprintf(sets[2], 64, "lut_units=%d", (int)slt_prng_range(&p, 1, 64));
        snprintf(sets[3], 64, "row_lanes=%d", (int)slt_prng_range(&p, 1, 256));
        snprintf(sets[4], 64, "pipe_stages=%d", (int)slt_prng_range(&p, 0, 4));
        snprintf(sets[5], 64, "array=%s", slt_prng_range(&p, 0, 1) ? "slt" : "addsub");
        snprintf(sets[6], 64, "weight_format=%s", (const char *[]){"t2", "t5", "b1"}[slt_prng_range(&p, 0, 2)]);
        snprintf(sets[7], 64, "max_k=%d", (int)slt_prng_range(&p, 5, 30000));
        const char *dir = out_dir("rnd");
        int rc = run_gen("--config", top_path("configs/slim.cfg"), "--set", sets[0], "--set", sets[1], "--set", sets[2],
                         "--set", sets[3], "--set", sets[4], "--set", sets[5], "--set", sets[6], "--set", sets[7],
                         "--set", k_big_bufs[0], "--set", k_big_bufs[1], "--set", k_big_bufs[2], "--out", dir, NULL);
        if (rc) fail_msg("seed %llu config %d (%s %s %s %s %s %s %s %s): rc %d %s", (unsigned long long)seed, i,
                         sets[0], sets[1], sets[2], sets[3], sets[4], sets[5], sets[6], sets[7], rc, g_err_text);
        const char *list[] = {sets[0],        sets[1],        sets[2],        sets[3],        sets[4],      sets[5],
                              sets[6],        sets[7],        k_big_bufs[0], k_big_bufs[1], k_big_bufs[2], NULL};
        slt_config c;
        assert_int_equal(load_cfg(&c, top_path("configs/slim.cfg"), list), 0);
        check_headers(dir, &c);
    }
}

int main(void)
{
    const char *top = getenv("SLT_TOP");
    snprintf(g_top, sizeof g_top, "%s", top && *top ? top : ".");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(gen_writes_every_output_for_tiny),
        cmocka_unit_test(gen_headers_agree_with_config),
        cmocka_unit_test(gen_illegal_config_exits_2_and_creates_nothing),
        cmocka_unit_test(gen_illegal_config_leaves_existing_dir_untouched),
        cmocka_unit_test(gen_regenerate_replaces_dir_and_leaves_no_temp),
        cmocka_unit_test(gen_usage_errors_exit_2),
        cmocka_unit_test(gen_missing_primitives_is_an_error_and_creates_nothing),
        cmocka_unit_test(gen_module_names_carry_parameters),
        cmocka_unit_test(gen_files_have_header_and_one_module),
        cmocka_unit_test(gen_slim_takes_under_one_second),
        cmocka_unit_test(design_schedule_places_every_pipe_stage),
        cmocka_unit_test(gen_random_legal_configs_generate),
    };
    return cmocka_run_group_tests(tests, setup_tmp, teardown_tmp);
}
