/* dse_output.c - results.csv, results.json and the Pareto SVG plots of the
 * design-space sweep (docs/dse.md). Unmeasured figures are empty in CSV and
 * null in JSON, never a number. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "dse_points.h"
#include "report/report_text.h"

/* ---- CSV / JSON ------------------------------------------------------------------ */
static const char *const k_cols[] = {"name", "status", "array", "group_size", "lut_units", "row_lanes", "act_bits",
                                     "pipe_stages", "weight_format", "overrides", "area_um2", "transistors",
                                     "fmax_mhz", "clock_mhz", "pj_per_mac", "energy_method", "energy_mj_3b",
                                     "latency_ms_3b", "peak_macs_per_cycle", "prefill_macs_per_cycle", "note",
                                     "act_slice_bits", "clock_gating", "on_front", "psum_chunks"};
enum { NCOLS = sizeof k_cols / sizeof k_cols[0] };

/* configuration integers: 3..7, 21..22 and 24; on_front (23) is 0/1 */
static int is_cfg_col(int c) { return (c >= 3 && c <= 7) || c == 21 || c == 22 || c == 24; }
static int is_num_col(int c)
{
    return is_cfg_col(c) || (c >= 10 && c <= 14) || (c >= 16 && c <= 19) || c == 23;
}

/* column c of p as text; numbers "" when unmeasured */
static void cell(const dse_point *p, int c, char *buf, size_t len)
{
    const double nums[] = {[10] = p->area_um2, [11] = p->transistors, [12] = p->fmax_mhz, [13] = p->clock_mhz,
                           [14] = p->pj_per_mac, [16] = p->energy_mj_3b, [17] = p->latency_ms_3b,
                           [18] = p->peak_macs, [19] = p->prefill_macs};
    const int ints[] = {[3] = p->group_size, [4] = p->lut_units, [5] = p->row_lanes, [6] = p->act_bits,
                        [7] = p->pipe_stages, [21] = p->act_slice_bits, [22] = p->clock_gating,
                        [24] = p->psum_chunks};
    const char *strs[] = {[0] = p->name, [1] = p->status, [2] = p->array, [8] = p->weight_format,
                          [9] = p->overrides, [15] = p->energy_method, [20] = p->note};
    buf[0] = 0;
    if (is_cfg_col(c)) { if (p->have_cfg) snprintf(buf, len, "%d", ints[c]); }
    else if (c == 23) snprintf(buf, len, "%d", p->on_front);
    else if (is_num_col(c)) { if (nums[c] >= 0) snprintf(buf, len, "%.6g", nums[c]); }
    else snprintf(buf, len, "%s", strs[c]);
}

static void csv_field(FILE *f, const char *s)
{
    if (!strpbrk(s, ",\"\n")) { fputs(s, f); return; }
    fputc('"', f);
    for (; *s; s++) { if (*s == '"') fputc('"', f); fputc(*s, f); }
    fputc('"', f);
}


static FILE *open_out(const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f) fprintf(stderr, "sltdse: cannot write %s: %s\n", path, strerror(errno));
    return f;
}

static int close_out(FILE *f, const char *path)
{
    if (fclose(f) == 0) return 0;
    fprintf(stderr, "sltdse: cannot write %s\n", path);
    return 2;
}

int dse_write_csv(const char *path, const dse_point *pts, int n)
{
    FILE *f = open_out(path);
    if (!f) return 2;
    char buf[600];
    for (int c = 0; c < NCOLS; c++) fprintf(f, "%s%s", c ? "," : "", k_cols[c]);
    fputc('\n', f);
    for (int i = 0; i < n; i++) {
        for (int c = 0; c < NCOLS; c++) {
            if (c) fputc(',', f);
            cell(&pts[i], c, buf, sizeof buf);
            csv_field(f, buf);
        }
        fputc('\n', f);
    }
    return close_out(f, path);
}

int dse_write_json(const char *path, const dse_point *pts, int n)
{
    FILE *f = open_out(path);
    if (!f) return 2;
    char buf[600];
    fputs("[\n", f);
    for (int i = 0; i < n; i++) {
        fputs("  {", f);
        for (int c = 0; c < NCOLS; c++) {
            cell(&pts[i], c, buf, sizeof buf);
            fprintf(f, "%s\"%s\": ", c ? ", " : "", k_cols[c]);
            if (!is_num_col(c)) report_json_str(f, buf);
            else fputs(*buf ? buf : "null", f);
        }
        fprintf(f, "}%s\n", i + 1 < n ? "," : "");
    }
    fputs("]\n", f);
    return close_out(f, path);
}

/* ---- SVG scatter with Pareto fronts ------------------------------------------------- */
int dse_dominates(double qx, double qy, double px, double py, int max_x)
{
    int xb = max_x ? qx >= px : qx <= px, xs = max_x ? qx > px : qx < px;
    return xb && qy <= py && (xs || qy < py);
}

static int on_front(const dse_point *pts, int n, int i, double (*x)(const dse_point *),
                    double (*y)(const dse_point *), int max_x)
{
    for (int j = 0; j < n; j++)
        if (j != i && x(&pts[j]) > 0 && y(&pts[j]) > 0 && !strcmp(pts[j].array, pts[i].array) &&
            dse_dominates(x(&pts[j]), y(&pts[j]), x(&pts[i]), y(&pts[i]), max_x))
            return 0;
    return 1;
}


