/* table.c - tables of results and their writers; see accgraph/table.h. */
#include "accgraph/table.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "csv_rules.h"
#include "table_json.h"
#include "util.h"

enum cell_kind { CELL_EMPTY, CELL_TEXT, CELL_NUMBER };

struct cell {
	enum cell_kind kind;
	bool integer;
	double number;
	char *text;
};

struct acg_table {
	char **names;
	size_t ncols;
	struct cell *cells; /* row-major, rows * ncols */
	size_t rows;
	size_t cap; /* rows allocated */
};

static const char *const format_names[ACG_FORMAT_COUNT] = {"text", "csv", "tsv",
							   "json", "md",  "html"};

enum acg_format acg_format_from_name(const char *name)
{
	int f;

	for (f = 0; f < ACG_FORMAT_COUNT; f++)
		if (!strcmp(format_names[f], name))
			return (enum acg_format)f;
	return ACG_FORMAT_COUNT;
}

const char *acg_format_name(enum acg_format format)
{
	return (unsigned)format < ACG_FORMAT_COUNT ? format_names[format] : NULL;
}

struct acg_table *acg_table_new(size_t ncols, const char *const *names)
{
	struct acg_table *t = calloc(1, sizeof(*t));
	size_t c;

	if (!t)
		return NULL;
	t->names = calloc(ncols + 1, sizeof(*t->names));
	if (!t->names) {
		free(t);
		return NULL;
	}
	t->ncols = ncols;
	for (c = 0; c < ncols; c++)
		if (!(t->names[c] = acg_strdup(names[c]))) {
			acg_table_free(t);
			return NULL;
		}
	return t;
}

void acg_table_free(struct acg_table *t)
{
	size_t i;

	if (!t)
		return;
	for (i = 0; i < t->ncols; i++)
		free(t->names[i]);
	free(t->names);
	for (i = 0; i < t->rows * t->ncols; i++)
		free(t->cells[i].text);
	free(t->cells);
	free(t);
}

size_t acg_table_add_row(struct acg_table *t)
{
	size_t need = (t->rows + 1) * t->ncols, cap = t->cap * t->ncols;

	if (t->ncols && need > cap) {
		if (acg_grow((void **)&t->cells, &cap, need, sizeof(*t->cells)))
			return (size_t)-1;
		t->cap = cap / t->ncols;
	}
	memset(t->cells + t->rows * t->ncols, 0, t->ncols * sizeof(*t->cells));
	return t->rows++;
}

static struct cell *cell_at(const struct acg_table *t, size_t row, size_t col)
{
	return &t->cells[row * t->ncols + col];
}

enum acg_status acg_table_set_text(struct acg_table *t, size_t row, size_t col, const char *text)
{
	struct cell *c = cell_at(t, row, col);
	char *copy = NULL;

	if (text && !(copy = acg_strdup(text)))
		return ACG_ENOMEM;
	free(c->text);
	c->text = copy;
	c->kind = copy ? CELL_TEXT : CELL_EMPTY;
	return ACG_OK;
}

void acg_table_set_number(struct acg_table *t, size_t row, size_t col, double value,
			  bool integer)
{
	struct cell *c = cell_at(t, row, col);

	free(c->text);
	c->text = NULL;
	c->kind = isfinite(value) ? CELL_NUMBER : CELL_EMPTY;
	c->number = value;
	c->integer = integer;
}

size_t acg_table_rows(const struct acg_table *t)
{
	return t->rows;
}

size_t acg_table_cols(const struct acg_table *t)
{
	return t->ncols;
}

const char *acg_table_col_name(const struct acg_table *t, size_t col)
{
	return col < t->ncols ? t->names[col] : NULL;
}

const char *acg_table_text(const struct acg_table *t, size_t row, size_t col)
{
	const struct cell *c = cell_at(t, row, col);

	return c->kind == CELL_TEXT ? c->text : NULL;
}

double acg_table_number(const struct acg_table *t, size_t row, size_t col)
{
	const struct cell *c = cell_at(t, row, col);

	return c->kind == CELL_NUMBER ? c->number : NAN;
}

