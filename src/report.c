/*
 * report.c - the report's containers and its writers (text, md, json); the
 * sections are built in report_sections.c, the HTML page is written by
 * report_html.c.  See accgraph/report.h.
 */
#include "accgraph/report.h"

#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "report_impl.h"
#include "table_json.h"
#include "util.h"

/* ---- containers ------------------------------------------------------------- */

static void section_release(struct report_section *s)
{
	size_t i;

	free(s->key);
	free(s->title);
	free(s->sentence);
	for (i = 0; i < s->nfigs; i++) {
		free(s->figs[i].key);
		free(s->figs[i].label);
		free(s->figs[i].text);
	}
	free(s->figs);
	for (i = 0; i < s->ntables; i++) {
		free(s->tables[i].key);
		free(s->tables[i].title);
		acg_table_free(s->tables[i].table);
	}
	free(s->tables);
}

void acg_report_free(struct acg_report *r)
{
	size_t i;

	if (!r)
		return;
	for (i = 0; i < r->nsections; i++)
		section_release(&r->sections[i]);
	free(r->sections);
	free(r->title);
	free(r->selection);
	free(r);
}

struct report_section *report_add_section(struct acg_report *r, const char *key,
					  const char *title)
{
	struct report_section *s;

	if (acg_grow((void **)&r->sections, &r->cap, r->nsections + 1, sizeof(*r->sections)))
		return NULL;
	s = &r->sections[r->nsections++];
	memset(s, 0, sizeof(*s));
	s->key = acg_strdup(key);
	s->title = acg_strdup(title);
	return s->key && s->title ? s : NULL;
}

