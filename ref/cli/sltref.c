/* sltref - the golden model on .npy files (docs/cli.md).
 *
 * Every command reads all its inputs, checks them completely, computes, and
 * only then writes its output (atomically), so a failing run leaves no file.
 * Every failure is one line on stderr starting "sltref: " and exit status 2
 * (SLT_EXIT_BADINPUT); success is 0. Options and positionals may come in any
 * order; --config FILE and --set key=value apply to every command. */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "slt_bitnet.h"
#include "slt_cli.h"
#include "slt_config.h"
#include "slt_gemm.h"
#include "slt_import.h"
#include "slt_npy.h"
#include "slt_prng.h"
#include "slt_vectors.h"
#include "slt_pack.h"
#include "slt_quant.h"
#include "slt_version.h"

#define EXIT_BAD SLT_EXIT_BADINPUT

/* ---- errors ----------------------------------------------------------------- */

/* The output file this run wrote, removed again if stdout then fails, so a
 * failed run (exit 2) never leaves an output behind. */
static const char *g_written;


/* ---- command-line model ----------------------------------------------------- */

enum {
    OPT_BINARY = 1 << 0,
    OPT_BITS = 1 << 1,
    OPT_MODEL = 1 << 2,
    OPT_FORMAT = 1 << 3,
    OPT_SHAPE = 1 << 4,
    OPT_N = 1 << 5,
    OPT_SEED = 1 << 6,
    OPT_EXACT_DIV = 1 << 7,
    OPT_TENSOR = 1 << 8,
    OPT_HF_BITLINEAR = 1 << 9,
};

typedef struct {
    const char *name;
    unsigned bit;
    int takes_value;
} option_def;

static const option_def g_options[] = {
    {"--binary", OPT_BINARY, 0}, {"--bits", OPT_BITS, 1},   {"--model", OPT_MODEL, 1},
    {"--format", OPT_FORMAT, 1}, {"--shape", OPT_SHAPE, 1}, {"--n", OPT_N, 1},
    {"--seed", OPT_SEED, 1}, {"--exact-div", OPT_EXACT_DIV, 0},
    {"--tensor", OPT_TENSOR, 1}, {"--hf-bitlinear", OPT_HF_BITLINEAR, 0},
};
#define N_OPTIONS (sizeof g_options / sizeof g_options[0])

#define MAX_POS 8
typedef struct {
    const char *pos[MAX_POS];
    int npos;
    unsigned given;                /* OPT_* bits seen */
    const char *value[N_OPTIONS];  /* value of each value-taking option */
} args;

typedef struct command command;
struct command {
    const char *name;
    const char *synopsis;      /* after "sltref <name> " */
    const char *pos_names[4];  /* required positionals, NULL-terminated */
    unsigned opts;             /* OPT_* bits the command accepts */
    int (*run)(const args *a, const slt_config *cfg);
    const char *help;
};

static const option_def *find_option(const char *name)
{
    for (size_t i = 0; i < N_OPTIONS; i++)
        if (!strcmp(g_options[i].name, name)) return &g_options[i];
    return NULL;
}

static const char *opt_value(const args *a, unsigned bit)
{
    for (size_t i = 0; i < N_OPTIONS; i++)
        if (g_options[i].bit == bit) return a->value[i];
    return NULL;
}

/* ---- small parsers ---------------------------------------------------------- */

/* Strict decimal integer in [lo, hi]. */
static int parse_long(const char *s, long lo, long hi, long *v)
{
    if (!s || !*s || !((*s >= '0' && *s <= '9') || *s == '-')) return -1;
    char *end;
    errno = 0;
    long x = strtol(s, &end, 10);
    if (errno || *end || x < lo || x > hi) return -1;
    *v = x;
    return 0;
}

/* "M,K" (1..8 positive dimensions): 0, -1 malformed, -2 product overflows. */
static int parse_shape(const char *s, int *ndim, size_t *shape, size_t *count)
{
    *ndim = 0;
    *count = 1;
    const char *p = s;
    for (;;) {
        char part[32];
        size_t n = strcspn(p, ",");
        long v;
        if (*ndim == 8 || n == 0 || n >= sizeof part) return -1;
        memcpy(part, p, n);
        part[n] = '\0';
        if (parse_long(part, 1, LONG_MAX, &v)) return -1;
        if ((size_t)v > SIZE_MAX / *count) return -2; /* product overflows */
        shape[(*ndim)++] = (size_t)v;
        *count *= (size_t)v;
        if (!p[n]) return 0;
        p += n + 1;
    }
}

/* ---- array descriptions and checks -------------------------------------- */

/* "int8 [3,4]" for messages. */
static const char *describe(const slt_npy *a, char *buf, size_t len)
{
    size_t n = (size_t)snprintf(buf, len, "%s [", slt_dtype_name(a->dtype));
    for (int i = 0; i < a->ndim && n < len; i++)
        n += (size_t)snprintf(buf + n, len - n, i ? ",%zu" : "%zu", a->shape[i]);
    if (n < len) snprintf(buf + n, len - n, a->ndim ? "]" : "] (0-D)");
    return buf;
}

