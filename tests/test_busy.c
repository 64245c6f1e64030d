/* test_busy.c - the top's exact busy cycles (ref/slt_busy.h), worked out by hand.
 * The same numbers are what tb/top/tb_top.cpp measures on the tiny top
 * (configs/tiny.cfg) without stream gaps. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "slt_arrayif.h"
#include "slt_bufgeom.h"
#include "slt_busy.h"
#include "slt_config.h"
#include "slt_gemm.h"

static char g_err[SLT_ERRLEN];

/* the geometry of configs/tiny.cfg (G=3 U=2 L=2 t2 act 8, bus 32, max_k = max_m = 64,
 * max_n = 4, slt), with pipe_stages given per test (configs/tiny.cfg has 2) */
static slt_config tiny_cfg(int pipe_stages)
{
    slt_config c;
    slt_config_default(&c);
    c.group_size = 3;
    c.lut_units = 2;
    c.row_lanes = 2;
    c.act_bits = 8;
    c.weight_format = SLT_FMT_T2;
    c.bus_bits = 32;
    c.max_k = 64;
    c.max_m = 64;
    c.max_n = 4;
    c.pipe_stages = pipe_stages;
    c.wbuf_kib = c.abuf_kib = c.obuf_kib = 1;
    if (slt_config_finish(&c, g_err, sizeof g_err)) fail_msg("config: %s", g_err);
    return c;
}

/* Descriptor part: setup + DW division steps + NW multiplication steps + 2 check
 * stages + check + done. tiny: DW = max(clog2 64, clog2 64, 2) = 6, NW = clog2(4+1) = 3
 * -> 1 + 6 + 3 + 2 + 1 + 1 = 14. Defaults (max_k = max_m = 16384, max_n = 2):
 * DW = 14, NW = clog2 3 = 2 -> 21. */
static void busy_desc_hand_computed(void **state)
{
    (void)state;
    slt_config c = tiny_cfg(0);
    assert_int_equal(slt_busy_desc_cycles(&c), 14);
    slt_config_default(&c);
    assert_int_equal(slt_busy_desc_cycles(&c), 21);
    c.max_k = 2;   /* KQW = 1, MQW = 14: DW = 14; max_n = 1: NW = 1 */
    c.max_n = 1;
    assert_int_equal(slt_busy_desc_cycles(&c), 1 + 14 + 1 + 4);
}

/* LOAD_ACT: the unpacker (rtl/slt_unpack.v) either takes a beat or writes a word
 * each cycle; the next token's frame opens in the cycle of the last word.
 * tiny K=1 N=1: frame 8 bits, 1 beat: t0 take (cnt 8, left 0), t1 last word -> 2;
 * busy 14 + 2 = 16.
 * K=12 N=2: frame 96 bits = 3 beats of 32 into 2 words of 48 per token:
 * t0 take (32), t1 take (64), t2 word (16 left in the buffer), t3 take (48, frame
 * done), t4 last word; token 2 the same in t5..t9 -> 10; busy 24. */
static void busy_load_act_hand_computed(void **state)
{
    (void)state;
    slt_config c = tiny_cfg(0);
    slt_busy b;
    slt_busy_load_act(&c, 1, 1, &b);
    assert_int_equal(b.run, 2);
    assert_int_equal(b.busy, 16);
    slt_busy_load_act(&c, 12, 2, &b);
    assert_int_equal(b.run, 10);
    assert_int_equal(b.busy, 24);
    assert_int_equal(b.out, 0);
}

