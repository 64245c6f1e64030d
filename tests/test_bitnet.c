/* test_bitnet - the BitNet decoder's own contracts (parity with transformers is
 * t-decode-parity): the LUT and naive integer GEMVs give bit-identical logits,
 * the KV cache gives the same logits as a fresh recomputation, bad steps fail. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "slt_bitnet.h"
#include "slt_prng.h"
#include "slt_tensorfile.h"
#include "slt_tfbuild.h"

static char g_err[SLT_ERRLEN];

static int gemv_naive(void *ctx, const slt_bn_linear *lin, const int16_t *xq, int32_t *acc, char *err, size_t errlen)
{
    int *calls = ctx;
    (*calls)++;
    return slt_gemm_naive(lin->w, xq, acc, lin->m, lin->k, 1, err, errlen);
}

static void make_model(slt_bn_model *m, uint64_t seed)
{
    slt_bn_config c = {48, 96, 2, 4, 2, 12, 32, 64, 1e-5f, 500000.0, 0, 0};
    assert_int_equal(slt_bn_random(&c, seed, m, g_err, sizeof g_err), 0);
    slt_config cfg;
    slt_config_default(&cfg);
    /* finished like a loaded configuration (derived acc_bits: the buffer geometry divides by it) */
    assert_int_equal(slt_config_finish(&cfg, g_err, sizeof g_err), 0);
    assert_int_equal(slt_bn_prepare(m, &cfg, g_err, sizeof g_err), 0);
}

/* Decode `n` tokens greedily; logits of every step into out[n][vocab]. */
static void decode(const slt_bn_model *m, slt_bn_gemv_fn fn, void *ctx, int n, float *out)
{
    slt_bn_state s;
    assert_int_equal(slt_bn_state_init(m, n, &s, g_err, sizeof g_err), 0);
    int tok = 3;
    for (int i = 0; i < n; i++) {
        float *lg = out + (size_t)i * m->c.vocab;
        if (slt_bn_step(m, &s, tok, fn, ctx, lg, g_err, sizeof g_err)) fail_msg("step: %s", g_err);
        tok = slt_bn_argmax(lg, m->c.vocab);
    }
    slt_bn_state_free(&s);
}

static void bitnet_step_lut_equals_naive(void **state)
{
    (void)state;
    uint64_t seed = slt_seed_from_env(1);
    slt_bn_model m;
    make_model(&m, seed);
    int n = 6, calls = 0;
    float *a = malloc(sizeof(float) * (size_t)n * m.c.vocab), *b = malloc(sizeof(float) * (size_t)n * m.c.vocab);
    assert_non_null(a);
    assert_non_null(b);
    decode(&m, NULL, NULL, n, a);
    decode(&m, gemv_naive, &calls, n, b);
    assert_int_equal(calls, n * m.c.layers * SLT_BN_NLIN);
    if (memcmp(a, b, sizeof(float) * (size_t)n * m.c.vocab)) fail_msg("seed %llu: LUT and naive logits differ", (unsigned long long)seed);
    assert_true(slt_bn_token_cycles(&m) > 0);
    free(a);
    free(b);
    slt_bn_free(&m);
}

/* The cached step at position p equals a fresh run over the same p+1 tokens. */
static void bitnet_step_cache_equals_recompute(void **state)
{
    (void)state;
    slt_bn_model m;
    make_model(&m, slt_seed_from_env(1) + 7);
    int toks[5] = {1, 30, 7, 7, 0};
    float *ref = malloc(sizeof(float) * m.c.vocab), *lg = malloc(sizeof(float) * m.c.vocab);
    assert_non_null(ref);
    assert_non_null(lg);
    slt_bn_state s;
    assert_int_equal(slt_bn_state_init(&m, 5, &s, g_err, sizeof g_err), 0);
    for (int i = 0; i < 5; i++) assert_int_equal(slt_bn_step(&m, &s, toks[i], NULL, NULL, ref, g_err, sizeof g_err), 0);
    slt_bn_state_free(&s);
    assert_int_equal(slt_bn_state_init(&m, 8, &s, g_err, sizeof g_err), 0);
    for (int i = 0; i < 5; i++) assert_int_equal(slt_bn_step(&m, &s, toks[i], NULL, NULL, i == 4 ? lg : NULL, g_err, sizeof g_err), 0);
    assert_memory_equal(ref, lg, sizeof(float) * m.c.vocab);
    slt_bn_state_free(&s);
    free(ref);
    free(lg);
    slt_bn_free(&m);
}