/* "[m,k]" index of flat element i, for messages. */
static const char *index_name(const slt_npy *a, size_t i, char *buf, size_t len)
{
    size_t idx[8];
    for (int d = a->ndim - 1; d >= 0; d--) {
        idx[d] = a->shape[d] ? i % a->shape[d] : 0;
        i = a->shape[d] ? i / a->shape[d] : 0;
    }
    size_t n = (size_t)snprintf(buf, len, "[");
    for (int d = 0; d < a->ndim && n < len; d++) n += (size_t)snprintf(buf + n, len - n, d ? ",%zu" : "%zu", idx[d]);
    if (n < len) snprintf(buf + n, len - n, "]");
    return buf;
}

static int load(const char *path, slt_npy *a)
{
    char err[SLT_ERRLEN];
    if (slt_npy_read(path, a, err, sizeof err)) return slt_cli_die("%s", err);
    return 0;
}

/* The array must have one of the dtypes in `dtypes` (bit per slt_dtype), a rank in
 * [rmin, rmax], no zero dimension, and every dimension <= INT_MAX (the library
 * takes int sizes). `want` describes it in the message. */
static int check_array(const char *path, const slt_npy *a, unsigned dtypes, int rmin, int rmax, const char *want)
{
    char d[160];
    if (!(dtypes & (1u << a->dtype)) || a->ndim < rmin || a->ndim > rmax)
        return slt_cli_die("%s: expected %s, found %s", path, want, describe(a, d, sizeof d));
    for (int i = 0; i < a->ndim; i++) {
        if (a->shape[i] == 0) return slt_cli_die("%s: expected a non-empty %s, found %s", path, want, describe(a, d, sizeof d));
        if (a->shape[i] > INT_MAX) return slt_cli_die("%s: dimension %zu too large (max %d)", path, a->shape[i], INT_MAX);
    }
    return 0;
}

static int check_finite(const char *path, const slt_npy *a)
{
    const float *v = a->data;
    char ix[96];
    for (size_t i = 0; i < a->count; i++)
        if (!isfinite(v[i]))
            return slt_cli_die("%s: element %s is %s, expected a finite float32", path, index_name(a, i, ix, sizeof ix),
                       isnan(v[i]) ? "nan" : v[i] > 0 ? "inf" : "-inf");
    return 0;
}

/* Weights must be in the alphabet of the format: {-1,+1} when binary, else {-1,0,+1}. */
static int check_weights(const char *path, const slt_npy *a, int binary, const char *why)
{
    const int8_t *w = a->data;
    char ix[96];
    for (size_t i = 0; i < a->count; i++) {
        int ok = w[i] == 1 || w[i] == -1 || (!binary && w[i] == 0);
        if (!ok)
            return slt_cli_die("%s: element %s is %d, expected %s (%s)", path, index_name(a, i, ix, sizeof ix), w[i],
                       binary ? "-1 or +1" : "-1, 0 or +1", why);
    }
    return 0;
}

/* int8 or int16 activations as int16 (the library's layout). */
static int16_t *acts_as_i16(const slt_npy *x)
{
    int16_t *v = malloc(x->count * sizeof *v);
    if (!v) return NULL;
    for (size_t i = 0; i < x->count; i++)
        v[i] = x->dtype == SLT_NPY_I8 ? ((const int8_t *)x->data)[i] : ((const int16_t *)x->data)[i];
    return v;
}

static int check_act_range(const char *path, const slt_npy *x, const int16_t *v, int bits)
{
    long lo = -(1L << (bits - 1)), hi = (1L << (bits - 1)) - 1;
    char ix[96];
    for (size_t i = 0; i < x->count; i++)
        if (v[i] < lo || v[i] > hi)
            return slt_cli_die("%s: element %s is %d, outside act_bits=%d (expected %ld..%ld; use --set act_bits=16 or "
                       "--model naive)", path, index_name(x, i, ix, sizeof ix), v[i], bits, lo, hi);
    return 0;
}

#define DT(x) (1u << (x))

/* ---- raw (packed) files ------------------------------------------------- */

/* Read a whole regular file of exactly `want` bytes (checked before reading,
 * so a huge file is never loaded). */
static int read_raw(const char *path, size_t want, const char *what, uint8_t **out)
{
    struct stat st;
    if (stat(path, &st) != 0) return slt_cli_die("%s: cannot read: %s", path, strerror(errno));
    if (!S_ISREG(st.st_mode)) return slt_cli_die("%s: cannot read: not a regular file", path);
    if ((unsigned long long)st.st_size != want)
        return slt_cli_die("%s: %lld bytes, expected %zu (%s)", path, (long long)st.st_size, want, what);
    FILE *f = fopen(path, "rb");
    if (!f) return slt_cli_die("%s: cannot read: %s", path, strerror(errno));
    *out = malloc(want ? want : 1);
    int bad = !*out || fread(*out, 1, want, f) != want || fgetc(f) != EOF;
    fclose(f);
    if (bad) {
        free(*out);
        *out = NULL;
        return slt_cli_die("%s: cannot read %zu bytes (file changed or out of memory)", path, want);
    }
    return 0;
}

