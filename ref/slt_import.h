/* slt_import.h - `sltref import`: a real checkpoint's ternary linear weights to
 * the project's packed formats, one file per tensor plus a manifest
 * (docs/import.md). */
#ifndef SLT_IMPORT_H
#define SLT_IMPORT_H

#include <stdio.h>

#include "slt_config.h"

typedef struct {
    slt_format format;    /* t2 or t5 (b1 cannot hold ternary weights) */
    const char *tensors;  /* NULL: every candidate; else comma-separated names, each must decode */
    int hf_inverse;       /* safetensors weight_scale is 1/gamma (transformers BitLinear) */
} slt_import_opts;

/* Read `model` (GGUF or safetensors), decode every selected tensor with
 * slt_tf_ternary, pack it and write into the new folder `outdir` (which must
 * not exist): "<name>.<t2|t5>" per tensor (characters outside [A-Za-z0-9._-]
 * become '_') and "manifest.tsv". The folder appears only when everything
 * succeeded (written as a temporary sibling, then renamed). Progress lines go
 * to `log` (may be NULL). Returns 0 or SLT_EXIT_BADINPUT with err. */
int slt_import(const char *model, const char *outdir, const slt_import_opts *o, FILE *log, char *err,
               size_t errlen);

#endif
