/*
 * render.c - diagrams through Graphviz's libraries; see accgraph/render.h.
 *
 * The steps of one call:
 *   1. the part of the model to draw: the ego neighbourhood (igraph), the
 *      organisations on the highlighted upward chains (igraph);
 *   2. the drawing: nodes (organisations, or one group per collapsed type)
 *      and arrows (links, merged per (from, to, type) where a group is an
 *      end), in file order;
 *   3. the cgraph graph: attribute defaults declared once with agattr(),
 *      values set through set_attr(); tier ranks, clusters, the legend, the
 *      caption;
 *   4. layout and drawing with gvLayout() and gvRenderData(), or agwrite()
 *      for the dot format; gvFreeLayout() before agclose().
 *
 * Graphviz 2.42 declares `char *` where it only reads; every cast of a
 * `const char *` for it is in gv_str(), used only by the wrappers below.
 * Graphviz's messages go to keep_message() (agseterrf), never to stderr,
 * and come back as diagnostics.
 */
#include "accgraph/render.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <gvc.h>

#include "accgraph/select.h"
#include "graph_impl.h"
#include "util.h"

/* ---- names ------------------------------------------------------------- */

static const char *const format_names[ACG_RENDER_FORMAT_COUNT] = {"svg", "png", "pdf", "dot"};

/* The Graphviz output format of each of ours (dot is written by agwrite). */
static const char *const gv_formats[ACG_RENDER_FORMAT_COUNT] = {"svg", "png", "pdf", NULL};

static const char *const layout_names[ACG_LAYOUT_COUNT] = {"auto", "dot",   "neato", "fdp",
							   "sfdp", "circo", "twopi"};

const char *acg_render_format_name(enum acg_render_format format)
{
	return (unsigned)format < ACG_RENDER_FORMAT_COUNT ? format_names[format] : NULL;
}

enum acg_render_format acg_render_format_from_name(const char *name)
{
	int i;

	if (!strcmp(name, "gv"))
		return ACG_RENDER_DOT;
	for (i = 0; i < ACG_RENDER_FORMAT_COUNT; i++)
		if (!strcmp(name, format_names[i]))
			return (enum acg_render_format)i;
	return ACG_RENDER_FORMAT_COUNT;
}

const char *acg_layout_name(enum acg_layout layout)
{
	return (unsigned)layout < ACG_LAYOUT_COUNT ? layout_names[layout] : NULL;
}

enum acg_layout acg_layout_from_name(const char *name)
{
	int i;

	for (i = 0; i < ACG_LAYOUT_COUNT; i++)
		if (!strcmp(name, layout_names[i]))
			return (enum acg_layout)i;
	return ACG_LAYOUT_COUNT;
}

void acg_render_options_init(struct acg_render_options *o)
{
	memset(o, 0, sizeof(*o));
	o->layout = ACG_LAYOUT_AUTO;
	o->format = ACG_RENDER_SVG;
	o->depth = 1;
	o->legend = true;
	o->wrap = ACG_RENDER_DEFAULT_WRAP;
	o->auto_collapse = true;
}

/* ---- a growable string --------------------------------------------------- */

/* A string that grows; a failed allocation is sticky (`failed`). */
struct sbuf {
	char *s;
	size_t n, cap;
	bool failed;
};

static void sb_putn(struct sbuf *b, const char *s, size_t n)
{
	if (b->failed)
		return;
	if (acg_grow((void **)&b->s, &b->cap, b->n + n + 1, 1)) {
		b->failed = true;
		return;
	}
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = '\0';
}

static void sb_puts(struct sbuf *b, const char *s)
{
	sb_putn(b, s, strlen(s));
}

static void sb_printf(struct sbuf *b, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

static void sb_printf(struct sbuf *b, const char *fmt, ...)
{
	char small[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->failed = true;
	} else if ((size_t)n < sizeof(small)) {
		sb_putn(b, small, (size_t)n);
	} else {
		char *big = malloc((size_t)n + 1);

		if (!big) {
			b->failed = true;
			return;
		}
		va_start(ap, fmt);
		vsnprintf(big, (size_t)n + 1, fmt, ap);
		va_end(ap);
		sb_putn(b, big, (size_t)n);
		free(big);
	}
}

/* Empties b, keeping its memory (and its failure). */
static void sb_reset(struct sbuf *b)
{
	b->n = 0;
	if (b->s)
		b->s[0] = '\0';
}

/* The text; "" when empty. */
static const char *sb_str(const struct sbuf *b)
{
	return b->s ? b->s : "";
}

static void sb_release(struct sbuf *b)
{
	free(b->s);
	memset(b, 0, sizeof(*b));
}

/* ---- labels: text, never markup ------------------------------------------ */

/* Length in bytes of the UTF-8 sequence that starts with byte c (1 for a stray byte). */
static size_t utf8_len(unsigned char c)
{
	if (c >= 0xf0 && c < 0xf8)
		return 4;
	if (c >= 0xe0)
		return c < 0xf0 ? 3 : 1;
	if (c >= 0xc0)
		return 2;
	return 1;
}

/*
 * Appends s[0..n) to a line with what escString and Graphviz's entity
 * decoding would otherwise interpret made literal: every backslash doubled
 * (no \N, \G, \L, \n ... can form), every & written &amp; (Graphviz turns
 * entities of plain labels into characters).
 */
static void put_literal(struct sbuf *b, const char *s, size_t n)
{
	size_t i, start = 0;

	for (i = 0; i < n; i++) {
		if (s[i] != '\\' && s[i] != '&')
			continue;
		sb_putn(b, s + start, i - start);
		sb_puts(b, s[i] == '\\' ? "\\\\" : "&amp;");
		start = i + 1;
	}
	sb_putn(b, s + start, n - start);
}

/*
 * Copies text into out as lines separated by '\n': a line feed, CR LF, CR,
 * U+2028 and U+2029 end a line; a tab is a space; every other control
 * character (C0, DEL, C1) is dropped.
 */
static void clean_text(struct sbuf *out, const char *text)
{
	const unsigned char *p = (const unsigned char *)text;

	while (*p) {
		size_t k = utf8_len(*p);

		if (*p == '\r') {
			sb_putn(out, "\n", 1);
			p += p[1] == '\n' ? 2 : 1;
			continue;
		}
		if (*p == '\n') {
			sb_putn(out, "\n", 1);
		} else if (*p == '\t') {
			sb_putn(out, " ", 1);
		} else if (*p < 0x20 || *p == 0x7f) {
			/* dropped */
		} else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
			p += 2; /* a C1 control (U+0080..U+009F): dropped */
			continue;
		} else if (*p == 0xe2 && p[1] == 0x80 && (p[2] == 0xa8 || p[2] == 0xa9)) {
			sb_putn(out, "\n", 1); /* U+2028, U+2029: a line break */
			p += 3;
			continue;
		} else {
			size_t i;

			for (i = 1; i < k && p[i]; i++)
				;
			sb_putn(out, (const char *)p, i);
			p += i;
			continue;
		}
		p++;
	}
}

/* Number of characters (code points) in s[0..n). */
static size_t utf8_count(const char *s, size_t n)
{
	size_t i, c = 0;

	for (i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xc0) != 0x80;
	return c;
}

/*
 * The most lines of a label: Graphviz 2.42 counts a label's lines in a short
 * and crashes on the 32769th (make_simple_label: "out of memory", then
 * SIGSEGV).  Past this many, the rest of the text stays on the last line,
 * its line breaks made spaces: nothing is lost.
 */
#define MAX_LABEL_LINES 1000

/*
 * Appends text to b as the value of an escString label: made literal
 * (put_literal), lines broken where the text breaks them and, when wrap > 0,
 * at spaces so that no line is longer than wrap characters (a longer word
 * stays whole); at most MAX_LABEL_LINES lines.  Each line but the last
 * ends with the escape \<eol> ('n' centred, 'l' left-justified); with eol
 * 'l' the last line does too.
 */
static void sb_label(struct sbuf *b, const char *text, unsigned wrap, char eol)
{
	struct sbuf clean = {0};
	const char *p, *line, *end;
	char brk[3] = {'\\', eol, '\0'};
	bool first_line = true;
	size_t lines = 1;

	clean_text(&clean, text ? text : "");
	if (clean.failed) {
		b->failed = true;
		return;
	}
	for (line = sb_str(&clean);; line = end + 1) {
		size_t used = 0;

		end = strchr(line, '\n');
		if (!end)
			end = line + strlen(line);
		if (!first_line) {
			if (lines < MAX_LABEL_LINES) {
				sb_puts(b, brk);
				lines++;
			} else {
				sb_putn(b, " ", 1);
			}
		}
		first_line = false;
		if (!wrap) {
			put_literal(b, line, (size_t)(end - line));
		} else {
			for (p = line; p < end;) {
				const char *w = p;
				size_t wl;

				while (p < end && *p != ' ')
					p++;
				wl = utf8_count(w, (size_t)(p - w));
				if (wl) {
					if (used && used + 1 + wl > wrap && lines < MAX_LABEL_LINES) {
						sb_puts(b, brk);
						lines++;
						used = 0;
					} else if (used) {
						sb_putn(b, " ", 1);
						used++;
					}
					put_literal(b, w, (size_t)(p - w));
					used += wl;
				}
				while (p < end && *p == ' ')
					p++;
			}
		}
		if (!*end)
			break;
	}
	if (eol == 'l')
		sb_puts(b, brk);
	sb_release(&clean);
}

/* ---- Graphviz: the casts, the messages ------------------------------------ */

/*
 * Graphviz 2.42 takes `char *` for strings it only reads (names, attribute
 * names and values, which it copies).  This is the one place that casts.
 */
static char *gv_str(const char *s)
{
	return (char *)(uintptr_t)s;
}

/* Sets an attribute declared with declare(); Graphviz copies the value. */
static int set_attr(void *obj, Agsym_t *sym, const char *value)
{
	return agxset(obj, sym, gv_str(value));
}

/* Declares an attribute of kind (AGRAPH, AGNODE, AGEDGE) with its default. */
static Agsym_t *declare(Agraph_t *g, int kind, const char *name, const char *dflt)
{
	return agattr(g, kind, gv_str(name), gv_str(dflt));
}

static Agnode_t *new_node(Agraph_t *g, const char *name)
{
	return agnode(g, gv_str(name), 1);
}

static Agnode_t *find_node(Agraph_t *g, const char *name)
{
	return agnode(g, gv_str(name), 0);
}

static Agraph_t *new_subgraph(Agraph_t *g, const char *name)
{
	return agsubg(g, gv_str(name), 1);
}

/*
 * Object ids.  cgraph's own id discipline makes a name's id the address of
 * its interned string, and keeps subgraphs in id order: agwrite() and the
 * layouts would meet subgraphs (ranks, clusters) in an order that changes
 * with the heap from run to run.  This discipline numbers names in the order
 * they are first seen instead (even ids; anonymous objects get odd ones, as
 * in cgraph), so the same drawing gives the same bytes.  As in cgraph, each
 * object made holds a reference to its name interned in the graph (agstrdup):
 * agwrite() asks whether a name is an HTML string, which only an interned
 * string can answer.
 */
struct idmap {
	Agraph_t *g;
	char **names;   /* names[k] has id 2 * (k + 1); owned copies, for the table */
	char **interned; /* the same names interned in g, for agnameof() */
	size_t n, cap, icap;
	size_t *slots;  /* open addressing: k + 1, or 0 for empty */
	size_t nslots;  /* a power of two, at least twice n */
	IDTYPE anon;    /* the last odd id given out */
};

