/* util.c - private helpers; see util.h. */
#define _DEFAULT_SOURCE /* madvise()'s MADV_HUGEPAGE, which Linux adds to POSIX */
#include "util.h"

#include <jansson.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>

int acg_grow(void **v, size_t *cap, size_t need, size_t size)
{
	size_t ncap;
	void *p;

	if (need <= *cap)
		return 0;
	ncap = *cap ? *cap : 8;
	while (ncap < need) {
		if (ncap > SIZE_MAX / 2)
			return -1;
		ncap *= 2;
	}
	if (ncap > SIZE_MAX / size)
		return -1;
	p = realloc(*v, ncap * size);
	if (!p)
		return -1;
	*v = p;
	*cap = ncap;
	return 0;
}

char *acg_strdup(const char *s)
{
	size_t n;
	char *p;

	if (!s)
		return NULL;
	n = strlen(s) + 1;
	p = malloc(n);
	if (p)
		memcpy(p, s, n);
	return p;
}

char *acg_asprintf(const char *fmt, ...)
{
	va_list ap;
	int n;
	char *p;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return NULL;
	p = malloc((size_t)n + 1);
	if (!p)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

void acg_advise_huge_pages(void *p, size_t n)
{
#ifdef MADV_HUGEPAGE
	const uintptr_t huge = (uintptr_t)2 << 20;
	uintptr_t start = ((uintptr_t)p + huge - 1) & ~(huge - 1);
	uintptr_t end = ((uintptr_t)p + n) & ~(huge - 1);

	if (end > start)
		(void)madvise((void *)start, end - start, MADV_HUGEPAGE);
#else
	(void)p;
	(void)n;
#endif
}

enum acg_status acg_read_stream(FILE *f, size_t max, char **buf, size_t *len)
{
	size_t cap = 0, n = 0, got, want;
	struct stat st;
	char *p = NULL;

	*buf = NULL;
	*len = 0;
	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
		if ((uintmax_t)st.st_size > max)
			return ACG_EINVAL;
		/* All of it at once (and the NUL, and a byte to see the end). */
		if (!(p = malloc((size_t)st.st_size + 2)))
			return ACG_ENOMEM;
		cap = (size_t)st.st_size + 2;
		acg_advise_huge_pages(p, cap);
	}
	for (;;) {
		/*
		 * When full, room for 64 KiB more, never past max + 1 bytes and
		 * the NUL.  (A file read whole at once is not grown only to
		 * learn that it has ended: growing copies it.)
		 */
		want = n + 65536 < max + 2 ? n + 65536 : max + 2;
		if (n + 2 > cap && want > cap && acg_grow((void **)&p, &cap, want, 1)) {
			free(p);
			return ACG_ENOMEM;
		}
		if (cap > max + 2)
			cap = max + 2;
		got = fread(p + n, 1, cap - 1 - n, f);
		n += got;
		if (n > max) {
			free(p);
			return ACG_EINVAL;
		}
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		free(p);
		return ACG_EIO;
	}
	p[n] = '\0';
	*buf = p;
	*len = n;
	return ACG_OK;
}

enum acg_status acg_diag_too_large(struct acg_diags *diags, const char *name, size_t max)
{
	if (max % ((size_t)1 << 30) == 0)
		return acg_diags_add(diags, ACG_ERROR, ACG_EINVAL, name, 0, 0, NULL,
				     "too large: more than %zu bytes (%zu GiB), the most accgraph "
				     "reads",
				     max, max >> 30);
	return acg_diags_add(diags, ACG_ERROR, ACG_EINVAL, name, 0, 0, NULL,
			     "too large: more than %zu bytes, the most accgraph reads", max);
}

/* Set when an allocation of jansson's failed since acg_json_alloc_watch(), in this thread. */
static _Thread_local bool json_alloc_failed_flag;

/* The allocator jansson had before acg_init(): malloc unless the program set its own. */
static void *(*json_malloc_before)(size_t) = malloc;
static void (*json_free_before)(void *) = free;

/* The arena jansson allocates from in this thread, if any. */
static _Thread_local struct acg_arena *json_arena;

static void *arena_alloc(struct acg_arena *a, size_t size);

void acg_json_malloc_wraps(void *(*before)(size_t), void (*before_free)(void *))
{
	json_malloc_before = before ? before : malloc;
	json_free_before = before_free ? before_free : free;
}

