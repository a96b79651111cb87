/* diff.c - changes between two systems and their comparison; see accgraph/diff.h. */
#include "accgraph/diff.h"

#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model_copy.h"
#include "report_impl.h"
#include "util.h"

static const char *const change_names[ACG_CHANGE_COUNT] = {
	"same", "changed", "replaced", "merged", "split", "reorganised", "retyped", "added",
	"removed"};

const char *acg_change_name(enum acg_change c)
{
	return (unsigned)c < ACG_CHANGE_COUNT ? change_names[c] : NULL;
}

void acg_diff_free(struct acg_diff *d)
{
	size_t i;

	if (!d)
		return;
	for (i = 0; i < d->norgs; i++)
		free(d->orgs[i].detail);
	for (i = 0; i < d->nlinks; i++)
		free(d->links[i].detail);
	free(d->orgs);
	free(d->links);
	free(d);
}

/* ---- building the rows --------------------------------------------------------- */

struct rows {
	struct acg_diff_item *v;
	size_t n, cap;
};

static struct acg_diff_item *add_row(struct rows *r, enum acg_change change, size_t old_index,
				     size_t new_index)
{
	struct acg_diff_item *it;

	if (acg_grow((void **)&r->v, &r->cap, r->n + 1, sizeof(*r->v)))
		return NULL;
	it = &r->v[r->n++];
	it->change = change;
	it->old_index = old_index;
	it->new_index = new_index;
	it->group = 0;
	it->detail = NULL;
	return it;
}

/* A growable "a: x -> y; b: ..." description. */
struct detail {
	char *s;
	size_t n, cap;
	bool failed;
};

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void detail_add(struct detail *d, const char *fmt, ...)
{
	va_list ap;
	int k;

	va_start(ap, fmt);
	k = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (k < 0 || acg_grow((void **)&d->s, &d->cap, d->n + (size_t)k + 3, 1)) {
		d->failed = true;
		return;
	}
	if (d->n) {
		memcpy(d->s + d->n, "; ", 3);
		d->n += 2;
	}
	va_start(ap, fmt);
	vsnprintf(d->s + d->n, (size_t)k + 1, fmt, ap);
	va_end(ap);
	d->n += (size_t)k;
}

