/* slt_reorder.c - index reordering in the packer (slt_reorder.h). */
#include "slt_reorder.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "slt_arrayif.h"
#include "slt_pack.h"
#include "slt_err.h"

static size_t key_at(const slt_stream *s, int c, int row, int u)
{
    return ((size_t)c * (size_t)s->row_blocks * (size_t)s->l + (size_t)row) * (size_t)s->u + (size_t)u;
}

/* The row_keys_i field of every key value (keys are at most 8 bits). */
static void field_table(const slt_config *cfg, uint32_t *ft)
{
    for (uint32_t key = 0; key < 256; key++) ft[key] = slt_row_field(cfg, key);
}

/* Row signatures: the fields of every (chunk, unit) of row r, F bits each, LSB first. */
static void row_signature(const slt_stream *s, const uint32_t *ft, int f, int r, uint64_t *sig, size_t words)
{
    memset(sig, 0, words * sizeof *sig);
    size_t pos = 0;
    for (int c = 0; c < s->n_chunks; c++)
        for (int u = 0; u < s->u; u++, pos += (size_t)f) {
            uint64_t v = ft[s->keys8[key_at(s, c, r, u)]];
            sig[pos / 64] |= v << (pos % 64);
            if (pos % 64 + (size_t)f > 64) sig[pos / 64 + 1] |= v >> (64 - pos % 64);
        }
}

static uint64_t hamming(const uint64_t *a, const uint64_t *b, size_t words)
{
    uint64_t d = 0;
    for (size_t i = 0; i < words; i++) d += (uint64_t)__builtin_popcountll(a[i] ^ b[i]);
    return d;
}

/* Nearest-neighbour chain over rows t0..t0+n-1 (signature of row t0+i at sig[i]); path[] gets rows. */
static void greedy_chain(const uint64_t *sig, size_t words, int t0, int n, uint8_t *used, int *path)
{
    if (n < 1) return;
    memset(used, 0, (size_t)n);
    int cur = 0;
    used[0] = 1;
    path[0] = t0;
    for (int step = 1; step < n; step++) {
        const uint64_t *cs = sig + (size_t)cur * words;
        uint64_t best = UINT64_MAX;
        int bi = -1;
        for (int i = 0; i < n; i++) {
            if (used[i]) continue;
            uint64_t d = hamming(cs, sig + (size_t)i * words, words);
            if (d < best) best = d, bi = i;
        }
        used[bi] = 1;
        path[step] = t0 + bi;
        cur = bi;
    }
}

/* Lane l takes the l-th run of the path on its slots t0+l, t0+L+l, ... (< t1). */
static void deal_lanes(const int *path, int t0, int t1, int lanes, int *perm)
{
    int p = 0;
    for (int l = 0; l < lanes; l++)
        for (int j = t0 + l; j < t1; j += lanes) perm[j] = path[p++];
}

int slt_reorder_perm(const slt_config *cfg, const int8_t *w, int m, int k, int *perm, char *err, size_t errlen)
{
    for (int j = 0; j < m; j++) perm[j] = j;
    if (cfg->reorder == SLT_REORDER_NONE || m < 2) return 0;
    slt_stream s;
    int rc = slt_stream_build(cfg, w, m, k, &s, err, errlen);
    if (rc) return rc;
    int f = slt_row_field_bits(cfg), tile = SLT_REORDER_TILE_BLOCKS * s.l;
    size_t words = ((size_t)s.n_chunks * (size_t)s.u * (size_t)f + 63) / 64;
    uint64_t *sig = malloc((size_t)tile * words * sizeof *sig); /* one tile at a time */
    int *path = malloc((size_t)tile * sizeof *path);
    uint8_t *used = malloc((size_t)tile);
    uint32_t ft[256];
    if (!sig || !path || !used) {
        rc = slt_fail(err, errlen, "reorder: out of memory (M = %d, K = %d)", m, k);
    } else {
        field_table(cfg, ft);
        for (int t0 = 0; t0 < m; t0 += tile) {
            int t1 = t0 + tile < m ? t0 + tile : m;
            for (int r = t0; r < t1; r++) row_signature(&s, ft, f, r, sig + (size_t)(r - t0) * words, words);
            greedy_chain(sig, words, t0, t1 - t0, used, path);
            deal_lanes(path, t0, t1, s.l, perm);
        }
    }
    free(sig);
    free(path);
    free(used);
    slt_stream_free(&s);
    return rc;
}

void slt_reorder_rows(const int8_t *w, int m, int k, const int *perm, int8_t *wp)
{
    for (int j = 0; j < m; j++) memcpy(wp + (size_t)j * (size_t)k, w + (size_t)perm[j] * (size_t)k, (size_t)k);
}

void slt_reorder_results(const int32_t *ys, int n, int m, const int *perm, int32_t *y)
{
    for (int t = 0; t < n; t++)
        for (int j = 0; j < m; j++) y[(size_t)t * (size_t)m + (size_t)perm[j]] = ys[(size_t)t * (size_t)m + (size_t)j];
}

