/* dse_gather.c - `sltdse gather`: points -> results.csv, results.json, Pareto
 * plots and the SLT vs add/sub verdict (docs/dse.md). */
#include <errno.h>
#include <stddef.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dse_points.h"
#include "slt_config.h"

static void copy_str(char *dst, size_t len, const char *src)
{
    snprintf(dst, len, "%s", src);
}

static double num_or_unset(const char *v)
{
    if (!*v) return DSE_NUM_UNSET;
    char *end;
    double d = strtod(v, &end);
    return (*end || !isfinite(d)) ? DSE_NUM_UNSET : d;
}

/* one key=value line of point.kv into p */
static void point_field(dse_point *p, const char *k, const char *v)
{
    static const struct { const char *key; size_t off; } nums[] = {
        {"area_um2", offsetof(dse_point, area_um2)},
        {"transistors", offsetof(dse_point, transistors)},
        {"fmax_mhz", offsetof(dse_point, fmax_mhz)},
        {"clock_mhz", offsetof(dse_point, clock_mhz)},
        {"pj_per_mac", offsetof(dse_point, pj_per_mac)},
        {"energy_mj_3b", offsetof(dse_point, energy_mj_3b)},
        {"latency_ms_3b", offsetof(dse_point, latency_ms_3b)},
        {"peak_macs_per_cycle", offsetof(dse_point, peak_macs)},
        {"prefill_macs_per_cycle", offsetof(dse_point, prefill_macs)},
        {"seconds", offsetof(dse_point, seconds)},
    };
    for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++)
        if (!strcmp(k, nums[i].key)) { *(double *)((char *)p + nums[i].off) = num_or_unset(v); return; }
    if (!strcmp(k, "name")) copy_str(p->name, sizeof p->name, v);
    else if (!strcmp(k, "status")) copy_str(p->status, sizeof p->status, v);
    else if (!strcmp(k, "note")) copy_str(p->note, sizeof p->note, v);
    else if (!strcmp(k, "energy_method")) copy_str(p->energy_method, sizeof p->energy_method, v);
    else if (!strncmp(k, "set.", 4)) {
        size_t used = strlen(p->overrides);
        snprintf(p->overrides + used, sizeof p->overrides - used, "%s%s=%s", used ? " " : "", k + 4, v);
    }
}

static void point_from_config(dse_point *p, const char *dir)
{
    char path[1024], err[SLT_ERRLEN];
    snprintf(path, sizeof path, "%s/%s.cfg", dir, p->name);
    slt_config c;
    slt_config_default(&c);
    if (slt_config_load(&c, path, err, sizeof err) || slt_config_finish(&c, err, sizeof err)) return;
    p->have_cfg = 1;
    copy_str(p->array, sizeof p->array, slt_array_name(c.array));
    copy_str(p->weight_format, sizeof p->weight_format, slt_format_name(c.weight_format));
    p->group_size = c.group_size;
    p->lut_units = c.lut_units;
    p->row_lanes = c.row_lanes;
    p->act_bits = c.act_bits;
    p->pipe_stages = c.pipe_stages;
    p->act_slice_bits = c.act_slice_bits;
    p->clock_gating = c.clock_gating;
    p->psum_chunks = c.psum_chunks;
}

int dse_point_load(const char *dir, dse_point *p)
{
    memset(p, 0, sizeof *p);
    double *nums[] = {&p->area_um2, &p->transistors, &p->fmax_mhz, &p->clock_mhz, &p->pj_per_mac,
                      &p->energy_mj_3b, &p->latency_ms_3b, &p->peak_macs, &p->prefill_macs, &p->seconds};
    for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++) *nums[i] = DSE_NUM_UNSET;
    char path[1024], line[2048];
    snprintf(path, sizeof path, "%s/point.kv", dir);
    FILE *f = fopen(path, "r");
    if (!f) { fprintf(stderr, "sltdse: cannot read %s: %s\n", path, strerror(errno)); return 2; }
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = 0;
        char *eq = strchr(line, '=');
        if (!eq || line[0] == '#') continue;
        *eq = 0;
        point_field(p, line, eq + 1);
    }
    fclose(f);
    if (!p->name[0] || !p->status[0]) { fprintf(stderr, "sltdse: %s has no name or status\n", path); return 2; }
    point_from_config(p, dir);
    return 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(((const dse_point *)a)->name, ((const dse_point *)b)->name);
}