static size_t name_hash(const char *s)
{
	size_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* The slot of name: where it is, or the empty slot where it would go. */
static size_t *idmap_slot(const struct idmap *m, const char *name)
{
	size_t i = name_hash(name) & (m->nslots - 1);

	while (m->slots[i] && strcmp(m->names[m->slots[i] - 1], name))
		i = (i + 1) & (m->nslots - 1);
	return &m->slots[i];
}

/* Doubles the table; 0 or -1 when out of memory. */
static int idmap_grow(struct idmap *m)
{
	size_t n = m->nslots ? 2 * m->nslots : 64, k;
	size_t *old = m->slots, nold = m->nslots;

	if (!(m->slots = calloc(n, sizeof(*m->slots)))) {
		m->slots = old;
		return -1;
	}
	m->nslots = n;
	for (k = 0; k < nold; k++)
		if (old[k])
			*idmap_slot(m, m->names[old[k] - 1]) = old[k];
	free(old);
	return 0;
}

static void *id_open(Agraph_t *g, Agdisc_t *disc)
{
	struct idmap *m = calloc(1, sizeof(struct idmap));

	(void)disc;
	if (m)
		m->g = g;
	return m;
}

static long id_map(void *state, int objtype, char *str, IDTYPE *id, int createflag)
{
	struct idmap *m = state;
	size_t *slot;

	(void)objtype;
	if (!m)
		return 0;
	if (!str) {
		m->anon += 2;
		*id = m->anon | 1;
		return 1;
	}
	if (m->nslots && *(slot = idmap_slot(m, str))) {
		size_t k = *slot - 1;

		if (createflag && !(m->interned[k] = agstrdup(m->g, str)))
			return 0;
		*id = 2 * (IDTYPE)(k + 1);
		return 1;
	}
	if (!createflag)
		return 0;
	if ((2 * (m->n + 1) > m->nslots && idmap_grow(m)) ||
	    acg_grow((void **)&m->names, &m->cap, m->n + 1, sizeof(*m->names)) ||
	    acg_grow((void **)&m->interned, &m->icap, m->n + 1, sizeof(*m->interned)) ||
	    !(m->names[m->n] = acg_strdup(str)))
		return 0;
	if (!(m->interned[m->n] = agstrdup(m->g, str))) {
		free(m->names[m->n]);
		return 0;
	}
	*idmap_slot(m, str) = ++m->n;
	*id = 2 * (IDTYPE)m->n;
	return 1;
}

static long id_alloc(void *state, int objtype, IDTYPE request)
{
	(void)state;
	(void)objtype;
	(void)request;
	return 0; /* no object asks for an id of its own choosing */
}

/* An object is deleted: its reference to its interned name goes. */
static void id_free(void *state, int objtype, IDTYPE id)
{
	struct idmap *m = state;

	(void)objtype;
	if (m && id % 2 == 0 && id && id / 2 <= m->n && m->interned[id / 2 - 1])
		agstrfree(m->g, m->interned[id / 2 - 1]);
}

static char *id_print(void *state, int objtype, IDTYPE id)
{
	struct idmap *m = state;

	(void)objtype;
	if (!m || id % 2 || id == 0 || id / 2 > m->n)
		return NULL;
	return m->interned[id / 2 - 1];
}

static void id_close(void *state)
{
	struct idmap *m = state;
	size_t k;

	if (!m)
		return;
	for (k = 0; k < m->n; k++)
		free(m->names[k]);
	free(m->names);
	free(m->interned);
	free(m->slots);
	free(m);
}

static void id_register(void *state, int objtype, void *obj)
{
	(void)state;
	(void)objtype;
	(void)obj;
}

static Agiddisc_t id_disc = {id_open, id_map, id_alloc, id_free, id_print, id_close, id_register};

/* Opens a directed graph with the discipline above. */
static Agraph_t *new_graph(const char *name)
{
	static Agdisc_t disc;

	disc.mem = &AgMemDisc;
	disc.id = &id_disc;
	disc.io = &AgIoDisc;
	return agopen(gv_str(name), Agdirected, &disc);
}

struct acg_renderer {
	GVC_t *gvc;
	agusererrf old_errf;
};

/* Whether a renderer exists (Graphviz's state is process-wide). */
static bool renderer_live;

/* Graphviz's messages since the last call, as Graphviz wrote them. */
static struct sbuf gv_messages;

/* Graphviz's message sink (agseterrf): keeps the text for diagnostics. */
static int keep_message(char *text)
{
	sb_puts(&gv_messages, text);
	return 0;
}

/*
 * Turns the messages Graphviz wrote ("Warning: ...\n", "Error: ...\n",
 * continuation lines) into warnings and forgets them.  A failure is reported
 * by a diagnostic of our own; Graphviz's messages are its context.
 */
static void flush_messages(struct acg_diags *diags)
{
	char *line, *next;

	if (gv_messages.failed) {
		acg_diags_add(diags, ACG_WARNING, ACG_ENOMEM, NULL, 0, 0, NULL,
			      "Graphviz's messages were lost: out of memory");
	}
	for (line = gv_messages.s; line && *line; line = next) {
		char *text = line;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		else
			next = line + strlen(line);
		if (!strncmp(text, "Warning: ", 9))
			text += 9;
		else if (!strncmp(text, "Error: ", 7))
			text += 7;
		while (*text == ' ')
			text++;
		if (*text)
			acg_diags_add(diags, ACG_WARNING, ACG_OK, NULL, 0, 0, NULL, "Graphviz: %s",
				      text);
	}
	sb_release(&gv_messages);
}

enum acg_status acg_renderer_new(struct acg_renderer **out, struct acg_diags *diags)
{
	struct acg_renderer *r;

	*out = NULL;
	if (renderer_live) {
		acg_diags_add(diags, ACG_ERROR, ACG_EUSAGE, NULL, 0, 0, NULL,
			      "only one renderer may exist at a time (Graphviz's state is "
			      "process-wide)");
		return ACG_EUSAGE;
	}
	r = calloc(1, sizeof(*r));
	if (!r)
		return ACG_ENOMEM;
	r->old_errf = agseterrf(keep_message);
	r->gvc = gvContext();
	if (!r->gvc) {
		agseterrf(r->old_errf);
		flush_messages(diags);
		free(r);
		acg_diags_add(diags, ACG_ERROR, ACG_ELIB, NULL, 0, 0, NULL,
			      "Graphviz could not start (gvContext failed)");
		return ACG_ELIB;
	}
	flush_messages(diags); /* warnings of the plugin configuration, if any */
	renderer_live = true;
	*out = r;
	return ACG_OK;
}

void acg_renderer_free(struct acg_renderer *r)
{
	if (!r)
		return;
	gvFreeContext(r->gvc);
	agseterrf(r->old_errf);
	sb_release(&gv_messages);
	renderer_live = false;
	free(r);
}

/* ---- styles of the types ------------------------------------------------- */

struct wk_org {
	const char *name, *label;
	int tier;
	const char *shape, *fill;
};

static const struct wk_org wk_orgs[] = {
#define ORG_TYPE(name, label, tier, shape, color) {#name, label, tier, shape, color},
#include "wellknown.def"
#undef ORG_TYPE
};

struct wk_link {
	const char *name, *label, *style, *color, *arrowhead;
};

static const struct wk_link wk_links[] = {
#define LINK_TYPE(name, label, style, color, arrowhead) {#name, label, style, color, arrowhead},
#include "wellknown.def"
#undef LINK_TYPE
};

/*
 * For the other types, in table order, where the file gives no style: a
 * fill from Paul Tol's "light" scheme (also safe for colour-blind readers;
 * none is an Okabe-Ito colour) and a shape from a list, and for links greys
 * with line styles.
 */
static const char *const other_fills[] = {"#77AADD", "#EE8866", "#EEDD88", "#FFAABB",
					  "#99DDFF", "#44BB99", "#BBCC33", "#DDDDDD"};
static const char *const other_shapes[] = {"box", "ellipse", "diamond", "parallelogram",
					   "pentagon", "septagon", "triangle", "cylinder"};
static const char *const other_link_styles[] = {"solid", "dashed", "dotted", "bold"};
static const char *const other_link_colours[] = {"#444444", "#777777"};

struct org_look {
	const char *label; /* the type's label, or its name */
	const char *shape, *fill, *style;
	const char *fontcolor;
	int tier;
};

struct link_look {
	const char *label;
	const char *color, *style, *arrowhead;
};

static const struct wk_org *find_wk_org(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(wk_orgs) / sizeof(*wk_orgs); i++)
		if (!strcmp(wk_orgs[i].name, name))
			return &wk_orgs[i];
	return NULL;
}

static const struct wk_link *find_wk_link(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(wk_links) / sizeof(*wk_links); i++)
		if (!strcmp(wk_links[i].name, name))
			return &wk_links[i];
	return NULL;
}

/* Reads #RRGGBB or #RRGGBBAA; false for anything else (a name). */
static bool parse_hex(const char *c, unsigned rgb[3])
{
	unsigned i;
	size_t n = c ? strlen(c) : 0;

	if ((n != 7 && n != 9) || c[0] != '#')
		return false;
	for (i = 0; i < 3; i++) {
		char two[3] = {c[1 + 2 * i], c[2 + 2 * i], '\0'};
		char *end;

		rgb[i] = (unsigned)strtoul(two, &end, 16);
		if (*end)
			return false;
	}
	return true;
}

static double linear(unsigned v)
{
	double c = v / 255.0;

	return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

/* Black or white, whichever contrasts more with the fill (WCAG 2 luminance). */
static const char *text_colour_on(const char *fill)
{
	unsigned rgb[3];
	double l;

	if (!parse_hex(fill, rgb))
		return "#000000";
	l = 0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2]);
	return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? "#000000" : "#FFFFFF";
}

/* The colour c mixed with white (three parts white), for what is not highlighted. */
static void faded(const char *c, char out[8])
{
	unsigned rgb[3], i;

	if (!parse_hex(c, rgb)) {
		strcpy(out, "#EEEEEE");
		return;
	}
	for (i = 0; i < 3; i++)
		rgb[i] = rgb[i] + (255 - rgb[i]) * 3 / 4;
	snprintf(out, 8, "#%02X%02X%02X", rgb[0] & 0xff, rgb[1] & 0xff, rgb[2] & 0xff);
}

/* The looks of every type of the model; NULL when out of memory. */
static struct org_look *org_looks(const struct acg_model *m)
{
	struct org_look *v = calloc(m->org_types.n ? m->org_types.n : 1, sizeof(*v));
	size_t i, other = 0;

	if (!v)
		return NULL;
	for (i = 0; i < m->org_types.n; i++) {
		const struct acg_type *t = &m->org_types.v[i];
		const struct wk_org *wk = find_wk_org(t->name);
		size_t k = other % (sizeof(other_fills) / sizeof(*other_fills));

		v[i].label = t->label ? t->label : wk ? wk->label : t->name;
		v[i].tier = t->tier ? t->tier : wk ? wk->tier : 0;
		v[i].shape = t->shape ? t->shape
				      : wk ? wk->shape
					   : other_shapes[other % (sizeof(other_shapes) /
								  sizeof(*other_shapes))];
		v[i].fill = t->color ? t->color : wk ? wk->fill : other_fills[k];
		v[i].style = t->style;
		v[i].fontcolor = text_colour_on(v[i].fill);
		if (!wk && (!t->shape || !t->color))
			other++;
	}
	return v;
}

static struct link_look *link_looks(const struct acg_model *m)
{
	struct link_look *v = calloc(m->link_types.n ? m->link_types.n : 1, sizeof(*v));
	size_t i, other = 0;

	if (!v)
		return NULL;
	for (i = 0; i < m->link_types.n; i++) {
		const struct acg_type *t = &m->link_types.v[i];
		const struct wk_link *wk = find_wk_link(t->name);

		v[i].label = t->label ? t->label : wk ? wk->label : t->name;
		v[i].color = t->color ? t->color
				      : wk ? wk->color
					   : other_link_colours[other % 2];
		v[i].style = t->style ? t->style
				      : wk ? wk->style
					   : other_link_styles[other % 4];
		v[i].arrowhead = wk ? wk->arrowhead : "normal";
		if (!wk && (!t->style || !t->color))
			other++;
	}
	return v;
}

/* ---- the drawing ------------------------------------------------------------ */

/* The largest tier the loader accepts (load.c). */
#define ACG_MAX_TIER 1000

/* A node: one organisation, or the group of every organisation of a collapsed type. */
struct dnode {
	size_t org;   /* the organisation; ACG_NONE for a group */
	size_t type;  /* organisation type */
	size_t count; /* organisations it stands for */
	double size;  /* NaN: not scaled */
	bool hl;      /* on a highlighted chain */
	bool hl_root; /* the highlighted organisation (or its group) */
	enum acg_render_mark mark;
	Agnode_t *gv;
};

/* An arrow: one link, or the links merged between a group and another node. */
struct dedge {
	size_t from, to; /* nodes */
	size_t type;     /* link type */
	size_t count;    /* links it stands for */
	size_t first;    /* the first of them, for file order */
	double weight;   /* their weights summed */
	bool hl;
	enum acg_render_mark mark;
};

struct drawing {
	const struct acg_model *m; /* after the ego selection */
	const struct acg_render_options *opt;
	struct acg_diags *diags;
	const double *sizes; /* per organisation of m, or NULL */
	struct org_look *olook;
	struct link_look *llook;

	struct dnode *nodes;
	size_t nnodes;
	size_t *node_of; /* organisation -> node */
	struct dedge *edges;
	size_t nedges;
	bool *collapsed; /* per organisation type */
	bool *hl_org;    /* per organisation: on a highlighted chain; NULL: no highlight */
	size_t hl_root;  /* the highlighted organisation, or ACG_NONE */

	/* Change marks per organisation and link of m, or NULL (both or neither). */
	const enum acg_render_mark *org_marks, *link_marks;
	size_t marked_orgs[ACG_MARK_COUNT], marked_links[ACG_MARK_COUNT]; /* of m */
	bool marks_drawn[ACG_MARK_COUNT]; /* by a node or an arrow */

	size_t *types_drawn; /* per organisation type: nodes of it */
	size_t *links_drawn; /* per link type: arrows of it */
	bool weights_vary;
	double max_weight, max_size;
	int lowest_tier;    /* the largest tier number of a node; 0: none */
	size_t widest_tier; /* the most nodes of one tier */
	size_t row_width;   /* the most nodes side by side in a row of a tier */
	struct sbuf auto_names; /* types collapsed by auto_collapse(), comma-separated */

	enum acg_layout layout;
	bool switched;

