/* slt_generate.c - `sltref generate MODEL --prompt-ids 1,2,3 --n N` (docs/decode.md):
 * greedy decoding of a BitNet b1.58 checkpoint, every ternary linear through
 * an exact integer GEMV backend, with the accelerator's predicted cycles per
 * token (slt_predict under the configuration). */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "slt_cli.h"
#include "slt_bitnet.h"
#include "slt_energy.h"

#define MAX_PROMPT 4096


static const char g_usage[] =
    "usage: sltref generate MODEL --prompt-ids ID,ID,... --n N [--quiet] [--config FILE] [--set key=value]...\n"
    "  MODEL: a directory with config.json + model.safetensors (Hugging Face BitNet layout,\n"
    "         packed uint8 + weight_scale or ternary-valued float weights), or a GGUF file\n"
    "         (llama.cpp arch 'bitnet': TQ1_0, TQ2_0, I2_S linears).\n"
    "  Greedy decoding of N tokens after the prompt. Every ternary linear is the golden model's\n"
    "  exact integer GEMV; per token it prints the accelerator's predicted cycles and latency\n"
    "  for this model's ternary linears under the configuration (slt_predict, default slim).\n"
    "  Last line: 'tokens: a,b,c'. --quiet prints only that line.\n"
    "  --energy FILE: the energy parameters `make run` wrote for this configuration\n"
    "         (build/<cfg>/energy_params.kv, docs/report.md); per token it then prints the\n"
    "         accelerator's energy in mJ and the method behind it. Without it: n/a.\n"
    "  --dump-acts FILE: every int8 activation vector the ternary linears see, one line each:\n"
    "         'pos layer site scale q0 q1 ...' (site qkv, o, gate_up, down; scale in %a hex).\n"
    "  --rtl DIR: run the ternary linears on the Verilated accelerator top generated in DIR\n"
    "         (e.g. build/tiny, built by `make decode-rtl DEC_RTL_CFG=tiny`) through libsltdrv;\n"
    "         every GEMV is checked against the golden model. See docs/decode.md.\n";

/* --rtl DIR: hand the same arguments (minus --rtl DIR) to DIR/vdec/Vdec, the decoder
 * linked with the Verilated top (tb/decode/tb_decode.cpp). */
static int exec_rtl(int argc, char **argv, int at)
{
    if (at + 1 >= argc) return slt_cli_die("generate: option --rtl needs a value (a generated directory, e.g. build/tiny)");
    const char *dir = argv[at + 1];
    static char exe[4096], cfgarg[4200];
    snprintf(exe, sizeof exe, "%s/vdec/Vdec", dir);
    snprintf(cfgarg, sizeof cfgarg, "+cfg=%s/config.cfg", dir);
    if (access(exe, X_OK))
        return slt_cli_die("generate: --rtl %s: %s not built (make decode-rtl DEC_RTL_CFG=<name>)", dir, exe);
    char **v = calloc((size_t)argc + 2, sizeof *v);
    if (!v) return slt_cli_die("out of memory");
    int n = 0;
    v[n++] = exe;
    v[n++] = cfgarg;
    for (int i = 0; i < argc; i++)
        if (i != at && i != at + 1) v[n++] = argv[i];
    v[n] = NULL;
    fflush(stdout);
    execv(exe, v);
    free(v);
    return slt_cli_die("generate: --rtl: cannot run %s", exe);
}

static int parse_ids(const char *s, int *ids, int *n)
{
    *n = 0;
    if (!*s) return slt_cli_die("generate: --prompt-ids is empty");
    const char *p = s;
    for (;;) {
        if (*n == MAX_PROMPT) return slt_cli_die("generate: more than %d prompt ids", MAX_PROMPT);
        if (*p < '0' || *p > '9') return slt_cli_die("generate: --prompt-ids '%s': expected comma-separated ids", s);
        errno = 0;
        char *end;
        long v = strtol(p, &end, 10);
        if (errno || v > INT_MAX) return slt_cli_die("generate: --prompt-ids: id out of range in '%s'", s);
        ids[(*n)++] = (int)v;
        if (!*end) return 0;
        if (*end != ',') return slt_cli_die("generate: --prompt-ids '%s': expected comma-separated ids", s);
        p = end + 1;
    }
}

typedef struct {
    const char *model, *ids, *n, *dump, *energy;
    int quiet;
} gen_args;

/* the energy per token (--energy), constant for a model and configuration */
typedef struct {
    int have;
    slt_energy_params p;
    slt_energy_breakdown b;
} gen_energy;

#define NO_ENERGY "energy n/a (no energy parameters: run make run or pass --energy)"

