/* cmd_metrics.c - accgraph metrics FILE: figures per organisation. */
#define _GNU_SOURCE
#include <getopt.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "accgraph/accgraph.h"
#include "accgraph/graph.h"
#include "accgraph/metrics.h"
#include "accgraph/table.h"
#include "cli.h"

static int run_metrics(int argc, char **argv);

const struct cli_command cmd_metrics = {
	"metrics",
	"figures per organisation: degrees, centralities, chains, brokerage",
	"usage: accgraph metrics FILE [--format csv|tsv|json|text|md] [--sort COL] [--top N]\n"
	"                        [--columns LIST] [--exact] [-o OUT] [selection]\n"
	"\n"
	"Prints one row per organisation, in file order, with these columns:\n"
	"  id, name, type     from the file\n"
	"  in_degree          links into it, every link counted\n"
	"  out_degree         links out of it, every link counted\n"
	"  principals         distinct organisations it is directly accountable to\n"
	"  accountees         distinct organisations directly accountable to it\n"
	"  betweenness        directed, unweighted, parallel links collapsed, not normalised\n"
	"  harmonic           out-going harmonic centrality, collapsed, normalised by n-1\n"
	"  pagerank           directed, damping 0.85, weights summed over parallel links\n"
	"  hub, authority     Kleinberg scores, collapsed, largest scaled to 1\n"
	"  coreness           k-core number of the undirected graph, collapsed\n"
	"  constraint         Burt's constraint, undirected, weights summed\n"
	"  apex_distance      fewest links up to an apex (an organisation with no\n"
	"                     out-going link); empty if none is reachable\n"
	"  apexes             apexes reached by upward chains, itself included\n"
	"  community          Leiden modularity community (undirected, collapsed),\n"
	"                     the best of 10 runs\n"
	"and, when asked for with --columns:\n"
	"  effective_size     Burt's effective size (undirected, collapsed, unweighted)\n"
	"  brokerage_coordinator, brokerage_itinerant, brokerage_representative,\n"
	"  brokerage_gatekeeper, brokerage_liaison\n"
	"                     Gould-Fernandez role counts, groups = organisation type\n"
	"\n"
	"Options:\n"
	"  --format F      text (default; or from the extension of OUT), csv (RFC 4180),\n"
	"                  tsv, json (an array of objects; empty values are null), md\n"
	"  --sort COL      rows by COL: numbers largest first, text A to Z\n"
	"  --top N         only the first N rows (after sorting)\n"
	"  --columns LIST  the columns to print, comma-separated; \"all\" for every\n"
	"                  column; +COL,... adds columns to the default ones\n"
	"  --exact         above 20000 organisations, compute betweenness and\n"
	"                  harmonic exactly and community from 10 Leiden runs (they\n"
	"                  are otherwise estimates, and one run)\n"
	"  -o, --output OUT  write to OUT instead of standard output\n"
	"  -h, --help      show this help\n"
	"\n" CLI_SYSTEM_USAGE,
	run_metrics,
};

enum {
	OPT_SORT = CLI_OPT_FIRST_COMMAND_OPTION,
	OPT_TOP,
	OPT_COLUMNS,
	OPT_EXACT,
};

#define NTEXT 3 /* id, name, type */

/* Column c of the table: 0..2 the text columns, then one per metric. */
static const char *column_name(size_t c)
{
	static const char *const text[NTEXT] = {"id", "name", "type"};

	return c < NTEXT ? text[c] : acg_metric_name((enum acg_metric)(c - NTEXT));
}

static size_t column_from_name(const char *name)
{
	size_t c;

	for (c = 0; c < NTEXT + ACG_METRIC_COUNT; c++)
		if (!strcmp(column_name(c), name))
			return c;
	return (size_t)-1;
}

/*
 * Parses --columns into cols (at most NTEXT + ACG_METRIC_COUNT entries);
 * NULL spec gives the default columns.
 */
