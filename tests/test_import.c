/* test_import - the checkpoint readers (GGUF, safetensors), the ternary
 * decoders and `sltref import`, on small files this test writes itself
 * (ref/slt_tfbuild.h). Layout pins are hand-computed from the writers'
 * published code (docs/import.md); every malformed case must be a clean
 * error naming the file/tensor; random corruptions must never crash. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "slt_config.h"
#include "slt_f16.h"
#include "slt_pack.h"
#include "slt_prng.h"
#include "slt_tensorfile.h"
#include "slt_tfbuild.h"

static char g_err[SLT_ERRLEN];
static uint64_t g_seed;
static char g_dir[256];

static const char *path_in(const char *name)
{
    static char p[4][512];
    static int k;
    k = (k + 1) % 4;
    snprintf(p[k], sizeof p[k], "%s/%s", g_dir, name);
    return p[k];
}

static void write_bytes(const char *path, const void *b, size_t n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(b, 1, n, f), n);
    assert_int_equal(fclose(f), 0);
}

static void random_ternary(slt_prng *p, int8_t *w, size_t n)
{
    for (size_t i = 0; i < n; i++) w[i] = (int8_t)slt_prng_range(p, -1, 1);
}

static slt_tensorfile *open_ok(const uint8_t *img, size_t len)
{
    slt_tensorfile *tf;
    if (slt_tf_open_mem(img, len, "img", &tf, g_err, sizeof g_err))
        fail_msg("seed %llu: open failed: %s", (unsigned long long)g_seed, g_err);
    return tf;
}

static void expect_open_error(const uint8_t *img, size_t len, const char *must, const char *what)
{
    slt_tensorfile *tf;
    g_err[0] = '\0';
    int rc = slt_tf_open_mem(img, len, "img", &tf, g_err, sizeof g_err);
    if (rc != SLT_EXIT_BADINPUT || tf || !strstr(g_err, must) || !strstr(g_err, "img"))
        fail_msg("%s: rc=%d err='%s' (want '%s')", what, rc, g_err, must);
}

static void expect_ternary_error(const slt_tensorfile *tf, const char *name, const char *must)
{
    int8_t *w = (int8_t *)1;
    int m, k;
    float g;
    g_err[0] = '\0';
    int rc = slt_tf_ternary(tf, name, &w, &m, &k, &g, g_err, sizeof g_err);
    if (rc != SLT_EXIT_BADINPUT || w || !strstr(g_err, must) || !strstr(g_err, name))
        fail_msg("tensor %s: rc=%d err='%s' (want '%s' and the name)", name, rc, g_err, must);
}

static void expect_ternary(const slt_tensorfile *tf, const char *name, const int8_t *want, int wm, int wk, float wg)
{
    int8_t *w;
    int m, k;
    float g;
    if (slt_tf_ternary(tf, name, &w, &m, &k, &g, g_err, sizeof g_err))
        fail_msg("seed %llu tensor %s: %s", (unsigned long long)g_seed, name, g_err);
    assert_int_equal(m, wm);
    assert_int_equal(k, wk);
    if (g != wg) fail_msg("tensor %s: gamma %a, want %a", name, (double)g, (double)wg);
    for (size_t i = 0; i < (size_t)m * (size_t)k; i++)
        if (w[i] != want[i])
            fail_msg("seed %llu tensor %s: W[%zu] = %d, want %d", (unsigned long long)g_seed, name, i, w[i], want[i]);
    free(w);
}

/* ---- binary16 / bfloat16 -------------------------------------------------------------- */

static void f16_convert_every_value_round_trips(void **state)
{
    (void)state;
    for (uint32_t h = 0; h < 65536; h++) {
        float f = slt_f16_to_f32((uint16_t)h);
        if (isnan(f)) continue;
        if (slt_f32_to_f16(f) != h) fail_msg("f16 0x%04x -> %a -> 0x%04x", (unsigned)h, (double)f, slt_f32_to_f16(f));
        float b = slt_bf16_to_f32((uint16_t)h);
        if (!isnan(b) && slt_f32_to_bf16(b) != h) fail_msg("bf16 0x%04x", (unsigned)h);
    }
    assert_true(slt_f16_to_f32(0x0001) == 0x1p-24f);  /* smallest subnormal */
    assert_true(slt_f16_to_f32(0x3c00) == 1.0f);
    assert_true(slt_f16_to_f32(0xfc00) == -INFINITY);
    assert_true(slt_f32_to_f16(65520.0f) == 0x7c00);  /* rounds up to inf */
    assert_true(slt_f32_to_f16(1.0f + 0x1p-11f) == 0x3c00); /* tie to even */
    assert_true(slt_bf16_to_f32(0x3f80) == 1.0f);
}

/* ---- layout pins (hand-computed from the writers' code) --------------------------------- */

