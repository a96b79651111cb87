/* cmd_convert.c - accgraph convert FILE -o OUT: the system in another format. */
#define _GNU_SOURCE
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "accgraph/accgraph.h"
#include "accgraph/export.h"
#include "accgraph/output.h"
#include "accgraph/render.h"
#include "cli.h"

static int run_convert(int argc, char **argv);

const struct cli_command cmd_convert = {
	"convert",
	"the system in another format: normalised JSON, CSV, GraphML, GML, edge list",
	"usage: accgraph convert FILE [-o OUT] [--format F] [selection]\n"
	"\n"
	"Writes the system in FILE (after the selection) in the format that OUT's\n"
	"extension names, or --format:\n"
	"  .json      the format itself, normalised: members in a fixed order (the\n"
	"             format's example), two-space indent, members that hold nothing\n"
	"             or their default left out, numbers exact.  Converting the output\n"
	"             again gives the same bytes.  The default, to standard output,\n"
	"             when there is no -o\n"
	"  .csv       two files that `accgraph import` reads back: OUT.csv gives\n"
	"             OUT.organisations.csv and OUT.links.csv.  Title, description,\n"
	"             as_of, sources and the vocabularies are not in them: give FILE\n"
	"             to import as --base to get them back\n"
	"  .graphml   every member of the organisations and links as a typed GraphML\n"
	"             attribute, for Gephi, Cytoscape, yEd, NetworkX, igraph\n"
	"  .gml       the same in GML (keys of letters and digits: validfrom; the\n"
	"             organisation's id is the node's label)\n"
	"  .edgelist  one line \"FROM TO\" per link, the 0-based indices of the\n"
	"             organisations in file order (igraph's edge list, ordered by\n"
	"             FROM, then TO)\n"
	"  .dot       the styled DOT of `accgraph render` (before layout), for\n"
	"             Graphviz's own tools\n"
	"\n"
	"Options:\n"
	"  -o, --output OUT   write to OUT (all but csv may be -, standard output)\n"
	"  --format F         json, csv, graphml, gml, edgelist or dot, whatever OUT's\n"
	"                     extension\n"
	"  -h, --help         show this help\n"
	"\n" CLI_SYSTEM_USAGE,
	run_convert,
};

/* What a writer needs: the model, the format, where problems go. */
struct convert_job {
	const struct acg_model *m;
	enum acg_export_format format;
	struct acg_diags *diags;
};

static enum acg_status write_converted(FILE *f, const void *arg)
{
	const struct convert_job *job = arg;

	if (job->format == ACG_EXPORT_JSON)
		return acg_export_json(job->m, f);
	return acg_export_graph(job->m, job->format, f, job->diags);
}

/* Writes the CSV pair, both files whole or neither. */
static enum acg_status write_csv_pair(const struct acg_model *m, const char *outpath,
				      struct acg_diags *diags)
{
	struct acg_output *o = NULL, *l = NULL;
	char *opath = NULL, *lpath = NULL;
	enum acg_status st, st2;

	st = acg_export_csv_paths(outpath, &opath, &lpath);
	if (st == ACG_OK)
		st = acg_output_open(opath, &o, diags);
	if (st == ACG_OK)
		st = acg_output_open(lpath, &l, diags);
	if (st == ACG_OK)
		st = acg_export_csv(m, acg_output_stream(o), acg_output_stream(l), diags);
	if (o && l && (st == ACG_OK || st == ACG_EIO)) {
		/*
		 * Both are flushed before either replaces its destination; a
		 * write error names its file.  A failure before (the second
		 * file could not be opened) stays the status.
		 */
		enum acg_status st1 = acg_output_flush(o, diags);

		st2 = acg_output_flush(l, diags);
		if (st == ACG_OK)
			st = st1 != ACG_OK ? st1 : st2;
	}
	if (st == ACG_OK) {
		st = acg_output_commit(o, diags);
		o = NULL;
		if (st == ACG_OK) {
			st = acg_output_commit(l, diags);
			l = NULL;
		}
	}
	acg_output_discard(o);
	acg_output_discard(l);
	free(opath);
	free(lpath);
	return st;
}

