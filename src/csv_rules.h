/*
 * csv_rules.h - the rules of the CSV pair (ORGANISATIONS.csv, LINKS.csv) that
 * import reads and export writes, kept in one place so that each side is the
 * inverse of the other.  Not installed.
 *
 * Cells
 *   An unquoted empty cell is an absent value; a quoted empty cell ("") is
 *   the empty string.  Lists (succeeds, sources, for) are entries separated
 *   by '|', spaces and tabs around an entry ignored.
 *
 * Formula cells (OWASP "CSV injection")
 *   A cell that a spreadsheet would run as a formula - one that starts with
 *   = + - @, a tab or a carriage return, after any number of ' - is written
 *   with one more ' in front, unless the whole cell is a plain number (-5).
 *   Reading removes that ' again: a cell that starts with ' and would need
 *   the guard without it loses its first character.  So reading what was
 *   written gives back the value exactly, and a spreadsheet shows the cell
 *   as text.
 *
 * Attribute columns
 *   Every column that is not one of the file's own (acg_csv_org_columns,
 *   acg_csv_link_columns; matched without regard to case) is an attribute.
 *   Its header is, after spaces and tabs around it are removed,
 *       [attributes.]NAME[:string|:number|:boolean]
 *   The prefix makes NAME an attribute even when it is the name of one of
 *   the file's own columns (or starts with a space); the suffix says the kind
 *   of every value in the column.  Without a suffix the kind is inferred
 *   from the column: numbers when every value is a JSON number, booleans
 *   when every value is true or false (any case), otherwise strings.  A
 *   number written without fraction or exponent is an integer.
 */
#ifndef ACCGRAPH_CSV_RULES_H
#define ACCGRAPH_CSV_RULES_H

#include <stdbool.h>
#include <stddef.h>

/* Separator of list entries in a cell. */
#define ACG_CSV_LIST_SEP '|'

/* Canonical names of the columns of each file, NULL-terminated, in the order export writes them. */
extern const char *const acg_csv_org_columns[];
extern const char *const acg_csv_link_columns[];

/* The index of name in columns (compared without regard to ASCII case), or -1. */
int acg_csv_column_index(const char *const *columns, const char *name);

/* Whether s would be taken for a formula by a spreadsheet (see above). */
bool acg_csv_needs_guard(const char *s);

/* The value of a cell as read: s itself, or s + 1 when s is a guarded cell. */
const char *acg_csv_unguard(const char *s);

/*
 * Whether s is a JSON number (RFC 8259 grammar, nothing around it); when it
 * is, *integer says whether it has neither fraction nor exponent.
 */
bool acg_csv_is_number(const char *s, bool *integer);

/* Whether s is true or false in any case; the value in *value. */
bool acg_csv_is_boolean(const char *s, bool *value);

/* Kinds of an attribute column. */
enum acg_csv_kind {
	ACG_CSV_KIND_INFER = 0, /* no suffix */
	ACG_CSV_KIND_STRING,
	ACG_CSV_KIND_NUMBER,
	ACG_CSV_KIND_BOOLEAN
};

/* The suffix of a kind (":string"), or "" for ACG_CSV_KIND_INFER. */
const char *acg_csv_kind_suffix(enum acg_csv_kind kind);

/*
 * Splits an attribute column header (already trimmed) into the attribute
 * name, a malloc'd copy the caller frees, and its kind.  *explicit_attr
 * says whether it had the "attributes." prefix.  Returns the name, or NULL
 * when out of memory.
 */
char *acg_csv_parse_attr_header(const char *header, enum acg_csv_kind *kind,
				bool *explicit_attr);

/*
 * The header that names attribute `name`, whose values are of `kind`
 * (STRING, NUMBER or BOOLEAN), so that the file's own columns and
 * acg_csv_parse_attr_header() read it back as that attribute of that kind.
 * `columns` are the file's own columns.  The kind is written as a suffix when
 * `need_suffix` (inference from the values would get it wrong) or when the
 * name would otherwise lose a suffix of its own or its trailing blanks.
 * malloc'd; NULL when out of memory.
 */
char *acg_csv_attr_header(const char *const *columns, const char *name, enum acg_csv_kind kind,
			  bool need_suffix);

#endif /* ACCGRAPH_CSV_RULES_H */
