/* emit_regs - test driver: write the register-map outputs of gen/regs.c for one
 * configuration (sltgen will call the same functions; this lets the primitive tests
 * and `make regs-doc` run without it).
 * usage: emit_regs [--config FILE] [--set k=v]... [--verilog OUT] [--header OUT]
 *                  [--markdown OUT] [--module]   (--module prints the module name) */
#include <stdio.h>
#include <string.h>

#include "regs.h"
#include "slt_config.h"

static int emit(const char *path, int (*fn)(const slt_config *, FILE *), const slt_config *cfg)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "emit_regs: cannot write %s\n", path);
        return 1;
    }
    int rc = fn(cfg, f);
    if (fclose(f) != 0) rc = -1;
    if (rc) fprintf(stderr, "emit_regs: write error on %s\n", path);
    return rc ? 1 : 0;
}

int main(int argc, char **argv)
{
    slt_config cfg;
    char err[SLT_ERRLEN];
    if (slt_config_from_args(&cfg, &argc, argv, err, sizeof err)) {
        fprintf(stderr, "emit_regs: %s\n", err);
        return SLT_EXIT_BADINPUT;
    }
    int rc = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--module")) {
            char name[64];
            slt_regs_module_name(&cfg, name, sizeof name);
            printf("%s\n", name);
        } else if (i + 1 < argc && !strcmp(argv[i], "--verilog")) {
            rc |= emit(argv[++i], slt_regs_emit_verilog, &cfg);
        } else if (i + 1 < argc && !strcmp(argv[i], "--header")) {
            rc |= emit(argv[++i], slt_regs_emit_c_header, &cfg);
        } else if (i + 1 < argc && !strcmp(argv[i], "--markdown")) {
            rc |= emit(argv[++i], slt_regs_emit_markdown, &cfg);
        } else {
            fprintf(stderr, "emit_regs: unknown argument %s\n", argv[i]);
            return SLT_EXIT_BADINPUT;
        }
    }
    return rc;
}
