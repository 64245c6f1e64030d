// tb_top.cpp - Verilator co-simulation of the generated accelerator top through
// its AXI ports only (docs/top.md): AXI4-Lite master, AXI4-Stream source and sink
// with random valid/ready gaps, results bit-exact against libsltref
// (slt_gemm_lut and slt_gemm_naive), performance counters against slt_predict.
//   Vtop +cfg=build/<cfg>/config.cfg [+seed=N] [+cases=N] [+maxk=N] [+maxm=N]
//        [+errors] [+bench=MxK] [+trace[=file.vcd]]
//        [+act_sigma=S] [+zero_pct=Z] [+cov=file [+cov_every=N]]  (energy window, below)
// Energy window (synth/energy.sh, docs/report.md): +act_sigma draws activations from
// N(0, S) rounded and clipped to act_bits (else uniform), +zero_pct the share of zero
// ternary weights of +bench (default 33). Built with --coverage-toggle (the gate-level
// netlist), +cov zeroes the toggle counters at the GEMV doorbell and writes them to
// `file` at DONE (every N cycles of the window also to file.<n>), and the window's
// cycles and performance counters are printed as `energy_window key=value ...`.
// Prints "matched N outputs" and exits 0, or the first mismatch and exits 1.
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <string>
#include <type_traits>
#include <vector>

#include <cmath>

#include <verilated.h>
#include <verilated_vcd_c.h>
#if VM_COVERAGE
#include <verilated_cov.h>
#endif

#include "Vtop.h"
#include "slt_regs.h"

extern "C" {
#include "slt_arrayif.h"
#include "slt_config.h"
#include "slt_gemm.h"
#include "slt_pack.h"
#include "slt_prng.h"
}

