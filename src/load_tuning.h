/*
 * load_tuning.h - how acg_load_buffer() streams a document (load.c), for
 * tests that exercise every path on small documents.  Private to the library.
 */
#ifndef ACCGRAPH_LOAD_TUNING_H
#define ACCGRAPH_LOAD_TUNING_H

#include <stdbool.h>
#include <stddef.h>

#include "accgraph/diag.h"
#include "accgraph/model.h"

/*
 * acg_load_buffer() cuts `organisations` and `links` into ranges of this many
 * bytes of text (jansson's tree of a range is about ten times that) and, for
 * a text of at least ACG_LOAD_THREADED_BYTES, parses ranges on worker
 * threads too.  Smaller texts are parsed on the caller's thread alone, so
 * that their allocations happen in the same order on every run.
 */
#define ACG_LOAD_RANGE_BYTES ((size_t)512 << 10)
#define ACG_LOAD_THREADED_BYTES ((size_t)4 << 20)

struct acg_load_tuning {
	bool whole;         /* parse the document as one tree, as jansson alone would */
	size_t range_bytes; /* otherwise: the ranges' least size in bytes */
	unsigned workers;   /* and the threads that parse besides the caller's */
};

/*
 * acg_load_buffer() with the given tuning (NULL: acg_load_buffer()'s own).
 * Every tuning gives the same result, diagnostics and model.
 */
enum acg_status acg_load_buffer_tuned(const char *text, size_t len, const char *name,
				      const struct acg_load_tuning *tuning,
				      struct acg_model **out, struct acg_diags *diags);

#endif /* ACCGRAPH_LOAD_TUNING_H */
