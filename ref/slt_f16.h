/* slt_f16.h - IEEE binary16 and bfloat16 <-> float32 (docs/import.md).
 * Decoding is exact (every fp16/bf16 value is a float32, subnormals, inf and
 * NaN included); encoding rounds to nearest even (overflow -> inf). */
#ifndef SLT_F16_H
#define SLT_F16_H

#include <stdint.h>

float slt_f16_to_f32(uint16_t h);
float slt_bf16_to_f32(uint16_t b);
uint16_t slt_f32_to_f16(float f);
uint16_t slt_f32_to_bf16(float f);

#endif
