/*
 * test_load.c - unit tests of accgraph/load.h: acg_load_buffer() on small
 * documents written here, and acg_load_file().
 *
 * The documents are written with single quotes for readability; jq() turns
 * them into double quotes before loading.  Documents whose syntax errors are
 * checked by line and column are written with real double quotes so that the
 * columns can be counted in the source.
 *
 * Day numbers (days since 1970-01-01), worked by hand and checked with
 * python3 -c "import datetime; print((datetime.date(Y,M,D)-datetime.date(1970,1,1)).days)":
 *   2013-04-01: 43 * 365 + 11 leap days (1972..2012) + 31 + 28 + 31 = 15796
 *   2022-07-01: 52 * 365 + 13 leap days (1972..2020) + 181 (Jan..Jun) = 19174
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "accgraph/load.h"
#include "util.h"

#define D_2013_04_01 15796
#define D_2022_07_01 19174

#define NAME "t.json"

/* A copy of s with every ' made a ". */
static char *jq(const char *s)
{
	char *p = acg_strdup(s), *q;

	assert_non_null(p);
	for (q = p; *q; q++)
		if (*q == '\'')
			*q = '"';
	return p;
}

/* Loads a single-quoted document from memory under the name NAME. */
static enum acg_status load_q(const char *doc, struct acg_model **out, struct acg_diags *d)
{
	char *text = jq(doc);
	enum acg_status st;

	*out = (struct acg_model *)&st; /* a non-NULL sentinel: *out must be reset */
	st = acg_load_buffer(text, strlen(text), NAME, out, d);
	free(text);
	return st;
}

/* Loads a document exactly as written. */
static enum acg_status load_raw(const char *text, size_t len, struct acg_model **out,
				struct acg_diags *d)
{
	enum acg_status st;

	*out = (struct acg_model *)&st;
	st = acg_load_buffer(text, len, NAME, out, d);
	return st;
}

/* One expected diagnostic. */
struct want {
	enum acg_severity sev;
	const char *pointer; /* NULL: none (a syntax error) */
	const char *message;
	long line, column;
};

static void dump(const struct acg_diags *d)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		print_error("  got [%zu] %s %s:%ld:%ld %s: %s\n", i,
			    d->v[i].severity == ACG_ERROR ? "error" : "warning",
			    d->v[i].file ? d->v[i].file : "(null)", d->v[i].line, d->v[i].column,
			    d->v[i].pointer ? d->v[i].pointer : "(no pointer)", d->v[i].message);
}

/*
 * The list holds exactly these diagnostics, in this order, each with NAME as
 * the file and the status that goes with its severity.
 */
static void check_diags(const struct acg_diags *d, const struct want *w, size_t n)
{
	size_t i, errors = 0, warnings = 0;

	if (d->n != n) {
		dump(d);
		fail_msg("%zu diagnostics, expected %zu", d->n, n);
	}
	for (i = 0; i < n; i++) {
		const struct acg_diag *g = &d->v[i];
		bool ok = g->severity == w[i].sev && g->line == w[i].line &&
			  g->column == w[i].column && g->file && !strcmp(g->file, NAME) &&
			  !strcmp(g->message, w[i].message) &&
			  (w[i].pointer ? g->pointer && !strcmp(g->pointer, w[i].pointer)
					: !g->pointer) &&
			  g->status == (w[i].sev == ACG_ERROR ? ACG_EINVAL : ACG_OK);

		if (!ok) {
			dump(d);
			fail_msg("diagnostic %zu differs: expected %s %ld:%ld %s: %s", i,
				 w[i].sev == ACG_ERROR ? "error" : "warning", w[i].line,
				 w[i].column, w[i].pointer ? w[i].pointer : "(no pointer)",
				 w[i].message);
		}
		if (w[i].sev == ACG_ERROR)
			errors++;
		else
			warnings++;
	}
	assert_int_equal(d->errors, errors);
	assert_int_equal(d->warnings, warnings);
}

#define CHECK_DIAGS(d, ...)                                                   \
	do {                                                                  \
		static const struct want w_[] = {__VA_ARGS__};                \
		check_diags((d), w_, sizeof(w_) / sizeof(w_[0]));             \
	} while (0)

#define E(ptr, msg) {ACG_ERROR, ptr, msg, 0, 0}
#define W(ptr, msg) {ACG_WARNING, ptr, msg, 0, 0}
#define SYNTAX(line, col, msg) {ACG_ERROR, NULL, msg, line, col}

/* Expects an invalid document: ACG_EINVAL and *out NULL. */
#define EXPECT_INVALID(st, m)                                                 \
	do {                                                                  \
		assert_int_equal((st), ACG_EINVAL);                          \
		assert_null(m);                                               \
	} while (0)

/* ---- a valid document, every field -------------------------------------- */

static const char full_doc[] =
	"{\n"
	" 'accgraph': 1,\n"
	" 'title': 'English NHS, April 2013',\n"
	" 'description': 'free text',\n"
	" 'as_of': '2013-04-01',\n"
	" 'sources': [\n"
	"   {'id': 's0', 'citation': 'Health and Social Care Act 2012',\n"
	"    'url': 'https://example.org/hsca'},\n"
	"   {'id': 's1'}\n"
	" ],\n"
	" 'organisation_types': {\n"
	"   'commissioner': {'label': 'Clinical commissioning group', 'tier': 6,\n"
	"                    'shape': 'box', 'color': '#E69F00'},\n"
	"   'local_body': {'label': 'Local body'},\n"
	"   'regulator': {}\n"
	" },\n"
	" 'organisations': [\n"
	"   {'id': 'ccg', 'name': 'NHS Wirral CCG', 'type': 'commissioner', 'region': 'North',\n"
	"    'valid_from': '2013-04-01', 'valid_to': '2022-07-01',\n"
	"    'succeeds': ['pct_a', 'pct_b'], 'sources': ['s1', 's0'],\n"
	"    'attributes': {'ods_code': '12F', 'beds': 42, 'ratio': 0.25, 'ft': true,\n"
	"                   'neg': -7, 'big': 1e3, 'off': false}},\n"
	"   {'id': 'lb', 'type': 'local_body'},\n"
	"   {'id': 'ccg2', 'type': 'commissioner', 'valid_from': null, 'valid_to': null}\n"
	" ],\n"
	" 'links': [\n"
	"   {'from': 'ccg', 'to': 'lb', 'type': 'statutory', 'for': ['finance', 'quality'],\n"
	"    'mechanism': 'assurance framework', 'label': 'assures', 'basis': 'statute',\n"
	"    'sanction': 'hard', 'weight': 2.5, 'observed': true,\n"
	"    'valid_from': '2013-04-01', 'valid_to': null, 'sources': ['s0'],\n"
	"    'attributes': {'k': 'v'}},\n"
	"   {'from': 'ccg2', 'to': 'ccg', 'type': 'contractual', 'weight': 3},\n"
	"   {'from': 'ccg2', 'to': 'ccg', 'type': 'statutory', 'basis': 'informal',\n"
	"    'sanction': 'none', 'observed': false}\n"
	" ]\n"
	"}\n";