static int ok(const dse_point *p) { return !strcmp(p->status, "ok"); }
static int is_slt(const dse_point *p) { return !strcmp(p->array, "slt"); }

/* The lowest SLT pJ/MAC over the best add/sub pJ/MAC at the same peak MAC/cycle
 * and activation width ("best against best": the add/sub side is the lowest
 * over every add/sub point there, i.e. over its pipeline placements and
 * shapes; n_addsub says how many it was chosen from). */
typedef struct {
    double ratio, macs;
    const dse_point *slt, *addsub;
    int n_addsub;
} lut_verdict;

static int comparable(const dse_point *a, const dse_point *s)
{
    return ok(a) && !is_slt(a) && a->pj_per_mac > 0 && a->peak_macs == s->peak_macs && a->act_bits == s->act_bits;
}

static lut_verdict lut_vs_addsub(const dse_point *pts, int n)
{
    lut_verdict v = {NAN, 0, NULL, NULL, 0};
    for (int i = 0; i < n; i++) {
        const dse_point *s = &pts[i];
        if (!ok(s) || !is_slt(s) || s->pj_per_mac <= 0) continue;
        const dse_point *best = NULL;
        int cands = 0;
        for (int j = 0; j < n; j++) {
            const dse_point *a = &pts[j];
            if (!comparable(a, s)) continue;
            cands++;
            if (!best || a->pj_per_mac < best->pj_per_mac) best = a;
        }
        if (!best) continue;
        double r = s->pj_per_mac / best->pj_per_mac;
        if (isnan(v.ratio) || r < v.ratio) v = (lut_verdict){r, s->peak_macs, s, best, cands};
    }
    return v;
}

static int write_summary(const char *path, const lut_verdict *v, int n, int n_ok)
{
    FILE *f = fopen(path, "w");
    if (!f) { fprintf(stderr, "sltdse: cannot write %s: %s\n", path, strerror(errno)); return 2; }
    fprintf(f, "{\n  \"points\": %d,\n  \"points_ok\": %d,\n  \"lut_vs_addsub_best\": ", n, n_ok);
    if (isnan(v->ratio))
        fprintf(f, "null,\n  \"lut_vs_addsub_note\": \"no SLT and add/sub points with measured pJ/MAC at the same MAC/cycle\"");
    else
        fprintf(f, "{\"ratio\": %.6g, \"config\": \"%s\", \"addsub_config\": \"%s\", \"macs_per_cycle\": %g, "
                   "\"slt_pj_per_mac\": %.6g, \"addsub_pj_per_mac\": %.6g, \"target\": 0.75, \"met\": %s, "
                   "\"slt_point\": \"%s\", \"addsub_point\": \"%s\", \"addsub_pipe_stages\": %d, "
                   "\"addsub_candidates\": %d, \"act_bits\": %d, "
                   "\"basis\": \"lowest SLT pJ/MAC over the lowest add/sub pJ/MAC among the add/sub points at the same "
                   "peak MAC/cycle and act_bits (every pipeline placement swept)\"}",
                v->ratio, v->slt->overrides, v->addsub->overrides, v->macs, v->slt->pj_per_mac,
                v->addsub->pj_per_mac, v->ratio <= 0.75 ? "true" : "false", v->slt->name, v->addsub->name,
                v->addsub->pipe_stages, v->n_addsub, v->slt->act_bits);
    fprintf(f, ",\n  \"pareto_table\": \"pareto.md\"\n}\n");
    return fclose(f) ? 2 : 0;
}

/* a figure for the table: "-" when not measured */
static const char *fig(double v, const char *fmt, char *buf, size_t len)
{
    if (v < 0) return "-";
    snprintf(buf, len, fmt, v);
    return buf;
}

