/* metrics.c - figures per organisation; see accgraph/metrics.h. */
#include "accgraph/metrics.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "graph_impl.h"
#include "metrics_impl.h"

static const struct {
	const char *name;
	bool integer;
	bool dflt;
} metric_info[ACG_METRIC_COUNT] = {
	{"in_degree", true, true},
	{"out_degree", true, true},
	{"principals", true, true},
	{"accountees", true, true},
	{"betweenness", false, true},
	{"harmonic", false, true},
	{"pagerank", false, true},
	{"hub", false, true},
	{"authority", false, true},
	{"coreness", true, true},
	{"constraint", false, true},
	{"apex_distance", true, true},
	{"apexes", true, true},
	{"community", true, true},
	{"effective_size", false, false},
	{"brokerage_coordinator", true, false},
	{"brokerage_itinerant", true, false},
	{"brokerage_representative", true, false},
	{"brokerage_gatekeeper", true, false},
	{"brokerage_liaison", true, false},
};

const char *acg_metric_name(enum acg_metric m)
{
	return (unsigned)m < ACG_METRIC_COUNT ? metric_info[m].name : NULL;
}

enum acg_metric acg_metric_from_name(const char *name)
{
	int m;

	for (m = 0; m < ACG_METRIC_COUNT; m++)
		if (!strcmp(metric_info[m].name, name))
			return (enum acg_metric)m;
	return ACG_METRIC_COUNT;
}

bool acg_metric_is_default(enum acg_metric m)
{
	return (unsigned)m < ACG_METRIC_COUNT && metric_info[m].dflt;
}

bool acg_metric_is_integer(enum acg_metric m)
{
	return (unsigned)m < ACG_METRIC_COUNT && metric_info[m].integer;
}

void acg_metrics_free(struct acg_metrics *mx)
{
	int m;

	if (!mx)
		return;
	for (m = 0; m < ACG_METRIC_COUNT; m++)
		free(mx->v[m]);
	free(mx);
}

/* ---- helpers ---------------------------------------------------------------- */

/* Evaluates an igraph call; on error, records it and jumps to `out`. */
#define TRY(call)                          \
	do {                               \
		err = (call);              \
		if (err != IGRAPH_SUCCESS) \
			goto out;          \
	} while (0)

static void copy_vector(double *dst, const igraph_vector_t *v)
{
	igraph_integer_t i, n = igraph_vector_size(v);

	for (i = 0; i < n; i++)
		dst[i] = VECTOR(*v)[i];
}

static void copy_vector_int(double *dst, const igraph_vector_int_t *v)
{
	igraph_integer_t i, n = igraph_vector_int_size(v);

	for (i = 0; i < n; i++)
		dst[i] = (double)VECTOR(*v)[i];
}

/* A real-valued igraph figure: fn fills res for every vertex. */
static igraph_error_t degree_into(const igraph_t *g, double *dst, igraph_neimode_t mode)
{
	igraph_vector_int_t res;
	igraph_error_t err;

	if ((err = igraph_vector_int_init(&res, 0)))
		return err;
	err = igraph_degree(g, &res, igraph_vss_all(), mode, IGRAPH_LOOPS);
	if (!err)
		copy_vector_int(dst, &res);
	igraph_vector_int_destroy(&res);
	return err;
}

/* ---- igraph's figures ------------------------------------------------------ */

static igraph_error_t betweenness_into(const igraph_t *g, double *dst, bool estimate)
{
	igraph_vector_t res;
	igraph_error_t err;

	if ((err = igraph_vector_init(&res, 0)))
		return err;
	if (estimate)
		err = igraph_betweenness_cutoff(g, &res, igraph_vss_all(), IGRAPH_DIRECTED, NULL,
						ACG_ESTIMATE_CUTOFF);
	else
		err = igraph_betweenness(g, &res, igraph_vss_all(), IGRAPH_DIRECTED, NULL);
	if (!err)
		copy_vector(dst, &res);
	igraph_vector_destroy(&res);
	return err;
}

static igraph_error_t harmonic_into(const igraph_t *g, double *dst, bool estimate)
{
	igraph_vector_t res;
	igraph_error_t err;

	if ((err = igraph_vector_init(&res, 0)))
		return err;
	if (estimate)
		err = igraph_harmonic_centrality_cutoff(g, &res, igraph_vss_all(), IGRAPH_OUT, NULL,
							 true, ACG_ESTIMATE_CUTOFF);
	else
		err = igraph_harmonic_centrality(g, &res, igraph_vss_all(), IGRAPH_OUT, NULL, true);
	if (!err)
		copy_vector(dst, &res);
	igraph_vector_destroy(&res);
	return err;
}

