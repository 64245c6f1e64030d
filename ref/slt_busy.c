/* slt_busy.c - PERF_CYCLES_BUSY of every command kind (slt_busy.h). Each phase is
 * played cycle by cycle with the handshakes of the RTL block named in its
 * comment (registered values read at the start of a cycle, updated at its end);
 * cycle 0 is the first cycle of the phase's controller state. */
#include "slt_busy.h"

#include <assert.h>

#include "slt_arrayif.h"
#include "slt_bufgeom.h"
#include "slt_pack.h"

static uint64_t cdiv(uint64_t a, uint64_t b) { return (a + b - 1) / b; }
static uint64_t min64(uint64_t a, uint64_t b) { return a < b ? a : b; }

/* Verilog's $clog2 */
static int clog2(uint64_t v)
{
    int b = 0;
    while ((1ull << b) < v) b++;
    return b;
}

void slt_desc_widths(const slt_config *cfg, int *dw, int *nw)
{
    int kqw = cfg->max_k > 2 ? clog2((uint64_t)cfg->max_k) : 1;   /* bits of K-1, K <= max_k */
    int mqw = cfg->max_m > 2 ? clog2((uint64_t)cfg->max_m) : 1;
    *dw = kqw > mqw ? kqw : mqw;
    if (*dw < 2) *dw = 2;
    *nw = cfg->max_n > 1 ? clog2((uint64_t)cfg->max_n + 1) : 1;
}

uint64_t slt_busy_desc_cycles(const slt_config *cfg)
{
    int dw, nw;
    slt_desc_widths(cfg, &dw, &nw);
    /* setup, DW division steps, NW multiplication steps, two check stages, check, done */
    return 1 + (uint64_t)dw + (uint64_t)nw + 2 + 1 + 1;
}

uint64_t slt_busy_act_beats(const slt_config *cfg, int k, int n)
{
    return (uint64_t)n * cdiv((uint64_t)k * (uint64_t)cfg->act_bits, (uint64_t)cfg->bus_bits);
}

uint64_t slt_busy_weight_beats(const slt_config *cfg, int m, int k)
{
    uint64_t bus = (uint64_t)cfg->bus_bits, nc = cdiv((uint64_t)k, (uint64_t)cfg->lut_units * cfg->group_size);
    uint64_t modes = slt_format_is_binary(cfg->weight_format) ? 0 : cdiv(nc * (uint64_t)cfg->lut_units, bus);
    return modes + cdiv(slt_packed_bytes(cfg->weight_format, (size_t)m * (size_t)k), bus / 8);
}

/* rtl/slt_unpack.v: a frame of `left` bits from InW-bit beats into OutW-bit words;
 * each cycle it either writes a word or takes a beat. */
typedef struct {
    int active;
    uint64_t cnt, left, inw, outw;
} unpacker;

typedef struct {
    int fire, last, ready, final;
} unpack_eval;

static unpack_eval unpack_eval_now(const unpacker *u)
{
    unpack_eval e;
    int full = u->cnt >= u->outw;
    e.fire = u->active && (full || (u->left == 0 && u->cnt != 0));
    e.last = e.fire && u->left == 0 && u->cnt <= u->outw;
    e.ready = u->active && u->left != 0 && !full;
    e.final = u->active && u->left != 0 && u->left <= u->inw;
    return e;
}

static void unpack_update(unpacker *u, const unpack_eval *e, int accept)
{
    if (e->fire) {
        u->cnt = u->cnt >= u->outw ? u->cnt - u->outw : 0;
        if (e->last) u->active = 0;
    } else if (accept) {
        uint64_t take = min64(u->left, u->inw);
        u->cnt += take;
        u->left -= take;
    }
}

/* A bound on any phase (a model that does not finish is a bug, not a hang). */
static uint64_t phase_bound(uint64_t beats, uint64_t words) { return 64 + 16 * (beats + words); }

/* SAct: rtl/slt_ctrl_act.v, one unpacker frame of K*A bits per token, the next
 * token's frame opened in the cycle of the last word; ends with the last word. */
static uint64_t act_phase(const slt_config *cfg, int k, int n)
{
    unpacker u = {1, 0, (uint64_t)k * (uint64_t)cfg->act_bits, (uint64_t)cfg->bus_bits,
                  (uint64_t)cfg->lut_units * cfg->group_size * cfg->act_bits};
    uint64_t beats = slt_busy_act_beats(cfg, k, n), frame = u.left, done = 0;
    uint64_t bound = phase_bound(beats, (uint64_t)n * cdiv(frame, u.outw));
    for (uint64_t t = 0; t < bound; t++) {
        unpack_eval e = unpack_eval_now(&u);
        if (e.last && done + 1 == (uint64_t)n) return t + 1;
        int acc = e.ready && beats > 0;
        unpack_update(&u, &e, acc);
        beats -= acc;
        if (e.last) {   /* next token */
            done++;
            u.active = 1;
            u.cnt = 0;
            u.left = frame;
        }
    }
    return bound;
}