static bool same_str(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

static void compare_strings(struct detail *d, const char *what, const char *a, const char *b)
{
	if (!same_str(a, b))
		detail_add(d, "%s: %s -> %s", what, a ? a : "(none)", b ? b : "(none)");
}

static void org_detail(struct detail *d, const struct acg_model *om, size_t o,
		       const struct acg_model *nm, size_t n)
{
	const struct acg_org *a = &om->orgs[o], *b = &nm->orgs[n];

	if (strcmp(a->id, b->id))
		detail_add(d, "id: %s -> %s", a->id, b->id);
	compare_strings(d, "name", a->name, b->name);
	compare_strings(d, "type", om->org_types.v[a->type].name, nm->org_types.v[b->type].name);
	compare_strings(d, "region", a->region, b->region);
}

static bool same_domains(const struct acg_strlist *a, const struct acg_strlist *b)
{
	size_t i, j;

	if (a->n != b->n)
		return false;
	for (i = 0; i < a->n; i++) {
		for (j = 0; j < b->n && strcmp(a->v[i], b->v[j]); j++)
			;
		if (j == b->n)
			return false;
	}
	return true;
}

static void join_domains(char *buf, size_t size, const struct acg_strlist *l)
{
	size_t i, used = 0;

	buf[0] = '\0';
	for (i = 0; i < l->n && used < size; i++)
		used += (size_t)snprintf(buf + used, size - used, "%s%s", i ? ", " : "", l->v[i]);
	if (!l->n)
		snprintf(buf, size, "(none)");
}

static void link_detail(struct detail *d, const struct acg_model *om, size_t o,
			const struct acg_model *nm, size_t n)
{
	const struct acg_link *a = &om->links[o], *b = &nm->links[n];
	char x[256], y[256];

	compare_strings(d, "type", om->link_types.v[a->type].name, nm->link_types.v[b->type].name);
	if (!same_domains(&a->domains, &b->domains)) {
		join_domains(x, sizeof(x), &a->domains);
		join_domains(y, sizeof(y), &b->domains);
		detail_add(d, "for: %s -> %s", x, y);
	}
	if (a->basis != b->basis)
		detail_add(d, "basis: %s -> %s", a->basis ? acg_basis_name(a->basis) : "(none)",
			   b->basis ? acg_basis_name(b->basis) : "(none)");
	if (a->sanction != b->sanction)
		detail_add(d, "sanction: %s -> %s",
			   a->sanction ? acg_sanction_name(a->sanction) : "(none)",
			   b->sanction ? acg_sanction_name(b->sanction) : "(none)");
	if (a->weight != b->weight)
		detail_add(d, "weight: %g -> %g", a->weight, b->weight);
	compare_strings(d, "mechanism", a->mechanism, b->mechanism);
	if (a->observed != b->observed)
		detail_add(d, "observed: %s -> %s", a->observed ? "true" : "false",
			   b->observed ? "true" : "false");
}

/* Sets the row's detail (taking the text) and makes it CHANGED when kind is SAME. */
static int set_detail(struct acg_diff_item *it, struct detail *d)
{
	if (d->failed) {
		free(d->s);
		return -1;
	}
	it->detail = d->s;
	if (d->s && it->change == ACG_SAME)
		it->change = ACG_CHANGED;
	return 0;
}

/* ---- organisations ---------------------------------------------------------- */

static size_t uf_find(size_t *parent, size_t x)
{
	while (parent[x] != x) {
		parent[x] = parent[parent[x]];
		x = parent[x];
	}
	return x;
}

struct succession {
	size_t old_index, new_index;
};

static int succession_cmp(const void *x, const void *y)
{
	const struct succession *a = x, *b = y;

	if (a->old_index != b->old_index)
		return a->old_index < b->old_index ? -1 : 1;
	return a->new_index < b->new_index ? -1 : a->new_index > b->new_index;
}

/*
 * Matches organisations.  map_start/map (CSR): the new organisations each old
 * one maps to, for the links.  Returns 0 or -1 when out of memory.
 */
static int match_orgs(const struct acg_model *om, const struct acg_model *nm, struct rows *rows,
		      size_t **map_start, size_t **map)
{
	size_t no = om->norgs, nn = nm->norgs, i, j, k, e, groups = 0;
	size_t *by_id = NULL, *parent = NULL, *olds = NULL, *news = NULL, *group_of = NULL;
	bool *new_taken = NULL, *old_succ = NULL, *new_succ = NULL;
	struct succession *edges = NULL;
	size_t nedges = 0, cap = 0, cursor = 0;
	int rc = -1;

	*map_start = NULL;
	*map = NULL;
	by_id = malloc((no + 1) * sizeof(*by_id));
	new_taken = calloc(nn + 1, sizeof(*new_taken));
	parent = malloc((no + nn + 1) * sizeof(*parent));
	olds = calloc(no + nn + 1, sizeof(*olds));
	news = calloc(no + nn + 1, sizeof(*news));
	group_of = calloc(no + nn + 1, sizeof(*group_of));
	old_succ = calloc(no + 1, sizeof(*old_succ));
	new_succ = calloc(nn + 1, sizeof(*new_succ));
	if (!by_id || !new_taken || !parent || !olds || !news || !group_of || !old_succ || !new_succ)
		goto out;
	for (i = 0; i < no; i++) {
		by_id[i] = acg_model_find_org(nm, om->orgs[i].id);
		if (by_id[i] != ACG_NONE)
			new_taken[by_id[i]] = true;
	}
	/* Succession between organisations not matched by id. */
	for (j = 0; j < nn; j++) {
		if (new_taken[j])
			continue;
		for (k = 0; k < nm->orgs[j].succeeds.n; k++) {
			size_t o = acg_model_find_org(om, nm->orgs[j].succeeds.v[k]);

			if (o == ACG_NONE || by_id[o] != ACG_NONE)
				continue;
			if (acg_grow((void **)&edges, &cap, nedges + 1, sizeof(*edges)))
				goto out;
			edges[nedges++] = (struct succession){o, j};
		}
	}
	/* By old organisation, so that each one's successors are contiguous. */
	if (nedges)
		qsort(edges, nedges, sizeof(*edges), succession_cmp);
	for (i = 0; i < no + nn; i++)
		parent[i] = i;
	for (e = 0; e < nedges; e++) {
		size_t a = uf_find(parent, edges[e].old_index);
		size_t b = uf_find(parent, no + edges[e].new_index);

		if (a != b)
			parent[a < b ? b : a] = a < b ? a : b;
	}
	/* Organisations of each succession group, each counted once. */
	for (e = 0; e < nedges; e++) {
		size_t o = edges[e].old_index, n = edges[e].new_index;

		if (!old_succ[o]) {
			old_succ[o] = true;
			olds[uf_find(parent, o)]++;
		}
		if (!new_succ[n]) {
			new_succ[n] = true;
			news[uf_find(parent, no + n)]++;
		}
	}
	/* Rows: old organisations in file order. */
	for (i = 0; i < no; i++) {
		struct acg_diff_item *it;
		struct detail d = {NULL, 0, 0, false};

		if (by_id[i] != ACG_NONE) {
			if (!(it = add_row(rows, ACG_SAME, i, by_id[i])))
				goto out;
			org_detail(&d, om, i, nm, by_id[i]);
			if (set_detail(it, &d))
				goto out;
			continue;
		}
		k = 0;
		while (cursor < nedges && edges[cursor].old_index < i)
			cursor++;
		for (e = cursor; e < nedges && edges[e].old_index == i; e++) {
			size_t r = uf_find(parent, i);
			enum acg_change kind;

			kind = olds[r] == 1 ? (news[r] == 1 ? ACG_REPLACED : ACG_SPLIT)
					    : (news[r] == 1 ? ACG_MERGED : ACG_REORGANISED);
			if (!group_of[r])
				group_of[r] = ++groups;
			if (!(it = add_row(rows, kind, i, edges[e].new_index)))
				goto out;
			it->group = group_of[r];
			d = (struct detail){NULL, 0, 0, false};
			org_detail(&d, om, i, nm, edges[e].new_index);
			if (d.failed) {
				free(d.s);
				goto out;
			}
			it->detail = d.s;
			k++;
		}
		if (!k && !add_row(rows, ACG_REMOVED, i, ACG_NONE))
			goto out;
	}
	/* Then the new organisations that neither keep an id nor succeed one. */
	for (j = 0; j < nn; j++)
		if (!new_taken[j] && !new_succ[j] && !add_row(rows, ACG_ADDED, ACG_NONE, j))
			goto out;
	/* Map: each old organisation to its new ones (by id or succession). */
	if (!(*map_start = calloc(no + 2, sizeof(**map_start))) ||
	    !(*map = malloc((no + nedges + 1) * sizeof(**map))))
		goto out;
	for (i = 0, k = 0, e = 0; i < no; i++) {
		(*map_start)[i] = k;
		if (by_id[i] != ACG_NONE)
			(*map)[k++] = by_id[i];
		for (; e < nedges && edges[e].old_index == i; e++)
			(*map)[k++] = edges[e].new_index;
	}
	(*map_start)[no] = k;
	rc = 0;
out:
	free(by_id);
	free(new_taken);
	free(parent);
	free(olds);
	free(news);
	free(group_of);
	free(old_succ);
	free(new_succ);
	free(edges);
	if (rc) {
		free(*map_start);
		free(*map);
		*map_start = *map = NULL;
	}
	return rc;
}

/* ---- links --------------------------------------------------------------------- */

/* The new link from f to t of the type called type_name not yet taken, or ACG_NONE. */
static size_t find_new_link(const struct acg_model *nm, const size_t *start, const size_t *byfrom,
			    const bool *taken, size_t f, size_t t, const char *type_name)
{
	size_t q;

	for (q = start[f]; q < start[f + 1]; q++) {
		const struct acg_link *l = &nm->links[byfrom[q]];

		if (l->to == t && !taken[byfrom[q]] &&
		    (!type_name || !strcmp(nm->link_types.v[l->type].name, type_name)))
			return byfrom[q];
	}
	return ACG_NONE;
}

static int match_links(const struct acg_model *om, const struct acg_model *nm,
		       const size_t *map_start, const size_t *map, struct rows *rows)
{
	size_t nl = nm->nlinks, i, j, a, b, pass;
	size_t *start = calloc(nm->norgs + 2, sizeof(*start));
	size_t *byfrom = malloc((nl + 1) * sizeof(*byfrom));
	size_t *fill = calloc(nm->norgs + 1, sizeof(*fill));
	size_t *match = malloc((om->nlinks + 1) * sizeof(*match));
	bool *taken = calloc(nl + 1, sizeof(*taken));
	int rc = -1;

	if (!start || !byfrom || !fill || !match || !taken)
		goto out;
	for (j = 0; j < nl; j++)
		start[nm->links[j].from + 1]++;
	for (i = 0; i < nm->norgs; i++)
		start[i + 1] += start[i];
	for (j = 0; j < nl; j++)
		byfrom[start[nm->links[j].from] + fill[nm->links[j].from]++] = j;
	/* Pass 0: same mapped ends and type; pass 1: same mapped ends, another type. */
	for (i = 0; i < om->nlinks; i++)
		match[i] = ACG_NONE;
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < om->nlinks; i++) {
			const struct acg_link *l = &om->links[i];
			const char *type = pass ? NULL : om->link_types.v[l->type].name;

			for (a = map_start[l->from]; a < map_start[l->from + 1] && match[i] == ACG_NONE; a++)
				for (b = map_start[l->to]; b < map_start[l->to + 1] && match[i] == ACG_NONE;
				     b++) {
					size_t k = find_new_link(nm, start, byfrom, taken, map[a], map[b],
								 type);

					if (k != ACG_NONE) {
						match[i] = k;
						taken[k] = true;
						if (pass)
							match[i] |= (size_t)1 << (sizeof(size_t) * 8 - 1);
					}
				}
		}
	for (i = 0; i < om->nlinks; i++) {
		size_t top = (size_t)1 << (sizeof(size_t) * 8 - 1);
		bool retyped = match[i] != ACG_NONE && (match[i] & top);
		size_t k = match[i] == ACG_NONE ? ACG_NONE : match[i] & ~top;
		struct acg_diff_item *it;
		struct detail d = {NULL, 0, 0, false};

		if (k == ACG_NONE) {
			if (!add_row(rows, ACG_REMOVED, i, ACG_NONE))
				goto out;
			continue;
		}
		if (!(it = add_row(rows, retyped ? ACG_RETYPED : ACG_SAME, i, k)))
			goto out;
		link_detail(&d, om, i, nm, k);
		if (set_detail(it, &d))
			goto out;
	}
	for (j = 0; j < nl; j++)
		if (!taken[j] && !add_row(rows, ACG_ADDED, ACG_NONE, j))
			goto out;
	rc = 0;
out:
	free(start);
	free(byfrom);
	free(fill);
	free(match);
	free(taken);
	return rc;
}

