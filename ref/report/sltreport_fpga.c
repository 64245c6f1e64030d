/* sltreport_fpga.c - FPGA and liberty-file parts of the report (sltreport_fpga.h). */
#include "sltreport_fpga.h"

#include <stdlib.h>
#include <string.h>

#define FPGA_VAL 1024

/* the run_flow.sh fpga-top outputs: build/flow/<cfg>/fpga-top-<device> */
static const char *const k_fpga_devices[] = {"ice40", "85k"};
#define N_FPGA_DEVICES (sizeof k_fpga_devices / sizeof k_fpga_devices[0])

/* value of the last KEY=... line of a key=value file into buf; 0 when absent */
static int kv_file_get(const char *path, const char *key, char *buf, size_t len)
{
    FILE *f = fopen(path, "r");
    if (!f) return 0;
    char line[4096];
    size_t kl = strlen(key);
    int found = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = 0;
        if (strncmp(line, key, kl) == 0 && line[kl] == '=') {
            snprintf(buf, len, "%s", line + kl + 1);
            found = 1;
        }
    }
    fclose(f);
    return found;
}

static void json_string(FILE *j, const char *s)
{
    fputc('"', j);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\') fprintf(j, "\\%c", *s);
        else if ((unsigned char)*s < 0x20) fprintf(j, "\\u%04x", (unsigned char)*s);
        else fputc(*s, j);
    }
    fputc('"', j);
}

/* a number when the value is one, else null */
static void json_number(FILE *j, const char *s)
{
    char *end;
    if (s && *s) {
        strtod(s, &end);
        if (*end == '\0') { fputs(s, j); return; }
    }
    fputs("null", j);
}

typedef struct {
    char path[4096];
    int present;
} fpga_run;

static void fpga_path(fpga_run *r, const char *flow, const char *dev)
{
    snprintf(r->path, sizeof r->path, "%s/fpga-top-%s/summary.kv", flow, dev);
    char v[8];
    r->present = kv_file_get(r->path, "fit", v, sizeof v);
}

static const char *get(const fpga_run *r, const char *key, char *buf)
{
    if (!kv_file_get(r->path, key, buf, FPGA_VAL)) snprintf(buf, FPGA_VAL, "-");
    return buf;
}

void slt_report_fpga_md(FILE *f, const char *flow)
{
    fprintf(f, "## FPGA: the whole accelerator top, place and route\n\n");
    int any = 0;
    char up5k[FPGA_VAL] = "";
    for (size_t i = 0; i < N_FPGA_DEVICES; i++) {
        fpga_run r;
        fpga_path(&r, flow, k_fpga_devices[i]);
        if (!r.present) continue;
        if (!any)
            fprintf(f, "| part | fits | LUT4 + carry | flip-flops | block RAM | DSP | Fmax after P&R (target) | "
                       "wrapped: logic, BRAM used | bitstream | tool |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- "
                       "| --- |\n");
        any = 1;
        char a[FPGA_VAL], b[FPGA_VAL], c[FPGA_VAL], d[FPGA_VAL], e[FPGA_VAL], g[FPGA_VAL], h[FPGA_VAL], k[FPGA_VAL];
        char fit[FPGA_VAL], pnr[FPGA_VAL];
        get(&r, "fit", fit);
        get(&r, "pnr", pnr);
        fprintf(f, "| %s | %s | %s + %s | %s | %s | %s | ", get(&r, "part", a), strcmp(fit, "yes") ? "**no**" : "yes",
                get(&r, "luts", b), get(&r, "carry", c), get(&r, "flipflops", d), get(&r, "bram", e), get(&r, "dsp", g));
        if (strcmp(pnr, "ok") == 0)
            fprintf(f, "%s MHz (%s MHz) | %s, %s | %s bytes | %s |\n", get(&r, "fmax_mhz", a), get(&r, "clock_mhz", b),
                    get(&r, "wrapped_logic_cells", c), get(&r, "wrapped_bram", d), get(&r, "bitstream_bytes", e),
                    get(&r, "tool", h));
        else
            fprintf(f, "not placed (needs about %s logic cells) | - | - | %s |\n", get(&r, "logic_cells_needed", k),
                    get(&r, "tool", h));
        if (kv_file_get(r.path, "up5k", a, sizeof a)) snprintf(up5k, sizeof up5k, "%s", a);
    }
    if (!any) {
        fprintf(f, "Not run (stage fpga-top skipped: RUN_FPGA=0 or no FPGA tools; `make fpga CFG=<cfg> PART=top "
                   "FPGA_DEVICE=up5k|hx8k|85k` runs it).\n\n");
        return;
    }
    if (up5k[0]) fprintf(f, "\niCE40 UP5K: %s; the HX8K was used.\n", up5k);
    fprintf(f, "\nCounts are Yosys `synth_ice40`/`synth_ecp5` of the top alone (flattened; ECP5 carry = CCU2C, two LUT4 "
               "each). Place and route puts the top inside a four-pin wrapper (a shift register drives every input, "
               "outputs are XOR-reduced), so Fmax is nextpnr's register-to-register estimate of that design at "
               "`--seed 1`, without I/O pad timing; the wrapper's shift register is in the wrapped logic count. The "
               "buffers are inferred block RAM (docs/flows.md \"FPGA\").\n\n");
}

