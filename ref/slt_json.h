/* slt_json.h - a small, strict, bounded JSON reader (RFC 8259) for config.json
 * files of Hugging Face checkpoints (docs/decode.md).
 *
 * Strict: exactly one value, optional surrounding whitespace; no comments, no
 * trailing commas, no NaN/Infinity, no leading zeros or '+', no control
 * characters or invalid escapes in strings, \u escapes with proper surrogate
 * pairs, no duplicate keys, no NUL bytes. Bounded: input at most
 * SLT_JSON_MAX_BYTES, nesting at most SLT_JSON_MAX_DEPTH (the parser recurses
 * only that deep), every allocation sized from the input. A bad document is an
 * error with the byte offset, never a crash. */
#ifndef SLT_JSON_H
#define SLT_JSON_H

#include <stddef.h>

#define SLT_JSON_MAX_BYTES (16u << 20)
#define SLT_JSON_MAX_DEPTH 64

typedef enum {
    SLT_JSON_NULL = 0,
    SLT_JSON_BOOL,
    SLT_JSON_NUMBER,
    SLT_JSON_STRING,
    SLT_JSON_ARRAY,
    SLT_JSON_OBJECT
} slt_json_type;

typedef struct slt_json {
    slt_json_type type;
    int boolean;             /* BOOL */
    double number;           /* NUMBER (finite; strtod of the exact text) */
    int is_integer;          /* NUMBER written without fraction or exponent */
    char *str;               /* STRING: UTF-8, NUL-terminated (an escaped \u0000 is refused) */
    size_t len;              /* STRING: bytes; ARRAY/OBJECT: members */
    struct slt_json *items;  /* ARRAY/OBJECT members */
    char **keys;             /* OBJECT keys (same order as items) */
} slt_json;

/* Parse text[0..len). *out is malloc'ed (slt_json_free) or NULL on failure;
 * returns 0 or SLT_EXIT_BADINPUT with "json: <reason> at byte N" in err. */
int slt_json_parse(const char *text, size_t len, slt_json **out, char *err, size_t errlen);
void slt_json_free(slt_json *v);

/* Member of an object by key, or NULL (also NULL when v is not an object). */
const slt_json *slt_json_get(const slt_json *v, const char *key);

#endif