int slt_reorder_is_bijection(const int *perm, int m)
{
    uint8_t *seen = calloc((size_t)m + 1, 1);
    int ok = seen != NULL;
    for (int j = 0; ok && j < m; j++) {
        if (perm[j] < 0 || perm[j] >= m || seen[perm[j]]) ok = 0;
        else seen[perm[j]] = 1;
    }
    free(seen);
    return ok;
}

int slt_gemm_lut_reordered(const slt_config *cfg, const int8_t *w, const int16_t *x, int32_t *y, int m, int k,
                           int n, slt_events *ev, char *err, size_t errlen)
{
    if (m < 1 || k < 1 || n < 1) return slt_fail(err, errlen, "gemm lut: shape M=%d K=%d N=%d must be >= 1", m, k, n);
    slt_config plain = *cfg;
    plain.reorder = SLT_REORDER_NONE;
    int *perm = malloc((size_t)m * sizeof *perm);
    int8_t *wp = malloc((size_t)m * (size_t)k);
    int32_t *ys = malloc((size_t)m * (size_t)n * sizeof *ys);
    int rc = 0;
    if (!perm || !wp || !ys) rc = slt_fail(err, errlen, "gemm lut: out of memory");
    if (!rc) rc = slt_reorder_perm(cfg, w, m, k, perm, err, errlen);
    if (!rc) {
        slt_reorder_rows(w, m, k, perm, wp);
        rc = slt_gemm_lut(&plain, wp, x, ys, m, k, n, ev, err, errlen);
    }
    if (!rc) slt_reorder_results(ys, n, m, perm, y);
    free(perm);
    free(wp);
    free(ys);
    return rc;
}

/* ---- key-bus activity ----------------------------------------------------- */

/* Operand-register image of one field and which of its bits load (docs/array.md §5). */
static void operand(const slt_config *cfg, uint32_t field, int f, uint32_t *val, uint32_t *load)
{
    int g = cfg->group_size, binary = slt_format_is_binary(cfg->weight_format);
    if (cfg->array == SLT_ARRAY_LUT) {
        *val = field;
        *load = (binary || field != 0) ? (1u << f) - 1u : 0;
        return;
    }
    *val = 0;
    *load = 0;
    for (int i = 0; i < g; i++) {
        uint32_t code = binary ? (field >> i) & 1u : (field >> (2 * i)) & 3u;
        int nz = binary || code != 1u;
        int sub = code == 0u; /* t2 code 0 = -1; b1 bit 0 = -1 */
        if (nz) *load |= 1u << i, *val |= (uint32_t)sub << i;
    }
}

/* One row issue (chunk c, row block b): every lane-unit field onto the bus and
 * into the operand registers. */
static void count_issue(const slt_config *cfg, const slt_stream *s, const uint32_t *ft, int c, int b, uint32_t *bus,
                        uint32_t *opnd, slt_keybus *kb)
{
    int f = slt_row_field_bits(cfg);
    for (int l = 0; l < s->l; l++)
        for (int u = 0; u < s->u; u++) {
            uint32_t fv = ft[s->keys8[key_at(s, c, b * s->l + l, u)]], v, ld;
            size_t i = (size_t)l * (size_t)s->u + (size_t)u;
            kb->bus_toggles += (uint64_t)__builtin_popcount(fv ^ bus[i]);
            bus[i] = fv;
            operand(cfg, fv, f, &v, &ld);
            kb->opnd_toggles += (uint64_t)__builtin_popcount((v ^ opnd[i]) & ld);
            opnd[i] = (opnd[i] & ~ld) | (v & ld);
            kb->fields++;
        }
    kb->issues++;
}

void slt_keybus_count(const slt_config *cfg, const slt_stream *s, int n, const uint32_t *opnd_init, slt_keybus *kb)
{
    int lu = s->l * s->u;
    uint32_t ft[256];
    field_table(cfg, ft);
    uint32_t *bus = calloc((size_t)lu, sizeof *bus), *opnd = calloc((size_t)lu, sizeof *opnd);
    memset(kb, 0, sizeof *kb);
    if (!bus || !opnd) {
        free(bus);
        free(opnd);
        return;
    }
    if (opnd_init) memcpy(opnd, opnd_init, (size_t)lu * sizeof *opnd);
    /* the array's issue order (slt_schedule_build): tiles of C = psum_chunks chunks,
     * tokens, row blocks, the tile's chunks (C = 1: chunk, token, row block) */
    int cc = cfg->psum_chunks > 1 ? cfg->psum_chunks : 1;
    for (int c0 = 0; c0 < s->n_chunks; c0 += cc)
        for (int t = 0; t < n; t++)
            for (int b = 0; b < s->row_blocks; b++)
                for (int c = c0; c < c0 + cc && c < s->n_chunks; c++) count_issue(cfg, s, ft, c, b, bus, opnd, kb);
    free(bus);
    free(opnd);
}
