/*
 * fuzz_render.c - libFuzzer target: render's label escaping and the DOT
 * (and SVG) it writes.
 *
 * Input: one flags byte, then pieces of text separated by NUL bytes.  The
 * pieces become every text of a fixed four-organisation system that a
 * diagram shows or may use as a name: the title, organisation names, an id,
 * regions, a link's label and mechanism, type labels, a citation and its
 * url, attribute values, a `for` entry and the selection shown in the
 * caption.  (A piece that is not UTF-8 has its bad bytes made '?': the
 * loader refuses such text, so render never sees it.)  The flags choose the
 * options: clustering by region and by an attribute, collapsing a type,
 * wrapping, the legend, a highlight, and SVG (laid out by dot) as well as
 * the DOT written before layout.
 *
 * Whatever the text, the drawing's structure must not change: the DOT
 * written must parse (agmemread) to as many nodes and edges as the same
 * system with plain names gives, and the SVG must hold as many node and
 * edge groups, no "<script" and nothing after "</svg>".  So no name can
 * inject a node, an edge, an attribute or markup.
 */
#define _GNU_SOURCE /* memmem */
#include "fuzz.h"

#include <cgraph.h>
#include <jansson.h>

enum {
	P_TITLE, P_NAME_A, P_NAME_B, P_ID_C, P_REGION_A, P_REGION_B, P_LINK_LABEL, P_TYPE_LABEL_A,
	P_TYPE_LABEL_B, P_CITATION, P_URL, P_AREA_A, P_AREA_B, P_NAME_D, P_FOR, P_SELECTION,
	P_MECHANISM, P_LINK_TYPE_LABEL, P_COUNT
};

#define F_CLUSTER_REGION 0x01
#define F_CLUSTER_AREA 0x02
#define F_SVG 0x04
#define F_COLLAPSE 0x08
#define F_WRAP_SHIFT 4 /* two bits: wrap 18, 0, 5, 1 */
#define F_NO_LEGEND 0x40
#define F_HIGHLIGHT 0x80

static struct acg_renderer *renderer;

struct shape {
	bool known;
	int nodes, edges;   /* of the DOT, parsed back */
	int svg_nodes, svg_edges; /* of the SVG */
};
static struct shape baseline[256];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct acg_diags diags = ACG_DIAGS_INIT;

	(void)argc;
	(void)argv;
	acg_init();
	if (acg_renderer_new(&renderer, &diags) != ACG_OK)
		fuzz_fail("acg_renderer_new failed");
	acg_diags_release(&diags);
	return 0;
}

