/* select.c - the part of a system a command works on; see accgraph/select.h. */
#include "accgraph/select.h"

#include <stdlib.h>
#include <string.h>

#include "model_copy.h"
#include "util.h"

/* ---- deep copies -------------------------------------------------------- */

/* Each copy function returns 0, or -1 when out of memory (leaving a partial
 * copy that the owning model frees).  The public ones: model_copy.h. */

static int copy_string(char **dst, const char *src)
{
	*dst = acg_strdup(src);
	return src && !*dst ? -1 : 0;
}

static int copy_strlist(struct acg_strlist *dst, const struct acg_strlist *src)
{
	size_t i;

	dst->n = 0;
	dst->v = NULL;
	if (!src->n)
		return 0;
	if (!(dst->v = calloc(src->n, sizeof(*dst->v))))
		return -1;
	for (i = 0; i < src->n; i++, dst->n++)
		if (copy_string(&dst->v[i], src->v[i]))
			return -1;
	return 0;
}

static int copy_refs(struct acg_refs *dst, const struct acg_refs *src)
{
	dst->n = 0;
	dst->v = NULL;
	if (!src->n)
		return 0;
	if (!(dst->v = malloc(src->n * sizeof(*dst->v))))
		return -1;
	memcpy(dst->v, src->v, src->n * sizeof(*dst->v));
	dst->n = src->n;
	return 0;
}

static int copy_attrs(struct acg_attrs *dst, const struct acg_attrs *src)
{
	size_t i;

	dst->n = 0;
	dst->v = NULL;
	if (!src->n)
		return 0;
	if (!(dst->v = calloc(src->n, sizeof(*dst->v))))
		return -1;
	for (i = 0; i < src->n; i++) {
		struct acg_attr *a = &dst->v[i];

		*a = src->v[i];
		a->key = NULL;
		if (a->kind == ACG_ATTR_STRING)
			a->value.string = NULL;
		dst->n++;
		if (copy_string(&a->key, src->v[i].key) ||
		    (a->kind == ACG_ATTR_STRING &&
		     copy_string(&a->value.string, src->v[i].value.string)))
			return -1;
	}
	return 0;
}

int acg_model_copy_type(struct acg_type_table *dst, const struct acg_type *s)
{
	struct acg_type *t;

	if (acg_grow((void **)&dst->v, &dst->cap, dst->n + 1, sizeof(*dst->v)))
		return -1;
	t = &dst->v[dst->n++];
	memset(t, 0, sizeof(*t));
	t->tier = s->tier;
	t->declared = s->declared;
	t->well_known = s->well_known;
	if (copy_string(&t->name, s->name) || copy_string(&t->label, s->label) ||
	    copy_string(&t->shape, s->shape) || copy_string(&t->color, s->color) ||
	    copy_string(&t->style, s->style))
		return -1;
	return 0;
}

static int copy_types(struct acg_type_table *dst, const struct acg_type_table *src)
{
	size_t i;

	for (i = 0; i < src->n; i++)
		if (acg_model_copy_type(dst, &src->v[i]))
			return -1;
	return 0;
}

int acg_model_copy_header(struct acg_model *dst, const struct acg_model *src)
{
	size_t i;

	dst->as_of = src->as_of;
	dst->org_types_declared = src->org_types_declared;
	dst->link_types_declared = src->link_types_declared;
	if (copy_string(&dst->title, src->title) ||
	    copy_string(&dst->description, src->description) ||
	    copy_types(&dst->org_types, &src->org_types) ||
	    copy_types(&dst->link_types, &src->link_types))
		return -1;
	for (i = 0; i < src->nsources; i++) {
		struct acg_source *s = acg_model_add_source(dst, src->sources[i].id);

		if (!s || copy_string(&s->citation, src->sources[i].citation) ||
		    copy_string(&s->url, src->sources[i].url))
			return -1;
	}
	return 0;
}

int acg_model_copy_org(struct acg_model *dst, const struct acg_org *s, size_t type)
{
	struct acg_org *o = acg_model_add_org(dst);

	if (!o)
		return -1;
	o->type = type;
	o->valid_from = s->valid_from;
	o->valid_to = s->valid_to;
	if (copy_string(&o->id, s->id) || copy_string(&o->name, s->name) ||
	    copy_string(&o->region, s->region) || copy_strlist(&o->succeeds, &s->succeeds) ||
	    copy_refs(&o->sources, &s->sources) || copy_attrs(&o->attrs, &s->attrs) ||
	    acg_model_index_org(dst, dst->norgs - 1, NULL) != ACG_OK)
		return -1;
	dst->org_types.v[o->type].uses++;
	return 0;
}