static void tf_layout_pins_match_published_code(void **state)
{
    (void)state;
    int8_t w[256] = {0};
    uint8_t b[66];
    /* TQ2_0: byte m holds weights m, m+32, m+64, m+96 in bits 0-1, 2-3, 4-5, 6-7, code w+1. */
    w[0] = 1;
    w[96] = -1;
    w[128 + 33] = 1;
    slt_tfb_tq2_0(w, 256, 0x3c00, b);
    assert_int_equal(b[0], 2 | 1 << 2 | 1 << 4 | 0 << 6);
    assert_int_equal(b[1], 0x55);
    assert_int_equal(b[32 + 1], 1 | 2 << 2 | 1 << 4 | 1 << 6);
    assert_int_equal(b[64], 0x00);
    assert_int_equal(b[65], 0x3c);
    /* TQ1_0: five trits, first most significant, stored as ceil(q*256/243):
     * all zero (trits 1,1,1,1,1 = 121) -> 128; all +1 (242) -> 255; all -1 -> 0;
     * a qh byte has 4 trits then a 0 trit: all zero (1,1,1,1,0 = 120) -> 127. */
    memset(w, 0, sizeof w);
    uint8_t t[54];
    slt_tfb_tq1_0(w, 256, 0, t);
    assert_int_equal(t[0], 128);
    assert_int_equal(t[48], 127);
    for (int i = 0; i < 256; i++) w[i] = 1;
    slt_tfb_tq1_0(w, 256, 0, t);
    assert_int_equal(t[0], 255);
    for (int i = 0; i < 256; i++) w[i] = -1;
    slt_tfb_tq1_0(w, 256, 0, t);
    assert_int_equal(t[0], 0);
    /* I2_S x86: byte p of a 128-block holds weights p, 32+p, 64+p, 96+p in bits 7-6, 5-4, 3-2, 1-0. */
    int8_t v[128] = {0};
    uint8_t s[64];
    v[0] = 1;
    v[32] = -1;
    slt_tfb_i2_s(v, 128, 0.5f, s);
    assert_int_equal(s[0], 2 << 6 | 0 << 4 | 1 << 2 | 1);
    assert_int_equal(s[1], 0x55);
    assert_int_equal(s[32], 0x00); /* float 0.5 = 0x3f000000, little-endian */
    assert_int_equal(s[35], 0x3f);
    /* HF pack_weights, 8 x 1: byte r holds rows r, r+2, r+4, r+6 in bits 0-1, 2-3, 4-5, 6-7. */
    const int8_t h[8] = {1, -1, 0, 0, -1, 1, 0, 1};
    uint8_t hp[2];
    slt_tfb_hf_u8(h, 8, 1, hp);
    assert_int_equal(hp[0], 2 | 1 << 2 | 0 << 4 | 1 << 6);
    assert_int_equal(hp[1], 0 | 1 << 2 | 2 << 4 | 2 << 6);
}

/* ---- GGUF ------------------------------------------------------------------------------ */

enum { GM = 3, GK = 512, GN = GM * GK };

static uint8_t *gguf_model(slt_prng *p, int8_t *w, uint16_t d, size_t *len)
{
    static uint8_t tq2[GN / 256 * 66], tq1[GN / 256 * 54], i2s[GN / 4 + 32];
    static float f32[GN], norm[4] = {1.0f, 2.0f, 0.5f, -1.0f};
    random_ternary(p, w, GN);
    slt_tfb_tq2_0(w, GN, d, tq2);
    slt_tfb_tq1_0(w, GN, d, tq1);
    slt_tfb_i2_s(w, GN, 0.25f, i2s);
    for (size_t i = 0; i < GN; i++) f32[i] = 0.75f * w[i];
    static const char *const toks[] = {"a", "bc"};
    const slt_tfb_kv kv[] = {
        {"general.architecture", SLT_TF_KV_STRING, 0, 0, "bitnet", NULL, 0},
        {"bitnet.block_count", SLT_TF_KV_U32, 30, 0, NULL, NULL, 0},
        {"bitnet.rope.freq_base", SLT_TF_KV_F32, 0, 500000.0, NULL, NULL, 0},
        {"x.neg", SLT_TF_KV_I16, -7, 0, NULL, NULL, 0},
        {"x.f64", SLT_TF_KV_F64, 0, 0.1, NULL, NULL, 0},
        {"x.flag", SLT_TF_KV_BOOL, 1, 0, NULL, NULL, 0},
        {"tokenizer.ggml.tokens", SLT_TF_KV_ARRAY, 0, 0, NULL, toks, 2},
    };
    const slt_tfb_gguf_tensor t[] = {
        {"blk.0.attn_q.weight", 35, 2, {GK, GM}, tq2, sizeof tq2},
        {"blk.0.attn_k.weight", 34, 2, {GK, GM}, tq1, sizeof tq1},
        {"blk.0.attn_v.weight", 36, 2, {GK, GM}, i2s, sizeof i2s},
        {"blk.0.ffn_up.weight", 0, 2, {GK, GM}, f32, sizeof f32},
        {"output_norm.weight", 0, 1, {4}, norm, sizeof norm},
    };
    uint8_t *img;
    assert_int_equal(slt_tfb_gguf(kv, sizeof kv / sizeof kv[0], t, sizeof t / sizeof t[0], 32, &img, len), 0);
    return img;
}

