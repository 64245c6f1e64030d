/* netlist.c - flat gate-level netlist and liberty facts (netlist.h). */
#include "netlist.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) {
        fprintf(stderr, "sltnet: out of memory\n");
        exit(2);
    }
    return q;
}

static char *xstrndup(const char *s, size_t n)
{
    char *d = xrealloc(NULL, n + 1);
    memcpy(d, s, n);
    d[n] = 0;
    return d;
}

static int seterr(char *err, size_t errlen, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
    return -1;
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *buf = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (n + 65536 + 1 > cap) {
            cap = cap ? 2 * cap : 1 << 20;
            buf = xrealloc(buf, cap);
        }
        size_t r = fread(buf + n, 1, cap - n - 1, f);
        n += r;
        if (r == 0) break;
    }
    fclose(f);
    buf[n] = 0;
    *len = n;
    return buf;
}

/* ---- string -> int map (open addressing) ------------------------------------ */
typedef struct {
    size_t cap, n;
    char **keys;
    int *vals;
} smap;

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

static void smap_put(smap *m, char *key, int val);

static void smap_grow(smap *m)
{
    smap old = *m;
    m->cap = old.cap ? 2 * old.cap : 1024;
    m->n = 0;
    m->keys = calloc(m->cap, sizeof *m->keys);
    m->vals = calloc(m->cap, sizeof *m->vals);
    if (!m->keys || !m->vals) {
        fprintf(stderr, "sltnet: out of memory\n");
        exit(2);
    }
    for (size_t i = 0; i < old.cap; i++)
        if (old.keys[i]) smap_put(m, old.keys[i], old.vals[i]);
    free(old.keys);
    free(old.vals);
}

static void smap_put(smap *m, char *key, int val)
{
    if (2 * (m->n + 1) > m->cap) smap_grow(m);
    size_t i = hash_str(key) & (m->cap - 1);
    while (m->keys[i] && strcmp(m->keys[i], key)) i = (i + 1) & (m->cap - 1);
    if (!m->keys[i]) m->n++;
    m->keys[i] = key;
    m->vals[i] = val;
}

static int smap_get(const smap *m, const char *key)
{
    if (!m || !m->cap) return -1;
    size_t i = hash_str(key) & (m->cap - 1);
    while (m->keys[i]) {
        if (!strcmp(m->keys[i], key)) return m->vals[i];
        i = (i + 1) & (m->cap - 1);
    }
    return -1;
}

/* ---- liberty: cells, pin directions, capacitances ------------------------------ */
/* value of `key : value;` on a line (quotes stripped), or NULL */
static int lib_attr(const char *line, const char *key, char *val, size_t vlen)
{
    const char *p = line;
    while (isspace((unsigned char)*p)) p++;
    size_t kl = strlen(key);
    if (strncmp(p, key, kl)) return 0;
    p += kl;
    while (isspace((unsigned char)*p)) p++;
    if (*p != ':') return 0;
    p++;
    while (isspace((unsigned char)*p) || *p == '"') p++;
    size_t n = 0;
    while (p[n] && p[n] != ';' && p[n] != '"' && n + 1 < vlen) n++;
    memcpy(val, p, n);
    val[n] = 0;
    return 1;
}

/* name of a `group ("name") {` line, or 0 */
static int lib_group(const char *line, const char *group, char *name, size_t nlen)
{
    const char *p = line;
    while (isspace((unsigned char)*p)) p++;
    size_t gl = strlen(group);
    if (strncmp(p, group, gl)) return 0;
    p += gl;
    while (isspace((unsigned char)*p)) p++;
    if (*p != '(') return 0;
    p++;
    while (isspace((unsigned char)*p) || *p == '"') p++;
    size_t n = 0;
    while (p[n] && p[n] != '"' && p[n] != ')' && n + 1 < nlen) n++;
    memcpy(name, p, n);
    name[n] = 0;
    return n > 0;
}

