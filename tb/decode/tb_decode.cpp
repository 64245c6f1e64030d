// tb_decode.cpp - `sltref generate --rtl`: the BitNet decoder of libsltref with every
// ternary linear run on the Verilated accelerator top through libsltdrv (docs/decode.md,
// docs/driver.md). Thin glue: the libsltdrv transport (AXI4-Lite master, AXI4-Stream
// source and sink with random valid/ready gaps) on Vtop's ports, and a GEMV backend that
// checks every RTL result against the golden model's GEMV (bit-identical, or exit 1).
//   Vdec +cfg=build/<cfg>/config.cfg [+seed=N] [+nogaps] generate MODEL --prompt-ids .. --n N [--quiet]
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <string>
#include <vector>

#include <verilated.h>

#include "Vtop.h"
#include "slt_regs.h"
#include "tb_axi_host.h"

extern "C" {
#include "slt_bitnet.h"
#include "slt_config.h"
#include "slt_drv.h"
#include "slt_prng.h"
}

struct Sim {
    VerilatedContext *ctx = nullptr;
    Vtop *top = nullptr;
    slt_prng rng;
    bool gaps = true, in_hold = false;
    uint64_t cycle = 0;
    int bus_bytes = 4;
    struct Beat { std::vector<uint8_t> b; bool last; };
    std::deque<Beat> in_q, out_q;

