/* slt_config.c - parse, check and hash the one configuration. */
#include "slt_config.h"

#include "slt_bufgeom.h"
#include "slt_err.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

static const slt_config_range k_ranges[] = {
    {"group_size", 2, 5, "activations per look-up table (G)"},
    {"act_bits", 4, 16, "activation width: 4, 8 or 16"},
    {"lut_units", 1, 64, "tables built per cycle (K-parallelism)"},
    {"row_lanes", 1, 256, "output rows per cycle (M-parallelism)"},
    {"max_k", 1, 1048576, "largest reduction length K"},
    {"max_m", 1, 1048576, "largest number of output rows M"},
    {"max_n", 1, 64, "largest number of tokens N in one GEMM"},
    {"acc_bits", 2, 32, "accumulator width (derived when absent)"},
    {"bus_bits", 8, 512, "AXI4-Stream width: 8, 16, 32, 64, 128, 256 or 512"},
    {"wbuf_kib", 1, 65536, "weight buffer KiB"},
    {"abuf_kib", 1, 65536, "activation buffer KiB"},
    {"obuf_kib", 1, 65536, "output / partial-sum buffer KiB"},
    {"pipe_stages", 0, 4, "extra pipeline registers in each row lane"},
    {"act_slice_bits", 0, 4, "activation slice width: 0 (off) or 4"},
    {"psum_chunks", 1, 8, "chunks a row block's partial sum stays in the lanes: 1, 2, 4 or 8"},
    {NULL, 0, 0, NULL},
};

const slt_config_range *slt_config_ranges(void) { return k_ranges; }

void slt_config_default(slt_config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    snprintf(cfg->name, sizeof cfg->name, "%s", "slim");
    cfg->group_size = 3;
    cfg->act_bits = 8;
    cfg->lut_units = 4;
    cfg->row_lanes = 4;
    cfg->max_k = 16384;
    cfg->max_m = 16384;
    cfg->max_n = 2;
    cfg->acc_bits = 0;
    cfg->weight_format = SLT_FMT_T5;
    cfg->bus_bits = 64;
    cfg->clock_mhz = 200.0;
    cfg->wbuf_kib = 256;
    cfg->abuf_kib = 96;
    cfg->obuf_kib = 128;
    cfg->pipe_stages = 3;
    cfg->array = SLT_ARRAY_LUT;
    cfg->buffer_mode = SLT_BUFMODE_AUTO;
    cfg->ecc = SLT_ECC_NONE;
    cfg->clock_gating = 1;
    cfg->psum_chunks = 1;
    cfg->acc_bits_given = 0;
}

const char *slt_format_name(slt_format f)
{
    switch (f) {
    case SLT_FMT_T2: return "t2";
    case SLT_FMT_T5: return "t5";
    case SLT_FMT_B1: return "b1";
    }
    return "?";
}

/* The names of the two-valued keys' values, indexed by the value (the one place each is spelled). */
static const char *const k_array[] = {"slt", "addsub"};    /* slt_array_kind */
static const char *const k_bufmode[] = {"auto", "off"};    /* slt_buffer_policy */
static const char *const k_ecc[] = {"none", "secded"};     /* slt_ecc_kind */
static const char *const k_reorder[] = {"none", "greedy"}; /* slt_reorder_policy */
static const char *const k_onoff[] = {"off", "on"};        /* clock_gating */

const char *slt_array_name(slt_array_kind a) { return k_array[a == SLT_ARRAY_ADDSUB]; }

/* value's index in names[0..1], or -1 */
static int pick2(const char *value, const char *const names[2])
{
    return !strcmp(value, names[0]) ? 0 : !strcmp(value, names[1]) ? 1 : -1;
}

static int bad_choice(const char *key, const char *value, const char *a, const char *b, char *err, size_t errlen)
{
    return slt_fail(err, errlen, "config: %s = '%s' is not legal: expected %s or %s", key, value, a, b);
}

int slt_format_parse(const char *s, slt_format *f)
{
    if (!strcmp(s, "t2")) *f = SLT_FMT_T2;
    else if (!strcmp(s, "t5")) *f = SLT_FMT_T5;
    else if (!strcmp(s, "b1")) *f = SLT_FMT_B1;
    else return -1;
    return 0;
}

