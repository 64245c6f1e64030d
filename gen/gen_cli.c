/* gen_cli.c - the sltgen command line (sltgen_main), in the library so the
 * unit tests can run it in-process. */
#include <stdio.h>
#include <string.h>

#include "gen_design.h"
#include "slt_gen.h"

static void usage(FILE *f)
{
    fprintf(f, "usage: sltgen [--config FILE] [--set key=value]... --out DIR [--rtl-dir DIR] [--quiet]\n"
               "  Writes DIR/rtl/*.v, DIR/slt_params.h, DIR/slt_params.vh, DIR/params.mk and\n"
               "  DIR/config.cfg (see docs/array.md).\n"
               "  A bad configuration exits with status 2 and leaves DIR as it was.\n");
}

typedef struct {
    const char *out_dir;
    const char *rtl_dir;
    int quiet, help;
} gen_options;

/* The arguments slt_config_from_args left over. */
static int parse_options(int argc, char **argv, gen_options *o)
{
    memset(o, 0, sizeof *o);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if ((!strcmp(a, "--out") || !strcmp(a, "--rtl-dir")) && i + 1 < argc) {
            const char **dst = !strcmp(a, "--out") ? &o->out_dir : &o->rtl_dir;
            if (*dst) {  /* no silent last-wins */
                fprintf(stderr, "sltgen: %s given twice ('%s' and '%s')\n", a, *dst, argv[i + 1]);
                return SLT_EXIT_BADINPUT;
            }
            *dst = argv[++i];
        } else if (!strcmp(a, "--quiet")) {
            if (o->quiet) {
                fprintf(stderr, "sltgen: --quiet given twice\n");
                return SLT_EXIT_BADINPUT;
            }
            o->quiet = 1;
        } else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            o->help = 1;
        } else {
            fprintf(stderr, "sltgen: unexpected argument '%s'%s\n", a,
                    !strcmp(a, "--out") || !strcmp(a, "--rtl-dir") ? " (needs a folder name)" : "");
            return SLT_EXIT_BADINPUT;
        }
    }
    if (!o->help && !o->out_dir) {
        fprintf(stderr, "sltgen: --out DIR is required\n");
        return SLT_EXIT_BADINPUT;
    }
    return 0;
}

int sltgen_main(int argc, char **argv)
{
    char err[SLT_ERRLEN];
    slt_config cfg;
    int rc = slt_config_from_args(&cfg, &argc, argv, err, sizeof err);
    if (rc) {
        fprintf(stderr, "sltgen: %s\n", err);
        return SLT_EXIT_BADINPUT;
    }
    gen_options o;
    if ((rc = parse_options(argc, argv, &o))) {
        usage(stderr);
        return rc;
    }
    if (o.help) {
        usage(stdout);
        return 0;
    }
    char rtl_src[4096];
    if (o.rtl_dir) snprintf(rtl_src, sizeof rtl_src, "%s", o.rtl_dir);
    else if (slt_gen_find_rtl_src(rtl_src, sizeof rtl_src)) {
        fprintf(stderr, "sltgen: cannot find the rtl/ primitives; pass --rtl-dir or set SLT_RTL_DIR\n");
        return 1;
    }
    if (slt_gen_write(&cfg, o.out_dir, rtl_src, err, sizeof err)) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }
    if (!o.quiet) {
        slt_design d;
        slt_design_derive(&cfg, &d);
        printf("sltgen: wrote %s (config '%s', top %s, latency %d)\n", o.out_dir, d.cfg_name, d.mod_array, d.latency);
    }
    return 0;
}
