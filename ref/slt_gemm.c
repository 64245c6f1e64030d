/* slt_gemm.c - the integer core (docs/numerics.md §4-§6): naive GEMM, the
 * array's weight stream, table build, the LUT GEMM in the array's schedule, a
 * fast LUT GEMM on a prebuilt stream, and the event/cycle model.
 *
 * Two LUT implementations exist on purpose and are tested against each other
 * and against the naive GEMM on every shape the tests draw:
 *   slt_gemm_lut        - follows the array step by step (unsigned tables, sign
 *                         applied at lookup, skip, buffer mode decoding the raw
 *                         activation); the golden model for RTL.
 *   slt_gemm_lut_stream - the same sums with signed tables indexed by the raw
 *                         key and byte keys, for speed (bench, CLI on big
 *                         shapes). Identical results because table entry 3^t is
 *                         a_t itself, so buffer mode and LUT mode agree. */
#include "slt_gemm.h"

#include "slt_arrayif.h"
#include "slt_bufgeom.h"
#include "slt_busy.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "slt_pack.h"
#include "slt_reorder.h"
#include "slt_err.h"

static int check_shape(const char *who, int m, int k, int n, char *err, size_t errlen)
{
    if (m < 1 || k < 1 || n < 1)
        return slt_fail(err, errlen, "%s: shape M = %d, K = %d, N = %d is not legal: each must be >= 1", who, m, k, n);
    return 0;
}

static uint64_t ceil_div(uint64_t a, uint64_t b) { return (a + b - 1) / b; }

/* ---- naive ------------------------------------------------------------------ */

int slt_gemm_naive(const int8_t *w, const int16_t *x, int32_t *y, int m, int k, int n, char *err, size_t errlen)
{
    int rc = check_shape("gemm naive", m, k, n, err, errlen);
    if (rc) return rc;
    for (int t = 0; t < n; t++) {
        const int16_t *xt = x + (size_t)t * k;
        for (int r = 0; r < m; r++) {
            const int8_t *wr = w + (size_t)r * k;
            int64_t acc = 0;
            for (int i = 0; i < k; i++) acc += (int64_t)wr[i] * xt[i];
            if (acc > INT32_MAX || acc < INT32_MIN)
                return slt_fail(err, errlen, "gemm naive: y[%d][%d] = %" PRId64 " overflows int32", t, r, acc);
            y[(size_t)t * m + r] = (int32_t)acc;
        }
    }
    return 0;
}

/* ---- keys and tables -------------------------------------------------------- */

/* Key of the largest signed table the fast path indexes directly. */
static int key_space(int g, int binary) { return 1 << slt_key_bits(g, binary); }

void slt_table_build(const int16_t *a, int g, int binary, int32_t *table)
{
    if (binary) {
        /* T[0] = a[G-1] - a[0] - ... - a[G-2]; T[u] = T[u - 2^p] + 2*a[p],
         * p = top set bit of u: flipping weight p from -1 to +1 adds 2*a[p]. */
        int32_t t0 = a[g - 1];
        for (int i = 0; i < g - 1; i++) t0 -= a[i];
        table[0] = t0;
        for (int u = 1, p = 0; u < 1 << (g - 1); u++) {
            if (u == 2 << p) p++;
            table[u] = table[u - (1 << p)] + 2 * (int32_t)a[p];
        }
        return;
    }
    /* table[j-1] = T[j], j = 1..(3^G-1)/2, T[0] = 0 (the skip key, not stored).
     * Entries with top balanced-ternary digit at t are j = 3^t + r with
     * |r| <= (3^t-1)/2, so T[j] = a[t] + sign(r)*T[|r|] reuses an entry that is
     * already built (|r| < j): one adder per entry, none for j = 3^t. */
    for (int t = 0, p = 1; t < g; t++, p *= 3) {
        int h = (p - 1) / 2;
        for (int r = -h; r <= h; r++) {
            int32_t prev = r == 0 ? 0 : table[(r < 0 ? -r : r) - 1];
            table[p + r - 1] = a[t] + (r < 0 ? -prev : prev);
        }
    }
}

