/*
 * model_copy.h - deep copies between models (select.c), for the modules that
 * build one model from others (selection, the union of two systems in
 * diff.c).  Not installed.
 *
 * Each returns 0, or -1 when out of memory; what was appended before the
 * failure belongs to dst and is freed with it.  Indices (types, sources,
 * organisations) are the caller's: they must be valid in dst.
 */
#ifndef ACCGRAPH_MODEL_COPY_H
#define ACCGRAPH_MODEL_COPY_H

#include <stddef.h>

#include "accgraph/model.h"

/* Copies title, description, as-of date, both type tables and the sources of src into dst. */
int acg_model_copy_header(struct acg_model *dst, const struct acg_model *src);

/* Appends a copy of type s (its uses not counted) to the table dst. */
int acg_model_copy_type(struct acg_type_table *dst, const struct acg_type *s);

/*
 * Appends a copy of organisation s, of type `type` in dst (its uses counted),
 * and indexes its id (which must be new to dst).  Source references are
 * copied as they are.
 */
int acg_model_copy_org(struct acg_model *dst, const struct acg_org *s, size_t type);

/* Appends a copy of link s between organisations from and to of dst, of type `type`. */
int acg_model_copy_link(struct acg_model *dst, const struct acg_link *s, size_t from, size_t to,
			size_t type);

#endif /* ACCGRAPH_MODEL_COPY_H */
