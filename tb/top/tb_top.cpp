// tb_top.cpp - Verilator co-simulation of the generated accelerator top through
// its AXI ports only (docs/top.md): AXI4-Lite master, AXI4-Stream source and sink
// with random valid/ready gaps, results bit-exact against libsltref
// (slt_gemm_lut and slt_gemm_naive), performance counters against slt_predict.
//   Vtop +cfg=build/<cfg>/config.cfg [+seed=N] [+cases=N] [+maxk=N] [+maxm=N]
//        [+errors] [+bench=MxK] [+trace[=file.vcd]] [+inject=N]
//        [+act_sigma=S] [+zero_pct=Z] [+cov=file [+cov_every=N]]  (energy window, below)
// +inject=N: N GEMV/GEMM cases with bit flips (+injectonly=N: those alone) injected through the SRAM backdoor of
// rtl/slt_sram_ecc.v (see run_inject); with ecc = none, the negative control.
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
#include "Vtop___024root.h"
#include "slt_regs.h"
#include "tb_axi_host.h"

extern "C" {
#include "slt_arrayif.h"
#include "slt_busy.h"
#include "slt_config.h"
#include "slt_gemm.h"
#include "slt_pack.h"
#include "slt_prng.h"
#include "slt_secded.h"
#include "slt_reorder.h"
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

// Cycles from the GO write's AW+W acceptance to irq_o (IRQ_ENABLE.DONE) beyond
// PERF_CYCLES_BUSY: the slave writes the doorbell the cycle after, the controller
// leaves idle the cycle after GO, and STATUS.DONE (hence irq_o) is set the cycle
// after the last busy cycle (docs/top.md "Cycles and counters").
static const int k_go_irq_cycles = 2;

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
    // CYCLES_BUSY measured from the ports: the cycle the GO write's AW and W were both
    // accepted, and the first cycle irq_o (IRQ_ENABLE.DONE) is high after it
    uint64_t go_cycle = 0, irq_cycle = 0;
    long done_polls = 4000000;
    bool verbose = false;     // STATUS polls (64 cycles apart) before "no DONE"
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

    // One cycle: drive the streams, settle, sample handshakes, clock edge.
    bool in_hold = false;
    void step()
    {
        // input stream source
        if (!in_hold && !in_q.empty() && (!gaps || coin(75))) in_hold = true;
        top->s_axis_tvalid_i = in_hold;
        if (in_hold) {
            tb_axis_put(top->s_axis_tdata_i, in_q.front().bytes);
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
            tb_axis_get(top->m_axis_tdata_o, bus_bytes, out_bytes);
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
        if (top->irq_o && !irq_cycle) irq_cycle = cycle;
#ifndef SLT_TB_NETLIST  // the energy flow simulates the bare netlist, without slt_top_chk
        if (top->axi_err_o) fail("AXI protocol violation (slt_axi_check, see the line above)");
#endif
        if (win && g_cov_every > 0 && (cycle - win0) % (uint64_t)g_cov_every == 0) {
            std::string f = g_cov_file + "." + std::to_string(++win_snap);
            cov_write(f);
            std::printf("energy_snapshot n=%d cycles=%llu file=%s\n", win_snap, (unsigned long long)(cycle - win0), f.c_str());
        }
        if (cycle > 400000000ull) fail("cycle limit");
    }

    // ---- AXI4-Lite master (tb_axi_host.h); a failed transaction fails the test ------
    void axil_write(uint32_t addr, uint32_t data)
    {
        const char *why = "";
        if (tb_axil_write(*this, addr, data, &why) != TB_AXIL_OK) fail("AXI-Lite write 0x%03x: %s", addr, why);
    }
    void on_axil_write(uint32_t addr, uint32_t data)
    {
        if (addr == SLT_REG_CMD_DOORBELL && (data & SLT_REG_CMD_DOORBELL_GO_MASK)) {
            go_cycle = cycle;
            irq_cycle = 0;
        }
    }
    uint32_t axil_read(uint32_t addr)
    {
        const char *why = "";
        uint32_t v = 0;
        if (tb_axil_read(*this, addr, &v, &why) != TB_AXIL_OK) fail("AXI-Lite read 0x%03x: %s", addr, why);
        return v;
    }
    uint64_t read64(uint32_t lo) { uint64_t l = axil_read(lo); return l | (uint64_t)axil_read(lo + 4) << 32; }

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
    // extra: CMD_CTRL mode bits (RESIDENT, ACCUMULATE); abase/obase: buffer bases.
    uint32_t command(uint32_t opcode, uint32_t fmt, uint32_t m, uint32_t k, uint32_t n, std::vector<Beat> beats,
                     uint64_t *busy_cycles = nullptr, uint32_t extra = 0, uint32_t abase = 0, uint32_t obase = 0)
    {
        axil_write(SLT_REG_CMD_CTRL,
                   opcode << SLT_REG_CMD_CTRL_OPCODE_SHIFT | fmt << SLT_REG_CMD_CTRL_FORMAT_SHIFT | extra);
        axil_write(SLT_REG_CMD_M, m);
        axil_write(SLT_REG_CMD_K, k);
        axil_write(SLT_REG_CMD_N, n);
        axil_write(SLT_REG_CMD_ABUF_BASE, abase);
        axil_write(SLT_REG_CMD_OBUF_BASE, obase);
        uint64_t b0 = read64(SLT_REG_PERF_CYCLES_BUSY_LO);
        for (auto &b : beats) in_q.push_back(b);
        bool energy = opcode == SLT_OP_GEMV || opcode == SLT_OP_GEMM;  // the GEMV/GEMM is the energy window
        if (energy) window_begin();
        axil_write(SLT_REG_CMD_DOORBELL, SLT_REG_CMD_DOORBELL_GO_MASK);
        // Bounded wait: a generous multiple of the command's work (input beats with
        // gaps, compute passes, output beats), never the global cycle limit.
        uint64_t bound = done_bound(m, k, n, beats.size()), start = cycle;
        for (long polls = 0;; polls++) {
            for (int i = 0; i < 64; i++) step();
            uint32_t st = axil_read(SLT_REG_STATUS);
            if (st & SLT_REG_STATUS_DONE_MASK) {
                if (energy) window_end();
                axil_write(SLT_REG_STATUS, st & (SLT_REG_STATUS_DONE_MASK | SLT_REG_STATUS_ERROR_MASK));
                if (!in_q.empty())
                    fail("command %u M=%u K=%u N=%u: done with %zu input beats left", opcode, m, k, n, in_q.size());
                uint64_t busy = read64(SLT_REG_PERF_CYCLES_BUSY_LO) - b0;
                // the same from the ports: GO write to irq_o, less the fixed latency of
                // the register slave and STATUS (docs/top.md "Cycles and counters")
                uint64_t seen = irq_cycle - go_cycle;
                if (!irq_cycle || seen != busy + k_go_irq_cycles)
                    fail("command %u: PERF_CYCLES_BUSY %llu, but GO to irq_o took %llu cycles (expected busy + %d)",
                         opcode, (unsigned long long)busy, (unsigned long long)seen, k_go_irq_cycles);
                if (busy_cycles) *busy_cycles = busy;
                return (st & SLT_REG_STATUS_ERROR_MASK) ? axil_read(SLT_REG_ERR_CODE) : 0;
            }
            if (polls > done_polls) fail("command %u M=%u K=%u N=%u: no DONE after %ld polls", opcode, m, k, n, done_polls);
            if (cycle - start > bound)
                fail("command %u M=%u K=%u N=%u: no DONE after %llu cycles (bound %llu; %zu input beats left)", opcode,
                     m, k, n, (unsigned long long)(cycle - start), (unsigned long long)bound, in_q.size());
        }
    }
    uint64_t done_bound(uint32_t m, uint32_t k, uint32_t n, size_t in_beats) const
    {
        uint64_t ug = (uint64_t)cfg.lut_units * cfg.group_size, l = (uint64_t)cfg.row_lanes;
        uint64_t mm = m > (uint32_t)cfg.max_m ? (uint64_t)cfg.max_m : m, kk = k > (uint32_t)cfg.max_k ? (uint64_t)cfg.max_k : k;
        uint64_t nn = n > (uint32_t)cfg.max_n ? (uint64_t)cfg.max_n : n;
        uint64_t passes = nn * ((kk + ug - 1) / ug), rb = (mm + l - 1) / l;
        uint64_t out_beats = (nn * mm * 4 + (uint64_t)bus_bytes - 1) / (uint64_t)bus_bytes;
        return 20000 + 8 * (uint64_t)in_beats + 4 * passes * (rb + (uint64_t)slt_array_reissue_gap(&cfg) + 8) +
               8 * (out_beats + nn * rb);
    }
};

// Corner shapes are clamped to what the configuration advertises (max_m, max_k).
static int clampi(int v, int hi) { return v < hi ? v : hi; }

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

static uint64_t cdiv(uint64_t a, uint64_t b) { return (a + b - 1) / b; }

// Every performance counter after PERF clear, LOAD_ACT (N x K) and one GEMV/GEMM
// (M x K x N), computed from the shape, the format and W itself -- not from the
// stream the testbench sends nor from slt_predict (docs/top.md "Cycles and
// counters"). busy: the two commands' busy cycles as measured from the ports
// (GO to irq_o). Index: the register table's counter order (slt_regs.h).
static void expected_counters(const slt_config &c, const int8_t *w, int m, int k, int n, uint64_t busy,
                              uint64_t *want)
{
    const uint64_t M = (uint64_t)m, K = (uint64_t)k, N = (uint64_t)n, U = (uint64_t)c.lut_units;
    const uint64_t G = (uint64_t)c.group_size, L = (uint64_t)c.row_lanes, bb = (uint64_t)c.bus_bits / 8;
    const bool bin = slt_format_is_binary(c.weight_format);
    const uint64_t NC = cdiv(K, U * G), RB = cdiv(M, L);
    const uint64_t NT = cdiv(NC, (uint64_t)c.psum_chunks);   // tiles: a row block's psum goes through obuf once per tile
    const uint64_t wpb = c.weight_format == SLT_FMT_T2 ? 4 : c.weight_format == SLT_FMT_T5 ? 5 : 8;
    const uint64_t mode_beats = bin ? 0 : cdiv(cdiv(NC * U, 8), bb), w_beats = cdiv(cdiv(M * K, wpb), bb);
    uint64_t builds = 0, looks = 0, skips = 0, bufadds = 0;
    for (uint64_t g0 = 0; g0 < K; g0 += G) {          // one group: G columns of W
        uint64_t nz = 0;
        bool single = true;                             // every row has at most one non-zero
        for (uint64_t r = 0; r < M; r++) {
            int cnt = 0;
            for (uint64_t i = g0; i < g0 + G && i < K; i++) cnt += w[r * K + i] != 0;
            nz += bin || cnt > 0;
            single = single && cnt <= 1;
        }
        skips += M - nz;
        if (!bin && single && c.buffer_mode == SLT_BUFMODE_AUTO) bufadds += nz;
        else { builds += 1; looks += nz; }
    }
    for (int i = 0; i < SLT_PERF_COUNT; i++) want[i] = 0;
    want[SLT_PERF_CYCLES_BUSY] = busy;
    want[SLT_PERF_CYCLES_STALL] = busy - N * NC * (RB + 1);   // the array works one table + RB rows per pass
    want[SLT_PERF_TABLE_BUILDS] = N * builds;
    want[SLT_PERF_LOOKUPS] = N * looks;
    want[SLT_PERF_SKIPPED_GROUPS] = N * skips;
    want[SLT_PERF_BUFMODE_ADDS] = N * bufadds;
    want[SLT_PERF_WBUF_READS] = N * NC * RB;
    want[SLT_PERF_WBUF_WRITES] = NC * RB;
    want[SLT_PERF_ABUF_READS] = N * NC;
    want[SLT_PERF_ABUF_WRITES] = N * NC;
    want[SLT_PERF_OBUF_READS] = N * (NT - 1) * RB + N * RB;
    want[SLT_PERF_OBUF_WRITES] = N * NT * RB;
    want[SLT_PERF_LINK_BYTES_IN] = bb * (mode_beats + w_beats + N * cdiv(K * (uint64_t)c.act_bits, bb * 8));
    want[SLT_PERF_LINK_BYTES_OUT] = bb * cdiv(N * M * 4, bb);
    want[SLT_PERF_COMMANDS] = 2;
}

static const char *perf_name(int i)
{
#define X(name, idx) if (i == (idx)) return #name;
    SLT_PERF_FOREACH(X)
#undef X
    return "?";
}

// The result packet of the last command: N x M int32, whole beats, one TLAST.
static void check_results(Tb &tb, int m, int k, int n, const std::vector<int32_t> &y)
{
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
            if (got != y[i]) tb.fail("M=%d K=%d N=%d: y[%d][%d] = %d, expected %d", m, k, n, t, r, got, y[i]);
            tb.matched++;
        }
}

