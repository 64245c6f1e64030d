/* slt_npy.c - NumPy .npy reader (format 1.0, 2.0, 3.0) and v1.0 writer.
 *
 * The header is a Python dict literal. We parse the subset numpy itself
 * writes and accepts ({'descr': str, 'fortran_order': bool, 'shape': tuple of
 * ints}, keys in any order, either quote style, trailing commas, padding
 * spaces and a final newline), and reject everything else with a message that
 * names the file. Every size is overflow-checked before it is used, and the
 * data length must match the shape exactly, because a golden model that
 * silently reads a short or padded file is worse than one that refuses it. */
#include "slt_npy.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "slt_config.h"
#include "slt_err.h"

#define NPY_MAGIC "\x93NUMPY"
#define NPY_MAGIC_LEN 6
#define NPY_MAX_DIMS 8
/* numpy (>= 1.24) refuses headers above 10000 bytes by default; a little more
 * room costs nothing and still stops a hostile length before we allocate. */
#define NPY_MAX_HEADER 65536u
/* numpy aligns the start of the data to 64 bytes. */
#define NPY_ALIGN 64

const char *slt_dtype_name(slt_dtype d)
{
    switch (d) {
    case SLT_NPY_I8: return "int8";
    case SLT_NPY_I16: return "int16";
    case SLT_NPY_I32: return "int32";
    case SLT_NPY_F32: return "float32";
    }
    return "?";
}

size_t slt_dtype_size(slt_dtype d)
{
    switch (d) {
    case SLT_NPY_I8: return 1;
    case SLT_NPY_I16: return 2;
    case SLT_NPY_I32: return 4;
    case SLT_NPY_F32: return 4;
    }
    return 0;
}

/* The descr numpy writes for each dtype. */
static const char *dtype_descr(slt_dtype d)
{
    switch (d) {
    case SLT_NPY_I8: return "|i1";
    case SLT_NPY_I16: return "<i2";
    case SLT_NPY_I32: return "<i4";
    case SLT_NPY_F32: return "<f4";
    }
    return NULL;
}

static int dtype_valid(slt_dtype d) { return dtype_descr(d) != NULL; }

/* Files are little-endian; swap in place on a big-endian host. */
static int host_is_little_endian(void)
{
    const uint16_t one = 1;
    return *(const unsigned char *)&one == 1;
}

static void swap_bytes(void *data, size_t count, size_t size)
{
    unsigned char *p = data;
    for (size_t i = 0; i < count; i++, p += size)
        for (size_t a = 0, b = size - 1; a < b; a++, b--) {
            unsigned char t = p[a];
            p[a] = p[b];
            p[b] = t;
        }
}

/* ---- shape arithmetic ----------------------------------------------------- */

/* count = product of shape, bytes = count * size; 0 on success, -1 on overflow. */
static int shape_bytes(int ndim, const size_t *shape, size_t size, size_t *count, size_t *bytes)
{
    size_t c = 1;
    for (int i = 0; i < ndim; i++) {
        if (shape[i] && c > SIZE_MAX / shape[i]) return -1;
        c *= shape[i];
    }
    if (size && c > SIZE_MAX / size) return -1;
    *count = c;
    *bytes = c * size;
    return 0;
}

/* ---- header parser ---------------------------------------------------------
 * A cursor over the header text; each parse_* returns 0 or a message in err. */

typedef struct {
    const char *p, *end;
    const char *path;
    char *err;
    size_t errlen;
} cursor;

typedef struct {
    int have_descr, have_fortran, have_shape;
    char descr[16];
    int fortran;
    int ndim;
    size_t shape[NPY_MAX_DIMS];
} header_info;

static void skip_ws(cursor *c)
{
    while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r')) c->p++;
}

static int expect_char(cursor *c, char ch, const char *what)
{
    skip_ws(c);
    if (c->p >= c->end || *c->p != ch)
        return slt_fail(c->err, c->errlen, "%s: malformed .npy header: expected '%c' %s", c->path, ch, what);
    c->p++;
    return 0;
}

