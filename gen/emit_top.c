/* emit_top.c - the generated accelerator top (emit_top.h, docs/top.md). */
#include "emit_top.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "emit_util.h"
#include "regs.h"
#include "slt_arrayif.h"
#include "slt_bufgeom.h"
#include "slt_busy.h"
#include "slt_gemm.h"

#define TOP_PATH 4096

/* The rtl/ primitives of the top: rtl/top_prims.list (also read by mk/top.mk). */
#define TOP_PRIMS_MAX 64
#define TOP_PRIM_LEN 64
typedef struct {
    int n;
    char name[TOP_PRIMS_MAX][TOP_PRIM_LEN];
} top_prims;

/* The geometry is ref/slt_bufgeom.c's; slt_config_finish has checked that every
 * buffer holds the largest shape (and at least 2 words), so nothing is raised here. */
void slt_top_geometry(const slt_design *d, slt_top_geom *g)
{
    slt_buf_geom b;
    slt_buf_geometry(&d->cfg, &b);
    g->wbuf_width = b.wbuf_width;
    g->abuf_width = b.abuf_width;
    g->obuf_width = b.obuf_width;
    g->wbuf_depth = (int)b.wbuf_depth;
    g->abuf_depth = (int)b.abuf_depth;
    g->obuf_depth = (int)b.obuf_depth;
    g->mode_depth = (int)b.mode_depth;
}

void slt_top_module_name(const slt_design *d, char *buf, size_t len)
{
    snprintf(buf, len, "slt_top_%016" PRIx64, d->cfg_hash);
}

int slt_gen_io_fail(char *err, size_t errlen, const char *what, const char *path)
{
    snprintf(err, errlen, "sltgen: %s '%s': %s", what, path, strerror(errno));
    return 1;
}

/* A list entry ending in .vh is an include file: copied, not compiled on its own. */
static int is_include(const char *name)
{
    size_t n = strlen(name);
    return n > 3 && strcmp(name + n - 3, ".vh") == 0;
}

static int read_prims(const char *rtl_src, top_prims *p, char *err, size_t errlen)
{
    char path[TOP_PATH], line[256];
    snprintf(path, sizeof path, "%s/top_prims.list", rtl_src);
    FILE *f = fopen(path, "r");
    if (!f) return slt_gen_io_fail(err, errlen, "cannot read", path);
    p->n = 0;
    while (fgets(line, sizeof line, f)) {
        size_t n = strcspn(line, " \t\r\n#");
        if (n == 0) continue;
        if (n >= TOP_PRIM_LEN || p->n >= TOP_PRIMS_MAX) {
            fclose(f);
            snprintf(err, errlen, "sltgen: '%s': too many or too long names", path);
            return 1;
        }
        memcpy(p->name[p->n], line, n);
        p->name[p->n++][n] = '\0';
    }
    fclose(f);
    return 0;
}

static int copy(const char *from, const char *to, char *err, size_t errlen)
{
    FILE *in = fopen(from, "rb");
    if (!in) return slt_gen_io_fail(err, errlen, "cannot read primitive", from);
    FILE *out = fopen(to, "wb");
    if (!out) {
        fclose(in);
        return slt_gen_io_fail(err, errlen, "cannot write", to);
    }
    char buf[8192];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0) fwrite(buf, 1, n, out);
    int bad = ferror(in) || ferror(out);
    fclose(in);
    if (fclose(out) || bad) return slt_gen_io_fail(err, errlen, "error copying to", to);
    return 0;
}