static int write_raw(const char *path, const uint8_t *data, size_t n)
{
    char err[SLT_ERRLEN];
    if (slt_write_atomic(path, data, n, err, sizeof err)) return slt_cli_die("%s", err);
    g_written = path;
    return 0;
}

static int write_npy(const char *path, slt_dtype dt, int ndim, const size_t *shape, const void *data)
{
    char err[SLT_ERRLEN];
    if (slt_npy_write(path, dt, ndim, shape, data, err, sizeof err)) return slt_cli_die("%s", err);
    g_written = path;
    return 0;
}

/* The weight format: --format, else the config's weight_format. */
static int pick_format(const args *a, const slt_config *cfg, slt_format *f)
{
    const char *s = opt_value(a, OPT_FORMAT);
    *f = cfg->weight_format;
    if (s && slt_format_parse(s, f)) return slt_cli_die("--format '%s' is not t2, t5 or b1", s);
    return 0;
}

/* ---- quant-w ---------------------------------------------------------------- */

static int quant_w_run(const args *a, const slt_config *cfg)
{
    (void)cfg;
    const char *in = a->pos[1], *out = a->pos[2];
    int binary = (a->given & OPT_BINARY) != 0;
    slt_quant_mode mode = (a->given & OPT_EXACT_DIV) ? SLT_QUANT_EXACT_DIV : SLT_QUANT_PUBLISHED;
    if (binary && mode == SLT_QUANT_EXACT_DIV) return slt_cli_die("quant-w: --exact-div applies to ternary weights only");
    slt_npy w;
    int rc = load(in, &w);
    if (rc) return rc;
    int8_t *q = NULL;
    float scale = 0;
    char err[SLT_ERRLEN];
    if (!(rc = check_array(in, &w, DT(SLT_NPY_F32), 2, 2, "float32 [M,K]")) && !(rc = check_finite(in, &w))) {
        if (!(q = malloc(w.count))) rc = slt_cli_die("%s: out of memory", in);
        else if (binary ? slt_quant_binary(w.data, w.count, q, &scale, err, sizeof err)
                        : slt_quant_ternary_mode(w.data, w.count, mode, q, &scale, err, sizeof err))
            rc = slt_cli_die("%s: %s", in, err);
        else if (!(rc = write_npy(out, SLT_NPY_I8, 2, w.shape, q)))
            printf("gamma=%.9g\n", (double)scale);
    }
    free(q);
    slt_npy_free(&w);
    return rc;
}

/* ---- quant-a ---------------------------------------------------------------- */

static int bits_option(const args *a, const slt_config *cfg, int *bits)
{
    const char *s = opt_value(a, OPT_BITS);
    long v;
    *bits = cfg->act_bits;
    if (!s) return 0;
    if (parse_long(s, 4, 16, &v) || (v != 4 && v != 8 && v != 16)) return slt_cli_die("--bits '%s' is not 4, 8 or 16", s);
    *bits = (int)v;
    return 0;
}

/* Narrow the int16 quantiser output to the file dtype (int8 for 4/8 bits). */
static void *act_output(const int16_t *q, size_t n, int bits)
{
    if (bits == 16) {
        int16_t *o = malloc(n * sizeof *o);
        if (o) memcpy(o, q, n * sizeof *o);
        return o;
    }
    int8_t *o = malloc(n);
    if (o)
        for (size_t i = 0; i < n; i++) o[i] = (int8_t)q[i];
    return o;
}

static int quant_a_compute(const char *in, const char *out, const slt_npy *x, int bits, slt_quant_mode mode)
{
    size_t k = x->shape[x->ndim - 1], rows = x->count / k;
    int16_t *q = malloc(x->count * sizeof *q);
    float *s = malloc(rows * sizeof *s);
    void *o = NULL;
    char err[SLT_ERRLEN];
    int rc = 0;
    if (!q || !s) rc = slt_cli_die("%s: out of memory", in);
    else if (slt_quant_act_mode(x->data, rows, k, bits, mode, q, s, err, sizeof err)) rc = slt_cli_die("%s: %s", in, err);
    else if (!(o = act_output(q, x->count, bits))) rc = slt_cli_die("%s: out of memory", in);
    else if (!(rc = write_npy(out, bits == 16 ? SLT_NPY_I16 : SLT_NPY_I8, x->ndim, x->shape, o)))
        for (size_t r = 0; r < rows; r++) printf("scale=%.9g\n", (double)s[r]);
    free(o);
    free(s);
    free(q);
    return rc;
}

static int quant_a_run(const args *a, const slt_config *cfg)
{
    const char *in = a->pos[1], *out = a->pos[2];
    int bits, rc;
    if ((rc = bits_option(a, cfg, &bits))) return rc;
    slt_npy x;
    if ((rc = load(in, &x))) return rc;
    if (!(rc = check_array(in, &x, DT(SLT_NPY_F32), 1, 2, "float32 [N,K] or [K]")) && !(rc = check_finite(in, &x)))
        rc = quant_a_compute(in, out, &x, bits,
                             (a->given & OPT_EXACT_DIV) ? SLT_QUANT_EXACT_DIV : SLT_QUANT_PUBLISHED);
    slt_npy_free(&x);
    return rc;
}

