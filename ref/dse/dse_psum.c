/* dse_psum.c - `sltdse psum`: what the partial-sum dataflow would save per
 * 3B token, an ESTIMATE from measured per-event energies (docs/dse.md,
 * "Partial sums: an estimate"). Nothing here is built or simulated.
 *
 *   sltdse psum --config FILE [--set key=value]... --energy ENERGY_KV
 *
 * ENERGY_KV is make energy's build/flow/<cfg>/energy/energy.kv of the same
 * configuration: e_cycle, e_table_build, e_term (sky130 pJ, slt.* keys), the
 * table builders' clock (+ leakage) energy per cycle and the window's table
 * builds and cycles (their clock gates open on builds / (U x cycles) of it). Event counts come from the
 * event model (slt_predict) on the four linear shapes of BitNet b1.58 3B
 * (one decode token), sltreport's model table and synthetic weights
 * (ref/slt_models.h; the arithmetic: ref/slt_psum.c);
 * energy = slt_energy_of_events (logic scaled to 28 nm, SRAM model at 28 nm),
 * the same formula as the report's energy per token. Variants:
 *   base      the configuration (obuf read-modify-write per chunk and row block)
 *   u2x, u4x  lut_units x2 / x4, row_lanes /2 / /4 (same peak MAC/cycle): the
 *             event model's own counts for that shape, the SAME per-event
 *             energies (the shape's own E_cycle/E_build/E_term are not measured)
 *   rs        row-stationary: the lanes keep a row block's partial sums across
 *             every chunk, one obuf write per row block, no read; the tables of
 *             each chunk are rebuilt for every row block (table builds and abuf
 *             reads x row blocks) and the builders' clocks run every cycle
 *             (their measured clock energy divided by their measured clock factor). */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dse_points.h"
#include "sram_model.h"
#include "slt_config.h"
#include "slt_energy.h"
#include "slt_gemm.h"
#include "slt_models.h"
#include "slt_psum.h"

/* energy.kv value of key, NAN when missing */
static double kv_get(const char *path, const char *key)
{
    FILE *f = fopen(path, "r");
    if (!f) return NAN;
    char line[8192];
    size_t n = strlen(key);
    double v = NAN;
    while (fgets(line, sizeof line, f))
        if (!strncmp(line, key, n) && line[n] == '=') v = strtod(line + n + 1, NULL);
    fclose(f);
    return v;
}

/* the 3B token's events as configured and row-stationary (slt_psum.h), on
 * sltreport's synthetic weights and seeds for that model */
static int token_events(const slt_config *cfg, slt_events *tok, slt_events *rs)
{
    char err[SLT_ERRLEN];
    if (slt_psum_token(cfg, &slt_models[SLT_MODEL_3B], SLT_MODEL_3B, SLT_MODEL_SEED, tok, rs, err, sizeof err)) {
        fprintf(stderr, "sltdse: psum: %s\n", err);
        return 2;
    }
    return 0;
}

static int params_of(const slt_config *cfg, double ecyc, double ebuild, double eterm, slt_energy_params *p)
{
    double wd = cfg->bus_bits, dw = cfg->wbuf_kib * 1024.0 * 8 / wd, da = cfg->abuf_kib * 1024.0 * 8 / wd,
           dob = cfg->obuf_kib * 1024.0 * 8 / wd;
    slt_sram_estimate w, a, o;
    if (slt_sram_estimate_of(SLT_NODE_28NM, dw, (int)wd, &w) || slt_sram_estimate_of(SLT_NODE_28NM, da, (int)wd, &a) ||
        slt_sram_estimate_of(SLT_NODE_28NM, dob, (int)wd, &o)) {
        fprintf(stderr, "sltdse: psum: the SRAM model refused the buffer sizes\n");
        return 2;
    }
    memset(p, 0, sizeof *p);
    slt_energy_access_bits(cfg, p);
    p->wbuf_pj_per_bit = w.pj_per_bit;
    p->abuf_pj_per_bit = a.pj_per_bit;
    p->obuf_pj_per_bit = o.pj_per_bit;
    p->e_cycle_pj = ecyc;
    p->e_build_pj = ebuild;
    p->e_term_pj = eterm;
    p->logic_scale = slt_energy_logic_scale_28nm(); /* the report's sky130 -> 28 nm */
    return 0;
}

static void row(const char *name, const char *what, const slt_energy_breakdown *b, double base)
{
    printf("| %s | %s | %.3f | %.4f | %.3f | %.3f | %.3f | %.3f | %.3f | %+.1f %% |\n", name, what, b->cycle_mj,
           b->build_mj, b->term_mj, b->wbuf_mj, b->abuf_mj, b->obuf_mj, b->total_mj,
           base > 0 ? 100.0 * (b->total_mj - base) / base : 0.0);
}

/* One variant's token priced with the base's per-event energies: a table row. 0, or 2. */
static int variant_row(const slt_config *c, const char *name, const char *what, double ecyc, double eb, double et,
                       double base_mj)
{
    slt_events t, trs;
    slt_energy_params p;
    slt_energy_breakdown b;
    if (token_events(c, &t, &trs) || params_of(c, ecyc, eb, et, &p)) return 2;
    slt_energy_of_events(&p, &t, &b);
    row(name, what, &b, base_mj);
    return 0;
}

