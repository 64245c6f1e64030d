/* slt_pack.h - packed weight formats and the LUT key format (docs/numerics.md §2, §3).
 * Weights are int8 in {-1,0,+1} ({-1,+1} for b1), a flat sequence; pack writes the
 * densest byte stream for that sequence, padded only after the last weight. */
#ifndef SLT_PACK_H
#define SLT_PACK_H

#include <stddef.h>
#include <stdint.h>

#include "slt_config.h"

/* Bytes needed for n weights in format f. */
size_t slt_packed_bytes(slt_format f, size_t n);

/* Pack n weights; a weight the format cannot carry (e.g. 0 in b1, 2 anywhere)
 * is an error naming its index. out must hold slt_packed_bytes(f, n). */
int slt_pack(slt_format f, const int8_t *w, size_t n, uint8_t *out, char *err, size_t errlen);

/* Unpack n weights from nbytes; a short stream or an invalid code (t2 code 3,
 * t5 byte >= 243) is an error naming the byte offset. */
int slt_unpack(slt_format f, const uint8_t *in, size_t nbytes, size_t n, int8_t *w, char *err, size_t errlen);

/* ---- LUT keys: one key per group of G weights -------------------------------
 * ternary: s = sum_i w[i]*3^i (balanced ternary, w[0] least significant);
 *          key = (s < 0) << mag_bits | |s|; |s| = 0 means "skip" (all-zero group).
 *          Table entry j (1..(3^G-1)/2) = sum_i d_i(j)*a[i], d(j) = balanced-ternary digits of j.
 * binary:  sign = (w[G-1] == -1); v = sign ? -w : w;
 *          key = sign << (G-1) | sum_{i<G-1} (v[i] == +1) << i.
 *          Table entry u (0..2^(G-1)-1) = a[G-1] + sum_{i<G-1} (2*bit_i(u)-1)*a[i]. */
int slt_key_mag_bits(int g, int binary);   /* ternary: bits for (3^G-1)/2; binary: G-1 */
int slt_key_bits(int g, int binary);       /* 1 + mag bits */
int slt_table_entries(int g, int binary);  /* ternary (3^G-1)/2, binary 2^(G-1) */
uint32_t slt_key_encode(const int8_t *w, int g, int binary);
/* Returns 0 and fills w[0..g-1], or -1 for an invalid key (ternary: |s| > (3^G-1)/2 or
 * sign set with |s| = 0; binary: key >= 2^G). */
int slt_key_decode(uint32_t key, int g, int binary, int8_t *w);
/* 1 when a ternary key is zero or a single +-1 weight (usable in buffer mode). */
int slt_key_is_single(uint32_t key, int g);

#endif
