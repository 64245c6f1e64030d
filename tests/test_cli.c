/* test_cli - the sltref program, run as a user runs it (fork/exec of $SLTREF)
 * on .npy files written here. Answers are computed independently in this
 * file (hand-worked values, the SPEC §3 formulas, plain loops); the library is
 * called only where the CLI must reproduce it byte for byte (pack, predict). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "slt_config.h"
#include "slt_gemm.h"
#include "slt_npy.h"
#include "slt_pack.h"
#include "slt_prng.h"

static char g_err[SLT_ERRLEN];
static char g_dir[256];   /* the test's files */
static char g_io[300];    /* captured stdout/stderr of the child, kept apart */
static char g_tiny[1024]; /* configs/tiny.cfg */
static const char *g_sltref;
static uint64_t g_seed;
static char *g_kept[128]; /* paths from S(), freed by teardown */
static int g_nkept;

#define ARGS(...) ((const char *[]){__VA_ARGS__, NULL})

/* ---- files ------------------------------------------------------------------ */

static void rm_tree(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) return;
    struct dirent *e;
    char p[600];
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
            snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
            if (unlink(p)) rm_tree(p);
        }
    closedir(d);
    rmdir(dir);
}

static int setup_dir(void **state)
{
    (void)state;
    snprintf(g_dir, sizeof g_dir, "/tmp/slt_cli_XXXXXX");
    if (!mkdtemp(g_dir)) return -1;
    snprintf(g_io, sizeof g_io, "%s.io", g_dir);
    return mkdir(g_io, 0700);
}

static int teardown_dir(void **state)
{
    (void)state;
    rm_tree(g_dir);
    rm_tree(g_io);
    while (g_nkept) free(g_kept[--g_nkept]);
    return 0;
}

/* Path of a file in the test folder (a few rotating buffers). */
static const char *P(const char *name)
{
    static char p[8][600];
    static int next;
    char *s = p[next++ % 8];
    snprintf(s, 600, "%s/%s", g_dir, name);
    return s;
}

/* Like P, but the path stays valid until the test ends (for argument lists
 * that outlive the rotating buffers). */
static const char *S(const char *name)
{
    assert_true(g_nkept < 128);
    char *s = malloc(600);
    assert_non_null(s);
    snprintf(s, 600, "%s/%s", g_dir, name);
    return g_kept[g_nkept++] = s;
}

static int exists(const char *name)
{
    struct stat st;
    return stat(P(name), &st) == 0;
}

/* No file `name` and no temporary left from writing it. */
static int no_output(const char *name)
{
    if (exists(name)) return 0;
    const char *base = strrchr(name, '/') ? strrchr(name, '/') + 1 : name;
    DIR *d = opendir(g_dir);
    struct dirent *e;
    int clean = 1;
    while (d && (e = readdir(d)))
        if (strstr(e->d_name, base) && strstr(e->d_name, ".tmp")) clean = 0;
    if (d) closedir(d);
    return clean;
}

static void put(const char *name, slt_dtype dt, int ndim, const size_t *shape, const void *data)
{
    if (slt_npy_write(P(name), dt, ndim, shape, data, g_err, sizeof g_err)) fail_msg("%s", g_err);
}

static void put2(const char *name, slt_dtype dt, size_t d0, size_t d1, const void *data)
{
    const size_t s[2] = {d0, d1};
    put(name, dt, 2, s, data);
}

static void put_raw(const char *name, const void *b, size_t n)
{
    FILE *f = fopen(P(name), "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(b, 1, n, f), n);
    assert_int_equal(fclose(f), 0);
}

static unsigned char *get_raw(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f) fail_msg("cannot open %s", path);
    unsigned char *b = calloc(1, (1 << 20) + 1);
    assert_non_null(b);
    *n = fread(b, 1, 1 << 20, f);
    fclose(f);
    return b;
}

static void get(const char *name, slt_npy *a)
{
    if (slt_npy_read(P(name), a, g_err, sizeof g_err)) fail_msg("%s", g_err);
}

/* ---- running sltref --------------------------------------------------------- */

typedef struct {
    int status; /* exit status, or 128 + signal */
    char *out, *err;
} result;

static void result_free(result *r)
{
    free(r->out);
    free(r->err);
    r->out = r->err = NULL;
}

static char *slurp(const char *path)
{
    size_t n;
    return (char *)get_raw(path, &n);
}

/* Run sltref with args (NULL-terminated); stdin is /dev/null, and an alarm
 * kills a child that hangs, which then fails the test instead of blocking it. */
static void run_to(result *r, const char *const *args, const char *stdout_path);

static void run(result *r, const char *const *args) { run_to(r, args, NULL); }

/* As run, with stdout sent to stdout_path when given (e.g. /dev/full). */
static void run_to(result *r, const char *const *args, const char *stdout_path)
{
    char out[400], err[400];
    snprintf(out, sizeof out, "%s/out", g_io);
    if (stdout_path) snprintf(out, sizeof out, "%s", stdout_path);
    snprintf(err, sizeof err, "%s/err", g_io);
    const char *argv[64] = {g_sltref};
    int n = 1;
    while (args[n - 1] && n < 63) argv[n] = args[n - 1], n++;
    argv[n] = NULL;
    fflush(stdout);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        int in = open("/dev/null", O_RDONLY), o = open(out, O_WRONLY | O_CREAT | (stdout_path ? 0 : O_TRUNC), 0600),
            e = open(err, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (in < 0 || o < 0 || e < 0) _exit(127);
        dup2(in, 0);
        dup2(o, 1);
        dup2(e, 2);
        alarm(120);
        execv(g_sltref, (char *const *)argv);
        _exit(127);
    }
    int st;
    assert_int_equal(waitpid(pid, &st, 0), pid);
    r->status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
    r->out = stdout_path ? calloc(1, 1) : slurp(out);
    r->err = slurp(err);
}

/* The command line as text, for failure messages. */
static const char *cmdline(const char *const *args)
{
    static char s[2048];
    size_t n = (size_t)snprintf(s, sizeof s, "sltref");
    for (int i = 0; args[i] && n < sizeof s; i++) n += (size_t)snprintf(s + n, sizeof s - n, " %s", args[i]);
    return s;
}

/* Success: status 0 and nothing on stderr. stdout stays in r. */
static void run_ok(result *r, const char *const *args)
{
    run(r, args);
    if (r->status != 0 || r->err[0])
        fail_msg("seed %llu: %s: status %d, stderr '%s'", (unsigned long long)g_seed, cmdline(args), r->status, r->err);
}

/* Failure: status 2, exactly one stderr line "sltref: ..." containing `must`,
 * nothing on stdout, and no file `outname` (nor its temporary). */