static void assert_type(const struct acg_type *t, const char *name, const char *label, int tier,
			const char *shape, const char *color, bool declared, bool well_known,
			size_t uses)
{
	assert_string_equal(t->name, name);
	if (label)
		assert_string_equal(t->label, label);
	else
		assert_null(t->label);
	assert_int_equal(t->tier, tier);
	if (shape)
		assert_string_equal(t->shape, shape);
	else
		assert_null(t->shape);
	if (color)
		assert_string_equal(t->color, color);
	else
		assert_null(t->color);
	assert_null(t->style);
	assert_int_equal(t->declared, declared);
	assert_int_equal(t->well_known, well_known);
	assert_int_equal(t->uses, uses);
}

static void test_valid_document(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_model *m;
	const struct acg_org *o;
	const struct acg_link *l;
	const struct acg_attr *a;

	(void)state;
	assert_int_equal(load_q(full_doc, &m, &d), ACG_OK);
	assert_non_null(m);
	assert_int_equal(d.n, 0);

	assert_string_equal(m->title, "English NHS, April 2013");
	assert_string_equal(m->description, "free text");
	assert_int_equal(m->as_of, D_2013_04_01);

	/* Sources in file order. */
	assert_int_equal(m->nsources, 2);
	assert_string_equal(m->sources[0].id, "s0");
	assert_string_equal(m->sources[0].citation, "Health and Social Care Act 2012");
	assert_string_equal(m->sources[0].url, "https://example.org/hsca");
	assert_string_equal(m->sources[1].id, "s1");
	assert_null(m->sources[1].citation);
	assert_null(m->sources[1].url);

	/*
	 * Organisation types: the three declared, in declaration order; a declared
	 * type nobody uses is kept with uses 0.  commissioner is used by ccg and
	 * ccg2, local_body by lb.
	 */
	assert_true(m->org_types_declared);
	assert_false(m->link_types_declared);
	assert_int_equal(m->org_types.n, 3);
	assert_type(&m->org_types.v[0], "commissioner", "Clinical commissioning group", 6, "box",
		    "#E69F00", true, true, 2);
	assert_type(&m->org_types.v[1], "local_body", "Local body", 0, NULL, NULL, true, false, 1);
	assert_type(&m->org_types.v[2], "regulator", NULL, 0, NULL, NULL, true, true, 0);
	assert_int_equal(acg_type_table_used(&m->org_types), 2);

	/*
	 * Link types: none declared, interned in order of first use: statutory
	 * (links 0 and 2), contractual (link 1); both well known.
	 */
	assert_int_equal(m->link_types.n, 2);
	assert_type(&m->link_types.v[0], "statutory", NULL, 0, NULL, NULL, false, true, 2);
	assert_type(&m->link_types.v[1], "contractual", NULL, 0, NULL, NULL, false, true, 1);
	assert_int_equal(acg_type_table_used(&m->link_types), 2);

	/* Organisations. */
	assert_int_equal(m->norgs, 3);
	o = &m->orgs[0];
	assert_string_equal(o->id, "ccg");
	assert_string_equal(o->name, "NHS Wirral CCG");
	assert_int_equal(o->type, 0);
	assert_string_equal(o->region, "North");
	assert_int_equal(o->valid_from, D_2013_04_01);
	assert_int_equal(o->valid_to, D_2022_07_01);
	assert_int_equal(o->succeeds.n, 2);
	assert_string_equal(o->succeeds.v[0], "pct_a");
	assert_string_equal(o->succeeds.v[1], "pct_b");
	assert_int_equal(o->sources.n, 2);
	assert_int_equal(o->sources.v[0], 1); /* "s1" */
	assert_int_equal(o->sources.v[1], 0); /* "s0" */
	assert_int_equal(o->attrs.n, 7);
	a = o->attrs.v;
	assert_string_equal(a[0].key, "ods_code");
	assert_int_equal(a[0].kind, ACG_ATTR_STRING);
	assert_string_equal(a[0].value.string, "12F");
	assert_string_equal(a[1].key, "beds");
	assert_int_equal(a[1].kind, ACG_ATTR_INTEGER);
	assert_int_equal(a[1].value.integer, 42);
	assert_string_equal(a[2].key, "ratio");
	assert_int_equal(a[2].kind, ACG_ATTR_REAL);
	assert_true(a[2].value.real == 0.25); /* exact in binary */
	assert_string_equal(a[3].key, "ft");
	assert_int_equal(a[3].kind, ACG_ATTR_BOOLEAN);
	assert_true(a[3].value.boolean);
	assert_string_equal(a[4].key, "neg");
	assert_int_equal(a[4].kind, ACG_ATTR_INTEGER);
	assert_true(a[4].value.integer == -7);
	assert_string_equal(a[5].key, "big");
	assert_int_equal(a[5].kind, ACG_ATTR_REAL); /* an exponent makes it a real */
	assert_true(a[5].value.real == 1000.0);
	assert_string_equal(a[6].key, "off");
	assert_int_equal(a[6].kind, ACG_ATTR_BOOLEAN);
	assert_false(a[6].value.boolean);

	o = &m->orgs[1];
	assert_string_equal(o->id, "lb");
	assert_string_equal(o->name, "lb"); /* the name defaults to the id */
	assert_ptr_not_equal(o->name, o->id);  /* owned separately */
	assert_int_equal(o->type, 1);
	assert_null(o->region);
	assert_int_equal(o->valid_from, ACG_DATE_NONE);
	assert_int_equal(o->valid_to, ACG_DATE_NONE);
	assert_int_equal(o->succeeds.n, 0);
	assert_int_equal(o->sources.n, 0);
	assert_int_equal(o->attrs.n, 0);

	o = &m->orgs[2];
	assert_string_equal(o->id, "ccg2");
	assert_string_equal(o->name, "ccg2");
	assert_int_equal(o->type, 0);
	assert_int_equal(o->valid_from, ACG_DATE_NONE); /* null: unbounded */
	assert_int_equal(o->valid_to, ACG_DATE_NONE);

	/* The id index is part of the model. */
	assert_int_equal(acg_model_find_org(m, "ccg"), 0);
	assert_int_equal(acg_model_find_org(m, "lb"), 1);
	assert_int_equal(acg_model_find_org(m, "ccg2"), 2);
	assert_int_equal(acg_model_find_org(m, "pct_a"), ACG_NONE);

	/* Links. */
	assert_int_equal(m->nlinks, 3);
	l = &m->links[0];
	assert_int_equal(l->from, 0);
	assert_int_equal(l->to, 1);
	assert_int_equal(l->type, 0);
	assert_int_equal(l->domains.n, 2);
	assert_string_equal(l->domains.v[0], "finance");
	assert_string_equal(l->domains.v[1], "quality");
	assert_string_equal(l->mechanism, "assurance framework");
	assert_string_equal(l->label, "assures");
	assert_int_equal(l->basis, ACG_BASIS_STATUTE);
	assert_int_equal(l->sanction, ACG_SANCTION_HARD);
	assert_true(l->weight == 2.5);
	assert_true(l->observed);
	assert_int_equal(l->valid_from, D_2013_04_01);
	assert_int_equal(l->valid_to, ACG_DATE_NONE);
	assert_int_equal(l->sources.n, 1);
	assert_int_equal(l->sources.v[0], 0);
	assert_int_equal(l->attrs.n, 1);
	assert_string_equal(l->attrs.v[0].key, "k");
	assert_int_equal(l->attrs.v[0].kind, ACG_ATTR_STRING);
	assert_string_equal(l->attrs.v[0].value.string, "v");

	l = &m->links[1];
	assert_int_equal(l->from, 2);
	assert_int_equal(l->to, 0);
	assert_int_equal(l->type, 1);
	assert_int_equal(l->domains.n, 0);
	assert_null(l->mechanism);
	assert_null(l->label);
	assert_int_equal(l->basis, ACG_BASIS_UNSPECIFIED);
	assert_int_equal(l->sanction, ACG_SANCTION_UNSPECIFIED);
	assert_true(l->weight == 3.0); /* an integer weight */
	assert_false(l->observed);
	assert_int_equal(l->valid_from, ACG_DATE_NONE);
	assert_int_equal(l->valid_to, ACG_DATE_NONE);
	assert_int_equal(l->sources.n, 0);
	assert_int_equal(l->attrs.n, 0);

	l = &m->links[2];
	assert_int_equal(l->from, 2);
	assert_int_equal(l->to, 0);
	assert_int_equal(l->type, 0);
	assert_int_equal(l->basis, ACG_BASIS_INFORMAL);
	assert_int_equal(l->sanction, ACG_SANCTION_NONE);
	assert_true(l->weight == 1.0); /* the default */
	assert_false(l->observed);

	acg_model_free(m);
	acg_diags_release(&d);
}