int dse_psum(int argc, char **argv)
{
    slt_config cfg;
    char err[SLT_ERRLEN];
    if (slt_config_from_args(&cfg, &argc, argv, err, sizeof err)) {
        fprintf(stderr, "sltdse: %s\n", err);
        return 2;
    }
    if (argc != 3 || strcmp(argv[1], "--energy")) {
        fprintf(stderr, "usage: sltdse psum --config FILE [--set key=value]... --energy ENERGY_KV\n");
        return 2;
    }
    const char *ekv = argv[2];
    double ecyc = kv_get(ekv, "slt.e_cycle_pj"), eb = kv_get(ekv, "slt.e_table_build_pj"),
           et = kv_get(ekv, "slt.e_term_pj"), bclk = kv_get(ekv, "slt.block.table_builders.clock_leak_pj_per_cycle"),
           nb = kv_get(ekv, "slt.events_long.table_builds"), ncyc = kv_get(ekv, "slt.cycles_long");
    /* the builders' clocks open on a table load: table builds / (U x cycles) of the window */
    double bfac = nb / ((double)cfg.lut_units * ncyc);
    if (cfg.array != SLT_ARRAY_LUT) { fprintf(stderr, "sltdse: psum: needs an slt array configuration\n"); return 2; }
    if (!isfinite(ecyc) || !isfinite(eb) || !isfinite(et) || !isfinite(bclk) || !isfinite(bfac) || bfac <= 0) {
        fprintf(stderr, "sltdse: psum: %s lacks slt.e_cycle_pj / e_table_build_pj / e_term_pj / the builders' clock "
                        "figures (make energy's energy.kv)\n", ekv);
        return 2;
    }
    slt_events tok, rs;
    slt_energy_params p;
    slt_energy_breakdown b0, b;
    if (token_events(&cfg, &tok, &rs) || params_of(&cfg, ecyc, eb, et, &p)) return 2;
    slt_energy_of_events(&p, &tok, &b0);
    printf("psum estimate: %s G%d U%d L%d, measured per-event energies (sky130 pJ) e_cycle %.3f, e_table_build %.3f, "
           "e_term %.3f; builders' clock %.3f pJ/cycle at clock factor %.4f\n",
           cfg.name, cfg.group_size, cfg.lut_units, cfg.row_lanes, ecyc, eb, et, bclk, bfac);
    printf("3B decode token (event model): cycles %llu, table builds %llu, abuf reads %llu, obuf reads %llu + writes "
           "%llu of %.0f bits\n",
           (unsigned long long)tok.cycles, (unsigned long long)tok.table_builds, (unsigned long long)tok.abuf_reads,
           (unsigned long long)tok.obuf_reads, (unsigned long long)tok.obuf_writes, p.obuf_access_bits);
    printf("\n| variant | what | cycle mJ | build mJ | term mJ | wbuf mJ | abuf mJ | obuf mJ | total mJ | vs base |\n");
    printf("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    row("base", "as configured", &b0, 0);
    for (int f = 2; f <= 4; f *= 2) {
        slt_config c;
        char name[32], what[128];
        snprintf(name, sizeof name, "u%dx", f);
        if (slt_psum_variant(&cfg, f, &c, err, sizeof err)) {
            printf("| %s | U x%d, L / %d: refused (%s) | | | | | | | | |\n", name, f, f, err);
            continue;
        }
        snprintf(what, sizeof what, "U%d L%d (same MAC/cycle), base's per-event energies", c.lut_units, c.row_lanes);
        if (variant_row(&c, name, what, ecyc, eb, et, b0.total_mj)) return 2;
    }
    /* partial sums in the lanes across c chunks (built: psum_chunks), the base's per-event energies */
    for (int f = 2; f <= 4; f *= 2) {
        slt_config c;
        int raised;
        char name[32], what[128];
        snprintf(name, sizeof name, "c%d", f);
        if (slt_psum_tiles(&cfg, f, &c, &raised, err, sizeof err)) {
            printf("| %s | psum_chunks = %d: refused (%s) | | | | | | | | |\n", name, f, err);
            continue;
        }
        snprintf(what, sizeof what, "psum_chunks = %d (partial sums in the lanes)%s%d, base's per-event energies", f,
                 raised ? ", wbuf_kib raised to " : ", wbuf_kib ", c.wbuf_kib);
        if (variant_row(&c, name, what, ecyc, eb, et, b0.total_mj)) return 2;
    }
    /* row-stationary: the builders clocked every cycle (measured clock energy / factor) */
    slt_energy_params prs = p;
    prs.e_cycle_pj = slt_psum_rs_cycle_pj(ecyc, bclk, bfac);
    slt_energy_of_events(&prs, &rs, &b);
    row("rs", "row-stationary, tables rebuilt per row block", &b, b0.total_mj);
    printf("\nrs: obuf writes %llu, no reads; table builds %llu (x %.0f), abuf reads %llu (x %.0f); e_cycle + %.3f "
           "sky130 pJ (builders clocked every cycle)\n",
           (unsigned long long)rs.obuf_writes, (unsigned long long)rs.table_builds,
           (double)rs.table_builds / (double)(tok.table_builds ? tok.table_builds : 1),
           (unsigned long long)rs.abuf_reads, (double)rs.abuf_reads / (double)(tok.abuf_reads ? tok.abuf_reads : 1),
           prs.e_cycle_pj - ecyc);
    return 0;
}
