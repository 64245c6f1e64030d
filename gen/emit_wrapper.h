/* emit_wrapper.h - the integration wrapper slt_accel (docs/top.md "Integration
 * wrapper"): a stable module name around the hashed top, with the port names
 * AXI tooling infers interfaces from (aclk, aresetn, s_axil_*, s_axis_*,
 * m_axis_*, irq). */
#ifndef EMIT_WRAPPER_H
#define EMIT_WRAPPER_H

#include <stddef.h>

#include "gen_design.h"

#define SLT_ACCEL_MODULE "slt_accel"

/* Conventional name of a top port: clk_i -> aclk, rst_ni -> aresetn, otherwise
 * the name without its _i/_o suffix. Into buf; returns buf. */
const char *slt_wrapper_port_name(const char *top_port, char *buf, size_t len);

/* Write dir/top/slt_accel.v and append SLT_ACCEL / SLT_ACCEL_FILES to
 * dir/params.mk (after slt_gen_write_top). Returns 0 or 1 with a message in err. */
int slt_gen_write_wrapper(const char *dir, const slt_design *d, char *err, size_t errlen);

#endif