/* The smallest valid document. */
static void test_minimal_document(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_model *m;

	(void)state;
	assert_int_equal(load_q("{'accgraph': 1}", &m, &d), ACG_OK);
	assert_non_null(m);
	assert_int_equal(d.n, 0);
	assert_null(m->title);
	assert_null(m->description);
	assert_int_equal(m->as_of, ACG_DATE_NONE);
	assert_int_equal(m->norgs, 0);
	assert_int_equal(m->nlinks, 0);
	assert_int_equal(m->nsources, 0);
	assert_false(m->org_types_declared);
	assert_false(m->link_types_declared);
	acg_model_free(m);
	acg_diags_release(&d);
}

static void test_bom(void **state)
{
	static const char doc[] = "\xEF\xBB\xBF{\"accgraph\": 1, \"title\": \"bom\"}";
	/*
	 * The BOM is not part of the document, so columns count from the '{':
	 * {"a": x}  ->  { " a " : space x: the x is character 7.
	 */
	static const char bad[] = "\xEF\xBB\xBF{\"a\": x}";
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_model *m;

	(void)state;
	assert_int_equal(load_raw(doc, sizeof(doc) - 1, &m, &d), ACG_OK);
	assert_non_null(m);
	assert_string_equal(m->title, "bom");
	assert_int_equal(d.n, 0);
	acg_model_free(m);

	EXPECT_INVALID(load_raw(bad, sizeof(bad) - 1, &m, &d), m);
	CHECK_DIAGS(&d, SYNTAX(1, 7, "invalid token near 'x'"));
	acg_diags_release(&d);
}

/* References resolve wherever the referenced values stand in the document. */
static void test_forward_references(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_model *m;

	(void)state;
	assert_int_equal(
		load_q("{'links': [{'from': 'b', 'to': 'a', 'type': 'managerial', 'sources': ['s']}],"
		       " 'organisations': [{'id': 'a', 'type': 'x', 'sources': ['s']},"
		       "                   {'id': 'b', 'type': 'y'}],"
		       " 'sources': [{'id': 'z'}, {'id': 's'}],"
		       " 'organisation_types': {'y': {}, 'x': {}},"
		       " 'accgraph': 1}",
		       &m, &d),
		ACG_OK);
	assert_non_null(m);
	assert_int_equal(d.n, 0);
	assert_int_equal(m->nlinks, 1);
	assert_int_equal(m->links[0].from, 1);
	assert_int_equal(m->links[0].to, 0);
	assert_int_equal(m->links[0].sources.n, 1);
	assert_int_equal(m->links[0].sources.v[0], 1);
	assert_int_equal(m->orgs[0].sources.v[0], 1);
	/* Types declared after the organisations that use them; declaration order. */
	assert_string_equal(m->org_types.v[0].name, "y");
	assert_string_equal(m->org_types.v[1].name, "x");
	assert_int_equal(m->orgs[0].type, 1);
	assert_int_equal(m->orgs[1].type, 0);
	acg_model_free(m);
	acg_diags_release(&d);
}

/* ---- invalid documents ------------------------------------------------- */

static void test_dangling_to(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_model *m;

	(void)state;
	EXPECT_INVALID(load_q("{'accgraph': 1, 'organisations': [{'id': 'a', 'type': 't'}],"
			      " 'links': [{'from': 'a', 'to': 'x', 'type': 'statutory'}]}",
			      &m, &d),
		       m);
	CHECK_DIAGS(&d, E("/links/0/to", "no organisation has id \"x\""));
	acg_diags_release(&d);
}

/* RFC 6901: "~" is written "~0" and "/" is written "~1" in a pointer. */
static void test_pointer_escapes(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_model *m;

	(void)state;
	EXPECT_INVALID(
		load_q("{'accgraph': 1, 'x/y': 0,"
		       " 'organisations': [{'id': 'a', 'type': 't',"
		       "   'attributes': {'a/b~c': [1], 'ok': 1, '~1/': {}, '': 2}}],"
		       " 'organisation_types': {'t': {}, 'p/q': 5}}",
		       &m, &d),
		m);
	CHECK_DIAGS(&d, W("/x~1y", "unknown member \"x/y\" is ignored"),
		    E("/organisations/0/attributes/a~1b~0c",
		      "an attribute value must be a string, a number or a boolean, got an array"),
		    E("/organisations/0/attributes/~01~1",
		      "an attribute value must be a string, a number or a boolean, got an object"),
		    /* The empty key: the pointer ends in "/" followed by nothing. */
		    E("/organisations/0/attributes/", "an attribute name must not be empty"),
		    E("/organisation_types/p~1q",
		      "expected an object describing the type, got a number"));
	acg_diags_release(&d);
}

