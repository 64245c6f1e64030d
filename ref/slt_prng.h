/* slt_prng.h - the one small seeded PRNG (splitmix64) used by every test,
 * bench and vector writer, so a printed seed replays a failure exactly. */
#ifndef SLT_PRNG_H
#define SLT_PRNG_H

#include <stdint.h>

typedef struct { uint64_t s; } slt_prng;

static inline void slt_prng_seed(slt_prng *p, uint64_t seed) { p->s = seed; }

static inline uint64_t slt_prng_next(slt_prng *p)
{
    uint64_t z = (p->s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

/* Uniform integer in [lo, hi] (inclusive); hi - lo < 2^32. */
static inline int64_t slt_prng_range(slt_prng *p, int64_t lo, int64_t hi)
{
    uint64_t span = (uint64_t)(hi - lo) + 1u;
    return lo + (int64_t)((slt_prng_next(p) >> 32) * span >> 32);
}

/* Seed from the SEED environment variable, else `fallback`. */
uint64_t slt_seed_from_env(uint64_t fallback);

#endif