/* Lookup with the magnitude width precomputed (hot in slt_gemm_lut). */
static int32_t lookup(const int32_t *table, uint32_t key, int mb, uint32_t entries, int binary)
{
    uint32_t mag = key & ((1u << mb) - 1), sign = (key >> mb) & 1u;
    int32_t v;
    if (binary) v = table[mag];
    else if (mag == 0 || mag > entries) v = 0; /* skip key (or an invalid one: never in a built stream) */
    else v = table[mag - 1];
    return sign ? -v : v;
}

int32_t slt_table_lookup(const int32_t *table, uint32_t key, int g, int binary)
{
    return lookup(table, key, slt_key_mag_bits(g, binary), (uint32_t)slt_table_entries(g, binary), binary);
}

/* ---- activation slicing (docs/numerics.md §8) ---------------------------------- */

static int n_slices(int act_bits, int slice_bits) { return slice_bits ? act_bits / slice_bits : 1; }
static int slice_b(const slt_stream *s) { return s->slice_bits ? s->slice_bits : s->act_bits; }

int32_t slt_act_slice(int32_t a, int s, int act_bits, int slice_bits)
{
    int b = slice_bits ? slice_bits : act_bits, top = s == n_slices(act_bits, slice_bits) - 1;
    uint32_t bits = ((uint32_t)a >> (s * b)) & ((1u << b) - 1u);
    /* the top slice carries the sign bit of a: two's complement in b bits */
    return top && (bits >> (b - 1)) ? (int32_t)bits - (int32_t)(1u << b) : (int32_t)bits;
}

void slt_table_build_sliced(const int16_t *a, int g, int binary, int act_bits, int slice_bits, int32_t *tables)
{
    int ns = n_slices(act_bits, slice_bits), ent = slt_table_entries(g, binary);
    for (int s = 0; s < ns; s++) {
        int16_t sl[8];
        for (int i = 0; i < g; i++) sl[i] = (int16_t)slt_act_slice(a[i], s, act_bits, slice_bits);
        slt_table_build(sl, g, binary, tables + (size_t)s * ent);
    }
}

/* The unsigned (sign not applied) joined entry at magnitude mag: what the
 * lane's S multiplexers and its shift-adds produce; 0 past the table. */
static int32_t sliced_entry(const int32_t *tables, uint32_t mag, int ent, int binary, int act_bits, int slice_bits)
{
    int ns = n_slices(act_bits, slice_bits), b = slice_bits ? slice_bits : act_bits;
    uint32_t slot = binary ? mag : mag - 1;
    if (!binary && (mag == 0 || mag > (uint32_t)ent)) return 0;
    int64_t v = 0;
    for (int s = 0; s < ns; s++) v += (int64_t)tables[(size_t)s * ent + slot] * ((int64_t)1 << (s * b));
    return (int32_t)v;
}

int32_t slt_table_lookup_sliced(const int32_t *tables, uint32_t key, int g, int binary, int act_bits, int slice_bits)
{
    int mb = slt_key_mag_bits(g, binary);
    uint32_t mag = key & ((1u << mb) - 1), sign = (key >> mb) & 1u;
    int32_t v = sliced_entry(tables, mag, slt_table_entries(g, binary), binary, act_bits, slice_bits);
    return sign ? -v : v;
}

/* ---- stream ----------------------------------------------------------------- */

static int check_cfg(const slt_config *cfg, char *err, size_t errlen)
{
    if (cfg->group_size < 2 || cfg->group_size > 5)
        return slt_fail(err, errlen, "config: group_size = %d is not legal: expected 2..5", cfg->group_size);
    if (cfg->lut_units < 1 || cfg->row_lanes < 1)
        return slt_fail(err, errlen, "config: lut_units = %d, row_lanes = %d: both must be >= 1", cfg->lut_units,
                    cfg->row_lanes);
    if (cfg->act_bits != 4 && cfg->act_bits != 8 && cfg->act_bits != 16)
        return slt_fail(err, errlen, "config: act_bits = %d is not legal: expected 4, 8 or 16", cfg->act_bits);
    return 0;
}

static size_t key_index(const slt_stream *s, int chunk, int row, int u)
{
    return ((size_t)chunk * (size_t)s->row_blocks * (size_t)s->l + (size_t)row) * (size_t)s->u + (size_t)u;
}