/* The compute phase's state: shape, the mode unpacker (ternary), the weight
 * writer's gearbox (rtl/slt_ctrl_wgt.v), the sequencer (rtl/slt_ctrl_seq.v, or
 * rtl/slt_ctrl_seq_tile.v with psum_chunks > 1).
 * Chunks are taken C = psum_chunks at a time (a tile; the last one holds
 * cj_last = NC - (NT-1)*C); wbuf is cut into R = 2C regions, chunk c's keys in
 * region c mod R (C = 1: the two halves). */
#define RUN_MAX_REGIONS 16   /* 2 * the largest psum_chunks (8, slt_config.c's range) */

typedef struct {
    uint64_t nc, rb, n, wl, mr, l, ug, tin, lat;
    uint64_t c, regions;     /* psum_chunks C; wbuf regions R = 2C */
    uint64_t in_left;        /* beats of the packet not yet accepted */
    int phase;               /* 0 modes, 1 weights, 2 none */
    unpacker mode;
    uint64_t modes_written;  /* mode words written */
    int modes_done;
    uint64_t gcnt, wc, wb;   /* gearbox codes; chunk, row block being written */
    int wdone, tlast;
    int full[RUN_MAX_REGIONS];
    uint64_t set_t[RUN_MAX_REGIONS]; /* cycle in which the writer filled each region */
    uint64_t half_delay;     /* wbuf write latency - 1: cycles before a filled region is read */
    /* sequencer: tile, its chunks cj, token; table phase (ct) with the slot of the next
     * table request (cs); row phase with the row block (cb) and slot (cr) of the next row */
    uint64_t tt, cj, cn, cs, cb, cr;
    int ct, cdone;
    uint64_t bubbles;        /* slt_pass_bubbles(RB * cj) of the current tile */
    uint64_t last_row;       /* cycle of the last row request + 1 (0: none yet) */
    uint64_t inflight;
    unsigned hist;           /* row requests of the last 32 cycles, bit j: j+1 cycles ago (latency <= 7) */
} run_state;

/* codes of the row block being written: MR rows in the last block, WL codes per
 * row in the last chunk */
static uint64_t wgt_take(const run_state *s)
{
    uint64_t rows = s->wb == s->rb - 1 ? s->mr : s->l, width = s->wc == s->nc - 1 ? s->wl : s->ug;
    return rows * width;
}

typedef struct {
    int mode_acc, mode_end, m_fire, m_last;
    int gb_fire, w_final, gb_acc;
    uint64_t gcnt_after;
    int t_req, r_req, release;
} run_eval;

/* The sequencer's requests (rtl/slt_ctrl_seq.v; psum_chunks > 1: rtl/slt_ctrl_seq_tile.v),
 * per tile tt and token n (a pass):
 * - table request of slot j (j = 0..cj-1, one a cycle): chunk c = tt*C + j; waits until
 *   c's mode word is written (modes_written > c, or all are) and region c mod R is
 *   full and readable (half_delay cycles after the writer filled it);
 * - then RB*cj row requests, row block major, slot minor (one a cycle); the pass's
 *   first (rb 0, slot 0) waits until cj + 1 + bubbles(cj) cycles have passed since the
 *   previous row request, t - (its cycle) >= cj + 1 + bubbles (the cj table cycles and
 *   the row itself are the no-bubble distance; C = 1: today's 2 + bubbles); the
 *   first pass of the command waits for no earlier row;
 * - the last row request of the tile's last token pass releases the tile's cj regions. */
static void seq_eval(const run_state *s, uint64_t t, run_eval *e)
{
    uint64_t c = s->tt * s->c + s->cs, reg = c % s->regions;
    int modes_ok = s->modes_done || s->modes_written > c;
    e->t_req = !s->cdone && s->ct && modes_ok && s->full[reg] && t > s->set_t[reg] + s->half_delay;
    int first = s->cb == 0 && s->cr == 0;
    int gap_ok = !first || !s->last_row || t + 1 - s->last_row >= s->cj + 1 + s->bubbles;
    e->r_req = !s->cdone && !s->ct && gap_ok;
    e->release = e->r_req && s->cb == s->rb - 1 && s->cr == s->cj - 1 && s->cn == s->n - 1;
}

