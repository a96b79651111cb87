/*
 * util.h - private helpers shared by the library's modules.  Not installed.
 */
#ifndef ACCGRAPH_UTIL_H
#define ACCGRAPH_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "accgraph/diag.h"

/*
 * Makes room for at least `need` elements of `size` bytes in the array *v of
 * capacity *cap, growing geometrically.  Returns 0, or -1 when out of memory
 * or on overflow (then *v and *cap are unchanged).
 */
int acg_grow(void **v, size_t *cap, size_t need, size_t size);

/* strdup() that accepts NULL (and returns NULL for it). */
char *acg_strdup(const char *s);

/*
 * The length of the UTF-8 sequence at p (before end) and its code point in
 * *cp, or 0 when the bytes there are not UTF-8 (overlong forms, surrogates
 * and values above U+10FFFF are not).
 */
size_t acg_utf8_seq(const unsigned char *p, const unsigned char *end, unsigned long *cp);

/* A malloc'd copy of the printf-formatted string, or NULL when out of memory. */
char *acg_asprintf(const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 1, 2)))
#endif
	;

/*
 * Asks the kernel to back the 2 MiB pages wholly inside [p, p + n) with huge
 * pages where it can (Linux; elsewhere nothing): a large buffer then costs
 * hundreds of page faults instead of hundreds of thousands.  Only advice.
 */
void acg_advise_huge_pages(void *p, size_t n);

/*
 * Reads the rest of f into a malloc'd buffer: *buf holds *len bytes and a NUL
 * that *len does not count.  Reads no more than max + 1 bytes, so an endless
 * stream (/dev/zero) ends too; a regular file larger than max is refused
 * before it is read.  Returns ACG_OK; ACG_EINVAL when f holds more than max
 * bytes (with acg_diag_too_large() the caller says so); ACG_EIO when f
 * reports an error (errno says which); ACG_ENOMEM.  Except on ACG_OK, *buf
 * is NULL and *len 0.
 */
enum acg_status acg_read_stream(FILE *f, size_t max, char **buf, size_t *len);

/*
 * jansson's allocator, installed by acg_init(): the allocator jansson had
 * before (acg_json_malloc_wraps(); malloc() by default), noting a failure in
 * a thread-local flag, which acg_json_alloc_watch() clears and
 * acg_json_alloc_failed() reads.  (Without acg_init() jansson's allocator is
 * left alone and no failure is noted.)
 */
void acg_json_malloc_wraps(void *(*before)(size_t), void (*before_free)(void *));
void *acg_json_malloc(size_t size);
void acg_json_free(void *p);
void acg_json_alloc_watch(void);
bool acg_json_alloc_failed(void);

/*
 * An arena for jansson's trees: allocation moves a pointer, and the trees
 * built in it are dropped all at once by acg_arena_reset(), never by
 * json_decref().  While acg_json_arena_use() has made an arena this thread's
 * own, acg_json_malloc() allocates from it and acg_json_free() ignores every
 * pointer (a parse frees only what it allocated itself), so jansson must
 * build nothing else in that thread meanwhile.  Only for use when
 * acg_json_arena_ready() says that acg_init() installed the allocator.
 */
struct acg_arena;
struct acg_arena *acg_arena_new(void); /* NULL when out of memory */
void acg_arena_reset(struct acg_arena *a); /* keeps its memory for reuse */
void acg_arena_free(struct acg_arena *a); /* NULL-safe */
void acg_json_arena_use(struct acg_arena *a); /* NULL: none, malloc() again */
bool acg_json_arena_ready(void);

/* Adds the error "too large" for the input called name (max bytes allowed). */
enum acg_status acg_diag_too_large(struct acg_diags *diags, const char *name, size_t max);

#endif /* ACCGRAPH_UTIL_H */