size_t slt_top_ports(const slt_design *d, em_port *out, size_t max)
{
    int bb = d->bus_bits;
    em_port ports[] = {
        {EM_IN, 0, "clk_i", NULL},
        {EM_IN, 0, "rst_ni", "asynchronous, active low"},
        {EM_IN, 0, "s_axil_awvalid_i", NULL},
        {EM_OUT, 0, "s_axil_awready_o", NULL},
        {EM_IN, 12, "s_axil_awaddr_i", NULL},
        {EM_IN, 3, "s_axil_awprot_i", NULL},
        {EM_IN, 0, "s_axil_wvalid_i", NULL},
        {EM_OUT, 0, "s_axil_wready_o", NULL},
        {EM_IN, 32, "s_axil_wdata_i", NULL},
        {EM_IN, 4, "s_axil_wstrb_i", NULL},
        {EM_OUT, 0, "s_axil_bvalid_o", NULL},
        {EM_IN, 0, "s_axil_bready_i", NULL},
        {EM_OUT, 2, "s_axil_bresp_o", NULL},
        {EM_IN, 0, "s_axil_arvalid_i", NULL},
        {EM_OUT, 0, "s_axil_arready_o", NULL},
        {EM_IN, 12, "s_axil_araddr_i", NULL},
        {EM_IN, 3, "s_axil_arprot_i", NULL},
        {EM_OUT, 0, "s_axil_rvalid_o", NULL},
        {EM_IN, 0, "s_axil_rready_i", NULL},
        {EM_OUT, 32, "s_axil_rdata_o", NULL},
        {EM_OUT, 2, "s_axil_rresp_o", NULL},
        {EM_OUT, 0, "irq_o", "STATUS bits AND IRQ_ENABLE"},
        {EM_IN, 0, "s_axis_tvalid_i", "input stream: activations, modes + weights"},
        {EM_OUT, 0, "s_axis_tready_o", NULL},
        {EM_IN, bb, "s_axis_tdata_i", NULL},
        {EM_IN, 0, "s_axis_tlast_i", "last beat of a command's packet"},
        {EM_OUT, 0, "m_axis_tvalid_o", "output stream: 32-bit results"},
        {EM_IN, 0, "m_axis_tready_i", NULL},
        {EM_OUT, bb, "m_axis_tdata_o", NULL},
        {EM_OUT, 0, "m_axis_tlast_o", "last beat of a command's results"},
    };
    size_t n = sizeof ports / sizeof ports[0];
    if (n > max) n = max;
    memcpy(out, ports, n * sizeof ports[0]);
    return n;
}