static void test_unknown_members_warn(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_model *m;

	(void)state;
	assert_int_equal(
		load_q("{'accgraph': 1, 'extra': true,"
		       " 'sources': [{'id': 's', 'note': 'n'}],"
		       " 'link_types': {'lt': {'label': 'L', 'tier': 2, 'shape': 'box'}},"
		       " 'organisations': [{'id': 'a', 'type': 't', 'colour': 'red'},"
		       "                   {'id': 'b', 'type': 't', 'valid_until': '2020-01-01'}],"
		       " 'links': [{'from': 'a', 'to': 'b', 'type': 'lt', 'strength': 3}]}",
		       &m, &d),
		ACG_OK);
	assert_non_null(m);
	CHECK_DIAGS(&d, W("/extra", "unknown member \"extra\" is ignored"),
		    W("/sources/0/note", "unknown member \"note\" is ignored"),
		    /* tier and shape are for organisation types only */
		    W("/link_types/lt/tier", "unknown member \"tier\" is ignored"),
		    W("/link_types/lt/shape", "unknown member \"shape\" is ignored"),
		    W("/organisations/0/colour", "unknown member \"colour\" is ignored"),
		    W("/organisations/1/valid_until", "unknown member \"valid_until\" is ignored"),
		    W("/links/0/strength", "unknown member \"strength\" is ignored"));
	/* The model is there, without the unknown members. */
	assert_int_equal(m->norgs, 2);
	assert_int_equal(m->nlinks, 1);
	assert_int_equal(m->orgs[1].valid_to, ACG_DATE_NONE);
	assert_string_equal(m->link_types.v[0].label, "L");
	assert_null(m->link_types.v[0].shape);
	acg_model_free(m);
	acg_diags_release(&d);
}

/* Many problems of one document, all reported, in document order. */
static void test_many_errors_in_order(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_model *m;

	(void)state;
	EXPECT_INVALID(
		load_q("{'accgraph': 2,\n"
		       " 'title': 7,\n"
		       " 'as_of': '2013-02-30',\n"
		       " 'sources': [{'id': 's'}, {'id': 's'}, {'citation': 'c'}, 'x'],\n"
		       " 'organisations': [\n"
		       "   {'id': 'a', 'type': 't'},\n"
		       "   {'id': 'a', 'type': 't', 'valid_from': '2014-01-01', 'valid_to': '2013-01-01'},\n"
		       "   {'type': 5},\n"
		       "   {'id': 'c', 'type': 't', 'name': '', 'succeeds': ['d', 'd'],\n"
		       "    'sources': ['s', 'nope', 's'],\n"
		       "    'valid_from': '2013-04-01', 'valid_to': '2013-04-01'},\n"
		       "   []\n"
		       " ],\n"
		       " 'links': [\n"
		       "   {'from': 'a', 'to': 'a', 'type': 'statutory'},\n"
		       "   {'from': 'a', 'to': 'b', 'type': 'statutory', 'weight': 0},\n"
		       "   {'to': 'a', 'type': 'statutory', 'basis': 'law', 'sanction': 'medium',\n"
		       "    'observed': 'yes', 'valid_to': '2013-4-1', 'for': 'finance'},\n"
		       "   {'from': 'c', 'to': 'a', 'type': '', 'weight': '2',\n"
		       "    'attributes': {'n': null}, 'valid_from': null}\n"
		       " ]}",
		       &m, &d),
		m);
	CHECK_DIAGS(
		&d,
		E("/accgraph", "format version 2 is not supported (this accgraph reads version 1)"),
		E("/title", "expected a string, got a number"),
		E("/as_of", "\"2013-02-30\" is not a calendar date"),
		E("/sources/1/id", "duplicate source id \"s\" (first at /sources/0)"),
		E("/sources/2/id", "required member \"id\" is missing"),
		E("/sources/3", "expected a source object, got a string"),
		E("/organisations/1/id", "duplicate organisation id \"a\" (first at /organisations/0)"),
		E("/organisations/1/valid_to", "valid_to 2013-01-01 is before valid_from 2014-01-01"),
		E("/organisations/2/type", "expected a string, got a number"),
		E("/organisations/2/id", "required member \"id\" is missing"),
		E("/organisations/3/name", "a name must not be empty"),
		E("/organisations/3/succeeds/1", "\"d\" is listed twice (first at index 0)"),
		E("/organisations/3/sources/1", "no source has id \"nope\""),
		E("/organisations/3/sources/2", "source \"s\" is listed twice"),
		E("/organisations/3/valid_to",
		  "valid_to 2013-04-01 is the same day as valid_from; the interval "
		  "[valid_from, valid_to) holds no day"),
		E("/organisations/4", "expected an organisation object, got an array"),
		E("/links/0/to", "a link cannot go from an organisation to itself (\"a\")"),
		E("/links/1/to", "no organisation has id \"b\""),
		E("/links/1/weight", "a weight must be positive, got 0"),
		E("/links/2/basis", "\"law\" is not a basis (expected statute, regulation, licence, "
				    "contract, constitution, guidance or informal)"),
		E("/links/2/sanction", "\"medium\" is not a sanction (expected hard, soft or none)"),
		E("/links/2/observed", "expected true or false, got a string"),
		E("/links/2/valid_to", "\"2013-4-1\" is not a date of the form YYYY-MM-DD"),
		E("/links/2/for", "expected an array of strings, got a string"),
		E("/links/2/from", "required member \"from\" is missing"),
		E("/links/3/type", "a type name must not be empty"),
		E("/links/3/weight", "expected a positive number, got a string"),
		E("/links/3/attributes/n",
		  "an attribute value must be a string, a number or a boolean, got null"));
	acg_diags_release(&d);
}

static void test_document_level_errors(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_model *m;

	(void)state;
	/* Not an object: the pointer of the whole document is "". */
	EXPECT_INVALID(load_q("[1, 2]", &m, &d), m);
	CHECK_DIAGS(&d, E("", "the document must be a JSON object, got an array"));
	acg_diags_release(&d);

	/* A scalar at the top is already a syntax error for the parser; it
	 * stops at the end of the string token "text", character 6. */
	EXPECT_INVALID(load_q("\"text\"", &m, &d), m);
	CHECK_DIAGS(&d, SYNTAX(1, 6, "'[' or '{' expected near '\"text\"'"));
	acg_diags_release(&d);

	/* A missing member is reported at the pointer it would have. */
	EXPECT_INVALID(load_q("{}", &m, &d), m);
	CHECK_DIAGS(&d, E("/accgraph", "required member \"accgraph\" is missing"));
	acg_diags_release(&d);

	EXPECT_INVALID(load_q("{'accgraph': '1'}", &m, &d), m);
	CHECK_DIAGS(&d, E("/accgraph", "expected the format version, the integer 1, got a string"));
	acg_diags_release(&d);

	EXPECT_INVALID(load_q("{'accgraph': 1, 'as_of': null, 'organisations': {},"
			      " 'links': 3, 'sources': {}, 'link_types': []}",
			      &m, &d),
		       m);
	CHECK_DIAGS(&d, E("/as_of", "expected a date as a \"YYYY-MM-DD\" string, got null"),
		    E("/organisations", "expected an array of organisations, got an object"),
		    E("/links", "expected an array of links, got a number"),
		    E("/sources", "expected an array of sources, got an object"),
		    E("/link_types", "expected an object of link types, got an array"));
	acg_diags_release(&d);
}

