/* cmd_chains.c - accgraph chains FILE [--org ID]: upward chains to the apexes. */
#define _GNU_SOURCE
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "accgraph/accgraph.h"
#include "accgraph/chains.h"
#include "accgraph/graph.h"
#include "cli.h"

static int run_chains(int argc, char **argv);

const struct cli_command cmd_chains = {
	"chains",
	"upward chains of accountability from each organisation to the apexes",
	"usage: accgraph chains FILE [--org ID] [--format text|md|json] [-o OUT] [selection]\n"
	"\n"
	"For each organisation (or only ID), prints its shortest upward chain (fewest\n"
	"links) and its longest upward chain to an apex (an organisation that answers to\n"
	"no other), each hop with the type and mechanism of its links.  The longest\n"
	"chain crosses the most strongly connected components; where there are no\n"
	"cycles it is the longest simple chain.  With --for DOMAIN only the links given\n"
	"for DOMAIN are followed.\n"
	"\n"
	"Options:\n"
	"  --org ID        only the chains of the organisation with this id\n"
	"  --format F      text (default; or from the extension of OUT), md, json\n"
	"  -o, --output OUT  write to OUT instead of standard output\n"
	"  -h, --help      show this help\n"
	"\n" CLI_SYSTEM_USAGE,
	run_chains,
};

enum { OPT_ORG = CLI_OPT_FIRST_COMMAND_OPTION };

struct chains_job {
	const struct acg_chains *chains;
	const size_t *orgs;
	size_t norgs;
	enum acg_format format;
};

static enum acg_status write_chains(FILE *f, const void *arg)
{
	const struct chains_job *job = arg;

	return acg_chains_write(job->chains, job->orgs, job->norgs, job->format, f);
}

static int run_chains(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"org", required_argument, NULL, OPT_ORG},
		CLI_RESULT_LONGOPTS,
		{NULL, 0, NULL, 0},
	};
	static const enum acg_format formats[] = {ACG_FORMAT_TEXT, ACG_FORMAT_MD, ACG_FORMAT_JSON};
	struct cli_result_opts opts;
	struct acg_diags diags = ACG_DIAGS_INIT;
	struct acg_model *m = NULL;
	struct acg_graph *g = NULL;
	struct acg_chains *ch = NULL;
	const char *org_id = NULL;
	size_t org = ACG_NONE;
	enum acg_format format;
	enum acg_status st;
	int c, rc = EXIT_OK;

	cli_result_opts_init(&opts);
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, ":o:h", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_ORG:
			org_id = optarg;
			break;
		default:
			if ((rc = cli_result_option(&cmd_chains, &opts, c, argv)))
				goto out;
		}
	}
	if ((rc = cli_expect_operands(&cmd_chains, argc, 1, "one FILE")))
		goto out;
	if ((rc = cli_format(&cmd_chains, opts.format, opts.outpath, ACG_FORMAT_TEXT, formats,
			     sizeof(formats) / sizeof(*formats), &format)))
		goto out;
	if ((rc = cli_load_system(argv[optind], &opts.sys, &m)))
		goto out;
	if (org_id && (rc = cli_find_org(&cmd_chains, m, "--org", org_id, &org)))
		goto out;
	cli_phase("graph");
	st = acg_graph_build(m, &g, &diags);
	cli_phase("compute");
	if (st == ACG_OK)
		st = acg_chains_compute(g, &ch, &diags);
	if (st == ACG_OK) {
		struct chains_job job = {ch, org_id ? &org : NULL, org_id ? 1 : 0, format};

		cli_phase("write");
		st = cli_write_output(opts.outpath, write_chains, &job, &diags);
	}
	cli_print_diags(&diags, false);
	if (st == ACG_ENOMEM)
		cli_error("out of memory");
	rc = cli_exit_for(st);
out:
	acg_chains_free(ch);
	acg_graph_free(g);
	acg_model_free(m);
	acg_diags_release(&diags);
	cli_result_opts_release(&opts);
	return rc == CLI_HELP_SHOWN ? EXIT_OK : rc;
}