static const slt_config_range *find_range(const char *key)
{
    for (const slt_config_range *r = k_ranges; r->key; r++)
        if (!strcmp(r->key, key)) return r;
    return NULL;
}

static int *int_field(slt_config *cfg, const char *key)
{
    if (!strcmp(key, "group_size")) return &cfg->group_size;
    if (!strcmp(key, "act_bits")) return &cfg->act_bits;
    if (!strcmp(key, "lut_units")) return &cfg->lut_units;
    if (!strcmp(key, "row_lanes")) return &cfg->row_lanes;
    if (!strcmp(key, "max_k")) return &cfg->max_k;
    if (!strcmp(key, "max_m")) return &cfg->max_m;
    if (!strcmp(key, "max_n")) return &cfg->max_n;
    if (!strcmp(key, "acc_bits")) return &cfg->acc_bits;
    if (!strcmp(key, "bus_bits")) return &cfg->bus_bits;
    if (!strcmp(key, "wbuf_kib")) return &cfg->wbuf_kib;
    if (!strcmp(key, "abuf_kib")) return &cfg->abuf_kib;
    if (!strcmp(key, "obuf_kib")) return &cfg->obuf_kib;
    if (!strcmp(key, "pipe_stages")) return &cfg->pipe_stages;
    if (!strcmp(key, "act_slice_bits")) return &cfg->act_slice_bits;
    if (!strcmp(key, "psum_chunks")) return &cfg->psum_chunks;
    return NULL;
}

/* The one integer syntax: decimal digits, an optional leading '-' (so that a
 * negative value gets the range message), nothing else (no '+', no 0x, no spaces). */
static int is_decimal_int(const char *s)
{
    if (*s == '-') s++;
    if (!*s) return 0;
    for (; *s; s++)
        if (*s < '0' || *s > '9') return 0;
    return 1;
}

/* Plain decimal number: digits, optionally '.' and digits (no sign, exponent, hex, inf/nan). */
static int is_plain_decimal(const char *s)
{
    size_t d = strspn(s, "0123456789");
    if (!d) return 0;
    if (s[d] == '\0') return 1;
    if (s[d] != '.') return 0;
    size_t f = strspn(s + d + 1, "0123456789");
    return f > 0 && s[d + 1 + f] == '\0';
}

/* Strict decimal integer (is_decimal_int) that fits a long. */
static int parse_long(const char *s, long *out)
{
    char *end;
    if (!is_decimal_int(s)) return -1;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end) return -1;
    *out = v;
    return 0;
}

static int is_pow2(long v) { return v > 0 && (v & (v - 1)) == 0; }

static int set_int(slt_config *cfg, const slt_config_range *r, const char *value, char *err, size_t errlen)
{
    long v;
    if (parse_long(value, &v) || v < r->lo || v > r->hi)
        return slt_fail(err, errlen, "config: %s = '%s' is not legal: expected an integer in %ld..%ld (%s)",
                    r->key, value, r->lo, r->hi, r->help);
    if (!strcmp(r->key, "act_bits") && v != 4 && v != 8 && v != 16)
        return slt_fail(err, errlen, "config: act_bits = '%s' is not legal: expected 4, 8 or 16", value);
    if (!strcmp(r->key, "act_slice_bits") && v != 0 && v != 4)
        return slt_fail(err, errlen, "config: act_slice_bits = '%s' is not legal: expected 0 (off) or 4", value);
    if (!strcmp(r->key, "psum_chunks") && (v & (v - 1)))
        return slt_fail(err, errlen, "config: psum_chunks = '%s' is not legal: expected 1, 2, 4 or 8", value);
    if (!strcmp(r->key, "bus_bits") && !is_pow2(v))
        return slt_fail(err, errlen, "config: bus_bits = '%s' is not legal: expected a power of two in 8..512", value);
    *int_field(cfg, r->key) = (int)v;
    if (!strcmp(r->key, "acc_bits")) cfg->acc_bits_given = 1;
    return 0;
}

