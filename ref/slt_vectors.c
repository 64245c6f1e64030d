/* slt_vectors.c - array test stimulus, issue schedule and vector files (slt_vectors.h). */
#include "slt_vectors.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "slt_arrayif.h"
#include "slt_err.h"

/* ---- schedule ------------------------------------------------------------ */

static int push_cycle(slt_cycle **v, size_t *n, size_t *cap, slt_cycle c)
{
    if (*n == *cap) {
        size_t ncap = *cap ? *cap * 2 : 256;
        slt_cycle *nv = realloc(*v, ncap * sizeof *nv);
        if (!nv) return -1;
        *v = nv;
        *cap = ncap;
    }
    (*v)[(*n)++] = c;
    return 0;
}

slt_psum_src slt_schedule_psum_src(int chunk, int psum_chunks)
{
    if (chunk == 0) return SLT_PSUM_ZERO;
    return chunk % psum_chunks ? SLT_PSUM_FORWARD : SLT_PSUM_BUFFER;
}

typedef struct {
    slt_cycle *v;
    size_t n, cap;
    long long now;
    int rc;
} sched;

static void emit(sched *q, slt_cycle c)
{
    if (!q->rc) q->rc = push_cycle(&q->v, &q->n, &q->cap, c);
    q->now++;
}

/* One (tile, token) pass: chunks c0 .. c0+cj-1 in slots 0..cj-1. last[r] is
 * the cycle of row block r's last issue (of this token). */
static void schedule_pass(sched *q, int rb, int c0, int cj, int t, int own_loads, int gap, long long *last)
{
    for (int j = 0; own_loads && j < cj; j++) emit(q, (slt_cycle){1, 0, c0 + j, t, 0, j});
    for (int r = 0; r < rb; r++) {
        /* wait until the previous tile's partial sum of this row block is back */
        while (!q->rc && q->now < last[r] + gap) emit(q, (slt_cycle){0, 0, 0, 0, 0, 0});
        for (int j = 0; j < cj; j++) emit(q, (slt_cycle){!own_loads && r == 0, 1, c0 + j, t, r, j});
        last[r] = q->now - 1;
    }
}

int slt_schedule_build(const slt_stream *s, int n, int gap, int psum_chunks, slt_cycle **cycles, size_t *ncycles,
                       char *err, size_t errlen)
{
    if (psum_chunks < 1) return slt_fail(err, errlen, "schedule: psum_chunks = %d, expected at least 1", psum_chunks);
    size_t slots = (size_t)n * (size_t)s->row_blocks;
    long long *last = malloc(slots * sizeof *last);
    if (!last) return slt_fail(err, errlen, "schedule: out of memory");
    for (size_t i = 0; i < slots; i++) last[i] = -(long long)gap;
    sched q = {0};
    long long pass = 0;
    for (int c0 = 0; c0 < s->n_chunks && !q.rc; c0 += psum_chunks) {
        int cj = s->n_chunks - c0 < psum_chunks ? s->n_chunks - c0 : psum_chunks;
        for (int t = 0; t < n && !q.rc; t++, pass++)
            schedule_pass(&q, s->row_blocks, c0, cj, t, psum_chunks > 1 && pass % 2, gap,
                          &last[(size_t)t * (size_t)s->row_blocks]);
    }
    free(last);
    if (q.rc) {
        free(q.v);
        return slt_fail(err, errlen, "schedule: out of memory");
    }
    *cycles = q.v;
    *ncycles = q.n;
    return 0;
}

/* ---- stimulus -------------------------------------------------------------- */

static int8_t random_trit(slt_prng *p) { return (int8_t)slt_prng_range(p, -1, 1); }
static int8_t random_sign(slt_prng *p) { return slt_prng_range(p, 0, 1) ? 1 : -1; }

/* One group (columns k0..k0+cnt-1) of every row in one style. */
static void weights_group(int binary, int m, int k, int k0, int cnt, int style, slt_prng *p, int8_t *w)
{
    for (int r = 0; r < m; r++) {
        int8_t *g = w + (size_t)r * k + k0;
        int single = style == 1 ? (int)slt_prng_range(p, -1, cnt - 1) : -1; /* -1: the row's group is zero */
        for (int i = 0; i < cnt; i++) {
            int8_t v;
            switch (style) {
            case 1: v = binary ? random_sign(p) : (i == single ? random_sign(p) : 0); break;
            case 2: v = binary ? random_sign(p) : 0; break;
            case 3: v = 1; break;
            case 4: v = -1; break;
            default: v = binary ? random_sign(p) : random_trit(p); break;
            }
            g[i] = v;
        }
    }
}

