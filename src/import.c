/*
 * import.c - a system from two CSV files; see accgraph/import.h.
 *
 * Each file is parsed by libcsv into a table of cells (the header and the
 * records, each with the line it starts on).  The rows are turned into a
 * format-version-1 document (jansson), which the loader checks like any file;
 * the loader's diagnostics, which name JSON Pointers into that document, are
 * mapped back to the files and lines the rows came from.
 *
 * Line numbers: libcsv reports neither lines nor offsets, so the text is fed
 * to it one line at a time (each piece ends at a CR or an LF).  With
 * CSV_REPALL_NL every line end outside quotes ends a record or an empty one,
 * so a record starts at the first piece after a record's end, and a line end
 * with no record end was inside a quoted field.
 */
#include "accgraph/import.h"

#include <csv.h>
#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "accgraph/export.h"
#include "accgraph/load.h"
#include "csv_rules.h"
#include "export_impl.h"
#include "util.h"

/* Lines with invalid UTF-8 reported one by one before the rest is summed up. */
#define MAX_ENCODING_ERRORS 10

struct row {
	long line;
	char **cells; /* ncols of them; NULL: an unquoted empty cell */
};

/* One CSV file, parsed. */
struct table {
	const char *name;
	char **head; /* the header's cells */
	size_t ncols;
	long head_line;
	struct row *rows;
	size_t nrows, cap;
};

struct importer {
	struct acg_diags diags; /* collected, sorted at the end */
	enum acg_status status; /* ACG_ENOMEM once an allocation failed */
	size_t errors;
};

static void nomem(struct importer *I)
{
	I->status = ACG_ENOMEM;
}

#if defined(__GNUC__)
__attribute__((format(printf, 4, 5)))
#endif
static void error_at(struct importer *I, const char *file, long line, const char *fmt, ...)
{
	va_list ap;

	I->errors++;
	va_start(ap, fmt);
	if (acg_diags_vadd(&I->diags, ACG_ERROR, ACG_EINVAL, file, line, 0, NULL, fmt, ap) ==
	    ACG_ENOMEM)
		nomem(I);
	va_end(ap);
}

static void free_cells(char **cells, size_t n)
{
	size_t i;

	if (!cells)
		return;
	for (i = 0; i < n; i++)
		free(cells[i]);
	free(cells);
}

static void table_release(struct table *t)
{
	size_t i;

	free_cells(t->head, t->ncols);
	for (i = 0; i < t->nrows; i++)
		free_cells(t->rows[i].cells, t->ncols);
	free(t->rows);
	memset(t, 0, sizeof(*t));
}

/* ---- encoding ---------------------------------------------------------------- */

/* The length of the valid UTF-8 sequence at s (n bytes left), or 0. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
	size_t len, i;
	unsigned cp;

	if (s[0] < 0x80)
		return s[0] ? 1 : 0;
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		len = 2;
		cp = s[0] & 0x1F;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		len = 3;
		cp = s[0] & 0x0F;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		len = 4;
		cp = s[0] & 0x07;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
	    (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return len;
}

/* Reports each line with a NUL byte or invalid UTF-8; returns whether the text is clean. */
static bool check_encoding(struct importer *I, const char *name, const char *text, size_t len)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0, k, bad = 0;
	long line = 1, last = 0;

	while (i < len) {
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= len || s[i + 1] != '\n'))) {
			line++;
			i++;
			continue;
		}
		k = utf8_seq(s + i, len - i);
		if (k) {
			i += k;
			continue;
		}
		if (line != last) {
			if (++bad <= MAX_ENCODING_ERRORS) {
				if (s[i])
					error_at(I, name, line,
						 "byte 0x%02X is not UTF-8; save the file as UTF-8 "
						 "(\"CSV UTF-8\" in Excel)",
						 s[i]);
				else
					error_at(I, name, line, "a NUL byte, which a CSV file cannot hold");
			}
			last = line;
		}
		i++;
	}
	if (bad > MAX_ENCODING_ERRORS)
		error_at(I, name, 0, "%zu more lines are not valid UTF-8", bad - MAX_ENCODING_ERRORS);
	return bad == 0;
}

/* ---- parsing ------------------------------------------------------------------- */

struct parse {
	struct importer *I;
	struct table *t;
	const char *text;
	size_t len;

	/* line counting: the line of text[pos] */
	size_t pos;
	long line;

	/* the record being read */
	char **cur;
	size_t ncur, capcur;
	long row_line;
	bool boundary; /* the next piece starts a record */
	bool broken;   /* a problem of structure was reported */
};

/* The line of text[off]; off never decreases from one call to the next. */
static long line_at(struct parse *P, size_t off)
{
	for (; P->pos < off; P->pos++) {
		char c = P->text[P->pos];

		if (c == '\n' ||
		    (c == '\r' && (P->pos + 1 >= P->len || P->text[P->pos + 1] != '\n')))
			P->line++;
	}
	return P->line;
}

