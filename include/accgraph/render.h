/*
 * render.h - diagrams of a system, laid out and drawn by Graphviz in process
 * (libcgraph + libgvc; the `dot` program is never run).
 *
 * What a diagram shows:
 *   organisations  one node each, labelled with the name (wrapped at spaces);
 *                  shape and fill colour by organisation type: the file's
 *                  `shape` and `color` where it declares them, otherwise the
 *                  built-in default of a well-known type (a colour-blind-safe
 *                  palette, Okabe-Ito), otherwise a light colour and shape
 *                  given to each other type in table order;
 *   tiers          with the dot layout, the organisations of one tier share a
 *                  rank, tier 1 (the apex) on top; links point up;
 *   links          one arrow each, from the organisation that gives account
 *                  to the one that holds it to account; line style, colour
 *                  and arrowhead by link type (the file's `style` and `color`
 *                  win); pen width by weight when weights differ;
 *   clusters       boxes around the organisations that share a value of a
 *                  key (cluster_by), nested one level when two keys are given;
 *   legend         a box below the drawing with the organisation types and
 *                  link types actually drawn, and what node size, pen width
 *                  and highlighting mean when they are used;
 *   caption        the graph's label, under the drawing: the title, the
 *                  as-of date, what is drawn, the selection, and the six
 *                  sources most cited by the organisations and links drawn
 *                  (every source counts when none is cited), each citation
 *                  shortened, then how many more the file lists.
 *
 * Labels are text, never markup.  Every name, label and citation is passed
 * to Graphviz as an escString with each backslash doubled (so \N, \G, \L and
 * friends are never expanded), `&` written as &amp; (Graphviz decodes HTML
 * entities in plain labels), a line feed turned into a line break, a tab
 * into a space and every other control character dropped.  No HTML-like
 * label is ever made from the file's text, and organisations whose id is not
 * a plain word ([A-Za-z0-9_.]) get a generated node name, so no name can
 * inject attributes, ports, markup or script into any output format.
 *
 * Formats: svg, png and pdf are laid out and drawn; dot is the graph accgraph
 * builds, written before layout (cgraph's agwrite): it names its layout in
 * the `layout` attribute, so `dot -Tsvg FILE.dot` (or any Graphviz tool)
 * draws the same diagram, and it does not depend on the installed fonts.
 * (Layouts other than dot cannot keep the legend together: accgraph lays
 * the legend out on its own and places it under their drawing in a second
 * pass, "nop2"; in the dot format the legend is left where such a layout
 * puts it.)
 *
 * Determinism: the same model and options give the same bytes on one
 * machine (layout uses the installed fonts' metrics: Helvetica, which
 * fontconfig maps to Liberation Sans on Debian), with one exception that
 * Graphviz 2.42 imposes: the fdp layout with clusters varies from run to
 * run even with a fixed seed (a warning says so).  SVG output carries
 * Graphviz's version in a comment; PDF output's creation date is fixed.
 *
 * Graphviz keeps process-wide state and is not thread-safe: a program makes
 * one renderer, uses it from one thread, and frees it at the end.
 */
#ifndef ACCGRAPH_RENDER_H
#define ACCGRAPH_RENDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "accgraph/diag.h"
#include "accgraph/model.h"

/* Output formats. */
enum acg_render_format {
	ACG_RENDER_SVG,
	ACG_RENDER_PNG,
	ACG_RENDER_PDF,
	ACG_RENDER_DOT, /* the graph before layout */
	ACG_RENDER_FORMAT_COUNT
};

/* The name of a format ("svg"), or NULL when out of range. */
const char *acg_render_format_name(enum acg_render_format format);

/* The format called name ("svg", "png", "pdf", "dot"; "gv" is dot), or ACG_RENDER_FORMAT_COUNT. */
enum acg_render_format acg_render_format_from_name(const char *name);

/* Layout engines (Graphviz's names). */
enum acg_layout {
	ACG_LAYOUT_AUTO, /* dot, or sfdp above ACG_RENDER_DOT_LIMIT nodes */
	ACG_LAYOUT_DOT,
	ACG_LAYOUT_NEATO,
	ACG_LAYOUT_FDP,
	ACG_LAYOUT_SFDP,
	ACG_LAYOUT_CIRCO,
	ACG_LAYOUT_TWOPI,
	ACG_LAYOUT_COUNT
};