/* ---- gemm ------------------------------------------------------------------- */

static int model_option(const args *a, int *lut)
{
    const char *s = opt_value(a, OPT_MODEL);
    *lut = 1;
    if (!s || !strcmp(s, "lut")) return 0;
    if (!strcmp(s, "naive")) {
        *lut = 0;
        return 0;
    }
    return slt_cli_die("--model '%s' is not naive or lut", s);
}

/* Shapes, K agreement, weight alphabet, and (lut) K <= max_k and act_bits. */
static int gemm_check(const args *a, const slt_config *cfg, int lut, const slt_npy *w, const slt_npy *x,
                      const int16_t *xv)
{
    const char *wp = a->pos[1], *xp = a->pos[2];
    int rc, binary = lut && slt_format_is_binary(cfg->weight_format);
    if ((rc = check_array(wp, w, DT(SLT_NPY_I8), 2, 2, "int8 [M,K]"))) return rc;
    if ((rc = check_array(xp, x, DT(SLT_NPY_I8) | DT(SLT_NPY_I16), 1, 2, "int8 or int16 [N,K] or [K]"))) return rc;
    if (x->shape[x->ndim - 1] != w->shape[1])
        return slt_cli_die("%s: K = %zu (last dimension) does not match %s's K = %zu", xp, x->shape[x->ndim - 1], wp,
                   w->shape[1]);
    if ((rc = check_weights(wp, w, binary, binary ? "the config's weight_format is b1" : "ternary weights")))
        return rc;
    if (!lut) return 0;
    if (w->shape[1] > (size_t)cfg->max_k)
        return slt_cli_die("%s: K = %zu exceeds the config's max_k = %d (--model lut)", wp, w->shape[1], cfg->max_k);
    return check_act_range(xp, x, xv, cfg->act_bits);
}

static int gemm_run(const args *a, const slt_config *cfg)
{
    const char *yp = a->pos[3];
    int lut, rc;
    if ((rc = model_option(a, &lut))) return rc;
    slt_npy w, x = {0};
    if ((rc = load(a->pos[1], &w))) return rc;
    if ((rc = load(a->pos[2], &x))) {
        slt_npy_free(&w);
        return rc;
    }
    int16_t *xv = acts_as_i16(&x);
    int32_t *y = NULL;
    char err[SLT_ERRLEN];
    if (!xv) {
        rc = slt_cli_die("%s: out of memory", a->pos[2]);
    } else if (!(rc = gemm_check(a, cfg, lut, &w, &x, xv))) {
        int m = (int)w.shape[0], k = (int)w.shape[1], n = x.ndim == 2 ? (int)x.shape[0] : 1;
        size_t shape[2] = {(size_t)n, (size_t)m};
        if (!(y = malloc((size_t)n * (size_t)m * sizeof *y))) rc = slt_cli_die("out of memory");
        else if (lut ? slt_gemm_lut(cfg, w.data, xv, y, m, k, n, NULL, err, sizeof err)
                     : slt_gemm_naive(w.data, xv, y, m, k, n, err, sizeof err))
            rc = slt_cli_die("gemm %s x %s: %s", a->pos[1], a->pos[2], err);
        /* A 1-D Xq gives a 1-D Y of [M], as numpy's Xq @ Wq.T does. */
        else rc = x.ndim == 2 ? write_npy(yp, SLT_NPY_I32, 2, shape, y) : write_npy(yp, SLT_NPY_I32, 1, shape + 1, y);
    }
    free(y);
    free(xv);
    slt_npy_free(&x);
    slt_npy_free(&w);
    return rc;
}

/* ---- pack / unpack ---------------------------------------------------------- */

static int pack_run(const args *a, const slt_config *cfg)
{
    const char *in = a->pos[1], *out = a->pos[2];
    slt_format f;
    int rc;
    if ((rc = pick_format(a, cfg, &f))) return rc;
    slt_npy w;
    if ((rc = load(in, &w))) return rc;
    uint8_t *buf = NULL;
    char err[SLT_ERRLEN], why[64];
    snprintf(why, sizeof why, "format %s", slt_format_name(f));
    if (!(rc = check_array(in, &w, DT(SLT_NPY_I8), 1, 8, "int8 weights (any shape)"))
        && !(rc = check_weights(in, &w, slt_format_is_binary(f), why))) {
        size_t nb = slt_packed_bytes(f, w.count);
        if (!(buf = malloc(nb ? nb : 1))) rc = slt_cli_die("%s: out of memory", in);
        else if (slt_pack(f, w.data, w.count, buf, err, sizeof err)) rc = slt_cli_die("%s: %s", in, err);
        else rc = write_raw(out, buf, nb);
    }
    free(buf);
    slt_npy_free(&w);
    return rc;
}

