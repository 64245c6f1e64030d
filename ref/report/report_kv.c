/* report_kv.c - key=value files of the flows (synth.sh, sta.sh, energy.sh, ...)
 * for the report writer (sltreport.c). */
#include "report_kv.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (!d) { fprintf(stderr, "sltreport: out of memory\n"); exit(2); }
    memcpy(d, s, n);
    return d;
}

void kv_load(kvfile *kv, const char *path)
{
    memset(kv, 0, sizeof *kv);
    FILE *f = fopen(path, "r");
    if (!f) return;
    kv->present = 1;
    char line[4096];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = 0;
        char *eq = strchr(line, '=');
        if (!eq || line[0] == '#') continue;
        *eq = 0;
        if (kv->n == kv->cap) {
            kv->cap = kv->cap ? 2 * kv->cap : 64;
            kv->key = realloc(kv->key, (size_t)kv->cap * sizeof *kv->key);
            kv->val = realloc(kv->val, (size_t)kv->cap * sizeof *kv->val);
            if (!kv->key || !kv->val) { fprintf(stderr, "sltreport: out of memory\n"); exit(2); }
        }
        kv->key[kv->n] = xstrdup(line);
        kv->val[kv->n] = xstrdup(eq + 1);
        kv->n++;
    }
    fclose(f);
}

/* last value of key, NULL when absent */
const char *kv_str(const kvfile *kv, const char *key)
{
    for (int i = kv->n - 1; i >= 0; i--)
        if (strcmp(kv->key[i], key) == 0) return kv->val[i];
    return NULL;
}

/* numeric value, NAN when absent or not a number */
double kv_num(const kvfile *kv, const char *key)
{
    const char *s = kv_str(kv, key);
    if (!s || !*s) return NAN;
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s) return NAN;
    return v;
}

