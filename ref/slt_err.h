/* slt_err.h - the one error line of every libsltref function that can fail. */
#ifndef SLT_ERR_H
#define SLT_ERR_H

#include <stddef.h>

/* Write the printf-style message into err (one line, at most errlen bytes; nothing when
 * err is NULL or errlen 0) and return SLT_EXIT_BADINPUT (slt_config.h). */
int slt_fail(char *err, size_t errlen, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

#endif