static void test_vocabulary_errors(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_model *m;

	(void)state;
	EXPECT_INVALID(
		load_q("{'accgraph': 1,\n"
		       " 'organisation_types': {\n"
		       "   'known': {'tier': 0, 'shape': 'blob', 'color': 'red!', 'label': 5},\n"
		       "   'k2': [], 'k3': {'tier': 1.5, 'color': '#aabbcc', 'shape': 'Msquare'}},\n"
		       " 'link_types': {'lt': {'style': 'dashed,bold', 'color': '#12345'},\n"
		       "                'lt2': {'style': 'dashed,,bold', 'color': '#11223344'}},\n"
		       " 'organisations': [{'id': 'a', 'type': 'known'},\n"
		       "                   {'id': 'b', 'type': 'undeclared'}],\n"
		       " 'links': [{'from': 'a', 'to': 'b', 'type': 'statutory'},\n"
		       "           {'from': 'b', 'to': 'a', 'type': 'lt'}]}",
		       &m, &d),
		m);
	CHECK_DIAGS(
		&d,
		E("/organisation_types/known/tier",
		  "expected a tier, an integer from 1 (the top) to 1000, got a number out of range"),
		E("/organisation_types/known/shape", "\"blob\" is not a Graphviz node shape"),
		E("/organisation_types/known/color",
		  "\"red!\" is not a colour (expected #RRGGBB, #RRGGBBAA, a colour name or "
		  "/scheme/name)"),
		E("/organisation_types/known/label", "expected a string, got a number"),
		E("/organisation_types/k2", "expected an object describing the type, got an array"),
		E("/organisation_types/k3/tier",
		  "expected a tier, an integer from 1 (the top) to 1000, got a number with a "
		  "fraction or an exponent"),
		E("/link_types/lt/color",
		  "\"#12345\" is not a colour (expected #RRGGBB, #RRGGBBAA, a colour name or "
		  "/scheme/name)"),
		E("/link_types/lt2/style",
		  "\"dashed,,bold\" is not a Graphviz style (expected names from: solid, dashed, "
		  "dotted, bold, invis, filled, rounded, diagonals, striped, wedged, radial, "
		  "tapered, separated by commas)"),
		E("/organisations/1/type",
		  "organisation type \"undeclared\" is not declared in organisation_types"),
		/* link_types is declared, so a well-known link type must be declared too */
		E("/links/0/type", "link type \"statutory\" is not declared in link_types"));
	acg_diags_release(&d);
}

/* Colours and styles the format accepts (Graphviz values). */
static void test_colours_and_styles_accepted(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_model *m;

	(void)state;
	assert_int_equal(
		load_q("{'accgraph': 1,"
		       " 'organisation_types': {"
		       "   'a': {'color': '#1f77b4'}, 'b': {'color': '#1F77B4cc'},"
		       "   'c': {'color': 'red'}, 'd': {'color': 'lightblue2'},"
		       "   'e': {'color': '/x11/red'}},"
		       " 'link_types': {"
		       "   'l1': {'style': 'dashed'}, 'l2': {'style': 'dashed,bold'},"
		       "   'l3': {'style': 'dashed, bold'}}}",
		       &m, &d),
		ACG_OK);
	assert_non_null(m);
	assert_int_equal(d.n, 0);
	assert_string_equal(m->org_types.v[1].color, "#1F77B4cc");
	assert_string_equal(m->org_types.v[4].color, "/x11/red");
	assert_string_equal(m->link_types.v[2].style, "dashed, bold");
	acg_model_free(m);
	acg_diags_release(&d);
}

/*
 * Graphviz's Brewer colour schemes name their colours by number: "/blues9/1"
 * is the first colour of the nine-class Blues scheme, a /scheme/name colour
 * as the loader's own message describes it ("expected #RRGGBB, #RRGGBBAA, a
 * colour name or /scheme/name").
 *
 * Regression test: is_colour() required the name after the scheme to start
 * with a letter, so "/blues9/1" and "/accent8/3" were rejected.
 */
static void test_colour_scheme_numbers(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_model *m;

	enum acg_status st;
	size_t n;

	(void)state;
	st = load_q("{'accgraph': 1, 'organisation_types': {"
		    " 'a': {'color': '/blues9/1'}, 'b': {'color': '/accent8/3'}}}",
		    &m, &d);
	n = d.n;
	if (n)
		dump(&d);
	/* Released before the checks, so that a failure leaks nothing. */
	acg_model_free(m);
	acg_diags_release(&d);
	assert_int_equal(st, ACG_OK);
	assert_int_equal(n, 0);
}

static void test_duplicate_links(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_model *m;

	(void)state;
	/*
	 * Parallel links of different types and a link the other way are
	 * allowed; link 3 repeats link 0 (same from, to and type).  The duplicate is
	 * the whole link object: /links/3.
	 */
	EXPECT_INVALID(
		load_q("{'accgraph': 1,"
		       " 'organisations': [{'id': 'a', 'type': 't'}, {'id': 'b', 'type': 't'}],"
		       " 'links': [{'from': 'a', 'to': 'b', 'type': 'statutory'},"
		       "           {'from': 'a', 'to': 'b', 'type': 'contractual'},"
		       "           {'from': 'b', 'to': 'a', 'type': 'statutory'},"
		       "           {'from': 'a', 'to': 'b', 'type': 'statutory', 'weight': 2}]}",
		       &m, &d),
		m);
	CHECK_DIAGS(&d, E("/links/3", "duplicate link: \"a\" to \"b\" of type \"statutory\" is "
				      "already stated at /links/0"));
	acg_diags_release(&d);
}

/* Many links (the table of seen links grows): duplicates still found. */
static void test_duplicate_links_many(void **state)
{
	enum { N = 300 };
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_model *m;
	char *doc, *p;
	size_t i, cap = 128 * N + 1024; /* a link takes < 70 bytes, an org < 40 */

	(void)state;
	doc = malloc(cap);
	assert_non_null(doc);
	p = doc;
	p += sprintf(p, "{\"accgraph\": 1, \"organisations\": [");
	for (i = 0; i <= N; i++)
		p += sprintf(p, "%s{\"id\": \"o%zu\", \"type\": \"t\"}", i ? "," : "", i);
	p += sprintf(p, "], \"links\": [");
	/* Link i: o<i> -> o<i+1>, i = 0..N-1; then link N repeats link 0 and
	 * link N+1 repeats link N-1. */
	for (i = 0; i < N; i++)
		p += sprintf(p, "%s{\"from\": \"o%zu\", \"to\": \"o%zu\", \"type\": \"managerial\"}",
			     i ? "," : "", i, i + 1);
	p += sprintf(p, ",{\"from\": \"o0\", \"to\": \"o1\", \"type\": \"managerial\"}");
	p += sprintf(p, ",{\"from\": \"o%d\", \"to\": \"o%d\", \"type\": \"managerial\"}]}", N - 1,
		     N);
	assert_true((size_t)(p - doc) < cap);
	EXPECT_INVALID(load_raw(doc, strlen(doc), &m, &d), m);
	CHECK_DIAGS(&d,
		    E("/links/300", "duplicate link: \"o0\" to \"o1\" of type \"managerial\" is "
				    "already stated at /links/0"),
		    E("/links/301", "duplicate link: \"o299\" to \"o300\" of type \"managerial\" is "
				    "already stated at /links/299"));
	acg_diags_release(&d);
	free(doc);
}