/* GEMV M=1 K=1 on tiny: NC = RB = 1, two bubbles (top reissue gap 3 - RB 1), latency
 * 3 (input, key, output registers), buffer read latency RL = 2 (one-bank buffers:
 * macro, output register; ref/slt_bufgeom.h). Packet: 1 mode beat (2 bits) + 1 weight beat.
 * Compute (SRun), cycle by cycle:
 *   t0 mode beat taken (its last: the weight phase from t1)
 *   t1 mode word written; weight beat taken (16 codes in the gearbox)
 *   t2 the chunk's mode word is there; the gearbox writes row block 0 (1 code)
 *   t3 wbuf half 0 full: table request
 *   t4 row request (the first of the command: no gap to wait for) -> every pass issued
 *   t9 = t4 + RL + latency: the row comes back; t10 the array is empty -> 11 cycles.
 * Read-out: t0 obuf read, t2 data, t3 into the packer (32 bits, last), t4 the beat
 * leaves, t5 idle -> 6. Busy 14 + 11 + 6 = 31. */
static void busy_gemv_hand_computed(void **state)
{
    (void)state;
    slt_config c = tiny_cfg(0);
    slt_busy b;
    slt_busy_gemm(&c, 1, 1, 1, &b);
    assert_int_equal(b.desc, 14);
    assert_int_equal(slt_buf_read_latency(&c), 2);
    assert_int_equal(slt_top_reissue_gap(&c), 3);
    assert_int_equal(b.run, 11);
    assert_int_equal(b.out, 6);
    assert_int_equal(b.busy, 31);
}

/* Bubbles: GEMM M=1 K=12 N=2 on tiny: NC = 2, RB = 1, two bubbles per pass
 * (top reissue gap 3 = array gap 2 + RL 2 - 1).
 * Packet: 1 mode beat (4 bits), 1 weight beat (12 codes).
 *   t0 mode beat; t1 mode word 0, weight beat; t2 mode word 1, chunk 0 written
 *   (6 codes); t3 chunk 1 written, table (c0, n0); t4 row; t5 table (c0, n1);
 *   t6, t7 bubbles; t8 row; t9 table (c1, n0); t10, t11 bubbles; t12 row; t13 table
 *   (c1, n1); t14, t15 bubbles; t16 row, the last; t16 + RL 2 + 3 = t21 back, t22
 *   empty -> 23.
 * Compute-bound closed form: fill (3, the cycles before the first table) +
 * N*NC*(RB + 1 + bubbles) - bubbles (the first pass waits for no earlier row)
 * + latency + RL - 1 + 2 = 3 + 4*4 - 2 + 4 + 2 = 23.
 * Read-out: 2 words of one 32-bit result: read, (RL - 1) wait, data, packer, beat,
 * for each, the second read overlapping (t0 read, t2 data, t3 packer + read 2, t4 beat,
 * t5 data, t6 packer, t7 beat, t8 idle) -> 9. Busy 14 + 23 + 9 = 46.
 * pipe_stages = 2: latency 5, the gap stays 3 (psum delay = latency - 1): 25, 48. */
static void busy_gemm_bubbles_hand_computed(void **state)
{
    (void)state;
    slt_config c = tiny_cfg(0);
    slt_busy b;
    assert_int_equal(slt_pass_bubbles(&c, 1), 2);
    assert_int_equal(slt_pass_bubbles(&c, 2), 1);
    assert_int_equal(slt_pass_bubbles(&c, 3), 0);
    slt_busy_gemm(&c, 1, 12, 2, &b);
    assert_int_equal(b.run, 3 + 4 * (1 + 1 + 2) - 2 + 3 + 1 + 2);
    assert_int_equal(b.run, 23);
    assert_int_equal(b.out, 9);
    assert_int_equal(b.busy, 46);
    c = tiny_cfg(2);
    assert_int_equal(slt_array_latency(&c), 5);
    assert_int_equal(slt_pass_bubbles(&c, 1), 2);
    slt_busy_gemm(&c, 1, 12, 2, &b);
    assert_int_equal(b.run, 25);
    assert_int_equal(b.busy, 48);
    /* N=4 (max_n): 8 passes: 3 + 8*4 - 2 + 5 + 1 + 2 = 41; read-out of 4 single-result
     * words: one read every RL + 1 = 3 cycles (t0, t3, t6, t9), the last data at t11,
     * packer t12, beat t13, idle t14 -> 15 */
    slt_busy_gemm(&c, 1, 12, 4, &b);
    assert_int_equal(b.run, 41);
    assert_int_equal(b.out, 15);
    assert_int_equal(b.busy, 14 + 41 + 15);
}