void slt_vectors_weights(const slt_config *cfg, int m, int k, slt_weight_style style, slt_prng *p, int8_t *w)
{
    int g = cfg->group_size, binary = slt_format_is_binary(cfg->weight_format);
    if (style == SLT_W_ZERO && binary) style = SLT_W_MIXED;
    for (int k0 = 0; k0 < k; k0 += g) {
        int cnt = k - k0 < g ? k - k0 : g;
        int gs;
        switch (style) {
        case SLT_W_ZERO: gs = 2; break;
        case SLT_W_PLUS: gs = 3; break;
        case SLT_W_MINUS: gs = 4; break;
        case SLT_W_DENSE: gs = 0; break;
        default: gs = (int)slt_prng_range(p, 0, 4); break;
        }
        weights_group(binary, m, k, k0, cnt, gs, p, w);
    }
    /* MIXED: a few whole rows of zeros too (ternary), so skips run across chunks */
    if (style == SLT_W_MIXED && !binary)
        for (int r = 0; r < m; r++)
            if (slt_prng_range(p, 0, 7) == 0) memset(w + (size_t)r * k, 0, (size_t)k);
}

void slt_vectors_acts(const slt_config *cfg, int n, int k, slt_act_style style, slt_prng *p, int16_t *x)
{
    int lo = -(1 << (cfg->act_bits - 1)), hi = (1 << (cfg->act_bits - 1)) - 1;
    for (size_t i = 0; i < (size_t)n * (size_t)k; i++) {
        int v;
        switch (style) {
        case SLT_X_MIN: v = lo; break;
        case SLT_X_MAX: v = hi; break;
        case SLT_X_ONES: v = slt_prng_range(p, 0, 1) ? 1 : -1; break;
        default: {
            int pick = (int)slt_prng_range(p, 0, 15);
            v = pick == 0 ? lo : pick == 1 ? hi : pick == 2 ? 0 : (int)slt_prng_range(p, lo, hi);
        }
        }
        x[i] = (int16_t)v;
    }
}

/* ---- bit vectors ----------------------------------------------------------- */

void slt_bits_put(uint32_t *words, int lsb, int width, uint64_t value)
{
    for (int b = 0; b < width; b++) {
        int at = lsb + b;
        uint32_t mask = 1u << (at % 32);
        if ((value >> b) & 1u) words[at / 32] |= mask;
        else words[at / 32] &= ~mask;
    }
}

uint64_t slt_bits_get(const uint32_t *words, int lsb, int width)
{
    uint64_t v = 0;
    for (int b = 0; b < width; b++) {
        int at = lsb + b;
        v |= (uint64_t)((words[at / 32] >> (at % 32)) & 1u) << b;
    }
    return v;
}

void slt_bits_hex(const uint32_t *words, int width, char *out)
{
    int digits = (width + 3) / 4;
    for (int d = 0; d < digits; d++) {
        int lsb = (digits - 1 - d) * 4;
        int w = width - lsb < 4 ? width - lsb : 4;
        out[d] = "0123456789abcdef"[slt_bits_get(words, lsb, w)];
    }
    out[digits] = '\0';
}

/* ---- port images ------------------------------------------------------------- */

void slt_vectors_tbl_act(const slt_config *cfg, const int16_t *xt, int k, int chunk, uint32_t *words)
{
    int g = cfg->group_size, u = cfg->lut_units, a = cfg->act_bits;
    for (int i = 0; i < u * g; i++) {
        int kk = chunk * u * g + i;
        int16_t v = kk < k ? xt[kk] : 0;
        slt_bits_put(words, i * a, a, (uint64_t)(uint16_t)v);
    }
}

void slt_vectors_row_keys(const slt_config *cfg, const slt_stream *s, int chunk, int row_block, uint32_t *words)
{
    int f = slt_row_field_bits(cfg);
    size_t base = ((size_t)chunk * (size_t)s->row_blocks + (size_t)row_block) * (size_t)s->l * (size_t)s->u;
    for (int i = 0; i < s->l * s->u; i++) slt_bits_put(words, i * f, f, slt_row_field(cfg, s->keys[base + (size_t)i]));
}