static void bitnet_step_fails_on_bad_token_or_full_context(void **state)
{
    (void)state;
    slt_bn_model m;
    make_model(&m, 3);
    slt_bn_state s;
    assert_int_equal(slt_bn_state_init(&m, 1, &s, g_err, sizeof g_err), 0);
    assert_int_equal(slt_bn_step(&m, &s, m.c.vocab, NULL, NULL, NULL, g_err, sizeof g_err), SLT_EXIT_BADINPUT);
    assert_non_null(strstr(g_err, "outside the vocabulary"));
    assert_int_equal(slt_bn_step(&m, &s, -1, NULL, NULL, NULL, g_err, sizeof g_err), SLT_EXIT_BADINPUT);
    assert_int_equal(slt_bn_step(&m, &s, 0, NULL, NULL, NULL, g_err, sizeof g_err), 0);
    assert_int_equal(slt_bn_step(&m, &s, 0, NULL, NULL, NULL, g_err, sizeof g_err), SLT_EXIT_BADINPUT);
    assert_non_null(strstr(g_err, "full"));
    slt_bn_state_free(&s);
    slt_bn_free(&m);
}

/* The committed TQ2_0 fixture re-encoded as bitnet.cpp's I2_S (x86 layout, f32 scale =
 * the block scale) by slt_tfbuild's encoder, then decoded: transformers' tokens. */
static void bitnet_generate_i2s_reproduces_fixture_tokens(void **state)
{
    (void)state;
    const char *top = getenv("SLT_TOP");
    char src[1024], dst[] = "/tmp/slt_i2s_XXXXXX";
    snprintf(src, sizeof src, "%s/tests/fixtures/bitnet/tq256/model-tq2_0.gguf", top ? top : ".");
    slt_tensorfile *tf;
    assert_int_equal(slt_tf_open(src, &tf, g_err, sizeof g_err), 0);
    size_t nt = slt_tf_count(tf), nkv = slt_tf_meta_count(tf);
    slt_tfb_gguf_tensor *t = calloc(nt, sizeof *t);
    slt_tfb_kv *kv = calloc(nkv, sizeof *kv);
    void **owned = calloc(nt, sizeof *owned);
    assert_true(t && kv && owned);
    size_t k = 0;
    for (size_t i = 0; i < nkv; i++) { /* the scalar and string keys (no arrays in the fixture) */
        const char *key = slt_tf_meta_key(tf, i);
        int ty = slt_tf_meta_type(tf, key);
        slt_tfb_kv *e = &kv[k];
        e->key = key;
        e->type = ty;
        if (ty == SLT_TF_KV_STRING) assert_int_equal(slt_tf_meta_str(tf, key, &e->s), 0);
        else if (ty == SLT_TF_KV_F32 || ty == SLT_TF_KV_F64) assert_int_equal(slt_tf_meta_float(tf, key, &e->f), 0);
        else if (ty != SLT_TF_KV_ARRAY) assert_int_equal(slt_tf_meta_int(tf, key, &e->i), 0);
        else continue;
        k++;
    }
    for (size_t i = 0; i < nt; i++) {
        const slt_tf_tensor *x = slt_tf_get(tf, i);
        t[i] = (slt_tfb_gguf_tensor){x->name, x->raw_type, x->ndim, {x->shape[0], x->shape[1], 1, 1}, x->data, x->nbytes};
        if (x->dtype != SLT_TF_TQ2_0) continue;
        int8_t *w;
        int m, kk;
        float g;
        assert_int_equal(slt_tf_ternary(tf, x->name, &w, &m, &kk, &g, g_err, sizeof g_err), 0);
        size_t n = (size_t)m * kk, nb = n / 4 + 32;
        uint8_t *q = malloc(nb);
        assert_non_null(q);
        slt_tfb_i2_s(w, n, g, q);
        free(w);
        owned[i] = q;
        t[i].ggml_type = 36;
        t[i].data = q;
        t[i].nbytes = nb;
    }
    uint8_t *img;
    size_t len;
    assert_int_equal(slt_tfb_gguf(kv, k, t, nt, 32, &img, &len), 0);
    int fd = mkstemp(dst);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "wb");
    assert_true(f && fwrite(img, 1, len, f) == len && fclose(f) == 0);
    free(img);
    for (size_t i = 0; i < nt; i++) free(owned[i]);
    free(owned);
    free(t);
    free(kv);
    slt_tf_close(tf);

    slt_bn_model m;
    int rc = slt_bn_load(dst, &m, g_err, sizeof g_err);
    if (rc) fail_msg("load I2_S: %s", g_err);
    assert_string_equal(m.source, "gguf I2_S");
    slt_config cfg;
    slt_config_default(&cfg);
    assert_int_equal(slt_config_finish(&cfg, g_err, sizeof g_err), 0);
    assert_int_equal(slt_bn_prepare(&m, &cfg, g_err, sizeof g_err), 0);
    /* transformers' prompt and tokens: tests/fixtures/bitnet/tq256/expected.txt */
    int prompt[16], want[16], np = 0, nw = 0;
    snprintf(src, sizeof src, "%s/tests/fixtures/bitnet/tq256/expected.txt", top ? top : ".");
    f = fopen(src, "r");
    assert_non_null(f);
    char line[512];
    while (fgets(line, sizeof line, f)) {
        int *dstv = !strncmp(line, "prompt ", 7) ? prompt : !strncmp(line, "tokens ", 7) ? want : NULL;
        int *cnt = dstv == prompt ? &np : &nw;
        for (char *tokp = strtok(line + 7, ",\n"); dstv && tokp && *cnt < 16; tokp = strtok(NULL, ",\n"))
            dstv[(*cnt)++] = atoi(tokp);
    }
    fclose(f);
    assert_true(np > 0 && nw > 0);
    slt_bn_state s;
    float *lg = malloc(sizeof(float) * m.c.vocab);
    assert_non_null(lg);
    assert_int_equal(slt_bn_state_init(&m, np + nw, &s, g_err, sizeof g_err), 0);
    int tok = 0;
    for (int p = 0; p < np + nw - 1; p++) {
        int in = p < np ? prompt[p] : tok;
        assert_int_equal(slt_bn_step(&m, &s, in, NULL, NULL, lg, g_err, sizeof g_err), 0);
        if (p >= np - 1) {
            tok = slt_bn_argmax(lg, m.c.vocab);
            if (tok != want[p - np + 1]) fail_msg("I2_S: token %d is %d, transformers %d", p - np + 1, tok, want[p - np + 1]);
        }
    }
    slt_bn_state_free(&s);
    free(lg);
    slt_bn_free(&m);
    unlink(dst);
}