typedef struct { double x0, x1, y0, y1; int px, py, pw, ph; } plot_frame;

static double sx(const plot_frame *fr, double v) { return fr->px + (v - fr->x0) / (fr->x1 - fr->x0) * fr->pw; }
static double sy(const plot_frame *fr, double v) { return fr->py + fr->ph - (v - fr->y0) / (fr->y1 - fr->y0) * fr->ph; }

static void frame_axes(FILE *f, const plot_frame *fr, const char *xlabel, const char *ylabel)
{
    fprintf(f, "  <rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>\n", fr->px,
            fr->py, fr->pw, fr->ph);
    for (int t = 0; t <= 4; t++) {
        double xv = fr->x0 + (fr->x1 - fr->x0) * t / 4, yv = fr->y0 + (fr->y1 - fr->y0) * t / 4;
        fprintf(f, "  <text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"11\">%.4g</text>\n", sx(fr, xv),
                fr->py + fr->ph + 16, xv);
        fprintf(f, "  <text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" font-size=\"11\">%.4g</text>\n", fr->px - 6,
                sy(fr, yv) + 4, yv);
    }
    fprintf(f, "  <text x=\"%d\" y=\"%d\" text-anchor=\"middle\">", fr->px + fr->pw / 2, fr->py + fr->ph + 36);
    report_xml_text(f, xlabel);
    fprintf(f, "</text>\n  <text x=\"16\" y=\"%d\" transform=\"rotate(-90 16 %d)\" text-anchor=\"middle\">",
            fr->py + fr->ph / 2, fr->py + fr->ph / 2);
    report_xml_text(f, ylabel);
    fputs("</text>\n", f);
}

static int measured(const dse_point *p, double (*x)(const dse_point *), double (*y)(const dse_point *))
{
    return !strcmp(p->status, "ok") && x(p) > 0 && y(p) > 0;
}

int dse_svg_scatter(const char *path, const char *title, const char *note, const char *xlabel, const char *ylabel,
                    const dse_point *pts, int n, double (*x)(const dse_point *), double (*y)(const dse_point *),
                    int max_x)
{
    FILE *f = open_out(path);
    if (!f) return 2;
    plot_frame fr = {INFINITY, -INFINITY, INFINITY, -INFINITY, 80, 60, 620, 360};
    int shown = 0;
    for (int i = 0; i < n; i++) {
        if (!measured(&pts[i], x, y)) continue;
        shown++;
        fr.x0 = fmin(fr.x0, x(&pts[i])); fr.x1 = fmax(fr.x1, x(&pts[i]));
        fr.y0 = fmin(fr.y0, y(&pts[i])); fr.y1 = fmax(fr.y1, y(&pts[i]));
    }
    if (!shown) { fr.x0 = fr.y0 = 0; fr.x1 = fr.y1 = 1; }
    double dx = (fr.x1 - fr.x0) * 0.08 + 1e-9 * (fabs(fr.x1) + 1), dy = (fr.y1 - fr.y0) * 0.08 + 1e-9 * (fabs(fr.y1) + 1);
    fr.x0 -= dx; fr.x1 += dx; fr.y0 -= dy; fr.y1 += dy;
    fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"900\" "
               "height=\"480\" viewBox=\"0 0 900 480\" font-family=\"sans-serif\" font-size=\"13\">\n"
               "  <rect x=\"0\" y=\"0\" width=\"900\" height=\"480\" fill=\"#ffffff\"/>\n  <text x=\"10\" y=\"22\" "
               "font-size=\"16\" font-weight=\"bold\">");
    report_xml_text(f, title);
    fputs("</text>\n  <text x=\"10\" y=\"40\" font-size=\"11\" fill=\"#555555\">", f);
    report_xml_text(f, note);
    fputs("</text>\n", f);
    frame_axes(f, &fr, xlabel, ylabel);
    if (!shown)
        fprintf(f, "  <text x=\"%d\" y=\"%d\" text-anchor=\"middle\">no measured points</text>\n",
                fr.px + fr.pw / 2, fr.py + fr.ph / 2);
    for (int i = 0; i < n; i++) {
        const dse_point *p = &pts[i];
        if (!measured(p, x, y)) continue;
        int front = on_front(pts, n, i, x, y, max_x);
        const char *col = strcmp(p->array, "slt") ? "#f28e2b" : "#4e79a7";
        fprintf(f, "  <circle cx=\"%.1f\" cy=\"%.1f\" r=\"%d\" fill=\"%s\" stroke=\"%s\" stroke-width=\"2\"><title>",
                sx(&fr, x(p)), sy(&fr, y(p)), front ? 6 : 4, front ? col : "none", col);
        report_xml_text(f, p->name);
        fputs("</title></circle>\n", f);
    }
    fputs("  <circle cx=\"730\" cy=\"80\" r=\"6\" fill=\"#4e79a7\"/><text x=\"742\" y=\"85\">slt</text>\n"
          "  <circle cx=\"730\" cy=\"104\" r=\"6\" fill=\"#f28e2b\"/><text x=\"742\" y=\"109\">addsub</text>\n"
          "  <text x=\"722\" y=\"134\" font-size=\"11\">filled: on its array's</text>\n"
          "  <text x=\"722\" y=\"148\" font-size=\"11\">Pareto front</text>\n</svg>\n", f);
    return close_out(f, path);
}
