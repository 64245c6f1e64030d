/* test_regs - the register map table (gen/regs.c) and its three emitters. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "regs.h"
#include "slt_config.h"

static char g_err[SLT_ERRLEN];
static char g_dir[64];

static void cfg_named(slt_config *c, const char *name)
{
    char path[1024];
    const char *top = getenv("SLT_TOP") ? getenv("SLT_TOP") : ".";
    slt_config_default(c);
    if (name) {
        snprintf(path, sizeof path, "%s/configs/%s.cfg", top, name);
        assert_int_equal(slt_config_load(c, path, g_err, sizeof g_err), 0);
    }
    assert_int_equal(slt_config_finish(c, g_err, sizeof g_err), 0);
}

static uint32_t mask_of(const slt_reg_field *f)
{
    return (f->width >= 32 ? 0xFFFFFFFFu : ((1u << f->width) - 1u)) << f->lsb;
}

static int tool_available(const char *tool)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "command -v %s >/dev/null 2>&1", tool);
    return system(cmd) == 0;
}

/* Run a shell command; on failure print its output. Returns the exit status. */
static int run(const char *cmd)
{
    char full[4096], log[128];
    snprintf(log, sizeof log, "%s/cmd.log", g_dir);
    snprintf(full, sizeof full, "%s >%s 2>&1", cmd, log);
    int rc = system(full);
    if (rc != 0) {
        fprintf(stderr, "command failed (%d): %s\n", rc, cmd);
        FILE *f = fopen(log, "r");
        char line[512];
        int n = 0;
        while (f && fgets(line, sizeof line, f) && n++ < 40) fputs(line, stderr);
        if (f) fclose(f);
    }
    return rc;
}

static long file_size(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fclose(f);
    return n;
}

/* Emit with fn into a memory buffer (caller frees). */
static char *emit_mem(int (*fn)(const slt_config *, FILE *), const slt_config *c)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    assert_int_equal(fn(c, f), 0);
    fclose(f);
    return buf;
}

static void emit_file(int (*fn)(const slt_config *, FILE *), const slt_config *c, const char *path)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    assert_int_equal(fn(c, f), 0);
    assert_int_equal(fclose(f), 0);
}

