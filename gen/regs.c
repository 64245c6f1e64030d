/* regs.c - the register map table and its three emitters (AXI4-Lite slave in
 * Verilog-2005, C header, Markdown). See regs.h for the conventions. */
#include "regs.h"

#include <ctype.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

/* ---- named codes ---------------------------------------------------------- */

static const slt_reg_enum g_opcodes[] = {
    {"NOP", 0, "no operation: GO sets STATUS.DONE at once (tests the doorbell path)"},
    {"LOAD_ACT", 1, "load N x K activations (act_bits each, row-major) from the input stream into abuf at CMD_ABUF_BASE"},
    {"LOAD_WEIGHTS", 2, "reserved: weights resident in wbuf for RESIDENT commands (not implemented: BAD_OPCODE, no packet expected)"},
    {"GEMV", 3, "y = W x for one token (N must be 1): weights streamed in, x from abuf, y to the output stream"},
    {"GEMM", 4, "Y = W X for N tokens sharing each weight fetch: as GEMV with 1 <= N <= max_n"},
    {NULL, 0, NULL},
};

static const slt_reg_enum g_errors[] = {
    {"NONE", 0, "no error since reset"},
    {"M_ZERO", 1, "illegal descriptor: M = 0"},
    {"M_TOO_LARGE", 2, "illegal descriptor: M > max_m"},
    {"K_ZERO", 3, "illegal descriptor: K = 0"},
    {"K_TOO_LARGE", 4, "illegal descriptor: K > max_k"},
    {"N_ZERO", 5, "illegal descriptor: N = 0"},
    {"N_TOO_LARGE", 6, "illegal descriptor: N > max_n, or N != 1 for GEMV"},
    {"BAD_OPCODE", 7, "illegal descriptor: unknown CMD_CTRL.OPCODE, LOAD_WEIGHTS, or RESIDENT = 1 (not implemented; no packet expected)"},
    {"BAD_FORMAT", 8, "illegal descriptor: unknown CMD_CTRL.FORMAT, or a format this build cannot decode"},
    {"BAD_WEIGHT_CODE", 9, "invalid weight code in the stream (t2 code 3, t5 byte >= 243)"},
    {"STREAM_SHORT", 10, "input stream ended (TLAST) before the descriptor's data was complete"},
    {"STREAM_LONG", 11, "input stream carried data past the descriptor's end (no TLAST on the last beat)"},
    {"BUSY", 12, "GO written while STATUS.BUSY = 1 (the new command is dropped; no STATUS bit is set)"},
    {"BUFFER_OVERFLOW", 13, "illegal descriptor: the data does not fit the buffer at the given base"},
    {"ABORTED", 14, "the command was stopped by CMD_DOORBELL.ABORT (nothing drained, output cut)"},
    {"ECC_UNCORRECTABLE", 15,
     "ecc = secded: an SRAM word read by the command had an uncorrectable (double-bit) error; "
     "the command stopped (input drained, no results) or, if found while sending results, "
     "finished its packet, which must be discarded"},
    {NULL, 0, NULL},
};

static const slt_reg_enum g_counters[] = {
    {"CYCLES_BUSY", 0, "clock cycles with STATUS.BUSY = 1"},
    {"CYCLES_STALL", 1, "busy cycles in which the array did no work (input stream empty, output stream full, buffer conflict)"},
    {"TABLE_BUILDS", 2, "look-up tables built (one per group of G activations per token)"},
    {"LOOKUPS", 3, "table look-ups (LUT-mode, non-zero weight groups, per row and token)"},
    {"SKIPPED_GROUPS", 4, "all-zero weight groups skipped (no look-up, no add)"},
    {"BUFMODE_ADDS", 5, "activation additions/subtractions done in buffer mode"},
    {"WBUF_READS", 6, "weight buffer SRAM word reads"},
    {"WBUF_WRITES", 7, "weight buffer SRAM word writes"},
    {"ABUF_READS", 8, "activation buffer SRAM word reads"},
    {"ABUF_WRITES", 9, "activation buffer SRAM word writes"},
    {"OBUF_READS", 10, "output/partial-sum buffer SRAM word reads"},
    {"OBUF_WRITES", 11, "output/partial-sum buffer SRAM word writes"},
    {"LINK_BYTES_IN", 12, "bytes accepted on the input AXI4-Stream (weights, activations)"},
    {"LINK_BYTES_OUT", 13, "bytes sent on the output AXI4-Stream (results)"},
    {"COMMANDS", 14, "commands completed (with or without error)"},
    {NULL, 0, NULL},
};

const slt_reg_enum *slt_regs_opcodes(void) { return g_opcodes; }
const slt_reg_enum *slt_regs_error_codes(void) { return g_errors; }
const slt_reg_enum *slt_regs_counters(void) { return g_counters; }

/* ---- the table ------------------------------------------------------------- */

#define PERF_BASE 0x210u

static slt_reg *add_reg(slt_reg_map *m, const char *name, uint32_t offset, const char *group, const char *desc)
{
    if (m->n >= SLT_REGS_MAX) return NULL; /* the table below fits: checked by test_regs */
    slt_reg *r = &m->regs[m->n++];
    memset(r, 0, sizeof *r);
    snprintf(r->name, sizeof r->name, "%s", name);
    r->offset = offset;
    r->group = group;
    r->desc = desc;
    r->counter = -1;
    return r;
}

static void add_field(slt_reg *r, const char *name, int lsb, int width, slt_reg_access acc, slt_reg_source src,
                      uint32_t reset, const char *desc)
{
    if (!r || r->nfields >= SLT_REGS_MAX_FIELDS) return;
    slt_reg_field *f = &r->fields[r->nfields++];
    f->name = name;
    f->lsb = lsb;
    f->width = width;
    f->access = acc;
    f->src = src;
    f->reset = reset;
    f->desc = desc;
}

/* A read-only 32-bit constant of the configuration. */
static void add_const(slt_reg_map *m, const char *name, uint32_t offset, const char *group, uint32_t value,
                      const char *desc)
{
    add_field(add_reg(m, name, offset, group, desc), "VALUE", 0, 32, SLT_ACC_RO, SLT_SRC_CONST, value, desc);
}

static void add_rw32(slt_reg_map *m, const char *name, uint32_t offset, const char *desc)
{
    add_field(add_reg(m, name, offset, "command", desc), "VALUE", 0, 32, SLT_ACC_RW, SLT_SRC_STORE, 0, desc);
}