/*
 * An organisation that succeeds itself.  The offending value is the element
 * of `succeeds` that names the organisation (load.h: "the JSON Pointer of the
 * offending value"; a self-link, likewise, is reported at its `to`), so the
 * pointer should be /organisations/0/succeeds/1, and in document order that
 * comes before the repeat at /organisations/0/succeeds/2.
 *
 * Regression test: the loader used to report it at /organisations/0/succeeds,
 * after the problems of the list's elements (fixed in a9b1515).
 */
static void test_succeeds_itself(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_model *m;

	(void)state;
	EXPECT_INVALID(load_q("{'accgraph': 1, 'organisations': [{'id': 'c', 'type': 't',"
			      " 'succeeds': ['x', 'c', 'x']}]}",
			      &m, &d),
		       m);
	CHECK_DIAGS(&d,
		    E("/organisations/0/succeeds/1",
		      "an organisation cannot succeed itself (\"c\")"),
		    E("/organisations/0/succeeds/2", "\"x\" is listed twice (first at index 0)"));
	acg_diags_release(&d);
}

/*
 * Problems that involve two members are reported at the member named, in
 * document order, wherever the other member stands in the object: the
 * interval at `valid_to` even when `valid_from` comes after it; a self-link
 * at `to` even when `from` comes after it; a link stated twice at the link
 * itself, so before the problems of its members.
 */
static void test_cross_member_order(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_model *m;

	(void)state;
	EXPECT_INVALID(
		load_q("{'accgraph': 1,\n"
		       " 'organisations': [\n"
		       "   {'id': 'a', 'type': 't', 'valid_to': '2013-01-01', 'valid_from': '2014-01-01',\n"
		       "    'name': ''},\n"
		       "   {'id': 'b', 'type': 't'}],\n"
		       " 'links': [\n"
		       "   {'from': 'a', 'to': 'b', 'type': 'x', 'valid_to': '2013-04-01',\n"
		       "    'valid_from': '2013-04-01'},\n"
		       "   {'to': 'a', 'type': 'x', 'from': 'a'},\n"
		       "   {'weight': -2, 'from': 'a', 'to': 'b', 'type': 'x'}]}",
		       &m, &d),
		m);
	CHECK_DIAGS(&d,
		    E("/organisations/0/valid_to",
		      "valid_to 2013-01-01 is before valid_from 2014-01-01"),
		    E("/organisations/0/name", "a name must not be empty"),
		    E("/links/0/valid_to",
		      "valid_to 2013-04-01 is the same day as valid_from; the interval "
		      "[valid_from, valid_to) holds no day"),
		    E("/links/1/to", "a link cannot go from an organisation to itself (\"a\")"),
		    E("/links/2", "duplicate link: \"a\" to \"b\" of type \"x\" is already stated "
				  "at /links/0"),
		    E("/links/2/weight", "a weight must be positive, got -2"));
	acg_diags_release(&d);

	/* A malformed valid_from is reported once, at itself, not again at valid_to. */
	EXPECT_INVALID(load_q("{'accgraph': 1, 'organisations': [{'id': 'a', 'type': 't',"
			      " 'valid_to': '2013-01-01', 'valid_from': '2014-1-1'}]}",
			      &m, &d),
		       m);
	CHECK_DIAGS(&d, E("/organisations/0/valid_from",
			  "\"2014-1-1\" is not a date of the form YYYY-MM-DD"));
	acg_diags_release(&d);
}

static void test_empty_ids_and_names(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_model *m;

	(void)state;
	EXPECT_INVALID(
		load_q("{'accgraph': 1, 'sources': [{'id': ''}],"
		       " 'organisations': [{'id': '', 'type': 't'}, {'id': 'b', 'type': 't'}],"
		       " 'links': [{'from': '', 'to': 'b', 'type': 'statutory', 'sources': ['']}]}",
		       &m, &d),
		m);
	CHECK_DIAGS(&d, E("/sources/0/id", "a source id must not be empty"),
		    E("/organisations/0/id", "an organisation id must not be empty"),
		    E("/links/0/from", "an organisation id must not be empty"),
		    E("/links/0/sources/0", "a source id must not be empty"));
	acg_diags_release(&d);
}

/* Negative and zero weights, and a valid fractional one. */
static void test_weights(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_model *m;

	(void)state;
	EXPECT_INVALID(load_q("{'accgraph': 1,"
			      " 'organisations': [{'id': 'a', 'type': 't'}, {'id': 'b', 'type': 't'}],"
			      " 'links': [{'from': 'a', 'to': 'b', 'type': 'x', 'weight': -1},"
			      "           {'from': 'b', 'to': 'a', 'type': 'x', 'weight': 0.0}]}",
			      &m, &d),
		       m);
	CHECK_DIAGS(&d, E("/links/0/weight", "a weight must be positive, got -1"),
		    E("/links/1/weight", "a weight must be positive, got 0"));
	acg_diags_release(&d);

	assert_int_equal(load_q("{'accgraph': 1,"
				" 'organisations': [{'id': 'a', 'type': 't'}, {'id': 'b', 'type': 't'}],"
				" 'links': [{'from': 'a', 'to': 'b', 'type': 'x', 'weight': 0.125}]}",
				&m, &d),
			 ACG_OK);
	assert_non_null(m);
	assert_true(m->links[0].weight == 0.125);
	acg_model_free(m);
	acg_diags_release(&d);
}

/* ---- syntax errors ----------------------------------------------------- */

/*
 * jansson gives the line and the column, in characters from 1, of the last
 * character it read: the end of the offending token.
 */
