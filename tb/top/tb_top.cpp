// tb_top.cpp - Verilator co-simulation of the generated accelerator top through
// its AXI ports only (docs/top.md): AXI4-Lite master, AXI4-Stream source and sink
// with random valid/ready gaps, results bit-exact against libsltref
// (slt_gemm_lut and slt_gemm_naive), performance counters against slt_predict.
//   Vtop +cfg=build/<cfg>/config.cfg [+seed=N] [+cases=N] [+maxk=N] [+maxm=N]
//        [+errors] [+bench=MxK] [+trace[=file.vcd]]
// Prints "matched N outputs" and exits 0, or the first mismatch and exits 1.
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <string>
#include <type_traits>
#include <vector>

#include <verilated.h>
#include <verilated_vcd_c.h>

#include "Vtop.h"
#include "slt_regs.h"

extern "C" {
#include "slt_arrayif.h"
#include "slt_config.h"
#include "slt_gemm.h"
#include "slt_pack.h"
#include "slt_prng.h"
#include "slt_reorder.h"
}

struct Beat {
    std::vector<uint8_t> bytes;
    bool last;
};

struct Tb {
    VerilatedContext *ctx = nullptr;
    Vtop *top = nullptr;
    VerilatedVcdC *vcd = nullptr;
    slt_config cfg;
    slt_prng rng;
    uint64_t seed = 1, cycle = 0;
    long matched = 0;
    int bus_bytes = 8;
    int gaps = 1;                  // random valid/ready gaps on the streams
    std::deque<Beat> in_q;         // beats to send
    std::vector<uint8_t> out_bytes; // bytes received
    long out_beats = 0, out_lasts = 0;
    bool out_last_seen = false;
    const char *test = "setup";

    [[noreturn]] void fail(const char *fmt, ...) __attribute__((format(printf, 2, 3)))
    {
        va_list ap;
        va_start(ap, fmt);
        std::fprintf(stderr, "FAIL config %s seed %llu test %s cycle %llu: ", cfg.name, (unsigned long long)seed,
                     test, (unsigned long long)cycle);
        std::vfprintf(stderr, fmt, ap);
        std::fprintf(stderr, "\n");
        va_end(ap);
        if (vcd) vcd->close();
        std::exit(1);
    }
    bool coin(int pct) { return (int)slt_prng_range(&rng, 0, 99) < pct; }

    template <typename T> void put(T &port, const std::vector<uint8_t> &b)
    {
        if constexpr (std::is_integral<T>::value) {
            uint64_t v = 0;
            for (size_t i = 0; i < b.size() && i < 8; i++) v |= (uint64_t)b[i] << (8 * i);
            port = (T)v;
        } else {
            for (size_t w = 0; w < (b.size() + 3) / 4; w++) {
                uint32_t v = 0;
                for (size_t i = 0; i < 4 && 4 * w + i < b.size(); i++) v |= (uint32_t)b[4 * w + i] << (8 * i);
                port[w] = v;
            }
        }
    }
    template <typename T> void get(const T &port, std::vector<uint8_t> &out)
    {
        if constexpr (std::is_integral<T>::value) {
            for (int i = 0; i < bus_bytes; i++) out.push_back((uint8_t)((uint64_t)port >> (8 * i)));
        } else {
            for (int i = 0; i < bus_bytes; i++) out.push_back((uint8_t)(port[i / 4] >> (8 * (i % 4))));
        }
    }

    // One cycle: drive the streams, settle, sample handshakes, clock edge.
    bool in_hold = false;
    void step()
    {
        // input stream source
        if (!in_hold && !in_q.empty() && (!gaps || coin(75))) in_hold = true;
        top->s_axis_tvalid_i = in_hold;
        if (in_hold) {
            put(top->s_axis_tdata_i, in_q.front().bytes);
            top->s_axis_tlast_i = in_q.front().last;
        } else {
            top->s_axis_tlast_i = 0;
        }
        top->m_axis_tready_i = !gaps || coin(70);
        top->clk_i = 0;
        top->eval();
        if (vcd) vcd->dump(ctx->time());
        ctx->timeInc(1);
        bool in_fire = top->s_axis_tvalid_i && top->s_axis_tready_o;
        if (top->m_axis_tvalid_o && top->m_axis_tready_i) {
            get(top->m_axis_tdata_o, out_bytes);
            out_beats++;
            if (top->m_axis_tlast_o) out_lasts++;
        }
        top->clk_i = 1;
        top->eval();
        if (vcd) vcd->dump(ctx->time());
        ctx->timeInc(1);
        if (in_fire) {
            in_q.pop_front();
            in_hold = false;
        }
        cycle++;
        if (cycle > 400000000ull) fail("cycle limit");
    }

