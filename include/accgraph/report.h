/*
 * report.h - the whole-system report: the standard network figures and the
 * accountability questions of DESIGN.md, each section opening with one
 * plain-English sentence a researcher could quote.
 *
 * Sections, in order, with their keys in the JSON form:
 *   system                    counts of organisations and links by type
 *   network                   density, reciprocity, components, diameter,
 *                             transitivity, Freeman centralisation, type
 *                             mixing, E-I index between organisation types
 *   multiple_accountability   organisations with more than one principal;
 *                             multiplexity
 *   chains                    upward chains to apexes: depth, gaps
 *   divergent_accountability  principals answering to different apexes, or
 *                             holding to account for the same thing by
 *                             different mechanisms
 *   mutual_accountability     reciprocal pairs and cycles
 *   single_points_of_failure  dominators towards the apexes, articulation
 *                             points, bridges
 *   sanctions_and_practice    hard sanctions, links without consequences,
 *                             formal links never observed, observed links
 *                             without formal basis
 *   structure                 brokerage roles by type, effective size and
 *                             constraint
 *   krackhardt                connectedness, hierarchy, efficiency, lub
 */
#ifndef ACCGRAPH_REPORT_H
#define ACCGRAPH_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "accgraph/diag.h"
#include "accgraph/graph.h"
#include "accgraph/metrics.h"
#include "accgraph/model.h"
#include "accgraph/table.h"

struct acg_report;

struct acg_report_options {
	unsigned long seed;    /* for the randomised figures (communities) */
	bool exact;            /* never estimate, whatever the size */
	const char *selection; /* how the system was selected, shown as is; NULL: all */
};

/*
 * Computes every section of the report for the graph's model into *out (the
 * caller frees it with acg_report_free()).  Returns ACG_OK, ACG_ENOMEM or
 * ACG_ELIB (with a diagnostic).  The same graph and options give the same
 * report.
 */
enum acg_status acg_report_compute(struct acg_graph *graph, const struct acg_report_options *opt,
				   struct acg_report **out, struct acg_diags *diags);

/* Frees the report.  NULL-safe. */
void acg_report_free(struct acg_report *report);

/*
 * Writes the report to f as text, md, json (every figure, for scripts) or
 * html (as acg_report_write_html() with nothing but the report: no
 * description, sources, diagram or per-organisation table).  Returns ACG_OK,
 * ACG_EUSAGE for another format, ACG_ENOMEM, or ACG_EIO when f reports an
 * error.
 */
enum acg_status acg_report_write(const struct acg_report *report, enum acg_format format, FILE *f);

/*
 * What the HTML report shows besides the report's sections.  Every member
 * may be NULL (or 0); every pointer is borrowed for the call.
 */
struct acg_report_html {
	/* The system reported on: its description, its sources, and the names
	 * and types of the per-organisation table.  Must be the model the
	 * report and the metrics were computed from. */
	const struct acg_model *model;
	/* Figures per organisation (acg_metrics_compute()): the sortable table
	 * of the default columns that were computed, and the distribution
	 * charts (principals needs ACG_METRIC_PRINCIPALS; degree needs
	 * ACG_METRIC_IN_DEGREE and ACG_METRIC_OUT_DEGREE).  Needs model. */
	const struct acg_metrics *metrics;
	/* The diagram: an SVG document as Graphviz writes it (acg_render_buffer()
	 * with ACG_RENDER_SVG), svg_len bytes.  It is checked and rewritten for
	 * inline use: the XML prolog, DOCTYPE, comments and <title> elements are
	 * dropped, and the drawing is scaled to the page width.  Only the
	 * elements and attributes Graphviz draws with are accepted (no script,
	 * style, link, foreignObject or event attribute; character references
	 * only of XML's five entities and numbers); any other SVG is left out
	 * and the page says so. */
	const char *svg;
	size_t svg_len;
	/* Shown under the diagram, or in its place when svg is NULL. */
	const char *diagram_note;
};

/*
 * Writes the report to f as one self-contained HTML5 page (UTF-8) that
 * loads nothing from anywhere: the title, as-of date, selection,
 * description and sources; key figures; the diagram inline as SVG; every
 * section with its sentence, figures and tables; the per-organisation
 * table; bar charts (inline SVG) of principals and of degree per
 * organisation; a print stylesheet.  Every table can be sorted by clicking
 * a column heading (an inline script; without it the page shows the same
 * content in file order).
 *
 * Safety: every string from the model or report is written as HTML text or
 * a double-quoted attribute value with & < > " ' escaped, control
 * characters dropped and invalid UTF-8 replaced by U+FFFD; the file's text
 * never reaches the script, the stylesheet, an element name or an
 * attribute name.  A source's url becomes a link only when it starts with
 * http:// or https://.  A Content-Security-Policy meta element lets only
 * the page's own script run and forbids every fetch.  The only URIs in the
 * page besides the sources' are the SVG and XLink namespace names
 * (http://www.w3.org/2000/svg, http://www.w3.org/1999/xlink), which are
 * names, never fetched.
 *
 * Deterministic: the same arguments give the same bytes.  Returns ACG_OK,
 * ACG_EIO when f reports an error.
 */
enum acg_status acg_report_write_html(const struct acg_report *report,
				      const struct acg_report_html *html, FILE *f);

#endif /* ACCGRAPH_REPORT_H */