static igraph_error_t pagerank_into(const struct acg_weighted *multi, double *dst)
{
	igraph_vector_t res;
	igraph_real_t value;
	igraph_error_t err;

	if ((err = igraph_vector_init(&res, 0)))
		return err;
	err = igraph_pagerank(&multi->g, IGRAPH_PAGERANK_ALGO_PRPACK, &res, &value,
			      igraph_vss_all(), IGRAPH_DIRECTED, 0.85, &multi->w, NULL);
	if (!err)
		copy_vector(dst, &res);
	igraph_vector_destroy(&res);
	return err;
}

static igraph_error_t hits_into(const igraph_t *g, double *hub, double *authority,
				unsigned long seed)
{
	igraph_vector_t h, a;
	igraph_real_t value;
	igraph_error_t err;

	if ((err = igraph_vector_init(&h, 0)))
		return err;
	if ((err = igraph_vector_init(&a, 0))) {
		igraph_vector_destroy(&h);
		return err;
	}
	igraph_rng_seed(igraph_rng_default(), seed);
	err = igraph_hub_and_authority_scores(g, &h, &a, &value, true, NULL, NULL);
	if (!err) {
		igraph_integer_t i;

		/* The solver leaves rounding noise (1e-17) where the score is 0. */
		for (i = 0; i < igraph_vector_size(&h); i++) {
			if (fabs(VECTOR(h)[i]) < 1e-12)
				VECTOR(h)[i] = 0;
			if (fabs(VECTOR(a)[i]) < 1e-12)
				VECTOR(a)[i] = 0;
		}
		if (hub)
			copy_vector(hub, &h);
		if (authority)
			copy_vector(authority, &a);
	}
	igraph_vector_destroy(&h);
	igraph_vector_destroy(&a);
	return err;
}

static igraph_error_t coreness_into(const igraph_t *g, double *dst)
{
	igraph_vector_int_t res;
	igraph_error_t err;

	if ((err = igraph_vector_int_init(&res, 0)))
		return err;
	err = igraph_coreness(g, &res, IGRAPH_ALL);
	if (!err)
		copy_vector_int(dst, &res);
	igraph_vector_int_destroy(&res);
	return err;
}

/*
 * ---- Burt's constraint ----------------------------------------------------------
 *
 * What igraph 0.10's igraph_constraint() computes on an undirected graph, read
 * off its code (src/centrality/centrality_other.c), not its documentation:
 *
 *   s_i   = igraph_strength(i, IGRAPH_ALL, IGRAPH_NO_LOOPS, weights): the
 *           summed weight of i's edges, loops left out (the number of them
 *           without weights);
 *   c_ij  = sum over the edges e = {i, j} of  w_e / s_i
 *         + sum over the vertices q != i, j adjacent to both i and j, over the
 *           edges e = {i, q} and e2 = {q, j}, of  w_e * w_e2 / s_i / s_q;
 *   C_i   = sum over the distinct neighbours j != i of  c_ij^2;
 *           NaN when i has no edge at all; 0 when its only edges are loops.
 *
 * Only the direct contacts j are summed: the documentation's "j in V[], j !=
 * i" would take in two-step contacts too, but igraph adds their terms to a
 * scratch array that it never reads.  A parallel edge is a term of its own
 * (the value is that of the graph with parallel edges merged and weights
 * summed, up to rounding).
 *
 * igraph walks, for every vertex i and every neighbour q, the whole of q's
 * incidence list: sum over q of d(q)^2 steps, 10^10 for a regulator linked to
 * 10^5 GP practices.  Here, for each neighbour j of i, the common neighbours q
 * of i and j are found from the shorter of the two sorted lists: walking j's
 * list against a marker array of i's neighbours, or walking i's list with a
 * binary search in j's.  Either way the q come in increasing order, which is
 * igraph's order (its undirected incidence lists are sorted by the other end,
 * parallel edges side by side), and every term is the same expression as
 * igraph's, added to c_ij and to C_i in the same order; so the values are
 * igraph's to the last bit (tests/unit/test_constraint.c checks this on
 * x86-64) unless one of the two is compiled to fuse c * c + C into one
 * multiply-add (as GCC may do in GNU mode on FMA hardware), when they can
 * differ in the last bit.  Cost: O(|V| + |E| + sum over edges {i, j} of
 * min(d(i), d(j)) log max(d(i), d(j))); memory two arrays of 2|E| entries.
 * Which of i's neighbours are marked is undone after i, so mark stays all
 * zero between vertices.
 */

