/*
 * report_sections.c - the figures and accountability questions of the
 * report (DESIGN.md), one builder per section.  Graph algorithms come from
 * igraph; the per-organisation figures from metrics.c; Krackhardt's
 * measures from structure.c.
 *
 * Each builder returns an igraph error code (IGRAPH_ENOMEM when one of our
 * allocations fails), so the driver can tell a library error from a lack of
 * memory.
 */
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "accgraph/chains.h"
#include "accgraph/metrics.h"
#include "accgraph/structure.h"
#include "graph_impl.h"
#include "metrics_impl.h"
#include "report_impl.h"
#include "util.h"

/* Everything the builders share. */
struct ctx {
	struct acg_report *r;
	struct acg_graph *graph;
	const struct acg_model *m;
	const struct acg_weighted *col; /* collapsed directed */
	const struct acg_weighted *und; /* collapsed undirected */
	struct acg_metrics *mx;
	bool estimate;
	struct acg_diags *diags;
	/* Out-going links of organisation i, in file order: out[out_start[i] .. out_start[i+1]). */
	size_t *out_start;
	size_t *out;
};

/* Iterates j over the indices of organisation i's out-going links, in file order. */
#define FOR_OUT_LINKS(c, i, k, j)                                        \
	for ((k) = (c)->out_start[i];                                    \
	     (k) < (c)->out_start[(i) + 1] && ((j) = (c)->out[k], true); (k)++)

/* Builds the out-going link index; 0, or -1 when out of memory. */
static int index_out_links(struct ctx *c)
{
	const struct acg_model *m = c->m;
	size_t *fill, i, j;

	c->out_start = calloc(m->norgs + 2, sizeof(*c->out_start));
	c->out = malloc((m->nlinks + 1) * sizeof(*c->out));
	fill = calloc(m->norgs + 1, sizeof(*fill));
	if (!c->out_start || !c->out || !fill) {
		free(fill);
		return -1;
	}
	for (j = 0; j < m->nlinks; j++)
		c->out_start[m->links[j].from + 1]++;
	for (i = 0; i < m->norgs; i++)
		c->out_start[i + 1] += c->out_start[i];
	for (j = 0; j < m->nlinks; j++) {
		size_t f = m->links[j].from;

		c->out[c->out_start[f] + fill[f]++] = j;
	}
	free(fill);
	return 0;
}

/* Jumps to `out` with err set when an igraph call fails. */
#define TRY(call)                          \
	do {                               \
		err = (call);              \
		if (err != IGRAPH_SUCCESS) \
			goto out;          \
	} while (0)

/* Jumps to `out` with IGRAPH_ENOMEM when one of our allocations fails. */
#define NEED(cond)                      \
	do {                            \
		if (!(cond)) {          \
			err = IGRAPH_ENOMEM; \
			goto out;       \
		}                       \
	} while (0)

/*
 * Adds the table held in variable `var` to the section: report_add_table()
 * owns it from the call on, also when it fails, so `var` is NULL before the
 * check (the out: block frees what is left).
 */
#define ADD_TABLE(s, key, title, var)                                    \
	do {                                                             \
		struct acg_table *table_ = (var);                        \
		(var) = NULL;                                            \
		NEED(!report_add_table((s), (key), (title), table_));   \
	} while (0)