static void run_eval_now(const run_state *s, uint64_t t, run_eval *e)
{
    int in_valid = s->in_left > 0;
    unpack_eval m = unpack_eval_now(&s->mode);
    e->m_fire = m.fire;
    e->m_last = m.last;
    e->mode_acc = s->phase == 0 && in_valid && m.ready;
    e->mode_end = e->mode_acc && m.final;
    uint64_t take = wgt_take(s);
    /* the writer fills chunk wc into region wc mod R while that region is free */
    e->gb_fire = !s->wdone && s->gcnt >= take && !s->full[s->wc % s->regions];
    e->w_final = e->gb_fire && s->wc == s->nc - 1 && s->wb == s->rb - 1;
    e->gcnt_after = e->gb_fire ? s->gcnt - take : s->gcnt;
    e->gb_acc = in_valid && s->phase == 1 && !s->tlast && !e->w_final && e->gcnt_after <= s->l * s->ug;
    seq_eval(s, t, e);
}

static void seq_start_tile(run_state *s, const slt_config *cfg)
{
    s->cj = slt_tile_chunks(cfg, s->nc, s->tt);
    s->bubbles = slt_pass_bubbles(cfg, s->rb * s->cj);
}

/* the sequencer's counters after a request: table slots, then row blocks x slots,
 * then the next token, then the next tile */
static void seq_update(run_state *s, const slt_config *cfg, const run_eval *e)
{
    if (e->release)
        for (uint64_t j = 0; j < s->cj; j++) s->full[(s->tt * s->c + j) % s->regions] = 0;
    if (e->t_req) {
        if (s->cs == s->cj - 1) {
            s->cs = 0;
            s->ct = 0;
        } else s->cs++;
    } else if (e->r_req) {
        if (s->cr != s->cj - 1) {
            s->cr++;
            return;
        }
        s->cr = 0;
        if (s->cb != s->rb - 1) {
            s->cb++;
            return;
        }
        s->cb = 0;
        s->ct = 1;
        if (s->cn != s->n - 1) {
            s->cn++;
            return;
        }
        s->cn = 0;
        if ((s->tt + 1) * s->c >= s->nc) s->cdone = 1;
        else {
            s->tt++;
            seq_start_tile(s, cfg);
        }
    }
}

static void run_update(run_state *s, const slt_config *cfg, uint64_t t, const run_eval *e)
{
    unpack_eval m = unpack_eval_now(&s->mode);
    unpack_update(&s->mode, &m, e->mode_acc);
    s->modes_written += (uint64_t)e->m_fire;
    if (e->m_last) s->modes_done = 1;
    s->in_left -= (uint64_t)(e->mode_acc + e->gb_acc);
    if (e->gb_acc && s->in_left == 0) s->tlast = 1;
    s->gcnt = e->gcnt_after + (e->gb_acc ? s->tin : 0);
    if (e->gb_fire && s->wb == s->rb - 1) {
        s->full[s->wc % s->regions] = 1;
        s->set_t[s->wc % s->regions] = t;
    }
    if (e->gb_fire) {
        if (s->wb == s->rb - 1) {
            s->wb = 0;
            s->wc++;
        } else s->wb++;
        if (e->w_final) s->wdone = 1;
    }
    if (s->phase == 0 && e->mode_end) s->phase = 1;
    if (e->w_final) s->phase = 2;
    seq_update(s, cfg, e);
    if (e->r_req) s->last_row = t + 1;
    /* the array returns a row request's result RL + latency cycles later (the buffers'
     * read latency RL, rtl/slt_top_ctrl.v's request pipe, then the array); lat holds RL - 1 + latency */
    int back = (int)((s->hist >> s->lat) & 1u);
    s->inflight = s->inflight + (uint64_t)e->r_req - (uint64_t)back;
    s->hist = (s->hist << 1) | (unsigned)e->r_req;
}