static void drop_record(struct parse *P)
{
	size_t i;

	for (i = 0; i < P->ncur; i++)
		free(P->cur[i]);
	P->ncur = 0;
}

static void on_field(void *s, size_t n, void *data)
{
	struct parse *P = data;
	char *cell = NULL;

	if (P->I->status)
		return;
	if (acg_grow((void **)&P->cur, &P->capcur, P->ncur + 1, sizeof(*P->cur))) {
		nomem(P->I);
		return;
	}
	if (s) {
		const char *plain;

		if (!(cell = malloc(n + 1))) {
			nomem(P->I);
			return;
		}
		memcpy(cell, s, n);
		cell[n] = '\0';
		plain = acg_csv_unguard(cell);
		if (plain != cell)
			memmove(cell, plain, strlen(plain) + 1);
	}
	P->cur[P->ncur++] = cell;
}

static void on_record(int c, void *data)
{
	struct parse *P = data;
	struct table *t = P->t;
	struct row *r;

	(void)c;
	P->boundary = true;
	if (P->I->status || P->ncur == 0) {
		drop_record(P);
		return; /* a blank line */
	}
	if (!t->head) {
		t->head = P->cur;
		t->ncols = P->ncur;
		t->head_line = P->row_line;
		P->cur = NULL;
		P->ncur = P->capcur = 0;
		return;
	}
	if (P->ncur != t->ncols) {
		error_at(P->I, t->name, P->row_line,
			 "this record has %zu %s, but the header has %zu column%s", P->ncur,
			 P->ncur == 1 ? "field" : "fields", t->ncols, t->ncols == 1 ? "" : "s");
		P->broken = true;
		drop_record(P);
		return;
	}
	if (acg_grow((void **)&t->rows, &t->cap, t->nrows + 1, sizeof(*t->rows))) {
		nomem(P->I);
		drop_record(P);
		return;
	}
	r = &t->rows[t->nrows++];
	r->line = P->row_line;
	r->cells = P->cur;
	P->cur = NULL;
	P->ncur = P->capcur = 0;
}

/* RFC 4180: a space is part of its field, never trimmed. */
static int no_space(unsigned char c)
{
	(void)c;
	return 0;
}

static int init_parser(struct csv_parser *p)
{
	if (csv_init(p, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL | CSV_EMPTY_IS_NULL))
		return -1;
	csv_set_space_func(p, no_space);
	return 0;
}

/* The end of the line that holds text[off]: the offset after its line end. */
static size_t next_line(const char *text, size_t len, size_t off)
{
	while (off < len && text[off] != '\n' && text[off] != '\r')
		off++;
	if (off < len && text[off] == '\r')
		off++;
	if (off < len && text[off] == '\n')
		off++;
	return off;
}

/* Reports a quoting error at text[off] and says what is wrong there. */
static void quoting_error(struct parse *P, size_t off)
{
	long line = line_at(P, off);

	if (P->text[off] == '"')
		error_at(P->I, P->t->name, line,
			 "a quote inside a field that does not start with one; quote the whole "
			 "field and double the quote (\"a \"\"b\"\" c\")");
	else
		error_at(P->I, P->t->name, line,
			 "text after the closing quote of a quoted field; a quote inside a "
			 "quoted field is written twice (\"\")");
	P->broken = true;
}

/*
 * Parses one file into t, reporting every problem of structure.  Returns
 * false when there was one (or memory ran out).
 */
