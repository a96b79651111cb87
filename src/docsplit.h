/*
 * docsplit.h - a JSON document's top-level members, and its large arrays
 * parsed range by range on several threads.  Private to the library.
 *
 * jansson parses a whole document into one tree about ten times the size of
 * the text.  The loader does not need it whole: the members of a
 * format-version-1 document are few and small, except the `organisations`
 * and `links` arrays.  acg_docsplit_scan() finds the members of the top-level
 * object and cuts the large arrays into ranges of whole elements, checking
 * only what no parse will see (the braces, member names, colons and commas
 * of the top level, the brackets of the arrays and the commas between
 * ranges); acg_docsplit_parse() parses a small member's value, and
 * acg_docsplit_next() hands over each range's elements, in document order,
 * parsed ahead by worker threads but never more than a few ranges ahead, so
 * that at most those ranges' trees are alive at a time.  Each range's tree is
 * built in an arena (util.h) when acg_init() has installed the library's
 * allocator for jansson: no malloc() per value and no free() per value, the
 * arena being reset for a later range.
 *
 * The document is valid JSON exactly when the scan succeeds and every value
 * and range parses, so a caller that meets a failure anywhere can parse the
 * whole text with jansson to report the syntax error where jansson finds it.
 * The scan also fails, and the caller parses whole, on the shapes it does
 * not handle: a top-level value that is not an object, a member name with an
 * escape or a non-ASCII byte, a name given twice, more than
 * ACG_DOCSPLIT_MAX_MEMBERS members, nesting near jansson's depth limit.
 */
#ifndef ACCGRAPH_DOCSPLIT_H
#define ACCGRAPH_DOCSPLIT_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "accgraph/diag.h"

#define ACG_DOCSPLIT_MAX_MEMBERS 64

/* A member of the top-level object. */
struct acg_docmember {
	char key[80];       /* the name; longer names make the scan fail */
	size_t start, end;  /* the value's bytes: text[start, end) */
	bool split;         /* an array cut into ranges */
	size_t first_range; /* when split: its ranges are [first_range, */
	size_t n_ranges;    /*   first_range + n_ranges) */
};

struct acg_docrange; /* docsplit.c */
struct acg_docsplit_pool;

struct acg_docsplit {
	const char *text;
	size_t len;
	struct acg_docmember members[ACG_DOCSPLIT_MAX_MEMBERS];
	size_t n_members;
	struct acg_docrange *ranges; /* every split member's, in document order */
	size_t n_ranges;
	size_t ranges_cap;
	size_t next;                    /* the range acg_docsplit_next() hands over next */
	struct acg_docsplit_pool *pool; /* the parse's threads; NULL before start */

	/*
	 * Optional, set before acg_docsplit_start(): work done on each range's
	 * elements by the thread that parsed them, right after the parse, so
	 * that it is done in parallel.  digest() must be thread-safe; its
	 * result (NULL allowed) is handed over with the elements and dropped
	 * with them by drop_digest().
	 */
	void *(*digest)(void *arg, const struct acg_docmember *member, const json_t *elements);
	void (*drop_digest)(void *digest);
	void *digest_arg;
};

/*
 * Scans the `len` bytes of `text` (which must outlive *ds): the top-level
 * members, and the array values of the members named in `split_keys`
 * (NULL-terminated) cut into ranges of whole elements, each at least
 * `range_bytes` long except an array's last.  Returns ACG_OK; ACG_EINVAL when
 * the text is not of a shape the scan handles or not JSON (the caller parses
 * the whole text instead); ACG_ENOMEM.  Release *ds with
 * acg_docsplit_release() whatever the result.
 */
enum acg_status acg_docsplit_scan(const char *text, size_t len, const char *const *split_keys,
				  size_t range_bytes, struct acg_docsplit *ds);

/*
 * Parses `len` bytes of `text` as one JSON value (any type; duplicate member
 * names rejected) into *out, a new reference.  Returns ACG_OK, ACG_EINVAL
 * when the bytes are not one JSON value, or ACG_ENOMEM (including a failed
 * allocation of jansson's that it did not report; see load.c).  Thread-safe.
 */
enum acg_status acg_docsplit_parse(const char *text, size_t len, json_t **out);

/*
 * Starts parsing the ranges, in order, on `workers` threads besides the
 * caller's own (0: the caller parses every range in acg_docsplit_next()).
 * Fewer threads are used if some cannot be started.  Returns ACG_OK or
 * ACG_ENOMEM.
 */
enum acg_status acg_docsplit_start(struct acg_docsplit *ds, unsigned workers);

/*
 * The next range's elements as a JSON array, in document order, in
 * *elements, and their digest (or NULL) in *digest.  Both belong to *ds and
 * stay valid until the next call or acg_docsplit_release(); the caller must
 * neither drop the array (json_decref) nor keep any part of it.  (It may live in an arena, util.h, which a later call
 * reuses.)  The caller's thread parses ranges too while it waits.  Returns
 * ACG_OK; ACG_EINVAL when the range is not JSON (see above); ACG_ENOMEM.
 * Call it at most n_ranges times, after acg_docsplit_start().
 */
enum acg_status acg_docsplit_next(struct acg_docsplit *ds, json_t **elements, void **digest);

/*
 * Stops the threads (waiting for a parse in progress), drops the ranges not
 * handed over and frees everything *ds holds.  *ds is left empty.  Safe on a
 * zeroed struct and after a failed scan.
 */
void acg_docsplit_release(struct acg_docsplit *ds);

#endif /* ACCGRAPH_DOCSPLIT_H */