    // ---- AXI4-Lite master ---------------------------------------------------------
    void axil_write(uint32_t addr, uint32_t data)
    {
        top->s_axil_awaddr_i = addr;
        top->s_axil_wdata_i = data;
        top->s_axil_wstrb_i = 0xF;
        top->s_axil_awprot_i = 0;
        bool aw = false, w = false;
        long guard = 0;
        while (!aw || !w) {
            top->s_axil_awvalid_i = !aw && (!gaps || coin(60));
            top->s_axil_wvalid_i = !w && (!gaps || coin(60));
            top->s_axil_bready_i = 0;
            top->clk_i = 0;
            top->eval();
            bool awf = top->s_axil_awvalid_i && top->s_axil_awready_o, wf = top->s_axil_wvalid_i && top->s_axil_wready_o;
            step_raw();
            aw |= awf;
            w |= wf;
            if (++guard > 1000) fail("AXI-Lite write 0x%03x: no AW/W ready", addr);
        }
        top->s_axil_awvalid_i = 0;
        top->s_axil_wvalid_i = 0;
        for (guard = 0;; guard++) {
            top->s_axil_bready_i = !gaps || coin(70);
            top->clk_i = 0;
            top->eval();
            bool bf = top->s_axil_bvalid_o && top->s_axil_bready_i;
            unsigned resp = top->s_axil_bresp_o;
            step_raw();
            if (bf) {
                if (resp != SLT_AXI_RESP_OKAY) fail("AXI-Lite write 0x%03x: response %u", addr, resp);
                break;
            }
            if (guard > 1000) fail("AXI-Lite write 0x%03x: no B", addr);
        }
        top->s_axil_bready_i = 0;
    }
    uint32_t axil_read(uint32_t addr)
    {
        top->s_axil_araddr_i = addr;
        top->s_axil_arprot_i = 0;
        long guard = 0;
        for (;; guard++) {
            top->s_axil_arvalid_i = !gaps || coin(60);
            top->s_axil_rready_i = 0;
            top->clk_i = 0;
            top->eval();
            bool f = top->s_axil_arvalid_i && top->s_axil_arready_o;
            step_raw();
            if (f) break;
            if (guard > 1000) fail("AXI-Lite read 0x%03x: no AR ready", addr);
        }
        top->s_axil_arvalid_i = 0;
        for (guard = 0;; guard++) {
            top->s_axil_rready_i = !gaps || coin(70);
            top->clk_i = 0;
            top->eval();
            bool f = top->s_axil_rvalid_o && top->s_axil_rready_i;
            uint32_t data = top->s_axil_rdata_o;
            step_raw();
            if (f) {
                top->s_axil_rready_i = 0;
                return data;
            }
            if (guard > 1000) fail("AXI-Lite read 0x%03x: no R", addr);
        }
    }
    uint64_t read64(uint32_t lo) { uint64_t l = axil_read(lo); return l | (uint64_t)axil_read(lo + 4) << 32; }
    // AXI-Lite transactions also keep the streams moving.
    void step_raw() { step(); }

    void reset()
    {
        top->rst_ni = 0;
        top->clk_i = 0;
        top->s_axil_awvalid_i = top->s_axil_wvalid_i = top->s_axil_bready_i = 0;
        top->s_axil_arvalid_i = top->s_axil_rready_i = 0;
        top->s_axis_tvalid_i = 0;
        top->m_axis_tready_i = 0;
        for (int i = 0; i < 3; i++) {
            top->clk_i = 0; top->eval(); ctx->timeInc(1);
            top->clk_i = 1; top->eval(); ctx->timeInc(1);
        }
        top->rst_ni = 1;
        top->eval();
    }