// 1 when the result packet holds exactly y (no failure either way).
static bool results_exact(Tb &tb, int m, int n, const std::vector<int32_t> &y)
{
    if (tb.out_bytes.size() < (size_t)n * m * 4 || tb.out_lasts != 1) return false;
    for (size_t i = 0; i < (size_t)n * m; i++)
        if ((int32_t)((uint32_t)tb.out_bytes[4 * i] | (uint32_t)tb.out_bytes[4 * i + 1] << 8 |
                      (uint32_t)tb.out_bytes[4 * i + 2] << 16 | (uint32_t)tb.out_bytes[4 * i + 3] << 24) != y[i])
            return false;
    return true;
}

// Fault injection (run_inject): called before LOAD_ACT (phase 0) and before the GEMV/GEMM
// (phase 1) with the case's shape; g_inject_err receives the GEMV/GEMM error code instead
// of failing; g_inject_bad counts wrong results instead of failing.
typedef void (*inject_hook)(Tb &tb, int phase, int m, int k, int n);
static inject_hook g_inject = nullptr;
static uint32_t *g_inject_err = nullptr;
static long *g_inject_bad = nullptr;

// One LOAD_ACT + GEMV/GEMM, checked against the golden model.
static bool g_counters = true;
static long g_cases, g_moved; // cases run, cases whose packet rows were permuted (reorder)
static long g_exact_busy;     // commands whose PERF_CYCLES_BUSY matched the event model exactly
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
    uint64_t busy_act = 0;
    if (g_inject) g_inject(tb, 0, m, k, n);
    uint32_t e = tb.command(SLT_OP_LOAD_ACT, 0, 0, (uint32_t)k, (uint32_t)n, abeats, &busy_act);
    if (e) tb.fail("LOAD_ACT M=%d K=%d N=%d: error %u", m, k, n, e);
    tb.out_bytes.clear();
    tb.out_lasts = 0;
    uint64_t busy = 0;
    if (g_inject) g_inject(tb, 1, m, k, n);
    e = tb.command(n == 1 ? SLT_OP_GEMV : SLT_OP_GEMM, (uint32_t)tb.cfg.weight_format, (uint32_t)m, (uint32_t)k,
                   (uint32_t)n, wbeats, &busy);
    if (g_inject_err) {
        *g_inject_err = e;
        if (e) return;  // a failed command's results are never used
    }
    if (e) tb.fail("%s M=%d K=%d N=%d: error %u", n == 1 ? "GEMV" : "GEMM", m, k, n, e);
    // results arrive in slot order (reorder): compare with the golden results permuted the same way
    std::vector<int32_t> y_slot((size_t)n * m);
    for (int t = 0; t < n; t++)
        for (int j = 0; j < m; j++) y_slot[(size_t)t * m + j] = y_lut[(size_t)t * m + perm[(size_t)j]];
    if (g_inject_bad && !results_exact(tb, m, n, y_slot)) {  // negative control: count, do not fail
        ++*g_inject_bad;
        return;
    }
    check_results(tb, m, k, n, y_slot);
    if (cycles_out) *cycles_out = busy;
    // PERF_CYCLES_BUSY of both commands against the event model, exactly
    // (slt_busy.h: ideal streams). With random stream gaps the busy cycles depend
    // on the gaps, so the exact check applies only with gaps off.
    if (!tb.gaps && !g_inject) {
        if (busy_act != ev.load_busy_cycles)
            tb.fail("LOAD_ACT K=%d N=%d: PERF_CYCLES_BUSY %llu, the event model %llu", k, n,
                    (unsigned long long)busy_act, (unsigned long long)ev.load_busy_cycles);
        if (busy != ev.busy_cycles)
            tb.fail("%s M=%d K=%d N=%d: PERF_CYCLES_BUSY %llu, the event model %llu (descriptor %llu + compute %llu + "
                    "read-out %llu)", n == 1 ? "GEMV" : "GEMM", m, k, n, (unsigned long long)busy,
                    (unsigned long long)ev.busy_cycles, (unsigned long long)ev.busy_desc_cycles,
                    (unsigned long long)ev.busy_run_cycles, (unsigned long long)ev.busy_out_cycles);
        tb.matched += 2;
        g_exact_busy += 2;
    }
    if (!check_counters) return;
    // every counter against the shape/format arithmetic and W (expected_counters),
    // then the event model (slt_predict) against the same values
    uint64_t want[SLT_PERF_COUNT];
    expected_counters(tb.cfg, w.data(), m, k, n, busy_act + busy, want);
    const bool terms = tb.cfg.array == SLT_ARRAY_LUT; // addsub: its term counters count weight adds, not modelled
    for (int i = 0; i < SLT_PERF_COUNT; i++) {
        bool term = i == SLT_PERF_TABLE_BUILDS || i == SLT_PERF_LOOKUPS || i == SLT_PERF_SKIPPED_GROUPS ||
                    i == SLT_PERF_BUFMODE_ADDS;
        if (term && !terms) continue;
        uint64_t got = tb.read64(SLT_PERF_LO(i));
        if (got != want[i])
            tb.fail("M=%d K=%d N=%d: PERF_%s = %llu, expected %llu", m, k, n, perf_name(i), (unsigned long long)got,
                    (unsigned long long)want[i]);
        tb.matched++;
    }
    slt_events p;
    if (slt_predict(&tb.cfg, w.data(), m, k, n, &p, err, sizeof err)) tb.fail("predict: %s", err);
    const struct { const char *what; uint64_t model; int idx; } chk[] = {
        {"table_builds", p.table_builds, SLT_PERF_TABLE_BUILDS}, {"lookups", p.lookups, SLT_PERF_LOOKUPS},
        {"skipped_groups", p.skipped_groups, SLT_PERF_SKIPPED_GROUPS},
        {"buffer_adds", p.buffer_adds, SLT_PERF_BUFMODE_ADDS}, {"wbuf_reads", p.wbuf_reads, SLT_PERF_WBUF_READS},
        {"wbuf_writes", p.wbuf_writes, SLT_PERF_WBUF_WRITES}, {"abuf_reads", p.abuf_reads, SLT_PERF_ABUF_READS},
        {"abuf_writes", p.abuf_writes, SLT_PERF_ABUF_WRITES}, {"obuf_reads", p.obuf_reads, SLT_PERF_OBUF_READS},
        {"obuf_writes", p.obuf_writes, SLT_PERF_OBUF_WRITES},
        {"link_bytes", p.link_bytes, -1}};
    if (!g_cov_file.empty()) {  // the window's event counts for the energy flow (synth/energy.sh)
        for (const auto &q : chk)
            if (q.idx >= 0) std::printf("energy_counter %s=%llu\n", q.what, (unsigned long long)tb.read64(SLT_PERF_LO(q.idx)));
        std::printf("energy_counter link_bytes_in=%llu\n", (unsigned long long)tb.read64(SLT_PERF_LO(SLT_PERF_LINK_BYTES_IN)));
    }
    for (const auto &q : chk) {
        uint64_t v = q.idx >= 0 ? want[q.idx] : want[SLT_PERF_LINK_BYTES_IN] + want[SLT_PERF_LINK_BYTES_OUT];
        if (q.model != v)
            tb.fail("M=%d K=%d N=%d: slt_predict %s = %llu, expected %llu", m, k, n, q.what,
                    (unsigned long long)q.model, (unsigned long long)v);
    }
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
    tb.axil_write(SLT_REG_CMD_CTRL,
                  SLT_OP_GEMV << SLT_REG_CMD_CTRL_OPCODE_SHIFT | fmt << SLT_REG_CMD_CTRL_FORMAT_SHIFT);
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
    uint32_t m4 = (uint32_t)clampi(4, c.max_m), k4 = (uint32_t)clampi(4, c.max_k);
    // refused by the descriptor check, without stream gaps: the busy cycles are the
    // event model's exactly (descriptor part, the packet drained, one flush cycle)
    auto refused = [&](const char *what, uint32_t opc, uint32_t f, uint32_t mm, uint32_t kk, uint32_t nn,
                       const std::vector<Beat> &b, uint32_t want) {
        int g = tb.gaps;
        tb.gaps = 0;
        uint64_t busy = 0;
        uint32_t e = tb.command(opc, f, mm, kk, nn, b, &busy);
        tb.gaps = g;
        expect_error(tb, what, e, want);
        slt_busy sb;
        slt_busy_refused(&c, b.size(), &sb);
        if (busy != sb.busy)
            tb.fail("error case '%s' (M=%u K=%u N=%u, %zu beats): PERF_CYCLES_BUSY %llu, the event model %llu", what, mm,
                    kk, nn, b.size(), (unsigned long long)busy, (unsigned long long)sb.busy);
        g_exact_busy++;
    };
    refused("M = 0", op, fmt, 0, k4, 1, dummy, SLT_ERR_M_ZERO);
    refused("K > max_k", op, fmt, m4, (uint32_t)c.max_k + 1, 1, dummy, SLT_ERR_K_TOO_LARGE);
    refused("unknown format", op, bad_fmt, m4, k4, 1, dummy, SLT_ERR_BAD_FORMAT);
    refused("unknown opcode", bad_op, fmt, m4, k4, 1, {}, SLT_ERR_BAD_OPCODE);
    refused("GEMV N = 2", op, fmt, m4, k4, 2, dummy, SLT_ERR_N_TOO_LARGE);
    run_case(tb, clampi(5, c.max_m), clampi(7, c.max_k), 1, 30, false);
    // short and long weight streams: a shape whose weight packet has at least two
    // beats (a b1 packet of a tiny shape can be a single beat: grow M, then K)
    int m = clampi(5, c.max_m), k = clampi(c.group_size * c.lut_units + 2, c.max_k);
    std::vector<Beat> wb;
    std::vector<int8_t> w;
    char err[SLT_ERRLEN];
    for (;;) {
        w.assign((size_t)m * k, 0);
        rand_weights(tb, w.data(), w.size(), 30);
        slt_stream s;
        if (slt_stream_build(&c, w.data(), m, k, &s, err, sizeof err)) tb.fail("stream: %s", err);
        wb = weight_stream(&c, w.data(), m, k, &s);
        slt_stream_free(&s);
        if (wb.size() >= 2 || (m == c.max_m && k == c.max_k)) break;
        if (m < c.max_m) m = clampi(2 * m, c.max_m);
        else k = clampi(2 * k, c.max_k);
    }
    std::vector<int16_t> x((size_t)k, 1);
    if (tb.command(SLT_OP_LOAD_ACT, 0, 0, (uint32_t)k, 1, act_stream(&c, x.data(), 1, k))) tb.fail("LOAD_ACT failed");
    tb.out_bytes.clear();
    if (wb.size() >= 2) {
        auto shortb = wb;
        shortb.pop_back();
        shortb.back().last = true;
        expect_error(tb, "short stream", tb.command(op, fmt, (uint32_t)m, (uint32_t)k, 1, shortb), SLT_ERR_STREAM_SHORT);
    } else {
        std::printf("SKIP error case 'short stream' (config %s seed %llu): the largest shape M=%d K=%d has a "
                    "one-beat weight packet\n", c.name, (unsigned long long)tb.seed, m, k);
    }
    auto longb = wb;
    longb.back().last = false;
    Beat extra = longb.back();
    extra.last = true;
    longb.push_back(extra);
    expect_error(tb, "long stream", tb.command(op, fmt, (uint32_t)m, (uint32_t)k, 1, longb), SLT_ERR_STREAM_LONG);
    if (!slt_format_is_binary(c.weight_format)) {
        auto bad = wb;
        bad.back().bytes[0] = 0xFF; // t2 code 3 / t5 byte 255
        expect_error(tb, "invalid weight code", tb.command(op, fmt, (uint32_t)m, (uint32_t)k, 1, bad),
                     SLT_ERR_BAD_WEIGHT_CODE);
    }
    run_case(tb, clampi(3, c.max_m), k, 1, 30, false);
    run_abort_busy(tb, wb, m, k);
}