static int unpack_run(const args *a, const slt_config *cfg)
{
    const char *in = a->pos[1], *out = a->pos[2], *s = opt_value(a, OPT_SHAPE);
    slt_format f;
    int rc, ndim;
    size_t shape[8], n;
    if ((rc = pick_format(a, cfg, &f))) return rc;
    if (!s) return slt_cli_die("unpack: missing --shape M,K (the weight count is not stored in %s)", in);
    if ((rc = parse_shape(s, &ndim, shape, &n)) == -2) return slt_cli_die("--shape '%s': too many weights", s);
    if (rc)
        return slt_cli_die("--shape '%s' is not a list of 1..8 positive integers like 3,4", s);
    /* Keeps slt_packed_bytes' rounding-up sum from wrapping. */
    if (n > SIZE_MAX / 16) return slt_cli_die("--shape '%s': too many weights", s);
    char what[128];
    snprintf(what, sizeof what, "%zu weights in format %s", n, slt_format_name(f));
    uint8_t *buf = NULL;
    if ((rc = read_raw(in, slt_packed_bytes(f, n), what, &buf))) return rc;
    int8_t *w = malloc(n);
    char err[SLT_ERRLEN];
    if (!w) rc = slt_cli_die("%s: out of memory", in);
    else if (slt_unpack(f, buf, slt_packed_bytes(f, n), n, w, err, sizeof err)) rc = slt_cli_die("%s: %s", in, err);
    else rc = write_npy(out, SLT_NPY_I8, ndim, shape, w);
    free(w);
    free(buf);
    return rc;
}

/* ---- predict ---------------------------------------------------------------- */

static int predict_run(const args *a, const slt_config *cfg)
{
    const char *in = a->pos[1], *ns = opt_value(a, OPT_N);
    long n = 1;
    int rc;
    if (ns && parse_long(ns, 1, cfg->max_n, &n)) return slt_cli_die("predict: --n '%s' is not in 1..%d (max_n)", ns, cfg->max_n);
    slt_npy w;
    if ((rc = load(in, &w))) return rc;
    int binary = slt_format_is_binary(cfg->weight_format);
    char err[SLT_ERRLEN];
    if (!(rc = check_array(in, &w, DT(SLT_NPY_I8), 2, 2, "int8 [M,K]"))
        && !(rc = check_weights(in, &w, binary, binary ? "the config's weight_format is b1" : "ternary weights"))) {
        slt_events ev;
        memset(&ev, 0, sizeof ev);
        int m = (int)w.shape[0], k = (int)w.shape[1];
        if (w.shape[1] > (size_t)cfg->max_k)
            rc = slt_cli_die("%s: K = %zu exceeds the config's max_k = %d", in, w.shape[1], cfg->max_k);
        else if (slt_predict(cfg, w.data, m, k, (int)n, &ev, err, sizeof err)) rc = slt_cli_die("%s: %s", in, err);
        else slt_events_json(&ev, m, k, (int)n, stdout);
    }
    slt_npy_free(&w);
    return rc;
}

/* ---- vectors ---------------------------------------------------------------- */

/* Icarus vector files for the array: random W (runs of zeros, single-weight
 * groups, all +-1) and X (corner values) from the seed, expected outputs from
 * the LUT model checked against the naive one (ref/slt_vectors.h). */
static int vectors_run(const args *a, const slt_config *cfg)
{
    const char *dir = a->pos[1], *shape = opt_value(a, OPT_SHAPE), *ns = opt_value(a, OPT_N);
    const char *seeds = opt_value(a, OPT_SEED);
    int ndim;
    size_t dims[8], count;
    long n = 1;
    if (!shape) return slt_cli_die("vectors: --shape M,K is required");
    if (parse_shape(shape, &ndim, dims, &count) || ndim != 2 || dims[0] > INT_MAX || dims[1] > INT_MAX)
        return slt_cli_die("vectors: --shape '%s' is not M,K with positive integers", shape);
    if (ns && parse_long(ns, 1, cfg->max_n, &n)) return slt_cli_die("vectors: --n '%s' is not in 1..%d (max_n)", ns, cfg->max_n);
    uint64_t seed = slt_seed_from_env(1);
    if (seeds) {
        char *end;
        errno = 0;
        unsigned long long v = strtoull(seeds, &end, 0);
        if (!*seeds || *seeds == '-' || errno || *end) return slt_cli_die("vectors: --seed '%s' is not an unsigned integer", seeds);
        seed = (uint64_t)v;
    }
    char err[SLT_ERRLEN];
    if (slt_vectors_write(cfg, (int)dims[0], (int)dims[1], (int)n, seed, dir, err, sizeof err))
        return slt_cli_die("vectors: %s", err);
    printf("vectors: %s: M=%zu K=%zu N=%ld seed %llu\n", dir, dims[0], dims[1], n, (unsigned long long)seed);
    return 0;
}

/* ---- import ------------------------------------------------------------------ */

static int import_run(const args *a, const slt_config *cfg)
{
    slt_import_opts o = {cfg->weight_format, opt_value(a, OPT_TENSOR), (a->given & OPT_HF_BITLINEAR) != 0};
    int rc = pick_format(a, cfg, &o.format);
    if (rc) return rc;
    char err[SLT_ERRLEN];
    if (slt_import(a->pos[1], a->pos[2], &o, stdout, err, sizeof err)) return slt_cli_die("%s", err);
    printf("import: wrote %s/manifest.tsv\n", a->pos[2]);
    return 0;
}

