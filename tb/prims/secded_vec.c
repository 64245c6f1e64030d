/* secded_vec WIDTH SEED - vectors for tb/prims/tb_slt_secded.v from the C model of the
 * SECDED code (ref/slt_secded.c). One line per vector, hex MSB first:
 *   data code stored expected single double
 * data: WIDTH bits; code = encode(data) (the encoder must produce it); stored = code with
 * 0, 1 or 2 bits flipped; expected = decode(stored) data; single/double = the decoder's
 * flags (CORRECTED / UNCORRECTABLE). Per data pattern (zeros, ones, random x3): the clean
 * word, every single flip, and every double flip (all pairs when the codeword has at
 * most 72 bits, else 400 random pairs).
 * secded_vec --check-bits MAX - "k r" per line for k = 1 .. MAX, r = slt_secded_check_bits(k)
 * (compared with rtl/slt_secded_bits.vh by tb/prims/tb_secded_bits.v). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "slt_prng.h"
#include "slt_secded.h"

#define MAXW 64

static void hex(const uint64_t *v, int bits)
{
    for (int d = (bits + 3) / 4 - 1; d >= 0; d--) {
        int x = 0;
        for (int b = 3; b >= 0; b--) x = x << 1 | (4 * d + b < bits ? slt_secded_get(v, 4 * d + b) : 0);
        putchar("0123456789abcdef"[x]);
    }
}

static long emit(int k, const uint64_t *data, const uint64_t *code, const uint64_t *stored)
{
    uint64_t out[MAXW];
    memset(out, 0, sizeof out);
    slt_secded_status st = slt_secded_decode(k, stored, out);
    int n = slt_secded_code_bits(k);
    hex(data, k); putchar(' ');
    hex(code, n); putchar(' ');
    hex(stored, n); putchar(' ');
    hex(out, k);
    printf(" %d %d\n", st == SLT_SECDED_CORRECTED, st == SLT_SECDED_UNCORRECTABLE);
    return 1;
}

static int check_bits(const char *max)
{
    long m = strtol(max, NULL, 10);
    if (m < 1 || m > 262125) {
        fprintf(stderr, "secded_vec: MAX must be 1..262125\n");
        return 2;
    }
    for (int k = 1; k <= (int)m; k++) printf("%d %d\n", k, slt_secded_check_bits(k));
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "--check-bits") == 0) return check_bits(argv[2]);
    if (argc != 3) {
        fprintf(stderr, "usage: secded_vec WIDTH SEED | secded_vec --check-bits MAX\n");
        return 2;
    }
    int k = atoi(argv[1]);
    if (k < 1 || k > 4000) {
        fprintf(stderr, "secded_vec: WIDTH must be 1..4000\n");
        return 2;
    }
    slt_prng p;
    slt_prng_seed(&p, strtoull(argv[2], NULL, 0) * 131 + (uint64_t)k);
    int n = slt_secded_code_bits(k);
    uint64_t data[MAXW], code[MAXW], st[MAXW];
    for (int pattern = 0; pattern < 5; pattern++) {
        memset(data, 0, sizeof data);
        for (int b = 0; b < k; b++)
            if (pattern == 1 || (pattern > 1 && slt_prng_range(&p, 0, 1))) slt_secded_flip(data, b);
        memset(code, 0, sizeof code);
        slt_secded_encode(k, data, code);
        emit(k, data, code, code);
        for (int a = 0; a < n; a++) {
            memcpy(st, code, sizeof st);
            slt_secded_flip(st, a);
            emit(k, data, code, st);
        }
        if (n <= 72) {
            for (int a = 0; a < n; a++)
                for (int b = a + 1; b < n; b++) {
                    memcpy(st, code, sizeof st);
                    slt_secded_flip(st, a);
                    slt_secded_flip(st, b);
                    emit(k, data, code, st);
                }
        } else {
            for (int t = 0; t < 400; t++) {
                int a = (int)slt_prng_range(&p, 0, n - 1), b = (int)slt_prng_range(&p, 0, n - 2);
                if (b >= a) b++;
                memcpy(st, code, sizeof st);
                slt_secded_flip(st, a);
                slt_secded_flip(st, b);
                emit(k, data, code, st);
            }
        }
    }
    return 0;
}
