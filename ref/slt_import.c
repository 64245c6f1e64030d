/* slt_import.c - see slt_import.h. */
#include "slt_import.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "slt_npy.h"
#include "slt_pack.h"
#include "slt_tensorfile.h"
#include "slt_err.h"

#define MAX_FILE_NAME 200

typedef struct {
    const char *outdir;
    char tmp[4096];
    char **files; /* written so far, for clean-up */
    size_t nfiles;
    FILE *manifest_mem;
    char *manifest;
    size_t manifest_len;
    int nimported;
} job;

static void sanitize(const char *name, char *out)
{
    size_t i = 0;
    for (; name[i]; i++) {
        char ch = name[i];
        int ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '.' ||
                 ch == '_' || ch == '-';
        out[i] = ok ? ch : '_';
    }
    out[i] = '\0';
    if (!strcmp(out, ".") || !strcmp(out, "..") || !strcmp(out, "manifest.tsv")) out[0] = '_';
}

/* One written file, remembered for clean-up. */
static int write_file(job *j, const char *fname, const void *data, size_t len, char *err, size_t errlen)
{
    char path[4400];
    snprintf(path, sizeof path, "%s/%s", j->tmp, fname);
    char **nf = realloc(j->files, (j->nfiles + 1) * sizeof *nf);
    if (!nf) return slt_fail(err, errlen, "out of memory");
    j->files = nf;
    if (!(j->files[j->nfiles] = malloc(strlen(path) + 1))) return slt_fail(err, errlen, "out of memory");
    strcpy(j->files[j->nfiles++], path);
    if (access(path, F_OK) == 0)
        return slt_fail(err, errlen, "%s: two tensors map to the file name '%s'", j->outdir, fname);
    return slt_write_atomic(path, data, len, err, errlen);
}

static void cleanup(job *j)
{
    for (size_t i = 0; i < j->nfiles; i++) {
        unlink(j->files[i]);
        free(j->files[i]);
    }
    free(j->files);
    if (j->tmp[0]) rmdir(j->tmp);
}

/* Decode, pack, write one tensor. quiet_refusal: a refusal is reported as
 * "skip" on the log instead of failing (float tensors not asked for by name). */
static int import_one(job *j, const slt_tensorfile *tf, const slt_tf_tensor *t, const slt_import_opts *o,
                      int quiet_refusal, FILE *log, char *err, size_t errlen)
{
    int8_t *w;
    int m, k;
    float gamma;
    int rc = slt_tf_ternary(tf, t->name, &w, &m, &k, &gamma, err, errlen);
    if (rc) {
        if (!quiet_refusal) return rc;
        if (log) fprintf(log, "skip   %s (%s): %s\n", t->name, slt_tf_dtype_name(t->dtype), err);
        return 0;
    }
    size_t n = (size_t)m * (size_t)k, nb = slt_packed_bytes(o->format, n);
    uint8_t *packed = malloc(nb ? nb : 1);
    char fname[4300], base[4200];
    if (!packed) rc = slt_fail(err, errlen, "%s: tensor '%s': out of memory", slt_tf_path(tf), t->name);
    else if (strlen(t->name) > MAX_FILE_NAME)
        rc = slt_fail(err, errlen, "%s: tensor name '%.40s...' longer than %d characters", slt_tf_path(tf), t->name,
                  MAX_FILE_NAME);
    else if (slt_pack(o->format, w, n, packed, err, errlen))
        rc = SLT_EXIT_BADINPUT;
    if (!rc) {
        sanitize(t->name, base);
        snprintf(fname, sizeof fname, "%s.%s", base, slt_format_name(o->format));
        rc = write_file(j, fname, packed, nb, err, errlen);
    }
    if (!rc) {
        fprintf(j->manifest_mem, "%s\t%s\t%d\t%d\t%s\t%.9g\t%a\t%s\n", t->name, fname, m, k,
                slt_format_name(o->format), (double)gamma, (double)gamma, slt_tf_dtype_name(t->dtype));
        if (log) fprintf(log, "import %s (%s) [%d,%d] gamma=%.9g -> %s\n", t->name, slt_tf_dtype_name(t->dtype), m, k,
                         (double)gamma, fname);
        j->nimported++;
    }
    free(packed);
    free(w);
    return rc;
}

