/*
 * export_impl.h - the normalised JSON writer's parts that import shares.
 * Not installed.
 */
#ifndef ACCGRAPH_EXPORT_IMPL_H
#define ACCGRAPH_EXPORT_IMPL_H

#include <jansson.h>

#include "accgraph/model.h"

/*
 * The model as a JSON document in normalised member order (export.h); a new
 * reference, or NULL when out of memory.  *precision is set to the fewest
 * significant digits (1 to 17) at which every real number in it reads back
 * as the same double.
 */
json_t *acg_export_json_tree(const struct acg_model *model, int *precision);

/*
 * The document as text: two-space indent, reals with `precision`
 * significant digits, a final newline.  malloc'd (free()), length in *len;
 * NULL when out of memory.
 */
char *acg_export_json_dump(const json_t *root, int precision, size_t *len);

#endif /* ACCGRAPH_EXPORT_IMPL_H */