/* A quoted string without escapes (numpy never writes any in these keys). */
static int parse_string(cursor *c, char *out, size_t outlen, const char *what)
{
    skip_ws(c);
    if (c->p >= c->end || (*c->p != '\'' && *c->p != '"'))
        return slt_fail(c->err, c->errlen, "%s: malformed .npy header: expected a quoted string for %s", c->path,
                        what);
    char q = *c->p++;
    size_t n = 0;
    while (c->p < c->end && *c->p != q) {
        unsigned char ch = (unsigned char)*c->p;
        if (ch == '\\' || ch < 0x20 || ch > 0x7e)
            return slt_fail(c->err, c->errlen, "%s: malformed .npy header: unexpected byte 0x%02x in %s", c->path,
                            ch, what);
        if (n + 1 >= outlen)
            return slt_fail(c->err, c->errlen, "%s: malformed .npy header: %s too long", c->path, what);
        out[n++] = *c->p++;
    }
    if (c->p >= c->end)
        return slt_fail(c->err, c->errlen, "%s: malformed .npy header: unterminated string in %s", c->path, what);
    c->p++;
    out[n] = '\0';
    return 0;
}

static int parse_bool(cursor *c, int *v)
{
    skip_ws(c);
    size_t left = (size_t)(c->end - c->p);
    if (left >= 4 && !memcmp(c->p, "True", 4)) {
        *v = 1;
        c->p += 4;
    } else if (left >= 5 && !memcmp(c->p, "False", 5)) {
        *v = 0;
        c->p += 5;
    } else {
        return slt_fail(c->err, c->errlen, "%s: malformed .npy header: 'fortran_order' must be True or False",
                        c->path);
    }
    return 0;
}

/* One non-negative decimal dimension, overflow-checked. */
static int parse_dim(cursor *c, size_t *v)
{
    skip_ws(c);
    if (c->p < c->end && *c->p == '-')
        return slt_fail(c->err, c->errlen, "%s: bad .npy shape: negative dimension", c->path);
    if (c->p >= c->end || *c->p < '0' || *c->p > '9')
        return slt_fail(c->err, c->errlen, "%s: bad .npy shape: expected a non-negative integer", c->path);
    size_t x = 0;
    while (c->p < c->end && *c->p >= '0' && *c->p <= '9') {
        size_t d = (size_t)(*c->p - '0');
        if (x > (SIZE_MAX - d) / 10)
            return slt_fail(c->err, c->errlen, "%s: bad .npy shape: dimension too large", c->path);
        x = x * 10 + d;
        c->p++;
    }
    *v = x;
    return 0;
}

/* A Python tuple of ints: "()", "(5,)", "(3, 4)", "(3, 4,)". "(5)" is an int
 * in Python, not a tuple, so numpy rejects it and so do we. */
static int parse_shape(cursor *c, header_info *h)
{
    int rc;
    if ((rc = expect_char(c, '(', "to open 'shape'"))) return rc;
    h->ndim = 0;
    for (;;) {
        skip_ws(c);
        if (c->p < c->end && *c->p == ')') break;
        if (h->ndim == NPY_MAX_DIMS)
            return slt_fail(c->err, c->errlen, "%s: bad .npy shape: more than %d dimensions", c->path,
                            NPY_MAX_DIMS);
        if ((rc = parse_dim(c, &h->shape[h->ndim]))) return rc;
        h->ndim++;
        skip_ws(c);
        if (c->p < c->end && *c->p == ',') {
            c->p++;
            continue;
        }
        if (h->ndim == 1)
            return slt_fail(c->err, c->errlen, "%s: bad .npy shape: a 1-D shape is written (n,) with a comma",
                            c->path);
        break;
    }
    return expect_char(c, ')', "to close 'shape'");
}

