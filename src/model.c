/* model.c - the in-memory accountability system; see accgraph/model.h. */
#include "accgraph/model.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* ---- basis and sanction names ---------------------------------------- */

static const char *const basis_names[ACG_BASIS_COUNT] = {
	NULL, "statute", "regulation", "licence", "contract", "constitution", "guidance",
	"informal"};

static const char *const sanction_names[ACG_SANCTION_COUNT] = {NULL, "hard", "soft", "none"};

const char *acg_basis_name(enum acg_basis basis)
{
	return (unsigned)basis < ACG_BASIS_COUNT ? basis_names[basis] : NULL;
}

const char *acg_sanction_name(enum acg_sanction sanction)
{
	return (unsigned)sanction < ACG_SANCTION_COUNT ? sanction_names[sanction] : NULL;
}

enum acg_basis acg_basis_from_name(const char *name)
{
	int i;

	for (i = 1; i < ACG_BASIS_COUNT; i++)
		if (!strcmp(name, basis_names[i]))
			return (enum acg_basis)i;
	return ACG_BASIS_UNSPECIFIED;
}

enum acg_sanction acg_sanction_from_name(const char *name)
{
	int i;

	for (i = 1; i < ACG_SANCTION_COUNT; i++)
		if (!strcmp(name, sanction_names[i]))
			return (enum acg_sanction)i;
	return ACG_SANCTION_UNSPECIFIED;
}

/* ---- well-known type names -------------------------------------------- */

static const char *const well_known_org_types[] = {
#define ORG_TYPE(name, label, tier, shape, color) #name,
#include "wellknown.def"
#undef ORG_TYPE
	NULL};

static const char *const well_known_link_types[] = {
#define LINK_TYPE(name, label, style, color, arrowhead) #name,
#include "wellknown.def"
#undef LINK_TYPE
	NULL};

static bool in_list(const char *const *list, const char *name)
{
	for (; *list; list++)
		if (!strcmp(*list, name))
			return true;
	return false;
}

bool acg_is_well_known_org_type(const char *name)
{
	return in_list(well_known_org_types, name);
}

bool acg_is_well_known_link_type(const char *name)
{
	return in_list(well_known_link_types, name);
}

/* ---- type tables ------------------------------------------------------ */

size_t acg_type_find(const struct acg_type_table *table, const char *name)
{
	size_t i;

	for (i = 0; i < table->n; i++)
		if (!strcmp(table->v[i].name, name))
			return i;
	return ACG_NONE;
}

size_t acg_type_intern(struct acg_type_table *table, const char *name, bool is_link)
{
	size_t i = acg_type_find(table, name);
	struct acg_type *t;

	if (i != ACG_NONE)
		return i;
	if (acg_grow((void **)&table->v, &table->cap, table->n + 1, sizeof(*table->v)))
		return ACG_NONE;
	t = &table->v[table->n];
	memset(t, 0, sizeof(*t));
	t->name = acg_strdup(name);
	if (!t->name)
		return ACG_NONE;
	t->well_known = is_link ? acg_is_well_known_link_type(name)
				: acg_is_well_known_org_type(name);
	return table->n++;
}

size_t acg_type_table_used(const struct acg_type_table *table)
{
	size_t i, n = 0;

	for (i = 0; i < table->n; i++)
		n += table->v[i].uses > 0;
	return n;
}

static void type_table_release(struct acg_type_table *table)
{
	size_t i;

	for (i = 0; i < table->n; i++) {
		struct acg_type *t = &table->v[i];

		free(t->name);
		free(t->label);
		free(t->shape);
		free(t->color);
		free(t->style);
	}
	free(table->v);
}

/* ---- id index: open addressing, linear probing, FNV-1a ---------------- */

struct acg_org_index {
	size_t *slots; /* organisation index + 1; 0 = empty */
	size_t cap;    /* a power of two, or 0 */
	size_t n;
};

static uint64_t hash_string(const char *s)
{
	uint64_t h = 14695981039346656037ULL;

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}

/* The slot holding id, or the empty slot where it would go. */
static size_t index_probe(const struct acg_org_index *ix, const struct acg_org *orgs,
			  const char *id)
{
	size_t mask = ix->cap - 1;
	size_t s = (size_t)hash_string(id) & mask;

	while (ix->slots[s] && strcmp(orgs[ix->slots[s] - 1].id, id))
		s = (s + 1) & mask;
	return s;
}

static int index_rehash(struct acg_org_index *ix, const struct acg_org *orgs, size_t ncap)
{
	size_t *old = ix->slots, oldcap = ix->cap, i;

	ix->slots = calloc(ncap, sizeof(*ix->slots));
	if (!ix->slots) {
		ix->slots = old;
		return -1;
	}
	ix->cap = ncap;
	for (i = 0; i < oldcap; i++)
		if (old[i])
			ix->slots[index_probe(ix, orgs, orgs[old[i] - 1].id)] = old[i];
	free(old);
	return 0;
}