static int stream_alloc(const slt_config *cfg, int m, int k, slt_stream *s)
{
    s->g = cfg->group_size;
    s->u = cfg->lut_units;
    s->l = cfg->row_lanes;
    s->binary = slt_format_is_binary(cfg->weight_format);
    s->m = m;
    s->k = k;
    s->n_groups = (k + s->g - 1) / s->g;
    s->n_chunks = (s->n_groups + s->u - 1) / s->u;
    s->row_blocks = (m + s->l - 1) / s->l;
    s->act_bits = cfg->act_bits;
    s->key_bits = slt_key_bits(s->g, s->binary);
    s->slice_bits = cfg->act_slice_bits;
    size_t nk = (size_t)s->n_chunks * (size_t)s->row_blocks * (size_t)s->l * (size_t)s->u;
    s->modes = calloc((size_t)s->n_chunks * (size_t)s->u, 1);
    s->keys = malloc(nk * sizeof *s->keys);
    s->keys8 = malloc(nk);
    return s->modes && s->keys && s->keys8 ? 0 : -1;
}

/* Padding key: ternary 0 (skip); binary all +1 (its activations are 0). */
static uint32_t padding_key(int g, int binary) { return binary ? (1u << (g - 1)) - 1 : 0; }

/* The encoder, tabulated: every group is first reduced to its pattern index
 * (ternary: sum (w[i]+1)*3^i; binary: sum (w[i]==+1)<<i) and the key is read
 * from a table filled by slt_key_encode, the one definition of the key. */
typedef struct {
    uint32_t key[243];    /* by pattern index (3^5 = 243 >= 2^5) */
    uint8_t single[256];  /* by key: zero or a single +-1 weight (ternary) */
    int base, pad_digit;  /* 3 or 2; digit of a padding weight (0 or +1) */
} key_codec;

static void codec_init(key_codec *c, int g, int binary)
{
    /* patterns past npat only come from weights outside the alphabet (reported
     * as errors); they must still index `single` inside its bounds */
    memset(c, 0, sizeof *c);
    c->base = binary ? 2 : 3;
    c->pad_digit = 1; /* ternary 0 -> digit 1; binary +1 -> bit 1 */
    int npat = binary ? 1 << g : 1;
    for (int i = 0; !binary && i < g; i++) npat *= 3;
    for (int idx = 0; idx < npat; idx++) {
        int8_t w[5];
        for (int i = 0, v = idx; i < g; i++, v /= c->base)
            w[i] = (int8_t)(binary ? (v % 2 ? 1 : -1) : v % 3 - 1);
        c->key[idx] = slt_key_encode(w, g, binary);
    }
    for (uint32_t key = 0; key < 256; key++) c->single[key] = (uint8_t)(!binary && slt_key_is_single(key, g));
}

/* The message for the first weight of row r outside the alphabet. */
static int bad_weight(const slt_stream *s, const int8_t *wr, int r, char *err, size_t errlen)
{
    for (int kk = 0; kk < s->k; kk++) {
        int8_t v = wr[kk];
        if (s->binary ? (v != 1 && v != -1) : (v < -1 || v > 1))
            return slt_fail(err, errlen, "stream: weight [%d,%d] = %d is not in the %s alphabet (%s)", r, kk, v,
                        s->binary ? "binary" : "ternary", s->binary ? "-1, +1" : "-1, 0, +1");
    }
    return slt_fail(err, errlen, "stream: row %d: bad weight", r); /* not reached */
}

/* Pattern index of one group of cnt real weights (padding digits above them);
 * sets *bad when a weight is outside the alphabet. */
static inline int group_pattern(const key_codec *c, const int8_t *wg, int g, int cnt, int binary, int *bad)
{
    int idx = 0;
    for (int i = g; i-- > 0;) {
        int d = c->pad_digit;
        if (i < cnt) {
            int v = wg[i];
            d = binary ? (v == 1) : v + 1;
            *bad |= binary ? (v != 1 && v != -1) : (unsigned)(v + 1) > 2u;
        }
        idx = idx * c->base + d;
    }
    return idx;
}

/* Fill keys row by row (sequential reads of W) and gather, per group, whether
 * every real row's key is zero-or-single. */
