/*
 * test_model.c - unit tests of accgraph/model.h: model lifetime, the
 * organisation id index, links and sources, the type tables and the
 * basis/sanction names.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "accgraph/model.h"
#include "util.h"

/* Appends an organisation with a copy of id and indexes it. */
static enum acg_status add_indexed_org(struct acg_model *m, const char *id, size_t *first)
{
	struct acg_org *o = acg_model_add_org(m);

	assert_non_null(o);
	o->id = acg_strdup(id);
	assert_non_null(o->id);
	return acg_model_index_org(m, m->norgs - 1, first);
}

/* ---- lifetime ------------------------------------------------------------ */

static void test_new_is_empty(void **state)
{
	struct acg_model *m = acg_model_new();

	(void)state;
	assert_non_null(m);
	assert_null(m->title);
	assert_null(m->description);
	assert_int_equal(m->as_of, ACG_DATE_NONE); /* "ACG_DATE_NONE if not given" */
	assert_int_equal(m->nsources, 0);
	assert_int_equal(m->norgs, 0);
	assert_int_equal(m->nlinks, 0);
	assert_int_equal(m->org_types.n, 0);
	assert_int_equal(m->link_types.n, 0);
	assert_false(m->org_types_declared);
	assert_false(m->link_types_declared);
	/* Lookups in an empty model find nothing. */
	assert_int_equal(acg_model_find_org(m, "a"), ACG_NONE);
	assert_int_equal(acg_model_find_source(m, "a"), ACG_NONE);
	assert_int_equal(acg_type_find(&m->org_types, "commissioner"), ACG_NONE);
	assert_int_equal(acg_type_table_used(&m->org_types), 0);
	acg_model_free(m);
}

static void test_free_null(void **state)
{
	(void)state;
	acg_model_free(NULL); /* must not crash */
}

/*
 * A model filled with every kind of owned string and array; acg_model_free()
 * must release them all (valgrind/ASan report a leak otherwise).
 */
static void test_free_releases_everything(void **state)
{
	struct acg_model *m = acg_model_new();
	struct acg_org *o;
	struct acg_link *l;
	struct acg_source *s;
	size_t t;

	(void)state;
	assert_non_null(m);
	m->title = acg_strdup("title");
	m->description = acg_strdup("description");
	s = acg_model_add_source(m, "src");
	assert_non_null(s);
	s->citation = acg_strdup("An Act");
	s->url = acg_strdup("https://example.org/");
	t = acg_type_intern(&m->org_types, "commissioner", false);
	assert_int_not_equal(t, ACG_NONE);
	m->org_types.v[t].label = acg_strdup("CCG");
	m->org_types.v[t].shape = acg_strdup("box");
	m->org_types.v[t].color = acg_strdup("#000000");
	t = acg_type_intern(&m->link_types, "statutory", true);
	assert_int_not_equal(t, ACG_NONE);
	m->link_types.v[t].style = acg_strdup("solid");

	assert_int_equal(add_indexed_org(m, "a", NULL), ACG_OK);
	assert_int_equal(add_indexed_org(m, "b", NULL), ACG_OK);
	o = &m->orgs[0];
	o->name = acg_strdup("Alpha");
	o->region = acg_strdup("North");
	o->succeeds.v = malloc(2 * sizeof(char *));
	assert_non_null(o->succeeds.v);
	o->succeeds.v[0] = acg_strdup("pct_1");
	o->succeeds.v[1] = acg_strdup("pct_2");
	o->succeeds.n = 2;
	o->sources.v = malloc(sizeof(size_t));
	assert_non_null(o->sources.v);
	o->sources.v[0] = 0;
	o->sources.n = 1;
	o->attrs.v = calloc(3, sizeof(struct acg_attr));
	assert_non_null(o->attrs.v);
	o->attrs.v[0].key = acg_strdup("code");
	o->attrs.v[0].kind = ACG_ATTR_STRING;
	o->attrs.v[0].value.string = acg_strdup("X24");
	o->attrs.v[1].key = acg_strdup("beds");
	o->attrs.v[1].kind = ACG_ATTR_INTEGER;
	o->attrs.v[1].value.integer = 42;
	o->attrs.v[2].key = acg_strdup("ft");
	o->attrs.v[2].kind = ACG_ATTR_BOOLEAN;
	o->attrs.v[2].value.boolean = true;
	o->attrs.n = 3;

	l = acg_model_add_link(m);
	assert_non_null(l);
	l->from = 0;
	l->to = 1;
	l->type = t;
	l->mechanism = acg_strdup("assurance");
	l->label = acg_strdup("label");
	l->domains.v = malloc(sizeof(char *));
	assert_non_null(l->domains.v);
	l->domains.v[0] = acg_strdup("finance");
	l->domains.n = 1;
	l->sources.v = malloc(sizeof(size_t));
	assert_non_null(l->sources.v);
	l->sources.v[0] = 0;
	l->sources.n = 1;
	l->attrs.v = calloc(1, sizeof(struct acg_attr));
	assert_non_null(l->attrs.v);
	l->attrs.v[0].key = acg_strdup("r");
	l->attrs.v[0].kind = ACG_ATTR_REAL;
	l->attrs.v[0].value.real = 0.5;
	l->attrs.n = 1;

	acg_model_free(m);
}