int slt_regs_build(const slt_config *cfg, slt_reg_map *m)
{
    memset(m, 0, sizeof *m);
    uint64_t hash = slt_config_hash(cfg);
    slt_reg *r;

    /* identity */
    add_const(m, "ID_MAGIC", 0x000, "identity", SLT_REGS_MAGIC, "magic number 0x534C5447 (\"SLTG\")");
    r = add_reg(m, "ID_VERSION", 0x004, "identity", "register map version");
    add_field(r, "MINOR", 0, 16, SLT_ACC_RO, SLT_SRC_CONST, SLT_REGS_VERSION_MINOR, "minor version: additions");
    add_field(r, "MAJOR", 16, 16, SLT_ACC_RO, SLT_SRC_CONST, SLT_REGS_VERSION_MAJOR, "major version: incompatible changes");
    add_const(m, "ID_CONFIG_HASH_LO", 0x008, "identity", (uint32_t)hash, "configuration hash (slt_config_hash), bits 31:0");
    add_const(m, "ID_CONFIG_HASH_HI", 0x00C, "identity", (uint32_t)(hash >> 32),
              "configuration hash (slt_config_hash), bits 63:32");

    /* configuration read-back */
    add_const(m, "CFG_GROUP_SIZE", 0x040, "config", (uint32_t)cfg->group_size, "G: activations per look-up table");
    add_const(m, "CFG_ACT_BITS", 0x044, "config", (uint32_t)cfg->act_bits, "activation width in bits");
    add_const(m, "CFG_LUT_UNITS", 0x048, "config", (uint32_t)cfg->lut_units, "U: tables built per chunk (K-parallelism)");
    add_const(m, "CFG_ROW_LANES", 0x04C, "config", (uint32_t)cfg->row_lanes, "L: output rows per cycle (M-parallelism)");
    add_const(m, "CFG_MAX_K", 0x050, "config", (uint32_t)cfg->max_k, "largest K accepted");
    add_const(m, "CFG_MAX_M", 0x054, "config", (uint32_t)cfg->max_m, "largest M accepted");
    add_const(m, "CFG_MAX_N", 0x058, "config", (uint32_t)cfg->max_n, "largest N (tokens) accepted");
    add_const(m, "CFG_ACC_BITS", 0x05C, "config", (uint32_t)cfg->acc_bits, "accumulator width in bits");
    r = add_reg(m, "CFG_WEIGHT_FORMAT", 0x060, "config", "weight format of this build");
    add_field(r, "FORMAT", 0, 2, SLT_ACC_RO, SLT_SRC_CONST, (uint32_t)cfg->weight_format,
              "link weight format: 0 = t2, 1 = t5, 2 = b1");
    add_field(r, "BINARY", 8, 1, SLT_ACC_RO, SLT_SRC_CONST, (uint32_t)slt_format_is_binary(cfg->weight_format),
              "1: binary {-1,+1} weights");
    add_const(m, "CFG_BUS_BITS", 0x064, "config", (uint32_t)cfg->bus_bits, "AXI4-Stream data width in bits");
    add_const(m, "CFG_WBUF_KIB", 0x068, "config", (uint32_t)cfg->wbuf_kib, "weight buffer size, KiB");
    add_const(m, "CFG_ABUF_KIB", 0x06C, "config", (uint32_t)cfg->abuf_kib, "activation buffer size, KiB");
    add_const(m, "CFG_OBUF_KIB", 0x070, "config", (uint32_t)cfg->obuf_kib, "output buffer size, KiB");
    r = add_reg(m, "CFG_ARRAY", 0x074, "config", "array kind and policies");
    add_field(r, "KIND", 0, 1, SLT_ACC_RO, SLT_SRC_CONST, (uint32_t)cfg->array, "0 = slt (look-up tables), 1 = addsub baseline");
    add_field(r, "BUFMODE_OFF", 1, 1, SLT_ACC_RO, SLT_SRC_CONST, (uint32_t)cfg->buffer_mode,
              "0 = buffer mode allowed (auto), 1 = off");
    add_field(r, "PIPE_STAGES", 8, 3, SLT_ACC_RO, SLT_SRC_CONST, (uint32_t)cfg->pipe_stages,
              "extra pipeline registers per row lane");
    add_field(r, "ECC", 12, 1, SLT_ACC_RO, SLT_SRC_CONST, (uint32_t)cfg->ecc,
              "1 = SECDED ECC on every SRAM word (ecc = secded)");
    add_const(m, "CFG_CLOCK_KHZ", 0x078, "config", (uint32_t)lround(cfg->clock_mhz * 1000.0), "target clock, kHz");

    /* command descriptor */
    r = add_reg(m, "CMD_CTRL", 0x100, "command", "command descriptor: operation, format and mode");
    add_field(r, "OPCODE", 0, 4, SLT_ACC_RW, SLT_SRC_STORE, 0, "operation (see opcodes)");
    add_field(r, "FORMAT", 4, 2, SLT_ACC_RW, SLT_SRC_STORE, (uint32_t)cfg->weight_format,
              "weight format of the stream: 0 = t2, 1 = t5, 2 = b1 (reset: the build's format)");
    add_field(r, "RESIDENT", 8, 1, SLT_ACC_RW, SLT_SRC_STORE, 0,
              "reserved: GEMV/GEMM with weights resident in wbuf (not implemented: BAD_OPCODE at GO, no packet expected)");
    add_field(r, "ACCUMULATE", 9, 1, SLT_ACC_RW, SLT_SRC_STORE, 0,
              "mode: add to the partial sums in obuf instead of starting at 0 (K split across commands)");
    add_rw32(m, "CMD_M", 0x104, "M: output rows (weight rows)");
    add_rw32(m, "CMD_K", 0x108, "K: reduction length (activations per token)");
    add_rw32(m, "CMD_N", 0x10C, "N: tokens (1 for GEMV)");
    add_rw32(m, "CMD_ABUF_BASE", 0x110, "activation buffer word address of the command's activations");
    add_rw32(m, "CMD_OBUF_BASE", 0x114, "output buffer word address of the command's partial sums");
    r = add_reg(m, "CMD_DOORBELL", 0x118, "command",
                "write GO = 1 to start the command in CMD_*; the controller latches the descriptor then");
    add_field(r, "GO", 0, 1, SLT_ACC_WO, SLT_SRC_PULSE, 0, "start the command (one-cycle pulse)");
    add_field(r, "ABORT", 1, 1, SLT_ACC_WO, SLT_SRC_PULSE, 0, "abort the running command at once, go idle (ERR_CODE ABORTED); nothing is drained: "
              "unaccepted input stays with the host, an output packet in progress is cut without TLAST");

    /* status and errors */
    r = add_reg(m, "STATUS", 0x140, "status", "command status");
    add_field(r, "BUSY", 0, 1, SLT_ACC_RO, SLT_SRC_IN, 0, "a command is in progress");
    add_field(r, "DONE", 1, 1, SLT_ACC_W1C, SLT_SRC_STICKY, 0, "a command finished (with or without error); write 1 to clear");
    add_field(r, "ERROR", 2, 1, SLT_ACC_W1C, SLT_SRC_STICKY, 0, "a command failed, see ERR_CODE; write 1 to clear");
    r = add_reg(m, "IRQ_ENABLE", 0x144, "status", "interrupt enables: irq_o = OR of (STATUS bit AND enable bit)");
    add_field(r, "DONE", 1, 1, SLT_ACC_RW, SLT_SRC_STORE, 0, "interrupt on STATUS.DONE");
    add_field(r, "ERROR", 2, 1, SLT_ACC_RW, SLT_SRC_STORE, 0, "interrupt on STATUS.ERROR");
    r = add_reg(m, "ERR_CODE", 0x148, "status", "error code of the last failed command");
    add_field(r, "VALUE", 0, 8, SLT_ACC_RO, SLT_SRC_IN, 0, "see error codes; 0 = none since reset");
    r = add_reg(m, "ERR_COUNT", 0x14C, "status", "errors since reset (saturating)");
    add_field(r, "VALUE", 0, 32, SLT_ACC_RO, SLT_SRC_IN, 0, "number of failed commands");
    r = add_reg(m, "ECC_CORRECTED", 0x150, "status",
                "SRAM words read with a single-bit error, corrected (ecc = secded; always 0 without ECC)");
    add_field(r, "VALUE", 0, 32, SLT_ACC_RO, SLT_SRC_IN, 0,
              "corrected reads since reset or PERF_CTRL.CLEAR (saturating)");
    r = add_reg(m, "ECC_UNCORRECTED", 0x154, "status",
                "SRAM words read with an uncorrectable error (ecc = secded; always 0 without ECC)");
    add_field(r, "VALUE", 0, 32, SLT_ACC_RO, SLT_SRC_IN, 0,
              "uncorrectable reads since reset or PERF_CTRL.CLEAR (saturating); each fails its command "
              "with ECC_UNCORRECTABLE");

    /* performance counters */
    r = add_reg(m, "PERF_CTRL", 0x200, "perf", "performance counter control");
    add_field(r, "CLEAR", 0, 1, SLT_ACC_WO, SLT_SRC_PULSE, 0,
              "clear every performance counter (and ECC_CORRECTED, ECC_UNCORRECTED)");
    for (int i = 0; g_counters[i].name; i++) {
        char name[SLT_REGS_NAME_LEN];
        uint32_t off = PERF_BASE + 8u * (uint32_t)i;
        snprintf(name, sizeof name, "PERF_%s_LO", g_counters[i].name);
        r = add_reg(m, name, off, "perf", g_counters[i].desc);
        if (r) r->counter = i;
        add_field(r, "VALUE", 0, 32, SLT_ACC_RO, SLT_SRC_CNT_LO, 0, "bits 31:0; the read snapshots bits 63:32");
        snprintf(name, sizeof name, "PERF_%s_HI", g_counters[i].name);
        r = add_reg(m, name, off + 4u, "perf", g_counters[i].desc);
        if (r) r->counter = i;
        add_field(r, "VALUE", 0, 32, SLT_ACC_RO, SLT_SRC_CNT_HI, 0,
                  "bits 63:32, as snapshotted by the last _LO read of this counter (live if none pending)");
    }
    return 0;
}

