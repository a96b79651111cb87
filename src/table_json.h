/*
 * table_json.h - a table as a jansson value, for writers that embed tables in
 * larger JSON documents.  Not installed.
 */
#ifndef ACCGRAPH_TABLE_JSON_H
#define ACCGRAPH_TABLE_JSON_H

#include <jansson.h>

#include "accgraph/table.h"

/*
 * The columns cols[0..ncols) (every column when cols is NULL) of the table as
 * an array of objects, one per row; a new reference, or NULL when out of
 * memory.
 */
json_t *acg_table_json(const struct acg_table *table, const size_t *cols, size_t ncols);

#endif /* ACCGRAPH_TABLE_JSON_H */
