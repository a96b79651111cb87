/*
 * import.h - a system made from two CSV files: organisations and links.
 *
 * The files are RFC 4180 CSV (parsed by libcsv): fields separated by commas,
 * a field that holds a comma, a quote or a line break quoted with ", a quote
 * inside written "".  UTF-8, with or without a byte order mark; line ends LF,
 * CRLF or CR; blank lines ignored; a space belongs to its field.  The first
 * record is the header: column names, matched without regard to case.
 *
 * Organisations: `id` (or, when there is no `id` column, Kumu's `Label`),
 * `name`, `type`, `region`, `valid_from`, `valid_to`, `succeeds`, `sources`.
 * Links: `from`, `to`, `type`, `for`, `weight`, `mechanism`, `label`,
 * `basis`, `sanction`, `observed`, `valid_from`, `valid_to`, `sources`, and
 * Kumu's `direction`: empty or `directed` for one link, `mutual` for a link
 * each way; `undirected` is an error, since a link's direction is the
 * point.  `id`, `type` (and `from`, `to`, `type`) are required columns.
 * Every other column is an attribute of its row.
 *
 * Cells (the same rules that export.h writes by):
 *   - an unquoted empty cell is no value (the member is left out); a quoted
 *     empty cell ("") is the empty string;
 *   - succeeds, sources and for are lists: entries separated by '|', spaces
 *     and tabs around an entry ignored;
 *   - weight is a number, observed true or false (any case);
 *   - a cell that starts with ' followed by what a spreadsheet would run as
 *     a formula (= + - @, a tab or a carriage return, after any more ') has
 *     that first ' removed: export guards such cells with it (OWASP's advice
 *     against CSV injection), and import undoes it;
 *   - an attribute column's header is [attributes.]NAME[:string|:number|
 *     :boolean]; the prefix marks NAME as an attribute even when it is a
 *     column name of the file, the suffix fixes the kind of its values.
 *     Without a suffix the column holds numbers if every value in it is a
 *     JSON number (integers when written without fraction or exponent),
 *     booleans if every value is true or false (any case), else strings.
 *
 * The document made from the rows (with the title, description, as_of,
 * sources and vocabularies of `base` when given) is then checked by the
 * loader (load.h) like any file.  Every problem is reported, in file and
 * line order, as a diagnostic with `file` the CSV file's name and `line` the
 * line where the offending record starts (column 0), its message naming the
 * column ("valid_to: ..."); problems of the whole file have line 0.  After a
 * problem with the files' structure (encoding, quoting, a header, a record
 * with the wrong number of fields) the rows are not checked further.
 */
#ifndef ACCGRAPH_IMPORT_H
#define ACCGRAPH_IMPORT_H

#include <stddef.h>

#include "accgraph/diag.h"
#include "accgraph/model.h"

/* One CSV file in memory: its name for diagnostics, its bytes. */
struct acg_csv_text {
	const char *name;
	const char *text;
	size_t len;
};

/*
 * Makes a system from the organisations and links files.  `base`, when not
 * NULL, gives the members the CSV files do not hold: title, description,
 * as_of, sources and the vocabularies (its organisations and links are not
 * used).
 *
 * On ACG_OK *out is a new model the caller owns.  Otherwise *out is NULL and
 * the status is ACG_EINVAL (with at least one error in diags) or ACG_ENOMEM.
 */
enum acg_status acg_import_csv(const struct acg_csv_text *organisations,
			       const struct acg_csv_text *links, const struct acg_model *base,
			       struct acg_model **out, struct acg_diags *diags);

/*
 * As acg_import_csv(), reading the files at the two paths ("-" for standard
 * input, for one of them).  A file that cannot be read gives ACG_EIO and a
 * diagnostic that says why.
 */
enum acg_status acg_import_csv_files(const char *organisations, const char *links,
				     const struct acg_model *base, struct acg_model **out,
				     struct acg_diags *diags);

/*
 * As acg_import_csv_files(), giving the system as normalised JSON text
 * (export.h): a malloc'd, NUL-terminated string the caller frees, or NULL on
 * failure; its length in *len when len is not NULL.
 */
enum acg_status acg_import_csv_files_json(const char *organisations, const char *links,
					  const struct acg_model *base, char **json, size_t *len,
					  struct acg_diags *diags);

#endif /* ACCGRAPH_IMPORT_H */
