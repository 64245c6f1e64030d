/* slt_busy.h - PERF_CYCLES_BUSY of the accelerator top, exactly (docs/top.md
 * "Cycles and counters"): the cycles from the one after the doorbell write to the
 * one before STATUS.DONE, for each command kind, under ideal streams:
 *   - the command's whole input packet is offered from GO on, one beat per cycle
 *     (no TVALID gaps), and the output stream is always ready (no TREADY gaps);
 *   - the previous row request of the array was more than slt_array_reissue_gap()+2
 *     cycles before GO (any register write between commands ensures it).
 * With stream gaps the busy cycles only grow; these are the floor.
 *
 * Every command is the descriptor part (slt_busy_desc_cycles: setup, the division
 * and multiplication steps, the checks, the done cycle) plus its phase:
 *   LOAD_ACT   the activation loader's cycles (slt_ctrl_act: one unpacker frame per token)
 *   GEMV/GEMM  compute (SRun: mode section, weight writer, the passes with
 *              slt_pass_bubbles(), the array drain) and the result read-out (SOut)
 *   refused by the descriptor check: the drain of its input packet (if it has one)
 *              and one flush cycle.
 * The phases are played cycle by cycle (slt_busy.c, a transaction-level copy of the
 * controller's handshakes): the gearbox's beat alignment across chunks and the
 * overlap of the weight writer with the passes have no short closed form.
 * A pass is one token of one tile of cj chunks (psum_chunks = C chunks a tile, the last
 * tile the rest; C = 1: one chunk): cj table requests, then RB*cj row requests (row
 * block major), its first row b(cj) = slt_pass_bubbles(RB*cj) cycles late; wbuf holds
 * 2C regions, chunk c in region c mod 2C (docs/top.md "Partial sums in the lanes").
 * In the compute-bound limit (weights ahead of the passes) the compute phase is
 * fill + N*sum over tiles(cj*(RB + 1) + b(cj)) - b(first) + latency + RL - 1 + WL - 1 + 2
 * (C = 1: fill + N*NC*(RB + 1 + b) - b + ...; RL, WL: the buffers' read and write
 * latencies, slt_buf_read/write_latency; the first pass waits for no earlier row, b(first)
 * is the first tile's; fill = the cycles before the first table), which tests/test_busy.c
 * checks against hand-worked numbers. */
#ifndef SLT_BUSY_H
#define SLT_BUSY_H

#include <stdint.h>

#include "slt_config.h"

typedef struct {
    uint64_t desc;   /* descriptor part: setup, division, multiplication, checks, done */
    uint64_t run;    /* LOAD_ACT: loading; GEMV/GEMM: compute until the array is empty */
    uint64_t out;    /* GEMV/GEMM: result read-out; else 0 */
    uint64_t busy;   /* desc + run + out = PERF_CYCLES_BUSY of the command */
} slt_busy;

/* The descriptor's arithmetic widths: DW dividend bits (K-1 and M-1 < 2^DW, at least 2)
 * and NW bits of N. The generator passes them to rtl/slt_top_ctrl.v (parameters DW, NW),
 * so the RTL's division and multiplication steps and this model's count are one number. */
void slt_desc_widths(const slt_config *cfg, int *dw, int *nw);

/* Cycles of the descriptor part: 1 setup + DW division steps + NW multiplication
 * steps + 2 check register stages + 1 check + 1 done (DW, NW: the widths of
 * rtl/slt_ctrl_desc.v from max_k, max_m, max_n). */
uint64_t slt_busy_desc_cycles(const slt_config *cfg);

/* GEMV (n = 1) or GEMM: M x K weights, N tokens (shape already legal). */
void slt_busy_gemm(const slt_config *cfg, int m, int k, int n, slt_busy *b);

/* LOAD_ACT of N tokens of K activations. */
void slt_busy_load_act(const slt_config *cfg, int k, int n, slt_busy *b);

/* A command the descriptor check refuses: its packet of `beats` beats (0: none
 * owned, e.g. NOP-like errors or RESIDENT) is drained, then one flush cycle. */
void slt_busy_refused(const slt_config *cfg, uint64_t beats, slt_busy *b);

/* Input beats of the packets, whole beats (docs/top.md "Stream formats"). */
uint64_t slt_busy_act_beats(const slt_config *cfg, int k, int n);
uint64_t slt_busy_weight_beats(const slt_config *cfg, int m, int k);

#endif