int slt_config_set(slt_config *cfg, const char *key, const char *value, char *err, size_t errlen)
{
    const slt_config_range *r = find_range(key);
    if (r) return set_int(cfg, r, value, err, errlen);
    if (!strcmp(key, "name")) {
        size_t n = strlen(value);
        if (n == 0 || n >= sizeof cfg->name)
            return slt_fail(err, errlen, "config: name = '%s' is not legal: expected 1..%zu characters [A-Za-z0-9_]",
                        value, sizeof cfg->name - 1);
        for (size_t i = 0; i < n; i++)
            if (!isalnum((unsigned char)value[i]) && value[i] != '_')
                return slt_fail(err, errlen, "config: name = '%s' is not legal: expected only [A-Za-z0-9_]", value);
        memcpy(cfg->name, value, n + 1);
        return 0;
    }
    if (!strcmp(key, "weight_format")) {
        if (slt_format_parse(value, &cfg->weight_format))
            return slt_fail(err, errlen, "config: weight_format = '%s' is not legal: expected t2, t5 or b1", value);
        return 0;
    }
    if (!strcmp(key, "clock_mhz")) {
        char *end;
        errno = 0;
        double v = is_plain_decimal(value) && strlen(value) <= 32 ? strtod(value, &end) : -1.0;
        if (!isfinite(v) || v < 1.0 || v > 5000.0)
            return slt_fail(err, errlen,
                        "config: clock_mhz = '%s' is not legal: expected a plain decimal number in 1..5000 (MHz), "
                        "e.g. 200 or 187.5",
                        value);
        cfg->clock_mhz = v;
        return 0;
    }
    if (!strcmp(key, "array")) {
        int v = pick2(value, k_array);
        if (v < 0) return bad_choice(key, value, k_array[0], k_array[1], err, errlen);
        cfg->array = v ? SLT_ARRAY_ADDSUB : SLT_ARRAY_LUT;
        return 0;
    }
    if (!strcmp(key, "buffer_mode")) {
        int v = pick2(value, k_bufmode);
        if (v < 0) return bad_choice(key, value, k_bufmode[0], k_bufmode[1], err, errlen);
        cfg->buffer_mode = v ? SLT_BUFMODE_OFF : SLT_BUFMODE_AUTO;
        return 0;
    }
    if (!strcmp(key, "ecc")) {
        int v = pick2(value, k_ecc);
        if (v < 0) return bad_choice(key, value, k_ecc[0], k_ecc[1], err, errlen);
        cfg->ecc = v ? SLT_ECC_SECDED : SLT_ECC_NONE;
        return 0;
    }
    if (!strcmp(key, "clock_gating")) {
        int v = pick2(value, k_onoff);
        if (v < 0) return bad_choice(key, value, k_onoff[1], k_onoff[0], err, errlen);
        cfg->clock_gating = v;
        return 0;
    }
    if (!strcmp(key, "reorder")) {
        int v = pick2(value, k_reorder);
        if (v < 0) return bad_choice(key, value, k_reorder[0], k_reorder[1], err, errlen);
        cfg->reorder = v ? SLT_REORDER_GREEDY : SLT_REORDER_NONE;
        return 0;
    }
    return slt_fail(err, errlen,
                "config: unknown key '%s' (known: name group_size act_bits lut_units row_lanes max_k max_m max_n "
                "acc_bits weight_format bus_bits clock_mhz wbuf_kib abuf_kib obuf_kib pipe_stages array buffer_mode ecc clock_gating act_slice_bits psum_chunks reorder)",
                key);
}

static char *trim(char *s)
{
    while (isspace((unsigned char)*s)) s++;
    char *e = s + strlen(s);
    while (e > s && isspace((unsigned char)e[-1])) *--e = '\0';
    return s;
}

int slt_config_set_kv(slt_config *cfg, const char *kv, char *err, size_t errlen)
{
    char buf[512];
    if (strlen(kv) >= sizeof buf) return slt_fail(err, errlen, "config: --set argument too long");
    strcpy(buf, kv);
    char *eq = strchr(buf, '=');
    if (!eq) return slt_fail(err, errlen, "config: --set '%s' is not of the form key=value", kv);
    *eq = '\0';
    return slt_config_set(cfg, trim(buf), trim(eq + 1), err, errlen);
}

static void stem_of(const char *path, char *out, size_t outlen)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strcspn(base, ".");
    size_t j = 0;
    for (size_t i = 0; i < n && j + 1 < outlen; i++)
        out[j++] = (isalnum((unsigned char)base[i]) || base[i] == '_') ? base[i] : '_';
    out[j] = '\0';
    if (!j) snprintf(out, outlen, "%s", "cfg");
}