enum acg_status acg_diff_compute(const struct acg_model *om, const struct acg_model *nm,
				 struct acg_diff **out)
{
	struct rows orgs = {NULL, 0, 0}, links = {NULL, 0, 0};
	size_t *map_start = NULL, *map = NULL, i;
	struct acg_diff *d;

	*out = NULL;
	if (!(d = calloc(1, sizeof(*d))))
		return ACG_ENOMEM;
	if (match_orgs(om, nm, &orgs, &map_start, &map) ||
	    match_links(om, nm, map_start, map, &links)) {
		d->orgs = orgs.v;
		d->norgs = orgs.n;
		d->links = links.v;
		d->nlinks = links.n;
		acg_diff_free(d);
		free(map_start);
		free(map);
		return ACG_ENOMEM;
	}
	free(map_start);
	free(map);
	d->orgs = orgs.v;
	d->norgs = orgs.n;
	d->links = links.v;
	d->nlinks = links.n;
	for (i = 0; i < d->norgs; i++)
		d->org_counts[d->orgs[i].change]++;
	for (i = 0; i < d->nlinks; i++)
		d->link_counts[d->links[i].change]++;
	*out = d;
	return ACG_OK;
}

/* ---- both systems in one model ------------------------------------------------------ */

/* Each old type's index in the union's table, appending the types the new system lacks. */
static int map_types(struct acg_type_table *dst, const struct acg_type_table *old, size_t *map)
{
	size_t i;

	for (i = 0; i < old->n; i++) {
		map[i] = acg_type_find(dst, old->v[i].name);
		if (map[i] != ACG_NONE)
			continue;
		if (acg_model_copy_type(dst, &old->v[i]))
			return -1;
		map[i] = dst->n - 1;
	}
	return 0;
}