static void tf_gguf_decodes_every_ternary_type(void **state)
{
    (void)state;
    slt_prng p;
    slt_prng_seed(&p, g_seed);
    int8_t w[GN];
    size_t len;
    uint8_t *img = gguf_model(&p, w, 0x3a00, &len); /* d = 0.75 */
    slt_tensorfile *tf = open_ok(img, len);
    assert_int_equal(slt_tf_format_of(tf), SLT_TF_GGUF);
    assert_int_equal(slt_tf_count(tf), 5);
    const slt_tf_tensor *q = slt_tf_find(tf, "blk.0.attn_q.weight");
    assert_non_null(q);
    assert_int_equal(q->dtype, SLT_TF_TQ2_0);
    assert_int_equal(q->ndim, 2);
    assert_int_equal(q->shape[0], GK); /* ne[0] contiguous */
    assert_int_equal(q->nbytes, GN / 256 * 66);
    assert_null(slt_tf_find(tf, "nope"));
    expect_ternary(tf, "blk.0.attn_q.weight", w, GM, GK, 0.75f);
    expect_ternary(tf, "blk.0.attn_k.weight", w, GM, GK, 0.75f);
    expect_ternary(tf, "blk.0.attn_v.weight", w, GM, GK, 0.25f);
    expect_ternary(tf, "blk.0.ffn_up.weight", w, GM, GK, 0.75f);
    float *f;
    size_t n;
    assert_int_equal(slt_tf_read_f32(tf, "output_norm.weight", &f, &n, g_err, sizeof g_err), 0);
    assert_int_equal(n, 4);
    assert_true(f[1] == 2.0f && f[3] == -1.0f);
    free(f);
    assert_int_equal(slt_tf_read_f32(tf, "blk.0.attn_q.weight", &f, &n, g_err, sizeof g_err), SLT_EXIT_BADINPUT);
    assert_non_null(strstr(g_err, "TQ2_0"));
    /* metadata */
    const char *s;
    int64_t i;
    double d;
    int et;
    uint64_t cnt;
    assert_int_equal(slt_tf_meta_str(tf, "general.architecture", &s), 0);
    assert_string_equal(s, "bitnet");
    assert_int_equal(slt_tf_meta_int(tf, "bitnet.block_count", &i), 0);
    assert_int_equal(i, 30);
    assert_int_equal(slt_tf_meta_int(tf, "x.neg", &i), 0);
    assert_int_equal(i, -7);
    assert_int_equal(slt_tf_meta_int(tf, "x.flag", &i), 0);
    assert_int_equal(i, 1);
    assert_int_equal(slt_tf_meta_float(tf, "bitnet.rope.freq_base", &d), 0);
    assert_true(d == 500000.0);
    assert_int_equal(slt_tf_meta_float(tf, "x.f64", &d), 0);
    assert_true(d == 0.1);
    assert_int_equal(slt_tf_meta_float(tf, "bitnet.block_count", &d), 0);
    assert_int_equal(slt_tf_meta_array(tf, "tokenizer.ggml.tokens", &et, &cnt), 0);
    assert_int_equal(et, SLT_TF_KV_STRING);
    assert_int_equal(cnt, 2);
    assert_int_equal(slt_tf_meta_int(tf, "general.architecture", &i), -2);
    assert_int_equal(slt_tf_meta_str(tf, "missing", &s), -1);
    assert_int_equal(slt_tf_meta_type(tf, "x.neg"), SLT_TF_KV_I16);
    assert_int_equal(slt_tf_meta_count(tf), 7);
    /* not a ternary encoding / not 2-D */
    expect_ternary_error(tf, "output_norm.weight", "2-D");
    expect_ternary_error(tf, "nope", "no tensor");
    slt_tf_close(tf);
    free(img);
}

/* Rewrite one tensor's bytes in an image built by gguf_model (finds them by content). */
static uint8_t *find_bytes(uint8_t *img, size_t len, const uint8_t *pat, size_t n)
{
    for (size_t i = 0; i + n <= len; i++)
        if (!memcmp(img + i, pat, n)) return img + i;
    return NULL;
}

static void tf_gguf_refuses_non_ternary_blocks(void **state)
{
    (void)state;
    slt_prng p;
    slt_prng_seed(&p, g_seed);
    int8_t w[GN];
    for (int c = 0; c < 4; c++) {
        uint8_t tq2[GN / 256 * 66], tq1[GN / 256 * 54], i2s[GN / 4 + 32];
        random_ternary(&p, w, GN);
        slt_tfb_tq2_0(w, GN, 0x3c00, tq2);
        slt_tfb_tq1_0(w, GN, 0x3c00, tq1);
        slt_tfb_i2_s(w, GN, 1.0f, i2s);
        const char *must = "";
        if (c == 0) { tq2[66 + 65] = 0x40; tq1[54 + 53] = 0x40; must = "block scales disagree"; }
        if (c == 1) { tq2[66 + 65] = 0x7c; tq1[54 + 53] = 0x7c; must = "non-finite"; }
        if (c == 2) { tq2[66 * 2 + 5] |= 0xc0; must = "code 3"; }
        if (c == 3) { i2s[7] |= 0x03; must = "code 3"; }
        float f32[GN];
        for (int i = 0; i < GN; i++) f32[i] = (float)w[i];
        f32[700] = 0.5f;
        const slt_tfb_gguf_tensor t[] = {
            {"q", 35, 2, {GK, GM}, tq2, sizeof tq2}, {"k", 34, 2, {GK, GM}, tq1, sizeof tq1},
            {"v", 36, 2, {GK, GM}, i2s, sizeof i2s}, {"f", 0, 2, {GK, GM}, f32, sizeof f32},
            {"v3", 36, 3, {128, 3, 1}, i2s, 128 / 4 + 32}, {"odd", 36, 2, {64, 1}, i2s, 64 / 4 + 32},
        };
        size_t len;
        uint8_t *img;
        assert_int_equal(slt_tfb_gguf(NULL, 0, t, 6, 32, &img, &len), 0);
        slt_tensorfile *tf = open_ok(img, len);
        if (c <= 2) expect_ternary_error(tf, "q", must);
        if (c <= 1) expect_ternary_error(tf, "k", must);
        if (c == 3) expect_ternary_error(tf, "v", must);
        expect_ternary_error(tf, "f", "not ternary");
        expect_ternary_error(tf, "v3", "3 dimensions");
        expect_ternary_error(tf, "odd", "multiple of the 128");
        slt_tf_close(tf);
        free(img);
    }
    /* all-zero blocks carry d = 0 and decode to zeros; other blocks set gamma */
    memset(w, 0, sizeof w);
    w[600] = -1;
    uint8_t tq2[GN / 256 * 66];
    slt_tfb_tq2_0(w, GN, 0x3800, tq2);
    tq2[65] = tq2[64] = 0;           /* block 0: d = 0 */
    tq2[66 * 5 + 64] = 0;            /* block 5: d = -0.5 (sign flips its codes) */
    tq2[66 * 5 + 65] = 0xb8;
    const slt_tfb_gguf_tensor t[] = {{"z", 35, 2, {GK, GM}, tq2, sizeof tq2}};
    size_t len;
    uint8_t *img;
    assert_int_equal(slt_tfb_gguf(NULL, 0, t, 1, 32, &img, &len), 0);
    slt_tensorfile *tf = open_ok(img, len);
    int8_t want[GN] = {0};
    want[600] = -1;
    expect_ternary(tf, "z", want, GM, GK, 0.5f);
    slt_tf_close(tf);
    free(img);
}

