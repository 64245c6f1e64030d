#include "slt_prng.h"

#include <stdlib.h>

uint64_t slt_seed_from_env(uint64_t fallback)
{
    const char *s = getenv("SEED");
    if (!s || !*s) return fallback;
    char *end;
    unsigned long long v = strtoull(s, &end, 0);
    return *end ? fallback : (uint64_t)v;
}
