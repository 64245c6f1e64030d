/* slt_arrayif.h - the port-level contract of the generated processing arrays
 * (docs/array.md), in one place so the generator, the vector writer and the
 * testbenches cannot disagree about a width, a bit position or the latency.
 *
 * Both array kinds (array = slt and array = addsub) have the same ports:
 *   tbl_valid_i, tbl_act_i[U*G*A], tbl_mode_i[U]       load one chunk's activations
 *   row_valid_i, row_keys_i[L*U*F]                     one row block of one chunk (cycle t)
 *   row_psum_i[L*ACC]                                  its partial sums, in cycle t + slt_array_psum_delay()
 *   row_valid_o, row_psum_o[L*ACC]                     in cycle t + slt_array_latency()
 *   ev_build_o[U], ev_term_o[L*T], err_o, err_clr_i    events and the sticky error
 * Bit positions (every field LSB first, two's complement where signed):
 *   tbl_act_i:  activation i of group u of the chunk at [(u*G + i)*A +: A]
 *   tbl_mode_i: bit u = mode of group u (0 LUT mode, 1 buffer mode)
 *   row_keys_i: field of lane l, unit u at [(l*U + u)*F +: F], F = slt_row_field_bits()
 *               slt array:    F = key bits, the field is the LUT key (slt_pack.h)
 *               addsub array: F = G*2 (ternary) or G (binary); weight i of the group
 *                             at [i*2 +: 2] with the t2 code w+1 (3 invalid), or at
 *                             bit i with the b1 code (1 = +1, 0 = -1)
 *   row_psum_i/o: lane l at [l*ACC +: ACC]
 *   ev_term_o:  lane l, term f at bit l*T + f, T = slt_lane_terms() (a term is one
 *               table read (slt) or one activation add/sub (addsub) that was not skipped) */
#ifndef SLT_ARRAYIF_H
#define SLT_ARRAYIF_H

#include <stdint.h>

#include "slt_config.h"

/* Input register stages of the array (1 for slt arrays: tbl_* and row_* are
 * registered before the table build and the key decode; 0 for add/sub). */
int slt_array_in_stages(const slt_config *cfg);

/* Cycles from row_valid_i to row_valid_o: the input register (slt), the key
 * register, pipe_stages extra registers, the output register. */
int slt_array_latency(const slt_config *cfg);

/* Cycles from row_valid_i to the cycle in which row_psum_i must carry that row
 * block's partial sums: they enter the final adder, right before the output
 * register (latency - 1), so they never ride down the pipeline. */
int slt_array_psum_delay(const slt_config *cfg);

/* Fewest cycles between two issues of the same (token, row block) when the
 * partial sums go through a buffer written at the edge that ends the output
 * cycle and read combinationally (no forwarding path): the second issue's
 * psum cycle must follow the first one's output cycle. */
int slt_array_reissue_gap(const slt_config *cfg);

/* The same rule in the accelerator top, whose buffers have a read latency of
 * RL = slt_buf_read_latency() and a write latency WL = slt_buf_write_latency()
 * cycles (ref/slt_bufgeom.h): the row reaches the array RL cycles after its request,
 * the obuf partial-sum read is issued RL cycles before the array needs it and the
 * write-back lands WL - 1 edges after the array's output, so the same row block's
 * issues are slt_array_reissue_gap() + RL - 1 + WL - 1 apart. This is the Gap the
 * generator passes to rtl/slt_ctrl_seq.v. */
int slt_top_reissue_gap(const slt_config *cfg);

/* Bubbles per pass: a pass is one token of one tile of cj chunks (cj = 1 without
 * psum_chunks; docs/top.md "Partial sums in the lanes"): cj table requests, then
 * rows = RB*cj row requests; its first row request waits max(0, top_reissue_gap - rows)
 * cycles beyond the cj table cycles so that a row block's partial sum is back in obuf
 * before the next tile's pass reads it. The one home of this term: the event model's
 * compute_cycles and the busy-cycle model (slt_busy.c) use it; rtl/slt_ctrl_seq.v
 * implements it from the same Gap. */
uint64_t slt_pass_bubbles(const slt_config *cfg, uint64_t rows);

/* Chunks of tile tt of a command of nc chunks: psum_chunks, the last tile the rest
 * (nc - tt*psum_chunks). */
uint64_t slt_tile_chunks(const slt_config *cfg, uint64_t nc, uint64_t tt);

/* The passes' cycles of a command of nc chunks, rb row blocks, n tokens without
 * waiting for weights: n * sum over tiles of cj*(rb + 1) + slt_pass_bubbles(rb*cj)
 * (cj tables, rb*cj rows, the bubbles); psum_chunks = 1: n*nc*(rb + 1 + bubbles(rb)). */
uint64_t slt_pass_cycles(const slt_config *cfg, uint64_t nc, uint64_t rb, uint64_t n);

/* Width of one table entry: signed, holds +-G * 2^(act_bits-1). */
int slt_entry_bits(const slt_config *cfg);

/* Activation slicing (act_slice_bits, docs/array.md "Activation slicing"):
 * S = act_bits / act_slice_bits slices per activation (1 when off). Slice s
 * (0 = least significant) of activation a is bits [s*B +: B], B = slice
 * width; the top slice is signed, the lower ones unsigned, so
 * a = sum_s slice_s * 2^(s*B) exactly. Each unit holds S tables, one per
 * slice, every entry slt_slice_entry_bits() wide; slot j of slice s of unit
 * u is at [((u*S + s)*E + j)*EWS +: EWS] of the tables bus (E entries). */
int slt_act_slices(const slt_config *cfg);
int slt_slice_width(const slt_config *cfg); /* B: act_slice_bits, or act_bits when off */
int slt_slice_entry_bits(const slt_config *cfg);

/* Bits per (lane, unit) field of row_keys_i (see above). */
int slt_row_field_bits(const slt_config *cfg);

/* Terms one lane adds per row: U (slt) or U*G (addsub). */
int slt_lane_terms(const slt_config *cfg);

/* The row_keys_i field that carries `key` for this array kind. The addsub field
 * of an invalid key is all ones (every weight code invalid). */
uint32_t slt_row_field(const slt_config *cfg, uint32_t key);

/* Terms the array adds for `key` in this array kind (what ev_term_o counts):
 * slt: 1 unless the key is a ternary skip (0) or invalid; addsub: non-zero weights. */
int slt_key_terms(const slt_config *cfg, uint32_t key);

#endif