int nl_lib_load(nl_lib *lib, const char *path, char *err, size_t errlen)
{
    memset(lib, 0, sizeof *lib);
    size_t len;
    char *text = read_all(path, &len);
    if (!text) return seterr(err, errlen, "cannot read liberty '%s'", path);
    int depth = 0, cell_depth = -1, pin_depth = -1;
    nl_libcell *cell = NULL;
    nl_libpin *pin = NULL;
    char name[512], val[512];
    for (char *line = text; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl) *nl = 0;
        if (cell_depth < 0 && depth == 1 && lib_group(line, "cell", name, sizeof name)) {
            lib->cells = xrealloc(lib->cells, (size_t)(lib->ncells + 1) * sizeof *lib->cells);
            cell = &lib->cells[lib->ncells++];
            memset(cell, 0, sizeof *cell);
            cell->name = xstrndup(name, strlen(name));
            cell_depth = depth;
        } else if (cell && pin_depth < 0 && depth == cell_depth + 1 && lib_group(line, "pin", name, sizeof name)) {
            cell->pins = xrealloc(cell->pins, (size_t)(cell->npins + 1) * sizeof *cell->pins);
            pin = &cell->pins[cell->npins++];
            memset(pin, 0, sizeof *pin);
            pin->name = xstrndup(name, strlen(name));
            pin_depth = depth;
        } else if (pin && depth == pin_depth + 1) {
            if (lib_attr(line, "direction", val, sizeof val))
                pin->dir = !strcmp(val, "output") ? NL_OUT : !strcmp(val, "inout") ? NL_INOUT : NL_IN;
            else if (lib_attr(line, "capacitance", val, sizeof val)) pin->cap = atof(val);
            else if (lib_attr(line, "max_capacitance", val, sizeof val)) pin->max_cap = atof(val);
            else if (lib_attr(line, "clock", val, sizeof val)) pin->clock = !strcmp(val, "true");
        }
        for (char *c = line; *c; c++) {
            if (*c == '{') depth++;
            else if (*c == '}') {
                depth--;
                if (pin && depth == pin_depth) { pin = NULL; pin_depth = -1; }
                if (cell && depth == cell_depth) { cell = NULL; cell_depth = -1; }
            }
        }
        line = nl ? nl + 1 : NULL;
    }
    free(text);
    if (!lib->ncells) return seterr(err, errlen, "no cells in liberty '%s'", path);
    return 0;
}

void nl_lib_free(nl_lib *lib)
{
    for (int i = 0; i < lib->ncells; i++) {
        for (int j = 0; j < lib->cells[i].npins; j++) free(lib->cells[i].pins[j].name);
        free(lib->cells[i].pins);
        free(lib->cells[i].name);
    }
    free(lib->cells);
    memset(lib, 0, sizeof *lib);
}

int nl_lib_find(const nl_lib *lib, const char *name)
{
    for (int i = 0; i < lib->ncells; i++)
        if (!strcmp(lib->cells[i].name, name)) return i;
    return -1;
}

/* ---- Verilog tokens ----------------------------------------------------------- */
enum { T_EOF, T_ID, T_NUM, T_PUNCT };
typedef struct {
    const char *s;
    size_t n, pos;
    int kind;
    size_t t0, t1; /* token text */
    char punct;
    int line;
} lexer;

static void lex_next(lexer *lx)
{
    const char *s = lx->s;
    size_t p = lx->pos;
    for (;;) {
        while (p < lx->n && isspace((unsigned char)s[p])) {
            if (s[p] == '\n') lx->line++;
            p++;
        }
        if (p + 1 < lx->n && s[p] == '/' && s[p + 1] == '*') {
            const char *e = strstr(s + p + 2, "*/");
            p = e ? (size_t)(e - s) + 2 : lx->n;
            continue;
        }
        if (p + 1 < lx->n && s[p] == '/' && s[p + 1] == '/') {
            while (p < lx->n && s[p] != '\n') p++;
            continue;
        }
        break;
    }
    lx->t0 = p;
    if (p >= lx->n) {
        lx->kind = T_EOF;
    } else if (s[p] == '\\') {
        p++;
        while (p < lx->n && !isspace((unsigned char)s[p])) p++;
        lx->kind = T_ID;
    } else if (isalpha((unsigned char)s[p]) || s[p] == '_' || s[p] == '$') {
        while (p < lx->n && (isalnum((unsigned char)s[p]) || s[p] == '_' || s[p] == '$')) p++;
        lx->kind = T_ID;
    } else if (isdigit((unsigned char)s[p]) || s[p] == '\'') {
        while (p < lx->n && (isalnum((unsigned char)s[p]) || s[p] == '\'' || s[p] == '_')) p++;
        lx->kind = T_NUM;
    } else {
        lx->punct = s[p++];
        lx->kind = T_PUNCT;
    }
    lx->t1 = p;
    lx->pos = p;
}

