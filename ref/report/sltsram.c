/* sltsram - the SRAM macro area MODEL (gen/sram_model.c) for the ASIC flow: the
 * one place the flow's black-box areas come from (synth/sram_model.md).
 *
 *   sltsram [--blackbox OUT] [--kv OUT] SHAPE...
 *     SHAPE  DEPTHxWIDTH[*COUNT]: one slt_sram_macro shape of the netlist and how
 *            many instances have it (default 1), e.g. 32768x80*1
 *     --blackbox OUT  the black-box area file of synth/stat2kv.awk, one line per
 *            shape and modelled node:
 *              slt_sram_macro Depth=D Width=W lib=sky130* <um2>
 *            (lib=28nm* too: no 28 nm liberty exists here, so it only documents);
 *            ASAP7 has no SRAM data point in the model: no asap7 line, and the
 *            flow reports the macros as unmodelled (area 0) for ASAP7.
 *     --kv OUT   key=value summary for the report: per node total modelled area
 *            and per shape area/banks (sram.<node>.area_um2, ...)
 * Both files say "MODELLED" in their header. Exit 2 on a bad argument.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sram_model.h"

#define MAX_SHAPES 64

typedef struct {
    long depth;
    int width;
    long count;
} shape;

static void usage(void)
{
    fprintf(stderr, "usage: sltsram [--blackbox OUT] [--kv OUT] DEPTHxWIDTH[*COUNT]...\n");
    exit(2);
}

static const slt_sram_node nodes[] = {SLT_NODE_28NM, SLT_NODE_SKY130};
#define NNODES (sizeof nodes / sizeof nodes[0])

int main(int argc, char **argv)
{
    const char *bb_out = NULL, *kv_out = NULL;
    shape sh[MAX_SHAPES];
    int ns = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--blackbox") && i + 1 < argc) bb_out = argv[++i];
        else if (!strcmp(argv[i], "--kv") && i + 1 < argc) kv_out = argv[++i];
        else if (argv[i][0] == '-') usage();
        else {
            if (ns == MAX_SHAPES) {
                fprintf(stderr, "sltsram: more than %d shapes\n", MAX_SHAPES);
                return 2;
            }
            char *end;
            shape s = {0, 0, 1};
            s.depth = strtol(argv[i], &end, 10);
            if (*end != 'x') usage();
            s.width = (int)strtol(end + 1, &end, 10);
            if (*end == '*') s.count = strtol(end + 1, &end, 10);
            if (*end || s.depth < 1 || s.width < 1 || s.count < 0) {
                fprintf(stderr, "sltsram: bad shape '%s' (DEPTHxWIDTH[*COUNT])\n", argv[i]);
                return 2;
            }
            sh[ns++] = s;
        }
    }
    if (bb_out) {
        FILE *f = fopen(bb_out, "w");
        if (!f) {
            perror(bb_out);
            return 2;
        }
        fprintf(f, "# blackbox_area.txt - MODELLED SRAM macro area, written by sltsram from gen/sram_model.c\n"
                   "# (analytic model, not a datasheet or a memory compiler: synth/sram_model.md).\n"
                   "# Format: synth/stat2kv.awk. ASAP7: no SRAM data point in the model, so no asap7 line:\n"
                   "# SRAM area is NOT MODELLED for ASAP7 (the flow reports the macros as unmodelled, area 0).\n");
        for (int i = 0; i < ns; i++)
            for (size_t n = 0; n < NNODES; n++) {
                slt_sram_estimate e;
                if (slt_sram_estimate_of(nodes[n], (double)sh[i].depth, sh[i].width, &e)) return 1;
                fprintf(f, "slt_sram_macro Depth=%ld Width=%d lib=%s* %.3f  # %d bank(s), modelled\n", sh[i].depth,
                        sh[i].width, slt_sram_tech_get(nodes[n])->name, e.area_um2, e.banks);
            }
        if (fclose(f)) return 1;
    }
    if (kv_out) {
        FILE *f = fopen(kv_out, "w");
        if (!f) {
            perror(kv_out);
            return 2;
        }
        long inst = 0;
        double kbits = 0;
        for (int i = 0; i < ns; i++) {
            inst += sh[i].count;
            kbits += (double)sh[i].depth * sh[i].width * sh[i].count / 1024.0;
        }
        fprintf(f, "# MODELLED SRAM macro area (gen/sram_model.c, synth/sram_model.md), written by sltsram\n");
        fprintf(f, "sram.source=analytic model gen/sram_model.c (synth/sram_model.md), not a datasheet\n");
        fprintf(f, "sram.shapes=%d\nsram.instances=%ld\nsram.kbit=%.1f\n", ns, inst, kbits);
        for (int i = 0; i < ns; i++)
            fprintf(f, "sram.shape.%d=%ldx%d*%ld\n", i, sh[i].depth, sh[i].width, sh[i].count);
        for (size_t n = 0; n < NNODES; n++) {
            const slt_sram_tech *t = slt_sram_tech_get(nodes[n]);
            double tot = 0;
            int banks = 0;
            for (int i = 0; i < ns; i++) {
                slt_sram_estimate e;
                if (slt_sram_estimate_of(nodes[n], (double)sh[i].depth, sh[i].width, &e)) return 1;
                fprintf(f, "sram.%s.shape.%d.area_um2=%.3f\nsram.%s.shape.%d.banks=%d\n", t->name, i, e.area_um2,
                        t->name, i, e.banks);
                tot += e.area_um2 * sh[i].count;
                banks += e.banks * (int)sh[i].count;
            }
            fprintf(f, "sram.%s.area_um2=%.3f\nsram.%s.banks=%d\nsram.%s.area_source=%s\n", t->name, tot, t->name,
                    banks, t->name, t->area_source);
        }
        fprintf(f, "sram.asap7.area_um2=not modelled\n");
        if (fclose(f)) return 1;
    }
    return 0;
}
