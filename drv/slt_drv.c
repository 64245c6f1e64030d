/* slt_drv.c - libsltdrv (slt_drv.h, docs/driver.md): descriptors, streams,
 * status and errors of the generated top, over a platform transport. */
#include "slt_drv.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "slt_gemm.h"
#include "slt_pack.h"
#include "slt_reorder.h"
#include "slt_regs.h"

static int host_err(slt_drv *d, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->err, sizeof d->err, fmt, ap);
    va_end(ap);
    return SLT_DRV_E_HOST;
}

static int wr(slt_drv *d, uint32_t off, uint32_t v)
{
    return d->t.reg_write(d->t.ctx, off, v) ? host_err(d, "register write 0x%03x failed", off) : 0;
}

static int rd(slt_drv *d, uint32_t off, uint32_t *v)
{
    return d->t.reg_read(d->t.ctx, off, v) ? host_err(d, "register read 0x%03x failed", off) : 0;
}

static int rd64(slt_drv *d, uint32_t lo, uint64_t *v)
{
    uint32_t a, b;
    int rc = rd(d, lo, &a);
    if (!rc) rc = rd(d, lo + 4, &b);
    if (!rc) *v = (uint64_t)b << 32 | a;
    return rc;
}

int slt_drv_open(slt_drv *d, const slt_drv_transport *t, const slt_config *cfg)
{
    memset(d, 0, sizeof *d);
    d->t = *t;
    d->cfg = *cfg;
    d->poll_limit = 1000000;
    uint32_t magic, ver, lo, hi;
    int rc = rd(d, SLT_REG_ID_MAGIC, &magic);
    if (!rc) rc = rd(d, SLT_REG_ID_VERSION, &ver);
    if (!rc) rc = rd(d, SLT_REG_ID_CONFIG_HASH_LO, &lo);
    if (!rc) rc = rd(d, SLT_REG_ID_CONFIG_HASH_HI, &hi);
    if (rc) return rc;
    if (magic != SLT_REGS_ID_MAGIC) return host_err(d, "ID_MAGIC 0x%08x, expected 0x%08x", magic, SLT_REGS_ID_MAGIC);
    if (ver >> 16 != SLT_REGS_MAP_VERSION_MAJOR)
        return host_err(d, "register map version %u.%u, driver built for %u.x", ver >> 16, ver & 0xFFFFu,
                        SLT_REGS_MAP_VERSION_MAJOR);
    uint64_t h = (uint64_t)hi << 32 | lo;
    if (h != SLT_REGS_CONFIG_HASH || h != slt_config_hash(cfg))
        return host_err(d, "configuration hash 0x%016llx of the device differs from the driver's/config's",
                        (unsigned long long)h);
    return wr(d, SLT_REG_STATUS, SLT_REG_STATUS_DONE_MASK | SLT_REG_STATUS_ERROR_MASK);
}

/* bytes -> beats of bus_bits/8, zero-padded; TLAST on the last beat when last. */
static int push_bytes(slt_drv *d, const uint8_t *b, size_t n, int last)
{
    size_t bb = (size_t)d->cfg.bus_bits / 8;
    uint8_t beat[256];
    if (bb > sizeof beat) return host_err(d, "bus of %zu bytes too wide", bb);
    for (size_t i = 0; i < n; i += bb) {
        memset(beat, 0, bb);
        memcpy(beat, b + i, n - i < bb ? n - i : bb);
        if (d->t.stream_push(d->t.ctx, beat, last && i + bb >= n)) return host_err(d, "stream push failed");
    }
    return 0;
}

/* Descriptor, GO; the caller then streams. */
static int start(slt_drv *d, uint32_t op, uint32_t m, uint32_t k, uint32_t n)
{
    uint32_t ctrl = op << SLT_REG_CMD_CTRL_OPCODE_SHIFT | (uint32_t)d->cfg.weight_format << SLT_REG_CMD_CTRL_FORMAT_SHIFT;
    int rc = wr(d, SLT_REG_CMD_CTRL, ctrl);
    if (!rc) rc = wr(d, SLT_REG_CMD_M, m);
    if (!rc) rc = wr(d, SLT_REG_CMD_K, k);
    if (!rc) rc = wr(d, SLT_REG_CMD_N, n);
    if (!rc) rc = wr(d, SLT_REG_CMD_ABUF_BASE, 0);
    if (!rc) rc = wr(d, SLT_REG_CMD_OBUF_BASE, 0);
    if (!rc) rc = wr(d, SLT_REG_CMD_DOORBELL, SLT_REG_CMD_DOORBELL_GO_MASK);
    return rc;
}

