/*
 * cmd_report.c - accgraph report FILE: the whole-system figures and
 * questions; with --format html also the per-organisation figures and the
 * diagram, in one page.
 */
#define _GNU_SOURCE
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "accgraph/accgraph.h"
#include "accgraph/graph.h"
#include "accgraph/metrics.h"
#include "accgraph/render.h"
#include "accgraph/report.h"
#include "cli.h"

static int run_report(int argc, char **argv);

const struct cli_command cmd_report = {
	"report",
	"the whole-system figures and the accountability questions",
	"usage: accgraph report FILE [--format text|md|json|html] [--exact] [-o OUT] [selection]\n"
	"\n"
	"Reports the standard network figures (counts by type, density, reciprocity,\n"
	"components, diameter, transitivity, Freeman centralisation, type mixing, E-I\n"
	"index) and answers the accountability questions: multiple accountability,\n"
	"chains to the apexes and gaps, divergent accountability, mutual accountability,\n"
	"single points of failure, sanctions and practice, brokerage and structural\n"
	"holes, and Krackhardt's hierarchy measures.  Each section opens with one\n"
	"plain-English sentence.\n"
	"\n"
	"The html format is one self-contained page (it loads nothing from the network)\n"
	"that opens in any browser and prints well: title, description and sources, key\n"
	"figures, the diagram (above 150 organisations each type of 10 or more is drawn\n"
	"as one node), every section with its tables, the figures of every organisation\n"
	"(as accgraph metrics prints them) and bar charts of principals and of links per\n"
	"organisation.  Clicking a column heading sorts a table.\n"
	"\n"
	"Options:\n"
	"  --format F      text (default; or from the extension of OUT), md, json\n"
	"                  (every figure, for scripts), or html\n"
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
	const struct acg_report_html *html; /* for ACG_FORMAT_HTML */
};

static enum acg_status write_report(FILE *f, const void *arg)
{
	const struct report_job *job = arg;

	if (job->format == ACG_FORMAT_HTML)
		return acg_report_write_html(job->report, job->html, f);
	return acg_report_write(job->report, job->format, f);
}

/*
 * The diagram of the HTML report.  Up to REPORT_FULL_DIAGRAM organisations
 * every one is drawn; above, each organisation type with at least
 * REPORT_COLLAPSE_MIN organisations is drawn as one node (render --collapse),
 * so that a national system stays legible at the width of a page.  When
 * that still leaves more than REPORT_MAX_NODES nodes, or the drawing fails,
 * the report has a note in its place.
 */
#define REPORT_FULL_DIAGRAM 150
#define REPORT_COLLAPSE_MIN 10
#define REPORT_MAX_NODES 250
#define STR_(x) #x
#define STR(x) STR_(x)

struct diagram {
	char *svg;  /* owned; NULL: none */
	size_t len;
	char *note; /* owned; NULL: none */
};

static void diagram_release(struct diagram *d)
{
	free(d->svg);
	free(d->note);
}

/* A malloc'd copy of a, b and c joined, or NULL when out of memory. */
static char *concat3(const char *a, const char *b, const char *c)
{
	size_t la = strlen(a), lb = strlen(b), lc = strlen(c);
	char *s = malloc(la + lb + lc + 1);

	if (s) {
		memcpy(s, a, la);
		memcpy(s + la, b, lb);
		memcpy(s + la + lb, c, lc + 1);
	}
	return s;
}

/*
 * Draws the diagram of m into d, with a note saying what was collapsed or
 * why there is no diagram.  Returns ACG_OK, also when there is no diagram
 * (then a note is printed on standard error too), or ACG_ENOMEM.
 */
static enum acg_status make_diagram(const struct acg_model *m, const char *selection,
				    struct diagram *d)
{
	struct acg_diags rdiags = ACG_DIAGS_INIT;
	struct acg_render_options ropt;
	struct acg_renderer *renderer = NULL;
	size_t *count = NULL, i, nodes, ncollapse = 0;
	const char **collapse = NULL;
	char *types = NULL;
	size_t types_len = 0;
	FILE *tf = NULL;
	enum acg_status st = ACG_ENOMEM;