static void run_fail(const char *must, const char *outname, const char *const *args)
{
    result r;
    run(&r, args);
    const char *nl = strchr(r.err, '\n');
    int one_line = nl && nl[1] == '\0';
    if (r.status != 2 || strncmp(r.err, "sltref: ", 8) || !one_line || !strstr(r.err, must) || r.out[0] ||
        (outname && !no_output(outname)))
        fail_msg("%s: status %d, stdout '%s', stderr '%s' (want status 2, one line 'sltref: ...%s...', no %s)",
                 cmdline(args), r.status, r.out, r.err, must, outname ? outname : "-");
    result_free(&r);
}

/* ---- independent references (SPEC §3) -------------------------------------- */

/* Test data are multiples of 1/64 with a power-of-two count, so every sum and
 * mean below is exact and the summation order cannot matter. */
static float ref_mean(const float *v, size_t n, int absolute)
{
    double s = 0;
    for (size_t i = 0; i < n; i++) s += absolute ? fabs(v[i]) : v[i];
    return (float)(s / (double)n);
}

/* Published order (reciprocal, then multiply) or, exact != 0, one division. */
static float ref_ternary(const float *w, size_t n, int8_t *q, int exact)
{
    float g = fmaxf(ref_mean(w, n, 1), 1e-5f), s = 1.0f / g;
    for (size_t i = 0; i < n; i++) {
        float r = rintf(exact ? w[i] / g : w[i] * s);
        q[i] = (int8_t)(r > 1 ? 1 : r < -1 ? -1 : r);
    }
    return g;
}

static float ref_binary(const float *w, size_t n, int8_t *q)
{
    float a = ref_mean(w, n, 0);
    for (size_t i = 0; i < n; i++) q[i] = (int8_t)(w[i] - a > 0 ? 1 : -1);
    return ref_mean(w, n, 1);
}

static float ref_act_row(const float *x, size_t k, int bits, int exact, int16_t *q)
{
    float qm = (float)((1 << (bits - 1)) - 1), m = 0;
    for (size_t i = 0; i < k; i++) m = fmaxf(m, fabsf(x[i]));
    float s = exact ? qm / fmaxf(m, 1e-5f) : (1.0f / fmaxf(m, 1e-5f)) * qm;
    for (size_t i = 0; i < k; i++) {
        float r = rintf(x[i] * s);
        q[i] = (int16_t)(r > qm ? qm : r < -qm - 1 ? -qm - 1 : r);
    }
    return s;
}

static void ref_gemm(const int8_t *w, const int16_t *x, int32_t *y, size_t m, size_t k, size_t n)
{
    for (size_t t = 0; t < n; t++)
        for (size_t r = 0; r < m; r++) {
            int64_t acc = 0;
            for (size_t i = 0; i < k; i++) acc += (int64_t)w[r * k + i] * x[t * k + i];
            y[t * m + r] = (int32_t)acc;
        }
}

/* ---- help and version ------------------------------------------------------- */

static void cli_help_and_version_exit_0(void **state)
{
    (void)state;
    static const char *const cmds[] = {"quant-w", "quant-a", "gemm", "pack", "unpack", "predict"};
    result r;
    run_ok(&r, ARGS("--help"));
    for (size_t i = 0; i < 6; i++) assert_non_null(strstr(r.out, cmds[i]));
    result_free(&r);
    for (size_t i = 0; i < 6; i++) {
        run_ok(&r, ARGS(cmds[i], "--help"));
        assert_non_null(strstr(r.out, "usage: sltref"));
        assert_non_null(strstr(r.out, cmds[i]));
        result_free(&r);
        run_ok(&r, ARGS("help", cmds[i]));
        assert_non_null(strstr(r.out, cmds[i]));
        result_free(&r);
    }
    run_ok(&r, ARGS("-h"));
    result_free(&r);
    run_ok(&r, ARGS("--version"));
    assert_int_equal(strncmp(r.out, "sltref ", 7), 0);
    result_free(&r);
    run_fail("unknown command 'nope'", NULL, ARGS("help", "nope"));
}

/* ---- quant-w ---------------------------------------------------------------- */

static void expect_i8(const char *name, const int8_t *want, size_t n)
{
    slt_npy a;
    get(name, &a);
    assert_int_equal(a.dtype, SLT_NPY_I8);
    assert_int_equal(a.count, n);
    for (size_t i = 0; i < n; i++)
        if (((int8_t *)a.data)[i] != want[i])
            fail_msg("seed %llu: %s[%zu] = %d, want %d", (unsigned long long)g_seed, name, i, ((int8_t *)a.data)[i],
                     want[i]);
    slt_npy_free(&a);
}

static void expect_text(const result *r, const char *want)
{
    if (strcmp(r->out, want)) fail_msg("seed %llu: stdout '%s', want '%s'", (unsigned long long)g_seed, r->out, want);
}

static void cli_quant_w_ternary_known_answers(void **state)
{
    (void)state;
    /* mean|W| = 8/8 = 1: W/gamma = W. 0.5 and -0.5 are half-way and round to
     * even (0, not +-1 as roundf would); 1.5 -> 2 and -2.5 -> -2 clamp to +-1. */
    const float w[8] = {0.5f, -0.5f, 1.5f, -2.5f, 0.25f, 1.0f, -1.75f, 0.0f};
    const int8_t want[8] = {0, 0, 1, -1, 0, 1, -1, 0};
    put2("W.npy", SLT_NPY_F32, 2, 4, w);
    result r;
    run_ok(&r, ARGS("quant-w", P("W.npy"), P("Wq.npy")));
    expect_text(&r, "gamma=1\n");
    result_free(&r);
    expect_i8("Wq.npy", want, 8);
    /* gamma = 3.5/8 = 0.4375. */
    const float w2[8] = {0.75f, -0.125f, 0.5f, -1.0f, 0.0625f, 0.25f, -0.5f, 0.3125f};
    const int8_t want2[8] = {1, 0, 1, -1, 0, 1, -1, 1};
    put2("W2.npy", SLT_NPY_F32, 4, 2, w2);
    run_ok(&r, ARGS(P("W2.npy"), "quant-w", P("Wq2.npy")));
    expect_text(&r, "gamma=0.4375\n");
    result_free(&r);
    expect_i8("Wq2.npy", want2, 8);
    /* All zero: gamma is the 1e-5 floor, printed as float32 with %.9g. */
    const float z[4] = {0};
    put2("Z.npy", SLT_NPY_F32, 1, 4, z);
    run_ok(&r, ARGS("quant-w", P("Z.npy"), P("Zq.npy")));
    expect_text(&r, "gamma=9.99999975e-06\n");
    result_free(&r);
    expect_i8("Zq.npy", (const int8_t[4]){0, 0, 0, 0}, 4);
}

