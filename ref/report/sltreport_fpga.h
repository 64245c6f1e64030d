/* sltreport_fpga.h - the parts of the make run report about the FPGA flow of the
 * whole top (scripts/run_flow.sh stage fpga-top, synth/fpga.sh) and the liberty
 * files a run used (synth/lib_find.sh, synth/synth.sh summary.kv). */
#ifndef SLTREPORT_FPGA_H
#define SLTREPORT_FPGA_H

#include <stdio.h>

/* "## FPGA" section of report.md from FLOW/fpga-top-{ice40,85k}/summary.kv. */
void slt_report_fpga_md(FILE *f, const char *flow);
/* A JSON array (one object per part run) for report.json's "fpga" field. */
void slt_report_fpga_json(FILE *j, const char *flow);
/* The liberty files of FLOW/synth/<tag>/summary.kv (liberty_files=) for each of
 * the n tags: a markdown table row each (md), or a JSON object tag -> path|null. */
void slt_report_liberty_md(FILE *f, const char *flow, const char *const *tags, int n);
void slt_report_liberty_json(FILE *j, const char *flow, const char *const *tags, int n);

#endif