    // Run one command: write the descriptor, GO, stream `beats`, wait for DONE.
    // Returns ERR_CODE when STATUS.ERROR is set, else 0.
    uint32_t command(uint32_t opcode, uint32_t fmt, uint32_t m, uint32_t k, uint32_t n, std::vector<Beat> beats,
                     uint64_t *busy_cycles = nullptr)
    {
        axil_write(SLT_REG_CMD_CTRL, opcode << SLT_REG_CMD_CTRL_OPCODE_SHIFT | fmt << SLT_REG_CMD_CTRL_FORMAT_SHIFT);
        axil_write(SLT_REG_CMD_M, m);
        axil_write(SLT_REG_CMD_K, k);
        axil_write(SLT_REG_CMD_N, n);
        axil_write(SLT_REG_CMD_ABUF_BASE, 0);
        axil_write(SLT_REG_CMD_OBUF_BASE, 0);
        uint64_t b0 = busy_cycles ? read64(SLT_REG_PERF_CYCLES_BUSY_LO) : 0;
        for (auto &b : beats) in_q.push_back(b);
        axil_write(SLT_REG_CMD_DOORBELL, SLT_REG_CMD_DOORBELL_GO_MASK);
        for (long guard = 0;; guard++) {
            for (int i = 0; i < 64; i++) step();
            uint32_t st = axil_read(SLT_REG_STATUS);
            if (st & SLT_REG_STATUS_DONE_MASK) {
                axil_write(SLT_REG_STATUS, st & (SLT_REG_STATUS_DONE_MASK | SLT_REG_STATUS_ERROR_MASK));
                if (!in_q.empty()) fail("command done with %zu input beats left", in_q.size());
                if (busy_cycles) *busy_cycles = read64(SLT_REG_PERF_CYCLES_BUSY_LO) - b0;
                return (st & SLT_REG_STATUS_ERROR_MASK) ? axil_read(SLT_REG_ERR_CODE) : 0;
            }
            if (guard > 4000000) fail("command %u: no DONE", opcode);
        }
    }
};

static long plus_int(VerilatedContext *ctx, const char *name, long dflt)
{
    const char *s = ctx->commandArgsPlusMatch(name);
    if (!s || !*s) return dflt;
    const char *eq = std::strchr(s, '=');
    return eq ? std::strtol(eq + 1, nullptr, 0) : 1;
}

// ---- stream builders (docs/top.md "Stream formats") ----------------------------
static std::vector<Beat> to_beats(const std::vector<uint8_t> &bytes, int bb, bool last)
{
    std::vector<Beat> out;
    for (size_t i = 0; i < bytes.size(); i += (size_t)bb) {
        Beat b;
        b.bytes.assign((size_t)bb, 0);
        for (size_t j = 0; j < (size_t)bb && i + j < bytes.size(); j++) b.bytes[j] = bytes[i + j];
        b.last = false;
        out.push_back(b);
    }
    if (last && !out.empty()) out.back().last = true;
    return out;
}

static std::vector<Beat> act_stream(const slt_config *cfg, const int16_t *x, int n, int k)
{
    int bb = cfg->bus_bits / 8, a = cfg->act_bits;
    std::vector<Beat> all;
    for (int t = 0; t < n; t++) {
        std::vector<uint8_t> bytes((size_t)(k * a + 7) / 8, 0);
        for (int i = 0; i < k; i++) {
            uint32_t v = (uint32_t)(uint16_t)x[t * k + i] & ((1u << a) - 1u);
            for (int bit = 0; bit < a; bit++)
                if (v >> bit & 1u) bytes[(size_t)(i * a + bit) / 8] |= (uint8_t)(1u << ((i * a + bit) % 8));
        }
        auto b = to_beats(bytes, bb, false);
        all.insert(all.end(), b.begin(), b.end());
    }
    all.back().last = true;
    return all;
}