	Agraph_t *g;
	Agsym_t *g_label, *g_rank, *g_style, *g_color, *g_fillcolor, *g_fontcolor, *g_labeljust,
		*g_fontsize;
	Agsym_t *n_label, *n_shape, *n_style, *n_fillcolor, *n_color, *n_fontcolor,
		*n_penwidth, *n_width, *n_height, *n_fixedsize, *n_fontsize, *n_peripheries;
	Agsym_t *e_color, *e_style, *e_arrowhead, *e_penwidth, *e_label, *e_fontcolor,
		*e_weight, *e_tailclip, *e_constraint, *e_xlabel;
	size_t serial; /* for generated names */
	struct sbuf buf;

	/* The legend's nodes in the order they were made, and its cluster. */
	Agnode_t **legend;
	size_t nlegend, legend_cap;
	Agraph_t *legend_cluster;
};

/*
 * The ego neighbourhood: *out is the model of the organisations within
 * `depth` links of ego (either direction) and the links between them;
 * keep[i] says whether organisation i of `in` was kept.
 */
static enum acg_status ego_model(const struct acg_model *in, size_t ego, unsigned depth,
				 struct acg_model **out, bool *keep, struct acg_diags *diags)
{
	struct acg_graph *graph = NULL;
	igraph_vector_int_list_t res;
	igraph_error_t err;
	enum acg_status st;
	igraph_integer_t i;

	*out = NULL;
	st = acg_graph_build(in, &graph, diags);
	if (st != ACG_OK)
		return st;
	err = igraph_vector_int_list_init(&res, 0);
	if (!err) {
		err = igraph_neighborhood(&graph->multi.g, &res, igraph_vss_1((igraph_integer_t)ego),
					  (igraph_integer_t)depth, IGRAPH_ALL, 0);
		if (!err) {
			igraph_vector_int_t *v = igraph_vector_int_list_get_ptr(&res, 0);

			for (i = 0; i < igraph_vector_int_size(v); i++)
				keep[VECTOR(*v)[i]] = true;
		}
		igraph_vector_int_list_destroy(&res);
	}
	acg_graph_free(graph);
	if (err) {
		acg_diags_add(diags, ACG_ERROR, acg_status_from_igraph(err), NULL, 0, 0, NULL,
			      "igraph: %s", igraph_strerror(err));
		return acg_status_from_igraph(err);
	}
	{
		bool *keep_link = malloc((in->nlinks ? in->nlinks : 1) * sizeof(*keep_link));
		size_t j;

		if (!keep_link)
			return ACG_ENOMEM;
		for (j = 0; j < in->nlinks; j++)
			keep_link[j] = true;
		st = acg_model_subset(in, keep, keep_link, out);
		free(keep_link);
	}
	return st;
}

/* Marks the organisations on the upward chains of root (root included). */
static enum acg_status upward_from(const struct acg_model *m, size_t root, bool *mark,
				   struct acg_diags *diags)
{
	struct acg_graph *graph = NULL;
	igraph_vector_int_t res;
	igraph_error_t err;
	enum acg_status st;
	igraph_integer_t i;

	st = acg_graph_build(m, &graph, diags);
	if (st != ACG_OK)
		return st;
	err = igraph_vector_int_init(&res, 0);
	if (!err) {
		err = igraph_subcomponent(&graph->multi.g, &res, (igraph_integer_t)root, IGRAPH_OUT);
		for (i = 0; !err && i < igraph_vector_int_size(&res); i++)
			mark[VECTOR(res)[i]] = true;
		igraph_vector_int_destroy(&res);
	}
	acg_graph_free(graph);
	if (err) {
		acg_diags_add(diags, ACG_ERROR, acg_status_from_igraph(err), NULL, 0, 0, NULL,
			      "igraph: %s", igraph_strerror(err));
		return acg_status_from_igraph(err);
	}
	return ACG_OK;
}

/* More organisations than this side by side in one tier make a drawing too wide to read. */
#define WIDE_TIER 60

/*
 * dot: the nodes of a tier with more than TIER_ROW of them are laid out in
 * rows of at most TIER_ROW, the first ones (in file order) on top, so that a
 * wide tier makes a block rather than a long strip (make_tiers()).
 */
#define TIER_ROW 6

/* The fewest organisations of a type in a wide tier that auto_collapse() merges. */
#define AUTO_COLLAPSE_MIN 10

/* The tier of organisation type t: 0 (none) to ACG_MAX_TIER. */
static int type_tier(const struct drawing *d, size_t t)
{
	int tier = d->olook[t].tier;

	return tier < 0 || tier > ACG_MAX_TIER ? 0 : tier;
}

/* The tier of node i. */
static int node_tier(const struct drawing *d, size_t i)
{
	return type_tier(d, d->nodes[i].type);
}

/*
 * In every tier wider than WIDE_TIER nodes, collapses the types with at
 * least AUTO_COLLAPSE_MIN organisations there, the largest first, until the
 * tier is no wider or no such type is left (a type has one tier, so it is
 * collapsed everywhere).  The types of the organisations named by
 * --highlight and --ego are never collapsed: the user asked to see them.
 * Appends the names of the types collapsed to d->auto_names.  0, or -1 when
 * out of memory.
 */
static int auto_collapse(struct drawing *d)
{
	const struct acg_model *m = d->m;
	size_t nt = m->org_types.n, *count, *groups, *width, i, k, named[2] = {ACG_NONE, ACG_NONE};
	unsigned *marks;
	int t, rc = -1;

	if (d->opt->highlight && (i = acg_model_find_org(m, d->opt->highlight)) != ACG_NONE)
		named[0] = m->orgs[i].type;
	if (d->opt->ego && (i = acg_model_find_org(m, d->opt->ego)) != ACG_NONE)
		named[1] = m->orgs[i].type;

	count = calloc(nt + 1, sizeof(*count));
	groups = calloc(nt + 1, sizeof(*groups));
	marks = calloc(nt + 1, sizeof(*marks));
	width = calloc(ACG_MAX_TIER + 1, sizeof(*width));
	if (!count || !groups || !marks || !width)
		goto out;
	for (i = 0; i < m->norgs; i++) {
		count[m->orgs[i].type]++;
		marks[m->orgs[i].type] |= 1u << (d->org_marks ? d->org_marks[i] : 0);
	}
	/* A collapsed type is one node, or one per change mark. */
	for (k = 0; k < nt; k++) {
		unsigned b;

		for (b = marks[k]; b; b &= b - 1)
			groups[k]++;
		width[type_tier(d, k)] += d->collapsed[k] ? groups[k] : count[k];
	}
	for (t = 1; t <= ACG_MAX_TIER; t++) {
		while (width[t] > WIDE_TIER) {
			size_t best = ACG_NONE;

			for (k = 0; k < nt; k++)
				if (type_tier(d, k) == t && !d->collapsed[k] &&
				    count[k] >= AUTO_COLLAPSE_MIN && k != named[0] && k != named[1] &&
				    (best == ACG_NONE || count[k] > count[best]))
					best = k;
			if (best == ACG_NONE)
				break;
			d->collapsed[best] = true;
			width[t] -= count[best] - groups[best];
			sb_printf(&d->auto_names, "%s%s", d->auto_names.n ? ", " : "",
				  m->org_types.v[best].name);
		}
	}
	rc = d->auto_names.failed ? -1 : 0;
out:
	free(count);
	free(groups);
	free(marks);
	free(width);
	return rc;
}

/*
 * Sets d->widest_tier and, when a tier is wider than WIDE_TIER, warns and
 * names the types that --collapse could draw as one node each.  0, or -1
 * when out of memory.
 */
static int count_tiers(struct drawing *d)
{
	size_t *count = calloc(ACG_MAX_TIER + 1, sizeof(*count)), *per_type, i;
	int t, widest = 0;
	struct sbuf types = {0};

	if (!count)
		return -1;
	for (i = 0; i < d->nnodes; i++) {
		t = node_tier(d, i);
		if (++count[t] > d->widest_tier) {
			d->widest_tier = count[t];
			widest = t;
		}
	}
	free(count);
	d->row_width = d->layout == ACG_LAYOUT_DOT && d->widest_tier > TIER_ROW ? TIER_ROW
										: d->widest_tier;
	if (!widest || d->widest_tier <= WIDE_TIER || d->layout != ACG_LAYOUT_DOT)
		return 0;
	if (!(per_type = calloc(d->m->org_types.n, sizeof(*per_type))))
		return -1;
	for (i = 0; i < d->nnodes; i++)
		if (node_tier(d, i) == widest)
			per_type[d->nodes[i].type]++;
	for (i = 0; i < d->m->org_types.n; i++)
		if (per_type[i] >= 10)
			sb_printf(&types, "%s%s", types.n ? "," : "", d->m->org_types.v[i].name);
	free(per_type);
	if (types.failed) {
		sb_release(&types);
		return -1;
	}
	acg_diags_add(d->diags, ACG_WARNING, ACG_OK, NULL, 0, 0, NULL,
		      "%zu organisations of tier %d stand side by side: the drawing is very "
		      "wide%s%s%s",
		      d->widest_tier, widest, types.n ? " (--collapse " : "", sb_str(&types),
		      types.n ? " draws each of these types as one node)" : "");
	sb_release(&types);
	return 0;
}

/* Edge keys for merging: (from, to, type, mark, first link). */
struct ekey {
	size_t from, to, type, link;
	enum acg_render_mark mark;
};

static int ekey_cmp(const void *a, const void *b)
{
	const struct ekey *x = a, *y = b;

	if (x->from != y->from)
		return x->from < y->from ? -1 : 1;
	if (x->to != y->to)
		return x->to < y->to ? -1 : 1;
	if (x->type != y->type)
		return x->type < y->type ? -1 : 1;
	if (x->mark != y->mark)
		return x->mark < y->mark ? -1 : 1;
	return x->link < y->link ? -1 : x->link > y->link;
}

static int dedge_cmp(const void *a, const void *b)
{
	const struct dedge *x = a, *y = b;

	return x->first < y->first ? -1 : x->first > y->first;
}

/* Builds the nodes and arrows of the drawing from d->m. */
static enum acg_status build_drawing(struct drawing *d)
{
	const struct acg_model *m = d->m;
	struct ekey *keys = NULL;
	size_t *group_of_type = NULL;
	size_t i, j, k;
	enum acg_status st = ACG_ENOMEM;

	d->node_of = malloc((m->norgs ? m->norgs : 1) * sizeof(*d->node_of));
	d->nodes = calloc(m->norgs ? m->norgs : 1, sizeof(*d->nodes));
	d->edges = calloc(m->nlinks ? m->nlinks : 1, sizeof(*d->edges));
	keys = malloc((m->nlinks ? m->nlinks : 1) * sizeof(*keys));
	group_of_type = malloc((m->org_types.n ? m->org_types.n : 1) * ACG_MARK_COUNT *
			       sizeof(*group_of_type));
	d->types_drawn = calloc(m->org_types.n ? m->org_types.n : 1, sizeof(*d->types_drawn));
	d->links_drawn = calloc(m->link_types.n ? m->link_types.n : 1, sizeof(*d->links_drawn));
	if (!d->node_of || !d->nodes || !d->edges || !keys || !group_of_type ||
	    !d->types_drawn || !d->links_drawn)
		goto out;
	for (k = 0; k < m->org_types.n * ACG_MARK_COUNT; k++)
		group_of_type[k] = ACG_NONE;

	/*
	 * Nodes in file order; a group (one per type, or per type and mark)
	 * where its first organisation is.
	 */
	for (i = 0; i < m->norgs; i++) {
		size_t t = m->orgs[i].type;
		enum acg_render_mark mark = d->org_marks ? d->org_marks[i] : ACG_MARK_SAME;
		size_t *group = &group_of_type[t * ACG_MARK_COUNT + mark];
		struct dnode *n;

		if (d->collapsed[t] && *group != ACG_NONE) {
			n = &d->nodes[*group];
			n->count++;
			d->node_of[i] = *group;
		} else {
			n = &d->nodes[d->nnodes];
			n->org = d->collapsed[t] ? ACG_NONE : i;
			n->type = t;
			n->count = 1;
			n->mark = mark;
			n->size = d->sizes && !d->collapsed[t] ? d->sizes[i] : NAN;
			d->types_drawn[t]++;
			d->marks_drawn[mark] = true;
			if (d->collapsed[t])
				*group = d->nnodes;
			d->node_of[i] = d->nnodes++;
		}
		if (d->hl_org && d->hl_org[i])
			n->hl = true;
		if (i == d->hl_root)
			n->hl_root = true;
	}

