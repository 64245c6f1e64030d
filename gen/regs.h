/* regs.h - the control/status register map of the accelerator, from one table.
 *
 * The table (slt_regs_build) is the single source: the AXI4-Lite slave
 * (slt_regs_emit_verilog), the C header for drivers and testbenches
 * (slt_regs_emit_c_header) and docs/regs.md (slt_regs_emit_markdown) are all
 * printed from it. Conventions (also printed into every output):
 *   - 32-bit registers, byte offsets, word aligned, in a 4 KiB window (12 address bits);
 *   - 64-bit counters are _LO/_HI pairs at 8-byte aligned offsets; reading _LO
 *     snapshots the high half, so a following read of the same counter's _HI is atomic;
 *   - access per field: RO, RW, W1C (write 1 to clear), WO (write 1 to pulse, reads 0);
 *   - AXI4-Lite: unmapped offset -> SLVERR (reads return 0, writes have no effect);
 *     writes to RO fields are ignored with OKAY; WSTRB honoured per byte.
 */
#ifndef SLT_REGS_H
#define SLT_REGS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* inside the extern "C" block: slt_config.h has none of its own */
#include "slt_config.h"

/* Version of the generator, printed into every emitted file's header comment. */
#include "slt_version.h"
#ifndef SLT_GEN_VERSION
#define SLT_GEN_VERSION SLT_VERSION
#endif

/* Version of the register map itself (ID_VERSION register): bump MAJOR when an
 * offset or a field meaning changes, MINOR when something is added. */
#define SLT_REGS_VERSION_MAJOR 1
#define SLT_REGS_VERSION_MINOR 1
/* ID_MAGIC: "SLTG" in ASCII, most significant byte first. */
#define SLT_REGS_MAGIC 0x534C5447u
/* Address bits of the register window (4 KiB). */
#define SLT_REGS_ADDR_BITS 12

#define SLT_REGS_MAX 96
#define SLT_REGS_MAX_FIELDS 8
#define SLT_REGS_NAME_LEN 40

typedef enum { SLT_ACC_RO = 0, SLT_ACC_RW = 1, SLT_ACC_W1C = 2, SLT_ACC_WO = 3 } slt_reg_access;

/* Where a field's value lives in hardware; decides the ports of the emitted slave.
 * <port> is lower(REG) when the field is called VALUE, else lower(REG)_lower(FIELD). */
typedef enum {
    SLT_SRC_CONST = 0, /* RO: a constant of the configuration (its reset value) */
    SLT_SRC_IN,        /* RO: input <port>_i from the datapath */
    SLT_SRC_STORE,     /* RW: flip-flops in the slave, output <port>_o */
    SLT_SRC_STICKY,    /* W1C: flip-flop set by input pulse <port>_set_i, cleared by
                          writing 1, output <port>_o; a set wins over a clear */
    SLT_SRC_PULSE,     /* WO: writing 1 makes output <port>_o high for one cycle */
    SLT_SRC_CNT_LO,    /* RO: bits 31:0 of the 64-bit input perf_<counter>_i */
    SLT_SRC_CNT_HI     /* RO: bits 63:32 of it (snapshot taken by the _LO read) */
} slt_reg_source;

typedef struct {
    const char *name;   /* UPPER_SNAKE, unique within the register */
    int lsb, width;     /* bit position and width, within 0..31 */
    slt_reg_access access;
    slt_reg_source src;
    uint32_t reset;     /* reset value (the constant for SLT_SRC_CONST) */
    const char *desc;
} slt_reg_field;

typedef struct {
    char name[SLT_REGS_NAME_LEN]; /* UPPER_SNAKE, unique */
    uint32_t offset;              /* byte offset, multiple of 4 */
    const char *group;            /* identity, config, command, status, perf */
    const char *desc;
    int counter;                  /* index into slt_regs_counters() for _LO/_HI, else -1 */
    int nfields;
    slt_reg_field fields[SLT_REGS_MAX_FIELDS];
} slt_reg;

typedef struct {
    int n;
    slt_reg regs[SLT_REGS_MAX];
} slt_reg_map;

/* A named code: opcodes, error codes, performance counters. Lists end with name NULL. */
typedef struct {
    const char *name;
    uint32_t value;
    const char *desc;
} slt_reg_enum;

const slt_reg_enum *slt_regs_opcodes(void);     /* CMD_CTRL.OPCODE values */
const slt_reg_enum *slt_regs_error_codes(void); /* ERR_CODE.CODE values */
const slt_reg_enum *slt_regs_counters(void);    /* 64-bit performance counters, value = index */

/* Fill map for cfg (a finished configuration). Returns 0. */
int slt_regs_build(const slt_config *cfg, slt_reg_map *map);

/* Register by name, or NULL. */
const slt_reg *slt_regs_find(const slt_reg_map *map, const char *name);
/* Field of a register by name, or NULL. */
const slt_reg_field *slt_reg_field_find(const slt_reg *reg, const char *name);
/* Summary access of a register: the single access of its fields, or "mixed" ones
 * named like "RO/W1C" (text form only). */
const char *slt_reg_access_text(const slt_reg *reg, char *buf, size_t len);
const char *slt_reg_access_name(slt_reg_access a);
/* Reset value of the whole register word. */
uint32_t slt_reg_reset_word(const slt_reg *reg);

/* Module name of the emitted slave: slt_axil_regs_<16 hex digits of the config hash>. */
void slt_regs_module_name(const slt_config *cfg, char *buf, size_t len);

/* Emitters: each writes a complete file to f, starting with a comment naming the
 * generator version, the configuration name and hash. Return 0, or -1 on a write error. */
int slt_regs_emit_verilog(const slt_config *cfg, FILE *f);
int slt_regs_emit_c_header(const slt_config *cfg, FILE *f);
/* `define header for rtl/ (slt_regs_pkg.vh): opcodes, error codes, counter order. */
int slt_regs_emit_verilog_defs(const slt_config *cfg, FILE *f);
int slt_regs_emit_markdown(const slt_config *cfg, FILE *f);

#ifdef __cplusplus
}
#endif

#endif
