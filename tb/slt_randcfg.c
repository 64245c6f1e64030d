/* slt_randcfg SEED INDEX - print one random legal configuration (canonical
 * config text) for the RTL sweeps. INDEX stratifies the draw so that any
 * eight consecutive indices cover G = 2..5 twice, both array kinds four times,
 * binary weights in both kinds, and all three activation widths; the rest
 * (U, L, pipe stages, max_k, acc_bits, format, buffer mode) is random, and
 * slt configurations with 8- or 16-bit activations get 4-bit activation
 * slices (act_slice_bits = 4) at odd indices (and one in three at even ones),
 * drawn last so that the other keys of every index are what they were before
 * slicing existed. */
#include <stdio.h>
#include <stdlib.h>

#include "slt_config.h"
#include "slt_prng.h"

static int set(slt_config *c, const char *key, long v)
{
    char val[32], err[SLT_ERRLEN];
    snprintf(val, sizeof val, "%ld", v);
    if (slt_config_set(c, key, val, err, sizeof err)) {
        fprintf(stderr, "slt_randcfg: %s\n", err);
        return 1;
    }
    return 0;
}

static int set_str(slt_config *c, const char *key, const char *v)
{
    char err[SLT_ERRLEN];
    if (slt_config_set(c, key, v, err, sizeof err)) {
        fprintf(stderr, "slt_randcfg: %s\n", err);
        return 1;
    }
    return 0;
}

static int draw(slt_config *c, uint64_t seed, int index)
{
    slt_prng p;
    slt_prng_seed(&p, seed * 0x100000001b3ull + (uint64_t)index);
    int g = 2 + index % 4, addsub = (index / 4) % 2;
    int binary = index < 8 ? index % 4 == (addsub ? 2 : 1) : slt_prng_range(&p, 0, 2) == 0;
    static const int widths[3] = {4, 8, 16};
    int act = widths[(uint64_t)(index + (int)(seed % 3)) % 3];
    int u_max = g == 5 ? 3 : 5;
    char name[64];
    snprintf(name, sizeof name, "rnd%llu_%d", (unsigned long long)seed, index);
    int rc = set_str(c, "name", name) | set(c, "group_size", g) | set(c, "act_bits", act);
    rc |= set(c, "lut_units", slt_prng_range(&p, 1, u_max)) | set(c, "row_lanes", slt_prng_range(&p, 1, 5));
    rc |= set(c, "pipe_stages", slt_prng_range(&p, 0, 4)) | set(c, "max_n", slt_prng_range(&p, 1, 4));
    rc |= set(c, "max_k", slt_prng_range(&p, g, 3000)) | set(c, "max_m", slt_prng_range(&p, 8, 4096));
    rc |= set_str(c, "array", addsub ? "addsub" : "slt");
    rc |= set_str(c, "weight_format", binary ? "b1" : slt_prng_range(&p, 0, 1) ? "t5" : "t2");
    rc |= set_str(c, "buffer_mode", slt_prng_range(&p, 0, 4) ? "auto" : "off");
    if (rc) return rc;
    /* sometimes a wider accumulator than needed */
    if (slt_prng_range(&p, 0, 3) == 0) {
        int need = slt_config_min_acc_bits(c->max_k, c->act_bits);
        int acc = need + (int)slt_prng_range(&p, 0, 3);
        rc = set(c, "acc_bits", acc > 32 ? 32 : acc);
    }
    /* activation slicing where it is legal (slt arrays, act_bits 8 or 16):
     * always at odd indices (1 or 3 is eligible for every seed, so the first
     * four configurations include a sliced one), one in three at even ones */
    if (!rc && !addsub && act > 4 && (index % 2 || slt_prng_range(&p, 0, 2) == 0)) rc = set(c, "act_slice_bits", 4);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: slt_randcfg SEED INDEX\n");
        return SLT_EXIT_BADINPUT;
    }
    uint64_t seed = strtoull(argv[1], NULL, 0);
    int index = atoi(argv[2]);
    slt_config c;
    char err[SLT_ERRLEN];
    slt_config_default(&c);
    if (draw(&c, seed, index) || slt_config_finish(&c, err, sizeof err)) {
        fprintf(stderr, "slt_randcfg: seed %llu index %d: %s\n", (unsigned long long)seed, index, err);
        return 1;
    }
    printf("# random configuration %d of seed %llu (tb/slt_randcfg.c)\n", index, (unsigned long long)seed);
    slt_config_write(&c, stdout);
    return 0;
}
