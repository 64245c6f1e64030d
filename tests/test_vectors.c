/* test_vectors - the array's port contract (slt_arrayif) and the testbench
 * stimulus (slt_vectors): row fields, the issue schedule, bit vectors, the
 * stimulus styles and the vector files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "slt_arrayif.h"
#include "slt_config.h"
#include "slt_gemm.h"
#include "slt_pack.h"
#include "slt_prng.h"
#include "slt_vectors.h"

static char g_err[SLT_ERRLEN];

static void config_with(slt_config *c, int g, const char *format, const char *array)
{
    slt_config_default(c);
    c->group_size = g;
    assert_int_equal(slt_config_set(c, "weight_format", format, g_err, sizeof g_err), 0);
    assert_int_equal(slt_config_set(c, "array", array, g_err, sizeof g_err), 0);
    assert_int_equal(slt_config_finish(c, g_err, sizeof g_err), 0);
}

/* addsub fields carry each weight's own code; decoding them gives the key's weights. */
static void arrayif_row_field_matches_key_weights(void **state)
{
    (void)state;
    for (int g = 2; g <= 5; g++)
        for (int binary = 0; binary <= 1; binary++) {
            slt_config lut, as;
            config_with(&lut, g, binary ? "b1" : "t2", "slt");
            config_with(&as, g, binary ? "b1" : "t2", "addsub");
            assert_int_equal(slt_row_field_bits(&lut), slt_key_bits(g, binary));
            assert_int_equal(slt_row_field_bits(&as), g * (binary ? 1 : 2));
            assert_int_equal(slt_lane_terms(&as), as.lut_units * g);
            for (uint32_t key = 0; key < (1u << slt_key_bits(g, binary)); key++) {
                int8_t w[8];
                uint32_t field = slt_row_field(&as, key);
                assert_int_equal(slt_row_field(&lut, key), key);
                if (slt_key_decode(key, g, binary, w)) {
                    assert_int_equal(field, (1u << slt_row_field_bits(&as)) - 1);
                    assert_int_equal(slt_key_terms(&lut, key), 0);
                    continue;
                }
                int nz = 0;
                for (int i = 0; i < g; i++) {
                    int code = binary ? (int)((field >> i) & 1u) : (int)((field >> (2 * i)) & 3u);
                    assert_int_equal(binary ? (code ? 1 : -1) : code - 1, w[i]);
                    nz += w[i] != 0;
                }
                assert_int_equal(slt_key_terms(&as, key), nz);
                assert_int_equal(slt_key_terms(&lut, key), nz > 0);
            }
        }
}

static void arrayif_entry_bits_hold_the_extremes(void **state)
{
    (void)state;
    for (int g = 2; g <= 5; g++)
        for (int a = 4; a <= 16; a *= 2) {
            slt_config c;
            config_with(&c, g, "t2", "slt");
            c.act_bits = a;
            int bits = slt_entry_bits(&c);
            int64_t max = ((int64_t)1 << (bits - 1)) - 1, need = (int64_t)g << (a - 1);
            assert_true(need <= max);
            assert_true(need > (max >> 1)); /* and not wider than needed */
        }
}

/* The partial sums meet the terms in the final adder: psum one cycle before the
 * output, so a row block can be reissued two cycles after it was issued. */
static void arrayif_psum_timing(void **state)
{
    (void)state;
    for (int p = 0; p <= 4; p++)
        for (int addsub = 0; addsub <= 1; addsub++) {
            slt_config c;
            slt_config_default(&c);
            c.pipe_stages = p;
            c.array = addsub ? SLT_ARRAY_ADDSUB : SLT_ARRAY_LUT;
            /* slt: one input register stage (table build and key decode from registers) */
            int in = addsub ? 0 : 1;
            assert_int_equal(slt_array_in_stages(&c), in);
            assert_int_equal(slt_array_latency(&c), p + 2 + in);
            assert_int_equal(slt_array_psum_delay(&c), p + 1 + in);
            assert_int_equal(slt_array_reissue_gap(&c), 2);
        }
}

