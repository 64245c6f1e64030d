/* test_npy - the .npy reader and writer: round trips, hand-made v1/v2/v3
 * images, every malformed case, garbage that must not crash, atomic writes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "slt_config.h"
#include "slt_npy.h"
#include "slt_prng.h"

static char g_err[SLT_ERRLEN];
static char g_dir[256];
static uint64_t g_seed;

/* A fresh temporary directory per test, removed (with its files) after. */
static int setup_dir(void **state)
{
    (void)state;
    snprintf(g_dir, sizeof g_dir, "/tmp/slt_npy_XXXXXX");
    return mkdtemp(g_dir) ? 0 : -1;
}

static int teardown_dir(void **state)
{
    (void)state;
    DIR *d = opendir(g_dir);
    if (!d) return -1;
    struct dirent *e;
    char p[512];
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
            snprintf(p, sizeof p, "%s/%s", g_dir, e->d_name);
            if (unlink(p)) rmdir(p);
        }
    closedir(d);
    return rmdir(g_dir);
}

static const char *path_in(const char *name)
{
    static char p[4][512];
    static int next;
    char *s = p[next++ % 4];
    snprintf(s, 512, "%s/%s", g_dir, name);
    return s;
}

static int dir_entries(void)
{
    DIR *d = opendir(g_dir);
    assert_non_null(d);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d))) n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
    closedir(d);
    return n;
}

static void write_bytes(const char *path, const void *b, size_t n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(b, 1, n, f), n);
    assert_int_equal(fclose(f), 0);
}

static unsigned char *read_bytes(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    unsigned char *b = calloc(1, (1 << 16) + 1); /* NUL-terminated for strstr */
    assert_non_null(b);
    *n = fread(b, 1, 1 << 16, f);
    fclose(f);
    return b;
}

/* A .npy image: magic, version, header length (2 or 4 bytes), the header
 * text as given, then `ndata` data bytes (0x11 each). Returns its size. */
static size_t make_image(unsigned char *buf, int major, int minor, const char *header, size_t ndata)
{
    size_t hl = strlen(header), n = 0;
    memcpy(buf, "\x93NUMPY", 6);
    buf[6] = (unsigned char)major;
    buf[7] = (unsigned char)minor;
    n = 8;
    buf[n++] = (unsigned char)(hl & 0xff);
    buf[n++] = (unsigned char)(hl >> 8);
    if (major >= 2) {
        buf[n++] = (unsigned char)(hl >> 16);
        buf[n++] = (unsigned char)(hl >> 24);
    }
    memcpy(buf + n, header, hl);
    n += hl;
    memset(buf + n, 0x11, ndata);
    return n + ndata;
}

static void write_image(const char *path, int major, int minor, const char *header, size_t ndata)
{
    unsigned char *buf = malloc(8192 + ndata);
    assert_non_null(buf);
    size_t n = make_image(buf, major, minor, header, ndata);
    write_bytes(path, buf, n);
    free(buf);
}

/* ---- round trips ------------------------------------------------------------ */

static void fill_random(slt_prng *p, void *data, size_t bytes)
{
    unsigned char *b = data;
    for (size_t i = 0; i < bytes; i++) b[i] = (unsigned char)slt_prng_next(p);
}

static void npy_roundtrip_every_dtype_and_rank(void **state)
{
    (void)state;
    static const size_t shapes[][3] = {{0, 0, 0}, {5, 0, 0}, {2, 3, 0}, {2, 3, 4}};
    static const slt_dtype dts[] = {SLT_NPY_I8, SLT_NPY_I16, SLT_NPY_I32, SLT_NPY_F32};
    slt_prng p;
    slt_prng_seed(&p, g_seed);
    for (int di = 0; di < 4; di++)
        for (int rank = 0; rank <= 3; rank++) {
            size_t count = 1;
            for (int i = 0; i < rank; i++) count *= shapes[rank][i];
            size_t bytes = count * slt_dtype_size(dts[di]);
            unsigned char data[256]; /* random bits: even NaN payloads must survive */
            fill_random(&p, data, bytes);
            const char *path = path_in("rt.npy");
            assert_int_equal(slt_npy_write(path, dts[di], rank, shapes[rank], data, g_err, sizeof g_err), 0);
            slt_npy a;
            if (slt_npy_read(path, &a, g_err, sizeof g_err))
                fail_msg("seed %llu dtype %s rank %d: %s", (unsigned long long)g_seed, slt_dtype_name(dts[di]), rank,
                         g_err);
            assert_int_equal(a.dtype, dts[di]);
            assert_int_equal(a.ndim, rank);
            assert_int_equal(a.count, count);
            for (int i = 0; i < rank; i++) assert_int_equal(a.shape[i], shapes[rank][i]);
            assert_memory_equal(a.data, data, bytes);
            slt_npy_free(&a);
        }
}

