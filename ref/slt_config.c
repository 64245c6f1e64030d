/* slt_config.c - parse, check and hash the one configuration. */
#include "slt_config.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

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
    {NULL, 0, 0, NULL},
};

const slt_config_range *slt_config_ranges(void) { return k_ranges; }

static int fail(char *err, size_t errlen, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (err && errlen) vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
    return SLT_EXIT_BADINPUT;
}

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
    cfg->max_n = 8;
    cfg->acc_bits = 0;
    cfg->weight_format = SLT_FMT_T5;
    cfg->bus_bits = 64;
    cfg->clock_mhz = 200.0;
    cfg->wbuf_kib = 320;
    cfg->abuf_kib = 64;
    cfg->obuf_kib = 96;
    cfg->pipe_stages = 3;
    cfg->array = SLT_ARRAY_LUT;
    cfg->buffer_mode = SLT_BUFMODE_AUTO;
    cfg->clock_gating = 1;
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
    return NULL;
}

/* Strict decimal integer: optional sign, digits, nothing else. */
static int parse_long(const char *s, long *out)
{
    char *end;
    if (!*s || isspace((unsigned char)*s)) return -1;
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
        return fail(err, errlen, "config: %s = '%s' is not legal: expected an integer in %ld..%ld (%s)",
                    r->key, value, r->lo, r->hi, r->help);
    if (!strcmp(r->key, "act_bits") && v != 4 && v != 8 && v != 16)
        return fail(err, errlen, "config: act_bits = '%s' is not legal: expected 4, 8 or 16", value);
    if (!strcmp(r->key, "bus_bits") && !is_pow2(v))
        return fail(err, errlen, "config: bus_bits = '%s' is not legal: expected a power of two in 8..512", value);
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
            return fail(err, errlen, "config: name = '%s' is not legal: expected 1..%zu characters [A-Za-z0-9_]",
                        value, sizeof cfg->name - 1);
        for (size_t i = 0; i < n; i++)
            if (!isalnum((unsigned char)value[i]) && value[i] != '_')
                return fail(err, errlen, "config: name = '%s' is not legal: expected only [A-Za-z0-9_]", value);
        memcpy(cfg->name, value, n + 1);
        return 0;
    }
    if (!strcmp(key, "weight_format")) {
        if (slt_format_parse(value, &cfg->weight_format))
            return fail(err, errlen, "config: weight_format = '%s' is not legal: expected t2, t5 or b1", value);
        return 0;
    }
    if (!strcmp(key, "clock_mhz")) {
        char *end;
        errno = 0;
        double v = strtod(value, &end);
        if (!*value || errno || *end || !isfinite(v) || v <= 0.0 || v > 5000.0)
            return fail(err, errlen, "config: clock_mhz = '%s' is not legal: expected a number in (0, 5000]", value);
        cfg->clock_mhz = v;
        return 0;
    }
    if (!strcmp(key, "array")) {
        if (!strcmp(value, "slt")) cfg->array = SLT_ARRAY_LUT;
        else if (!strcmp(value, "addsub")) cfg->array = SLT_ARRAY_ADDSUB;
        else return fail(err, errlen, "config: array = '%s' is not legal: expected slt or addsub", value);
        return 0;
    }
    if (!strcmp(key, "buffer_mode")) {
        if (!strcmp(value, "auto")) cfg->buffer_mode = SLT_BUFMODE_AUTO;
        else if (!strcmp(value, "off")) cfg->buffer_mode = SLT_BUFMODE_OFF;
        else return fail(err, errlen, "config: buffer_mode = '%s' is not legal: expected auto or off", value);
        return 0;
    }
    if (!strcmp(key, "clock_gating")) {
        if (!strcmp(value, "on")) cfg->clock_gating = 1;
        else if (!strcmp(value, "off")) cfg->clock_gating = 0;
        else return fail(err, errlen, "config: clock_gating = '%s' is not legal: expected on or off", value);
        return 0;
    }
    if (!strcmp(key, "reorder")) {
        if (!strcmp(value, "none")) cfg->reorder = SLT_REORDER_NONE;
        else if (!strcmp(value, "greedy")) cfg->reorder = SLT_REORDER_GREEDY;
        else return fail(err, errlen, "config: reorder = '%s' is not legal: expected none or greedy", value);
        return 0;
    }
    return fail(err, errlen,
                "config: unknown key '%s' (known: name group_size act_bits lut_units row_lanes max_k max_m max_n "
                "acc_bits weight_format bus_bits clock_mhz wbuf_kib abuf_kib obuf_kib pipe_stages array buffer_mode clock_gating reorder)",
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
    if (strlen(kv) >= sizeof buf) return fail(err, errlen, "config: --set argument too long");
    strcpy(buf, kv);
    char *eq = strchr(buf, '=');
    if (!eq) return fail(err, errlen, "config: --set '%s' is not of the form key=value", kv);
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
    if (!eq) return fail(err, errlen, "%s:%d: expected 'key = value', got '%s'", path, lineno, s);
    *eq = '\0';
    char *key = trim(s), *value = trim(eq + 1);
    if (!*key) return fail(err, errlen, "%s:%d: missing key before '='", path, lineno);
    for (int i = 0; i < *nseen; i++)
        if (!strcmp(seen[i], key)) return fail(err, errlen, "%s:%d: duplicate key '%s'", path, lineno, key);
    if (*nseen < 64 && strlen(key) < 32) strcpy(seen[(*nseen)++], key);
    char msg[SLT_ERRLEN];
    if (slt_config_set(cfg, key, value, msg, sizeof msg))
        return fail(err, errlen, "%s:%d: %s", path, lineno, msg);
    return 0;
}

