/*
 * diff.h - what changed between two accountability systems (two files, or
 * one file at two dates), and the complexity comparison of the two.
 *
 * Organisations are matched first by id, then through `succeeds`: among the
 * organisations left, a new one that names an old one in its `succeeds` is
 * its successor.  Each group of old and new organisations joined by
 * succession is classed by its shape: one old and one new, replaced (a new
 * id); several old and one new, merged; one old and several new, split;
 * several of each, reorganised.  The organisations left over are added
 * (only in the new system) or removed (only in the old).
 *
 * Links are matched by (from, to, type) with each old end mapped to its
 * successors; a matched link whose `for`, basis, sanction, weight or
 * mechanism differs is changed.  Links left over with the same mapped ends
 * but another type are retyped; the rest are added or removed.
 */
#ifndef ACCGRAPH_DIFF_H
#define ACCGRAPH_DIFF_H

#include <stddef.h>

#include "accgraph/diag.h"
#include "accgraph/graph.h"
#include "accgraph/model.h"
#include "accgraph/render.h"
#include "accgraph/report.h"

enum acg_change {
	ACG_SAME,        /* matched by id (or key), nothing differs */
	ACG_CHANGED,     /* matched by id (or key), something differs (see detail) */
	ACG_REPLACED,    /* organisations: one old, one new successor with a new id */
	ACG_MERGED,      /* organisations: several old, one new successor */
	ACG_SPLIT,       /* organisations: one old, several new successors */
	ACG_REORGANISED, /* organisations: several old, several new successors */
	ACG_RETYPED,     /* links: the same ends, another type */
	ACG_ADDED,       /* only in the new system */
	ACG_REMOVED      /* only in the old system */
};
#define ACG_CHANGE_COUNT 9

/* "same", "changed", "replaced", ...; NULL when out of range. */
const char *acg_change_name(enum acg_change change);

/*
 * One row of the comparison.  For organisations: old and new index (ACG_NONE
 * when absent), `group` numbers the succession group (from 1; 0 when the
 * row is not part of one).  For links: old and new link index.  `detail`
 * says what changed ("name: A -> B; type: x -> y"), or is NULL.
 */
struct acg_diff_item {
	enum acg_change change;
	size_t old_index;
	size_t new_index;
	size_t group;
	char *detail;
};

struct acg_diff {
	struct acg_diff_item *orgs; /* old organisations in file order, then added ones */
	size_t norgs;
	struct acg_diff_item *links; /* old links in file order, then added ones */
	size_t nlinks;
	size_t org_counts[ACG_CHANGE_COUNT];  /* organisation rows of each kind */
	size_t link_counts[ACG_CHANGE_COUNT]; /* link rows of each kind */
};

/*
 * Compares two systems.  *out is a new diff the caller frees with
 * acg_diff_free().  Returns ACG_OK or ACG_ENOMEM.
 */
enum acg_status acg_diff_compute(const struct acg_model *old_model,
				 const struct acg_model *new_model, struct acg_diff **out);

/* Frees the diff.  NULL-safe. */
void acg_diff_free(struct acg_diff *diff);

/*
 * Both systems in one model, for drawing them on one layout (accgraph
 * render --diff with the marks as acg_render_options' org_marks and
 * link_marks).  *out holds every organisation and link of the new system in
 * its order, then the old organisations that are not in it (the removed ones
 * and the predecessors of replaced, merged, split and reorganised ones),
 * then the old links left unmatched, between their old ends (an old
 * organisation kept by id is its new self), then an arrow of link type
 * "succeeds" (dotted; "succeeds_2" and so on if either system has that
 * type) from each successor to each organisation it succeeds; the types and
 * sources of both, the new system's first.  Its title names the two systems ("OLD → NEW" from
 * their titles, else from old_name and new_name, "old" and "new" when NULL;
 * "TITLE: OLD_NAME → NEW_NAME" when the titles agree); it has no as-of date.
 *
 * (*org_marks)[i] and (*link_marks)[j] (malloc'd; the caller frees them)
 * mark each organisation and link of *out: ACG_MARK_ADDED (only in the new
 * system, including the successors of others), ACG_MARK_REMOVED (only in
 * the old, including what was succeeded), ACG_MARK_CHANGED (matched with a
 * difference; for links also retyped), ACG_MARK_SAME, or for the arrows
 * of succession ACG_MARK_SUCCESSION.  diff must be the
 * comparison of these two models.  Returns ACG_OK, or ACG_ENOMEM with *out
 * and the marks NULL.
 */
enum acg_status acg_diff_union(const struct acg_model *old_model,
			       const struct acg_model *new_model, const struct acg_diff *diff,
			       const char *old_name, const char *new_name, struct acg_model **out,
			       enum acg_render_mark **org_marks, enum acg_render_mark **link_marks);

/*
 * The comparison as a report (write it with acg_report_write()): what
 * changed, organisations and links, then every whole-system figure of the
 * two systems' reports side by side with the change, absolute and in per
 * cent, each block opening with a sentence.  old_name and new_name label the
 * two systems (e.g. the files, or the dates).  Returns ACG_OK, ACG_ENOMEM or
 * ACG_ELIB (with a diagnostic).
 */
enum acg_status acg_diff_report(struct acg_graph *old_graph, struct acg_graph *new_graph,
				const struct acg_diff *diff, const char *old_name,
				const char *new_name, const struct acg_report_options *opt,
				struct acg_report **out, struct acg_diags *diags);

#endif /* ACCGRAPH_DIFF_H */
