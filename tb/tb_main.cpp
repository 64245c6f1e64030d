// tb_main.cpp - Verilator co-simulation of one generated configuration against
// the C golden model (libsltref). Runs the table builder and the row lane on
// their own, then the array on standard and random GEMMs, then error injection.
//   Vslt_tb +cfg=build/<cfg>/config.cfg [+seed=N] [+random=N] [+lane_rows=N] [+trace[=file.vcd]]
// SEED in the environment is the default seed. Prints "matched N outputs" on
// success; the first mismatch prints config, seed, test, cycle and values, and exits 1.
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "tb_harness.h"

void Harness::settle()
{
    top->clk_i = 0;
    top->eval();
    if (vcd) vcd->dump((uint64_t)(2 * cycle));
}

void Harness::edge()
{
    top->clk_i = 1;
    top->eval();
    if (vcd) vcd->dump((uint64_t)(2 * cycle + 1));
    cycle++;
}

void Harness::idle_inputs()
{
    top->arr_tbl_valid_i = 0;
    top->arr_row_valid_i = 0;
    top->arr_err_clr_i = 0;
    tb_clear(top->arr_tbl_act_i);
    tb_clear(top->arr_tbl_mode_i);
    tb_clear(top->arr_row_keys_i);
    tb_clear(top->arr_row_psum_i);
#if SLT_HAS_SLOTS
    top->arr_tbl_slot_i = 0;
    top->arr_row_slot_i = 0;
#endif
    top->ln_valid_i = 0;
    tb_clear(top->ln_keys_i);
    tb_clear(top->ln_psum_i);
#if SLT_HAS_BUILDER
    top->bld_load_i = 0;
#if SLT_HAS_SLOTS
    top->bld_sel_i = 0;
#endif
    tb_clear(top->bld_act_i);
    tb_clear(top->ln_tables_i);
#else
    tb_clear(top->ln_acts_i);
#endif
#if SLT_LANE_HAS_MODE
    top->bld_buffer_mode_i = 0;
    tb_clear(top->ln_buffer_mode_i);
#endif
}

void Harness::reset()
{
    idle_inputs();
    top->rst_ni = 0;
    for (int i = 0; i < 3; i++) step();
    top->rst_ni = 1;
    step();
}

void Harness::fail(const char *fmt, ...)
{
    std::fprintf(stderr, "FAIL config %s (hash 0x%016llx) seed %llu test %s cycle %llu: ", cfg.name,
                 (unsigned long long)SLT_CFG_HASH, (unsigned long long)seed, test, (unsigned long long)cycle);
    va_list ap;
    va_start(ap, fmt);
    std::vfprintf(stderr, fmt, ap);
    va_end(ap);
    std::fprintf(stderr, "\n  replay: SEED=%llu with the same configuration\n", (unsigned long long)seed);
    if (vcd) vcd->close();
    std::exit(1);
}

// Value of +name<value>, or "" when absent (copied: Verilator reuses its buffer).
static std::string plusarg(VerilatedContext *ctx, const char *name)
{
    const char *m = ctx->commandArgsPlusMatch(name);
    if (!m || !*m) return std::string();
    return std::string(m + 1 + std::strlen(name));
}

// The configuration the RTL was generated from: config.cfg next to the RTL,
// checked against the hash compiled in from slt_params.h.
static void load_config(Harness &h, const char *path)
{
    char err[SLT_ERRLEN];
    slt_config_default(&h.cfg);
    if (!path || slt_config_load(&h.cfg, path, err, sizeof err) || slt_config_finish(&h.cfg, err, sizeof err)) {
        std::fprintf(stderr, "tb: need +cfg=<generated dir>/config.cfg: %s\n", path ? err : "missing");
        std::exit(2);
    }
    if (slt_config_hash(&h.cfg) != SLT_CFG_HASH) {
        std::fprintf(stderr, "tb: %s (hash 0x%016llx) is not the configuration this model was built from (0x%016llx)\n",
                     path, (unsigned long long)slt_config_hash(&h.cfg), (unsigned long long)SLT_CFG_HASH);
        std::exit(2);
    }
}

static void open_trace(Harness &h)
{
    const char *t = h.ctx->commandArgsPlusMatch("trace");
    if (!t || !*t) return;
    std::string path = std::strncmp(t, "+trace=", 7) == 0 ? std::string(t + 7) : std::string("slt_tb.vcd");
    Verilated::traceEverOn(true);
    h.vcd = new VerilatedVcdC;
    h.top->trace(h.vcd, 99);
    h.vcd->open(path.c_str());
    std::printf("tb: tracing to %s\n", path.c_str());
}

int main(int argc, char **argv)
{
    Harness h;
    h.ctx = new VerilatedContext;
    h.ctx->commandArgs(argc, argv);
    std::string cfg = plusarg(h.ctx, "cfg="), s = plusarg(h.ctx, "seed="), r = plusarg(h.ctx, "random="),
                lr = plusarg(h.ctx, "lane_rows=");
    load_config(h, cfg.empty() ? nullptr : cfg.c_str());
    h.seed = s.empty() ? slt_seed_from_env(1) : std::strtoull(s.c_str(), nullptr, 0);
    int random_cases = r.empty() ? 8 : std::atoi(r.c_str()), lane_rows = lr.empty() ? 400 : std::atoi(lr.c_str());
    h.top = new Vslt_tb_top{h.ctx};
    open_trace(h);
    std::printf("tb: config %s (%s, %s, G=%d U=%d L=%d A=%d ACC=%d P=%d, latency %d), seed %llu\n", h.cfg.name,
                SLT_ARRAY_KIND, SLT_WEIGHT_FORMAT, SLT_GROUP_SIZE, SLT_LUT_UNITS, SLT_ROW_LANES, SLT_ACT_BITS,
                SLT_ACC_BITS, SLT_PIPE_STAGES, SLT_LATENCY, (unsigned long long)h.seed);
    h.reset();
    tb_test_builder(h);
    tb_test_lane(h, lane_rows);
    tb_test_array(h, random_cases);
    tb_test_array_errors(h);
    h.top->final();
    if (h.vcd) h.vcd->close();
    std::printf("tb: config %s: matched %ld outputs (table entries, lane rows, array outputs)\n", h.cfg.name, h.matched);
    delete h.top;
    delete h.ctx;
    return 0;
}