static int stream_fill(slt_stream *s, const int8_t *w, uint8_t *all_single, char *err, size_t errlen)
{
    key_codec c;
    codec_init(&c, s->g, s->binary);
    size_t chunk_stride = (size_t)s->row_blocks * (size_t)s->l * (size_t)s->u;
    for (int r = 0; r < s->m; r++) {
        const int8_t *wr = w + (size_t)r * s->k;
        int bad = 0;
        for (int gi = 0; gi < s->n_groups; gi++) {
            int k0 = gi * s->g, cnt = s->k - k0 < s->g ? s->k - k0 : s->g;
            int pat = group_pattern(&c, wr + k0, s->g, cnt, s->binary, &bad);
            if (bad) return bad_weight(s, wr, r, err, errlen); /* pat may lie past the codec's table */
            uint32_t key = c.key[pat];
            size_t at = (size_t)(gi / s->u) * chunk_stride + (size_t)r * (size_t)s->u + (size_t)(gi % s->u);
            s->keys[at] = key;
            s->keys8[at] = (uint8_t)key;
            all_single[gi] &= c.single[key];
        }
    }
    return 0;
}

/* Buffer mode (1) for a real ternary group whose every real row's key is zero
 * or a single +-1 weight: its table would only ever serve entries 3^t = a_t,
 * so the builder idles for that chunk group and the lane adds the non-zero
 * activation directly from the raw activation register. A group that is zero
 * in every row is in buffer mode too: nothing is built for it at all.
 * Binary keys are never single. Padding groups stay 0 (calloc). */
static void stream_modes(const slt_config *cfg, slt_stream *s, const uint8_t *all_single)
{
    int allow = cfg->buffer_mode == SLT_BUFMODE_AUTO && !s->binary;
    for (int gi = 0; gi < s->n_groups; gi++) s->modes[gi] = (uint8_t)(allow && all_single[gi]);
}

int slt_stream_build(const slt_config *cfg, const int8_t *w, int m, int k, slt_stream *s, char *err, size_t errlen)
{
    memset(s, 0, sizeof *s);
    int rc = check_cfg(cfg, err, errlen);
    if (!rc) rc = check_shape("stream", m, k, 1, err, errlen);
    if (rc) return rc;
    if (k > cfg->max_k)
        return slt_fail(err, errlen, "stream: K = %d exceeds max_k = %d of config '%s' (raise it with --set max_k=%d)", k,
                    cfg->max_k, cfg->name, k);
    uint8_t *all_single = NULL;
    if (stream_alloc(cfg, m, k, s) || !(all_single = malloc((size_t)s->n_groups))) {
        rc = slt_fail(err, errlen, "stream: out of memory for M = %d, K = %d", m, k);
        goto out;
    }
    size_t nk = (size_t)s->n_chunks * (size_t)s->row_blocks * (size_t)s->l * (size_t)s->u;
    uint32_t pad = padding_key(s->g, s->binary);
    for (size_t i = 0; i < nk; i++) s->keys[i] = pad;
    memset(s->keys8, (int)pad, nk);
    memset(all_single, 1, (size_t)s->n_groups);
    if ((rc = stream_fill(s, w, all_single, err, errlen))) goto out;
    stream_modes(cfg, s, all_single);
out:
    free(all_single);
    if (rc) slt_stream_free(s);
    return rc;
}

void slt_stream_free(slt_stream *s)
{
    free(s->modes);
    free(s->keys);
    free(s->keys8);
    memset(s, 0, sizeof *s);
}

/* ---- events ------------------------------------------------------------------ */

static uint64_t adds_per_table(int g, int binary)
{
    return binary ? (uint64_t)(g - 1) + ((1u << (g - 1)) - 1) : (uint64_t)slt_table_entries(g, 0) - (uint64_t)g;
}

/* Key-dependent counts per token (real rows, real groups only). */
static void count_keys(const slt_stream *s, slt_events *ev)
{
    for (int gi = 0; gi < s->n_groups; gi++) {
        uint64_t nz = 0;
        for (int r = 0; r < s->m; r++) nz += s->keys[key_index(s, gi / s->u, r, gi % s->u)] != 0 || s->binary;
        uint64_t z = (uint64_t)s->m - nz;
        ev->skipped_groups += z;
        if (s->modes[gi]) {
            ev->buffer_groups += 1;
            ev->buffer_adds += nz;
        } else {
            ev->table_builds += 1;
            ev->lookups += nz;
        }
    }
}

/* The one event/cycle model (docs/numerics.md §6), shared by slt_gemm_lut and
 * slt_predict so the two can never disagree. */