static void put_u64(uint8_t *p, uint64_t v)
{
    for (int i = 0; i < 8; i++) p[i] = (uint8_t)(v >> (8 * i));
}

static void tf_gguf_rejects_malformed_headers(void **state)
{
    (void)state;
    slt_prng p;
    slt_prng_seed(&p, g_seed);
    int8_t w[GN];
    size_t len;
    uint8_t *good = gguf_model(&p, w, 0x3c00, &len), *b = malloc(len + 64);
    assert_non_null(b);
    /* every proper prefix is an error (the last tensor ends the file) */
    for (size_t n = 0; n < len; n += (n < 600 ? 1 : 97)) {
        slt_tensorfile *tf;
        if (slt_tf_open_mem(good, n, "img", &tf, g_err, sizeof g_err) != SLT_EXIT_BADINPUT)
            fail_msg("prefix of %zu bytes accepted", n);
    }
    memcpy(b, good, len);
    b[4] = 1;
    expect_open_error(b, len, "version 1", "version");
    memcpy(b, good, len);
    put_u64(b + 8, UINT64_MAX);
    expect_open_error(b, len, "more than", "tensor count");
    memcpy(b, good, len);
    put_u64(b + 16, 1ull << 40);
    expect_open_error(b, len, "more than", "kv count");
    memcpy(b, good, len);
    put_u64(b + 24, UINT64_MAX - 3); /* first key length */
    expect_open_error(b, len, "truncated", "key length");
    /* a tensor offset far outside, then misaligned: find the first info's offset (after its type) */
    memcpy(b, good, len);
    uint8_t *name = find_bytes(b, len, (const uint8_t *)"blk.0.attn_q.weight", 19);
    assert_non_null(name);
    uint8_t *off = name + 19 + 4 + 16 + 4;
    put_u64(off, UINT64_MAX - 31);
    expect_open_error(b, len, "outside the data section", "offset");
    put_u64(off, 8);
    expect_open_error(b, len, "multiple of the alignment", "misaligned");
    memcpy(b, good, len);
    name[19 + 0] = 9; /* n_dims 9 */
    expect_open_error(b, len, "dimensions", "ndims");
    memcpy(b, good, len);
    put_u64(name + 19 + 4, 100); /* ne[0] = 100: not a multiple of 256 for TQ2_0 */
    expect_open_error(b, len, "block", "ragged rows");
    memcpy(b, good, len);
    put_u64(name + 19 + 4, 1ull << 62);
    put_u64(name + 19 + 12, 1ull << 62);
    expect_open_error(b, len, "overflows", "nelem overflow");
    /* duplicate tensor names */
    memcpy(b, good, len);
    uint8_t *k2 = find_bytes(b, len, (const uint8_t *)"blk.0.attn_k.weight", 19);
    k2[11] = 'q';
    expect_open_error(b, len, "appears twice", "duplicate");
    /* unknown metadata type; bad alignment; deep arrays */
    memcpy(b, good, len);
    uint8_t *key = find_bytes(b, len, (const uint8_t *)"general.architecture", 20);
    key[20] = 13;
    expect_open_error(b, len, "unknown value type", "kv type");
    /* a huge tensor of a type we do not decode (Q4_K, no bytes needed): listed, and refused
     * by slt_tf_ternary before any allocation (found by fuzzing: it tried M*K bytes) */
    const slt_tfb_gguf_tensor huge[] = {{"huge", 12, 2, {1u << 30, 1u << 30}, NULL, 0}};
    uint8_t *himg;
    size_t hn;
    assert_int_equal(slt_tfb_gguf(NULL, 0, huge, 1, 32, &himg, &hn), 0);
    slt_tensorfile *htf = open_ok(himg, hn);
    assert_int_equal(slt_tf_get(htf, 0)->dtype, SLT_TF_OTHER);
    assert_null(slt_tf_get(htf, 0)->data);
    expect_ternary_error(htf, "huge", "not a ternary encoding");
    slt_tf_close(htf);
    free(himg);
    const slt_tfb_kv bad_align[] = {{"general.alignment", SLT_TF_KV_U32, 24, 0, NULL, NULL, 0}};
    uint8_t *img;
    size_t n;
    assert_int_equal(slt_tfb_gguf(bad_align, 1, NULL, 0, 32, &img, &n), 0);
    expect_open_error(img, n, "power of two", "alignment");
    free(img);
    static const uint8_t deep[] = {'G', 'G', 'U', 'F', 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0,
                                   1, 0, 0, 0, 0, 0, 0, 0, 'a', 9, 0, 0, 0,
                                   9, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0,
                                   9, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0,
                                   9, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    expect_open_error(deep, sizeof deep, "nested", "deep arrays");
    expect_open_error((const uint8_t *)"GGU", 3, "not a GGUF", "short");
    free(b);
    free(good);
}

/* ---- safetensors ---------------------------------------------------------------------------- */

enum { SM = 8, SK = 20, SN = SM * SK };

static uint8_t *st_model(slt_prng *p, int8_t *w, uint16_t ws_bf16, size_t *len)
{
    static uint8_t packed[SN / 4];
    static uint16_t ws[1], fb[SN], fh[SN], emb[6];
    static float ff[SN], unit[SN], uscale[1] = {0.125f};
    random_ternary(p, w, SN);
    slt_tfb_hf_u8(w, SM, SK, packed);
    ws[0] = ws_bf16;
    for (int i = 0; i < SN; i++) {
        fb[i] = slt_f32_to_bf16(2.5f * w[i]);
        fh[i] = slt_f32_to_f16(-0.375f * w[i]);
        ff[i] = 1e-3f * w[i];
        unit[i] = (float)w[i];
    }
    for (int i = 0; i < 6; i++) emb[i] = slt_f32_to_bf16(0.1f * (float)i);
    const slt_tfb_st_tensor t[] = {
        {"model.embed_tokens.weight", "BF16", 2, {2, 3}, emb, sizeof emb},
        {"model.layers.0.self_attn.q_proj.weight", "U8", 2, {SM / 4, SK}, packed, sizeof packed},
        {"model.layers.0.self_attn.q_proj.weight_scale", "BF16", 1, {1}, ws, sizeof ws},
        {"l.bf16.weight", "BF16", 2, {SM, SK}, fb, sizeof fb},
        {"l.f16.weight", "F16", 2, {SM, SK}, fh, sizeof fh},
        {"l.f32.weight", "F32", 2, {SM, SK}, ff, sizeof ff},
        {"l.unit.weight", "F32", 2, {SM, SK}, unit, sizeof unit},
        {"l.unit.weight_scale", "F32", 0, {0}, uscale, sizeof uscale},
    };
    uint8_t *img;
    assert_int_equal(slt_tfb_safetensors(t, 8, "{\"format\":\"pt\",\"caf\\u00e9\":\"\\ud83d\\ude00\"}", &img, len), 0);
    return img;
}

static void tf_safetensors_decodes_packed_and_float(void **state)
{
    (void)state;
    slt_prng p;
    slt_prng_seed(&p, g_seed);
    int8_t w[SN], neg[SN];
    size_t len;
    uint8_t *img = st_model(&p, w, 0x3f40, &len); /* weight_scale = 0.75 */
    for (int i = 0; i < SN; i++) neg[i] = (int8_t)-w[i];
    slt_tensorfile *tf = open_ok(img, len);
    assert_int_equal(slt_tf_format_of(tf), SLT_TF_SAFETENSORS);
    assert_int_equal(slt_tf_count(tf), 8);
    const slt_tf_tensor *q = slt_tf_find(tf, "model.layers.0.self_attn.q_proj.weight");
    assert_int_equal(q->dtype, SLT_TF_U8);
    assert_int_equal(q->shape[0], SM / 4);
    assert_true(slt_tf_is_ternary_candidate(tf, q));
    assert_false(slt_tf_is_ternary_candidate(tf, slt_tf_find(tf, "l.unit.weight_scale")));
    expect_ternary(tf, "model.layers.0.self_attn.q_proj.weight", w, SM, SK, 0.75f);
    expect_ternary(tf, "l.bf16.weight", w, SM, SK, 2.5f);
    expect_ternary(tf, "l.f16.weight", neg, SM, SK, 0.375f);
    expect_ternary(tf, "l.f32.weight", w, SM, SK, 1e-3f);
    expect_ternary(tf, "l.unit.weight", w, SM, SK, 0.125f);
    expect_ternary_error(tf, "model.embed_tokens.weight", "not ternary");
    slt_tf_set_hf_scale_inverse(tf, 1);
    expect_ternary(tf, "model.layers.0.self_attn.q_proj.weight", w, SM, SK, 1.0f / 0.75f);
    expect_ternary(tf, "l.unit.weight", w, SM, SK, 8.0f);
    const char *s;
    assert_int_equal(slt_tf_meta_str(tf, "format", &s), 0);
    assert_string_equal(s, "pt");
    assert_int_equal(slt_tf_meta_str(tf, "caf\xc3\xa9", &s), 0);
    assert_string_equal(s, "\xf0\x9f\x98\x80");
    float *f;
    size_t n;
    assert_int_equal(slt_tf_read_f32(tf, "model.embed_tokens.weight", &f, &n, g_err, sizeof g_err), 0);
    assert_int_equal(n, 6);
    assert_true(f[5] == slt_bf16_to_f32(slt_f32_to_bf16(0.5f)));
    free(f);
    slt_tf_close(tf);
    free(img);
}

static void tf_safetensors_refuses_bad_codes_and_scales(void **state)
{
    (void)state;
    uint8_t packed[2 * 3], bad[2 * 3];
    int8_t w[8 * 3] = {0};
    slt_tfb_hf_u8(w, 8, 3, packed);
    memcpy(bad, packed, sizeof bad);
    bad[4] |= 0x30; /* byte [1,1] bits 4-5: row 1 + 2*2 = 5, column 1 */
    float two[2] = {1.0f, 2.0f}, nan1[1] = {NAN}, zero[1] = {0.0f}, one[1] = {1.0f};
    const slt_tfb_st_tensor t[] = {
        {"a.weight", "U8", 2, {2, 3}, packed, sizeof packed}, {"a.weight_scale", "F32", 1, {1}, nan1, 4},
        {"b.weight", "U8", 2, {2, 3}, packed, sizeof packed}, {"b.weight_scale", "F32", 1, {2}, two, 8},
        {"c.weight", "U8", 2, {2, 3}, packed, sizeof packed}, {"c.weight_scale", "F32", 1, {1}, zero, 4},
        {"d.weight", "U8", 2, {2, 3}, packed, sizeof packed}, {"e.weight", "U8", 2, {2, 3}, bad, sizeof bad},
        {"e.weight_scale", "F32", 1, {1}, one, 4},
    };
    size_t len;
    uint8_t *img;
    assert_int_equal(slt_tfb_safetensors(t, 9, NULL, &img, &len), 0);
    slt_tensorfile *tf = open_ok(img, len);
    expect_ternary_error(tf, "a.weight", "not finite");
    expect_ternary_error(tf, "b.weight", "2 elements");
    expect_ternary_error(tf, "d.weight", "without a");
    expect_ternary_error(tf, "e.weight", "code 3 at [5,1]");
    int8_t zw[24] = {0};
    expect_ternary(tf, "c.weight", zw, 8, 3, 0.0f);
    slt_tf_set_hf_scale_inverse(tf, 1);
    expect_ternary_error(tf, "c.weight", "cannot invert");
    slt_tf_close(tf);
    free(img);
}

/* Replace the JSON header of a safetensors image (data kept). */
static size_t st_with_header(uint8_t *dst, const char *json, const uint8_t *data, size_t ndata)
{
    size_t h = strlen(json);
    put_u64(dst, h);
    memcpy(dst + 8, json, h);
    memcpy(dst + 8 + h, data, ndata);
    return 8 + h + ndata;
}

static void tf_safetensors_rejects_malformed_headers(void **state)
{
    (void)state;
    static const uint8_t data[16] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    uint8_t b[1024];
    static const struct { const char *json, *must; size_t ndata; } cases[] = {
        {"{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", "after the last tensor", 16},
        {"{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", "truncated", 4},
        {"{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", "do not span", 8},
        {"{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,0]}}", "do not span", 8},
        {"{\"a\":{\"dtype\":\"U8\",\"shape\":[4],\"data_offsets\":[0,4]},\"b\":{\"dtype\":\"U8\",\"shape\":[4],"
         "\"data_offsets\":[2,6]}}", "gap or overlap", 6},
        {"{\"a\":{\"dtype\":\"U8\",\"shape\":[4],\"data_offsets\":[4,8]}}", "gap or overlap", 8},
        {"{\"a\":{\"dtype\":\"Q4\",\"shape\":[4],\"data_offsets\":[0,4]}}", "unknown dtype", 4},
        {"{\"a\":{\"dtype\":\"U8\",\"shape\":[4]}}", "lacks", 4},
        {"{\"a\":{\"dtype\":\"U8\",\"shape\":[4],\"data_offsets\":[0,4]},\"a\":{\"dtype\":\"U8\",\"shape\":[0],"
         "\"data_offsets\":[4,4]}}", "appears twice", 4},
        {"{\"a\":{\"dtype\":\"U8\",\"shape\":[4],\"data_offsets\":[0,4]}} x", "trailing bytes", 4},
        {"{\"a\":{\"dtype\":\"U8\",\"shape\":[4],\"data_offsets\":[0,4]}", "expected", 4},
        {"{\"a\":{\"dtype\":\"U8\",\"shape\":[04],\"data_offsets\":[0,4]}}", "leading zero", 4},
        {"{\"a\":{\"dtype\":\"U8\",\"shape\":[-4],\"data_offsets\":[0,4]}}", "non-negative integer", 4},
        {"{\"a\":{\"dtype\":\"U8\",\"shape\":[4.0],\"data_offsets\":[0,4]}}", "integer", 4},
        {"{\"a\":{\"dtype\":\"U8\",\"shape\":[99999999999999999999],\"data_offsets\":[0,4]}}", "overflows", 4},
        {"{\"a\":{\"dtype\":\"U8\",\"shape\":[4294967296,4294967296],\"data_offsets\":[0,4]}}", "overflows", 4},
        {"{\"a\":{\"dtype\":\"U8\",\"shape\":[1,1,1,1,1,1,1,1,1],\"data_offsets\":[0,1]}}", "more than 8", 1},
        {"{\"a\":{\"dtype\":\"U8\",\"shape\":[4],\"data_offsets\":[0,4,4]}}", "more than 2", 4},
        {"{\"a\\ud800\":{\"dtype\":\"U8\",\"shape\":[4],\"data_offsets\":[0,4]}}", "surrogate", 4},
        {"{\"a\\q\":{}}", "bad escape", 4},
        {"{\"a\x01\":{}}", "control character", 4},
        {"{\"__metadata__\":{\"k\":1}}", "must be strings", 0},
        {"{\"\":{\"dtype\":\"U8\",\"shape\":[4],\"data_offsets\":[0,4]}}", "empty", 4},
        {"{\"a\":{\"dtype\":\"U8\",\"shape\":[4],\"data_offsets\":[0,4],\"x\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
         "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"
         "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}}", "deeply", 4},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        size_t n = st_with_header(b, cases[c].json, data, cases[c].ndata);
        char what[32];
        snprintf(what, sizeof what, "case %zu", c);
        expect_open_error(b, n, cases[c].must, what);
    }
    /* accepted oddities: unknown keys skipped, spaces after the object, empty file body */
    size_t n = st_with_header(b, "{\"a\":{\"x\":[1,-2.5e3,true,null,{\"y\":\"z\"}],\"dtype\":\"U8\",\"shape\":[2,2],"
                                 "\"data_offsets\":[0,4]}}   ", data, 4);
    slt_tensorfile *tf = open_ok(b, n);
    assert_int_equal(slt_tf_find(tf, "a")->nelem, 4);
    slt_tf_close(tf);
    /* metadata only, no tensor (found by fuzzing: no memcpy on a NULL table) */
    n = st_with_header(b, "{\"__metadata__\":{\"a\":\"b\"}}", data, 0);
    tf = open_ok(b, n);
    assert_int_equal(slt_tf_count(tf), 0);
    assert_int_equal(slt_tf_meta_count(tf), 1);
    slt_tf_close(tf);
    /* header length beyond the file */
    n = st_with_header(b, "{}", data, 0);
    put_u64(b, 1ull << 40);
    expect_open_error(b, n, "exceeds the file", "hlen");
}

/* ---- corruption: never a crash ----------------------------------------------------------- */

static void corrupt_and_open(slt_prng *p, const uint8_t *good, size_t n, int iters)
{
    uint8_t *b = malloc(n);
    assert_non_null(b);
    for (int it = 0; it < iters; it++) {
        memcpy(b, good, n);
        size_t len = it % 5 == 0 ? (size_t)slt_prng_range(p, 0, (int64_t)n) : n;
        int flips = (int)slt_prng_range(p, 1, 4);
        for (int f = 0; f < flips && len; f++) b[slt_prng_range(p, 0, (int64_t)len - 1)] = (uint8_t)slt_prng_next(p);
        slt_tensorfile *tf;
        g_err[0] = '\0';
        int rc = slt_tf_open_mem(b, len, "img", &tf, g_err, sizeof g_err);
        if (rc) {
            if (rc != SLT_EXIT_BADINPUT || !strstr(g_err, "img"))
                fail_msg("seed %llu iteration %d: rc=%d err='%s'", (unsigned long long)g_seed, it, rc, g_err);
            continue;
        }
        for (size_t i = 0; i < slt_tf_count(tf); i++) { /* decode whatever survived */
            int8_t *w;
            int m, k;
            float g;
            if (!slt_tf_ternary(tf, slt_tf_get(tf, i)->name, &w, &m, &k, &g, g_err, sizeof g_err)) free(w);
        }
        slt_tf_close(tf);
    }
    free(b);
}

static void tf_open_survives_garbage(void **state)
{
    (void)state;
    slt_prng p;
    slt_prng_seed(&p, g_seed);
    int8_t w[GN];
    size_t n;
    uint8_t *img = gguf_model(&p, w, 0x3c00, &n);
    corrupt_and_open(&p, img, n, 1500);
    free(img);
    img = st_model(&p, w, 0x3f80, &n);
    corrupt_and_open(&p, img, n, 1500);
    free(img);
}

/* ---- files on disk and `sltref import` ----------------------------------------------------- */

static void tf_open_rejects_missing_and_special_files(void **state)
{
    (void)state;
    slt_tensorfile *tf;
    assert_int_equal(slt_tf_open(path_in("nope.gguf"), &tf, g_err, sizeof g_err), SLT_EXIT_BADINPUT);
    assert_non_null(strstr(g_err, "cannot read"));
    assert_int_equal(slt_tf_open(g_dir, &tf, g_err, sizeof g_err), SLT_EXIT_BADINPUT);
    assert_non_null(strstr(g_err, "not a regular file"));
    write_bytes(path_in("empty.gguf"), "", 0);
    assert_int_equal(slt_tf_open(path_in("empty.gguf"), &tf, g_err, sizeof g_err), SLT_EXIT_BADINPUT);
    assert_non_null(strstr(g_err, "empty"));
    write_bytes(path_in("text.gguf"), "hello world, not a model", 24);
    assert_int_equal(slt_tf_open(path_in("text.gguf"), &tf, g_err, sizeof g_err), SLT_EXIT_BADINPUT);
    assert_non_null(strstr(g_err, "not a GGUF file"));
}

static int run_sltref(const char *args, char *out, size_t outlen)
{
    const char *bin = getenv("SLTREF");
    if (!bin) bin = "build/san/bin/sltref";
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "%s %s 2>&1", bin, args);
    FILE *f = popen(cmd, "r");
    assert_non_null(f);
    size_t n = fread(out, 1, outlen - 1, f);
    out[n] = '\0';
    int st = pclose(f);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static uint8_t *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f) fail_msg("cannot read %s", path);
    fseek(f, 0, SEEK_END);
    long sz = ftell(f);
    fseek(f, 0, SEEK_SET);
    uint8_t *b = malloc((size_t)sz + 1);
    assert_int_equal(fread(b, 1, (size_t)sz, f), (size_t)sz);
    fclose(f);
    *n = (size_t)sz;
    return b;
}

