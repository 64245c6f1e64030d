/* slt_vecgen - write the Icarus vector files for one configuration and shape
 * (slt_vectors_write; `sltref vectors` will expose the same call).
 *   slt_vecgen --config FILE [--set k=v]... --m M --k K --n N [--seed S] --out DIR */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "slt_config.h"
#include "slt_prng.h"
#include "slt_vectors.h"

int main(int argc, char **argv)
{
    char err[SLT_ERRLEN];
    slt_config cfg;
    if (slt_config_from_args(&cfg, &argc, argv, err, sizeof err)) {
        fprintf(stderr, "slt_vecgen: %s\n", err);
        return SLT_EXIT_BADINPUT;
    }
    int m = 0, k = 0, n = 0;
    uint64_t seed = slt_seed_from_env(1);
    const char *out = NULL;
    for (int i = 1; i + 1 < argc; i += 2) {
        const char *a = argv[i], *v = argv[i + 1];
        if (!strcmp(a, "--m")) m = atoi(v);
        else if (!strcmp(a, "--k")) k = atoi(v);
        else if (!strcmp(a, "--n")) n = atoi(v);
        else if (!strcmp(a, "--seed")) seed = strtoull(v, NULL, 0);
        else if (!strcmp(a, "--out")) out = v;
        else {
            fprintf(stderr, "slt_vecgen: unexpected argument '%s'\n", a);
            return SLT_EXIT_BADINPUT;
        }
    }
    if (!out || argc % 2 == 0) {
        fprintf(stderr, "usage: slt_vecgen --config FILE [--set k=v]... --m M --k K --n N [--seed S] --out DIR\n");
        return SLT_EXIT_BADINPUT;
    }
    int rc = slt_vectors_write(&cfg, m, k, n, seed, out, err, sizeof err);
    if (rc) fprintf(stderr, "slt_vecgen: %s\n", err);
    else printf("slt_vecgen: %s: M=%d K=%d N=%d seed %llu\n", out, m, k, n, (unsigned long long)seed);
    return rc;
}
