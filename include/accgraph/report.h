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
 * Writes the report to f as text, md or json (every figure, for scripts).
 * Returns ACG_OK, ACG_EUSAGE for another format, ACG_ENOMEM, or ACG_EIO when
 * f reports an error.
 */
enum acg_status acg_report_write(const struct acg_report *report, enum acg_format format, FILE *f);

#endif /* ACCGRAPH_REPORT_H */