static const char *plural(double n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static const char *org_name(const struct ctx *c, size_t i)
{
	return c->m->orgs[i].name;
}

static const char *org_type_name(const struct ctx *c, size_t i)
{
	return c->m->org_types.v[c->m->orgs[i].type].name;
}

static const char *link_type_name(const struct ctx *c, size_t j)
{
	return c->m->link_types.v[c->m->links[j].type].name;
}

/* A new table with the given column names (a NULL-terminated list). */
static struct acg_table *new_table(const char *const *names)
{
	size_t n = 0;

	while (names[n])
		n++;
	return acg_table_new(n, names);
}

/* Appends a row whose first three cells are the organisation's id, name, type. */
static size_t org_row(const struct ctx *c, struct acg_table *t, size_t i)
{
	size_t r = acg_table_add_row(t);

	if (r == (size_t)-1 || acg_table_set_text(t, r, 0, c->m->orgs[i].id) ||
	    acg_table_set_text(t, r, 1, org_name(c, i)) ||
	    acg_table_set_text(t, r, 2, org_type_name(c, i)))
		return (size_t)-1;
	return r;
}

/* A growable string. */
struct buf {
	char *s;
	size_t n, cap;
};

static int buf_add(struct buf *b, const char *text)
{
	size_t k = strlen(text);

	if (acg_grow((void **)&b->s, &b->cap, b->n + k + 1, 1))
		return -1;
	memcpy(b->s + b->n, text, k + 1);
	b->n += k;
	return 0;
}

static int buf_addf(struct buf *b, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

static int buf_addf(struct buf *b, const char *fmt, ...)
{
	char small[256], *p = small;
	va_list ap;
	int n, rc;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		return -1;
	if ((size_t)n >= sizeof(small)) {
		if (!(p = malloc((size_t)n + 1)))
			return -1;
		va_start(ap, fmt);
		vsnprintf(p, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	rc = buf_add(b, p);
	if (p != small)
		free(p);
	return rc;
}

/* ---- system --------------------------------------------------------------------- */

static struct acg_table *type_count_table(const struct acg_type_table *types)
{
	static const char *const cols[] = {"type", "label", "count", NULL};
	struct acg_table *t = new_table(cols);
	size_t i, r;

	if (!t)
		return NULL;
	for (i = 0; i < types->n; i++) {
		const struct acg_type *ty = &types->v[i];

		if (!ty->uses)
			continue;
		if ((r = acg_table_add_row(t)) == (size_t)-1 ||
		    acg_table_set_text(t, r, 0, ty->name) ||
		    acg_table_set_text(t, r, 1, ty->label ? ty->label : ty->name)) {
			acg_table_free(t);
			return NULL;
		}
		acg_table_set_number(t, r, 2, (double)ty->uses, true);
	}
	if (acg_table_sort(t, 2) != ACG_OK) {
		acg_table_free(t);
		return NULL;
	}
	return t;
}

static igraph_error_t section_system(struct ctx *c)
{
	const struct acg_model *m = c->m;
	size_t ot = acg_type_table_used(&m->org_types), lt = acg_type_table_used(&m->link_types);
	size_t apexes = 0, i;
	struct report_section *s = report_add_section(c->r, "system", "The system");

	if (!s)
		return IGRAPH_ENOMEM;
	for (i = 0; i < m->norgs; i++)
		apexes += c->mx->v[ACG_METRIC_OUT_DEGREE][i] == 0;
	if (report_set_sentence(s,
				"The system has %zu %s of %zu %s, joined by %zu %s of %zu %s; "
				"%zu %s to no other (an apex).",
				m->norgs, plural((double)m->norgs, "organisation", "organisations"), ot,
				plural((double)ot, "type", "types"), m->nlinks,
				plural((double)m->nlinks, "accountability link", "accountability links"),
				lt, plural((double)lt, "type", "types"), apexes,
				plural((double)apexes, "answers", "answer")) ||
	    report_add_integer(s, "organisations", "organisations", (double)m->norgs) ||
	    report_add_integer(s, "links", "links", (double)m->nlinks) ||
	    report_add_integer(s, "organisation_types", "organisation types used", (double)ot) ||
	    report_add_integer(s, "link_types", "link types used", (double)lt) ||
	    report_add_integer(s, "apexes", "apexes (organisations with no principal)",
			       (double)apexes) ||
	    report_add_table(s, "organisations_by_type", "Organisations by type",
			     type_count_table(&m->org_types)) ||
	    report_add_table(s, "links_by_type", "Links by type", type_count_table(&m->link_types)))
		return IGRAPH_ENOMEM;
	return IGRAPH_SUCCESS;
}

/* ---- network -------------------------------------------------------------------- */

/* Rows: organisation types; columns: types; cells: links from row type to column type. */
static struct acg_table *mixing_table(const struct ctx *c)
{
	const struct acg_model *m = c->m;
	size_t nt = m->org_types.n, i, j, r, k = 0, *col = NULL;
	const char **names = NULL;
	double *count = NULL;
	struct acg_table *t = NULL;

	names = calloc(nt + 2, sizeof(*names));
	col = calloc(nt + 1, sizeof(*col));
	count = calloc(nt * nt + 1, sizeof(*count));
	if (!names || !col || !count)
		goto out;
	names[k++] = "from_type";
	for (i = 0; i < nt; i++) {
		col[i] = (size_t)-1;
		if (m->org_types.v[i].uses) {
			col[i] = k;
			names[k++] = m->org_types.v[i].name;
		}
	}
	for (j = 0; j < m->nlinks; j++)
		count[m->orgs[m->links[j].from].type * nt + m->orgs[m->links[j].to].type] += 1;
	if (!(t = acg_table_new(k, names)))
		goto out;
	for (i = 0; i < nt; i++) {
		if (col[i] == (size_t)-1)
			continue;
		if ((r = acg_table_add_row(t)) == (size_t)-1 ||
		    acg_table_set_text(t, r, 0, m->org_types.v[i].name)) {
			acg_table_free(t);
			t = NULL;
			goto out;
		}
		for (j = 0; j < nt; j++)
			if (col[j] != (size_t)-1)
				acg_table_set_number(t, r, col[j], count[i * nt + j], true);
	}
out:
	free(names);
	free(col);
	free(count);
	return t;
}

/*
 * Krackhardt and Stern's E-I index over ties (the collapsed undirected
 * graph): (E - I) / (E + I), E the ties between organisations of different
 * types, I those within one type.  Per type, over the ties of its members.
 */
static igraph_error_t ei_index(const struct ctx *c, struct report_section *s)
{
	static const char *const cols[] = {"type", "internal", "external", "ei_index", NULL};
	const struct acg_model *m = c->m;
	const igraph_t *g = &c->und->g;
	igraph_integer_t e, ne = igraph_ecount(g);
	double I = 0, E = 0, *in = NULL, *ex = NULL;
	struct acg_table *t = NULL;
	igraph_error_t err = IGRAPH_SUCCESS;
	size_t i, r;

	NEED(in = calloc(m->org_types.n + 1, sizeof(*in)));
	NEED(ex = calloc(m->org_types.n + 1, sizeof(*ex)));
	for (e = 0; e < ne; e++) {
		size_t a = m->orgs[IGRAPH_FROM(g, e)].type, b = m->orgs[IGRAPH_TO(g, e)].type;

		if (a == b) {
			I++;
			in[a]++;
		} else {
			E++;
			ex[a]++;
			ex[b]++;
		}
	}
	NEED(!report_add_number(s, "ei_index", "E-I index between organisation types",
				E + I > 0 ? (E - I) / (E + I) : NAN));
	NEED(t = new_table(cols));
	for (i = 0; i < m->org_types.n; i++) {
		if (!m->org_types.v[i].uses)
			continue;
		NEED((r = acg_table_add_row(t)) != (size_t)-1);
		NEED(!acg_table_set_text(t, r, 0, m->org_types.v[i].name));
		acg_table_set_number(t, r, 1, in[i], true);
		acg_table_set_number(t, r, 2, ex[i], true);
		acg_table_set_number(t, r, 3,
				     in[i] + ex[i] > 0 ? (ex[i] - in[i]) / (ex[i] + in[i]) : NAN, false);
	}
	ADD_TABLE(s, "ei_by_type", "E-I index by organisation type", t);
out:
	acg_table_free(t);
	free(in);
	free(ex);
	return err;
}

static igraph_error_t section_network(struct ctx *c)
{
	const igraph_t *col = &c->col->g;
	struct report_section *s = report_add_section(c->r, "network", "Network figures");
	igraph_real_t density = NAN, recip = NAN, diameter = NAN, trans = NAN;
	igraph_real_t cent_in = NAN, cent_out = NAN, cent_btw = NAN;
	igraph_integer_t weak = 0, strong = 0, largest = 0, n = igraph_vcount(col), i;
	igraph_vector_int_t csize;
	igraph_error_t err;

	if (!s)
		return IGRAPH_ENOMEM;
	if ((err = igraph_vector_int_init(&csize, 0)))
		return err;
	if (n > 1)
		TRY(igraph_density(col, &density, false));
	if (igraph_ecount(col) > 0)
		TRY(igraph_reciprocity(col, &recip, true, IGRAPH_RECIPROCITY_DEFAULT));
	TRY(igraph_connected_components(col, NULL, &csize, &weak, IGRAPH_WEAK));
	for (i = 0; i < igraph_vector_int_size(&csize); i++)
		if (VECTOR(csize)[i] > largest)
			largest = VECTOR(csize)[i];
	TRY(igraph_connected_components(col, NULL, NULL, &strong, IGRAPH_STRONG));
	if (n > 0) {
		if (c->estimate)
			TRY(igraph_pseudo_diameter(col, &diameter, 0, NULL, NULL, IGRAPH_DIRECTED, true));
		else
			TRY(igraph_diameter(col, &diameter, NULL, NULL, NULL, NULL, IGRAPH_DIRECTED,
					    true));
	}
	TRY(igraph_transitivity_undirected(&c->und->g, &trans, IGRAPH_TRANSITIVITY_NAN));
	if (n > 1) {
		TRY(igraph_centralization_degree(col, NULL, IGRAPH_IN, IGRAPH_NO_LOOPS, &cent_in,
						 NULL, true));
		TRY(igraph_centralization_degree(col, NULL, IGRAPH_OUT, IGRAPH_NO_LOOPS, &cent_out,
						 NULL, true));
	}
	if (n > 2 && !c->estimate)
		TRY(igraph_centralization_betweenness(col, NULL, IGRAPH_DIRECTED, &cent_btw, NULL,
						      true));
	NEED(!report_set_sentence(
		s,
		"%.3g%% of the ordered pairs of organisations are linked, and %.3g%% of linked "
		"pairs are linked both ways; the system forms %lld connected %s, the largest of "
		"%lld %s.",
		isfinite(density) ? density * 100 : 0, isfinite(recip) ? recip * 100 : 0,
		(long long)weak, plural((double)weak, "component", "components"), (long long)largest,
		plural((double)largest, "organisation", "organisations")));
	NEED(!report_add_number(s, "density", "density (collapsed, directed)", density));
	NEED(!report_add_number(s, "reciprocity", "reciprocity (share of links returned)", recip));
	NEED(!report_add_integer(s, "weak_components", "connected components", (double)weak));
	NEED(!report_add_integer(s, "largest_component", "largest component (organisations)",
				 (double)largest));
	NEED(!report_add_integer(s, "strong_components", "strongly connected components",
				 (double)strong));
	NEED(!report_add_integer(s, "diameter",
				 c->estimate ? "diameter (longest shortest upward path; estimate)"
					     : "diameter (longest shortest upward path)",
				 diameter));
	NEED(!report_add_number(s, "transitivity", "transitivity (undirected)", trans));
	NEED(!report_add_number(s, "centralization_in_degree",
				"Freeman centralisation, in-degree (principals' span)", cent_in));
	NEED(!report_add_number(s, "centralization_out_degree",
				"Freeman centralisation, out-degree", cent_out));
	NEED(!report_add_number(s, "centralization_betweenness",
				"Freeman centralisation, betweenness", cent_btw));
	TRY(ei_index(c, s));
	NEED(!report_add_table(s, "type_mixing", "Links between organisation types (from row to column)",
			       mixing_table(c)));
out:
	igraph_vector_int_destroy(&csize);
	return err;
}

/* ---- multiple accountability ------------------------------------------------------ */

/* "statutory (for finance, quality; statute; hard sanction)" for link j. */
static int describe_link(const struct ctx *c, struct buf *b, size_t j)
{
	const struct acg_link *l = &c->m->links[j];
	const char *sep = " (";
	size_t k;

	if (buf_add(b, link_type_name(c, j)))
		return -1;
	if (l->domains.n) {
		if (buf_addf(b, "%sfor ", sep))
			return -1;
		for (k = 0; k < l->domains.n; k++)
			if (buf_addf(b, "%s%s", k ? ", " : "", l->domains.v[k]))
				return -1;
		sep = "; ";
	}
	if (l->basis) {
		if (buf_addf(b, "%s%s", sep, acg_basis_name(l->basis)))
			return -1;
		sep = "; ";
	}
	if (l->sanction) {
		if (buf_addf(b, "%s%s sanction", sep,
			     l->sanction == ACG_SANCTION_NONE ? "no" : acg_sanction_name(l->sanction)))
			return -1;
		sep = "; ";
	}
	return strcmp(sep, " (") ? buf_add(b, ")") : 0;
}

/* Whether an earlier out-going link of i (before position k) goes to p. */
static bool seen_principal(const struct ctx *c, size_t i, size_t k, size_t p)
{
	size_t q;

	for (q = c->out_start[i]; q < k; q++)
		if (c->m->links[c->out[q]].to == p)
			return true;
	return false;
}

/* "NHS England: statutory (...), financial; Wirral HWB: scrutiny (...)" for org i. */
static int describe_principals(const struct ctx *c, struct buf *b, size_t i)
{
	const struct acg_model *m = c->m;
	size_t k, q, j, j2;

	FOR_OUT_LINKS(c, i, k, j) {
		size_t p = m->links[j].to;
		bool first = true;

		/* One group per principal, at its first link. */
		if (seen_principal(c, i, k, p))
			continue;
		if (buf_addf(b, "%s%s: ", b->n ? "; " : "", org_name(c, p)))
			return -1;
		FOR_OUT_LINKS(c, i, q, j2) {
			if (q < k || m->links[j2].to != p)
				continue;
			if ((!first && buf_add(b, ", ")) || describe_link(c, b, j2))
				return -1;
			first = false;
		}
	}
	return 0;
}

struct pair_type {
	size_t a, b, type;
};

static int pair_type_cmp(const void *x, const void *y)
{
	const struct pair_type *p = x, *q = y;

	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	if (p->b != q->b)
		return p->b < q->b ? -1 : 1;
	return p->type < q->type ? -1 : p->type > q->type;
}

/*
 * Multiplexity: the share of related pairs (joined by a link either way)
 * joined by two or more link types.  *out is NaN when no pair is related.
 */
static int multiplexity(const struct ctx *c, double *out)
{
	const struct acg_model *m = c->m;
	struct pair_type *v;
	size_t j, pairs = 0, multiplex = 0, start;

	*out = NAN;
	if (!m->nlinks)
		return 0;
	if (!(v = malloc(m->nlinks * sizeof(*v))))
		return -1;
	for (j = 0; j < m->nlinks; j++) {
		size_t f = m->links[j].from, t = m->links[j].to;

		v[j] = (struct pair_type){f < t ? f : t, f < t ? t : f, m->links[j].type};
	}
	qsort(v, m->nlinks, sizeof(*v), pair_type_cmp);
	for (start = 0; start < m->nlinks; start = j) {
		for (j = start + 1; j < m->nlinks && v[j].a == v[start].a && v[j].b == v[start].b; j++)
			;
		pairs++;
		/* Sorted by type within the pair: two types differ at the ends. */
		multiplex += v[j - 1].type != v[start].type;
	}
	free(v);
	*out = (double)multiplex / (double)pairs;
	return 0;
}

/*
 * Principals per commissioner (the well-known type of PCTs, CCGs and ICBs),
 * mean and most, and the mean number of distinct link types among the links
 * of each organisation that has any.  0, or -1 when out of memory.
 */
static int per_organisation_figures(const struct ctx *c, struct report_section *s)
{
	const struct acg_model *m = c->m;
	const double *principals = c->mx->v[ACG_METRIC_PRINCIPALS];
	double n = 0, sum = 0, max = NAN, types = 0, linked = 0;
	size_t i, j;
	int rc = -1;

	for (i = 0; i < m->norgs; i++) {
		if (!strcmp(org_type_name(c, i), "commissioner")) {
			n++;
			sum += principals[i];
			if (!(principals[i] <= max))
				max = principals[i];
		}
	}
	{
		double *count = calloc(m->norgs + 1, sizeof(*count));
		size_t *last = calloc(m->norgs + 1, sizeof(*last));

		if (!count || !last) {
			free(count);
			free(last);
			goto out;
		}
		/* Distinct (organisation, type) pairs: last[o] == t + 1 once type t is counted. */
		for (j = 0; j < m->link_types.n; j++) {
			size_t k;

			for (k = 0; k < m->nlinks; k++) {
				const struct acg_link *l = &m->links[k];

				if (l->type != j)
					continue;
				if (last[l->from] != j + 1) {
					last[l->from] = j + 1;
					count[l->from]++;
				}
				if (last[l->to] != j + 1) {
					last[l->to] = j + 1;
					count[l->to]++;
				}
			}
		}
		for (i = 0; i < m->norgs; i++)
			if (count[i] > 0) {
				types += count[i];
				linked++;
			}
		free(count);
		free(last);
	}
	if (report_add_number(s, "principals_per_commissioner_mean",
			      "principals per commissioner, mean", n ? sum / n : NAN) ||
	    report_add_integer(s, "principals_per_commissioner_max",
			       "principals per commissioner, most", max) ||
	    report_add_number(s, "link_types_per_organisation",
			      "link types per linked organisation, mean",
			      linked ? types / linked : NAN))
		goto out;
	rc = 0;
out:
	return rc;
}

static igraph_error_t section_multiple(struct ctx *c)
{
	static const char *const cols[] = {"id", "name", "type", "principals", "accountable_to", NULL};
	const double *principals = c->mx->v[ACG_METRIC_PRINCIPALS];
	struct report_section *s =
		report_add_section(c->r, "multiple_accountability", "Multiple accountability");
	struct acg_table *t = NULL;
	struct buf b = {NULL, 0, 0};
	igraph_error_t err = IGRAPH_SUCCESS;
	size_t i, r, count = 0, most = ACG_NONE;
	double mplex;

	NEED(s);
	NEED(t = new_table(cols));
	for (i = 0; i < c->m->norgs; i++) {
		if (principals[i] < 2)
			continue;
		count++;
		if (most == ACG_NONE || principals[i] > principals[most])
			most = i;
		NEED((r = org_row(c, t, i)) != (size_t)-1);
		acg_table_set_number(t, r, 3, principals[i], true);
		b.n = 0;
		NEED(!buf_add(&b, "") && !describe_principals(c, &b, i));
		NEED(!acg_table_set_text(t, r, 4, b.s));
	}
	NEED(acg_table_sort(t, 3) == ACG_OK);
	NEED(!multiplexity(c, &mplex));
	if (count)
		NEED(!report_set_sentence(
			s, "%zu %s to more than one principal; most: %s, with %.0f principals.", count,
			plural((double)count, "organisation answers", "organisations answer"),
			org_name(c, most), principals[most]));
	else
		NEED(!report_set_sentence(s, "No organisation answers to more than one principal."));
	NEED(!report_add_integer(s, "count", "organisations with more than one principal",
				 (double)count));
	NEED(!report_add_integer(s, "most_principals", "most principals of one organisation",
				 most == ACG_NONE ? (c->m->norgs ? 1 : NAN) : principals[most]));
	NEED(!per_organisation_figures(c, s));
	NEED(!report_add_number(s, "multiplexity",
				"multiplexity (share of related pairs joined by two or more link types)",
				mplex));
	ADD_TABLE(s, "organisations", "Organisations with more than one principal", t);
out:
	acg_table_free(t);
	free(b.s);
	return err;
}

/* ---- chains --------------------------------------------------------------------- */

static igraph_error_t section_chains(struct ctx *c)
{
	static const char *const cols[] = {"id", "name", "type", "shortest", "longest", "apexes", NULL};
	static const char *const gap_cols[] = {"id", "name", "type", NULL};
	const double *shortest = c->mx->v[ACG_METRIC_APEX_DISTANCE];
	const double *apexes = c->mx->v[ACG_METRIC_APEXES];
	struct report_section *s = report_add_section(c->r, "chains", "Chains of accountability");
	struct acg_table *t = NULL, *gaps = NULL;
	struct acg_chains *chains = NULL;
	double *longest = NULL, depth = NAN, sum = 0;
	size_t i, r, reached = 0, deepest = ACG_NONE, ngaps = 0;
	igraph_error_t err = IGRAPH_SUCCESS;

	NEED(s);
	NEED(longest = calloc(c->m->norgs + 1, sizeof(*longest)));
	switch (acg_chains_compute(c->graph, &chains, c->diags)) {
	case ACG_OK:
		break;
	case ACG_ENOMEM:
		err = IGRAPH_ENOMEM;
		goto out;
	default:
		err = IGRAPH_FAILURE;
		goto out;
	}
	for (i = 0; i < c->m->norgs; i++) {
		long l = acg_chains_longest_length(chains, i);

		longest[i] = l < 0 ? NAN : (double)l;
	}
	NEED(t = new_table(cols));
	NEED(gaps = new_table(gap_cols));
	for (i = 0; i < c->m->norgs; i++) {
		NEED((r = org_row(c, t, i)) != (size_t)-1);
		acg_table_set_number(t, r, 3, shortest[i], true);
		acg_table_set_number(t, r, 4, longest[i], true);
		acg_table_set_number(t, r, 5, apexes[i], true);
		if (isfinite(shortest[i])) {
			/* The mean is over organisations that answer to someone. */
			if (shortest[i] > 0) {
				reached++;
				sum += shortest[i];
			}
		} else {
			ngaps++;
			NEED(org_row(c, gaps, i) != (size_t)-1);
		}
		if (isfinite(longest[i]) && (deepest == ACG_NONE || longest[i] > depth)) {
			deepest = i;
			depth = longest[i];
		}
	}
	if (!c->m->norgs)
		NEED(!report_set_sentence(s, "The system has no organisations."));
	else if (ngaps)
		NEED(!report_set_sentence(
			s,
			"%zu %s no apex (an accountability gap); the longest upward chain has %.0f "
			"%s, from %s.",
			ngaps, plural((double)ngaps, "organisation reaches", "organisations reach"),
			isfinite(depth) ? depth : 0, plural(depth, "link", "links"),
			deepest == ACG_NONE ? "none" : org_name(c, deepest)));
	else
		NEED(!report_set_sentence(
			s,
			"Every organisation reaches an apex; the longest upward chain has %.0f %s, "
			"from %s, and below the apexes the shortest chains average %.3g %s.",
			depth, plural(depth, "link", "links"), org_name(c, deepest),
			reached ? sum / (double)reached : 0,
			plural(reached ? sum / (double)reached : 0, "link", "links")));
	NEED(!report_add_integer(s, "depth",
				 "depth (longest upward chain, links; cycles crossed by their shortest route)",
				 depth));
	NEED(!report_add_number(s, "mean_shortest",
				"mean shortest upward chain of the organisations below an apex (links)",
				reached ? sum / (double)reached : NAN));
	NEED(!report_add_integer(s, "gaps", "organisations that reach no apex", (double)ngaps));
	ADD_TABLE(s, "gap_organisations", "Organisations that reach no apex", gaps);
	ADD_TABLE(s, "organisations", "Upward chains of each organisation", t);
out:
	acg_table_free(t);
	acg_table_free(gaps);
	acg_chains_free(chains);
	free(longest);
	return err;
}

/* ---- divergent accountability ----------------------------------------------------- */

/* "NHS England → Parliament; Wirral HWB → Wirral Council" for org i's principals. */
static int describe_divergence(const struct ctx *c, struct buf *b, size_t i,
			       const struct acg_apex_lists *ap)
{
	const struct acg_model *m = c->m;
	size_t j, k;
	igraph_integer_t x;

	FOR_OUT_LINKS(c, i, k, j) {
		size_t p = m->links[j].to;

		if (seen_principal(c, i, k, p))
			continue;
		if (c->mx->v[ACG_METRIC_OUT_DEGREE][p] == 0) {
			if (buf_addf(b, "%s%s (an apex)", b->n ? "; " : "", org_name(c, p)))
				return -1;
			continue;
		}
		if (buf_addf(b, "%s%s answers to ", b->n ? "; " : "", org_name(c, p)))
			return -1;
		for (x = ap->start[p]; x < ap->start[p + 1]; x++)
			if (buf_addf(b, "%s%s", x > ap->start[p] ? ", " : "",
				     org_name(c, (size_t)ap->apex_vertex[ap->list[x]])))
				return -1;
		if (ap->start[p] == ap->start[p + 1] && buf_add(b, "no apex"))
			return -1;
	}
	return 0;
}

/* Whether principals p and q reach the same apexes. */
static bool same_apexes(const struct acg_apex_lists *ap, size_t p, size_t q)
{
	igraph_integer_t n = ap->start[p + 1] - ap->start[p];

	return n == ap->start[q + 1] - ap->start[q] &&
	       !memcmp(&ap->list[ap->start[p]], &ap->list[ap->start[q]],
		       (size_t)n * sizeof(*ap->list));
}

/*
 * Whether org i's principals that reach an apex do not all reach the same
 * apexes (a principal that reaches none is an accountability gap, reported
 * under chains), and in *union_n how many apexes they reach in all; mark[]
 * (one per apex) holds stamp where an apex has been counted for i.
 */
static bool divergent(const struct ctx *c, size_t i, const struct acg_apex_lists *ap,
		      size_t *mark, size_t stamp, size_t *union_n)
{
	const struct acg_model *m = c->m;
	size_t k, j, p, first = ACG_NONE;
	bool differ = false;
	igraph_integer_t x;

	*union_n = 0;
	FOR_OUT_LINKS(c, i, k, j) {
		p = m->links[j].to;
		if (ap->start[p] == ap->start[p + 1])
			continue;
		if (first == ACG_NONE)
			first = p;
		else if (!same_apexes(ap, first, p))
			differ = true;
		for (x = ap->start[p]; x < ap->start[p + 1]; x++)
			if (mark[ap->list[x]] != stamp) {
				mark[ap->list[x]] = stamp;
				(*union_n)++;
			}
	}
	return differ;
}

static bool strlist_has(const struct acg_strlist *l, const char *s)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (!strcmp(l->v[i], s))
			return true;
	return false;
}

/*
 * For org i: domains for which two or more principals hold it to account by
 * different mechanisms (the mechanism, or the link type where none is given).
 * Appends "finance: NHS England (assurance), Wirral HWB (review)" per domain.
 */
static int mechanism_conflicts(const struct ctx *c, struct buf *b, size_t i, size_t *count)
{
	const struct acg_model *m = c->m;
	size_t k, q, j, j2, d;

	*count = 0;
	FOR_OUT_LINKS(c, i, k, j) {
		const struct acg_link *l = &m->links[j];

		for (d = 0; d < l->domains.n; d++) {
			const char *dom = l->domains.v[d];
			bool seen = false, conflict = false, first = true;

			/* Each domain once, at the first link that lists it. */
			FOR_OUT_LINKS(c, i, q, j2)
				if (q < k && strlist_has(&m->links[j2].domains, dom))
					seen = true;
			if (seen)
				continue;
			/* Any two links for dom, to different principals, by different mechanisms. */
			FOR_OUT_LINKS(c, i, q, j2) {
				const struct acg_link *o = &m->links[j2];
				const char *om = o->mechanism ? o->mechanism : link_type_name(c, j2);
				size_t q2, j3;

				if (q < k || !strlist_has(&o->domains, dom))
					continue;
				FOR_OUT_LINKS(c, i, q2, j3) {
					const struct acg_link *o2 = &m->links[j3];
					const char *om2 =
						o2->mechanism ? o2->mechanism : link_type_name(c, j3);

					if (q2 > q && o2->to != o->to && strcmp(om, om2) &&
					    strlist_has(&o2->domains, dom))
						conflict = true;
				}
			}
			if (!conflict)
				continue;
			(*count)++;
			if (buf_addf(b, "%s%s: ", b->n ? "; " : "", dom))
				return -1;
			FOR_OUT_LINKS(c, i, q, j2) {
				const struct acg_link *o = &m->links[j2];

				if (q < k || !strlist_has(&o->domains, dom))
					continue;
				if (buf_addf(b, "%s%s (%s)", first ? "" : ", ", org_name(c, o->to),
					     o->mechanism ? o->mechanism : link_type_name(c, j2)))
					return -1;
				first = false;
			}
		}
	}
	return 0;
}

static igraph_error_t section_divergent(struct ctx *c)
{
	static const char *const cols[] = {"id", "name", "type", "apexes", "principals_answer_to",
					   NULL};
	static const char *const mcols[] = {"id", "name", "type", "domains", "held_by", NULL};
	const struct acg_model *m = c->m;
	struct report_section *s = report_add_section(c->r, "divergent_accountability",
						      "Divergent accountability");
	struct acg_table *t = NULL, *mt = NULL;
	struct buf b = {NULL, 0, 0};
	struct acg_apex_lists ap = {0, NULL, NULL, NULL};
	size_t *mark = NULL, i, r, count = 0, mcount = 0, union_n;
	size_t most = ACG_NONE, most_n = 0, nconf;
	igraph_error_t err = IGRAPH_SUCCESS;

	NEED(s);
	if ((err = acg_apex_lists(&c->col->g, &ap)))
		goto out;
	NEED(mark = calloc((size_t)ap.napexes + 1, sizeof(*mark)));
	NEED(t = new_table(cols));
	NEED(mt = new_table(mcols));
	for (i = 0; i < m->norgs; i++) {
		if (c->mx->v[ACG_METRIC_PRINCIPALS][i] >= 2 &&
		    divergent(c, i, &ap, mark, i + 1, &union_n)) {
			count++;
			if (union_n > most_n) {
				most = i;
				most_n = union_n;
			}
			NEED((r = org_row(c, t, i)) != (size_t)-1);
			acg_table_set_number(t, r, 3, (double)union_n, true);
			b.n = 0;
			NEED(!buf_add(&b, "") && !describe_divergence(c, &b, i, &ap));
			NEED(!acg_table_set_text(t, r, 4, b.s));
		}
		b.n = 0;
		NEED(!buf_add(&b, "") && !mechanism_conflicts(c, &b, i, &nconf));
		if (nconf) {
			mcount++;
			NEED((r = org_row(c, mt, i)) != (size_t)-1);
			acg_table_set_number(mt, r, 3, (double)nconf, true);
			NEED(!acg_table_set_text(mt, r, 4, b.s));
		}
	}
	NEED(acg_table_sort(t, 3) == ACG_OK);
	if (count)
		NEED(!report_set_sentence(
			s,
			"%zu %s to principals that answer, in the end, to different apexes; most: "
			"%s, with %zu apexes. %zu %s held to account for the same thing by different "
			"mechanisms.",
			count, plural((double)count, "organisation answers", "organisations answer"),
			org_name(c, most), most_n, mcount,
			plural((double)mcount, "organisation is", "organisations are")));
	else
		NEED(!report_set_sentence(
			s,
			"No organisation answers to principals with different apexes; %zu %s held "
			"to account for the same thing by different mechanisms.",
			mcount, plural((double)mcount, "organisation is", "organisations are")));
	NEED(!report_add_integer(s, "count", "organisations whose principals answer to different apexes",
				 (double)count));
	NEED(!report_add_number(s, "share", "share of organisations whose principals answer to "
					    "different apexes",
				m->norgs ? (double)count / (double)m->norgs : NAN));
	NEED(!report_add_integer(s, "mechanism_count",
				 "organisations held to account for the same thing by different mechanisms",
				 (double)mcount));
	ADD_TABLE(s, "organisations",
			       "Organisations whose principals answer to different apexes", t);
	ADD_TABLE(s, "mechanisms",
			       "Organisations held to account for the same thing by different mechanisms", mt);
out:
	acg_table_free(t);
	acg_table_free(mt);
	free(b.s);
	free(mark);
	acg_apex_lists_free(&ap);
	return err;
}

/* ---- mutual accountability ------------------------------------------------------- */

/* The link types from a to b, comma-separated, appended to b. */
static int types_between(const struct ctx *c, struct buf *b, size_t from, size_t to)
{
	size_t j, k, n = 0;

	FOR_OUT_LINKS(c, from, k, j)
		if (c->m->links[j].to == to &&
		    buf_addf(b, "%s%s", n++ ? ", " : "", link_type_name(c, j)))
			return -1;
	return 0;
}

static igraph_error_t section_mutual(struct ctx *c)
{
	static const char *const pcols[] = {"a", "b", "a_to_b", "b_to_a", NULL};
	static const char *const ccols[] = {"cycle", "size", "organisations", NULL};
	const igraph_t *g = &c->col->g;
	struct report_section *s =
		report_add_section(c->r, "mutual_accountability", "Mutual accountability");
	struct acg_table *pairs = NULL, *cycles = NULL;
	igraph_vector_int_t memb, csize;
	igraph_integer_t e, nc, k, i;
	struct buf b = {NULL, 0, 0};
	size_t npairs = 0, ncycles = 0, r, in_cycles = 0, *cstart = NULL, *member = NULL;
	igraph_error_t err;

	if (!s)
		return IGRAPH_ENOMEM;
	if ((err = igraph_vector_int_init(&memb, 0)))
		return err;
	if ((err = igraph_vector_int_init(&csize, 0))) {
		igraph_vector_int_destroy(&memb);
		return err;
	}
	NEED(pairs = new_table(pcols));
	NEED(cycles = new_table(ccols));
	for (e = 0; e < igraph_ecount(g); e++) {
		igraph_integer_t a = IGRAPH_FROM(g, e), bb = IGRAPH_TO(g, e), back;

		if (a > bb)
			continue;
		TRY(igraph_get_eid(g, &back, bb, a, IGRAPH_DIRECTED, false));
		if (back < 0)
			continue;
		npairs++;
		NEED((r = acg_table_add_row(pairs)) != (size_t)-1);
		NEED(!acg_table_set_text(pairs, r, 0, org_name(c, (size_t)a)));
		NEED(!acg_table_set_text(pairs, r, 1, org_name(c, (size_t)bb)));
		b.n = 0;
		NEED(!buf_add(&b, "") && !types_between(c, &b, (size_t)a, (size_t)bb));
		NEED(!acg_table_set_text(pairs, r, 2, b.s));
		b.n = 0;
		NEED(!buf_add(&b, "") && !types_between(c, &b, (size_t)bb, (size_t)a));
		NEED(!acg_table_set_text(pairs, r, 3, b.s));
	}
	TRY(igraph_connected_components(g, &memb, &csize, &nc, IGRAPH_STRONG));
	/*
	 * The members of component k in file order are member[cstart[k] ..
	 * cstart[k + 1]): a counting sort, so that finding each cycle's first
	 * member and listing its members is linear, not a scan of every
	 * organisation per member.
	 */
	NEED(cstart = calloc((size_t)nc + 2, sizeof(*cstart)));
	NEED(member = malloc(((size_t)igraph_vcount(g) + 1) * sizeof(*member)));
	for (k = 0; k < nc; k++)
		cstart[k + 1] = cstart[k] + (size_t)VECTOR(csize)[k];
	for (i = 0; i < igraph_vcount(g); i++)
		member[cstart[VECTOR(memb)[i]]++] = (size_t)i;
	/* cstart[k] is now the end of component k: shift back to the starts. */
	memmove(cstart + 1, cstart, (size_t)nc * sizeof(*cstart));
	cstart[0] = 0;
	/* Cycles in order of their first member in the file. */
	for (i = 0; i < igraph_vcount(g); i++) {
		igraph_integer_t comp = VECTOR(memb)[i];
		size_t q;

		if (VECTOR(csize)[comp] < 2 || member[cstart[comp]] != (size_t)i)
			continue;
		ncycles++;
		in_cycles += (size_t)VECTOR(csize)[comp];
		NEED((r = acg_table_add_row(cycles)) != (size_t)-1);
		acg_table_set_number(cycles, r, 0, (double)ncycles, true);
		acg_table_set_number(cycles, r, 1, (double)VECTOR(csize)[comp], true);
		b.n = 0;
		NEED(!buf_add(&b, ""));
		for (q = cstart[comp]; q < cstart[comp + 1]; q++)
			NEED(!buf_addf(&b, "%s%s", q > cstart[comp] ? "; " : "",
				       org_name(c, member[q])));
		NEED(!acg_table_set_text(cycles, r, 2, b.s));
	}
	if (!npairs && !ncycles)
		NEED(!report_set_sentence(s, "No two organisations hold each other to account, and "
					     "there is no cycle of mutual accountability."));
	else
		NEED(!report_set_sentence(
			s,
			"%zu %s of organisations %s each other to account, and %zu %s of mutual "
			"accountability (reciprocal pairs included) %s %zu %s.",
			npairs, plural((double)npairs, "pair", "pairs"),
			plural((double)npairs, "holds", "hold"), ncycles,
			plural((double)ncycles, "cycle", "cycles"),
			plural((double)ncycles, "joins", "join"), in_cycles,
			plural((double)in_cycles, "organisation", "organisations")));
	NEED(!report_add_integer(s, "reciprocal_pairs", "pairs that hold each other to account",
				 (double)npairs));
	NEED(!report_add_integer(s, "cycles", "cycles (strongly connected components of 2 or more)",
				 (double)ncycles));
	NEED(!report_add_integer(s, "organisations_in_cycles", "organisations in cycles",
				 (double)in_cycles));
	ADD_TABLE(s, "pairs", "Pairs that hold each other to account", pairs);
	ADD_TABLE(s, "cycle_members", "Cycles", cycles);
out:
	acg_table_free(pairs);
	acg_table_free(cycles);
	free(b.s);
	free(cstart);
	free(member);
	igraph_vector_int_destroy(&memb);
	igraph_vector_int_destroy(&csize);
	return err;
}

/* ---- single points of failure ---------------------------------------------------- */

/*
 * Dominators towards the apexes: a virtual root s is added above every apex
 * (apex -> s) and igraph's dominator tree is computed from s against the
 * arrows.  d dominates v when every upward chain from v to any apex passes
 * through d; dominated[d] counts such v.
 */
static igraph_error_t dominators(const struct ctx *c, double *dominated)
{
	const igraph_t *g = &c->col->g;
	igraph_integer_t n = igraph_vcount(g), i, d;
	igraph_vector_int_t dom;
	igraph_t h;
	igraph_error_t err;

	for (i = 0; i < n; i++)
		dominated[i] = 0;
	if ((err = acg_graph_above_apexes(g, &h)))
		return err;
	if ((err = igraph_vector_int_init(&dom, 0))) {
		igraph_destroy(&h);
		return err;
	}
	err = igraph_dominator_tree(&h, n, &dom, NULL, NULL, IGRAPH_IN);
	for (i = 0; !err && i < n; i++)
		for (d = VECTOR(dom)[i]; d >= 0 && d < n; d = VECTOR(dom)[d])
			dominated[d] += 1;
	igraph_vector_int_destroy(&dom);
	igraph_destroy(&h);
	return err;
}

/*
 * The links of every bridge, in file order: bridge k (the k-th edge of br, an
 * edge of the undirected view u) has the links idx[start[k] .. start[k + 1]).
 * One pass over the links, each placed by its edge of u (igraph_get_eid, a
 * binary search): O(links log degree), where scanning every link for every
 * bridge took O(links x bridges).  0, -1 when out of memory, or the igraph
 * error in *err.
 */
static int bridge_links(const struct ctx *c, const igraph_vector_int_t *br, size_t **start,
			size_t **idx, igraph_error_t *err)
{
	const igraph_t *u = &c->und->g;
	size_t nb = (size_t)igraph_vector_int_size(br), j, k, *of_edge = NULL, *fill = NULL;
	igraph_integer_t e;

	*start = calloc(nb + 2, sizeof(**start));
	*idx = NULL;
	of_edge = malloc(((size_t)igraph_ecount(u) + 1) * sizeof(*of_edge));
	if (!*start || !of_edge)
		goto fail;
	for (e = 0; e < igraph_ecount(u); e++)
		of_edge[e] = ACG_NONE;
	for (k = 0; k < nb; k++)
		of_edge[VECTOR(*br)[k]] = k;
	/* of_edge[j's edge] for every link j, kept in fill meanwhile. */
	if (!(fill = malloc((c->m->nlinks + 1) * sizeof(*fill))))
		goto fail;
	for (j = 0; j < c->m->nlinks; j++) {
		const struct acg_link *l = &c->m->links[j];

		if ((*err = igraph_get_eid(u, &e, (igraph_integer_t)l->from,
					   (igraph_integer_t)l->to, IGRAPH_UNDIRECTED, true)))
			goto fail;
		fill[j] = of_edge[e];
		if (fill[j] != ACG_NONE)
			(*start)[fill[j] + 1]++;
	}
	for (k = 0; k < nb; k++)
		(*start)[k + 1] += (*start)[k];
	if (!(*idx = malloc(((*start)[nb] + 1) * sizeof(**idx))))
		goto fail;
	/* Placed in file order: of_edge now counts the links placed per bridge. */
	for (k = 0; k < nb; k++)
		of_edge[k] = 0;
	for (j = 0; j < c->m->nlinks; j++)
		if ((k = fill[j]) != ACG_NONE)
			(*idx)[(*start)[k] + of_edge[k]++] = j;
	free(of_edge);
	free(fill);
	return 0;
fail:
	free(of_edge);
	free(fill);
	free(*start);
	free(*idx);
	*start = *idx = NULL;
	return -1;
}

static igraph_error_t section_spof(struct ctx *c)
{
	static const char *const dcols[] = {"id", "name", "type", "organisations_depending", NULL};
	static const char *const acols[] = {"id", "name", "type", NULL};
	static const char *const bcols[] = {"from", "to", "types", NULL};
	const igraph_t *u = &c->und->g;
	struct report_section *s =
		report_add_section(c->r, "single_points_of_failure", "Single points of failure");
	struct acg_table *dt = NULL, *at = NULL, *bt = NULL;
	igraph_vector_int_t ap, br;
	double *dominated = NULL;
	size_t i, r, count = 0, most = ACG_NONE, *bl_start = NULL, *bl = NULL;
	igraph_integer_t k;
	igraph_error_t err;

	if (!s)
		return IGRAPH_ENOMEM;
	if ((err = igraph_vector_int_init(&ap, 0)))
		return err;
	if ((err = igraph_vector_int_init(&br, 0))) {
		igraph_vector_int_destroy(&ap);
		return err;
	}
	NEED(dominated = calloc(c->m->norgs + 1, sizeof(*dominated)));
	TRY(dominators(c, dominated));
	NEED(dt = new_table(dcols));
	for (i = 0; i < c->m->norgs; i++) {
		/* An apex ends chains; the points of failure are the organisations on them. */
		if (dominated[i] <= 0 || c->mx->v[ACG_METRIC_OUT_DEGREE][i] == 0)
			continue;
		count++;
		if (most == ACG_NONE || dominated[i] > dominated[most])
			most = i;
		NEED((r = org_row(c, dt, i)) != (size_t)-1);
		acg_table_set_number(dt, r, 3, dominated[i], true);
	}
	NEED(acg_table_sort(dt, 3) == ACG_OK);
	TRY(igraph_articulation_points(u, &ap));
	igraph_vector_int_sort(&ap);
	NEED(at = new_table(acols));
	for (k = 0; k < igraph_vector_int_size(&ap); k++)
		NEED(org_row(c, at, (size_t)VECTOR(ap)[k]) != (size_t)-1);
	TRY(igraph_bridges(u, &br));
	igraph_vector_int_sort(&br);
	NEED(bt = new_table(bcols));
	if (bridge_links(c, &br, &bl_start, &bl, &err)) {
		if (!err)
			err = IGRAPH_ENOMEM;
		goto out;
	}
	for (k = 0; k < igraph_vector_int_size(&br); k++) {
		/*
		 * Written the way its first link (in file order) runs; the types are
		 * those of every link of the pair, "(back)" marking one that runs
		 * the other way.
		 */
		const struct acg_link *first = &c->m->links[bl[bl_start[k]]];
		struct buf b = {NULL, 0, 0};
		int bad;
		size_t q;

		NEED((r = acg_table_add_row(bt)) != (size_t)-1);
		NEED(!acg_table_set_text(bt, r, 0, c->m->orgs[first->from].id));
		NEED(!acg_table_set_text(bt, r, 1, c->m->orgs[first->to].id));
		bad = buf_add(&b, "");
		for (q = bl_start[k]; !bad && q < bl_start[k + 1]; q++) {
			size_t j = bl[q];

			bad = buf_addf(&b, "%s%s%s", q > bl_start[k] ? ", " : "",
				       link_type_name(c, j),
				       c->m->links[j].from != first->from ? " (back)" : "");
		}
		if (bad || acg_table_set_text(bt, r, 2, b.s)) {
			free(b.s);
			err = IGRAPH_ENOMEM;
			goto out;
		}
		free(b.s);
	}
	if (count)
		NEED(!report_set_sentence(
			s,
			"%zu %s every upward chain of some other organisation to its apexes; most: %s, "
			"for %.0f %s.",
			count,
			plural((double)count, "organisation lies on", "organisations lie on"),
			org_name(c, most), dominated[most],
			plural(dominated[most], "organisation", "organisations")));
	else
		NEED(!report_set_sentence(s, "Below the apexes, no organisation lies on every upward "
					     "chain of another."));
	NEED(!report_add_integer(s, "dominators",
				 "organisations (not apexes) on every upward chain of another",
				 (double)count));
	NEED(!report_add_integer(s, "articulation_points",
				 "articulation points (removal disconnects the system)",
				 (double)igraph_vector_int_size(&ap)));
	NEED(!report_add_integer(s, "bridges", "bridges (links whose removal disconnects it)",
				 (double)igraph_vector_int_size(&br)));
	ADD_TABLE(s, "dominator_organisations",
			       "Organisations on every upward chain of others", dt);
	ADD_TABLE(s, "articulation_point_organisations", "Articulation points", at);
	ADD_TABLE(s, "bridge_links", "Bridges (undirected)", bt);
out:
	acg_table_free(dt);
	acg_table_free(at);
	acg_table_free(bt);
	free(dominated);
	free(bl_start);
	free(bl);
	igraph_vector_int_destroy(&ap);
	igraph_vector_int_destroy(&br);
	return err;
}

/* ---- sanctions and practice ------------------------------------------------------- */

static bool formal_basis(enum acg_basis b)
{
	return b != ACG_BASIS_UNSPECIFIED && b != ACG_BASIS_INFORMAL;
}

/* A row: from, to, type, for, basis, sanction (ids, as in the other tables). */
static int link_row(const struct ctx *c, struct acg_table *t, size_t j)
{
	const struct acg_link *l = &c->m->links[j];
	struct buf b = {NULL, 0, 0};
	size_t r = acg_table_add_row(t), k;
	int rc = -1;

	if (r == (size_t)-1 || acg_table_set_text(t, r, 0, c->m->orgs[l->from].id) ||
	    acg_table_set_text(t, r, 1, c->m->orgs[l->to].id) ||
	    acg_table_set_text(t, r, 2, link_type_name(c, j)) || buf_add(&b, ""))
		goto out;
	for (k = 0; k < l->domains.n; k++)
		if (buf_addf(&b, "%s%s", k ? ", " : "", l->domains.v[k]))
			goto out;
	rc = acg_table_set_text(t, r, 3, l->domains.n ? b.s : NULL) ||
			     acg_table_set_text(t, r, 4, l->basis ? acg_basis_name(l->basis) : NULL) ||
			     acg_table_set_text(t, r, 5,
						l->sanction ? acg_sanction_name(l->sanction) : NULL)
		     ? -1
		     : 0;
out:
	free(b.s);
	return rc;
}

static igraph_error_t section_sanctions(struct ctx *c)
{
	static const char *const cols[] = {"from", "to", "type", "for", "basis", "sanction", NULL};
	const struct acg_model *m = c->m;
	struct report_section *s =
		report_add_section(c->r, "sanctions_and_practice", "Sanctions and practice");
	struct acg_table *none = NULL, *informal = NULL;
	size_t j, n[ACG_SANCTION_COUNT] = {0}, observed = 0, formal_unobserved = 0, obs_informal = 0;
	double L = (double)m->nlinks;
	igraph_error_t err = IGRAPH_SUCCESS;

	NEED(s);
	NEED(none = new_table(cols));
	NEED(informal = new_table(cols));
	for (j = 0; j < m->nlinks; j++) {
		const struct acg_link *l = &m->links[j];

		n[l->sanction]++;
		observed += l->observed;
		formal_unobserved += formal_basis(l->basis) && !l->observed;
		if (l->sanction == ACG_SANCTION_NONE)
			NEED(!link_row(c, none, j));
		if (l->observed && !formal_basis(l->basis)) {
			obs_informal++;
			NEED(!link_row(c, informal, j));
		}
	}
	if (!m->nlinks)
		NEED(!report_set_sentence(s, "The system has no links."));
	else
		NEED(!report_set_sentence(
			s,
			"%.3g%% of links carry hard sanctions; %zu %s no sanction at all "
			"(accountability without consequences)%s",
			100.0 * (double)n[ACG_SANCTION_HARD] / L, n[ACG_SANCTION_NONE],
			plural((double)n[ACG_SANCTION_NONE], "link has", "links have"),
			observed ? "." : "; no link is marked as observed, so practice cannot be "
					 "compared with the formal system."));
	NEED(!report_add_number(s, "hard_share", "share of links with hard sanctions",
				m->nlinks ? (double)n[ACG_SANCTION_HARD] / L : NAN));
	NEED(!report_add_integer(s, "hard", "links with hard sanctions", (double)n[ACG_SANCTION_HARD]));
	NEED(!report_add_integer(s, "soft", "links with soft sanctions", (double)n[ACG_SANCTION_SOFT]));
	NEED(!report_add_integer(s, "none", "links with no sanction", (double)n[ACG_SANCTION_NONE]));
	NEED(!report_add_integer(s, "unstated", "links whose sanction is not stated",
				 (double)n[ACG_SANCTION_UNSPECIFIED]));
	NEED(!report_add_integer(s, "observed", "links observed in practice", (double)observed));
	NEED(!report_add_integer(s, "formal_never_observed",
				 "links with a formal basis never observed",
				 observed ? (double)formal_unobserved : NAN));
	NEED(!report_add_integer(s, "observed_without_formal_basis",
				 "observed links with no formal basis", (double)obs_informal));
	ADD_TABLE(s, "links_without_sanction",
			       "Links without a sanction (accountability without consequences)", none);
	ADD_TABLE(s, "observed_informal_links",
			       "Observed links with no formal basis (informal, or basis not stated)", informal);
out:
	acg_table_free(none);
	acg_table_free(informal);
	return err;
}

/* ---- structure ------------------------------------------------------------------- */

static igraph_error_t section_structure(struct ctx *c)
{
	static const char *const rcols[] = {"type", "coordinator", "itinerant", "representative",
					    "gatekeeper", "liaison", NULL};
	static const char *const bcols[] = {"id", "name", "type", "effective_size", "constraint",
					    "brokerage", NULL};
	static const char *const role_names[5] = {"coordinator", "itinerant", "representative",
						  "gatekeeper", "liaison"};
	const struct acg_model *m = c->m;
	struct report_section *s = report_add_section(c->r, "structure", "Brokerage and structural holes");
	struct acg_table *rt = NULL, *bt = NULL;
	double *by_type = NULL, total[5] = {0};
	size_t i, r, k, top_role = 0;
	igraph_error_t err = IGRAPH_SUCCESS;

	NEED(s);
	NEED(by_type = calloc(m->org_types.n * 5 + 1, sizeof(*by_type)));
	NEED(bt = new_table(bcols));
	for (i = 0; i < m->norgs; i++) {
		double sum = 0;

		for (k = 0; k < 5; k++) {
			double v = c->mx->v[ACG_METRIC_BROKERAGE_COORDINATOR + k][i];

			by_type[m->orgs[i].type * 5 + k] += v;
			total[k] += v;
			sum += v;
		}
		NEED((r = org_row(c, bt, i)) != (size_t)-1);
		acg_table_set_number(bt, r, 3, c->mx->v[ACG_METRIC_EFFECTIVE_SIZE][i], false);
		acg_table_set_number(bt, r, 4, c->mx->v[ACG_METRIC_CONSTRAINT][i], false);
		acg_table_set_number(bt, r, 5, sum, true);
	}
	NEED(acg_table_sort(bt, 3) == ACG_OK);
	acg_table_truncate(bt, 10);
	NEED(rt = new_table(rcols));
	for (i = 0; i < m->org_types.n; i++) {
		if (!m->org_types.v[i].uses)
			continue;
		NEED((r = acg_table_add_row(rt)) != (size_t)-1);
		NEED(!acg_table_set_text(rt, r, 0, m->org_types.v[i].name));
		for (k = 0; k < 5; k++)
			acg_table_set_number(rt, r, 1 + k, by_type[i * 5 + k], true);
	}
	for (k = 1; k < 5; k++)
		if (total[k] > total[top_role])
			top_role = k;
	if (m->norgs && total[top_role] > 0) {
		double best = -1;
		size_t who = 0;

		for (i = 0; i < m->norgs; i++)
			if (c->mx->v[ACG_METRIC_EFFECTIVE_SIZE][i] > best) {
				best = c->mx->v[ACG_METRIC_EFFECTIVE_SIZE][i];
				who = i;
			}
		NEED(!report_set_sentence(
			s,
			"The widest broker is %s (effective size %.3g, constraint %.3g); most "
			"brokerage is %s brokerage (%.0f of %.0f two-step chains).",
			org_name(c, who), best, c->mx->v[ACG_METRIC_CONSTRAINT][who],
			role_names[top_role], total[top_role],
			total[0] + total[1] + total[2] + total[3] + total[4]));
	} else {
		NEED(!report_set_sentence(s, "No organisation brokers between two others."));
	}
	for (k = 0; k < 5; k++)
		NEED(!report_add_integer(s, role_names[k], role_names[k], total[k]));
	ADD_TABLE(s, "brokerage_by_type", "Gould-Fernandez brokerage roles by organisation type", rt);
	ADD_TABLE(s, "widest_brokers", "Widest brokers (largest effective size)", bt);
out:
	acg_table_free(rt);
	acg_table_free(bt);
	free(by_type);
	return err;
}

static igraph_error_t section_krackhardt(struct ctx *c)
{
	struct report_section *s = report_add_section(c->r, "krackhardt", "Krackhardt's hierarchy");
	struct acg_krackhardt k;
	enum acg_status st;

	if (!s)
		return IGRAPH_ENOMEM;
	if (c->estimate) {
		/* Reachability between every pair of groups: n^2 bits; left out. */
		if (report_set_sentence(s, "Krackhardt's measures are not computed for more than %d "
					   "organisations without --exact.",
					ACG_EXACT_LIMIT) ||
		    report_add_number(s, "connectedness", "connectedness", NAN) ||
		    report_add_number(s, "hierarchy", "hierarchy", NAN) ||
		    report_add_number(s, "efficiency", "efficiency", NAN) ||
		    report_add_number(s, "lub", "least upper bound", NAN))
			return IGRAPH_ENOMEM;
		return IGRAPH_SUCCESS;
	}
	st = acg_krackhardt(c->graph, &k, c->diags);
	if (st == ACG_ENOMEM)
		return IGRAPH_ENOMEM;
	if (st != ACG_OK)
		return IGRAPH_FAILURE;
	if (report_set_sentence(s,
				"On Krackhardt's four measures, where a pure hierarchy scores 1 on each, "
				"the system scores %.3g (connectedness), %.3g (hierarchy), %.3g "
				"(efficiency) and %.3g (least upper bound).",
				k.connectedness, k.hierarchy, k.efficiency, k.lub) ||
	    report_add_number(s, "connectedness", "connectedness", k.connectedness) ||
	    report_add_number(s, "hierarchy", "hierarchy", k.hierarchy) ||
	    report_add_number(s, "efficiency", "efficiency", k.efficiency) ||
	    report_add_number(s, "lub", "least upper bound", k.lub))
		return IGRAPH_ENOMEM;
	return IGRAPH_SUCCESS;
}

/* What was estimated or left out, when the system is too large for every figure. */
static igraph_error_t section_estimates(struct ctx *c)
{
	struct report_section *s;

	if (!c->estimate)
		return IGRAPH_SUCCESS;
	s = report_add_section(c->r, "estimates", "Estimates");
	if (!s || report_set_sentence(
			  s,
			  "With %zu organisations (more than %d), the diameter is an estimate "
			  "(igraph's pseudo-diameter, a lower bound), and betweenness centralisation "
			  "and Krackhardt's measures are not computed; --exact computes every figure "
			  "exactly.",
			  c->m->norgs, ACG_EXACT_LIMIT) ||
	    report_add_text(s, "estimated", "estimated figures", "diameter") ||
	    report_add_text(s, "not_computed", "figures not computed",
			    "centralization_betweenness, krackhardt"))
		return IGRAPH_ENOMEM;
	return IGRAPH_SUCCESS;
}

/* ---- driver ------------------------------------------------------------------------ */

enum acg_status report_build(struct acg_report *r, struct acg_graph *graph,
			     const struct acg_report_options *opt, struct acg_diags *diags)
{
	static const enum acg_metric needed[] = {
		ACG_METRIC_OUT_DEGREE,        ACG_METRIC_PRINCIPALS,
		ACG_METRIC_APEX_DISTANCE,     ACG_METRIC_APEXES,
		ACG_METRIC_CONSTRAINT,        ACG_METRIC_EFFECTIVE_SIZE,
		ACG_METRIC_BROKERAGE_COORDINATOR, ACG_METRIC_BROKERAGE_ITINERANT,
		ACG_METRIC_BROKERAGE_REPRESENTATIVE, ACG_METRIC_BROKERAGE_GATEKEEPER,
		ACG_METRIC_BROKERAGE_LIAISON};
	static igraph_error_t (*const sections[])(struct ctx *) = {
		section_system,    section_network, section_multiple,  section_chains,
		section_divergent, section_mutual,  section_spof,      section_sanctions,
		section_structure, section_krackhardt, section_estimates};
	struct acg_metric_options mopt = {opt->seed, opt->exact};
	bool want[ACG_METRIC_COUNT] = {false};
	struct ctx c;
	enum acg_status st;
	igraph_error_t err = IGRAPH_SUCCESS;
	size_t i;

	memset(&c, 0, sizeof(c));
	c.r = r;
	c.graph = graph;
	c.m = acg_graph_model(graph);
	c.diags = diags;
	c.estimate = !opt->exact && c.m->norgs > ACG_EXACT_LIMIT;
	for (i = 0; i < sizeof(needed) / sizeof(*needed); i++)
		want[needed[i]] = true;
	st = acg_metrics_compute(graph, want, &mopt, &c.mx, diags);
	if (st != ACG_OK)
		return st;
	c.col = acg_graph_collapsed(graph);
	c.und = acg_graph_undirected(graph);
	if (!c.col || !c.und || index_out_links(&c))
		err = IGRAPH_ENOMEM;
	for (i = 0; i < sizeof(sections) / sizeof(*sections) && !err; i++)
		err = sections[i](&c);
	acg_metrics_free(c.mx);
	free(c.out_start);
	free(c.out);
	if (err == IGRAPH_FAILURE && diags && diags->errors)
		return ACG_ELIB; /* already reported by the module that failed */
	if (err != IGRAPH_SUCCESS && err != IGRAPH_ENOMEM)
		acg_diags_add(diags, ACG_ERROR, ACG_ELIB, NULL, 0, 0, NULL, "igraph failed: %s",
			      igraph_strerror(err));
	return acg_status_from_igraph(err);
}
