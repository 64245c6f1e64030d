/* slt_pack.c - packed weight formats t2/t5/b1 and the array's LUT keys
 * (docs/numerics.md §2, §3). Byte and bit order are LSB first everywhere, so
 * weight i always sits at a position computable from i alone. */
#include "slt_pack.h"
#include "slt_err.h"

#include <stdarg.h>
#include <stdio.h>

/* Weights per byte: t2 4, t5 5 (3^5 = 243 <= 256), b1 8. */
static size_t per_byte(slt_format f)
{
    return f == SLT_FMT_T2 ? 4 : f == SLT_FMT_T5 ? 5 : 8;
}

size_t slt_packed_bytes(slt_format f, size_t n)
{
    return (n + per_byte(f) - 1) / per_byte(f);
}

/* One byte holding weights w[0..cnt-1] (cnt <= per_byte), padding after. */
static uint8_t pack_byte(slt_format f, const int8_t *w, size_t cnt)
{
    unsigned v = 0;
    if (f == SLT_FMT_T2) {
        for (size_t j = 0; j < 4; j++) v |= (unsigned)(j < cnt ? w[j] + 1 : 1) << (2 * j);
    } else if (f == SLT_FMT_T5) {
        /* Horner from the most significant trit: w[0] ends least significant. */
        for (size_t j = 5; j-- > 0;) v = v * 3 + (unsigned)(j < cnt ? w[j] + 1 : 1);
    } else {
        for (size_t j = 0; j < cnt; j++) v |= (unsigned)(w[j] == 1) << j;
    }
    return (uint8_t)v;
}

static int check_alphabet(slt_format f, const int8_t *w, size_t n, char *err, size_t errlen)
{
    for (size_t i = 0; i < n; i++) {
        if (f == SLT_FMT_B1 && w[i] != 1 && w[i] != -1)
            return slt_fail(err, errlen, "pack b1: weight %zu is %d; b1 carries only -1 and +1 (a 0 needs t2 or t5)", i,
                        w[i]);
        if (f != SLT_FMT_B1 && (w[i] < -1 || w[i] > 1))
            return slt_fail(err, errlen, "pack %s: weight %zu is %d; ternary weights are -1, 0 or +1", slt_format_name(f),
                        i, w[i]);
    }
    return 0;
}

int slt_pack(slt_format f, const int8_t *w, size_t n, uint8_t *out, char *err, size_t errlen)
{
    int rc = check_alphabet(f, w, n, err, errlen);
    if (rc) return rc;
    size_t pb = per_byte(f), nb = slt_packed_bytes(f, n);
    for (size_t b = 0; b < nb; b++) {
        size_t first = b * pb, cnt = n - first < pb ? n - first : pb;
        out[b] = pack_byte(f, w + first, cnt);
    }
    return 0;
}

/* Decode byte b (offset off) into w[0..cnt-1]; the trailing slots are padding
 * whose code must still be valid. */
static int unpack_byte(slt_format f, uint8_t b, size_t off, size_t first, size_t cnt, int8_t *w, char *err,
                       size_t errlen)
{
    if (f == SLT_FMT_T2) {
        for (size_t j = 0; j < 4; j++) {
            unsigned code = (b >> (2 * j)) & 3u;
            if (code == 3 && j < cnt)
                return slt_fail(err, errlen, "unpack t2: invalid code 3 for weight %zu at byte offset %zu (bits %zu..%zu)",
                            first + j, off, 2 * j, 2 * j + 1);
            if (code == 3)
                return slt_fail(err, errlen, "unpack t2: invalid code 3 in the padding at byte offset %zu (bits %zu..%zu)",
                            off, 2 * j, 2 * j + 1);
            if (j < cnt) w[j] = (int8_t)((int)code - 1);
        }
    } else if (f == SLT_FMT_T5) {
        if (b >= 243) return slt_fail(err, errlen, "unpack t5: invalid byte %u (>= 243) at byte offset %zu", b, off);
        unsigned v = b;
        for (size_t j = 0; j < cnt; j++, v /= 3) w[j] = (int8_t)((int)(v % 3) - 1);
    } else {
        for (size_t j = 0; j < cnt; j++) w[j] = (int8_t)(((b >> j) & 1u) ? 1 : -1);
    }
    return 0;
}

