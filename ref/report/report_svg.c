/* report_svg.c - area.svg and energy.svg (report_ctx.h). */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_ctx.h"

/* horizontal bar chart; values >= 0 */
static int svg_bars(const char *path, const char *title, const char *note, const char *unit, int n,
                    const char *const *labels, const double *vals)
{
    FILE *f = fopen(path, "w");
    if (!f) { fprintf(stderr, "sltreport: cannot write %s: %s\n", path, strerror(errno)); return 2; }
    static const char *const colors[] = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#9c755f"};
    double vmax = 0, sum = 0;
    for (int i = 0; i < n; i++) { if (vals[i] > vmax) vmax = vals[i]; sum += vals[i]; }
    if (vmax <= 0) vmax = 1;
    int w = 900, bar_x = 230, bar_w = 420, row = 28, top = 60;
    int h = top + n * row + 50;
    fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
               "font-family=\"sans-serif\" font-size=\"13\">\n", w, h, w, h);
    fprintf(f, "  <rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n", w, h);
    fprintf(f, "  <text x=\"10\" y=\"24\" font-size=\"16\" font-weight=\"bold\">");
    report_xml_text(f, title);
    fprintf(f, "</text>\n  <text x=\"10\" y=\"44\" font-size=\"11\" fill=\"#555555\">");
    report_xml_text(f, note);
    fprintf(f, "</text>\n");
    for (int i = 0; i < n; i++) {
        int y = top + i * row;
        double bw = vals[i] / vmax * bar_w;
        fprintf(f, "  <text x=\"%d\" y=\"%d\" text-anchor=\"end\">", bar_x - 8, y + 16);
        report_xml_text(f, labels[i]);
        fprintf(f, "</text>\n");
        fprintf(f, "  <rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"20\" fill=\"%s\"/>\n", bar_x, y + 2, bw,
                colors[i % 8]);
        fprintf(f, "  <text x=\"%.1f\" y=\"%d\">%.4g %s (%.1f %%)</text>\n", bar_x + bw + 6, y + 16, vals[i], unit,
                sum > 0 ? 100.0 * vals[i] / sum : 0.0);
    }
    fprintf(f, "  <text x=\"10\" y=\"%d\" font-size=\"12\">total %.4g %s</text>\n", top + n * row + 24, sum, unit);
    fprintf(f, "</svg>\n");
    if (fclose(f) != 0) { fprintf(stderr, "sltreport: cannot write %s\n", path); return 2; }
    return 0;
}

int rep_svgs(const report *R)
{
    char p[4096];
    /* ---- SVG charts ---- */
    {
        const char *lab[] = {"table builders (logic)", "row lanes (logic)", "array glue (logic)", "wbuf SRAM (model)",
                             "abuf SRAM (model)", "obuf SRAM (model)"};
        double s2 = slt_area_scale_28nm();
        double v[] = {R->a_b * s2 / 1e6, R->a_l * s2 / 1e6, R->a_g * s2 / 1e6, R->w28.area_um2 / 1e6, R->a28.area_um2 / 1e6, R->o28.area_um2 / 1e6};
        snprintf(p, sizeof p, "%s/area.svg", R->out);
        if (R->top_area) {
            /* the whole top by block, logic scaled from sky130, SRAM macros modelled at 28 nm */
            const char *lt[] = {"table builders (logic)", "row lanes (logic)", "array glue (logic)", "controllers (logic)",
                                "AXI (logic)", "other (logic)", "SRAM macros (MODEL)"};
            double vt[7];
            for (int b = 0; b < 6; b++) vt[b] = (isfinite(R->blk_um2[b]) ? R->blk_um2[b] : 0) * s2 / 1e6;
            vt[6] = (isfinite(R->sram_top28) ? R->sram_top28 : R->sram28_um2) / 1e6;
            if (svg_bars(p, "Area of the accelerator top at 28 nm by block: logic scaled from sky130, SRAM modelled",
                         "Logic: Yosys/ABC sky130 cell area x (28/130)^2 (scaling, no P&R). SRAM: analytic model gen/sram_model.c.",
                         "mm^2", 7, lt, vt))
                return 2;
        } else if (svg_bars(p, "Area at 28 nm: logic scaled from sky130, SRAM modelled",
                     "Scaling and model, not a 28 nm synthesis. Logic = array only, no controllers / AXI / P&R.", "mm^2",
                     R->syn.present ? 6 : 3, R->syn.present ? lab : lab + 3, R->syn.present ? v : v + 3))
            return 2;
        const char *lab2[] = {"controllers + AXI (per cycle)", "clock + leakage (per cycle)", "table builds", "lookups + accumulates",
                              "wbuf SRAM (model)", "abuf SRAM (model)", "obuf SRAM (model)"};
        double v2[] = {R->r3->e_ctrl_mj, R->r3->e_cycle_mj, R->r3->e_build_mj, R->r3->e_term_mj, R->r3->e_wbuf_mj, R->r3->e_abuf_mj, R->r3->e_obuf_mj};
        snprintf(p, sizeof p, "%s/energy.svg", R->out);
        int sk = R->have_ctrl ? 0 : 1; /* no controllers bar when they are excluded */
        if (svg_bars(p, "Energy per token, bitnet_b1_58-3B, scaled to 28 nm",
                     R->have_ctrl ? "Logic: OpenSTA sky130 power (global activity), C*V^2-scaled, array + controllers/AXI; SRAM: analytic model. Link I/O excluded."
                               : "Logic: OpenSTA sky130 power (global activity), C*V^2-scaled, array only (controllers/AXI excluded); SRAM: model. Link I/O excluded.",
                     "mJ", R->ee.ok ? 7 - sk : 3, R->ee.ok ? lab2 + sk : lab2 + 4, R->ee.ok ? v2 + sk : v2 + 4))
            return 2;
    }
    return 0;
}