size_t acg_table_find_row(const struct acg_table *t, size_t col, const char *text)
{
	size_t r;

	for (r = 0; r < t->rows; r++) {
		const char *s = acg_table_text(t, r, col);

		if (s && !strcmp(s, text))
			return r;
	}
	return (size_t)-1;
}

size_t acg_table_find_col(const struct acg_table *t, const char *name)
{
	size_t c;

	for (c = 0; c < t->ncols; c++)
		if (!strcmp(t->names[c], name))
			return c;
	return (size_t)-1;
}

/* ---- sorting: a stable merge sort of row indices --------------------------- */

static int cell_order(const struct cell *a, const struct cell *b)
{
	if (a->kind != b->kind) {
		if (a->kind == CELL_EMPTY)
			return 1;
		if (b->kind == CELL_EMPTY)
			return -1;
		return a->kind == CELL_NUMBER ? -1 : 1;
	}
	if (a->kind == CELL_NUMBER)
		return a->number > b->number ? -1 : a->number < b->number ? 1 : 0;
	if (a->kind == CELL_TEXT)
		return strcmp(a->text, b->text);
	return 0;
}

static void merge_sort(const struct acg_table *t, size_t col, size_t *rows, size_t *tmp,
		       size_t n)
{
	size_t mid = n / 2, i = 0, j = mid, k = 0;

	if (n < 2)
		return;
	merge_sort(t, col, rows, tmp, mid);
	merge_sort(t, col, rows + mid, tmp, n - mid);
	while (i < mid && j < n)
		tmp[k++] = cell_order(cell_at(t, rows[j], col), cell_at(t, rows[i], col)) < 0
				   ? rows[j++]
				   : rows[i++];
	while (i < mid)
		tmp[k++] = rows[i++];
	while (j < n)
		tmp[k++] = rows[j++];
	memcpy(rows, tmp, n * sizeof(*rows));
}

enum acg_status acg_table_sort(struct acg_table *t, size_t col)
{
	size_t *rows, *tmp, i;
	struct cell *cells;
	enum acg_status st = ACG_ENOMEM;

	if (t->rows < 2 || col >= t->ncols)
		return ACG_OK;
	rows = malloc(t->rows * sizeof(*rows));
	tmp = malloc(t->rows * sizeof(*tmp));
	cells = malloc(t->rows * t->ncols * sizeof(*cells));
	if (rows && tmp && cells) {
		for (i = 0; i < t->rows; i++)
			rows[i] = i;
		merge_sort(t, col, rows, tmp, t->rows);
		for (i = 0; i < t->rows; i++)
			memcpy(cells + i * t->ncols, cell_at(t, rows[i], 0),
			       t->ncols * sizeof(*cells));
		memcpy(t->cells, cells, t->rows * t->ncols * sizeof(*cells));
		st = ACG_OK;
	}
	free(rows);
	free(tmp);
	free(cells);
	return st;
}

void acg_table_truncate(struct acg_table *t, size_t n)
{
	size_t i;

	if (n >= t->rows)
		return;
	for (i = n * t->ncols; i < t->rows * t->ncols; i++)
		free(t->cells[i].text);
	t->rows = n;
}

/* ---- writers ----------------------------------------------------------------- */

/*
 * A whole number below 10^15 in magnitude as %.0f prints it (without the
 * sign of -0), by hand: a table of a million rows has millions of them.
 * False for any other value.
 */
static bool format_whole(char buf[64], double x)
{
	char digits[24];
	long long v;
	size_t n = 0, k = 0;

	if (!(fabs(x) < 1e15) || x != (double)(long long)x)
		return false;
	v = (long long)x;
	if (v < 0)
		buf[k++] = '-';
	do {
		digits[n++] = (char)('0' + (v < 0 ? -(v % 10) : v % 10));
		v /= 10;
	} while (v);
	while (n)
		buf[k++] = digits[--n];
	buf[k] = '\0';
	return true;
}

/* The number as printed: integers whole, others with %.6g. */
static void format_number(char buf[64], const struct cell *c)
{
	if (c->integer && format_whole(buf, c->number))
		return;
	if (c->integer)
		snprintf(buf, 64, "%.0f", c->number);
	else
		snprintf(buf, 64, "%.6g", c->number);
	if (!strcmp(buf, "-0"))
		strcpy(buf, "0");
}