/* ---- organisations and the id index -------------------------------------- */

static void test_add_org_defaults(void **state)
{
	struct acg_model *m = acg_model_new();
	struct acg_org *o;

	(void)state;
	assert_non_null(m);
	o = acg_model_add_org(m);
	assert_non_null(o);
	assert_int_equal(m->norgs, 1);
	assert_ptr_equal(o, &m->orgs[0]);
	assert_null(o->id);
	assert_null(o->name);
	assert_null(o->region);
	assert_int_equal(o->valid_from, ACG_DATE_NONE); /* "dates unbounded" */
	assert_int_equal(o->valid_to, ACG_DATE_NONE);
	assert_int_equal(o->succeeds.n, 0);
	assert_int_equal(o->sources.n, 0);
	assert_int_equal(o->attrs.n, 0);
	acg_model_free(m);
}

/* Thousands of ids: each found at its index, after every table growth. */
static void test_index_thousands(void **state)
{
	enum { N = 5000 };
	struct acg_model *m = acg_model_new();
	char id[32];
	size_t i;

	(void)state;
	assert_non_null(m);
	for (i = 0; i < N; i++) {
		snprintf(id, sizeof(id), "org_%zu", i);
		assert_int_equal(add_indexed_org(m, id, NULL), ACG_OK);
	}
	assert_int_equal(m->norgs, N);
	for (i = 0; i < N; i++) {
		snprintf(id, sizeof(id), "org_%zu", i);
		assert_int_equal(acg_model_find_org(m, id), i);
	}
	/* Missing ids, including near misses and the empty string. */
	assert_int_equal(acg_model_find_org(m, "org_5000"), ACG_NONE);
	assert_int_equal(acg_model_find_org(m, "org_"), ACG_NONE);
	assert_int_equal(acg_model_find_org(m, "org_00"), ACG_NONE);
	assert_int_equal(acg_model_find_org(m, "ORG_1"), ACG_NONE);
	assert_int_equal(acg_model_find_org(m, ""), ACG_NONE);
	/* The lookup compares whole ids, not prefixes. */
	assert_int_equal(acg_model_find_org(m, "org_1"), 1);
	assert_int_equal(acg_model_find_org(m, "org_10"), 10);
	assert_int_equal(acg_model_find_org(m, "org_100"), 100);
	acg_model_free(m);
}

static void test_index_duplicates(void **state)
{
	enum { N = 3000 };
	struct acg_model *m = acg_model_new();
	char id[32];
	size_t i, first;

	(void)state;
	assert_non_null(m);
	for (i = 0; i < N; i++) {
		snprintf(id, sizeof(id), "org_%zu", i);
		assert_int_equal(add_indexed_org(m, id, NULL), ACG_OK);
	}
	/* Organisation 3000 repeats the id of organisation 1234. */
	first = 99;
	assert_int_equal(add_indexed_org(m, "org_1234", &first), ACG_EINVAL);
	assert_int_equal(first, 1234);
	/* A second repeat, with first == NULL allowed. */
	assert_int_equal(add_indexed_org(m, "org_1234", NULL), ACG_EINVAL);
	/* Repeat of the very first organisation. */
	first = 99;
	assert_int_equal(add_indexed_org(m, "org_0", &first), ACG_EINVAL);
	assert_int_equal(first, 0);
	/* The id still finds the first organisation that had it. */
	assert_int_equal(acg_model_find_org(m, "org_1234"), 1234);
	assert_int_equal(acg_model_find_org(m, "org_0"), 0);
	/* The rejected duplicates did not disturb the rest of the index. */
	for (i = 0; i < N; i++) {
		snprintf(id, sizeof(id), "org_%zu", i);
		assert_int_equal(acg_model_find_org(m, id), i);
	}
	/* An id added after the duplicates is still indexed normally. */
	assert_int_equal(add_indexed_org(m, "late", NULL), ACG_OK);
	assert_int_equal(acg_model_find_org(m, "late"), N + 3);
	acg_model_free(m);
}