int report_set_sentence(struct report_section *s, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return -1;
	free(s->sentence);
	s->sentence = malloc((size_t)n + 1);
	if (!s->sentence)
		return -1;
	va_start(ap, fmt);
	vsnprintf(s->sentence, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return 0;
}

static struct report_figure *add_figure(struct report_section *s, const char *key,
					const char *label, enum fig_kind kind)
{
	struct report_figure *f;

	if (acg_grow((void **)&s->figs, &s->figs_cap, s->nfigs + 1, sizeof(*s->figs)))
		return NULL;
	f = &s->figs[s->nfigs++];
	memset(f, 0, sizeof(*f));
	f->kind = kind;
	f->key = acg_strdup(key);
	f->label = acg_strdup(label);
	return f->key && f->label ? f : NULL;
}

int report_add_number(struct report_section *s, const char *key, const char *label,
		      double value)
{
	struct report_figure *f = add_figure(s, key, label, FIG_NUMBER);

	if (!f)
		return -1;
	f->number = value;
	return 0;
}

int report_add_integer(struct report_section *s, const char *key, const char *label,
		       double value)
{
	struct report_figure *f = add_figure(s, key, label, FIG_INTEGER);

	if (!f)
		return -1;
	f->number = value;
	return 0;
}

int report_add_text(struct report_section *s, const char *key, const char *label,
		    const char *text)
{
	struct report_figure *f = add_figure(s, key, label, FIG_TEXT);

	if (!f)
		return -1;
	f->text = acg_strdup(text);
	return text && !f->text ? -1 : 0;
}

int report_add_table(struct report_section *s, const char *key, const char *title,
		     struct acg_table *table)
{
	struct report_table *t;

	if (!table)
		return -1;
	if (acg_grow((void **)&s->tables, &s->tables_cap, s->ntables + 1, sizeof(*s->tables))) {
		acg_table_free(table);
		return -1;
	}
	t = &s->tables[s->ntables++];
	t->table = table;
	t->key = acg_strdup(key);
	t->title = acg_strdup(title);
	return t->key && t->title ? 0 : -1;
}

enum acg_status acg_report_compute(struct acg_graph *graph, const struct acg_report_options *opt,
				   struct acg_report **out, struct acg_diags *diags)
{
	const struct acg_model *m = acg_graph_model(graph);
	struct acg_report *r = calloc(1, sizeof(*r));
	enum acg_status status;

	*out = NULL;
	if (!r)
		return ACG_ENOMEM;
	r->as_of = m->as_of;
	if ((m->title && !(r->title = acg_strdup(m->title))) ||
	    (opt->selection && !(r->selection = acg_strdup(opt->selection)))) {
		acg_report_free(r);
		return ACG_ENOMEM;
	}
	status = report_build(r, graph, opt, diags);
	if (status != ACG_OK) {
		acg_report_free(r);
		return status;
	}
	*out = r;
	return ACG_OK;
}

/* ---- writers ------------------------------------------------------------------ */

static void format_figure(char buf[64], const struct report_figure *f)
{
	if (!isfinite(f->number))
		strcpy(buf, "-");
	else if (f->kind == FIG_INTEGER)
		snprintf(buf, 64, "%.0f", f->number);
	else
		snprintf(buf, 64, "%.6g", f->number);
}

/* Writes s with control characters shown as escapes (text is for terminals). */
static void put_plain(FILE *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	for (; *p; p++) {
		if (*p < 0x20 || *p == 0x7f)
			fprintf(f, "\\x%02x", *p);
		else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
			fprintf(f, "\\u%04x", *++p);
		else
			fputc(*p, f);
	}
}

/* Markdown text: characters that would become markup or HTML are escaped. */
static void put_md(FILE *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	for (; *p; p++) {
		if (strchr("\\`*_[]<>|#", *p) && *p) {
			if (*p == '<')
				fputs("&lt;", f);
			else if (*p == '>')
				fputs("&gt;", f);
			else
				fprintf(f, "\\%c", *p);
		} else if (*p == '&') {
			fputs("&amp;", f);
		} else if (*p < 0x20 || *p == 0x7f) {
			fputc(' ', f);
		} else {
			fputc(*p, f);
		}
	}
}

static enum acg_status write_text(const struct acg_report *r, FILE *f, bool md)
{
	char buf[64], date[ACG_DATE_BUFSIZE];
	size_t i, k;
	enum acg_status st;

	if (md) {
		fputs("# ", f);
		put_md(f, r->title ? r->title : "Accountability system report");
		fputs("\n\n", f);
	} else {
		put_plain(f, r->title ? r->title : "Accountability system report");
		fputc('\n', f);
	}
	if (r->as_of != ACG_DATE_NONE)
		fprintf(f, md ? "As of %s.\n" : "As of %s\n", acg_date_format(r->as_of, date));
	if (r->selection) {
		fputs(md ? "\nSelection: `" : "Selection: ", f);
		put_plain(f, r->selection);
		fputs(md ? "` (the figures describe this part of the system only).\n"
			 : " (the figures describe this part of the system only)\n",
		      f);
	}
	for (i = 0; i < r->nsections; i++) {
		const struct report_section *s = &r->sections[i];

		if (md) {
			fputs("\n## ", f);
			put_md(f, s->title);
			fputs("\n\n", f);
			if (s->sentence) {
				put_md(f, s->sentence);
				fputs("\n\n", f);
			}
		} else {
			fputs("\n== ", f);
			put_plain(f, s->title);
			fputs(" ==\n", f);
			if (s->sentence) {
				put_plain(f, s->sentence);
				fputs("\n\n", f);
			}
		}
		if (md && s->nfigs)
			fputs("| figure | value |\n| --- | --- |\n", f);
		for (k = 0; k < s->nfigs; k++) {
			const struct report_figure *fg = &s->figs[k];
			const char *v = fg->kind == FIG_TEXT ? (fg->text ? fg->text : "-") : buf;

			if (fg->kind != FIG_TEXT)
				format_figure(buf, fg);
			if (md) {
				fputs("| ", f);
				put_md(f, fg->label);
				fputs(" | ", f);
				put_md(f, v);
				fputs(" |\n", f);
			} else {
				fputs("  ", f);
				put_plain(f, fg->label);
				fputs(": ", f);
				put_plain(f, v);
				fputc('\n', f);
			}
		}
		for (k = 0; k < s->ntables; k++) {
			const struct report_table *t = &s->tables[k];

			if (md) {
				fputs("\n### ", f);
				put_md(f, t->title);
				fputs("\n\n", f);
			} else {
				fputs("\n  ", f);
				put_plain(f, t->title);
				fputs(":\n", f);
			}
			if (!acg_table_rows(t->table)) {
				fputs(md ? "None.\n" : "  (none)\n", f);
				continue;
			}
			st = acg_table_write(t->table, NULL, 0, md ? ACG_FORMAT_MD : ACG_FORMAT_TEXT,
					     f);
			if (st != ACG_OK)
				return st;
		}
	}
	return ferror(f) ? ACG_EIO : ACG_OK;
}

static json_t *figure_json(const struct report_figure *fg)
{
	if (fg->kind == FIG_TEXT)
		return fg->text ? json_string(fg->text) : json_null();
	if (!isfinite(fg->number))
		return json_null();
	if (fg->kind == FIG_INTEGER)
		return json_integer((json_int_t)fg->number);
	return json_real(fg->number);
}

static enum acg_status write_json(const struct acg_report *r, FILE *f)
{
	char date[ACG_DATE_BUFSIZE];
	json_t *root = json_object(), *sec;
	size_t i, k;

	if (!root)
		return ACG_ENOMEM;
	if (json_object_set_new(root, "title", r->title ? json_string(r->title) : json_null()) ||
	    json_object_set_new(root, "as_of",
				r->as_of == ACG_DATE_NONE
					? json_null()
					: json_string(acg_date_format(r->as_of, date))) ||
	    json_object_set_new(root, "selection",
				r->selection ? json_string(r->selection) : json_null()))
		goto nomem;
	for (i = 0; i < r->nsections; i++) {
		const struct report_section *s = &r->sections[i];

		if (!(sec = json_object()) || json_object_set_new(root, s->key, sec))
			goto nomem;
		if (s->sentence && json_object_set_new(sec, "sentence", json_string(s->sentence)))
			goto nomem;
		for (k = 0; k < s->nfigs; k++)
			if (json_object_set_new(sec, s->figs[k].key, figure_json(&s->figs[k])))
				goto nomem;
		for (k = 0; k < s->ntables; k++)
			if (json_object_set_new(sec, s->tables[k].key, acg_table_json(s->tables[k].table, NULL, 0)))
				goto nomem;
	}
	if (json_dumpf(root, f, JSON_INDENT(2) | JSON_REAL_PRECISION(6)) != 0) {
		json_decref(root);
		return ferror(f) ? ACG_EIO : ACG_ENOMEM;
	}
	fputc('\n', f);
	json_decref(root);
	return ferror(f) ? ACG_EIO : ACG_OK;
nomem:
	json_decref(root);
	return ACG_ENOMEM;
}

enum acg_status acg_report_write(const struct acg_report *r, enum acg_format format, FILE *f)
{
	switch (format) {
	case ACG_FORMAT_TEXT:
		return write_text(r, f, false);
	case ACG_FORMAT_MD:
		return write_text(r, f, true);
	case ACG_FORMAT_JSON:
		return write_json(r, f);
	case ACG_FORMAT_HTML:
		return acg_report_write_html(r, NULL, f);
	default:
		return ACG_EUSAGE;
	}
}