static void cli_quant_w_binary_known_answers(void **state)
{
    (void)state;
    /* alpha = 0.5/4 = 0.125, beta = 6.5/4 = 1.625. */
    const float w[4] = {1.0f, -3.0f, 2.0f, 0.5f};
    put2("W.npy", SLT_NPY_F32, 2, 2, w);
    result r;
    run_ok(&r, ARGS("quant-w", "--binary", P("W.npy"), P("Wq.npy")));
    expect_text(&r, "gamma=1.625\n");
    result_free(&r);
    expect_i8("Wq.npy", (const int8_t[4]){1, -1, 1, 1}, 4);
    /* W - alpha == 0 is not > 0: every weight is -1. */
    const float c[4] = {1.0f, 1.0f, 1.0f, 1.0f};
    put2("C.npy", SLT_NPY_F32, 1, 4, c);
    run_ok(&r, ARGS("quant-w", P("C.npy"), P("Cq.npy"), "--binary"));
    expect_text(&r, "gamma=1\n");
    result_free(&r);
    expect_i8("Cq.npy", (const int8_t[4]){-1, -1, -1, -1}, 4);
}

static void cli_quant_w_random_matches_formula(void **state)
{
    (void)state;
    slt_prng p;
    slt_prng_seed(&p, g_seed);
    for (int it = 0; it < 8; it++) {
        size_t m = (size_t)1 << slt_prng_range(&p, 0, 3), k = (size_t)8 << slt_prng_range(&p, 0, 2), n = m * k;
        float w[256];
        int8_t q[256];
        for (size_t i = 0; i < n; i++) w[i] = (float)slt_prng_range(&p, -96, 96) / 64.0f;
        int binary = it & 1, exact = (it & 3) == 2;
        float g = binary ? ref_binary(w, n, q) : ref_ternary(w, n, q, exact);
        put2("W.npy", SLT_NPY_F32, m, k, w);
        result r;
        run_ok(&r, binary  ? ARGS("quant-w", P("W.npy"), P("Wq.npy"), "--binary")
                   : exact ? ARGS("quant-w", P("W.npy"), P("Wq.npy"), "--exact-div")
                           : ARGS("quant-w", P("W.npy"), P("Wq.npy")));
        char want[64];
        snprintf(want, sizeof want, "gamma=%.9g\n", (double)g);
        expect_text(&r, want);
        result_free(&r);
        expect_i8("Wq.npy", q, n);
    }
}

/* ---- quant-a ---------------------------------------------------------------- */

static void expect_acts(const char *name, slt_dtype dt, const int16_t *want, size_t n)
{
    slt_npy a;
    get(name, &a);
    assert_int_equal(a.dtype, dt);
    assert_int_equal(a.count, n);
    for (size_t i = 0; i < n; i++) {
        int v = dt == SLT_NPY_I8 ? ((int8_t *)a.data)[i] : ((int16_t *)a.data)[i];
        if (v != want[i])
            fail_msg("seed %llu: %s[%zu] = %d, want %d", (unsigned long long)g_seed, name, i, v, want[i]);
    }
    slt_npy_free(&a);
}

static void cli_quant_a_known_answers(void **state)
{
    (void)state;
    /* Row 0: max 127 -> s = 1: 2.5 -> 2 and -3.5 -> -4 (half to even).
     * Row 1: max 2 -> s = 63.5: 1*63.5 = 63.5 -> 64, -0.5*s = -31.75 -> -32.
     * Row 2: all zero -> s = 127/1e-5. */
    const float x[12] = {2.5f, -3.5f, 0.5f, 127.0f, 1.0f, -0.5f, 0.25f, 2.0f, 0, 0, 0, 0};
    const int16_t want[12] = {2, -4, 0, 127, 64, -32, 16, 127, 0, 0, 0, 0};
    put2("X.npy", SLT_NPY_F32, 3, 4, x);
    result r;
    run_ok(&r, ARGS("quant-a", P("X.npy"), P("Xq.npy")));
    char text[256];
    snprintf(text, sizeof text, "scale=1\nscale=63.5\nscale=%.9g\n", (double)(127.0f / 1e-5f));
    expect_text(&r, text);
    result_free(&r);
    expect_acts("Xq.npy", SLT_NPY_I8, want, 12);
    /* 1-D X is one row and stays 1-D. */
    const size_t k4 = 4;
    put("x1.npy", SLT_NPY_F32, 1, &k4, x + 4);
    run_ok(&r, ARGS("quant-a", P("x1.npy"), P("x1q.npy")));
    expect_text(&r, "scale=63.5\n");
    result_free(&r);
    slt_npy a;
    get("x1q.npy", &a);
    assert_int_equal(a.ndim, 1);
    assert_int_equal(a.shape[0], 4);
    slt_npy_free(&a);
}

/* bits 4, 8, 16 (and the config's act_bits as default) against the formula. */
static void cli_quant_a_bits_match_formula(void **state)
{
    (void)state;
    slt_prng p;
    slt_prng_seed(&p, g_seed ^ 0xa);
    static const struct { const char *opt, *val; int bits, exact; } cases[] = {
        {"--bits", "4", 4, 0}, {"--bits", "8", 8, 0}, {"--bits", "16", 16, 0}, {"--set", "act_bits=4", 4, 0},
        {"--set", "act_bits=16", 16, 0}, {"--bits=16", NULL, 16, 0}, {"--exact-div", NULL, 8, 1},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        size_t n = (size_t)slt_prng_range(&p, 1, 5), k = (size_t)slt_prng_range(&p, 1, 20);
        float x[100];
        int16_t q[100];
        for (size_t i = 0; i < n * k; i++) x[i] = (float)slt_prng_range(&p, -1000, 1000) / 7.0f;
        put2("X.npy", SLT_NPY_F32, n, k, x);
        char want[1024];
        size_t len = 0;
        for (size_t t = 0; t < n; t++)
            len += (size_t)snprintf(want + len, sizeof want - len, "scale=%.9g\n",
                                    (double)ref_act_row(x + t * k, k, cases[c].bits, cases[c].exact, q + t * k));
        result r;
        run_ok(&r, cases[c].val ? ARGS("quant-a", cases[c].opt, cases[c].val, P("X.npy"), P("Xq.npy"))
                                : ARGS("quant-a", cases[c].opt, P("X.npy"), P("Xq.npy")));
        expect_text(&r, want);
        result_free(&r);
        expect_acts("Xq.npy", cases[c].bits == 16 ? SLT_NPY_I16 : SLT_NPY_I8, q, n * k);
    }
}

