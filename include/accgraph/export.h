/*
 * export.h - a system written in other formats.
 *
 *   json      the format itself (graphs/README.md), normalised:
 *             - members in the order of the format's example: the document's
 *               accgraph, title, description, as_of, sources,
 *               organisation_types, link_types, organisations, links; a
 *               source's id, citation, url; a type's label, tier, shape,
 *               style, color; an organisation's id, name, type, region,
 *               valid_from, valid_to, succeeds, sources, attributes; a link's
 *               from, to, type, for, mechanism, label, basis, sanction,
 *               observed, weight, attributes, valid_from, valid_to, sources;
 *               attributes in the byte order of their names (a CSV column
 *               order cannot keep each element's own order); list entries,
 *               sources, types, organisations and links in the order the
 *               model holds them (the file's);
 *             - members that hold nothing, or the default, left out: null
 *               dates, empty lists and objects, a name equal to the id,
 *               weight 1, observed false; the vocabularies only when the
 *               file declares them; members the format does not define are
 *               gone (the loader warned about them);
 *             - two-space indent, UTF-8 as is, a final newline;
 *             - numbers with the fewest significant digits (at most 17) at
 *               which every number of the document reads back as the same
 *               double, so numbers round-trip exactly.
 *             Writing what was read from this output gives the same bytes.
 *   csv       two files, the inverse of acg_import_csv() (import.h): reading
 *             them back with the same document members (title, sources,
 *             vocabulary - the CSV pair does not hold them) gives the same
 *             system.  Organisations: id, name, type, region, valid_from,
 *             valid_to, succeeds, sources, then one column per attribute
 *             name; links: from, to, type, for, weight, mechanism, label,
 *             basis, sanction, observed, valid_from, valid_to, sources, then
 *             the attributes.  RFC 4180 (CRLF line ends, fields quoted when
 *             they must be), UTF-8 without a byte order mark; the cell rules
 *             (lists, empty cells, formula guards, attribute headers) are
 *             those of import.h.
 *   graphml   through igraph's GraphML writer: one <node> per organisation
 *             and one <edge> per link, in file order, every member a typed
 *             <key>: strings (dates as YYYY-MM-DD, lists joined with '|',
 *             absent as the empty string), `weight` and numeric attributes
 *             as double (absent: no <data>), `observed` and attributes that
 *             are true or false on every element as boolean; an attribute
 *             whose values are of several kinds, or a boolean one absent
 *             somewhere, as string.  Nodes also get `label`, the name (the
 *             node label Gephi shows); the title, description and as_of are
 *             graph keys.  An attribute whose name is taken by a member is
 *             written "attributes.NAME".  Keys are prefixed v_, e_, g_ in
 *             their ids so that node and edge keys never clash.  igraph
 *             writes numbers with 15 significant digits.
 *   gml       through igraph's GML writer: the same, except that GML's node
 *             `id` is igraph's number (the organisation's index), the
 *             organisation's id is its `label` (unique, so NetworkX's
 *             read_gml keys nodes by it), keys keep only letters and digits
 *             (valid_from becomes validfrom; clashes get a number), booleans
 *             are 1 or 0, strings hold &amp;, &#10;, &#13; and &#9; for &,
 *             line ends and tabs (so that every string is on one line), a
 *             number column that igraph would write with an exponent but no
 *             decimal point (1e-07, not a GML real) is written as text, and
 *             the graph says `multigraph 1` (parallel links of different
 *             types are allowed).
 *   edgelist  igraph's edge list: one line "FROM TO" per link, FROM and TO
 *             the 0-based indices of the organisations in file order; igraph
 *             writes the lines ordered by FROM, then TO.
 *
 * A model string with a control character that XML 1.0 forbids cannot be
 * written to GraphML (an error naming it).  The functions write to a stream
 * the caller opened; nothing is printed.
 */
#ifndef ACCGRAPH_EXPORT_H
#define ACCGRAPH_EXPORT_H

#include <stdio.h>

#include "accgraph/diag.h"
#include "accgraph/model.h"

enum acg_export_format {
	ACG_EXPORT_JSON,
	ACG_EXPORT_CSV,
	ACG_EXPORT_GRAPHML,
	ACG_EXPORT_GML,
	ACG_EXPORT_EDGELIST,
	ACG_EXPORT_COUNT
};

/* The format called name ("graphml"), or ACG_EXPORT_COUNT. */
enum acg_export_format acg_export_format_from_name(const char *name);

/* The name of a format ("graphml"), which is also its file extension; NULL when out of range. */
const char *acg_export_format_name(enum acg_export_format format);

/*
 * The format named by the extension of path ("out/x.graphml"), or
 * ACG_EXPORT_COUNT when it has none of the formats' extensions.
 */
enum acg_export_format acg_export_format_from_path(const char *path);

/*
 * The names of the two files of the CSV pair for path: path less a final
 * ".csv" (if any), then ".organisations.csv" and ".links.csv"
 * ("out/x.csv" -> "out/x.organisations.csv", "out/x.links.csv").  On ACG_OK
 * both are malloc'd and the caller frees them; on ACG_ENOMEM both are NULL.
 */
enum acg_status acg_export_csv_paths(const char *path, char **organisations, char **links);

/*
 * Writes the model as normalised JSON to f.  ACG_OK, ACG_ENOMEM, or ACG_EIO
 * when f reports an error (no diagnostic: the caller knows the stream).
 */
enum acg_status acg_export_json(const struct acg_model *model, FILE *f);

/*
 * The normalised JSON of the model as a malloc'd, NUL-terminated string the
 * caller frees; its length in *len when len is not NULL.  ACG_OK or
 * ACG_ENOMEM (then *text is NULL).
 */
enum acg_status acg_export_json_text(const struct acg_model *model, char **text, size_t *len);

/*
 * Writes the organisations and the links as the CSV pair to two streams.
 * ACG_EINVAL, with a diagnostic at the JSON Pointer of each value, when the
 * pair cannot hold the model exactly: a list entry that contains '|' or
 * starts or ends with a space or tab.  An attribute whose values are of
 * several kinds is written as text, with a warning.  ACG_EIO when a stream
 * reports an error; ACG_ENOMEM.
 */
enum acg_status acg_export_csv(const struct acg_model *model, FILE *organisations, FILE *links,
			       struct acg_diags *diags);

/*
 * Writes GraphML, GML or the edge list (format ACG_EXPORT_GRAPHML, _GML or
 * _EDGELIST) to f.  ACG_EINVAL with diagnostics when a string cannot be
 * written (GraphML), ACG_ELIB when igraph fails (with its reason), ACG_EIO,
 * ACG_ENOMEM; ACG_EUSAGE for another format.
 *
 * igraph's attribute table is process-wide: these functions install
 * igraph's C attribute handler for the time of the call and put back the one
 * that was there, so they must not run while another thread uses igraph.
 */
enum acg_status acg_export_graph(const struct acg_model *model, enum acg_export_format format,
				 FILE *f, struct acg_diags *diags);

#endif /* ACCGRAPH_EXPORT_H */