static bool parse_table(struct importer *I, struct table *t, const struct acg_csv_text *in)
{
	struct parse P;
	struct csv_parser p;
	const char *text = in->text;
	size_t len = in->len, i = 0, j, got;

	memset(t, 0, sizeof(*t));
	t->name = in->name;
	if (len >= 2 && ((unsigned char)text[0] == 0xFF || (unsigned char)text[0] == 0xFE) &&
	    ((unsigned char)text[1] == 0xFF || (unsigned char)text[1] == 0xFE) &&
	    text[0] != text[1]) {
		error_at(I, t->name, 0,
			 "the file is UTF-16; save it as UTF-8 (\"CSV UTF-8\" in Excel)");
		return false;
	}
	/* A byte order mark is not part of the first column's name. */
	if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3)) {
		text += 3;
		len -= 3;
	}
	if (!check_encoding(I, t->name, text, len))
		return false;

	memset(&P, 0, sizeof(P));
	P.I = I;
	P.t = t;
	P.text = text;
	P.len = len;
	P.line = 1;
	P.boundary = true;
	if (init_parser(&p)) {
		nomem(I);
		return false;
	}
	while (i < len && !I->status) {
		j = i;
		while (j < len && text[j] != '\n' && text[j] != '\r')
			j++;
		if (j < len)
			j++;
		if (P.boundary) {
			P.row_line = line_at(&P, i);
			P.boundary = false;
		}
		got = csv_parse(&p, text + i, j - i, on_field, on_record, &P);
		if (got == j - i) {
			i = j;
			continue;
		}
		if (csv_error(&p) != CSV_EPARSE) {
			nomem(I);
			break;
		}
		/* Report, then go on from the next line with a new parser. */
		quoting_error(&P, i + got);
		drop_record(&P);
		if (!t->head) {
			/* Without its header the rest of the file cannot be read. */
			csv_free(&p);
			free(P.cur);
			return false;
		}
		csv_free(&p);
		if (init_parser(&p)) {
			nomem(I);
			free(P.cur);
			return false;
		}
		i = next_line(text, len, i + got);
		P.boundary = true;
	}
	if (!I->status && csv_fini(&p, on_field, on_record, &P) != 0) {
		if (csv_error(&p) == CSV_EPARSE)
			error_at(I, t->name, P.row_line,
				 "a quoted field of the record that starts here is not closed: the "
				 "file ends inside it");
		else
			nomem(I);
		P.broken = true;
	}
	csv_free(&p);
	drop_record(&P);
	free(P.cur);
	if (!I->status && !P.broken && !t->head) {
		error_at(I, t->name, 0, "the file is empty; expected a header line with column names");
		P.broken = true;
	}
	return !I->status && !P.broken;
}

/* ---- the header ------------------------------------------------------------------ */

#define MAX_COLUMNS 16

struct attr_col {
	size_t col;
	char *name;
	enum acg_csv_kind kind;
};

/* What the columns of one file mean. */
struct colmap {
	const char *const *columns;
	int std[MAX_COLUMNS]; /* the column of each of the file's own, or -1 */
	struct attr_col *attrs;
	size_t nattrs;
	bool *unnamed; /* ncols flags: a column without a name */
};

static void colmap_release(struct colmap *c)
{
	size_t i;

	for (i = 0; i < c->nattrs; i++)
		free(c->attrs[i].name);
	free(c->attrs);
	free(c->unnamed);
}

/* A copy of s without spaces and tabs around it; NULL when out of memory. */
static char *trimmed(const char *s)
{
	size_t n;
	char *t;

	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	t = malloc(n + 1);
	if (t) {
		memcpy(t, s, n);
		t[n] = '\0';
	}
	return t;
}

static bool has_column(struct importer *I, const struct table *t, const char *name)
{
	size_t c;
	bool found = false;

	for (c = 0; c < t->ncols && !found; c++) {
		char *h = t->head[c] ? trimmed(t->head[c]) : NULL;

		if (t->head[c] && !h)
			nomem(I);
		found = h && !strcasecmp(h, name);
		free(h);
	}
	return found;
}

/* Reads the header of t.  Returns false after reporting a problem with it. */
static bool read_header(struct importer *I, const struct table *t, struct colmap *cm, bool links)
{
	bool ok = true, label_is_id = !links && !has_column(I, t, "id") && has_column(I, t, "label");
	size_t c, a;
	int k;

	cm->columns = links ? acg_csv_link_columns : acg_csv_org_columns;
	for (k = 0; k < MAX_COLUMNS; k++)
		cm->std[k] = -1;
	if (!(cm->unnamed = calloc(t->ncols + 1, sizeof(*cm->unnamed))) ||
	    !(cm->attrs = calloc(t->ncols + 1, sizeof(*cm->attrs)))) {
		nomem(I);
		return false;
	}
	for (c = 0; c < t->ncols; c++) {
		char *h = t->head[c] ? trimmed(t->head[c]) : acg_strdup("");
		enum acg_csv_kind kind;
		bool explicit_attr;
		char *name;

		if (!h) {
			nomem(I);
			return false;
		}
		k = label_is_id && !strcasecmp(h, "label") ? 0 : acg_csv_column_index(cm->columns, h);
		if (!*h) {
			cm->unnamed[c] = true;
		} else if (k >= 0) {
			if (cm->std[k] >= 0) {
				error_at(I, t->name, t->head_line,
					 "column %zu, \"%s\", repeats column %d (\"%s\")", c + 1, h,
					 cm->std[k] + 1, cm->columns[k]);
				ok = false;
			} else {
				cm->std[k] = (int)c;
			}
		} else if (!(name = acg_csv_parse_attr_header(h, &kind, &explicit_attr))) {
			free(h);
			nomem(I);
			return false;
		} else if (!*name) {
			error_at(I, t->name, t->head_line,
				 "column %zu, \"%s\", names no attribute", c + 1, h);
			free(name);
			ok = false;
		} else {
			for (a = 0; a < cm->nattrs && strcmp(cm->attrs[a].name, name); a++)
				;
			if (a < cm->nattrs) {
				error_at(I, t->name, t->head_line,
					 "column %zu, \"%s\", repeats the attribute \"%s\" of column %zu",
					 c + 1, h, name, cm->attrs[a].col + 1);
				free(name);
				ok = false;
			} else {
				cm->attrs[cm->nattrs].col = c;
				cm->attrs[cm->nattrs].name = name;
				cm->attrs[cm->nattrs].kind = kind;
				cm->nattrs++;
			}
		}
		free(h);
	}
	{
		static const char *const org_needed[] = {"id", "type", NULL};
		static const char *const link_needed[] = {"from", "to", "type", NULL};
		const char *const *need = links ? link_needed : org_needed;

		for (; *need; need++) {
			if (cm->std[acg_csv_column_index(cm->columns, *need)] >= 0)
				continue;
			if (links)
				error_at(I, t->name, t->head_line,
					 "no \"%s\" column; the links file needs \"from\", \"to\" and "
					 "\"type\"%s",
					 *need,
					 has_column(I, t, "id") && !has_column(I, t, "from")
						 ? " (is this the organisations file? it comes first)"
						 : "");
			else
				error_at(I, t->name, t->head_line,
					 "no \"%s\" column; the organisations file needs \"id\" (or "
					 "Kumu's \"Label\") and \"type\"%s",
					 *need,
					 has_column(I, t, "from") && has_column(I, t, "to")
						 ? " (is this the links file? the organisations file comes "
						   "first)"
						 : "");
			ok = false;
		}
	}
	return ok;
}

