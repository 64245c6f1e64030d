/* slt_drv.h - libsltdrv: a small host driver for the generated accelerator top
 * (docs/driver.md), plain C over the generated register header slt_regs.h
 * (build/<cfg>/top/, so the library is compiled once per configuration).
 *
 * The hardware is reached through a tiny transport the platform provides:
 * register read/write on the AXI4-Lite window, and beat push/pop on the two
 * AXI4-Stream ports. The Verilator glue (tb/decode/tb_decode.cpp) implements it
 * on the simulated top; a real system would map registers and run a DMA.
 *
 * Every function returns 0, or a negative value with a one-line message in
 * drv->err: -SLT_ERR_* (1..14) when the accelerator reported an error
 * (STATUS.ERROR, ERR_CODE), SLT_DRV_E_HOST for a host-side problem (bad
 * shape, transport failure, timeout, identity mismatch). */
#ifndef SLT_DRV_H
#define SLT_DRV_H

#include <stddef.h>
#include <stdint.h>

#include "slt_config.h"

#define SLT_DRV_E_HOST (-100)

typedef struct {
    void *ctx;
    /* AXI4-Lite: byte offset in the register window. Return 0 or non-zero on a bus error. */
    int (*reg_write)(void *ctx, uint32_t off, uint32_t value);
    int (*reg_read)(void *ctx, uint32_t off, uint32_t *value);
    /* AXI4-Stream in: queue one beat of bus_bits/8 bytes (TLAST = last). */
    int (*stream_push)(void *ctx, const uint8_t *beat, int last);
    /* AXI4-Stream out: wait for and take one beat (bus_bits/8 bytes, *last = TLAST);
     * non-zero when none arrives in the transport's own time limit. */
    int (*stream_pop)(void *ctx, uint8_t *beat, int *last);
    /* Let the device run (a simulation advances its clock; hardware may do nothing). */
    void (*idle)(void *ctx);
} slt_drv_transport;

typedef struct {
    slt_drv_transport t;
    slt_config cfg;       /* the configuration the top was generated from */
    long poll_limit;      /* STATUS polls before a command is declared hung */
    uint64_t commands;    /* commands completed */
    uint64_t busy_cycles; /* sum of PERF_CYCLES_BUSY over the GEMV commands */
    char err[SLT_ERRLEN];
} slt_drv;

/* Check the identity registers (magic, map version, configuration hash =
 * slt_config_hash(cfg) = the header's) and clear STATUS. */
int slt_drv_open(slt_drv *d, const slt_drv_transport *t, const slt_config *cfg);

/* LOAD_ACT: x[n][k] (act_bits values) into abuf at word 0. */
int slt_drv_load_act(slt_drv *d, const int16_t *x, int n, int k);

/* One GEMV command: y[m] = W[m][k] . (the activations loaded last), with
 * m <= max_m and k <= max_k (the weight packet is built here). */
int slt_drv_gemv(slt_drv *d, const int8_t *w, int m, int k, int32_t *y);

/* A linear of any size: K split into slices of max_k (LOAD_ACT of each slice),
 * M into commands of max_m rows; the host adds the K-slice sums (exact int32). */
int slt_drv_linear(slt_drv *d, const int8_t *w, int m, int k, const int16_t *x, int32_t *y);

#endif
