/*
 * util.h - private helpers shared by the library's modules.  Not installed.
 */
#ifndef ACCGRAPH_UTIL_H
#define ACCGRAPH_UTIL_H

#include <stddef.h>

/*
 * Makes room for at least `need` elements of `size` bytes in the array *v of
 * capacity *cap, growing geometrically.  Returns 0, or -1 when out of memory
 * or on overflow (then *v and *cap are unchanged).
 */
int acg_grow(void **v, size_t *cap, size_t need, size_t size);

/* strdup() that accepts NULL (and returns NULL for it). */
char *acg_strdup(const char *s);

/* A malloc'd copy of the printf-formatted string, or NULL when out of memory. */
char *acg_asprintf(const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 1, 2)))
#endif
	;

#endif /* ACCGRAPH_UTIL_H */