	/* Arrows: links merged per (from, to, type) when an end is a group. */
	for (j = 0; j < m->nlinks; j++) {
		keys[j].from = d->node_of[m->links[j].from];
		keys[j].to = d->node_of[m->links[j].to];
		keys[j].type = m->links[j].type;
		keys[j].mark = d->link_marks ? d->link_marks[j] : ACG_MARK_SAME;
		keys[j].link = j;
	}
	qsort(keys, m->nlinks, sizeof(*keys), ekey_cmp);
	for (j = 0; j < m->nlinks; j++) {
		const struct ekey *key = &keys[j];
		const struct acg_link *l = &m->links[key->link];
		bool group_end = d->nodes[key->from].org == ACG_NONE ||
				 d->nodes[key->to].org == ACG_NONE;
		struct dedge *e = d->nedges ? &d->edges[d->nedges - 1] : NULL;

		if (!(group_end && e && e->from == key->from && e->to == key->to &&
		      e->type == key->type && e->mark == key->mark)) {
			e = &d->edges[d->nedges++];
			e->from = key->from;
			e->to = key->to;
			e->type = key->type;
			e->mark = key->mark;
			e->first = key->link;
			d->links_drawn[key->type]++;
			d->marks_drawn[key->mark] = true;
		}
		e->count++;
		e->weight += l->weight;
		if (d->hl_org && d->hl_org[l->from])
			e->hl = true;
	}
	qsort(d->edges, d->nedges, sizeof(*d->edges), dedge_cmp);

	for (k = 0; k < d->nedges; k++) {
		if (k && d->edges[k].weight != d->edges[0].weight)
			d->weights_vary = true;
		if (d->edges[k].weight > d->max_weight)
			d->max_weight = d->edges[k].weight;
	}
	for (i = 0; i < d->nnodes; i++)
		if (d->nodes[i].size > d->max_size)
			d->max_size = d->nodes[i].size;
	st = ACG_OK;
out:
	free(keys);
	free(group_of_type);
	return st;
}

/* ---- the cgraph graph ------------------------------------------------------- */

/* Whether s is a plain word ([A-Za-z0-9_.]+), safe as a node name in every format. */
static bool plain_word(const char *s)
{
	if (!*s)
		return false;
	return strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.") ==
	       strlen(s);
}

/*
 * A node or subgraph name that neither an organisation id nor a node already
 * made has: prefix (a plain word) and a number.  Written into d->buf.
 */
static const char *fresh_name(struct drawing *d, const char *prefix)
{
	for (;;) {
		sb_reset(&d->buf);
		sb_printf(&d->buf, "%s%zu", prefix, ++d->serial);
		if (d->buf.failed)
			return NULL;
		if (acg_model_find_org(d->m, sb_str(&d->buf)) == ACG_NONE &&
		    !find_node(d->g, sb_str(&d->buf)))
			return sb_str(&d->buf);
	}
}

/* Sets a label made from text (sb_label) on obj. */
static int set_label(struct drawing *d, void *obj, Agsym_t *sym, const char *text,
		     unsigned wrap, char eol)
{
	sb_reset(&d->buf);
	sb_label(&d->buf, text, wrap, eol);
	if (d->buf.failed)
		return -1;
	return set_attr(obj, sym, sb_str(&d->buf));
}

/* Sets a number (%.4g) on obj. */
static int set_number(void *obj, Agsym_t *sym, double v)
{
	char num[32];

	snprintf(num, sizeof(num), "%.4g", v);
	return set_attr(obj, sym, num);
}

/* Declares every attribute we set, with Graphviz's own default or ours. */
static int declare_all(struct drawing *d)
{
	Agraph_t *g = d->g;

	d->g_label = declare(g, AGRAPH, "label", "");
	d->g_rank = declare(g, AGRAPH, "rank", "");
	d->g_style = declare(g, AGRAPH, "style", "");
	d->g_color = declare(g, AGRAPH, "color", "black");
	d->g_fillcolor = declare(g, AGRAPH, "fillcolor", "");
	d->g_fontcolor = declare(g, AGRAPH, "fontcolor", "black");
	d->g_labeljust = declare(g, AGRAPH, "labeljust", "c");
	d->g_fontsize = declare(g, AGRAPH, "fontsize", "14");

	d->n_label = declare(g, AGNODE, "label", "\\N");
	d->n_shape = declare(g, AGNODE, "shape", "box");
	d->n_style = declare(g, AGNODE, "style", "filled");
	d->n_fillcolor = declare(g, AGNODE, "fillcolor", "#FFFFFF");
	d->n_color = declare(g, AGNODE, "color", "#000000");
	d->n_fontcolor = declare(g, AGNODE, "fontcolor", "#000000");
	d->n_penwidth = declare(g, AGNODE, "penwidth", "1");
	d->n_width = declare(g, AGNODE, "width", "0.75");
	d->n_height = declare(g, AGNODE, "height", "0.5");
	d->n_fixedsize = declare(g, AGNODE, "fixedsize", "false");
	d->n_fontsize = declare(g, AGNODE, "fontsize", "12");
	d->n_peripheries = declare(g, AGNODE, "peripheries", "");
	if (!declare(g, AGNODE, "fontname", "Helvetica") ||
	    !declare(g, AGNODE, "margin", "0.08,0.04"))
		return -1;

	d->e_color = declare(g, AGEDGE, "color", "#000000");
	d->e_style = declare(g, AGEDGE, "style", "solid");
	d->e_arrowhead = declare(g, AGEDGE, "arrowhead", "normal");
	d->e_penwidth = declare(g, AGEDGE, "penwidth", "1.2");
	d->e_label = declare(g, AGEDGE, "label", "");
	d->e_xlabel = declare(g, AGEDGE, "xlabel", "");
	d->e_fontcolor = declare(g, AGEDGE, "fontcolor", "#000000");
	d->e_weight = declare(g, AGEDGE, "weight", "1");
	d->e_tailclip = declare(g, AGEDGE, "tailclip", "true");
	d->e_constraint = declare(g, AGEDGE, "constraint", "true");
	if (!declare(g, AGEDGE, "fontname", "Helvetica") ||
	    !declare(g, AGEDGE, "fontsize", "10") || !declare(g, AGEDGE, "arrowsize", "0.8"))
		return -1;
	return d->g_label && d->g_rank && d->g_style && d->g_color && d->g_fillcolor &&
			       d->g_fontcolor && d->g_labeljust && d->g_fontsize &&
			       d->n_label && d->n_shape && d->n_style && d->n_fillcolor &&
			       d->n_color && d->n_fontcolor && d->n_penwidth && d->n_width &&
			       d->n_height && d->n_fixedsize && d->n_fontsize &&
			       d->n_peripheries && d->e_color && d->e_style && d->e_arrowhead &&
			       d->e_penwidth && d->e_label && d->e_xlabel && d->e_fontcolor && d->e_weight &&
			       d->e_tailclip && d->e_constraint
		       ? 0
		       : -1;
}

/* Graph attributes: the layout's, the fonts, the caption's place. */
static int graph_attributes(struct drawing *d)
{
	Agraph_t *g = d->g;
	bool dot = d->layout == ACG_LAYOUT_DOT;
	bool big = d->nnodes > ACG_RENDER_DOT_LIMIT;
	char dpi[32], size[64];
	struct {
		const char *name, *value;
	} attrs[] = {
		{"layout", acg_layout_name(d->layout)},
		{"fontname", "Helvetica"},
		{"labelloc", "b"},
		{"outputorder", "edgesfirst"},
		{"pad", "0.25"},
		{"charset", "UTF-8"},
		{"rankdir", dot ? "BT" : NULL},
		{"newrank", dot ? "true" : NULL},
		{"nodesep", dot ? "0.18" : NULL},
		{"ranksep", dot ? "0.4" : NULL},
		{"overlap", dot ? NULL : "false"},
		{"splines", dot ? NULL : big ? "false" : "true"},
		{"sep", dot ? NULL : "+8"},
		{"pack", dot ? NULL : "true"},
		/* A fixed seed for the random start of the force-directed layouts (fdp
		 * with clusters otherwise seeds from the clock). */
		{"start", dot ? NULL : "1"},
		{"dpi", d->opt->format == ACG_RENDER_PNG ? dpi : NULL},
		{"size", d->opt->format == ACG_RENDER_PNG ? size : NULL},
	};
	size_t i;

	snprintf(dpi, sizeof(dpi), "%g", d->opt->dpi > 0 ? d->opt->dpi : 96.0);
	/* A bitmap is at most ACG_RENDER_MAX_PIXELS on a side: larger drawings are scaled down. */
	snprintf(size, sizeof(size), "%.2f,%.2f",
		 ACG_RENDER_MAX_PIXELS / (d->opt->dpi > 0 ? d->opt->dpi : 96.0),
		 ACG_RENDER_MAX_PIXELS / (d->opt->dpi > 0 ? d->opt->dpi : 96.0));
	for (i = 0; i < sizeof(attrs) / sizeof(*attrs); i++) {
		/* The root's value, and the default of the subgraphs (cluster labels' font). */
		if (attrs[i].value && !declare(g, AGRAPH, attrs[i].name, attrs[i].value))
			return -1;
	}
	return 0;
}

/* The label of a group: the type's label and how many it stands for. */
static int group_label(struct drawing *d, const struct dnode *n)
{
	struct sbuf text = {0};
	int rc;

	sb_printf(&text, "%s\n(%zu organisation%s)", d->olook[n->type].label, n->count,
		  n->count == 1 ? "" : "s");
	rc = text.failed ? -1 : set_label(d, n->gv, d->n_label, sb_str(&text), d->opt->wrap, 'n');
	sb_release(&text);
	return rc;
}

/* The style list of a node of look o: filled, plus the type's style. */
static void node_style(struct sbuf *b, const struct org_look *o)
{
	sb_puts(b, "filled");
	if (o->style) {
		sb_puts(b, ",");
		sb_puts(b, o->style);
	}
}

/* Shape, fill, style of a node of type t; faded when something else is highlighted. */
static int style_node(struct drawing *d, Agnode_t *n, size_t t, bool fade)
{
	const struct org_look *o = &d->olook[t];
	struct sbuf style = {0};
	char pale[8];
	int rc = 0;

	node_style(&style, o);
	if (style.failed)
		return -1;
	rc |= set_attr(n, d->n_shape, o->shape);
	rc |= set_attr(n, d->n_style, sb_str(&style));
	if (fade) {
		faded(o->fill, pale);
		rc |= set_attr(n, d->n_fillcolor, pale);
		rc |= set_attr(n, d->n_color, "#BBBBBB");
		rc |= set_attr(n, d->n_fontcolor, "#888888");
	} else {
		rc |= set_attr(n, d->n_fillcolor, o->fill);
		rc |= set_attr(n, d->n_fontcolor, o->fontcolor);
	}
	sb_release(&style);
	return rc;
}

/*
 * The colours of each change mark (Okabe-Ito bluish green, vermilion and
 * blue, with their fills mixed three parts white), and at ACG_MARK_COUNT the
 * neutral look of the key's samples of the types in a drawing with marks.
 */
static const struct mark_look {
	const char *label, *line, *fill, *font;
} mark_looks[ACG_MARK_COUNT + 1] = {
	[ACG_MARK_SAME] = {"Unchanged", "#AAAAAA", "#F4F4F4", "#555555"},
	[ACG_MARK_ADDED] = {"Added", "#009E73", "#BFE6DC", "#000000"},
	[ACG_MARK_REMOVED] = {"Removed", "#D55E00", "#F4D6BF", "#000000"},
	[ACG_MARK_CHANGED] = {"Changed", "#0072B2", "#BFDBEB", "#000000"},
	[ACG_MARK_SUCCESSION] = {"Succeeds", "#555555", "#FFFFFF", "#000000"},
	[ACG_MARK_COUNT] = {"", "#444444", "#FFFFFF", "#000000"},
};

/* A node of type t in a drawing with marks: the type's shape, the mark's colours. */
static int style_marked_node(struct drawing *d, Agnode_t *n, size_t t, enum acg_render_mark mark)
{
	const struct mark_look *k = &mark_looks[mark];
	struct sbuf style = {0};
	int rc = 0;

	node_style(&style, &d->olook[t]);
	if (mark == ACG_MARK_REMOVED)
		sb_puts(&style, ",dashed");
	if (style.failed)
		return -1;
	rc |= set_attr(n, d->n_shape, d->olook[t].shape);
	rc |= set_attr(n, d->n_style, sb_str(&style));
	rc |= set_attr(n, d->n_fillcolor, k->fill);
	rc |= set_attr(n, d->n_color, k->line);
	rc |= set_attr(n, d->n_fontcolor, k->font);
	if (mark != ACG_MARK_SAME && mark != ACG_MARK_COUNT)
		rc |= set_attr(n, d->n_penwidth, "2.5");
	sb_release(&style);
	return rc;
}