static int parse_entry(cursor *c, header_info *h)
{
    char key[32];
    int rc;
    if ((rc = parse_string(c, key, sizeof key, "a key"))) return rc;
    if ((rc = expect_char(c, ':', "after a key"))) return rc;
    int *seen = !strcmp(key, "descr") ? &h->have_descr
              : !strcmp(key, "fortran_order") ? &h->have_fortran
              : !strcmp(key, "shape") ? &h->have_shape : NULL;
    if (!seen) return slt_fail(c->err, c->errlen, "%s: malformed .npy header: unexpected key '%s'", c->path, key);
    if (*seen) return slt_fail(c->err, c->errlen, "%s: malformed .npy header: duplicate key '%s'", c->path, key);
    *seen = 1;
    if (!strcmp(key, "descr")) {
        skip_ws(c);
        if (c->p < c->end && (*c->p == '[' || *c->p == '('))
            return slt_fail(c->err, c->errlen, "%s: unsupported dtype: structured (expected |i1, <i2, <i4 or <f4)",
                            c->path);
        return parse_string(c, h->descr, sizeof h->descr, "'descr'");
    }
    if (!strcmp(key, "fortran_order")) return parse_bool(c, &h->fortran);
    return parse_shape(c, h);
}

/* The whole dict, then only whitespace up to the end of the header. */
static int parse_header(cursor *c, header_info *h)
{
    int rc;
    memset(h, 0, sizeof *h);
    if ((rc = expect_char(c, '{', "at the start (header is not a dict)"))) return rc;
    for (;;) {
        skip_ws(c);
        if (c->p >= c->end || *c->p == '}') break;
        if ((rc = parse_entry(c, h))) return rc;
        skip_ws(c);
        if (c->p < c->end && *c->p == ',') {
            c->p++;
            continue;
        }
        break;
    }
    if ((rc = expect_char(c, '}', "to close the dict"))) return rc;
    skip_ws(c);
    if (c->p != c->end)
        return slt_fail(c->err, c->errlen, "%s: malformed .npy header: junk after the dict", c->path);
    const char *missing = !h->have_descr ? "descr" : !h->have_fortran ? "fortran_order"
                        : !h->have_shape ? "shape" : NULL;
    if (missing) return slt_fail(c->err, c->errlen, "%s: malformed .npy header: missing key '%s'", c->path, missing);
    return 0;
}

static int descr_to_dtype(const char *path, const char *descr, slt_dtype *d, char *err, size_t errlen)
{
    if (!strcmp(descr, "|i1") || !strcmp(descr, "<i1")) *d = SLT_NPY_I8;
    else if (!strcmp(descr, "<i2")) *d = SLT_NPY_I16;
    else if (!strcmp(descr, "<i4")) *d = SLT_NPY_I32;
    else if (!strcmp(descr, "<f4")) *d = SLT_NPY_F32;
    else if (descr[0] == '>')
        return slt_fail(err, errlen, "%s: big-endian dtype '%s' not supported (expected little-endian |i1, <i2, <i4 "
                        "or <f4)", path, descr);
    else
        return slt_fail(err, errlen, "%s: unsupported dtype '%s' (expected |i1, <i2, <i4 or <f4)", path, descr);
    return 0;
}

/* ---- reader ----------------------------------------------------------------- */

/* Read exactly n bytes; 0, or -1 on a short read. */
static int read_exact(FILE *f, void *buf, size_t n)
{
    return fread(buf, 1, n, f) == n ? 0 : -1;
}

/* Open a regular file for reading. Refusing FIFOs and devices up front means a
 * mistyped path can never block us (fopen on a FIFO waits for a writer). */