static void count_events(const slt_config *cfg, const slt_stream *s, int n, slt_events *ev)
{
    memset(ev, 0, sizeof *ev);
    count_keys(s, ev);
    uint64_t N = (uint64_t)n, M = (uint64_t)s->m, K = (uint64_t)s->k;
    uint64_t NC = (uint64_t)s->n_chunks, RB = (uint64_t)s->row_blocks, U = (uint64_t)s->u;
    uint64_t bus_bytes = (uint64_t)cfg->bus_bits / 8, ab = (uint64_t)cfg->act_bits;
    ev->table_builds *= N;
    ev->lookups *= N;
    ev->skipped_groups *= N;
    ev->buffer_groups *= N;
    ev->buffer_adds *= N;
    /* slicing: every build is S slice tables (each with the same adders), every
     * term S entry reads and S-1 shift-adds; the cycles do not change. */
    uint64_t S = (uint64_t)n_slices(cfg->act_bits, cfg->act_slice_bits);
    ev->accumulates = ev->lookups + ev->buffer_adds;
    ev->slice_tables = ev->table_builds * S;
    ev->build_adds = ev->slice_tables * adds_per_table(s->g, s->binary);
    ev->slice_reads = ev->accumulates * S;
    ev->slice_adds = ev->accumulates * (S - 1);
    /* Mode bits (one per chunk group) precede the weights of a ternary stream. */
    uint64_t mode_bytes = s->binary ? 0 : ceil_div(NC * U, 8);
    uint64_t packed = slt_packed_bytes(cfg->weight_format, (size_t)(M * K));
    ev->weight_bytes = packed + mode_bytes;
    /* The top's link (docs/top.md): the mode section and the weight section each
     * start on a beat, so the weight packet is this many beats. */
    ev->link_cycles = ceil_div(mode_bytes, bus_bytes) + ceil_div(packed, bus_bytes);
    /* Per (tile, token) pass, a tile being cj = psum_chunks chunks (the last tile the
     * rest): cj table-build cycles, RB*cj row cycles (the row block's partial sum
     * stays in the lanes across the tile's chunks), and max(0, reissue_gap - RB*cj)
     * bubbles so that a row block's partial sum is written back to obuf before the
     * next tile's pass reads it (slt_pass_cycles, ref/slt_arrayif.h; psum_chunks = 1:
     * N*NC*(RB + 1 + max(0, gap - RB))); plus the lane pipeline fill/drain. The top's
     * RTL issues exactly this when the link keeps up (docs/top.md "Cycles"). */
    /* the top's buffers add their read latency RL - 1 beyond one cycle and the last
     * obuf write's latency WL - 1 (ref/slt_bufgeom.h) */
    uint64_t lat = (uint64_t)slt_array_latency(cfg) + (uint64_t)slt_buf_read_latency(cfg) - 1 +
                   (uint64_t)slt_buf_write_latency(cfg) - 1;
    ev->compute_cycles = slt_pass_cycles(cfg, NC, RB, N) + lat;
    ev->cycles = ev->compute_cycles > ev->link_cycles ? ev->compute_cycles : ev->link_cycles;
    /* Buffers of the top: wbuf word = one row block's keys (written once per chunk,
     * read once per token), abuf word = one chunk's activations of one token, obuf
     * word = one row block's partial sums: written once per tile of psum_chunks
     * chunks (NT tiles), read back from the second tile on, and once more to send
     * the results. */
    uint64_t NT = ceil_div(NC, (uint64_t)cfg->psum_chunks);
    ev->wbuf_writes = NC * RB;
    ev->wbuf_reads = N * NC * RB;
    ev->abuf_writes = N * NC;
    ev->abuf_reads = N * NC;
    ev->obuf_writes = N * NT * RB;
    ev->obuf_reads = N * (NT - 1) * RB + N * RB;
    /* Whole beats on the link: weight packet, activation packet (each token starts
     * on a beat), result packet (32-bit results). */
    ev->link_bytes = bus_bytes * (ev->link_cycles + N * ceil_div(K * ab, (uint64_t)cfg->bus_bits) +
                                  ceil_div(N * M * 4, bus_bytes));
    /* The top's exact busy cycles of the command and of its LOAD_ACT (slt_busy.h). */
    slt_busy b, a;
    slt_busy_gemm(cfg, s->m, s->k, n, &b);
    slt_busy_load_act(cfg, s->k, n, &a);
    ev->busy_cycles = b.busy;
    ev->busy_desc_cycles = b.desc;
    ev->busy_run_cycles = b.run;
    ev->busy_out_cycles = b.out;
    ev->load_busy_cycles = a.busy;
}

