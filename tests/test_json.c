/* test_json - the strict bounded JSON reader (config.json of BitNet checkpoints):
 * accepted documents, every refused construct, and mutated/random inputs that
 * must never crash (run under ASan/UBSan). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "slt_config.h"
#include "slt_json.h"
#include "slt_prng.h"

static char g_err[SLT_ERRLEN];

static slt_json *parse_ok(const char *s)
{
    slt_json *j = NULL;
    int rc = slt_json_parse(s, strlen(s), &j, g_err, sizeof g_err);
    if (rc) fprintf(stderr, "unexpected error for %s: %s\n", s, g_err);
    assert_int_equal(rc, 0);
    assert_non_null(j);
    return j;
}

static void parse_bad(const char *s, size_t len, const char *want)
{
    slt_json *j = (slt_json *)1;
    g_err[0] = '\0';
    int rc = slt_json_parse(s, len, &j, g_err, sizeof g_err);
    if (rc != SLT_EXIT_BADINPUT || j || !strstr(g_err, want))
        fprintf(stderr, "input '%.*s': rc %d, err '%s', expected '%s'\n", (int)len, s, rc, g_err, want);
    assert_int_equal(rc, SLT_EXIT_BADINPUT);
    assert_null(j);
    assert_non_null(strstr(g_err, want));
}

static void json_parse_accepts_config(void **state)
{
    (void)state;
    slt_json *j = parse_ok(" {\"model_type\": \"bitnet\", \"hidden_size\": 2560, \"rms_norm_eps\": 1e-05,"
                           " \"tie_word_embeddings\": true, \"rope_scaling\": null, \"arr\": [1, -2.5, [], {}],"
                           " \"q\": {\"linear_class\": \"autobitlinear\"}, \"s\": \"a\\u00e9\\ud83d\\ude00\\n\"} ");
    assert_int_equal(j->type, SLT_JSON_OBJECT);
    assert_string_equal(slt_json_get(j, "model_type")->str, "bitnet");
    const slt_json *h = slt_json_get(j, "hidden_size");
    assert_true(h->type == SLT_JSON_NUMBER && h->is_integer && h->number == 2560.0);
    const slt_json *e = slt_json_get(j, "rms_norm_eps");
    assert_true(!e->is_integer && e->number == 1e-5);
    assert_int_equal(slt_json_get(j, "tie_word_embeddings")->boolean, 1);
    assert_int_equal(slt_json_get(j, "rope_scaling")->type, SLT_JSON_NULL);
    const slt_json *a = slt_json_get(j, "arr");
    assert_int_equal(a->len, 4);
    assert_true(a->items[1].number == -2.5);
    assert_string_equal(slt_json_get(slt_json_get(j, "q"), "linear_class")->str, "autobitlinear");
    assert_string_equal(slt_json_get(j, "s")->str, "a\xc3\xa9\xf0\x9f\x98\x80\n");
    assert_null(slt_json_get(j, "absent"));
    assert_null(slt_json_get(a, "x"));
    slt_json_free(j);
}

static void json_parse_rejects_malformed(void **state)
{
    (void)state;
    static const struct { const char *in, *want; } cases[] = {
        {"", "unexpected end"},         {"{", "object key expected"},  {"{\"a\":1,}", "object key expected"},
        {"[1,]", "unexpected character"}, {"[1 2]", "',' or ']'"},   {"{\"a\" 1}", "':' expected"},
        {"{\"a\":1,\"a\":2}", "duplicate key"}, {"01", "trailing"},   {"+1", "unexpected character"},
        {"1.", "digit expected"},        {"1e", "digit expected"},    {"-", "invalid number"},
        {"NaN", "unexpected character"}, {"1e999", "out of range"},   {"tru", "invalid literal"},
        {"\"abc", "unterminated"},       {"\"a\\x\"", "invalid escape"}, {"\"\\u12\"", "truncated"},
        {"\"\\u12G4\"", "bad hex"},      {"\"\\ud800\"", "lone high"}, {"\"\\udc00\"", "lone low"},
        {"\"\\ud800\\u0041\"", "bad surrogate"}, {"\"\\u0000\"", "\\u0000"}, {"\"a\tb\"", "control"},
        {"\"\xc3\"", "UTF-8"},           {"\"\xed\xa0\x80\"", "UTF-8"}, {"\"\xc0\xaf\"", "UTF-8"},
        {"{} {}", "trailing"},           {"// c\n1", "unexpected character"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) parse_bad(cases[i].in, strlen(cases[i].in), cases[i].want);
    parse_bad("[1]\0", 4, "NUL byte");
}

static void json_parse_rejects_deep_nesting(void **state)
{
    (void)state;
    char buf[2 * SLT_JSON_MAX_DEPTH + 8];
    size_t n = 0;
    for (int i = 0; i < SLT_JSON_MAX_DEPTH - 1; i++) buf[n++] = '[';
    for (int i = 0; i < SLT_JSON_MAX_DEPTH - 1; i++) buf[n++] = ']';
    buf[n] = '\0';
    slt_json_free(parse_ok(buf)); /* depth - 1 containers: accepted */
    n = 0;
    for (int i = 0; i < SLT_JSON_MAX_DEPTH + 1; i++) buf[n++] = '[';
    parse_bad(buf, n, "nesting deeper");
}

