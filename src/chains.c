/* chains.c - upward chains and shortest paths; see accgraph/chains.h. */
#include "accgraph/chains.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "graph_impl.h"

struct acg_chains {
	const struct acg_graph *graph;
	size_t n;
	long *shortest;     /* links to the nearest apex; -1: none */
	igraph_integer_t *up; /* next organisation on the shortest chain; -1 at an apex */
	igraph_integer_t *comp; /* strongly connected component of each organisation */
	igraph_integer_t ncomp;
	long *steps;        /* components crossed by the longest chain of a component; -1: none */
	igraph_integer_t *next_comp; /* the component the longest chain goes to next; -1 */
	long *longest;      /* links of the longest chain; -1: none */
	igraph_integer_t *lnext; /* next organisation on the longest chain; -1 at an apex */
	igraph_adjlist_t out; /* out-going neighbours, sorted */
	size_t *link_start;   /* the model's links out of org i: */
	size_t *links;        /*   links[link_start[i] .. link_start[i + 1]) */
	bool have_out;
};

void acg_path_release(struct acg_path *p)
{
	if (!p)
		return;
	free(p->orgs);
	p->orgs = NULL;
	p->n = 0;
}

void acg_chains_free(struct acg_chains *ch)
{
	if (!ch)
		return;
	free(ch->shortest);
	free(ch->up);
	free(ch->comp);
	free(ch->steps);
	free(ch->next_comp);
	free(ch->longest);
	free(ch->lnext);
	free(ch->link_start);
	free(ch->links);
	if (ch->have_out)
		igraph_adjlist_destroy(&ch->out);
	free(ch);
}

/* Appends v to the path, growing it; 0 or -1 when out of memory. */
static int path_push(struct acg_path *p, size_t *cap, size_t v)
{
	if (p->n == *cap) {
		size_t ncap = *cap ? *cap * 2 : 16;
		size_t *q = realloc(p->orgs, ncap * sizeof(*q));

		if (!q)
			return -1;
		p->orgs = q;
		*cap = ncap;
	}
	p->orgs[p->n++] = v;
	return 0;
}

/*
 * Shortest chains: one breadth-first search against the arrows from a root
 * above every apex; the BFS parent of each organisation is its next hop
 * upwards.
 */
static igraph_error_t compute_shortest(struct acg_chains *ch, const igraph_t *g)
{
	igraph_integer_t n = igraph_vcount(g), i;
	igraph_vector_int_t order, parents;
	igraph_t h;

	IGRAPH_CHECK(acg_graph_above_apexes(g, &h));
	IGRAPH_FINALLY(igraph_destroy, &h);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&order, 0);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&parents, 0);
	IGRAPH_CHECK(igraph_bfs_simple(&h, n, IGRAPH_IN, &order, NULL, &parents));
	for (i = 0; i < n; i++) {
		ch->shortest[i] = -1;
		ch->up[i] = -1;
	}
	/* In BFS order each organisation is one link further than its parent. */
	for (i = 0; i < igraph_vector_int_size(&order); i++) {
		igraph_integer_t v = VECTOR(order)[i], p;

		if (v == n)
			continue;
		p = VECTOR(parents)[v];
		if (p == n) {
			ch->shortest[v] = 0;
		} else {
			ch->shortest[v] = ch->shortest[p] + 1;
			ch->up[v] = p;
		}
	}
	igraph_vector_int_destroy(&order);
	igraph_vector_int_destroy(&parents);
	igraph_destroy(&h);
	IGRAPH_FINALLY_CLEAN(3);
	return IGRAPH_SUCCESS;
}

/*
 * Longest chains on the condensation: components in reverse topological
 * order; a component's value is the most components crossed to an apex.
 */