// energy window (see the header): set from the plusargs in main()
static std::string g_cov_file;
static long g_cov_every = 0;
static double g_act_sigma = 0;
static int g_bench_zero_pct = 33;

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
    bool win = false;              // inside the energy window
    uint64_t win0 = 0;             // its first cycle
    int win_snap = 0;

    void cov_write(const std::string &f)
    {
#if VM_COVERAGE
        VerilatedCov::write(f.c_str());
#else
        fail("+cov needs a model built with --coverage-toggle (%s)", f.c_str());
#endif
    }
    void window_begin()
    {
        if (g_cov_file.empty()) return;
#if VM_COVERAGE
        VerilatedCov::zero();
#endif
        win = true;
        win0 = cycle;
        win_snap = 0;
    }
    void window_end()
    {
        if (!win) return;
        win = false;
        cov_write(g_cov_file);
        std::printf("energy_window cycles=%llu file=%s\n", (unsigned long long)(cycle - win0), g_cov_file.c_str());
    }

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
        if (win && g_cov_every > 0 && (cycle - win0) % (uint64_t)g_cov_every == 0) {
            std::string f = g_cov_file + "." + std::to_string(++win_snap);
            cov_write(f);
            std::printf("energy_snapshot n=%d cycles=%llu file=%s\n", win_snap, (unsigned long long)(cycle - win0), f.c_str());
        }
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
        axil_write(SLT_REG_CMD_CTRL, opcode | fmt << 4);
        axil_write(SLT_REG_CMD_M, m);
        axil_write(SLT_REG_CMD_K, k);
        axil_write(SLT_REG_CMD_N, n);
        axil_write(SLT_REG_CMD_ABUF_BASE, 0);
        axil_write(SLT_REG_CMD_OBUF_BASE, 0);
        uint64_t b0 = busy_cycles ? read64(SLT_REG_PERF_CYCLES_BUSY_LO) : 0;
        for (auto &b : beats) in_q.push_back(b);
        bool energy = opcode == 3 || opcode == 4;  // the GEMV/GEMM is the energy window
        if (energy) window_begin();
        axil_write(SLT_REG_CMD_DOORBELL, 1);
        for (long guard = 0;; guard++) {
            for (int i = 0; i < 64; i++) step();
            uint32_t st = axil_read(SLT_REG_STATUS);
            if (st & 2u) {
                if (energy) window_end();
                axil_write(SLT_REG_STATUS, st & 6u);
                if (!in_q.empty()) fail("command done with %zu input beats left", in_q.size());
                if (busy_cycles) *busy_cycles = read64(SLT_REG_PERF_CYCLES_BUSY_LO) - b0;
                return (st & 4u) ? axil_read(SLT_REG_ERR_CODE) : 0;
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
    if (g_act_sigma > 0) {
        // N(0, sigma) by Box-Muller on the project PRNG, rounded, clipped to act_bits
        for (size_t i = 0; i < n; i++) {
            double u1 = ((double)slt_prng_range(&tb.rng, 0, 1000000) + 0.5) / 1000001.0;
            double u2 = (double)slt_prng_range(&tb.rng, 0, 1000000) / 1000001.0;
            double v = std::lround(g_act_sigma * std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2));
            x[i] = (int16_t)(v < lo ? lo : v > hi ? hi : v);
        }
        return;
    }
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
    slt_stream s;
    if (slt_stream_build(&tb.cfg, w.data(), m, k, &s, err, sizeof err)) tb.fail("stream: %s", err);
    auto wbeats = weight_stream(&tb.cfg, w.data(), m, k, &s);
    slt_stream_free(&s);
    auto abeats = act_stream(&tb.cfg, x.data(), n, k);

    if (check_counters) tb.axil_write(SLT_REG_PERF_CTRL, 1);
    uint32_t e = tb.command(1, 0, 0, (uint32_t)k, (uint32_t)n, abeats);
    if (e) tb.fail("LOAD_ACT M=%d K=%d N=%d: error %u", m, k, n, e);
    tb.out_bytes.clear();
    tb.out_lasts = 0;
    uint64_t busy = 0;
    e = tb.command(n == 1 ? 3 : 4, (uint32_t)tb.cfg.weight_format, (uint32_t)m, (uint32_t)k, (uint32_t)n, wbeats, &busy);
    if (e) tb.fail("%s M=%d K=%d N=%d: error %u", n == 1 ? "GEMV" : "GEMM", m, k, n, e);
    size_t need = (size_t)n * m * 4, bb = (size_t)tb.bus_bytes;
    size_t beats = (need + bb - 1) / bb;
    if (tb.out_bytes.size() != beats * bb || tb.out_lasts != 1)
        tb.fail("M=%d K=%d N=%d: %zu result bytes with %ld TLAST, expected %zu beats and one TLAST", m, k, n,
                tb.out_bytes.size(), tb.out_lasts, beats);
    for (int t = 0; t < n; t++)
        for (int r = 0; r < m; r++) {
            size_t i = (size_t)t * m + r;
            int32_t got = (int32_t)((uint32_t)tb.out_bytes[4 * i] | (uint32_t)tb.out_bytes[4 * i + 1] << 8 |
                                    (uint32_t)tb.out_bytes[4 * i + 2] << 16 | (uint32_t)tb.out_bytes[4 * i + 3] << 24);
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
        if (!g_cov_file.empty()) std::printf("energy_counter %s=%llu\n", k_perf_name[i], (unsigned long long)got);
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
    if (tb.command(1, 0, 0, (uint32_t)k, 1, act_stream(&c, x.data(), 1, k))) tb.fail("LOAD_ACT failed");
    uint32_t errs0 = tb.axil_read(SLT_REG_ERR_COUNT);
    tb.axil_write(SLT_REG_CMD_CTRL, 3u | fmt << 4);
    tb.axil_write(SLT_REG_CMD_M, (uint32_t)m);
    tb.axil_write(SLT_REG_CMD_K, (uint32_t)k);
    tb.axil_write(SLT_REG_CMD_N, 1);
    for (size_t i = 0; i + 1 < wb.size(); i++) { Beat b = wb[i]; b.last = false; tb.in_q.push_back(b); }
    tb.axil_write(SLT_REG_CMD_DOORBELL, 1);
    for (int i = 0; i < 200 + 8 * (int)wb.size(); i++) tb.step();
    if (!tb.in_q.empty()) tb.fail("abort: the partial stream was not consumed");
    uint32_t st = tb.axil_read(SLT_REG_STATUS);
    if ((st & 3u) != 1u) tb.fail("abort: STATUS %#x before ABORT, expected BUSY without DONE", st);
    tb.axil_write(SLT_REG_CMD_DOORBELL, 1);  // GO while busy
    if (tb.axil_read(SLT_REG_ERR_CODE) != 12) tb.fail("GO while busy: ERR_CODE not BUSY");
    tb.matched++;
    tb.axil_write(SLT_REG_CMD_DOORBELL, 2);  // ABORT
    for (int i = 0; i < 64; i++) tb.step();
    st = tb.axil_read(SLT_REG_STATUS);
    if ((st & 7u) != 6u) tb.fail("abort: STATUS %#x after ABORT, expected DONE|ERROR, not BUSY", st);
    tb.axil_write(SLT_REG_STATUS, 6u);
    expect_error(tb, "abort", tb.axil_read(SLT_REG_ERR_CODE), 14);
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
    int fmt = (int)c.weight_format, op = 3;
    std::vector<Beat> dummy = to_beats(std::vector<uint8_t>(3, 0), tb.bus_bytes, true);
    expect_error(tb, "M = 0", tb.command(op, fmt, 0, 4, 1, dummy), 1);
    expect_error(tb, "K > max_k", tb.command(op, fmt, 4, (uint32_t)c.max_k + 1, 1, dummy), 4);
    expect_error(tb, "unknown format", tb.command(op, 3, 4, 4, 1, dummy), 8);
    expect_error(tb, "unknown opcode", tb.command(9, fmt, 4, 4, 1, {}), 7);
    expect_error(tb, "GEMV N = 2", tb.command(op, fmt, 4, 4, 2, dummy), 6);
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
    if (tb.command(1, 0, 0, (uint32_t)k, 1, act_stream(&c, x.data(), 1, k))) tb.fail("LOAD_ACT failed");
    auto shortb = wb;
    shortb.pop_back();
    shortb.back().last = true;
    tb.out_bytes.clear();
    expect_error(tb, "short stream", tb.command(op, fmt, (uint32_t)m, (uint32_t)k, 1, shortb), 10);
    auto longb = wb;
    longb.back().last = false;
    Beat extra = longb.back();
    extra.last = true;
    longb.push_back(extra);
    expect_error(tb, "long stream", tb.command(op, fmt, (uint32_t)m, (uint32_t)k, 1, longb), 11);
    if (!slt_format_is_binary(c.weight_format)) {
        auto bad = wb;
        bad.back().bytes[0] = 0xFF; // t2 code 3 / t5 byte 255
        expect_error(tb, "invalid weight code", tb.command(op, fmt, (uint32_t)m, (uint32_t)k, 1, bad), 9);
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
#if VM_TRACE
        Verilated::traceEverOn(true);
        tb.vcd = new VerilatedVcdC;
        tb.top->trace(tb.vcd, 99);
        const char *eq = std::strchr(tr, '=');
        tb.vcd->open(eq ? eq + 1 : "top.vcd");
#else
        tb.fail("+trace needs a model built with --trace");
#endif
    }
    tb.reset();
    tb.test = "identity";
    if (tb.axil_read(SLT_REG_ID_MAGIC) != SLT_REGS_ID_MAGIC) tb.fail("ID_MAGIC");
    if (const char *c = tb.ctx->commandArgsPlusMatch("cov=")) {
        if (*c) g_cov_file = std::strchr(c, '=') + 1;
    }
    g_cov_every = plus_int(tb.ctx, "cov_every=", 0);
    g_bench_zero_pct = (int)plus_int(tb.ctx, "zero_pct=", 33);
    if (const char *c = tb.ctx->commandArgsPlusMatch("act_sigma=")) {
        if (*c) g_act_sigma = std::atof(std::strchr(c, '=') + 1);
    }
    long bench = plus_int(tb.ctx, "bench=", 0);
    if (bench) {
        const char *b = tb.ctx->commandArgsPlusMatch("bench=");
        int m = 0, k = 0;
        if (std::sscanf(std::strchr(b, '=') + 1, "%dx%d", &k, &m) != 2) return 2;
        tb.gaps = 0;
        tb.test = "bench";
        uint64_t cyc = 0;
        run_case(tb, m, k, 1, g_bench_zero_pct, true, &cyc);
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
    std::printf("matched %ld outputs\n", tb.matched);
    if (tb.vcd) tb.vcd->close();
    tb.top->final();
    return 0;
}
