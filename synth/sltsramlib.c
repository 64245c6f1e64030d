/* sltsramlib - the SRAM timing MODEL (gen/sram_model.c, slt_sram_timing_of) as a
 * liberty library for OpenSTA: one cell per SRAM shape of the netlist, so the
 * black-box macros get timing arcs (synth/sram_model.md "Timing").
 *
 *   sltsramlib --lib OUT.lib [--kv OUT.kv] SHAPE...
 *     SHAPE  DEPTHxWIDTH[*COUNT] of an slt_sram_macro (COUNT is ignored here)
 *     --lib  liberty with cell slt_sram_macro_<DEPTH>x<WIDTH> per shape: the
 *            ports of rtl/slt_sram_macro.v; clk_i -> rdata_o (rising edge, delay
 *            and transition linear in the load), setup/hold of we_i, waddr_i,
 *            wdata_i, re_i, raddr_i against clk_i; time ns, capacitance pF
 *     --kv   key=value: sram_timing.<DxW>.{clk_q_ns,setup_ns,hold_ns,banks,mux_levels}
 * sky130 only (the model's one timing basis). Exit 2 on a bad argument.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sram_model.h"

#define MAX_SHAPES 64
#define C0_PF 0.007 /* load at which clk_q_ns and slew_ns are given */
#define C1_PF 0.52  /* second point of the load table (SRAM22's largest) */

typedef struct {
    long depth;
    int width;
} shape;

static void usage(void)
{
    fprintf(stderr, "usage: sltsramlib --lib OUT.lib [--kv OUT.kv] DEPTHxWIDTH[*COUNT]...\n");
    exit(2);
}

static int addr_width(long depth)
{
    int a = 0;
    while ((1L << a) < depth) a++;
    return a < 1 ? 1 : a;
}

static void put_bus_type(FILE *f, int w)
{
    fprintf(f, "  type (slt_bus_%d) {\n    base_type : array;\n    data_type : bit;\n    bit_width : %d;\n"
               "    bit_from : %d;\n    bit_to : 0;\n    downto : true;\n  }\n", w, w, w - 1);
}

static void put_constraints(FILE *f, const slt_sram_timing *t)
{
    static const char *kind[2] = {"setup_rising", "hold_rising"};
    double v[2] = {t->setup_ns, t->hold_ns};
    for (int k = 0; k < 2; k++)
        fprintf(f, "      timing () {\n        related_pin : \"clk_i\";\n        timing_type : %s;\n"
                   "        rise_constraint (scalar) { values (\"%.4f\"); }\n"
                   "        fall_constraint (scalar) { values (\"%.4f\"); }\n      }\n", kind[k], v[k], v[k]);
}

static void put_input(FILE *f, const char *name, int w, const slt_sram_timing *t)
{
    if (w > 0) fprintf(f, "    bus (%s) {\n      bus_type : slt_bus_%d;\n", name, w);
    else fprintf(f, "    pin (%s) {\n", name);
    fprintf(f, "      direction : input;\n      capacitance : %.4f;\n", t->pin_cap_pf);
    put_constraints(f, t);
    fprintf(f, "    }\n");
}

static void put_cell(FILE *f, const shape *s, const slt_sram_timing *t)
{
    int aw = addr_width(s->depth);
    double d1 = t->clk_q_ns + t->drive_ns_per_pf * (C1_PF - C0_PF);
    double s1 = t->slew_ns + t->slew_ns_per_pf * (C1_PF - C0_PF);
    fprintf(f, "  cell (slt_sram_macro_%ldx%d) {\n", s->depth, s->width);
    fprintf(f, "    /* %d bank(s) of %.0f bits, %d bank-select mux level(s) */\n", t->banks, t->bank_bits,
            t->mux_levels);
    fprintf(f, "    area : 0;\n    dont_touch : true;\n    dont_use : true;\n    is_macro_cell : true;\n");
    fprintf(f, "    interface_timing : true;\n");
    fprintf(f, "    pin (clk_i) {\n      direction : input;\n      clock : true;\n      capacitance : %.4f;\n    }\n",
            t->pin_cap_pf);
    put_input(f, "we_i", 0, t);
    put_input(f, "waddr_i", aw, t);
    put_input(f, "wdata_i", s->width, t);
    put_input(f, "re_i", 0, t);
    put_input(f, "raddr_i", aw, t);
    fprintf(f, "    bus (rdata_o) {\n      bus_type : slt_bus_%d;\n      direction : output;\n", s->width);
    fprintf(f, "      timing () {\n        related_pin : \"clk_i\";\n        timing_type : rising_edge;\n");
    const char *arcs[4] = {"cell_rise", "cell_fall", "rise_transition", "fall_transition"};
    for (int a = 0; a < 4; a++)
        fprintf(f, "        %s (slt_sram_load) { values (\"%.4f, %.4f\"); }\n", arcs[a],
                a < 2 ? t->clk_q_ns : t->slew_ns, a < 2 ? d1 : s1);
    fprintf(f, "      }\n    }\n  }\n");
}