    bool coin(int pct) { return !gaps || (int)slt_prng_range(&rng, 0, 99) < pct; }
    // One clock: drive the input stream, accept output beats, edge.
    void step()
    {
        if (!in_hold && !in_q.empty() && coin(80)) in_hold = true;
        top->s_axis_tvalid_i = in_hold;
        if (in_hold) {
            tb_axis_put(top->s_axis_tdata_i, in_q.front().b);
            top->s_axis_tlast_i = in_q.front().last;
        } else {
            top->s_axis_tlast_i = 0;
        }
        top->m_axis_tready_i = coin(80);
        top->clk_i = 0;
        top->eval();
        ctx->timeInc(1);
        bool in_fire = top->s_axis_tvalid_i && top->s_axis_tready_o;
        if (top->m_axis_tvalid_o && top->m_axis_tready_i) {
            Beat o;
            tb_axis_get(top->m_axis_tdata_o, bus_bytes, o.b);
            o.last = top->m_axis_tlast_o;
            out_q.push_back(o);
        }
        top->clk_i = 1;
        top->eval();
        ctx->timeInc(1);
        if (in_fire) {
            in_q.pop_front();
            in_hold = false;
        }
        cycle++;
    }
    // AXI4-Lite master (tb/top/tb_axi_host.h): 0 or non-zero, as the transport wants.
    void on_axil_write(uint32_t, uint32_t) {}
    int axil_write(uint32_t addr, uint32_t data)
    {
        const char *why = "";
        int rc = tb_axil_write(*this, addr, data, &why);
        if (rc != TB_AXIL_OK) std::fprintf(stderr, "tb_decode: AXI-Lite write 0x%03x: %s\n", addr, why);
        return rc;
    }
    int axil_read(uint32_t addr, uint32_t *v)
    {
        const char *why = "";
        int rc = tb_axil_read(*this, addr, v, &why);
        if (rc != TB_AXIL_OK) std::fprintf(stderr, "tb_decode: AXI-Lite read 0x%03x: %s\n", addr, why);
        return rc;
    }
    void reset()
    {
        top->rst_ni = 0;
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
};

// ---- the libsltdrv transport on the simulation --------------------------------------------
static int t_wr(void *c, uint32_t off, uint32_t v) { return static_cast<Sim *>(c)->axil_write(off, v); }
static int t_rd(void *c, uint32_t off, uint32_t *v) { return static_cast<Sim *>(c)->axil_read(off, v); }
static int t_push(void *c, const uint8_t *beat, int last)
{
    Sim *s = static_cast<Sim *>(c);
    s->in_q.push_back({std::vector<uint8_t>(beat, beat + s->bus_bytes), last != 0});
    return 0;
}
static int t_pop(void *c, uint8_t *beat, int *last)
{
    Sim *s = static_cast<Sim *>(c);
    for (long g = 0; s->out_q.empty(); g++) {
        if (g > 4000000) return 1;
        s->step();
    }
    std::memcpy(beat, s->out_q.front().b.data(), (size_t)s->bus_bytes);
    *last = s->out_q.front().last;
    s->out_q.pop_front();
    return 0;
}
static void t_idle(void *c)
{
    Sim *s = static_cast<Sim *>(c);
    for (int i = 0; i < 16; i++) s->step();
}

// ---- GEMV backend: RTL, checked against the golden model ----------------------------------
struct Backend {
    slt_drv drv;
    uint64_t seed = 1, gemvs = 0, matched = 0;
    std::vector<int32_t> gold;
};

static int rtl_gemv(void *ctx, const slt_bn_linear *lin, const int16_t *xq, int32_t *acc, char *err, size_t errlen)
{
    Backend *b = static_cast<Backend *>(ctx);
    int rc = slt_drv_linear(&b->drv, lin->w, lin->m, lin->k, xq, acc);
    if (rc) {
        std::snprintf(err, errlen, "--rtl (seed %llu): %s", (unsigned long long)b->seed, b->drv.err);
        return SLT_EXIT_BADINPUT;
    }
    b->gold.resize((size_t)lin->m);
    if ((rc = slt_bn_gemv_golden(nullptr, lin, xq, b->gold.data(), err, errlen))) return rc;
    for (int i = 0; i < lin->m; i++)
        if (acc[i] != b->gold[(size_t)i]) {
            std::snprintf(err, errlen, "--rtl (seed %llu): GEMV %llu (%dx%d): RTL y[%d] = %d, golden model %d",
                          (unsigned long long)b->seed, (unsigned long long)b->gemvs, lin->m, lin->k, i, acc[i],
                          b->gold[(size_t)i]);
            return 1;
        }
    b->gemvs++;
    b->matched += (uint64_t)lin->m;
    return 0;
}

static uint64_t rtl_busy(void *ctx) { return static_cast<Backend *>(ctx)->drv.busy_cycles; }

int main(int argc, char **argv)
{
    Sim sim;
    sim.ctx = new VerilatedContext;
    sim.ctx->commandArgs(argc, argv);
    const char *cfgarg = sim.ctx->commandArgsPlusMatch("cfg=");
    std::string cfgpath = cfgarg && *cfgarg ? std::string(cfgarg + 5) : std::string();
    slt_config cfg;
    char err[SLT_ERRLEN];
    slt_config_default(&cfg);
    if (cfgpath.empty() || slt_config_load(&cfg, cfgpath.c_str(), err, sizeof err) ||
        slt_config_finish(&cfg, err, sizeof err)) {
        std::fprintf(stderr, "sltref: --rtl needs +cfg=<generated dir>/config.cfg: %s\n", cfgpath.empty() ? "missing" : err);
        return 2;
    }
    Backend be;
    const char *sd = sim.ctx->commandArgsPlusMatch("seed=");
    be.seed = sd && *sd ? std::strtoull(std::strchr(sd, '=') + 1, nullptr, 0) : 1;
    slt_prng_seed(&sim.rng, be.seed ^ 0xdec0de);
    const char *ng = sim.ctx->commandArgsPlusMatch("nogaps");
    sim.gaps = !(ng && *ng);
    sim.bus_bytes = cfg.bus_bits / 8;
    sim.top = new Vtop{sim.ctx};
    sim.reset();
    slt_drv_transport t = {&sim, t_wr, t_rd, t_push, t_pop, t_idle};
    if (slt_drv_open(&be.drv, &t, &cfg)) {
        std::fprintf(stderr, "sltref: --rtl: %s\n", be.drv.err);
        return 2;
    }
    // the decoder's own arguments: everything but +plusargs, with the top's configuration
    std::vector<char *> args;
    std::string cfgopt = "--config";
    for (int i = 1; i < argc; i++)
        if (argv[i][0] != '+') args.push_back(argv[i]);
    if (args.empty() || std::strcmp(args[0], "generate")) {
        std::fprintf(stderr, "sltref: usage: Vdec +cfg=<dir>/config.cfg [+seed=N] generate MODEL --prompt-ids .. --n N\n");
        return 2;
    }
    args.push_back(&cfgopt[0]);
    args.push_back(&cfgpath[0]);
    args.push_back(nullptr);
    std::string name = std::string("RTL: Verilated top of ") + cfg.name + " through libsltdrv, each GEMV checked against the golden model";
    int rc = slt_generate_main((int)args.size() - 1, args.data(), rtl_gemv, &be, rtl_busy, name.c_str());
    std::fflush(stdout);
    std::fprintf(stderr, "# --rtl seed %llu: matched %llu outputs bit for bit with the golden model (%llu linears on "
                 "the RTL, %llu commands, %llu GEMV busy cycles, %llu cycles simulated)\n",
                 (unsigned long long)be.seed, (unsigned long long)be.matched, (unsigned long long)be.gemvs,
                 (unsigned long long)be.drv.commands, (unsigned long long)be.drv.busy_cycles,
                 (unsigned long long)sim.cycle);
    sim.top->final();
    delete sim.top;
    delete sim.ctx;
    return rc;
}