/* The name of a layout ("dot"; "auto" for ACG_LAYOUT_AUTO), or NULL when out of range. */
const char *acg_layout_name(enum acg_layout layout);

/* The layout called name, or ACG_LAYOUT_COUNT. */
enum acg_layout acg_layout_from_name(const char *name);

/*
 * The most nodes (organisations and collapsed groups) the automatic layout
 * draws with dot; above it the automatic layout is sfdp.  Measured with
 * accgraph render on the synthetic NHS-shaped systems of
 * tests/bench/generate.awk on a 2-core AMD EPYC virtual machine: dot took
 * 5.1 s for 1,199 organisations (2,638 links), 6.6 s for 1,134 (2,653),
 * 12 s for 1,229 (2,968) and 18 s for 1,545 (3,790), growing faster than
 * the size; sfdp takes 1.3 s for 1,967 organisations and 7.6 s for 8,930.
 */
#define ACG_RENDER_DOT_LIMIT 1200

/* A png is at most this many pixels wide and high; larger drawings are scaled down. */
#define ACG_RENDER_MAX_PIXELS 10000

/* The most levels of nested clusters. */
#define ACG_RENDER_MAX_CLUSTER_LEVELS 2

/* Names longer than this many characters are wrapped at spaces by default. */
#define ACG_RENDER_DEFAULT_WRAP 18

/*
 * What a progress callback is told: START once the drawing is made, for
 * every format (the layout chosen: a program may tell its user that the
 * automatic layout switched to sfdp); the others around Graphviz's work,
 * which reports no progress of its own.
 */
enum acg_render_phase {
	ACG_RENDER_START,        /* the drawing is built (every format): what will be drawn, how */
	ACG_RENDER_LAYOUT_BEGIN, /* Graphviz starts laying out */
	ACG_RENDER_LAYOUT_END,
	ACG_RENDER_DRAW_BEGIN,   /* Graphviz starts drawing */
	ACG_RENDER_DRAW_END
};

/*
 * Change marks, for drawing two systems on one layout (accgraph render
 * --diff; see acg_diff_union() in diff.h).  Colours from the Okabe-Ito
 * palette: added bluish green, removed vermilion (and dashed), changed
 * blue; what is unchanged is drawn pale; succession arrows are dark grey
 * and left out of the ranking of tiers.
 */
enum acg_render_mark {
	ACG_MARK_SAME = 0,
	ACG_MARK_ADDED,
	ACG_MARK_REMOVED,
	ACG_MARK_CHANGED,
	ACG_MARK_SUCCESSION, /* links only: an arrow from a successor to what it succeeds */
	ACG_MARK_COUNT
};

struct acg_render_progress {
	enum acg_render_phase phase;
	enum acg_layout layout; /* the layout used (never ACG_LAYOUT_AUTO) */
	bool switched;          /* ACG_LAYOUT_AUTO chose sfdp for a large system */
	size_t nodes;           /* nodes drawn (organisations and collapsed groups) */
	size_t edges;           /* arrows drawn */
	const char *auto_collapsed; /* the types auto_collapse merged ("a, b"), or NULL */
};

typedef void (*acg_render_progress_fn)(const struct acg_render_progress *progress, void *arg);

/*
 * What to draw and how.  Initialise with acg_render_options_init(); every
 * pointer is borrowed for the duration of the call.
 */
struct acg_render_options {
	enum acg_layout layout;        /* default ACG_LAYOUT_AUTO */
	enum acg_render_format format; /* default ACG_RENDER_SVG */

	/*
	 * Cluster keys, outermost first (at most ACG_RENDER_MAX_CLUSTER_LEVELS):
	 * "region", "type" (the organisation type) or the name of an attribute
	 * (its value as text).  An organisation without a value for a key is
	 * drawn outside the clusters of that level.  Clusters are drawn by the
	 * dot and fdp layouts only.
	 */
	const char *const *cluster_by;
	size_t ncluster_by;

