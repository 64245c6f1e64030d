/* dse_points.h - points of the design-space sweep (docs/dse.md): read from
 * scripts/dse_point.sh's point.kv files, written as CSV, JSON and SVG. */
#ifndef DSE_POINTS_H
#define DSE_POINTS_H

#include <stdio.h>

#define DSE_NUM_UNSET (-1.0)

typedef struct {
    char name[128];
    char status[16];           /* ok, refused, failed */
    char note[512];
    char overrides[512];       /* "key=value key=value" as given to the point */
    char array[16];            /* slt / addsub (from the configuration) */
    char weight_format[8];
    int group_size, lut_units, row_lanes, act_bits, pipe_stages, have_cfg;
    int act_slice_bits, clock_gating; /* from the configuration (0 = off) */
    int psum_chunks;           /* from the configuration (1: partial sums through obuf every chunk) */
    int on_front;              /* 1: no measured point has smaller-or-equal area and pJ/MAC
                                * and larger-or-equal MAC/cycle, better in one (dse_mark_front) */
    double area_um2, transistors, fmax_mhz, clock_mhz, pj_per_mac, energy_mj_3b, latency_ms_3b;
    double peak_macs, prefill_macs, seconds;
    char energy_method[128];
} dse_point;

/* Read DIR/point.kv and DIR/<name>.cfg into p; 0 or 2 with a message. */
int dse_point_load(const char *dir, dse_point *p);

/* results.csv / results.json writers (rows in the given order). */
int dse_write_csv(const char *path, const dse_point *pts, int n);
int dse_write_json(const char *path, const dse_point *pts, int n);

/* Pareto scatter plots: x/y minimised (max_x: x maximised instead). */
int dse_svg_scatter(const char *path, const char *title, const char *note, const char *xlabel, const char *ylabel,
                    const dse_point *pts, int n, double (*x)(const dse_point *), double (*y)(const dse_point *),
                    int max_x);

/* 1 when q is at least as good as p on both axes and better on one. */
int dse_dominates(double qx, double qy, double px, double py, int max_x);

/* Set on_front for every point (both arrays together; points without area,
 * pJ/MAC and MAC/cycle are never on it). */
void dse_mark_front(dse_point *pts, int n);

/* DIR/pareto.md: the markdown table of every point, the front marked, verdict
 * (the lut_vs_addsub_best line, may be NULL) below it. */
int dse_write_pareto_md(const char *path, const dse_point *pts, int n, const char *verdict);

int dse_gather(int argc, char **argv);

/* sltdse psum: the partial-sum dataflow estimate (dse_psum.c). */
int dse_psum(int argc, char **argv);

#endif