/* Each old source's index in the union, appending the sources the new system lacks. */
static int map_sources(struct acg_model *u, const struct acg_model *om, size_t *map)
{
	size_t i;

	for (i = 0; i < om->nsources; i++) {
		const struct acg_source *s = &om->sources[i];
		struct acg_source *c;

		map[i] = acg_model_find_source(u, s->id);
		if (map[i] != ACG_NONE)
			continue;
		if (!(c = acg_model_add_source(u, s->id)) ||
		    (s->citation && !(c->citation = acg_strdup(s->citation))) ||
		    (s->url && !(c->url = acg_strdup(s->url))))
			return -1;
		map[i] = u->nsources - 1;
	}
	return 0;
}

static void remap_refs(struct acg_refs *refs, const size_t *map)
{
	size_t k;

	for (k = 0; k < refs->n; k++)
		refs->v[k] = map[refs->v[k]];
}

/* "OLD → NEW" from the titles (else the names); "TITLE: OLD → NEW" when the titles agree. */
static char *union_title(const struct acg_model *om, const struct acg_model *nm,
			 const char *old_name, const char *new_name)
{
	const char *a, *b;

	old_name = old_name ? old_name : "old";
	new_name = new_name ? new_name : "new";
	a = om->title ? om->title : old_name;
	b = nm->title ? nm->title : new_name;

	if (!strcmp(a, b))
		return acg_asprintf("%s: %s \xe2\x86\x92 %s", a, old_name, new_name);
	return acg_asprintf("%s \xe2\x86\x92 %s", a, b);
}

static bool is_succession(enum acg_change c)
{
	return c == ACG_REPLACED || c == ACG_MERGED || c == ACG_SPLIT || c == ACG_REORGANISED;
}

/*
 * The link type of the succession arrows of a union: "succeeds", or the
 * first of "succeeds_2", "succeeds_3", ... that neither system uses.  Its
 * index in u's link types, or ACG_NONE when out of memory.
 */
static size_t succession_type(struct acg_model *u)
{
	char name[32] = "succeeds";
	struct acg_type *t;
	size_t k, i;

	for (k = 2; acg_type_find(&u->link_types, name) != ACG_NONE; k++)
		snprintf(name, sizeof(name), "succeeds_%zu", k);
	if ((i = acg_type_intern(&u->link_types, name, true)) == ACG_NONE)
		return ACG_NONE;
	t = &u->link_types.v[i];
	if (!(t->label = acg_strdup("Succeeds")) || !(t->style = acg_strdup("dotted")) ||
	    !(t->color = acg_strdup("#555555")))
		return ACG_NONE;
	return i;
}