int slt_unpack(slt_format f, const uint8_t *in, size_t nbytes, size_t n, int8_t *w, char *err, size_t errlen)
{
    size_t pb = per_byte(f), need = slt_packed_bytes(f, n);
    if (nbytes < need)
        return slt_fail(err, errlen, "unpack %s: stream too short: %zu weights need %zu bytes, got %zu", slt_format_name(f), n,
                    need, nbytes);
    /* A longer stream means the weight count and the data disagree: refuse
     * rather than ignore bytes that could be meant as weights. */
    if (nbytes > need)
        return slt_fail(err, errlen, "unpack %s: %zu trailing bytes after the last byte (%zu weights need %zu bytes, got %zu)",
                    slt_format_name(f), nbytes - need, n, need, nbytes);
    for (size_t b = 0; b < need; b++) {
        size_t first = b * pb, cnt = n - first < pb ? n - first : pb;
        int rc = unpack_byte(f, in[b], b, first, cnt, w + first, err, errlen);
        if (rc) return rc;
    }
    return 0;
}

/* ---- LUT keys --------------------------------------------------------------- */

static uint32_t pow3(int e)
{
    uint32_t p = 1;
    while (e-- > 0) p *= 3;
    return p;
}

/* Largest ternary key magnitude: (3^G - 1)/2, all digits +1. */
static uint32_t ternary_max_mag(int g) { return (pow3(g) - 1) / 2; }

int slt_key_mag_bits(int g, int binary)
{
    if (binary) return g - 1;
    int b = 0;
    while ((1u << b) <= ternary_max_mag(g)) b++;
    return b;
}

int slt_key_bits(int g, int binary) { return 1 + slt_key_mag_bits(g, binary); }

int slt_table_entries(int g, int binary) { return binary ? 1 << (g - 1) : (int)ternary_max_mag(g); }

uint32_t slt_key_encode(const int8_t *w, int g, int binary)
{
    if (binary) {
        int sign = w[g - 1] == -1;
        uint32_t bits = 0;
        for (int i = 0; i < g - 1; i++) bits |= (uint32_t)((sign ? -w[i] : w[i]) == 1) << i;
        return (uint32_t)sign << (g - 1) | bits;
    }
    int32_t s = 0;
    for (int i = g; i-- > 0;) s = s * 3 + w[i];
    uint32_t mag = (uint32_t)(s < 0 ? -s : s);
    return (uint32_t)(s < 0) << slt_key_mag_bits(g, 0) | mag;
}

int slt_key_decode(uint32_t key, int g, int binary, int8_t *w)
{
    int mb = slt_key_mag_bits(g, binary);
    if (key >> (mb + 1)) return -1;
    uint32_t mag = key & ((1u << mb) - 1), sign = key >> mb;
    if (binary) {
        for (int i = 0; i < g - 1; i++) w[i] = (int8_t)((((mag >> i) & 1u) ? 1 : -1) * (sign ? -1 : 1));
        w[g - 1] = (int8_t)(sign ? -1 : 1);
        return 0;
    }
    if (mag > ternary_max_mag(g) || (sign && mag == 0)) return -1;
    int32_t s = sign ? -(int32_t)mag : (int32_t)mag;
    for (int i = 0; i < g; i++) {
        int32_t d = ((s % 3) + 3) % 3; /* 0, 1, 2 -> digits 0, +1, -1 */
        if (d == 2) d = -1;
        w[i] = (int8_t)d;
        s = (s - d) / 3;
    }
    return 0;
}

int slt_key_is_single(uint32_t key, int g)
{
    int8_t w[8];
    if (slt_key_decode(key, g, 0, w)) return 0;
    int nz = 0;
    for (int i = 0; i < g; i++) nz += w[i] != 0;
    return nz <= 1;
}