/* One bubble: RB = 2 (M=3 on L=2) = top gap 3 - 1. GEMM M=3 K=12 N=2, tiny pipe 0.
 * Packet: 1 mode beat (4 bits) + 36 codes = 9 bytes = 3 weight beats of 16 codes.
 * Row blocks to write: chunk 0: 12 codes (L=2 rows x 6), 6 (MR=1 row); chunk 1
 * (WL = 6): 12, 6. The gearbox takes a beat while it would hold <= 12 codes after
 * this cycle's write.
 *   t0 mode beat; t1 mode word 0, beat 1 (16 codes); t2 mode word 1, c0 block 0
 *   (16 -> 4), beat 2 (20); t3 c0 block 1 (14, no beat: 14 > 12); t4 c1 block 0 (2),
 *   beat 3 (18), table (c0, n0) (half 0 full since t4); t5 c1 block 1, row 0;
 *   t6 row 1; t7 table (c0, n1); t8 bubble; t9, t10 rows; t11 table (c1, n0); t12
 *   bubble; t13, t14 rows; t15 table; t16 bubble; t17, t18 rows, the last; t18 + RL 2
 *   + 3 = t23 back; t24 empty -> 25 = fill 4 + 4 passes x (2 + 1 + 1) - 1 + latency 3
 *   + RL 2 - 1 + 2.
 * Read-out, 4 obuf words: 64, 32, 64, 32 bits (the last row block holds MR = 1):
 *   t0 read w0; t2 its data; t3 packer takes w0 (64), read w1; t4 beat (32 left);
 *   t5 beat (0), w1 data; t6 packer takes w1 (32), read w2; t7 beat; t8 w2 data; t9
 *   packer takes w2 (64), read w3; t10 beat; t11 beat, w3 data; t12 packer takes w3
 *   (32, last); t13 the last beat; t14 idle -> 15. Busy 14 + 25 + 15 = 54. */
static void busy_gemm_one_bubble_hand_computed(void **state)
{
    (void)state;
    slt_config c = tiny_cfg(0);
    slt_busy b;
    assert_int_equal(slt_pass_bubbles(&c, 2), 1);
    slt_busy_gemm(&c, 3, 12, 2, &b);
    assert_int_equal(b.run, 4 + 4 * (2 + 1 + 1) - 1 + 3 + 1 + 2);
    assert_int_equal(b.out, 15);
    assert_int_equal(b.busy, 54);
}

/* tiny with psum_chunks = C (wbuf 1 KiB holds 2C regions of max_rb = 32 row blocks) */
static slt_config tiny_psum_cfg(int c_chunks)
{
    slt_config c = tiny_cfg(0);
    c.psum_chunks = c_chunks;
    if (slt_config_finish(&c, g_err, sizeof g_err)) fail_msg("config: %s", g_err);
    return c;
}

/* psum_chunks = 2, compute-bound: GEMM M=1 K=18 N=2 on tiny: NC = 3 chunks in tiles of
 * cj = 2 and 1, RB = 1, wbuf regions 4 (chunk c in region c mod 4), gap 3:
 * bubbles(RB*cj) = max(0, 3 - 2) = 1 for the first tile, max(0, 3 - 1) = 2 for the last.
 * Packet: 1 mode beat (6 bits), 2 weight beats (18 codes in 5 bytes).
 *   t0 mode beat; t1 mode word 0, beat 1 (16 codes); t2 mode word 1, c0 written in
 *   region 0 (10 codes left), beat 2 (26); t3 mode word 2, c1 in region 1, table (tile
 *   0, token 0, slot 0); t4 c2 in region 2, table slot 1; t5, t6 rows (rb 0 slot 0, 1:
 *   the first pass waits for no row); token 1: t7, t8 tables; its first row waits
 *   cj + 1 + bubbles = 4 cycles after the last one (t6): t10, t11 (the last of the
 *   tile: regions 0, 1 free); tile 1 (c2): t12 table, row t15 (1 + 1 + 2 after t11);
 *   token 1: t16 table, row t19, the last; t19 + RL 2 + 3 = t24 back, t25 empty -> 26.
 * Closed form: fill 3 + N * sum over tiles (cj (RB + 1) + b(cj)) - b(first) + latency
 * 3 + RL - 1 + WL - 1 + 2 = 3 + 2 * (5 + 4) - 1 + 3 + 1 + 0 + 2 = 26.
 * Read-out: 2 single-result words, as busy_gemm_bubbles_hand_computed: 9. */