/* An arrow from each successor in u to each organisation it succeeds. */
static int add_successions(struct acg_model *u, const struct acg_diff *diff, const size_t *org_at,
			   enum acg_render_mark *lmark)
{
	size_t type = ACG_NONE, i;

	for (i = 0; i < diff->norgs; i++) {
		const struct acg_diff_item *it = &diff->orgs[i];
		struct acg_link *l;

		if (!is_succession(it->change))
			continue;
		if (type == ACG_NONE && (type = succession_type(u)) == ACG_NONE)
			return -1;
		if (!(l = acg_model_add_link(u)))
			return -1;
		l->from = it->new_index;
		l->to = org_at[it->old_index];
		l->type = type;
		u->link_types.v[type].uses++;
		lmark[u->nlinks - 1] = ACG_MARK_SUCCESSION;
	}
	return 0;
}

static enum acg_render_mark org_mark(enum acg_change c)
{
	return c == ACG_SAME ? ACG_MARK_SAME : c == ACG_CHANGED ? ACG_MARK_CHANGED : ACG_MARK_ADDED;
}

enum acg_status acg_diff_union(const struct acg_model *om, const struct acg_model *nm,
			       const struct acg_diff *diff, const char *old_name,
			       const char *new_name, struct acg_model **out,
			       enum acg_render_mark **org_marks, enum acg_render_mark **link_marks)
{
	struct acg_model *u = acg_model_new();
	size_t *org_at = NULL, *otype = NULL, *ltype = NULL, *source = NULL, i;
	enum acg_render_mark *omark = NULL, *lmark = NULL;
	enum acg_status st = ACG_ENOMEM;

	*out = NULL;
	*org_marks = *link_marks = NULL;
	org_at = malloc((om->norgs + 1) * sizeof(*org_at));
	otype = malloc((om->org_types.n + 1) * sizeof(*otype));
	ltype = malloc((om->link_types.n + 1) * sizeof(*ltype));
	source = malloc((om->nsources + 1) * sizeof(*source));
	omark = malloc((nm->norgs + om->norgs + 1) * sizeof(*omark));
	lmark = malloc((nm->nlinks + om->nlinks + diff->norgs + 1) * sizeof(*lmark));
	if (!u || !org_at || !otype || !ltype || !source || !omark || !lmark ||
	    acg_model_copy_header(u, nm))
		goto out;
	free(u->title);
	u->as_of = ACG_DATE_NONE;
	if (!(u->title = union_title(om, nm, old_name, new_name)) ||
	    map_types(&u->org_types, &om->org_types, otype) ||
	    map_types(&u->link_types, &om->link_types, ltype) || map_sources(u, om, source))
		goto out;

	/* The new system as it is; marks from the rows below. */
	for (i = 0; i < nm->norgs; i++) {
		if (acg_model_copy_org(u, &nm->orgs[i], nm->orgs[i].type))
			goto out;
		omark[i] = ACG_MARK_ADDED;
	}
	for (i = 0; i < nm->nlinks; i++) {
		const struct acg_link *l = &nm->links[i];

		if (acg_model_copy_link(u, l, l->from, l->to, l->type))
			goto out;
		lmark[i] = ACG_MARK_ADDED;
	}

	/* Old organisations: kept by id (their new selves), or drawn as removed. */
	for (i = 0; i < om->norgs; i++)
		org_at[i] = ACG_NONE;
	for (i = 0; i < diff->norgs; i++) {
		const struct acg_diff_item *it = &diff->orgs[i];
		const struct acg_org *o;

		if (it->new_index != ACG_NONE)
			omark[it->new_index] = org_mark(it->change);
		if (it->old_index == ACG_NONE || org_at[it->old_index] != ACG_NONE)
			continue;
		if (it->change == ACG_SAME || it->change == ACG_CHANGED) {
			org_at[it->old_index] = it->new_index;
			continue;
		}
		o = &om->orgs[it->old_index];
		if (acg_model_copy_org(u, o, otype[o->type]))
			goto out;
		remap_refs(&u->orgs[u->norgs - 1].sources, source);
		org_at[it->old_index] = u->norgs - 1;
		omark[u->norgs - 1] = ACG_MARK_REMOVED;
	}

	/* Links: matched ones are the new ones; removed ones join their old ends. */
	for (i = 0; i < diff->nlinks; i++) {
		const struct acg_diff_item *it = &diff->links[i];
		const struct acg_link *l;
		size_t from, to;

		if (it->new_index != ACG_NONE) {
			lmark[it->new_index] = it->change == ACG_SAME ? ACG_MARK_SAME
					       : it->change == ACG_ADDED ? ACG_MARK_ADDED
									 : ACG_MARK_CHANGED;
			continue;
		}
		l = &om->links[it->old_index];
		from = org_at[l->from];
		to = org_at[l->to];
		if (from == ACG_NONE || to == ACG_NONE)
			continue; /* not reached: every old organisation has a row */
		if (acg_model_copy_link(u, l, from, to, ltype[l->type]))
			goto out;
		remap_refs(&u->links[u->nlinks - 1].sources, source);
		lmark[u->nlinks - 1] = ACG_MARK_REMOVED;
	}
	if (add_successions(u, diff, org_at, lmark))
		goto out;
	st = ACG_OK;
	*out = u;
	*org_marks = omark;
	*link_marks = lmark;
	u = NULL;
	omark = lmark = NULL;
out:
	acg_model_free(u);
	free(org_at);
	free(otype);
	free(ltype);
	free(source);
	free(omark);
	free(lmark);
	return st;
}

