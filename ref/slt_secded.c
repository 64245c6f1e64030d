/* slt_secded.c - Hamming SECDED encode/decode (slt_secded.h). */
#include "slt_secded.h"

int slt_secded_check_bits(int k)
{
    int r = 1;
    while ((1L << r) < (long)k + r + 1) r++;
    return r;
}

int slt_secded_code_bits(int k) { return k + slt_secded_check_bits(k) + 1; }

uint32_t slt_secded_data_pos(int i)
{
    /* p(i) = i + (number of powers of two <= p(i)) + 1: skip 1, 2, 4, 8, ... */
    uint32_t p = (uint32_t)i + 3u;
    for (uint32_t pw = 4; pw <= p; pw <<= 1) p++;
    return p;
}

/* Recomputed check bits (r of them) of the data part of v. */
static uint32_t checks_of(int k, const uint64_t *v)
{
    uint32_t c = 0;
    for (int i = 0; i < k; i++)
        if (slt_secded_get(v, i)) c ^= slt_secded_data_pos(i);
    return c;
}

static void set_bit(uint64_t *v, int b, int x)
{
    if (x) v[b / 64] |= (uint64_t)1 << (b % 64);
    else v[b / 64] &= ~((uint64_t)1 << (b % 64));
}

void slt_secded_encode(int k, const uint64_t *data, uint64_t *code)
{
    int r = slt_secded_check_bits(k), n = k + r + 1, par = 0;
    for (int i = 0; i < k; i++) {
        int b = slt_secded_get(data, i);
        set_bit(code, i, b);
        par ^= b;
    }
    uint32_t c = checks_of(k, data);
    for (int j = 0; j < r; j++) {
        set_bit(code, k + j, (int)(c >> j & 1u));
        par ^= (int)(c >> j & 1u);
    }
    set_bit(code, n - 1, par);
}

slt_secded_status slt_secded_decode(int k, const uint64_t *code, uint64_t *data)
{
    int r = slt_secded_check_bits(k), n = k + r + 1, e = 0;
    for (int b = 0; b < n; b++) e ^= slt_secded_get(code, b);
    uint32_t s = checks_of(k, code);
    for (int j = 0; j < r; j++) s ^= (uint32_t)slt_secded_get(code, k + j) << j;
    for (int i = 0; i < k; i++) set_bit(data, i, slt_secded_get(code, i));
    if (!e) return s ? SLT_SECDED_UNCORRECTABLE : SLT_SECDED_OK;
    if ((s & (s - 1)) == 0) return SLT_SECDED_CORRECTED; /* a check or the parity bit flipped */
    for (int i = 0; i < k; i++)
        if (slt_secded_data_pos(i) == s) {
            slt_secded_flip(data, i);
            return SLT_SECDED_CORRECTED;
        }
    return SLT_SECDED_UNCORRECTABLE;
}