int slt_predict(const slt_config *cfg, const int8_t *w, int m, int k, int n, slt_events *ev, char *err, size_t errlen)
{
    int rc = check_shape("predict", m, k, n, err, errlen);
    slt_stream s;
    if (rc || (rc = slt_stream_build(cfg, w, m, k, &s, err, errlen))) return rc;
    count_events(cfg, &s, n, ev);
    slt_stream_free(&s);
    return 0;
}

void slt_events_json(const slt_events *ev, int m, int k, int n, FILE *f)
{
    fprintf(f,
            "{\"m\": %d, \"k\": %d, \"n\": %d, \"cycles\": %" PRIu64 ", \"compute_cycles\": %" PRIu64
            ", \"link_cycles\": %" PRIu64 ", \"table_builds\": %" PRIu64 ", \"build_adds\": %" PRIu64
            ", \"lookups\": %" PRIu64 ", \"skipped_groups\": %" PRIu64 ", \"buffer_groups\": %" PRIu64
            ", \"buffer_adds\": %" PRIu64 ", \"accumulates\": %" PRIu64 ", \"wbuf_reads\": %" PRIu64
            ", \"wbuf_writes\": %" PRIu64 ", \"abuf_reads\": %" PRIu64 ", \"abuf_writes\": %" PRIu64
            ", \"obuf_reads\": %" PRIu64 ", \"obuf_writes\": %" PRIu64 ", \"weight_bytes\": %" PRIu64
            ", \"link_bytes\": %" PRIu64 ", \"slice_tables\": %" PRIu64 ", \"slice_reads\": %" PRIu64
            ", \"slice_adds\": %" PRIu64 ", \"busy_cycles\": %" PRIu64 ", \"busy_desc_cycles\": %" PRIu64
            ", \"busy_run_cycles\": %" PRIu64 ", \"busy_out_cycles\": %" PRIu64 ", \"load_busy_cycles\": %" PRIu64 "}\n",
            m, k, n, ev->cycles, ev->compute_cycles, ev->link_cycles, ev->table_builds, ev->build_adds, ev->lookups,
            ev->skipped_groups, ev->buffer_groups, ev->buffer_adds, ev->accumulates, ev->wbuf_reads, ev->wbuf_writes,
            ev->abuf_reads, ev->abuf_writes, ev->obuf_reads, ev->obuf_writes, ev->weight_bytes, ev->link_bytes,
            ev->slice_tables, ev->slice_reads, ev->slice_adds, ev->busy_cycles, ev->busy_desc_cycles,
            ev->busy_run_cycles, ev->busy_out_cycles, ev->load_busy_cycles);
}

/* ---- LUT GEMM in the array's schedule --------------------------------------- */

/* Every activation must fit act_bits (the array's input width), and K terms
 * of the widest product must fit the int32 accumulator. */
static int check_acts(int act_bits, const int16_t *x, int k, int n, char *err, size_t errlen)
{
    int lo = -(1 << (act_bits - 1)), hi = (1 << (act_bits - 1)) - 1;
    if (((uint64_t)k << (act_bits - 1)) > (uint64_t)INT32_MAX)
        return slt_fail(err, errlen, "gemm: K = %d with act_bits = %d can overflow a 32-bit accumulator", k, act_bits);
    for (int t = 0; t < n; t++)
        for (int i = 0; i < k; i++) {
            int v = x[(size_t)t * k + i];
            if (v < lo || v > hi)
                return slt_fail(err, errlen,
                            "gemm: activation %d at [%d,%d] does not fit act_bits = %d (legal %d..%d); "
                            "use a wider configuration, e.g. --set act_bits=16",
                            v, t, i, act_bits, lo, hi);
        }
    return 0;
}

/* Activations of chunk c for token xt, 0 past K: acts[u*G + i]. */
static void chunk_acts(const slt_stream *s, const int16_t *xt, int c, int16_t *acts)
{
    for (int u = 0; u < s->u; u++)
        for (int i = 0; i < s->g; i++) {
            int kk = (c * s->u + u) * s->g + i;
            acts[u * s->g + i] = (int16_t)(kk < s->k ? xt[kk] : 0);
        }
}

