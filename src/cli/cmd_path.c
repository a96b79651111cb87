/* cmd_path.c - accgraph path FILE FROM TO: shortest accountability paths. */
#define _GNU_SOURCE
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "accgraph/accgraph.h"
#include "accgraph/chains.h"
#include "accgraph/graph.h"
#include "cli.h"

static int run_path(int argc, char **argv);

const struct cli_command cmd_path = {
	"path",
	"every shortest accountability path from one organisation up to another",
	"usage: accgraph path FILE FROM TO [--format text|md|json] [-o OUT] [selection]\n"
	"\n"
	"Prints every shortest path that follows accountability links forwards (from\n"
	"the organisation that gives account to the one that holds it to account)\n"
	"from the organisation with id FROM up to the one with id TO, each hop with\n"
	"the type and mechanism of its links.  When none leads up from FROM to TO but\n"
	"one leads from TO to FROM, it says so.\n"
	"\n"
	"Options:\n"
	"  --format F      text (default; or from the extension of OUT), md, json\n"
	"  -o, --output OUT  write to OUT instead of standard output\n"
	"  -h, --help      show this help\n"
	"\n" CLI_SYSTEM_USAGE,
	run_path,
};

struct path_job {
	const struct acg_model *model;
	size_t from, to;
	const struct acg_path *paths;
	size_t npaths;
	enum acg_format format;
};

static enum acg_status write_paths(FILE *f, const void *arg)
{
	const struct path_job *job = arg;

	return acg_paths_write(job->model, job->from, job->to, job->paths, job->npaths,
			       job->format, f);
}

static void free_paths(struct acg_path *paths, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		acg_path_release(&paths[i]);
	free(paths);
}

static int run_path(int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_RESULT_LONGOPTS,
		{NULL, 0, NULL, 0},
	};
	static const enum acg_format formats[] = {ACG_FORMAT_TEXT, ACG_FORMAT_MD, ACG_FORMAT_JSON};
	struct cli_result_opts opts;
	struct acg_diags diags = ACG_DIAGS_INIT;
	struct acg_model *m = NULL;
	struct acg_graph *g = NULL;
	struct acg_path *paths = NULL, *back = NULL;
	size_t npaths = 0, nback = 0, from, to;
	enum acg_format format;
	enum acg_status st;
	int c, rc = EXIT_OK;

	cli_result_opts_init(&opts);
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, ":o:h", longopts, NULL)) != -1) {
		if ((rc = cli_result_option(&cmd_path, &opts, c, argv)))
			goto out;
	}
	if ((rc = cli_expect_operands(&cmd_path, argc, 3, "FILE FROM TO")))
		goto out;
	if ((rc = cli_format(&cmd_path, opts.format, opts.outpath, ACG_FORMAT_TEXT, formats,
			     sizeof(formats) / sizeof(*formats), &format)))
		goto out;
	if ((rc = cli_load_system(argv[optind], &opts.sys, &m)) ||
	    (rc = cli_find_org(&cmd_path, m, "FROM", argv[optind + 1], &from)) ||
	    (rc = cli_find_org(&cmd_path, m, "TO", argv[optind + 2], &to)))
		goto out;
	cli_phase("graph");
	st = acg_graph_build(m, &g, &diags);
	cli_phase("compute");
	if (st == ACG_OK)
		st = acg_paths_all_shortest(g, from, to, &paths, &npaths, &diags);
	if (st == ACG_OK && !npaths && from != to)
		st = acg_paths_all_shortest(g, to, from, &back, &nback, &diags);
	if (st == ACG_OK) {
		struct path_job job = {m, from, to, paths, npaths, format};

		cli_phase("write");
		st = cli_write_output(opts.outpath, write_paths, &job, &diags);
	}
	if (st == ACG_OK && nback)
		fprintf(stderr,
			"accgraph: note: the path runs the other way: %s is accountable to %s "
			"through %zu %s (accgraph path %s %s %s%s)\n",
			m->orgs[to].name, m->orgs[from].name, back[0].n - 1,
			back[0].n == 2 ? "link" : "links", argv[optind], m->orgs[to].id, m->orgs[from].id,
			opts.sys.text ? opts.sys.text : "");
	cli_print_diags(&diags, false);
	if (st == ACG_ENOMEM)
		cli_error("out of memory");
	rc = cli_exit_for(st);
out:
	free_paths(paths, npaths);
	free_paths(back, nback);
	acg_graph_free(g);
	acg_model_free(m);
	acg_diags_release(&diags);
	cli_result_opts_release(&opts);
	return rc == CLI_HELP_SHOWN ? EXIT_OK : rc;
}