/* Parse one line; returns 0 or SLT_EXIT_BADINPUT. seen_keys rejects duplicates. */
static int load_line(slt_config *cfg, char *line, const char *path, int lineno, char seen[][32], int *nseen,
                     char *err, size_t errlen)
{
    char *hash = strchr(line, '#');
    if (hash) *hash = '\0';
    char *s = trim(line);
    if (!*s) return 0;
    char *eq = strchr(s, '=');
    if (!eq) return slt_fail(err, errlen, "%s:%d: expected 'key = value', got '%s'", path, lineno, s);
    *eq = '\0';
    char *key = trim(s), *value = trim(eq + 1);
    if (!*key) return slt_fail(err, errlen, "%s:%d: missing key before '='", path, lineno);
    for (int i = 0; i < *nseen; i++)
        if (!strcmp(seen[i], key)) return slt_fail(err, errlen, "%s:%d: duplicate key '%s'", path, lineno, key);
    if (*nseen < 64 && strlen(key) < 32) strcpy(seen[(*nseen)++], key);
    char msg[SLT_ERRLEN];
    if (slt_config_set(cfg, key, value, msg, sizeof msg))
        return slt_fail(err, errlen, "%s:%d: %s", path, lineno, msg);
    return 0;
}

/* Open path for reading only if it is a regular file: O_NONBLOCK so that a FIFO
 * (or a device) never blocks the open, fstat before any read. */
static FILE *open_regular(const char *path, char *err, size_t errlen)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK);
    if (fd < 0) {
        slt_fail(err, errlen, "config: cannot open '%s': %s", path, strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
        slt_fail(err, errlen, "config: '%s' is not a regular file", path);
        close(fd);
        return NULL;
    }
    FILE *f = fdopen(fd, "r");
    if (!f) {
        slt_fail(err, errlen, "config: cannot read '%s': %s", path, strerror(errno));
        close(fd);
    }
    return f;
}

#define LINE_MAX_CHARS 1022

/* The bytes of one raw line (len bytes, may hold NULs) before it is parsed. */
static int check_raw_line(const char *line, size_t len, const char *path, int lineno, char *err, size_t errlen)
{
    if (lineno == 1 && len >= 3 && !memcmp(line, "\xEF\xBB\xBF", 3))
        return slt_fail(err, errlen, "%s:1: the file starts with a UTF-8 byte-order mark (EF BB BF); save it without one",
                    path);
    size_t text = len && line[len - 1] == '\n' ? len - 1 : len;
    if (memchr(line, '\0', text))
        return slt_fail(err, errlen, "%s:%d: NUL byte at column %d (not a text file?)", path, lineno,
                    (int)((const char *)memchr(line, '\0', text) - line) + 1);
    if (text > LINE_MAX_CHARS)
        return slt_fail(err, errlen, "%s:%d: line longer than %d characters", path, lineno, LINE_MAX_CHARS);
    return 0;
}

/* Keys and values are printable ASCII (comments may hold anything but NUL). */
static int check_ascii(const char *s, const char *path, int lineno, char *err, size_t errlen)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if ((*p < 0x20 && *p != '\t' && *p != '\r' && *p != '\n') || *p >= 0x7f)
            return slt_fail(err, errlen, "%s:%d: byte 0x%02x at column %d is not printable ASCII (keys and values are ASCII)",
                        path, lineno, *p, (int)(p - (const unsigned char *)s) + 1);
    return 0;
}

int slt_config_load(slt_config *cfg, const char *path, char *err, size_t errlen)
{
    FILE *f = open_regular(path, err, errlen);
    if (!f) return SLT_EXIT_BADINPUT;
    stem_of(path, cfg->name, sizeof cfg->name);
    char *line = NULL, seen[64][32];
    size_t cap = 0;
    ssize_t len;
    int lineno = 0, nseen = 0, rc = 0;
    errno = 0;
    while ((len = getline(&line, &cap, f)) >= 0) {
        lineno++;
        if ((rc = check_raw_line(line, (size_t)len, path, lineno, err, errlen))) break;
        char *hash = strchr(line, '#');
        if (hash) *hash = '\0';
        if ((rc = check_ascii(line, path, lineno, err, errlen))) break;
        if ((rc = load_line(cfg, line, path, lineno, seen, &nseen, err, errlen))) break;
    }
    if (!rc && ferror(f)) rc = slt_fail(err, errlen, "config: error reading '%s': %s", path, strerror(errno));
    free(line);
    fclose(f);
    return rc;
}

