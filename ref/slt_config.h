/* slt_config.h - the one configuration that drives the golden model, the
 * generator and the flows. Text format: see docs/config.md. */
#ifndef SLT_CONFIG_H
#define SLT_CONFIG_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Exit status for every bad input (config, .npy, CLI usage). */
#define SLT_EXIT_BADINPUT 2

/* Room for one error message; every API that can fail writes one line here. */
#define SLT_ERRLEN 512

typedef enum { SLT_FMT_T2 = 0, SLT_FMT_T5 = 1, SLT_FMT_B1 = 2 } slt_format;
typedef enum { SLT_ARRAY_LUT = 0, SLT_ARRAY_ADDSUB = 1 } slt_array_kind;
typedef enum { SLT_BUFMODE_AUTO = 0, SLT_BUFMODE_OFF = 1 } slt_buffer_policy;
/* Error protection of every SRAM word (docs/memory.md "ECC"). */
typedef enum { SLT_ECC_NONE = 0, SLT_ECC_SECDED = 1 } slt_ecc_kind;
/* Row order of a weight packet (ref/slt_reorder.h): none, or greedy key-bus toggle reduction. */
typedef enum { SLT_REORDER_NONE = 0, SLT_REORDER_GREEDY = 1 } slt_reorder_policy;

typedef struct {
    char name[64];            /* config name (file stem unless `name` is set) */
    int group_size;           /* G: activations per table, 2..5 */
    int act_bits;             /* activation width: 4, 8 or 16 */
    int lut_units;            /* U: tables built per cycle (K-parallelism) */
    int row_lanes;            /* L: output rows per cycle (M-parallelism) */
    int max_k, max_m, max_n;  /* largest GEMV/GEMM the hardware accepts */
    int acc_bits;             /* accumulator width (derived when absent) */
    slt_format weight_format; /* t2, t5 (ternary) or b1 (binary) */
    int bus_bits;             /* AXI4-Stream / external link width */
    double clock_mhz;         /* target clock */
    int wbuf_kib, abuf_kib, obuf_kib; /* SRAM buffer sizes */
    int pipe_stages;          /* extra pipeline registers in the row lane */
    slt_array_kind array;     /* slt (look-up tables) or addsub (baseline) */
    slt_buffer_policy buffer_mode; /* auto: packer may pick buffer mode */
    slt_ecc_kind ecc;         /* none or secded: Hamming SECDED per SRAM word */
    int clock_gating;         /* 1: registers that hold still get a gated clock (rtl/slt_clock_gate.v) */
    int act_slice_bits;       /* 0: off; 4: activations cut into 4-bit slices, one narrow table per slice */
    slt_reorder_policy reorder; /* packer row order (host side; hardware unchanged) */
    int psum_chunks;          /* C: consecutive chunks a row block stays in the lanes (1, 2, 4, 8; docs/top.md) */
    /* bookkeeping, not part of the hash */
    int acc_bits_given;       /* 1 when acc_bits came from the file/CLI */
} slt_config;

/* Legal range of one integer key, exported so docs and tests use the same numbers. */
typedef struct {
    const char *key;
    long lo, hi;
    const char *help;
} slt_config_range;

/* The built-in default configuration (Slim-Llama-like, same as configs/slim.cfg). */
void slt_config_default(slt_config *cfg);

/* Set one key from text. Returns 0, or SLT_EXIT_BADINPUT with a message in err
 * naming the key, the value and its legal range. */
int slt_config_set(slt_config *cfg, const char *key, const char *value, char *err, size_t errlen);

/* Set from "key=value" (a --set argument). */
int slt_config_set_kv(slt_config *cfg, const char *kv, char *err, size_t errlen);

/* Load a config file on top of cfg (start from slt_config_default). The
 * config name becomes the file stem unless the file sets `name`. */
int slt_config_load(slt_config *cfg, const char *path, char *err, size_t errlen);

/* Check cross-key legality and derive acc_bits. Must be called after all
 * sets/loads. Returns 0 or SLT_EXIT_BADINPUT with a message. */
int slt_config_finish(slt_config *cfg, char *err, size_t errlen);

/* Smallest signed accumulator width that holds max_k * 2^(act_bits-1). */
int slt_config_min_acc_bits(int max_k, int act_bits);

/* FNV-1a 64-bit hash of the canonical text form (written by slt_config_write). */
uint64_t slt_config_hash(const slt_config *cfg);

/* Write the canonical text form (every key, fixed order) to f. */
void slt_config_write(const slt_config *cfg, FILE *f);

const char *slt_format_name(slt_format f);
/* The value of the array key: "slt" or "addsub" (the one place they are spelled). */
const char *slt_array_name(slt_array_kind a);
int slt_format_parse(const char *s, slt_format *f);
/* 1 when the format carries binary {-1,+1} weights. */
static inline int slt_format_is_binary(slt_format f) { return f == SLT_FMT_B1; }

/* Table of integer keys and their legal ranges (NULL-key terminated). */
const slt_config_range *slt_config_ranges(void);

/* Shared CLI helper: parse --config FILE and --set k=v (any order) out of
 * argv, starting from the default; other arguments are left, compacted, in
 * argv with *argc updated. Calls slt_config_finish. */
int slt_config_from_args(slt_config *cfg, int *argc, char **argv, char *err, size_t errlen);

#endif
