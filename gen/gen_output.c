/* gen_output.c - write a complete output folder, or nothing: everything goes
 * into a temporary folder next to the destination, which is renamed into
 * place only when every file is written. */
#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "emit_modules.h"
#include "emit_top.h"
#include "slt_gen.h"

#define PATH_LEN 4096

static int fail(char *err, size_t errlen, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (err && errlen) vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
    return 1;
}

/* snprintf into a path buffer; a path that does not fit is an error, never a
 * silently shortened name. */
static int path_fmt(char *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int path_fmt(char *out, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(out, PATH_LEN, fmt, ap);
    va_end(ap);
    return n < 0 || n >= PATH_LEN ? -1 : 0;
}

/* Remove a folder tree we created (regular files and folders only). */
static void remove_tree(const char *path)
{
    DIR *dir = opendir(path);
    if (dir) {
        struct dirent *ent;
        while ((ent = readdir(dir))) {
            if (!strcmp(ent->d_name, ".") || !strcmp(ent->d_name, "..")) continue;
            char child[PATH_LEN];
            struct stat st;
            if (path_fmt(child, "%s/%s", path, ent->d_name)) continue;
            if (!lstat(child, &st) && S_ISDIR(st.st_mode)) remove_tree(child);
            else unlink(child);
        }
        closedir(dir);
    }
    rmdir(path);
}

/* mkdir -p for the folder that will hold out_dir. */
static int make_parents(const char *out_dir, char *err, size_t errlen)
{
    char path[PATH_LEN];
    if (path_fmt(path, "%s", out_dir)) return fail(err, errlen, "sltgen: path too long: '%s'", out_dir);
    char *slash = strrchr(path, '/');
    if (!slash || slash == path) return 0;
    *slash = '\0';
    for (char *p = path + 1; *p; p++) {
        if (*p != '/') continue;
        *p = '\0';
        if (mkdir(path, 0777) && errno != EEXIST) return fail(err, errlen, "sltgen: cannot create '%s': %s", path, strerror(errno));
        *p = '/';
    }
    if (mkdir(path, 0777) && errno != EEXIST) return fail(err, errlen, "sltgen: cannot create '%s': %s", path, strerror(errno));
    return 0;
}

typedef void (*module_emitter)(slt_emitter *, const slt_design *);
typedef struct {
    const char *name;
    module_emitter emit;
} generated_module;

static int write_module(const char *dir, const char *name, module_emitter emit, const slt_design *d, char *err,
                        size_t errlen)
{
    char path[PATH_LEN];
    if (path_fmt(path, "%s/rtl/%s.v", dir, name)) return fail(err, errlen, "sltgen: path too long in '%s'", dir);
    FILE *f = fopen(path, "w");
    if (!f) return fail(err, errlen, "sltgen: cannot write '%s': %s", path, strerror(errno));
    slt_emitter e;
    em_init(&e, f);
    e.cg = d->clock_gating;
    emit(&e, d);
    int bad = ferror(f);
    if (fclose(f) || bad) return fail(err, errlen, "sltgen: error writing '%s'", path);
    return 0;
}

static int copy_file(const char *from, const char *to, char *err, size_t errlen)
{
    FILE *in = fopen(from, "rb");
    if (!in) return fail(err, errlen, "sltgen: cannot read primitive '%s': %s (set --rtl-dir)", from, strerror(errno));
    FILE *out = fopen(to, "wb");
    if (!out) {
        fclose(in);
        return fail(err, errlen, "sltgen: cannot write '%s': %s", to, strerror(errno));
    }
    char buf[8192];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0) fwrite(buf, 1, n, out);
    int bad = ferror(in) || ferror(out);
    fclose(in);
    if (fclose(out) || bad) return fail(err, errlen, "sltgen: error copying '%s' to '%s'", from, to);
    return 0;
}

typedef void (*header_writer)(FILE *, const slt_design *);

