/* dse_pareto.c - the measured Pareto front of the design-space sweep and its
 * markdown table build/dse/pareto.md (docs/dse.md). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dse_points.h"

/* a point with every figure of the front measured */
static int front_measured(const dse_point *p)
{
    return !strcmp(p->status, "ok") && p->area_um2 > 0 && p->pj_per_mac > 0 && p->peak_macs > 0;
}

/* q at least as good as p on area (min), pJ/MAC (min), MAC/cycle (max), better on one */
static int dominates3(const dse_point *q, const dse_point *p)
{
    int ge = q->area_um2 <= p->area_um2 && q->pj_per_mac <= p->pj_per_mac && q->peak_macs >= p->peak_macs;
    int gt = q->area_um2 < p->area_um2 || q->pj_per_mac < p->pj_per_mac || q->peak_macs > p->peak_macs;
    return ge && gt;
}

void dse_mark_front(dse_point *pts, int n)
{
    for (int i = 0; i < n; i++) {
        pts[i].on_front = front_measured(&pts[i]);
        for (int j = 0; j < n && pts[i].on_front; j++)
            if (j != i && front_measured(&pts[j]) && dominates3(&pts[j], &pts[i])) pts[i].on_front = 0;
    }
}

/* table order: peak MAC/cycle, then pJ/MAC (unmeasured last), then name */
static int by_macs_pj(const void *a, const void *b)
{
    const dse_point *p = a, *q = b;
    if (p->peak_macs != q->peak_macs) return p->peak_macs < q->peak_macs ? -1 : 1;
    double pp = p->pj_per_mac > 0 ? p->pj_per_mac : 1e300, qp = q->pj_per_mac > 0 ? q->pj_per_mac : 1e300;
    if (pp != qp) return pp < qp ? -1 : 1;
    return strcmp(p->name, q->name);
}

static const char *md_fig(double v, const char *fmt, char *buf, size_t len)
{
    if (v < 0) return "-";
    snprintf(buf, len, fmt, v);
    return buf;
}

static void md_row(FILE *f, const dse_point *p)
{
    char b[6][32], slice[16];
    if (p->act_slice_bits) snprintf(slice, sizeof slice, "%d-bit", p->act_slice_bits);
    else snprintf(slice, sizeof slice, "off");
    const char *front = !strcmp(p->status, "ok") ? (p->on_front ? "yes" : "no") : p->status;
    fprintf(f, "| %s | %s | %d/%d/%d | %d | %s | %s | %s | %s | %s | %s | %s | %s |\n", p->name, p->array,
            p->group_size, p->lut_units, p->row_lanes, p->pipe_stages, p->have_cfg ? slice : "-",
            p->have_cfg ? (p->clock_gating ? "on" : "off") : "-", md_fig(p->area_um2, "%.0f", b[0], 32),
            md_fig(p->fmax_mhz, "%.1f", b[1], 32), md_fig(p->pj_per_mac, "%.3f", b[2], 32),
            md_fig(p->energy_mj_3b, "%.4g", b[3], 32), md_fig(p->peak_macs, "%.0f", b[4], 32), front);
}

int dse_write_pareto_md(const char *path, const dse_point *pts, int n, const char *verdict)
{
    dse_point *s = malloc((size_t)(n ? n : 1) * sizeof *s);
    if (!s) { fprintf(stderr, "sltdse: out of memory\n"); return 2; }
    if (n) memcpy(s, pts, (size_t)n * sizeof *s);
    qsort(s, (size_t)n, sizeof *s, by_macs_pj);
    FILE *f = fopen(path, "w");
    if (!f) { fprintf(stderr, "sltdse: cannot write %s: %s\n", path, strerror(errno)); free(s); return 2; }
    fputs("| point | array | G/U/L | pipe | slicing | clock gating | area um2 | Fmax MHz | pJ/MAC | "
          "3B mJ/token | MAC/cycle | on front |\n"
          "| --- | --- | --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- |\n", f);
    for (int i = 0; i < n; i++) md_row(f, &s[i]);
    fputs("\narea: sky130 tt logic area of the array (Yosys, SRAM excluded); Fmax: OpenSTA pre-layout; "
          "pJ/MAC: the array's energy per ternary MAC from gate-level simulation activity (make energy; "
          "'-' = not measured); 3B mJ/token: sltreport's event model with the measured per-event energies; "
          "MAC/cycle: peak L*U*G.\n"
          "on front: no other measured point (either array) has smaller-or-equal area and pJ/MAC and "
          "larger-or-equal MAC/cycle, better in one.\n", f);
    if (verdict) fprintf(f, "\n%s\n", verdict);
    free(s);
    if (fclose(f)) { fprintf(stderr, "sltdse: cannot write %s\n", path); return 2; }
    return 0;
}