/* Diagnostics about the model name no file: they are about FILE. */
static void name_the_file(struct acg_diags *diags, const char *path)
{
	size_t i;

	for (i = 0; i < diags->n; i++)
		if (!diags->v[i].file)
			diags->v[i].file = strdup(strcmp(path, "-") ? path : "<stdin>");
}

struct dot_job {
	struct acg_renderer *renderer;
	const struct acg_model *model;
	const struct acg_render_options *options;
	struct acg_diags *diags;
};

static enum acg_status write_dot_to(FILE *f, const void *arg)
{
	const struct dot_job *job = arg;

	return acg_render_write(job->renderer, job->model, job->options, f, job->diags);
}

/* The styled DOT of `accgraph render` (before layout), with its defaults. */
static enum acg_status write_dot(const struct acg_model *m, const char *outpath,
				 struct acg_diags *diags)
{
	struct acg_render_options ro;
	struct acg_renderer *r = NULL;
	enum acg_status st = acg_renderer_new(&r, diags);

	if (st == ACG_OK) {
		struct dot_job job = {r, m, &ro, diags};

		acg_render_options_init(&ro);
		ro.format = ACG_RENDER_DOT;
		cli_phase("write");
		st = cli_write_output(outpath, write_dot_to, &job, diags);
	}
	acg_renderer_free(r);
	return st;
}

static int run_convert(int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_RESULT_LONGOPTS,
		{NULL, 0, NULL, 0},
	};
	struct cli_result_opts opts;
	struct acg_diags diags = ACG_DIAGS_INIT;
	struct acg_model *m = NULL;
	enum acg_export_format format = ACG_EXPORT_JSON;
	bool to_stdout, dot = false;
	enum acg_status st;
	int c, rc = EXIT_OK;

	cli_result_opts_init(&opts);
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, ":o:h", longopts, NULL)) != -1)
		if ((rc = cli_result_option(&cmd_convert, &opts, c, argv)))
			goto out;
	if ((rc = cli_expect_operands(&cmd_convert, argc, 1, "one FILE")))
		goto out;
	to_stdout = !opts.outpath || !strcmp(opts.outpath, "-");
	if (opts.format) {
		format = acg_export_format_from_name(opts.format);
		dot = !strcmp(opts.format, "dot");
		if (format == ACG_EXPORT_COUNT && !dot) {
			rc = cli_usage_error(&cmd_convert, "--format: \"%s\" is not one of json, csv, "
							   "graphml, gml, edgelist, dot",
					     opts.format);
			goto out;
		}
	} else if (!to_stdout) {
		const char *ext = strrchr(opts.outpath, '.');

		format = acg_export_format_from_path(opts.outpath);
		dot = ext && (!strcmp(ext, ".dot") || !strcmp(ext, ".gv"));
		if (format == ACG_EXPORT_COUNT && !dot) {
			rc = cli_usage_error(&cmd_convert,
					     "%s: the extension names no format (.json, .csv, "
					     ".graphml, .gml, .edgelist, .dot); or give --format",
					     opts.outpath);
			goto out;
		}
	}
	if (format == ACG_EXPORT_CSV && to_stdout) {
		rc = cli_usage_error(&cmd_convert, "csv is two files: give -o OUT.csv (it writes "
						   "OUT.organisations.csv and OUT.links.csv)");
		goto out;
	}
	if ((rc = cli_load_system(argv[optind], &opts.sys, &m)))
		goto out;
	if (dot) {
		st = write_dot(m, opts.outpath, &diags);
	} else if (format == ACG_EXPORT_CSV) {
		cli_phase("write");
		st = write_csv_pair(m, opts.outpath, &diags);
	} else {
		struct convert_job job = {m, format, &diags};

		cli_phase("write");
		st = cli_write_output(opts.outpath, write_converted, &job, &diags);
	}
	name_the_file(&diags, argv[optind]);
	cli_print_diags(&diags, false);
	if (st == ACG_ENOMEM)
		cli_error("out of memory");
	rc = cli_exit_for(st);
out:
	acg_model_free(m);
	acg_diags_release(&diags);
	cli_result_opts_release(&opts);
	return rc == CLI_HELP_SHOWN ? EXIT_OK : rc;
}
