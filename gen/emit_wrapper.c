/* emit_wrapper.c - the integration wrapper slt_accel (emit_wrapper.h). Its
 * ports are the top's (slt_top_ports, the one table) under conventional names. */
#include "emit_wrapper.h"

#include <stdio.h>
#include <string.h>

#include "emit_top.h"
#include "emit_util.h"

#define WRAP_PATH 4096
#define WRAP_NAME 64

const char *slt_wrapper_port_name(const char *top_port, char *buf, size_t len)
{
    size_t n = strlen(top_port);
    if (!strcmp(top_port, "clk_i")) {
        snprintf(buf, len, "aclk");
    } else if (!strcmp(top_port, "rst_ni")) {
        snprintf(buf, len, "aresetn");
    } else if (n > 2 && top_port[n - 2] == '_' && (top_port[n - 1] == 'i' || top_port[n - 1] == 'o')) {
        snprintf(buf, len, "%.*s", (int)(n - 2), top_port);
    } else {
        snprintf(buf, len, "%s", top_port);
    }
    return buf;
}

static void emit_wrapper(slt_emitter *e, const slt_design *d, const char *top)
{
    em_port ports[SLT_TOP_MAX_PORTS];
    size_t n = slt_top_ports(d, ports, SLT_TOP_MAX_PORTS);
    static char names[SLT_TOP_MAX_PORTS][WRAP_NAME];
    em_port outer[SLT_TOP_MAX_PORTS];
    for (size_t i = 0; i < n; i++) {
        outer[i] = ports[i];
        outer[i].name = slt_wrapper_port_name(ports[i].name, names[i], WRAP_NAME);
        if (!strcmp(ports[i].name, "rst_ni")) outer[i].doc = "asynchronous assertion, active low";
    }
    em_file_header(e, d, SLT_ACCEL_MODULE, "integration wrapper: conventional AXI port names around the top");
    em_line(e, "// Ports: aclk, aresetn, s_axil_* (AXI4-Lite slave), s_axis_* (AXI4-Stream in),");
    em_line(e, "// m_axis_* (AXI4-Stream out), irq: the names AXI interface inference expects.");
    em_line(e, "// Inside: %s (docs/top.md); the wrapper adds no logic.", top);
    em_blank(e);
    em_module_begin(e, SLT_ACCEL_MODULE, outer, n);
    em_open(e, "%s u_top (", top);
    for (size_t i = 0; i < n; i++) em_line(e, ".%s(%s)%s", ports[i].name, outer[i].name, i + 1 < n ? "," : "");
    em_close(e, ");");
    em_module_end(e, SLT_ACCEL_MODULE);
}

int slt_gen_write_wrapper(const char *dir, const slt_design *d, char *err, size_t errlen)
{
    char path[WRAP_PATH], top[WRAP_NAME];
    slt_top_module_name(d, top, sizeof top);
    snprintf(path, sizeof path, "%s/top/%s.v", dir, SLT_ACCEL_MODULE);
    FILE *f = fopen(path, "w");
    if (!f) return slt_gen_io_fail(err, errlen, "cannot write", path);
    slt_emitter e;
    em_init(&e, f);
    emit_wrapper(&e, d, top);
    int bad = ferror(f);
    if (fclose(f) || bad) return slt_gen_io_fail(err, errlen, "error writing", path);
    snprintf(path, sizeof path, "%s/params.mk", dir);
    f = fopen(path, "a");
    if (!f) return slt_gen_io_fail(err, errlen, "cannot append to", path);
    fprintf(f, "# integration wrapper (gen/emit_wrapper.c, docs/top.md): conventional AXI port names\n");
    fprintf(f, "SLT_ACCEL := %s\n", SLT_ACCEL_MODULE);
    fprintf(f, "SLT_ACCEL_FILES := $(SLT_TOP_FILES) $(SLT_DIR)/top/%s.v\n", SLT_ACCEL_MODULE);
    bad = ferror(f);
    if (fclose(f) || bad) return slt_gen_io_fail(err, errlen, "error writing", path);
    return 0;
}
