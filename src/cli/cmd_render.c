/* cmd_render.c - accgraph render FILE -o OUT.svg|.png|.pdf|.dot: the diagram. */
#define _GNU_SOURCE
#include <getopt.h>
#include <math.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

#include "accgraph/accgraph.h"
#include "accgraph/diff.h"
#include "accgraph/graph.h"
#include "accgraph/metrics.h"
#include "accgraph/render.h"
#include "cli.h"

static int run_render(int argc, char **argv);

#define STR_(x) #x
#define STR(x) STR_(x)

const struct cli_command cmd_render = {
	"render",
	"the diagram, laid out by Graphviz: svg, png, pdf or dot",
	"usage: accgraph render FILE -o OUT.svg|.png|.pdf|.dot [--layout L] [--cluster-by KEYS]\n"
	"                       [--size-by METRIC] [--highlight ID] [--ego ID [--depth K]]\n"
	"                       [--collapse TYPES] [--no-auto-collapse] [--no-legend] [--wrap N]\n"
	"                       [--dpi N] [selection]\n"
	"       accgraph render --diff OLD NEW -o OUT [options]\n"
	"       accgraph render --diff FILE --as-of DATE1 --vs DATE2 -o OUT [options]\n"
	"\n"
	"Draws the system with Graphviz (in process).  Tiers are ranks, the apex on\n"
	"top, and links point up to the organisation that holds to account;\n"
	"organisation types are shapes and colours (a colour-blind-safe palette; the\n"
	"file's styles win), link types line styles, colours and arrowheads, link\n"
	"weights pen widths.  A key under the drawing shows the types drawn, and the\n"
	"caption the title, the as-of date and the sources.  The same input and\n"
	"options give the same bytes.\n"
	"\n"
	"With --diff, both systems are drawn on one layout, matched as `accgraph diff`\n"
	"matches them (by id, then through `succeeds`): colour shows what changed\n"
	"(added: bluish green; removed: vermilion, dashed; changed: blue; unchanged:\n"
	"pale grey), a dotted arrow joins each successor to what it succeeds, shapes\n"
	"and line styles still show the types, and the caption counts the changes.\n"
	"\n"
	"Options:\n"
	"  -o, --output OUT   the file to write; its extension gives the format:\n"
	"                     .svg, .png, .pdf, or .dot (the graph before layout, for\n"
	"                     Graphviz's own tools).  svg and dot may go to standard\n"
	"                     output (no -o, or -o -); png and pdf need -o FILE\n"
	"  --format F         svg (default), png, pdf or dot, whatever OUT's extension\n"
	"  --layout L         dot (the default up to " STR(ACG_RENDER_DOT_LIMIT)
	" organisations drawn),\n"
	"                     neato, fdp, sfdp (the default above that, with a note:\n"
	"                     dot was measured to take more than 10 s there), circo\n"
	"                     or twopi.  Only dot keeps tiers as ranks\n"
	"  --cluster-by KEYS  boxes around organisations sharing a value of KEY:\n"
	"                     region, type, or an attribute's name; KEY1,KEY2 nests\n"
	"                     KEY2 inside KEY1 (drawn by the dot and fdp layouts)\n"
	"  --size-by METRIC   node area grows with METRIC, a column of `accgraph\n"
	"                     metrics` (e.g. betweenness, pagerank, in_degree)\n"
	"  --highlight ID     emphasise ID and the organisations on its upward chains\n"
	"  --ego ID           draw only the organisations within --depth links of ID\n"
	"  --depth K          links from --ego, either direction (default 1)\n"
	"  --collapse TYPES   draw all organisations of each type (comma-separated) as\n"
	"                     one node with their count; their links are merged, and\n"
	"                     labelled with how many were merged.  With dot, the\n"
	"                     types of a tier wider than 60 are collapsed too (a\n"
	"                     note says which); tiers wider than 6 take rows of 6\n"
	"  --no-auto-collapse draw every organisation, however wide the tiers\n"
	"  --no-legend        leave out the key and the caption\n"
	"  --diff             draw the changes from OLD to NEW (or from FILE as of\n"
	"                     --as-of to FILE as of --vs); not with --highlight or\n"
	"                     --size-by\n"
	"  --vs DATE          with --diff and one FILE: the later date\n"
	"  --wrap N           wrap names at spaces to lines of N characters (default\n"
	"                     " STR(ACG_RENDER_DEFAULT_WRAP) "; 0: never)\n"
	"  --dpi N            resolution of png output (default 96); a png is at most\n"
	"                     " STR(ACG_RENDER_MAX_PIXELS) " pixels a side (a larger drawing is scaled down)\n"
	"  -h, --help         show this help\n"
	"\n"
	"A layout that takes more than a second shows its progress on standard error\n"
	"when that is a terminal.\n"
	"\n" CLI_SYSTEM_USAGE,
	run_render,
};

