/* report_ecc.c - the cost of ecc = secded in the report (report_ecc.h). */
#include "report_ecc.h"

#include <math.h>
#include <string.h>

#include "emit_top.h"
#include "report_text.h"
#include "gen_design.h"
#include "slt_secded.h"
#include "sram_model.h"

static void buf_set(ecc_buf *b, const char *name, int depth, int width, int prot)
{
    b->name = name;
    b->depth = depth;
    b->width = width;
    b->prot = prot;
    b->code = prot ? slt_secded_code_bits(width) : width;
}

static int buf_model(ecc_buf *b)
{
    for (int e = 0; e < 2; e++) {
        int w = e ? b->code : b->width;
        slt_sram_estimate s, t;
        if (slt_sram_estimate_of(SLT_NODE_SKY130, b->depth, w, &s) || slt_sram_estimate_of(SLT_NODE_28NM, b->depth, w, &t))
            return 2;
        b->a130[e] = s.area_um2;
        b->a28[e] = t.area_um2;
        b->rd_pj[e] = t.read_pj;
    }
    return 0;
}

static void logic_sum(ecc_cost *ec)
{
    ec->logic_um2 = ec->logic_tr = 0;
    int have_area = 1;
    for (int i = 0; i < ECC_NBUF; i++) {
        if (!ec->buf[i].prot) continue;
        static const char *const prim[] = {"enc", "dec"};
        for (int p = 0; p < 2; p++) {
            char k[64];
            snprintf(k, sizeof k, "%s.%s.transistors", ec->buf[i].name, prim[p]);
            ec->logic_tr += kv_num(&ec->logic, k);
            snprintf(k, sizeof k, "%s.%s.area_um2", ec->buf[i].name, prim[p]);
            double a = kv_num(&ec->logic, k);
            if (isfinite(a)) ec->logic_um2 += a;
            else have_area = 0;
        }
    }
    if (!have_area) ec->logic_um2 = NAN;
}

int ecc_cost_sram(const slt_config *cfg, const char *flow, ecc_cost *ec)
{
    memset(ec, 0, sizeof *ec);
    ec->secded = cfg->ecc == SLT_ECC_SECDED;
    slt_design d;
    slt_design_derive(cfg, &d);
    slt_top_geom g;
    slt_top_geometry(&d, &g);
    buf_set(&ec->buf[0], "wbuf", g.wbuf_depth, g.wbuf_width, 1);
    buf_set(&ec->buf[1], "abuf", g.abuf_depth, g.abuf_width, 1);
    buf_set(&ec->buf[2], "obuf", g.obuf_depth, g.obuf_width, 1);
    buf_set(&ec->buf[3], "modes", g.mode_depth, d.u, !slt_format_is_binary(cfg->weight_format));
    for (int i = 0; i < ECC_NBUF; i++) {
        if (buf_model(&ec->buf[i])) return 2;
        for (int e = 0; e < 2; e++) {
            ec->sram130[e] += ec->buf[i].a130[e];
            ec->sram28[e] += ec->buf[i].a28[e];
        }
    }
    for (int i = 0; i < 3; i++) ec->pj_factor[i] = ec->buf[i].rd_pj[1] / ec->buf[i].rd_pj[0];
    ec->ok = 1;
    char p[4096];
    snprintf(p, sizeof p, "%s/ecc/ecc_logic.kv", flow);
    kv_load(&ec->logic, p);
    if (ec->logic.present) logic_sum(ec);
    else ec->logic_um2 = ec->logic_tr = NAN;
    ec->e_mj[0] = ec->e_mj[1] = NAN;
    return 0;
}

void ecc_params_secded(const ecc_cost *ec, const slt_energy_params *p, slt_energy_params *out)
{
    *out = *p;
    out->wbuf_pj_per_bit *= ec->pj_factor[0];
    out->abuf_pj_per_bit *= ec->pj_factor[1];
    out->obuf_pj_per_bit *= ec->pj_factor[2];
}

void ecc_cost_energy(ecc_cost *ec, const slt_energy_params *p_none, const slt_events *tok)
{
    if (!p_none || !ec->ok) return;
    slt_energy_params p_sec;
    ecc_params_secded(ec, p_none, &p_sec);
    slt_energy_breakdown b0, b1;
    slt_energy_of_events(p_none, tok, &b0);
    slt_energy_of_events(&p_sec, tok, &b1);
    ec->e_mj[0] = b0.total_mj;
    ec->e_mj[1] = b1.total_mj;
}

static void jnum(FILE *j, double v)
{
    if (isfinite(v)) fprintf(j, "%.6g", v);
    else fputs("null", j);
}

static void json_pair(FILE *j, const char *key, const double *v)
{
    fprintf(j, ", \"%s\": {\"none\": ", key);
    jnum(j, v[0]);
    fprintf(j, ", \"secded\": ");
    jnum(j, v[1]);
    fprintf(j, ", \"overhead\": ");
    jnum(j, v[1] / v[0] - 1);
    fprintf(j, "}");
}