const slt_reg *slt_regs_find(const slt_reg_map *m, const char *name)
{
    for (int i = 0; i < m->n; i++)
        if (!strcmp(m->regs[i].name, name)) return &m->regs[i];
    return NULL;
}

const slt_reg_field *slt_reg_field_find(const slt_reg *r, const char *name)
{
    for (int i = 0; i < r->nfields; i++)
        if (!strcmp(r->fields[i].name, name)) return &r->fields[i];
    return NULL;
}

const char *slt_reg_access_name(slt_reg_access a)
{
    switch (a) {
    case SLT_ACC_RO: return "RO";
    case SLT_ACC_RW: return "RW";
    case SLT_ACC_W1C: return "W1C";
    case SLT_ACC_WO: return "WO";
    }
    return "?";
}

const char *slt_reg_access_text(const slt_reg *r, char *buf, size_t len)
{
    int seen[4] = {0, 0, 0, 0};
    size_t pos = 0;
    buf[0] = '\0';
    for (int i = 0; i < r->nfields; i++) seen[r->fields[i].access] = 1;
    for (int a = 0; a < 4; a++) {
        if (!seen[a]) continue;
        int k = snprintf(buf + pos, len - pos, "%s%s", pos ? "/" : "", slt_reg_access_name((slt_reg_access)a));
        if (k < 0 || (size_t)k >= len - pos) break;
        pos += (size_t)k;
    }
    return buf;
}

static uint32_t field_mask(const slt_reg_field *f)
{
    return (f->width >= 32 ? 0xFFFFFFFFu : ((1u << f->width) - 1u)) << f->lsb;
}

uint32_t slt_reg_reset_word(const slt_reg *r)
{
    uint32_t w = 0;
    for (int i = 0; i < r->nfields; i++) w |= (r->fields[i].reset << r->fields[i].lsb) & field_mask(&r->fields[i]);
    return w;
}

void slt_regs_module_name(const slt_config *cfg, char *buf, size_t len)
{
    snprintf(buf, len, "slt_axil_regs_%016" PRIx64, slt_config_hash(cfg));
}

/* ---- emit helpers ---------------------------------------------------------- */

static void lower_into(char *dst, size_t len, const char *src)
{
    size_t i = 0;
    for (; src[i] && i + 1 < len; i++) dst[i] = (char)tolower((unsigned char)src[i]);
    dst[i] = '\0';
}

/* Port/signal base name of a field: lower(REG) for VALUE, else lower(REG)_lower(FIELD). */
static void field_base(const slt_reg *r, const slt_reg_field *f, char *buf, size_t len)
{
    char a[SLT_REGS_NAME_LEN], b[SLT_REGS_NAME_LEN];
    lower_into(a, sizeof a, r->name);
    lower_into(b, sizeof b, f->name);
    if (!strcmp(f->name, "VALUE"))
        snprintf(buf, len, "%s", a);
    else
        snprintf(buf, len, "%s_%s", a, b);
}

/* "[W-1:0] " or "" for one bit. */
static const char *range(int width, char *buf, size_t len)
{
    if (width == 1)
        snprintf(buf, len, "%s", "");
    else
        snprintf(buf, len, "[%d:0] ", width - 1);
    return buf;
}

/* Bit select of a 32-bit word: "[msb:lsb]" or "[b]". */
static const char *bits(const slt_reg_field *f, char *buf, size_t len)
{
    if (f->width == 1)
        snprintf(buf, len, "[%d]", f->lsb);
    else
        snprintf(buf, len, "[%d:%d]", f->lsb + f->width - 1, f->lsb);
    return buf;
}

static void header_lines(const slt_config *cfg, FILE *f, const char *lead, const char *what)
{
    fprintf(f, "%s%s\n", lead, what);
    fprintf(f, "%sGenerated by sltgen %s (gen/regs.c) - do not edit.\n", lead, SLT_GEN_VERSION);
    fprintf(f, "%sConfiguration: %s, hash 0x%016" PRIx64 ".\n", lead, cfg->name, slt_config_hash(cfg));
    fprintf(f, "%sRegister map version %d.%d.\n", lead, SLT_REGS_VERSION_MAJOR, SLT_REGS_VERSION_MINOR);
}

static int counter_count(void)
{
    int n = 0;
    while (g_counters[n].name) n++;
    return n;
}

/* 1 when register r has a STORE field (written by the host, held otherwise). */
static int has_store(const slt_reg *r)
{
    for (int j = 0; j < r->nfields; j++)
        if (r->fields[j].src == SLT_SRC_STORE) return 1;
    return 0;
}

