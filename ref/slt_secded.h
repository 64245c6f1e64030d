/* slt_secded.h - the Hamming SECDED code of `ecc = secded` (docs/memory.md "ECC"),
 * bit-exact with rtl/slt_secded_enc.v and rtl/slt_secded_dec.v.
 *
 * A word of k data bits (k >= 1) is stored as a codeword of k + r + 1 bits, r the
 * smallest with 2^r >= k + r + 1. Codeword layout, LSB first (systematic):
 *   bits 0 .. k-1      the data, unchanged
 *   bits k .. k+r-1    Hamming check bits c_0 .. c_(r-1)
 *   bit  k+r           overall parity (even parity over the whole codeword)
 * Data bit i sits at Hamming position p(i), the i-th integer >= 3 that is not a
 * power of two (3, 5, 6, 7, 9, ...); check bit j covers the data bits whose p(i)
 * has bit j set. Decoding: syndrome s = checks XOR recomputed checks, e = XOR of
 * the whole codeword.
 *   s = 0, e = 0                      no error
 *   e = 1, s = 0 or a power of two    one flip in a check/parity bit: data intact, corrected
 *   e = 1, s = p(i)                   one flip in data bit i: flipped back, corrected
 *   e = 1, s any other value          more than one flip: uncorrectable
 *   e = 0, s != 0                     two flips: uncorrectable
 * Bit arrays are uint64_t words, bit b in word b / 64 at position b % 64. */
#ifndef SLT_SECDED_H
#define SLT_SECDED_H

#include <stdint.h>

typedef enum { SLT_SECDED_OK = 0, SLT_SECDED_CORRECTED = 1, SLT_SECDED_UNCORRECTABLE = 2 } slt_secded_status;

/* r: Hamming check bits for k data bits (k >= 1). */
int slt_secded_check_bits(int k);
/* Codeword width k + r + 1. */
int slt_secded_code_bits(int k);
/* Hamming position p(i) of data bit i. */
uint32_t slt_secded_data_pos(int i);
/* code (slt_secded_code_bits(k) bits) = encode(data (k bits)). */
void slt_secded_encode(int k, const uint64_t *data, uint64_t *code);
/* data (k bits) = decode(code); returns the status; on UNCORRECTABLE data holds
 * the data bits as read. */
slt_secded_status slt_secded_decode(int k, const uint64_t *code, uint64_t *data);

static inline int slt_secded_get(const uint64_t *v, int b) { return (int)(v[b / 64] >> (b % 64) & 1u); }
static inline void slt_secded_flip(uint64_t *v, int b) { v[b / 64] ^= (uint64_t)1 << (b % 64); }

#endif