static int setup(void **state)
{
    (void)state;
    snprintf(g_dir, sizeof g_dir, "/tmp/slt_regs_XXXXXX");
    return mkdtemp(g_dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", g_dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* ---- the table -------------------------------------------------------------- */

static void regs_table_offsets_aligned_unique_in_window(void **state)
{
    (void)state;
    slt_config c;
    slt_reg_map m;
    cfg_named(&c, NULL);
    assert_int_equal(slt_regs_build(&c, &m), 0);
    assert_true(m.n > 40 && m.n <= SLT_REGS_MAX);
    for (int i = 0; i < m.n; i++) {
        assert_int_equal(m.regs[i].offset % 4, 0);
        assert_true(m.regs[i].offset < (1u << SLT_REGS_ADDR_BITS));
        assert_true(m.regs[i].nfields >= 1);
        assert_non_null(m.regs[i].desc);
        for (int j = 0; j < i; j++) {
            if (m.regs[i].offset == m.regs[j].offset || !strcmp(m.regs[i].name, m.regs[j].name))
                fail_msg("registers %s and %s collide", m.regs[i].name, m.regs[j].name);
        }
    }
}

static void regs_fields_disjoint_and_resets_fit(void **state)
{
    (void)state;
    slt_config c;
    slt_reg_map m;
    cfg_named(&c, NULL);
    slt_regs_build(&c, &m);
    for (int i = 0; i < m.n; i++) {
        const slt_reg *r = &m.regs[i];
        uint32_t used = 0;
        for (int j = 0; j < r->nfields; j++) {
            const slt_reg_field *f = &r->fields[j];
            assert_true(f->lsb >= 0 && f->width >= 1 && f->lsb + f->width <= 32);
            if (used & mask_of(f)) fail_msg("%s.%s overlaps another field", r->name, f->name);
            used |= mask_of(f);
            if (f->width < 32 && (f->reset >> f->width)) fail_msg("%s.%s reset does not fit", r->name, f->name);
            for (int k = 0; k < j; k++) assert_string_not_equal(f->name, r->fields[k].name);
            /* access and source agree */
            switch (f->src) {
            case SLT_SRC_CONST:
            case SLT_SRC_IN:
            case SLT_SRC_CNT_LO:
            case SLT_SRC_CNT_HI: assert_int_equal(f->access, SLT_ACC_RO); break;
            case SLT_SRC_STORE: assert_int_equal(f->access, SLT_ACC_RW); break;
            case SLT_SRC_STICKY: assert_int_equal(f->access, SLT_ACC_W1C); break;
            case SLT_SRC_PULSE: assert_int_equal(f->access, SLT_ACC_WO); break;
            }
        }
    }
}

static void regs_every_counter_present_as_lo_hi_pair(void **state)
{
    (void)state;
    static const char *need[] = {"CYCLES_BUSY", "CYCLES_STALL", "TABLE_BUILDS", "LOOKUPS", "SKIPPED_GROUPS",
                                 "BUFMODE_ADDS", "WBUF_READS", "WBUF_WRITES", "ABUF_READS", "ABUF_WRITES",
                                 "OBUF_READS", "OBUF_WRITES", "LINK_BYTES_IN", "LINK_BYTES_OUT", NULL};
    slt_config c;
    slt_reg_map m;
    char name[64];
    cfg_named(&c, NULL);
    slt_regs_build(&c, &m);
    for (int i = 0; need[i]; i++) {
        snprintf(name, sizeof name, "PERF_%s_LO", need[i]);
        const slt_reg *lo = slt_regs_find(&m, name);
        snprintf(name, sizeof name, "PERF_%s_HI", need[i]);
        const slt_reg *hi = slt_regs_find(&m, name);
        if (!lo || !hi) fail_msg("counter %s missing", need[i]);
        assert_int_equal(lo->offset % 8, 0);
        assert_int_equal(hi->offset, lo->offset + 4);
        assert_int_equal(lo->counter, hi->counter);
        assert_int_equal(lo->fields[0].src, SLT_SRC_CNT_LO);
        assert_int_equal(hi->fields[0].src, SLT_SRC_CNT_HI);
    }
    /* and every listed counter has its pair */
    const slt_reg_enum *cnt = slt_regs_counters();
    for (int i = 0; cnt[i].name; i++) {
        assert_int_equal(cnt[i].value, i);
        snprintf(name, sizeof name, "PERF_%s_LO", cnt[i].name);
        assert_non_null(slt_regs_find(&m, name));
    }
}

static void regs_identity_and_config_readback_match_config(void **state)
{
    (void)state;
    slt_config c;
    slt_reg_map m;
    cfg_named(&c, "tiny");
    slt_regs_build(&c, &m);
    assert_int_equal(slt_reg_reset_word(slt_regs_find(&m, "ID_MAGIC")), 0x534C5447u);
    assert_int_equal(slt_reg_reset_word(slt_regs_find(&m, "ID_VERSION")),
                     (SLT_REGS_VERSION_MAJOR << 16) | SLT_REGS_VERSION_MINOR);
    uint64_t h = slt_config_hash(&c);
    assert_int_equal(slt_reg_reset_word(slt_regs_find(&m, "ID_CONFIG_HASH_LO")), (uint32_t)h);
    assert_int_equal(slt_reg_reset_word(slt_regs_find(&m, "ID_CONFIG_HASH_HI")), (uint32_t)(h >> 32));
    struct { const char *reg; long v; } want[] = {
        {"CFG_GROUP_SIZE", c.group_size}, {"CFG_ACT_BITS", c.act_bits}, {"CFG_LUT_UNITS", c.lut_units},
        {"CFG_ROW_LANES", c.row_lanes},   {"CFG_MAX_K", c.max_k},       {"CFG_MAX_M", c.max_m},
        {"CFG_MAX_N", c.max_n},           {"CFG_ACC_BITS", c.acc_bits}, {"CFG_BUS_BITS", c.bus_bits},
        {"CFG_WBUF_KIB", c.wbuf_kib},     {"CFG_ABUF_KIB", c.abuf_kib}, {"CFG_OBUF_KIB", c.obuf_kib},
        {"CFG_CLOCK_KHZ", 200000},        {"CFG_WEIGHT_FORMAT", SLT_FMT_T2},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const slt_reg *r = slt_regs_find(&m, want[i].reg);
        if (!r) fail_msg("%s missing", want[i].reg);
        assert_int_equal(slt_reg_reset_word(r), (uint32_t)want[i].v);
        for (int j = 0; j < r->nfields; j++) assert_int_equal(r->fields[j].src, SLT_SRC_CONST);
    }
}

static void regs_command_status_and_codes_complete(void **state)
{
    (void)state;
    slt_config c;
    slt_reg_map m;
    cfg_named(&c, NULL);
    slt_regs_build(&c, &m);
    const slt_reg *ctrl = slt_regs_find(&m, "CMD_CTRL");
    assert_non_null(ctrl);
    assert_non_null(slt_reg_field_find(ctrl, "OPCODE"));
    assert_int_equal(slt_reg_field_find(ctrl, "FORMAT")->reset, SLT_FMT_T5);
    for (const char *n = "CMD_M\0CMD_K\0CMD_N\0"; *n; n += strlen(n) + 1) {
        const slt_reg *r = slt_regs_find(&m, n);
        assert_non_null(r);
        assert_int_equal(r->fields[0].access, SLT_ACC_RW);
    }
    const slt_reg *db = slt_regs_find(&m, "CMD_DOORBELL");
    assert_int_equal(slt_reg_field_find(db, "GO")->access, SLT_ACC_WO);
    const slt_reg *st = slt_regs_find(&m, "STATUS");
    assert_int_equal(slt_reg_field_find(st, "BUSY")->access, SLT_ACC_RO);
    assert_int_equal(slt_reg_field_find(st, "DONE")->access, SLT_ACC_W1C);
    assert_int_equal(slt_reg_field_find(st, "ERROR")->access, SLT_ACC_W1C);
    assert_non_null(slt_regs_find(&m, "ERR_CODE"));
    assert_non_null(slt_regs_find(&m, "ERR_COUNT"));

    for (const char *n = "ECC_CORRECTED\0ECC_UNCORRECTED\0"; *n; n += strlen(n) + 1) {
        const slt_reg *r = slt_regs_find(&m, n);
        assert_non_null(r);
        assert_int_equal(r->fields[0].access, SLT_ACC_RO);
        assert_int_equal(r->fields[0].src, SLT_SRC_IN);
    }
    static const char *errs[] = {"M_ZERO", "K_TOO_LARGE", "BAD_FORMAT", "BAD_WEIGHT_CODE", "STREAM_SHORT",
                                 "STREAM_LONG", "ECC_UNCORRECTABLE", NULL};
    const slt_reg_enum *e = slt_regs_error_codes();
    for (int i = 0; errs[i]; i++) {
        int found = 0;
        for (int j = 0; e[j].name; j++) found |= !strcmp(e[j].name, errs[i]);
        if (!found) fail_msg("error code %s missing", errs[i]);
    }
    uint32_t width_max = 0xFF; /* ERR_CODE.VALUE is 8 bits */
    for (int j = 0; e[j].name; j++) {
        assert_true(e[j].value <= width_max);
        for (int k = 0; k < j; k++) assert_int_not_equal(e[j].value, e[k].value);
    }
    assert_int_equal(e[0].value, 0); /* NONE */
    static const char *ops[] = {"LOAD_ACT", "LOAD_WEIGHTS", "GEMV", "GEMM", NULL};
    const slt_reg_enum *o = slt_regs_opcodes();
    for (int i = 0; ops[i]; i++) {
        int found = 0;
        for (int j = 0; o[j].name; j++) found |= !strcmp(o[j].name, ops[i]) && o[j].value < 16;
        if (!found) fail_msg("opcode %s missing", ops[i]);
    }
}

static void regs_access_text_names_mixed_registers(void **state)
{
    (void)state;
    slt_config c;
    slt_reg_map m;
    char buf[32];
    cfg_named(&c, NULL);
    slt_regs_build(&c, &m);
    assert_string_equal(slt_reg_access_text(slt_regs_find(&m, "STATUS"), buf, sizeof buf), "RO/W1C");
    assert_string_equal(slt_reg_access_text(slt_regs_find(&m, "CMD_M"), buf, sizeof buf), "RW");
    assert_string_equal(slt_reg_access_text(slt_regs_find(&m, "CMD_DOORBELL"), buf, sizeof buf), "WO");
    assert_null(slt_regs_find(&m, "NO_SUCH_REG"));
}

/* ---- emitters ------------------------------------------------------------- */

static void regs_emit_headers_name_version_config_hash(void **state)
{
    (void)state;
    slt_config c;
    char hash[32];
    cfg_named(&c, "tiny");
    snprintf(hash, sizeof hash, "0x%016llx", (unsigned long long)slt_config_hash(&c));
    int (*fns[])(const slt_config *, FILE *) = {slt_regs_emit_verilog, slt_regs_emit_c_header, slt_regs_emit_markdown};
    for (int i = 0; i < 3; i++) {
        char *t = emit_mem(fns[i], &c);
        char head[600];
        snprintf(head, sizeof head, "%.599s", t);
        assert_non_null(strstr(head, "sltgen " SLT_GEN_VERSION));
        assert_non_null(strstr(head, "Configuration: tiny"));
        assert_non_null(strstr(head, hash));
        free(t);
    }
}

static void regs_module_name_follows_config(void **state)
{
    (void)state;
    slt_config a, b;
    char na[64], nb[64];
    cfg_named(&a, NULL);
    cfg_named(&b, "tiny");
    slt_regs_module_name(&a, na, sizeof na);
    slt_regs_module_name(&b, nb, sizeof nb);
    assert_int_equal(strncmp(na, "slt_axil_regs_", 14), 0);
    assert_int_equal(strlen(na), 14 + 16);
    assert_string_not_equal(na, nb);
    char *v = emit_mem(slt_regs_emit_verilog, &b);
    char want[80];
    snprintf(want, sizeof want, "module %s (", nb);
    assert_non_null(strstr(v, want));
    free(v);
}

/* the clock-gating primitive the slave instantiates with clock_gating = on (tests run
   from the repository root) */
static const char k_cg_v[] = "rtl/slt_clock_gate.v";

static void regs_emit_verilog_lint_clean(void **state)
{
    (void)state;
    const char *cfgs[] = {NULL, "tiny"};
    int ran = 0;
    for (int i = 0; i < 2; i++) {
        slt_config c;
        char mod[64], path[256], cmd[1024], log[300];
        cfg_named(&c, cfgs[i]);
        slt_regs_module_name(&c, mod, sizeof mod);
        snprintf(path, sizeof path, "%s/%s.v", g_dir, mod);
        emit_file(slt_regs_emit_verilog, &c, path);
        if (tool_available("verilator")) {
            snprintf(cmd, sizeof cmd, "verilator --lint-only -Wall --top-module %s %s %s", mod, path, k_cg_v);
            assert_int_equal(run(cmd), 0);
            ran++;
        }
        if (tool_available("iverilog")) {
            /* exit status 0 and not one warning */
            snprintf(log, sizeof log, "%s/iverilog.log", g_dir);
            snprintf(cmd, sizeof cmd, "iverilog -g2005 -Wall -s %s -o %s/a.vvp %s %s >%s 2>&1", mod, g_dir, path, k_cg_v,
                     log);
            assert_int_equal(system(cmd), 0);
            assert_int_equal(file_size(log), 0);
            ran++;
        }
        if (tool_available("yosys")) {
            snprintf(cmd, sizeof cmd, "yosys -q -p 'read_verilog %s %s; synth -top %s; check -assert'", path, k_cg_v, mod);
            assert_int_equal(run(cmd), 0);
            ran++;
        }
    }
    if (!ran) skip();
}

static void regs_emit_c_header_compiles_and_matches_table(void **state)
{
    (void)state;
    if (!tool_available("cc")) skip();
    slt_config c;
    slt_reg_map m;
    char hpath[256], cpath[256], cmd[1024];
    cfg_named(&c, NULL);
    slt_regs_build(&c, &m);
    snprintf(hpath, sizeof hpath, "%s/slt_regs.h", g_dir);
    emit_file(slt_regs_emit_c_header, &c, hpath);
    /* a C file asserting, at compile time, every offset, reset word and field mask */
    snprintf(cpath, sizeof cpath, "%s/check.c", g_dir);
    FILE *f = fopen(cpath, "w");
    assert_non_null(f);
    fprintf(f, "#include \"slt_config.h\"\n#include \"slt_regs.h\"\n#include \"slt_regs.h\"\n");
    for (int i = 0; i < m.n; i++) {
        const slt_reg *r = &m.regs[i];
        fprintf(f, "_Static_assert(SLT_REG_%s == 0x%Xu, \"offset\");\n", r->name, r->offset);
        fprintf(f, "_Static_assert(SLT_REG_%s_RESET == 0x%Xu, \"reset\");\n", r->name, slt_reg_reset_word(r));
        for (int j = 0; j < r->nfields; j++)
            fprintf(f, "_Static_assert(SLT_REG_%s_%s_MASK == 0x%Xu && SLT_REG_%s_%s_SHIFT == %d, \"field\");\n", r->name,
                    r->fields[j].name, mask_of(&r->fields[j]), r->name, r->fields[j].name, r->fields[j].lsb);
    }
    fprintf(f, "_Static_assert(SLT_REGS_CONFIG_HASH == 0x%llxULL, \"hash\");\n",
            (unsigned long long)slt_config_hash(&c));
    fprintf(f, "_Static_assert(SLT_ERR_BAD_WEIGHT_CODE == 9u && SLT_OP_GEMM == 4u, \"codes\");\n");
    fprintf(f, "_Static_assert(SLT_PERF_LO(SLT_PERF_LOOKUPS) == SLT_REG_PERF_LOOKUPS_LO, \"perf\");\n");
    fprintf(f, "_Static_assert(SLT_PERF_HI(SLT_PERF_LOOKUPS) == SLT_REG_PERF_LOOKUPS_HI, \"perf\");\n");
    fprintf(f, "#define COUNT(N, O, R, W) +1\n_Static_assert(0 SLT_REGS_FOREACH(COUNT) == %d, \"foreach\");\n", m.n);
    fprintf(f, "int main(void) { return 0; }\n");
    fclose(f);
    const char *top = getenv("SLT_TOP") ? getenv("SLT_TOP") : ".";
    snprintf(cmd, sizeof cmd, "cc -std=c11 -Wall -Wextra -Werror -pedantic -I%s -I%s/ref -fsyntax-only %s", g_dir, top,
             cpath);
    assert_int_equal(run(cmd), 0);
    snprintf(cmd, sizeof cmd, "c++ -std=c++17 -Wall -Wextra -Werror -x c++ -I%s -I%s/ref -fsyntax-only %s", g_dir,
             top, hpath);
    if (tool_available("c++")) assert_int_equal(run(cmd), 0);
}

static void regs_emit_markdown_lists_every_register(void **state)
{
    (void)state;
    slt_config c;
    slt_reg_map m;
    cfg_named(&c, NULL);
    slt_regs_build(&c, &m);
    char *md = emit_mem(slt_regs_emit_markdown, &c);
    char row[128];
    for (int i = 0; i < m.n; i++) {
        snprintf(row, sizeof row, "| `0x%03X` | `%s` |", m.regs[i].offset, m.regs[i].name);
        if (!strstr(md, row)) fail_msg("docs row missing: %s", row);
    }
    const slt_reg_enum *e = slt_regs_error_codes();
    for (int j = 0; e[j].name; j++) {
        snprintf(row, sizeof row, "| %u | `%s` |", (unsigned)e[j].value, e[j].name);
        assert_non_null(strstr(md, row));
    }
    free(md);
}

static void regs_docs_regs_md_up_to_date(void **state)
{
    (void)state;
    slt_config c;
    char path[1024];
    const char *top = getenv("SLT_TOP") ? getenv("SLT_TOP") : ".";
    snprintf(path, sizeof path, "%s/docs/regs.md", top);
    FILE *f = fopen(path, "rb");
    if (!f) fail_msg("%s missing: run `make regs-doc`", path);
    char *disk = NULL;
    size_t cap = 0, len = 0;
    for (int ch; (ch = fgetc(f)) != EOF;) {
        if (len + 1 >= cap) {
            cap = cap ? 2 * cap : 4096;
            disk = realloc(disk, cap);
            assert_non_null(disk);
        }
        disk[len++] = (char)ch;
    }
    fclose(f);
    if (disk) disk[len] = '\0';
    cfg_named(&c, "slim");
    char *gen = emit_mem(slt_regs_emit_markdown, &c);
    if (!disk || strcmp(disk, gen)) {
        free(disk);
        free(gen);
        fail_msg("docs/regs.md differs from the generator output: run `make regs-doc`");
    }
    free(disk);
    free(gen);
}

static void regs_emit_reports_write_error(void **state)
{
    (void)state;
    slt_config c;
    cfg_named(&c, NULL);
    int (*fns[])(const slt_config *, FILE *) = {slt_regs_emit_verilog, slt_regs_emit_c_header, slt_regs_emit_markdown};
    for (int i = 0; i < 3; i++) {
        FILE *f = fopen("/dev/null", "r"); /* writes fail on a read-only stream */
        assert_non_null(f);
        assert_int_equal(fns[i](&c, f), -1);
        fclose(f);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(regs_table_offsets_aligned_unique_in_window),
        cmocka_unit_test(regs_fields_disjoint_and_resets_fit),
        cmocka_unit_test(regs_every_counter_present_as_lo_hi_pair),
        cmocka_unit_test(regs_identity_and_config_readback_match_config),
        cmocka_unit_test(regs_command_status_and_codes_complete),
        cmocka_unit_test(regs_access_text_names_mixed_registers),
        cmocka_unit_test(regs_emit_headers_name_version_config_hash),
        cmocka_unit_test(regs_module_name_follows_config),
        cmocka_unit_test(regs_emit_verilog_lint_clean),
        cmocka_unit_test(regs_emit_c_header_compiles_and_matches_table),
        cmocka_unit_test(regs_emit_markdown_lists_every_register),
        cmocka_unit_test(regs_docs_regs_md_up_to_date),
        cmocka_unit_test(regs_emit_reports_write_error),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