/* Makes the node of every organisation and group. */
static int make_nodes(struct drawing *d)
{
	size_t i, pass;

	/* Organisations whose id is a plain word first, so generated names avoid them. */
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < d->nnodes; i++) {
			struct dnode *n = &d->nodes[i];
			const char *id = n->org != ACG_NONE ? d->m->orgs[n->org].id : NULL;
			bool plain = id && plain_word(id);
			const char *name;

			if ((pass == 0) != plain)
				continue;
			name = plain ? id : fresh_name(d, n->org != ACG_NONE ? "org" : "group");
			if (!name || !(n->gv = new_node(d->g, name)))
				return -1;
		}
	}
	for (i = 0; i < d->nnodes; i++) {
		struct dnode *n = &d->nodes[i];
		bool fade = d->hl_org && !n->hl;

		if (d->org_marks ? style_marked_node(d, n->gv, n->type, n->mark)
				 : style_node(d, n->gv, n->type, fade))
			return -1;
		if (n->org != ACG_NONE) {
			if (set_label(d, n->gv, d->n_label, d->m->orgs[n->org].name, d->opt->wrap,
				      'n'))
				return -1;
		} else if (group_label(d, n)) {
			return -1;
		}
		if (n->hl_root) {
			if (set_attr(n->gv, d->n_penwidth, "3") ||
			    set_attr(n->gv, d->n_peripheries, "2"))
				return -1;
		} else if (d->hl_org && n->hl) {
			if (set_attr(n->gv, d->n_penwidth, "2.5"))
				return -1;
		}
		if (d->max_size > 0 && n->size > 0) {
			double f = sqrt(n->size / d->max_size);

			if (set_number(n->gv, d->n_width, 0.75 + 2.0 * f) ||
			    set_number(n->gv, d->n_height, 0.5 + 1.0 * f))
				return -1;
		}
	}
	return 0;
}

/* Pen width of an arrow of weight w. */
static double pen_width(const struct drawing *d, double w)
{
	if (!d->weights_vary || d->max_weight <= 0)
		return 1.2;
	return 0.8 + 4.2 * w / d->max_weight;
}

/* Line style, colour, arrowhead of link type t on edge e. */
static int style_edge(struct drawing *d, Agedge_t *e, size_t t, bool fade, double pw)
{
	const struct link_look *l = &d->llook[t];
	char pale[8];
	int rc = 0;

	if (fade)
		faded(l->color, pale);
	rc |= set_attr(e, d->e_color, fade ? pale : l->color);
	rc |= set_attr(e, d->e_style, l->style);
	rc |= set_attr(e, d->e_arrowhead, l->arrowhead);
	rc |= set_attr(e, d->e_fontcolor, fade ? pale : l->color);
	rc |= set_number(e, d->e_penwidth, pw);
	return rc;
}

/* An arrow of link type t in a drawing with marks: the type's line style and arrowhead, the mark's colour. */
static int style_marked_edge(struct drawing *d, Agedge_t *e, size_t t, enum acg_render_mark mark,
			     double pw)
{
	const struct link_look *l = &d->llook[t];
	const char *line = mark_looks[mark].line;
	int rc = 0;

	if (mark == ACG_MARK_ADDED || mark == ACG_MARK_REMOVED || mark == ACG_MARK_CHANGED)
		pw = pw < 1.2 ? 2.0 : pw * 1.6;
	rc |= set_attr(e, d->e_color, line);
	rc |= set_attr(e, d->e_style, mark == ACG_MARK_REMOVED ? "dashed" : l->style);
	rc |= set_attr(e, d->e_arrowhead, l->arrowhead);
	rc |= set_attr(e, d->e_fontcolor, line);
	rc |= set_number(e, d->e_penwidth, pw);
	return rc;
}

static int make_edges(struct drawing *d)
{
	size_t k;

	for (k = 0; k < d->nedges; k++) {
		const struct dedge *de = &d->edges[k];
		Agedge_t *e = agedge(d->g, d->nodes[de->from].gv, d->nodes[de->to].gv, NULL, 1);
		bool fade = d->hl_org && !de->hl;
		double pw = pen_width(d, de->weight);

		if (!e)
			return -1;
		if (d->hl_org && de->hl)
			pw *= 2;
		if (d->link_marks ? style_marked_edge(d, e, de->type, de->mark, pw)
				  : style_edge(d, e, de->type, fade, pw))
			return -1;
		/*
		 * dot: a link down the tiers (to a lower tier), or an arrow of
		 * succession, must not fight the tiers' ranks: it is left out of
		 * the ranking.
		 */
		if (d->layout == ACG_LAYOUT_DOT &&
		    ((node_tier(d, de->from) > 0 && node_tier(d, de->to) > node_tier(d, de->from)) ||
		     de->mark == ACG_MARK_SUCCESSION) &&
		    set_attr(e, d->e_constraint, "false"))
			return -1;
		if (de->count > 1) {
			char num[32];
			int tf = node_tier(d, de->from), tt = node_tier(d, de->to);
			/*
			 * Graphviz 2.42's dot frees memory twice when it cleans up
			 * after a labelled flat edge (both ends on one rank) that
			 * shares its head with another flat edge; an external label
			 * is placed after layout and avoids that code.  With dot,
			 * an arrow that is, or may be, flat gets one.
			 */
			bool flat = d->layout == ACG_LAYOUT_DOT && (tf == tt || !tf || !tt);

			snprintf(num, sizeof(num), "%zu", de->count);
			if (set_attr(e, flat ? d->e_xlabel : d->e_label, num))
				return -1;
		}
	}
	return 0;
}

/*
 * dot: the organisations of one tier (or of one row of a wide tier) share a
 * rank: rank=same with an invisible anchor per rank, the anchors chained
 * upwards so that tiers and rows keep their order even where no link joins
 * them.  Sets d->lowest_tier.
 */
static int hidden_edge(struct drawing *d, Agnode_t *t, Agnode_t *h, const char *weight);

static int make_tiers(struct drawing *d)
{
	Agnode_t *prev = NULL, **below = NULL, **here = NULL, **swap;
	size_t i, n, k, rows, per, row, col;
	int t, rc = -1;

	if (!(below = calloc(TIER_ROW, sizeof(*below))) || !(here = calloc(TIER_ROW, sizeof(*here))))
		goto out;

	for (t = ACG_MAX_TIER; t > 0; t--) {
		for (i = 0, n = 0; i < d->nnodes; i++)
			n += node_tier(d, i) == t;
		if (!n)
			continue;
		rows = (n + TIER_ROW - 1) / TIER_ROW;
		per = (n + rows - 1) / rows;
		if (!prev)
			d->lowest_tier = t;
		/*
		 * Bottom row first: the anchors are chained upwards.  The rows of
		 * a wide tier are held in columns: an invisible edge from each
		 * node to the one above it.
		 */
		memset(below, 0, TIER_ROW * sizeof(*below));
		for (row = rows; row-- > 0;) {
			Agraph_t *sub;
			Agnode_t *anchor;
			const char *name;

			if (!(name = fresh_name(d, "rank")) || !(sub = new_subgraph(d->g, name)) ||
			    set_attr(sub, d->g_rank, "same"))
				goto out;
			memset(here, 0, TIER_ROW * sizeof(*here));
			for (i = 0, k = 0; i < d->nnodes; i++) {
				if (node_tier(d, i) != t || k++ / per != row)
					continue;
				col = (k - 1) % per;
				here[col] = d->nodes[i].gv;
				if (!agsubnode(sub, here[col], 1) ||
				    (below[col] && hidden_edge(d, below[col], here[col], "10")))
					goto out;
			}
			swap = below;
			below = here;
			here = swap;
			if (!(name = fresh_name(d, "tier")) || !(anchor = new_node(d->g, name)) ||
			    !agsubnode(sub, anchor, 1) || set_attr(anchor, d->n_style, "invis") ||
			    set_attr(anchor, d->n_shape, "point") ||
			    set_attr(anchor, d->n_width, "0") || set_attr(anchor, d->n_height, "0") ||
			    set_attr(anchor, d->n_label, ""))
				goto out;
			if (prev) {
				Agedge_t *e = agedge(d->g, prev, anchor, NULL, 1);

				if (!e || set_attr(e, d->e_style, "invis") ||
				    set_attr(e, d->e_arrowhead, "none"))
					goto out;
			}
			prev = anchor;
		}
	}
	rc = 0;
out:
	free(below);
	free(here);
	return rc;
}

/* ---- clusters ---------------------------------------------------------------- */

/* The value of cluster key `key` for organisation org, as text in *tmp; NULL: none. */
static const char *org_value(const struct drawing *d, size_t org, const char *key,
			     struct sbuf *tmp)
{
	const struct acg_org *o = &d->m->orgs[org];
	size_t a;

	if (!strcmp(key, "region"))
		return o->region;
	if (!strcmp(key, "type"))
		return d->olook[o->type].label;
	for (a = 0; a < o->attrs.n; a++) {
		const struct acg_attr *at = &o->attrs.v[a];

		if (strcmp(at->key, key))
			continue;
		sb_reset(tmp);
		switch (at->kind) {
		case ACG_ATTR_STRING:
			return at->value.string;
		case ACG_ATTR_INTEGER:
			sb_printf(tmp, "%lld", at->value.integer);
			break;
		case ACG_ATTR_REAL:
			sb_printf(tmp, "%.6g", at->value.real);
			break;
		case ACG_ATTR_BOOLEAN:
			sb_puts(tmp, at->value.boolean ? "true" : "false");
			break;
		}
		return tmp->failed ? NULL : sb_str(tmp);
	}
	return NULL;
}

/* A cluster made: its parent, the value it stands for, the subgraph. */
struct cluster {
	Agraph_t *parent;
	char *value;
	Agraph_t *sub;
};

struct clusters {
	struct cluster *v;
	size_t n, cap;
};

static void clusters_release(struct clusters *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		free(c->v[i].value);
	free(c->v);
}

/* The cluster of `value` inside parent, made on first use; NULL when out of memory. */
static Agraph_t *cluster_for(struct drawing *d, struct clusters *cs, Agraph_t *parent,
			     const char *value, int level)
{
	struct cluster *c;
	const char *name;
	size_t i;

	for (i = 0; i < cs->n; i++)
		if (cs->v[i].parent == parent && !strcmp(cs->v[i].value, value))
			return cs->v[i].sub;
	if (acg_grow((void **)&cs->v, &cs->cap, cs->n + 1, sizeof(*cs->v)))
		return NULL;
	c = &cs->v[cs->n];
	if (!(c->value = acg_strdup(value)))
		return NULL;
	c->parent = parent;
	if (!(name = fresh_name(d, "cluster")) || !(c->sub = new_subgraph(parent, name))) {
		free(c->value);
		return NULL;
	}
	cs->n++;
	if (set_label(d, c->sub, d->g_label, value, 0, 'n') ||
	    set_attr(c->sub, d->g_style, level ? "rounded,dashed,filled" : "rounded,filled") ||
	    set_attr(c->sub, d->g_color, level ? "#999999" : "#666666") ||
	    set_attr(c->sub, d->g_fillcolor, level ? "#F4F4F4" : "#FAFAFA") ||
	    set_attr(c->sub, d->g_fontcolor, "#333333") || set_attr(c->sub, d->g_labeljust, "l") ||
	    set_attr(c->sub, d->g_fontsize, "12"))
		return NULL;
	return c->sub;
}

/*
 * The value of key for node n: an organisation's own, or, for a group, the
 * value its organisations share (NULL if they differ).
 */
static const char *node_value(struct drawing *d, const struct dnode *n, const char *key,
			      struct sbuf *tmp, struct sbuf *keep)
{
	const char *v = NULL;
	size_t i;

	if (n->org != ACG_NONE)
		return org_value(d, n->org, key, tmp);
	if (!strcmp(key, "type"))
		return d->olook[n->type].label;
	sb_reset(keep);
	for (i = 0; i < d->m->norgs; i++) {
		const char *w;

		if (d->m->orgs[i].type != n->type)
			continue;
		w = org_value(d, i, key, tmp);
		if (!w)
			return NULL;
		if (!v) {
			sb_puts(keep, w);
			v = sb_str(keep);
		} else if (strcmp(v, w)) {
			return NULL;
		}
	}
	return keep->failed ? NULL : v;
}

static int make_clusters(struct drawing *d)
{
	struct clusters cs = {0};
	struct sbuf tmp = {0}, keep = {0};
	size_t i;
	int level, rc = -1;

	for (i = 0; i < d->nnodes; i++) {
		Agraph_t *parent = d->g;

		for (level = 0; level < (int)d->opt->ncluster_by; level++) {
			const char *v = node_value(d, &d->nodes[i], d->opt->cluster_by[level], &tmp,
						   &keep);

			if (tmp.failed || keep.failed)
				goto out;
			if (!v || !*v)
				continue;
			if (!(parent = cluster_for(d, &cs, parent, v, level)))
				goto out;
		}
		if (parent != d->g && !agsubnode(parent, d->nodes[i].gv, 1))
			goto out;
	}
	rc = 0;
out:
	clusters_release(&cs);
	sb_release(&tmp);
	sb_release(&keep);
	return rc;
}

/* ---- legend and caption ---------------------------------------------------------- */

/* Legend samples are smaller than the drawing's nodes and wrapped shorter. */
#define LEGEND_WRAP 18

/* Records a node of the legend, in order; 0 or -1 when out of memory. */
static int keep_legend_node(struct drawing *d, Agnode_t *n)
{
	if (acg_grow((void **)&d->legend, &d->legend_cap, d->nlegend + 1, sizeof(*d->legend)))
		return -1;
	d->legend[d->nlegend++] = n;
	return 0;
}