static int is_punct(const lexer *lx, char c) { return lx->kind == T_PUNCT && lx->punct == c; }
static int is_word(const lexer *lx, const char *w)
{
    size_t n = strlen(w);
    return lx->kind == T_ID && lx->t1 - lx->t0 == n && !strncmp(lx->s + lx->t0, w, n);
}
/* identifier text without the escape backslash */
static char *tok_name(const lexer *lx)
{
    size_t a = lx->t0;
    if (lx->s[a] == '\\') a++;
    return xstrndup(lx->s + a, lx->t1 - a);
}

/* ---- bit vectors ---------------------------------------------------------------- */
typedef struct {
    int n, cap;
    int *v;
} ivec;
static void iv_push(ivec *b, int x)
{
    if (b->n == b->cap) {
        b->cap = b->cap ? 2 * b->cap : 16;
        b->v = xrealloc(b->v, (size_t)b->cap * sizeof *b->v);
    }
    b->v[b->n++] = x;
}

typedef struct {
    nl_netlist *nl;
    lexer lx;
    smap map;
    char *err;
    size_t errlen;
    int failed;
} parser;

static int perr(parser *ps, const char *what)
{
    if (!ps->failed)
        seterr(ps->err, ps->errlen, "netlist line %d: %s near '%.*s'", ps->lx.line + 1, what,
               (int)(ps->lx.t1 - ps->lx.t0 > 60 ? 60 : ps->lx.t1 - ps->lx.t0), ps->lx.s + ps->lx.t0);
    ps->failed = 1;
    return -1;
}

static long tok_long(const lexer *lx) { return strtol(lx->s + lx->t0, NULL, 10); }

/* sized constant N'bDDD (or N'sbDDD) -> bits MSB first */
static int const_bits(parser *ps, ivec *out)
{
    const char *t = ps->lx.s + ps->lx.t0;
    size_t n = ps->lx.t1 - ps->lx.t0;
    const char *q = memchr(t, '\'', n);
    if (!q) return perr(ps, "unsized constant");
    int width = atoi(t);
    const char *d = q + 1;
    if (*d == 's' || *d == 'S') d++;
    if (*d != 'b' && *d != 'B') return perr(ps, "only binary constants are read (write_verilog -nohex -nodec)");
    d++;
    const char *end = t + n;
    int nd = (int)(end - d);
    for (int i = 0; i < width; i++) {
        int k = nd - width + i; /* digit for this bit (MSB first), zero-extended */
        char c = k >= 0 ? d[k] : '0';
        iv_push(out, c == '1' ? NL_CONST1 : c == '0' ? NL_CONST0 : NL_CONSTX);
    }
    lex_next(&ps->lx);
    return 0;
}

static int parse_expr(parser *ps, ivec *out);