static void test_syntax_errors(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_model *m;
	/* {"accgraph": 1,}  : the '}' is character 16 (1 + 10 + 1 + 1 + 1 + 1 + 1). */
	static const char trailing[] = "{\"accgraph\": 1,}";
	/* Line 3 is `  "b": tru`; the 'u' of tru is character 10. */
	static const char token[] = "{\n  \"a\": 1,\n  \"b\": tru\n}";
	/* The second "accgraph" key ends with its closing quote, character 26. */
	static const char dup[] = "{\"accgraph\": 1, \"accgraph\": 1}";
	/* {"éé": x}: é is one character of two bytes; the x is character 8 (byte 10). */
	static const char utf8[] = "{\"\xC3\xA9\xC3\xA9\": x}";
	/* An 0xFF byte can start no UTF-8 character; it is the 7th character. */
	static const char bad_utf8[] = "{\"a\": \"\xFF\"}";
	static const char trailing_array[] = "{\"a\": [1,\n2,]}";
	static const char nul_escape[] = "{\"a\": \"x\\u0000y\"}";

	(void)state;
	EXPECT_INVALID(load_raw(trailing, sizeof(trailing) - 1, &m, &d), m);
	CHECK_DIAGS(&d, SYNTAX(1, 16, "expected a member name in quotes before '}' (is there a "
				      "comma after the last member?)"));
	acg_diags_release(&d);

	EXPECT_INVALID(load_raw(token, sizeof(token) - 1, &m, &d), m);
	CHECK_DIAGS(&d, SYNTAX(3, 10, "invalid token near 'tru'"));
	acg_diags_release(&d);

	/* A duplicate member name is a syntax error (load.h). */
	EXPECT_INVALID(load_raw(dup, sizeof(dup) - 1, &m, &d), m);
	CHECK_DIAGS(&d, SYNTAX(1, 26, "duplicate object key near '\"accgraph\"'"));
	acg_diags_release(&d);

	EXPECT_INVALID(load_raw(utf8, sizeof(utf8) - 1, &m, &d), m);
	CHECK_DIAGS(&d, SYNTAX(1, 8, "invalid token near 'x'"));
	acg_diags_release(&d);

	EXPECT_INVALID(load_raw(bad_utf8, sizeof(bad_utf8) - 1, &m, &d), m);
	CHECK_DIAGS(&d, SYNTAX(1, 7, "invalid UTF-8: unable to decode byte 0xff near '\"'"));
	acg_diags_release(&d);

	/* A trailing comma in an array: line 2 is `2,]}`, the ']' is character 3. */
	EXPECT_INVALID(load_raw(trailing_array, sizeof(trailing_array) - 1, &m, &d), m);
	CHECK_DIAGS(&d, SYNTAX(2, 3, "expected a value before ']' (is there a comma after the "
				     "last element?)"));
	acg_diags_release(&d);

	/*
	 * \u0000 in a string: the parser stops at the end of the string token;
	 * {"a": "x\u0000y"} is 1 + 4 + 1 + 1 (space) = 7 characters before the
	 * string, whose 10 characters end at character 16.
	 */
	EXPECT_INVALID(load_raw(nul_escape, sizeof(nul_escape) - 1, &m, &d), m);
	CHECK_DIAGS(&d, SYNTAX(1, 16, "a string contains \\u0000 (a NUL character), which is not "
				      "allowed"));
	acg_diags_release(&d);

	/* Only the first `len` bytes count: the same text cut short. */
	EXPECT_INVALID(load_raw("{\"accgraph\": 1}", 14, &m, &d), m);
	assert_int_equal(d.n, 1);
	assert_null(d.v[0].pointer);
	assert_int_equal(d.v[0].line, 1);
	acg_diags_release(&d);
}

static void test_empty_input(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_model *m;

	(void)state;
	/* Nothing at all: the parser stops at line 1, column 1 at the latest. */
	EXPECT_INVALID(load_raw("", 0, &m, &d), m);
	CHECK_DIAGS(&d, SYNTAX(1, 1, "the file is empty; expected a JSON object"));
	acg_diags_release(&d);

	/* Blank: "   \n " ends on line 2, where the one space is column 1. */
	EXPECT_INVALID(load_raw("   \n ", 5, &m, &d), m);
	CHECK_DIAGS(&d, SYNTAX(2, 1, "the file is empty; expected a JSON object"));
	acg_diags_release(&d);

	/* A BOM and nothing else. */
	EXPECT_INVALID(load_raw("\xEF\xBB\xBF", 3, &m, &d), m);
	assert_int_equal(d.n, 1);
	assert_string_equal(d.v[0].message, "the file is empty; expected a JSON object");
	acg_diags_release(&d);
}

/*
 * A file of NUL bytes is not empty and not blank: it should get a syntax
 * error, not "the file is empty".
 *
 * Regression test: is_blank() in src/load.c used to test each byte with
 * strchr(" \t\r\n", text[i]); strchr() finds the terminating NUL, so a NUL
 * byte counted as blank and the loader reported "the file is empty; expected
 * a JSON object" for, e.g., a block of zeroed disk (fixed in a9b1515).
 */
static void test_nul_bytes_are_not_blank(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_model *m;
	static const char zeros[16] = {0};

	(void)state;
	EXPECT_INVALID(load_raw(zeros, sizeof(zeros), &m, &d), m);
	assert_int_equal(d.n, 1);
	assert_null(d.v[0].pointer);
	assert_true(d.v[0].line >= 1);
	assert_string_not_equal(d.v[0].message, "the file is empty; expected a JSON object");
	acg_diags_release(&d);
}

static void test_too_deep(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_model *m;
	char *doc = malloc(5000);

	(void)state;
	assert_non_null(doc);
	memset(doc, '[', 5000);
	EXPECT_INVALID(load_raw(doc, 5000, &m, &d), m);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.v[0].severity, ACG_ERROR);
	assert_null(d.v[0].pointer);
	assert_int_equal(d.v[0].line, 1);
	assert_true(d.v[0].column > 1 && d.v[0].column <= 5000);
	free(doc);
	acg_diags_release(&d);
}

/* ---- the caller's side ----------------------------------------------------- */

/* diags may be NULL; name may be NULL (then diagnostics have no file). */
static void test_null_diags_and_name(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_model *m = NULL;
	const char *bad = "{\"accgraph\": 1, \"links\": [{\"from\": \"x\"}]}";
	const char *good = "{\"accgraph\": 1, \"extra\": 1}";

	(void)state;
	assert_int_equal(acg_load_buffer(bad, strlen(bad), NAME, &m, NULL), ACG_EINVAL);
	assert_null(m);
	assert_int_equal(acg_load_buffer("{", 1, NAME, &m, NULL), ACG_EINVAL);
	assert_null(m);
	assert_int_equal(acg_load_buffer(good, strlen(good), NAME, &m, NULL), ACG_OK);
	assert_non_null(m);
	acg_model_free(m);

	assert_int_equal(acg_load_buffer(bad, strlen(bad), NULL, &m, &d), ACG_EINVAL);
	assert_null(m);
	assert_true(d.n >= 1);
	assert_null(d.v[0].file);
	acg_diags_release(&d);
}

/*
 * Diagnostics of an earlier document in the caller's list do not make a later
 * valid document fail.
 */
static void test_errors_counted_per_document(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_model *m;

	(void)state;
	EXPECT_INVALID(load_q("{'accgraph': 3}", &m, &d), m);
	assert_int_equal(d.errors, 1);
	assert_int_equal(load_q("{'accgraph': 1}", &m, &d), ACG_OK);
	assert_non_null(m);
	assert_int_equal(d.n, 1);
	acg_model_free(m);
	acg_diags_release(&d);
}

/* ---- acg_load_file ---------------------------------------------------------- */

static char *make_tmpdir(void)
{
	const char *base = getenv("TMPDIR");
	char *dir = acg_asprintf("%s/acg-test-load.XXXXXX", base && *base ? base : "/tmp");

	assert_non_null(dir);
	assert_non_null(mkdtemp(dir));
	return dir;
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
	assert_int_equal(fclose(f), 0);
}