/* ---- command table and help ------------------------------------------------- */

static const command g_commands[] = {
    {"quant-w", "W.npy Wq.npy [--binary | --exact-div]", {"W.npy", "Wq.npy", NULL}, OPT_BINARY | OPT_EXACT_DIV,
     quant_w_run,
     "Quantise float32 weights W [M,K] per tensor to int8 Wq [M,K].\n"
     "  ternary (default): gamma = max(mean|W|, 1e-5), s = 1/gamma (float32, as BitNet's\n"
     "                     code), Wq = clamp(rint(W*s), -1, 1), rint = half to even\n"
     "  --exact-div:       Wq = clamp(rint(W/gamma), -1, 1) (one rounding)\n"
     "  --binary:          alpha = mean(W), Wq = W-alpha > 0 ? +1 : -1, scale beta = mean|W|\n"
     "Prints one line gamma=<%.9g> (the beta scale with --binary).\n"},
    {"quant-a", "X.npy Xq.npy [--bits 4|8|16] [--exact-div]", {"X.npy", "Xq.npy", NULL}, OPT_BITS | OPT_EXACT_DIV,
     quant_a_run,
     "Quantise float32 activations X [N,K] per row (absmax) to Xq [N,K].\n"
     "  Q = 2^(bits-1)-1, s = Q * (1 / max(max|x|, 1e-5)) (float32, two roundings, as\n"
     "  torch evaluates Q / amax), Xq = clamp(rint(x*s), -Q-1, Q)\n"
     "  --exact-div   s = Q / max(max|x|, 1e-5) (one rounding)\n"
     "  --bits 4|8|16  width (default: the config's act_bits, 8 in the built-in config)\n"
     "Xq is int8 for 4 and 8 bits, int16 for 16. A 1-D X [K] is one row (N = 1)\n"
     "and gives a 1-D Xq [K]. Prints one line scale=<%.9g> per row.\n"},
    {"gemm", "Wq.npy Xq.npy Y.npy [--model naive|lut]", {"Wq.npy", "Xq.npy", "Y.npy", NULL}, OPT_MODEL, gemm_run,
     "Integer core: Y [N,M] int32 = Xq [N,K] x Wq[M,K]^T, exact.\n"
     "  Wq int8 in {-1,0,+1}; Xq int8 or int16. A 1-D Xq [K] gives a 1-D Y [M].\n"
     "  --model lut    (default) the LUT array as configured: K <= max_k, activations\n"
     "                 within act_bits, weights +-1 when weight_format = b1\n"
     "  --model naive  plain sums, no configuration limits\n"},
    {"pack", "--format t2|t5|b1 Wq.npy out.bin", {"Wq.npy", "out.bin", NULL}, OPT_FORMAT, pack_run,
     "Pack int8 weights (any shape, flattened in row-major order, one stream) to\n"
     "raw bytes, padded only after the last weight (docs/numerics.md).\n"
     "  --format t2|t5|b1  default: the config's weight_format\n"},
    {"unpack", "--format t2|t5|b1 --shape M,K in.bin Wq.npy", {"in.bin", "Wq.npy", NULL}, OPT_FORMAT | OPT_SHAPE,
     unpack_run,
     "Unpack raw bytes to int8 weights of the given shape. The file must hold\n"
     "exactly the bytes that many weights need; invalid codes are errors.\n"
     "  --shape M,K         required (1..8 comma-separated dimensions)\n"
     "  --format t2|t5|b1   default: the config's weight_format\n"},
    {"predict", "Wq.npy [--n N]", {"Wq.npy", NULL}, OPT_N, predict_run,
     "Print the cycle and event prediction of the configured array for N tokens\n"
     "against Wq [M,K] as one JSON object.\n"
     "  --n N   tokens (default 1)\n"},
    {"vectors", "--shape M,K [--n N] [--seed S] DIR", {"DIR", NULL}, OPT_SHAPE | OPT_N | OPT_SEED, vectors_run,
     "Write the Icarus array testbench's vector files (meta.txt, cycles.txt,\n"
     "expected.txt; format in ref/slt_vectors.h) into DIR for the configuration:\n"
     "random weights and activations drawn from the seed, expected outputs from the\n"
     "LUT model, checked equal to the naive model.\n"
     "  --shape M,K  required; K <= max_k\n"
     "  --n N        tokens, 1..max_n (default 1)\n"
     "  --seed S     default: $SEED, else 1\n"},
    {"import", "MODEL OUTDIR [--format t2|t5] [--tensor NAME[,NAME...]] [--hf-bitlinear]", {"MODEL", "OUTDIR", NULL},
     OPT_FORMAT | OPT_TENSOR | OPT_HF_BITLINEAR, import_run,
     "Import the ternary linear weights of a real checkpoint (docs/import.md):\n"
     "MODEL is GGUF v3 (TQ1_0, TQ2_0, bitnet.cpp I2_S x86 layout) or safetensors\n"
     "(transformers' packed U8 [out/4,in] + weight_scale, or ternary-valued\n"
     "F32/F16/BF16). Writes the new folder OUTDIR: <name>.<t2|t5> per tensor (W [M,K]\n"
     "row-major, packed as `sltref pack`) and manifest.tsv (name, file, M, K, format,\n"
     "gamma with W_real = gamma * W). A tensor that does not decode exactly to\n"
     "ternary with one scale is refused, naming it; float tensors that are not\n"
     "ternary (embeddings, norms) are listed as skipped unless named by --tensor.\n"
     "  --format t2|t5        default: the config's weight_format\n"
     "  --tensor A,B          only these tensors (each must decode)\n"
     "  --hf-bitlinear        weight_scale holds 1/gamma (transformers BitLinear);\n"
     "                        default: it holds gamma (AutoBitLinear, BitNet 2B-4T)\n"},
};
#define N_COMMANDS (sizeof g_commands / sizeof g_commands[0])