int slt_config_min_acc_bits(int max_k, int act_bits)
{
    /* |acc| <= max_k * 2^(act_bits-1) (reached by -2^(a-1) * -1 on every term),
     * so we need 2^(B-1) - 1 >= max_k * 2^(a-1). */
    uint64_t need = (uint64_t)max_k << (act_bits - 1);
    int b = 1;
    while ((((uint64_t)1 << (b - 1)) - 1) < need) b++;
    return b;
}

int slt_config_finish(slt_config *cfg, char *err, size_t errlen)
{
    int need = slt_config_min_acc_bits(cfg->max_k, cfg->act_bits);
    if (need > 32)
        return slt_fail(err, errlen,
                    "config: max_k = %d with act_bits = %d needs a %d-bit accumulator, more than the legal 2..32; "
                    "lower max_k (at most %d for act_bits = %d)",
                    cfg->max_k, cfg->act_bits, need, (int)((((uint64_t)1 << 31) - 1) >> (cfg->act_bits - 1)),
                    cfg->act_bits);
    if (!cfg->acc_bits_given) cfg->acc_bits = need;
    else if (cfg->acc_bits < need)
        return slt_fail(err, errlen,
                    "config: acc_bits = %d is too small: max_k = %d and act_bits = %d need at least %d (legal %d..32)",
                    cfg->acc_bits, cfg->max_k, cfg->act_bits, need, need);
    if (cfg->act_slice_bits && (cfg->act_bits <= cfg->act_slice_bits || cfg->act_bits % cfg->act_slice_bits))
        return slt_fail(err, errlen,
                    "config: act_slice_bits = %d is not legal with act_bits = %d: it must divide act_bits and be "
                    "smaller (act_bits 8 or 16), or be 0 (off)",
                    cfg->act_slice_bits, cfg->act_bits);
    if (cfg->act_slice_bits && cfg->array != SLT_ARRAY_LUT)
        return slt_fail(err, errlen,
                    "config: act_slice_bits = %d is not legal with array = addsub: slicing cuts look-up tables, "
                    "the add/sub baseline has none; set act_slice_bits = 0",
                    cfg->act_slice_bits);
    if (cfg->max_k < cfg->group_size)
        return slt_fail(err, errlen, "config: max_k = %d is smaller than group_size = %d; legal max_k is %d..1048576",
                    cfg->max_k, cfg->group_size, cfg->group_size);
    if (cfg->max_m < cfg->row_lanes)
        return slt_fail(err, errlen,
                    "config: max_m = %d is smaller than row_lanes = %d (lanes above max_m never get a row); legal "
                    "max_m is %d..1048576, or lower row_lanes",
                    cfg->max_m, cfg->row_lanes, cfg->row_lanes);
    return slt_buf_check(cfg, err, errlen);
}

