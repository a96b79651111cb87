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
 *
 * A large document (4 MiB or more) is parsed on the caller's thread and up
 * to three more, one per further processor; the result does not depend on
 * how many.  Call acg_init() first: it also lets the parse build its trees
 * in arenas, without a malloc() per value.
 */
#ifndef ACCGRAPH_LOAD_H
#define ACCGRAPH_LOAD_H

#include <stddef.h>

#include "accgraph/diag.h"
#include "accgraph/model.h"

/*
 * The largest input accepted, in bytes: 1 GiB.  The text is held whole while
 * it is loaded, with the model beside it; jansson's tree of the document is
 * never whole (the large arrays are parsed a few ranges at a time), so the
 * peak is about 3.5 times the size of the file: a system of a million
 * organisations and three million links is about 800 MB and needs about
 * 2.8 GB.  Larger files are refused with a clear error ("too large") instead
 * of exhausting memory, and an endless stream (/dev/zero) is not read past
 * it.  The CSV files of an import are held to the same limit, each.
 */
#define ACG_MAX_INPUT_BYTES ((size_t)1 << 30)

/*
 * Parses and validates `len` bytes of `text`.  `name` is the file name used in
 * diagnostics (may be NULL).
 *
 * On ACG_OK *out is a new model the caller owns (free it with
 * acg_model_free()); warnings may have been added to diags.  Otherwise *out
 * is NULL and the return value says why: ACG_EINVAL with at least one error
 * in diags (a text longer than ACG_MAX_INPUT_BYTES is refused so), or
 * ACG_ENOMEM.
 */
enum acg_status acg_load_buffer(const char *text, size_t len, const char *name,
				struct acg_model **out, struct acg_diags *diags);

/*
 * Reads the file at path ("-" for standard input) and loads it as
 * acg_load_buffer() does, with path as the name in diagnostics.  A file that
 * cannot be read gives ACG_EIO and a diagnostic that says why; one larger
 * than ACG_MAX_INPUT_BYTES gives ACG_EINVAL ("too large"), and is not read.
 */
enum acg_status acg_load_file(const char *path, struct acg_model **out,
			      struct acg_diags *diags);

#endif /* ACCGRAPH_LOAD_H */
