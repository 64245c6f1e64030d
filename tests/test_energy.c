/* test_energy - the energy formula (ref/slt_energy.c, slt_energy_of_events) on
 * hand-computed event counts, and the parameters file sltref generate reads
 * (write/load round trip, every malformed or foreign file refused). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "slt_config.h"
#include "slt_energy.h"

/* Hand-made parameters; the expected energies below are worked out by hand. */
static void hand_params(slt_energy_params *p)
{
    memset(p, 0, sizeof *p);
    p->e_cycle_pj = 2;
    p->e_ctrl_pj = 1;
    p->e_build_pj = 3;
    p->e_term_pj = 0.5;
    p->logic_scale = 0.5;
    p->wbuf_pj_per_bit = 0.1, p->wbuf_write_bits = 32, p->wbuf_read_bits = 8;
    p->abuf_pj_per_bit = 0.2, p->abuf_write_bits = 32, p->abuf_read_bits = 48;
    p->obuf_pj_per_bit = 0.3, p->obuf_access_bits = 16;
    p->link_pj_per_bit = 2;
}

static void hand_events(slt_events *e)
{
    memset(e, 0, sizeof *e);
    e->cycles = 100;
    e->table_builds = 10;
    e->lookups = 35; /* accumulates = lookups + buffer_adds: only accumulates is charged */
    e->buffer_adds = 5;
    e->accumulates = 40;
    e->wbuf_writes = 5, e->wbuf_reads = 20;
    e->abuf_writes = 2, e->abuf_reads = 3;
    e->obuf_writes = 4, e->obuf_reads = 4;
    e->link_bytes = 10;
}

#define PJ 1e-9 /* mJ */

static void energy_of_events_matches_hand_computed(void **state)
{
    (void)state;
    slt_energy_params p;
    slt_events e;
    slt_energy_breakdown b;
    hand_params(&p);
    hand_events(&e);
    slt_energy_of_events(&p, &e, &b);
    /* logic: 0.5 * (100*2 + 100*1 + 10*3 + 40*0.5) = 0.5 * 350 = 175 pJ */
    assert_float_equal(b.cycle_mj, 100 * PJ, 1e-18);
    assert_float_equal(b.ctrl_mj, 50 * PJ, 1e-18);
    assert_float_equal(b.build_mj, 15 * PJ, 1e-18);
    assert_float_equal(b.term_mj, 10 * PJ, 1e-18);
    assert_float_equal(b.logic_mj, 175 * PJ, 1e-18);
    /* wbuf (5*32 + 20*8) * 0.1 = 32; abuf (2*32 + 3*48) * 0.2 = 41.6; obuf 8*16*0.3 = 38.4 */
    assert_float_equal(b.wbuf_mj, 32 * PJ, 1e-18);
    assert_float_equal(b.abuf_mj, 41.6 * PJ, 1e-18);
    assert_float_equal(b.obuf_mj, 38.4 * PJ, 1e-18);
    assert_float_equal(b.sram_mj, 112 * PJ, 1e-18);
    assert_float_equal(b.total_mj, 287 * PJ, 1e-18);
    /* link 10 bytes * 8 * 2 = 160 pJ, not in the total */
    assert_float_equal(b.link_mj, 160 * PJ, 1e-18);
}

static void energy_of_events_is_zero_when_idle(void **state)
{
    (void)state;
    slt_energy_params p;
    slt_events e;
    slt_energy_breakdown b;
    hand_params(&p);
    memset(&e, 0, sizeof e);
    slt_energy_of_events(&p, &e, &b);
    assert_true(b.total_mj == 0 && b.link_mj == 0);
}

/* sky130 -> 28 nm: area x (28/130)^2 = 784/16900; logic energy x (28/130) x (0.9/1.8)^2 = 7/130 */
static void energy_scale_28nm_matches_hand_computed(void **state)
{
    (void)state;
    assert_float_equal(slt_area_scale_28nm(), 784.0 / 16900.0, 1e-15);
    assert_float_equal(slt_energy_logic_scale_28nm(), 7.0 / 130.0, 1e-15);
}

static void access_bits_follow_config(void **state)
{
    (void)state;
    slt_config c;
    char err[SLT_ERRLEN];
    slt_config_default(&c);
    assert_int_equal(slt_config_set_kv(&c, "group_size=3", err, sizeof err), 0);
    assert_int_equal(slt_config_set_kv(&c, "lut_units=2", err, sizeof err), 0);
    assert_int_equal(slt_config_set_kv(&c, "row_lanes=4", err, sizeof err), 0);
    assert_int_equal(slt_config_set_kv(&c, "act_bits=8", err, sizeof err), 0);
    assert_int_equal(slt_config_set_kv(&c, "bus_bits=32", err, sizeof err), 0);
    assert_int_equal(slt_config_finish(&c, err, sizeof err), 0);
    slt_energy_params p;
    memset(&p, 0, sizeof p);
    slt_energy_access_bits(&c, &p);
    assert_float_equal(p.wbuf_write_bits, 32, 0);
    assert_float_equal(p.wbuf_read_bits, 4 * 2 * 5, 0); /* G = 3 ternary: 5-bit keys */
    assert_float_equal(p.abuf_read_bits, 2 * 3 * 8, 0);
    assert_float_equal(p.obuf_access_bits, 4.0 * c.acc_bits, 0);
}