/* Mutations of a valid config and random byte strings: every result is either a
 * clean parse or one error message; never a crash or leak (ASan/UBSan). */
static void json_parse_survives_mutations(void **state)
{
    (void)state;
    static const char base[] = "{\"model_type\":\"bitnet\",\"a\":[1,2.5e-3,true,false,null,\"x\\u00e9\\ud83d\\ude00\"],"
                               "\"q\":{\"k\":\"v\",\"n\":-0.5}}";
    uint64_t seed = slt_seed_from_env(1);
    slt_prng r;
    slt_prng_seed(&r, seed);
    const char alphabet[] = "{}[],:\"\\u0123456789abcdefE.-+ \t\ntrunlfs\xc3\xa9\xff";
    char buf[256];
    int ok = 0;
    for (int it = 0; it < 200000; it++) {
        size_t n = sizeof base - 1;
        memcpy(buf, base, n);
        int edits = (int)slt_prng_range(&r, 1, 4);
        for (int e = 0; e < edits; e++) {
            size_t at = (size_t)slt_prng_range(&r, 0, (int64_t)n - 1);
            int op = (int)slt_prng_range(&r, 0, 2);
            char c = alphabet[slt_prng_range(&r, 0, sizeof alphabet - 2)];
            if (op == 0) buf[at] = c;
            else if (op == 1 && n > 1) { memmove(buf + at, buf + at + 1, n - at - 1); n--; }
            else if (n < sizeof buf - 1) { memmove(buf + at + 1, buf + at, n - at); buf[at] = c; n++; }
        }
        if (it % 4 == 3) { /* fully random */
            n = (size_t)slt_prng_range(&r, 0, 64);
            for (size_t i = 0; i < n; i++) buf[i] = alphabet[slt_prng_range(&r, 0, sizeof alphabet - 2)];
        }
        slt_json *j = NULL;
        int rc = slt_json_parse(buf, n, &j, g_err, sizeof g_err);
        if (rc == 0) { ok++; assert_non_null(j); slt_json_free(j); }
        else { assert_null(j); assert_true(!strncmp(g_err, "json: ", 6)); }
    }
    printf("json mutations (seed %llu): %d of 200000 parsed, the rest refused\n", (unsigned long long)seed, ok);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(json_parse_accepts_config),
        cmocka_unit_test(json_parse_rejects_malformed),
        cmocka_unit_test(json_parse_rejects_deep_nesting),
        cmocka_unit_test(json_parse_survives_mutations),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