/* ---- gemm ------------------------------------------------------------------- */

static void expect_i32(const char *name, int ndim, const size_t *shape, const int32_t *want, const char *what)
{
    slt_npy a;
    get(name, &a);
    assert_int_equal(a.dtype, SLT_NPY_I32);
    assert_int_equal(a.ndim, ndim);
    for (int i = 0; i < ndim; i++) assert_int_equal(a.shape[i], shape[i]);
    for (size_t i = 0; i < a.count; i++)
        if (((int32_t *)a.data)[i] != want[i])
            fail_msg("seed %llu %s: Y[%zu] = %d, want %d", (unsigned long long)g_seed, what, i,
                     ((int32_t *)a.data)[i], want[i]);
    slt_npy_free(&a);
}

static void cli_gemm_known_answer(void **state)
{
    (void)state;
    /* Y[n][m] = sum_k X[n][k] W[m][k], worked by hand. */
    const int8_t w[6] = {1, 0, -1, -1, 1, 1};
    const int8_t x[6] = {1, 2, 3, -4, 5, -6};
    const int32_t want[4] = {-2, 4, 2, 3};
    const size_t ys[2] = {2, 2};
    put2("Wq.npy", SLT_NPY_I8, 2, 3, w);
    put2("Xq.npy", SLT_NPY_I8, 2, 3, x);
    result r;
    run_ok(&r, ARGS("gemm", P("Wq.npy"), P("Xq.npy"), P("Y.npy")));
    assert_string_equal(r.out, "");
    result_free(&r);
    expect_i32("Y.npy", 2, ys, want, "lut");
    run_ok(&r, ARGS("gemm", "--model", "naive", P("Wq.npy"), P("Xq.npy"), P("Yn.npy")));
    result_free(&r);
    expect_i32("Yn.npy", 2, ys, want, "naive");
    /* 1-D Xq (one token) gives a 1-D Y [M]. */
    const size_t k3 = 3, m2 = 2;
    put("x1.npy", SLT_NPY_I8, 1, &k3, x + 3);
    run_ok(&r, ARGS("gemm", P("Wq.npy"), P("x1.npy"), P("y1.npy")));
    result_free(&r);
    expect_i32("y1.npy", 1, &m2, want + 2, "1-D");
    /* int16 activations beyond int8, and -128 / -32768 extremes. */
    const int16_t x16[6] = {-32768, 32767, -128, 300, -300, 1};
    const int32_t want16[4] = {-32768 + 128, 32768 + 32767 - 128, 300 - 1, -300 - 300 + 1};
    put2("X16.npy", SLT_NPY_I16, 2, 3, x16);
    run_ok(&r, ARGS("gemm", P("Wq.npy"), P("X16.npy"), P("Y16.npy"), "--set", "act_bits=16"));
    result_free(&r);
    expect_i32("Y16.npy", 2, ys, want16, "int16");
    run_ok(&r, ARGS("gemm", P("Wq.npy"), P("X16.npy"), P("Y16n.npy"), "--model=naive"));
    result_free(&r);
    expect_i32("Y16n.npy", 2, ys, want16, "int16 naive");
}

/* One random GEMM under a configuration: lut and naive both equal the plain loop. */
static void gemm_case(slt_prng *p, const char *const *cfg_args, int binary, int act_bits, int max_k)
{
    size_t m = (size_t)slt_prng_range(p, 1, 13), k = (size_t)slt_prng_range(p, 1, max_k < 40 ? max_k : 40),
           n = (size_t)slt_prng_range(p, 1, 5);
    int zero_pct = (int)slt_prng_range(p, 0, 95);
    int8_t w[13 * 40];
    int16_t x[5 * 40];
    int32_t y[5 * 13];
    for (size_t i = 0; i < m * k; i++)
        w[i] = binary ? (slt_prng_next(p) & 1 ? 1 : -1)
             : slt_prng_range(p, 0, 99) < zero_pct ? 0 : (int8_t)(slt_prng_next(p) & 1 ? 1 : -1);
    int64_t lo = -(1 << (act_bits - 1)), hi = (1 << (act_bits - 1)) - 1;
    for (size_t i = 0; i < n * k; i++) x[i] = (int16_t)(slt_prng_range(p, 0, 9) == 0 ? lo : slt_prng_range(p, lo, hi));
    ref_gemm(w, x, y, m, k, n);
    put2("Wq.npy", SLT_NPY_I8, m, k, w);
    if (act_bits == 16) {
        put2("Xq.npy", SLT_NPY_I16, n, k, x);
    } else {
        int8_t x8[5 * 40];
        for (size_t i = 0; i < n * k; i++) x8[i] = (int8_t)x[i];
        put2("Xq.npy", SLT_NPY_I8, n, k, x8);
    }
    const size_t ys[2] = {n, m};
    for (int model = 0; model < 2; model++) {
        const char *args[24] = {"gemm", P("Wq.npy"), P("Xq.npy"), P("Y.npy"), "--model", model ? "naive" : "lut"};
        int na = 6;
        for (int i = 0; cfg_args[i]; i++) args[na++] = cfg_args[i];
        args[na] = NULL;
        result r;
        run_ok(&r, args);
        result_free(&r);
        char what[2048];
        snprintf(what, sizeof what, "%s (M=%zu K=%zu N=%zu)", cmdline(args), m, k, n);
        expect_i32("Y.npy", 2, ys, y, what);
    }
}

static void cli_gemm_random_lut_equals_naive(void **state)
{
    (void)state;
    slt_prng p;
    slt_prng_seed(&p, g_seed ^ 0x6e);
    static const struct {
        const char *a[7];
        int binary, act_bits, max_k;
    } cfgs[] = {
        {{NULL}, 0, 8, 16384},
        {{"--config", g_tiny, NULL}, 0, 8, 64},
        {{"--set", "group_size=2", NULL}, 0, 8, 16384},
        {{"--set", "group_size=4", "--set", "lut_units=3", NULL}, 0, 8, 16384},
        {{"--set", "group_size=5", "--set", "row_lanes=3", NULL}, 0, 8, 16384},
        {{"--set", "buffer_mode=off", "--config", g_tiny, NULL}, 0, 8, 64},
        {{"--set", "act_bits=16", NULL}, 0, 16, 16384},
        {{"--set", "act_bits=4", "--set", "group_size=2", NULL}, 0, 4, 16384},
        {{"--set", "weight_format=b1", NULL}, 1, 8, 16384},
        {{"--set", "weight_format=b1", "--set", "group_size=4", "--set", "row_lanes=1", NULL}, 1, 8, 16384},
    };
    for (size_t c = 0; c < sizeof cfgs / sizeof cfgs[0]; c++)
        for (int rep = 0; rep < 3; rep++) gemm_case(&p, cfgs[c].a, cfgs[c].binary, cfgs[c].act_bits, cfgs[c].max_k);
}

