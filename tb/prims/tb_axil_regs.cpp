// tb_axil_regs - Verilator testbench of the emitted AXI4-Lite register slave
// (gen/regs.c: slt_regs_emit_verilog), against a model built from the same table
// (slt_regs_build) and the emitted C header (offsets, masks).
//
// Directed cases: identity and config read-back, reset values, back-to-back writes,
// W before AW (and AW long before W), write to RO ignored, unmapped -> SLVERR,
// WSTRB byte lanes, W1C clear and set-wins-over-clear, doorbell pulse, irq, 64-bit
// counter snapshot. Then random traffic: random AW/W order and delays, random
// BREADY/RREADY back-pressure, concurrent reads, hardware set pulses, changing
// counters. Prints "matched N outputs", or the first mismatch with seed and cycle.
//
// usage: tb_axil_regs CONFIG.cfg [+seed=N] [+trace is not supported]
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <map>
#include <string>
#include <vector>

#include "Vregs.h"
#include "verilated.h"

#include "regs.h"
#include "slt_config.h"
#include "slt_regs.h"

static Vregs *top;
static uint64_t cycle_no;
static unsigned long seed_v = 1;
static long matched;
static slt_config cfg;
static slt_reg_map rmap;

[[noreturn]] static void fail(const char *what, uint64_t expected, uint64_t actual)
{
    std::printf("FAIL tb_axil_regs config=%s seed=%lu cycle=%" PRIu64 " %s: expected 0x%" PRIx64 " actual 0x%" PRIx64 "\n",
                cfg.name, seed_v, cycle_no, what, expected, actual);
    std::exit(1);
}

static void check(const char *what, uint64_t expected, uint64_t actual)
{
    if (expected != actual) fail(what, expected, actual);
    matched++;
}

// ---- PRNG (xorshift64*, seeded from +seed) ----------------------------------
static uint64_t rng_s = 0x9E3779B97F4A7C15ull;
static uint64_t rnd() { rng_s ^= rng_s >> 12; rng_s ^= rng_s << 25; rng_s ^= rng_s >> 27; return rng_s * 2685821657736338717ull; }
static unsigned rnd_below(unsigned n) { return (unsigned)(rnd() % n); }
static bool chance(unsigned pct) { return rnd_below(100) < pct; }

// ---- model -------------------------------------------------------------------
struct Model {
    std::map<uint32_t, uint32_t> rw;  // offset -> stored RW bits (other bits 0)
    bool done = false, error = false;
    bool busy = false;
    uint32_t err_code = 0, err_count = 0, ecc_corr = 0, ecc_uncorr = 0;
    uint64_t cnt[SLT_PERF_COUNT] = {};
    int snap_tag = -1;
    uint32_t snap = 0;
};
static Model md;

static const slt_reg *reg_at(uint32_t off)
{
    for (int i = 0; i < rmap.n; i++)
        if (rmap.regs[i].offset == off) return &rmap.regs[i];
    return nullptr;
}

static uint32_t rw_mask(const slt_reg *r)
{
    uint32_t m = 0;
    for (int j = 0; j < r->nfields; j++)
        if (r->fields[j].access == SLT_ACC_RW) {
            const slt_reg_field *f = &r->fields[j];
            m |= (f->width >= 32 ? 0xFFFFFFFFu : ((1u << f->width) - 1u)) << f->lsb;
        }
    return m;
}

static uint32_t strb_mask(unsigned strb)
{
    uint32_t m = 0;
    for (int b = 0; b < 4; b++)
        if (strb >> b & 1) m |= 0xFFu << (8 * b);
    return m;
}