/* The write clock of every register with STORE fields: they change only on a host
   write, so with clock gating each such register has its own slt_clock_gate enabled
   by its write strobe, and open during reset so that a simulator applies the
   asynchronous reset even when rst_ni starts low (on FPGAs, SLT_FPGA, the strobe is
   a clock enable instead);
   without, the root clock and the strobe as load enable. */
static void emit_write_clocks(FILE *f, const slt_reg_map *m, int cg)
{
    char lr[SLT_REGS_NAME_LEN];
    fprintf(f, "\n  // ---- write clocks of the stored registers (%s) ----\n",
            cg ? "gated by the write strobe" : "root clock, load enable");
    for (int i = 0; i < m->n; i++) {
        if (!has_store(&m->regs[i])) continue;
        lower_into(lr, sizeof lr, m->regs[i].name);
        fprintf(f, "  wire %s_clk, %s_load;\n", lr, lr);
        if (!cg) {
            fprintf(f, "  assign %s_clk  = clk_i;\n  assign %s_load = wr_%s;\n", lr, lr, lr);
            continue;
        }
        fprintf(f, "  slt_clock_gate u_%s_cg (.clk_i(clk_i), .en_i(wr_%s | ~rst_ni), .clk_o(%s_clk));\n", lr, lr, lr);
        fprintf(f, "`ifdef SLT_FPGA\n  assign %s_load = wr_%s;\n`else\n  assign %s_load = 1'b1;\n`endif\n", lr, lr,
                lr);
    }
}

/* ---- Verilog --------------------------------------------------------------- */

/* The AXI4-Lite slave's own flops: name and reset value, one list for both halves
   of the register process (reset = 1: "x_q <= reset", else "x_q <= x_d"). */
static const struct {
    const char *name, *reset;
} g_slave_flops[] = {
    {"aw_valid", "1'b0"}, {"aw_word", "10'd0"},  {"w_valid", "1'b0"},     {"w_data", "32'd0"},
    {"w_strb", "4'd0"},   {"b_valid", "1'b0"},   {"b_resp", "RespOkay"},  {"r_valid", "1'b0"},
    {"r_data", "32'd0"},  {"r_resp", "RespOkay"}, {"snap", "32'd0"},      {"snap_tag", "SnapNone"},
};

static void emit_slave_flops(FILE *f, int reset)
{
    for (size_t i = 0; i < sizeof g_slave_flops / sizeof g_slave_flops[0]; i++) {
        char q[32];
        snprintf(q, sizeof q, "%s_q", g_slave_flops[i].name);
        if (reset)
            fprintf(f, "      %-10s <= %s;\n", q, g_slave_flops[i].reset);
        else
            fprintf(f, "      %-10s <= %s_d;\n", q, g_slave_flops[i].name);
    }
}