static void expect_packed(const char *path, slt_format f, const int8_t *w, size_t n)
{
    size_t len, nb = slt_packed_bytes(f, n);
    uint8_t *got = slurp(path, &len), *want = malloc(nb);
    assert_int_equal(slt_pack(f, w, n, want, g_err, sizeof g_err), 0);
    assert_int_equal(len, nb);
    if (memcmp(got, want, nb)) fail_msg("seed %llu: %s differs from slt_pack", (unsigned long long)g_seed, path);
    free(got);
    free(want);
}

static void import_cli_writes_packed_tensors_bit_exact(void **state)
{
    (void)state;
    slt_prng p;
    slt_prng_seed(&p, g_seed);
    int8_t w[GN], sw[SN];
    size_t n;
    uint8_t *img = gguf_model(&p, w, 0x3a00, &n);
    write_bytes(path_in("m.gguf"), img, n);
    free(img);
    img = st_model(&p, sw, 0x3f40, &n);
    write_bytes(path_in("m.safetensors"), img, n);
    free(img);
    char out[8192], args[1024];
    snprintf(args, sizeof args, "import %s %s --format t5", path_in("m.gguf"), path_in("g"));
    if (run_sltref(args, out, sizeof out)) fail_msg("import failed: %s", out);
    assert_non_null(strstr(out, "import blk.0.attn_q.weight (TQ2_0) [3,512] gamma=0.75 -> blk.0.attn_q.weight.t5\n"));
    assert_null(strstr(out, "output_norm")); /* 1-D: not a linear weight, not listed */
    expect_packed(path_in("g/blk.0.attn_q.weight.t5"), SLT_FMT_T5, w, GN);
    expect_packed(path_in("g/blk.0.attn_k.weight.t5"), SLT_FMT_T5, w, GN);
    expect_packed(path_in("g/blk.0.attn_v.weight.t5"), SLT_FMT_T5, w, GN);
    expect_packed(path_in("g/blk.0.ffn_up.weight.t5"), SLT_FMT_T5, w, GN);
    size_t ml;
    char *man = (char *)slurp(path_in("g/manifest.tsv"), &ml);
    man[ml] = '\0';
    assert_non_null(strstr(man, "blk.0.attn_q.weight\tblk.0.attn_q.weight.t5\t3\t512\tt5\t0.75\t0x1.8p-1\tTQ2_0\n"));
    assert_non_null(strstr(man, "blk.0.attn_v.weight\tblk.0.attn_v.weight.t5\t3\t512\tt5\t0.25\t0x1p-2\tI2_S\n"));
    free(man);
    /* safetensors, t2, only the packed tensor, BitLinear convention */
    snprintf(args, sizeof args, "import %s %s --format t2 --tensor model.layers.0.self_attn.q_proj.weight "
             "--hf-bitlinear", path_in("m.safetensors"), path_in("s"));
    if (run_sltref(args, out, sizeof out)) fail_msg("import failed: %s", out);
    expect_packed(path_in("s/model.layers.0.self_attn.q_proj.weight.t2"), SLT_FMT_T2, sw, SN);
    man = (char *)slurp(path_in("s/manifest.tsv"), &ml);
    man[ml] = '\0';
    assert_non_null(strstr(man, "\t8\t20\tt2\t1.33333337\t0x1.555556p+0\tU8\n"));
    free(man);
    /* refusals: one line, exit 2, no folder */
    snprintf(args, sizeof args, "import %s %s --tensor model.embed_tokens.weight", path_in("m.safetensors"),
             path_in("x"));
    assert_int_equal(run_sltref(args, out, sizeof out), 2);
    assert_non_null(strstr(out, "model.embed_tokens.weight"));
    assert_non_null(strstr(out, "not ternary"));
    struct stat st;
    assert_int_equal(stat(path_in("x"), &st), -1);
    snprintf(args, sizeof args, "import %s %s", path_in("m.gguf"), path_in("g"));
    assert_int_equal(run_sltref(args, out, sizeof out), 2);
    assert_non_null(strstr(out, "already exists"));
    snprintf(args, sizeof args, "import %s %s --format b1", path_in("m.gguf"), path_in("x"));
    assert_int_equal(run_sltref(args, out, sizeof out), 2);
    assert_non_null(strstr(out, "cannot hold ternary"));
    snprintf(args, sizeof args, "import %s %s", path_in("text.gguf"), path_in("x"));
    write_bytes(path_in("text.gguf"), "hello world, not a model", 24);
    assert_int_equal(run_sltref(args, out, sizeof out), 2);
    assert_int_equal(stat(path_in("x"), &st), -1);
    /* a corrupt block in the middle: refused naming the tensor, nothing written */
    img = gguf_model(&p, w, 0x3a00, &n);
    uint8_t *q = find_bytes(img, n, (const uint8_t *)"\x00\x3a", 2); /* first TQ2_0 d */
    assert_non_null(q);
    q[1] = 0x3b;
    write_bytes(path_in("bad.gguf"), img, n);
    free(img);
    snprintf(args, sizeof args, "import %s %s", path_in("bad.gguf"), path_in("x"));
    assert_int_equal(run_sltref(args, out, sizeof out), 2);
    assert_non_null(strstr(out, "blk.0.attn_q.weight"));
    assert_non_null(strstr(out, "disagree"));
    assert_int_equal(stat(path_in("x"), &st), -1);
}

static int setup(void **state)
{
    (void)state;
    g_seed = slt_seed_from_env(1);
    snprintf(g_dir, sizeof g_dir, "/tmp/slt_import_XXXXXX");
    return mkdtemp(g_dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", g_dir);
    return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(f16_convert_every_value_round_trips),
        cmocka_unit_test(tf_layout_pins_match_published_code),
        cmocka_unit_test(tf_gguf_decodes_every_ternary_type),
        cmocka_unit_test(tf_gguf_refuses_non_ternary_blocks),
        cmocka_unit_test(tf_gguf_rejects_malformed_headers),
        cmocka_unit_test(tf_safetensors_decodes_packed_and_float),
        cmocka_unit_test(tf_safetensors_refuses_bad_codes_and_scales),
        cmocka_unit_test(tf_safetensors_rejects_malformed_headers),
        cmocka_unit_test(tf_open_survives_garbage),
        cmocka_unit_test(tf_open_rejects_missing_and_special_files),
        cmocka_unit_test(import_cli_writes_packed_tensors_bit_exact),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