static void busy_psum_compute_bound_hand_computed(void **state)
{
    (void)state;
    slt_config c = tiny_psum_cfg(2);
    slt_busy b;
    assert_int_equal(slt_buf_write_latency(&c), 1);
    assert_int_equal(slt_tile_chunks(&c, 3, 0), 2);
    assert_int_equal(slt_tile_chunks(&c, 3, 1), 1);
    assert_int_equal(slt_pass_bubbles(&c, 1 * 2), 1);
    assert_int_equal(slt_pass_bubbles(&c, 1 * 1), 2);
    assert_int_equal(slt_pass_cycles(&c, 3, 1, 2), 2 * (5 + 4));
    slt_busy_gemm(&c, 1, 18, 2, &b);
    assert_int_equal(b.run, 3 + 2 * (5 + 4) - 1 + 3 + 1 + 0 + 2);
    assert_int_equal(b.run, 26);
    assert_int_equal(b.out, 9);
    assert_int_equal(b.busy, 14 + 26 + 9);
}

/* psum_chunks = 2, the writer one cycle behind a table: GEMM M=3 K=18 N=2 on tiny:
 * RB = 2, tiles of 2 and 1 chunks, bubbles(4) = 0, bubbles(2) = 1. Packet: 1 mode beat,
 * 54 codes in 14 bytes = 4 beats of 16 codes; row blocks of 12 and 6 codes per chunk.
 *   t0 mode beat; t1 beat 1 (16); t2 c0 block 0 (4), beat 2 (20); t3 c0 block 1 (14,
 *   no beat: 14 > 12), region 0 full; t4 c1 block 0 (2), beat 3 (18), table (tile 0,
 *   token 0, slot 0); t5 c1 block 1 (12), beat 4 (28, the last), region 1 full at the
 *   end of t5, so slot 1 waits: t6 table slot 1, c2 block 0 (16); t7 c2 block 1 (the
 *   writer's last), rows t7..t10 (rb 0 slot 0, rb 0 slot 1, rb 1 slot 0, rb 1 slot 1);
 *   token 1: tables t11, t12, rows t13..t16 (t13 is cj + 1 + 0 = 3 after t10), the
 *   last of the tile; tile 1 (c2, region 2 full since t7): table t17, rows t19, t20
 *   (t19: 1 + 1 + 1 after t16); token 1: table t21, rows t23, t24, the last; t24 + 5 =
 *   t29 back, t30 empty -> 31 (the compute-bound form gives 30: the stall of t5).
 * Read-out: 4 words, as busy_gemm_one_bubble_hand_computed: 15. */
static void busy_psum_writer_behind_hand_computed(void **state)
{
    (void)state;
    slt_config c = tiny_psum_cfg(2);
    slt_busy b;
    assert_int_equal(slt_pass_bubbles(&c, 2 * 2), 0);
    assert_int_equal(slt_pass_bubbles(&c, 2 * 1), 1);
    slt_busy_gemm(&c, 3, 18, 2, &b);
    assert_int_equal(b.run, 31);
    assert_int_equal(b.out, 15);
    assert_int_equal(b.busy, 14 + 31 + 15);
}