void *acg_json_malloc(size_t size)
{
	void *p = json_arena ? arena_alloc(json_arena, size) : json_malloc_before(size);

	if (!p)
		json_alloc_failed_flag = true;
	return p;
}

void acg_json_free(void *p)
{
	if (!json_arena)
		json_free_before(p);
}

bool acg_json_arena_ready(void)
{
	json_malloc_t m;
	json_free_t f;

	json_get_alloc_funcs(&m, &f);
	return m == acg_json_malloc && f == acg_json_free;
}

void acg_json_arena_use(struct acg_arena *a)
{
	json_arena = a;
}

/* ---- the arena ----------------------------------------------------------- */

/* Chunks double from the first size to the last, so that a small tree takes little. */
#define ARENA_FIRST_CHUNK ((size_t)64 << 10)
#define ARENA_CHUNK ((size_t)8 << 20)
#define ARENA_ALIGN (sizeof(max_align_t))

struct arena_chunk {
	struct arena_chunk *next;
	size_t size; /* bytes of data */
	size_t used;
	max_align_t data[];
};

struct acg_arena {
	struct arena_chunk *first;
	struct arena_chunk *cur; /* allocations come from here; later chunks are unused */
	size_t next_size;        /* of the next chunk made */
};

struct acg_arena *acg_arena_new(void)
{
	return calloc(1, sizeof(struct acg_arena));
}

/* From the current chunk, else the next that has room, else a new one after it. */
static void *arena_alloc(struct acg_arena *a, size_t size)
{
	struct arena_chunk *c = a->cur, *fresh;
	size_t need, n;

	if (size > SIZE_MAX - ARENA_CHUNK)
		return NULL;
	need = (size + ARENA_ALIGN - 1) / ARENA_ALIGN * ARENA_ALIGN;
	while (c && c->size - c->used < need) {
		c = c->next;
		if (c)
			c->used = 0;
	}
	if (!c) {
		if (a->next_size < ARENA_FIRST_CHUNK)
			a->next_size = ARENA_FIRST_CHUNK;
		n = need > a->next_size ? need : a->next_size;
		if (a->next_size < ARENA_CHUNK)
			a->next_size *= 2;
		if (!(fresh = json_malloc_before(sizeof(*fresh) + n)))
			return NULL;
		acg_advise_huge_pages(fresh->data, n);
		fresh->size = n;
		fresh->used = 0;
		if (a->cur) {
			fresh->next = a->cur->next;
			a->cur->next = fresh;
		} else {
			fresh->next = a->first;
			a->first = fresh;
		}
		c = fresh;
	}
	a->cur = c;
	c->used += need;
	return (char *)c->data + c->used - need;
}

void acg_arena_reset(struct acg_arena *a)
{
	a->cur = a->first;
	if (a->cur)
		a->cur->used = 0;
}

void acg_arena_free(struct acg_arena *a)
{
	struct arena_chunk *c, *next;

	if (!a)
		return;
	for (c = a->first; c; c = next) {
		next = c->next;
		json_free_before(c);
	}
	free(a);
}

void acg_json_alloc_watch(void)
{
	json_alloc_failed_flag = false;
}

bool acg_json_alloc_failed(void)
{
	return json_alloc_failed_flag;
}

/*
 * The length of the UTF-8 sequence at p (before end) and its code point in
 * *cp, or 0 when the bytes there are not UTF-8 (overlong forms, surrogates
 * and values above U+10FFFF are not).
 */
size_t acg_utf8_seq(const unsigned char *p, const unsigned char *end, unsigned long *cp)
{
	unsigned char c = p[0], lo = 0x80, hi = 0xbf;
	size_t len, k;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf)
		len = 2;
	else if (c >= 0xe0 && c <= 0xef)
		len = 3;
	else if (c >= 0xf0 && c <= 0xf4)
		len = 4;
	else
		return 0;
	if ((size_t)(end - p) < len)
		return 0;
	if (c == 0xe0)
		lo = 0xa0;
	else if (c == 0xed)
		hi = 0x9f;
	else if (c == 0xf0)
		lo = 0x90;
	else if (c == 0xf4)
		hi = 0x8f;
	if (p[1] < lo || p[1] > hi)
		return 0;
	for (k = 2; k < len; k++)
		if (p[k] < 0x80 || p[k] > 0xbf)
			return 0;
	*cp = c & (len == 2 ? 0x1f : len == 3 ? 0x0f : 0x07);
	for (k = 1; k < len; k++)
		*cp = (*cp << 6) | (p[k] & 0x3f);
	return len;
}