/* ---- pack / unpack ---------------------------------------------------------- */

static void cli_pack_known_bytes(void **state)
{
    (void)state;
    /* LSB first (docs/numerics.md): t2 code w+1 at bits 2i; t5 sum (w_i+1)*3^i; b1 bit i = (w_i == +1). */
    result r;
    size_t n;
    put2("t2.npy", SLT_NPY_I8, 1, 4, (int8_t[4]){-1, 0, 1, 1});
    run_ok(&r, ARGS("pack", "--format", "t2", P("t2.npy"), P("t2.bin")));
    result_free(&r);
    unsigned char *b = get_raw(P("t2.bin"), &n);
    assert_int_equal(n, 1);
    assert_int_equal(b[0], 0 | 1 << 2 | 2 << 4 | 2 << 6);
    free(b);
    put2("t5.npy", SLT_NPY_I8, 1, 5, (int8_t[5]){1, -1, 0, 1, 1});
    run_ok(&r, ARGS("pack", "--format", "t5", P("t5.npy"), P("t5.bin")));
    result_free(&r);
    b = get_raw(P("t5.bin"), &n);
    assert_int_equal(n, 1);
    assert_int_equal(b[0], 2 + 0 * 3 + 1 * 9 + 2 * 27 + 2 * 81);
    free(b);
    put2("b1.npy", SLT_NPY_I8, 2, 4, (int8_t[8]){1, -1, 1, 1, -1, -1, -1, 1});
    run_ok(&r, ARGS("pack", "--format=b1", P("b1.npy"), P("b1.bin")));
    result_free(&r);
    b = get_raw(P("b1.bin"), &n);
    assert_int_equal(n, 1);
    assert_int_equal(b[0], 1 | 4 | 8 | 128);
    free(b);
}

/* pack -> file bytes equal slt_pack, size = ceil(n / per-byte); unpack -> the same .npy. */
static void pack_roundtrip(slt_prng *p, slt_format f, const char *const *fmt_args)
{
    size_t m = (size_t)slt_prng_range(p, 1, 9), k = (size_t)slt_prng_range(p, 1, 23), n = m * k;
    int8_t w[9 * 23];
    for (size_t i = 0; i < n; i++)
        w[i] = f == SLT_FMT_B1 ? (slt_prng_next(p) & 1 ? 1 : -1) : (int8_t)slt_prng_range(p, -1, 1);
    put2("W.npy", SLT_NPY_I8, m, k, w);
    const char *args[12] = {"pack", P("W.npy"), P("w.bin")}, *uargs[14] = {"unpack", P("w.bin"), P("U.npy")};
    char shape[32];
    snprintf(shape, sizeof shape, "%zu,%zu", m, k);
    int na = 3, nu = 3;
    uargs[nu++] = "--shape";
    uargs[nu++] = shape;
    for (int i = 0; fmt_args[i]; i++) args[na++] = uargs[nu++] = fmt_args[i];
    args[na] = uargs[nu] = NULL;
    result r;
    run_ok(&r, args);
    result_free(&r);
    size_t per = f == SLT_FMT_T2 ? 4 : f == SLT_FMT_T5 ? 5 : 8, nb;
    unsigned char *got = get_raw(P("w.bin"), &nb), lib[256];
    assert_int_equal(nb, (n + per - 1) / per);
    assert_int_equal(slt_pack(f, w, n, lib, g_err, sizeof g_err), 0);
    assert_memory_equal(got, lib, nb);
    free(got);
    run_ok(&r, uargs);
    result_free(&r);
    size_t n1, n2;
    unsigned char *a = get_raw(P("W.npy"), &n1), *b = get_raw(P("U.npy"), &n2);
    if (n1 != n2 || memcmp(a, b, n1))
        fail_msg("seed %llu: %s did not round-trip", (unsigned long long)g_seed, cmdline(uargs));
    free(a);
    free(b);
}

static void cli_pack_unpack_round_trip(void **state)
{
    (void)state;
    slt_prng p;
    slt_prng_seed(&p, g_seed ^ 0x9a);
    for (int rep = 0; rep < 4; rep++) {
        pack_roundtrip(&p, SLT_FMT_T2, ARGS("--format", "t2"));
        pack_roundtrip(&p, SLT_FMT_T5, ARGS("--format", "t5"));
        pack_roundtrip(&p, SLT_FMT_B1, ARGS("--format", "b1"));
    }
    /* No --format: the config's weight_format (slim: t5, tiny: t2, or --set). */
    pack_roundtrip(&p, SLT_FMT_T5, ARGS(NULL));
    pack_roundtrip(&p, SLT_FMT_T2, ARGS("--config", g_tiny));
    pack_roundtrip(&p, SLT_FMT_B1, ARGS("--set", "weight_format=b1"));
}

/* ---- predict ---------------------------------------------------------------- */

static void cli_predict_prints_json(void **state)
{
    (void)state;
    static const char *const keys[] = {
        "m", "k", "n", "cycles", "compute_cycles", "link_cycles", "table_builds", "build_adds", "lookups",
        "skipped_groups", "buffer_groups", "buffer_adds", "accumulates", "wbuf_reads", "wbuf_writes", "abuf_reads",
        "abuf_writes", "obuf_reads", "obuf_writes", "weight_bytes", "link_bytes",
    };
    int8_t w[5 * 7];
    slt_prng p;
    slt_prng_seed(&p, g_seed ^ 0x5);
    for (int i = 0; i < 35; i++) w[i] = (int8_t)slt_prng_range(&p, -1, 1);
    put2("Wq.npy", SLT_NPY_I8, 5, 7, w);
    for (int v = 0; v < 3; v++) {
        result r;
        run_ok(&r, v == 0   ? ARGS("predict", P("Wq.npy"))
                   : v == 1 ? ARGS("--n", "2", "predict", P("Wq.npy"))
                            : ARGS("predict", P("Wq.npy"), "--config", g_tiny, "--n=2"));
        assert_int_equal(r.out[0], '{');
        assert_non_null(strstr(r.out, "}\n"));
        assert_int_equal(strchr(r.out, '\n')[1], '\0'); /* one line */
        for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
            char key[40];
            snprintf(key, sizeof key, "\"%s\":", keys[i]);
            if (!strstr(r.out, key)) fail_msg("predict output lacks %s: %s", key, r.out);
        }
        /* Exactly the library's prediction for that configuration. */
        slt_config cfg;
        slt_config_default(&cfg);
        if (v == 2) assert_int_equal(slt_config_load(&cfg, g_tiny, g_err, sizeof g_err), 0);
        assert_int_equal(slt_config_finish(&cfg, g_err, sizeof g_err), 0);
        int n = v == 0 ? 1 : 2;
        slt_events ev;
        memset(&ev, 0, sizeof ev);
        assert_int_equal(slt_predict(&cfg, w, 5, 7, n, &ev, g_err, sizeof g_err), 0);
        char *want = NULL;
        size_t wl = 0;
        FILE *f = open_memstream(&want, &wl);
        slt_events_json(&ev, 5, 7, n, f);
        fclose(f);
        assert_string_equal(r.out, want);
        free(want);
        result_free(&r);
    }
}

