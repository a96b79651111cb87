/* util.c - private helpers; see util.h. */
#include "util.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

enum acg_status acg_read_stream(FILE *f, size_t max, char **buf, size_t *len)
{
	size_t cap = 0, n = 0, got, want;
	struct stat st;
	char *p = NULL;

	*buf = NULL;
	*len = 0;
	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
	    (uintmax_t)st.st_size > max)
		return ACG_EINVAL;
	for (;;) {
		/* Room for 64 KiB more, never past max + 1 bytes and the NUL. */
		want = n + 65536 < max + 2 ? n + 65536 : max + 2;
		if (want > cap && acg_grow((void **)&p, &cap, want, 1)) {
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

void acg_json_malloc_wraps(void *(*before)(size_t))
{
	json_malloc_before = before ? before : malloc;
}

void *acg_json_malloc(size_t size)
{
	void *p = json_malloc_before(size);

	if (!p)
		json_alloc_failed_flag = true;
	return p;
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
