/* cmd_diff.c - accgraph diff OLD NEW | FILE --as-of D1 --vs D2: what changed. */
#define _GNU_SOURCE
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "accgraph/accgraph.h"
#include "accgraph/diff.h"
#include "cli.h"

static int run_diff(int argc, char **argv);

const struct cli_command cmd_diff = {
	"diff",
	"what changed between two systems, and their figures side by side",
	"usage: accgraph diff OLD NEW [--format text|md|json] [-o OUT] [selection]\n"
	"       accgraph diff FILE --as-of DATE1 --vs DATE2 [...]\n"
	"\n"
	"Compares two systems: two files, or one file on two dates.  Organisations are\n"
	"matched by id, then through `succeeds` (replaced, merged, split or\n"
	"reorganised); the rest were added or removed.  Links are matched by (from, to,\n"
	"type) with their ends mapped to their successors; a matched link whose `for`,\n"
	"basis, sanction, weight or mechanism differs is changed, one with another type\n"
	"retyped.  Then every whole-system figure of `accgraph report` is shown for both\n"
	"systems with the change, absolute and in per cent, each block opening with a\n"
	"sentence.\n"
	"\n"
	"Options:\n"
	"  --vs DATE       compare FILE as of --as-of DATE1 with FILE as of DATE2\n"
	"  --format F      text (default; or from the extension of OUT), md, json\n"
	"  --exact         compute every figure exactly above 20000 organisations\n"
	"  -o, --output OUT  write to OUT instead of standard output\n"
	"  -h, --help      show this help\n"
	"\n" CLI_SYSTEM_USAGE,
	run_diff,
};

enum { OPT_VS = CLI_OPT_FIRST_COMMAND_OPTION, OPT_EXACT };

struct diff_job {
	const struct acg_report *report;
	enum acg_format format;
};

static enum acg_status write_diff(FILE *f, const void *arg)
{
	const struct diff_job *job = arg;

	return acg_report_write(job->report, job->format, f);
}

static int run_diff(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"vs", required_argument, NULL, OPT_VS},
		{"exact", no_argument, NULL, OPT_EXACT},
		CLI_RESULT_LONGOPTS,
		{NULL, 0, NULL, 0},
	};
	static const enum acg_format formats[] = {ACG_FORMAT_TEXT, ACG_FORMAT_MD, ACG_FORMAT_JSON};
	struct cli_result_opts opts;
	struct acg_diags diags = ACG_DIAGS_INIT;
	struct cli_pair pair = {0};
	struct acg_graph *ga = NULL, *gb = NULL;
	struct acg_diff *d = NULL;
	struct acg_report *report = NULL;
	struct acg_report_options ropt = {ACG_DEFAULT_SEED, false, NULL};
	const char *vs = NULL;
	enum acg_format format;
	enum acg_status st;
	int c, rc = EXIT_OK;

	cli_result_opts_init(&opts);
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, ":o:h", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_VS:
			vs = optarg;
			break;
		case OPT_EXACT:
			ropt.exact = true;
			break;
		default:
			if ((rc = cli_result_option(&cmd_diff, &opts, c, argv)))
				goto out;
		}
	}
	if ((rc = cli_format(&cmd_diff, opts.format, opts.outpath, ACG_FORMAT_TEXT, formats,
			     sizeof(formats) / sizeof(*formats), &format)))
		goto out;
	if ((rc = cli_load_pair(&cmd_diff, argc, argv, vs, &opts.sys, &pair)))
		goto out;
	ropt.seed = opts.sys.seed;
	ropt.selection = opts.sys.text && *opts.sys.text ? opts.sys.text + 1 : NULL;
	cli_phase("graph");
	st = acg_graph_build(pair.old_model, &ga, &diags);
	if (st == ACG_OK)
		st = acg_graph_build(pair.new_model, &gb, &diags);
	cli_phase("compute");
	if (st == ACG_OK)
		st = acg_diff_compute(pair.old_model, pair.new_model, &d);
	if (st == ACG_OK)
		st = acg_diff_report(ga, gb, d, pair.old_name, pair.new_name, &ropt, &report,
				     &diags);
	if (st == ACG_OK) {
		struct diff_job job = {report, format};

		cli_phase("write");
		st = cli_write_output(opts.outpath, write_diff, &job, &diags);
	}
	cli_print_diags(&diags, false);
	if (st == ACG_ENOMEM)
		cli_error("out of memory");
	rc = cli_exit_for(st);
out:
	acg_report_free(report);
	acg_diff_free(d);
	acg_graph_free(ga);
	acg_graph_free(gb);
	cli_pair_release(&pair);
	acg_diags_release(&diags);
	cli_result_opts_release(&opts);
	return rc == CLI_HELP_SHOWN ? EXIT_OK : rc;
}