enum {
	OPT_LAYOUT = CLI_OPT_FIRST_COMMAND_OPTION,
	OPT_CLUSTER_BY,
	OPT_SIZE_BY,
	OPT_HIGHLIGHT,
	OPT_EGO,
	OPT_DEPTH,
	OPT_COLLAPSE,
	OPT_NO_LEGEND,
	OPT_WRAP,
	OPT_DPI,
	OPT_DIFF,
	OPT_VS,
	OPT_NO_AUTO_COLLAPSE,
};

/* ---- progress on a terminal ------------------------------------------------- */

/*
 * While Graphviz works (it reports no progress of its own), a timer prints
 * the seconds spent, once a second, on the same line of standard error.  The
 * handler only formats digits and calls write(), which is async-signal-safe.
 */
static char tick_line[160];
static size_t tick_prefix;
static volatile sig_atomic_t tick_seconds;
static struct sigaction tick_old;
static bool ticking;

static void tick(int sig)
{
	char digits[24];
	size_t n = 0, k = tick_prefix;
	long s = (long)++tick_seconds;

	(void)sig;
	do {
		digits[n++] = (char)('0' + s % 10);
		s /= 10;
	} while (s && n < sizeof(digits));
	while (n && k < sizeof(tick_line) - 4)
		tick_line[k++] = digits[--n];
	tick_line[k++] = ' ';
	tick_line[k++] = 's';
	if (write(STDERR_FILENO, tick_line, k) < 0)
		return;
}

static void ticker_start(const char *what)
{
	struct sigaction sa;
	struct itimerval it = {{1, 0}, {1, 0}};
	int n;

	n = snprintf(tick_line, sizeof(tick_line), "\raccgraph: %s... ", what);
	if (n < 0 || (size_t)n >= sizeof(tick_line) - 32)
		return;
	tick_prefix = (size_t)n;
	tick_seconds = 0;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = tick;
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGALRM, &sa, &tick_old))
		return;
	if (setitimer(ITIMER_REAL, &it, NULL)) {
		sigaction(SIGALRM, &tick_old, NULL);
		return;
	}
	ticking = true;
}

static void ticker_stop(void)
{
	struct itimerval off = {{0, 0}, {0, 0}};

	if (!ticking)
		return;
	setitimer(ITIMER_REAL, &off, NULL);
	sigaction(SIGALRM, &tick_old, NULL);
	ticking = false;
	if (tick_seconds)
		fprintf(stderr, "\raccgraph: %.*sdone in about %ld s\n", (int)(tick_prefix - 11),
			tick_line + 11, (long)tick_seconds);
}

static void on_progress(const struct acg_render_progress *p, void *arg)
{
	char what[120];

	(void)arg;
	switch (p->phase) {
	case ACG_RENDER_START:
		if (p->auto_collapsed)
			fprintf(stderr,
				"accgraph: note: tiers wider than 60 organisations: each of %s is "
				"drawn as one node (--no-auto-collapse draws every organisation)\n",
				p->auto_collapsed);
		if (p->switched)
			fprintf(stderr,
				"accgraph: note: %zu organisations drawn, more than %d: the layout "
				"is sfdp, not dot (--layout dot insists on dot)\n",
				p->nodes, ACG_RENDER_DOT_LIMIT);
		break;
	case ACG_RENDER_LAYOUT_BEGIN:
		cli_phase("layout");
		if (!isatty(STDERR_FILENO))
			return;
		snprintf(what, sizeof(what), "laying out %zu nodes and %zu links with %s", p->nodes,
			 p->edges, acg_layout_name(p->layout));
		ticker_start(what);
		break;
	case ACG_RENDER_DRAW_BEGIN:
		cli_phase("draw");
		if (!isatty(STDERR_FILENO))
			return;
		ticker_start("drawing");
		break;
	case ACG_RENDER_LAYOUT_END:
		ticker_stop();
		break;
	case ACG_RENDER_DRAW_END:
		ticker_stop();
		cli_phase("write");
		break;
	}
}

/* ---- the command ------------------------------------------------------------ */

