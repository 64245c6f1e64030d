/* slt_bufgeom.c - buffer geometry and the "every advertised shape fits" check. */
#include "slt_bufgeom.h"

#include <stdio.h>

#include "slt_arrayif.h"
#include "slt_secded.h"
#include "sram_model.h"

#define KIB_BITS 8192L

static long ceil_div(long a, long b) { return (a + b - 1) / b; }

void slt_buf_geometry(const slt_config *cfg, slt_buf_geom *g)
{
    int ug = cfg->lut_units * cfg->group_size;
    g->wbuf_width = cfg->row_lanes * cfg->lut_units * slt_row_field_bits(cfg);
    g->abuf_width = ug * cfg->act_bits;
    g->obuf_width = cfg->row_lanes * cfg->acc_bits;
    g->wbuf_regions = 2L * cfg->psum_chunks;
    g->wbuf_depth = (long)cfg->wbuf_kib * KIB_BITS / g->wbuf_width / g->wbuf_regions * g->wbuf_regions;
    g->abuf_depth = (long)cfg->abuf_kib * KIB_BITS / g->abuf_width;
    g->obuf_depth = (long)cfg->obuf_kib * KIB_BITS / g->obuf_width;
    g->max_rb = ceil_div(cfg->max_m, cfg->row_lanes);
    g->max_nc = ceil_div(cfg->max_k, ug);
    g->mode_depth = g->max_nc < 2 ? 2 : g->max_nc;
}

/* KiB that hold `words` words of `width` bits. */
static long kib_for(long words, int width) { return ceil_div(words * width, KIB_BITS); }

static int too_small(char *err, size_t errlen, const char *key, int kib, long need_words, int width, long have,
                     const char *what, const char *lower)
{
    long need_kib = kib_for(need_words, width);
    if (need_kib > 65536)
        snprintf(err, errlen,
                 "config: %s = %d is too small: %s need %ld words of %d bits (%ld KiB), more than the legal 65536 KiB; "
                 "lower %s",
                 key, kib, what, need_words, width, need_kib, lower);
    else
        snprintf(err, errlen,
                 "config: %s = %d is too small: %s need %ld words of %d bits, it holds %ld; raise %s to at least %ld "
                 "or lower %s",
                 key, kib, what, need_words, width, have, key, need_kib, lower);
    return SLT_EXIT_BADINPUT;
}

/* Words each buffer needs for the largest shape (at least 2 each). */
static void need_words(const slt_config *cfg, const slt_buf_geom *g, long words[3])
{
    words[0] = g->wbuf_regions * g->max_rb;
    words[1] = (long)cfg->max_n * g->max_nc;
    words[2] = (long)cfg->max_n * g->max_rb;
    for (int i = 1; i < 3; i++)
        if (words[i] < 2) words[i] = 2;
}

void slt_buf_min_kib(const slt_config *cfg, long kib[3])
{
    slt_buf_geom g;
    long words[3];
    slt_buf_geometry(cfg, &g);
    need_words(cfg, &g, words);
    kib[0] = kib_for(words[0], g.wbuf_width);
    kib[1] = kib_for(words[1], g.abuf_width);
    kib[2] = kib_for(words[2], g.obuf_width);
}

int slt_buf_check(const slt_config *cfg, char *err, size_t errlen)
{
    slt_buf_geom g;
    long need[3];
    char what[160];
    slt_buf_geometry(cfg, &g);
    need_words(cfg, &g, need);
    if (g.wbuf_depth < need[0]) {
        snprintf(what, sizeof what, "max_m = %d (%ld row blocks of row_lanes = %d, in each of %ld regions)",
                 cfg->max_m, g.max_rb, cfg->row_lanes, g.wbuf_regions);
        return too_small(err, errlen, "wbuf_kib", cfg->wbuf_kib, need[0], g.wbuf_width, g.wbuf_depth, what, "max_m");
    }
    if (g.abuf_depth < need[1]) {
        snprintf(what, sizeof what, "max_n = %d tokens of max_k = %d (%ld chunks of lut_units*group_size = %d each)",
                 cfg->max_n, cfg->max_k, g.max_nc, cfg->lut_units * cfg->group_size);
        return too_small(err, errlen, "abuf_kib", cfg->abuf_kib, need[1], g.abuf_width, g.abuf_depth, what,
                         "max_k or max_n");
    }
    if (g.obuf_depth < need[2]) {
        snprintf(what, sizeof what, "max_n = %d tokens of max_m = %d (%ld row blocks of row_lanes = %d each)",
                 cfg->max_n, cfg->max_m, g.max_rb, cfg->row_lanes);
        return too_small(err, errlen, "obuf_kib", cfg->obuf_kib, need[2], g.obuf_width, g.obuf_depth, what,
                         "max_m or max_n");
    }
    return 0;
}

void slt_buf_banks(const slt_config *cfg, slt_buf_banking *b)
{
    slt_buf_geom g;
    slt_buf_geometry(cfg, &g);
    int ecc = cfg->ecc == SLT_ECC_SECDED, ternary = !slt_format_is_binary(cfg->weight_format);
    long depth[4] = {g.wbuf_depth, g.abuf_depth, g.obuf_depth, g.mode_depth};
    int width[4] = {g.wbuf_width, g.abuf_width, g.obuf_width, cfg->lut_units};
    int max_banks = 1;
    for (int i = 0; i < 4; i++) {
        int w = (ecc && (i < 3 || ternary)) ? slt_secded_code_bits(width[i]) : width[i];
        if (slt_sram_banking(depth[i], w, &b->bank_depth[i], &b->banks[i])) {
            b->bank_depth[i] = depth[i];
            b->banks[i] = 1;
        }
        if (b->banks[i] > max_banks) max_banks = b->banks[i];
    }
    b->read_latency = slt_sram_read_latency(max_banks);
    b->write_latency = slt_sram_write_latency(max_banks);
}

int slt_buf_read_latency(const slt_config *cfg)
{
    slt_buf_banking b;
    slt_buf_banks(cfg, &b);
    return b.read_latency;
}

int slt_buf_write_latency(const slt_config *cfg)
{
    slt_buf_banking b;
    slt_buf_banks(cfg, &b);
    return b.write_latency;
}
