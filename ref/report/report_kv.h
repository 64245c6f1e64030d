/* report_kv.h - key=value files of the flows, for the report writer. */
#ifndef SLT_REPORT_KV_H
#define SLT_REPORT_KV_H

typedef struct {
    char **key, **val;
    int n, cap;
    int present;
} kvfile;

char *xstrdup(const char *s);
/* every key=value line of path (present = 0 when it cannot be read) */
void kv_load(kvfile *kv, const char *path);
/* last value of key, NULL when absent */
const char *kv_str(const kvfile *kv, const char *key);
/* numeric value, NAN when absent or not a number */
double kv_num(const kvfile *kv, const char *key);

#endif