// Modes (ternary) then the weights in chunk order, each section padded to a beat.
static std::vector<Beat> weight_stream(const slt_config *cfg, const int8_t *w, int m, int k, const slt_stream *s)
{
    int bb = cfg->bus_bits / 8, ug = cfg->group_size * cfg->lut_units;
    std::vector<Beat> all;
    if (!slt_format_is_binary(cfg->weight_format)) {
        int bits = s->n_chunks * cfg->lut_units;
        std::vector<uint8_t> mb((size_t)(bits + 7) / 8, 0);
        for (int g = 0; g < bits; g++)
            if (s->modes[g]) mb[(size_t)g / 8] |= (uint8_t)(1u << (g % 8));
        all = to_beats(mb, bb, false);
    }
    std::vector<int8_t> flat;
    flat.reserve((size_t)m * k);
    for (int c = 0; c < s->n_chunks; c++)
        for (int r = 0; r < m; r++)
            for (int i = c * ug; i < k && i < (c + 1) * ug; i++) flat.push_back(w[(size_t)r * k + i]);
    std::vector<uint8_t> packed(slt_packed_bytes(cfg->weight_format, flat.size()));
    char err[SLT_ERRLEN];
    if (slt_pack(cfg->weight_format, flat.data(), flat.size(), packed.data(), err, sizeof err)) {
        std::fprintf(stderr, "pack: %s\n", err);
        std::exit(1);
    }
    auto b = to_beats(packed, bb, true);
    all.insert(all.end(), b.begin(), b.end());
    return all;
}

static void rand_weights(Tb &tb, int8_t *w, size_t n, int zero_pct)
{
    bool bin = slt_format_is_binary(tb.cfg.weight_format);
    for (size_t i = 0; i < n; i++) {
        if (bin) w[i] = tb.coin(50) ? 1 : -1;
        else w[i] = tb.coin(zero_pct) ? 0 : (tb.coin(50) ? 1 : -1);
    }
}

static void rand_acts(Tb &tb, int16_t *x, size_t n)
{
    int a = tb.cfg.act_bits;
    long lo = -(1L << (a - 1)), hi = (1L << (a - 1)) - 1;
    int mode = (int)slt_prng_range(&tb.rng, 0, 3);
    for (size_t i = 0; i < n; i++) {
        if (mode == 0) x[i] = (int16_t)(tb.coin(50) ? lo : hi);
        else x[i] = (int16_t)slt_prng_range(&tb.rng, lo, hi);
    }
}

static const uint32_t k_perf_lo[] = {
    SLT_REG_PERF_TABLE_BUILDS_LO, SLT_REG_PERF_LOOKUPS_LO, SLT_REG_PERF_SKIPPED_GROUPS_LO,
    SLT_REG_PERF_BUFMODE_ADDS_LO, SLT_REG_PERF_WBUF_READS_LO, SLT_REG_PERF_WBUF_WRITES_LO,
    SLT_REG_PERF_ABUF_READS_LO, SLT_REG_PERF_ABUF_WRITES_LO, SLT_REG_PERF_OBUF_READS_LO,
    SLT_REG_PERF_OBUF_WRITES_LO, SLT_REG_PERF_LINK_BYTES_IN_LO};
static const char *const k_perf_name[] = {"table_builds", "lookups", "skipped_groups", "buffer_adds",
                                          "wbuf_reads", "wbuf_writes", "abuf_reads", "abuf_writes",
                                          "obuf_reads", "obuf_writes", "link_bytes_in"};