static FILE *open_regular(const char *path, long long *size, char *err, size_t errlen)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        slt_fail(err, errlen, "%s: cannot read: %s", path, strerror(errno));
        return NULL;
    }
    if (!S_ISREG(st.st_mode)) {
        slt_fail(err, errlen, "%s: cannot read: not a regular file", path);
        return NULL;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        slt_fail(err, errlen, "%s: cannot read: %s", path, strerror(errno));
        return NULL;
    }
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
        fclose(f);
        slt_fail(err, errlen, "%s: cannot read: not a regular file", path);
        return NULL;
    }
    *size = (long long)st.st_size;
    return f;
}

/* Magic, version and header length; *pre is the preamble size (10 or 12). */
static int read_preamble(FILE *f, const char *path, long long fsize, size_t *hlen, size_t *pre, char *err,
                         size_t errlen)
{
    unsigned char b[12];
    if (fsize == 0) return slt_fail(err, errlen, "%s: empty file (expected a .npy array)", path);
    if (fsize < 10 || read_exact(f, b, 10))
        return slt_fail(err, errlen, "%s: not a .npy file (only %lld bytes)", path, fsize);
    if (memcmp(b, NPY_MAGIC, NPY_MAGIC_LEN))
        return slt_fail(err, errlen, "%s: not a .npy file (bad magic, expected \\x93NUMPY)", path);
    if (b[6] < 1 || b[6] > 3 || b[7] != 0)
        return slt_fail(err, errlen, "%s: unsupported .npy format version %u.%u (expected 1.0, 2.0 or 3.0)", path,
                        b[6], b[7]);
    if (b[6] == 1) {
        *hlen = (size_t)b[8] | (size_t)b[9] << 8;
        *pre = 10;
        return 0;
    }
    if (fsize < 12 || read_exact(f, b + 10, 2))
        return slt_fail(err, errlen, "%s: truncated .npy preamble", path);
    *hlen = (size_t)b[8] | (size_t)b[9] << 8 | (size_t)b[10] << 16 | (size_t)b[11] << 24;
    *pre = 12;
    return 0;
}

static int read_header(FILE *f, const char *path, long long fsize, header_info *h, size_t *data_off, char *err,
                       size_t errlen)
{
    size_t hlen = 0, pre = 0;
    int rc = read_preamble(f, path, fsize, &hlen, &pre, err, errlen);
    if (rc) return rc;
    if (hlen == 0 || hlen > NPY_MAX_HEADER)
        return slt_fail(err, errlen, "%s: bad .npy header length %zu (expected 1..%u)", path, hlen,
                        NPY_MAX_HEADER);
    if ((long long)(pre + hlen) > fsize)
        return slt_fail(err, errlen, "%s: truncated .npy header (%zu header bytes declared, file has %lld bytes)",
                        path, hlen, fsize);
    char *text = malloc(hlen);
    if (!text) return slt_fail(err, errlen, "%s: out of memory", path);
    if (read_exact(f, text, hlen)) {
        free(text);
        return slt_fail(err, errlen, "%s: cannot read the .npy header", path);
    }
    cursor c = {text, text + hlen, path, err, errlen};
    rc = parse_header(&c, h);
    free(text);
    *data_off = pre + hlen;
    return rc;
}

static int check_header(const char *path, const header_info *h, slt_npy *a, char *err, size_t errlen)
{
    int rc = descr_to_dtype(path, h->descr, &a->dtype, err, errlen);
    if (rc) return rc;
    if (h->fortran)
        return slt_fail(err, errlen, "%s: Fortran-order arrays not supported (expected fortran_order False; "
                        "save with np.ascontiguousarray)", path);
    a->ndim = h->ndim;
    memcpy(a->shape, h->shape, sizeof a->shape);
    return 0;
}