/* ---- the comparison as a report ---------------------------------------------------- */

static const char *plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static struct acg_table *new_table(const char *const *names)
{
	size_t n = 0;

	while (names[n])
		n++;
	return acg_table_new(n, names);
}

/* Organisations section: counts of each kind and every row that is not "same". */
static int orgs_section(struct acg_report *r, const struct acg_diff *d,
			const struct acg_model *om, const struct acg_model *nm)
{
	static const char *const cols[] = {"change", "old_id", "old_name", "new_id", "new_name",
					   "group", "detail", NULL};
	const size_t *c = d->org_counts;
	struct report_section *s = report_add_section(r, "organisations", "Organisations");
	struct acg_table *t;
	size_t i, row, groups = 0, succeeded = 0;
	int k;

	if (!s)
		return -1;
	for (i = 0; i < d->norgs; i++)
		if (d->orgs[i].group > groups)
			groups = d->orgs[i].group;
	/* Old organisations succeeded (each once, whatever the number of successors). */
	for (i = 0; i < d->norgs; i++)
		succeeded += d->orgs[i].group &&
			     (i == 0 || d->orgs[i - 1].old_index != d->orgs[i].old_index);
	if (report_set_sentence(
		    s,
		    "Of the %zu organisations of the old system, %zu %s unchanged, %zu changed, "
		    "%zu %s succeeded by new organisations (replaced, merged, split or "
		    "reorganised, in %zu %s) and %zu %s removed; %zu %s added.",
		    om->norgs, c[ACG_SAME], plural(c[ACG_SAME], "is", "are"), c[ACG_CHANGED],
		    succeeded, plural(succeeded, "was", "were"), groups,
		    plural(groups, "group", "groups"), c[ACG_REMOVED],
		    plural(c[ACG_REMOVED], "was", "were"), c[ACG_ADDED],
		    plural(c[ACG_ADDED], "was", "were")))
		return -1;
	for (k = 0; k < ACG_CHANGE_COUNT; k++)
		if (k != ACG_RETYPED &&
		    report_add_integer(s, change_names[k], change_names[k], (double)c[k]))
			return -1;
	if (report_add_integer(s, "succeeded", "organisations succeeded", (double)succeeded) ||
	    report_add_integer(s, "succession_groups", "succession groups", (double)groups))
		return -1;
	if (!(t = new_table(cols)))
		return -1;
	for (i = 0; i < d->norgs; i++) {
		const struct acg_diff_item *it = &d->orgs[i];

		if (it->change == ACG_SAME)
			continue;
		if ((row = acg_table_add_row(t)) == (size_t)-1 ||
		    acg_table_set_text(t, row, 0, change_names[it->change]) ||
		    (it->old_index != ACG_NONE &&
		     (acg_table_set_text(t, row, 1, om->orgs[it->old_index].id) ||
		      acg_table_set_text(t, row, 2, om->orgs[it->old_index].name))) ||
		    (it->new_index != ACG_NONE &&
		     (acg_table_set_text(t, row, 3, nm->orgs[it->new_index].id) ||
		      acg_table_set_text(t, row, 4, nm->orgs[it->new_index].name))) ||
		    acg_table_set_text(t, row, 6, it->detail)) {
			acg_table_free(t);
			return -1;
		}
		acg_table_set_number(t, row, 5, it->group ? (double)it->group : NAN, true);
	}
	return report_add_table(s, "changes", "Organisations that changed", t);
}

