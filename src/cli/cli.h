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
#include "accgraph/model.h"
#include "accgraph/select.h"
#include "accgraph/table.h"

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
extern const struct cli_command cmd_metrics;
extern const struct cli_command cmd_report;
extern const struct cli_command cmd_chains;
extern const struct cli_command cmd_path;
extern const struct cli_command cmd_diff;
extern const struct cli_command cmd_render;
extern const struct cli_command cmd_convert;
extern const struct cli_command cmd_import;

/* The exit status for a library status. */
int cli_exit_for(enum acg_status status);

/* The worse of two exit statuses (EXIT_IO > EXIT_INVALID > EXIT_OK). */
int cli_worse(int a, int b);

/*
 * Prints every diagnostic of diags to standard error in the project's forms:
 *   accgraph: FILE:LINE:COLUMN: message        (a position in the text)
 *   accgraph: FILE:LINE: message               (a line, e.g. a CSV record)
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

/*
 * `--timings` (timings.c): once enabled, cli_phase(NAME) ends the phase under
 * way and starts NAME (a phase entered again adds up; NAME must outlive the
 * process's use of it: a literal), and cli_timings_print() writes each
 * phase's wall-clock seconds, the total and the peak memory to standard
 * error.  Both do nothing when not enabled.
 */
void cli_timings_enable(void);
void cli_phase(const char *name);
void cli_timings_print(void);

/* Writes s to f with control characters shown as \n, \t, \xHH escapes. */
void cli_put_safe(FILE *f, const char *s);

/*
 * The options of every command that reads a system: the selection
 * (--as-of, --types, --link-types, --region, --for) and --seed.  getopt_long()
 * returns the CLI_OPT_* values for them; CLI_SYSTEM_LONGOPTS lists them for a
 * command's option table and CLI_SYSTEM_USAGE describes them for its --help.
 */
enum {
	CLI_OPT_AS_OF = 256,
	CLI_OPT_TYPES,
	CLI_OPT_LINK_TYPES,
	CLI_OPT_REGION,
	CLI_OPT_FOR,
	CLI_OPT_SEED,
	CLI_OPT_FORMAT,
	CLI_OPT_FIRST_COMMAND_OPTION /* commands number their own long options from here */
};

#define CLI_SYSTEM_LONGOPTS                                              \
	{"as-of", required_argument, NULL, CLI_OPT_AS_OF},               \
	{"types", required_argument, NULL, CLI_OPT_TYPES},               \
	{"link-types", required_argument, NULL, CLI_OPT_LINK_TYPES},     \
	{"region", required_argument, NULL, CLI_OPT_REGION},             \
	{"for", required_argument, NULL, CLI_OPT_FOR},                   \
	{"seed", required_argument, NULL, CLI_OPT_SEED}

#define CLI_SYSTEM_USAGE                                                              \
	"Selection (applied before anything else):\n"                                 \
	"  --as-of DATE       keep what is valid on DATE (YYYY-MM-DD)\n"               \
	"  --types T1,T2      keep organisations of these types\n"                     \
	"  --link-types T1,T2 keep links of these types\n"                             \
	"  --region R         keep organisations of region R\n"                        \
	"  --for DOMAIN       keep links given for DOMAIN (e.g. finance)\n"            \
	"  --seed N           seed of the randomised algorithms (default 42)\n"

struct cli_system_opts {
	struct acg_selection sel;
	char **lists[2]; /* owned: the split --types and --link-types */
	unsigned long seed;
	char *text;      /* owned: the selection options as given (" --for finance"), or NULL */
	size_t as_of_at, as_of_len; /* where text holds " --as-of DATE" (len 0: nowhere) */
};

/* Initialises o to select everything, with the default seed. */
void cli_system_opts_init(struct cli_system_opts *o);

/* Frees what cli_system_option() allocated.  NULL-safe. */
void cli_system_opts_release(struct cli_system_opts *o);

/*
 * Takes option c (a CLI_OPT_* value) with its argument.  Returns 0 when it is
 * taken, EXIT_USAGE after reporting a bad value, -1 when c is not one of them.
 */
int cli_system_option(const struct cli_command *cmd, struct cli_system_opts *o, int c,
		      const char *arg);