uint64_t slt_vectors_tbl_mode(const slt_stream *s, int chunk)
{
    uint64_t m = 0;
    for (int u = 0; u < s->u; u++) m |= (uint64_t)(s->modes[(size_t)chunk * (size_t)s->u + (size_t)u] & 1u) << u;
    return m;
}

/* ---- vector files ------------------------------------------------------------- */

typedef struct {
    const slt_config *cfg;
    int m, k, n;
    uint64_t seed;
    int8_t *w;
    int16_t *x;
    int32_t *y;
    slt_stream s;
    slt_cycle *cyc;
    size_t ncyc;
} vec_job;

static FILE *open_in(const char *dir, const char *name, char *err, size_t errlen)
{
    char path[4096];
    int len = snprintf(path, sizeof path, "%s/%s", dir, name);
    if (len < 0 || (size_t)len >= sizeof path) {
        slt_fail(err, errlen, "vectors: path too long: '%s'", dir);
        return NULL;
    }
    FILE *f = fopen(path, "w");
    if (!f) slt_fail(err, errlen, "vectors: cannot write '%s': %s", path, strerror(errno));
    return f;
}

static int close_checked(FILE *f, const char *what, char *err, size_t errlen)
{
    int bad = ferror(f);
    if (fclose(f) || bad) return slt_fail(err, errlen, "vectors: error writing %s", what);
    return 0;
}

static int write_meta(const vec_job *j, const char *dir, char *err, size_t errlen)
{
    FILE *f = open_in(dir, "meta.txt", err, errlen);
    if (!f) return SLT_EXIT_BADINPUT;
    const slt_config *c = j->cfg;
    fprintf(f, "format 1\nconfig %s\nhash 0x%016" PRIx64 "\n", c->name, slt_config_hash(c));
    fprintf(f, "g %d\nu %d\nl %d\nact_bits %d\nacc_bits %d\nbinary %d\narray %s\nrow_field_bits %d\nlatency %d\n"
               "psum_delay %d\n",
            c->group_size, c->lut_units, c->row_lanes, c->act_bits, c->acc_bits, j->s.binary,
            slt_array_name(c->array), slt_row_field_bits(c), slt_array_latency(c),
            slt_array_psum_delay(c));
    if (c->psum_chunks > 1) fprintf(f, "psum_chunks %d\n", c->psum_chunks);
    fprintf(f, "m %d\nk %d\nn %d\nrow_blocks %d\nn_chunks %d\ncycles %zu\noutputs %d\nseed %" PRIu64 "\n", j->m, j->k,
            j->n, j->s.row_blocks, j->s.n_chunks, j->ncyc, j->m * j->n, j->seed);
    return close_checked(f, "meta.txt", err, errlen);
}

static int write_cycles(const vec_job *j, const char *dir, char *err, size_t errlen)
{
    const slt_config *c = j->cfg;
    int act_bits = c->lut_units * c->group_size * c->act_bits;
    int key_bits = c->row_lanes * c->lut_units * slt_row_field_bits(c);
    size_t nw = (size_t)((act_bits > key_bits ? act_bits : key_bits) + 31) / 32 + 1;
    uint32_t *act = calloc(nw, 4), *keys = calloc(nw, 4), mode[2] = {0, 0};
    char *hex = malloc(nw * 8 + 2), *hk = malloc(nw * 8 + 2), hm[32];
    FILE *f = act && keys && hex && hk ? open_in(dir, "cycles.txt", err, errlen) : NULL;
    int rc = f ? 0 : slt_fail(err, errlen, "vectors: cannot write cycles.txt");
    for (size_t i = 0; f && i < j->ncyc; i++) {
        const slt_cycle *cy = &j->cyc[i];
        memset(act, 0, nw * 4);
        memset(keys, 0, nw * 4);
        mode[0] = mode[1] = 0;
        if (cy->tbl_valid) {
            slt_vectors_tbl_act(c, j->x + (size_t)cy->token * (size_t)j->k, j->k, cy->chunk, act);
            slt_bits_put(mode, 0, c->lut_units, slt_vectors_tbl_mode(&j->s, cy->chunk));
        }
        if (cy->row_valid) slt_vectors_row_keys(c, &j->s, cy->chunk, cy->row_block, keys);
        slt_bits_hex(mode, c->lut_units, hm);
        slt_bits_hex(act, act_bits, hex);
        slt_bits_hex(keys, key_bits, hk);
        int code = 0; /* the "first" column: 1 zero, 0 buffer, 2 forward */
        if (cy->row_valid) {
            slt_psum_src src = slt_schedule_psum_src(cy->chunk, c->psum_chunks);
            code = src == SLT_PSUM_ZERO ? 1 : src == SLT_PSUM_FORWARD ? 2 : 0;
        }
        fprintf(f, "%d %s %s %d %d %d %d %s", cy->tbl_valid, hm, hex, cy->row_valid, cy->token, cy->row_block, code,
                hk);
        if (c->psum_chunks > 1) fprintf(f, " %d", cy->slot);
        fputc('\n', f);
    }
    if (f) rc = close_checked(f, "cycles.txt", err, errlen);
    free(act);
    free(keys);
    free(hex);
    free(hk);
    return rc;
}