static igraph_error_t compute_steps(struct acg_chains *ch, const igraph_t *g)
{
	igraph_integer_t n = igraph_vcount(g), c, k, i;
	igraph_vector_int_t memb, csize, order, nb;
	igraph_t h;
	igraph_error_t err;

	IGRAPH_CHECK(igraph_vector_int_init(&memb, 0));
	IGRAPH_FINALLY(igraph_vector_int_destroy, &memb);
	IGRAPH_CHECK(igraph_vector_int_init(&csize, 0));
	IGRAPH_FINALLY(igraph_vector_int_destroy, &csize);
	IGRAPH_CHECK(igraph_vector_int_init(&order, 0));
	IGRAPH_FINALLY(igraph_vector_int_destroy, &order);
	IGRAPH_CHECK(igraph_vector_int_init(&nb, 0));
	IGRAPH_FINALLY(igraph_vector_int_destroy, &nb);
	IGRAPH_CHECK(igraph_connected_components(g, &memb, &csize, &ch->ncomp, IGRAPH_STRONG));
	IGRAPH_CHECK(igraph_copy(&h, g));
	IGRAPH_FINALLY(igraph_destroy, &h);
	IGRAPH_CHECK(igraph_contract_vertices(&h, &memb, NULL));
	IGRAPH_CHECK(igraph_simplify(&h, true, true, NULL));
	IGRAPH_CHECK(igraph_topological_sorting(&h, &order, IGRAPH_OUT));
	ch->steps = malloc(((size_t)ch->ncomp + 1) * sizeof(*ch->steps));
	ch->next_comp = malloc(((size_t)ch->ncomp + 1) * sizeof(*ch->next_comp));
	if (!ch->steps || !ch->next_comp)
		IGRAPH_ERROR("out of memory", IGRAPH_ENOMEM);
	for (i = 0; i < n; i++)
		ch->comp[i] = VECTOR(memb)[i];
	for (k = igraph_vector_int_size(&order) - 1; k >= 0; k--) {
		c = VECTOR(order)[k];
		IGRAPH_CHECK(igraph_neighbors(&h, &nb, c, IGRAPH_OUT));
		ch->steps[c] = -1;
		ch->next_comp[c] = -1;
		/* A sink component of one organisation is an apex. */
		if (igraph_vector_int_size(&nb) == 0 && VECTOR(csize)[c] == 1)
			ch->steps[c] = 0;
		for (i = 0; i < igraph_vector_int_size(&nb); i++) {
			igraph_integer_t d = VECTOR(nb)[i];

			if (ch->steps[d] >= 0 && ch->steps[d] + 1 > ch->steps[c]) {
				ch->steps[c] = ch->steps[d] + 1;
				ch->next_comp[c] = d;
			}
		}
	}
	err = IGRAPH_SUCCESS;
	igraph_destroy(&h);
	igraph_vector_int_destroy(&memb);
	igraph_vector_int_destroy(&csize);
	igraph_vector_int_destroy(&order);
	igraph_vector_int_destroy(&nb);
	IGRAPH_FINALLY_CLEAN(5);
	return err;
}

/*
 * The next hop of every organisation on its longest chain.  Within its
 * component c, an organisation goes by a shortest route to one with a link
 * into next_comp[c] (one breadth-first search against the arrows from all
 * such organisations at once), which then crosses into the smallest-numbered
 * organisation of that component.  Then longest[v] = 1 + longest[lnext[v]].
 */
static igraph_error_t compute_longest(struct acg_chains *ch, const igraph_t *g)
{
	igraph_integer_t n = igraph_vcount(g), v, k, head = 0, tail = 0;
	igraph_integer_t *queue = NULL, *stack = NULL;
	igraph_adjlist_t in;
	igraph_error_t err;

	if ((err = igraph_adjlist_init(g, &in, IGRAPH_IN, IGRAPH_NO_LOOPS, IGRAPH_NO_MULTIPLE)))
		return err;
	queue = malloc(((size_t)n + 1) * sizeof(*queue));
	stack = malloc(((size_t)n + 1) * sizeof(*stack));
	if (!queue || !stack) {
		err = IGRAPH_ENOMEM;
		goto out;
	}
	for (v = 0; v < n; v++) {
		igraph_integer_t c = ch->comp[v], d = ch->next_comp[c];
		igraph_vector_int_t *nb = igraph_adjlist_get(&ch->out, v);

		ch->lnext[v] = -1;
		ch->longest[v] = ch->steps[c] < 0 ? -1 : ch->steps[c] == 0 ? 0 : -2; /* -2: to do */
		if (ch->steps[c] <= 0)
			continue;
		for (k = 0; k < igraph_vector_int_size(nb); k++)
			if (ch->comp[VECTOR(*nb)[k]] == d) {
				ch->lnext[v] = VECTOR(*nb)[k];
				queue[tail++] = v;
				break;
			}
	}
	while (head < tail) {
		igraph_integer_t y = queue[head++];
		igraph_vector_int_t *nb = igraph_adjlist_get(&in, y);

		for (k = 0; k < igraph_vector_int_size(nb); k++) {
			igraph_integer_t x = VECTOR(*nb)[k];

			if (ch->comp[x] == ch->comp[y] && ch->lnext[x] < 0) {
				ch->lnext[x] = y;
				queue[tail++] = x;
			}
		}
	}
	/* Lengths: follow lnext to a known length, then assign back along the way. */
	for (v = 0; v < n; v++) {
		igraph_integer_t top = 0, x = v;
		long len;

		while (ch->longest[x] == -2) {
			stack[top++] = x;
			x = ch->lnext[x];
		}
		len = ch->longest[x];
		while (top > 0) {
			len = len < 0 ? -1 : len + 1;
			ch->longest[stack[--top]] = len;
		}
	}
out:
	free(queue);
	free(stack);
	igraph_adjlist_destroy(&in);
	return err;
}