/* A legend node: plain text (left-justified lines) or a sample of an organisation type. */
static Agnode_t *legend_node(struct drawing *d, Agraph_t *legend, const char *text,
			     size_t type)
{
	const char *name = fresh_name(d, "legend");
	Agnode_t *n;

	if (!name || !(n = new_node(d->g, name)) || !agsubnode(legend, n, 1) ||
	    keep_legend_node(d, n))
		return NULL;
	if (type == ACG_NONE) {
		if (set_attr(n, d->n_shape, "plaintext") || set_attr(n, d->n_style, "") ||
		    set_attr(n, d->n_height, "0.25") || set_label(d, n, d->n_label, text, 0, 'l'))
			return NULL;
	} else if ((d->org_marks ? style_marked_node(d, n, type, ACG_MARK_COUNT)
				 : style_node(d, n, type, false)) ||
		   set_label(d, n, d->n_label, text,
			     d->opt->wrap && d->opt->wrap < LEGEND_WRAP ? d->opt->wrap
									: d->opt->wrap ? LEGEND_WRAP : 0,
			     'n') ||
		   set_attr(n, d->n_height, "0.3")) {
		return NULL;
	}
	if (set_attr(n, d->n_fontsize, "10"))
		return NULL;
	return n;
}

/* An invisible edge from t to h that only holds the legend together or in place. */
static int hidden_edge(struct drawing *d, Agnode_t *t, Agnode_t *h, const char *weight)
{
	Agedge_t *e = agedge(d->g, t, h, NULL, 1);

	return !e || set_attr(e, d->e_style, "invis") || set_attr(e, d->e_arrowhead, "none") ||
	       set_attr(e, d->e_weight, weight);
}

/*
 * A row of the legend: its nodes in this order (invisible edges between
 * neighbours); with dot they share a rank.  The row is tied to the row
 * above it through its first node (`above`, NULL for none).
 */
static int legend_row(struct drawing *d, Agraph_t *legend, Agnode_t **row, size_t n,
		      Agnode_t *above)
{
	const char *name;
	Agraph_t *sub;
	size_t i;

	if (!n)
		return 0;
	if (d->layout == ACG_LAYOUT_DOT) {
		if (!(name = fresh_name(d, "rank")) || !(sub = new_subgraph(legend, name)) ||
		    set_attr(sub, d->g_rank, "same"))
			return -1;
		for (i = 0; i < n; i++)
			if (!agsubnode(sub, row[i], 1))
				return -1;
	}
	if (above && hidden_edge(d, row[0], above, "1"))
		return -1;
	for (i = 1; i < n; i++)
		if (!agedge(d->g, row[i - 1], row[i], NULL, 0) &&
		    hidden_edge(d, row[i - 1], row[i], "1"))
			return -1;
	return 0;
}

/* The sample of link type t: an arrow from an empty box into the type's label. */
static int link_sample(struct drawing *d, Agraph_t *legend, size_t t, Agnode_t **tail,
		       Agnode_t **head)
{
	const char *name = fresh_name(d, "legend");
	Agedge_t *e;

	if (!name || !(*tail = new_node(d->g, name)) || !agsubnode(legend, *tail, 1) ||
	    keep_legend_node(d, *tail))
		return -1;
	if (set_attr(*tail, d->n_shape, "none") || set_attr(*tail, d->n_style, "") ||
	    set_attr(*tail, d->n_label, "") || set_attr(*tail, d->n_width, "0.7") ||
	    set_attr(*tail, d->n_height, "0.2") || set_attr(*tail, d->n_fixedsize, "true"))
		return -1;
	if (!(*head = legend_node(d, legend, d->llook[t].label, ACG_NONE)))
		return -1;
	if (!(e = agedge(d->g, *tail, *head, NULL, 1)) ||
	    (d->link_marks ? style_marked_edge(d, e, t, ACG_MARK_COUNT, d->weights_vary ? 2.0 : 1.2)
			   : style_edge(d, e, t, false, d->weights_vary ? 2.0 : 1.2)) ||
	    set_attr(e, d->e_tailclip, "false"))
		return -1;
	return 0;
}

/* The key's sample of a change mark: a box in the mark's colours with its name. */
static Agnode_t *mark_sample(struct drawing *d, Agraph_t *legend, enum acg_render_mark mark)
{
	const struct mark_look *k = &mark_looks[mark];
	Agnode_t *n = legend_node(d, legend, k->label, ACG_NONE);

	if (!n || set_attr(n, d->n_shape, "box") ||
	    set_attr(n, d->n_style, mark == ACG_MARK_REMOVED ? "filled,dashed" : "filled") ||
	    set_attr(n, d->n_fillcolor, k->fill) || set_attr(n, d->n_color, k->line) ||
	    set_attr(n, d->n_fontcolor, k->font) ||
	    set_attr(n, d->n_penwidth, mark == ACG_MARK_SAME ? "1" : "2.5") ||
	    set_label(d, n, d->n_label, k->label, 0, 'n'))
		return NULL;
	return n;
}

/*
 * Ties the legend's first row under the drawing (dot): invisible edges from
 * its middle node to organisations of the lowest tier (at most 25, spread
 * over them) put it one rank below them and pull it under their middle.
 */
static int legend_under(struct drawing *d, Agnode_t *first)
{
	size_t i, n = 0, step, k = 0;

	for (i = 0; i < d->nnodes; i++)
		n += node_tier(d, i) == d->lowest_tier;
	step = n > 25 ? n / 25 : 1;
	for (i = 0; i < d->nnodes; i++) {
		if (node_tier(d, i) != d->lowest_tier)
			continue;
		if (k++ % step == 0 && hidden_edge(d, first, d->nodes[i].gv, "1"))
			return -1;
	}
	return 0;
}

/*
 * Ends a row of the legend: lays out row[0..*n) under *above (legend_row()),
 * ties the legend's first row under the drawing with dot (legend_under()),
 * and starts the next row (*n = 0, *above its first node).  *rows counts
 * the rows made.  0, or -1 when out of memory.
 */
static int end_legend_row(struct drawing *d, Agraph_t *legend, Agnode_t **row, size_t *n,
			  Agnode_t **above, size_t *rows)
{
	if (legend_row(d, legend, row, *n, *above))
		return -1;
	if (!*n)
		return 0;
	if (!(*rows)++ && d->layout == ACG_LAYOUT_DOT && d->lowest_tier &&
	    legend_under(d, row[*n / 2]))
		return -1;
	*above = row[0];
	*n = 0;
	return 0;
}

/*
 * The legend: the change marks drawn (when there are marks), the
 * organisation types drawn, then the link types drawn, in rows about as wide
 * as the drawing's widest tier, then notes on the other encodings in use.
 * With dot it sits under the lowest tier.
 */
static int make_legend(struct drawing *d)
{
	enum { MAX_PER_ROW = 8 };
	Agnode_t *row[2 * MAX_PER_ROW], *above = NULL;
	Agraph_t *legend;
	struct sbuf text = {0};
	const char *name;
	size_t t, n = 0, units = 0, rows = 0, width, per_row[2], count[2] = {0, 0};
	bool row_of_links = false;
	int rc = -1;

	/* Rows about as wide as the widest tier, the items shared evenly between them. */
	width = d->row_width + 1;
	width = width < 5 ? 5 : width > MAX_PER_ROW ? MAX_PER_ROW : width;
	for (t = 0; t < d->m->org_types.n; t++)
		count[0] += d->types_drawn[t] > 0;
	for (t = 0; t < d->m->link_types.n; t++)
		count[1] += d->links_drawn[t] > 0;
	for (t = 0; t < 2; t++) {
		size_t w = t ? width * 2 / 3 : width, r = (count[t] + w - 1) / w;

		per_row[t] = r ? (count[t] + r - 1) / r : 1;
	}
	if (!(name = fresh_name(d, "cluster")) || !(legend = new_subgraph(d->g, name)))
		return -1;
	d->legend_cluster = legend;
	if (set_attr(legend, d->g_label, "Key") || set_attr(legend, d->g_style, "rounded") ||
	    set_attr(legend, d->g_color, "#888888") || set_attr(legend, d->g_labeljust, "l") ||
	    set_attr(legend, d->g_fontsize, "11"))
		return -1;

	if (d->org_marks) {
		static const enum acg_render_mark order[] = {ACG_MARK_ADDED, ACG_MARK_REMOVED,
							     ACG_MARK_CHANGED, ACG_MARK_SAME};

		for (t = 0; t < sizeof(order) / sizeof(*order); t++)
			if (d->marks_drawn[order[t]] &&
			    !(row[n++] = mark_sample(d, legend, order[t])))
				goto out;
		if (end_legend_row(d, legend, row, &n, &above, &rows))
			goto out;
	}

	for (t = 0; t < d->m->org_types.n + d->m->link_types.n; t++) {
		bool is_link = t >= d->m->org_types.n;
		size_t k = is_link ? t - d->m->org_types.n : t;

		if (is_link ? !d->links_drawn[k] : !d->types_drawn[k])
			continue;
		/* Link types start a new row. */
		if (units && (units == per_row[row_of_links] || is_link != row_of_links)) {
			if (end_legend_row(d, legend, row, &n, &above, &rows))
				goto out;
			units = 0;
		}
		row_of_links = is_link;
		if (is_link) {
			if (link_sample(d, legend, k, &row[n], &row[n + 1]))
				goto out;
			n += 2;
		} else if (!(row[n++] = legend_node(d, legend, d->olook[k].label, k))) {
			goto out;
		}
		units++;
	}

	/* Notes on the encodings in use. */
	if (d->org_marks)
		sb_puts(&text, "Colour: the change, for organisations and arrows alike; "
			       "what was removed is dashed\n");
	if (d->hl_root != ACG_NONE)
		sb_printf(&text, "Bold outline: %s and the organisations on its upward chains\n",
			  d->m->orgs[d->hl_root].name);
	if (d->max_size > 0)
		sb_printf(&text, "Node area: %s (largest %.4g)\n",
			  d->opt->size_label ? d->opt->size_label : "size", d->max_size);
	for (t = 0; t < d->nedges; t++)
		if (d->edges[t].count > 1)
			break;
	if (d->weights_vary)
		sb_printf(&text, "Line width: link weight%s (largest %.4g)\n",
			  t < d->nedges ? ", summed over merged links" : "", d->max_weight);
	if (t < d->nedges)
		sb_puts(&text, "Numbers on arrows: links merged into one\n");
	if (text.failed)
		goto out;
	if (text.n) {
		text.s[--text.n] = '\0';
		if (n && units < per_row[row_of_links]) {
			/* Room in the last row. */
			if (!(row[n++] = legend_node(d, legend, sb_str(&text), ACG_NONE)))
				goto out;
		} else {
			if (end_legend_row(d, legend, row, &n, &above, &rows))
				goto out;
			if (!(row[n++] = legend_node(d, legend, sb_str(&text), ACG_NONE)))
				goto out;
		}
	}
	if (end_legend_row(d, legend, row, &n, &above, &rows))
		goto out;
	rc = 0;
out:
	sb_release(&text);
	return rc;
}

/*
 * Shortens a citation to at most about `max` characters: at the last clause
 * break (", ", "; ", ": ") that keeps at least half of them, else at the last
 * space, with an ellipsis to show that it was cut.
 */
static void put_short(struct sbuf *b, const char *s, size_t max)
{
	size_t i, chars = 0, space = 0, clause = 0;

	for (i = 0; s[i]; i++) {
		if (((unsigned char)s[i] & 0xc0) == 0x80)
			continue;
		if (chars == max)
			break;
		if (s[i] == ' ') {
			space = i;
			if (i > 0 && strchr(",;:", s[i - 1]) && chars >= max / 2)
				clause = i - 1;
		}
		chars++;
	}
	if (!s[i]) {
		sb_puts(b, s);
		return;
	}
	i = clause ? clause : space ? space : i;
	while (i > 0 && strchr(" ,;:(", s[i - 1]))
		i--;
	sb_putn(b, s, i);
	sb_puts(b, "\xe2\x80\xa6"); /* U+2026 ellipsis */
}

/* "WHAT 3 added, 2 removed, 40 unchanged.": the marks that occur, counted. */
static void put_mark_counts(struct sbuf *b, const char *what, const size_t count[ACG_MARK_COUNT])
{
	static const enum acg_render_mark order[] = {ACG_MARK_ADDED, ACG_MARK_REMOVED,
						     ACG_MARK_CHANGED, ACG_MARK_SAME};
	size_t i, shown = 0;

	sb_puts(b, what);
	for (i = 0; i < sizeof(order) / sizeof(*order); i++) {
		char lower[16];
		size_t k;

		if (!count[order[i]])
			continue;
		for (k = 0; mark_looks[order[i]].label[k] && k < sizeof(lower) - 1; k++)
			lower[k] = (char)tolower((unsigned char)mark_looks[order[i]].label[k]);
		lower[k] = '\0';
		sb_printf(b, "%s %zu %s", shown++ ? "," : "", count[order[i]], lower);
	}
	sb_puts(b, shown ? "." : " none.");
}

/* The most sources the caption names; the others are counted. */
#define CAPTION_SOURCES 6

/*
 * The caption: the title; the as-of date, what is drawn and the selection;
 * the sources most cited by the organisations and links drawn (every source
 * counts when none is cited), most cited first, each citation shortened,
 * and how many more the file lists.
 */