static void npy_roundtrip_empty_and_wide_shapes(void **state)
{
    (void)state;
    const size_t zero[2] = {0, 7}, eight[8] = {1, 2, 1, 2, 1, 2, 1, 2};
    int32_t data[16];
    for (int i = 0; i < 16; i++) data[i] = -i * 1000003;
    slt_npy a;
    assert_int_equal(slt_npy_write(path_in("z.npy"), SLT_NPY_I32, 2, zero, NULL, g_err, sizeof g_err), 0);
    assert_int_equal(slt_npy_read(path_in("z.npy"), &a, g_err, sizeof g_err), 0);
    assert_int_equal(a.count, 0);
    assert_int_equal(a.shape[1], 7);
    slt_npy_free(&a);
    assert_int_equal(slt_npy_write(path_in("e.npy"), SLT_NPY_I32, 8, eight, data, g_err, sizeof g_err), 0);
    assert_int_equal(slt_npy_read(path_in("e.npy"), &a, g_err, sizeof g_err), 0);
    assert_int_equal(a.ndim, 8);
    assert_int_equal(a.count, 16);
    assert_memory_equal(a.data, data, sizeof data);
    slt_npy_free(&a);
}

/* The exact bytes numpy's np.save writes for np.zeros((2, 4), np.int8)
 * (checked against numpy 2.4): v1.0, header padded to 64, newline last. */
static void npy_write_matches_numpy_bytes(void **state)
{
    (void)state;
    const size_t shape[2] = {2, 4};
    const int8_t data[8] = {0, 0, 1, -1, 0, 1, -1, 0};
    assert_int_equal(slt_npy_write(path_in("n.npy"), SLT_NPY_I8, 2, shape, data, g_err, sizeof g_err), 0);
    size_t n;
    unsigned char *b = read_bytes(path_in("n.npy"), &n);
    char want[128];
    const char *dict = "{'descr': '|i1', 'fortran_order': False, 'shape': (2, 4), }";
    memcpy(want, "\x93NUMPY\x01\x00\x76\x00", 10);
    memset(want + 10, ' ', 118);
    memcpy(want + 10, dict, strlen(dict));
    want[127] = '\n';
    assert_int_equal(n, 128 + 8);
    assert_memory_equal(b, want, 128);
    assert_memory_equal(b + 128, data, 8);
    free(b);
    /* 1-D shapes carry the tuple comma; 0-D is (). */
    const size_t five = 5;
    assert_int_equal(slt_npy_write(path_in("o.npy"), SLT_NPY_F32, 1, &five, (float[5]){0}, g_err, sizeof g_err), 0);
    b = read_bytes(path_in("o.npy"), &n);
    assert_non_null(strstr((char *)b + 10, "'descr': '<f4', 'fortran_order': False, 'shape': (5,), }"));
    assert_int_equal((n - 20) % 64, 0);
    free(b);
    assert_int_equal(slt_npy_write(path_in("s.npy"), SLT_NPY_I16, 0, NULL, (int16_t[1]){-2}, g_err, sizeof g_err), 0);
    b = read_bytes(path_in("s.npy"), &n);
    assert_non_null(strstr((char *)b + 10, "'shape': (), }"));
    assert_int_equal(n, 128 + 2); /* the 0-D dict is 56 bytes: 10 + 56 + 1 > 64 */
    free(b);
}

/* ---- hand-made valid images ------------------------------------------------- */

