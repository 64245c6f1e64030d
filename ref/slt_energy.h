/* slt_energy.h - the one energy formula of the project: energy of a set of
 * accelerator events (slt_events, from slt_predict) from per-event energies.
 * Used by the `make run` report (sltreport) for every energy figure and by
 * `sltref generate --energy FILE` for the energy per decoded token.
 *
 * The parameters come from the flow: sltreport writes the ones behind its
 * headline energy to build/<cfg>/energy_params.kv (docs/report.md "Energy
 * parameters file"), from gate-level simulation activity (`make energy`) when
 * it ran, else from OpenSTA per-block power at one global toggle rate. SRAM
 * energies come from the analytic model gen/sram_model.c, fixed per bit.
 *
 *   E_logic = scale * (cycles*(E_cycle + E_ctrl) + table_builds*E_build + accumulates*E_term)
 *   E_sram  = sum over wbuf/abuf/obuf of accesses * bits per access * pJ/bit
 *   E_link  = link_bytes * 8 * pJ/bit          (shown, never in the total)
 */
#ifndef SLT_ENERGY_H
#define SLT_ENERGY_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "slt_config.h"
#include "slt_gemm.h"

#define SLT_ENERGY_TEXT 400

typedef struct {
    char method[SLT_ENERGY_TEXT];      /* "gate-level simulation activity" | "global toggle rate ..." */
    char provenance[SLT_ENERGY_TEXT];  /* where the per-event energies were measured */
    char node[SLT_ENERGY_TEXT];        /* the node the figures are at and how they got there */
    char leaves_out[SLT_ENERGY_TEXT];  /* what the energy does not include */
    char config_name[64];
    uint64_t config_hash;              /* slt_config_hash of the configuration they belong to */
    /* logic, pJ per event at the calibration node (sky130), times logic_scale */
    double e_cycle_pj, e_build_pj, e_term_pj;
    double e_ctrl_pj;                  /* controllers + AXI per cycle when not in e_cycle_pj, else 0 */
    double logic_scale;                /* calibration node -> reported node (C*V^2), 1 = none */
    /* SRAM (analytic model), at the reported node */
    double wbuf_pj_per_bit, wbuf_write_bits, wbuf_read_bits;
    double abuf_pj_per_bit, abuf_write_bits, abuf_read_bits;
    double obuf_pj_per_bit, obuf_access_bits; /* every read and write moves obuf_access_bits */
    double link_pj_per_bit;            /* off-chip link I/O: shown, excluded from the total */
} slt_energy_params;

typedef struct {
    double cycle_mj, build_mj, term_mj, ctrl_mj, logic_mj;
    double wbuf_mj, abuf_mj, obuf_mj, sram_mj;
    double total_mj;   /* logic + SRAM */
    double link_mj;    /* excluded from total_mj */
} slt_energy_breakdown;

/* The logic scale from sky130 (130 nm, 1.8 V) to the reported 28 nm, 0.9 V node:
   C x V^2, C taken proportional to the feature size. */
double slt_energy_logic_scale_28nm(void);

/* The logic area scale from sky130 cell area to 28 nm: (28/130)^2, area taken
   proportional to the feature size squared (a scaling, not a synthesis). */
double slt_area_scale_28nm(void);

/* The energy of the events e under p (mJ). */
void slt_energy_of_events(const slt_energy_params *p, const slt_events *e, slt_energy_breakdown *b);

/* The SRAM bits per access of cfg (bus word writes; L*U keys, U*G activations,
 * L accumulators per read) into p. */
void slt_energy_access_bits(const slt_config *cfg, slt_energy_params *p);

/* Write p as the key=value parameters file (docs/report.md). 0 or -1 on a write error. */
int slt_energy_params_write(const slt_energy_params *p, FILE *f);

/* Read a parameters file; every key must be present and valid, and the file must
 * belong to cfg (same slt_config_hash). Returns 0, or 2 with a one-line message. */
int slt_energy_params_load(const char *path, const slt_config *cfg, slt_energy_params *p, char *err, size_t errlen);

#endif