void ecc_cost_json(FILE *j, const ecc_cost *ec)
{
    fprintf(j, ",\n  \"ecc_cost\": ");
    if (!ec->ok) {
        fprintf(j, "null");
        return;
    }
    fprintf(j, "{\"ecc\": \"%s\", \"applies\": \"%s\", \"buffers\": [", ec->secded ? "secded" : "none",
            ec->secded ? "this configuration (ecc = secded): the cost it pays" : "what ecc = secded would add to this configuration");
    for (int i = 0; i < ECC_NBUF; i++)
        fprintf(j, "%s{\"name\": \"%s\", \"depth\": %d, \"data_bits\": %d, \"code_bits\": %d, \"protected\": %s}", i ? ", " : "",
                ec->buf[i].name, ec->buf[i].depth, ec->buf[i].width, ec->buf[i].code, ec->buf[i].prot ? "true" : "false");
    fprintf(j, "]");
    json_pair(j, "sram_area_sky130_um2", ec->sram130);
    json_pair(j, "sram_area_28nm_um2", ec->sram28);
    fprintf(j, ", \"sram_area_source\": \"MODELLED: gen/sram_model.c at the top's SRAM shapes, codeword width with secded\"");
    fprintf(j, ", \"coder_logic_area_um2\": ");
    jnum(j, ec->logic_um2);
    fprintf(j, ", \"coder_logic_transistors\": ");
    jnum(j, ec->logic_tr);
    fprintf(j, ", \"coder_logic_source\": ");
    if (ec->logic.present) report_json_str(j, kv_str(&ec->logic, "method"));
    else fprintf(j, "\"not measured: stage ecc-cost did not run or failed\"");
    json_pair(j, "energy_mj_per_token_3b", ec->e_mj);
    fprintf(j, ", \"energy_source\": \"slt_energy_of_events with the headline energy parameters; with secded the wbuf/abuf/obuf "
               "pJ per bit scaled by the modelled codeword-wide access energy\", \"leaves_out\": \"switching energy of the "
               "encoders/decoders (area only), mode-memory accesses (not in the energy model), scrubbing\"}");
}

void ecc_cost_md(FILE *f, const ecc_cost *ec, double area_logic, const char *area_scope)
{
    fprintf(f, "## ECC cost (SECDED per SRAM word)\n\n");
    if (!ec->ok) {
        fprintf(f, "Not computed: the SRAM model refused a buffer shape.\n\n");
        return;
    }
    fprintf(f, "%s\n\n| SRAM | depth | data bits | codeword bits | sky130 µm² none → secded (model) | 28 nm pJ/access none → secded (model) |\n"
               "| --- | --- | --- | --- | --- | --- |\n",
            ec->secded ? "This configuration has `ecc = secded`: the cost it pays against `ecc = none`."
                       : "This configuration has `ecc = none`: what `ecc = secded` would add (same depths, the check bits come on "
                         "top of the configured KiB).");
    for (int i = 0; i < ECC_NBUF; i++) {
        const ecc_buf *b = &ec->buf[i];
        fprintf(f, "| %s | %d | %d | %d%s | %.0f → %.0f | %.3f → %.3f |\n", b->name, b->depth, b->width, b->code,
                b->prot ? "" : " (not protected)", b->a130[0], b->a130[1], b->rd_pj[0], b->rd_pj[1]);
    }
    fprintf(f, "\nSRAM area (MODEL): sky130 %.0f → %.0f µm² (%+.1f %%), 28 nm %.0f → %.0f µm² (%+.1f %%).\n", ec->sram130[0],
            ec->sram130[1], 100 * (ec->sram130[1] / ec->sram130[0] - 1), ec->sram28[0], ec->sram28[1],
            100 * (ec->sram28[1] / ec->sram28[0] - 1));
    if (ec->logic.present && isfinite(ec->logic_um2))
        fprintf(f, "Encoder + decoder logic of every protected SRAM (%s): %.0f transistors (generic), sky130 %.0f µm².\n",
                kv_str(&ec->logic, "method") ? kv_str(&ec->logic, "method") : "stage ecc-cost", ec->logic_tr, ec->logic_um2);
    else if (ec->logic.present)
        fprintf(f, "Encoder + decoder logic of every protected SRAM (%s): %.0f transistors (generic); no liberty, no cell area.\n",
                kv_str(&ec->logic, "method") ? kv_str(&ec->logic, "method") : "stage ecc-cost", ec->logic_tr);
    else
        fprintf(f, "Encoder/decoder logic: not measured (stage ecc-cost did not run or failed).\n");
    if (ec->logic.present && isfinite(ec->logic_um2) && isfinite(area_logic) && area_logic > 0)
        fprintf(f, "That is %.1f %% of the %s logic area (%.0f µm²)%s.\n", 100 * ec->logic_um2 / area_logic, area_scope,
                area_logic, ec->secded ? ", which already contains it" : "");
    if (isfinite(ec->e_mj[0]))
        fprintf(f, "Energy per token, bitnet_b1_58-3B (slt_energy_of_events, headline parameters): %.3f mJ without ECC, "
                   "%.3f mJ with (%+.2f %%): the SRAM accesses move codeword-wide words (modelled; its bank split can make a wider word slightly cheaper per access). Left out: the "
                   "switching energy of the encoders/decoders, mode-memory accesses, scrubbing.\n\n",
                ec->e_mj[0], ec->e_mj[1], 100 * (ec->e_mj[1] / ec->e_mj[0] - 1));
    else
        fprintf(f, "Energy per token: not computed (no logic energy in this run).\n\n");
}