static int parse_primary(parser *ps, ivec *out)
{
    lexer *lx = &ps->lx;
    if (lx->kind == T_NUM) return const_bits(ps, out);
    if (is_punct(lx, '{')) {
        lex_next(lx);
        for (;;) {
            if (parse_expr(ps, out)) return -1;
            if (is_punct(lx, ',')) { lex_next(lx); continue; }
            if (is_punct(lx, '}')) { lex_next(lx); return 0; }
            return perr(ps, "expected , or }");
        }
    }
    if (lx->kind != T_ID) return perr(ps, "expected a signal");
    char *name = tok_name(lx);
    int w = smap_get(&ps->map, name);
    free(name);
    if (w < 0) return perr(ps, "undeclared signal");
    nl_wire *wr = &ps->nl->wires[w];
    lex_next(lx);
    int hi = wr->msb, lo = wr->lsb;
    if (is_punct(lx, '[')) {
        lex_next(lx);
        hi = lo = (int)tok_long(lx);
        lex_next(lx);
        if (is_punct(lx, ':')) {
            lex_next(lx);
            lo = (int)tok_long(lx);
            lex_next(lx);
        }
        if (!is_punct(lx, ']')) return perr(ps, "expected ]");
        lex_next(lx);
    }
    int step = hi >= lo ? -1 : 1;
    for (int i = hi;; i += step) {
        int off = wr->msb >= wr->lsb ? i - wr->lsb : wr->lsb - i;
        int width = abs(wr->msb - wr->lsb) + 1;
        if (off < 0 || off >= width) return perr(ps, "bit index out of range");
        iv_push(out, wr->base + off);
        if (i == lo) break;
    }
    return 0;
}

static int parse_expr(parser *ps, ivec *out) { return parse_primary(ps, out); }

static int parse_decl(parser *ps, int dir)
{
    lexer *lx = &ps->lx;
    nl_netlist *nl = ps->nl;
    lex_next(lx);
    if (is_word(lx, "wire") || is_word(lx, "reg")) lex_next(lx);
    if (is_word(lx, "signed")) lex_next(lx);
    int msb = 0, lsb = 0;
    if (is_punct(lx, '[')) {
        lex_next(lx);
        msb = (int)tok_long(lx);
        lex_next(lx);
        if (!is_punct(lx, ':')) return perr(ps, "expected :");
        lex_next(lx);
        lsb = (int)tok_long(lx);
        lex_next(lx);
        if (!is_punct(lx, ']')) return perr(ps, "expected ]");
        lex_next(lx);
    }
    for (;;) {
        if (lx->kind != T_ID) return perr(ps, "expected a name");
        char *name = tok_name(lx);
        int w = smap_get(&ps->map, name);
        if (w >= 0) {
            if (dir) nl->wires[w].dir = dir;
            free(name);
        } else {
            nl->wires = xrealloc(nl->wires, (size_t)(nl->nwires + 1) * sizeof *nl->wires);
            nl_wire *wr = &nl->wires[nl->nwires];
            wr->name = name;
            wr->msb = msb;
            wr->lsb = lsb;
            wr->base = nl->nbits;
            wr->dir = dir;
            nl->nbits += abs(msb - lsb) + 1;
            smap_put(&ps->map, name, nl->nwires);
            nl->nwires++;
        }
        lex_next(lx);
        if (is_punct(lx, ',')) { lex_next(lx); continue; }
        if (is_punct(lx, ';')) { lex_next(lx); return 0; }
        return perr(ps, "expected , or ;");
    }
}

static void uf_union(nl_netlist *nl, int a, int b)
{
    a = nl_root(nl, a);
    b = nl_root(nl, b);
    if (a != b) nl->uf[a < b ? b : a] = a < b ? a : b;
}

typedef struct {
    int a, b;
} pair;
typedef struct {
    int n, cap;
    pair *v;
} pvec;

static int parse_assign(parser *ps, pvec *joins)
{
    lexer *lx = &ps->lx;
    ivec l = {0}, r = {0};
    lex_next(lx);
    if (parse_expr(ps, &l)) goto fail;
    if (!is_punct(lx, '=')) { perr(ps, "expected ="); goto fail; }
    lex_next(lx);
    if (parse_expr(ps, &r)) goto fail;
    if (!is_punct(lx, ';')) { perr(ps, "expected ;"); goto fail; }
    lex_next(lx);
    if (l.n != r.n) { perr(ps, "assign widths differ"); goto fail; }
    for (int i = 0; i < l.n; i++) {
        if (joins->n == joins->cap) {
            joins->cap = joins->cap ? 2 * joins->cap : 256;
            joins->v = xrealloc(joins->v, (size_t)joins->cap * sizeof *joins->v);
        }
        joins->v[joins->n++] = (pair){l.v[i], r.v[i]};
    }
    ps->nl->nassign++;
    free(l.v);
    free(r.v);
    return 0;
fail:
    free(l.v);
    free(r.v);
    return -1;
}