int slt_regs_emit_verilog(const slt_config *cfg, FILE *f)
{
    slt_reg_map m;
    char mod[64], base[2 * SLT_REGS_NAME_LEN], rg[32], bs[32], lr[SLT_REGS_NAME_LEN];
    slt_regs_build(cfg, &m);
    slt_regs_module_name(cfg, mod, sizeof mod);
    const int ncnt = counter_count();
    int tagw = 1;
    while ((1 << tagw) < ncnt + 1) tagw++;
    const int nonetag = (1 << tagw) - 1; /* tag value meaning "no snapshot pending" */

    header_lines(cfg, f, "// ", "AXI4-Lite control/status register slave of the slt accelerator.");
    fprintf(f, "//\n"
               "// Verilog-2005. Register map: docs/regs.md (same table, gen/regs.c).\n"
               "// AXI4-Lite, 32-bit data, %d-bit byte address (4 KiB window, addr[1:0] ignored):\n"
               "//   - AW and W are accepted independently (in any order) into holding registers;\n"
               "//     the write is done when both are held and no B response is pending; then B.\n"
               "//     AWREADY/WREADY/ARREADY are flip-flop outputs (no combinational paths).\n"
               "//   - one outstanding read: AR accepted when no R is pending; R one cycle later.\n"
               "//   - BRESP/RRESP: OKAY for a mapped offset, SLVERR for an unmapped one (reads 0,\n"
               "//     write ignored). Writes to RO fields are ignored (OKAY). WSTRB is honoured.\n"
               "//   - RW fields are outputs <reg>_<field>_o; RO fields are inputs <reg>_<field>_i\n"
               "//     or constants; W1C fields are set by <..>_set_i pulses (a set wins over a\n"
               "//     clear in the same cycle); WO fields pulse <..>_o for one cycle after the write.\n"
               "//   - 64-bit counters perf_<name>_i: reading _LO returns bits 31:0 and snapshots\n"
               "//     bits 63:32; the next _HI read of the same counter returns the snapshot (then\n"
               "//     drops it); a _HI read with no snapshot pending returns the live bits.\n"
               "//   - irq_o = OR over STATUS W1C bits AND the IRQ_ENABLE bit of the same name.\n",
            SLT_REGS_ADDR_BITS);
    fprintf(f, "module %s (\n", mod);
    fprintf(f, "  input  wire        clk_i,\n"
               "  input  wire        rst_ni,\n"
               "  // AXI4-Lite slave\n"
               "  input  wire        s_axil_awvalid_i,\n"
               "  output wire        s_axil_awready_o,\n"
               "  /* verilator lint_off UNUSEDSIGNAL */\n"
               "  input  wire [11:0] s_axil_awaddr_i,   // bits 1:0 ignored\n"
               "  input  wire [2:0]  s_axil_awprot_i,   // ignored\n"
               "  /* verilator lint_on UNUSEDSIGNAL */\n"
               "  input  wire        s_axil_wvalid_i,\n"
               "  output wire        s_axil_wready_o,\n"
               "  input  wire [31:0] s_axil_wdata_i,\n"
               "  input  wire [3:0]  s_axil_wstrb_i,\n"
               "  output wire        s_axil_bvalid_o,\n"
               "  input  wire        s_axil_bready_i,\n"
               "  output wire [1:0]  s_axil_bresp_o,\n"
               "  input  wire        s_axil_arvalid_i,\n"
               "  output wire        s_axil_arready_o,\n"
               "  /* verilator lint_off UNUSEDSIGNAL */\n"
               "  input  wire [11:0] s_axil_araddr_i,   // bits 1:0 ignored\n"
               "  input  wire [2:0]  s_axil_arprot_i,   // ignored\n"
               "  /* verilator lint_on UNUSEDSIGNAL */\n"
               "  output wire        s_axil_rvalid_o,\n"
               "  input  wire        s_axil_rready_i,\n"
               "  output wire [31:0] s_axil_rdata_o,\n"
               "  output wire [1:0]  s_axil_rresp_o,\n");
    /* field ports */
    for (int i = 0; i < m.n; i++) {
        const slt_reg *r = &m.regs[i];
        for (int j = 0; j < r->nfields; j++) {
            const slt_reg_field *fd = &r->fields[j];
            field_base(r, fd, base, sizeof base);
            range(fd->width, rg, sizeof rg);
            switch (fd->src) {
            case SLT_SRC_IN:
                fprintf(f, "  input  wire %-8s %s_i,  // %s.%s\n", rg, base, r->name, fd->name);
                break;
            case SLT_SRC_STORE:
            case SLT_SRC_PULSE:
                fprintf(f, "  output wire %-8s %s_o,  // %s.%s\n", rg, base, r->name, fd->name);
                break;
            case SLT_SRC_STICKY:
                fprintf(f, "  input  wire %-8s %s_set_i,  // %s.%s set pulse\n", rg, base, r->name, fd->name);
                fprintf(f, "  output wire %-8s %s_o,  // %s.%s\n", rg, base, r->name, fd->name);
                break;
            default: break;
            }
        }
    }
    for (int c = 0; c < ncnt; c++) {
        lower_into(lr, sizeof lr, g_counters[c].name);
        fprintf(f, "  input  wire [63:0] perf_%s_i,\n", lr);
    }
    fprintf(f, "  output wire        irq_o\n);\n\n");

    fprintf(f, "  localparam [1:0] RespOkay   = 2'b00;\n"
               "  localparam [1:0] RespSlvErr = 2'b10;\n"
               "  localparam [%d:0] SnapNone   = %d'd%d;\n\n",
            tagw - 1, tagw, nonetag);

    /* ---- write channel ---- */
    fprintf(f, "  // ---- write channels: AW and W held independently, then one write, then B ----\n"
               "  reg        aw_valid_d, aw_valid_q;\n"
               "  reg [9:0]  aw_word_d, aw_word_q;\n"
               "  reg        w_valid_d, w_valid_q;\n"
               "  /* verilator lint_off UNUSEDSIGNAL */\n"
               "  reg [31:0] w_data_d, w_data_q;\n"
               "  /* verilator lint_on UNUSEDSIGNAL */\n"
               "  reg [3:0]  w_strb_d, w_strb_q;\n"
               "  reg        b_valid_d, b_valid_q;\n"
               "  reg [1:0]  b_resp_d, b_resp_q;\n"
               "  reg        wr_mapped;\n\n"
               "  wire        wr_en   = aw_valid_q && w_valid_q && !b_valid_q;\n"
               "  // only the bits of writable fields are used\n"
               "  /* verilator lint_off UNUSEDSIGNAL */\n"
               "  wire [31:0] wr_mask = {{8{w_strb_q[3]}}, {8{w_strb_q[2]}}, {8{w_strb_q[1]}}, {8{w_strb_q[0]}}};\n"
               "  wire [31:0] wr_ones = w_data_q & wr_mask;  // bits written as 1\n"
               "  /* verilator lint_on UNUSEDSIGNAL */\n\n");
    fprintf(f, "  always @(*) begin\n    case (aw_word_q)\n");
    for (int i = 0; i < m.n; i++)
        fprintf(f, "      10'h%03x: wr_mapped = 1'b1;  // %s\n", m.regs[i].offset >> 2, m.regs[i].name);
    fprintf(f, "      default: wr_mapped = 1'b0;\n    endcase\n  end\n\n");

    fprintf(f, "  always @(*) begin\n"
               "    aw_valid_d = aw_valid_q;\n"
               "    aw_word_d  = aw_word_q;\n"
               "    w_valid_d  = w_valid_q;\n"
               "    w_data_d   = w_data_q;\n"
               "    w_strb_d   = w_strb_q;\n"
               "    b_valid_d  = b_valid_q;\n"
               "    b_resp_d   = b_resp_q;\n"
               "    if (s_axil_awvalid_i && !aw_valid_q) begin\n"
               "      aw_valid_d = 1'b1;\n"
               "      aw_word_d  = s_axil_awaddr_i[11:2];\n"
               "    end\n"
               "    if (s_axil_wvalid_i && !w_valid_q) begin\n"
               "      w_valid_d = 1'b1;\n"
               "      w_data_d  = s_axil_wdata_i;\n"
               "      w_strb_d  = s_axil_wstrb_i;\n"
               "    end\n"
               "    if (wr_en) begin\n"
               "      aw_valid_d = 1'b0;\n"
               "      w_valid_d  = 1'b0;\n"
               "      b_valid_d  = 1'b1;\n"
               "      b_resp_d   = wr_mapped ? RespOkay : RespSlvErr;\n"
               "    end else if (b_valid_q && s_axil_bready_i) begin\n"
               "      b_valid_d  = 1'b0;\n"
               "    end\n"
               "  end\n\n");

    /* per-register write strobes (only registers with writable fields) */
    fprintf(f, "  // ---- per-register write strobes ----\n");
    for (int i = 0; i < m.n; i++) {
        const slt_reg *r = &m.regs[i];
        int writable = 0;
        for (int j = 0; j < r->nfields; j++) writable |= r->fields[j].access != SLT_ACC_RO;
        if (!writable) continue;
        lower_into(lr, sizeof lr, r->name);
        fprintf(f, "  wire wr_%s = wr_en && (aw_word_q == 10'h%03x);\n", lr, r->offset >> 2);
    }
    emit_write_clocks(f, &m, cfg->clock_gating);
    fprintf(f, "\n  // ---- register fields ----\n");
    for (int i = 0; i < m.n; i++) {
        const slt_reg *r = &m.regs[i];
        lower_into(lr, sizeof lr, r->name);
        for (int j = 0; j < r->nfields; j++) {
            const slt_reg_field *fd = &r->fields[j];
            field_base(r, fd, base, sizeof base);
            range(fd->width, rg, sizeof rg);
            bits(fd, bs, sizeof bs);
            switch (fd->src) {
            case SLT_SRC_STORE:
                fprintf(f, "  reg  %s%s_q;\n", rg, base);
                fprintf(f, "  wire %s%s_d = (%s_q & ~wr_mask%s) | (w_data_q%s & wr_mask%s);\n", rg, base, base, bs, bs,
                        bs);
                fprintf(f, "  always @(posedge %s_clk or negedge rst_ni)\n"
                           "    if (!rst_ni) %s_q <= %d'h%" PRIx32 ";\n"
                           "    else if (%s_load) %s_q <= %s_d;\n",
                        lr, base, fd->width, fd->reset, lr, base, base);
                fprintf(f, "  assign %s_o = %s_q;\n", base, base);
                break;
            case SLT_SRC_STICKY:
                fprintf(f, "  reg  %s%s_q;\n", rg, base);
                fprintf(f, "  wire %s%s_d = %s_set_i | (%s_q & ~({%d{wr_%s}} & wr_ones%s));\n", rg, base, base, base,
                        fd->width, lr, bs);
                fprintf(f, "  assign %s_o = %s_q;\n", base, base);
                break;
            case SLT_SRC_PULSE:
                fprintf(f, "  reg  %s%s_q;\n", rg, base);
                fprintf(f, "  wire %s%s_d = {%d{wr_%s}} & wr_ones%s;\n", rg, base, fd->width, lr, bs);
                fprintf(f, "  assign %s_o = %s_q;\n", base, base);
                break;
            default: break;
            }
        }
    }

    /* irq */
    {
        const slt_reg *st = slt_regs_find(&m, "STATUS"), *en = slt_regs_find(&m, "IRQ_ENABLE");
        int any = 0;
        fprintf(f, "\n  assign irq_o = 1'b0");
        for (int j = 0; st && en && j < st->nfields; j++) {
            const slt_reg_field *fd = &st->fields[j], *ef = slt_reg_field_find(en, fd->name);
            if (fd->src != SLT_SRC_STICKY || !ef) continue;
            char b2[2 * SLT_REGS_NAME_LEN];
            field_base(st, fd, base, sizeof base);
            field_base(en, ef, b2, sizeof b2);
            fprintf(f, "\n               | (|(%s_q & %s_q))", base, b2);
            any = 1;
        }
        (void)any;
        fprintf(f, ";\n\n");
    }

    /* ---- read channel ---- */
    fprintf(f, "  // ---- read channel: one outstanding read, data registered ----\n"
               "  reg           r_valid_d, r_valid_q;\n"
               "  reg  [31:0]   r_data_d, r_data_q;\n"
               "  reg  [1:0]    r_resp_d, r_resp_q;\n"
               "  reg  [31:0]   snap_d, snap_q;       // bits 63:32 captured by a _LO read\n"
               "  reg  [%d:0]    snap_tag_d, snap_tag_q;  // which counter, or SnapNone\n"
               "  reg  [31:0]   rd_word;\n"
               "  reg           rd_mapped;\n"
               "  wire          ar_fire = s_axil_arvalid_i && !r_valid_q;\n"
               "  wire [9:0]    ar_word = s_axil_araddr_i[11:2];\n\n",
            tagw - 1);
    fprintf(f, "  always @(*) begin\n"
               "    rd_word   = 32'd0;\n"
               "    rd_mapped = 1'b1;\n"
               "    case (ar_word)\n");
    for (int i = 0; i < m.n; i++) {
        const slt_reg *r = &m.regs[i];
        fprintf(f, "      10'h%03x: begin  // %s\n", r->offset >> 2, r->name);
        for (int j = 0; j < r->nfields; j++) {
            const slt_reg_field *fd = &r->fields[j];
            field_base(r, fd, base, sizeof base);
            bits(fd, bs, sizeof bs);
            const char *cn = r->counter >= 0 ? g_counters[r->counter].name : "";
            lower_into(lr, sizeof lr, cn);
            switch (fd->src) {
            case SLT_SRC_CONST:
                fprintf(f, "        rd_word%s = %d'h%" PRIx32 ";\n", bs, fd->width, fd->reset);
                break;
            case SLT_SRC_IN: fprintf(f, "        rd_word%s = %s_i;\n", bs, base); break;
            case SLT_SRC_STORE:
            case SLT_SRC_STICKY: fprintf(f, "        rd_word%s = %s_q;\n", bs, base); break;
            case SLT_SRC_PULSE: break; /* reads 0 */
            case SLT_SRC_CNT_LO: fprintf(f, "        rd_word = perf_%s_i[31:0];\n", lr); break;
            case SLT_SRC_CNT_HI:
                fprintf(f, "        rd_word = (snap_tag_q == %d'd%d) ? snap_q : perf_%s_i[63:32];\n", tagw, r->counter,
                        lr);
                break;
            }
        }
        fprintf(f, "      end\n");
    }
    fprintf(f, "      default: rd_mapped = 1'b0;\n    endcase\n  end\n\n");

    fprintf(f, "  always @(*) begin\n"
               "    r_valid_d  = r_valid_q;\n"
               "    r_data_d   = r_data_q;\n"
               "    r_resp_d   = r_resp_q;\n"
               "    snap_d     = snap_q;\n"
               "    snap_tag_d = snap_tag_q;\n"
               "    if (ar_fire) begin\n"
               "      r_valid_d = 1'b1;\n"
               "      r_data_d  = rd_word;\n"
               "      r_resp_d  = rd_mapped ? RespOkay : RespSlvErr;\n"
               "      case (ar_word)\n");
    for (int i = 0; i < m.n; i++) {
        const slt_reg *r = &m.regs[i];
        if (r->counter < 0) continue;
        lower_into(lr, sizeof lr, g_counters[r->counter].name);
        if (r->fields[0].src == SLT_SRC_CNT_LO)
            fprintf(f, "        10'h%03x: begin snap_d = perf_%s_i[63:32]; snap_tag_d = %d'd%d; end\n", r->offset >> 2,
                    lr, tagw, r->counter);
        else
            fprintf(f, "        10'h%03x: snap_tag_d = SnapNone;\n", r->offset >> 2);
    }
    fprintf(f, "        default: ;\n"
               "      endcase\n"
               "    end else if (r_valid_q && s_axil_rready_i) begin\n"
               "      r_valid_d = 1'b0;\n"
               "    end\n"
               "  end\n\n");

    /* ---- flops ---- */
    fprintf(f, "  always @(posedge clk_i or negedge rst_ni) begin\n"
               "    if (!rst_ni) begin\n");
    emit_slave_flops(f, 1);
    for (int i = 0; i < m.n; i++) {
        const slt_reg *r = &m.regs[i];
        for (int j = 0; j < r->nfields; j++) {
            const slt_reg_field *fd = &r->fields[j];
            if (fd->src != SLT_SRC_STICKY && fd->src != SLT_SRC_PULSE) continue;
            field_base(r, fd, base, sizeof base);
            fprintf(f, "      %s_q <= %d'h%" PRIx32 ";\n", base, fd->width, fd->reset);
        }
    }
    fprintf(f, "    end else begin\n");
    emit_slave_flops(f, 0);
    for (int i = 0; i < m.n; i++) {
        const slt_reg *r = &m.regs[i];
        for (int j = 0; j < r->nfields; j++) {
            const slt_reg_field *fd = &r->fields[j];
            if (fd->src != SLT_SRC_STICKY && fd->src != SLT_SRC_PULSE) continue;
            field_base(r, fd, base, sizeof base);
            fprintf(f, "      %s_q <= %s_d;\n", base, base);
        }
    }
    fprintf(f, "    end\n  end\n\n");

    fprintf(f, "  assign s_axil_awready_o = !aw_valid_q;\n"
               "  assign s_axil_wready_o  = !w_valid_q;\n"
               "  assign s_axil_bvalid_o  = b_valid_q;\n"
               "  assign s_axil_bresp_o   = b_resp_q;\n"
               "  assign s_axil_arready_o = !r_valid_q;\n"
               "  assign s_axil_rvalid_o  = r_valid_q;\n"
               "  assign s_axil_rdata_o   = r_data_q;\n"
               "  assign s_axil_rresp_o   = r_resp_q;\n\n"
               "endmodule\n");
    return ferror(f) ? -1 : 0;
}

