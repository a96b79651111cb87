/*
 * table.h - tables of results and the formats they are written in.
 *
 * A table has named columns and rows of cells; a cell is text, a number or
 * empty.  Writers:
 *   csv   RFC 4180: comma-separated, CRLF line ends, a field quoted (with
 *         doubled quotes) when it holds a comma, a quote, CR or LF
 *   tsv   tab-separated, LF line ends; a tab, CR, LF or backslash in a field
 *         is written \t, \r, \n or \\
 *         In both, a field a spreadsheet would run as a formula (OWASP "CSV
 *         injection": starting with = + - @, tab or CR after any ', and not a
 *         plain number) is written with a ' in front, as convert does.
 *   json  an array of objects, one per row, members in column order; numbers
 *         as numbers, empty cells as null
 *   text  columns aligned for reading, numbers to the right; control
 *         characters shown as escapes
 *   md    a Markdown (GitHub) table; | < > & in text escaped
 * Numbers are written with up to 6 significant digits (%.6g); numbers marked
 * integer are written whole.
 */
#ifndef ACCGRAPH_TABLE_H
#define ACCGRAPH_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "accgraph/diag.h"

enum acg_format {
	ACG_FORMAT_TEXT,
	ACG_FORMAT_CSV,
	ACG_FORMAT_TSV,
	ACG_FORMAT_JSON,
	ACG_FORMAT_MD,
	ACG_FORMAT_HTML,
	ACG_FORMAT_COUNT
};

/* The format called name ("csv"), or ACG_FORMAT_COUNT. */
enum acg_format acg_format_from_name(const char *name);

/* The name of a format, or NULL when out of range. */
const char *acg_format_name(enum acg_format format);

struct acg_table;

/*
 * A new table with ncols columns named names[0..ncols) (copied) and no rows;
 * NULL when out of memory.
 */
struct acg_table *acg_table_new(size_t ncols, const char *const *names);

/* Frees the table.  NULL-safe. */
void acg_table_free(struct acg_table *table);

/* Appends an empty row; returns its index, or (size_t)-1 when out of memory. */
size_t acg_table_add_row(struct acg_table *table);

/* Sets a cell to a copy of text (NULL: empty).  ACG_OK or ACG_ENOMEM. */
enum acg_status acg_table_set_text(struct acg_table *table, size_t row, size_t col,
				   const char *text);

/* Sets a cell to a number; NaN or an infinity makes it empty. */
void acg_table_set_number(struct acg_table *table, size_t row, size_t col, double value,
			  bool integer);

size_t acg_table_rows(const struct acg_table *table);
size_t acg_table_cols(const struct acg_table *table);

/* The name of column col, or NULL when out of range. */
const char *acg_table_col_name(const struct acg_table *table, size_t col);

/* The text of a cell, or NULL when it is a number or empty. */
const char *acg_table_text(const struct acg_table *table, size_t row, size_t col);

/* The number of a cell, or NaN when it is text or empty. */
double acg_table_number(const struct acg_table *table, size_t row, size_t col);

/* The first row whose cell in column col is the text `text`, or (size_t)-1. */
size_t acg_table_find_row(const struct acg_table *table, size_t col, const char *text);

/* The column named name, or (size_t)-1. */
size_t acg_table_find_col(const struct acg_table *table, const char *name);

/*
 * Sorts the rows by column col: numbers in descending order (the largest
 * first, as a ranking reads), text in ascending byte order; empty cells last;
 * ties keep their order (a stable sort).  ACG_OK, or ACG_ENOMEM with the
 * rows left as they were (never quietly unsorted).
 */
enum acg_status acg_table_sort(struct acg_table *table, size_t col);

/* Keeps the first n rows. */
void acg_table_truncate(struct acg_table *table, size_t n);

/*
 * Writes the columns cols[0..ncols) (all columns, in order, when cols is
 * NULL) of the table to f in the given format (not HTML).  Returns ACG_OK,
 * ACG_EUSAGE for HTML, ACG_ENOMEM, or ACG_EIO when f reports an error.
 */
enum acg_status acg_table_write(const struct acg_table *table, const size_t *cols,
				size_t ncols, enum acg_format format, FILE *f);

#endif /* ACCGRAPH_TABLE_H */
