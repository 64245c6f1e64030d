/* placeholder main, replaced by the CLI */
#include <stdio.h>
int main(void) { fprintf(stderr, "sltref: not yet\n"); return 2; }