/* ---- C header -------------------------------------------------------------- */

int slt_regs_emit_c_header(const slt_config *cfg, FILE *f)
{
    slt_reg_map m;
    char mod[64], acc[32];
    slt_regs_build(cfg, &m);
    slt_regs_module_name(cfg, mod, sizeof mod);

    fprintf(f, "/*\n");
    header_lines(cfg, f, " * ", "slt_regs.h - register map of the slt accelerator (AXI4-Lite, 32-bit registers).");
    fprintf(f, " * Offsets are byte offsets in the 4 KiB register window. For each field:\n"
               " * SLT_REG_<REG>_<FIELD>_SHIFT/_WIDTH/_MASK (mask in place). 64-bit counters:\n"
               " * read _LO first (it snapshots the high half), then _HI.\n */\n");
    fprintf(f, "#ifndef SLT_REGS_H_GENERATED\n#define SLT_REGS_H_GENERATED\n\n");
    fprintf(f, "#define SLT_REGS_CONFIG_NAME \"%s\"\n", cfg->name);
    fprintf(f, "#define SLT_REGS_CONFIG_HASH 0x%016" PRIx64 "ULL\n", slt_config_hash(cfg));
    fprintf(f, "#define SLT_REGS_MODULE \"%s\"\n", mod);
    fprintf(f, "#define SLT_REGS_GEN_VERSION \"%s\"\n", SLT_GEN_VERSION);
    fprintf(f, "#define SLT_REGS_MAP_VERSION_MAJOR %du\n", SLT_REGS_VERSION_MAJOR);
    fprintf(f, "#define SLT_REGS_MAP_VERSION_MINOR %du\n", SLT_REGS_VERSION_MINOR);
    fprintf(f, "#define SLT_REGS_ID_MAGIC 0x%08Xu\n", SLT_REGS_MAGIC);
    fprintf(f, "#define SLT_REGS_WINDOW_BYTES 0x%Xu\n", 1u << SLT_REGS_ADDR_BITS);
    fprintf(f, "#define SLT_REGS_COUNT %d\n\n", m.n);
    fprintf(f, "/* AXI4-Lite responses */\n#define SLT_AXI_RESP_OKAY 0u\n#define SLT_AXI_RESP_SLVERR 2u\n\n");

    for (int i = 0; i < m.n; i++) {
        const slt_reg *r = &m.regs[i];
        fprintf(f, "/* %s (%s): %s */\n", r->name, slt_reg_access_text(r, acc, sizeof acc), r->desc);
        fprintf(f, "#define SLT_REG_%s 0x%03Xu\n", r->name, r->offset);
        fprintf(f, "#define SLT_REG_%s_RESET 0x%08Xu\n", r->name, slt_reg_reset_word(r));
        for (int j = 0; j < r->nfields; j++) {
            const slt_reg_field *fd = &r->fields[j];
            fprintf(f, "#define SLT_REG_%s_%s_SHIFT %d\n", r->name, fd->name, fd->lsb);
            fprintf(f, "#define SLT_REG_%s_%s_WIDTH %d\n", r->name, fd->name, fd->width);
            fprintf(f, "#define SLT_REG_%s_%s_MASK 0x%08Xu\n", r->name, fd->name, field_mask(fd));
        }
    }
    fprintf(f, "\n/* CMD_CTRL.OPCODE */\n");
    for (int i = 0; g_opcodes[i].name; i++)
        fprintf(f, "#define SLT_OP_%s %uu /* %s */\n", g_opcodes[i].name, (unsigned)g_opcodes[i].value,
                g_opcodes[i].desc);
    fprintf(f, "\n/* ERR_CODE.VALUE */\n");
    for (int i = 0; g_errors[i].name; i++)
        fprintf(f, "#define SLT_ERR_%s %uu /* %s */\n", g_errors[i].name, (unsigned)g_errors[i].value, g_errors[i].desc);
    fprintf(f, "\n/* performance counters: index, and SLT_PERF_LO(i) / SLT_PERF_HI(i) offsets */\n");
    fprintf(f, "#define SLT_PERF_COUNT %d\n", counter_count());
    fprintf(f, "#define SLT_PERF_LO(i) (0x%03Xu + 8u * (unsigned)(i))\n", PERF_BASE);
    fprintf(f, "#define SLT_PERF_HI(i) (0x%03Xu + 8u * (unsigned)(i))\n", PERF_BASE + 4u);
    for (int i = 0; g_counters[i].name; i++)
        fprintf(f, "#define SLT_PERF_%s %u /* %s */\n", g_counters[i].name, (unsigned)g_counters[i].value,
                g_counters[i].desc);
    fprintf(f, "/* X-macro over the counters: X(NAME, INDEX) */\n#define SLT_PERF_FOREACH(X)");
    for (int i = 0; g_counters[i].name; i++)
        fprintf(f, " \\\n    X(%s, %u)", g_counters[i].name, (unsigned)g_counters[i].value);
    fprintf(f, "\n");

    fprintf(f, "\n/* X-macro over every register: X(NAME, OFFSET, RESET, WRITABLE_MASK) */\n");
    fprintf(f, "#define SLT_REGS_FOREACH(X) \\\n");
    for (int i = 0; i < m.n; i++) {
        const slt_reg *r = &m.regs[i];
        uint32_t wm = 0;
        for (int j = 0; j < r->nfields; j++)
            if (r->fields[j].access == SLT_ACC_RW) wm |= field_mask(&r->fields[j]);
        fprintf(f, "    X(%s, 0x%03Xu, 0x%08Xu, 0x%08Xu)%s\n", r->name, r->offset, slt_reg_reset_word(r), wm,
                i + 1 < m.n ? " \\" : "");
    }
    fprintf(f, "\n#endif\n");
    return ferror(f) ? -1 : 0;
}