static int parse_columns(const char *spec, size_t *cols, size_t *ncols)
{
	size_t c;
	char *copy, *tok, *save = NULL;
	bool add = spec && spec[0] == '+';

	*ncols = 0;
	if (!spec || add || !strcmp(spec, "all")) {
		for (c = 0; c < NTEXT + ACG_METRIC_COUNT; c++)
			if (c < NTEXT || (spec && !add) ||
			    acg_metric_is_default((enum acg_metric)(c - NTEXT)))
				cols[(*ncols)++] = c;
		if (!add)
			return 0;
		spec++;
	}
	copy = strdup(spec);
	if (!copy)
		return EXIT_IO;
	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		size_t k;

		c = column_from_name(tok);
		if (c == (size_t)-1) {
			cli_usage_error(&cmd_metrics, "--columns: no column is called \"%s\"", tok);
			free(copy);
			return EXIT_USAGE;
		}
		for (k = 0; k < *ncols && cols[k] != c; k++)
			;
		if (k == *ncols && *ncols < NTEXT + ACG_METRIC_COUNT)
			cols[(*ncols)++] = c;
	}
	free(copy);
	if (!*ncols)
		return cli_usage_error(&cmd_metrics, "--columns: no column given");
	return 0;
}

/* The table of every column, for the metrics computed. */
static struct acg_table *metrics_table(const struct acg_model *m, const struct acg_metrics *mx)
{
	const char *names[NTEXT + ACG_METRIC_COUNT];
	struct acg_table *t;
	size_t c, i;

	for (c = 0; c < NTEXT + ACG_METRIC_COUNT; c++)
		names[c] = column_name(c);
	t = acg_table_new(NTEXT + ACG_METRIC_COUNT, names);
	if (!t)
		return NULL;
	for (i = 0; i < m->norgs; i++) {
		const struct acg_org *o = &m->orgs[i];
		size_t r = acg_table_add_row(t);

		if (r == (size_t)-1 || acg_table_set_text(t, r, 0, o->id) ||
		    acg_table_set_text(t, r, 1, o->name) ||
		    acg_table_set_text(t, r, 2, m->org_types.v[o->type].name)) {
			acg_table_free(t);
			return NULL;
		}
		for (c = 0; c < ACG_METRIC_COUNT; c++)
			if (mx->v[c])
				acg_table_set_number(t, r, NTEXT + c, mx->v[c][i],
						     acg_metric_is_integer((enum acg_metric)c));
	}
	return t;
}

static void note_estimates(const struct acg_metrics *mx, size_t norgs)
{
	bool paths = mx->estimated[ACG_METRIC_BETWEENNESS] || mx->estimated[ACG_METRIC_HARMONIC];
	bool community = mx->estimated[ACG_METRIC_COMMUNITY];

	if (paths)
		fprintf(stderr,
			"accgraph: note: with %zu organisations (more than %d), betweenness and "
			"harmonic are estimates that leave out paths longer than %d links; "
			"--exact computes them exactly\n",
			norgs, ACG_EXACT_LIMIT, ACG_ESTIMATE_CUTOFF);
	if (community)
		fprintf(stderr,
			"accgraph: note: with %zu organisations (more than %d), community is "
			"one Leiden run's, not the best of %d; --exact runs them all\n",
			norgs, ACG_EXACT_LIMIT, ACG_LEIDEN_RUNS);
}

struct table_job {
	const struct acg_table *table;
	const size_t *cols;
	size_t ncols;
	enum acg_format format;
};

static enum acg_status write_table(FILE *f, const void *arg)
{
	const struct table_job *job = arg;

	return acg_table_write(job->table, job->cols, job->ncols, job->format, f);
}