/* vectors: the files appear, meta.txt carries the shape and seed, and the same
 * seed writes the same files (the Icarus step depends on replaying). */
static void cli_vectors_writes_replayable_files(void **state)
{
    (void)state;
    result r;
    run_ok(&r, ARGS("vectors", "--config", g_tiny, "--shape", "5,10", "--n", "2", "--seed", "7", P("v1")));
    result_free(&r);
    run_ok(&r, ARGS("vectors", "--config", g_tiny, "--shape=5,10", "--n=2", "--seed=7", P("v2")));
    result_free(&r);
    static const char *const files[] = {"meta.txt", "cycles.txt", "expected.txt"};
    for (size_t i = 0; i < 3; i++) {
        char a[64], b[64];
        snprintf(a, sizeof a, "v1/%s", files[i]);
        snprintf(b, sizeof b, "v2/%s", files[i]);
        char *ta = slurp(P(a)), *tb = slurp(P(b));
        assert_non_null(ta);
        assert_non_null(tb);
        assert_string_equal(ta, tb);
        if (i == 0) {
            assert_non_null(strstr(ta, "\nm 5\n"));
            assert_non_null(strstr(ta, "\nk 10\n"));
            assert_non_null(strstr(ta, "\nn 2\n"));
        }
        free(ta);
        free(tb);
    }
    run_fail("--shape", "v3", ARGS("vectors", "--config", g_tiny, P("v3")));
    run_fail("--shape", "v3", ARGS("vectors", "--config", g_tiny, "--shape", "5", P("v3")));
    run_fail("max_n", "v3", ARGS("vectors", "--config", g_tiny, "--shape", "5,10", "--n", "99", P("v3")));
    run_fail("--seed", "v3", ARGS("vectors", "--config", g_tiny, "--shape", "5,10", "--seed", "x", P("v3")));
    run_fail("max_k", "v3", ARGS("vectors", "--config", g_tiny, "--shape", "5,1000", P("v3")));
}

/* ---- error paths ------------------------------------------------------------ */

/* The inputs the error cases use. */
static void make_error_inputs(void)
{
    const float w[8] = {0.5f, -1, 2, 0, 1, 1, -1, 0.25f};
    float wn[8], wi[8];
    memcpy(wn, w, sizeof w);
    memcpy(wi, w, sizeof w);
    wn[6] = NAN;
    wi[1] = -INFINITY;
    const int8_t wq[8] = {1, 0, -1, 1, -1, 1, 0, 0}, wq2[8] = {1, 0, -1, 2, -1, 1, 0, 0};
    const int16_t wq16[8] = {0};
    const int8_t xq[12] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, xbig[4] = {1, 8, -2, 0};
    int8_t w65[65] = {0}, x65[65] = {0};
    const size_t eight = 8, cube[3] = {2, 2, 2};
    put2("W.npy", SLT_NPY_F32, 2, 4, w);
    put2("Wnan.npy", SLT_NPY_F32, 2, 4, wn);
    put2("Winf.npy", SLT_NPY_F32, 2, 4, wi);
    put("W1d.npy", SLT_NPY_F32, 1, &eight, w);
    put("X3d.npy", SLT_NPY_F32, 3, cube, w);
    put2("Wempty.npy", SLT_NPY_F32, 0, 4, NULL);
    put2("Wq.npy", SLT_NPY_I8, 2, 4, wq);
    put2("Wq2.npy", SLT_NPY_I8, 2, 4, wq2);
    put2("Wq16.npy", SLT_NPY_I16, 2, 4, wq16);
    put2("Xq.npy", SLT_NPY_I8, 3, 4, xq);
    put2("Xk5.npy", SLT_NPY_I8, 2, 5, xq);
    put2("Xf.npy", SLT_NPY_F32, 2, 4, w);
    put2("Xbig.npy", SLT_NPY_I8, 1, 4, xbig);
    put2("W65.npy", SLT_NPY_I8, 1, 65, w65);
    put2("X65.npy", SLT_NPY_I8, 1, 65, x65);
    size_t n;
    unsigned char *b = get_raw(P("Xq.npy"), &n);
    put_raw("trunc.npy", b, n - 1);
    free(b);
    put_raw("empty.npy", "", 0);
    put_raw("good.bin", "\x79\x79", 2);
    put_raw("three.bin", "\x79\x79\x79", 3);
    put_raw("bad5.bin", "\xfa\x00", 2);
    put_raw("bad2.bin", "\xff\xff", 2);
}