/* SRun: until every pass is issued and the array is empty (rtl/slt_ctrl_fsm.v). */
static uint64_t run_phase(const slt_config *cfg, int m, int k, int n)
{
    run_state s = {0};
    uint64_t bus = (uint64_t)cfg->bus_bits;
    int binary = slt_format_is_binary(cfg->weight_format);
    s.l = (uint64_t)cfg->row_lanes;
    s.ug = (uint64_t)cfg->lut_units * (uint64_t)cfg->group_size;
    s.nc = cdiv((uint64_t)k, s.ug);
    s.rb = cdiv((uint64_t)m, s.l);
    s.n = (uint64_t)n;
    s.c = (uint64_t)cfg->psum_chunks;
    s.regions = 2 * s.c;
    assert(s.regions <= RUN_MAX_REGIONS);   /* slt_config_set refuses psum_chunks above 8 */
    s.wl = (uint64_t)k - (s.nc - 1) * s.ug;
    s.mr = (uint64_t)m - (s.rb - 1) * s.l;
    s.tin = bus / 8 * (uint64_t)(cfg->weight_format == SLT_FMT_T2 ? 4 : cfg->weight_format == SLT_FMT_T5 ? 5 : 8);
    /* the run ends when the last row is back and its obuf write has landed (WL - 1 more) */
    s.lat = (uint64_t)slt_array_latency(cfg) + (uint64_t)slt_buf_read_latency(cfg) - 1 +
            (uint64_t)slt_buf_write_latency(cfg) - 1;
    s.half_delay = (uint64_t)slt_buf_write_latency(cfg) - 1;
    s.in_left = slt_busy_weight_beats(cfg, m, k);
    s.phase = binary ? 1 : 0;
    s.mode = (unpacker){!binary, 0, binary ? 0 : s.nc * (uint64_t)cfg->lut_units, bus, (uint64_t)cfg->lut_units};
    s.modes_done = binary;
    s.ct = 1;
    seq_start_tile(&s, cfg);
    uint64_t bound = phase_bound(s.in_left, slt_pass_cycles(cfg, s.nc, s.rb, s.n) + s.nc * s.rb + s.lat);
    for (uint64_t t = 0; t < bound; t++) {
        if (s.cdone && s.inflight == 0) return t + 1;
        run_eval e;
        run_eval_now(&s, t, &e);
        run_update(&s, cfg, t, &e);
    }
    return bound;
}

/* SOut: rtl/slt_ctrl_out.v reads N*RB obuf words (one read in flight: a read waits
 * until the previous one's data, RL = slt_buf_read_latency() cycles later, is in the
 * holding register and that register drains), rtl/slt_pack.v turns each into L (last row
 * block: MR) 32-bit results and sends one beat per cycle; ends when all is sent. */
static uint64_t out_phase(const slt_config *cfg, int m, int n)
{
    uint64_t l = (uint64_t)cfg->row_lanes, rb = cdiv((uint64_t)m, l), mr = (uint64_t)m - (rb - 1) * l;
    uint64_t bus = (uint64_t)cfg->bus_bits, left = (uint64_t)n * rb, b = 0;
    unsigned rl = (unsigned)slt_buf_read_latency(cfg), pipe = 0;   /* pipe bit j: a read j+1 cycles ago */
    int pend = 0, pend_last = 0, pend_part = 0, hold = 0, hold_last = 0, p_last = 0;
    uint64_t hold_bits = 0, p_cnt = 0;
    uint64_t bound = phase_bound(0, (4 + rl) * left + cdiv((uint64_t)n * (uint64_t)m * 32, bus));
    for (uint64_t t = 0; t < bound; t++) {
        pend = pipe != 0;   /* a read in flight */
        int arrive = (pipe >> (rl - 1)) & 1u;
        if (left == 0 && !pend && !hold && !p_last && p_cnt == 0) return t + 1;
        int p_full = p_cnt >= bus, pk_ready = !p_last && !p_full;
        int hold_acc = hold && pk_ready;
        int rd = left != 0 && !pend && (!hold || hold_acc);
        if (p_full || (p_last && p_cnt != 0)) {   /* a beat leaves (output always ready) */
            int tl = p_last && p_cnt <= bus;
            p_cnt = p_full ? p_cnt - bus : 0;
            if (tl) p_last = 0;
        } else if (hold_acc) {
            p_cnt += hold_bits;
            p_last = hold_last;
        }
        int hold_next = arrive ? 1 : (hold_acc ? 0 : hold);
        if (arrive) {
            hold_bits = 32 * (pend_part ? mr : l);
            hold_last = pend_last;
        }
        if (rd) {
            pend_last = left == 1;
            pend_part = b == rb - 1;
            b = b == rb - 1 ? 0 : b + 1;
            left--;
        }
        pipe = ((pipe << 1) | (unsigned)rd) & ((1u << rl) - 1u);
        hold = hold_next;
    }
    return bound;
}

void slt_busy_gemm(const slt_config *cfg, int m, int k, int n, slt_busy *b)
{
    b->desc = slt_busy_desc_cycles(cfg);
    b->run = run_phase(cfg, m, k, n);
    b->out = out_phase(cfg, m, n);
    b->busy = b->desc + b->run + b->out;
}

void slt_busy_load_act(const slt_config *cfg, int k, int n, slt_busy *b)
{
    b->desc = slt_busy_desc_cycles(cfg);
    b->run = act_phase(cfg, k, n);
    b->out = 0;
    b->busy = b->desc + b->run;
}

void slt_busy_refused(const slt_config *cfg, uint64_t beats, slt_busy *b)
{
    /* SDrain takes one beat per cycle until TLAST, then SFlush (the array is empty) */
    b->desc = slt_busy_desc_cycles(cfg);
    b->run = beats + 1;
    b->out = 0;
    b->busy = b->desc + b->run;
}