static void bits_put_get_hex_round_trip(void **state)
{
    (void)state;
    uint32_t w[4] = {0, 0, 0, 0};
    slt_bits_put(w, 30, 7, 0x55);
    assert_int_equal(slt_bits_get(w, 30, 7), 0x55);
    slt_bits_put(w, 64, 64, 0x0123456789abcdefull);
    assert_true(slt_bits_get(w, 64, 64) == 0x0123456789abcdefull);
    slt_bits_put(w, 30, 7, 0);
    assert_int_equal(w[0], 0);
    assert_int_equal(w[1], 0);
    char hex[40];
    uint32_t v[2] = {0xdeadbeef, 0x5};
    slt_bits_hex(v, 35, hex);
    assert_string_equal(hex, "5deadbeef");
    slt_bits_hex(v, 33, hex);
    assert_string_equal(hex, "1deadbeef");
}

/* Checks of one schedule, psum_chunks = cc: every row block of every chunk
 * and token issued once, with slot chunk mod cc; rule 1 per slot: the latest
 * load of a row's slot at or before its cycle is its own (chunk, token); the
 * chunks of a row block in order, a tile's first one `gap` cycles after the
 * previous issue (its psum is back in the buffer), later ones forwarded
 * (exactly one cycle after the previous chunk); every load used by a row. */
static void check_schedule(const slt_stream *s, int n, int gap, int cc, const slt_cycle *cy, size_t nc)
{
    size_t nrb = (size_t)n * (size_t)s->row_blocks;
    long long *last = malloc(sizeof *last * nrb);
    int *seen = calloc(nrb, sizeof *seen), *loaded = calloc((size_t)s->n_chunks * (size_t)n, sizeof *loaded);
    int slot_chunk[8], slot_token[8];
    for (int j = 0; j < 8; j++) slot_chunk[j] = slot_token[j] = -1;
    size_t issues = 0;
    for (size_t i = 0; i < nc; i++) {
        if (cy[i].tbl_valid) {
            assert_int_equal(cy[i].slot, cy[i].chunk % cc);
            loaded[(size_t)cy[i].chunk * (size_t)n + (size_t)cy[i].token]++;
            slot_chunk[cy[i].slot] = cy[i].chunk;
            slot_token[cy[i].slot] = cy[i].token;
        }
        if (!cy[i].row_valid) {
            if (cc == 1) assert_int_equal(cy[i].tbl_valid, 0);
            continue;
        }
        size_t at = (size_t)cy[i].token * (size_t)s->row_blocks + (size_t)cy[i].row_block;
        if (cc == 1) assert_int_equal(cy[i].tbl_valid, cy[i].row_block == 0);
        assert_int_equal(cy[i].slot, cy[i].chunk % cc);
        assert_int_equal(slot_chunk[cy[i].slot], cy[i].chunk); /* rule 1, per slot */
        assert_int_equal(slot_token[cy[i].slot], cy[i].token);
        assert_int_equal(cy[i].chunk, seen[at]); /* chunks in order per row block */
        slt_psum_src src = slt_schedule_psum_src(cy[i].chunk, cc);
        if (src == SLT_PSUM_BUFFER) assert_true((long long)i >= last[at] + gap);
        if (src == SLT_PSUM_FORWARD) assert_true((long long)i == last[at] + 1);
        seen[at]++;
        last[at] = (long long)i;
        issues++;
    }
    assert_int_equal(issues, (size_t)n * (size_t)s->n_chunks * (size_t)s->row_blocks);
    for (size_t i = 0; i < (size_t)s->n_chunks * (size_t)n; i++) assert_int_equal(loaded[i], 1);
    free(last);
    free(seen);
    free(loaded);
}

static void schedule_is_complete_and_hazard_free(void **state)
{
    (void)state;
    slt_prng p;
    slt_prng_seed(&p, slt_seed_from_env(1));
    for (int trial = 0; trial < 120; trial++) {
        slt_config c;
        config_with(&c, (int)slt_prng_range(&p, 2, 5), "t2", "slt");
        c.lut_units = (int)slt_prng_range(&p, 1, 4);
        c.row_lanes = (int)slt_prng_range(&p, 1, 4);
        int m = (int)slt_prng_range(&p, 1, 20), k = (int)slt_prng_range(&p, 1, 60), n = (int)slt_prng_range(&p, 1, 4);
        int gap = (int)slt_prng_range(&p, 1, 6), cc = 1 << slt_prng_range(&p, 0, 3);
        int8_t *w = malloc((size_t)m * (size_t)k);
        slt_vectors_weights(&c, m, k, SLT_W_MIXED, &p, w);
        slt_stream s;
        assert_int_equal(slt_stream_build(&c, w, m, k, &s, g_err, sizeof g_err), 0);
        slt_cycle *cy;
        size_t nc;
        assert_int_equal(slt_schedule_build(&s, n, gap, cc, &cy, &nc, g_err, sizeof g_err), 0);
        check_schedule(&s, n, gap, cc, cy, nc);
        free(cy);
        free(w);
        slt_stream_free(&s);
    }
}

