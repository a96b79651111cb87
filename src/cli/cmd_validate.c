/* cmd_validate.c - accgraph validate FILE...: check files against the format. */
#define _GNU_SOURCE
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "accgraph/accgraph.h"
#include "cli.h"

static int run_validate(int argc, char **argv);

const struct cli_command cmd_validate = {
	"validate",
	"check files against the format and report every problem",
	"usage: accgraph validate [--quiet] [-o OUT] FILE...\n"
	"\n"
	"Checks each FILE (\"-\" for standard input) against the accountability graph\n"
	"format, version 1, and reports every problem found, in document order:\n"
	"  FILE:LINE:COLUMN: message     a syntax error\n"
	"  FILE: POINTER: message        any other problem, at a JSON Pointer\n"
	"Unknown members are ignored with a warning.  For each valid file, one line\n"
	"gives its counts of organisations and links and their types.\n"
	"\n"
	"Options:\n"
	"  -q, --quiet     print no summary lines and no warnings; only errors\n"
	"  -o, --output OUT  write the summary lines to OUT instead of standard output\n"
	"  -h, --help      show this help\n"
	"\n"
	"Exit status: 0 every file is valid, 1 some file is invalid, 2 usage error,\n"
	"3 a file could not be read or written.\n",
	run_validate,
};

static const char *plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static void print_summary(FILE *f, const char *file, const struct acg_model *m,
			  size_t warnings)
{
	size_t ot = acg_type_table_used(&m->org_types), lt = acg_type_table_used(&m->link_types);

	cli_put_safe(f, file);
	fprintf(f, ": %zu %s of %zu %s, %zu %s of %zu %s", m->norgs,
		plural(m->norgs, "organisation", "organisations"), ot, plural(ot, "type", "types"),
		m->nlinks, plural(m->nlinks, "link", "links"), lt, plural(lt, "type", "types"));
	if (warnings)
		fprintf(f, "; %zu %s", warnings, plural(warnings, "warning", "warnings"));
	fputc('\n', f);
}

/* Validates one file; prints its diagnostics and, unless quiet, its summary. */
static int validate_one(const char *path, FILE *summary, bool quiet)
{
	struct acg_diags diags = ACG_DIAGS_INIT;
	struct acg_model *m = NULL;
	enum acg_status st;
	size_t warnings;

	cli_phase("load");
	st = acg_load_file(path, &m, &diags);
	warnings = diags.warnings;
	cli_print_diags(&diags, quiet);
	if (st == ACG_OK && !quiet)
		print_summary(summary, strcmp(path, "-") ? path : "<stdin>", m, warnings);
	else if (st == ACG_ENOMEM)
		cli_error("%s: %s", path, acg_status_str(st));
	acg_model_free(m);
	acg_diags_release(&diags);
	return cli_exit_for(st);
}

static int run_validate(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"quiet", no_argument, NULL, 'q'},
		{"output", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct acg_diags diags = ACG_DIAGS_INIT;
	struct acg_output *out = NULL;
	const char *outpath = NULL;
	bool quiet = false;
	int c, i, rc = EXIT_OK;

	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, ":qo:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'q':
			quiet = true;
			break;
		case 'o':
			outpath = optarg;
			break;
		case 'h':
			fputs(cmd_validate.usage, stdout);
			return EXIT_OK;
		default:
			return cli_bad_option(&cmd_validate, argv, c);
		}
	}
	if (optind >= argc)
		return cli_usage_error(&cmd_validate, "no file to validate");
	if (acg_output_open(outpath, &out, &diags) != ACG_OK) {
		cli_print_diags(&diags, false);
		if (!diags.n && !diags.lost)
			cli_error("out of memory");
		acg_diags_release(&diags);
		return EXIT_IO;
	}
	for (i = optind; i < argc; i++)
		rc = cli_worse(rc, validate_one(argv[i], acg_output_stream(out), quiet));
	if (acg_output_commit(out, &diags) != ACG_OK) {
		cli_print_diags(&diags, false);
		rc = EXIT_IO;
	}
	acg_diags_release(&diags);
	return rc;
}