// ---- fault injection through the SRAM backdoor (rtl/slt_sram_ecc.v) ----------------------
#define INJ(mem, var) (tb.top->rootp->slt_top_chk__DOT__u_dut__DOT__u_ctrl__DOT__##mem##__DOT__##var)
struct InjMem {
    const char *name;
    int width;  // data bits per word
};
struct Inject {
    int mem = 0, bits = 1;       // target buffer (0 wbuf, 1 abuf, 2 obuf, 3 modes), flips (1, 2)
    int addr = -1, b0 = -1, b1 = -1;
    uint32_t count0 = 0;         // inj_count of the target before the case
};
static Inject g_inj;
static InjMem g_mems[4];

static uint32_t &inj_var(Tb &tb, int mem, int which)
{
#ifdef SLT_TB_NETLIST  // the gate-level netlist of the energy flow has no backdoor
    static uint32_t none;
    (void)mem;
    (void)which;
    tb.fail("+inject needs the RTL model (the SRAM backdoor of rtl/slt_sram_ecc.v), not a netlist");
    return none;
#else
    switch (mem * 4 + which) {
    case 0: return INJ(u_wbuf, inj_addr);
    case 1: return INJ(u_wbuf, inj_bit0);
    case 2: return INJ(u_wbuf, inj_bit1);
    case 3: return INJ(u_wbuf, inj_count);
    case 4: return INJ(u_abuf, inj_addr);
    case 5: return INJ(u_abuf, inj_bit0);
    case 6: return INJ(u_abuf, inj_bit1);
    case 7: return INJ(u_abuf, inj_count);
    case 8: return INJ(u_obuf, inj_addr);
    case 9: return INJ(u_obuf, inj_bit0);
    case 10: return INJ(u_obuf, inj_bit1);
    case 11: return INJ(u_obuf, inj_count);
    case 12: return INJ(u_mode, inj_addr);
    case 13: return INJ(u_mode, inj_bit0);
    case 14: return INJ(u_mode, inj_bit1);
    default: return INJ(u_mode, inj_count);
    }
#endif
}