static const command *find_command(const char *name)
{
    for (size_t i = 0; i < N_COMMANDS; i++)
        if (!strcmp(g_commands[i].name, name)) return &g_commands[i];
    return NULL;
}

static const char g_common[] =
    "Common options (every command, any position):\n"
    "  --config FILE     configuration file (default: built-in slim)\n"
    "  --set key=value   override one configuration key (repeatable)\n"
    "  --help, -h        this help;  --version  print the version\n"
    "Options also take the form --opt=value.\n"
    "Exit status: 0 success, 2 any error (one line on stderr starting \"sltref: \";\n"
    "no output file is written).\n";

static void usage_all(FILE *f)
{
    fprintf(f, "usage: sltref <command> [options] (options and arguments in any order)\n\ncommands:\n");
    for (size_t i = 0; i < N_COMMANDS; i++) fprintf(f, "  sltref %s %s\n", g_commands[i].name, g_commands[i].synopsis);
    fprintf(f, "  sltref generate MODEL --prompt-ids ID,... --n N [--rtl DIR]  (BitNet decoder; sltref generate --help)\n");
    fprintf(f, "\n%s\n'sltref <command> --help' describes one command; see docs/cli.md.\n", g_common);
}

static void usage_cmd(const command *c, FILE *f)
{
    fprintf(f, "usage: sltref %s %s [--config FILE] [--set key=value]...\n\n%s\n%s", c->name, c->synopsis, c->help,
            g_common);
}

/* ---- argument parsing ------------------------------------------------------- */

/* Split every "--opt=value" into two arguments so the rest of the parser (and
 * slt_config_from_args) only ever sees "--opt value". Returns a new argv whose
 * strings live in *store (free both). */
static char **split_equals(int argc, char **argv, int *out_argc, char **store)
{
    size_t total = 0;
    for (int i = 0; i < argc; i++) total += strlen(argv[i]) + 1;
    char **v = malloc((size_t)(2 * argc + 1) * sizeof *v);
    char *s = malloc(total ? total : 1);
    if (!v || !s) {
        free(v);
        free(s);
        return NULL;
    }
    int n = 0;
    char *p = s;
    for (int i = 0; i < argc; i++) {
        size_t len = strlen(argv[i]) + 1;
        memcpy(p, argv[i], len);
        char *eq = (i > 0 && !strncmp(p, "--", 2)) ? strchr(p, '=') : NULL;
        v[n++] = p;
        if (eq) {
            *eq = '\0';
            v[n++] = eq + 1;
        }
        p += len;
    }
    v[n] = NULL;
    *out_argc = n;
    *store = s;
    return v;
}

static int is_value_option(const char *s)
{
    const option_def *o = find_option(s);
    return (o && o->takes_value) || !strcmp(s, "--config") || !strcmp(s, "--set");
}

/* First word that is neither an option nor an option's value. */
static const char *first_positional(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] != '-' || !argv[i][1]) return argv[i];
        if (is_value_option(argv[i])) i++;
    }
    return NULL;
}

/* --help / --version anywhere win over everything else (even a bad config). */
static int handle_info(int argc, char **argv, int *done)
{
    *done = 1;
    for (int i = 1; i < argc; i++) {
        if (is_value_option(argv[i])) {
            i++;
        } else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            const char *name = first_positional(argc, argv);
            const command *c = name ? find_command(name) : NULL;
            if (c) usage_cmd(c, stdout);
            else usage_all(stdout);
            return 0;
        } else if (!strcmp(argv[i], "--version")) {
            printf("sltref %s\n", SLT_VERSION);
            return 0;
        }
    }
    /* "sltref help [command]" */
    if (argc >= 2 && !strcmp(argv[1], "help")) {
        const command *c = argc >= 3 ? find_command(argv[2]) : NULL;
        if (argc >= 3 && !c) return slt_cli_die("help: unknown command '%s' (see sltref --help)", argv[2]);
        if (c) usage_cmd(c, stdout);
        else usage_all(stdout);
        return 0;
    }
    *done = 0;
    return 0;
}