// Value a read of `off` returns now (before the clock edge that accepts it), with the
// snapshot side effect applied to the model. Returns false for an unmapped offset.
static bool model_read(uint32_t off, uint32_t *val)
{
    const slt_reg *r = reg_at(off);
    *val = 0;
    if (!r) return false;
    if (r->counter >= 0) {
        bool lo = r->fields[0].src == SLT_SRC_CNT_LO;
        uint64_t c = md.cnt[r->counter];
        if (lo) {
            *val = (uint32_t)c;
            md.snap = (uint32_t)(c >> 32);
            md.snap_tag = r->counter;
        } else {
            *val = md.snap_tag == r->counter ? md.snap : (uint32_t)(c >> 32);
            md.snap_tag = -1;
        }
        return true;
    }
    if (off == SLT_REG_STATUS) {
        *val = (md.busy ? SLT_REG_STATUS_BUSY_MASK : 0) | (md.done ? SLT_REG_STATUS_DONE_MASK : 0) |
               (md.error ? SLT_REG_STATUS_ERROR_MASK : 0);
        return true;
    }
    if (off == SLT_REG_ERR_CODE) { *val = md.err_code; return true; }
    if (off == SLT_REG_ERR_COUNT) { *val = md.err_count; return true; }
    if (off == SLT_REG_ECC_CORRECTED) { *val = md.ecc_corr; return true; }
    if (off == SLT_REG_ECC_UNCORRECTED) { *val = md.ecc_uncorr; return true; }
    uint32_t m = rw_mask(r);
    uint32_t ro = 0;
    for (int j = 0; j < r->nfields; j++)
        if (r->fields[j].src == SLT_SRC_CONST) {
            const slt_reg_field *f = &r->fields[j];
            ro |= (f->reset << f->lsb) & ((f->width >= 32 ? 0xFFFFFFFFu : ((1u << f->width) - 1u)) << f->lsb);
        }
    *val = (md.rw.count(off) ? md.rw[off] : slt_reg_reset_word(r) & m) | ro;
    return true;
}

struct WrEffect { bool go = false, abort = false, clear = false; };

// Apply a completed write (it happened at the edge before B rose).
static WrEffect model_write(uint32_t off, uint32_t data, unsigned strb)
{
    WrEffect e;
    const slt_reg *r = reg_at(off);
    if (!r) return e;
    uint32_t sm = strb_mask(strb), ones = data & sm;
    uint32_t m = rw_mask(r);
    if (m) {
        uint32_t old = md.rw.count(off) ? md.rw[off] : (slt_reg_reset_word(r) & m);
        md.rw[off] = (old & ~(m & sm)) | (data & m & sm);
    }
    if (off == SLT_REG_STATUS) {
        if (ones & SLT_REG_STATUS_DONE_MASK) md.done = false;
        if (ones & SLT_REG_STATUS_ERROR_MASK) md.error = false;
    }
    if (off == SLT_REG_CMD_DOORBELL) {
        e.go = ones & SLT_REG_CMD_DOORBELL_GO_MASK;
        e.abort = ones & SLT_REG_CMD_DOORBELL_ABORT_MASK;
    }
    if (off == SLT_REG_PERF_CTRL) e.clear = ones & SLT_REG_PERF_CTRL_CLEAR_MASK;
    return e;
}

static uint32_t rw_word(uint32_t off)
{
    const slt_reg *r = reg_at(off);
    return md.rw.count(off) ? md.rw[off] : (slt_reg_reset_word(r) & rw_mask(r));
}

// ---- DUT inputs that are not AXI ----------------------------------------------
static bool set_done, set_error;

static void drive_side_inputs()
{
    top->status_busy_i = md.busy;
    top->status_done_set_i = set_done;
    top->status_error_set_i = set_error;
    top->err_code_i = md.err_code;
    top->err_count_i = md.err_count;
    top->ecc_corrected_i = md.ecc_corr;
    top->ecc_uncorrected_i = md.ecc_uncorr;
    uint64_t *c = md.cnt;
    top->perf_cycles_busy_i = c[SLT_PERF_CYCLES_BUSY];
    top->perf_cycles_stall_i = c[SLT_PERF_CYCLES_STALL];
    top->perf_table_builds_i = c[SLT_PERF_TABLE_BUILDS];
    top->perf_lookups_i = c[SLT_PERF_LOOKUPS];
    top->perf_skipped_groups_i = c[SLT_PERF_SKIPPED_GROUPS];
    top->perf_bufmode_adds_i = c[SLT_PERF_BUFMODE_ADDS];
    top->perf_wbuf_reads_i = c[SLT_PERF_WBUF_READS];
    top->perf_wbuf_writes_i = c[SLT_PERF_WBUF_WRITES];
    top->perf_abuf_reads_i = c[SLT_PERF_ABUF_READS];
    top->perf_abuf_writes_i = c[SLT_PERF_ABUF_WRITES];
    top->perf_obuf_reads_i = c[SLT_PERF_OBUF_READS];
    top->perf_obuf_writes_i = c[SLT_PERF_OBUF_WRITES];
    top->perf_link_bytes_in_i = c[SLT_PERF_LINK_BYTES_IN];
    top->perf_link_bytes_out_i = c[SLT_PERF_LINK_BYTES_OUT];
    top->perf_commands_i = c[SLT_PERF_COMMANDS];
}