/* Infers the kind of every attribute column that has no suffix. */
static void infer_kinds(const struct table *t, struct colmap *cm)
{
	size_t a, r;

	for (a = 0; a < cm->nattrs; a++) {
		struct attr_col *ac = &cm->attrs[a];
		bool numbers = true, bools = true, any = false, b;

		if (ac->kind != ACG_CSV_KIND_INFER)
			continue;
		for (r = 0; r < t->nrows && (numbers || bools); r++) {
			const char *s = t->rows[r].cells[ac->col];

			if (!s)
				continue;
			any = true;
			numbers = numbers && acg_csv_is_number(s, NULL);
			bools = bools && acg_csv_is_boolean(s, &b);
		}
		ac->kind = !any ? ACG_CSV_KIND_STRING
		    : numbers   ? ACG_CSV_KIND_NUMBER
		    : bools     ? ACG_CSV_KIND_BOOLEAN
				: ACG_CSV_KIND_STRING;
	}
}

/* ---- rows into the document ------------------------------------------------------ */

struct conv {
	struct importer *I;
	const struct table *t;
	const struct colmap *cm;
	const struct row *r;
	bool oom;
};

/* The cell of the file's own column `name` in the current row, or NULL. */
static const char *cell(const struct conv *c, const char *name)
{
	int k = c->cm->std[acg_csv_column_index(c->cm->columns, name)];

	return k >= 0 ? c->r->cells[k] : NULL;
}

static void set(struct conv *c, json_t *obj, const char *key, json_t *v)
{
	if (!v || json_object_set_new(obj, key, v))
		c->oom = true;
}

static void set_string(struct conv *c, json_t *obj, const char *key, const char *s)
{
	if (s)
		set(c, obj, key, json_string(s));
}

/* A required member: the empty string when the cell is empty, for the loader to report. */
static void set_required(struct conv *c, json_t *obj, const char *key)
{
	const char *s = cell(c, key);

	set(c, obj, key, json_string(s ? s : ""));
}

/* A '|'-separated list; nothing for an absent or empty cell. */
static void set_list(struct conv *c, json_t *obj, const char *key)
{
	const char *s = cell(c, key), *p, *end, *a, *b;
	json_t *arr;
	size_t k = 0;

	if (!s || !*s)
		return;
	if (!(arr = json_array())) {
		c->oom = true;
		return;
	}
	for (p = s;; p = end + 1) {
		end = strchr(p, ACG_CSV_LIST_SEP);
		if (!end)
			end = p + strlen(p);
		for (a = p; a < end && (*a == ' ' || *a == '\t'); a++)
			;
		for (b = end; b > a && (b[-1] == ' ' || b[-1] == '\t'); b--)
			;
		k++;
		if (a == b)
			error_at(c->I, c->t->name, c->r->line,
				 "%s: entry %zu of \"%s\" is empty (entries are separated by \"|\")",
				 key, k, s);
		else if (json_array_append_new(arr, json_stringn(a, (size_t)(b - a))))
			c->oom = true;
		if (!*end)
			break;
	}
	set(c, obj, key, arr);
}