static int write_header(const char *dir, const char *name, header_writer w, const slt_design *d, char *err,
                        size_t errlen)
{
    char path[PATH_LEN];
    if (path_fmt(path, "%s/%s", dir, name)) return fail(err, errlen, "sltgen: path too long in '%s'", dir);
    FILE *f = fopen(path, "w");
    if (!f) return fail(err, errlen, "sltgen: cannot write '%s': %s", path, strerror(errno));
    w(f, d);
    int bad = ferror(f);
    if (fclose(f) || bad) return fail(err, errlen, "sltgen: error writing '%s'", path);
    return 0;
}

/* The canonical configuration text, so testbenches and flows can load exactly
 * the configuration the RTL came from (its hash is SLT_CFG_HASH). */
static void write_config(FILE *f, const slt_design *d)
{
    fprintf(f, "# %s - written by sltgen %s; hash 0x%016" PRIx64 "\n", d->cfg_name, d->gen_version, d->cfg_hash);
    slt_config_write(&d->cfg, f);
}

/* File names written into rtl/, for SLT_RTL_FILES. */
typedef struct {
    char name[SLT_MAX_PRIMS + 3][SLT_MOD_NAME_LEN + 4];
    int n;
} rtl_file_list;

static void list_add(rtl_file_list *l, const char *module)
{
    snprintf(l->name[l->n], sizeof l->name[l->n], "%s.v", module);
    l->n++;
}

/* The primitives (copied), then the generated modules, leaves first. */
static int write_rtl(const char *dir, const slt_design *d, const char *rtl_src, rtl_file_list *files, char *err,
                     size_t errlen)
{
    int rc = 0;
    for (int i = 0; i < d->n_prims && !rc; i++) {
        char from[PATH_LEN], to[PATH_LEN];
        if (path_fmt(from, "%s/%s.v", rtl_src, d->prims[i]) || path_fmt(to, "%s/rtl/%s.v", dir, d->prims[i]))
            rc = fail(err, errlen, "sltgen: path too long in '%s' or '%s'", rtl_src, dir);
        else rc = copy_file(from, to, err, errlen);
        list_add(files, d->prims[i]);
    }
    generated_module mods[3];
    int nm = 0;
    if (d->addsub) {
        mods[nm++] = (generated_module){d->mod_lane, slt_emit_addsub_lane};
    } else {
        mods[nm++] = (generated_module){d->mod_builder, slt_emit_table_builder};
        mods[nm++] = (generated_module){d->mod_lane, slt_emit_row_lane};
    }
    mods[nm++] = (generated_module){d->mod_array, slt_emit_array};
    for (int i = 0; i < nm && !rc; i++) {
        rc = write_module(dir, mods[i].name, mods[i].emit, d, err, errlen);
        list_add(files, mods[i].name);
    }
    return rc;
}

static int write_all(const char *dir, const slt_design *d, const char *rtl_src, char *err, size_t errlen)
{
    char path[PATH_LEN];
    if (path_fmt(path, "%s/rtl", dir)) return fail(err, errlen, "sltgen: path too long in '%s'", dir);
    if (mkdir(path, 0777)) return fail(err, errlen, "sltgen: cannot create '%s': %s", path, strerror(errno));
    rtl_file_list files = {.n = 0};
    int rc = write_rtl(dir, d, rtl_src, &files, err, errlen);
    if (!rc) rc = write_header(dir, "slt_params.h", slt_emit_c_header, d, err, errlen);
    if (!rc) rc = write_header(dir, "slt_params.vh", slt_emit_verilog_header, d, err, errlen);
    if (!rc) rc = write_header(dir, "config.cfg", write_config, d, err, errlen);
    if (rc) return rc;
    if (path_fmt(path, "%s/params.mk", dir)) return fail(err, errlen, "sltgen: path too long in '%s'", dir);
    FILE *f = fopen(path, "w");
    if (!f) return fail(err, errlen, "sltgen: cannot write '%s': %s", path, strerror(errno));
    const char *names[SLT_MAX_PRIMS + 3];
    for (int i = 0; i < files.n; i++) names[i] = files.name[i];
    slt_emit_make_fragment(f, d, names, files.n);
    int bad = ferror(f);
    if (fclose(f) || bad) return fail(err, errlen, "sltgen: error writing '%s'", path);
    return slt_gen_write_top(dir, d, rtl_src, err, errlen); /* top/ and SLT_TOP (gen/emit_top.c) */
}