/* Poll STATUS.DONE, clear it (W1C); -ERR_CODE on STATUS.ERROR. */
static int finish(slt_drv *d, const char *what)
{
    uint32_t st = 0;
    for (long i = 0;; i++) {
        int rc = rd(d, SLT_REG_STATUS, &st);
        if (rc) return rc;
        if (st & SLT_REG_STATUS_DONE_MASK) break;
        if (i >= d->poll_limit) return host_err(d, "%s: no STATUS.DONE after %ld polls", what, i);
        if (d->t.idle) d->t.idle(d->t.ctx);
    }
    int rc = wr(d, SLT_REG_STATUS, st & (SLT_REG_STATUS_DONE_MASK | SLT_REG_STATUS_ERROR_MASK));
    if (rc) return rc;
    d->commands++;
    if (!(st & SLT_REG_STATUS_ERROR_MASK)) return 0;
    uint32_t code = 0;
    if ((rc = rd(d, SLT_REG_ERR_CODE, &code))) return rc;
    snprintf(d->err, sizeof d->err, "%s: accelerator error %u (ERR_CODE, docs/regs.md)", what, code);
    return -(int)(code ? code : 255);
}

int slt_drv_load_act(slt_drv *d, const int16_t *x, int n, int k)
{
    int a = d->cfg.act_bits;
    if (n < 1 || k < 1 || k > d->cfg.max_k) return host_err(d, "LOAD_ACT: bad shape %dx%d", n, k);
    size_t tb = ((size_t)k * a + 7) / 8;
    uint8_t *bytes = calloc(tb, 1);
    if (!bytes) return host_err(d, "out of memory");
    int rc = start(d, SLT_OP_LOAD_ACT, 0, (uint32_t)k, (uint32_t)n);
    for (int t = 0; !rc && t < n; t++) {
        memset(bytes, 0, tb);
        for (int i = 0; i < k; i++) {
            uint32_t v = (uint32_t)(uint16_t)x[(size_t)t * k + i] & ((1u << a) - 1u);
            for (int bit = 0; bit < a; bit++)
                if (v >> bit & 1u) bytes[((size_t)i * a + bit) / 8] |= (uint8_t)(1u << ((i * a + bit) % 8));
        }
        rc = push_bytes(d, bytes, tb, t == n - 1); /* every token starts on a new beat */
    }
    free(bytes);
    return rc ? rc : finish(d, "LOAD_ACT");
}

/* Mode section (ternary) then the chunk-ordered packed weights (docs/top.md). */
static int push_weights(slt_drv *d, const int8_t *w, int m, int k)
{
    const slt_config *c = &d->cfg;
    slt_stream s;
    int rc = slt_stream_build(c, w, m, k, &s, d->err, sizeof d->err);
    if (rc) return SLT_DRV_E_HOST;
    int ug = c->group_size * c->lut_units;
    size_t nw = (size_t)m * k;
    int8_t *flat = malloc(nw);
    size_t pb = slt_packed_bytes(c->weight_format, nw);
    uint8_t *packed = malloc(pb ? pb : 1);
    size_t mbits = (size_t)s.n_chunks * c->lut_units;
    uint8_t *mb = calloc((mbits + 7) / 8 + 1, 1);
    if (!flat || !packed || !mb) rc = host_err(d, "out of memory");
    if (!rc && !slt_format_is_binary(c->weight_format)) {
        for (size_t g = 0; g < mbits; g++)
            if (s.modes[g]) mb[g / 8] |= (uint8_t)(1u << (g % 8));
        rc = push_bytes(d, mb, (mbits + 7) / 8, 0);
    }
    size_t f = 0;
    for (int ch = 0; !rc && ch < s.n_chunks; ch++)
        for (int r = 0; r < m; r++)
            for (int i = ch * ug; i < k && i < (ch + 1) * ug; i++) flat[f++] = w[(size_t)r * k + i];
    if (!rc && slt_pack(c->weight_format, flat, nw, packed, d->err, sizeof d->err)) rc = SLT_DRV_E_HOST;
    if (!rc) rc = push_bytes(d, packed, pb, 1);
    slt_stream_free(&s);
    free(flat);
    free(packed);
    free(mb);
    return rc;
}

