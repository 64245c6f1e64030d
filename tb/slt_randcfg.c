/* slt_randcfg [--soak] SEED INDEX - print one random legal configuration
 * (canonical config text) for the RTL sweeps. INDEX stratifies the draw so that
 * any eight consecutive indices cover G = 2..5 twice, both array kinds four
 * times, binary weights in both kinds, and all three activation widths; the rest
 * (U, L, pipe stages, max_k, acc_bits, format, buffer mode) is random, and slt
 * configurations with 8- or 16-bit activations get 4-bit activation slices
 * (act_slice_bits = 4) at odd indices (and one in three at even ones), drawn last
 * so that the other keys of every index are what they were before slicing existed.
 * Then table slots: psum_chunks 1, 2 or 4 (drawn after everything else, for the same
 * reason); wbuf_kib grows to the smallest legal size for its 2 * psum_chunks regions
 * if it must.
 *
 * --soak (make soak, name soak<SEED>_<INDEX>): every key is drawn, corners
 * included: 1 lane, G = 5, b1, act_bits 16, 8/16-bit buses, buffers of exactly
 * the smallest legal size (slt_buf_min_kib), odd max_k, small max_m, wider
 * accumulators, any clock, clock_gating on/off, ecc none/secded, act_slice_bits
 * 0/4 (where legal), reorder none/greedy, psum_chunks 1/2/4 (drawn after the buffers;
 * wbuf_kib raised to the smallest legal size when too small for it). Any four consecutive indices from a multiple of 4
 * cover G = 2..5, each activation width, t2/t5/b1, slt and addsub, a 1-lane
 * array, an 8-bit bus and tiny buffers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "slt_bufgeom.h"
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

/* psum_chunks = 1, 2 or 4; the weight buffer grows to the smallest legal size
 * for its 2 * psum_chunks regions if it must (within the key's range). */
static int draw_chunks(slt_config *c, slt_prng *p)
{
    int cc = 1 << slt_prng_range(p, 0, 2);
    if (cc == 1) return 0;
    slt_config t = *c;
    char err[SLT_ERRLEN];
    long kib[3];
    t.psum_chunks = cc;
    if (slt_config_finish(&t, err, sizeof err)) return 0; /* main() reports what is wrong */
    slt_buf_min_kib(&t, kib);
    if (kib[0] > 65536) return 0;
    int rc = set(c, "psum_chunks", cc);
    if (!rc && c->wbuf_kib < kib[0]) rc = set(c, "wbuf_kib", kib[0]);
    return rc;
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
    /* table slots, last of all (the other keys stay what they were before them) */
    if (!rc) rc = draw_chunks(c, &p);
    return rc;
}

/* One buffer size: the smallest legal (a tiny-buffer corner) or a little more. */
static int draw_kib(slt_prng *p, long min_kib, int tiny)
{
    long v = tiny ? min_kib : min_kib + slt_prng_range(p, 0, 6);
    return (int)(v > 65536 ? 65536 : v);
}

