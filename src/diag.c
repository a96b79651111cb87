/* diag.c - status codes and the diagnostics list; see accgraph/diag.h. */
#include "accgraph/diag.h"

#include <stdio.h>
#include <stdlib.h>

#include "util.h"

const char *acg_status_str(enum acg_status status)
{
	switch (status) {
	case ACG_OK:
		return "success";
	case ACG_EINVAL:
		return "invalid input";
	case ACG_EUSAGE:
		return "invalid request";
	case ACG_EIO:
		return "input/output error";
	case ACG_ENOMEM:
		return "out of memory";
	case ACG_ELIB:
		return "library error";
	}
	return "unknown error";
}

static char *vformat(const char *fmt, va_list ap)
{
	va_list ap2;
	int n;
	char *p;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return NULL;
	p = malloc((size_t)n + 1);
	if (p)
		vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

static void diag_release(struct acg_diag *d)
{
	free(d->file);
	free(d->pointer);
	free(d->message);
}

enum acg_status acg_diags_vadd(struct acg_diags *diags, enum acg_severity severity,
			       enum acg_status status, const char *file, long line,
			       long column, const char *pointer, const char *fmt,
			       va_list ap)
{
	struct acg_diag d = {severity, status, NULL, line, column, NULL, NULL};

	if (!diags)
		return ACG_OK;
	d.file = acg_strdup(file);
	d.pointer = acg_strdup(pointer);
	d.message = vformat(fmt, ap);
	if ((file && !d.file) || (pointer && !d.pointer) || !d.message ||
	    acg_grow((void **)&diags->v, &diags->cap, diags->n + 1, sizeof(*diags->v))) {
		diag_release(&d);
		diags->lost++;
		return ACG_ENOMEM;
	}
	diags->v[diags->n++] = d;
	if (severity == ACG_ERROR)
		diags->errors++;
	else
		diags->warnings++;
	return ACG_OK;
}

enum acg_status acg_diags_add(struct acg_diags *diags, enum acg_severity severity,
			      enum acg_status status, const char *file, long line,
			      long column, const char *pointer, const char *fmt, ...)
{
	va_list ap;
	enum acg_status st;

	va_start(ap, fmt);
	st = acg_diags_vadd(diags, severity, status, file, line, column, pointer, fmt, ap);
	va_end(ap);
	return st;
}

void acg_diags_truncate(struct acg_diags *diags, size_t n)
{
	if (!diags)
		return;
	while (diags->n > n) {
		struct acg_diag *d = &diags->v[--diags->n];

		if (d->severity == ACG_ERROR)
			diags->errors--;
		else
			diags->warnings--;
		diag_release(d);
	}
}

void acg_diags_release(struct acg_diags *diags)
{
	size_t i;

	if (!diags)
		return;
	for (i = 0; i < diags->n; i++)
		diag_release(&diags->v[i]);
	free(diags->v);
	diags->v = NULL;
	diags->n = diags->cap = diags->errors = diags->warnings = diags->lost = 0;
}