/* Splits "a,b" in place (arg is the caller's copy) into at most max items. */
static size_t split_commas(char *arg, const char **items, size_t max)
{
	size_t n = 0;
	char *p = arg;

	for (;;) {
		char *comma = strchr(p, ',');

		if (n < max)
			items[n] = p;
		n++;
		if (!comma)
			break;
		*comma = '\0';
		p = comma + 1;
	}
	return n;
}

struct render_job {
	struct acg_renderer *renderer;
	const struct acg_model *model;
	const struct acg_render_options *opt;
	struct acg_diags *diags;
};

static enum acg_status write_render(FILE *f, const void *arg)
{
	const struct render_job *job = arg;

	return acg_render_write(job->renderer, job->model, job->opt, f, job->diags);
}

/* The format from --format, else from the extension of OUT, else svg; -1 after reporting. */
static int pick_format(const char *name, const char *outpath, enum acg_render_format *out)
{
	const char *dot;

	*out = ACG_RENDER_SVG;
	if (name) {
		*out = acg_render_format_from_name(name);
		if (*out == ACG_RENDER_FORMAT_COUNT)
			return cli_usage_error(&cmd_render,
					       "--format: \"%s\" is not one of svg, png, pdf, dot",
					       name);
		return 0;
	}
	if (!outpath || !strcmp(outpath, "-"))
		return 0;
	dot = strrchr(outpath, '.');
	if (dot && !strchr(dot, '/'))
		*out = acg_render_format_from_name(dot + 1);
	if (!dot || strchr(dot, '/') || *out == ACG_RENDER_FORMAT_COUNT)
		return cli_usage_error(&cmd_render,
				       "cannot tell the format from \"%s\": name it .svg, .png, .pdf "
				       "or .dot, or give --format",
				       outpath);
	return 0;
}

/* Computes the metric called name for every organisation of m into *out (malloc'd). */
static int size_values(const struct acg_model *m, const char *name, unsigned long seed,
		       double **out)
{
	struct acg_diags diags = ACG_DIAGS_INIT;
	struct acg_graph *g = NULL;
	struct acg_metrics *mx = NULL;
	struct acg_metric_options mopt = {seed, false};
	bool want[ACG_METRIC_COUNT] = {false};
	enum acg_metric metric = acg_metric_from_name(name);
	enum acg_status st;

	*out = NULL;
	want[metric] = true;
	cli_phase("graph");
	st = acg_graph_build(m, &g, &diags);
	cli_phase("compute");
	if (st == ACG_OK)
		st = acg_metrics_compute(g, want, &mopt, &mx, &diags);
	if (st == ACG_OK) {
		*out = mx->v[metric];
		mx->v[metric] = NULL;
	}
	cli_print_diags(&diags, false);
	if (st == ACG_ENOMEM)
		cli_error("out of memory");
	acg_metrics_free(mx);
	acg_graph_free(g);
	acg_diags_release(&diags);
	return cli_exit_for(st);
}

/* Both systems of the pair in one model with the change marks (render --diff). */
static int diff_union(const struct cli_pair *pair, struct acg_model **out,
		      enum acg_render_mark **org_marks, enum acg_render_mark **link_marks)
{
	struct acg_diff *diff = NULL;
	enum acg_status st = acg_diff_compute(pair->old_model, pair->new_model, &diff);

	if (st == ACG_OK)
		st = acg_diff_union(pair->old_model, pair->new_model, diff, pair->old_name,
				    pair->new_name, out, org_marks, link_marks);
	acg_diff_free(diff);
	if (st == ACG_ENOMEM)
		cli_error("out of memory");
	return cli_exit_for(st);
}