static int run_metrics(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"sort", required_argument, NULL, OPT_SORT},
		{"top", required_argument, NULL, OPT_TOP},
		{"columns", required_argument, NULL, OPT_COLUMNS},
		{"exact", no_argument, NULL, OPT_EXACT},
		CLI_RESULT_LONGOPTS,
		{NULL, 0, NULL, 0},
	};
	static const enum acg_format formats[] = {ACG_FORMAT_TEXT, ACG_FORMAT_CSV, ACG_FORMAT_TSV,
						  ACG_FORMAT_JSON, ACG_FORMAT_MD};
	struct cli_result_opts opts;
	struct acg_diags diags = ACG_DIAGS_INIT;
	struct acg_model *m = NULL;
	struct acg_graph *g = NULL;
	struct acg_metrics *mx = NULL;
	struct acg_table *t = NULL;
	struct acg_metric_options mopt = {ACG_DEFAULT_SEED, false};
	const char *sort = NULL, *columns = NULL;
	unsigned long top = 0;
	bool have_top = false, want[ACG_METRIC_COUNT] = {false};
	size_t cols[NTEXT + ACG_METRIC_COUNT], ncols, sort_col = (size_t)-1, k;
	enum acg_format format;
	enum acg_status st;
	int c, rc = EXIT_OK;

	cli_result_opts_init(&opts);
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, ":o:h", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_SORT:
			sort = optarg;
			break;
		case OPT_TOP:
			if ((rc = cli_unsigned(&cmd_metrics, "--top", optarg, &top)))
				goto out;
			have_top = true;
			break;
		case OPT_COLUMNS:
			columns = optarg;
			break;
		case OPT_EXACT:
			mopt.exact = true;
			break;
		default:
			if ((rc = cli_result_option(&cmd_metrics, &opts, c, argv)))
				goto out;
		}
	}
	if ((rc = cli_expect_operands(&cmd_metrics, argc, 1, "one FILE")))
		goto out;
	if ((rc = cli_format(&cmd_metrics, opts.format, opts.outpath, ACG_FORMAT_TEXT, formats,
			     sizeof(formats) / sizeof(*formats), &format)) ||
	    (rc = parse_columns(columns, cols, &ncols)))
		goto out;
	if (sort && (sort_col = column_from_name(sort)) == (size_t)-1) {
		rc = cli_usage_error(&cmd_metrics, "--sort: no column is called \"%s\"", sort);
		goto out;
	}
	for (k = 0; k < ncols; k++)
		if (cols[k] >= NTEXT)
			want[cols[k] - NTEXT] = true;
	if (sort_col != (size_t)-1 && sort_col >= NTEXT)
		want[sort_col - NTEXT] = true;

	if ((rc = cli_load_system(argv[optind], &opts.sys, &m)))
		goto out;
	mopt.seed = opts.sys.seed;
	cli_phase("graph");
	st = acg_graph_build(m, &g, &diags);
	cli_phase("compute");
	if (st == ACG_OK)
		st = acg_metrics_compute(g, want, &mopt, &mx, &diags);
	if (st == ACG_OK && !(t = metrics_table(m, mx)))
		st = ACG_ENOMEM;
	if (st != ACG_OK)
		goto fail;
	note_estimates(mx, m->norgs);
	if (sort_col != (size_t)-1 && (st = acg_table_sort(t, sort_col)) != ACG_OK)
		goto fail;
	if (have_top)
		acg_table_truncate(t, top);
	{
		struct table_job job = {t, cols, ncols, format};

		cli_phase("write");
		st = cli_write_output(opts.outpath, write_table, &job, &diags);
	}
fail:
	cli_print_diags(&diags, false);
	if (st == ACG_ENOMEM)
		cli_error("out of memory");
	rc = cli_exit_for(st);
out:
	acg_table_free(t);
	acg_metrics_free(mx);
	acg_graph_free(g);
	acg_model_free(m);
	acg_diags_release(&diags);
	cli_result_opts_release(&opts);
	return rc == CLI_HELP_SHOWN ? EXIT_OK : rc;
}