/* Term one (row, group) contributes, as the lane forms it: the S slice entries
 * at the key's magnitude, joined by shift-adds, then the sign. Buffer mode:
 * the key is a single +-1 at position t = log3|s|; the builder loaded only the
 * raw entries 3^t (slice s of a[t]), which the lane reads and joins. */
static int32_t group_term(const slt_stream *s, uint32_t key, int buffer, const int16_t *a, const int32_t *tables, int mb,
                          uint32_t entries)
{
    if (!s->binary && key == 0) return 0; /* skip: no read, no add */
    if (!buffer)
        return s->slice_bits ? slt_table_lookup_sliced(tables, key, s->g, s->binary, s->act_bits, s->slice_bits)
                             : lookup(tables, key, mb, entries, s->binary);
    uint32_t mag = key & ((1u << mb) - 1);
    int t = 0;
    while (mag > 1) mag /= 3, t++;
    int64_t v = 0;
    for (int sl = 0; sl < n_slices(s->act_bits, s->slice_bits); sl++)
        v += (int64_t)slt_act_slice(a[t], sl, s->act_bits, s->slice_bits) * ((int64_t)1 << (sl * slice_b(s)));
    return (key >> mb) ? -(int32_t)v : (int32_t)v;
}

/* One token, one chunk: build the LUT-mode tables (S per group), then every
 * real row adds its chunk sum into its partial sum yt[r]. */
static void run_chunk(const slt_stream *s, const int16_t *xt, int c, int32_t *yt, int16_t *acts, int32_t *tables)
{
    int ent = slt_table_entries(s->g, s->binary), mb = slt_key_mag_bits(s->g, s->binary);
    int per = ent * n_slices(s->act_bits, s->slice_bits);
    chunk_acts(s, xt, c, acts);
    for (int u = 0; u < s->u; u++) {
        int gi = c * s->u + u;
        if (gi < s->n_groups && !s->modes[gi])
            slt_table_build_sliced(acts + u * s->g, s->g, s->binary, s->act_bits, s->slice_bits, tables + u * per);
    }
    for (int r = 0; r < s->m; r++) {
        int32_t sum = 0;
        for (int u = 0; u < s->u && c * s->u + u < s->n_groups; u++)
            sum += group_term(s, s->keys[key_index(s, c, r, u)], s->modes[c * s->u + u], acts + u * s->g,
                              tables + u * per, mb, (uint32_t)ent);
        yt[r] += sum;
    }
}

int slt_gemm_lut(const slt_config *cfg, const int8_t *w, const int16_t *x, int32_t *y, int m, int k, int n,
                 slt_events *ev, char *err, size_t errlen)
{
    if (cfg->reorder != SLT_REORDER_NONE) return slt_gemm_lut_reordered(cfg, w, x, y, m, k, n, ev, err, errlen);
    int rc = check_shape("gemm lut", m, k, n, err, errlen);
    if (!rc) rc = check_cfg(cfg, err, errlen);
    if (!rc) rc = check_acts(cfg->act_bits, x, k, n, err, errlen);
    slt_stream s;
    if (rc || (rc = slt_stream_build(cfg, w, m, k, &s, err, errlen))) return rc;
    int16_t *acts = malloc((size_t)s.u * (size_t)s.g * sizeof *acts);
    int32_t *tables = malloc((size_t)s.u * (size_t)slt_table_entries(s.g, s.binary) *
                             (size_t)n_slices(s.act_bits, s.slice_bits) * sizeof *tables);
    if (!acts || !tables) {
        rc = slt_fail(err, errlen, "gemm lut: out of memory");
    } else {
        memset(y, 0, (size_t)n * (size_t)m * sizeof *y);
        for (int t = 0; t < n; t++)
            for (int c = 0; c < s.n_chunks; c++) run_chunk(&s, x + (size_t)t * k, c, y + (size_t)t * m, acts, tables);
        if (ev) count_events(cfg, &s, n, ev);
    }
    free(acts);
    free(tables);
    slt_stream_free(&s);
    return rc;
}

/* ---- fast LUT GEMM on a prebuilt stream --------------------------------------- */

/* Signed table indexed by the raw key: S[key] = lookup(T, key), 0 for the skip
 * key and for key values no stream holds. Removes the sign branch. */
