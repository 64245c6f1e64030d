/* sltecc - the SRAM side of the cost of ecc = secded (docs/memory.md "ECC"), printed
 * by `make ecc-cost` next to the synthesised logic area.
 *
 *   sltecc --config FILE [--k K] [--m M] [--n N] [--seed S]
 *   sltecc --config FILE --widths    one line per SRAM of the top: NAME DEPTH WIDTH ECC
 *                                    (ECC 1: SECDED applies to it when ecc = secded;
 *                                    scripts/ecc_logic_area.sh synthesises its coders)
 *
 * Per buffer of the generated top (gen/emit_top.c geometry, same depth with and
 * without ECC: the code bits come on top of the configured KiB): data bits, codeword
 * bits, MODELLED macro area (gen/sram_model.c, sky130 and 28 nm) and MODELLED energy
 * of one access (28 nm); then the SRAM access energy of one GEMV/GEMM (K x M, N
 * tokens, random mixed ternary weights, access counts from slt_predict; mode-memory
 * reads = table builds' abuf reads, writes = one per chunk). Left out: the switching
 * energy of the encoders/decoders themselves (logic, see the synthesised area) and
 * any scrubbing. Exit 2 on bad input. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emit_top.h"
#include "gen_design.h"
#include "sram_model.h"
#include "slt_config.h"
#include "slt_gemm.h"
#include "slt_models.h"
#include "slt_prng.h"
#include "slt_secded.h"
#include "slt_vectors.h"

static int die(const char *msg)
{
    fprintf(stderr, "sltecc: %s\n", msg);
    return SLT_EXIT_BADINPUT;
}

static int imin(int a, int b) { return a < b ? a : b; }

int main(int argc, char **argv)
{
    slt_config cfg;
    char err[SLT_ERRLEN];
    if (slt_config_from_args(&cfg, &argc, argv, err, sizeof err)) return die(err);
    /* the 3B up-projection (K = hidden, M = MLP size, ref/slt_models.h), clipped */
    int k = imin(slt_models[SLT_MODEL_3B].hidden, cfg.max_k), m = imin(slt_models[SLT_MODEL_3B].inter, cfg.max_m), n = 1;
    unsigned long long seed = 1;
    int widths = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--widths")) { widths = 1; continue; }
        if (i + 1 >= argc) return die("usage: sltecc --config FILE [--k K] [--m M] [--n N] [--seed S]");
        if (!strcmp(argv[i], "--k")) k = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--m")) m = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--n")) n = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--seed")) seed = strtoull(argv[++i], NULL, 0);
        else return die("usage: sltecc --config FILE [--k K] [--m M] [--n N] [--seed S]");
    }
    if (widths) {
        slt_design dw;
        slt_design_derive(&cfg, &dw);
        slt_top_geom gw;
        slt_top_geometry(&dw, &gw);
        printf("wbuf %d %d 1\nabuf %d %d 1\nobuf %d %d 1\nmodes %d %d %d\n", gw.wbuf_depth, gw.wbuf_width,
               gw.abuf_depth, gw.abuf_width, gw.obuf_depth, gw.obuf_width, gw.mode_depth, dw.u,
               !slt_format_is_binary(cfg.weight_format));
        return 0;
    }
    if (k < 1 || k > cfg.max_k || m < 1 || m > cfg.max_m || n < 1 || n > cfg.max_n)
        return die("--k/--m/--n outside 1..max_k/max_m/max_n of the configuration");
    slt_design d;
    slt_design_derive(&cfg, &d);
    slt_top_geom g;
    slt_top_geometry(&d, &g);
    int8_t *w = malloc((size_t)m * k);
    if (!w) return die("out of memory");
    slt_prng p;
    slt_prng_seed(&p, seed);
    slt_vectors_weights(&cfg, m, k, SLT_W_MIXED, &p, w);
    slt_events ev;
    if (slt_predict(&cfg, w, m, k, n, &ev, err, sizeof err)) return die(err);
    free(w);
    int ug = cfg.group_size * cfg.lut_units, nc = (k + ug - 1) / ug;
    int binary = slt_format_is_binary(cfg.weight_format);
    struct {
        const char *name;
        int depth, width;
        double acc;
        int ecc;
    } b[4] = {
        {"wbuf", g.wbuf_depth, g.wbuf_width, (double)(ev.wbuf_reads + ev.wbuf_writes), 1},
        {"abuf", g.abuf_depth, g.abuf_width, (double)(ev.abuf_reads + ev.abuf_writes), 1},
        {"obuf", g.obuf_depth, g.obuf_width, (double)(ev.obuf_reads + ev.obuf_writes), 1},
        {"modes", g.mode_depth, d.u, binary ? 0.0 : (double)ev.abuf_reads + nc, !binary},
    };
    printf("# SRAM cost of ecc = secded, configuration %s (MODELLED: gen/sram_model.c)\n", cfg.name);
    printf("%-6s %7s %6s %6s %9s | %12s %12s %7s | %10s %10s %7s | %12s\n", "buffer", "depth", "data", "code",
           "+bits", "sky130 um^2", "+ECC um^2", "ratio", "28nm pJ/rd", "+ECC pJ", "ratio", "accesses");
    double e0 = 0, e1 = 0, a0 = 0, a1 = 0, a28_0 = 0, a28_1 = 0;
    for (int i = 0; i < 4; i++) {
        int cw = b[i].ecc ? slt_secded_code_bits(b[i].width) : b[i].width;
        slt_sram_estimate s0, s1, t0, t1;
        if (slt_sram_estimate_of(SLT_NODE_SKY130, b[i].depth, b[i].width, &s0) ||
            slt_sram_estimate_of(SLT_NODE_SKY130, b[i].depth, cw, &s1) ||
            slt_sram_estimate_of(SLT_NODE_28NM, b[i].depth, b[i].width, &t0) ||
            slt_sram_estimate_of(SLT_NODE_28NM, b[i].depth, cw, &t1))
            return die("SRAM model failed");
        printf("%-6s %7d %6d %6d %8.1f%% | %12.0f %12.0f %7.3f | %10.3f %10.3f %7.3f | %12.0f\n", b[i].name,
               b[i].depth, b[i].width, cw, 100.0 * (cw - b[i].width) / b[i].width, s0.area_um2, s1.area_um2,
               s1.area_um2 / s0.area_um2, t0.read_pj, t1.read_pj, t1.read_pj / t0.read_pj, b[i].acc);
        a0 += s0.area_um2;
        a1 += s1.area_um2;
        a28_0 += t0.area_um2;
        a28_1 += t1.area_um2;
        e0 += b[i].acc * t0.read_pj; /* write energy = read energy (model assumption) */
        e1 += b[i].acc * t1.read_pj;
    }
    printf("sram_area_sky130_um2 none=%.0f secded=%.0f ratio=%.3f\n", a0, a1, a1 / a0);
    printf("sram_area_28nm_um2 none=%.0f secded=%.0f ratio=%.3f\n", a28_0, a28_1, a28_1 / a28_0);
    printf("sram_energy_28nm_nj_per_%s_%dx%d_n%d none=%.3f secded=%.3f ratio=%.3f (encoder/decoder logic not "
           "included)\n",
           n == 1 ? "gemv" : "gemm", k, m, n, e0 / 1000.0, e1 / 1000.0, e1 / e0);
    return 0;
}