/* The text of a cell as written by the plain formats; buf holds numbers. */
static const char *cell_text(const struct cell *c, char buf[64])
{
	switch (c->kind) {
	case CELL_TEXT:
		return c->text;
	case CELL_NUMBER:
		format_number(buf, c);
		return buf;
	case CELL_EMPTY:
		break;
	}
	return "";
}

/* The ' that keeps a spreadsheet from running s as a formula, or "" (csv_rules.h). */
static const char *formula_guard(const char *s)
{
	return acg_csv_needs_guard(s) ? "'" : "";
}

static void put_csv_field(FILE *f, const char *s)
{
	if (!strpbrk(s, ",\"\r\n")) {
		fputs(formula_guard(s), f);
		fputs(s, f);
		return;
	}
	fputc('"', f);
	fputs(formula_guard(s), f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

static void put_tsv_field(FILE *f, const char *s)
{
	fputs(formula_guard(s), f);
	for (; *s; s++) {
		switch (*s) {
		case '\t':
			fputs("\\t", f);
			break;
		case '\n':
			fputs("\\n", f);
			break;
		case '\r':
			fputs("\\r", f);
			break;
		case '\\':
			fputs("\\\\", f);
			break;
		default:
			fputc(*s, f);
		}
	}
}

/* Writes s with control characters as escapes; returns its width in characters. */
static size_t put_text_field(FILE *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t width = 0;

	for (; *p; p++) {
		if (*p < 0x20 || *p == 0x7f) {
			if (f)
				fprintf(f, "\\x%02x", *p);
			width += 4;
		} else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
			if (f)
				fprintf(f, "\\u%04x", p[1]);
			width += 6;
			p++;
		} else {
			if (f)
				fputc(*p, f);
			/* Count UTF-8 lead bytes only: one character each. */
			width += (*p & 0xc0) != 0x80;
		}
	}
	return width;
}

static void put_md_field(FILE *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	for (; *p; p++) {
		switch (*p) {
		case '|':
			fputs("\\|", f);
			break;
		case '<':
			fputs("&lt;", f);
			break;
		case '>':
			fputs("&gt;", f);
			break;
		case '&':
			fputs("&amp;", f);
			break;
		case '\\':
			fputs("\\\\", f);
			break;
		case '\n':
		case '\r':
		case '\t':
			fputc(' ', f);
			break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				fputc(' ', f);
			else
				fputc(*p, f);
		}
	}
}

static size_t col_of(const size_t *cols, size_t k)
{
	return cols ? cols[k] : k;
}

static void write_separated(const struct acg_table *t, const size_t *cols, size_t ncols, FILE *f,
			    bool csv)
{
	char buf[64];
	size_t r, k;
	const char *sep = csv ? "," : "\t", *eol = csv ? "\r\n" : "\n";

	for (k = 0; k < ncols; k++) {
		if (k)
			fputs(sep, f);
		(csv ? put_csv_field : put_tsv_field)(f, t->names[col_of(cols, k)]);
	}
	fputs(eol, f);
	for (r = 0; r < t->rows; r++) {
		for (k = 0; k < ncols; k++) {
			if (k)
				fputs(sep, f);
			(csv ? put_csv_field : put_tsv_field)(
				f, cell_text(cell_at(t, r, col_of(cols, k)), buf));
		}
		fputs(eol, f);
	}
}

static enum acg_status write_text(const struct acg_table *t, const size_t *cols, size_t ncols,
				  FILE *f)
{
	size_t *width = calloc(ncols + 1, sizeof(*width));
	bool *numeric = calloc(ncols + 1, sizeof(*numeric));
	char buf[64];
	size_t r, k, w;

	if (!width || !numeric) {
		free(width);
		free(numeric);
		return ACG_ENOMEM;
	}
	for (k = 0; k < ncols; k++) {
		size_t c = col_of(cols, k);

		width[k] = put_text_field(NULL, t->names[c]);
		numeric[k] = true;
		for (r = 0; r < t->rows; r++) {
			const struct cell *cl = cell_at(t, r, c);

			w = put_text_field(NULL, cell_text(cl, buf));
			if (w > width[k])
				width[k] = w;
			if (cl->kind == CELL_TEXT)
				numeric[k] = false;
		}
	}
	for (r = 0; r <= t->rows; r++) {
		for (k = 0; k < ncols; k++) {
			size_t c = col_of(cols, k);
			const char *s = r ? cell_text(cell_at(t, r - 1, c), buf) : t->names[c];
			size_t pad = width[k] - put_text_field(NULL, s);
			bool last = k + 1 == ncols;

			if (k)
				fputs("  ", f);
			if (numeric[k])
				fprintf(f, "%*s", (int)pad, "");
			put_text_field(f, s);
			if (!numeric[k] && !last)
				fprintf(f, "%*s", (int)pad, "");
		}
		fputc('\n', f);
	}
	free(width);
	free(numeric);
	return ACG_OK;
}

static void write_md(const struct acg_table *t, const size_t *cols, size_t ncols, FILE *f)
{
	char buf[64];
	size_t r, k;

	for (r = 0; r <= t->rows; r++) {
		fputc('|', f);
		for (k = 0; k < ncols; k++) {
			size_t c = col_of(cols, k);

			fputc(' ', f);
			put_md_field(f, r ? cell_text(cell_at(t, r - 1, c), buf) : t->names[c]);
			fputs(" |", f);
		}
		fputc('\n', f);
		if (r == 0) {
			fputc('|', f);
			for (k = 0; k < ncols; k++)
				fputs(" --- |", f);
			fputc('\n', f);
		}
	}
}

static json_t *cell_json(const struct cell *c)
{
	switch (c->kind) {
	case CELL_TEXT:
		return json_string(c->text);
	case CELL_NUMBER:
		if (c->integer && fabs(c->number) < 9007199254740992.0)
			return json_integer((json_int_t)c->number);
		return json_real(c->number);
	case CELL_EMPTY:
		break;
	}
	return json_null();
}

json_t *acg_table_json(const struct acg_table *t, const size_t *cols, size_t ncols)
{
	json_t *rows = json_array();
	size_t r, k;

	if (!rows)
		return NULL;
	if (!cols)
		ncols = t->ncols;
	for (r = 0; r < t->rows; r++) {
		json_t *obj = json_object();

		if (!obj || json_array_append_new(rows, obj))
			goto nomem;
		for (k = 0; k < ncols; k++) {
			size_t c = col_of(cols, k);

			if (json_object_set_new(obj, t->names[c], cell_json(cell_at(t, r, c))))
				goto nomem;
		}
	}
	return rows;
nomem:
	json_decref(rows);
	return NULL;
}

static enum acg_status write_json(const struct acg_table *t, const size_t *cols, size_t ncols,
				  FILE *f)
{
	json_t *rows = acg_table_json(t, cols, ncols);

	if (!rows)
		return ACG_ENOMEM;
	if (json_dumpf(rows, f, JSON_INDENT(2) | JSON_REAL_PRECISION(6)) != 0) {
		json_decref(rows);
		return ferror(f) ? ACG_EIO : ACG_ENOMEM;
	}
	fputc('\n', f);
	json_decref(rows);
	return ACG_OK;
}

enum acg_status acg_table_write(const struct acg_table *t, const size_t *cols, size_t ncols,
				enum acg_format format, FILE *f)
{
	enum acg_status status = ACG_OK;

	if (!cols)
		ncols = t->ncols;
	switch (format) {
	case ACG_FORMAT_CSV:
		write_separated(t, cols, ncols, f, true);
		break;
	case ACG_FORMAT_TSV:
		write_separated(t, cols, ncols, f, false);
		break;
	case ACG_FORMAT_TEXT:
		status = write_text(t, cols, ncols, f);
		break;
	case ACG_FORMAT_MD:
		write_md(t, cols, ncols, f);
		break;
	case ACG_FORMAT_JSON:
		status = write_json(t, cols, ncols, f);
		break;
	default:
		return ACG_EUSAGE;
	}
	if (status == ACG_OK && ferror(f))
		status = ACG_EIO;
	return status;
}