static void print_table(const dse_point *pts, int n)
{
    printf("%-28s %-7s %-6s %2s %3s %3s %3s %2s %2s %2s %10s %8s %8s %9s %9s %6s %5s\n", "point", "status", "array",
           "G", "U", "L", "A", "P", "S", "CG", "area_um2", "fmax", "pJ/MAC", "mJ/tok3B", "ms/tok3B", "MAC/c", "front");
    char b[6][32];
    for (int i = 0; i < n; i++) {
        const dse_point *p = &pts[i];
        printf("%-28s %-7s %-6s %2d %3d %3d %3d %2d %2d %2d %10s %8s %8s %9s %9s %6s %5s\n", p->name, p->status,
               p->array, p->group_size, p->lut_units, p->row_lanes, p->act_bits, p->pipe_stages, p->act_slice_bits,
               p->clock_gating, fig(p->area_um2, "%.0f", b[0], 32), fig(p->fmax_mhz, "%.1f", b[1], 32),
               fig(p->pj_per_mac, "%.3f", b[2], 32), fig(p->energy_mj_3b, "%.4g", b[3], 32),
               fig(p->latency_ms_3b, "%.4g", b[4], 32), fig(p->peak_macs, "%.0f", b[5], 32),
               p->on_front ? "yes" : "no");
        if (strcmp(p->status, "ok")) printf("    %s\n", p->note);
    }
}

static double x_area(const dse_point *p) { return p->area_um2; }
static double y_energy(const dse_point *p) { return p->energy_mj_3b; }
static double x_macs(const dse_point *p) { return p->peak_macs; }
static double y_pj(const dse_point *p) { return p->pj_per_mac; }

int dse_gather(int argc, char **argv)
{
    const char *out = NULL;
    int first = 1;
    if (argc >= 3 && !strcmp(argv[1], "--out")) { out = argv[2]; first = 3; }
    if (!out || first >= argc) {
        fprintf(stderr, "usage: sltdse gather --out DIR POINTDIR...\n");
        return 2;
    }
    int n = argc - first, n_ok = 0;
    dse_point *pts = calloc((size_t)n, sizeof *pts);
    if (!pts) { fprintf(stderr, "sltdse: out of memory\n"); return 2; }
    int st = 0;
    for (int i = 0; i < n && !st; i++) st = dse_point_load(argv[first + i], &pts[i]);
    if (st) { free(pts); return st; }
    qsort(pts, (size_t)n, sizeof *pts, by_name);
    for (int i = 0; i < n; i++) n_ok += ok(&pts[i]);
    char path[1024];
    lut_verdict v = lut_vs_addsub(pts, n);
    dse_mark_front(pts, n);
    char verdict[1024];
    if (isnan(v.ratio))
        snprintf(verdict, sizeof verdict, "lut_vs_addsub_best: no SLT and add/sub points with measured pJ/MAC "
                                          "at the same MAC/cycle");
    else
        snprintf(verdict, sizeof verdict, "lut_vs_addsub_best: %.3f = %s %.3f pJ/MAC / %s %.3f pJ/MAC (the best "
                 "of %d add/sub point(s) at %g MAC/cycle, act_bits %d; target 0.75, %s)", v.ratio, v.slt->name,
                 v.slt->pj_per_mac, v.addsub->name, v.addsub->pj_per_mac, v.n_addsub, v.macs, v.slt->act_bits,
                 v.ratio <= 0.75 ? "met" : "not met");
#define OUT(file) (snprintf(path, sizeof path, "%s/%s", out, file), path)
    st = dse_write_csv(OUT("results.csv"), pts, n);
    if (!st) st = dse_write_json(OUT("results.json"), pts, n);
    if (!st) st = write_summary(OUT("summary.json"), &v, n, n_ok);
    if (!st) st = dse_write_pareto_md(OUT("pareto.md"), pts, n, verdict);
    if (!st)
        st = dse_svg_scatter(OUT("pareto_energy_area.svg"), "3B decode energy per token vs array area",
                             "sky130 tt logic area of the array (Yosys); energy: report model (sltreport)",
                             "array area (um^2)", "energy per token, 3B (mJ)", pts, n, x_area, y_energy, 0);
    if (!st)
        st = dse_svg_scatter(OUT("pareto_pj_macs.svg"), "Array energy per ternary MAC vs peak MAC/cycle",
                             "pJ/MAC from gate-level simulation activity (make energy), sky130 tt",
                             "peak ternary MAC per cycle", "pJ per ternary MAC", pts, n, x_macs, y_pj, 1);
#undef OUT
    if (!st) {
        print_table(pts, n);
        printf("sltdse: %d points (%d ok) -> %s/results.csv, pareto.md\n%s\n", n, n_ok, out, verdict);
    }
    int n_failed = 0;
    for (int i = 0; i < n; i++) n_failed += !strcmp(pts[i].status, "failed");
    if (!st && n_failed) {
        fprintf(stderr, "sltdse: %d point(s) failed (notes above); rerun to retry them\n", n_failed);
        st = 1;
    }
    free(pts);
    return st;
}
