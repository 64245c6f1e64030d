/* slt_npy.h - NumPy .npy v1/v2/v3 reader and v1 writer (little-endian, C order).
 * Supported dtypes: int8 (|i1), int16 (<i2), int32 (<i4), float32 (<f4). */
#ifndef SLT_NPY_H
#define SLT_NPY_H

#include <stddef.h>

typedef enum { SLT_NPY_I8, SLT_NPY_I16, SLT_NPY_I32, SLT_NPY_F32 } slt_dtype;

typedef struct {
    slt_dtype dtype;
    int ndim;
    size_t shape[8];
    size_t count; /* product of shape (1 for ndim 0) */
    void *data;
} slt_npy;

const char *slt_dtype_name(slt_dtype d);
size_t slt_dtype_size(slt_dtype d);

/* Read a whole file; any deviation (bad magic, header, dtype, Fortran order,
 * big-endian, truncated or trailing data) is an error naming the file. */
int slt_npy_read(const char *path, slt_npy *a, char *err, size_t errlen);
void slt_npy_free(slt_npy *a);

/* Write atomically (temporary file in the same folder, then rename), so a
 * failed run leaves no output file. */
int slt_npy_write(const char *path, slt_dtype dtype, int ndim, const size_t *shape, const void *data,
                  char *err, size_t errlen);

/* The same atomic scheme for raw bytes (packed weights, vector files). */
int slt_write_atomic(const char *path, const void *data, size_t len, char *err, size_t errlen);

#endif