void slt_report_fpga_json(FILE *j, const char *flow)
{
    fputc('[', j);
    int first = 1;
    for (size_t i = 0; i < N_FPGA_DEVICES; i++) {
        fpga_run r;
        fpga_path(&r, flow, k_fpga_devices[i]);
        if (!r.present) continue;
        char v[FPGA_VAL], pnr[FPGA_VAL];
        get(&r, "pnr", pnr);
        int placed = strcmp(pnr, "ok") == 0;
        fprintf(j, "%s\n    {\"part\": ", first ? "" : ",");
        json_string(j, get(&r, "part", v));
        fprintf(j, ", \"fit\": %s", strcmp(get(&r, "fit", v), "yes") ? "false" : "true");
        static const char *const nums[] = {"luts", "carry", "flipflops", "bram", "dsp", "clock_mhz"};
        for (size_t n = 0; n < sizeof nums / sizeof nums[0]; n++) {
            fprintf(j, ", \"%s\": ", nums[n]);
            json_number(j, get(&r, nums[n], v));
        }
        fprintf(j, ", \"fmax_mhz\": ");
        json_number(j, placed ? get(&r, "fmax_mhz", v) : NULL);
        fprintf(j, ", \"bitstream_bytes\": ");
        json_number(j, placed ? get(&r, "bitstream_bytes", v) : NULL);
        fprintf(j, ", \"tool\": ");
        json_string(j, get(&r, "tool", v));
        fputc('}', j);
        first = 0;
    }
    fprintf(j, "%s]", first ? "" : "\n  ");
}

void slt_report_liberty_md(FILE *f, const char *flow, const char *const *tags, int n)
{
    for (int i = 0; i < n; i++) {
        char p[4096], v[FPGA_VAL];
        snprintf(p, sizeof p, "%s/synth/%s/summary.kv", flow, tags[i]);
        if (kv_file_get(p, "liberty_files", v, sizeof v) && v[0])
            fprintf(f, "| liberty files, %s | `%s` | the file used (make run: synth/lib_find.sh, `$PDK_ROOT` else `PDK_DIR`) |\n", tags[i], v);
    }
}

void slt_report_liberty_json(FILE *j, const char *flow, const char *const *tags, int n)
{
    fputc('{', j);
    for (int i = 0; i < n; i++) {
        char p[4096], v[FPGA_VAL];
        snprintf(p, sizeof p, "%s/synth/%s/summary.kv", flow, tags[i]);
        fprintf(j, "%s", i ? ", " : "");
        json_string(j, tags[i]);
        fputs(": ", j);
        if (kv_file_get(p, "liberty_files", v, sizeof v) && v[0]) json_string(j, v);
        else fputs("null", j);
    }
    fputc('}', j);
}