static void cli_errors_exit_2_one_line_no_output(void **state)
{
    (void)state;
    make_error_inputs();
    const char *nodir = S("no_dir/Y.npy"), *W = S("W.npy"), *Wq = S("Wq.npy"), *Xq = S("Xq.npy"), *O = S("out.npy"),
               *B = S("out.bin");
    static const char *ob = "out.bin", *on = "out.npy";
    run_fail("expected float32 [M,K], found int8 [2,4]", on, ARGS("quant-w", Wq, O));
    run_fail("found float32 [8]", on, ARGS("quant-w", P("W1d.npy"), O));
    run_fail("element [1,2] is nan", on, ARGS("quant-w", P("Wnan.npy"), O));
    run_fail("element [0,1] is -inf", on, ARGS("quant-w", P("Winf.npy"), O));
    run_fail("missing.npy: cannot read", on, ARGS("quant-w", P("missing.npy"), O));
    run_fail("empty.npy: empty file", on, ARGS("quant-w", P("empty.npy"), O));
    run_fail("non-empty", on, ARGS("quant-w", P("Wempty.npy"), O));
    run_fail("unknown option '--bogus'", on, ARGS("quant-w", W, O, "--bogus"));
    run_fail("missing argument Wq.npy", on, ARGS("quant-w", W));
    run_fail("option --bits does not apply", on, ARGS("quant-w", W, O, "--bits", "8"));
    run_fail("unexpected argument 'extra'", on, ARGS("quant-w", W, O, "extra"));
    run_fail("--binary takes no value", on, ARGS("quant-w", W, O, "--binary=1"));
    run_fail("--exact-div applies to ternary weights only", on, ARGS("quant-w", W, O, "--binary", "--exact-div"));
    run_fail("--exact-div takes no value", on, ARGS("quant-a", W, O, "--exact-div=1"));
    run_fail("option --exact-div does not apply", on, ARGS("gemm", Wq, Xq, O, "--exact-div"));
    run_fail("option --tensor does not apply", on, ARGS("quant-w", W, O, "--tensor", "a"));
    run_fail("--bits '5' is not 4, 8 or 16", on, ARGS("quant-a", W, O, "--bits", "5"));
    run_fail("--bits 'x8' is not", on, ARGS("quant-a", W, O, "--bits", "x8"));
    run_fail("--bits needs a value", on, ARGS("quant-a", W, O, "--bits"));
    run_fail("found float32 [2,2,2]", on, ARGS("quant-a", P("X3d.npy"), O));
    run_fail("is nan", on, ARGS("quant-a", P("Wnan.npy"), O));
    run_fail("not a regular file", on, ARGS("quant-a", g_dir, O));
    run_fail("K = 5 (last dimension) does not match", on, ARGS("gemm", Wq, P("Xk5.npy"), O));
    run_fail("element [0,3] is 2, expected -1, 0 or +1", on, ARGS("gemm", P("Wq2.npy"), Xq, O));
    run_fail("element [0,3] is 2", on, ARGS("gemm", P("Wq2.npy"), Xq, O, "--model", "naive"));
    run_fail("expected int8 [M,K], found int16 [2,4]", on, ARGS("gemm", P("Wq16.npy"), Xq, O));
    run_fail("Xf.npy: expected int8 or int16", on, ARGS("gemm", Wq, P("Xf.npy"), O));
    run_fail("act_bits=4", on, ARGS("gemm", Wq, P("Xbig.npy"), O, "--set", "act_bits=4"));
    run_fail("b1", on, ARGS("gemm", Wq, Xq, O, "--set", "weight_format=b1"));
    run_fail("max_k = 64", on, ARGS("gemm", P("W65.npy"), P("X65.npy"), O, "--config", g_tiny));
    run_fail("trunc.npy: truncated", on, ARGS("gemm", Wq, P("trunc.npy"), O));
    run_fail("--model 'bogus'", on, ARGS("gemm", Wq, Xq, O, "--model", "bogus"));
    run_fail("option --model given twice", on, ARGS("gemm", Wq, Xq, O, "--model", "naive", "--model", "lut"));
    run_fail("--model needs a value", on, ARGS("gemm", Wq, Xq, O, "--model"));
    run_fail("missing argument Y.npy", NULL, ARGS("gemm", Wq, Xq));
    run_fail("cannot write", "no_dir/Y.npy", ARGS("gemm", Wq, Xq, nodir));
    assert_int_equal(mkfifo(P("fifo"), 0600), 0);
    run_fail("fifo: cannot write: not a regular file", NULL, ARGS("gemm", Wq, Xq, S("fifo")));
    run_fail("fifo: cannot write: not a regular file", NULL, ARGS("pack", Wq, S("fifo")));
    run_fail("fifo: cannot read: not a regular file", NULL, ARGS("gemm", S("fifo"), Xq, O));
    run_fail("is a directory", NULL, ARGS("pack", Wq, g_dir));
    run_fail("--format 't3'", ob, ARGS("pack", "--format", "t3", Wq, B));
    run_fail("is 2", ob, ARGS("pack", "--format", "t2", P("Wq2.npy"), B));
    run_fail("expected -1 or +1 (format b1)", ob, ARGS("pack", "--format", "b1", Wq, B));
    run_fail("found float32", ob, ARGS("pack", W, B));
    run_fail("missing --shape", on, ARGS("unpack", P("good.bin"), O));
    run_fail("--shape '3,x'", on, ARGS("unpack", "--shape", "3,x", P("good.bin"), O));
    run_fail("--shape '0,4'", on, ARGS("unpack", "--shape", "0,4", P("good.bin"), O));
    run_fail("three.bin: 3 bytes, expected 2", on,
             ARGS("unpack", "--format", "t5", "--shape", "2,4", P("three.bin"), O));
    run_fail("bad5.bin", on, ARGS("unpack", "--format", "t5", "--shape", "2,4", P("bad5.bin"), O));
    run_fail("bad2.bin", on, ARGS("unpack", "--format", "t2", "--shape", "2,4", P("bad2.bin"), O));
    run_fail("missing.bin: cannot read", on, ARGS("unpack", "--format", "t2", "--shape", "2,4", P("missing.bin"), O));
    run_fail("--n '0'", NULL, ARGS("predict", Wq, "--n", "0"));
    run_fail("is 2", NULL, ARGS("predict", P("Wq2.npy")));
    run_fail("found float32", NULL, ARGS("predict", P("Xf.npy")));
    run_fail("/nonexistent/x.cfg", on, ARGS("gemm", Wq, Xq, O, "--config", "/nonexistent/x.cfg"));
    run_fail("bogus", on, ARGS("gemm", Wq, Xq, O, "--set", "bogus=1"));
    run_fail("--set needs", on, ARGS("gemm", Wq, Xq, O, "--set"));
    run_fail("max_k", on, ARGS("gemm", Wq, Xq, O, "--set", "max_k=2"));
    run_fail("unknown command 'frobnicate'", NULL, ARGS("frobnicate", W));
    run_fail("missing command", NULL, ARGS(NULL));
    run_fail("missing command", NULL, ARGS("--set", "act_bits=8"));
}

/* A failing run leaves an existing output file exactly as it was. */
static void cli_error_keeps_existing_output(void **state)
{
    (void)state;
    make_error_inputs();
    put_raw("keep.npy", "old contents", 12);
    run_fail("is 2", NULL, ARGS("gemm", P("Wq2.npy"), P("Xq.npy"), P("keep.npy")));
    size_t n;
    unsigned char *b = get_raw(P("keep.npy"), &n);
    assert_int_equal(n, 12);
    assert_memory_equal(b, "old contents", 12);
    free(b);
}

/* Lost stdout (full disk) is a failure too, and removes the output written. */
static void cli_stdout_failure_is_error_without_output(void **state)
{
    (void)state;
    if (access("/dev/full", W_OK)) skip();
    const float w[4] = {1, -1, 0.5f, 0};
    put2("W.npy", SLT_NPY_F32, 2, 2, w);
    result r;
    run_to(&r, ARGS("quant-w", P("W.npy"), P("Wq.npy")), "/dev/full");
    assert_int_equal(r.status, 2);
    assert_string_equal(r.err, "sltref: cannot write to standard output\n");
    assert_true(no_output("Wq.npy"));
    result_free(&r);
}