/* Options and positionals (after slt_config_from_args removed --config/--set). */
static int parse_args(int argc, char **argv, args *a)
{
    memset(a, 0, sizeof *a);
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        if (s[0] != '-' || !s[1]) {
            if (a->npos == MAX_POS) return slt_cli_die("unexpected argument '%s'", s);
            a->pos[a->npos++] = s;
            continue;
        }
        const option_def *o = find_option(s);
        if (!o) return slt_cli_die("unknown option '%s' (see sltref --help)", s);
        if (a->given & o->bit) return slt_cli_die("option %s given twice", s);
        a->given |= o->bit;
        if (!o->takes_value) continue;
        if (i + 1 >= argc) return slt_cli_die("option %s needs a value", s);
        a->value[o - g_options] = argv[++i];
    }
    return 0;
}

/* The command's options and positional count. */
static int check_usage(const command *c, const args *a)
{
    for (size_t i = 0; i < N_OPTIONS; i++)
        if ((a->given & g_options[i].bit) && !(c->opts & g_options[i].bit))
            return slt_cli_die("%s: option %s does not apply (usage: sltref %s %s)", c->name, g_options[i].name, c->name,
                       c->synopsis);
    int need = 0;
    while (c->pos_names[need]) need++;
    if (a->npos - 1 < need)
        return slt_cli_die("%s: missing argument %s (usage: sltref %s %s)", c->name, c->pos_names[a->npos - 1], c->name,
                   c->synopsis);
    if (a->npos - 1 > need) return slt_cli_die("%s: unexpected argument '%s'", c->name, a->pos[need + 1]);
    return 0;
}

/* A flag option written --flag=value is a mistake, not a flag. */
static int check_flag_values(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *eq = strncmp(argv[i], "--", 2) ? NULL : strchr(argv[i], '=');
        if (!eq) continue;
        for (size_t j = 0; j < N_OPTIONS; j++) {
            size_t len = strlen(g_options[j].name);
            if (!g_options[j].takes_value && (size_t)(eq - argv[i]) == len && !strncmp(argv[i], g_options[j].name, len))
                return slt_cli_die("option %s takes no value", g_options[j].name);
        }
    }
    return 0;
}

/* Commands whose last positional is an output file written over its inputs'
 * names: refuse when the output already exists and is one of the inputs (same
 * device and inode: also through a symlink, a hard link or another spelling). */
static int check_output_not_input(const command *c, const args *a)
{
    static const char *const writers[] = {"quant-w", "quant-a", "gemm", "pack", "unpack"};
    int writes = 0;
    for (size_t i = 0; i < sizeof writers / sizeof writers[0]; i++) writes |= !strcmp(c->name, writers[i]);
    struct stat so, si;
    const char *out = a->pos[a->npos - 1];
    if (!writes || stat(out, &so)) return 0;
    for (int i = 1; i < a->npos - 1; i++)
        if (!stat(a->pos[i], &si) && si.st_dev == so.st_dev && si.st_ino == so.st_ino)
            return slt_cli_die("%s: output '%s' is the input '%s' (same file); write the output elsewhere", c->name, out,
                       a->pos[i]);
    return 0;
}

static int run(int argc, char **argv)
{
    int done, rc = handle_info(argc, argv, &done);
    if (done) return rc;
    if (argc < 2) return slt_cli_die("missing command (see sltref --help)");
    slt_config cfg;
    char err[SLT_ERRLEN];
    if (slt_config_from_args(&cfg, &argc, argv, err, sizeof err)) return slt_cli_die("%s", err);
    args a;
    if ((rc = parse_args(argc, argv, &a))) return rc;
    if (a.npos == 0) return slt_cli_die("missing command (see sltref --help)");
    const command *c = find_command(a.pos[0]);
    /* Order is free: the command may follow positionals ("W.npy quant-w ..."). */
    for (int i = 1; !c && i < a.npos; i++)
        if ((c = find_command(a.pos[i]))) {
            memmove(&a.pos[1], &a.pos[0], (size_t)i * sizeof a.pos[0]);
            a.pos[0] = c->name;
        }
    if (!c) return slt_cli_die("unknown command '%s' (expected quant-w, quant-a, gemm, pack, unpack, predict, vectors or import)", a.pos[0]);
    if ((rc = check_usage(c, &a))) return rc;
    if ((rc = check_output_not_input(c, &a))) return rc;
    return c->run(&a, &cfg);
}

int main(int argc, char **argv)
{
    /* `generate` has its own parser (ref/slt_generate.c, docs/decode.md) */
    if (argc >= 2 && !strcmp(argv[1], "generate")) return slt_generate_main(argc - 1, argv + 1, NULL, NULL, NULL, NULL);
    int rc = check_flag_values(argc, argv);
    if (rc) return rc;
    int n;
    char *store = NULL;
    char **v = split_equals(argc, argv, &n, &store);
    if (!v) return slt_cli_die("out of memory");
    rc = run(n, v);
    /* A full disk or closed pipe on stdout loses gamma/scale/JSON: a failure,
     * not a silent success, and like every failure it leaves no output file. */
    if (fflush(stdout) != 0 || ferror(stdout)) {
        if (g_written) unlink(g_written);
        rc = slt_cli_die("cannot write to standard output");
    }
    free(v);
    free(store);
    return rc;
}