/* Mutated config.json next to the real small3 weights: every load either succeeds or
 * fails with one message; never a crash (ASan/UBSan) or a model that is half loaded. */
static void bitnet_load_survives_mutated_config(void **state)
{
    (void)state;
    const char *top = getenv("SLT_TOP");
    char path[1024], dir[] = "/tmp/slt_bncfg_XXXXXX";
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/tests/fixtures/bitnet/small3/config.json", top ? top : ".");
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char base[4096];
    size_t n0 = fread(base, 1, sizeof base, f);
    fclose(f);
    char st[1024], ln[2048], cj[1100];
    snprintf(st, sizeof st, "%s/tests/fixtures/bitnet/small3/model.safetensors", top ? top : ".");
    if (st[0] != '/') { char cwd[512]; assert_non_null(getcwd(cwd, sizeof cwd)); snprintf(ln, sizeof ln, "%s/%s", cwd, st); }
    else snprintf(ln, sizeof ln, "%s", st);
    snprintf(path, sizeof path, "%s/model.safetensors", dir);
    assert_int_equal(symlink(ln, path), 0);
    snprintf(cj, sizeof cj, "%s/config.json", dir);
    uint64_t seed = slt_seed_from_env(1);
    slt_prng r;
    slt_prng_seed(&r, seed ^ 0xc0f19);
    const char alphabet[] = "{}[]\",:0123456789-.e truefalsn";
    int loaded = 0;
    for (int it = 0; it < 800; it++) {
        char buf[4200];
        size_t n = n0;
        memcpy(buf, base, n);
        for (int e = 0; e < (int)slt_prng_range(&r, 1, 3); e++) {
            size_t at = (size_t)slt_prng_range(&r, 0, (int64_t)n - 1);
            buf[at] = alphabet[slt_prng_range(&r, 0, sizeof alphabet - 2)];
        }
        f = fopen(cj, "wb");
        assert_true(f && fwrite(buf, 1, n, f) == n && fclose(f) == 0);
        slt_bn_model m;
        g_err[0] = '\0';
        int rc = slt_bn_load(dir, &m, g_err, sizeof g_err);
        if (rc == 0) {
            loaded++;
            slt_bn_free(&m);
        } else {
            assert_int_equal(rc, SLT_EXIT_BADINPUT);
            assert_true(g_err[0] != '\0' && !strchr(g_err, '\n'));
            assert_null(m.layer);
        }
    }
    printf("mutated config.json (seed %llu): %d of 800 still load, the rest refused\n", (unsigned long long)seed, loaded);
    unlink(cj);
    unlink(path);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(bitnet_step_lut_equals_naive),
        cmocka_unit_test(bitnet_step_cache_equals_recompute),
        cmocka_unit_test(bitnet_step_fails_on_bad_token_or_full_context),
        cmocka_unit_test(bitnet_generate_i2s_reproduces_fixture_tokens),
        cmocka_unit_test(bitnet_load_survives_mutated_config),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