// RW outputs and irq against the model, every cycle.
static void check_outputs()
{
    uint32_t ctrl = rw_word(SLT_REG_CMD_CTRL);
    auto fld = [](uint32_t w, uint32_t mask, int shift) { return (w & mask) >> shift; };
    check("cmd_ctrl_opcode_o", fld(ctrl, SLT_REG_CMD_CTRL_OPCODE_MASK, SLT_REG_CMD_CTRL_OPCODE_SHIFT), top->cmd_ctrl_opcode_o);
    check("cmd_ctrl_format_o", fld(ctrl, SLT_REG_CMD_CTRL_FORMAT_MASK, SLT_REG_CMD_CTRL_FORMAT_SHIFT), top->cmd_ctrl_format_o);
    check("cmd_ctrl_resident_o", fld(ctrl, SLT_REG_CMD_CTRL_RESIDENT_MASK, SLT_REG_CMD_CTRL_RESIDENT_SHIFT),
          top->cmd_ctrl_resident_o);
    check("cmd_ctrl_accumulate_o", fld(ctrl, SLT_REG_CMD_CTRL_ACCUMULATE_MASK, SLT_REG_CMD_CTRL_ACCUMULATE_SHIFT),
          top->cmd_ctrl_accumulate_o);
    check("cmd_m_o", rw_word(SLT_REG_CMD_M), top->cmd_m_o);
    check("cmd_k_o", rw_word(SLT_REG_CMD_K), top->cmd_k_o);
    check("cmd_n_o", rw_word(SLT_REG_CMD_N), top->cmd_n_o);
    check("cmd_abuf_base_o", rw_word(SLT_REG_CMD_ABUF_BASE), top->cmd_abuf_base_o);
    check("cmd_obuf_base_o", rw_word(SLT_REG_CMD_OBUF_BASE), top->cmd_obuf_base_o);
    uint32_t en = rw_word(SLT_REG_IRQ_ENABLE);
    check("irq_enable_done_o", !!(en & SLT_REG_IRQ_ENABLE_DONE_MASK), top->irq_enable_done_o);
    check("irq_enable_error_o", !!(en & SLT_REG_IRQ_ENABLE_ERROR_MASK), top->irq_enable_error_o);
    check("status_done_o", md.done, top->status_done_o);
    check("status_error_o", md.error, top->status_error_o);
    bool irq = (md.done && (en & SLT_REG_IRQ_ENABLE_DONE_MASK)) || (md.error && (en & SLT_REG_IRQ_ENABLE_ERROR_MASK));
    check("irq_o", irq, top->irq_o);
}

// ---- bus agents ----------------------------------------------------------------
struct WriteTxn { uint32_t addr, data; unsigned strb; int aw_delay, w_delay; };
struct ReadTxn { uint32_t addr; };

static std::deque<WriteTxn> wq;
static std::deque<ReadTxn> rq;
static int bready_pct = 100, rready_pct = 100;

// write agent state
static bool w_active, aw_done, w_done, b_wait;
static WriteTxn cur_w;
static int aw_wait, w_wait;
static WrEffect pending_effect;
static bool expect_pulse_now;
// read agent state
static bool r_active, ar_done;
static ReadTxn cur_r;
static uint32_t r_expect;
static bool r_expect_ok;
static bool hold_sets;  // no random set pulses while STATUS is written

static uint64_t last_progress;

static void tick()
{
    top->clk_i = 1;
    top->eval();
    top->clk_i = 0;
    top->eval();
    cycle_no++;
}