static void npy_read_handmade_valid_variants(void **state)
{
    (void)state;
    static const struct {
        int major;
        const char *header;
        slt_dtype dt;
        int ndim;
        size_t d0, d1, ndata;
    } cases[] = {
        {1, "{'descr': '|i1', 'fortran_order': False, 'shape': (2, 3), }\n", SLT_NPY_I8, 2, 2, 3, 6},
        {1, "{'descr': '<i1', 'fortran_order': False, 'shape': (2, 3), }\n", SLT_NPY_I8, 2, 2, 3, 6},
        {1, "{\"shape\": (3,), \"fortran_order\": False, \"descr\": \"<i2\"}", SLT_NPY_I16, 1, 3, 0, 6},
        {1, "{'descr':'<i4','fortran_order':False,'shape':(1,2,)}    \n", SLT_NPY_I32, 2, 1, 2, 8},
        {1, "{ 'descr' : '<f4' ,\n 'fortran_order' : False ,\n 'shape' : ( 4 , ) ,\n }\n", SLT_NPY_F32, 1, 4, 0, 16},
        {1, "{'descr': '<f4', 'fortran_order': False, 'shape': ()}\n", SLT_NPY_F32, 0, 0, 0, 4},
        {1, "{'descr': '<i2', 'fortran_order': False, 'shape': (0, 5), }\n", SLT_NPY_I16, 2, 0, 5, 0},
        {2, "{'descr': '<i4', 'fortran_order': False, 'shape': (3, 2), }\n", SLT_NPY_I32, 2, 3, 2, 24},
        {3, "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), }\n", SLT_NPY_F32, 2, 2, 2, 16},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        write_image(path_in("h.npy"), cases[i].major, 0, cases[i].header, cases[i].ndata);
        slt_npy a;
        if (slt_npy_read(path_in("h.npy"), &a, g_err, sizeof g_err)) fail_msg("case %zu: %s", i, g_err);
        assert_int_equal(a.dtype, cases[i].dt);
        assert_int_equal(a.ndim, cases[i].ndim);
        if (a.ndim > 0) assert_int_equal(a.shape[0], cases[i].d0);
        if (a.ndim > 1) assert_int_equal(a.shape[1], cases[i].d1);
        assert_int_equal(a.count * slt_dtype_size(a.dtype), cases[i].ndata);
        if (cases[i].ndata) assert_int_equal(((unsigned char *)a.data)[0], 0x11);
        slt_npy_free(&a);
    }
}

/* ---- malformed files -------------------------------------------------------- */

#define GOOD_HDR "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }\n"

/* Read must fail with a message naming the file and containing `must`. */
static void expect_read_error(const char *path, const char *must, const char *label)
{
    slt_npy a;
    g_err[0] = '\0';
    int rc = slt_npy_read(path, &a, g_err, sizeof g_err);
    if (rc != SLT_EXIT_BADINPUT || !strstr(g_err, must) || !strstr(g_err, path))
        fail_msg("%s: rc=%d err='%s' (want '%s' and the path)", label, rc, g_err, must);
    assert_null(a.data);
    assert_null(strchr(g_err, '\n'));
}

