/* slt_json.c - strict bounded JSON reader (see slt_json.h). */
#include "slt_json.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "slt_config.h"

typedef struct {
    const char *s;
    size_t len, pos;
    char *err;
    size_t errlen;
    int failed;
} parser;

static int perr(parser *p, const char *fmt, ...)
{
    if (p->failed) return -1;
    p->failed = 1;
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (p->err && p->errlen) snprintf(p->err, p->errlen, "json: %s at byte %zu", msg, p->pos);
    return -1;
}

static void skip_ws(parser *p)
{
    while (p->pos < p->len) {
        char c = p->s[p->pos];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
        p->pos++;
    }
}

static int peek(const parser *p) { return p->pos < p->len ? (unsigned char)p->s[p->pos] : -1; }

static void free_members(slt_json *v)
{
    if (v->type == SLT_JSON_STRING) free(v->str);
    if (v->type == SLT_JSON_ARRAY || v->type == SLT_JSON_OBJECT) {
        for (size_t i = 0; i < v->len; i++) {
            free_members(&v->items[i]);
            if (v->keys) free(v->keys[i]);
        }
        free(v->items);
        free(v->keys);
    }
    memset(v, 0, sizeof *v);
}

void slt_json_free(slt_json *v)
{
    if (!v) return;
    free_members(v);
    free(v);
}

static int literal(parser *p, const char *word)
{
    size_t n = strlen(word);
    if (p->len - p->pos < n || memcmp(p->s + p->pos, word, n)) return perr(p, "invalid literal");
    p->pos += n;
    return 0;
}

static int hex4(parser *p, size_t end, unsigned *out)
{
    if (end - p->pos < 4) return perr(p, "truncated \\u escape");
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p->s[p->pos++];
        v <<= 4;
        if (c >= '0' && c <= '9') v |= (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f') v |= (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') v |= (unsigned)(c - 'A' + 10);
        else return perr(p, "bad hex digit in \\u escape");
    }
    *out = v;
    return 0;
}