// Arm the target: the abuf before LOAD_ACT, the others before the GEMV/GEMM, at a word
// the command writes and then reads: abuf (token, chunk), wbuf row block of chunk 0,
// obuf (token, row block) (first written in chunk 0), the mode word of a chunk.
static void inject_arm(Tb &tb, int phase, int m, int k, int n)
{
    const slt_config &c = tb.cfg;
    int nc = (k + c.group_size * c.lut_units - 1) / (c.group_size * c.lut_units);
    int rb = (m + c.row_lanes - 1) / c.row_lanes;
    if (phase != (g_inj.mem == 1 ? 0 : 1)) return;
    int words = g_inj.mem == 0 ? rb : g_inj.mem == 1 ? n * nc : g_inj.mem == 2 ? n * rb : nc;
    int codew = c.ecc == SLT_ECC_SECDED ? slt_secded_code_bits(g_mems[g_inj.mem].width) : g_mems[g_inj.mem].width;
    g_inj.addr = (int)slt_prng_range(&tb.rng, 0, words - 1);
    g_inj.b0 = (int)slt_prng_range(&tb.rng, 0, codew - 1);
    g_inj.b1 = -1;
    if (g_inj.bits == 2) {
        g_inj.b1 = (int)slt_prng_range(&tb.rng, 0, codew - 2);
        if (g_inj.b1 >= g_inj.b0) g_inj.b1++;
    }
    g_inj.count0 = inj_var(tb, g_inj.mem, 3);
    inj_var(tb, g_inj.mem, 0) = (uint32_t)g_inj.addr;
    inj_var(tb, g_inj.mem, 1) = (uint32_t)g_inj.b0;
    inj_var(tb, g_inj.mem, 2) = (uint32_t)g_inj.b1;
}