static int draw_soak(slt_config *c, uint64_t seed, int index)
{
    slt_prng p;
    slt_prng_seed(&p, seed * 0x9e3779b97f4a7c15ull + 0x50a4ull * (uint64_t)(index + 1));
    static const int widths[3] = {4, 8, 16}, buses[7] = {8, 16, 32, 64, 128, 256, 512};
    static const char *const formats[3] = {"b1", "t2", "t5"};
    int q = index % 4, first = index < 4;
    int g = 2 + (q + (int)(seed % 4)) % 4;
    int act = first ? widths[(q + 2) % 3] : widths[slt_prng_range(&p, 0, 2)];
    const char *fmt = first ? formats[q % 3] : formats[slt_prng_range(&p, 0, 2)];
    int addsub = first ? q % 2 : slt_prng_range(&p, 0, 2) == 0;
    int lanes = (first ? q == 0 : slt_prng_range(&p, 0, 3) == 0) ? 1 : (int)slt_prng_range(&p, 2, 12);
    if (!first && slt_prng_range(&p, 0, 9) == 0) lanes = (int)slt_prng_range(&p, 13, 31);
    int bus = (first ? q == 1 : slt_prng_range(&p, 0, 3) == 0) ? buses[slt_prng_range(&p, 0, 1)]
                                                              : buses[slt_prng_range(&p, 2, 6)];
    int tiny = first ? q != 2 : slt_prng_range(&p, 0, 1) == 0;
    int small_k = slt_prng_range(&p, 0, 4) == 0, small_m = slt_prng_range(&p, 0, 4) == 0;
    char name[64], clk[32];
    snprintf(name, sizeof name, "soak%llu_%d", (unsigned long long)seed, index);
    snprintf(clk, sizeof clk, "%d.%d", (int)slt_prng_range(&p, 25, 400), (int)slt_prng_range(&p, 0, 9));
    int rc = set_str(c, "name", name) | set(c, "group_size", g) | set(c, "act_bits", act);
    rc |= set(c, "lut_units", slt_prng_range(&p, 1, g == 5 ? 3 : 5)) | set(c, "row_lanes", lanes);
    rc |= set(c, "pipe_stages", slt_prng_range(&p, 0, 4)) | set(c, "max_n", slt_prng_range(&p, 1, 4));
    rc |= set(c, "max_k", slt_prng_range(&p, g, small_k ? 40 : 2000));
    rc |= set(c, "max_m", slt_prng_range(&p, lanes, small_m ? 3 * lanes + 1 : 1500));
    rc |= set_str(c, "array", addsub ? "addsub" : "slt") | set_str(c, "weight_format", fmt);
    rc |= set_str(c, "buffer_mode", slt_prng_range(&p, 0, 4) ? "auto" : "off") | set(c, "bus_bits", bus);
    rc |= set_str(c, "clock_mhz", clk);
    /* the options: gated clocks, SECDED, activation slicing (slt with 8/16-bit activations) */
    rc |= set_str(c, "clock_gating", slt_prng_range(&p, 0, 1) ? "on" : "off");
    rc |= set_str(c, "ecc", slt_prng_range(&p, 0, 3) == 0 ? "secded" : "none");
    if (!addsub && act > 4 && slt_prng_range(&p, 0, 2) == 0) rc |= set(c, "act_slice_bits", 4);
    rc |= set_str(c, "reorder", slt_prng_range(&p, 0, 2) == 0 ? "greedy" : "none");
    if (rc) return rc;
    if (slt_prng_range(&p, 0, 3) == 0) {
        int acc = slt_config_min_acc_bits(c->max_k, c->act_bits) + (int)slt_prng_range(&p, 0, 3);
        rc = set(c, "acc_bits", acc > 32 ? 32 : acc);
    }
    /* buffers last: their smallest legal size depends on every other key */
    char err[SLT_ERRLEN];
    c->wbuf_kib = c->abuf_kib = c->obuf_kib = 65536;
    if (rc || slt_config_finish(c, err, sizeof err)) return 1;
    long kib[3];
    slt_buf_min_kib(c, kib);
    rc = set(c, "wbuf_kib", draw_kib(&p, kib[0], tiny)) | set(c, "abuf_kib", draw_kib(&p, kib[1], tiny));
    rc |= set(c, "obuf_kib", draw_kib(&p, kib[2], tiny));
    /* table slots after the buffers (so those draws stay what they were): wbuf grows
     * to the smallest legal size for 2 * psum_chunks regions if it must */
    int cc = 1 << slt_prng_range(&p, 0, 2);
    if (rc || cc == 1) return rc;
    c->psum_chunks = cc;
    slt_buf_min_kib(c, kib);
    if (kib[0] > 65536) c->psum_chunks = 1;
    else if (c->wbuf_kib < kib[0]) rc = set(c, "wbuf_kib", kib[0]);
    return rc;
}

int main(int argc, char **argv)
{
    int soak = argc == 4 && !strcmp(argv[1], "--soak");
    if (argc != 3 + soak) {
        fprintf(stderr, "usage: slt_randcfg [--soak] SEED INDEX\n");
        return SLT_EXIT_BADINPUT;
    }
    uint64_t seed = strtoull(argv[1 + soak], NULL, 0);
    int index = atoi(argv[2 + soak]);
    slt_config c;
    char err[SLT_ERRLEN];
    slt_config_default(&c);
    if ((soak ? draw_soak(&c, seed, index) : draw(&c, seed, index)) || slt_config_finish(&c, err, sizeof err)) {
        fprintf(stderr, "slt_randcfg: seed %llu index %d: %s\n", (unsigned long long)seed, index, err);
        return 1;
    }
    printf("# random %sconfiguration %d of seed %llu (tb/slt_randcfg.c)\n", soak ? "soak " : "", index,
           (unsigned long long)seed);
    slt_config_write(&c, stdout);
    return 0;
}
