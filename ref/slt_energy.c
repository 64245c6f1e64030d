/* slt_energy.c - energy of accelerator events, and the parameters file that
 * carries the per-event energies from `make run` to `sltref generate`
 * (slt_energy.h, docs/report.md). */
#include "slt_energy.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "slt_pack.h"
#include "slt_err.h"

#define FORMAT_LINE "slt-energy-params 1"

void slt_energy_of_events(const slt_energy_params *p, const slt_events *e, slt_energy_breakdown *b)
{
    const double s = p->logic_scale * 1e-9; /* pJ -> mJ at the reported node */
    const double cyc = (double)e->cycles;
    memset(b, 0, sizeof *b);
    b->cycle_mj = cyc * p->e_cycle_pj * s;
    b->build_mj = (double)e->table_builds * p->e_build_pj * s;
    b->term_mj = (double)e->accumulates * p->e_term_pj * s;
    b->ctrl_mj = cyc * p->e_ctrl_pj * s;
    b->logic_mj = b->cycle_mj + b->build_mj + b->term_mj + b->ctrl_mj;
    b->wbuf_mj = ((double)e->wbuf_writes * p->wbuf_write_bits + (double)e->wbuf_reads * p->wbuf_read_bits) *
                 p->wbuf_pj_per_bit * 1e-9;
    b->abuf_mj = ((double)e->abuf_writes * p->abuf_write_bits + (double)e->abuf_reads * p->abuf_read_bits) *
                 p->abuf_pj_per_bit * 1e-9;
    b->obuf_mj = ((double)(e->obuf_writes + e->obuf_reads) * p->obuf_access_bits) * p->obuf_pj_per_bit * 1e-9;
    b->sram_mj = b->wbuf_mj + b->abuf_mj + b->obuf_mj;
    b->total_mj = b->logic_mj + b->sram_mj;
    b->link_mj = (double)e->link_bytes * 8 * p->link_pj_per_bit * 1e-9;
}

void slt_energy_access_bits(const slt_config *cfg, slt_energy_params *p)
{
    const int key_bits = slt_key_bits(cfg->group_size, slt_format_is_binary(cfg->weight_format));
    p->wbuf_write_bits = cfg->bus_bits;
    p->wbuf_read_bits = (double)cfg->row_lanes * cfg->lut_units * key_bits;
    p->abuf_write_bits = cfg->bus_bits;
    p->abuf_read_bits = (double)cfg->lut_units * cfg->group_size * cfg->act_bits;
    p->obuf_access_bits = (double)cfg->row_lanes * cfg->acc_bits;
}

/* ---- the parameters file ---------------------------------------------------------- */
typedef struct {
    const char *key;
    size_t off;
} num_key;

#define NK(k, f) {k, offsetof(slt_energy_params, f)}
static const num_key k_nums[] = {
    NK("logic.e_cycle_pj", e_cycle_pj),           NK("logic.e_table_build_pj", e_build_pj),
    NK("logic.e_term_pj", e_term_pj),             NK("logic.e_ctrl_per_cycle_pj", e_ctrl_pj),
    NK("logic.scale", logic_scale),               NK("sram.wbuf.pj_per_bit", wbuf_pj_per_bit),
    NK("sram.wbuf.write_bits", wbuf_write_bits),  NK("sram.wbuf.read_bits", wbuf_read_bits),
    NK("sram.abuf.pj_per_bit", abuf_pj_per_bit),  NK("sram.abuf.write_bits", abuf_write_bits),
    NK("sram.abuf.read_bits", abuf_read_bits),    NK("sram.obuf.pj_per_bit", obuf_pj_per_bit),
    NK("sram.obuf.access_bits", obuf_access_bits), NK("link.pj_per_bit", link_pj_per_bit),
};
#undef NK
#define N_NUMS ((int)(sizeof k_nums / sizeof k_nums[0]))

typedef struct {
    const char *key;
    size_t off, len;
} text_key;

#define TK(k, f) {k, offsetof(slt_energy_params, f), sizeof(((slt_energy_params *)0)->f)}
static const text_key k_texts[] = {
    TK("method", method), TK("provenance", provenance), TK("node", node), TK("leaves_out", leaves_out),
    TK("config.name", config_name),
};
#undef TK
#define N_TEXTS ((int)(sizeof k_texts / sizeof k_texts[0]))

static double *num_at(slt_energy_params *p, int i) { return (double *)(void *)((char *)p + k_nums[i].off); }
static char *text_at(slt_energy_params *p, int i) { return (char *)p + k_texts[i].off; }

int slt_energy_params_write(const slt_energy_params *p, FILE *f)
{
    slt_energy_params c = *p;
    fprintf(f, "# Energy parameters for `sltref generate --energy FILE` (docs/report.md, \"Energy parameters\n"
               "# file\"): per-event energies of one configuration, written by sltreport (make run).\n"
               "# E_logic = logic.scale * (cycles*(e_cycle + e_ctrl_per_cycle) + table_builds*e_table_build\n"
               "#           + accumulates*e_term) pJ; E_sram = sum accesses * bits * pj_per_bit; link excluded.\n");
    fprintf(f, "format=%s\n", FORMAT_LINE);
    fprintf(f, "config.hash=0x%016llx\n", (unsigned long long)p->config_hash);
    for (int i = 0; i < N_TEXTS; i++) fprintf(f, "%s=%s\n", k_texts[i].key, text_at(&c, i));
    for (int i = 0; i < N_NUMS; i++) fprintf(f, "%s=%.17g\n", k_nums[i].key, *num_at(&c, i));
    return ferror(f) ? -1 : 0;
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t') s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n')) s[--n] = 0;
    return s;
}