/* Length of the valid UTF-8 sequence at s (RFC 3629), or 0. */
static size_t utf8_valid(const unsigned char *s, size_t n)
{
	size_t len, i;
	unsigned long c;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		len = 2, c = s[0] & 0x1F;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		len = 3, c = s[0] & 0x0F;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		len = 4, c = s[0] & 0x07;
	else
		return 0;
	if (len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3F);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
	    (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	return len;
}

/* A JSON string of the n bytes at s, bad UTF-8 made '?'. */
static json_t *text(const unsigned char *s, size_t n)
{
	char *t = malloc(n + 1);
	size_t i = 0, k;
	json_t *j;

	while (i < n) {
		k = utf8_valid(s + i, n - i);
		if (k) {
			memcpy(t + i, s + i, k);
			i += k;
		} else {
			t[i++] = '?';
		}
	}
	j = json_stringn(t, n);
	free(t);
	if (!j)
		fuzz_fail("json_stringn refused sanitised text");
	return j;
}

/* The fixed system with the pieces in place, as a JSON document. */
static char *make_system(json_t *const p[P_COUNT], size_t *len)
{
	json_t *c_id = json_pack("s+", "c", json_string_value(p[P_ID_C]));
	json_t *doc = json_pack(
		"{s:i, s:O, s:s,"
		" s:[{s:s, s:O, s:O}],"
		" s:{s:{s:O, s:i}, s:{s:O, s:i}, s:{s:i}},"
		" s:{s:{s:O}, s:{}},"
		" s:[{s:s, s:O, s:s, s:O, s:[s], s:{s:O}},"
		"    {s:s, s:O, s:s, s:O, s:{s:O}},"
		"    {s:O, s:O, s:s},"
		"    {s:s, s:O, s:s}],"
		" s:[{s:O, s:s, s:s, s:O, s:O},"
		"    {s:s, s:s, s:s},"
		"    {s:s, s:s, s:s, s:[O]},"
		"    {s:O, s:s, s:s}]}",
		"accgraph", 1, "title", p[P_TITLE], "as_of", "2013-04-01",
		"sources", "id", "s1", "citation", p[P_CITATION], "url", p[P_URL],
		"organisation_types", "national_body", "label", p[P_TYPE_LABEL_A], "tier", 1,
		"odd type", "label", p[P_TYPE_LABEL_B], "tier", 2, "provider", "tier", 3,
		"link_types", "statutory", "label", p[P_LINK_TYPE_LABEL], "contractual",
		"organisations",
		"id", "a", "name", p[P_NAME_A], "type", "national_body", "region", p[P_REGION_A],
		"sources", "s1", "attributes", "area", p[P_AREA_A],
		"id", "b", "name", p[P_NAME_B], "type", "odd type", "region", p[P_REGION_B],
		"attributes", "area", p[P_AREA_B],
		"id", c_id, "name", p[P_ID_C], "type", "provider",
		"id", "d", "name", p[P_NAME_D], "type", "provider",
		"links",
		"from", c_id, "to", "b", "type", "statutory", "label", p[P_LINK_LABEL], "mechanism",
		p[P_MECHANISM],
		"from", "b", "to", "a", "type", "statutory",
		"from", "d", "to", "a", "type", "contractual", "for", p[P_FOR],
		"from", c_id, "to", "a", "type", "contractual");
	char *s;

	if (!c_id || !doc)
		fuzz_fail("json_pack failed");
	s = json_dumps(doc, JSON_COMPACT);
	*len = strlen(s);
	json_decref(doc);
	json_decref(c_id);
	return s;
}

static size_t count(const char *hay, size_t n, const char *needle)
{
	size_t k = 0, m = strlen(needle);
	const char *p = hay, *end = hay + n;

	while ((p = memmem(p, (size_t)(end - p), needle, m))) {
		k++;
		p += m;
	}
	return k;
}

/*
 * Renders the system and measures what was drawn, for the caller to
 * compare.  False when the loader refuses the text (an empty name, say):
 * nothing to draw.
 */
static bool draw(const char *doc, size_t doclen, unsigned flags, const char *selection,
		 struct shape *s)
{
	struct acg_diags diags = ACG_DIAGS_INIT;
	struct acg_model *m = NULL;
	struct acg_render_options opt;
	const char *keys[2];
	const char *collapse[] = {"provider"};
	static const unsigned wraps[] = {ACG_RENDER_DEFAULT_WRAP, 0, 5, 1};
	char *out = NULL;
	size_t len = 0, k = 0;
	enum acg_status st;
	Agraph_t *g;
	bool drawn = false;

	st = acg_load_buffer(doc, doclen, "fuzz.json", &m, &diags);
	if (st == ACG_ENOMEM || st == ACG_EINVAL)
		goto out;
	if (st != ACG_OK)
		fuzz_fail("the system does not load: %s (%s)\n%s", acg_status_str(st),
			  diags.n ? diags.v[0].message : "", doc);
	acg_render_options_init(&opt);
	if (flags & F_CLUSTER_REGION)
		keys[k++] = "region";
	if (flags & F_CLUSTER_AREA)
		keys[k++] = "area";
	opt.cluster_by = keys;
	opt.ncluster_by = k;
	if (flags & F_COLLAPSE) {
		opt.collapse = collapse;
		opt.ncollapse = 1;
	}
	opt.wrap = wraps[(flags >> F_WRAP_SHIFT) & 3];
	opt.legend = !(flags & F_NO_LEGEND);
	if (flags & F_HIGHLIGHT)
		opt.highlight = "b";
	opt.selection = selection;
	opt.layout = ACG_LAYOUT_DOT;

	opt.format = ACG_RENDER_DOT;
	st = acg_render_buffer(renderer, m, &opt, &out, &len, &diags);
	if (st == ACG_ENOMEM)
		goto out;
	if (st != ACG_OK)
		fuzz_fail("render to dot: %s (%s)", acg_status_str(st),
			  diags.n ? diags.v[diags.n - 1].message : "");
	if (strlen(out) != len)
		fuzz_fail("render to dot: length %zu, strlen %zu", len, strlen(out));
	g = agmemread(out);
	if (!g) {
		fprintf(stderr, "%s\n", out);
		fuzz_fail("the DOT written does not parse");
	}
	s->nodes = agnnodes(g);
	s->edges = agnedges(g);
	agclose(g);
	free(out);
	out = NULL;

	if (flags & F_SVG) {
		opt.format = ACG_RENDER_SVG;
		st = acg_render_buffer(renderer, m, &opt, &out, &len, &diags);
		if (st == ACG_ENOMEM)
			goto out;
		if (st != ACG_OK)
			fuzz_fail("render to svg: %s (%s)", acg_status_str(st),
				  diags.n ? diags.v[diags.n - 1].message : "");
		if (count(out, len, "<script") || count(out, len, "<SCRIPT"))
			fuzz_fail("the SVG holds a script element");
		if (len < 7 || memcmp(out + len - 7, "</svg>\n", 7) ||
		    count(out, len, "</svg>") != 1)
			fuzz_fail("the SVG does not end at its one </svg>");
		s->svg_nodes = (int)count(out, len, "class=\"node\"");
		s->svg_edges = (int)count(out, len, "class=\"edge\"");
	}
	drawn = true;
out:
	free(out);
	acg_model_free(m);
	acg_diags_release(&diags);
	return drawn;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	json_t *p[P_COUNT];
	unsigned flags;
	size_t i, n, doclen;
	char *doc;
	const uint8_t *end, *nul;
	struct shape s = {true, 0, 0, 0, 0};
	struct shape *b;

	if (size < 1)
		return 0;
	flags = data[0];
	end = data + size;
	data++;
	for (i = 0; i < P_COUNT; i++) {
		nul = memchr(data, 0, (size_t)(end - data));
		n = nul ? (size_t)(nul - data) : (size_t)(end - data);
		p[i] = text(data, n);
		data += n + (nul != NULL);
	}

	b = &baseline[flags];
	if (!b->known) {
		json_t *plain[P_COUNT];

		for (i = 0; i < P_COUNT; i++)
			plain[i] = json_string("x");
		doc = make_system(plain, &doclen);
		if (!draw(doc, doclen, flags, "x", b))
			fuzz_fail("the system with plain names does not draw");
		b->known = true;
		free(doc);
		for (i = 0; i < P_COUNT; i++)
			json_decref(plain[i]);
	}

	doc = make_system(p, &doclen);
	if (!draw(doc, doclen, flags, json_string_value(p[P_SELECTION]), &s))
		goto out;
	if (s.nodes != b->nodes || s.edges != b->edges)
		fuzz_fail("the DOT has %d nodes and %d edges; plain names give %d and %d", s.nodes,
			  s.edges, b->nodes, b->edges);
	if (s.svg_nodes != b->svg_nodes || s.svg_edges != b->svg_edges)
		fuzz_fail("the SVG has %d node and %d edge groups; plain names give %d and %d",
			  s.svg_nodes, s.svg_edges, b->svg_nodes, b->svg_edges);
out:
	free(doc);
	for (i = 0; i < P_COUNT; i++)
		json_decref(p[i]);
	return 0;
}
