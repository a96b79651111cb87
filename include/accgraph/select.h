/*
 * select.h - the part of a system a command works on.
 *
 * Every command that reads a system takes the same selection options
 * (--as-of, --types, --link-types, --region, --for).  A selection is applied
 * to the model before anything else, giving a new, smaller model: the
 * organisations kept, in file order, and the links between them that pass
 * every test.  Indices in the new model are its own.
 */
#ifndef ACCGRAPH_SELECT_H
#define ACCGRAPH_SELECT_H

#include <stdbool.h>
#include <stddef.h>

#include "accgraph/date.h"
#include "accgraph/diag.h"
#include "accgraph/model.h"

/*
 * What to keep; a zeroed struct (with as_of = ACG_DATE_NONE) keeps everything.
 * The caller owns every string; acg_select() copies what it keeps.
 */
struct acg_selection {
	acg_date as_of;                /* keep what is valid on this day; ACG_DATE_NONE: all */
	const char *const *types;      /* organisation types to keep; ntypes == 0: all */
	size_t ntypes;
	const char *const *link_types; /* link types to keep; nlink_types == 0: all */
	size_t nlink_types;
	const char *region;            /* keep organisations of this region; NULL: all */
	const char *domain;            /* keep links given `for` this; NULL: all */
};

/* A selection that keeps everything. */
#define ACG_SELECTION_ALL {ACG_DATE_NONE, NULL, 0, NULL, 0, NULL, NULL}

/* Whether sel keeps everything (nothing to do). */
int acg_selection_is_all(const struct acg_selection *sel);

/*
 * Makes *out a new model holding the part of `in` that sel keeps:
 *   organisations: valid on as_of (valid_from <= as_of < valid_to), of one of
 *   `types`, in `region`;
 *   links: between two kept organisations, valid on as_of, of one of
 *   `link_types`, and listing `domain` in their `for`.
 * The vocabulary and the sources are copied whole; `uses` counts are those of
 * the new model; its as_of is sel->as_of when given.
 *
 * A type, region or domain that the model never mentions is most likely a
 * typing mistake: the result is ACG_EUSAGE with a diagnostic naming what the
 * model has.  Otherwise ACG_OK or ACG_ENOMEM.  *out is NULL on failure.
 */
enum acg_status acg_select(const struct acg_model *in, const struct acg_selection *sel,
			   struct acg_model **out, struct acg_diags *diags);

/*
 * acg_select() on each of two systems that are compared with each other: a
 * type, region or domain is a typing mistake only if neither a nor b
 * mentions it (a type only one of them has is a fair choice), and the
 * diagnostic then names the types of both.  Returns ACG_OK with *out_a and
 * *out_b new models, or ACG_EUSAGE or ACG_ENOMEM with both NULL.
 */
enum acg_status acg_select_pair(const struct acg_model *a, const struct acg_model *b,
				const struct acg_selection *sel, struct acg_model **out_a,
				struct acg_model **out_b, struct acg_diags *diags);

/*
 * Makes *out a new model holding the organisations with keep_org[i] and the
 * links with keep_link[j] (both ends must be kept; links whose ends are not
 * are dropped).  Returns ACG_OK or ACG_ENOMEM.
 */
enum acg_status acg_model_subset(const struct acg_model *in, const bool *keep_org,
				 const bool *keep_link, struct acg_model **out);

#endif /* ACCGRAPH_SELECT_H */