static int make_caption(struct drawing *d)
{
	const struct acg_model *m = d->m;
	struct sbuf text = {0}, label = {0};
	size_t *cites = calloc(m->nsources ? m->nsources : 1, sizeof(*cites));
	size_t i, j, k, shown = 0, cited = 0;
	char date[ACG_DATE_BUFSIZE];
	char *part, *nl;
	unsigned width;
	int rc = -1;

	if (!cites)
		return -1;
	for (i = 0; i < m->norgs; i++)
		for (j = 0; j < m->orgs[i].sources.n; j++)
			cites[m->orgs[i].sources.v[j]]++;
	for (i = 0; i < m->nlinks; i++)
		for (j = 0; j < m->links[i].sources.n; j++)
			cites[m->links[i].sources.v[j]]++;
	for (i = 0; i < m->nsources; i++)
		cited += cites[i] > 0;
	if (!cited)
		for (i = 0; i < m->nsources; i++)
			cites[i] = 1;

	/* About as wide as the drawing is likely to be. */
	width = d->row_width < 4 ? 80 : d->row_width < 7 ? 110 : 140;

	if (m->title)
		sb_printf(&text, "%s\n", m->title);
	if (m->as_of != ACG_DATE_NONE)
		sb_printf(&text, "As of %s. ", acg_date_format(m->as_of, date));
	if (d->org_marks) {
		/* Both systems are drawn: count the changes rather than the union. */
		if (d->opt->ego)
			sb_printf(&text, "Within %u link%s of %s. ", d->opt->depth,
				  d->opt->depth == 1 ? "" : "s",
				  m->orgs[acg_model_find_org(m, d->opt->ego)].name);
		put_mark_counts(&text, "Organisations:", d->marked_orgs);
		put_mark_counts(&text, " Links:", d->marked_links);
	} else {
		sb_printf(&text, "%zu organisation%s and %zu link%s", m->norgs,
			  m->norgs == 1 ? "" : "s", m->nlinks, m->nlinks == 1 ? "" : "s");
		if (d->opt->ego)
			sb_printf(&text, " within %u link%s of %s", d->opt->depth,
				  d->opt->depth == 1 ? "" : "s",
				  m->orgs[acg_model_find_org(m, d->opt->ego)].name);
		sb_puts(&text, ".");
	}
	if (d->opt->selection && *d->opt->selection)
		sb_printf(&text, " Selected with %s.", d->opt->selection);
	for (k = 0; k < CAPTION_SOURCES; k++) {
		size_t best = ACG_NONE;

		for (i = 0; i < m->nsources; i++)
			if (cites[i] && (best == ACG_NONE || cites[i] > cites[best]))
				best = i;
		if (best == ACG_NONE)
			break;
		sb_puts(&text, shown++ ? "; " : "\nSources: ");
		put_short(&text, m->sources[best].citation ? m->sources[best].citation
							   : m->sources[best].id,
			  72);
		cites[best] = 0;
	}
	for (i = 0, k = 0; i < m->nsources; i++)
		k += cites[i] > 0;
	if (k)
		sb_printf(&text, "; and %zu more listed in the system's file", k);
	if (shown && text.n && text.s[text.n - 1] != '.' &&
	    !(text.n >= 3 && !memcmp(text.s + text.n - 3, "\xe2\x80\xa6", 3)))
		sb_puts(&text, ".");
	if (text.failed)
		goto out;

	/* Each part wrapped to the width, left-justified; the title stays whole. */
	for (part = text.s; part; part = nl ? nl + 1 : NULL) {
		nl = strchr(part, '\n');
		if (nl)
			*nl = '\0';
		sb_label(&label, part, part == text.s && m->title ? 0 : width, 'l');
	}
	if (!label.failed && !set_attr(d->g, d->g_label, sb_str(&label)) &&
	    !set_attr(d->g, d->g_labeljust, "l") && !set_attr(d->g, d->g_fontsize, "12"))
		rc = 0;
out:
	sb_release(&text);
	sb_release(&label);
	free(cites);
	return rc;
}

/* ---- one call ---------------------------------------------------------------------- */

static void drawing_release(struct drawing *d)
{
	free(d->olook);
	free(d->llook);
	free(d->nodes);
	free(d->node_of);
	free(d->edges);
	free(d->collapsed);
	free(d->hl_org);
	free(d->types_drawn);
	free(d->links_drawn);
	free(d->legend);
	sb_release(&d->buf);
	sb_release(&d->auto_names);
}

/* Checks the options against the model; ACG_EUSAGE with a diagnostic when one is wrong. */
static enum acg_status check_options(const struct acg_model *m,
				     const struct acg_render_options *opt,
				     struct acg_diags *diags)
{
	size_t i, k;

	if ((unsigned)opt->format >= ACG_RENDER_FORMAT_COUNT ||
	    (unsigned)opt->layout >= ACG_LAYOUT_COUNT) {
		acg_diags_add(diags, ACG_ERROR, ACG_EUSAGE, NULL, 0, 0, NULL,
			      "unknown format or layout");
		return ACG_EUSAGE;
	}
	if (!opt->org_marks != !opt->link_marks) {
		acg_diags_add(diags, ACG_ERROR, ACG_EUSAGE, NULL, 0, 0, NULL,
			      "change marks need one array for organisations and one for links");
		return ACG_EUSAGE;
	}
	if (opt->org_marks && opt->highlight) {
		acg_diags_add(diags, ACG_ERROR, ACG_EUSAGE, NULL, 0, 0, NULL,
			      "--highlight cannot be combined with --diff (colour shows the change)");
		return ACG_EUSAGE;
	}
	if (opt->highlight && acg_model_find_org(m, opt->highlight) == ACG_NONE) {
		acg_diags_add(diags, ACG_ERROR, ACG_EUSAGE, NULL, 0, 0, NULL,
			      "--highlight: no organisation has id \"%s\"%s", opt->highlight,
			      m->norgs ? "" : " (the selection keeps no organisation)");
		return ACG_EUSAGE;
	}
	if (opt->ego && acg_model_find_org(m, opt->ego) == ACG_NONE) {
		acg_diags_add(diags, ACG_ERROR, ACG_EUSAGE, NULL, 0, 0, NULL,
			      "--ego: no organisation has id \"%s\"%s", opt->ego,
			      m->norgs ? "" : " (the selection keeps no organisation)");
		return ACG_EUSAGE;
	}
	for (i = 0; i < opt->ncollapse; i++)
		if (acg_type_find(&m->org_types, opt->collapse[i]) == ACG_NONE) {
			acg_diags_add(diags, ACG_ERROR, ACG_EUSAGE, NULL, 0, 0, NULL,
				      "--collapse: the system has no organisation type \"%s\"",
				      opt->collapse[i]);
			return ACG_EUSAGE;
		}
	if (opt->ncluster_by > ACG_RENDER_MAX_CLUSTER_LEVELS) {
		acg_diags_add(diags, ACG_ERROR, ACG_EUSAGE, NULL, 0, 0, NULL,
			      "--cluster-by: at most %d keys (an outer and an inner cluster)",
			      ACG_RENDER_MAX_CLUSTER_LEVELS);
		return ACG_EUSAGE;
	}
	for (k = 0; k < opt->ncluster_by; k++) {
		const char *key = opt->cluster_by[k];
		bool found = !strcmp(key, "type");

		for (i = 0; !found && i < m->norgs; i++) {
			size_t a;

			if (!strcmp(key, "region")) {
				found = m->orgs[i].region != NULL;
				continue;
			}
			for (a = 0; a < m->orgs[i].attrs.n; a++)
				if (!strcmp(m->orgs[i].attrs.v[a].key, key))
					found = true;
		}
		if (found || !m->norgs)
			continue;
		if (!strcmp(key, "region"))
			acg_diags_add(diags, ACG_ERROR, ACG_EUSAGE, NULL, 0, 0, NULL,
				      "--cluster-by: no organisation has a region");
		else
			acg_diags_add(diags, ACG_ERROR, ACG_EUSAGE, NULL, 0, 0, NULL,
				      "--cluster-by: no organisation has an attribute \"%s\" (keys "
				      "are region, type or the name of an attribute)",
				      key);
		return ACG_EUSAGE;
	}
	return ACG_OK;
}

static void report(const struct acg_render_options *opt, struct drawing *d,
		   enum acg_render_phase phase)
{
	struct acg_render_progress p;

	if (!opt->progress)
		return;
	p.phase = phase;
	p.layout = d->layout;
	p.switched = d->switched;
	p.nodes = d->nnodes;
	p.edges = d->nedges;
	p.auto_collapsed = d->auto_names.n ? sb_str(&d->auto_names) : NULL;
	opt->progress(&p, opt->progress_arg);
}

/* Builds the whole cgraph graph of the drawing in d->g. */
static enum acg_status build_graph(struct drawing *d)
{
	bool clusters = d->layout == ACG_LAYOUT_DOT || d->layout == ACG_LAYOUT_FDP;

	d->g = new_graph("accgraph");
	if (!d->g || declare_all(d) || graph_attributes(d) || make_nodes(d) || make_edges(d))
		return ACG_ENOMEM;
	if (d->layout == ACG_LAYOUT_DOT && make_tiers(d))
		return ACG_ENOMEM;
	if (d->opt->ncluster_by && clusters && make_clusters(d))
		return ACG_ENOMEM;
	/*
	 * With dot the legend is laid out with the drawing; the other layouts
	 * cannot keep it together, so it is placed after them (place_legend()),
	 * except in the dot format, which is the graph before any layout.
	 */
	if (d->opt->legend && (d->layout == ACG_LAYOUT_DOT || d->opt->format == ACG_RENDER_DOT) &&
	    (make_legend(d) || make_caption(d)))
		return ACG_ENOMEM;
	return ACG_OK;
}

/* Writes the graph before layout (agwrite) into a new buffer. */
static enum acg_status write_dot(Agraph_t *g, char **data, size_t *len)
{
	FILE *f = open_memstream(data, len);
	int rc;

	if (!f)
		return ACG_ENOMEM;
	rc = agwrite(g, f);
	if (fclose(f) || rc) {
		free(*data);
		*data = NULL;
		*len = 0;
		return ACG_ENOMEM;
	}
	return ACG_OK;
}

/*
 * Cairo 1.16 stamps PDF files with the time they were made
 * ("/CreationDate (D:YYYYMMDDHHMMSS+HH'MM')"); overwrite the digits and
 * offset in place with a fixed date, so the same diagram gives the same
 * bytes (the cross-reference offsets stay valid: the length is unchanged).
 */
static void fix_pdf_date(char *data, size_t len)
{
	static const char key[] = "/CreationDate (D:", fixed[] = "19700101000000";
	size_t k = sizeof(key) - 1, i, digit = 0;

	for (i = 0; i + k < len; i++) {
		if (memcmp(data + i, key, k))
			continue;
		for (i += k; i < len && data[i] != ')'; i++)
			if (data[i] >= '0' && data[i] <= '9') {
				data[i] = digit < sizeof(fixed) - 1 ? fixed[digit] : '0';
				digit++;
			}
		break;
	}
}

/* The value of attribute name of obj, or "" (an undeclared attribute too). */
static const char *get_attr(void *obj, const char *name)
{
	const char *v = agget(obj, gv_str(name));

	return v ? v : "";
}

/* Reads "llx,lly,urx,ury" (points); false when it is not that. */
static bool read_box(const char *s, double b[4])
{
	return sscanf(s, "%lf,%lf,%lf,%lf", &b[0], &b[1], &b[2], &b[3]) == 4;
}

/*
 * Writes Graphviz's layout into the graph's attributes (pos, width, height,
 * bb, lp), as `dot -Tdot` does, without output.
 */
static enum acg_status attach_layout(struct acg_renderer *r, Agraph_t *g,
				     struct acg_diags *diags)
{
	if (gvRender(r->gvc, g, "dot", NULL) == 0)
		return ACG_OK;
	flush_messages(diags);
	acg_diags_add(diags, ACG_ERROR, ACG_ELIB, NULL, 0, 0, NULL,
		      "Graphviz has no format \"dot\" (is the graphviz plugin configuration "
		      "missing? run dot -c as root)");
	return ACG_ELIB;
}

/* Sets attribute name (declared on the fly with an empty default) of obj. */
static int set_any(Agraph_t *g, void *obj, int kind, const char *name, const char *value)
{
	Agsym_t *sym = agattr(g, kind, gv_str(name), NULL);

	if (!sym && !(sym = declare(g, kind, name, "")))
		return -1;
	return set_attr(obj, sym, value);
}

/*
 * Layouts other than dot: d->g has been laid out without the legend.  The
 * legend is laid out on its own with dot, then added to d->g under the
 * drawing, left-aligned, with every position fixed; the caption is added
 * too.  Afterwards d->g is laid out again with "nop2" (neato -n2), which
 * keeps the positions and the edges' routes and routes only the legend's
 * arrows.  *laid_out says whether d->g holds a layout (to free) on return.
 */
static enum acg_status place_legend(struct acg_renderer *r, struct drawing *d, bool *laid_out)
{
	struct drawing ld = *d;
	double main_bb[4], key_bb[4], dx, dy;
	char pos[64];
	size_t k;
	enum acg_status st;

