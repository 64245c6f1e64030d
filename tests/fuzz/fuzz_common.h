/* fuzz_common.h - what both libFuzzer targets do with an opened file: every
 * public accessor on every tensor and key, so a bad bound anywhere shows up
 * under ASan/UBSan. */
#ifndef FUZZ_COMMON_H
#define FUZZ_COMMON_H

#include <stdint.h>
#include <stdlib.h>

#include "slt_config.h"
#include "slt_tensorfile.h"

static void fuzz_exercise(const uint8_t *img, size_t len)
{
    char err[SLT_ERRLEN];
    slt_tensorfile *tf;
    if (slt_tf_open_mem(img, len, "fuzz", &tf, err, sizeof err)) return;
    for (int inverse = 0; inverse < 2; inverse++) {
        slt_tf_set_hf_scale_inverse(tf, inverse);
        for (size_t i = 0; i < slt_tf_count(tf); i++) {
            const slt_tf_tensor *t = slt_tf_get(tf, i);
            volatile uint8_t sink = 0;
            if (t->data && t->nbytes) sink ^= t->data[0] ^ t->data[t->nbytes - 1];
            (void)sink;
            (void)slt_tf_is_ternary_candidate(tf, t);
            int8_t *w;
            int m, k;
            float g;
            if (!slt_tf_ternary(tf, t->name, &w, &m, &k, &g, err, sizeof err)) free(w);
            float *f;
            size_t n;
            if (!inverse && !slt_tf_read_f32(tf, t->name, &f, &n, err, sizeof err)) free(f);
        }
    }
    for (size_t i = 0; i < slt_tf_meta_count(tf); i++) {
        const char *key = slt_tf_meta_key(tf, i), *s;
        int64_t iv;
        double d;
        int et;
        uint64_t cnt;
        (void)slt_tf_meta_type(tf, key);
        (void)slt_tf_meta_int(tf, key, &iv);
        (void)slt_tf_meta_float(tf, key, &d);
        (void)slt_tf_meta_array(tf, key, &et, &cnt);
        if (!slt_tf_meta_str(tf, key, &s)) (void)s[0];
    }
    slt_tf_close(tf);
}

#endif