static void emit_top(slt_emitter *e, const slt_design *d, const char *name)
{
    slt_top_geom g;
    slt_top_geometry(d, &g);
    char regs[64];
    slt_regs_module_name(&d->cfg, regs, sizeof regs);
    em_file_header(e, d, name, "accelerator top: AXI4-Lite registers, AXI4-Stream in/out, buffers, array");
    em_line(e, "// Buffers (words x bits): wbuf %d x %d (2*psum_chunks regions), abuf %d x %d, obuf %d x %d, modes %d x %d.",
            g.wbuf_depth, g.wbuf_width, g.abuf_depth, g.abuf_width, g.obuf_depth, g.obuf_width, g.mode_depth, d->u);
    em_line(e, "// See docs/top.md for the stream formats, descriptors and the register map.");
    em_blank(e);
    int bb = d->bus_bits;
    em_port ports[SLT_TOP_MAX_PORTS];
    size_t np = slt_top_ports(d, ports, SLT_TOP_MAX_PORTS);
    em_module_begin(e, name, ports, np);
    /* register slave <-> controller */
    em_line(e, "wire [3:0]  cmd_opcode;");
    em_line(e, "wire [1:0]  cmd_format;");
    em_line(e, "wire        cmd_resident, cmd_accumulate, cmd_go, cmd_abort, perf_clear;");
    em_line(e, "wire [31:0] cmd_m, cmd_k, cmd_n, cmd_abuf_base, cmd_obuf_base;");
    em_line(e, "wire        busy, done_set, error_set;");
    em_line(e, "wire [7:0]  err_code;");
    em_line(e, "wire [31:0] err_count;");
    int ncnt = 0;
    for (const slt_reg_enum *c = slt_regs_counters(); c[ncnt].name; ncnt++) {}
    em_line(e, "wire [%d:0] perf;", 64 * ncnt - 1);
    em_line(e, "wire [3:0]  ecc_single, ecc_double;");
    em_line(e, "wire [31:0] ecc_corrected, ecc_uncorrected;");
    em_line(e, "/* verilator lint_off UNUSEDSIGNAL */");
    em_line(e, "wire        status_done, status_error, irq_en_done, irq_en_error;");
    em_line(e, "/* verilator lint_on UNUSEDSIGNAL */");
    /* controller <-> array */
    em_line(e, "wire        tbl_valid, row_valid, err_clr, row_valid_o_arr, arr_err;");
    em_line(e, "wire [%d:0] tbl_act;", d->tbl_act_bits - 1);
    em_line(e, "wire [%d:0] tbl_mode;", d->u - 1);
    em_line(e, "wire [%d:0] row_keys;", d->row_keys_bits - 1);
    em_line(e, "wire [%d:0] row_psum, row_psum_o_arr;", d->row_psum_bits - 1);
    em_line(e, "wire [%d:0] ev_build;", d->u - 1);
    em_line(e, "wire [%d:0] ev_term;", d->ev_term_bits - 1);
    /* table slots (psum_chunks > 1); with one slot the controller's slot outputs are 0 */
    em_line(e, "wire [%d:0] tbl_slot, row_slot;", d->slot_bits ? d->slot_bits - 1 : 0);
    if (!d->slot_bits) em_line(e, "wire        unused_slot = ^{tbl_slot, row_slot};  // psum_chunks = 1: no slots");
    em_blank(e);
    em_open(e, "%s u_regs (", regs);
    em_line(e, ".clk_i(clk_i), .rst_ni(rst_ni),");
    em_line(e, ".s_axil_awvalid_i(s_axil_awvalid_i), .s_axil_awready_o(s_axil_awready_o),");
    em_line(e, ".s_axil_awaddr_i(s_axil_awaddr_i), .s_axil_awprot_i(s_axil_awprot_i),");
    em_line(e, ".s_axil_wvalid_i(s_axil_wvalid_i), .s_axil_wready_o(s_axil_wready_o),");
    em_line(e, ".s_axil_wdata_i(s_axil_wdata_i), .s_axil_wstrb_i(s_axil_wstrb_i),");
    em_line(e, ".s_axil_bvalid_o(s_axil_bvalid_o), .s_axil_bready_i(s_axil_bready_i), .s_axil_bresp_o(s_axil_bresp_o),");
    em_line(e, ".s_axil_arvalid_i(s_axil_arvalid_i), .s_axil_arready_o(s_axil_arready_o),");
    em_line(e, ".s_axil_araddr_i(s_axil_araddr_i), .s_axil_arprot_i(s_axil_arprot_i),");
    em_line(e, ".s_axil_rvalid_o(s_axil_rvalid_o), .s_axil_rready_i(s_axil_rready_i),");
    em_line(e, ".s_axil_rdata_o(s_axil_rdata_o), .s_axil_rresp_o(s_axil_rresp_o),");
    em_line(e, ".cmd_ctrl_opcode_o(cmd_opcode), .cmd_ctrl_format_o(cmd_format),");
    em_line(e, ".cmd_ctrl_resident_o(cmd_resident), .cmd_ctrl_accumulate_o(cmd_accumulate),");
    em_line(e, ".cmd_m_o(cmd_m), .cmd_k_o(cmd_k), .cmd_n_o(cmd_n),");
    em_line(e, ".cmd_abuf_base_o(cmd_abuf_base), .cmd_obuf_base_o(cmd_obuf_base),");
    em_line(e, ".cmd_doorbell_go_o(cmd_go), .cmd_doorbell_abort_o(cmd_abort),");
    em_line(e, ".status_busy_i(busy), .status_done_set_i(done_set), .status_done_o(status_done),");
    em_line(e, ".status_error_set_i(error_set), .status_error_o(status_error),");
    em_line(e, ".irq_enable_done_o(irq_en_done), .irq_enable_error_o(irq_en_error),");
    em_line(e, ".err_code_i(err_code), .err_count_i(err_count), .perf_ctrl_clear_o(perf_clear),");
    em_line(e, ".ecc_corrected_i(ecc_corrected), .ecc_uncorrected_i(ecc_uncorrected),");
    const slt_reg_enum *c = slt_regs_counters();
    for (int i = 0; c[i].name; i++) {
        char lower[64];
        size_t k = 0;
        for (; c[i].name[k] && k + 1 < sizeof lower; k++)
            lower[k] = (char)(c[i].name[k] >= 'A' && c[i].name[k] <= 'Z' ? c[i].name[k] + 32 : c[i].name[k]);
        lower[k] = '\0';
        em_line(e, ".perf_%s_i(perf[%d +: 64]),", lower, 64 * i);
    }
    em_line(e, ".irq_o(irq_o)");
    em_close(e, ");");
    em_blank(e);
    em_open(e, "slt_top_ctrl #(");
    em_line(e, ".BusBits(%d), .Format(%d), .Binary(%d), .AddSub(%d),", bb, (int)d->cfg.weight_format, d->binary,
            d->addsub);
    em_line(e, ".G(%d), .U(%d), .L(%d), .A(%d), .Acc(%d), .F(%d), .MagBits(%d), .Terms(%d), .Gap(%d), .Pd(%d),",
            d->g, d->u, d->l, d->a, d->acc, d->row_field_bits, d->key_mag_bits, d->lane_terms,
            slt_top_reissue_gap(&d->cfg), slt_array_psum_delay(&d->cfg));
    em_line(e, ".InStages(%d),", d->in_stages);
    int dw, nw;
    slt_desc_widths(&d->cfg, &dw, &nw);
    em_line(e, ".MaxK(%d), .MaxM(%d), .MaxN(%d), .DW(%d), .NW(%d),", d->max_k, d->max_m, d->max_n, dw, nw);
    em_line(e, ".WbufDepth(%d), .AbufDepth(%d), .ObufDepth(%d), .ModeDepth(%d), .Ecc(%d),", g.wbuf_depth,
            g.abuf_depth, g.obuf_depth, g.mode_depth, d->ecc);
    /* SRAM banking and read latency: the SRAM model's (ref/slt_bufgeom.h slt_buf_banks) */
    slt_buf_banking bk;
    slt_buf_banks(&d->cfg, &bk);
    em_line(e, ".ReadLatency(%d), .WriteLatency(%d), .WbufBanks(%d), .WbufBankDepth(%ld), .AbufBanks(%d),",
            bk.read_latency, bk.write_latency, bk.banks[0], bk.bank_depth[0], bk.banks[1]);
    em_line(e, ".AbufBankDepth(%ld),", bk.bank_depth[1]);
    em_line(e, ".ObufBanks(%d), .ObufBankDepth(%ld), .ModeBanks(%d), .ModeBankDepth(%ld),", bk.banks[2],
            bk.bank_depth[2], bk.banks[3], bk.bank_depth[3]);
    if (d->psum_chunks > 1)
        em_line(e, ".ClockGating(%d), .C(%d), .SlotW(%d)", d->cfg.clock_gating, d->psum_chunks, d->slot_bits);
    else em_line(e, ".ClockGating(%d)", d->cfg.clock_gating);
    em_close(e, ") u_ctrl (");
    e->depth++;
    em_line(e, ".clk_i(clk_i), .rst_ni(rst_ni),");
    em_line(e, ".cmd_opcode_i(cmd_opcode), .cmd_format_i(cmd_format), .cmd_resident_i(cmd_resident),");
    em_line(e, ".cmd_accumulate_i(cmd_accumulate), .cmd_m_i(cmd_m), .cmd_k_i(cmd_k), .cmd_n_i(cmd_n),");
    em_line(e, ".cmd_abuf_base_i(cmd_abuf_base), .cmd_obuf_base_i(cmd_obuf_base),");
    em_line(e, ".go_i(cmd_go), .abort_i(cmd_abort), .perf_clear_i(perf_clear),");
    em_line(e, ".busy_o(busy), .done_set_o(done_set), .error_set_o(error_set),");
    em_line(e, ".err_code_o(err_code), .err_count_o(err_count), .perf_o(perf),");
    em_line(e, ".ecc_single_o(ecc_single), .ecc_double_o(ecc_double),");
    em_line(e, ".s_tvalid_i(s_axis_tvalid_i), .s_tready_o(s_axis_tready_o), .s_tdata_i(s_axis_tdata_i),");
    em_line(e, ".s_tlast_i(s_axis_tlast_i),");
    em_line(e, ".m_tvalid_o(m_axis_tvalid_o), .m_tready_i(m_axis_tready_i), .m_tdata_o(m_axis_tdata_o),");
    em_line(e, ".m_tlast_o(m_axis_tlast_o),");
    em_line(e, ".tbl_valid_o(tbl_valid), .tbl_act_o(tbl_act), .tbl_mode_o(tbl_mode), .tbl_slot_o(tbl_slot),");
    em_line(e, ".row_valid_o(row_valid), .row_keys_o(row_keys), .row_psum_o(row_psum), .row_slot_o(row_slot),");
    em_line(e, ".err_clr_o(err_clr),");
    em_line(e, ".row_valid_i(row_valid_o_arr), .row_psum_i(row_psum_o_arr), .ev_build_i(ev_build),");
    em_line(e, ".ev_term_i(ev_term), .arr_err_i(arr_err)");
    em_close(e, ");");
    em_blank(e);
    /* ECC_CORRECTED / ECC_UNCORRECTED (gen/regs.c); constant 0 when ecc = none */
    if (d->ecc) {
        em_line(e, "slt_sat_count #(.N(4), .Width(32)) u_ecc_corrected (.clk_i(clk_i), .rst_ni(rst_ni),");
        em_line(e, "  .clear_i(perf_clear), .inc_i(ecc_single), .count_o(ecc_corrected));");
        em_line(e, "slt_sat_count #(.N(4), .Width(32)) u_ecc_uncorrected (.clk_i(clk_i), .rst_ni(rst_ni),");
        em_line(e, "  .clear_i(perf_clear), .inc_i(ecc_double), .count_o(ecc_uncorrected));");
    } else {
        em_line(e, "assign ecc_corrected = 32'd0;   // ecc = none");
        em_line(e, "assign ecc_uncorrected = 32'd0;");
        em_line(e, "wire unused_ecc = ^{ecc_single, ecc_double};");
    }
    em_blank(e);
    em_open(e, "%s u_array (", d->mod_array);
    em_line(e, ".clk_i(clk_i), .rst_ni(rst_ni),");
    em_line(e, ".tbl_valid_i(tbl_valid), .tbl_act_i(tbl_act), .tbl_mode_i(tbl_mode),");
    em_line(e, ".row_valid_i(row_valid), .row_keys_i(row_keys), .row_psum_i(row_psum), .err_clr_i(err_clr),");
    if (d->slot_bits) em_line(e, ".tbl_slot_i(tbl_slot), .row_slot_i(row_slot),");
    em_line(e, ".row_valid_o(row_valid_o_arr), .row_psum_o(row_psum_o_arr), .ev_build_o(ev_build),");
    em_line(e, ".ev_term_o(ev_term), .err_o(arr_err)");
    em_close(e, ");");
    em_module_end(e, name);
}

