/* test_sram_model - the SRAM area/energy model (gen/sram_model.c): its anchors
 * reproduce the published numbers it was built from, it is monotonic, it banks
 * large memories, and it rejects bad arguments. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>

#include "sram_model.h"

static double rel(double a, double b) { return fabs(a - b) / fabs(b); }

static void sram_model_28nm_32kib_bank_matches_hand_calculation(void **state)
{
    (void)state;
    slt_sram_estimate e;
    assert_int_equal(slt_sram_estimate_of(SLT_NODE_28NM, 4096, 64, &e), 0);
    assert_int_equal(e.banks, 1);
    /* 262144 bits * 0.127/0.60 um^2 + 16384 * 0.127/0.60 um^2 */
    double area = (262144.0 + 16384.0) * 0.127 / 0.60;
    assert_true(rel(e.area_um2, area) < 1e-9);
    assert_true(rel(e.efficiency, 262144.0 * 0.127 / area) < 1e-9);
    /* (28/45) * 10 pJ * 4^0.475 */
    assert_true(rel(e.read_pj, 28.0 / 45.0 * 10.0 * pow(4.0, 0.475)) < 1e-9);
    assert_true(e.write_pj == e.read_pj);
    assert_true(rel(e.pj_per_bit, e.read_pj / 64.0) < 1e-12);
}

static void sram_model_energy_anchor_reproduces_horowitz_45nm(void **state)
{
    (void)state;
    /* 64-bit access at 45 nm / 0.9 V: 8 KiB 10 pJ, 32 KiB 20 pJ, 1 MiB 100 pJ. Undo the
     * 28 nm scaling for the sizes that fit one bank; 1 MiB through the raw law. */
    const slt_sram_tech *t = slt_sram_tech_get(SLT_NODE_28NM);
    double s = slt_sram_energy_scale(t);
    assert_true(rel(s, 28.0 / 45.0) < 1e-12);
    slt_sram_estimate e8, e32;
    assert_int_equal(slt_sram_estimate_of(SLT_NODE_28NM, 1024, 64, &e8), 0);
    assert_int_equal(slt_sram_estimate_of(SLT_NODE_28NM, 4096, 64, &e32), 0);
    assert_true(rel(e8.read_pj / s, 10.0) < 0.05);
    assert_true(rel(e32.read_pj / s, 20.0) < 0.05);
    assert_true(rel(10.0 * pow(1048576.0 / 8192.0, 0.475), 100.0) < 0.05);
}

static void sram_model_sky130_fit_within_10_percent_of_macros(void **state)
{
    (void)state;
    /* SRAM22 sky130 single-port macro outlines (LEF SIZE), um */
    struct { double words, w, h; } m[] = {{512, 443.280, 448.720}, {1024, 764.240, 460.280}, {2048, 674.480, 781.920}};
    for (int i = 0; i < 3; i++) {
        slt_sram_estimate e;
        assert_int_equal(slt_sram_estimate_of(SLT_NODE_SKY130, m[i].words, 32, &e), 0);
        assert_int_equal(e.banks, 1);
        double real = m[i].w * m[i].h;
        if (rel(e.area_um2, real) > 0.10) fail_msg("%g words: model %g um^2, macro %g um^2", m[i].words, e.area_um2, real);
        assert_true(e.efficiency == 0.0);
    }
    assert_true(rel(slt_sram_energy_scale(slt_sram_tech_get(SLT_NODE_SKY130)), 130.0 / 45.0 * 4.0) < 1e-12);
}

static void sram_model_monotonic_and_banked(void **state)
{
    (void)state;
    for (int node = 0; node < 2; node++) {
        const slt_sram_tech *t = slt_sram_tech_get((slt_sram_node)node);
        assert_non_null(t);
        double prev_area = 0;
        for (double depth = 16; depth <= 1 << 20; depth *= 2) {
            slt_sram_estimate e;
            assert_int_equal(slt_sram_estimate_of((slt_sram_node)node, depth, 64, &e), 0);
            assert_true(e.area_um2 > prev_area);
            assert_true(e.bank_bits <= t->max_bank_bits);
            assert_true(e.read_pj > 0);
            assert_int_equal(e.banks, (int)ceil(depth * 64 / t->max_bank_bits));
            prev_area = e.area_um2;
        }
        /* wider words cost more per access, same per bit at equal bank size */
        slt_sram_estimate a, b;
        slt_sram_estimate_of((slt_sram_node)node, 1024, 32, &a);
        slt_sram_estimate_of((slt_sram_node)node, 512, 64, &b);
        assert_true(b.read_pj > a.read_pj);
        assert_true(rel(a.pj_per_bit, b.pj_per_bit) < 1e-9);
    }
}