int acg_model_copy_link(struct acg_model *dst, const struct acg_link *s, size_t from, size_t to,
			size_t type)
{
	struct acg_link *l = acg_model_add_link(dst);

	if (!l)
		return -1;
	*l = *s;
	l->from = from;
	l->to = to;
	l->type = type;
	l->domains = (struct acg_strlist){NULL, 0};
	l->mechanism = l->label = NULL;
	l->sources = (struct acg_refs){NULL, 0};
	l->attrs = (struct acg_attrs){NULL, 0};
	if (copy_strlist(&l->domains, &s->domains) || copy_string(&l->mechanism, s->mechanism) ||
	    copy_string(&l->label, s->label) || copy_refs(&l->sources, &s->sources) ||
	    copy_attrs(&l->attrs, &s->attrs))
		return -1;
	dst->link_types.v[l->type].uses++;
	return 0;
}

enum acg_status acg_model_subset(const struct acg_model *in, const bool *keep_org,
				 const bool *keep_link, struct acg_model **out)
{
	struct acg_model *m = acg_model_new();
	size_t *map = NULL, i;
	enum acg_status status = ACG_ENOMEM;

	*out = NULL;
	if (!m || acg_model_copy_header(m, in))
		goto out;
	if (in->norgs && !(map = malloc(in->norgs * sizeof(*map))))
		goto out;
	for (i = 0; i < in->norgs; i++) {
		map[i] = ACG_NONE;
		if (!keep_org[i])
			continue;
		if (acg_model_copy_org(m, &in->orgs[i], in->orgs[i].type))
			goto out;
		map[i] = m->norgs - 1;
	}
	for (i = 0; i < in->nlinks; i++) {
		const struct acg_link *l = &in->links[i];

		if (keep_link[i] && map[l->from] != ACG_NONE && map[l->to] != ACG_NONE &&
		    acg_model_copy_link(m, l, map[l->from], map[l->to], l->type))
			goto out;
	}
	status = ACG_OK;
	*out = m;
	m = NULL;
out:
	free(map);
	acg_model_free(m);
	return status;
}

/* ---- selection ------------------------------------------------------------ */

int acg_selection_is_all(const struct acg_selection *sel)
{
	return sel->as_of == ACG_DATE_NONE && !sel->ntypes && !sel->nlink_types && !sel->region &&
	       !sel->domain;
}

static bool name_in(const char *name, const char *const *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(list[i], name))
			return true;
	return false;
}

static bool link_is_for(const struct acg_link *l, const char *domain)
{
	return name_in(domain, (const char *const *)l->domains.v, l->domains.n);
}

/* m's organisation types, or its link types. */
static const struct acg_type_table *type_table(const struct acg_model *m, bool links)
{
	return links ? &m->link_types : &m->org_types;
}

/*
 * The names of the type tables of models[0..nmodels) joined by ", ", each
 * once, in order of first appearance; NULL when out of memory.
 */
static char *type_names(const struct acg_model *const *models, size_t nmodels, bool links)
{
	const struct acg_type_table *t;
	size_t len = 1, k, i, j;
	char *known;

	for (k = 0; k < nmodels; k++)
		for (t = type_table(models[k], links), i = 0; i < t->n; i++)
			len += strlen(t->v[i].name) + 2;
	if (!(known = calloc(len, 1)))
		return NULL;
	for (k = 0; k < nmodels; k++) {
		for (t = type_table(models[k], links), i = 0; i < t->n; i++) {
			for (j = 0; j < k; j++) /* named by an earlier table */
				if (acg_type_find(type_table(models[j], links), t->v[i].name) != ACG_NONE)
					break;
			if (j < k)
				continue;
			if (*known)
				strcat(known, ", ");
			strcat(known, t->v[i].name);
		}
	}
	return known;
}

/* Reports each name of list that no model's type table holds. */
static enum acg_status check_type_names(const struct acg_model *const *models, size_t nmodels,
					bool links, const char *const *list, size_t n,
					const char *option, struct acg_diags *diags)
{
	enum acg_status status = ACG_OK;
	char *known = NULL;
	size_t i, k;

	for (i = 0; i < n; i++) {
		for (k = 0; k < nmodels; k++)
			if (acg_type_find(type_table(models[k], links), list[i]) != ACG_NONE)
				break;
		if (k < nmodels)
			continue;
		/* The types the systems have, to show what was probably meant. */
		if (!known && !(known = type_names(models, nmodels, links)))
			return ACG_ENOMEM;
		acg_diags_add(diags, ACG_ERROR, ACG_EUSAGE, NULL, 0, 0, NULL,
			      nmodels > 1 ? "%s: neither system has type \"%s\" (their types: %s)"
					  : "%s: the system has no type \"%s\" (its types: %s)",
			      option, list[i], *known ? known : "none");
		status = ACG_EUSAGE;
	}
	free(known);
	return status;
}

static bool has_region(const struct acg_model *m, const char *region)
{
	size_t i;

	for (i = 0; i < m->norgs; i++)
		if (m->orgs[i].region && !strcmp(m->orgs[i].region, region))
			return true;
	return false;
}