static int write_expected(const vec_job *j, const char *dir, char *err, size_t errlen)
{
    FILE *f = open_in(dir, "expected.txt", err, errlen);
    if (!f) return SLT_EXIT_BADINPUT;
    int acc = j->cfg->acc_bits;
    uint64_t mask = acc == 64 ? ~0ull : (1ull << acc) - 1;
    for (int t = 0; t < j->n; t++)
        for (int r = 0; r < j->m; r++)
            fprintf(f, "%d %d %0*" PRIx64 "\n", t, r, (acc + 3) / 4,
                    (uint64_t)(int64_t)j->y[(size_t)t * (size_t)j->m + (size_t)r] & mask);
    return close_checked(f, "expected.txt", err, errlen);
}

/* Expected outputs from the LUT model, which must equal the naive GEMM. */
static int compute_expected(vec_job *j, char *err, size_t errlen)
{
    size_t ny = (size_t)j->n * (size_t)j->m;
    int32_t *naive = malloc(ny * sizeof *naive);
    if (!naive) return slt_fail(err, errlen, "vectors: out of memory");
    int rc = slt_gemm_lut(j->cfg, j->w, j->x, j->y, j->m, j->k, j->n, NULL, err, errlen);
    if (!rc) rc = slt_gemm_naive(j->w, j->x, naive, j->m, j->k, j->n, err, errlen);
    for (size_t i = 0; !rc && i < ny; i++)
        if (naive[i] != j->y[i])
            rc = slt_fail(err, errlen, "vectors: LUT model %d != naive %d at output %zu", j->y[i], naive[i], i);
    free(naive);
    return rc;
}

int slt_vectors_write(const slt_config *cfg, int m, int k, int n, uint64_t seed, const char *dir, char *err,
                      size_t errlen)
{
    if (m < 1 || k < 1 || n < 1 || n > cfg->max_n || k > cfg->max_k || m > cfg->max_m)
        return slt_fail(err, errlen, "vectors: shape M = %d, K = %d, N = %d is outside 1..max_m = %d, 1..max_k = %d, "
                                 "1..max_n = %d", m, k, n, cfg->max_m, cfg->max_k, cfg->max_n);
    if (mkdir(dir, 0777) && errno != EEXIST)
        return slt_fail(err, errlen, "vectors: cannot create '%s': %s", dir, strerror(errno));
    vec_job j = {.cfg = cfg, .m = m, .k = k, .n = n, .seed = seed};
    slt_prng p;
    slt_prng_seed(&p, seed);
    j.w = malloc((size_t)m * (size_t)k);
    j.x = malloc((size_t)n * (size_t)k * sizeof *j.x);
    j.y = malloc((size_t)n * (size_t)m * sizeof *j.y);
    int rc = j.w && j.x && j.y ? 0 : slt_fail(err, errlen, "vectors: out of memory");
    if (!rc) {
        slt_vectors_weights(cfg, m, k, SLT_W_MIXED, &p, j.w);
        slt_vectors_acts(cfg, n, k, SLT_X_MIXED, &p, j.x);
        rc = slt_stream_build(cfg, j.w, m, k, &j.s, err, errlen);
    }
    if (!rc)
        rc = slt_schedule_build(&j.s, n, slt_array_reissue_gap(cfg), cfg->psum_chunks, &j.cyc, &j.ncyc, err, errlen);
    if (!rc) rc = compute_expected(&j, err, errlen);
    if (!rc) rc = write_meta(&j, dir, err, errlen);
    if (!rc) rc = write_cycles(&j, dir, err, errlen);
    if (!rc) rc = write_expected(&j, dir, err, errlen);
    slt_stream_free(&j.s);
    free(j.cyc);
    free(j.w);
    free(j.x);
    free(j.y);
    return rc;
}