// +inject=N: N cases, each a random small GEMV/GEMM with one armed flip (single or
// double, random buffer and word). ecc = secded: single flips -> results exact, every
// counter equal to slt_predict, ECC_CORRECTED + the exact number of reads of the word
// (abuf 1, wbuf N, modes N, obuf 1), ECC_UNCORRECTED + 0; double flips -> STATUS.ERROR
// with ERR_CODE ECC_UNCORRECTABLE, ECC_UNCORRECTED > 0, no results when found before the
// output phase; then a clean command must pass. ecc = none: the same flips must change
// the results of at least one case (else the injection does not reach the data).
static void run_inject(Tb &tb, int cases, int maxk, int maxm)
{
    const slt_config &c = tb.cfg;
    bool ecc = c.ecc == SLT_ECC_SECDED, ternary = !slt_format_is_binary(c.weight_format);
    g_mems[0] = {"wbuf", c.row_lanes * c.lut_units * slt_row_field_bits(&c)};
    g_mems[1] = {"abuf", c.lut_units * c.group_size * c.act_bits};
    g_mems[2] = {"obuf", c.row_lanes * c.acc_bits};
    g_mems[3] = {"modes", c.lut_units};
    long singles = 0, doubles = 0, corrupted = 0, aborted = 0, late = 0, flips = 0;
    for (int i = 0; i < cases; i++) {
        tb.test = "inject";
        int m = (int)slt_prng_range(&tb.rng, 1, maxm), k = (int)slt_prng_range(&tb.rng, 1, maxk);
        int n = tb.coin(50) ? 1 : (int)slt_prng_range(&tb.rng, 1, c.max_n);
        g_inj.mem = (int)slt_prng_range(&tb.rng, 0, ternary ? 3 : 2);
        g_inj.bits = (ecc && tb.coin(35)) ? 2 : 1;
        int ug = c.group_size * c.lut_units;
        if (g_inj.mem == 2 && g_inj.bits == 2 && tb.coin(50))  // one chunk: found while sending results
            k = (int)slt_prng_range(&tb.rng, 1, ug < maxk ? ug : maxk);
        uint32_t err = 0;
        long bad = 0;
        uint32_t corr0 = tb.axil_read(SLT_REG_ECC_CORRECTED), unc0 = tb.axil_read(SLT_REG_ECC_UNCORRECTED);
        g_inject = inject_arm;
        g_inject_err = &err;
        g_inject_bad = ecc ? nullptr : &bad;
        run_case(tb, m, k, n, (int)slt_prng_range(&tb.rng, 0, 60), ecc && g_inj.bits == 1);
        g_inject = nullptr;
        g_inject_err = nullptr;
        g_inject_bad = nullptr;
        uint32_t corr = tb.axil_read(SLT_REG_ECC_CORRECTED) - corr0, unc = tb.axil_read(SLT_REG_ECC_UNCORRECTED) - unc0;
        if (ecc && g_inj.bits == 1 && g_counters) {  // run_case cleared the counters (PERF_CTRL.CLEAR) first
            corr = tb.axil_read(SLT_REG_ECC_CORRECTED);
            unc = tb.axil_read(SLT_REG_ECC_UNCORRECTED);
        }
        const char *mn = g_mems[g_inj.mem].name;
        if (inj_var(tb, g_inj.mem, 3) != g_inj.count0 + 1u || (int)inj_var(tb, g_inj.mem, 0) != -1)
            tb.fail("case %d: the flip of %s word %d was not applied (M=%d K=%d N=%d)", i, mn, g_inj.addr, m, k, n);
        flips += g_inj.bits;
        if (!ecc) {
            if (err || bad) corrupted++;  // wrong results, or a mode bit the keys contradict
            continue;
        }
        if (g_inj.bits == 1) {
            uint32_t want = (g_inj.mem == 0 || g_inj.mem == 3) ? (uint32_t)n : 1u;
            if (err || corr != want || unc != 0)
                tb.fail("case %d: single flip of %s word %d bit %d (M=%d K=%d N=%d): error %u, ECC_CORRECTED +%u "
                        "(expected +%u), ECC_UNCORRECTED +%u", i, mn, g_inj.addr, g_inj.b0, m, k, n, err, corr, want,
                        unc);
            singles++;
        } else {
            if (err != SLT_ERR_ECC_UNCORRECTABLE || unc == 0)
                tb.fail("case %d: double flip of %s word %d bits %d,%d (M=%d K=%d N=%d): error %u (expected 15 "
                        "ECC_UNCORRECTABLE), ECC_UNCORRECTED +%u", i, mn, g_inj.addr, g_inj.b0, g_inj.b1, m, k, n,
                        err, unc);
            if (tb.out_lasts == 0) aborted++;
            else if (g_inj.mem == 2) late++;  // found while sending: the packet ends, STATUS.ERROR set
            else tb.fail("case %d: double flip of %s sent a result packet", i, mn);
            doubles++;
            tb.matched++;
            run_case(tb, 3, 5, 1, 30, false);  // the accelerator recovers
        }
    }
    if (!ecc) {
        std::printf("inject (ecc none, negative control): %d single flips, %ld cases with wrong results\n", cases,
                    corrupted);
        if (corrupted == 0) tb.fail("negative control: no injected flip changed a result");
        tb.matched++;
        return;
    }
    std::printf("inject (ecc secded): %ld flipped bits; %ld single flips corrected (results exact), %ld double "
                "flips detected (%ld stopped before results, %ld flagged with the result packet)\n",
                flips, singles, doubles, aborted, late);
}