	memset(d, 0, sizeof(*d));
	if (!(count = calloc(m->org_types.n + 1, sizeof(*count))) ||
	    !(collapse = calloc(m->org_types.n + 1, sizeof(*collapse))) ||
	    !(tf = open_memstream(&types, &types_len)))
		goto out;
	for (i = 0; i < m->norgs; i++)
		count[m->orgs[i].type]++;
	nodes = m->norgs;
	if (m->norgs > REPORT_FULL_DIAGRAM) {
		nodes = 0;
		for (i = 0; i < m->org_types.n; i++) {
			if (count[i] >= REPORT_COLLAPSE_MIN) {
				fprintf(tf, "%s%s (%zu)", ncollapse ? ", " : "",
					m->org_types.v[i].name, count[i]);
				collapse[ncollapse++] = m->org_types.v[i].name;
				nodes++;
			} else {
				nodes += count[i];
			}
		}
	}
	i = (size_t)fclose(tf);
	tf = NULL;
	if (i || !types)
		goto out;
	if (nodes > REPORT_MAX_NODES) {
		fprintf(stderr, "accgraph: note: the report has no diagram: %zu nodes are too many "
				"to draw on a page\n",
			nodes);
		d->note = strdup("The system is too large to draw legibly on a page; "
				 "accgraph render draws it on its own (--collapse, --ego and "
				 "--types draw parts of it).");
		st = d->note ? ACG_OK : ACG_ENOMEM;
		goto out;
	}
	acg_render_options_init(&ropt);
	ropt.format = ACG_RENDER_SVG;
	ropt.collapse = collapse;
	ropt.ncollapse = ncollapse;
	ropt.selection = selection;
	ropt.auto_collapse = false; /* the report chose what to collapse, above */
	st = acg_renderer_new(&renderer, &rdiags);
	if (st == ACG_OK)
		st = acg_render_buffer(renderer, m, &ropt, &d->svg, &d->len, &rdiags);
	if (st == ACG_ENOMEM)
		goto out;
	if (st != ACG_OK) {
		const char *why = acg_status_str(st);
		size_t k;

		/* The error, not a warning of Graphviz's flushed after it. */
		for (k = rdiags.n; k-- > 0;)
			if (rdiags.v[k].severity == ACG_ERROR) {
				why = rdiags.v[k].message;
				break;
			}

		fputs("accgraph: note: the report has no diagram: ", stderr);
		cli_put_safe(stderr, why);
		fputc('\n', stderr);
		d->note = concat3("The diagram could not be drawn (", why,
				  "); accgraph render may draw it with other options.");
		st = d->note ? ACG_OK : ACG_ENOMEM;
		goto out;
	}
	cli_print_diags(&rdiags, true); /* render's advice on options is not the report's */
	if (ncollapse && !(d->note = concat3("Drawn collapsed: each organisation type with "
					     STR(REPORT_COLLAPSE_MIN) " or more organisations is "
					     "one node, with counts on its links: ",
					     types, ". accgraph render draws every organisation.")))
		st = ACG_ENOMEM;
out:
	if (tf)
		fclose(tf);
	free(types);
	free(collapse);
	free(count);
	acg_renderer_free(renderer);
	acg_diags_release(&rdiags);
	if (st != ACG_OK)
		diagram_release(d);
	return st;
}

static int run_report(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"exact", no_argument, NULL, OPT_EXACT},
		CLI_RESULT_LONGOPTS,
		{NULL, 0, NULL, 0},
	};
	static const enum acg_format formats[] = {ACG_FORMAT_TEXT, ACG_FORMAT_MD, ACG_FORMAT_JSON,
						  ACG_FORMAT_HTML};
	struct cli_result_opts opts;
	struct acg_diags diags = ACG_DIAGS_INIT;
	struct acg_model *m = NULL;
	struct acg_graph *g = NULL;
	struct acg_report *report = NULL;
	struct acg_metrics *mx = NULL;
	struct diagram diagram = {NULL, 0, NULL};
	struct acg_report_html html = {NULL, NULL, NULL, 0, NULL};
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
	cli_phase("graph");
	st = acg_graph_build(m, &g, &diags);
	cli_phase("compute");
	if (st == ACG_OK)
		st = acg_report_compute(g, &ropt, &report, &diags);
	if (st == ACG_OK && format == ACG_FORMAT_HTML) {
		struct acg_metric_options mopt = {ropt.seed, ropt.exact};
		bool want[ACG_METRIC_COUNT];
		int k;

		for (k = 0; k < ACG_METRIC_COUNT; k++)
			want[k] = acg_metric_is_default((enum acg_metric)k);
		st = acg_metrics_compute(g, want, &mopt, &mx, &diags);
		if (st == ACG_OK)
			st = make_diagram(m, ropt.selection, &diagram);
		html.model = m;
		html.metrics = mx;
		html.svg = diagram.svg;
		html.svg_len = diagram.len;
		html.diagram_note = diagram.note;
	}
	if (st == ACG_OK) {
		struct report_job job = {report, format, &html};

		cli_phase("write");
		st = cli_write_output(opts.outpath, write_report, &job, &diags);
	}
	cli_print_diags(&diags, false);
	if (st == ACG_ENOMEM)
		cli_error("out of memory");
	rc = cli_exit_for(st);
out:
	diagram_release(&diagram);
	acg_metrics_free(mx);
	acg_report_free(report);
	acg_graph_free(g);
	acg_model_free(m);
	acg_diags_release(&diags);
	cli_result_opts_release(&opts);
	return rc == CLI_HELP_SHOWN ? EXIT_OK : rc;
}