/* Indexes the model's links by the organisation they leave; 0 or -1 (no memory). */
static int index_links(struct acg_chains *ch, const struct acg_model *m)
{
	size_t i, j, *fill = calloc(m->norgs + 1, sizeof(*fill));

	ch->link_start = calloc(m->norgs + 2, sizeof(*ch->link_start));
	ch->links = malloc((m->nlinks + 1) * sizeof(*ch->links));
	if (!fill || !ch->link_start || !ch->links) {
		free(fill);
		return -1;
	}
	for (j = 0; j < m->nlinks; j++)
		ch->link_start[m->links[j].from + 1]++;
	for (i = 0; i < m->norgs; i++)
		ch->link_start[i + 1] += ch->link_start[i];
	for (j = 0; j < m->nlinks; j++) {
		size_t f = m->links[j].from;

		ch->links[ch->link_start[f] + fill[f]++] = j;
	}
	free(fill);
	return 0;
}

enum acg_status acg_chains_compute(struct acg_graph *graph, struct acg_chains **out,
				   struct acg_diags *diags)
{
	const struct acg_weighted *col = acg_graph_collapsed(graph);
	struct acg_chains *ch;
	igraph_error_t err = IGRAPH_SUCCESS;
	size_t n;

	*out = NULL;
	if (!col || !(ch = calloc(1, sizeof(*ch))))
		return ACG_ENOMEM;
	n = acg_graph_model(graph)->norgs;
	ch->graph = graph;
	ch->n = n;
	ch->shortest = malloc((n + 1) * sizeof(*ch->shortest));
	ch->up = malloc((n + 1) * sizeof(*ch->up));
	ch->comp = malloc((n + 1) * sizeof(*ch->comp));
	ch->longest = malloc((n + 1) * sizeof(*ch->longest));
	ch->lnext = malloc((n + 1) * sizeof(*ch->lnext));
	if (!ch->shortest || !ch->up || !ch->comp || !ch->longest || !ch->lnext) {
		err = IGRAPH_ENOMEM;
		goto out;
	}
	if (index_links(ch, acg_graph_model(graph))) {
		err = IGRAPH_ENOMEM;
		goto out;
	}
	if ((err = compute_shortest(ch, &col->g)) || (err = compute_steps(ch, &col->g)))
		goto out;
	if ((err = igraph_adjlist_init(&col->g, &ch->out, IGRAPH_OUT, IGRAPH_NO_LOOPS,
				       IGRAPH_NO_MULTIPLE)))
		goto out;
	ch->have_out = true;
	err = compute_longest(ch, &col->g);
out:
	if (err) {
		acg_chains_free(ch);
		if (err != IGRAPH_ENOMEM)
			acg_diags_add(diags, ACG_ERROR, ACG_ELIB, NULL, 0, 0, NULL, "igraph failed: %s",
				      igraph_strerror(err));
		return acg_status_from_igraph(err);
	}
	*out = ch;
	return ACG_OK;
}

long acg_chains_shortest_length(const struct acg_chains *ch, size_t org)
{
	return ch->shortest[org];
}

long acg_chains_longest_length(const struct acg_chains *ch, size_t org)
{
	return ch->longest[org];
}