// One LOAD_ACT + GEMV/GEMM, checked against the golden model.
static bool g_counters = true;
static long g_cases, g_moved; // cases run, cases whose packet rows were permuted (reorder)
static void run_case(Tb &tb, int m, int k, int n, int zero_pct, bool check_counters, uint64_t *cycles_out = nullptr)
{
    check_counters = check_counters && g_counters;
    char err[SLT_ERRLEN];
    std::vector<int8_t> w((size_t)m * k);
    std::vector<int16_t> x((size_t)n * k);
    rand_weights(tb, w.data(), w.size(), zero_pct);
    rand_acts(tb, x.data(), x.size());
    std::vector<int32_t> y_lut((size_t)n * m), y_naive((size_t)n * m);
    slt_events ev;
    if (slt_gemm_lut(&tb.cfg, w.data(), x.data(), y_lut.data(), m, k, n, &ev, err, sizeof err) ||
        slt_gemm_naive(w.data(), x.data(), y_naive.data(), m, k, n, err, sizeof err))
        tb.fail("golden model: %s", err);
    if (y_lut != y_naive) tb.fail("golden model: LUT and naive results differ");
    // reorder = greedy: the packet carries the rows in slot order (the host's job,
    // docs/array.md §3a); results come back in slot order and go to perm[j] below.
    std::vector<int> perm((size_t)m);
    std::vector<int8_t> wp((size_t)m * k);
    if (slt_reorder_perm(&tb.cfg, w.data(), m, k, perm.data(), err, sizeof err)) tb.fail("reorder: %s", err);
    if (!slt_reorder_is_bijection(perm.data(), m)) tb.fail("reorder: not a bijection");
    slt_reorder_rows(w.data(), m, k, perm.data(), wp.data());
    g_cases++;
    for (int j = 0; j < m; j++)
        if (perm[(size_t)j] != j) {
            g_moved++;
            break;
        }
    slt_stream s;
    if (slt_stream_build(&tb.cfg, wp.data(), m, k, &s, err, sizeof err)) tb.fail("stream: %s", err);
    auto wbeats = weight_stream(&tb.cfg, wp.data(), m, k, &s);
    slt_stream_free(&s);
    auto abeats = act_stream(&tb.cfg, x.data(), n, k);

    if (check_counters) tb.axil_write(SLT_REG_PERF_CTRL, SLT_REG_PERF_CTRL_CLEAR_MASK);
    uint32_t e = tb.command(SLT_OP_LOAD_ACT, 0, 0, (uint32_t)k, (uint32_t)n, abeats);
    if (e) tb.fail("LOAD_ACT M=%d K=%d N=%d: error %u", m, k, n, e);
    tb.out_bytes.clear();
    tb.out_lasts = 0;
    uint64_t busy = 0;
    e = tb.command(n == 1 ? SLT_OP_GEMV : SLT_OP_GEMM, (uint32_t)tb.cfg.weight_format, (uint32_t)m, (uint32_t)k, (uint32_t)n, wbeats, &busy);
    if (e) tb.fail("%s M=%d K=%d N=%d: error %u", n == 1 ? "GEMV" : "GEMM", m, k, n, e);
    size_t need = (size_t)n * m * 4, bb = (size_t)tb.bus_bytes;
    size_t beats = (need + bb - 1) / bb;
    if (tb.out_bytes.size() != beats * bb || tb.out_lasts != 1)
        tb.fail("M=%d K=%d N=%d: %zu result bytes with %ld TLAST, expected %zu beats and one TLAST", m, k, n,
                tb.out_bytes.size(), tb.out_lasts, beats);
    for (int t = 0; t < n; t++)
        for (int j = 0; j < m; j++) {
            int r = perm[(size_t)j];
            size_t i = (size_t)t * m + r, o = (size_t)t * m + j;
            int32_t got = (int32_t)((uint32_t)tb.out_bytes[4 * o] | (uint32_t)tb.out_bytes[4 * o + 1] << 8 |
                                    (uint32_t)tb.out_bytes[4 * o + 2] << 16 | (uint32_t)tb.out_bytes[4 * o + 3] << 24);
            if (got != y_lut[i]) tb.fail("M=%d K=%d N=%d: y[%d][%d] = %d, expected %d", m, k, n, t, r, got, y_lut[i]);
            tb.matched++;
        }
    if (cycles_out) *cycles_out = busy;
    if (!check_counters) return;
    slt_events p;
    if (slt_predict(&tb.cfg, w.data(), m, k, n, &p, err, sizeof err)) tb.fail("predict: %s", err);
    uint64_t want[] = {p.table_builds, p.lookups, p.skipped_groups, p.buffer_adds, p.wbuf_reads, p.wbuf_writes,
                       p.abuf_reads, p.abuf_writes, p.obuf_reads, p.obuf_writes,
                       (uint64_t)(p.link_bytes - beats * bb)};
    int nchk = (tb.cfg.array == SLT_ARRAY_LUT) ? 11 : 4; // addsub: buffer counters and bytes only
    for (int i = 0; i < 11; i++) {
        if (tb.cfg.array != SLT_ARRAY_LUT && i < 4) continue;
        uint64_t got = tb.read64(k_perf_lo[i]);
        if (got != want[i])
            tb.fail("M=%d K=%d N=%d: counter %s = %llu, predicted %llu", m, k, n, k_perf_name[i],
                    (unsigned long long)got, (unsigned long long)want[i]);
        tb.matched++;
    }
    (void)nchk;
    uint64_t out = tb.read64(SLT_REG_PERF_LINK_BYTES_OUT_LO);
    if (out != beats * bb) tb.fail("link_bytes_out %llu, expected %zu", (unsigned long long)out, beats * bb);
}