static void test_load_file_missing(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_model *m = (struct acg_model *)&d;
	char *dir = make_tmpdir(), *path = acg_asprintf("%s/no-such.json", dir), *want;

	(void)state;
	assert_non_null(path);
	assert_int_equal(acg_load_file(path, &m, &d), ACG_EIO);
	assert_null(m);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.errors, 1);
	assert_int_equal(d.v[0].severity, ACG_ERROR);
	assert_int_equal(d.v[0].status, ACG_EIO);
	assert_string_equal(d.v[0].file, path);
	assert_null(d.v[0].pointer);
	assert_int_equal(d.v[0].line, 0);
	assert_int_equal(d.v[0].column, 0);
	assert_int_equal(strncmp(d.v[0].message, "cannot read: ", 13), 0);
	want = acg_asprintf("cannot read: %s", strerror(ENOENT));
	assert_string_equal(d.v[0].message, want);
	free(want);
	acg_diags_release(&d);
	assert_int_equal(rmdir(dir), 0);
	free(path);
	free(dir);
}

static void test_load_file_directory(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_model *m = (struct acg_model *)&d;
	char *dir = make_tmpdir(), *want;

	(void)state;
	assert_int_equal(acg_load_file(dir, &m, &d), ACG_EIO);
	assert_null(m);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.v[0].status, ACG_EIO);
	assert_string_equal(d.v[0].file, dir);
	assert_null(d.v[0].pointer);
	want = acg_asprintf("cannot read: %s", strerror(EISDIR));
	assert_string_equal(d.v[0].message, want);
	free(want);
	acg_diags_release(&d);
	assert_int_equal(rmdir(dir), 0);
	free(dir);
}

static void test_load_file_real(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_model *m;
	char *dir = make_tmpdir(), *good = acg_asprintf("%s/good.json", dir),
	     *bad = acg_asprintf("%s/bad.json", dir), *doc = jq(full_doc);

	(void)state;
	write_file(good, doc);
	assert_int_equal(acg_load_file(good, &m, &d), ACG_OK);
	assert_non_null(m);
	assert_int_equal(d.n, 0);
	assert_string_equal(m->title, "English NHS, April 2013");
	assert_int_equal(m->norgs, 3);
	assert_int_equal(m->nlinks, 3);
	assert_int_equal(m->links[1].from, 2);
	acg_model_free(m);

	/* Diagnostics carry the path as the file name. */
	write_file(bad, "{\"accgraph\": 1,\n \"links\": [{\"from\": \"a\", \"to\": \"b\", \"type\": \"x\"}]}");
	m = (struct acg_model *)&d;
	assert_int_equal(acg_load_file(bad, &m, &d), ACG_EINVAL);
	assert_null(m);
	assert_int_equal(d.n, 2);
	assert_string_equal(d.v[0].file, bad);
	assert_string_equal(d.v[0].pointer, "/links/0/from");
	assert_string_equal(d.v[0].message, "no organisation has id \"a\"");
	assert_string_equal(d.v[1].pointer, "/links/0/to");
	acg_diags_release(&d);

	/* A syntax error in a file. */
	write_file(bad, "{\n\"accgraph\": 1\n");
	m = (struct acg_model *)&d;
	assert_int_equal(acg_load_file(bad, &m, &d), ACG_EINVAL);
	assert_null(m);
	assert_int_equal(d.n, 1);
	assert_string_equal(d.v[0].file, bad);
	assert_null(d.v[0].pointer);
	assert_int_equal(d.v[0].line, 3); /* the end of the file, after the last newline */
	acg_diags_release(&d);

	/* A file larger than one read buffer (64 KiB): a long description. */
	{
		size_t n = 200000, i;
		char *big = malloc(n + 64);

		assert_non_null(big);
		strcpy(big, "{\"accgraph\": 1, \"description\": \"");
		for (i = strlen(big); i < n; i++)
			big[i] = 'a' + (char)(i % 26);
		strcpy(big + n, "\"}");
		write_file(good, big);
		assert_int_equal(acg_load_file(good, &m, &d), ACG_OK);
		assert_non_null(m);
		assert_int_equal(strlen(m->description), n - strlen("{\"accgraph\": 1, \"description\": \""));
		assert_int_equal(d.n, 0);
		acg_model_free(m);
		free(big);
	}

	assert_int_equal(unlink(good), 0);
	assert_int_equal(unlink(bad), 0);
	assert_int_equal(rmdir(dir), 0);
	free(doc);
	free(good);
	free(bad);
	free(dir);
}

/* "-" reads standard input, named "<stdin>" in diagnostics. */
static void test_load_file_stdin(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_model *m = (struct acg_model *)&d;
	char *dir = make_tmpdir(), *path = acg_asprintf("%s/in.json", dir);

	(void)state;
	write_file(path, "{\"accgraph\": 1, \"colour\": 1, \"title\": \"from stdin\"}");
	assert_non_null(freopen(path, "rb", stdin));
	assert_int_equal(acg_load_file("-", &m, &d), ACG_OK);
	assert_non_null(m);
	assert_string_equal(m->title, "from stdin");
	assert_int_equal(d.n, 1);
	assert_string_equal(d.v[0].file, "<stdin>");
	assert_string_equal(d.v[0].pointer, "/colour");
	acg_model_free(m);
	acg_diags_release(&d);
	assert_non_null(freopen("/dev/null", "rb", stdin));
	assert_int_equal(unlink(path), 0);
	assert_int_equal(rmdir(dir), 0);
	free(path);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_document),
		cmocka_unit_test(test_minimal_document),
		cmocka_unit_test(test_bom),
		cmocka_unit_test(test_forward_references),
		cmocka_unit_test(test_dangling_to),
		cmocka_unit_test(test_pointer_escapes),
		cmocka_unit_test(test_unknown_members_warn),
		cmocka_unit_test(test_many_errors_in_order),
		cmocka_unit_test(test_document_level_errors),
		cmocka_unit_test(test_vocabulary_errors),
		cmocka_unit_test(test_colours_and_styles_accepted),
		cmocka_unit_test(test_colour_scheme_numbers),
		cmocka_unit_test(test_duplicate_links),
		cmocka_unit_test(test_duplicate_links_many),
		cmocka_unit_test(test_succeeds_itself),
		cmocka_unit_test(test_cross_member_order),
		cmocka_unit_test(test_empty_ids_and_names),
		cmocka_unit_test(test_weights),
		cmocka_unit_test(test_syntax_errors),
		cmocka_unit_test(test_empty_input),
		cmocka_unit_test(test_nul_bytes_are_not_blank),
		cmocka_unit_test(test_too_deep),
		cmocka_unit_test(test_null_diags_and_name),
		cmocka_unit_test(test_errors_counted_per_document),
		cmocka_unit_test(test_load_file_missing),
		cmocka_unit_test(test_load_file_directory),
		cmocka_unit_test(test_load_file_real),
		cmocka_unit_test(test_load_file_stdin),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