static size_t put_utf8(char *o, unsigned cp)
{
    if (cp < 0x80) { o[0] = (char)cp; return 1; }
    if (cp < 0x800) { o[0] = (char)(0xC0 | cp >> 6); o[1] = (char)(0x80 | (cp & 0x3F)); return 2; }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | cp >> 12); o[1] = (char)(0x80 | (cp >> 6 & 0x3F)); o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | cp >> 18); o[1] = (char)(0x80 | (cp >> 12 & 0x3F));
    o[2] = (char)(0x80 | (cp >> 6 & 0x3F)); o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Length of a valid UTF-8 sequence starting at s[0] (at most n bytes), or 0. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    size_t need;
    unsigned cp, min;
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) { need = 2; cp = c & 0x1F; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { need = 3; cp = c & 0x0F; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { need = 4; cp = c & 0x07; min = 0x10000; }
    else return 0;
    if (n < need) return 0;
    for (size_t i = 1; i < need; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        cp = cp << 6 | (s[i] & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return need;
}

/* A string: the output is never longer than the input span. */
static int parse_string(parser *p, char **out, size_t *outlen)
{
    p->pos++; /* opening quote */
    size_t start = p->pos, end = start;
    while (end < p->len && p->s[end] != '"') end += (p->s[end] == '\\') ? 2 : 1;
    if (end >= p->len) return perr(p, "unterminated string");
    char *o = malloc(end - start + 1);
    if (!o) return perr(p, "out of memory");
    size_t n = 0;
    while (p->pos < end) {
        unsigned char c = (unsigned char)p->s[p->pos];
        if (c < 0x20) { free(o); return perr(p, "control character in string"); }
        if (c != '\\') {
            size_t k = utf8_seq((const unsigned char *)p->s + p->pos, end - p->pos);
            if (!k) { free(o); return perr(p, "invalid UTF-8 in string"); }
            memcpy(o + n, p->s + p->pos, k);
            n += k;
            p->pos += k;
            continue;
        }
        p->pos++;
        char e = p->s[p->pos++];
        const char *map = strchr("\"\\/bfnrt", e);
        if (e && map) { o[n++] = "\"\\/\b\f\n\r\t"[map - "\"\\/bfnrt"]; continue; }
        if (e != 'u') { free(o); return perr(p, "invalid escape"); }
        unsigned cp, lo;
        if (hex4(p, end, &cp)) { free(o); return -1; }
        if (cp >= 0xDC00 && cp <= 0xDFFF) { free(o); return perr(p, "lone low surrogate"); }
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (end - p->pos < 2 || p->s[p->pos] != '\\' || p->s[p->pos + 1] != 'u') {
                free(o);
                return perr(p, "lone high surrogate");
            }
            p->pos += 2;
            if (hex4(p, end, &lo)) { free(o); return -1; }
            if (lo < 0xDC00 || lo > 0xDFFF) { free(o); return perr(p, "bad surrogate pair"); }
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        }
        if (cp == 0) { free(o); return perr(p, "\\u0000 in string"); }
        n += put_utf8(o + n, cp); /* <= 4 bytes from >= 6 input bytes */
    }
    if (p->pos != end) { free(o); return perr(p, "truncated escape"); }
    p->pos = end + 1;
    o[n] = '\0';
    *out = o;
    *outlen = n;
    return 0;
}

static int parse_number(parser *p, slt_json *v)
{
    size_t start = p->pos;
    int integer = 1;
    if (peek(p) == '-') p->pos++;
    if (peek(p) == '0') p->pos++;
    else if (peek(p) >= '1' && peek(p) <= '9') while (peek(p) >= '0' && peek(p) <= '9') p->pos++;
    else return perr(p, "invalid number");
    if (peek(p) == '.') {
        integer = 0;
        p->pos++;
        if (!(peek(p) >= '0' && peek(p) <= '9')) return perr(p, "digit expected after '.'");
        while (peek(p) >= '0' && peek(p) <= '9') p->pos++;
    }
    if (peek(p) == 'e' || peek(p) == 'E') {
        integer = 0;
        p->pos++;
        if (peek(p) == '+' || peek(p) == '-') p->pos++;
        if (!(peek(p) >= '0' && peek(p) <= '9')) return perr(p, "digit expected in exponent");
        while (peek(p) >= '0' && peek(p) <= '9') p->pos++;
    }
    size_t n = p->pos - start;
    if (n > 400) return perr(p, "number too long");
    char buf[401];
    memcpy(buf, p->s + start, n);
    buf[n] = '\0';
    double d = strtod(buf, NULL);
    if (!isfinite(d)) return perr(p, "number out of range");
    v->type = SLT_JSON_NUMBER;
    v->number = d;
    v->is_integer = integer;
    return 0;
}

static int parse_value(parser *p, slt_json *v, int depth);

/* Append one member to an array/object being built. */
static int grow(parser *p, slt_json *v, size_t *cap)
{
    if (v->len < *cap) return 0;
    size_t nc = *cap ? 2 * *cap : 4;
    slt_json *ni = realloc(v->items, nc * sizeof *ni);
    if (!ni) return perr(p, "out of memory");
    v->items = ni;
    if (v->type == SLT_JSON_OBJECT) {
        char **nk = realloc(v->keys, nc * sizeof *nk);
        if (!nk) return perr(p, "out of memory");
        v->keys = nk;
    }
    *cap = nc;
    return 0;
}

static int parse_container(parser *p, slt_json *v, int depth, int object)
{
    if (depth >= SLT_JSON_MAX_DEPTH) return perr(p, "nesting deeper than %d", SLT_JSON_MAX_DEPTH);
    char close = object ? '}' : ']';
    v->type = object ? SLT_JSON_OBJECT : SLT_JSON_ARRAY;
    size_t cap = 0;
    p->pos++;
    skip_ws(p);
    if (peek(p) == close) { p->pos++; return 0; }
    for (;;) {
        if (grow(p, v, &cap)) return -1;
        slt_json *item = &v->items[v->len];
        memset(item, 0, sizeof *item);
        char *key = NULL;
        if (object) {
            skip_ws(p);
            if (peek(p) != '"') return perr(p, "object key expected");
            size_t kl;
            if (parse_string(p, &key, &kl)) return -1;
            for (size_t i = 0; i < v->len; i++)
                if (!strcmp(v->keys[i], key)) { free(key); return perr(p, "duplicate key"); }
            skip_ws(p);
            if (peek(p) != ':') { free(key); return perr(p, "':' expected"); }
            p->pos++;
        }
        int rc = parse_value(p, item, depth + 1);
        if (object) v->keys[v->len] = key;
        v->len++; /* counted even on failure so free_members releases it */
        if (rc) return -1;
        skip_ws(p);
        int c = peek(p);
        p->pos++;
        if (c == close) return 0;
        if (c != ',') { p->pos--; return perr(p, "',' or '%c' expected", close); }
    }
}

static int parse_value(parser *p, slt_json *v, int depth)
{
    skip_ws(p);
    int c = peek(p);
    switch (c) {
    case '{': return parse_container(p, v, depth, 1);
    case '[': return parse_container(p, v, depth, 0);
    case '"': v->type = SLT_JSON_STRING; return parse_string(p, &v->str, &v->len);
    case 't': v->type = SLT_JSON_BOOL; v->boolean = 1; return literal(p, "true");
    case 'f': v->type = SLT_JSON_BOOL; return literal(p, "false");
    case 'n': v->type = SLT_JSON_NULL; return literal(p, "null");
    case -1: return perr(p, "unexpected end of input");
    default:
        if (c == '-' || (c >= '0' && c <= '9')) return parse_number(p, v);
        return perr(p, "unexpected character 0x%02x", (unsigned)c);
    }
}

int slt_json_parse(const char *text, size_t len, slt_json **out, char *err, size_t errlen)
{
    *out = NULL;
    parser p = {text, len, 0, err, errlen, 0};
    if (len > SLT_JSON_MAX_BYTES) {
        perr(&p, "document larger than %u bytes", SLT_JSON_MAX_BYTES);
        return SLT_EXIT_BADINPUT;
    }
    if (len && memchr(text, '\0', len)) {
        p.pos = (size_t)((const char *)memchr(text, '\0', len) - text);
        perr(&p, "NUL byte");
        return SLT_EXIT_BADINPUT;
    }
    slt_json *v = calloc(1, sizeof *v);
    if (!v) {
        perr(&p, "out of memory");
        return SLT_EXIT_BADINPUT;
    }
    if (parse_value(&p, v, 0) == 0) {
        skip_ws(&p);
        if (p.pos != len) perr(&p, "trailing characters after the value");
    }
    if (p.failed) {
        slt_json_free(v);
        return SLT_EXIT_BADINPUT;
    }
    *out = v;
    return 0;
}

const slt_json *slt_json_get(const slt_json *v, const char *key)
{
    if (!v || v->type != SLT_JSON_OBJECT) return NULL;
    for (size_t i = 0; i < v->len; i++)
        if (!strcmp(v->keys[i], key)) return &v->items[i];
    return NULL;
}
