/* report_ecc.h - the cost of ecc = secded in the make run report (report.json
 * `ecc_cost`, report.md "ECC cost"; docs/report.md): per protected SRAM of the top
 * the data and codeword bits and the MODELLED macro area (gen/sram_model.c), the
 * encoder/decoder logic synthesised alone (stage ecc-cost, scripts/ecc_logic_area.sh:
 * FLOW/ecc/ecc_logic.kv), and the energy per token through slt_energy_of_events with
 * the SRAM pJ/bit of the codeword-wide macros. For ecc = none: what secded would cost. */
#ifndef SLT_REPORT_ECC_H
#define SLT_REPORT_ECC_H

#include <stdio.h>

#include "report_kv.h"
#include "slt_config.h"
#include "slt_energy.h"

#define ECC_NBUF 4

typedef struct {
    const char *name;   /* wbuf, abuf, obuf, modes */
    int depth, width, code, prot;
    double a130[2], a28[2], rd_pj[2]; /* [0] ecc = none, [1] secded; modelled */
} ecc_buf;

typedef struct {
    int secded;                 /* the configuration's ecc */
    int ok;                     /* SRAM model of every buffer computed */
    ecc_buf buf[ECC_NBUF];
    double sram130[2], sram28[2];
    double pj_factor[3];        /* wbuf, abuf, obuf: secded / none energy per access */
    kvfile logic;               /* FLOW/ecc/ecc_logic.kv */
    double logic_um2, logic_tr; /* all protected SRAMs' encoders + decoders */
    double e_mj[2];             /* 3B per token, logic + SRAM, headline parameters without / with ECC */
} ecc_cost;

/* SRAM side (no energy yet); 2 when the SRAM model refuses a shape */
int ecc_cost_sram(const slt_config *cfg, const char *flow, ecc_cost *ec);
/* p with the SRAM pJ/bit of the codeword-wide macros */
void ecc_params_secded(const ecc_cost *ec, const slt_energy_params *p, slt_energy_params *out);
/* e_mj from the 3B token events and the headline parameters (p may be NULL: energy stays null) */
void ecc_cost_energy(ecc_cost *ec, const slt_energy_params *p_none, const slt_events *tok);
void ecc_cost_json(FILE *j, const ecc_cost *ec);
void ecc_cost_md(FILE *f, const ecc_cost *ec, double area_logic, const char *area_scope);

#endif