static int parse_gen_args(int argc, char **argv, gen_args *a)
{
    memset(a, 0, sizeof *a);
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        const char **slot = !strcmp(s, "--prompt-ids") ? &a->ids
                            : !strcmp(s, "--n")        ? &a->n
                            : !strcmp(s, "--dump-acts") ? &a->dump
                            : !strcmp(s, "--energy")   ? &a->energy
                                                        : NULL;
        if (slot) {
            if (*slot) return slt_cli_die("generate: option %s given twice", s);
            if (i + 1 >= argc) return slt_cli_die("generate: option %s needs a value", s);
            *slot = argv[++i];
        } else if (!strcmp(s, "--quiet")) {
            a->quiet = 1;
        } else if (s[0] == '-' && s[1]) {
            return slt_cli_die("generate: unknown option '%s' (see sltref generate --help)", s);
        } else if (a->model) {
            return slt_cli_die("generate: unexpected argument '%s'", s);
        } else {
            a->model = s;
        }
    }
    if (!a->model) return slt_cli_die("generate: missing MODEL (see sltref generate --help)");
    if (!a->ids) return slt_cli_die("generate: missing --prompt-ids");
    if (!a->n) return slt_cli_die("generate: missing --n");
    return 0;
}

static int parse_n(const char *s, int *n)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end || end == s || v < 0 || v > 1000000) return slt_cli_die("generate: --n '%s' must be 0..1000000", s);
    *n = (int)v;
    return 0;
}

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* Prompt then N greedy tokens; prints one line per position. */
static int decode(const slt_bn_model *m, const slt_config *cfg, const gen_energy *en, const int *ids, int np, int n,
                  int quiet, FILE *dump, slt_bn_gemv_fn fn, void *ctx, slt_bn_busy_fn busy)
{
    char err[SLT_ERRLEN];
    slt_bn_state s;
    int cap = np + n;
    if (cap > m->c.max_pos) return slt_cli_die("generate: %d positions exceed max_position_embeddings %d", cap, m->c.max_pos);
    if (slt_bn_state_init(m, cap, &s, err, sizeof err)) return slt_cli_die("%s", err);
    s.dump = dump;
    float *logits = malloc((size_t)m->c.vocab * sizeof *logits);
    int *out = malloc(((size_t)n + 1) * sizeof *out);
    if (!logits || !out) {
        free(logits);
        free(out);
        slt_bn_state_free(&s);
        return slt_cli_die("generate: out of memory");
    }
    uint64_t cyc = slt_bn_token_cycles(m);
    double lat_us = (double)cyc / cfg->clock_mhz;
    int rc = 0, total = np + (n > 0 ? n - 1 : 0);
    double t0 = now_s();
    for (int p = 0; p < total; p++) {
        int want = n > 0 && p >= np - 1; /* logits from the last prompt position on */
        int tok = p < np ? ids[p] : out[p - np];
        uint64_t b0 = busy ? busy(ctx) : 0;
        if (slt_bn_step(m, &s, tok, fn, ctx, want ? logits : NULL, err, sizeof err)) {
            rc = slt_cli_die("%s", err);
            break;
        }
        if (want) out[p - np + 1] = slt_bn_argmax(logits, m->c.vocab);
        if (quiet) continue;
        printf("pos %d in %d%s", p, tok, p < np ? " (prompt)" : "");
        if (want) printf(" -> %d", out[p - np + 1]);
        printf(" accel_cycles %llu latency_us %.3f", (unsigned long long)cyc, lat_us);
        if (en->have) printf(" energy_mj %.6g [%s]", en->b.total_mj, en->p.method);
        else printf(" " NO_ENERGY);
        if (busy) printf(" rtl_busy_cycles %llu", (unsigned long long)(busy(ctx) - b0));
        printf("\n");
    }
    double dt = now_s() - t0;
    if (!rc) {
        if (!quiet)
            printf("# %d positions in %.3f s on this CPU (%.2f positions/s, backend above)\n", s.pos, dt,
                   dt > 0 ? s.pos / dt : 0.0);
        printf("tokens:");
        for (int i = 0; i < n; i++) printf("%s%d", i ? "," : " ", out[i]);
        printf("\n");
    }
    free(logits);
    free(out);
    slt_bn_state_free(&s);
    return rc;
}

/* --energy FILE: the parameters of this configuration and the energy of one token */
static int load_energy(const char *path, const slt_config *cfg, const slt_bn_model *m, gen_energy *en)
{
    char err[SLT_ERRLEN];
    if (slt_energy_params_load(path, cfg, &en->p, err, sizeof err)) return slt_cli_die("generate: --energy: %s", err);
    slt_events e;
    slt_bn_token_events(m, &e);
    slt_energy_of_events(&en->p, &e, &en->b);
    en->have = 1;
    return 0;
}