/* The tensors named in o->tensors (comma-separated), each must exist and decode. */
static int import_named(job *j, const slt_tensorfile *tf, const slt_import_opts *o, FILE *log, char *err,
                        size_t errlen)
{
    const char *p = o->tensors;
    while (*p) {
        size_t n = strcspn(p, ",");
        char name[4200];
        if (n == 0 || n >= sizeof name) return slt_fail(err, errlen, "--tensor: empty or too long name in '%s'", o->tensors);
        memcpy(name, p, n);
        name[n] = '\0';
        const slt_tf_tensor *t = slt_tf_find(tf, name);
        if (!t) return slt_fail(err, errlen, "%s: no tensor '%s'", slt_tf_path(tf), name);
        int rc = import_one(j, tf, t, o, 0, log, err, errlen);
        if (rc) return rc;
        p += n;
        if (*p == ',') p++;
    }
    return 0;
}

static int import_all(job *j, const slt_tensorfile *tf, const slt_import_opts *o, FILE *log, char *err, size_t errlen)
{
    for (size_t i = 0; i < slt_tf_count(tf); i++) {
        const slt_tf_tensor *t = slt_tf_get(tf, i);
        if (!slt_tf_is_ternary_candidate(tf, t)) continue;
        int floaty = t->dtype == SLT_TF_F32 || t->dtype == SLT_TF_F16 || t->dtype == SLT_TF_BF16;
        int rc = import_one(j, tf, t, o, floaty, log, err, errlen);
        if (rc) return rc;
    }
    return 0;
}

static int make_tmp(job *j, char *err, size_t errlen)
{
    struct stat st;
    if (lstat(j->outdir, &st) == 0) return slt_fail(err, errlen, "%s: already exists (import writes a new folder)", j->outdir);
    if (snprintf(j->tmp, sizeof j->tmp, "%s.tmpXXXXXX", j->outdir) >= (int)sizeof j->tmp)
        return slt_fail(err, errlen, "%s: path too long", j->outdir);
    if (!mkdtemp(j->tmp)) {
        int e = errno;
        j->tmp[0] = '\0';
        return slt_fail(err, errlen, "%s: cannot create: %s", j->outdir, strerror(e));
    }
    return 0;
}

int slt_import(const char *model, const char *outdir, const slt_import_opts *o, FILE *log, char *err, size_t errlen)
{
    if (slt_format_is_binary(o->format))
        return slt_fail(err, errlen, "import: format %s cannot hold ternary weights (use t2 or t5)",
                    slt_format_name(o->format));
    slt_tensorfile *tf;
    int rc = slt_tf_open(model, &tf, err, errlen);
    if (rc) return rc;
    slt_tf_set_hf_scale_inverse(tf, o->hf_inverse);
    job j;
    memset(&j, 0, sizeof j);
    j.outdir = outdir;
    if (!(j.manifest_mem = open_memstream(&j.manifest, &j.manifest_len))) {
        slt_tf_close(tf);
        return slt_fail(err, errlen, "out of memory");
    }
    fprintf(j.manifest_mem, "# sltref import of %s\n# name\tfile\tm\tk\tformat\tgamma\tgamma_hex\tsource_dtype\n",
            model);
    if (!(rc = make_tmp(&j, err, errlen))) {
        rc = o->tensors ? import_named(&j, tf, o, log, err, errlen) : import_all(&j, tf, o, log, err, errlen);
        if (!rc && j.nimported == 0)
            rc = slt_fail(err, errlen, "%s: no ternary linear weights found (see docs/import.md)", model);
    }
    fclose(j.manifest_mem);
    if (!rc) rc = write_file(&j, "manifest.tsv", j.manifest, j.manifest_len, err, errlen);
    if (!rc && rename(j.tmp, outdir) != 0) rc = slt_fail(err, errlen, "%s: cannot create: %s", outdir, strerror(errno));
    if (rc) cleanup(&j);
    else {
        for (size_t i = 0; i < j.nfiles; i++) free(j.files[i]);
        free(j.files);
    }
    free(j.manifest);
    slt_tf_close(tf);
    return rc;
}