enum acg_status acg_model_index_org(struct acg_model *model, size_t i, size_t *first)
{
	struct acg_org_index *ix = model->index;
	size_t s;

	if (!ix) {
		ix = calloc(1, sizeof(*ix));
		if (!ix)
			return ACG_ENOMEM;
		model->index = ix;
	}
	/* Keep the load factor at or below 1/2. */
	if ((ix->n + 1) * 2 > ix->cap &&
	    (ix->cap > SIZE_MAX / 4 || index_rehash(ix, model->orgs, ix->cap ? ix->cap * 2 : 64)))
		return ACG_ENOMEM;
	s = index_probe(ix, model->orgs, model->orgs[i].id);
	if (ix->slots[s]) {
		if (first)
			*first = ix->slots[s] - 1;
		return ACG_EINVAL;
	}
	ix->slots[s] = i + 1;
	ix->n++;
	return ACG_OK;
}

size_t acg_model_find_org(const struct acg_model *model, const char *id)
{
	const struct acg_org_index *ix = model->index;
	size_t s;

	if (!ix || !ix->cap)
		return ACG_NONE;
	s = index_probe(ix, model->orgs, id);
	return ix->slots[s] ? ix->slots[s] - 1 : ACG_NONE;
}

/* ---- model lifetime --------------------------------------------------- */

struct acg_model *acg_model_new(void)
{
	struct acg_model *m = calloc(1, sizeof(*m));

	if (m)
		m->as_of = ACG_DATE_NONE;
	return m;
}

static void strlist_release(struct acg_strlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
}

static void attrs_release(struct acg_attrs *a)
{
	size_t i;

	for (i = 0; i < a->n; i++) {
		free(a->v[i].key);
		if (a->v[i].kind == ACG_ATTR_STRING)
			free(a->v[i].value.string);
	}
	free(a->v);
}

void acg_model_free(struct acg_model *m)
{
	size_t i;

	if (!m)
		return;
	free(m->title);
	free(m->description);
	for (i = 0; i < m->nsources; i++) {
		free(m->sources[i].id);
		free(m->sources[i].citation);
		free(m->sources[i].url);
	}
	free(m->sources);
	type_table_release(&m->org_types);
	type_table_release(&m->link_types);
	for (i = 0; i < m->norgs; i++) {
		struct acg_org *o = &m->orgs[i];

		free(o->id);
		free(o->name);
		free(o->region);
		strlist_release(&o->succeeds);
		free(o->sources.v);
		attrs_release(&o->attrs);
	}
	free(m->orgs);
	for (i = 0; i < m->nlinks; i++) {
		struct acg_link *l = &m->links[i];

		strlist_release(&l->domains);
		free(l->mechanism);
		free(l->label);
		free(l->sources.v);
		attrs_release(&l->attrs);
	}
	free(m->links);
	if (m->index)
		free(m->index->slots);
	free(m->index);
	free(m);
}

struct acg_org *acg_model_add_org(struct acg_model *m)
{
	struct acg_org *o;

	if (acg_grow((void **)&m->orgs, &m->orgs_cap, m->norgs + 1, sizeof(*m->orgs)))
		return NULL;
	o = &m->orgs[m->norgs++];
	memset(o, 0, sizeof(*o));
	o->type = ACG_NONE;
	o->valid_from = o->valid_to = ACG_DATE_NONE;
	return o;
}

struct acg_link *acg_model_add_link(struct acg_model *m)
{
	struct acg_link *l;

	if (acg_grow((void **)&m->links, &m->links_cap, m->nlinks + 1, sizeof(*m->links)))
		return NULL;
	l = &m->links[m->nlinks++];
	memset(l, 0, sizeof(*l));
	l->from = l->to = l->type = ACG_NONE;
	l->weight = 1.0;
	l->valid_from = l->valid_to = ACG_DATE_NONE;
	return l;
}

struct acg_source *acg_model_add_source(struct acg_model *m, const char *id)
{
	struct acg_source *s;
	char *copy = acg_strdup(id);

	if (!copy ||
	    acg_grow((void **)&m->sources, &m->sources_cap, m->nsources + 1, sizeof(*m->sources))) {
		free(copy);
		return NULL;
	}
	s = &m->sources[m->nsources++];
	memset(s, 0, sizeof(*s));
	s->id = copy;
	return s;
}

size_t acg_model_find_source(const struct acg_model *m, const char *id)
{
	size_t i;

	for (i = 0; i < m->nsources; i++)
		if (!strcmp(m->sources[i].id, id))
			return i;
	return ACG_NONE;
}