static int read_data(FILE *f, const char *path, long long fsize, size_t off, slt_npy *a, char *err, size_t errlen)
{
    size_t nbytes, size = slt_dtype_size(a->dtype);
    if (shape_bytes(a->ndim, a->shape, size, &a->count, &nbytes) || nbytes > (size_t)LLONG_MAX)
        return slt_fail(err, errlen, "%s: bad .npy shape: element count overflows", path);
    long long have = fsize - (long long)off;
    if ((unsigned long long)have < nbytes)
        return slt_fail(err, errlen, "%s: truncated .npy data (shape needs %zu bytes, file has %lld)", path, nbytes,
                        have);
    if ((unsigned long long)have > nbytes)
        return slt_fail(err, errlen, "%s: %lld trailing bytes after the .npy data (shape needs %zu bytes)", path,
                        have - (long long)nbytes, nbytes);
    a->data = malloc(nbytes ? nbytes : 1);
    if (!a->data) return slt_fail(err, errlen, "%s: out of memory for %zu bytes", path, nbytes);
    if (read_exact(f, a->data, nbytes)) return slt_fail(err, errlen, "%s: cannot read the .npy data", path);
    /* The file may have grown since fstat: insist that this really was the end. */
    if (fgetc(f) != EOF) return slt_fail(err, errlen, "%s: trailing bytes after the .npy data", path);
    if (!host_is_little_endian() && size > 1) swap_bytes(a->data, a->count, size);
    return 0;
}

int slt_npy_read(const char *path, slt_npy *a, char *err, size_t errlen)
{
    memset(a, 0, sizeof *a);
    long long fsize;
    FILE *f = open_regular(path, &fsize, err, errlen);
    if (!f) return SLT_EXIT_BADINPUT;
    header_info h;
    size_t off = 0;
    int rc = read_header(f, path, fsize, &h, &off, err, errlen);
    if (!rc) rc = check_header(path, &h, a, err, errlen);
    if (!rc) rc = read_data(f, path, fsize, off, a, err, errlen);
    fclose(f);
    if (rc) slt_npy_free(a);
    return rc;
}

void slt_npy_free(slt_npy *a)
{
    if (!a) return;
    free(a->data);
    a->data = NULL;
    a->count = 0;
}

/* ---- writer ----------------------------------------------------------------- */

/* The v1.0 preamble + header, padded with spaces and ended with '\n' so the
 * data starts at a multiple of 64 like numpy's own files. Returns its size. */
static size_t format_header(char *buf, size_t buflen, slt_dtype dtype, int ndim, const size_t *shape)
{
    char dict[512];
    size_t n = (size_t)snprintf(dict, sizeof dict, "{'descr': '%s', 'fortran_order': False, 'shape': (",
                                dtype_descr(dtype));
    for (int i = 0; i < ndim; i++)
        n += (size_t)snprintf(dict + n, sizeof dict - n, i ? ", %zu" : "%zu", shape[i]);
    n += (size_t)snprintf(dict + n, sizeof dict - n, "%s), }", ndim == 1 ? "," : "");
    size_t total = 10 + n + 1;
    total = (total + NPY_ALIGN - 1) / NPY_ALIGN * NPY_ALIGN;
    if (total > buflen) return 0;
    size_t hlen = total - 10;
    memcpy(buf, NPY_MAGIC, NPY_MAGIC_LEN);
    buf[6] = 1;
    buf[7] = 0;
    buf[8] = (char)(hlen & 0xff);
    buf[9] = (char)(hlen >> 8);
    memcpy(buf + 10, dict, n);
    memset(buf + 10 + n, ' ', hlen - n - 1);
    buf[total - 1] = '\n';
    return total;
}

/* Data in file byte order (a swapped copy on a big-endian host). */
static int write_data(FILE *f, const void *data, size_t count, size_t size)
{
    if (!count) return 0;
    if (host_is_little_endian() || size == 1) return fwrite(data, size, count, f) == count ? 0 : -1;
    void *tmp = malloc(count * size);
    if (!tmp) return -1;
    memcpy(tmp, data, count * size);
    swap_bytes(tmp, count, size);
    int rc = fwrite(tmp, size, count, f) == count ? 0 : -1;
    free(tmp);
    return rc;
}