static bool has_domain(const struct acg_model *m, const char *domain)
{
	size_t i;

	for (i = 0; i < m->nlinks; i++)
		if (link_is_for(&m->links[i], domain))
			return true;
	return false;
}

/* The selection's names must be ones at least one of the models mentions. */
static enum acg_status check_names(const struct acg_model *const *models, size_t nmodels,
				   const struct acg_selection *sel, struct acg_diags *diags)
{
	enum acg_status status, st;
	bool found;
	size_t k;

	status = check_type_names(models, nmodels, false, sel->types, sel->ntypes, "--types",
				  diags);
	if (status == ACG_ENOMEM)
		return status;
	st = check_type_names(models, nmodels, true, sel->link_types, sel->nlink_types,
			      "--link-types", diags);
	if (st != ACG_OK)
		status = st;
	if (status == ACG_ENOMEM)
		return status;
	if (sel->region) {
		for (found = false, k = 0; k < nmodels && !found; k++)
			found = has_region(models[k], sel->region);
		if (!found) {
			acg_diags_add(diags, ACG_ERROR, ACG_EUSAGE, NULL, 0, 0, NULL,
				      nmodels > 1 ? "--region: no organisation of either system has "
						    "region \"%s\""
						  : "--region: no organisation has region \"%s\"",
				      sel->region);
			status = ACG_EUSAGE;
		}
	}
	if (sel->domain) {
		for (found = false, k = 0; k < nmodels && !found; k++)
			found = has_domain(models[k], sel->domain);
		if (!found) {
			acg_diags_add(diags, ACG_ERROR, ACG_EUSAGE, NULL, 0, 0, NULL,
				      nmodels > 1 ? "--for: no link of either system is given for \"%s\""
						  : "--for: no link is given for \"%s\"",
				      sel->domain);
			status = ACG_EUSAGE;
		}
	}
	return status;
}

static bool keeps_org(const struct acg_model *in, const struct acg_selection *sel,
		      const struct acg_org *o)
{
	if (sel->as_of != ACG_DATE_NONE &&
	    !acg_date_in_interval(sel->as_of, o->valid_from, o->valid_to))
		return false;
	if (sel->ntypes && !name_in(in->org_types.v[o->type].name, sel->types, sel->ntypes))
		return false;
	return !sel->region || (o->region && !strcmp(o->region, sel->region));
}

static bool keeps_link(const struct acg_model *in, const struct acg_selection *sel,
		       const struct acg_link *l)
{
	if (sel->as_of != ACG_DATE_NONE &&
	    !acg_date_in_interval(sel->as_of, l->valid_from, l->valid_to))
		return false;
	if (sel->nlink_types &&
	    !name_in(in->link_types.v[l->type].name, sel->link_types, sel->nlink_types))
		return false;
	return !sel->domain || link_is_for(l, sel->domain);
}

/* acg_select() without the check of the selection's names (check_names()). */
static enum acg_status apply_selection(const struct acg_model *in, const struct acg_selection *sel,
				      struct acg_model **out)
{
	bool *keep_org = NULL, *keep_link = NULL;
	enum acg_status status;
	size_t i;

	*out = NULL;
	keep_org = calloc(in->norgs + 1, sizeof(*keep_org));
	keep_link = calloc(in->nlinks + 1, sizeof(*keep_link));
	if (!keep_org || !keep_link) {
		status = ACG_ENOMEM;
		goto out;
	}
	for (i = 0; i < in->norgs; i++)
		keep_org[i] = keeps_org(in, sel, &in->orgs[i]);
	for (i = 0; i < in->nlinks; i++)
		keep_link[i] = keeps_link(in, sel, &in->links[i]);
	status = acg_model_subset(in, keep_org, keep_link, out);
	if (status == ACG_OK && sel->as_of != ACG_DATE_NONE)
		(*out)->as_of = sel->as_of;
out:
	free(keep_org);
	free(keep_link);
	return status;
}

enum acg_status acg_select(const struct acg_model *in, const struct acg_selection *sel,
			   struct acg_model **out, struct acg_diags *diags)
{
	enum acg_status status;

	*out = NULL;
	status = check_names(&in, 1, sel, diags);
	return status == ACG_OK ? apply_selection(in, sel, out) : status;
}

enum acg_status acg_select_pair(const struct acg_model *a, const struct acg_model *b,
				const struct acg_selection *sel, struct acg_model **out_a,
				struct acg_model **out_b, struct acg_diags *diags)
{
	const struct acg_model *both[2] = {a, b};
	enum acg_status status;

	*out_a = *out_b = NULL;
	status = check_names(both, 2, sel, diags);
	if (status == ACG_OK)
		status = apply_selection(a, sel, out_a);
	if (status == ACG_OK && (status = apply_selection(b, sel, out_b)) != ACG_OK) {
		acg_model_free(*out_a);
		*out_a = NULL;
	}
	return status;
}