static int links_section(struct acg_report *r, const struct acg_diff *d,
			 const struct acg_model *om, const struct acg_model *nm)
{
	static const char *const cols[] = {"change", "from", "to", "type", "detail", NULL};
	static const enum acg_change kinds[] = {ACG_SAME, ACG_CHANGED, ACG_RETYPED, ACG_ADDED,
						ACG_REMOVED};
	const size_t *c = d->link_counts;
	struct report_section *s = report_add_section(r, "links", "Links");
	struct acg_table *t;
	size_t i, row, k;

	if (!s ||
	    report_set_sentence(s,
				"Of the %zu links of the old system, %zu %s again in the new one "
				"(%zu of them changed and %zu retyped) and %zu %s; %zu %s added.",
				om->nlinks, c[ACG_SAME] + c[ACG_CHANGED] + c[ACG_RETYPED],
				plural(c[ACG_SAME] + c[ACG_CHANGED] + c[ACG_RETYPED], "holds", "hold"),
				c[ACG_CHANGED], c[ACG_RETYPED], c[ACG_REMOVED],
				plural(c[ACG_REMOVED], "was removed", "were removed"), c[ACG_ADDED],
				plural(c[ACG_ADDED], "was", "were")))
		return -1;
	for (k = 0; k < sizeof(kinds) / sizeof(*kinds); k++)
		if (report_add_integer(s, change_names[kinds[k]], change_names[kinds[k]],
				       (double)c[kinds[k]]))
			return -1;
	if (!(t = new_table(cols)))
		return -1;
	for (i = 0; i < d->nlinks; i++) {
		const struct acg_diff_item *it = &d->links[i];
		const struct acg_model *m = it->new_index != ACG_NONE ? nm : om;
		const struct acg_link *l =
			&m->links[it->new_index != ACG_NONE ? it->new_index : it->old_index];

		if (it->change == ACG_SAME)
			continue;
		if ((row = acg_table_add_row(t)) == (size_t)-1 ||
		    acg_table_set_text(t, row, 0, change_names[it->change]) ||
		    acg_table_set_text(t, row, 1, m->orgs[l->from].id) ||
		    acg_table_set_text(t, row, 2, m->orgs[l->to].id) ||
		    acg_table_set_text(t, row, 3, m->link_types.v[l->type].name) ||
		    acg_table_set_text(t, row, 4, it->detail)) {
			acg_table_free(t);
			return -1;
		}
	}
	return report_add_table(s, "changes", "Links that changed", t);
}

/* The figure with this key in the section, or NULL. */
static const struct report_figure *find_figure(const struct report_section *s, const char *key)
{
	size_t i;

	for (i = 0; i < s->nfigs; i++)
		if (!strcmp(s->figs[i].key, key))
			return &s->figs[i];
	return NULL;
}

static const struct report_section *find_section(const struct acg_report *r, const char *key)
{
	size_t i;

	for (i = 0; i < r->nsections; i++)
		if (!strcmp(r->sections[i].key, key))
			return &r->sections[i];
	return NULL;
}

/* Appends a row figure/label, old, new, change, change_pct. */
static int compare_row(struct acg_table *t, const char *key, const char *label, double a,
		       double b, bool integer)
{
	size_t row = acg_table_add_row(t);

	if (row == (size_t)-1 || acg_table_set_text(t, row, 0, key) ||
	    acg_table_set_text(t, row, 1, label))
		return -1;
	acg_table_set_number(t, row, 2, a, integer);
	acg_table_set_number(t, row, 3, b, integer);
	acg_table_set_number(t, row, 4, b - a, integer);
	acg_table_set_number(t, row, 5, a != 0 ? 100.0 * (b - a) / fabs(a) : NAN, false);
	return 0;
}

/* Whether column col of the table holds numbers (its first non-empty cell does). */
static bool numeric_column(const struct acg_table *t, size_t col)
{
	size_t r;

	for (r = 0; r < acg_table_rows(t); r++) {
		if (acg_table_text(t, r, col))
			return false;
		if (isfinite(acg_table_number(t, r, col)))
			return true;
	}
	return false;
}

/*
 * Compares a by-type table (first column the type, some columns numbers) of
 * the two reports: one row per type and numeric column, types in order of
 * appearance in the old table, then the new one; a type missing from one
 * side counts 0 there.  Rows are keyed "PREFIX.TYPE[.COLUMN]".
 */
static int compare_type_table(struct acg_table *t, const char *prefix, const struct acg_table *a,
			      const struct acg_table *b)
{
	const struct acg_table *src[2] = {a, b};
	size_t s, r, col, ncols = acg_table_cols(a), nnum = 0;
	char key[512], label[512];

	for (col = 1; col < ncols; col++)
		nnum += numeric_column(a, col) || numeric_column(b, col);
	for (s = 0; s < 2; s++)
		for (r = 0; r < acg_table_rows(src[s]); r++) {
			const char *type = acg_table_text(src[s], r, 0);
			size_t ra = acg_table_find_row(a, 0, type), rb = acg_table_find_row(b, 0, type);

			if (!type || (s == 1 && ra != (size_t)-1))
				continue;
			for (col = 1; col < ncols; col++) {
				const char *cname = acg_table_col_name(a, col);
				double va = ra == (size_t)-1 ? 0 : acg_table_number(a, ra, col);
				double vb = rb == (size_t)-1 ? 0 : acg_table_number(b, rb, col);

				if (!numeric_column(a, col) && !numeric_column(b, col))
					continue;
				snprintf(key, sizeof(key), "%s.%s%s%s", prefix, type, nnum > 1 ? "." : "",
					 nnum > 1 ? cname : "");
				snprintf(label, sizeof(label), "%s: %s%s%s", prefix, type,
					 nnum > 1 ? ", " : "", nnum > 1 ? cname : "");
				if (compare_row(t, key, label, isfinite(va) ? va : 0,
						isfinite(vb) ? vb : 0, true))
					return -1;
			}
		}
	return 0;
}