static void expect_error(Tb &tb, const char *what, uint32_t got, uint32_t want)
{
    if (got != want) tb.fail("error case '%s': ERR_CODE %u, expected %u", what, got, want);
    tb.matched++;
}

// ABORT of a weight stream that stops early without TLAST: the controller returns to
// idle with ERR_CODE ABORTED and the next command works. GO while busy: ERR_CODE BUSY,
// ERR_COUNT + 1, the running command is not disturbed.
static void run_abort_busy(Tb &tb, const std::vector<Beat> &wb, int m, int k)
{
    tb.test = "abort";
    const slt_config &c = tb.cfg;
    tb.out_bytes.clear();
    tb.out_lasts = 0;
    uint32_t fmt = (uint32_t)c.weight_format;
    std::vector<int16_t> x((size_t)k, 1);
    if (tb.command(SLT_OP_LOAD_ACT, 0, 0, (uint32_t)k, 1, act_stream(&c, x.data(), 1, k))) tb.fail("LOAD_ACT failed");
    uint32_t errs0 = tb.axil_read(SLT_REG_ERR_COUNT);
    tb.axil_write(SLT_REG_CMD_CTRL, SLT_OP_GEMV << SLT_REG_CMD_CTRL_OPCODE_SHIFT | fmt << SLT_REG_CMD_CTRL_FORMAT_SHIFT);
    tb.axil_write(SLT_REG_CMD_M, (uint32_t)m);
    tb.axil_write(SLT_REG_CMD_K, (uint32_t)k);
    tb.axil_write(SLT_REG_CMD_N, 1);
    for (size_t i = 0; i + 1 < wb.size(); i++) { Beat b = wb[i]; b.last = false; tb.in_q.push_back(b); }
    tb.axil_write(SLT_REG_CMD_DOORBELL, SLT_REG_CMD_DOORBELL_GO_MASK);
    for (int i = 0; i < 200 + 8 * (int)wb.size(); i++) tb.step();
    if (!tb.in_q.empty()) tb.fail("abort: the partial stream was not consumed");
    uint32_t st = tb.axil_read(SLT_REG_STATUS);
    const uint32_t busy = SLT_REG_STATUS_BUSY_MASK, done = SLT_REG_STATUS_DONE_MASK, error = SLT_REG_STATUS_ERROR_MASK;
    if ((st & (busy | done)) != busy) tb.fail("abort: STATUS %#x before ABORT, expected BUSY without DONE", st);
    tb.axil_write(SLT_REG_CMD_DOORBELL, SLT_REG_CMD_DOORBELL_GO_MASK);  // GO while busy
    if (tb.axil_read(SLT_REG_ERR_CODE) != SLT_ERR_BUSY) tb.fail("GO while busy: ERR_CODE not BUSY");
    tb.matched++;
    tb.axil_write(SLT_REG_CMD_DOORBELL, SLT_REG_CMD_DOORBELL_ABORT_MASK);
    for (int i = 0; i < 64; i++) tb.step();
    st = tb.axil_read(SLT_REG_STATUS);
    if ((st & (busy | done | error)) != (done | error))
        tb.fail("abort: STATUS %#x after ABORT, expected DONE|ERROR, not BUSY", st);
    tb.axil_write(SLT_REG_STATUS, done | error);
    expect_error(tb, "abort", tb.axil_read(SLT_REG_ERR_CODE), SLT_ERR_ABORTED);
    uint32_t errs1 = tb.axil_read(SLT_REG_ERR_COUNT);
    if (errs1 != errs0 + 2) tb.fail("abort: ERR_COUNT %u, expected %u", errs1, errs0 + 2);
    if (tb.out_lasts) tb.fail("abort: results were sent");
    run_case(tb, m, k, 1, 30, false);
}

