/* slt_gen.h - the generator's entry points (libsltgen). */
#ifndef SLT_GEN_H
#define SLT_GEN_H

#include <stddef.h>

#include "slt_config.h"

/* sltgen --config FILE [--set key=value]... --out DIR [--rtl-dir DIR] [--quiet].
 * Returns the process exit status: 0, SLT_EXIT_BADINPUT (2) for a bad config
 * or usage, 1 for an I/O failure. On any failure DIR is neither created nor
 * changed. */
int sltgen_main(int argc, char **argv);

/* Generate everything for a finished config into out_dir: out_dir/rtl/ (one .v per module),
 * slt_params.h, slt_params.vh, params.mk and config.cfg (the canonical config text). Works in a temporary folder next to
 * out_dir and renames it into place at the end, so out_dir is either the old
 * one, untouched, or the complete new one. rtl_src is the folder of the
 * hand-written primitives (rtl/ of the source tree). */
int slt_gen_write(const slt_config *cfg, const char *out_dir, const char *rtl_src, char *err, size_t errlen);

/* Find the source tree's rtl/ folder: $SLT_RTL_DIR, else up to four levels
 * above the running executable, else ./rtl. Returns 0 and fills out. */
int slt_gen_find_rtl_src(char *out, size_t outlen);

#endif
