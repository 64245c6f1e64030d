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

#include <cmocka.h>

#include "slt_bitnet.h"
#include "slt_prng.h"

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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(bitnet_step_lut_equals_naive),
        cmocka_unit_test(bitnet_step_cache_equals_recompute),
        cmocka_unit_test(bitnet_step_fails_on_bad_token_or_full_context),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