static void put_header(FILE *f)
{
    fprintf(f, "/* sram_timing.lib - MODELLED SRAM macro timing, written by sltsramlib from\n"
               " * gen/sram_model.c (slt_sram_timing_of; synth/sram_model.md \"Timing\").\n"
               " * Not a characterised macro: a model fitted to the SRAM22 sky130 tt liberty. */\n");
    fprintf(f, "library (slt_sram_timing) {\n  delay_model : table_lookup;\n  time_unit : \"1ns\";\n"
               "  voltage_unit : \"1V\";\n  current_unit : \"1mA\";\n  capacitive_load_unit (1, pf);\n"
               "  pulling_resistance_unit : \"1kohm\";\n  leakage_power_unit : \"1nW\";\n"
               "  nom_process : 1;\n  nom_temperature : 25;\n  nom_voltage : 1.8;\n"
               "  input_threshold_pct_rise : 50;\n  input_threshold_pct_fall : 50;\n"
               "  output_threshold_pct_rise : 50;\n  output_threshold_pct_fall : 50;\n"
               "  slew_lower_threshold_pct_rise : 10;\n  slew_upper_threshold_pct_rise : 90;\n"
               "  slew_lower_threshold_pct_fall : 10;\n  slew_upper_threshold_pct_fall : 90;\n"
               "  slew_derate_from_library : 1;\n  bus_naming_style : \"%%s[%%d]\";\n");
    fprintf(f, "  lu_table_template (slt_sram_load) {\n    variable_1 : total_output_net_capacitance;\n"
               "    index_1 (\"%.3f, %.3f\");\n  }\n", C0_PF, C1_PF);
}

static int parse_shape(const char *arg, shape *s)
{
    char *end;
    s->depth = strtol(arg, &end, 10);
    if (*end != 'x') return -1;
    s->width = (int)strtol(end + 1, &end, 10);
    if (*end == '*') strtol(end + 1, &end, 10);
    return (*end || s->depth < 2 || s->width < 1) ? -1 : 0;
}

int main(int argc, char **argv)
{
    const char *lib_out = NULL, *kv_out = NULL;
    shape sh[MAX_SHAPES];
    int ns = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--lib") && i + 1 < argc) lib_out = argv[++i];
        else if (!strcmp(argv[i], "--kv") && i + 1 < argc) kv_out = argv[++i];
        else if (argv[i][0] == '-') usage();
        else if (ns == MAX_SHAPES) {
            fprintf(stderr, "sltsramlib: more than %d shapes\n", MAX_SHAPES);
            return 2;
        } else if (parse_shape(argv[i], &sh[ns++])) {
            fprintf(stderr, "sltsramlib: bad shape '%s' (DEPTHxWIDTH[*COUNT], DEPTH >= 2)\n", argv[i]);
            return 2;
        }
    }
    if (!lib_out || ns == 0) usage();
    slt_sram_timing t[MAX_SHAPES];
    for (int i = 0; i < ns; i++)
        if (slt_sram_timing_of(SLT_NODE_SKY130, (double)sh[i].depth, sh[i].width, &t[i])) return 1;
    FILE *f = fopen(lib_out, "w");
    if (!f) {
        perror(lib_out);
        return 2;
    }
    put_header(f);
    int done[4097] = {0};
    for (int i = 0; i < ns; i++) {
        int ws[2] = {sh[i].width, addr_width(sh[i].depth)};
        for (int k = 0; k < 2; k++)
            if (ws[k] > 4096) {
                fprintf(stderr, "sltsramlib: width %d too large\n", ws[k]);
                fclose(f);
                return 2;
            } else if (!done[ws[k]]) {
                put_bus_type(f, ws[k]);
                done[ws[k]] = 1;
            }
    }
    for (int i = 0; i < ns; i++) put_cell(f, &sh[i], &t[i]);
    fprintf(f, "}\n");
    if (fclose(f)) return 2;
    if (kv_out) {
        FILE *k = fopen(kv_out, "w");
        if (!k) {
            perror(kv_out);
            return 2;
        }
        fprintf(k, "# MODELLED SRAM timing (gen/sram_model.c), ns: %s\n", t[0].source);
        for (int i = 0; i < ns; i++) {
            const char *p = "sram_timing";
            fprintf(k, "%s.%ldx%d.clk_q_ns=%.4f\n%s.%ldx%d.setup_ns=%.4f\n%s.%ldx%d.hold_ns=%.4f\n", p,
                    sh[i].depth, sh[i].width, t[i].clk_q_ns, p, sh[i].depth, sh[i].width, t[i].setup_ns, p,
                    sh[i].depth, sh[i].width, t[i].hold_ns);
            fprintf(k, "%s.%ldx%d.banks=%d\n%s.%ldx%d.mux_levels=%d\n", p, sh[i].depth, sh[i].width, t[i].banks, p,
                    sh[i].depth, sh[i].width, t[i].mux_levels);
        }
        if (fclose(k)) return 2;
    }
    return 0;
}