int slt_config_load(slt_config *cfg, const char *path, char *err, size_t errlen)
{
    FILE *f = fopen(path, "r");
    if (!f) return fail(err, errlen, "config: cannot open '%s': %s", path, strerror(errno));
    stem_of(path, cfg->name, sizeof cfg->name);
    char line[1024], seen[64][32];
    int lineno = 0, nseen = 0, rc = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        if (!strchr(line, '\n') && !feof(f)) {
            rc = fail(err, errlen, "%s:%d: line longer than %zu characters", path, lineno, sizeof line - 2);
            break;
        }
        if ((rc = load_line(cfg, line, path, lineno, seen, &nseen, err, errlen))) break;
    }
    if (!rc && ferror(f)) rc = fail(err, errlen, "config: error reading '%s'", path);
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
        return fail(err, errlen,
                    "config: max_k = %d with act_bits = %d needs a %d-bit accumulator, more than the legal 2..32; "
                    "lower max_k (at most %d for act_bits = %d)",
                    cfg->max_k, cfg->act_bits, need, (int)((((uint64_t)1 << 31) - 1) >> (cfg->act_bits - 1)),
                    cfg->act_bits);
    if (!cfg->acc_bits_given) cfg->acc_bits = need;
    else if (cfg->acc_bits < need)
        return fail(err, errlen,
                    "config: acc_bits = %d is too small: max_k = %d and act_bits = %d need at least %d (legal %d..32)",
                    cfg->acc_bits, cfg->max_k, cfg->act_bits, need, need);
    if (cfg->max_k < cfg->group_size)
        return fail(err, errlen, "config: max_k = %d is smaller than group_size = %d; legal max_k is %d..1048576",
                    cfg->max_k, cfg->group_size, cfg->group_size);
    return 0;
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
    fprintf(f, "array = %s\n", cfg->array == SLT_ARRAY_LUT ? "slt" : "addsub");
    fprintf(f, "buffer_mode = %s\n", cfg->buffer_mode == SLT_BUFMODE_AUTO ? "auto" : "off");
    fprintf(f, "clock_gating = %s\n", cfg->clock_gating ? "on" : "off");
    /* Written only when set, so configurations without it keep their hash. */
    if (cfg->reorder == SLT_REORDER_GREEDY) fprintf(f, "reorder = greedy\n");
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

int slt_config_from_args(slt_config *cfg, int *argc, char **argv, char *err, size_t errlen)
{
    slt_config_default(cfg);
    int out = 1, rc;
    /* The config file applies first, then every --set in order, whatever the argv order. */
    for (int i = 1; i < *argc; i++) {
        if (!strcmp(argv[i], "--config")) {
            if (i + 1 >= *argc) return fail(err, errlen, "usage: --config needs a file name");
            if ((rc = slt_config_load(cfg, argv[i + 1], err, errlen))) return rc;
            i++;
        }
    }
    for (int i = 1; i < *argc; i++) {
        if (!strcmp(argv[i], "--config")) {
            i++;
        } else if (!strcmp(argv[i], "--set")) {
            if (i + 1 >= *argc) return fail(err, errlen, "usage: --set needs key=value");
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