// One clock cycle of both agents. Inputs are driven, outputs sampled before the edge.
static void step()
{
    // --- write agent: drive
    if (!w_active && !wq.empty()) {
        cur_w = wq.front();
        wq.pop_front();
        w_active = true;
        aw_done = w_done = b_wait = false;
        aw_wait = cur_w.aw_delay;
        w_wait = cur_w.w_delay;
        hold_sets = (cur_w.addr & 0xFFCu) == SLT_REG_STATUS;
    }
    top->s_axil_awvalid_i = w_active && !aw_done && aw_wait <= 0;
    top->s_axil_awaddr_i = cur_w.addr;
    top->s_axil_awprot_i = rnd_below(8);
    top->s_axil_wvalid_i = w_active && !w_done && w_wait <= 0;
    top->s_axil_wdata_i = cur_w.data;
    top->s_axil_wstrb_i = cur_w.strb;
    top->s_axil_bready_i = chance(bready_pct);
    // --- read agent: drive. Reads may hit the register being written: the model applies
    // a write at the edge that performs it (seen as B rising), a read at the edge that
    // accepts AR, so their order is exact.
    if (!r_active && !rq.empty()) {
        cur_r = rq.front();
        rq.pop_front();
        r_active = true;
        ar_done = false;
    }
    top->s_axil_arvalid_i = r_active && !ar_done;
    top->s_axil_araddr_i = cur_r.addr;
    top->s_axil_arprot_i = rnd_below(8);
    top->s_axil_rready_i = chance(rready_pct);
    drive_side_inputs();
    top->eval();

    // --- sample, before the edge
    check_outputs();
    // the doorbell/clear pulses are visible exactly in the cycle B first shows up
    check("cmd_doorbell_go_o", expect_pulse_now && pending_effect.go, top->cmd_doorbell_go_o);
    check("cmd_doorbell_abort_o", expect_pulse_now && pending_effect.abort, top->cmd_doorbell_abort_o);
    check("perf_ctrl_clear_o", expect_pulse_now && pending_effect.clear, top->perf_ctrl_clear_o);
    expect_pulse_now = false;

    bool aw_fire = top->s_axil_awvalid_i && top->s_axil_awready_o;
    bool w_fire = top->s_axil_wvalid_i && top->s_axil_wready_o;
    bool b_fire = top->s_axil_bvalid_o && top->s_axil_bready_i;
    bool ar_fire = top->s_axil_arvalid_i && top->s_axil_arready_o;
    bool r_fire = top->s_axil_rvalid_o && top->s_axil_rready_i;

    if (top->s_axil_bvalid_o && !(w_active && aw_done && w_done)) fail("BVALID without a write", 0, 1);
    if (top->s_axil_rvalid_o && !(r_active && ar_done)) fail("RVALID without a read", 0, 1);

    if (r_fire) {
        check("RRESP", r_expect_ok ? SLT_AXI_RESP_OKAY : SLT_AXI_RESP_SLVERR, top->s_axil_rresp_o);
        char what[96];
        std::snprintf(what, sizeof what, "RDATA @0x%03x", cur_r.addr);
        check(what, r_expect, top->s_axil_rdata_o);
        r_active = false;
        last_progress = cycle_no;
    }
    if (ar_fire) {
        ar_done = true;
        r_expect_ok = model_read(cur_r.addr & 0xFFCu, &r_expect);
    }
    if (b_fire) {
        check("BRESP", reg_at(cur_w.addr & 0xFFCu) ? SLT_AXI_RESP_OKAY : SLT_AXI_RESP_SLVERR, top->s_axil_bresp_o);
        w_active = false;
        hold_sets = false;
        last_progress = cycle_no;
    }
    if (aw_fire) aw_done = true;
    if (w_fire) w_done = true;
    if (w_active && !aw_done) aw_wait--;
    if (w_active && !w_done) w_wait--;

    // hardware side: set pulses (not while STATUS is being written: random phase)
    if (set_done) md.done = true;
    if (set_error) md.error = true;

    bool b_before = top->s_axil_bvalid_o;
    tick();
    top->eval();
    // B rose: the write happened at the edge just taken
    if (!b_before && top->s_axil_bvalid_o) {
        pending_effect = model_write(cur_w.addr & 0xFFCu, cur_w.data, cur_w.strb);
        expect_pulse_now = true;
        b_wait = true;
    }
    // counters and inputs move on
    // big random steps, so the high half changes between a _LO and its _HI read
    for (int i = 0; i < SLT_PERF_COUNT; i++)
        if (chance(50)) md.cnt[i] += rnd() >> 28;
    if (chance(5)) md.busy = !md.busy;
    if (chance(3)) md.err_code = rnd_below(256);
    if (chance(3)) md.err_count = (uint32_t)rnd();
    if (chance(3)) md.ecc_corr = (uint32_t)rnd();
    if (chance(3)) md.ecc_uncorr = (uint32_t)rnd();
    set_done = !hold_sets && chance(4);
    set_error = !hold_sets && chance(4);
    if (cycle_no - last_progress > 200) fail("no progress for 200 cycles (hang)", 0, 1);
}