// Illegal descriptors, invalid codes, short and long streams; each followed by a
// valid command that must work.
static void run_errors(Tb &tb)
{
    tb.test = "errors";
    const slt_config &c = tb.cfg;
    int fmt = (int)c.weight_format, op = SLT_OP_GEMV;
    std::vector<Beat> dummy = to_beats(std::vector<uint8_t>(3, 0), tb.bus_bytes, true);
    const uint32_t bad_fmt = SLT_REG_CMD_CTRL_FORMAT_MASK >> SLT_REG_CMD_CTRL_FORMAT_SHIFT;  // 3: no format
    const uint32_t bad_op = SLT_REG_CMD_CTRL_OPCODE_MASK >> SLT_REG_CMD_CTRL_OPCODE_SHIFT;   // 15: no opcode
    expect_error(tb, "M = 0", tb.command(op, fmt, 0, 4, 1, dummy), SLT_ERR_M_ZERO);
    expect_error(tb, "K > max_k", tb.command(op, fmt, 4, (uint32_t)c.max_k + 1, 1, dummy), SLT_ERR_K_TOO_LARGE);
    expect_error(tb, "unknown format", tb.command(op, bad_fmt, 4, 4, 1, dummy), SLT_ERR_BAD_FORMAT);
    expect_error(tb, "unknown opcode", tb.command(bad_op, fmt, 4, 4, 1, {}), SLT_ERR_BAD_OPCODE);
    expect_error(tb, "GEMV N = 2", tb.command(op, fmt, 4, 4, 2, dummy), SLT_ERR_N_TOO_LARGE);
    run_case(tb, 5, 7, 1, 30, false);
    // short and long weight streams
    int m = 5, k = c.group_size * c.lut_units + 2;
    std::vector<int8_t> w((size_t)m * k);
    rand_weights(tb, w.data(), w.size(), 30);
    std::vector<int16_t> x((size_t)k, 1);
    char err[SLT_ERRLEN];
    slt_stream s;
    if (slt_stream_build(&c, w.data(), m, k, &s, err, sizeof err)) tb.fail("stream: %s", err);
    auto wb = weight_stream(&c, w.data(), m, k, &s);
    slt_stream_free(&s);
    if (tb.command(SLT_OP_LOAD_ACT, 0, 0, (uint32_t)k, 1, act_stream(&c, x.data(), 1, k))) tb.fail("LOAD_ACT failed");
    auto shortb = wb;
    shortb.pop_back();
    shortb.back().last = true;
    tb.out_bytes.clear();
    expect_error(tb, "short stream", tb.command(op, fmt, (uint32_t)m, (uint32_t)k, 1, shortb), SLT_ERR_STREAM_SHORT);
    auto longb = wb;
    longb.back().last = false;
    Beat extra = longb.back();
    extra.last = true;
    longb.push_back(extra);
    expect_error(tb, "long stream", tb.command(op, fmt, (uint32_t)m, (uint32_t)k, 1, longb), SLT_ERR_STREAM_LONG);
    if (!slt_format_is_binary(c.weight_format)) {
        auto bad = wb;
        bad.back().bytes[0] = 0xFF; // t2 code 3 / t5 byte 255
        expect_error(tb, "invalid weight code", tb.command(op, fmt, (uint32_t)m, (uint32_t)k, 1, bad), SLT_ERR_BAD_WEIGHT_CODE);
    }
    run_case(tb, 3, k, 1, 30, false);
    run_abort_busy(tb, wb, m, k);
}

