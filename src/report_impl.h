/*
 * report_impl.h - the inside of a report, shared by the section builders
 * (report_sections.c) and the writers (report.c).  Not installed.
 *
 * A report is a list of sections; a section has a key (its JSON name), a
 * title, one opening sentence, figures (named values) and tables.  All
 * strings and tables are owned by the report.
 */
#ifndef ACCGRAPH_REPORT_IMPL_H
#define ACCGRAPH_REPORT_IMPL_H

#include <stdbool.h>
#include <stddef.h>

#include "accgraph/date.h"
#include "accgraph/report.h"
#include "accgraph/table.h"

enum fig_kind { FIG_NUMBER, FIG_INTEGER, FIG_TEXT };

struct report_figure {
	char *key;   /* JSON member name */
	char *label; /* for people */
	enum fig_kind kind;
	double number; /* NaN: no value (null) */
	char *text;
};

struct report_table {
	char *key;
	char *title;
	struct acg_table *table;
};

struct report_section {
	char *key;
	char *title;
	char *sentence;
	struct report_figure *figs;
	size_t nfigs, figs_cap;
	struct report_table *tables;
	size_t ntables, tables_cap;
};

struct acg_report {
	char *title;
	char *selection; /* NULL: the whole system */
	acg_date as_of;
	struct report_section *sections;
	size_t nsections, cap;
};

/*
 * Builders.  Each returns 0, or -1 when out of memory (the report stays
 * consistent and is freed by acg_report_free()).
 */
struct report_section *report_add_section(struct acg_report *r, const char *key,
					  const char *title);
int report_set_sentence(struct report_section *s, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
int report_add_number(struct report_section *s, const char *key, const char *label,
		      double value);
int report_add_integer(struct report_section *s, const char *key, const char *label,
		       double value);
int report_add_text(struct report_section *s, const char *key, const char *label,
		    const char *text);
/* Takes ownership of table, also on failure. */
int report_add_table(struct report_section *s, const char *key, const char *title,
		     struct acg_table *table);

/* Builds every section; see report_sections.c. */
enum acg_status report_build(struct acg_report *r, struct acg_graph *graph,
			     const struct acg_report_options *opt, struct acg_diags *diags);

#endif /* ACCGRAPH_REPORT_IMPL_H */
