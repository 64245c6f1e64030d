/* emit_util.h - the small layer every Verilog emitter writes through:
 * indentation, the file header, module header with an aligned port list,
 * flip-flop idioms and width-exact expression helpers. */
#ifndef EMIT_UTIL_H
#define EMIT_UTIL_H

#include <stddef.h>
#include <stdio.h>

#include "gen_design.h"

#define EM_FMT(a, b) __attribute__((format(printf, a, b)))

typedef struct {
    FILE *f;
    int depth; /* indentation level, two spaces each */
    int cg;    /* clock gating on: em_cg / em_flop_cg emit slt_clock_gate clocks */
} slt_emitter;

void em_init(slt_emitter *e, FILE *f);
/* One line at the current indentation. */
void em_line(slt_emitter *e, const char *fmt, ...) EM_FMT(2, 3);
void em_blank(slt_emitter *e);
/* A line that opens a block (begin, module ..., generate), then indent. */
void em_open(slt_emitter *e, const char *fmt, ...) EM_FMT(2, 3);
/* Dedent, then the line that closes the block. */
void em_close(slt_emitter *e, const char *fmt, ...) EM_FMT(2, 3);
/* "// text" at the current indentation. */
void em_comment(slt_emitter *e, const char *fmt, ...) EM_FMT(2, 3);

/* The header every generated file starts with: generator version, config
 * name and hash, module and what it is. */
void em_file_header(slt_emitter *e, const slt_design *d, const char *module, const char *purpose);

typedef enum { EM_IN, EM_OUT } em_dir;
typedef struct {
    em_dir dir;
    int width; /* 0 = scalar; >= 1 = a [width-1:0] vector, even of width 1 */
    const char *name;
    const char *doc; /* trailing comment, may be NULL */
} em_port;

/* "module name (" + aligned port list + ");" and indentation for the body. */
void em_module_begin(slt_emitter *e, const char *name, const em_port *ports, size_t n);
void em_module_end(slt_emitter *e, const char *name);

/* "[w-1:0] " or "" for w == 1, into buf (>= 24 bytes). */
const char *em_range(char *buf, int width);
/* Declarations: "wire [w-1:0] name = expr;" and "reg [w-1:0] name;". */
void em_wire(slt_emitter *e, int width, const char *name, const char *fmt, ...) EM_FMT(4, 5);
void em_reg(slt_emitter *e, int width, const char *name);
/* Data register without reset, loaded when en is 1 (held otherwise: no toggling). */
void em_flop_en(slt_emitter *e, const char *q, const char *d, const char *en);
/* Control register: asynchronous active-low reset to 0, loaded when en (or always if en is NULL). */
/* Clock gating (rtl/slt_clock_gate.v). em_cg declares <name>_gclk, the clock
 * of every register loaded only when `en`; em_flop_cg is such a register.
 * With e->cg off: em_cg emits nothing and em_flop_cg is em_flop_en. With it
 * on, the register is clocked by the gated clock and has no enable, except
 * under `SLT_FPGA, where the gate passes the clock through and the register
 * keeps `en` as its clock enable (no gated clocks on an FPGA). */
void em_cg(slt_emitter *e, const char *name, const char *en);
void em_flop_cg(slt_emitter *e, const char *q, const char *d, const char *en, const char *name);
/* Same, with an asynchronous reset to 0. */
void em_flop_cg_rst(slt_emitter *e, int width, const char *q, const char *d, const char *en, const char *name);
void em_flop_rst(slt_emitter *e, int width, const char *q, const char *d, const char *en);

/* Sign-extend identifier `sig` (from bits) to `to` bits, into buf. */
const char *em_sext(char *buf, size_t n, const char *sig, int from, int to);
/* Sized decimal constant "W'dV" into buf. */
const char *em_const(char *buf, size_t n, int width, long long value);

#endif