static void signed_table(const slt_stream *s, const int16_t *a, int32_t *tmp, int32_t *S)
{
    int ks = key_space(s->g, s->binary), mb = slt_key_mag_bits(s->g, s->binary);
    int ent = slt_table_entries(s->g, s->binary);
    if (s->slice_bits) {
        /* sliced: S tables, each key's entries joined (tmp holds S*E entries) */
        slt_table_build_sliced(a, s->g, s->binary, s->act_bits, s->slice_bits, tmp);
        for (int key = 0; key < ks; key++)
            S[key] = slt_table_lookup_sliced(tmp, (uint32_t)key, s->g, s->binary, s->act_bits, s->slice_bits);
        return;
    }
    slt_table_build(a, s->g, s->binary, tmp);
    for (int key = 0; key < ks; key++) S[key] = lookup(tmp, (uint32_t)key, mb, (uint32_t)ent, s->binary);
}

/* y[r] += sum_{u<cnt} S[u][kp[r*stride + u]] for the m real rows of one chunk.
 * cnt is a compile-time constant at the call sites below, so the inner loop
 * unrolls and the sum stays in a register. */
static inline void rows_sum(const int32_t *S, int ks, const uint8_t *kp, int stride, int cnt, int m, int32_t *y)
{
    for (int r = 0; r < m; r++, kp += stride) {
        int32_t acc = 0;
        for (int u = 0; u < cnt; u++) acc += S[u * ks + kp[u]];
        y[r] += acc;
    }
}

/* Tables u0..u0+7 at a time: one pass over the rows per 8 tables. */
static void rows_dispatch(const int32_t *S, int ks, const uint8_t *kp, int U, int m, int32_t *y)
{
    for (int u0 = 0; u0 < U; u0 += 8) {
        const int32_t *S0 = S + (size_t)u0 * ks;
        switch (U - u0 < 8 ? U - u0 : 8) {
        case 1: rows_sum(S0, ks, kp + u0, U, 1, m, y); break;
        case 2: rows_sum(S0, ks, kp + u0, U, 2, m, y); break;
        case 3: rows_sum(S0, ks, kp + u0, U, 3, m, y); break;
        case 4: rows_sum(S0, ks, kp + u0, U, 4, m, y); break;
        case 5: rows_sum(S0, ks, kp + u0, U, 5, m, y); break;
        case 6: rows_sum(S0, ks, kp + u0, U, 6, m, y); break;
        case 7: rows_sum(S0, ks, kp + u0, U, 7, m, y); break;
        default: rows_sum(S0, ks, kp + u0, U, 8, m, y); break;
        }
    }
}

int slt_gemm_lut_stream(const slt_stream *s, const int16_t *x, int32_t *y, int n, char *err, size_t errlen)
{
    int rc = check_shape("gemm lut stream", s->m, s->k, n, err, errlen);
    if (!rc) rc = check_acts(s->act_bits, x, s->k, n, err, errlen);
    if (rc) return rc;
    int ks = key_space(s->g, s->binary);
    int16_t *acts = malloc((size_t)s->u * (size_t)s->g * sizeof *acts);
    int32_t *tmp = malloc((size_t)slt_table_entries(s->g, s->binary) * (size_t)n_slices(s->act_bits, s->slice_bits) *
                          sizeof *tmp);
    int32_t *S = malloc((size_t)s->u * (size_t)ks * sizeof *S);
    if (!acts || !tmp || !S) {
        rc = slt_fail(err, errlen, "gemm lut stream: out of memory");
        goto out;
    }
    memset(y, 0, (size_t)n * (size_t)s->m * sizeof *y);
    size_t chunk_keys = (size_t)s->row_blocks * (size_t)s->l * (size_t)s->u;
    for (int c = 0; c < s->n_chunks; c++) {
        for (int t = 0; t < n; t++) {
            chunk_acts(s, x + (size_t)t * s->k, c, acts);
            for (int u = 0; u < s->u; u++) signed_table(s, acts + u * s->g, tmp, S + u * ks);
            rows_dispatch(S, ks, s->keys8 + (size_t)c * chunk_keys, s->u, s->m, y + (size_t)t * s->m);
        }
    }
out:
    free(acts);
    free(tmp);
    free(S);
    return rc;
}