// Beats of the mode section of a weight packet (0 for b1).
static size_t mode_beats(const slt_config &c, int k)
{
    if (slt_format_is_binary(c.weight_format)) return 0;
    size_t nc = cdiv((uint64_t)k, (uint64_t)(c.group_size * c.lut_units));
    return cdiv(cdiv(nc * (uint64_t)c.lut_units, 8), (uint64_t)c.bus_bits / 8);
}

static std::vector<Beat> gemv_packet(Tb &tb, int m, int k, std::vector<int8_t> &w)
{
    char err[SLT_ERRLEN];
    slt_stream s;
    w.resize((size_t)m * k);
    rand_weights(tb, w.data(), w.size(), 30);
    if (slt_stream_build(&tb.cfg, w.data(), m, k, &s, err, sizeof err)) tb.fail("stream: %s", err);
    auto wb = weight_stream(&tb.cfg, w.data(), m, k, &s);
    slt_stream_free(&s);
    return wb;
}

static std::vector<Beat> cut(const std::vector<Beat> &b, size_t n)
{
    std::vector<Beat> out(b.begin(), b.begin() + (long)n);
    out.back().last = true;
    return out;
}

// TLAST too early in every packet kind (activations: inside a token and at a token
// boundary; mode section; weight section), an activation packet too long, and a
// RESIDENT GEMV (BAD_OPCODE at once, no packet expected); each followed by a valid
// command.
// An error case: the testbench's test name is the case (printed on a failure or a
// hang), then ERR_CODE must be `want`.
#define ERR_CASE(what, cmd, want)                                                                                    \
    do {                                                                                                             \
        tb.test = "framing: " what;                                                                                  \
        expect_error(tb, what, (cmd), (want));                                                                       \
    } while (0)