/* psum_chunks = 2, 2 chunks, 2 row blocks, 1 token, gap 1: the whole schedule by hand. */
static void schedule_tile_order_by_hand(void **state)
{
    (void)state;
    slt_config c;
    config_with(&c, 2, "t2", "slt");
    c.lut_units = 1;
    c.row_lanes = 1;
    int8_t w[2 * 4] = {1, 0, -1, 1, 0, 1, 1, -1}; /* M = 2, K = 4: 2 groups = 2 chunks */
    slt_stream s;
    assert_int_equal(slt_stream_build(&c, w, 2, 4, &s, g_err, sizeof g_err), 0);
    assert_int_equal(s.n_chunks, 2);
    slt_cycle *cy;
    size_t nc;
    assert_int_equal(slt_schedule_build(&s, 2, 1, 2, &cy, &nc, g_err, sizeof g_err), 0);
    /* pass 0 (token 0): loads with row block 0; pass 1 (token 1): loads first */
    static const slt_cycle want[] = {
        {1, 1, 0, 0, 0, 0}, {1, 1, 1, 0, 0, 1}, {0, 1, 0, 0, 1, 0}, {0, 1, 1, 0, 1, 1},
        {1, 0, 0, 1, 0, 0}, {1, 0, 1, 1, 0, 1}, {0, 1, 0, 1, 0, 0}, {0, 1, 1, 1, 0, 1},
        {0, 1, 0, 1, 1, 0}, {0, 1, 1, 1, 1, 1},
    };
    assert_int_equal(nc, sizeof want / sizeof want[0]);
    for (size_t i = 0; i < nc; i++) assert_memory_equal(&cy[i], &want[i], sizeof want[i]);
    assert_int_equal(slt_schedule_psum_src(0, 2), SLT_PSUM_ZERO);
    assert_int_equal(slt_schedule_psum_src(1, 2), SLT_PSUM_FORWARD);
    assert_int_equal(slt_schedule_psum_src(2, 2), SLT_PSUM_BUFFER);
    assert_int_equal(slt_schedule_psum_src(3, 1), SLT_PSUM_BUFFER);
    free(cy);
    slt_stream_free(&s);
}

static void stimulus_styles_hit_their_corners(void **state)
{
    (void)state;
    slt_config c;
    config_with(&c, 3, "t2", "slt");
    slt_prng p;
    slt_prng_seed(&p, 7);
    int8_t w[20 * 30];
    int16_t x[2 * 30];
    slt_vectors_weights(&c, 20, 30, SLT_W_ZERO, &p, w);
    for (int i = 0; i < 600; i++) assert_int_equal(w[i], 0);
    slt_vectors_weights(&c, 20, 30, SLT_W_MINUS, &p, w);
    for (int i = 0; i < 600; i++) assert_int_equal(w[i], -1);
    slt_vectors_acts(&c, 2, 30, SLT_X_MIN, &p, x);
    for (int i = 0; i < 60; i++) assert_int_equal(x[i], -128);
    /* MIXED weights put some groups in buffer mode */
    slt_vectors_weights(&c, 20, 30, SLT_W_MIXED, &p, w);
    slt_stream s;
    assert_int_equal(slt_stream_build(&c, w, 20, 30, &s, g_err, sizeof g_err), 0);
    int buffer = 0;
    for (int i = 0; i < s.n_chunks * s.u; i++) buffer += s.modes[i];
    assert_true(buffer > 0);
    slt_stream_free(&s);
    config_with(&c, 4, "b1", "slt");
    slt_vectors_weights(&c, 20, 30, SLT_W_ZERO, &p, w);
    for (int i = 0; i < 600; i++) assert_true(w[i] == 1 || w[i] == -1);
}

static int count_lines(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) return -1;
    int n = 0, ch;
    while ((ch = fgetc(f)) != EOF) n += ch == '\n';
    fclose(f);
    return n;
}