/* The chain from org following next[] until an organisation whose next is -1. */
static enum acg_status follow(const igraph_integer_t *next, size_t org, struct acg_path *out)
{
	size_t cap = 0;
	igraph_integer_t x;

	for (x = (igraph_integer_t)org; x >= 0; x = next[x])
		if (path_push(out, &cap, (size_t)x)) {
			acg_path_release(out);
			return ACG_ENOMEM;
		}
	return ACG_OK;
}

enum acg_status acg_chains_shortest(const struct acg_chains *ch, size_t org, struct acg_path *out)
{
	out->orgs = NULL;
	out->n = 0;
	return ch->shortest[org] < 0 ? ACG_OK : follow(ch->up, org, out);
}

enum acg_status acg_chains_longest(const struct acg_chains *ch, size_t org, struct acg_path *out)
{
	out->orgs = NULL;
	out->n = 0;
	return ch->longest[org] < 0 ? ACG_OK : follow(ch->lnext, org, out);
}

static int path_cmp(const void *a, const void *b)
{
	const struct acg_path *p = a, *q = b;
	size_t i;

	for (i = 0; i < p->n && i < q->n; i++)
		if (p->orgs[i] != q->orgs[i])
			return p->orgs[i] < q->orgs[i] ? -1 : 1;
	return p->n < q->n ? -1 : p->n > q->n;
}

enum acg_status acg_paths_all_shortest(struct acg_graph *graph, size_t from, size_t to,
				       struct acg_path **paths, size_t *npaths,
				       struct acg_diags *diags)
{
	const struct acg_weighted *col = acg_graph_collapsed(graph);
	igraph_vector_int_list_t vertices;
	igraph_error_t err;
	struct acg_path *v = NULL;
	igraph_integer_t k, i, np;

	*paths = NULL;
	*npaths = 0;
	if (!col)
		return ACG_ENOMEM;
	if ((err = igraph_vector_int_list_init(&vertices, 0)))
		return acg_status_from_igraph(err);
	err = igraph_get_all_shortest_paths(&col->g, &vertices, NULL, NULL,
					    (igraph_integer_t)from, igraph_vss_1((igraph_integer_t)to),
					    IGRAPH_OUT);
	if (err) {
		igraph_vector_int_list_destroy(&vertices);
		if (err != IGRAPH_ENOMEM)
			acg_diags_add(diags, ACG_ERROR, ACG_ELIB, NULL, 0, 0, NULL, "igraph failed: %s",
				      igraph_strerror(err));
		return acg_status_from_igraph(err);
	}
	np = igraph_vector_int_list_size(&vertices);
	if (np && !(v = calloc((size_t)np, sizeof(*v)))) {
		igraph_vector_int_list_destroy(&vertices);
		return ACG_ENOMEM;
	}
	for (k = 0; k < np; k++) {
		igraph_vector_int_t *p = igraph_vector_int_list_get_ptr(&vertices, k);

		v[k].n = (size_t)igraph_vector_int_size(p);
		if (!(v[k].orgs = malloc((v[k].n + 1) * sizeof(size_t)))) {
			for (i = 0; i < k; i++)
				acg_path_release(&v[i]);
			free(v);
			igraph_vector_int_list_destroy(&vertices);
			return ACG_ENOMEM;
		}
		for (i = 0; i < (igraph_integer_t)v[k].n; i++)
			v[k].orgs[i] = (size_t)VECTOR(*p)[i];
	}
	igraph_vector_int_list_destroy(&vertices);
	if (np > 1)
		qsort(v, (size_t)np, sizeof(*v), path_cmp);
	*paths = v;
	*npaths = (size_t)np;
	return ACG_OK;
}

/* ---- writers ----------------------------------------------------------------- */

/* Text with control characters escaped (text and md are read on terminals). */
static void put_text(FILE *f, const char *s, bool md)
{
	const unsigned char *p = (const unsigned char *)s;

	for (; *p; p++) {
		if (*p < 0x20 || *p == 0x7f)
			fprintf(f, "\\x%02x", *p);
		else if (md && strchr("\\`*_[]<>|#&", *p))
			fprintf(f, *p == '<' ? "&lt;" : *p == '>' ? "&gt;" : *p == '&' ? "&amp;" : "\\%c",
				*p);
		else
			fputc(*p, f);
	}
}

/*
 * The links out of organisation a: from the chains' index when there is one,
 * else the whole list of links (the caller skips those not from a).
 */
