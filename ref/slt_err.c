/* slt_err.c - the one error line of every libsltref function that can fail (slt_err.h). */
#include "slt_err.h"

#include <stdarg.h>
#include <stdio.h>

#include "slt_config.h"

int slt_fail(char *err, size_t errlen, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (err && errlen) vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
    return SLT_EXIT_BADINPUT;
}
