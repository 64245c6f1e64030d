/* emit_modules.h - one emitter per generated module, and the headers. */
#ifndef EMIT_MODULES_H
#define EMIT_MODULES_H

#include <stdio.h>

#include "emit_util.h"
#include "gen_design.h"

/* Table builder: registers one table from G activations (slt arrays only). */
void slt_emit_table_builder(slt_emitter *e, const slt_design *d);
/* Row lane of the slt array: U keys -> U table reads -> + psum. */
void slt_emit_row_lane(slt_emitter *e, const slt_design *d);
/* Row lane of the add/sub baseline: U*G weight codes -> +-activations -> + psum. */
void slt_emit_addsub_lane(slt_emitter *e, const slt_design *d);
/* The array top (either kind, from d->addsub). */
void slt_emit_array(slt_emitter *e, const slt_design *d);

/* Parts shared by both lanes (emit_lane_sum.c). */
void slt_emit_lane_valid_pipe(slt_emitter *e, const slt_design *d);
/* Stage-1 psum register and the wires the g_term blocks fill (genvar f);
 * has_skip: terms can be skipped or invalid (ternary), so term_used/term_err exist. */
void slt_emit_lane_stage1(slt_emitter *e, const slt_design *d, int has_skip);
/* lookup_o and err_o from term_used/term_err. */
void slt_emit_lane_events(slt_emitter *e, const slt_design *d, int has_skip);
/* Inside a g_term block: make addends[f] from wire `term` and the add-enable
 * expression add_en (NULL: always adds), registering the term first when the
 * schedule puts a pipe register after level 0. */
void slt_emit_lane_term_stage(slt_emitter *e, const slt_design *d, const char *add_en);
/* After the g_term blocks: adder tree, pipe registers, + psum, output register. */
void slt_emit_lane_sum(slt_emitter *e, const slt_design *d);

/* slt_params.h, slt_params.vh and params.mk from the parameter table. rtl_files
 * are the file names written into rtl/ (n of them). */
void slt_emit_c_header(FILE *f, const slt_design *d);
void slt_emit_verilog_header(FILE *f, const slt_design *d);
void slt_emit_make_fragment(FILE *f, const slt_design *d, const char *const *rtl_files, int n);

#endif
