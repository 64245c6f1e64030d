/* fuzz_gguf - libFuzzer target for the GGUF reader (make fuzz-gguf). The
 * input is a GGUF file without its 4-byte magic, which the target prepends,
 * so every execution reaches the parser. */
#include <string.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t *img = malloc(size + 4);
    if (!img) return 0;
    memcpy(img, "GGUF", 4);
    if (size) memcpy(img + 4, data, size);
    fuzz_exercise(img, size + 4);
    free(img);
    return 0;
}