/*
 * The options of every command that reads a system and writes a result:
 * the selection and seed, -o/--output, --format and -h/--help.  List
 * CLI_RESULT_LONGOPTS in the command's option table (with "o:h" in its short
 * options) and pass every option it does not handle itself to
 * cli_result_option().
 */
struct cli_result_opts {
	struct cli_system_opts sys;
	const char *outpath; /* NULL: standard output */
	const char *format;  /* NULL: from the extension of outpath, or the default */
};

#define CLI_RESULT_LONGOPTS                                            \
	{"format", required_argument, NULL, CLI_OPT_FORMAT},           \
	{"output", required_argument, NULL, 'o'},                      \
	{"help", no_argument, NULL, 'h'},                              \
	CLI_SYSTEM_LONGOPTS

/* Returned by cli_result_option() once --help was printed: end with EXIT_OK. */
#define CLI_HELP_SHOWN (-2)

void cli_result_opts_init(struct cli_result_opts *o);
void cli_result_opts_release(struct cli_result_opts *o);

/*
 * Takes option c as getopt_long() returned it (with `optarg` set): 0 when
 * taken, CLI_HELP_SHOWN after printing the command's usage, or the exit
 * status to end with after reporting a bad option or value.
 */
int cli_result_option(const struct cli_command *cmd, struct cli_result_opts *o, int c,
		      char **argv);

/*
 * Checks that exactly n operands follow the options (argv[optind..argc)),
 * named by `what` in the message ("FILE", "FILE FROM TO").  0 or EXIT_USAGE.
 */
int cli_expect_operands(const struct cli_command *cmd, int argc, int n, const char *what);

/*
 * Loads the system at path and applies the selection, printing every
 * diagnostic.  Returns EXIT_OK with *out set (the caller frees it), or the
 * exit status to end with.
 */
int cli_load_system(const char *path, const struct cli_system_opts *o,
		    struct acg_model **out);

/*
 * The two systems of a comparison (diff, render --diff): the files OLD and
 * NEW, or one FILE as of --as-of and as of the --vs date.
 */
struct cli_pair {
	struct acg_model *old_model, *new_model; /* owned */
	const char *old_name, *new_name;         /* the files, or the dates */
	char dates[2][ACG_DATE_BUFSIZE];
};

/*
 * Takes the operands after the options: OLD NEW, or with vs (the --vs value,
 * else NULL) one FILE compared as of the selection's --as-of date and as of
 * vs.  Reports usage errors (operands, a missing --as-of, a bad date), loads
 * both systems with the selection, and with vs drops " --as-of DATE" from the
 * selection's text (the dates are the comparison, not a selection).  Returns
 * EXIT_OK with *pair filled, or the exit status to end with; either way
 * *pair may hold models: release it with cli_pair_release().
 */
int cli_load_pair(const struct cli_command *cmd, int argc, char **argv, const char *vs,
		  struct cli_system_opts *sys, struct cli_pair *pair);

/* Frees the two models.  NULL-safe members. */
void cli_pair_release(struct cli_pair *pair);

/*
 * Parses a --format value (or, when name is NULL, guesses the format from
 * the extension of the output path, else uses dflt).  Formats not in the
 * `allowed` list are rejected.  Returns 0, or EXIT_USAGE after reporting.
 */
int cli_format(const struct cli_command *cmd, const char *name, const char *outpath,
	       enum acg_format dflt, const enum acg_format *allowed, size_t nallowed,
	       enum acg_format *out);

/* Writes a result to a stream; returns ACG_OK or the failure. */
typedef enum acg_status (*cli_write_fn)(FILE *f, const void *arg);

/*
 * Writes a result to outpath (NULL or "-": standard output) whole or not at
 * all: opens it, calls write(stream, arg), then commits, or discards on
 * failure.  Problems go to diags.
 */
enum acg_status cli_write_output(const char *outpath, cli_write_fn write, const void *arg,
				 struct acg_diags *diags);

/*
 * Finds the organisation with this id; 0 with *out set, or EXIT_USAGE after
 * reporting that `what` (an option or argument name) names no organisation.
 */
int cli_find_org(const struct cli_command *cmd, const struct acg_model *m, const char *what,
		 const char *id, size_t *out);

/* Parses a non-negative integer option value; 0, or EXIT_USAGE after reporting. */
int cli_unsigned(const struct cli_command *cmd, const char *option, const char *arg,
		 unsigned long *out);

#endif /* ACCGRAPH_CLI_H */