/* ---- Verilog header for rtl/ ------------------------------------------------- */

/* Width of a field of the table (the emitted slave's port width). */
static int field_width(const slt_reg_map *m, const char *reg, const char *field)
{
    const slt_reg *r = slt_regs_find(m, reg);
    const slt_reg_field *fd = r ? slt_reg_field_find(r, field) : NULL;
    return fd ? fd->width : 0;
}

int slt_regs_emit_verilog_defs(const slt_config *cfg, FILE *f)
{
    slt_reg_map m;
    slt_regs_build(cfg, &m);
    int opw = field_width(&m, "CMD_CTRL", "OPCODE"), errw = field_width(&m, "ERR_CODE", "VALUE");
    if (opw <= 0 || errw <= 0) return -1;
    header_lines(cfg, f, "// ", "slt_regs_pkg.vh - opcodes, error codes and counter order for rtl/ (Verilog-2005).");
    fprintf(f, "// The same table gives slt_regs.h (C) and docs/regs.md. `include it in every rtl/\n"
               "// module that needs a code; the macros are guarded, so including it twice is harmless.\n");
    fprintf(f, "`ifndef SLT_REGS_PKG_VH\n`define SLT_REGS_PKG_VH\n\n");
    fprintf(f, "// CMD_CTRL.OPCODE\n`define SLT_OP_W %d\n", opw);
    for (int i = 0; g_opcodes[i].name; i++)
        fprintf(f, "`define SLT_OP_%s %d'd%u\n", g_opcodes[i].name, opw, (unsigned)g_opcodes[i].value);
    fprintf(f, "\n// ERR_CODE.VALUE\n`define SLT_ERR_W %d\n", errw);
    for (int i = 0; g_errors[i].name; i++)
        fprintf(f, "`define SLT_ERR_%s %d'd%u\n", g_errors[i].name, errw, (unsigned)g_errors[i].value);
    fprintf(f, "\n// performance counters: count and index (counter i is perf[64*i +: 64])\n");
    fprintf(f, "`define SLT_PERF_COUNT %d\n", counter_count());
    for (int i = 0; g_counters[i].name; i++)
        fprintf(f, "`define SLT_PERF_%s %u\n", g_counters[i].name, (unsigned)g_counters[i].value);
    fprintf(f, "\n`endif\n");
    return ferror(f) ? -1 : 0;
}

