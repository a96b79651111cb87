/*
 * load.h - reading a format-version-1 file into a model.
 *
 * The loader enforces every rule of the format (graphs/README.md) and reports
 * *all* problems of a document in one run, in document order:
 *   - a syntax error (including a duplicate member name, invalid UTF-8 and
 *     nesting deeper than the parser allows) as one diagnostic with `line`
 *     and `column` set and no pointer; nothing else can be checked then;
 *   - every other problem as a diagnostic with the JSON Pointer of the
 *     offending value.
 * Members the format does not define are left out of the model with a
 * warning; they never make a file invalid.
 */
#ifndef ACCGRAPH_LOAD_H
#define ACCGRAPH_LOAD_H

#include <stddef.h>

#include "accgraph/diag.h"
#include "accgraph/model.h"

/*
 * Parses and validates `len` bytes of `text`.  `name` is the file name used in
 * diagnostics (may be NULL).
 *
 * On ACG_OK *out is a new model the caller owns (free it with
 * acg_model_free()); warnings may have been added to diags.  Otherwise *out
 * is NULL and the return value says why: ACG_EINVAL with at least one error
 * in diags, or ACG_ENOMEM.
 */
enum acg_status acg_load_buffer(const char *text, size_t len, const char *name,
				struct acg_model **out, struct acg_diags *diags);

/*
 * Reads the file at path ("-" for standard input) and loads it as
 * acg_load_buffer() does, with path as the name in diagnostics.  A file that
 * cannot be read gives ACG_EIO and a diagnostic that says why.
 */
enum acg_status acg_load_file(const char *path, struct acg_model **out,
			      struct acg_diags *diags);

#endif /* ACCGRAPH_LOAD_H */