static int compare_section(struct acg_report *r, const struct report_section *a,
			   const struct report_section *b, const char *old_name, const char *new_name)
{
	static const char *const cols[] = {"figure", "label", "old", "new", "change",
					   "change_pct", NULL};
	static const char *const type_tables[] = {"organisations_by_type", "links_by_type",
						  "brokerage_by_type", NULL};
	static const char *const prefixes[] = {"organisations", "links", "brokerage"};
	struct report_section *s;
	struct acg_table *t = new_table(cols);
	char key[128], title[256];
	size_t i, k, up = 0, down = 0, same = 0, biggest = ACG_NONE;
	double best = -1;

	if (!t)
		return -1;
	snprintf(key, sizeof(key), "compare_%s", a->key);
	snprintf(title, sizeof(title), "%s: %s and %s", a->title, old_name, new_name);
	if (!(s = report_add_section(r, key, title))) {
		acg_table_free(t);
		return -1;
	}
	for (i = 0; i < a->nfigs; i++) {
		const struct report_figure *fa = &a->figs[i], *fb = find_figure(b, fa->key);
		double change;

		if (fa->kind == FIG_TEXT || !fb || fb->kind == FIG_TEXT)
			continue;
		if (compare_row(t, fa->key, fa->label, fa->number, fb->number,
				fa->kind == FIG_INTEGER)) {
			acg_table_free(t);
			return -1;
		}
		if (!isfinite(fa->number) || !isfinite(fb->number))
			continue;
		change = fb->number - fa->number;
		up += change > 0;
		down += change < 0;
		same += change == 0;
		/* The largest relative change (absolute where the old value is 0). */
		change = fa->number != 0 ? fabs(change / fa->number) : fabs(change);
		if (change > best) {
			best = change;
			biggest = i;
		}
	}
	for (k = 0; type_tables[k]; k++) {
		const struct acg_table *ta = NULL, *tb = NULL;

		for (i = 0; i < a->ntables; i++)
			if (!strcmp(a->tables[i].key, type_tables[k]))
				ta = a->tables[i].table;
		for (i = 0; i < b->ntables; i++)
			if (!strcmp(b->tables[i].key, type_tables[k]))
				tb = b->tables[i].table;
		if (ta && tb && compare_type_table(t, prefixes[k], ta, tb)) {
			acg_table_free(t);
			return -1;
		}
	}
	if (biggest == ACG_NONE || best == 0) {
		if (report_set_sentence(s, "No figure of this block changed.")) {
			acg_table_free(t);
			return -1;
		}
	} else {
		const struct report_figure *fa = &a->figs[biggest], *fb = find_figure(b, fa->key);
		char x[64], y[64];

		snprintf(x, sizeof(x), fa->kind == FIG_INTEGER ? "%.0f" : "%.3g", fa->number);
		snprintf(y, sizeof(y), fa->kind == FIG_INTEGER ? "%.0f" : "%.3g", fb->number);
		if (report_set_sentence(s,
					"%zu %s rose, %zu fell and %zu stayed the same; the largest "
					"change is in %s, from %s to %s.",
					up, plural(up, "figure", "figures"), down, same, fa->label, x, y)) {
			acg_table_free(t);
			return -1;
		}
	}
	return report_add_table(s, "figures", "Figures side by side", t);
}

enum acg_status acg_diff_report(struct acg_graph *og, struct acg_graph *ng,
				const struct acg_diff *d, const char *old_name, const char *new_name,
				const struct acg_report_options *opt, struct acg_report **out,
				struct acg_diags *diags)
{
	const struct acg_model *om = acg_graph_model(og), *nm = acg_graph_model(ng);
	struct acg_report *ra = NULL, *rb = NULL, *r = NULL;
	enum acg_status st;
	char title[512];
	size_t i;

	*out = NULL;
	if ((st = acg_report_compute(og, opt, &ra, diags)) ||
	    (st = acg_report_compute(ng, opt, &rb, diags)))
		goto out;
	st = ACG_ENOMEM;
	if (!(r = calloc(1, sizeof(*r))))
		goto out;
	r->as_of = ACG_DATE_NONE;
	snprintf(title, sizeof(title), "Changes from %s to %s", old_name, new_name);
	if (!(r->title = acg_strdup(title)) ||
	    (opt->selection && !(r->selection = acg_strdup(opt->selection))) ||
	    orgs_section(r, d, om, nm) || links_section(r, d, om, nm))
		goto out;
	for (i = 0; i < ra->nsections; i++) {
		const struct report_section *b = find_section(rb, ra->sections[i].key);

		if (b && compare_section(r, &ra->sections[i], b, old_name, new_name))
			goto out;
	}
	st = ACG_OK;
	*out = r;
	r = NULL;
out:
	acg_report_free(ra);
	acg_report_free(rb);
	acg_report_free(r);
	return st;
}
