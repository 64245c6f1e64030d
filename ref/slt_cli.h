/* slt_cli.h - the one error line of every sltref command (docs/cli.md). */
#ifndef SLT_CLI_H
#define SLT_CLI_H

/* Print "sltref: <message>" as exactly one line on stderr (newlines from library
 * messages are flattened, stdout is flushed first) and return SLT_EXIT_BADINPUT. */
int slt_cli_die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