/* Options and positionals in any order give the same answer. */
static void cli_argument_order_is_free(void **state)
{
    (void)state;
    const int8_t w[6] = {1, 0, -1, -1, 1, 1}, x[6] = {1, 2, 3, -4, 5, -6};
    const int32_t want[4] = {-2, 4, 2, 3};
    const size_t ys[2] = {2, 2};
    put2("Wq.npy", SLT_NPY_I8, 2, 3, w);
    put2("Xq.npy", SLT_NPY_I8, 2, 3, x);
    const char *Wq = S("Wq.npy"), *Xq = S("Xq.npy"), *Y = S("Y.npy");
    const char *const *orders[] = {
        ARGS("--model", "naive", "--config", g_tiny, "gemm", Wq, Xq, Y),
        ARGS(Wq, "--set", "group_size=2", "gemm", Xq, "--model=lut", Y),
        ARGS("gemm", Wq, "--set=row_lanes=1", Xq, Y, "--config", g_tiny),
    };
    for (size_t i = 0; i < 3; i++) {
        unlink(Y);
        result r;
        run_ok(&r, orders[i]);
        result_free(&r);
        expect_i32("Y.npy", 2, ys, want, cmdline(orders[i]));
    }
}

/* Issue-9 parser points: --n against max_n, no output over an input, no
 * silent last-wins, regular config files only, clear messages for NUL / BOM,
 * one number syntax. */
static void cli_parser_points_are_errors(void **state)
{
    (void)state;
    make_error_inputs();
    /* predict --n beyond max_n (slim: 2) */
    run_fail("max_n", NULL, ARGS("predict", P("Wq.npy"), "--n", "3"));
    /* an output that is one of the inputs: by name, through a symlink, a hard link */
    size_t n0, n1;
    unsigned char *before = get_raw(P("Wq.npy"), &n0);
    run_fail("same file", NULL, ARGS("gemm", P("Wq.npy"), P("Xq.npy"), P("Wq.npy")));
    assert_int_equal(symlink(P("Wq.npy"), P("wlink.npy")), 0);
    run_fail("same file", NULL, ARGS("gemm", P("Wq.npy"), P("Xq.npy"), P("wlink.npy")));
    assert_int_equal(link(P("Xq.npy"), P("xhard.npy")), 0);
    run_fail("same file", NULL, ARGS("gemm", P("Wq.npy"), P("Xq.npy"), P("xhard.npy")));
    run_fail("same file", NULL, ARGS("quant-w", P("W.npy"), P("W.npy")));
    run_fail("same file", NULL, ARGS("pack", "--format", "t2", P("Wq.npy"), P("Wq.npy")));
    unsigned char *after = get_raw(P("Wq.npy"), &n1);
    assert_int_equal(n0, n1);
    assert_memory_equal(before, after, n0);
    free(before);
    free(after);
    /* repeated options: no silent last-wins */
    run_fail("--config given twice", "Y.npy",
             ARGS("gemm", P("Wq.npy"), P("Xq.npy"), P("Y.npy"), "--config", g_tiny, "--config", g_tiny));
    run_fail("--set act_bits given twice", "Y.npy",
             ARGS("gemm", P("Wq.npy"), P("Xq.npy"), P("Y.npy"), "--set", "act_bits=8", "--set", "act_bits = 4"));
    run_fail("--n given twice", NULL, ARGS("predict", P("Wq.npy"), "--n", "1", "--n", "2"));
    /* --config must be a regular file: a FIFO does not block, a folder is refused */
    assert_int_equal(mkfifo(P("fifo.cfg"), 0600), 0);
    alarm(60); /* a regression blocks: SIGALRM ends the test as a failure */
    run_fail("not a regular file", NULL, ARGS("predict", P("Wq.npy"), "--config", P("fifo.cfg")));
    alarm(0);
    run_fail("not a regular file", NULL, ARGS("predict", P("Wq.npy"), "--config", g_dir));
    /* NUL byte and UTF-8 byte-order mark */
    put_raw("nul.cfg", "act_bits = 8\ngroup\0_size = 3\n", 29);
    run_fail("NUL byte", NULL, ARGS("predict", P("Wq.npy"), "--config", P("nul.cfg")));
    put_raw("bom.cfg", "\xEF\xBB\xBFgroup_size = 3\n", 18);
    run_fail("byte-order mark", NULL, ARGS("predict", P("Wq.npy"), "--config", P("bom.cfg")));
    /* one number syntax */
    run_fail("plain decimal", NULL, ARGS("predict", P("Wq.npy"), "--set", "clock_mhz=0x10"));
    run_fail("plain decimal", NULL, ARGS("predict", P("Wq.npy"), "--set", "clock_mhz=1e-300"));
    run_fail("expected an integer", NULL, ARGS("predict", P("Wq.npy"), "--set", "max_k=0x10"));
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup_dir, teardown_dir)

int main(void)
{
    g_seed = slt_seed_from_env(1);
    g_sltref = getenv("SLTREF") ? getenv("SLTREF") : "build/san/bin/sltref";
    snprintf(g_tiny, sizeof g_tiny, "%s/configs/tiny.cfg", getenv("SLT_TOP") ? getenv("SLT_TOP") : ".");
    if (access(g_sltref, X_OK)) {
        fprintf(stderr, "test_cli: %s is not an executable (set SLTREF)\n", g_sltref);
        return 1;
    }
    printf("test_cli: %s, seed %llu (SEED=%llu replays)\n", g_sltref, (unsigned long long)g_seed,
           (unsigned long long)g_seed);
    const struct CMUnitTest tests[] = {
        T(cli_help_and_version_exit_0),
        T(cli_quant_w_ternary_known_answers),
        T(cli_quant_w_binary_known_answers),
        T(cli_quant_w_random_matches_formula),
        T(cli_quant_a_known_answers),
        T(cli_quant_a_bits_match_formula),
        T(cli_gemm_known_answer),
        T(cli_gemm_random_lut_equals_naive),
        T(cli_pack_known_bytes),
        T(cli_vectors_writes_replayable_files),
        T(cli_pack_unpack_round_trip),
        T(cli_predict_prints_json),
        T(cli_errors_exit_2_one_line_no_output),
        T(cli_error_keeps_existing_output),
        T(cli_stdout_failure_is_error_without_output),
        T(cli_argument_order_is_free),
        T(cli_parser_points_are_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