/*
 * FNV-1a, 64-bit: the hash model.c documents for the id index ("open
 * addressing, linear probing, FNV-1a"); used only to choose ids that land in
 * the same slot of the smallest table.  Should the library change its hash,
 * this test still checks lookups, only with fewer collisions.
 */
static uint64_t fnv1a(const char *s)
{
	uint64_t h = 14695981039346656037ULL;

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}

/*
 * Finds `want` ids "c<k>" whose hash modulo `slots` is `slot`, starting the
 * search at k = *k.
 */
static void colliding_ids(char ids[][16], size_t want, size_t slots, size_t slot, unsigned *k)
{
	size_t n = 0;

	while (n < want) {
		snprintf(ids[n], 16, "c%u", (*k)++);
		if ((fnv1a(ids[n]) & (slots - 1)) == slot)
			n++;
	}
}

static void test_index_collisions(void **state)
{
	struct acg_model *m = acg_model_new();
	char last[6][16], zero[4][16], missing[2][16];
	unsigned k = 0;
	size_t i;

	(void)state;
	assert_non_null(m);
	/*
	 * A small index (a few ids) has few slots: 64 or so.  Six ids that share
	 * the last slot of a 64-slot table probe past the end of the table and wrap
	 * to the start, where four ids that share slot 0 also live.  All must be
	 * found, and ids of the same slots that were never added must not.
	 * 6 + 4 = 10 ids keep a 64-slot table well under half full, so it is not
	 * rehashed in between.
	 */
	colliding_ids(last, 6, 64, 63, &k);
	colliding_ids(zero, 4, 64, 0, &k);
	colliding_ids(missing, 1, 64, 63, &k);
	colliding_ids(missing + 1, 1, 64, 0, &k);
	for (i = 0; i < 6; i++)
		assert_int_equal(add_indexed_org(m, last[i], NULL), ACG_OK);
	for (i = 0; i < 4; i++)
		assert_int_equal(add_indexed_org(m, zero[i], NULL), ACG_OK);
	for (i = 0; i < 6; i++)
		assert_int_equal(acg_model_find_org(m, last[i]), i);
	for (i = 0; i < 4; i++)
		assert_int_equal(acg_model_find_org(m, zero[i]), 6 + i);
	assert_int_equal(acg_model_find_org(m, missing[0]), ACG_NONE);
	assert_int_equal(acg_model_find_org(m, missing[1]), ACG_NONE);
	/* A duplicate of an id deep in a collision chain is still detected. */
	{
		size_t first = 99;

		assert_int_equal(add_indexed_org(m, last[5], &first), ACG_EINVAL);
		assert_int_equal(first, 5);
	}
	acg_model_free(m);
}

/* ---- links ----------------------------------------------------------------- */

static void test_add_link_defaults(void **state)
{
	struct acg_model *m = acg_model_new();
	struct acg_link *l;
	size_t i;

	(void)state;
	assert_non_null(m);
	for (i = 0; i < 100; i++) { /* several growths of the array */
		l = acg_model_add_link(m);
		assert_non_null(l);
		assert_ptr_equal(l, &m->links[i]);
	}
	assert_int_equal(m->nlinks, 100);
	for (i = 0; i < 100; i++) {
		l = &m->links[i];
		assert_true(l->weight == 1.0); /* "weight 1" */
		assert_int_equal(l->valid_from, ACG_DATE_NONE);
		assert_int_equal(l->valid_to, ACG_DATE_NONE);
		assert_false(l->observed);
		assert_int_equal(l->basis, ACG_BASIS_UNSPECIFIED);
		assert_int_equal(l->sanction, ACG_SANCTION_UNSPECIFIED);
		assert_null(l->mechanism);
		assert_null(l->label);
		assert_int_equal(l->domains.n, 0);
		assert_int_equal(l->sources.n, 0);
		assert_int_equal(l->attrs.n, 0);
	}
	acg_model_free(m);
}