/* ---- Markdown -------------------------------------------------------------- */

/* Markdown table cells must not contain '|'. */
static void md_text(FILE *f, const char *s)
{
    for (; *s; s++) {
        if (*s == '|')
            fputs("\\|", f);
        else
            fputc(*s, f);
    }
}

int slt_regs_emit_markdown(const slt_config *cfg, FILE *f)
{
    slt_reg_map m;
    char mod[64], acc[32];
    slt_regs_build(cfg, &m);
    slt_regs_module_name(cfg, mod, sizeof mod);

    fprintf(f, "# Register map\n\n<!--\n");
    header_lines(cfg, f, "", "docs/regs.md - the control/status registers (AXI4-Lite).");
    fprintf(f, "Regenerate: make regs-doc\n-->\n\n");
    fprintf(f, "Generated by `sltgen %s` from the table in `gen/regs.c` for configuration `%s` "
               "(hash `0x%016" PRIx64 "`), register map version %d.%d. The same table produces the "
               "AXI4-Lite slave (`%s`, `slt_regs_emit_verilog`) and the C header "
               "(`slt_regs_emit_c_header`). Configuration read-back values below are those of `%s`.\n\n",
            SLT_GEN_VERSION, cfg->name, slt_config_hash(cfg), SLT_REGS_VERSION_MAJOR, SLT_REGS_VERSION_MINOR, mod,
            cfg->name);
    fprintf(f, "## Conventions\n\n"
               "- 32-bit registers at byte offsets, word aligned, in a 4 KiB window (12 address bits; "
               "address bits 1:0 are ignored).\n"
               "- Access per field: **RO** read-only (writes ignored), **RW** read/write, **W1C** set by "
               "hardware, write 1 to clear (a hardware set wins over a clear in the same cycle), **WO** "
               "write 1 to trigger a one-cycle pulse, reads 0.\n"
               "- Bits not covered by a field read 0 and ignore writes.\n"
               "- AXI4-Lite: AW and W are accepted independently and in either order; one write and one "
               "read are handled at a time (the write is done the cycle after both AW and W are held and B is valid the cycle "
               "after that; R is valid the cycle after the AR handshake). `WSTRB` is honoured per byte.\n"
               "- Responses: `OKAY` for every mapped offset (also for writes to RO fields, which are "
               "ignored); `SLVERR` for an unmapped offset (reads return 0, writes do nothing). The "
               "slave never answers `DECERR`, which is left to interconnects.\n"
               "- 64-bit counters are `_LO`/`_HI` pairs at 8-byte aligned offsets. Reading `_LO` returns "
               "bits 31:0 and snapshots bits 63:32; the next `_HI` read of the same counter returns that "
               "snapshot (and consumes it). A `_HI` read with no snapshot pending returns the live bits. "
               "Read `_LO` then `_HI` for an atomic 64-bit value.\n"
               "- `irq` = OR over the `STATUS` W1C bits AND the `IRQ_ENABLE` bit of the same name.\n"
               "- The descriptor registers (`CMD_*`) are plain storage; the controller copies them when "
               "`CMD_DOORBELL.GO` is written and checks them then (illegal descriptor: `STATUS.ERROR`, "
               "`ERR_CODE`, back to idle).\n\n");

    fprintf(f, "## Summary\n\n| offset | name | access | reset | description |\n| --- | --- | --- | --- | --- |\n");
    for (int i = 0; i < m.n; i++) {
        const slt_reg *r = &m.regs[i];
        fprintf(f, "| `0x%03X` | `%s` | %s | `0x%08X` | ", r->offset, r->name, slt_reg_access_text(r, acc, sizeof acc),
                slt_reg_reset_word(r));
        md_text(f, r->desc);
        fprintf(f, " |\n");
    }

    fprintf(f, "\n## Fields\n\nRegisters with more than one field, or with a field narrower than 32 bits; "
               "every other register is one 32-bit field `VALUE`.\n");
    for (int i = 0; i < m.n; i++) {
        const slt_reg *r = &m.regs[i];
        if (r->nfields == 1 && r->fields[0].width == 32) continue;
        fprintf(f, "\n### `%s` (`0x%03X`)\n\n", r->name, r->offset);
        md_text(f, r->desc);
        fprintf(f, "\n\n| bits | field | access | reset | description |\n| --- | --- | --- | --- | --- |\n");
        for (int j = 0; j < r->nfields; j++) {
            const slt_reg_field *fd = &r->fields[j];
            if (fd->width == 1)
                fprintf(f, "| %d", fd->lsb);
            else
                fprintf(f, "| %d:%d", fd->lsb + fd->width - 1, fd->lsb);
            fprintf(f, " | `%s` | %s | `0x%X` | ", fd->name, slt_reg_access_name(fd->access), fd->reset);
            md_text(f, fd->desc);
            fprintf(f, " |\n");
        }
    }

    fprintf(f, "\n## Opcodes (`CMD_CTRL.OPCODE`)\n\n| value | name | meaning |\n| --- | --- | --- |\n");
    for (int i = 0; g_opcodes[i].name; i++) {
        fprintf(f, "| %u | `%s` | ", (unsigned)g_opcodes[i].value, g_opcodes[i].name);
        md_text(f, g_opcodes[i].desc);
        fprintf(f, " |\n");
    }
    fprintf(f, "\n## Error codes (`ERR_CODE.VALUE`)\n\n| value | name | meaning |\n| --- | --- | --- |\n");
    for (int i = 0; g_errors[i].name; i++) {
        fprintf(f, "| %u | `%s` | ", (unsigned)g_errors[i].value, g_errors[i].name);
        md_text(f, g_errors[i].desc);
        fprintf(f, " |\n");
    }
    fprintf(f, "\n## Performance counters\n\nEach is 64 bits, cleared by reset and by `PERF_CTRL.CLEAR`.\n\n"
               "| index | `_LO` offset | name | counts |\n| --- | --- | --- | --- |\n");
    for (int i = 0; g_counters[i].name; i++) {
        fprintf(f, "| %d | `0x%03X` | `PERF_%s` | ", i, PERF_BASE + 8u * (unsigned)i, g_counters[i].name);
        md_text(f, g_counters[i].desc);
        fprintf(f, " |\n");
    }
    return ferror(f) ? -1 : 0;
}