static void npy_read_rejects_bad_headers(void **state)
{
    (void)state;
    static const struct {
        int major, minor;
        const char *header;
        size_t ndata;
        const char *must;
    } cases[] = {
        {4, 0, GOOD_HDR, 24, "version 4.0"},
        {1, 1, GOOD_HDR, 24, "version 1.1"},
        {0, 0, GOOD_HDR, 24, "version 0.0"},
        {1, 0, "", 0, "header length 0"},
        {1, 0, "[1, 2]\n", 0, "not a dict"},
        {1, 0, "{'fortran_order': False, 'shape': (2, 3), }\n", 24, "missing key 'descr'"},
        {1, 0, "{'descr': '<f4', 'shape': (2, 3), }\n", 24, "missing key 'fortran_order'"},
        {1, 0, "{'descr': '<f4', 'fortran_order': False, }\n", 24, "missing key 'shape'"},
        {1, 0, "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), 'x': 1}\n", 24, "unexpected key 'x'"},
        {1, 0, "{'descr': '<f4', 'descr': '<f4', 'fortran_order': False, 'shape': (2, 3)}\n", 24, "duplicate key"},
        {1, 0, "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3), }\n", 24, "Fortran"},
        {1, 0, "{'descr': '<f4', 'fortran_order': 0, 'shape': (2, 3), }\n", 24, "True or False"},
        {1, 0, "{'descr': '>f4', 'fortran_order': False, 'shape': (2, 3), }\n", 24, "big-endian dtype '>f4'"},
        {1, 0, "{'descr': '>i2', 'fortran_order': False, 'shape': (2, 3), }\n", 12, "big-endian"},
        {1, 0, "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }\n", 48, "unsupported dtype '<f8'"},
        {1, 0, "{'descr': '|u1', 'fortran_order': False, 'shape': (2, 3), }\n", 6, "unsupported dtype '|u1'"},
        {1, 0, "{'descr': '<u1', 'fortran_order': False, 'shape': (2, 3), }\n", 6, "unsupported dtype '<u1'"},
        {1, 0, "{'descr': '|b1', 'fortran_order': False, 'shape': (2, 3), }\n", 6, "unsupported dtype '|b1'"},
        {1, 0, "{'descr': '<i8', 'fortran_order': False, 'shape': (2, 3), }\n", 48, "unsupported dtype '<i8'"},
        {1, 0, "{'descr': [('a', '<i4')], 'fortran_order': False, 'shape': (2,), }\n", 8, "structured"},
        {1, 0, "{'descr': '<f4', 'fortran_order': False, 'shape': (6), }\n", 24, "(n,)"},
        {1, 0, "{'descr': '<f4', 'fortran_order': False, 'shape': [2, 3], }\n", 24, "'('"},
        {1, 0, "{'descr': '<f4', 'fortran_order': False, 'shape': (-1, 3), }\n", 24, "negative"},
        {1, 0, "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3\n", 24, "')'"},
        {1, 0, "{'descr': '<f4', 'fortran_order': False, 'shape': (1,1,1,1,1,1,1,1,6), }\n", 24, "more than 8"},
        {1, 0, "{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999999,), }\n", 24, "too large"},
        {1, 0, "{'descr': '<f4', 'fortran_order': False, 'shape': (4294967296, 4294967296), }\n", 24, "overflows"},
        {1, 0, "{'descr': '<f4', 'fortran_order': False, 'shape': (2305843009213693952,), }\n", 24, "overflows"},
        {1, 0, "{'descr': '<f4', 'fortran_order': False, 'shape': (1000000000000,), }\n", 24, "truncated"},
        {1, 0, "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), } x\n", 24, "junk"},
        {1, 0, "{'descr': '<f4, 'fortran_order': False, 'shape': (2, 3), }\n", 24, "malformed"},
        {1, 0, "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), \n", 24, "'}'"},
        {1, 0, "{'descr': 'a\\'b', 'fortran_order': False, 'shape': (2, 3), }\n", 24, "0x5c"},
        {1, 0, "{'descr': '<f4' 'fortran_order': False, 'shape': (2, 3), }\n", 24, "'}'"},
        {1, 0, "{'descr': '<f4', 'fortran_order': Falsey, 'shape': (2, 3), }\n", 24, "malformed"},
        {3, 0, "{'descr': '\xc3\xa9', 'fortran_order': False, 'shape': (2, 3), }\n", 24, "0xc3"},
        {1, 0, "\xff\xfe\x00junk\x80\x81\n", 24, "not a dict"},
        {1, 0, GOOD_HDR, 20, "truncated .npy data"},
        {1, 0, GOOD_HDR, 0, "truncated .npy data"},
        {1, 0, GOOD_HDR, 28, "4 trailing bytes"},
        {2, 0, GOOD_HDR, 25, "1 trailing bytes"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char label[64];
        snprintf(label, sizeof label, "case %zu", i);
        const char *p = path_in("bad.npy");
        write_image(p, cases[i].major, cases[i].minor, cases[i].header, cases[i].ndata);
        expect_read_error(p, cases[i].must, label);
    }
}

static void npy_read_rejects_bad_preambles(void **state)
{
    (void)state;
    unsigned char b[256];
    const char *p = path_in("pre.npy");
    write_bytes(p, "", 0);
    expect_read_error(p, "empty file", "empty");
    write_bytes(p, "\x93NUM", 4);
    expect_read_error(p, "not a .npy file", "short");
    size_t n = make_image(b, 1, 0, GOOD_HDR, 24);
    b[5] = 'Z';
    write_bytes(p, b, n);
    expect_read_error(p, "bad magic", "magic");
    write_bytes(p, "PK\x03\x04 this is a zip, not an npy", 31);
    expect_read_error(p, "bad magic", "zip");
    /* Declared header longer than the file. */
    n = make_image(b, 1, 0, GOOD_HDR, 0);
    b[8] = 0xff;
    b[9] = 0x00;
    write_bytes(p, b, n);
    expect_read_error(p, "truncated .npy header", "hlen past end");
    /* v2 with a hostile 4-byte length: refused before any allocation. */
    n = make_image(b, 2, 0, GOOD_HDR, 24);
    b[11] = 0x7f;
    write_bytes(p, b, n);
    expect_read_error(p, "header length", "hlen huge");
    /* v2 cut inside its 4-byte length field. */
    write_bytes(p, "\x93NUMPY\x02\x00\x40\x00", 10);
    expect_read_error(p, "truncated .npy preamble", "v2 preamble");
}

static void npy_read_rejects_missing_and_special_files(void **state)
{
    (void)state;
    expect_read_error(path_in("nope.npy"), "cannot read", "missing");
    expect_read_error(g_dir, "not a regular file", "directory");
    expect_read_error("/dev/null", "not a regular file", "device");
}

/* Random byte flips and truncations of a valid file: every outcome is either a
 * clean read or an error message; ASan/UBSan catch anything else. */
static void npy_read_survives_garbage(void **state)
{
    (void)state;
    slt_prng p;
    slt_prng_seed(&p, g_seed);
    unsigned char good[256], b[256];
    size_t n = make_image(good, 1, 0, GOOD_HDR, 24);
    const char *path = path_in("fuzz.npy");
    for (int it = 0; it < 1500; it++) {
        memcpy(b, good, n);
        size_t len = it % 5 == 0 ? (size_t)slt_prng_range(&p, 0, (int64_t)n) : n;
        int flips = (int)slt_prng_range(&p, 1, 4);
        for (int f = 0; f < flips && len; f++)
            b[slt_prng_range(&p, 0, (int64_t)len - 1)] = (unsigned char)slt_prng_next(&p);
        write_bytes(path, b, len);
        slt_npy a;
        g_err[0] = '\0';
        int rc = slt_npy_read(path, &a, g_err, sizeof g_err);
        if (rc != 0 && (rc != SLT_EXIT_BADINPUT || !strstr(g_err, path)))
            fail_msg("seed %llu iteration %d: rc=%d err='%s'", (unsigned long long)g_seed, it, rc, g_err);
        if (rc == 0) slt_npy_free(&a);
    }
}

/* ---- writer failures -------------------------------------------------------- */

static void npy_write_fails_cleanly_without_output(void **state)
{
    (void)state;
    const size_t shape[2] = {2, 2};
    const int8_t data[4] = {1, 0, -1, 1};
    /* Folder missing: error naming the path, nothing created anywhere. */
    const char *p = path_in("no_such_dir/w.npy");
    assert_int_equal(slt_npy_write(p, SLT_NPY_I8, 2, shape, data, g_err, sizeof g_err), SLT_EXIT_BADINPUT);
    assert_non_null(strstr(g_err, p));
    assert_int_equal(dir_entries(), 0);
    /* Target is a directory: rename fails, the temporary file is removed. */
    char sub[512];
    snprintf(sub, sizeof sub, "%s", path_in("sub"));
    assert_int_equal(mkdir(sub, 0755), 0);
    assert_int_equal(slt_npy_write(sub, SLT_NPY_I8, 2, shape, data, g_err, sizeof g_err), SLT_EXIT_BADINPUT);
    assert_non_null(strstr(g_err, "cannot write"));
    assert_int_equal(dir_entries(), 1);
    rmdir(sub);
    /* Target is a FIFO (or a device): refused, never replaced by a file. */
    const char *fifo = path_in("fifo");
    assert_int_equal(mkfifo(fifo, 0600), 0);
    assert_int_equal(slt_npy_write(fifo, SLT_NPY_I8, 2, shape, data, g_err, sizeof g_err), SLT_EXIT_BADINPUT);
    assert_non_null(strstr(g_err, "not a regular file"));
    struct stat st;
    assert_int_equal(stat(fifo, &st), 0);
    assert_true(S_ISFIFO(st.st_mode));
    assert_int_equal(dir_entries(), 1);
    unlink(fifo);
    /* Bad arguments never create a file. */
    const size_t nine[9] = {1, 1, 1, 1, 1, 1, 1, 1, 1};
    assert_int_equal(slt_npy_write(path_in("x.npy"), SLT_NPY_I8, 9, nine, data, g_err, sizeof g_err),
                     SLT_EXIT_BADINPUT);
    assert_int_equal(slt_npy_write(path_in("x.npy"), SLT_NPY_I8, -1, shape, data, g_err, sizeof g_err),
                     SLT_EXIT_BADINPUT);
    assert_int_equal(slt_npy_write(path_in("x.npy"), SLT_NPY_I8, 2, shape, NULL, g_err, sizeof g_err),
                     SLT_EXIT_BADINPUT);
    assert_int_equal(slt_npy_write(path_in("x.npy"), (slt_dtype)9, 2, shape, data, g_err, sizeof g_err),
                     SLT_EXIT_BADINPUT);
    const size_t huge[2] = {SIZE_MAX / 2, 4};
    assert_int_equal(slt_npy_write(path_in("x.npy"), SLT_NPY_I8, 2, huge, data, g_err, sizeof g_err),
                     SLT_EXIT_BADINPUT);
    assert_int_equal(slt_npy_write(path_in(""), SLT_NPY_I8, 2, shape, data, g_err, sizeof g_err), SLT_EXIT_BADINPUT);
    assert_int_equal(dir_entries(), 0);
}

static void npy_write_replaces_atomically_with_normal_mode(void **state)
{
    (void)state;
    const size_t one = 1, two = 2;
    const char *p = path_in("r.npy");
    mode_t old = umask(022);
    assert_int_equal(slt_npy_write(p, SLT_NPY_I32, 1, &one, (int32_t[1]){7}, g_err, sizeof g_err), 0);
    assert_int_equal(slt_npy_write(p, SLT_NPY_I32, 1, &two, (int32_t[2]){8, 9}, g_err, sizeof g_err), 0);
    umask(old);
    struct stat st;
    assert_int_equal(stat(p, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0644);
    slt_npy a;
    assert_int_equal(slt_npy_read(p, &a, g_err, sizeof g_err), 0);
    assert_int_equal(a.count, 2);
    assert_int_equal(((int32_t *)a.data)[1], 9);
    slt_npy_free(&a);
    assert_int_equal(dir_entries(), 1); /* no temporary left behind */
}

static void npy_dtype_names_and_sizes(void **state)
{
    (void)state;
    assert_string_equal(slt_dtype_name(SLT_NPY_I8), "int8");
    assert_string_equal(slt_dtype_name(SLT_NPY_F32), "float32");
    assert_int_equal(slt_dtype_size(SLT_NPY_I16), 2);
    assert_int_equal(slt_dtype_size(SLT_NPY_I32), 4);
    slt_npy_free(NULL);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup_dir, teardown_dir)

int main(void)
{
    g_seed = slt_seed_from_env(1);
    printf("test_npy: seed %llu (SEED=%llu replays)\n", (unsigned long long)g_seed, (unsigned long long)g_seed);
    const struct CMUnitTest tests[] = {
        T(npy_roundtrip_every_dtype_and_rank),
        T(npy_roundtrip_empty_and_wide_shapes),
        T(npy_write_matches_numpy_bytes),
        T(npy_read_handmade_valid_variants),
        T(npy_read_rejects_bad_headers),
        T(npy_read_rejects_bad_preambles),
        T(npy_read_rejects_missing_and_special_files),
        T(npy_read_survives_garbage),
        T(npy_write_fails_cleanly_without_output),
        T(npy_write_replaces_atomically_with_normal_mode),
        T(npy_dtype_names_and_sizes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