/* the events the energy model prices (docs/report.md), per token, and their energy */
static void print_events_energy(const slt_bn_model *m, const gen_energy *en, const char *path)
{
    slt_events e;
    slt_bn_token_events(m, &e);
    printf("# events per token: cycles %llu, table_builds %llu, lookups %llu, buffer_adds %llu, accumulates %llu, "
           "skipped_groups %llu, wbuf r/w %llu/%llu, abuf r/w %llu/%llu, obuf r/w %llu/%llu, link_bytes %llu\n",
           (unsigned long long)e.cycles, (unsigned long long)e.table_builds, (unsigned long long)e.lookups,
           (unsigned long long)e.buffer_adds, (unsigned long long)e.accumulates, (unsigned long long)e.skipped_groups,
           (unsigned long long)e.wbuf_reads, (unsigned long long)e.wbuf_writes, (unsigned long long)e.abuf_reads,
           (unsigned long long)e.abuf_writes, (unsigned long long)e.obuf_reads, (unsigned long long)e.obuf_writes,
           (unsigned long long)e.link_bytes);
    if (!en->have) {
        printf("# %s\n", NO_ENERGY);
        return;
    }
    const slt_energy_breakdown *b = &en->b;
    printf("# energy per token: %.6g mJ = logic %.6g + SRAM %.6g (wbuf %.6g, abuf %.6g, obuf %.6g); link I/O %.6g "
           "mJ excluded. Method: %s (%s). Node: %s. Leaves out: %s. Parameters: %s (slt_energy_of_events)\n",
           b->total_mj, b->logic_mj, b->sram_mj, b->wbuf_mj, b->abuf_mj, b->obuf_mj, b->link_mj, en->p.method,
           en->p.provenance, en->p.node, en->p.leaves_out, path);
}

int slt_generate_main(int argc, char **argv, slt_bn_gemv_fn fn, void *ctx, slt_bn_busy_fn busy,
                      const char *backend_name)
{
    for (int i = 1; i < argc; i++)
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fputs(g_usage, stdout);
            return 0;
        }
    for (int i = 1; i < argc; i++)
        if (!strcmp(argv[i], "--rtl")) {
            if (fn) return slt_cli_die("generate: --rtl given twice");
            return exec_rtl(argc, argv, i);
        }
    slt_config cfg;
    char err[SLT_ERRLEN];
    if (slt_config_from_args(&cfg, &argc, argv, err, sizeof err)) return slt_cli_die("%s", err);
    gen_args a;
    int rc = parse_gen_args(argc, argv, &a);
    if (rc) return rc;
    static int ids[MAX_PROMPT];
    int np = 0, n = 0;
    if ((rc = parse_ids(a.ids, ids, &np)) || (rc = parse_n(a.n, &n))) return rc;
    slt_bn_model m;
    if (slt_bn_load(a.model, &m, err, sizeof err)) return slt_cli_die("%s", err);
    for (int i = 0; i < np; i++)
        if (ids[i] >= m.c.vocab) {
            int vocab = m.c.vocab;
            slt_bn_free(&m);
            return slt_cli_die("generate: prompt id %d outside the vocabulary 0..%d", ids[i], vocab - 1);
        }
    if (slt_bn_prepare(&m, &cfg, err, sizeof err)) {
        slt_bn_free(&m);
        return slt_cli_die("%s", err);
    }
    gen_energy en;
    memset(&en, 0, sizeof en);
    if (a.energy && (rc = load_energy(a.energy, &cfg, &m, &en))) {
        slt_bn_free(&m);
        return rc;
    }
    if (!a.quiet) {
        uint64_t cyc = slt_bn_token_cycles(&m);
        printf("# model %s (%s%s): hidden %d, intermediate %d, layers %d, heads %d/%d, vocab %d, %s\n", a.model,
               m.source, m.c.divide_scale ? ", BitLinear: y = acc/(ws*s)" : ", AutoBitLinear: y = acc/s*ws",
               m.c.hidden, m.c.inter, m.c.layers, m.c.heads, m.c.kv_heads, m.c.vocab,
               m.c.tied ? "tied lm_head" : "separate lm_head");
        printf("# ternary GEMV backend: %s; accelerator: configuration %s at %.0f MHz, %llu cycles per token for "
               "the %d ternary linears (slt_predict, event model; attention, norms and lm_head are not on the "
               "accelerator and not counted)\n",
               backend_name ? backend_name : "golden model (slt_gemm_lut_stream)", cfg.name, cfg.clock_mhz,
               (unsigned long long)cyc, m.c.layers * SLT_BN_NLIN);
    }
    FILE *dump = NULL;
    if (a.dump && !(dump = fopen(a.dump, "w"))) {
        slt_bn_free(&m);
        return slt_cli_die("generate: --dump-acts %s: cannot create", a.dump);
    }
    if (!a.quiet) print_events_energy(&m, &en, a.energy);
    rc = decode(&m, &cfg, &en, ids, np, n, a.quiet, dump, fn ? fn : slt_bn_gemv_golden, ctx, busy);
    if (dump && fclose(dump) && !rc) rc = slt_cli_die("generate: --dump-acts %s: write failed", a.dump);
    slt_bn_free(&m);
    return rc;
}