struct link_range {
	const size_t *v; /* NULL: every link, 0 .. end */
	size_t begin, end;
};

static struct link_range links_from(const struct acg_chains *ch, const struct acg_model *m,
				    size_t a)
{
	struct link_range r = {NULL, 0, m->nlinks};

	if (ch) {
		r.v = ch->links;
		r.begin = ch->link_start[a];
		r.end = ch->link_start[a + 1];
	}
	return r;
}

#define RANGE_LINK(r, k) ((r).v ? (r).v[k] : (k))

/* "statutory: the mandate; financial" for the links from a to b. */
static void put_hop_links(FILE *f, const struct acg_chains *ch, const struct acg_model *m,
			  size_t a, size_t b, bool md)
{
	struct link_range r = links_from(ch, m, a);
	size_t q, k = 0;

	for (q = r.begin; q < r.end; q++) {
		const struct acg_link *l = &m->links[RANGE_LINK(r, q)];

		if (l->from != a || l->to != b)
			continue;
		fputs(k++ ? "; " : "", f);
		put_text(f, m->link_types.v[l->type].name, md);
		if (l->mechanism) {
			fputs(": ", f);
			put_text(f, l->mechanism, md);
		}
	}
}

static void write_path_text(FILE *f, const struct acg_chains *ch, const struct acg_model *m,
			    const struct acg_path *p, const char *indent, bool md)
{
	size_t i;

	fputs(indent, f);
	put_text(f, m->orgs[p->orgs[0]].name, md);
	fputc('\n', f);
	for (i = 1; i < p->n; i++) {
		fprintf(f, "%s  -> ", indent);
		put_text(f, m->orgs[p->orgs[i]].name, md);
		fputs(" [", f);
		put_hop_links(f, ch, m, p->orgs[i - 1], p->orgs[i], md);
		fputs("]\n", f);
	}
}

static json_t *path_json(const struct acg_chains *ch, const struct acg_model *m,
			 const struct acg_path *p)
{
	json_t *hops = json_array(), *hop, *links, *l;
	size_t i, q;

	if (!hops)
		return NULL;
	for (i = 1; i < p->n; i++) {
		size_t a = p->orgs[i - 1], b = p->orgs[i];

		hop = json_pack("{s:s, s:s}", "from", m->orgs[a].id, "to", m->orgs[b].id);
		links = json_array();
		if (!hop || !links || json_object_set_new(hop, "links", links) ||
		    json_array_append_new(hops, hop)) {
			json_decref(hop);
			json_decref(hops);
			return NULL;
		}
		struct link_range r = links_from(ch, m, a);

		for (q = r.begin; q < r.end; q++) {
			const struct acg_link *k = &m->links[RANGE_LINK(r, q)];

			if (k->from != a || k->to != b)
				continue;
			l = json_pack("{s:s, s:s?}", "type", m->link_types.v[k->type].name, "mechanism",
				      k->mechanism);
			if (!l || json_array_append_new(links, l)) {
				json_decref(hops);
				return NULL;
			}
		}
	}
	return hops;
}

static json_t *chain_json(const struct acg_chains *ch, const struct acg_model *m,
			  const struct acg_path *p)
{
	json_t *hops;

	if (!p->n)
		return json_null();
	if (!(hops = path_json(ch, m, p)))
		return NULL;
	return json_pack("{s:I, s:o}", "links", (json_int_t)(p->n - 1), "hops", hops);
}

static enum acg_status dump_json(json_t *v, FILE *f)
{
	int rc;

	if (!v)
		return ACG_ENOMEM;
	rc = json_dumpf(v, f, JSON_INDENT(2));
	json_decref(v);
	if (rc)
		return ferror(f) ? ACG_EIO : ACG_ENOMEM;
	fputc('\n', f);
	return ferror(f) ? ACG_EIO : ACG_OK;
}

enum acg_status acg_chains_write(const struct acg_chains *ch, const size_t *orgs, size_t norgs,
				 enum acg_format format, FILE *f)
{
	const struct acg_model *m = acg_graph_model(ch->graph);
	struct acg_path s = {NULL, 0}, l = {NULL, 0};
	json_t *all = NULL, *item;
	enum acg_status st = ACG_OK;
	bool md = format == ACG_FORMAT_MD;
	size_t k;