/* One key=value line into p; seen[] marks the keys found (texts after numbers). */
static int take_line(const char *path, int ln, char *line, slt_energy_params *p, int *seen, int *fmt_ok,
                     int *hash_ok, char *err, size_t errlen)
{
    char *s = trim(line);
    if (!*s || *s == '#') return 0;
    char *eq = strchr(s, '=');
    if (!eq) return slt_fail(err, errlen, "energy parameters %s:%d: expected key=value", path, ln);
    *eq = 0;
    char *key = trim(s), *val = trim(eq + 1);
    if (!strcmp(key, "format")) {
        if (strcmp(val, FORMAT_LINE)) return slt_fail(err, errlen, "energy parameters %s:%d: format '%s', expected '%s'", path, ln, val, FORMAT_LINE);
        *fmt_ok = 1;
        return 0;
    }
    if (!strcmp(key, "config.hash")) {
        char *end;
        errno = 0;
        p->config_hash = strtoull(val, &end, 16);
        if (errno || end == val || *end) return slt_fail(err, errlen, "energy parameters %s:%d: config.hash '%s' is not hex", path, ln, val);
        *hash_ok = 1;
        return 0;
    }
    for (int i = 0; i < N_NUMS; i++) {
        if (strcmp(key, k_nums[i].key)) continue;
        if (seen[i]) return slt_fail(err, errlen, "energy parameters %s:%d: duplicate key '%s'", path, ln, key);
        char *end;
        errno = 0;
        double v = strtod(val, &end);
        if (errno || end == val || *end || !isfinite(v) || v < 0)
            return slt_fail(err, errlen, "energy parameters %s:%d: %s = '%s' is not a finite number >= 0", path, ln, key, val);
        *num_at(p, i) = v;
        seen[i] = 1;
        return 0;
    }
    for (int i = 0; i < N_TEXTS; i++) {
        if (strcmp(key, k_texts[i].key)) continue;
        if (seen[N_NUMS + i]) return slt_fail(err, errlen, "energy parameters %s:%d: duplicate key '%s'", path, ln, key);
        if (!*val || strlen(val) >= k_texts[i].len)
            return slt_fail(err, errlen, "energy parameters %s:%d: %s is empty or longer than %zu characters", path, ln, key, k_texts[i].len - 1);
        memcpy(text_at(p, i), val, strlen(val) + 1);
        seen[N_NUMS + i] = 1;
        return 0;
    }
    return slt_fail(err, errlen, "energy parameters %s:%d: unknown key '%s'", path, ln, key);
}

static FILE *open_regular(const char *path, char *err, size_t errlen)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK);
    if (fd < 0) { slt_fail(err, errlen, "energy parameters %s: %s", path, strerror(errno)); return NULL; }
    struct stat st;
    if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
        close(fd);
        slt_fail(err, errlen, "energy parameters %s: not a regular file", path);
        return NULL;
    }
    FILE *f = fdopen(fd, "r");
    if (!f) { close(fd); slt_fail(err, errlen, "energy parameters %s: cannot read", path); }
    return f;
}

static int read_lines(FILE *f, const char *path, slt_energy_params *p, int *seen, int *fmt_ok, int *hash_ok,
                      char *err, size_t errlen)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int ln = 0, rc = 0;
    while (!rc && (n = getline(&line, &cap, f)) >= 0) {
        ln++;
        if (strlen(line) != (size_t)n) rc = slt_fail(err, errlen, "energy parameters %s:%d: NUL byte", path, ln);
        else if (n > 1022) rc = slt_fail(err, errlen, "energy parameters %s:%d: line longer than 1022 characters", path, ln);
        else rc = take_line(path, ln, line, p, seen, fmt_ok, hash_ok, err, errlen);
    }
    free(line);
    if (!rc && ferror(f)) rc = slt_fail(err, errlen, "energy parameters %s: read error", path);
    return rc;
}

int slt_energy_params_load(const char *path, const slt_config *cfg, slt_energy_params *p, char *err, size_t errlen)
{
    memset(p, 0, sizeof *p);
    FILE *f = open_regular(path, err, errlen);
    if (!f) return 2;
    int seen[N_NUMS + N_TEXTS] = {0}, fmt_ok = 0, hash_ok = 0;
    int rc = read_lines(f, path, p, seen, &fmt_ok, &hash_ok, err, errlen);
    fclose(f);
    if (rc) return rc;
    if (!fmt_ok) return slt_fail(err, errlen, "energy parameters %s: no 'format=%s' line (not a parameters file?)", path, FORMAT_LINE);
    if (!hash_ok) return slt_fail(err, errlen, "energy parameters %s: missing key 'config.hash'", path);
    for (int i = 0; i < N_NUMS + N_TEXTS; i++)
        if (!seen[i]) return slt_fail(err, errlen, "energy parameters %s: missing key '%s'", path, i < N_NUMS ? k_nums[i].key : k_texts[i - N_NUMS].key);
    if (p->config_hash != slt_config_hash(cfg))
        return slt_fail(err, errlen, "energy parameters %s belong to configuration '%s' (hash 0x%016llx), not to '%s' (0x%016llx): "
                    "run make run CFG=%s or pass the same --config", path, p->config_name, (unsigned long long)p->config_hash,
                    cfg->name, (unsigned long long)slt_config_hash(cfg), cfg->name);
    return 0;
}

/* the reported node over the calibration node: 28 nm / sky130's 130 nm */
#define NODE_RATIO_28NM (28.0 / 130.0)

double slt_energy_logic_scale_28nm(void)
{
    return NODE_RATIO_28NM * (0.9 / 1.8) * (0.9 / 1.8);
}

double slt_area_scale_28nm(void)
{
    return NODE_RATIO_28NM * NODE_RATIO_28NM;
}