/* A number cell as JSON (a real), or NULL after reporting; *bad set then. */
static json_t *number_value(struct conv *c, const char *column, const char *s, bool integer_ok)
{
	bool integer;
	double v;

	if (!acg_csv_is_number(s, &integer)) {
		error_at(c->I, c->t->name, c->r->line, "%s: \"%s\" is not a number", column, s);
		return NULL;
	}
	if (integer_ok && integer) {
		long long ll;
		char *end;

		errno = 0;
		ll = strtoll(s, &end, 10);
		if (!errno)
			return json_integer(ll);
	}
	v = strtod(s, NULL);
	if (!isfinite(v)) {
		error_at(c->I, c->t->name, c->r->line, "%s: %s is too large a number", column, s);
		return NULL;
	}
	return json_real(v);
}

static void set_attributes(struct conv *c, json_t *obj)
{
	json_t *attrs = NULL, *v;
	size_t a;
	bool b;

	for (a = 0; a < c->cm->nattrs; a++) {
		const struct attr_col *ac = &c->cm->attrs[a];
		const char *s = c->r->cells[ac->col];

		if (!s)
			continue;
		v = NULL;
		switch (ac->kind) {
		case ACG_CSV_KIND_NUMBER:
			if (!(v = number_value(c, ac->name, s, true)))
				continue;
			break;
		case ACG_CSV_KIND_BOOLEAN:
			if (!acg_csv_is_boolean(s, &b)) {
				error_at(c->I, c->t->name, c->r->line,
					 "%s: \"%s\" is not true or false", ac->name, s);
				continue;
			}
			v = json_boolean(b);
			break;
		case ACG_CSV_KIND_INFER:
		case ACG_CSV_KIND_STRING:
			v = json_string(s);
			break;
		}
		if (!attrs && !(attrs = json_object())) {
			json_decref(v);
			c->oom = true;
			return;
		}
		set(c, attrs, ac->name, v);
	}
	if (attrs)
		set(c, obj, "attributes", attrs);
}

/* Values in a column without a name: reported, one problem per row. */
static void check_unnamed(struct conv *c)
{
	size_t k;

	for (k = 0; k < c->t->ncols; k++)
		if (c->cm->unnamed[k] && c->r->cells[k] && *c->r->cells[k]) {
			error_at(c->I, c->t->name, c->r->line,
				 "column %zu has no name in the header, but holds \"%s\"", k + 1,
				 c->r->cells[k]);
			return;
		}
}

static json_t *org_object(struct conv *c)
{
	json_t *o = json_object();

	if (!o) {
		c->oom = true;
		return NULL;
	}
	check_unnamed(c);
	set_required(c, o, "id");
	set_string(c, o, "name", cell(c, "name"));
	set_required(c, o, "type");
	set_string(c, o, "region", cell(c, "region"));
	set_string(c, o, "valid_from", cell(c, "valid_from"));
	set_string(c, o, "valid_to", cell(c, "valid_to"));
	set_list(c, o, "succeeds");
	set_list(c, o, "sources");
	set_attributes(c, o);
	return o;
}

static json_t *link_object(struct conv *c)
{
	json_t *l = json_object(), *w;
	const char *s;
	bool b;

	if (!l) {
		c->oom = true;
		return NULL;
	}
	check_unnamed(c);
	set_required(c, l, "from");
	set_required(c, l, "to");
	set_required(c, l, "type");
	set_list(c, l, "for");
	if ((s = cell(c, "weight")) && (w = number_value(c, "weight", s, false)))
		set(c, l, "weight", w);
	set_string(c, l, "mechanism", cell(c, "mechanism"));
	set_string(c, l, "label", cell(c, "label"));
	set_string(c, l, "basis", cell(c, "basis"));
	set_string(c, l, "sanction", cell(c, "sanction"));
	if ((s = cell(c, "observed"))) {
		if (acg_csv_is_boolean(s, &b))
			set(c, l, "observed", json_boolean(b));
		else
			error_at(c->I, c->t->name, c->r->line, "observed: \"%s\" is not true or false",
				 s);
	}
	set_string(c, l, "valid_from", cell(c, "valid_from"));
	set_string(c, l, "valid_to", cell(c, "valid_to"));
	set_list(c, l, "sources");
	set_attributes(c, l);
	return l;
}

/* A copy of link l the other way round: the second link of a mutual row. */
static json_t *reversed(struct conv *c, const json_t *l)
{
	json_t *r = l ? json_deep_copy(l) : NULL;

	if (!r) {
		c->oom = true;
		return NULL;
	}
	if (json_object_set(r, "from", json_object_get(l, "to")) ||
	    json_object_set(r, "to", json_object_get(l, "from")))
		c->oom = true;
	return r;
}

/*
 * How many links the current row makes: 1, or 2 for a mutual row.  A bad
 * direction is reported, and the row still checked as one link.
 */