/* mkstemp in the destination's folder, so the final rename never crosses a
 * file system and is atomic. Fills tmp with the template it used. */
static FILE *open_temp(const char *path, char *tmp, size_t tmplen, char *err, size_t errlen)
{
    const char *slash = strrchr(path, '/');
    int dirlen = slash ? (int)(slash - path) + 1 : 0;
    const char *base = slash ? slash + 1 : path;
    if ((size_t)snprintf(tmp, tmplen, "%.*s.%s.tmpXXXXXX", dirlen, path, base) >= tmplen) {
        slt_fail(err, errlen, "%s: cannot write: path too long", path);
        return NULL;
    }
    int fd = mkstemp(tmp);
    if (fd < 0) {
        slt_fail(err, errlen, "%s: cannot write: %s", path, strerror(errno));
        return NULL;
    }
    /* mkstemp creates 0600; give the file the mode a plain fopen would. */
    mode_t mask = umask(0);
    umask(mask);
    FILE *f = fchmod(fd, 0666 & ~mask) == 0 ? fdopen(fd, "wb") : NULL;
    if (!f) {
        slt_fail(err, errlen, "%s: cannot write: %s", path, strerror(errno));
        close(fd);
        unlink(tmp);
    }
    return f;
}

static int write_atomic(const char *path, const void *head, size_t headlen, const void *data, size_t count,
                        size_t size, char *err, size_t errlen)
{
    if (!path || !*path || path[strlen(path) - 1] == '/')
        return slt_fail(err, errlen, "%s: cannot write: not a file name", path ? path : "(null)");
    /* rename() would replace a device, FIFO or folder entry with our file. */
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
        return slt_fail(err, errlen, "%s: cannot write: %s", path,
                        S_ISDIR(st.st_mode) ? "is a directory" : "not a regular file (refusing to replace it)");
    char tmp[4096];
    FILE *f = open_temp(path, tmp, sizeof tmp, err, errlen);
    if (!f) return SLT_EXIT_BADINPUT;
    int bad = fwrite(head, 1, headlen, f) != headlen || write_data(f, data, count, size) || fflush(f) ||
              fsync(fileno(f));
    int saved = errno;
    if (fclose(f)) bad = 1, saved = errno;
    if (!bad && rename(tmp, path)) bad = 1, saved = errno;
    if (bad) {
        unlink(tmp);
        return slt_fail(err, errlen, "%s: cannot write: %s", path, strerror(saved ? saved : EIO));
    }
    return 0;
}

int slt_write_atomic(const char *path, const void *data, size_t len, char *err, size_t errlen)
{
    return write_atomic(path, data, len, NULL, 0, 1, err, errlen);
}

int slt_npy_write(const char *path, slt_dtype dtype, int ndim, const size_t *shape, const void *data, char *err,
                  size_t errlen)
{
    if (!dtype_valid(dtype)) return slt_fail(err, errlen, "%s: cannot write: bad dtype", path ? path : "(null)");
    if (ndim < 0 || ndim > NPY_MAX_DIMS || (ndim && !shape))
        return slt_fail(err, errlen, "%s: cannot write: %d dimensions (expected 0..%d)", path ? path : "(null)", ndim,
                        NPY_MAX_DIMS);
    size_t count, nbytes, size = slt_dtype_size(dtype);
    if (shape_bytes(ndim, shape, size, &count, &nbytes))
        return slt_fail(err, errlen, "%s: cannot write: element count overflows", path ? path : "(null)");
    if (count && !data) return slt_fail(err, errlen, "%s: cannot write: no data", path ? path : "(null)");
    char head[1024];
    size_t headlen = format_header(head, sizeof head, dtype, ndim, shape);
    if (!headlen) return slt_fail(err, errlen, "%s: cannot write: header too long", path ? path : "(null)");
    return write_atomic(path, head, headlen, data, count, size, err, errlen);
}