/* ---- sources ----------------------------------------------------------------- */

static void test_sources(void **state)
{
	struct acg_model *m = acg_model_new();
	struct acg_source *s;
	char id[16];
	size_t i;

	(void)state;
	assert_non_null(m);
	strcpy(id, "hsca2012");
	s = acg_model_add_source(m, id);
	assert_non_null(s);
	assert_ptr_equal(s, &m->sources[0]);
	assert_ptr_not_equal(s->id, id); /* a copy */
	strcpy(id, "changed");
	assert_string_equal(m->sources[0].id, "hsca2012");
	assert_null(s->citation);
	assert_null(s->url);
	for (i = 1; i < 40; i++) {
		snprintf(id, sizeof(id), "s%zu", i);
		assert_non_null(acg_model_add_source(m, id));
	}
	assert_int_equal(m->nsources, 40);
	assert_int_equal(acg_model_find_source(m, "hsca2012"), 0);
	assert_int_equal(acg_model_find_source(m, "s1"), 1);
	assert_int_equal(acg_model_find_source(m, "s39"), 39);
	assert_int_equal(acg_model_find_source(m, "s40"), ACG_NONE);
	assert_int_equal(acg_model_find_source(m, "hsca"), ACG_NONE);
	assert_int_equal(acg_model_find_source(m, ""), ACG_NONE);
	/* A repeated id: the first one is found. */
	assert_non_null(acg_model_add_source(m, "s1"));
	assert_int_equal(acg_model_find_source(m, "s1"), 1);
	acg_model_free(m);
}

/* ---- type tables -------------------------------------------------------------- */

/* FORMAT.md's lists, copied from the format document. */
static const char *const org_types[] = {
	"parliament", "government", "national_body", "regulator", "regional_team",
	"area_team", "commissioner", "commissioning_support", "provider", "gp_practice",
	"local_authority", "health_wellbeing_board", "scrutiny", "patient_public",
	"voluntary_sector", "independent_sector"};
static const char *const link_types[] = {
	"statutory", "managerial", "contractual", "regulatory", "membership", "financial",
	"professional", "democratic", "scrutiny", "participation", "partnership", "support"};

static bool in(const char *const *list, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(list[i], name))
			return true;
	return false;
}

static void test_well_known_lists(void **state)
{
	size_t i;
	const size_t norg = sizeof(org_types) / sizeof(*org_types);
	const size_t nlink = sizeof(link_types) / sizeof(*link_types);

	(void)state;
	assert_int_equal(norg, 16);
	assert_int_equal(nlink, 12);
	for (i = 0; i < norg; i++) {
		assert_true(acg_is_well_known_org_type(org_types[i]));
		assert_int_equal(acg_is_well_known_link_type(org_types[i]),
				 in(link_types, nlink, org_types[i]));
	}
	for (i = 0; i < nlink; i++) {
		assert_true(acg_is_well_known_link_type(link_types[i]));
		assert_int_equal(acg_is_well_known_org_type(link_types[i]),
				 in(org_types, norg, link_types[i]));
	}
	/* Only `scrutiny` is in both lists. */
	assert_true(acg_is_well_known_org_type("scrutiny"));
	assert_true(acg_is_well_known_link_type("scrutiny"));
	assert_false(acg_is_well_known_link_type("commissioner"));
	assert_false(acg_is_well_known_org_type("statutory"));
	/* Names are matched exactly. */
	assert_false(acg_is_well_known_org_type("Commissioner"));
	assert_false(acg_is_well_known_org_type("commissioner "));
	assert_false(acg_is_well_known_org_type("commission"));
	assert_false(acg_is_well_known_org_type(""));
	assert_false(acg_is_well_known_link_type("statutory_duty"));
	assert_false(acg_is_well_known_link_type(""));
	assert_false(acg_is_well_known_org_type("ccg"));
}