int main(int argc, char **argv)
{
    Tb tb;
    tb.ctx = new VerilatedContext;
    tb.ctx->commandArgs(argc, argv);
    const char *cfgarg = tb.ctx->commandArgsPlusMatch("cfg=");
    char err[SLT_ERRLEN];
    std::string path = cfgarg && *cfgarg ? std::string(cfgarg + 5) : std::string();
    slt_config_default(&tb.cfg);
    if (path.empty() || slt_config_load(&tb.cfg, path.c_str(), err, sizeof err) ||
        slt_config_finish(&tb.cfg, err, sizeof err)) {
        std::fprintf(stderr, "tb_top: need +cfg=<generated dir>/config.cfg: %s\n", path.empty() ? "missing" : err);
        return 2;
    }
    if (slt_config_hash(&tb.cfg) != SLT_REGS_CONFIG_HASH) {
        std::fprintf(stderr, "tb_top: %s is not the configuration this model was built from\n", path.c_str());
        return 2;
    }
    tb.seed = (uint64_t)plus_int(tb.ctx, "seed=", 1);
    slt_prng_seed(&tb.rng, tb.seed ^ 0x5eedull);
    tb.bus_bytes = tb.cfg.bus_bits / 8;
    tb.top = new Vtop{tb.ctx};
    const char *tr = tb.ctx->commandArgsPlusMatch("trace");
    if (tr && *tr) {
        Verilated::traceEverOn(true);
        tb.vcd = new VerilatedVcdC;
        tb.top->trace(tb.vcd, 99);
        const char *eq = std::strchr(tr, '=');
        tb.vcd->open(eq ? eq + 1 : "top.vcd");
    }
    tb.reset();
    tb.test = "identity";
    if (tb.axil_read(SLT_REG_ID_MAGIC) != SLT_REGS_ID_MAGIC) tb.fail("ID_MAGIC");
    long bench = plus_int(tb.ctx, "bench=", 0);
    if (bench) {
        const char *b = tb.ctx->commandArgsPlusMatch("bench=");
        int m = 0, k = 0;
        if (std::sscanf(std::strchr(b, '=') + 1, "%dx%d", &k, &m) != 2) return 2;
        tb.gaps = 0;
        tb.test = "bench";
        uint64_t cyc = 0;
        run_case(tb, m, k, 1, 33, true, &cyc);
        slt_events p;
        std::vector<int8_t> dummy; // ideal from the format, no weights needed
        uint64_t wbytes = slt_packed_bytes(tb.cfg.weight_format, (size_t)m * k);
        if (!slt_format_is_binary(tb.cfg.weight_format)) {
            int nc = (k + tb.cfg.group_size * tb.cfg.lut_units - 1) / (tb.cfg.group_size * tb.cfg.lut_units);
            wbytes += (uint64_t)(nc * tb.cfg.lut_units + 7) / 8;
        }
        (void)p;
        double ideal = (double)wbytes / tb.bus_bytes;
        std::printf("gemv_%dx%d_%s cycles=%llu ideal=%.0f ratio=%.4f\n", k, m, slt_format_name(tb.cfg.weight_format),
                    (unsigned long long)cyc, ideal, (double)cyc / ideal);
        std::printf("matched %ld outputs\n", tb.matched);
        return 0;
    }
    g_counters = plus_int(tb.ctx, "nocounters", 0) == 0;
    int cases = (int)plus_int(tb.ctx, "cases=", 8);
    int maxk = (int)plus_int(tb.ctx, "maxk=", 200), maxm = (int)plus_int(tb.ctx, "maxm=", 40);
    if (maxk > tb.cfg.max_k) maxk = tb.cfg.max_k;
    if (maxm > tb.cfg.max_m) maxm = tb.cfg.max_m;
    // standard corners: widest K, single row, single column, then random shapes
    tb.test = "corners";
    run_case(tb, 1, 1, 1, 30, true);
    run_case(tb, maxm, tb.cfg.max_k <= 4096 ? tb.cfg.max_k : maxk, 1, 30, true);
    run_case(tb, 3, maxk, 1, 100, true);
    run_case(tb, 2 * tb.cfg.row_lanes + 1, 5, tb.cfg.max_n, 0, true);
    tb.test = "random";
    for (int i = 0; i < cases; i++) {
        int m = (int)slt_prng_range(&tb.rng, 1, maxm), k = (int)slt_prng_range(&tb.rng, 1, maxk);
        int n = tb.coin(50) ? 1 : (int)slt_prng_range(&tb.rng, 1, tb.cfg.max_n);
        if (plus_int(tb.ctx, "verbose", 0)) std::printf("case %d: M=%d K=%d N=%d\n", i, m, k, n);
        run_case(tb, m, k, n, (int)slt_prng_range(&tb.rng, 0, 100), true);
    }
    if (plus_int(tb.ctx, "errors", 0)) run_errors(tb);
    if (tb.cfg.reorder != SLT_REORDER_NONE) {
        std::printf("reorder = greedy: rows permuted in %ld of %ld cases\n", g_moved, g_cases);
        if (g_moved == 0) tb.fail("reorder = greedy but no case permuted a row");
    }
    std::printf("matched %ld outputs in %llu cycles\n", tb.matched, (unsigned long long)tb.cycle);
    if (tb.vcd) tb.vcd->close();
    tb.top->final();
    return 0;
}