/* reorder = greedy (docs/array.md §3a): the packet carries the rows in slot order
 * perm[], the device returns results in that order, the host puts result j at row
 * perm[j]. perm, wp and ys stay NULL for reorder = none (w and y used directly). */
static int reorder_begin(slt_drv *d, const int8_t *w, int m, int k, int **perm, int8_t **wp, int32_t **ys)
{
    *perm = NULL, *wp = NULL, *ys = NULL;
    if (d->cfg.reorder == SLT_REORDER_NONE) return 0;
    *perm = malloc((size_t)m * sizeof **perm);
    *wp = malloc((size_t)m * (size_t)k);
    *ys = malloc((size_t)m * sizeof **ys);
    if (!*perm || !*wp || !*ys) return host_err(d, "GEMV %dx%d: out of memory (reorder)", m, k);
    if (slt_reorder_perm(&d->cfg, w, m, k, *perm, d->err, sizeof d->err)) return SLT_DRV_E_HOST;
    slt_reorder_rows(w, m, k, *perm, *wp);
    return 0;
}

int slt_drv_gemv(slt_drv *d, const int8_t *w, int m, int k, int32_t *y)
{
    if (m < 1 || k < 1 || m > d->cfg.max_m || k > d->cfg.max_k)
        return host_err(d, "GEMV: shape %dx%d outside 1..%d x 1..%d", m, k, d->cfg.max_m, d->cfg.max_k);
    uint64_t b0 = 0, b1 = 0;
    int *perm;
    int8_t *wp;
    int32_t *ys;
    int rc = reorder_begin(d, w, m, k, &perm, &wp, &ys);
    int32_t *yo = ys ? ys : y;
    if (!rc) rc = rd64(d, SLT_REG_PERF_CYCLES_BUSY_LO, &b0);
    if (!rc) rc = start(d, SLT_OP_GEMV, (uint32_t)m, (uint32_t)k, 1);
    if (!rc) rc = push_weights(d, wp ? wp : w, m, k);
    size_t bb = (size_t)d->cfg.bus_bits / 8, need = (size_t)m * 4, got = 0;
    uint8_t beat[256];
    int last = 0;
    while (!rc && !last) {
        if (d->t.stream_pop(d->t.ctx, beat, &last)) {
            rc = host_err(d, "GEMV %dx%d: no result beat", m, k);
            break;
        }
        for (size_t j = 0; j < bb; j++, got++)
            if (got < need) ((uint8_t *)yo)[got] = beat[j]; /* little-endian host */
    }
    if (!rc && got != (need + bb - 1) / bb * bb)
        rc = host_err(d, "GEMV %dx%d: %zu result bytes, expected %zu", m, k, got, (need + bb - 1) / bb * bb);
    int frc = finish(d, "GEMV");
    if (!rc) rc = frc;
    if (!rc) rc = rd64(d, SLT_REG_PERF_CYCLES_BUSY_LO, &b1);
    if (!rc) d->busy_cycles += b1 - b0;
    if (!rc && perm) slt_reorder_results(ys, 1, m, perm, y);
    free(perm);
    free(wp);
    free(ys);
    return rc;
}

int slt_drv_linear(slt_drv *d, const int8_t *w, int m, int k, const int16_t *x, int32_t *y)
{
    int mk = d->cfg.max_k, mm = d->cfg.max_m;
    int8_t *sub = malloc((size_t)(mm < m ? mm : m) * (size_t)(mk < k ? mk : k));
    int32_t *part = malloc((size_t)(mm < m ? mm : m) * sizeof *part);
    int rc = (!sub || !part) ? host_err(d, "out of memory") : 0;
    memset(y, 0, (size_t)m * sizeof *y);
    for (int k0 = 0; !rc && k0 < k; k0 += mk) {
        int kn = k - k0 < mk ? k - k0 : mk;
        rc = slt_drv_load_act(d, x + k0, 1, kn);
        for (int r0 = 0; !rc && r0 < m; r0 += mm) {
            int rn = m - r0 < mm ? m - r0 : mm;
            for (int r = 0; r < rn; r++) memcpy(sub + (size_t)r * kn, w + (size_t)(r0 + r) * k + k0, (size_t)kn);
            rc = slt_drv_gemv(d, sub, rn, kn, part);
            for (int r = 0; !rc && r < rn; r++) y[r0 + r] += part[r];
        }
    }
    free(sub);
    free(part);
    return rc;
}