static void run_until_idle()
{
    while (w_active || r_active || !wq.empty() || !rq.empty()) step();
    step();
}

static void write(uint32_t addr, uint32_t data, unsigned strb = 0xF, int aw_delay = 0, int w_delay = 0)
{
    wq.push_back({addr, data, strb, aw_delay, w_delay});
}
static void read(uint32_t addr) { rq.push_back({addr}); }

static uint32_t random_addr()
{
    if (chance(85)) return rmap.regs[rnd_below((unsigned)rmap.n)].offset + (chance(5) ? rnd_below(4) : 0);
    return rnd_below(1u << SLT_REGS_ADDR_BITS); // mostly unmapped
}

int main(int argc, char **argv)
{
    Verilated::commandArgs(argc, argv);
    char err[SLT_ERRLEN];
    const char *cfgpath = nullptr;
    for (int i = 1; i < argc; i++) {
        if (!std::strncmp(argv[i], "+seed=", 6)) seed_v = std::strtoul(argv[i] + 6, nullptr, 10);
        else if (argv[i][0] != '+') cfgpath = argv[i];
    }
    slt_config_default(&cfg);
    if ((cfgpath && slt_config_load(&cfg, cfgpath, err, sizeof err)) || slt_config_finish(&cfg, err, sizeof err)) {
        std::fprintf(stderr, "tb_axil_regs: %s\n", err);
        return 2;
    }
    if (slt_config_hash(&cfg) != SLT_REGS_CONFIG_HASH) {
        std::fprintf(stderr, "tb_axil_regs: config hash differs from the generated header\n");
        return 2;
    }
    slt_regs_build(&cfg, &rmap);
    rng_s ^= (uint64_t)seed_v * 0x2545F4914F6CDD1Dull;
    for (int i = 0; i < SLT_PERF_COUNT; i++) md.cnt[i] = 0xFFFFF000ull + ((uint64_t)i << 33); // hi halves move soon

    top = new Vregs;
    top->clk_i = 0;
    top->rst_ni = 0;
    drive_side_inputs();
    top->eval();
    tick();
    tick();
    top->rst_ni = 1;
    top->eval();

    // 1. reset values and identity / config read-back: every register once
    for (int i = 0; i < rmap.n; i++) read(rmap.regs[i].offset);
    run_until_idle();
    // a few checks against numbers not taken from the table
    md.snap_tag = -1;
    {
        uint32_t v;
        model_read(SLT_REG_ID_MAGIC, &v);
        check("ID_MAGIC model", 0x534C5447u, v);
        model_read(SLT_REG_CFG_MAX_K, &v);
        check("CFG_MAX_K model", (uint32_t)cfg.max_k, v);
    }

    // 2. back-to-back writes, zero delays, always ready: all RW registers
    write(SLT_REG_CMD_M, 0x11111111);
    write(SLT_REG_CMD_K, 0x22222222);
    write(SLT_REG_CMD_N, 0x33333333);
    write(SLT_REG_CMD_CTRL, 0xFFFFFFFF);
    write(SLT_REG_CMD_ABUF_BASE, 0xA5A5A5A5);
    write(SLT_REG_CMD_OBUF_BASE, 0x5A5A5A5A);
    write(SLT_REG_IRQ_ENABLE, 0xFFFFFFFF);
    for (uint32_t a : {SLT_REG_CMD_M, SLT_REG_CMD_K, SLT_REG_CMD_N, SLT_REG_CMD_CTRL, SLT_REG_IRQ_ENABLE}) read(a);
    run_until_idle();
    // 3. W before AW, and AW long before W
    write(SLT_REG_CMD_M, 0xCAFE0001, 0xF, 5, 0);
    write(SLT_REG_CMD_K, 0xCAFE0002, 0xF, 0, 7);
    read(SLT_REG_CMD_M);
    read(SLT_REG_CMD_K);
    run_until_idle();
    // 4. RO writes ignored (OKAY), unmapped SLVERR, WSTRB lanes
    write(SLT_REG_ID_MAGIC, 0);
    write(SLT_REG_CFG_MAX_K, 0xFFFFFFFF);
    write(SLT_REG_ERR_COUNT, 0);
    write(0xFFC, 0x12345678);
    write(SLT_REG_CMD_N, 0xDEADBEEF, 0x5);
    read(SLT_REG_ID_MAGIC);
    read(SLT_REG_CFG_MAX_K);
    read(0xFFC);
    read(0x7F0);
    read(SLT_REG_CMD_N);
    run_until_idle();
    // 5. W1C: set, clear by writing 1, writing 0 keeps; set wins over a clear
    set_done = set_error = true;
    hold_sets = true;
    step();
    set_done = set_error = false;
    step();
    read(SLT_REG_STATUS);
    write(SLT_REG_STATUS, SLT_REG_STATUS_DONE_MASK);  // clears DONE only
    read(SLT_REG_STATUS);
    write(SLT_REG_STATUS, 0);  // no effect
    read(SLT_REG_STATUS);
    run_until_idle();
    {
        // clear ERROR while the hardware keeps setting it: stays 1
        write(SLT_REG_STATUS, SLT_REG_STATUS_ERROR_MASK);
        int guard = 0;
        while (w_active || !wq.empty()) {
            hold_sets = true;
            set_error = true;
            md.error = true;
            step();
            if (++guard > 100) fail("W1C write hung", 0, 1);
        }
        set_error = false;
        step();
        check("STATUS.ERROR set wins over clear", 1, top->status_error_o);
    }
    // 6. doorbell and perf clear pulses, then 64-bit counter reads
    write(SLT_REG_CMD_DOORBELL, SLT_REG_CMD_DOORBELL_GO_MASK);
    write(SLT_REG_CMD_DOORBELL, SLT_REG_CMD_DOORBELL_ABORT_MASK);
    write(SLT_REG_CMD_DOORBELL, SLT_REG_CMD_DOORBELL_GO_MASK, 0xE);  // byte 0 not enabled: no pulse
    write(SLT_REG_PERF_CTRL, 1);
    for (int i = 0; i < SLT_PERF_COUNT; i++) {
        read(SLT_PERF_LO(i));
        read(SLT_PERF_HI(i));
    }
    read(SLT_PERF_HI(0));  // no snapshot pending: live value
    read(SLT_PERF_LO(1));
    read(SLT_PERF_HI(2));  // other counter: live
    read(SLT_PERF_HI(1));  // snapshot still pending for counter 1
    run_until_idle();

    // 7. random traffic with back-pressure
    long ntx = 4000;
    for (long t = 0; t < ntx; t++) {
        if (t % 200 == 0) {
            static const int pcts[] = {10, 50, 90, 100};
            bready_pct = pcts[rnd_below(4)];
            rready_pct = pcts[rnd_below(4)];
        }
        if (chance(50)) {
            int aw = rnd_below(4), w = rnd_below(4);
            write(random_addr(), (uint32_t)rnd(), chance(70) ? 0xF : rnd_below(16), aw, w);
        }
        if (chance(60)) {
            uint32_t a = random_addr();
            if (chance(20)) {  // counter pair
                int i = rnd_below(SLT_PERF_COUNT);
                read(SLT_PERF_LO(i));
                a = SLT_PERF_HI(i);
            }
            read(a);
        }
        while (wq.size() > 2 || rq.size() > 2) step();
    }
    run_until_idle();
    top->final();
    delete top;
    std::printf("tb_axil_regs config=%s seed=%lu: %" PRIu64 " cycles\n", cfg.name, seed_v, cycle_no);
    std::printf("matched %ld outputs\n", matched);
    return 0;
}