	/*
	 * Node sizes: one value per organisation of the model (NaN: none), or
	 * NULL.  A node's area grows with its value over the largest value;
	 * collapsed groups are not scaled.  size_label says what the values are
	 * ("betweenness") for the legend.
	 */
	const double *sizes;
	const char *size_label;

	const char *highlight; /* id: emphasise it and its upward chains; NULL: none */

	/*
	 * Change marks: one per organisation and one per link of the model, or
	 * NULL (both or neither).  With marks, colour shows the change: a node
	 * keeps its type's shape and is filled and outlined in its mark's
	 * colour, an arrow keeps its type's line style and arrowhead and takes
	 * its mark's colour, and what was removed is dashed; collapsed groups
	 * and merged arrows are made per mark; the key shows the marks and the
	 * caption counts them.  Cannot be combined with highlight.
	 */
	const enum acg_render_mark *org_marks;
	const enum acg_render_mark *link_marks;

	/* id: draw only the organisations within `depth` links of it (either direction). */
	const char *ego;
	unsigned depth; /* default 1 */

	/*
	 * Organisation types drawn as one node each, labelled with the type's
	 * label and the count; links to and from their organisations are merged
	 * per (from, to, link type) and labelled with the count when above 1.
	 */
	const char *const *collapse;
	size_t ncollapse;

	/*
	 * With the dot layout (or the automatic one), a tier of more than 60
	 * nodes side by side cannot be read: its types with at least 10
	 * organisations there are collapsed too, the largest first, until it is
	 * no wider (the progress callback names them).  Default true.  Tiers of
	 * more than 6 nodes are laid out in rows of at most 6.
	 */
	bool auto_collapse;

	bool legend;          /* legend and caption; default true */
	unsigned wrap;        /* wrap names at spaces to this many characters; 0: never */
	double dpi;           /* png resolution; 0: 96 */
	const char *selection; /* how the system was selected, for the caption; NULL: all */

	acg_render_progress_fn progress; /* called around layout and drawing; may be NULL */
	void *progress_arg;
};

/* Sets o to the defaults (every member zero or NULL but those noted above). */
void acg_render_options_init(struct acg_render_options *o);

struct acg_renderer;

/*
 * Makes the renderer: Graphviz's context with its plugins, and a handler
 * that keeps Graphviz's messages for diagnostics instead of printing them.
 * Only one renderer may exist at a time: a second is ACG_EUSAGE.  Returns
 * ACG_OK with *out set, ACG_ENOMEM, or ACG_ELIB with a diagnostic.
 */
enum acg_status acg_renderer_new(struct acg_renderer **out, struct acg_diags *diags);

/* Frees Graphviz's context and restores its message handler.  NULL-safe. */
void acg_renderer_free(struct acg_renderer *renderer);

/*
 * Draws model in opt->format with the given options and writes the result
 * to f.  Returns:
 *   ACG_OK;
 *   ACG_EUSAGE with a diagnostic when an option names no organisation, type,
 *     or cluster key of the model, or two options conflict (marks and
 *     highlight; only one of the two mark arrays);
 *   ACG_ELIB with a diagnostic when Graphviz fails (a layout or format whose
 *     plugin is missing says so);
 *   ACG_EIO when f reports an error; ACG_ENOMEM.
 * Graphviz's warnings are added to diags as warnings.  Nothing is written to
 * f unless the whole diagram was made.
 */
enum acg_status acg_render_write(struct acg_renderer *renderer, const struct acg_model *model,
				 const struct acg_render_options *opt, FILE *f,
				 struct acg_diags *diags);

/*
 * As acg_render_write(), into a new buffer: on ACG_OK *data (malloc'd, the
 * caller frees it) holds *len bytes, followed by a NUL that *len does not
 * count; otherwise *data is NULL and *len 0.
 */
enum acg_status acg_render_buffer(struct acg_renderer *renderer, const struct acg_model *model,
				  const struct acg_render_options *opt, char **data, size_t *len,
				  struct acg_diags *diags);

#endif /* ACCGRAPH_RENDER_H */