/* Swap the finished temporary folder in; an existing out_dir is moved aside
 * first and removed only after the new one is in place. */
static int install(const char *tmp, const char *out_dir, char *err, size_t errlen)
{
    struct stat st;
    if (lstat(out_dir, &st)) {
        if (rename(tmp, out_dir)) return fail(err, errlen, "sltgen: cannot rename '%s' to '%s': %s", tmp, out_dir, strerror(errno));
        return 0;
    }
    if (!S_ISDIR(st.st_mode)) return fail(err, errlen, "sltgen: '%s' exists and is not a folder", out_dir);
    char old[PATH_LEN], aside[PATH_LEN];
    if (path_fmt(old, "%s.old-XXXXXX", out_dir) || path_fmt(aside, "%s.old-XXXXXX/prev", out_dir))
        return fail(err, errlen, "sltgen: path too long: '%s'", out_dir);
    if (!mkdtemp(old)) return fail(err, errlen, "sltgen: cannot create a folder next to '%s': %s", out_dir, strerror(errno));
    memcpy(aside, old, strlen(old)); /* same length: the XXXXXX now filled in */
    if (rename(out_dir, aside)) {
        rmdir(old);
        return fail(err, errlen, "sltgen: cannot move '%s' aside: %s", out_dir, strerror(errno));
    }
    if (rename(tmp, out_dir)) {
        int e = errno;
        rename(aside, out_dir);
        rmdir(old);
        return fail(err, errlen, "sltgen: cannot rename '%s' to '%s': %s", tmp, out_dir, strerror(e));
    }
    remove_tree(old);
    return 0;
}

int slt_gen_write(const slt_config *cfg, const char *out_dir_arg, const char *rtl_src, char *err, size_t errlen)
{
    char out_dir[PATH_LEN], tmp[PATH_LEN];
    snprintf(out_dir, sizeof out_dir, "%s", out_dir_arg);
    size_t len = strlen(out_dir);
    while (len > 1 && out_dir[len - 1] == '/') out_dir[--len] = '\0';
    if (!len) return fail(err, errlen, "sltgen: empty output folder name");
    slt_design d;
    slt_design_derive(cfg, &d);
    if (make_parents(out_dir, err, errlen)) return 1;
    if (path_fmt(tmp, "%s.tmp-XXXXXX", out_dir)) return fail(err, errlen, "sltgen: path too long: '%s'", out_dir);
    if (!mkdtemp(tmp)) return fail(err, errlen, "sltgen: cannot create a folder next to '%s': %s", out_dir, strerror(errno));
    chmod(tmp, 0755); /* mkdtemp made it private */
    int rc = write_all(tmp, &d, rtl_src, err, errlen);
    if (!rc) rc = install(tmp, out_dir, err, errlen);
    if (rc) remove_tree(tmp);
    return rc;
}

static int has_prims(const char *dir)
{
    char path[PATH_LEN];
    if (path_fmt(path, "%s/slt_valid_pipe.v", dir)) return 0;
    return access(path, R_OK) == 0;
}

int slt_gen_find_rtl_src(char *out, size_t outlen)
{
    const char *env = getenv("SLT_RTL_DIR");
    if (env && *env) {
        snprintf(out, outlen, "%s", env);
        return 0;
    }
    char exe[PATH_LEN];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        for (int up = 0; up < 5; up++) {
            char *slash = strrchr(exe, '/');
            if (!slash) break;
            *slash = '\0';
            char cand[PATH_LEN];
            if (!path_fmt(cand, "%s/rtl", exe) && has_prims(cand)) {
                snprintf(out, outlen, "%s", cand);
                return 0;
            }
        }
    }
    snprintf(out, outlen, "rtl");
    return has_prims(out) ? 0 : -1;
}