/* psum_chunks = 2, a wbuf region reused: GEMM M=1 K=30 N=4 on tiny: NC = 5 in tiles
 * of 2, 2, 1 (bubbles 1, 1, 2); 2 weight beats. The writer fills c0..c3 in t2..t5 and
 * then waits: c4 goes to region 0, free only after tile 0's last row (t21): written
 * in t22, long before tile 2 needs it (t42), so the passes never wait:
 * tile 0 from t3 (tables t3, t4, rows t5, t6; then 5 cycles a pass: t7..t11, t12..t16,
 * t17..t21), tile 1 t22..t41 (4 passes of 2 tables, 1 bubble, 2 rows), tile 2 t42..t57
 * (4 passes of 1 table, 2 bubbles, 1 row); t57 + 5 = t62 back, t63 empty -> 64.
 * Closed form: 3 + 4 * (5 + 5 + 4) - 1 + 6 = 64. Read-out of 4 single-result words: 15.
 * psum_chunks = 4: one tile of 4 chunks (bubbles 0) and one of 1 (bubbles 2): regions
 * 8, the writer never waits; 3 + 4 * (4*2 + 0 + 1*2 + 2) - 0 + 6 = 57. */
static void busy_psum_region_reuse_hand_computed(void **state)
{
    (void)state;
    slt_config c = tiny_psum_cfg(2);
    slt_busy b;
    slt_busy_gemm(&c, 1, 30, 4, &b);
    assert_int_equal(b.run, 3 + 4 * (5 + 5 + 4) - 1 + 6);
    assert_int_equal(b.out, 15);
    c = tiny_psum_cfg(4);
    assert_int_equal(slt_pass_cycles(&c, 5, 1, 4), 4 * (8 + 0 + 2 + 2));
    slt_busy_gemm(&c, 1, 30, 4, &b);
    assert_int_equal(b.run, 3 + 4 * (8 + 0 + 2 + 2) + 6);
    assert_int_equal(b.run, 57);
}

/* Refused by the descriptor check: the packet is drained one beat per cycle, then
 * one flush cycle: 14 + beats + 1. */
static void busy_refused_hand_computed(void **state)
{
    (void)state;
    slt_config c = tiny_cfg(0);
    slt_busy b;
    slt_busy_refused(&c, 0, &b);
    assert_int_equal(b.busy, 15);
    slt_busy_refused(&c, 3, &b);
    assert_int_equal(b.busy, 18);
}

/* slt_predict carries the same numbers (busy, its three terms, the LOAD_ACT). */
static void busy_predict_carries_busy_cycles(void **state)
{
    (void)state;
    slt_config c = tiny_cfg(0);
    int8_t w[12] = {1, 0, -1, 0, 0, 1, 1, 1, 0, 0, -1, 0};
    slt_events e;
    assert_int_equal(slt_predict(&c, w, 1, 12, 2, &e, g_err, sizeof g_err), 0);
    assert_int_equal(e.busy_cycles, 46);
    assert_int_equal(e.busy_desc_cycles, 14);
    assert_int_equal(e.busy_run_cycles, 23);
    assert_int_equal(e.busy_out_cycles, 9);
    assert_int_equal(e.load_busy_cycles, 24);
    assert_int_equal(e.busy_desc_cycles + e.busy_run_cycles + e.busy_out_cycles, e.busy_cycles);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(busy_desc_hand_computed),
        cmocka_unit_test(busy_load_act_hand_computed),
        cmocka_unit_test(busy_gemv_hand_computed),
        cmocka_unit_test(busy_gemm_bubbles_hand_computed),
        cmocka_unit_test(busy_gemm_one_bubble_hand_computed),
        cmocka_unit_test(busy_psum_compute_bound_hand_computed),
        cmocka_unit_test(busy_psum_writer_behind_hand_computed),
        cmocka_unit_test(busy_psum_region_reuse_hand_computed),
        cmocka_unit_test(busy_refused_hand_computed),
        cmocka_unit_test(busy_predict_carries_busy_cycles),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