/* igraph's incident edges of every vertex, loops left out, as flat arrays. */
struct nbr_lists {
	igraph_integer_t *start; /* vertex v's entries are [start[v], start[v + 1]) */
	igraph_integer_t *nb;    /* each entry's other end, sorted within a vertex */
	double *w;               /* each entry's edge weight */
};

/* The first k of [lo, hi) with nb[k] >= x, or hi: nb[lo..hi) is sorted. */
static igraph_integer_t lower_bound(const igraph_integer_t *nb, igraph_integer_t lo,
				    igraph_integer_t hi, igraph_integer_t x)
{
	while (lo < hi) {
		igraph_integer_t mid = lo + (hi - lo) / 2;

		if (nb[mid] < x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The end of the run of entries equal to nb[k] that starts at k < hi. */
static igraph_integer_t run_end(const igraph_integer_t *nb, igraph_integer_t k,
				igraph_integer_t hi)
{
	igraph_integer_t x = nb[k];

	while (++k < hi && nb[k] == x)
		;
	return k;
}

/*
 * c plus the terms of the two-step paths i - q - j, in igraph's order: for
 * each edge e = {i, q} (entries [r0, r1) of i's list) and then each edge
 * e2 = {q, j} in the order of q's list, w_e * w_e2 / s_i / s_q.  [l0, l1)
 * are j's entries for q: the same edges as q's entries for j, whose order is
 * looked up in q's list only when there are parallel ones.
 */
static double add_two_steps(const struct nbr_lists *l, double c, igraph_integer_t r0,
			    igraph_integer_t r1, igraph_integer_t q, igraph_integer_t j,
			    igraph_integer_t l0, igraph_integer_t l1, double si, double sq)
{
	igraph_integer_t a, b;

	if (l1 - l0 > 1) {
		l0 = lower_bound(l->nb, l->start[q], l->start[q + 1], j);
		l1 = run_end(l->nb, l0, l->start[q + 1]);
	}
	for (a = r0; a < r1; a++)
		for (b = l0; b < l1; b++)
			c += l->w[a] * l->w[b] / si / sq;
	return c;
}

igraph_error_t acg_constraint(const igraph_t *g, const igraph_vector_t *weights,
			      igraph_vector_t *res)
{
	igraph_integer_t n = igraph_vcount(g), m = igraph_ecount(g), len = 0, i, k;
	igraph_integer_t *mark;
	struct nbr_lists l;
	igraph_vector_int_t inc;
	igraph_vector_t s;

	if (igraph_is_directed(g))
		IGRAPH_ERROR("constraint: the graph must be undirected", IGRAPH_EINVAL);
	if (weights && igraph_vector_size(weights) != m)
		IGRAPH_ERROR("constraint: one weight per edge is needed", IGRAPH_EINVAL);
	IGRAPH_CHECK(igraph_vector_resize(res, n));
	IGRAPH_VECTOR_INIT_FINALLY(&s, 0);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&inc, 0);
	l.start = IGRAPH_CALLOC(n + 1, igraph_integer_t);
	IGRAPH_CHECK_OOM(l.start, "constraint: out of memory");
	IGRAPH_FINALLY(igraph_free, l.start);
	l.nb = IGRAPH_CALLOC(2 * m, igraph_integer_t);
	IGRAPH_CHECK_OOM(l.nb, "constraint: out of memory");
	IGRAPH_FINALLY(igraph_free, l.nb);
	l.w = IGRAPH_CALLOC(2 * m, double);
	IGRAPH_CHECK_OOM(l.w, "constraint: out of memory");
	IGRAPH_FINALLY(igraph_free, l.w);
	/* mark[q] = 1 + the first entry for q in the list of the vertex at hand */
	mark = IGRAPH_CALLOC(n, igraph_integer_t);
	IGRAPH_CHECK_OOM(mark, "constraint: out of memory");
	IGRAPH_FINALLY(igraph_free, mark);

	IGRAPH_CHECK(igraph_strength(g, &s, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS,
				     weights));
	for (i = 0; i < n; i++) {
		IGRAPH_CHECK(igraph_incident(g, &inc, i, IGRAPH_ALL));
		/* As igraph: NaN without any edge, a loop being one. */
		VECTOR(*res)[i] = igraph_vector_int_size(&inc) ? 0.0 : IGRAPH_NAN;
		for (k = 0; k < igraph_vector_int_size(&inc); k++) {
			igraph_integer_t e = VECTOR(inc)[k], j = IGRAPH_OTHER(g, e, i);

			if (j == i)
				continue;
			/* Everything below rests on igraph's lists being sorted. */
			if (len > l.start[i] && j < l.nb[len - 1])
				IGRAPH_ERROR("constraint: unsorted incidence list", IGRAPH_EINTERNAL);
			l.nb[len] = j;
			l.w[len++] = weights ? VECTOR(*weights)[e] : 1.0;
		}
		l.start[i + 1] = len;
	}

	for (i = 0; i < n; i++) {
		igraph_integer_t lo = l.start[i], hi = l.start[i + 1], k0, k1;
		double si = VECTOR(s)[i], sum = VECTOR(*res)[i];

		if (lo == hi)
			continue;
		for (k0 = lo; k0 < hi; k0 = run_end(l.nb, k0, hi))
			mark[l.nb[k0]] = k0 + 1;
		/* Each distinct neighbour j, in increasing order: sum += c_ij^2. */
		for (k0 = lo; k0 < hi; k0 = k1) {
			igraph_integer_t j = l.nb[k0], jlo = l.start[j], jhi = l.start[j + 1];
			igraph_integer_t r0, r1, l0, l1;
			double c = 0.0;

			k1 = run_end(l.nb, k0, hi);
			for (k = k0; k < k1; k++)
				c += l.w[k] / si;
			if (jhi - jlo <= hi - lo) {
				/* j's list is the shorter: look its entries up in mark. */
				for (l0 = jlo; l0 < jhi; l0 = l1) {
					igraph_integer_t q = l.nb[l0];

					l1 = run_end(l.nb, l0, jhi);
					if (!mark[q])
						continue;
					r0 = mark[q] - 1;
					r1 = run_end(l.nb, r0, hi);
					c = add_two_steps(&l, c, r0, r1, q, j, l0, l1, si, VECTOR(s)[q]);
				}
			} else {
				/* i's list is the shorter: search j's for each entry. */
				for (r0 = lo, l0 = jlo; r0 < hi; r0 = r1) {
					igraph_integer_t q = l.nb[r0];

					r1 = run_end(l.nb, r0, hi);
					l0 = lower_bound(l.nb, l0, jhi, q);
					if (l0 == jhi)
						break;
					if (l.nb[l0] != q)
						continue;
					l1 = run_end(l.nb, l0, jhi);
					c = add_two_steps(&l, c, r0, r1, q, j, l0, l1, si, VECTOR(s)[q]);
				}
			}
			sum += c * c;
		}
		for (k0 = lo; k0 < hi; k0 = run_end(l.nb, k0, hi))
			mark[l.nb[k0]] = 0;
		VECTOR(*res)[i] = sum;
	}

	IGRAPH_FREE(mark);
	IGRAPH_FREE(l.w);
	IGRAPH_FREE(l.nb);
	IGRAPH_FREE(l.start);
	igraph_vector_int_destroy(&inc);
	igraph_vector_destroy(&s);
	IGRAPH_FINALLY_CLEAN(6);
	return IGRAPH_SUCCESS;
}

static igraph_error_t constraint_into(const struct acg_weighted *u, double *dst)
{
	igraph_vector_t res;
	igraph_error_t err;

	if ((err = igraph_vector_init(&res, 0)))
		return err;
	err = acg_constraint(&u->g, &u->w, &res);
	if (!err)
		copy_vector(dst, &res);
	igraph_vector_destroy(&res);
	return err;
}

/*
 * Leiden communities optimising modularity: node weights are degrees and the
 * resolution 1/(2m), as igraph's documentation prescribes for modularity; the
 * best of `runs` runs (see ACG_LEIDEN_RUNS).  Communities are renumbered from
 * 1 in order of their first member, so the labels do not depend on igraph's
 * internal numbering.
 */
static igraph_error_t community_into(const igraph_t *g, double *dst, unsigned long seed,
				     int runs)
{
	igraph_integer_t n = igraph_vcount(g), m = igraph_ecount(g), i, nb = 0, nb_trial, run;
	igraph_vector_int_t membership, degree, trial;
	igraph_real_t best_quality = 0;
	igraph_vector_t node_weights;
	igraph_integer_t *label = NULL;
	igraph_error_t err;
	igraph_real_t quality;

	if (m == 0) {
		for (i = 0; i < n; i++)
			dst[i] = (double)(i + 1);
		return IGRAPH_SUCCESS;
	}
	if ((err = igraph_vector_int_init(&membership, n)))
		return err;
	if ((err = igraph_vector_int_init(&degree, 0))) {
		igraph_vector_int_destroy(&membership);
		return err;
	}
	if ((err = igraph_vector_init(&node_weights, n))) {
		igraph_vector_int_destroy(&membership);
		igraph_vector_int_destroy(&degree);
		return err;
	}
	if ((err = igraph_vector_int_init(&trial, n))) {
		igraph_vector_int_destroy(&membership);
		igraph_vector_int_destroy(&degree);
		igraph_vector_destroy(&node_weights);
		return err;
	}
	TRY(igraph_degree(g, &degree, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS));
	for (i = 0; i < n; i++)
		VECTOR(node_weights)[i] = (igraph_real_t)VECTOR(degree)[i];
	/*
	 * Leiden finds a local optimum that depends on the random order of its
	 * moves: keep the best of `runs` runs, all from the one seed.
	 */
	igraph_rng_seed(igraph_rng_default(), seed);
	for (run = 0; run < runs; run++) {
		TRY(igraph_community_leiden(g, NULL, &node_weights, 1.0 / (2.0 * (double)m), 0.01,
					    false, -1, &trial, &nb_trial, &quality));
		if (run == 0 || quality > best_quality) {
			best_quality = quality;
			nb = nb_trial;
			TRY(igraph_vector_int_update(&membership, &trial));
		}
	}
	label = calloc((size_t)nb + 1, sizeof(*label));
	if (!label) {
		err = IGRAPH_ENOMEM;
		goto out;
	}
	{
		igraph_integer_t next = 0;

		for (i = 0; i < n; i++) {
			igraph_integer_t c = VECTOR(membership)[i];

			if (!label[c])
				label[c] = ++next;
			dst[i] = (double)label[c];
		}
	}
out:
	free(label);
	igraph_vector_int_destroy(&membership);
	igraph_vector_int_destroy(&trial);
	igraph_vector_int_destroy(&degree);
	igraph_vector_destroy(&node_weights);
	return err;
}

/* ---- accountability figures ------------------------------------------------ */

/*
 * apex_distance: fewest links from each organisation up to any apex: one
 * breadth-first search against the arrows from a root above every apex gives
 * every distance + 1.
 */
static igraph_error_t apex_distance_into(const igraph_t *g, double *dst)
{
	igraph_integer_t n = igraph_vcount(g), i;
	igraph_matrix_t dist;
	igraph_t h;
	igraph_error_t err;

	if ((err = acg_graph_above_apexes(g, &h)))
		return err;
	if ((err = igraph_matrix_init(&dist, 0, 0))) {
		igraph_destroy(&h);
		return err;
	}
	err = igraph_distances(&h, &dist, igraph_vss_1(n), igraph_vss_all(), IGRAPH_IN);
	for (i = 0; !err && i < n; i++) {
		igraph_real_t d = MATRIX(dist, 0, i);

		dst[i] = isfinite(d) ? d - 1 : NAN;
	}
	igraph_matrix_destroy(&dist);
	igraph_destroy(&h);
	return err;
}

void acg_apex_lists_free(struct acg_apex_lists *a)
{
	free(a->apex_vertex);
	free(a->start);
	free(a->list);
	memset(a, 0, sizeof(*a));
}

/*
 * Searches up from every apex against the arrows (in-neighbours in `in`),
 * with seen[v] == k + 1 once apex k's search has reached v, so that no
 * search clears anything.  Counts into a->start[v + 1] when `fill` is false;
 * else appends k to v's list at next[v].
 */
static void apex_searches(const igraph_adjlist_t *in, struct acg_apex_lists *a,
			  igraph_integer_t *seen, igraph_integer_t *queue, igraph_integer_t *next,
			  bool fill)
{
	igraph_integer_t k, head, tail, v, x;

	for (k = 0; k < a->napexes; k++) {
		head = tail = 0;
		queue[tail++] = a->apex_vertex[k];
		seen[a->apex_vertex[k]] = k + 1;
		while (head < tail) {
			igraph_vector_int_t *nb = igraph_adjlist_get(in, queue[head]);

			v = queue[head++];
			if (fill)
				a->list[next[v]++] = k;
			else
				a->start[v + 1]++;
			for (x = 0; x < igraph_vector_int_size(nb); x++) {
				igraph_integer_t u = VECTOR(*nb)[x];

				if (seen[u] != k + 1) {
					seen[u] = k + 1;
					queue[tail++] = u;
				}
			}
		}
	}
}

igraph_error_t acg_apex_lists(const igraph_t *g, struct acg_apex_lists *out)
{
	igraph_integer_t n = igraph_vcount(g), v, *seen = NULL, *queue = NULL, *next = NULL;
	igraph_vector_int_t outdeg;
	igraph_adjlist_t in;
	igraph_error_t err;
	bool have_in = false;

	memset(out, 0, sizeof(*out));
	if ((err = igraph_vector_int_init(&outdeg, 0)))
		return err;
	TRY(igraph_degree(g, &outdeg, igraph_vss_all(), IGRAPH_OUT, IGRAPH_LOOPS));
	TRY(igraph_adjlist_init(g, &in, IGRAPH_IN, IGRAPH_NO_LOOPS, IGRAPH_NO_MULTIPLE));
	have_in = true;
	seen = calloc((size_t)n + 1, sizeof(*seen));
	queue = malloc(((size_t)n + 1) * sizeof(*queue));
	next = malloc(((size_t)n + 1) * sizeof(*next));
	out->apex_vertex = malloc(((size_t)n + 1) * sizeof(*out->apex_vertex));
	out->start = calloc((size_t)n + 2, sizeof(*out->start));
	if (!seen || !queue || !next || !out->apex_vertex || !out->start) {
		err = IGRAPH_ENOMEM;
		goto out;
	}
	for (v = 0; v < n; v++)
		if (VECTOR(outdeg)[v] == 0)
			out->apex_vertex[out->napexes++] = v;
	apex_searches(&in, out, seen, queue, next, false);
	for (v = 0; v < n; v++) {
		out->start[v + 1] += out->start[v];
		next[v] = out->start[v];
	}
	if (!(out->list = malloc(((size_t)out->start[n] + 1) * sizeof(*out->list)))) {
		err = IGRAPH_ENOMEM;
		goto out;
	}
	memset(seen, 0, ((size_t)n + 1) * sizeof(*seen));
	apex_searches(&in, out, seen, queue, next, true);
out:
	if (err)
		acg_apex_lists_free(out);
	if (have_in)
		igraph_adjlist_destroy(&in);
	igraph_vector_int_destroy(&outdeg);
	free(seen);
	free(queue);
	free(next);
	return err;
}

/* apexes: how many apexes each organisation reaches, itself included. */
static igraph_error_t apexes_into(const igraph_t *g, double *dst)
{
	igraph_integer_t n = igraph_vcount(g), i;
	struct acg_apex_lists a;
	igraph_error_t err;

	if ((err = acg_apex_lists(g, &a)))
		return err;
	for (i = 0; i < n; i++)
		dst[i] = (double)(a.start[i + 1] - a.start[i]);
	acg_apex_lists_free(&a);
	return IGRAPH_SUCCESS;
}

/*
 * Burt's effective size on the undirected collapsed graph, unweighted:
 * n - 2t/n, where n is the number of neighbours and t the number of ties
 * among them (NetworkX's effective_size for an unweighted graph).
 */
static igraph_error_t effective_size_into(const igraph_t *g, double *dst)
{
	igraph_integer_t n = igraph_vcount(g), v, i, j;
	igraph_adjlist_t adj;
	igraph_error_t err;

	if ((err = igraph_adjlist_init(g, &adj, IGRAPH_ALL, IGRAPH_NO_LOOPS, IGRAPH_NO_MULTIPLE)))
		return err;
	for (v = 0; v < n; v++) {
		igraph_vector_int_t *nb = igraph_adjlist_get(&adj, v);
		igraph_integer_t deg = igraph_vector_int_size(nb);
		double ties = 0;

		if (deg == 0) {
			dst[v] = NAN;
			continue;
		}
		/*
		 * For each neighbour u, |N(u) & N(v)|: walk the shorter of the two
		 * sorted lists and search the longer, so that a hub with thousands
		 * of neighbours costs little per neighbour.
		 */
		for (i = 0; i < deg; i++) {
			igraph_vector_int_t *nu = igraph_adjlist_get(&adj, VECTOR(*nb)[i]);
			igraph_vector_int_t *small = nu, *large = nb;

			if (igraph_vector_int_size(nu) > deg) {
				small = nb;
				large = nu;
			}
			for (j = 0; j < igraph_vector_int_size(small); j++)
				ties += igraph_vector_int_binsearch2(large, VECTOR(*small)[j]);
		}
		/* Each tie among neighbours was counted from both of its ends: ties = 2t. */
		dst[v] = (double)deg - ties / (double)deg;
	}
	igraph_adjlist_destroy(&adj);
	return IGRAPH_SUCCESS;
}

/*
 * Gould-Fernandez brokerage on the directed collapsed graph, groups =
 * organisation type: for every two-path a -> b -> c with a != c and no arc
 * a -> c, b gets one count of the role given by the groups of a, b and c.
 */
static igraph_error_t brokerage_into(const igraph_t *g, const struct acg_model *model,
				     double *role[5])
{
	enum { COORDINATOR, ITINERANT, REPRESENTATIVE, GATEKEEPER, LIAISON };
	igraph_integer_t n = igraph_vcount(g), b, i, k;
	igraph_adjlist_t in, out;
	igraph_error_t err;

	if ((err = igraph_adjlist_init(g, &in, IGRAPH_IN, IGRAPH_NO_LOOPS, IGRAPH_NO_MULTIPLE)))
		return err;
	if ((err = igraph_adjlist_init(g, &out, IGRAPH_OUT, IGRAPH_NO_LOOPS,
				       IGRAPH_NO_MULTIPLE))) {
		igraph_adjlist_destroy(&in);
		return err;
	}
	for (b = 0; b < n; b++)
		for (k = 0; k < 5; k++)
			if (role[k])
				role[k][b] = 0;
	for (b = 0; b < n; b++) {
		igraph_vector_int_t *ins = igraph_adjlist_get(&in, b);
		igraph_vector_int_t *outs = igraph_adjlist_get(&out, b);
		size_t gb = model->orgs[b].type;

		for (i = 0; i < igraph_vector_int_size(ins); i++) {
			igraph_integer_t a = VECTOR(*ins)[i];
			igraph_vector_int_t *a_out = igraph_adjlist_get(&out, a);
			size_t ga = model->orgs[a].type;

			for (k = 0; k < igraph_vector_int_size(outs); k++) {
				igraph_integer_t c = VECTOR(*outs)[k];
				size_t gc = model->orgs[c].type;
				int r;

				/* Adjacency lists are sorted: binary search for a -> c. */
				if (a == c || igraph_vector_int_binsearch2(a_out, c))
					continue;
				if (ga == gb && gb == gc)
					r = COORDINATOR;
				else if (ga == gc)
					r = ITINERANT;
				else if (ga == gb)
					r = REPRESENTATIVE;
				else if (gb == gc)
					r = GATEKEEPER;
				else
					r = LIAISON;
				if (role[r])
					role[r][b] += 1;
			}
		}
	}
	igraph_adjlist_destroy(&in);
	igraph_adjlist_destroy(&out);
	return IGRAPH_SUCCESS;
}

/* ---- the driver ---------------------------------------------------------------- */

static bool any(const bool *want, int from, int to)
{
	int m;

	for (m = from; m <= to; m++)
		if (want[m])
			return true;
	return false;
}

enum acg_status acg_metrics_compute(struct acg_graph *graph, const bool want[ACG_METRIC_COUNT],
				    const struct acg_metric_options *opt, struct acg_metrics **out,
				    struct acg_diags *diags)
{
	const struct acg_model *model = graph->model;
	const struct acg_weighted *col = NULL, *und = NULL;
	struct acg_metrics *mx;
	igraph_error_t err = IGRAPH_SUCCESS;
	bool estimate = !opt->exact && model->norgs > ACG_EXACT_LIMIT;
	double **v;
	int m;

	*out = NULL;
	mx = calloc(1, sizeof(*mx));
	if (!mx)
		return ACG_ENOMEM;
	mx->n = model->norgs;
	v = mx->v;
	for (m = 0; m < ACG_METRIC_COUNT; m++)
		if (want[m] && !(v[m] = calloc(mx->n + 1, sizeof(double)))) {
			acg_metrics_free(mx);
			return ACG_ENOMEM;
		}
	if (any(want, ACG_METRIC_PRINCIPALS, ACG_METRIC_APEXES) ||
	    any(want, ACG_METRIC_BROKERAGE_COORDINATOR, ACG_METRIC_BROKERAGE_LIAISON)) {
		if (!(col = acg_graph_collapsed(graph))) {
			err = IGRAPH_ENOMEM;
			goto out;
		}
	}
	if (want[ACG_METRIC_CORENESS] || want[ACG_METRIC_CONSTRAINT] ||
	    want[ACG_METRIC_COMMUNITY] || want[ACG_METRIC_EFFECTIVE_SIZE]) {
		if (!(und = acg_graph_undirected(graph))) {
			err = IGRAPH_ENOMEM;
			goto out;
		}
	}
	if (want[ACG_METRIC_IN_DEGREE])
		TRY(degree_into(&graph->multi.g, v[ACG_METRIC_IN_DEGREE], IGRAPH_IN));
	if (want[ACG_METRIC_OUT_DEGREE])
		TRY(degree_into(&graph->multi.g, v[ACG_METRIC_OUT_DEGREE], IGRAPH_OUT));
	if (want[ACG_METRIC_PRINCIPALS])
		TRY(degree_into(&col->g, v[ACG_METRIC_PRINCIPALS], IGRAPH_OUT));
	if (want[ACG_METRIC_ACCOUNTEES])
		TRY(degree_into(&col->g, v[ACG_METRIC_ACCOUNTEES], IGRAPH_IN));
	if (want[ACG_METRIC_BETWEENNESS]) {
		TRY(betweenness_into(&col->g, v[ACG_METRIC_BETWEENNESS], estimate));
		mx->estimated[ACG_METRIC_BETWEENNESS] = estimate;
	}
	if (want[ACG_METRIC_HARMONIC]) {
		TRY(harmonic_into(&col->g, v[ACG_METRIC_HARMONIC], estimate));
		mx->estimated[ACG_METRIC_HARMONIC] = estimate;
	}
	if (want[ACG_METRIC_PAGERANK])
		TRY(pagerank_into(&graph->multi, v[ACG_METRIC_PAGERANK]));
	if (want[ACG_METRIC_HUB] || want[ACG_METRIC_AUTHORITY])
		TRY(hits_into(&col->g, v[ACG_METRIC_HUB], v[ACG_METRIC_AUTHORITY], opt->seed));
	if (want[ACG_METRIC_CORENESS])
		TRY(coreness_into(&und->g, v[ACG_METRIC_CORENESS]));
	if (want[ACG_METRIC_CONSTRAINT])
		TRY(constraint_into(und, v[ACG_METRIC_CONSTRAINT]));
	if (want[ACG_METRIC_APEX_DISTANCE])
		TRY(apex_distance_into(&col->g, v[ACG_METRIC_APEX_DISTANCE]));
	if (want[ACG_METRIC_APEXES])
		TRY(apexes_into(&col->g, v[ACG_METRIC_APEXES]));
	if (want[ACG_METRIC_COMMUNITY]) {
		TRY(community_into(&und->g, v[ACG_METRIC_COMMUNITY], opt->seed,
				   estimate ? 1 : ACG_LEIDEN_RUNS));
		mx->estimated[ACG_METRIC_COMMUNITY] = estimate;
	}
	if (want[ACG_METRIC_EFFECTIVE_SIZE])
		TRY(effective_size_into(&und->g, v[ACG_METRIC_EFFECTIVE_SIZE]));
	if (any(want, ACG_METRIC_BROKERAGE_COORDINATOR, ACG_METRIC_BROKERAGE_LIAISON))
		TRY(brokerage_into(&col->g, model, &v[ACG_METRIC_BROKERAGE_COORDINATOR]));
out:
	if (err != IGRAPH_SUCCESS) {
		acg_metrics_free(mx);
		if (err != IGRAPH_ENOMEM)
			acg_diags_add(diags, ACG_ERROR, ACG_ELIB, NULL, 0, 0, NULL,
				      "igraph failed: %s", igraph_strerror(err));
		return acg_status_from_igraph(err);
	}
	*out = mx;
	return ACG_OK;
}