static void run_framing(Tb &tb)
{
    const slt_config &c = tb.cfg;
    long polls = tb.done_polls;
    tb.done_polls = 1000;   // an error case ends within a few hundred cycles: a hang fails fast
    const uint32_t fmt = (uint32_t)c.weight_format;
    int k = c.bus_bits / c.act_bits + 1;                       // two beats per token
    if (k > c.max_k) k = c.max_k;
    std::vector<int16_t> x((size_t)2 * k, 1);
    auto a1 = act_stream(&c, x.data(), 1, k);
    if (a1.size() >= 2)
        ERR_CASE("activation TLAST inside a token", tb.command(SLT_OP_LOAD_ACT, 0, 0, (uint32_t)k, 1, cut(a1, 1)),
                     SLT_ERR_STREAM_SHORT);
    if (c.max_n >= 2)
        ERR_CASE("activation TLAST after token 0 of 2",
                     tb.command(SLT_OP_LOAD_ACT, 0, 0, (uint32_t)k, 2, cut(act_stream(&c, x.data(), 2, k), a1.size())),
                     SLT_ERR_STREAM_SHORT);
    auto along = a1;
    along.back().last = false;
    along.push_back(along.back());
    along.back().last = true;
    ERR_CASE("activation packet one beat long", tb.command(SLT_OP_LOAD_ACT, 0, 0, (uint32_t)k, 1, along),
                 SLT_ERR_STREAM_LONG);
    run_case(tb, c.max_m < 3 ? c.max_m : 3, k, 1, 30, false);   // the top still works (M within max_m: soak1_16 has 2)

    int m = 2 * c.row_lanes + 1, kw = 2 * c.group_size * c.lut_units + 1;
    if (m > c.max_m) m = c.max_m;
    if (kw > c.max_k) kw = c.max_k;
    std::vector<int8_t> w;
    auto wb = gemv_packet(tb, m, kw, w);
    size_t mb = mode_beats(c, kw);
    if (mb >= 1)
        ERR_CASE("TLAST on the mode section's last beat",
                     tb.command(SLT_OP_GEMV, fmt, (uint32_t)m, (uint32_t)kw, 1, cut(wb, mb)), SLT_ERR_STREAM_SHORT);
    if (mb >= 2)
        ERR_CASE("TLAST on the mode section's first beat",
                     tb.command(SLT_OP_GEMV, fmt, (uint32_t)m, (uint32_t)kw, 1, cut(wb, 1)), SLT_ERR_STREAM_SHORT);
    if (wb.size() >= mb + 2)
        ERR_CASE("TLAST on the first weight beat",
                     tb.command(SLT_OP_GEMV, fmt, (uint32_t)m, (uint32_t)kw, 1, cut(wb, mb + 1)), SLT_ERR_STREAM_SHORT);
    run_case(tb, m, kw, 1, 30, false);
    tb.done_polls = 4;   // DONE must come at once: nothing to wait for
    uint64_t busy = 0;
    ERR_CASE("RESIDENT GEMV (no packet)",
                 tb.command(SLT_OP_GEMV, fmt, (uint32_t)m, (uint32_t)kw, 1, {}, &busy,
                            SLT_REG_CMD_CTRL_RESIDENT_MASK),
                 SLT_ERR_BAD_OPCODE);
    slt_busy rb;   // no packet: the stream gaps play no part, the busy cycles are exact
    slt_busy_refused(&c, 0, &rb);
    if (busy != rb.busy)
        tb.fail("RESIDENT GEMV M=%d K=%d: PERF_CYCLES_BUSY %llu, the event model %llu", m, kw,
                (unsigned long long)busy, (unsigned long long)rb.busy);
    g_exact_busy++;
    tb.done_polls = polls;
    run_case(tb, m, kw, 1, 30, false);
    tb.test = "framing";
}

// K split with ACCUMULATE (docs/top.md "K split"): Y = W X over K = K1 + K2 as two
// commands on the same OBUF_BASE, the second with CMD_CTRL.ACCUMULATE = 1; the first
// command's results are the partial sums, the second's the full product.
static void run_ksplit(Tb &tb)
{
    tb.test = "ksplit";
    const slt_config &c = tb.cfg;
    char err[SLT_ERRLEN];
    int ug = c.group_size * c.lut_units;
    int k1 = ug + 1, k2 = 2 * c.group_size + 1;              // ragged chunks in both parts
    if (k1 > c.max_k / 2) k1 = c.max_k / 2 > 0 ? c.max_k / 2 : 1;
    if (k2 > c.max_k - k1) k2 = c.max_k - k1;
    if (k2 < 1) return;                                        // max_k = 1: no split possible
    int m = 2 * c.row_lanes + 1, n = c.max_n >= 2 ? 2 : 1, k = k1 + k2;
    if (m > c.max_m) m = c.max_m;
    uint32_t abase = 1, obase = 1;                             // not 0: the bases are honoured
    std::vector<int8_t> w((size_t)m * k);
    std::vector<int16_t> x((size_t)n * k);
    rand_weights(tb, w.data(), w.size(), 30);
    rand_acts(tb, x.data(), x.size());
    std::vector<int32_t> y((size_t)n * m);
    if (slt_gemm_naive(w.data(), x.data(), y.data(), m, k, n, err, sizeof err)) tb.fail("golden model: %s", err);
    for (int part = 0; part < 2; part++) {
        int k0 = part ? k1 : 0, kp = part ? k2 : k1;
        std::vector<int8_t> wp((size_t)m * kp);
        std::vector<int16_t> xp((size_t)n * kp);
        for (int r = 0; r < m; r++)
            for (int i = 0; i < kp; i++) wp[(size_t)r * kp + i] = w[(size_t)r * k + k0 + i];
        for (int t = 0; t < n; t++)
            for (int i = 0; i < kp; i++) xp[(size_t)t * kp + i] = x[(size_t)t * k + k0 + i];
        std::vector<int32_t> yp((size_t)n * m);
        if (slt_gemm_naive(wp.data(), xp.data(), yp.data(), m, kp, n, err, sizeof err))
            tb.fail("golden model: %s", err);
        if (part) // the second command adds its partial sums to the first's
            for (size_t i = 0; i < yp.size(); i++) yp[i] = y[i];
        slt_stream s;
        if (slt_stream_build(&c, wp.data(), m, kp, &s, err, sizeof err)) tb.fail("stream: %s", err);
        auto wb = weight_stream(&c, wp.data(), m, kp, &s);
        slt_stream_free(&s);
        uint64_t busy_act = 0, busy = 0;
        uint32_t e = tb.command(SLT_OP_LOAD_ACT, 0, 0, (uint32_t)kp, (uint32_t)n, act_stream(&c, xp.data(), n, kp),
                                &busy_act, 0, abase, 0);
        if (e) tb.fail("K split part %d: LOAD_ACT error %u", part, e);
        tb.out_bytes.clear();
        tb.out_lasts = 0;
        e = tb.command(n == 1 ? SLT_OP_GEMV : SLT_OP_GEMM, (uint32_t)c.weight_format, (uint32_t)m, (uint32_t)kp,
                       (uint32_t)n, wb, &busy, part ? SLT_REG_CMD_CTRL_ACCUMULATE_MASK : 0, abase, obase);
        if (e) tb.fail("K split part %d: error %u", part, e);
        check_results(tb, m, kp, n, yp);
        if (!tb.gaps) {   // non-zero bases and ACCUMULATE do not change the busy cycles
            slt_busy ba, bg;
            slt_busy_load_act(&c, kp, n, &ba);
            slt_busy_gemm(&c, m, kp, n, &bg);
            if (busy_act != ba.busy || busy != bg.busy)
                tb.fail("K split part %d M=%d K=%d N=%d: PERF_CYCLES_BUSY LOAD_ACT %llu, %s %llu; the event model %llu, "
                        "%llu", part, m, kp, n, (unsigned long long)busy_act, part ? "ACCUMULATE" : "GEMV/GEMM",
                        (unsigned long long)busy, (unsigned long long)ba.busy, (unsigned long long)bg.busy);
            g_exact_busy += 2;
        }
    }
}