	/* The drawing as laid out. */
	if ((st = attach_layout(r, d->g, d->diags)) != ACG_OK)
		return st;
	if (!read_box(get_attr(d->g, "bb"), main_bb))
		memset(main_bb, 0, sizeof(main_bb));
	gvFreeLayout(r->gvc, d->g);
	*laid_out = false;

	/* The legend alone, with dot. */
	memset(&ld.buf, 0, sizeof(ld.buf));
	ld.legend = NULL;
	ld.nlegend = ld.legend_cap = 0;
	ld.layout = ACG_LAYOUT_DOT;
	ld.lowest_tier = 0;
	ld.serial = 0;
	st = ACG_ENOMEM;
	if (!(ld.g = new_graph("legend")) || declare_all(&ld) ||
	    graph_attributes(&ld) || make_legend(&ld))
		goto out;
	if (gvLayout(r->gvc, ld.g, "dot") != 0) {
		flush_messages(d->diags);
		acg_diags_add(d->diags, ACG_ERROR, ACG_ELIB, NULL, 0, 0, NULL,
			      "Graphviz has no layout \"dot\" (is the graphviz plugin configuration "
			      "missing? run dot -c as root)");
		st = ACG_ELIB;
		goto out;
	}
	st = attach_layout(r, ld.g, d->diags);
	gvFreeLayout(r->gvc, ld.g);
	if (st != ACG_OK)
		goto out;
	st = ACG_ENOMEM;
	if (!read_box(get_attr(ld.g, "bb"), key_bb))
		memset(key_bb, 0, sizeof(key_bb));

	/* The same legend in the drawing, moved under it. */
	if (make_legend(d) || d->nlegend != ld.nlegend)
		goto out;
	dx = main_bb[0] - key_bb[0];
	dy = main_bb[1] - 18 - key_bb[3];
	for (k = 0; k < d->nlegend; k++) {
		double x, y;

		if (sscanf(get_attr(ld.legend[k], "pos"), "%lf,%lf", &x, &y) != 2)
			x = y = 0;
		snprintf(pos, sizeof(pos), "%.2f,%.2f", x + dx, y + dy);
		if (set_any(d->g, d->legend[k], AGNODE, "pos", pos))
			goto out;
	}
	if (ld.legend_cluster && read_box(get_attr(ld.legend_cluster, "bb"), key_bb)) {
		double lx, ly;

		snprintf(pos, sizeof(pos), "%.2f,%.2f,%.2f,%.2f", key_bb[0] + dx, key_bb[1] + dy,
			 key_bb[2] + dx, key_bb[3] + dy);
		if (set_any(d->g, d->legend_cluster, AGRAPH, "bb", pos))
			goto out;
		if (sscanf(get_attr(ld.legend_cluster, "lp"), "%lf,%lf", &lx, &ly) == 2) {
			snprintf(pos, sizeof(pos), "%.2f,%.2f", lx + dx, ly + dy);
			if (set_any(d->g, d->legend_cluster, AGRAPH, "lp", pos))
				goto out;
		}
	}
	/* The layout attribute names the engine gvLayout() uses. */
	if (make_caption(d) || set_any(d->g, d->g, AGRAPH, "bb", "") ||
	    set_any(d->g, d->g, AGRAPH, "layout", "nop2"))
		goto out;

	/* Everything placed: route the legend's arrows, place the caption. */
	if (gvLayout(r->gvc, d->g, "nop2") != 0) {
		flush_messages(d->diags);
		acg_diags_add(d->diags, ACG_ERROR, ACG_ELIB, NULL, 0, 0, NULL,
			      "Graphviz has no layout \"nop2\" (is the graphviz plugin "
			      "configuration missing? run dot -c as root)");
		st = ACG_ELIB;
		goto out;
	}
	*laid_out = true;
	st = ACG_OK;
out:
	if (ld.g)
		agclose(ld.g);
	free(ld.legend);
	sb_release(&ld.buf);
	return st;
}

/* Lays out and draws d->g in opt->format into a new buffer. */
static enum acg_status layout_and_draw(struct acg_renderer *r, struct drawing *d, char **data,
				       size_t *len)
{
	const char *engine = acg_layout_name(d->layout);
	const char *format = gv_formats[d->opt->format];
	char *out = NULL;
	unsigned int n = 0;
	enum acg_status st = ACG_OK;

	report(d->opt, d, ACG_RENDER_LAYOUT_BEGIN);
	if (gvLayout(r->gvc, d->g, engine) != 0) {
		flush_messages(d->diags);
		acg_diags_add(d->diags, ACG_ERROR, ACG_ELIB, NULL, 0, 0, NULL,
			      "Graphviz has no layout \"%s\" or could not lay out the diagram (is "
			      "the graphviz plugin configuration missing? run dot -c as root)",
			      engine);
		return ACG_ELIB;
	}
	if (d->layout != ACG_LAYOUT_DOT && d->opt->legend) {
		bool laid_out = true;

		st = place_legend(r, d, &laid_out);
		if (st != ACG_OK) {
			if (laid_out)
				gvFreeLayout(r->gvc, d->g);
			return st;
		}
	}
	report(d->opt, d, ACG_RENDER_LAYOUT_END);
	report(d->opt, d, ACG_RENDER_DRAW_BEGIN);
	if (gvRenderData(r->gvc, d->g, format, &out, &n) != 0) {
		flush_messages(d->diags);
		acg_diags_add(d->diags, ACG_ERROR, ACG_ELIB, NULL, 0, 0, NULL,
			      "Graphviz has no format \"%s\" or could not draw the diagram (is "
			      "the graphviz plugin configuration missing? run dot -c as root)",
			      format);
		st = ACG_ELIB;
	} else {
		*data = malloc((size_t)n + 1);
		if (!*data) {
			st = ACG_ENOMEM;
		} else {
			memcpy(*data, out, n);
			(*data)[n] = '\0';
			*len = n;
			if (d->opt->format == ACG_RENDER_PDF)
				fix_pdf_date(*data, *len);
		}
	}
	if (out)
		gvFreeRenderData(out);
	gvFreeLayout(r->gvc, d->g);
	report(d->opt, d, ACG_RENDER_DRAW_END);
	return st;
}

enum acg_status acg_render_buffer(struct acg_renderer *r, const struct acg_model *model,
				  const struct acg_render_options *opt, char **data, size_t *len,
				  struct acg_diags *diags)
{
	struct drawing d;
	struct acg_model *ego = NULL;
	bool *keep = NULL;
	double *sizes = NULL;
	enum acg_render_mark *org_marks = NULL, *link_marks = NULL;
	enum acg_status st;
	size_t i;

	*data = NULL;
	*len = 0;
	memset(&d, 0, sizeof(d));
	d.opt = opt;
	d.diags = diags;
	d.hl_root = ACG_NONE;
	sb_release(&gv_messages);
	agreseterrors();

	if (!r) {
		acg_diags_add(diags, ACG_ERROR, ACG_EUSAGE, NULL, 0, 0, NULL, "no renderer");
		return ACG_EUSAGE;
	}
	if ((st = check_options(model, opt, diags)) != ACG_OK)
		return st;
	d.m = model;
	d.sizes = opt->sizes;
	d.org_marks = opt->org_marks;
	d.link_marks = opt->link_marks;
	st = ACG_ENOMEM;
	if (opt->ego) {
		size_t k = 0;

		if (!(keep = calloc(model->norgs ? model->norgs : 1, sizeof(*keep))))
			goto out;
		st = ego_model(model, acg_model_find_org(model, opt->ego), opt->depth, &ego, keep,
			       diags);
		if (st != ACG_OK)
			goto out;
		st = ACG_ENOMEM;
		d.m = ego;
		if (opt->sizes) {
			if (!(sizes = malloc((ego->norgs ? ego->norgs : 1) * sizeof(*sizes))))
				goto out;
			for (i = 0; i < model->norgs; i++)
				if (keep[i])
					sizes[k++] = opt->sizes[i];
			d.sizes = sizes;
		}
		if (opt->org_marks) {
			org_marks = malloc((ego->norgs ? ego->norgs : 1) * sizeof(*org_marks));
			link_marks = malloc((ego->nlinks ? ego->nlinks : 1) * sizeof(*link_marks));
			if (!org_marks || !link_marks)
				goto out;
			/* ego_model() keeps the organisations in order and every link between them. */
			for (i = 0, k = 0; i < model->norgs; i++)
				if (keep[i])
					org_marks[k++] = opt->org_marks[i];
			for (i = 0, k = 0; i < model->nlinks; i++)
				if (keep[model->links[i].from] && keep[model->links[i].to])
					link_marks[k++] = opt->link_marks[i];
			d.org_marks = org_marks;
			d.link_marks = link_marks;
		}
		if (opt->highlight && acg_model_find_org(ego, opt->highlight) == ACG_NONE) {
			acg_diags_add(diags, ACG_ERROR, ACG_EUSAGE, NULL, 0, 0, NULL,
				      "--highlight: \"%s\" is not within %u link%s of \"%s\"",
				      opt->highlight, opt->depth, opt->depth == 1 ? "" : "s",
				      opt->ego);
			st = ACG_EUSAGE;
			goto out;
		}
	}
	if (d.org_marks) {
		for (i = 0; i < d.m->norgs; i++) {
			if ((unsigned)d.org_marks[i] >= ACG_MARK_SUCCESSION)
				goto bad_mark;
			d.marked_orgs[d.org_marks[i]]++;
		}
		for (i = 0; i < d.m->nlinks; i++) {
			if ((unsigned)d.link_marks[i] >= ACG_MARK_COUNT)
				goto bad_mark;
			d.marked_links[d.link_marks[i]]++;
		}
	}
	if (!(d.olook = org_looks(d.m)) || !(d.llook = link_looks(d.m)))
		goto out;
	if (!(d.collapsed = calloc(d.m->org_types.n ? d.m->org_types.n : 1, sizeof(bool))))
		goto out;
	for (i = 0; i < opt->ncollapse; i++)
		d.collapsed[acg_type_find(&d.m->org_types, opt->collapse[i])] = true;
	if (opt->auto_collapse && (opt->layout == ACG_LAYOUT_AUTO || opt->layout == ACG_LAYOUT_DOT) &&
	    auto_collapse(&d))
		goto out;
	if (opt->highlight) {
		d.hl_root = acg_model_find_org(d.m, opt->highlight);
		if (!(d.hl_org = calloc(d.m->norgs, sizeof(*d.hl_org))))
			goto out;
		if ((st = upward_from(d.m, d.hl_root, d.hl_org, diags)) != ACG_OK)
			goto out;
		st = ACG_ENOMEM;
	}
	if ((st = build_drawing(&d)) != ACG_OK)
		goto out;

	d.layout = opt->layout;
	if (d.layout == ACG_LAYOUT_AUTO) {
		d.switched = d.nnodes > ACG_RENDER_DOT_LIMIT;
		d.layout = d.switched ? ACG_LAYOUT_SFDP : ACG_LAYOUT_DOT;
	}
	if (opt->ncluster_by && d.layout == ACG_LAYOUT_FDP && opt->format != ACG_RENDER_DOT)
		acg_diags_add(diags, ACG_WARNING, ACG_OK, NULL, 0, 0, NULL,
			      "fdp lays clusters out differently from run to run (Graphviz's fdp, "
			      "even with a fixed seed): this drawing is not reproducible; the dot "
			      "layout draws clusters the same way every time");
	if (opt->ncluster_by && d.layout != ACG_LAYOUT_DOT && d.layout != ACG_LAYOUT_FDP)
		acg_diags_add(diags, ACG_WARNING, ACG_OK, NULL, 0, 0, NULL,
			      "the %s layout draws no clusters: --cluster-by is ignored (the dot "
			      "and fdp layouts draw them)",
			      acg_layout_name(d.layout));
	st = ACG_ENOMEM;
	if (count_tiers(&d))
		goto out;
	report(opt, &d, ACG_RENDER_START);

	if ((st = build_graph(&d)) != ACG_OK)
		goto out;
	if (opt->format == ACG_RENDER_DOT)
		st = write_dot(d.g, data, len);
	else
		st = layout_and_draw(r, &d, data, len);
	goto out;
bad_mark:
	acg_diags_add(diags, ACG_ERROR, ACG_EUSAGE, NULL, 0, 0, NULL, "a change mark is out of range");
	st = ACG_EUSAGE;
out:
	if (d.g)
		agclose(d.g);
	flush_messages(diags);
	drawing_release(&d);
	acg_model_free(ego);
	free(keep);
	free(sizes);
	free(org_marks);
	free(link_marks);
	return st;
}

enum acg_status acg_render_write(struct acg_renderer *r, const struct acg_model *model,
				 const struct acg_render_options *opt, FILE *f,
				 struct acg_diags *diags)
{
	char *data;
	size_t len;
	enum acg_status st = acg_render_buffer(r, model, opt, &data, &len, diags);

	if (st != ACG_OK)
		return st;
	if (fwrite(data, 1, len, f) != len || fflush(f) != 0)
		st = ACG_EIO;
	free(data);
	return st;
}
