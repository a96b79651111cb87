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

enum { OPT_FORMAT = CLI_OPT_FIRST_COMMAND_OPTION, OPT_EXACT };

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
		{"format", required_argument, NULL, OPT_FORMAT},
		{"exact", no_argument, NULL, OPT_EXACT},
		{"output", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		CLI_SYSTEM_LONGOPTS,
		{NULL, 0, NULL, 0},
	};
	static const enum acg_format formats[] = {ACG_FORMAT_TEXT, ACG_FORMAT_MD, ACG_FORMAT_JSON};
	struct cli_system_opts sys;
	struct acg_diags diags = ACG_DIAGS_INIT;
	struct acg_model *m = NULL;
	struct acg_graph *g = NULL;
	struct acg_report *report = NULL;
	struct acg_report_options ropt = {ACG_DEFAULT_SEED, false, NULL};
	const char *format_name = NULL, *outpath = NULL;
	enum acg_format format;
	enum acg_status st;
	int c, rc = EXIT_OK;

	cli_system_opts_init(&sys);
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, ":o:h", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_FORMAT:
			format_name = optarg;
			break;
		case OPT_EXACT:
			ropt.exact = true;
			break;
		case 'o':
			outpath = optarg;
			break;
		case 'h':
			fputs(cmd_report.usage, stdout);
			goto out;
		case ':':
		case '?':
			rc = cli_bad_option(&cmd_report, argv, c);
			goto out;
		default:
			if ((rc = cli_system_option(&cmd_report, &sys, c, optarg)))
				goto out;
		}
	}
	if (optind != argc - 1) {
		rc = cli_usage_error(&cmd_report, optind >= argc ? "no file given"
								 : "one file only, not %d",
				     argc - optind);
		goto out;
	}
	if ((rc = cli_format(&cmd_report, format_name, outpath, ACG_FORMAT_TEXT, formats,
			     sizeof(formats) / sizeof(*formats), &format)))
		goto out;
	if ((rc = cli_load_system(argv[optind], &sys, &m)))
		goto out;
	ropt.seed = sys.seed;
	ropt.selection = sys.text ? sys.text + 1 : NULL;
	st = acg_graph_build(m, &g, &diags);
	if (st == ACG_OK)
		st = acg_report_compute(g, &ropt, &report, &diags);
	if (st == ACG_OK) {
		struct report_job job = {report, format};

		st = cli_write_output(outpath, write_report, &job, &diags);
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
	cli_system_opts_release(&sys);
	return rc;
}
