/*
 * fuzz.h - what the libFuzzer targets of tests/fuzz share.
 *
 * A target checks the library's promises, not only that it survives: when
 * one is broken it prints what and calls abort(), which libFuzzer reports as
 * a crash and saves the input for.
 */
#ifndef ACCGRAPH_FUZZ_H
#define ACCGRAPH_FUZZ_H

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "accgraph/accgraph.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Reports a broken promise (printf rules) and aborts. */
#if defined(__GNUC__)
__attribute__((format(printf, 1, 2), noreturn))
#endif
static void fuzz_fail(const char *fmt, ...);

static void fuzz_fail(const char *fmt, ...)
{
	va_list ap;

	fputs("fuzz: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

/*
 * A status is one the function may return: anything but ACG_OK needs a
 * diagnostic to go with it (ACG_ENOMEM aside), or the user learns nothing.
 */
static inline void fuzz_check_status(const char *what, enum acg_status st, enum acg_status allowed,
			      const struct acg_diags *diags)
{
	if (st == ACG_OK || st == ACG_ENOMEM)
		return;
	if (st != allowed)
		fuzz_fail("%s returned %s (%d)", what, acg_status_str(st), (int)st);
	if (diags && !diags->errors && !diags->lost)
		fuzz_fail("%s returned %s with no error diagnostic", what, acg_status_str(st));
}

/*
 * Every diagnostic is well formed: a message, and either a position
 * (line >= 1, column >= 1) or none; file names and pointers are C strings
 * (the sanitizers catch a bad one when it is read).
 */
static inline void fuzz_check_diags(const struct acg_diags *diags)
{
	size_t i;

	for (i = 0; i < diags->n; i++) {
		const struct acg_diag *d = &diags->v[i];

		if (!d->message || !*d->message)
			fuzz_fail("diagnostic %zu has no message", i);
		if (d->line < 0 || d->column < 0 || (d->line && !d->column && !d->file))
			fuzz_fail("diagnostic %zu has position %ld:%ld", i, d->line, d->column);
		if (d->pointer && d->pointer[0] && d->pointer[0] != '/')
			fuzz_fail("diagnostic %zu has pointer \"%s\"", i, d->pointer);
		(void)strlen(d->message);
		if (d->file)
			(void)strlen(d->file);
	}
}

/* The CSV pair of m, imported back with m as the base, must give json. */
static inline void fuzz_csv_round_trip(const struct acg_model *m, const char *json, size_t json_len)
{
	struct acg_diags diags = ACG_DIAGS_INIT;
	char *orgs = NULL, *links = NULL, *again = NULL;
	size_t orgs_len = 0, links_len = 0, again_len = 0;
	FILE *fo = open_memstream(&orgs, &orgs_len), *fl = open_memstream(&links, &links_len);
	struct acg_model *back = NULL;
	enum acg_status st;

	if (!fo || !fl)
		fuzz_fail("open_memstream failed");
	st = acg_export_csv(m, fo, fl, &diags);
	fclose(fo);
	fclose(fl);
	fuzz_check_status("acg_export_csv", st, ACG_EINVAL, &diags);
	fuzz_check_diags(&diags);
	if (st != ACG_OK || diags.warnings)
		goto out;
	acg_diags_release(&diags);
	{
		struct acg_csv_text o = {"orgs.csv", orgs, orgs_len};
		struct acg_csv_text l = {"links.csv", links, links_len};

		st = acg_import_csv(&o, &l, m, &back, &diags);
	}
	if (st == ACG_ENOMEM)
		goto out;
	if (st != ACG_OK) {
		fprintf(stderr, "organisations:\n%s\nlinks:\n%s\n", orgs, links);
		for (size_t i = 0; i < diags.n; i++)
			fprintf(stderr, "  %s:%ld: %s: %s\n", diags.v[i].file ? diags.v[i].file : "",
				diags.v[i].line, diags.v[i].pointer ? diags.v[i].pointer : "",
				diags.v[i].message);
		fuzz_fail("the CSV export of a valid system does not import: %s",
			  acg_status_str(st));
	}
	if (acg_export_json_text(back, &again, &again_len) != ACG_OK)
		goto out;
	if (again_len != json_len || memcmp(again, json, json_len)) {
		fprintf(stderr, "before:\n%s\nafter the CSV pair:\n%s\n", json, again);
		fuzz_fail("the CSV pair does not give the same system back");
	}
out:
	acg_model_free(back);
	acg_diags_release(&diags);
	free(orgs);
	free(links);
	free(again);
}

#endif /* ACCGRAPH_FUZZ_H */