static void test_type_intern(void **state)
{
	struct acg_type_table orgs = {0}, links = {0};
	struct acg_model *m = acg_model_new(); /* frees the tables */
	size_t a, b, c, d;

	(void)state;
	assert_non_null(m);
	/* "commissioner": a well-known organisation type, not a link type. */
	a = acg_type_intern(&orgs, "commissioner", false);
	assert_int_equal(a, 0);
	assert_string_equal(orgs.v[a].name, "commissioner");
	assert_true(orgs.v[a].well_known);
	assert_false(orgs.v[a].declared);
	assert_int_equal(orgs.v[a].uses, 0);
	assert_null(orgs.v[a].label);
	assert_int_equal(orgs.v[a].tier, 0);
	assert_null(orgs.v[a].shape);
	assert_null(orgs.v[a].color);
	assert_null(orgs.v[a].style);
	c = acg_type_intern(&links, "commissioner", true);
	assert_int_equal(c, 0);
	assert_false(links.v[c].well_known);
	/* "statutory": a well-known link type, not an organisation type. */
	d = acg_type_intern(&links, "statutory", true);
	assert_int_equal(d, 1);
	assert_true(links.v[d].well_known);
	b = acg_type_intern(&orgs, "statutory", false);
	assert_int_equal(b, 1);
	assert_false(orgs.v[b].well_known);
	/* A name of neither list. */
	assert_int_equal(acg_type_intern(&orgs, "ccg_local", false), 2);
	assert_false(orgs.v[2].well_known);
	/* Interning again returns the same index and adds nothing. */
	assert_int_equal(acg_type_intern(&orgs, "commissioner", false), a);
	assert_int_equal(acg_type_intern(&orgs, "statutory", false), b);
	assert_int_equal(orgs.n, 3);
	assert_int_equal(acg_type_intern(&links, "statutory", true), d);
	assert_int_equal(links.n, 2);
	/* acg_type_find does not add. */
	assert_int_equal(acg_type_find(&orgs, "ccg_local"), 2);
	assert_int_equal(acg_type_find(&orgs, "provider"), ACG_NONE);
	assert_int_equal(orgs.n, 3);
	/* The name is a copy. */
	{
		char name[] = "provider";
		size_t p = acg_type_intern(&orgs, name, false);

		assert_int_equal(p, 3);
		assert_ptr_not_equal(orgs.v[p].name, name);
		name[0] = 'P';
		assert_string_equal(orgs.v[p].name, "provider");
		assert_true(orgs.v[p].well_known);
	}
	/* Many types: the table grows and keeps its entries. */
	{
		char name[16];
		size_t i;

		for (i = 0; i < 100; i++) {
			snprintf(name, sizeof(name), "t%zu", i);
			assert_int_equal(acg_type_intern(&orgs, name, false), 4 + i);
		}
		assert_int_equal(acg_type_find(&orgs, "commissioner"), 0);
		assert_int_equal(acg_type_find(&orgs, "t99"), 103);
	}
	m->org_types = orgs;
	m->link_types = links;
	acg_model_free(m);
}

static void test_type_table_used(void **state)
{
	struct acg_model *m = acg_model_new();
	struct acg_type_table *t;

	(void)state;
	assert_non_null(m);
	t = &m->org_types;
	assert_int_equal(acg_type_table_used(t), 0);
	assert_int_equal(acg_type_intern(t, "a", false), 0);
	assert_int_equal(acg_type_intern(t, "b", false), 1);
	assert_int_equal(acg_type_intern(t, "c", false), 2);
	assert_int_equal(acg_type_intern(t, "d", false), 3);
	/* No type used yet. */
	assert_int_equal(acg_type_table_used(t), 0);
	t->v[1].uses = 1;
	assert_int_equal(acg_type_table_used(t), 1);
	t->v[3].uses = 7; /* counts types, not uses */
	assert_int_equal(acg_type_table_used(t), 2);
	t->v[0].declared = true; /* declared but unused: not counted */
	assert_int_equal(acg_type_table_used(t), 2);
	t->v[0].uses = 2;
	t->v[2].uses = 1;
	assert_int_equal(acg_type_table_used(t), 4);
	acg_model_free(m);
}

/* ---- basis and sanction names ----------------------------------------------- */