static void sram_model_rejects_bad_arguments(void **state)
{
    (void)state;
    slt_sram_estimate e = {0};
    slt_sram_node n;
    assert_int_equal(slt_sram_estimate_of(SLT_NODE_28NM, 0, 8, &e), -1);
    assert_int_equal(slt_sram_estimate_of(SLT_NODE_28NM, 16, 0, &e), -1);
    assert_int_equal(slt_sram_estimate_of((slt_sram_node)7, 16, 8, &e), -1);
    assert_null(slt_sram_tech_get((slt_sram_node)7));
    assert_int_equal(slt_sram_node_parse("28nm", &n), 0);
    assert_int_equal(n, SLT_NODE_28NM);
    assert_int_equal(slt_sram_node_parse("sky130", &n), 0);
    assert_int_equal(n, SLT_NODE_SKY130);
    assert_int_equal(slt_sram_node_parse("7nm", &n), -1);
}

/* Not a check: prints the figures quoted in synth/sram_model.md for the slim buffers. */
static void sram_model_timing_sky130_fit_within_1_percent_of_sram22(void **state)
{
    (void)state;
    /* SRAM22 tt liberty, clk -> dout max(rise, fall) at 7 fF: 512x32, 1024x32, 2048x32 */
    const double d[3] = {512, 1024, 2048}, cq[3] = {3.656, 4.026, 4.603};
    for (int i = 0; i < 3; i++) {
        slt_sram_timing t;
        assert_int_equal(slt_sram_timing_of(SLT_NODE_SKY130, d[i], 32, &t), 0);
        assert_int_equal(t.banks, 1);
        assert_int_equal(t.mux_levels, 0);
        assert_true(rel(t.clk_q_ns, cq[i]) < 0.01);
        assert_true(t.clk_q_ns == t.bank_clk_q_ns);
        assert_true(t.setup_ns > 0.2 && t.setup_ns < 0.5);
        assert_true(t.hold_ns > 0.0 && t.hold_ns < t.setup_ns);
    }
}

static void sram_model_timing_banks_add_mux_levels(void **state)
{
    (void)state;
    slt_sram_timing one, many;
    /* 64 Kbit: one bank; 2 Mbit: 32 banks of 64 Kbit -> 5 mux levels of 0.20 ns */
    assert_int_equal(slt_sram_timing_of(SLT_NODE_SKY130, 1024, 64, &one), 0);
    assert_int_equal(slt_sram_timing_of(SLT_NODE_SKY130, 32768, 64, &many), 0);
    assert_int_equal(one.banks, 1);
    assert_int_equal(many.banks, 32);
    assert_int_equal(many.mux_levels, 5);
    assert_true(rel(many.bank_clk_q_ns, one.bank_clk_q_ns) < 1e-12);
    assert_true(rel(many.clk_q_ns, one.clk_q_ns + 5 * 0.20) < 1e-12);
    assert_true(rel(many.setup_ns, one.setup_ns + 5 * 0.20) < 1e-12);
    /* 28 nm has no timing basis; bad shapes are refused */
    assert_int_equal(slt_sram_timing_of(SLT_NODE_28NM, 1024, 64, &one), -1);
    assert_int_equal(slt_sram_timing_of(SLT_NODE_SKY130, 0, 64, &one), -1);
    assert_int_equal(slt_sram_timing_of(SLT_NODE_SKY130, 1024, 0, &one), -1);
}

static void sram_model_print_slim_buffers(void **state)
{
    (void)state;
    static const struct { const char *name; double kib; } buf[] = {{"wbuf", 256}, {"abuf", 96}, {"obuf", 128}};
    for (int node = 0; node < 2; node++) {
        double total = 0;
        for (int i = 0; i < 3; i++) {
            slt_sram_estimate e;
            assert_int_equal(slt_sram_estimate_of((slt_sram_node)node, buf[i].kib * 1024 * 8 / 64, 64, &e), 0);
            printf("sram_model %-6s %s %4.0f KiB x64: %2d banks, %.4f mm^2, read/write %.2f pJ per 64-bit word (%.3f pJ/bit)\n",
                   slt_sram_tech_get((slt_sram_node)node)->name, buf[i].name, buf[i].kib, e.banks, e.area_um2 / 1e6,
                   e.read_pj, e.pj_per_bit);
            total += e.area_um2;
        }
        printf("sram_model %-6s total %.4f mm^2\n", slt_sram_tech_get((slt_sram_node)node)->name, total / 1e6);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sram_model_28nm_32kib_bank_matches_hand_calculation),
        cmocka_unit_test(sram_model_energy_anchor_reproduces_horowitz_45nm),
        cmocka_unit_test(sram_model_sky130_fit_within_10_percent_of_macros),
        cmocka_unit_test(sram_model_monotonic_and_banked),
        cmocka_unit_test(sram_model_rejects_bad_arguments),
        cmocka_unit_test(sram_model_timing_sky130_fit_within_1_percent_of_sram22),
        cmocka_unit_test(sram_model_timing_banks_add_mux_levels),
        cmocka_unit_test(sram_model_print_slim_buffers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