static int run_render(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"layout", required_argument, NULL, OPT_LAYOUT},
		{"cluster-by", required_argument, NULL, OPT_CLUSTER_BY},
		{"size-by", required_argument, NULL, OPT_SIZE_BY},
		{"highlight", required_argument, NULL, OPT_HIGHLIGHT},
		{"ego", required_argument, NULL, OPT_EGO},
		{"depth", required_argument, NULL, OPT_DEPTH},
		{"collapse", required_argument, NULL, OPT_COLLAPSE},
		{"no-legend", no_argument, NULL, OPT_NO_LEGEND},
		{"wrap", required_argument, NULL, OPT_WRAP},
		{"dpi", required_argument, NULL, OPT_DPI},
		{"diff", no_argument, NULL, OPT_DIFF},
		{"no-auto-collapse", no_argument, NULL, OPT_NO_AUTO_COLLAPSE},
		{"vs", required_argument, NULL, OPT_VS},
		CLI_RESULT_LONGOPTS,
		{NULL, 0, NULL, 0},
	};
	struct cli_result_opts opts;
	struct acg_render_options ropt;
	struct acg_diags diags = ACG_DIAGS_INIT;
	struct acg_model *m = NULL;
	struct cli_pair pair = {0};
	enum acg_render_mark *org_marks = NULL, *link_marks = NULL;
	bool diff_mode = false;
	const char *vs = NULL;
	struct acg_renderer *renderer = NULL;
	const char *cluster_keys[ACG_RENDER_MAX_CLUSTER_LEVELS];
	const char **collapse = NULL;
	char *cluster_arg = NULL, *collapse_arg = NULL;
	const char *size_by = NULL;
	double *sizes = NULL;
	unsigned long depth = 1, wrap = ACG_RENDER_DEFAULT_WRAP, dpi = 96;
	bool have_depth = false;
	enum acg_status st;
	size_t i, k;
	int c, rc = EXIT_OK;

	cli_result_opts_init(&opts);
	acg_render_options_init(&ropt);
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, ":o:h", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_LAYOUT:
			ropt.layout = acg_layout_from_name(optarg);
			if (ropt.layout == ACG_LAYOUT_COUNT || ropt.layout == ACG_LAYOUT_AUTO) {
				rc = cli_usage_error(&cmd_render,
						     "--layout: \"%s\" is not one of dot, neato, fdp, "
						     "sfdp, circo, twopi",
						     optarg);
				goto out;
			}
			break;
		case OPT_CLUSTER_BY:
			free(cluster_arg);
			if (!(cluster_arg = strdup(optarg)))
				goto nomem;
			ropt.ncluster_by = split_commas(cluster_arg, cluster_keys,
							ACG_RENDER_MAX_CLUSTER_LEVELS);
			if (ropt.ncluster_by > ACG_RENDER_MAX_CLUSTER_LEVELS) {
				rc = cli_usage_error(&cmd_render,
						     "--cluster-by: \"%s\" has more than %d keys "
						     "(an outer and an inner cluster)",
						     optarg, ACG_RENDER_MAX_CLUSTER_LEVELS);
				goto out;
			}
			for (k = 0; k < ropt.ncluster_by; k++)
				if (!*cluster_keys[k]) {
					rc = cli_usage_error(&cmd_render,
							     "--cluster-by: \"%s\" has an empty key",
							     optarg);
					goto out;
				}
			ropt.cluster_by = cluster_keys;
			break;
		case OPT_SIZE_BY:
			size_by = optarg;
			if (acg_metric_from_name(size_by) == ACG_METRIC_COUNT) {
				rc = cli_usage_error(&cmd_render,
						     "--size-by: \"%s\" is not a column of `accgraph "
						     "metrics` (e.g. betweenness, pagerank, in_degree)",
						     size_by);
				goto out;
			}
			break;
		case OPT_HIGHLIGHT:
			ropt.highlight = optarg;
			break;
		case OPT_EGO:
			ropt.ego = optarg;
			break;
		case OPT_DEPTH:
			if ((rc = cli_unsigned(&cmd_render, "--depth", optarg, &depth)))
				goto out;
			have_depth = true;
			break;
		case OPT_COLLAPSE:
			free(collapse_arg);
			free(collapse);
			collapse = NULL;
			for (k = 1, i = 0; optarg[i]; i++)
				k += optarg[i] == ',';
			if (!(collapse_arg = strdup(optarg)) ||
			    !(collapse = calloc(k, sizeof(*collapse))))
				goto nomem;
			ropt.ncollapse = split_commas(collapse_arg, collapse, k);
			ropt.collapse = collapse;
			for (k = 0; k < ropt.ncollapse; k++)
				if (!*collapse[k]) {
					rc = cli_usage_error(&cmd_render,
							     "--collapse: \"%s\" has an empty type name",
							     optarg);
					goto out;
				}
			break;
		case OPT_NO_LEGEND:
			ropt.legend = false;
			break;
		case OPT_WRAP:
			if ((rc = cli_unsigned(&cmd_render, "--wrap", optarg, &wrap)))
				goto out;
			break;
		case OPT_NO_AUTO_COLLAPSE:
			ropt.auto_collapse = false;
			break;
		case OPT_DIFF:
			diff_mode = true;
			break;
		case OPT_VS:
			vs = optarg;
			break;
		case OPT_DPI:
			if ((rc = cli_unsigned(&cmd_render, "--dpi", optarg, &dpi)))
				goto out;
			if (dpi < 10 || dpi > 1200) {
				rc = cli_usage_error(&cmd_render,
						     "--dpi: %lu is not between 10 and 1200", dpi);
				goto out;
			}
			break;
		default:
			if ((rc = cli_result_option(&cmd_render, &opts, c, argv)))
				goto out;
		}
	}
	if (vs && !diff_mode) {
		rc = cli_usage_error(&cmd_render, "--vs needs --diff");
		goto out;
	}
	if (diff_mode && (ropt.highlight || size_by)) {
		rc = cli_usage_error(&cmd_render, "--diff cannot be combined with %s (colour shows "
						  "the change)",
				     ropt.highlight ? "--highlight" : "--size-by");
		goto out;
	}
	if (!diff_mode && (rc = cli_expect_operands(&cmd_render, argc, 1, "one FILE")))
		goto out;
	if ((rc = pick_format(opts.format, opts.outpath, &ropt.format)))
		goto out;
	if ((ropt.format == ACG_RENDER_PNG || ropt.format == ACG_RENDER_PDF) &&
	    (!opts.outpath || !strcmp(opts.outpath, "-"))) {
		rc = cli_usage_error(&cmd_render, "%s output needs -o FILE",
				     acg_render_format_name(ropt.format));
		goto out;
	}
	if (have_depth && !ropt.ego) {
		rc = cli_usage_error(&cmd_render, "--depth needs --ego");
		goto out;
	}
	ropt.depth = (unsigned)(depth > 1000000 ? 1000000 : depth);
	ropt.wrap = (unsigned)(wrap > 100000 ? 100000 : wrap);
	ropt.dpi = (double)dpi;
	ropt.progress = on_progress;

	if (diff_mode) {
		if ((rc = cli_load_pair(&cmd_render, argc, argv, vs, &opts.sys, &pair)) ||
		    (cli_phase("compare"), rc = diff_union(&pair, &m, &org_marks, &link_marks)))
			goto out;
		ropt.org_marks = org_marks;
		ropt.link_marks = link_marks;
	} else if ((rc = cli_load_system(argv[optind], &opts.sys, &m))) {
		goto out;
	}
	ropt.selection = opts.sys.text && *opts.sys.text ? opts.sys.text + 1 : NULL;
	if (ropt.highlight && (rc = cli_find_org(&cmd_render, m, "--highlight", ropt.highlight, &i)))
		goto out;
	if (ropt.ego && (rc = cli_find_org(&cmd_render, m, "--ego", ropt.ego, &i)))
		goto out;
	for (k = 0; k < ropt.ncollapse; k++)
		if (acg_type_find(&m->org_types, ropt.collapse[k]) == ACG_NONE) {
			rc = cli_usage_error(&cmd_render,
					     "--collapse: the system has no organisation type \"%s\"",
					     ropt.collapse[k]);
			goto out;
		}
	if (size_by) {
		if ((rc = size_values(m, size_by, opts.sys.seed, &sizes)))
			goto out;
		ropt.sizes = sizes;
		ropt.size_label = size_by;
	}

	st = acg_renderer_new(&renderer, &diags);
	if (st == ACG_OK) {
		struct render_job job = {renderer, m, &ropt, &diags};

		cli_phase("layout"); /* Graphviz's graph is made, laid out and drawn as it is written */
		st = cli_write_output(opts.outpath, write_render, &job, &diags);
	}
	ticker_stop();
	if (st == ACG_EUSAGE) {
		/* An option the model cannot satisfy: a usage error of this command. */
		for (k = 0; k < diags.n; k++)
			if (diags.v[k].severity == ACG_ERROR)
				cli_usage_error(&cmd_render, "%s", diags.v[k].message);
			else
				cli_error("warning: %s", diags.v[k].message);
	} else {
		cli_print_diags(&diags, false);
	}
	if (st == ACG_ENOMEM)
		cli_error("out of memory");
	rc = cli_exit_for(st);
	goto out;
nomem:
	cli_error("out of memory");
	rc = EXIT_IO;
out:
	acg_renderer_free(renderer);
	free(sizes);
	free(cluster_arg);
	free(collapse_arg);
	free(collapse);
	acg_model_free(m);
	free(org_marks);
	free(link_marks);
	cli_pair_release(&pair);
	acg_diags_release(&diags);
	cli_result_opts_release(&opts);
	return rc == CLI_HELP_SHOWN ? EXIT_OK : rc;
}