static int link_count(struct conv *c)
{
	const char *d = cell(c, "direction");

	if (!d || !*d || !strcasecmp(d, "directed"))
		return 1;
	if (!strcasecmp(d, "mutual"))
		return 2;
	if (!strcasecmp(d, "undirected"))
		error_at(c->I, c->t->name, c->r->line,
			 "direction: an undirected link says nothing about who answers to whom; "
			 "a link goes from the organisation that gives account (from) to the one "
			 "that holds it to account (to): make the row directed, or mutual for a "
			 "link each way");
	else
		error_at(c->I, c->t->name, c->r->line,
			 "direction: \"%s\" is not directed or mutual", d);
	return 1;
}

/* ---- the loader's diagnostics, mapped back to the rows ------------------------------ */

/* The lines of the rows behind the document's organisations and links. */
struct lines {
	long *org;
	size_t norg;
	long *link;
	size_t nlink;
	const char *org_file, *link_file;
};

/* Appends s[0..n) to *buf (of length *len); -1 when out of memory. */
static int append(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
	if (acg_grow((void **)buf, cap, *len + n + 1, 1))
		return -1;
	memcpy(*buf + *len, s, n);
	*len += n;
	(*buf)[*len] = '\0';
	return 0;
}

/*
 * The message with every "/organisations/N" and "/links/N" it mentions made
 * "line L"; malloc'd, or NULL when out of memory.
 */
static char *map_message(const struct lines *L, const char *msg)
{
	static const char *const kinds[] = {"/organisations/", "/links/"};
	char *out = NULL, num[32];
	size_t len = 0, cap = 0;
	const char *p = msg;

	while (*p) {
		int k, hit = -1;
		size_t klen = 0;

		for (k = 0; k < 2; k++) {
			klen = strlen(kinds[k]);
			if (!strncmp(p, kinds[k], klen) && p[klen] >= '0' && p[klen] <= '9') {
				hit = k;
				break;
			}
		}
		if (hit >= 0) {
			char *end;
			unsigned long long idx = strtoull(p + klen, &end, 10);
			size_t n = hit ? L->nlink : L->norg;

			if (idx < n) {
				snprintf(num, sizeof(num), "line %ld", (hit ? L->link : L->org)[idx]);
				if (append(&out, &len, &cap, num, strlen(num)))
					goto oom;
				p = end;
				continue;
			}
		}
		if (append(&out, &len, &cap, p, 1))
			goto oom;
		p++;
	}
	if (!out && append(&out, &len, &cap, "", 0))
		goto oom;
	return out;
oom:
	free(out);
	return NULL;
}

/*
 * The first segment of a JSON Pointer tail ("/valid_to/..."), unescaped and
 * malloc'd; *rest is set after it.  NULL when p has no segment; *oom set when
 * out of memory.
 */
static char *pointer_segment(const char *p, const char **rest, bool *oom)
{
	size_t n = 0;
	char *seg;

	if (*p != '/')
		return NULL;
	p++;
	if (!(seg = malloc(strcspn(p, "/") + 1))) {
		*oom = true;
		return NULL;
	}
	for (; *p && *p != '/'; p++) {
		if (p[0] == '~' && (p[1] == '0' || p[1] == '1')) {
			seg[n++] = p[1] == '1' ? '/' : '~';
			p++;
		} else {
			seg[n++] = *p;
		}
	}
	seg[n] = '\0';
	*rest = p;
	return seg;
}

static void map_diag(struct importer *I, const struct lines *L, const struct acg_diag *d)
{
	const char *p = d->pointer, *file = d->file, *rest = "";
	long line = 0;
	char *member = NULL, *key = NULL, *msg = NULL;
	const char *column = NULL;
	bool oom = false;

	if (p && (!strncmp(p, "/organisations/", 15) || !strncmp(p, "/links/", 7))) {
		bool is_link = p[1] == 'l';
		char *end;
		unsigned long long idx = strtoull(p + (is_link ? 7 : 15), &end, 10);

		if (idx < (is_link ? L->nlink : L->norg)) {
			file = is_link ? L->link_file : L->org_file;
			line = (is_link ? L->link : L->org)[idx];
			column = member = pointer_segment(end, &rest, &oom);
			if (member && !strcmp(member, "attributes") &&
			    (key = pointer_segment(rest, &rest, &oom)))
				column = key;
			p = NULL;
		}
	}
	if (oom || !(msg = map_message(L, d->message))) {
		nomem(I);
		goto out;
	}
	if (d->severity == ACG_ERROR)
		I->errors++;
	if (acg_diags_add(&I->diags, d->severity, d->status, file, line, 0, p, "%s%s%s",
			  column ? column : "", column ? ": " : "", msg) == ACG_ENOMEM)
		nomem(I);
out:
	free(member);
	free(key);
	free(msg);
}

/* ---- diagnostics in file and line order ------------------------------------------ */

struct order {
	const char *org_file, *link_file;
};