/* ---- the parameters file ----------------------------------------------------------- */
static slt_config g_cfg;
static char g_path[64];

static void write_params(const char *drop_key, const char *extra)
{
    slt_energy_params p;
    hand_params(&p);
    snprintf(p.method, sizeof p.method, "gate-level simulation activity");
    snprintf(p.provenance, sizeof p.provenance, "test");
    snprintf(p.node, sizeof p.node, "none");
    snprintf(p.leaves_out, sizeof p.leaves_out, "everything");
    snprintf(p.config_name, sizeof p.config_name, "%s", g_cfg.name);
    p.config_hash = slt_config_hash(&g_cfg);
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    assert_non_null(m);
    assert_int_equal(slt_energy_params_write(&p, m), 0);
    fclose(m);
    FILE *f = fopen(g_path, "w");
    assert_non_null(f);
    for (char *line = strtok(buf, "\n"); line; line = strtok(NULL, "\n"))
        if (!drop_key || strncmp(line, drop_key, strlen(drop_key))) fprintf(f, "%s\n", line);
    if (extra) fputs(extra, f);
    fclose(f);
    free(buf);
}

static int setup_file(void **state)
{
    (void)state;
    char err[SLT_ERRLEN];
    slt_config_default(&g_cfg);
    if (slt_config_finish(&g_cfg, err, sizeof err)) return -1;
    snprintf(g_path, sizeof g_path, "/tmp/test_energy_%d.kv", (int)getpid());
    return 0;
}

static int teardown_file(void **state)
{
    (void)state;
    unlink(g_path);
    return 0;
}

static void params_load_round_trips(void **state)
{
    (void)state;
    write_params(NULL, NULL);
    slt_energy_params p, h;
    char err[SLT_ERRLEN];
    assert_int_equal(slt_energy_params_load(g_path, &g_cfg, &p, err, sizeof err), 0);
    hand_params(&h);
    slt_events e;
    slt_energy_breakdown a, b;
    hand_events(&e);
    slt_energy_of_events(&p, &e, &a);
    slt_energy_of_events(&h, &e, &b);
    assert_true(a.total_mj == b.total_mj && a.link_mj == b.link_mj);
    assert_string_equal(p.method, "gate-level simulation activity");
}

static void expect_refused(const char *what)
{
    slt_energy_params p;
    char err[SLT_ERRLEN] = "";
    assert_int_equal(slt_energy_params_load(g_path, &g_cfg, &p, err, sizeof err), 2);
    assert_non_null(strstr(err, what));
    assert_null(strchr(err, '\n'));
}

static void params_load_rejects_missing_key(void **state)
{
    (void)state;
    write_params("logic.e_term_pj=", NULL);
    expect_refused("missing key 'logic.e_term_pj'");
    write_params("method=", NULL);
    expect_refused("missing key 'method'");
    write_params("format=", NULL);
    expect_refused("no 'format=");
}

static void params_load_rejects_bad_value(void **state)
{
    (void)state;
    write_params("logic.e_cycle_pj=", "logic.e_cycle_pj=nan\n");
    expect_refused("not a finite number");
    write_params("logic.scale=", "logic.scale=-1\n");
    expect_refused("not a finite number");
    write_params(NULL, "logic.scale=1\n");
    expect_refused("duplicate key 'logic.scale'");
    write_params(NULL, "colour=blue\n");
    expect_refused("unknown key 'colour'");
}

static void params_load_rejects_other_config(void **state)
{
    (void)state;
    write_params(NULL, NULL);
    slt_config other = g_cfg;
    other.clock_mhz = g_cfg.clock_mhz + 1;
    slt_energy_params p;
    char err[SLT_ERRLEN] = "";
    assert_int_equal(slt_energy_params_load(g_path, &other, &p, err, sizeof err), 2);
    assert_non_null(strstr(err, "belong to configuration"));
}

static void params_load_rejects_non_regular_file(void **state)
{
    (void)state;
    slt_energy_params p;
    char err[SLT_ERRLEN] = "";
    assert_int_equal(slt_energy_params_load("/tmp", &g_cfg, &p, err, sizeof err), 2);
    assert_non_null(strstr(err, "not a regular file"));
    assert_int_equal(slt_energy_params_load("/nonexistent/x.kv", &g_cfg, &p, err, sizeof err), 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(energy_of_events_matches_hand_computed),
        cmocka_unit_test(energy_of_events_is_zero_when_idle),
        cmocka_unit_test(energy_scale_28nm_matches_hand_computed),
        cmocka_unit_test(access_bits_follow_config),
        cmocka_unit_test(params_load_round_trips),
        cmocka_unit_test(params_load_rejects_missing_key),
        cmocka_unit_test(params_load_rejects_bad_value),
        cmocka_unit_test(params_load_rejects_other_config),
        cmocka_unit_test(params_load_rejects_non_regular_file),
    };
    return cmocka_run_group_tests(tests, setup_file, teardown_file);
}