static void conn_dir(nl_conn *c, const nl_lib *lib, int libcell)
{
    c->dir = NL_IN;
    if (libcell >= 0) {
        const nl_libcell *lc = &lib->cells[libcell];
        for (int i = 0; i < lc->npins; i++)
            if (!strcmp(lc->pins[i].name, c->pin)) {
                c->dir = lc->pins[i].dir;
                c->cap = lc->pins[i].cap;
                c->clock = lc->pins[i].clock;
                return;
            }
        return;
    }
    size_t n = strlen(c->pin); /* a cell the liberty lacks (SRAM macro): *_o pins are outputs */
    if (n > 2 && !strcmp(c->pin + n - 2, "_o")) c->dir = NL_OUT;
    if (!strcmp(c->pin, "clk_i")) c->clock = 1;
}

static int parse_cell(parser *ps, const nl_lib *lib)
{
    lexer *lx = &ps->lx;
    nl_netlist *nl = ps->nl;
    nl_cell cell = {0};
    cell.type = tok_name(lx);
    cell.libcell = nl_lib_find(lib, cell.type);
    lex_next(lx);
    if (is_punct(lx, '#')) { /* parameters: keep the text */
        size_t p0 = lx->t0;
        int depth = 0;
        lex_next(lx);
        do {
            if (is_punct(lx, '(')) depth++;
            if (is_punct(lx, ')')) depth--;
            if (lx->kind == T_EOF) return perr(ps, "unterminated parameters");
            lex_next(lx);
        } while (depth > 0);
        cell.params = xstrndup(lx->s + p0, lx->t0 - p0);
        cell.pspan0 = p0;
        cell.pspan1 = lx->t0;
    }
    if (lx->kind != T_ID) return perr(ps, "expected an instance name");
    cell.name = tok_name(lx);
    lex_next(lx);
    if (!is_punct(lx, '(')) return perr(ps, "expected (");
    lex_next(lx);
    while (!is_punct(lx, ')')) {
        if (!is_punct(lx, '.')) return perr(ps, "expected .PIN(...)");
        lex_next(lx);
        nl_conn c = {0};
        c.pin = tok_name(lx);
        lex_next(lx);
        if (!is_punct(lx, '(')) return perr(ps, "expected (");
        lex_next(lx);
        c.span0 = lx->t0;
        ivec bits = {0};
        if (!is_punct(lx, ')') && parse_expr(ps, &bits)) return -1;
        c.span1 = lx->t0;
        if (!is_punct(lx, ')')) return perr(ps, "expected )");
        lex_next(lx);
        c.nbits = bits.n;
        c.bits = bits.v;
        conn_dir(&c, lib, cell.libcell);
        cell.conns = xrealloc(cell.conns, (size_t)(cell.nconn + 1) * sizeof *cell.conns);
        cell.conns[cell.nconn++] = c;
        if (is_punct(lx, ',')) lex_next(lx);
    }
    lex_next(lx);
    if (!is_punct(lx, ';')) return perr(ps, "expected ;");
    cell.end = lx->t1;
    lex_next(lx);
    nl->cells = xrealloc(nl->cells, (size_t)(nl->ncells + 1) * sizeof *nl->cells);
    nl->cells[nl->ncells++] = cell;
    return 0;
}

