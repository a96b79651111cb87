/*
 * diag.h - status codes and diagnostics.
 *
 * Every library function that can fail returns an enum acg_status.  Problems
 * that a user must see (an invalid file, an unreadable path) are appended to a
 * struct acg_diags owned by the caller, in the order they were found; the
 * library never prints and never exits.  Only the command-line tool turns
 * diagnostics into text on standard error.
 */
#ifndef ACCGRAPH_DIAG_H
#define ACCGRAPH_DIAG_H

#include <stdarg.h>
#include <stddef.h>

/* Outcome of a library call.  The numeric values are stable. */
enum acg_status {
	ACG_OK = 0,     /* success */
	ACG_EINVAL = 1, /* the input is invalid; the diagnostics say why */
	ACG_EUSAGE = 2, /* the caller asked for something impossible */
	ACG_EIO = 3,    /* a file could not be read or written */
	ACG_ENOMEM = 4, /* an allocation failed */
	ACG_ELIB = 5    /* igraph, jansson or Graphviz reported an error */
};

/* Returns a short, static, lowercase description of status. */
const char *acg_status_str(enum acg_status status);

enum acg_severity {
	ACG_ERROR = 0,  /* the input is rejected */
	ACG_WARNING = 1 /* the input is accepted; something was ignored */
};

/*
 * One problem.  All strings are owned by the list that holds the diagnostic.
 *
 * `file` is the name of the input as the caller gave it, or NULL.
 * `line` and `column` are 1-based and set only for positions in the text
 * (syntax errors); otherwise 0.  `pointer` is an RFC 6901 JSON Pointer to the
 * offending value ("" for the whole document) or NULL when the problem has no
 * place in a document (a syntax error, an unreadable file).
 */
struct acg_diag {
	enum acg_severity severity;
	enum acg_status status;
	char *file;
	long line;
	long column;
	char *pointer;
	char *message;
};

/*
 * A growable list of diagnostics.  Initialise with ACG_DIAGS_INIT (or zero it)
 * and release with acg_diags_release().  `errors` and `warnings` count the
 * entries by severity.  When an entry cannot be stored for lack of memory it is
 * dropped and `lost` is incremented, so a caller can still tell that
 * something went wrong.
 */
struct acg_diags {
	struct acg_diag *v;
	size_t n;
	size_t cap;
	size_t errors;
	size_t warnings;
	size_t lost;
};

#define ACG_DIAGS_INIT {0, 0, 0, 0, 0, 0}

/*
 * Appends a diagnostic.  `file` and `pointer` may be NULL; the message is
 * formatted with printf rules.  Returns ACG_OK, or ACG_ENOMEM if the entry was
 * dropped (and counted in `lost`).  A NULL list is accepted and ignored, so
 * callers that do not want diagnostics can pass NULL.
 */
enum acg_status acg_diags_add(struct acg_diags *diags, enum acg_severity severity,
			      enum acg_status status, const char *file, long line,
			      long column, const char *pointer, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 8, 9)))
#endif
	;

/* As acg_diags_add() with a va_list. */
enum acg_status acg_diags_vadd(struct acg_diags *diags, enum acg_severity severity,
			       enum acg_status status, const char *file, long line,
			       long column, const char *pointer, const char *fmt,
			       va_list ap);

/*
 * Removes the entries after the first n (if there are more), so that a
 * caller can take back what it added since it noted diags->n.  `lost` is
 * left as it is.  NULL-safe.
 */
void acg_diags_truncate(struct acg_diags *diags, size_t n);

/* Frees every entry and leaves the list empty and reusable.  NULL-safe. */
void acg_diags_release(struct acg_diags *diags);

#endif /* ACCGRAPH_DIAG_H */
