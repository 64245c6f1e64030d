/* sltjsoncheck.c - strict JSON (RFC 8259) syntax check and value lookup for
 * the report test (tests/run/check_report.sh), so the test needs no jq.
 *
 *   sltjsoncheck FILE                 exit 0 when FILE is one valid JSON value
 *   sltjsoncheck FILE PATH...         also print each PATH's value, one a line:
 *                                     numbers as written, strings unquoted,
 *                                     null/true/false, "<object>"/"<array>";
 *                                     exit 1 when a PATH is missing
 * PATH: object keys separated by '/', e.g. models/bitnet_b1_58-3B/latency_s
 * (keys may contain dots). Keys without escapes only. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *s;
    size_t i, n;
    char path[1024];
    int npaths;
    char **want;
    char **found;
    const char *err;
} parser;

static int value(parser *p);

static void ws(parser *p)
{
    while (p->i < p->n && (p->s[p->i] == ' ' || p->s[p->i] == '\t' || p->s[p->i] == '\n' || p->s[p->i] == '\r')) p->i++;
}

static void leaf(parser *p, size_t a, size_t b)
{
    for (int k = 0; k < p->npaths; k++) {
        if (!p->found[k] && strcmp(p->want[k], p->path) == 0) {
            size_t len = b - a;
            p->found[k] = malloc(len + 1);
            if (!p->found[k]) exit(2);
            memcpy(p->found[k], p->s + a, len);
            p->found[k][len] = 0;
        }
    }
}

static int string(parser *p, size_t *a, size_t *b)
{
    if (p->i >= p->n || p->s[p->i] != '"') { p->err = "expected string"; return -1; }
    p->i++;
    *a = p->i;
    while (p->i < p->n && p->s[p->i] != '"') {
        unsigned char c = (unsigned char)p->s[p->i];
        if (c < 0x20) { p->err = "control character in string"; return -1; }
        if (c == '\\') {
            p->i++;
            if (p->i >= p->n) break;
            char e = p->s[p->i];
            if (e == 'u') {
                for (int k = 1; k <= 4; k++)
                    if (p->i + (size_t)k >= p->n || !isxdigit((unsigned char)p->s[p->i + (size_t)k])) { p->err = "bad \\u escape"; return -1; }
                p->i += 4;
            } else if (!strchr("\"\\/bfnrt", e)) { p->err = "bad escape"; return -1; }
        }
        p->i++;
    }
    if (p->i >= p->n) { p->err = "unterminated string"; return -1; }
    *b = p->i;
    p->i++;
    return 0;
}

static int number(parser *p)
{
    size_t a = p->i;
    if (p->i < p->n && p->s[p->i] == '-') p->i++;
    if (p->i < p->n && p->s[p->i] == '0') p->i++;
    else if (p->i < p->n && p->s[p->i] >= '1' && p->s[p->i] <= '9') while (p->i < p->n && isdigit((unsigned char)p->s[p->i])) p->i++;
    else { p->err = "bad number"; return -1; }
    if (p->i < p->n && p->s[p->i] == '.') {
        p->i++;
        if (p->i >= p->n || !isdigit((unsigned char)p->s[p->i])) { p->err = "bad fraction"; return -1; }
        while (p->i < p->n && isdigit((unsigned char)p->s[p->i])) p->i++;
    }
    if (p->i < p->n && (p->s[p->i] == 'e' || p->s[p->i] == 'E')) {
        p->i++;
        if (p->i < p->n && (p->s[p->i] == '+' || p->s[p->i] == '-')) p->i++;
        if (p->i >= p->n || !isdigit((unsigned char)p->s[p->i])) { p->err = "bad exponent"; return -1; }
        while (p->i < p->n && isdigit((unsigned char)p->s[p->i])) p->i++;
    }
    leaf(p, a, p->i);
    return 0;
}

static int literal(parser *p, const char *w)
{
    size_t l = strlen(w);
    if (p->n - p->i < l || strncmp(p->s + p->i, w, l) != 0) { p->err = "bad literal"; return -1; }
    leaf(p, p->i, p->i + l);
    p->i += l;
    return 0;
}

static int object(parser *p)
{
    size_t plen = strlen(p->path);
    static const char obj[] = "<object>";
    for (int k = 0; k < p->npaths; k++)
        if (!p->found[k] && strcmp(p->want[k], p->path) == 0) p->found[k] = strdup(obj);
    p->i++;
    ws(p);
    if (p->i < p->n && p->s[p->i] == '}') { p->i++; return 0; }
    for (;;) {
        ws(p);
        size_t a, b;
        if (string(p, &a, &b)) return -1;
        if (plen + 1 + (b - a) + 1 >= sizeof p->path) { p->err = "path too long"; return -1; }
        if (plen) p->path[plen] = '/';
        size_t at = plen ? plen + 1 : 0;
        memcpy(p->path + at, p->s + a, b - a);
        p->path[at + (b - a)] = 0;
        ws(p);
        if (p->i >= p->n || p->s[p->i] != ':') { p->err = "expected ':'"; return -1; }
        p->i++;
        if (value(p)) return -1;
        p->path[plen] = 0;
        ws(p);
        if (p->i < p->n && p->s[p->i] == ',') { p->i++; continue; }
        if (p->i < p->n && p->s[p->i] == '}') { p->i++; return 0; }
        p->err = "expected ',' or '}'";
        return -1;
    }
}

static int array(parser *p)
{
    for (int k = 0; k < p->npaths; k++)
        if (!p->found[k] && strcmp(p->want[k], p->path) == 0) p->found[k] = strdup("<array>");
    p->i++;
    ws(p);
    if (p->i < p->n && p->s[p->i] == ']') { p->i++; return 0; }
    for (;;) {
        if (value(p)) return -1;
        ws(p);
        if (p->i < p->n && p->s[p->i] == ',') { p->i++; continue; }
        if (p->i < p->n && p->s[p->i] == ']') { p->i++; return 0; }
        p->err = "expected ',' or ']'";
        return -1;
    }
}

static int value(parser *p)
{
    ws(p);
    if (p->i >= p->n) { p->err = "unexpected end"; return -1; }
    char c = p->s[p->i];
    if (c == '{') return object(p);
    if (c == '[') return array(p);
    if (c == '"') {
        size_t a, b;
        if (string(p, &a, &b)) return -1;
        leaf(p, a, b);
        return 0;
    }
    if (c == 't') return literal(p, "true");
    if (c == 'f') return literal(p, "false");
    if (c == 'n') return literal(p, "null");
    return number(p);
}

int main(int argc, char **argv)
{
    if (argc < 2) { fprintf(stderr, "usage: sltjsoncheck FILE [PATH...]\n"); return 2; }
    FILE *f = fopen(argv[1], "rb");
    if (!f) { fprintf(stderr, "sltjsoncheck: cannot open %s\n", argv[1]); return 2; }
    static char buf[1 << 22];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    if (n == sizeof buf) { fprintf(stderr, "sltjsoncheck: %s too large\n", argv[1]); return 2; }
    parser p = {0};
    p.s = buf;
    p.n = n;
    p.npaths = argc - 2;
    p.want = argv + 2;
    p.found = calloc((size_t)(argc > 2 ? argc - 2 : 1), sizeof *p.found);
    if (!p.found) return 2;
    if (value(&p) == 0) {
        ws(&p);
        if (p.i != p.n) p.err = "trailing characters";
    }
    if (p.err) {
        fprintf(stderr, "sltjsoncheck: %s: invalid JSON at byte %zu: %s\n", argv[1], p.i, p.err);
        return 1;
    }
    int missing = 0;
    for (int k = 0; k < p.npaths; k++) {
        if (!p.found[k]) { fprintf(stderr, "sltjsoncheck: %s: no field %s\n", argv[1], p.want[k]); missing = 1; printf("MISSING\n"); }
        else printf("%s\n", p.found[k]);
    }
    return missing;
}