static int parse_module(parser *ps, const nl_lib *lib, pvec *joins)
{
    lexer *lx = &ps->lx;
    nl_netlist *nl = ps->nl;
    lex_next(lx);
    while (lx->kind != T_EOF && !is_word(lx, "module")) lex_next(lx);
    if (lx->kind == T_EOF) return perr(ps, "no module");
    lex_next(lx);
    nl->module = tok_name(lx);
    while (lx->kind != T_EOF && !is_punct(lx, ';')) lex_next(lx);
    nl->header_end = lx->t1;
    lex_next(lx);
    for (;;) {
        if (lx->kind == T_EOF) return perr(ps, "no endmodule");
        if (is_word(lx, "endmodule")) {
            nl->endmodule = lx->t0;
            lex_next(lx);
            if (lx->kind != T_EOF) return perr(ps, "one flat module expected (flatten the design)");
            return 0;
        }
        int r;
        if (is_word(lx, "input")) r = parse_decl(ps, NL_IN);
        else if (is_word(lx, "output")) r = parse_decl(ps, NL_OUT);
        else if (is_word(lx, "inout")) r = parse_decl(ps, NL_INOUT);
        else if (is_word(lx, "wire") || is_word(lx, "reg")) r = parse_decl(ps, 0);
        else if (is_word(lx, "assign")) r = parse_assign(ps, joins);
        else if (lx->kind == T_ID) r = parse_cell(ps, lib);
        else r = perr(ps, "unexpected text");
        if (r) return -1;
    }
}

int nl_load(nl_netlist *nl, const nl_lib *lib, const char *path, char *err, size_t errlen)
{
    memset(nl, 0, sizeof *nl);
    nl->text = read_all(path, &nl->len);
    if (!nl->text) return seterr(err, errlen, "cannot read netlist '%s'", path);
    parser ps = {0};
    ps.nl = nl;
    ps.lx.s = nl->text;
    ps.lx.n = nl->len;
    ps.err = err;
    ps.errlen = errlen;
    pvec joins = {0};
    int r = parse_module(&ps, lib, &joins);
    nl->uf = xrealloc(NULL, (size_t)nl->nbits * sizeof *nl->uf);
    nl->bit_wire = xrealloc(NULL, (size_t)nl->nbits * sizeof *nl->bit_wire);
    for (int i = 0; i < nl->nbits; i++) nl->uf[i] = i;
    for (int w = 0; w < nl->nwires; w++)
        for (int b = 0; b <= abs(nl->wires[w].msb - nl->wires[w].lsb); b++) nl->bit_wire[nl->wires[w].base + b] = w;
    for (int i = 0; i < joins.n; i++)
        if (joins.v[i].a >= 0 && joins.v[i].b >= 0) uf_union(nl, joins.v[i].a, joins.v[i].b);
    free(joins.v);
    smap *m = xrealloc(NULL, sizeof *m);
    *m = ps.map;
    nl->map = m;
    return r;
}

int nl_root(nl_netlist *nl, int bit)
{
    if (bit < 0) return bit;
    while (nl->uf[bit] != bit) {
        nl->uf[bit] = nl->uf[nl->uf[bit]];
        bit = nl->uf[bit];
    }
    return bit;
}

int nl_wire_find(const nl_netlist *nl, const char *name) { return smap_get(nl->map, name); }

int nl_bit_of(const nl_netlist *nl, const char *name, int index)
{
    int w = nl_wire_find(nl, name);
    if (w < 0) return -4;
    const nl_wire *wr = &nl->wires[w];
    if (index < 0) return wr->msb == wr->lsb ? wr->base : -4;
    int off = wr->msb >= wr->lsb ? index - wr->lsb : wr->lsb - index;
    if (off < 0 || off > abs(wr->msb - wr->lsb)) return -4;
    return wr->base + off;
}

void nl_free(nl_netlist *nl)
{
    for (int i = 0; i < nl->nwires; i++) free(nl->wires[i].name);
    for (int i = 0; i < nl->ncells; i++) {
        nl_cell *c = &nl->cells[i];
        for (int j = 0; j < c->nconn; j++) {
            free(c->conns[j].pin);
            free(c->conns[j].bits);
        }
        free(c->conns);
        free(c->type);
        free(c->name);
        free(c->params);
    }
    if (nl->map) {
        smap *m = nl->map;
        free(m->keys);
        free(m->vals);
        free(m);
    }
    free(nl->wires);
    free(nl->cells);
    free(nl->uf);
    free(nl->bit_wire);
    free(nl->module);
    free(nl->text);
    memset(nl, 0, sizeof *nl);
}