void slt_config_write(const slt_config *cfg, FILE *f)
{
    fprintf(f, "name = %s\n", cfg->name);
    fprintf(f, "group_size = %d\n", cfg->group_size);
    fprintf(f, "act_bits = %d\n", cfg->act_bits);
    fprintf(f, "lut_units = %d\n", cfg->lut_units);
    fprintf(f, "row_lanes = %d\n", cfg->row_lanes);
    fprintf(f, "max_k = %d\n", cfg->max_k);
    fprintf(f, "max_m = %d\n", cfg->max_m);
    fprintf(f, "max_n = %d\n", cfg->max_n);
    fprintf(f, "acc_bits = %d\n", cfg->acc_bits);
    fprintf(f, "weight_format = %s\n", slt_format_name(cfg->weight_format));
    fprintf(f, "bus_bits = %d\n", cfg->bus_bits);
    fprintf(f, "clock_mhz = %.9g\n", cfg->clock_mhz);
    fprintf(f, "wbuf_kib = %d\n", cfg->wbuf_kib);
    fprintf(f, "abuf_kib = %d\n", cfg->abuf_kib);
    fprintf(f, "obuf_kib = %d\n", cfg->obuf_kib);
    fprintf(f, "pipe_stages = %d\n", cfg->pipe_stages);
    fprintf(f, "array = %s\n", slt_array_name(cfg->array));
    fprintf(f, "buffer_mode = %s\n", k_bufmode[cfg->buffer_mode != SLT_BUFMODE_AUTO]);
    fprintf(f, "clock_gating = %s\n", k_onoff[cfg->clock_gating != 0]);
    /* Written only when set: configurations without ECC keep the hash (and so the
     * module names) they had before the key existed. */
    if (cfg->ecc != SLT_ECC_NONE) fprintf(f, "ecc = %s\n", k_ecc[SLT_ECC_SECDED]);
    /* written only when on, so configurations without slicing keep their text and hash */
    if (cfg->act_slice_bits) fprintf(f, "act_slice_bits = %d\n", cfg->act_slice_bits);
    /* written only when above 1, so configurations without it keep their text and hash */
    if (cfg->psum_chunks > 1) fprintf(f, "psum_chunks = %d\n", cfg->psum_chunks);
    /* Written only when set, so configurations without it keep their hash. */
    if (cfg->reorder == SLT_REORDER_GREEDY) fprintf(f, "reorder = %s\n", k_reorder[SLT_REORDER_GREEDY]);
}

uint64_t slt_config_hash(const slt_config *cfg)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    uint64_t h = 1469598103934665603ull;
    if (!f) return 0;
    slt_config_write(cfg, f);
    fclose(f);
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)buf[i];
        h *= 1099511628211ull;
    }
    free(buf);
    return h;
}

/* Length of the key of a --set argument ("  key = value" -> "key"), and its start. */
static const char *set_key(const char *kv, size_t *len)
{
    while (isspace((unsigned char)*kv)) kv++;
    const char *eq = strchr(kv, '=');
    size_t n = eq ? (size_t)(eq - kv) : strlen(kv);
    while (n && isspace((unsigned char)kv[n - 1])) n--;
    *len = n;
    return kv;
}

/* No silent last-wins: one --config, and each key at most once in --set. */
static int check_repeats(int argc, char **argv, char *err, size_t errlen)
{
    const char *config = NULL;
    for (int i = 1; i + 1 < argc; i++) {
        if (!strcmp(argv[i], "--config")) {
            if (config)
                return slt_fail(err, errlen, "usage: --config given twice ('%s' and '%s'); give one file and override keys with --set",
                            config, argv[i + 1]);
            config = argv[++i];
        } else if (!strcmp(argv[i], "--set")) {
            size_t la, lb;
            const char *a = set_key(argv[i + 1], &la);
            for (int j = i + 2; j + 1 < argc; j++) {
                if (strcmp(argv[j], "--set")) continue;
                const char *b = set_key(argv[j + 1], &lb);
                if (la && la == lb && !strncmp(a, b, la))
                    return slt_fail(err, errlen, "usage: --set %.*s given twice ('%s' and '%s')", (int)la, a, argv[i + 1],
                                argv[j + 1]);
            }
            i++;
        }
    }
    return 0;
}

int slt_config_from_args(slt_config *cfg, int *argc, char **argv, char *err, size_t errlen)
{
    slt_config_default(cfg);
    int out = 1, rc;
    if ((rc = check_repeats(*argc, argv, err, errlen))) return rc;
    /* The config file applies first, then every --set in order, whatever the argv order. */
    for (int i = 1; i < *argc; i++) {
        if (!strcmp(argv[i], "--config")) {
            if (i + 1 >= *argc) return slt_fail(err, errlen, "usage: --config needs a file name");
            if ((rc = slt_config_load(cfg, argv[i + 1], err, errlen))) return rc;
            i++;
        }
    }
    for (int i = 1; i < *argc; i++) {
        if (!strcmp(argv[i], "--config")) {
            i++;
        } else if (!strcmp(argv[i], "--set")) {
            if (i + 1 >= *argc) return slt_fail(err, errlen, "usage: --set needs key=value");
            if ((rc = slt_config_set_kv(cfg, argv[i + 1], err, errlen))) return rc;
            i++;
        } else {
            argv[out++] = argv[i];
        }
    }
    argv[out] = NULL;
    *argc = out;
    return slt_config_finish(cfg, err, errlen);
}