static void vectors_write_files_with_expected_sizes(void **state)
{
    (void)state;
    char dir[] = "/tmp/slt_vec_test_XXXXXX";
    assert_non_null(mkdtemp(dir));
    slt_config c;
    config_with(&c, 3, "t5", "addsub");
    c.max_k = 64;
    c.max_n = 3;
    if (slt_config_finish(&c, g_err, sizeof g_err)) fail_msg("%s", g_err);
    assert_int_equal(slt_vectors_write(&c, 9, 40, 3, 5, dir, g_err, sizeof g_err), 0);
    char path[256];
    snprintf(path, sizeof path, "%s/expected.txt", dir);
    assert_int_equal(count_lines(path), 27);
    snprintf(path, sizeof path, "%s/cycles.txt", dir);
    int cycles = count_lines(path);
    /* 3 tokens x ceil(14/4)=4 chunks x ceil(9/4)=3 row blocks issues, plus idle cycles */
    assert_true(cycles >= 36);
    snprintf(path, sizeof path, "%s/meta.txt", dir);
    FILE *f = fopen(path, "r");
    char line[128];
    int found = 0;
    while (fgets(line, sizeof line, f)) found += !strcmp(line, "array addsub\n") || !strcmp(line, "m 9\n");
    fclose(f);
    assert_int_equal(found, 2);
    /* illegal shape: an error, no crash */
    assert_int_equal(slt_vectors_write(&c, 9, 65, 1, 5, dir, g_err, sizeof g_err), SLT_EXIT_BADINPUT);
    assert_non_null(strstr(g_err, "max_k"));
    const char *names[] = {"meta.txt", "cycles.txt", "expected.txt"};
    for (int i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        unlink(path);
    }
    rmdir(dir);
}

/* psum_chunks = 2: meta.txt says so, every cycles.txt line ends with the slot,
 * and the later chunk of a tile is marked forwarded (first = 2) on slot 1. */
static void vectors_write_slot_column_with_psum_chunks(void **state)
{
    (void)state;
    char dir[] = "/tmp/slt_vec_slots_XXXXXX";
    assert_non_null(mkdtemp(dir));
    slt_config c;
    slt_config_default(&c);
    c.max_k = 64;
    c.max_m = 64;
    assert_int_equal(slt_config_set(&c, "psum_chunks", "2", g_err, sizeof g_err), 0);
    if (slt_config_finish(&c, g_err, sizeof g_err)) fail_msg("%s", g_err);
    assert_int_equal(slt_vectors_write(&c, 9, 40, 2, 5, dir, g_err, sizeof g_err), 0);
    char path[256], line[4096];
    snprintf(path, sizeof path, "%s/meta.txt", dir);
    FILE *f = fopen(path, "r");
    int found = 0;
    while (fgets(line, sizeof line, f)) found += !strcmp(line, "psum_chunks 2\n");
    fclose(f);
    assert_int_equal(found, 1);
    snprintf(path, sizeof path, "%s/cycles.txt", dir);
    f = fopen(path, "r");
    int forwarded = 0;
    while (fgets(line, sizeof line, f)) {
        int tv, rv, tok, rb, first, slot;
        char tm[64], ta[512], keys[512];
        assert_int_equal(sscanf(line, "%d %63s %511s %d %d %d %d %511s %d", &tv, tm, ta, &rv, &tok, &rb, &first, keys,
                                &slot),
                         9);
        if (rv && first == 2) {
            assert_int_equal(slot, 1);
            forwarded++;
        }
    }
    fclose(f);
    assert_true(forwarded > 0);
    const char *names[] = {"meta.txt", "cycles.txt", "expected.txt"};
    for (int i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        unlink(path);
    }
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(arrayif_row_field_matches_key_weights),
        cmocka_unit_test(arrayif_entry_bits_hold_the_extremes),
        cmocka_unit_test(arrayif_psum_timing),
        cmocka_unit_test(bits_put_get_hex_round_trip),
        cmocka_unit_test(schedule_is_complete_and_hazard_free),
        cmocka_unit_test(schedule_tile_order_by_hand),
        cmocka_unit_test(stimulus_styles_hit_their_corners),
        cmocka_unit_test(vectors_write_files_with_expected_sizes),
        cmocka_unit_test(vectors_write_slot_column_with_psum_chunks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
