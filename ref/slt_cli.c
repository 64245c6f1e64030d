/* slt_cli.c - the one error line of every sltref command (slt_cli.h). */
#include "slt_cli.h"

#include <stdarg.h>
#include <stdio.h>

#include "slt_config.h"

int slt_cli_die(const char *fmt, ...)
{
    char msg[2 * SLT_ERRLEN];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    for (char *p = msg; *p; p++)
        if (*p == '\n' || *p == '\r') *p = ' ';
    fflush(stdout);
    fprintf(stderr, "sltref: %s\n", msg);
    return SLT_EXIT_BADINPUT;
}