static int file_rank(const struct order *o, const char *file)
{
	if (file && o->org_file && !strcmp(file, o->org_file))
		return 0;
	if (file && o->link_file && !strcmp(file, o->link_file))
		return 1;
	return 2;
}

/* Moves the collected diagnostics to `to`, sorted by file, then line (stable), repeats dropped. */
static enum acg_status hand_over(struct importer *I, const struct order *o, struct acg_diags *to)
{
	size_t n = I->diags.n, i, j, *idx = malloc((n + 1) * sizeof(*idx));
	enum acg_status st = ACG_OK;

	if (!idx)
		return ACG_ENOMEM;
	for (i = 0; i < n; i++)
		idx[i] = i;
	/* Insertion sort: stable, and the lists are short. */
	for (i = 1; i < n; i++) {
		size_t k = idx[i];
		const struct acg_diag *a = &I->diags.v[k];

		for (j = i; j > 0; j--) {
			const struct acg_diag *b = &I->diags.v[idx[j - 1]];
			int ra = file_rank(o, a->file), rb = file_rank(o, b->file);

			if (rb < ra || (rb == ra && b->line <= a->line))
				break;
			idx[j] = idx[j - 1];
		}
		idx[j] = k;
	}
	for (i = 0; i < n; i++) {
		const struct acg_diag *d = &I->diags.v[idx[i]];
		const struct acg_diag *prev = i ? &I->diags.v[idx[i - 1]] : NULL;

		if (prev && prev->line == d->line && !strcmp(prev->message, d->message) &&
		    !strcmp(prev->file ? prev->file : "", d->file ? d->file : ""))
			continue;
		if (acg_diags_add(to, d->severity, d->status, d->file, d->line, d->column,
				  d->pointer, "%s", d->message) == ACG_ENOMEM)
			st = ACG_ENOMEM;
	}
	free(idx);
	if (I->diags.lost && to)
		to->lost += I->diags.lost;
	return st;
}

/* ---- the whole import ------------------------------------------------------------- */

static json_t *base_document(const struct acg_model *base)
{
	json_t *root;
	int precision;

	if (base)
		return acg_export_json_tree(base, &precision);
	root = json_object();
	if (root && json_object_set_new(root, "accgraph", json_integer(1))) {
		json_decref(root);
		return NULL;
	}
	return root;
}

/*
 * Converts the rows of both files into the document's arrays; the line of
 * each organisation and link in L.
 */
static void convert_rows(struct importer *I, const struct table *ot, const struct colmap *ocm,
			 const struct table *lt, const struct colmap *lcm, json_t *orgs,
			 json_t *links, struct lines *L)
{
	struct conv c = {I, ot, ocm, NULL, false};
	size_t r;
	int n, k;

	if (!(L->org = calloc(ot->nrows + 1, sizeof(*L->org))) ||
	    !(L->link = calloc(2 * lt->nrows + 1, sizeof(*L->link)))) {
		nomem(I);
		return;
	}
	for (r = 0; r < ot->nrows && !c.oom; r++) {
		c.r = &ot->rows[r];
		if (json_array_append_new(orgs, org_object(&c)))
			c.oom = true;
		L->org[L->norg++] = c.r->line;
	}
	c.t = lt;
	c.cm = lcm;
	for (r = 0; r < lt->nrows && !c.oom; r++) {
		c.r = &lt->rows[r];
		n = link_count(&c);
		for (k = 0; k < n && !c.oom; k++) {
			json_t *l = k == 0 ? link_object(&c)
					   : reversed(&c, json_array_get(links, json_array_size(links) - 1));

			if (json_array_append_new(links, l))
				c.oom = true;
			L->link[L->nlink++] = c.r->line;
		}
	}
	if (c.oom)
		nomem(I);
}

enum acg_status acg_import_csv(const struct acg_csv_text *organisations,
			       const struct acg_csv_text *links, const struct acg_model *base,
			       struct acg_model **out, struct acg_diags *diags)
{
	struct importer I;
	struct table ot, lt;
	struct colmap ocm, lcm;
	struct lines L;
	struct acg_diags ld = ACG_DIAGS_INIT;
	struct order order = {organisations->name, links->name};
	struct acg_model *m = NULL;
	json_t *root = NULL, *orgs = NULL, *lks = NULL;
	char *text = NULL;
	size_t len = 0, i;
	bool okO, okL;
	enum acg_status st;

	*out = NULL;
	memset(&I, 0, sizeof(I));
	memset(&ot, 0, sizeof(ot));
	memset(&lt, 0, sizeof(lt));
	memset(&ocm, 0, sizeof(ocm));
	memset(&lcm, 0, sizeof(lcm));
	memset(&L, 0, sizeof(L));
	L.org_file = organisations->name;
	L.link_file = links->name;