static void test_basis_names(void **state)
{
	/* FORMAT.md's spellings, in the order of enum acg_basis after UNSPECIFIED. */
	static const char *const names[] = {"statute", "regulation", "licence", "contract",
					    "constitution", "guidance", "informal"};
	static const enum acg_basis values[] = {
		ACG_BASIS_STATUTE, ACG_BASIS_REGULATION, ACG_BASIS_LICENCE, ACG_BASIS_CONTRACT,
		ACG_BASIS_CONSTITUTION, ACG_BASIS_GUIDANCE, ACG_BASIS_INFORMAL};
	size_t i;

	(void)state;
	assert_int_equal(ACG_BASIS_COUNT, 8);
	for (i = 0; i < 7; i++) {
		assert_string_equal(acg_basis_name(values[i]), names[i]);
		assert_int_equal(acg_basis_from_name(names[i]), values[i]);
		/* Round trip from the value. */
		assert_int_equal(acg_basis_from_name(acg_basis_name(values[i])), values[i]);
	}
	assert_null(acg_basis_name(ACG_BASIS_UNSPECIFIED));
	assert_null(acg_basis_name((enum acg_basis)ACG_BASIS_COUNT));
	assert_null(acg_basis_name((enum acg_basis)1000));
	assert_null(acg_basis_name((enum acg_basis)-1));
	/* Unknown names. */
	assert_int_equal(acg_basis_from_name(""), ACG_BASIS_UNSPECIFIED);
	assert_int_equal(acg_basis_from_name("license"), ACG_BASIS_UNSPECIFIED); /* US spelling */
	assert_int_equal(acg_basis_from_name("Statute"), ACG_BASIS_UNSPECIFIED);
	assert_int_equal(acg_basis_from_name("statutes"), ACG_BASIS_UNSPECIFIED);
	assert_int_equal(acg_basis_from_name("statut"), ACG_BASIS_UNSPECIFIED);
	assert_int_equal(acg_basis_from_name("hard"), ACG_BASIS_UNSPECIFIED);
	assert_int_equal(acg_basis_from_name("unspecified"), ACG_BASIS_UNSPECIFIED);
}

static void test_sanction_names(void **state)
{
	static const char *const names[] = {"hard", "soft", "none"};
	static const enum acg_sanction values[] = {ACG_SANCTION_HARD, ACG_SANCTION_SOFT,
						   ACG_SANCTION_NONE};
	size_t i;

	(void)state;
	assert_int_equal(ACG_SANCTION_COUNT, 4);
	for (i = 0; i < 3; i++) {
		assert_string_equal(acg_sanction_name(values[i]), names[i]);
		assert_int_equal(acg_sanction_from_name(names[i]), values[i]);
		assert_int_equal(acg_sanction_from_name(acg_sanction_name(values[i])), values[i]);
	}
	/* "none" is a sanction of its own, not "unspecified". */
	assert_int_not_equal(acg_sanction_from_name("none"), ACG_SANCTION_UNSPECIFIED);
	assert_null(acg_sanction_name(ACG_SANCTION_UNSPECIFIED));
	assert_null(acg_sanction_name((enum acg_sanction)ACG_SANCTION_COUNT));
	assert_null(acg_sanction_name((enum acg_sanction)-1));
	assert_int_equal(acg_sanction_from_name(""), ACG_SANCTION_UNSPECIFIED);
	assert_int_equal(acg_sanction_from_name("Hard"), ACG_SANCTION_UNSPECIFIED);
	assert_int_equal(acg_sanction_from_name("medium"), ACG_SANCTION_UNSPECIFIED);
	assert_int_equal(acg_sanction_from_name("statute"), ACG_SANCTION_UNSPECIFIED);
	assert_int_equal(acg_sanction_from_name("nones"), ACG_SANCTION_UNSPECIFIED);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_new_is_empty),
		cmocka_unit_test(test_free_null),
		cmocka_unit_test(test_free_releases_everything),
		cmocka_unit_test(test_add_org_defaults),
		cmocka_unit_test(test_index_thousands),
		cmocka_unit_test(test_index_duplicates),
		cmocka_unit_test(test_index_collisions),
		cmocka_unit_test(test_add_link_defaults),
		cmocka_unit_test(test_sources),
		cmocka_unit_test(test_well_known_lists),
		cmocka_unit_test(test_type_intern),
		cmocka_unit_test(test_type_table_used),
		cmocka_unit_test(test_basis_names),
		cmocka_unit_test(test_sanction_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
