/* test_gen_wrapper - the integration wrapper slt_accel (gen/emit_wrapper.c):
 * conventional port names derived from the top's port table, one name per port,
 * exactly the AXI names interface inference looks for, widths kept. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "emit_top.h"
#include "emit_wrapper.h"
#include "gen_design.h"
#include "slt_config.h"

static const char *const k_want[] = {
    "aclk",           "aresetn",        "s_axil_awaddr",  "s_axil_awprot", "s_axil_awvalid", "s_axil_awready",
    "s_axil_wdata",   "s_axil_wstrb",   "s_axil_wvalid",  "s_axil_wready", "s_axil_bresp",   "s_axil_bvalid",
    "s_axil_bready",  "s_axil_araddr",  "s_axil_arprot",  "s_axil_arvalid", "s_axil_arready", "s_axil_rdata",
    "s_axil_rresp",   "s_axil_rvalid",  "s_axil_rready",  "s_axis_tdata",  "s_axis_tvalid",  "s_axis_tready",
    "s_axis_tlast",   "m_axis_tdata",   "m_axis_tvalid",  "m_axis_tready", "m_axis_tlast",   "irq"};
#define N_WANT (sizeof k_want / sizeof k_want[0])

static void wrapper_port_name_maps_conventions(void **state)
{
    (void)state;
    char b[64];
    assert_string_equal(slt_wrapper_port_name("clk_i", b, sizeof b), "aclk");
    assert_string_equal(slt_wrapper_port_name("rst_ni", b, sizeof b), "aresetn");
    assert_string_equal(slt_wrapper_port_name("s_axil_awready_o", b, sizeof b), "s_axil_awready");
    assert_string_equal(slt_wrapper_port_name("m_axis_tdata_o", b, sizeof b), "m_axis_tdata");
    assert_string_equal(slt_wrapper_port_name("irq_o", b, sizeof b), "irq");
    assert_string_equal(slt_wrapper_port_name("x", b, sizeof b), "x");
}

static void wrapper_ports_match_axi_names_for_top(void **state)
{
    (void)state;
    slt_config cfg;
    slt_config_default(&cfg);
    cfg.bus_bits = 128;
    slt_design d;
    slt_design_derive(&cfg, &d);
    em_port ports[SLT_TOP_MAX_PORTS];
    size_t n = slt_top_ports(&d, ports, SLT_TOP_MAX_PORTS);
    assert_int_equal(n, N_WANT);
    int seen[N_WANT] = {0};
    for (size_t i = 0; i < n; i++) {
        char b[64];
        slt_wrapper_port_name(ports[i].name, b, sizeof b);
        size_t k = 0;
        while (k < N_WANT && strcmp(k_want[k], b)) k++;
        if (k == N_WANT) fail_msg("top port %s maps to unexpected name %s", ports[i].name, b);
        assert_int_equal(seen[k], 0);
        seen[k] = 1;
        if (!strcmp(b, "s_axis_tdata") || !strcmp(b, "m_axis_tdata")) assert_int_equal(ports[i].width, 128);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(wrapper_port_name_maps_conventions),
        cmocka_unit_test(wrapper_ports_match_axi_names_for_top),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