	if (format != ACG_FORMAT_TEXT && format != ACG_FORMAT_MD && format != ACG_FORMAT_JSON)
		return ACG_EUSAGE;
	if (!orgs)
		norgs = m->norgs;
	if (format == ACG_FORMAT_JSON && !(all = json_array()))
		return ACG_ENOMEM;
	for (k = 0; k < norgs && st == ACG_OK; k++) {
		size_t i = orgs ? orgs[k] : k;

		if ((st = acg_chains_shortest(ch, i, &s)) || (st = acg_chains_longest(ch, i, &l)))
			break;
		if (format == ACG_FORMAT_JSON) {
			item = json_pack("{s:s, s:s, s:o, s:o}", "id", m->orgs[i].id, "name",
					 m->orgs[i].name, "shortest", chain_json(ch, m, &s), "longest",
					 chain_json(ch, m, &l));
			if (!item || json_array_append_new(all, item))
				st = ACG_ENOMEM;
		} else {
			fputs(md ? "## " : "", f);
			put_text(f, m->orgs[i].name, md);
			fputs(" (", f);
			put_text(f, m->orgs[i].id, md);
			fputs(md ? ")\n\n" : ")\n", f);
			if (!s.n) {
				fputs(md ? "Reaches no apex.\n\n" : "  reaches no apex\n\n", f);
			} else {
				fprintf(f, md ? "Shortest chain, %zu %s:\n\n```\n" : "  shortest chain, %zu %s:\n",
					s.n - 1, s.n == 2 ? "link" : "links");
				write_path_text(f, ch, m, &s, md ? "" : "    ", false);
				fprintf(f, md ? "```\n\nLongest chain, %zu %s:\n\n```\n" : "  longest chain, %zu %s:\n",
					l.n - 1, l.n == 2 ? "link" : "links");
				write_path_text(f, ch, m, &l, md ? "" : "    ", false);
				fputs(md ? "```\n\n" : "\n", f);
			}
		}
		acg_path_release(&s);
		acg_path_release(&l);
	}
	acg_path_release(&s);
	acg_path_release(&l);
	if (format == ACG_FORMAT_JSON) {
		if (st != ACG_OK) {
			json_decref(all);
			return st;
		}
		return dump_json(all, f);
	}
	return st == ACG_OK && ferror(f) ? ACG_EIO : st;
}

enum acg_status acg_paths_write(const struct acg_model *m, size_t from, size_t to,
				const struct acg_path *paths, size_t npaths, enum acg_format format,
				FILE *f)
{
	json_t *arr, *hops;
	bool md = format == ACG_FORMAT_MD;
	size_t k;

	if (format == ACG_FORMAT_JSON) {
		if (!(arr = json_array()))
			return ACG_ENOMEM;
		for (k = 0; k < npaths; k++)
			if (!(hops = path_json(NULL, m, &paths[k])) || json_array_append_new(arr, hops)) {
				json_decref(arr);
				return ACG_ENOMEM;
			}
		return dump_json(json_pack("{s:s, s:s, s:o, s:o}", "from", m->orgs[from].id, "to",
					   m->orgs[to].id, "links",
					   npaths ? json_integer((json_int_t)(paths[0].n - 1))
						  : json_null(),
					   "paths", arr),
				 f);
	}
	if (format != ACG_FORMAT_TEXT && !md)
		return ACG_EUSAGE;
	if (!npaths) {
		fputs("No accountability path leads from ", f);
		put_text(f, m->orgs[from].name, md);
		fputs(" up to ", f);
		put_text(f, m->orgs[to].name, md);
		fputs(".\n", f);
	} else {
		fprintf(f, "%zu shortest %s of %zu %s from ", npaths,
			npaths == 1 ? "path" : "paths", paths[0].n - 1,
			paths[0].n == 2 ? "link" : "links");
		put_text(f, m->orgs[from].name, md);
		fputs(" up to ", f);
		put_text(f, m->orgs[to].name, md);
		fputs(":\n", f);
		for (k = 0; k < npaths; k++) {
			fputs(md ? "\n```\n" : "\n", f);
			write_path_text(f, NULL, m, &paths[k], md ? "" : "  ", false);
			if (md)
				fputs("```\n", f);
		}
	}
	return ferror(f) ? ACG_EIO : ACG_OK;
}
