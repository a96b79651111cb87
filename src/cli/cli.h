/*
 * cli.h - what the subcommands of the accgraph tool share.  The tool is the
 * only part of accgraph that prints: results to standard output or -o,
 * diagnostics to standard error.
 */
#ifndef ACCGRAPH_CLI_H
#define ACCGRAPH_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "accgraph/diag.h"

/* Exit statuses (DESIGN.md). */
enum cli_exit {
	EXIT_OK = 0,      /* success */
	EXIT_INVALID = 1, /* the input is invalid; every problem was reported */
	EXIT_USAGE = 2,   /* the command line is wrong */
	EXIT_IO = 3       /* a file could not be read or written, or a library failed */
};

/* A subcommand: its name, a one-line summary, its usage text and its entry point. */
struct cli_command {
	const char *name;
	const char *summary;
	const char *usage; /* the whole --help text, ending in a newline */
	int (*run)(int argc, char **argv);
};

extern const struct cli_command cmd_validate;

/* The exit status for a library status. */
int cli_exit_for(enum acg_status status);

/* The worse of two exit statuses (EXIT_IO > EXIT_INVALID > EXIT_OK). */
int cli_worse(int a, int b);

/*
 * Prints every diagnostic of diags to standard error in the project's forms:
 *   accgraph: FILE:LINE:COLUMN: message        (a position in the text)
 *   accgraph: FILE: POINTER: message           (a place in the document)
 *   accgraph: FILE: POINTER: warning: message
 * Control characters in names are shown as escapes, never sent to the terminal.
 * With errors_only, warnings are left out.
 */
void cli_print_diags(const struct acg_diags *diags, bool errors_only);

/* Prints "accgraph: " and the formatted message, made safe, to standard error. */
void cli_error(const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 1, 2)))
#endif
	;

/*
 * Reports a usage error of command `cmd` ("accgraph CMD: message", then the
 * usage line and a pointer to --help) and returns EXIT_USAGE.
 */
int cli_usage_error(const struct cli_command *cmd, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

/*
 * Reports what getopt_long() (with opterr = 0 and an optstring starting with
 * ':') signalled by returning c: ':' for an option missing its value, '?' for
 * an unknown option or a value given to an option that takes none.  `argv` is
 * the command's argument vector.  Returns EXIT_USAGE.
 */
int cli_bad_option(const struct cli_command *cmd, char **argv, int c);

/* Writes s to f with control characters shown as \n, \t, \xHH escapes. */
void cli_put_safe(FILE *f, const char *s);

#endif /* ACCGRAPH_CLI_H */
