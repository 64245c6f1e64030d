/* slt_arrayif.c - the array's port contract (slt_arrayif.h). */
#include "slt_arrayif.h"

#include "slt_bufgeom.h"
#include "slt_pack.h"

static int is_binary(const slt_config *cfg) { return slt_format_is_binary(cfg->weight_format); }

/* slt arrays register their inputs once (table build and key decode start
 * from registers): one cycle more than the add/sub baseline. */
int slt_array_in_stages(const slt_config *cfg) { return cfg->array == SLT_ARRAY_LUT ? 1 : 0; }

int slt_array_latency(const slt_config *cfg) { return 2 + cfg->pipe_stages + slt_array_in_stages(cfg); }

int slt_array_psum_delay(const slt_config *cfg) { return slt_array_latency(cfg) - 1; }

/* issue t', output in t'+LAT, written at its end; issue t reads in t+LAT-1 >= t'+LAT+1 */
int slt_array_reissue_gap(const slt_config *cfg)
{
    return slt_array_latency(cfg) + 1 - slt_array_psum_delay(cfg);
}

int slt_top_reissue_gap(const slt_config *cfg)
{
    return slt_array_reissue_gap(cfg) + slt_buf_read_latency(cfg) - 1 + slt_buf_write_latency(cfg) - 1;
}

uint64_t slt_pass_bubbles(const slt_config *cfg, uint64_t rows)
{
    uint64_t gap = (uint64_t)slt_top_reissue_gap(cfg);
    return gap > rows ? gap - rows : 0;
}

uint64_t slt_tile_chunks(const slt_config *cfg, uint64_t nc, uint64_t tt)
{
    uint64_t c = (uint64_t)cfg->psum_chunks, left = nc - tt * c;
    return left < c ? left : c;
}

uint64_t slt_pass_cycles(const slt_config *cfg, uint64_t nc, uint64_t rb, uint64_t n)
{
    uint64_t sum = 0;
    for (uint64_t tt = 0; tt * (uint64_t)cfg->psum_chunks < nc; tt++) {
        uint64_t cj = slt_tile_chunks(cfg, nc, tt);
        sum += cj * (rb + 1) + slt_pass_bubbles(cfg, rb * cj);
    }
    return n * sum;
}

int slt_entry_bits(const slt_config *cfg) { return slt_config_min_acc_bits(cfg->group_size, cfg->act_bits); }

int slt_act_slices(const slt_config *cfg)
{
    return cfg->act_slice_bits ? cfg->act_bits / cfg->act_slice_bits : 1;
}

int slt_slice_width(const slt_config *cfg) { return cfg->act_slice_bits ? cfg->act_slice_bits : cfg->act_bits; }

/* Signed width of a slice table entry: a lower (unsigned) slice sums up to
 * G*(2^B - 1) in magnitude, the top (signed) one up to G*2^(B-1); one width
 * for all slices (the wider, lower-slice one). Off: slt_entry_bits(). */
int slt_slice_entry_bits(const slt_config *cfg)
{
    if (!cfg->act_slice_bits) return slt_entry_bits(cfg);
    long need = (long)cfg->group_size * ((1L << cfg->act_slice_bits) - 1);
    int b = 1;
    while ((1L << (b - 1)) - 1 < need) b++;
    return b;
}

int slt_row_field_bits(const slt_config *cfg)
{
    if (cfg->array == SLT_ARRAY_LUT) return slt_key_bits(cfg->group_size, is_binary(cfg));
    return cfg->group_size * (is_binary(cfg) ? 1 : 2);
}

int slt_lane_terms(const slt_config *cfg)
{
    return cfg->lut_units * (cfg->array == SLT_ARRAY_LUT ? 1 : cfg->group_size);
}

uint32_t slt_row_field(const slt_config *cfg, uint32_t key)
{
    int g = cfg->group_size, binary = is_binary(cfg);
    if (cfg->array == SLT_ARRAY_LUT) return key;
    int8_t w[8];
    if (slt_key_decode(key, g, binary, w)) return (1u << slt_row_field_bits(cfg)) - 1u;
    uint32_t field = 0;
    for (int i = 0; i < g; i++) {
        if (binary) field |= (uint32_t)(w[i] == 1) << i;
        else field |= (uint32_t)(w[i] + 1) << (2 * i);
    }
    return field;
}

int slt_key_terms(const slt_config *cfg, uint32_t key)
{
    int g = cfg->group_size, binary = is_binary(cfg);
    int8_t w[8];
    if (slt_key_decode(key, g, binary, w)) return 0;
    int nz = 0;
    for (int i = 0; i < g; i++) nz += w[i] != 0;
    if (cfg->array == SLT_ARRAY_LUT) return nz > 0;
    return nz;
}
