/* emit_top.h - the accelerator top level (docs/top.md): the AXI4-Lite register
 * slave (gen/regs.c), the controller/memory system (rtl/slt_top_ctrl.v and the
 * primitives it uses) and the array, under one module whose ports are only
 * clk_i, rst_ni, AXI4-Lite and two AXI4-Stream interfaces. */
#ifndef EMIT_TOP_H
#define EMIT_TOP_H

#include <stddef.h>

#include "emit_util.h"
#include "gen_design.h"

/* Buffer geometry derived from the configuration (words of each SRAM). */
typedef struct {
    int wbuf_depth, abuf_depth, obuf_depth, mode_depth;
    int wbuf_width, abuf_width, obuf_width;
} slt_top_geom;

void slt_top_geometry(const slt_design *d, slt_top_geom *g);
/* Module name of the top: slt_top_<16 hex digits of the config hash>. */
void slt_top_module_name(const slt_design *d, char *buf, size_t len);

/* The top's ports in order (the one table: the top and the integration
 * wrapper gen/emit_wrapper.c both use it); returns how many were written. */
#define SLT_TOP_MAX_PORTS 48
size_t slt_top_ports(const slt_design *d, em_port *out, size_t max);

/* Write dir/top/ (the top, the register slave, copies of the rtl/ primitives it
 * needs) and append SLT_TOP / SLT_TOP_FILES to dir/params.mk. Returns 0 or 1
 * with a message in err. */
int slt_gen_write_top(const char *dir, const slt_design *d, const char *rtl_src, char *err, size_t errlen);

/* "sltgen: WHAT 'PATH': strerror(errno)" into err; returns 1 (the top and wrapper writers' file errors). */
int slt_gen_io_fail(char *err, size_t errlen, const char *what, const char *path);

#endif