	okO = parse_table(&I, &ot, organisations);
	okL = !I.status && parse_table(&I, &lt, links);
	/* Each header is read when its file parsed, so that both are checked. */
	okO = okO && !I.status && read_header(&I, &ot, &ocm, false);
	okL = okL && !I.status && read_header(&I, &lt, &lcm, true);
	if (!okO || !okL || I.status)
		goto out;
	infer_kinds(&ot, &ocm);
	infer_kinds(&lt, &lcm);

	if (!(root = base_document(base)) || !(orgs = json_array()) || !(lks = json_array())) {
		nomem(&I);
		goto out;
	}
	convert_rows(&I, &ot, &ocm, &lt, &lcm, orgs, lks, &L);
	if (I.status)
		goto out;
	if (json_object_set(root, "organisations", orgs) || json_object_set(root, "links", lks) ||
	    !(text = json_dumps(root, JSON_COMPACT | JSON_REAL_PRECISION(17)))) {
		nomem(&I);
		goto out;
	}
	len = strlen(text);
	st = acg_load_buffer(text, len, "<import>", &m, &ld);
	if (st == ACG_ENOMEM) {
		nomem(&I);
		goto out;
	}
	for (i = 0; i < ld.n && !I.status; i++)
		map_diag(&I, &L, &ld.v[i]);
out:
	st = I.status;
	if (!st && hand_over(&I, &order, diags) == ACG_ENOMEM)
		st = ACG_ENOMEM;
	if (!st && (I.errors || !m))
		st = ACG_EINVAL;
	if (st == ACG_OK)
		*out = m;
	else
		acg_model_free(m);
	free(text);
	json_decref(root);
	json_decref(orgs);
	json_decref(lks);
	free(L.org);
	free(L.link);
	colmap_release(&ocm);
	colmap_release(&lcm);
	table_release(&ot);
	table_release(&lt);
	acg_diags_release(&ld);
	acg_diags_release(&I.diags);
	return st;
}

/* ---- files ------------------------------------------------------------------------ */

static enum acg_status read_file(const char *path, const char **name, char **buf, size_t *len,
				 struct acg_diags *diags)
{
	bool is_stdin = !strcmp(path, "-");
	FILE *f = is_stdin ? stdin : fopen(path, "rb");
	size_t n = 0;
	struct stat st;
	char *p = NULL;
	int err = 0;
	enum acg_status rs = ACG_OK;

	*name = is_stdin ? "<stdin>" : path;
	*buf = NULL;
	*len = 0;
	if (!f) {
		err = errno;
	} else if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		err = EISDIR;
	} else {
		errno = 0;
		rs = acg_read_stream(f, ACG_MAX_INPUT_BYTES, &p, &n);
		if (rs == ACG_EIO)
			err = errno ? errno : EIO;
	}
	if (f && !is_stdin)
		fclose(f);
	if (rs == ACG_ENOMEM)
		return ACG_ENOMEM;
	if (rs == ACG_EINVAL)
		return acg_diag_too_large(diags, *name, ACG_MAX_INPUT_BYTES) == ACG_ENOMEM
			       ? ACG_ENOMEM
			       : ACG_EINVAL;
	if (err) {
		if (acg_diags_add(diags, ACG_ERROR, ACG_EIO, *name, 0, 0, NULL, "cannot read: %s",
				  strerror(err)) == ACG_ENOMEM)
			return ACG_ENOMEM;
		return ACG_EIO;
	}
	*buf = p;
	*len = n;
	return ACG_OK;
}

enum acg_status acg_import_csv_files(const char *organisations, const char *links,
				     const struct acg_model *base, struct acg_model **out,
				     struct acg_diags *diags)
{
	struct acg_csv_text o = {NULL, NULL, 0}, l = {NULL, NULL, 0};
	char *ob = NULL, *lb = NULL;
	enum acg_status st, st2;

	*out = NULL;
	st = read_file(organisations, &o.name, &ob, &o.len, diags);
	st2 = read_file(links, &l.name, &lb, &l.len, diags);
	if (st == ACG_OK)
		st = st2;
	else if (st2 == ACG_ENOMEM)
		st = ACG_ENOMEM;
	if (st == ACG_OK) {
		o.text = ob ? ob : "";
		l.text = lb ? lb : "";
		st = acg_import_csv(&o, &l, base, out, diags);
	}
	free(ob);
	free(lb);
	return st;
}

enum acg_status acg_import_csv_files_json(const char *organisations, const char *links,
					  const struct acg_model *base, char **json, size_t *len,
					  struct acg_diags *diags)
{
	struct acg_model *m = NULL;
	enum acg_status st = acg_import_csv_files(organisations, links, base, &m, diags);

	*json = NULL;
	if (st == ACG_OK)
		st = acg_export_json_text(m, json, len);
	acg_model_free(m);
	return st;
}