// RTL cycles against the event model, exactly, without stream gaps (run_case checks
// each command's PERF_CYCLES_BUSY against ref/slt_busy.h): corner shapes around one
// chunk and one row block (K and K + U*G, bubbles at small RB, max_n), then random ones.
static void run_cycles(Tb &tb, int nrand, int maxm, int maxk)
{
    tb.test = "cycles";
    const slt_config &c = tb.cfg;
    int ug = c.group_size * c.lut_units, L = c.row_lanes;
    int gaps = tb.gaps;
    tb.gaps = 0;
    const int shapes[][3] = {{1, 1, 1}, {L, ug + 1, 1}, {2 * L + 1, 2 * ug + 2, 1}, {L, ug, c.max_n},
                             {3 * L + 1, ug + c.group_size, c.max_n}, {1, 2 * ug, 2}};
    for (const auto &sh : shapes) {
        int m = sh[0], k = sh[1], n = sh[2];
        if (m > c.max_m || k + ug > c.max_k || n > c.max_n) continue;
        for (int j = 0; j < 2; j++) run_case(tb, m, k + j * ug, n, 30, true);
    }
    // random shapes without stream gaps: run_case checks both commands' busy cycles exactly
    for (int i = 0; i < nrand; i++) {
        int m = (int)slt_prng_range(&tb.rng, 1, maxm), k = (int)slt_prng_range(&tb.rng, 1, maxk);
        int n = tb.coin(50) ? 1 : (int)slt_prng_range(&tb.rng, 1, c.max_n);
        run_case(tb, m, k, n, (int)slt_prng_range(&tb.rng, 0, 100), true);
    }
    tb.gaps = gaps;
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
    tb.axil_write(SLT_REG_IRQ_ENABLE, SLT_REG_IRQ_ENABLE_DONE_MASK);  // irq_o times every command
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
    tb.verbose = plus_int(tb.ctx, "verbose", 0) != 0;
    if (plus_int(tb.ctx, "cyclesonly", 0)) {   // just the RTL-vs-model cycle checks (+verbose prints them)
        run_cycles(tb, 8, maxm, maxk);
        std::printf("PERF_CYCLES_BUSY = event model exactly for %ld commands\n", g_exact_busy);
        std::printf("matched %ld outputs in %llu cycles\n", tb.matched, (unsigned long long)tb.cycle);
        return 0;
    }
    if (long ninj = plus_int(tb.ctx, "injectonly=", 0)) {   // just the fault injection (run_inject)
        run_inject(tb, (int)ninj, maxk, maxm);
        std::printf("matched %ld outputs in %llu cycles\n", tb.matched, (unsigned long long)tb.cycle);
        return 0;
    }
    tb.test = "corners";
    run_case(tb, 1, 1, 1, 30, true);
    run_case(tb, maxm, tb.cfg.max_k <= 4096 ? tb.cfg.max_k : maxk, 1, 30, true);
    run_case(tb, clampi(3, tb.cfg.max_m), maxk, 1, 100, true);
    run_case(tb, clampi(2 * tb.cfg.row_lanes + 1, tb.cfg.max_m), clampi(5, tb.cfg.max_k), tb.cfg.max_n, 0, true);
    tb.test = "random";
    for (int i = 0; i < cases; i++) {
        int m = (int)slt_prng_range(&tb.rng, 1, maxm), k = (int)slt_prng_range(&tb.rng, 1, maxk);
        int n = tb.coin(50) ? 1 : (int)slt_prng_range(&tb.rng, 1, tb.cfg.max_n);
        if (plus_int(tb.ctx, "verbose", 0)) std::printf("case %d: M=%d K=%d N=%d\n", i, m, k, n);
        run_case(tb, m, k, n, (int)slt_prng_range(&tb.rng, 0, 100), true);
    }
    run_cycles(tb, cases / 2 > 4 ? cases / 2 : 4, maxm, maxk);
    run_ksplit(tb);
    {   // again without stream gaps: the busy cycles of the split's commands, exactly
        int g = tb.gaps;
        tb.gaps = 0;
        run_ksplit(tb);
        tb.gaps = g;
    }
    if (plus_int(tb.ctx, "errors", 0)) {
        run_errors(tb);
        run_framing(tb);
    }
    if (long ninj = plus_int(tb.ctx, "inject=", 0)) run_inject(tb, (int)ninj, maxk, maxm);
    if (tb.cfg.reorder != SLT_REORDER_NONE) {
        std::printf("reorder = greedy: rows permuted in %ld of %ld cases\n", g_moved, g_cases);
        if (g_moved == 0) tb.fail("reorder = greedy but no case permuted a row");
    }
    std::printf("PERF_CYCLES_BUSY = event model exactly for %ld commands (no stream gaps)\n", g_exact_busy);
    if (g_exact_busy == 0) tb.fail("no command was checked against the event model's busy cycles");
    std::printf("matched %ld outputs in %llu cycles\n", tb.matched, (unsigned long long)tb.cycle);
    if (tb.vcd) tb.vcd->close();
    tb.top->final();
    return 0;
}