int slt_gen_write_top(const char *dir, const slt_design *d, const char *rtl_src, char *err, size_t errlen)
{
    char path[TOP_PATH], from[TOP_PATH], name[64], regs[64];
    slt_top_module_name(d, name, sizeof name);
    slt_regs_module_name(&d->cfg, regs, sizeof regs);
    snprintf(path, sizeof path, "%s/top", dir);
    top_prims prims;
    if (read_prims(rtl_src, &prims, err, errlen)) return 1;
    if (mkdir(path, 0777)) return slt_gen_io_fail(err, errlen, "cannot create", path);
    for (int i = 0; i < prims.n; i++) {
        const char *ext = is_include(prims.name[i]) ? "" : ".v";
        snprintf(from, sizeof from, "%s/%s%s", rtl_src, prims.name[i], ext);
        snprintf(path, sizeof path, "%s/top/%s%s", dir, prims.name[i], ext);
        if (copy(from, path, err, errlen)) return 1;
    }
    snprintf(path, sizeof path, "%s/top/slt_regs_pkg.vh", dir);
    FILE *f = fopen(path, "w");
    if (!f) return slt_gen_io_fail(err, errlen, "cannot write", path);
    int bad = slt_regs_emit_verilog_defs(&d->cfg, f) != 0;
    if (fclose(f) || bad) return slt_gen_io_fail(err, errlen, "error writing", path);
    snprintf(path, sizeof path, "%s/top/%s.v", dir, regs);
    f = fopen(path, "w");
    if (!f) return slt_gen_io_fail(err, errlen, "cannot write", path);
    bad = slt_regs_emit_verilog(&d->cfg, f) != 0;
    if (fclose(f) || bad) return slt_gen_io_fail(err, errlen, "error writing", path);
    snprintf(path, sizeof path, "%s/top/%s.v", dir, name);
    f = fopen(path, "w");
    if (!f) return slt_gen_io_fail(err, errlen, "cannot write", path);
    slt_emitter e;
    em_init(&e, f);
    emit_top(&e, d, name);
    bad = ferror(f);
    if (fclose(f) || bad) return slt_gen_io_fail(err, errlen, "error writing", path);
    snprintf(path, sizeof path, "%s/top/slt_regs.h", dir);
    f = fopen(path, "w");
    if (!f) return slt_gen_io_fail(err, errlen, "cannot write", path);
    bad = slt_regs_emit_c_header(&d->cfg, f) != 0;
    if (fclose(f) || bad) return slt_gen_io_fail(err, errlen, "error writing", path);
    /* make variables for the flows and testbenches */
    snprintf(path, sizeof path, "%s/params.mk", dir);
    f = fopen(path, "a");
    if (!f) return slt_gen_io_fail(err, errlen, "cannot append to", path);
    fprintf(f, "# accelerator top (gen/emit_top.c, docs/top.md): the array's files plus top/*.v\n");
    fprintf(f, "SLT_TOP := %s\n", name);
    fprintf(f, "SLT_TOP_FILES := $(SLT_RTL_FILES)");
    for (int i = 0; i < prims.n; i++)
        if (!is_include(prims.name[i])) fprintf(f, " $(SLT_DIR)/top/%s.v", prims.name[i]);
    fprintf(f, " $(SLT_DIR)/top/%s.v $(SLT_DIR)/top/%s.v\n", regs, name);
    bad = ferror(f);
    if (fclose(f) || bad) return slt_gen_io_fail(err, errlen, "error writing", path);
    return 0;
}
