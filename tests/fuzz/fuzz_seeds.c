/* fuzz_seeds - write the seed corpora of the two fuzz targets:
 *   fuzz_seeds GGUF_DIR SAFETENSORS_DIR
 * Small valid files covering every decoder and metadata type (ref/slt_tfbuild.h);
 * GGUF seeds lack the magic and safetensors seeds carry a u16 header length,
 * as the targets expect. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "slt_f16.h"
#include "slt_tensorfile.h"
#include "slt_tfbuild.h"

static int put(const char *dir, const char *name, const uint8_t *b, size_t n)
{
    char p[1024];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    FILE *f = fopen(p, "wb");
    if (!f || fwrite(b, 1, n, f) != n || fclose(f)) {
        fprintf(stderr, "fuzz_seeds: cannot write %s\n", p);
        return 1;
    }
    return 0;
}

static int gguf_seeds(const char *dir)
{
    int8_t w[512];
    for (int i = 0; i < 512; i++) w[i] = (int8_t)(i * 7 % 3 - 1);
    uint8_t tq2[2 * 66], tq1[2 * 54], i2s[512 / 4 + 32];
    float f32[512];
    uint16_t f16[512];
    slt_tfb_tq2_0(w, 512, 0x3c00, tq2);
    slt_tfb_tq1_0(w, 512, 0x3800, tq1);
    slt_tfb_i2_s(w, 512, 0.5f, i2s);
    for (int i = 0; i < 512; i++) {
        f32[i] = 0.25f * w[i];
        f16[i] = slt_f32_to_f16(2.0f * w[i]);
    }
    static const char *const toks[] = {"<s>", "a"};
    const slt_tfb_kv kv[] = {
        {"general.architecture", SLT_TF_KV_STRING, 0, 0, "bitnet", NULL, 0},
        {"general.alignment", SLT_TF_KV_U32, 32, 0, NULL, NULL, 0},
        {"a.u8", SLT_TF_KV_U8, 1, 0, NULL, NULL, 0}, {"a.i8", SLT_TF_KV_I8, -1, 0, NULL, NULL, 0},
        {"a.u16", SLT_TF_KV_U16, 2, 0, NULL, NULL, 0}, {"a.i16", SLT_TF_KV_I16, -2, 0, NULL, NULL, 0},
        {"a.i32", SLT_TF_KV_I32, -3, 0, NULL, NULL, 0}, {"a.f32", SLT_TF_KV_F32, 0, 1.5, NULL, NULL, 0},
        {"a.bool", SLT_TF_KV_BOOL, 1, 0, NULL, NULL, 0}, {"a.u64", SLT_TF_KV_U64, 5, 0, NULL, NULL, 0},
        {"a.i64", SLT_TF_KV_I64, -5, 0, NULL, NULL, 0}, {"a.f64", SLT_TF_KV_F64, 0, 2.5, NULL, NULL, 0},
        {"tok", SLT_TF_KV_ARRAY, 0, 0, NULL, toks, 2},
    };
    const slt_tfb_gguf_tensor all[] = {
        {"q", 35, 2, {256, 2}, tq2, sizeof tq2}, {"k", 34, 2, {256, 2}, tq1, sizeof tq1},
        {"v", 36, 2, {256, 2}, i2s, sizeof i2s}, {"f", 0, 2, {256, 2}, f32, sizeof f32},
        {"h", 1, 2, {256, 2}, f16, sizeof f16},  {"n", 0, 1, {4}, f32, 16},
        {"x", 12, 2, {256, 1}, tq2, 144},
    };
    int rc = 0;
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        uint8_t *img;
        size_t n;
        char name[32];
        if (slt_tfb_gguf(kv + (i ? 1 : 0), i ? 1 : 13, &all[i], 1, 32, &img, &n)) return 1;
        snprintf(name, sizeof name, "seed%zu", i);
        rc |= put(dir, name, img + 4, n - 4);
        free(img);
    }
    uint8_t *img;
    size_t n;
    if (slt_tfb_gguf(kv, 2, all, 4, 32, &img, &n)) return 1;
    rc |= put(dir, "seed_many", img + 4, n - 4);
    free(img);
    return rc;
}

static int st_put(const char *dir, const char *name, const uint8_t *img, size_t n)
{
    size_t hl = 0;
    for (int i = 7; i >= 0; i--) hl = hl << 8 | img[i];
    uint8_t *b = malloc(n - 6);
    if (!b) return 1;
    b[0] = (uint8_t)hl;
    b[1] = (uint8_t)(hl >> 8);
    memcpy(b + 2, img + 8, n - 8);
    int rc = put(dir, name, b, n - 6);
    free(b);
    return rc;
}

static int st_seeds(const char *dir)
{
    int8_t w[8 * 16];
    for (int i = 0; i < 128; i++) w[i] = (int8_t)(i * 5 % 3 - 1);
    uint8_t packed[2 * 16];
    slt_tfb_hf_u8(w, 8, 16, packed);
    uint16_t ws = slt_f32_to_bf16(0.75f), bf[128], h[128];
    float f[128], one = 0.5f;
    for (int i = 0; i < 128; i++) {
        bf[i] = slt_f32_to_bf16(1.5f * w[i]);
        h[i] = slt_f32_to_f16(-0.5f * w[i]);
        f[i] = (float)w[i];
    }
    const slt_tfb_st_tensor t[] = {
        {"l.q_proj.weight", "U8", 2, {2, 16}, packed, sizeof packed},
        {"l.q_proj.weight_scale", "BF16", 1, {1}, &ws, 2},
        {"l.b.weight", "BF16", 2, {8, 16}, bf, sizeof bf},
        {"l.h.weight", "F16", 2, {8, 16}, h, sizeof h},
        {"l.f.weight", "F32", 2, {8, 16}, f, sizeof f},
        {"l.f.weight_scale", "F32", 0, {0}, &one, 4},
    };
    int rc = 0;
    uint8_t *img;
    size_t n;
    if (slt_tfb_safetensors(t, 2, "{\"format\":\"pt\"}", &img, &n)) return 1;
    rc |= st_put(dir, "seed_packed", img, n);
    free(img);
    if (slt_tfb_safetensors(t + 2, 4, NULL, &img, &n)) return 1;
    rc |= st_put(dir, "seed_float", img, n);
    free(img);
    if (slt_tfb_safetensors(t, 6, "{\"a\":\"\\u00e9\\ud83d\\ude00\"}", &img, &n)) return 1;
    rc |= st_put(dir, "seed_all", img, n);
    free(img);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: fuzz_seeds GGUF_DIR SAFETENSORS_DIR\n");
        return 2;
    }
    return gguf_seeds(argv[1]) | st_seeds(argv[2]) ? 1 : 0;
}
