/* fuzz_safetensors - libFuzzer target for the safetensors reader (make
 * fuzz-safetensors). Input: u16 LE header length L (taken modulo what
 * remains + 1), then the bytes; the target writes the real u64 length, so
 * mutations of the JSON and the data are not wasted on an impossible length. */
#include <string.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2) return 0;
    size_t rest = size - 2, hl = (size_t)(data[0] | data[1] << 8) % (rest + 1);
    uint8_t *img = malloc(rest + 8);
    if (!img) return 0;
    for (int i = 0; i < 8; i++) img[i] = (uint8_t)((uint64_t)hl >> (8 * i));
    if (rest) memcpy(img + 8, data + 2, rest);
    fuzz_exercise(img, rest + 8);
    free(img);
    return 0;
}
