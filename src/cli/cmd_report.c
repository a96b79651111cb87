/* cmd_report.c - accgraph report FILE: the whole-system figures and questions. */
#define _GNU_SOURCE
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>

#include "accgraph/accgraph.h"
#include "accgraph/graph.h"
#include "accgraph/metrics.h"
#include "accgraph/report.h"
#include "cli.h"

static int run_report(int argc, char **argv);

const struct cli_command cmd_report = {
	"report",
	"the whole-system figures and the accountability questions",
	"usage: accgraph report FILE [--format text|md|json] [--exact] [-o OUT] [selection]\n"
	"\n"
	"Reports the standard network figures (counts by type, density, reciprocity,\n"
	"components, diameter, transitivity, Freeman centralisation, type mixing, E-I\n"
	"index) and answers the accountability questions: multiple accountability,\n"
	"chains to the apexes and gaps, divergent accountability, mutual accountability,\n"
	"single points of failure, sanctions and practice, brokerage and structural\n"
	"holes, and Krackhardt's hierarchy measures.  Each section opens with one\n"
	"plain-English sentence.\n"
	"\n"
	"Options:\n"
	"  --format F      text (default; or from the extension of OUT), md, or json\n"
	"                  (every figure, for scripts)\n"
	"  --exact         compute every figure exactly above 20000 organisations\n"
	"  -o, --output OUT  write to OUT instead of standard output\n"
	"  -h, --help      show this help\n"
	"\n" CLI_SYSTEM_USAGE,
	run_report,
};

enum { OPT_EXACT = CLI_OPT_FIRST_COMMAND_OPTION };

struct report_job {
	const struct acg_report *report;
	enum acg_format format;
};

static enum acg_status write_report(FILE *f, const void *arg)
{
	const struct report_job *job = arg;

	return acg_report_write(job->report, job->format, f);
}

static int run_report(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"exact", no_argument, NULL, OPT_EXACT},
		CLI_RESULT_LONGOPTS,
		{NULL, 0, NULL, 0},
	};
	static const enum acg_format formats[] = {ACG_FORMAT_TEXT, ACG_FORMAT_MD, ACG_FORMAT_JSON};
	struct cli_result_opts opts;
	struct acg_diags diags = ACG_DIAGS_INIT;
	struct acg_model *m = NULL;
	struct acg_graph *g = NULL;
	struct acg_report *report = NULL;
	struct acg_report_options ropt = {ACG_DEFAULT_SEED, false, NULL};
	enum acg_format format;
	enum acg_status st;
	int c, rc = EXIT_OK;

	cli_result_opts_init(&opts);
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, ":o:h", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_EXACT:
			ropt.exact = true;
			break;
		default:
			if ((rc = cli_result_option(&cmd_report, &opts, c, argv)))
				goto out;
		}
	}
	if ((rc = cli_expect_operands(&cmd_report, argc, 1, "one FILE")))
		goto out;
	if ((rc = cli_format(&cmd_report, opts.format, opts.outpath, ACG_FORMAT_TEXT, formats,
			     sizeof(formats) / sizeof(*formats), &format)))
		goto out;
	if ((rc = cli_load_system(argv[optind], &opts.sys, &m)))
		goto out;
	ropt.seed = opts.sys.seed;
	ropt.selection = opts.sys.text ? opts.sys.text + 1 : NULL;
	st = acg_graph_build(m, &g, &diags);
	if (st == ACG_OK)
		st = acg_report_compute(g, &ropt, &report, &diags);
	if (st == ACG_OK) {
		struct report_job job = {report, format};

		st = cli_write_output(opts.outpath, write_report, &job, &diags);
	}
	cli_print_diags(&diags, false);
	if (st == ACG_ENOMEM)
		cli_error("out of memory");
	rc = cli_exit_for(st);
out:
	acg_report_free(report);
	acg_graph_free(g);
	acg_model_free(m);
	acg_diags_release(&diags);
	cli_result_opts_release(&opts);
	return rc == CLI_HELP_SHOWN ? EXIT_OK : rc;
}
