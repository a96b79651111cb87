/*
 * structure.c - Krackhardt's graph-theoretical dimensions; see
 * accgraph/structure.h.
 *
 * The reference is the code of R's sna package (Carter T. Butts), as it has
 * stood from 2.6 (2020) to 2.8 (2024): R/gli.R (connectedness, efficiency,
 * hierarchy, lubness), src/gli.c (connectedness_R, lubness_con_R),
 * R/connectivity.R and src/components.c (reachability, component.dist).
 *
 * Below, G is the collapsed directed graph on n vertices, arcs accountable ->
 * holder, loops dropped; r is its reachability relation, and it is
 * reflexive: sna's reachability_R lists every vertex in its own breadth-first
 * search, so r[i,i] = 1.  C_1..C_w are the weak components of G, of sizes
 * s_1..s_w; an isolate is a component of size 1.
 *
 * connectedness (gli.R connectedness, gli.c connectedness_R), on
 * symmetrize(G, rule="weak"), so direction plays no part:
 *     n <= 1:  1
 *     else:    sum_k s_k (s_k - 1) / 2  /  (n (n - 1) / 2)
 *
 * hierarchy(measure="krackhardt") (gli.R hierarchy):
 *     1 - grecip(reachability(G), measure="dyadic.nonnull") = 1 - M / (M + A)
 *   where M and A count the mutual and the asymmetric dyads {i, j}, i != j,
 *   of r (dyad.census drops loops, so the diagonal plays no part).  M + A = 0
 *   (no arcs) gives 0/0 = NaN.
 *
 * efficiency(diag=FALSE) (gli.R efficiency), s_k from
 * component.dist(G, connected="weak"):
 *     1 - (E - sum_k (s_k - 1))  /  sum_k (s_k (s_k - 1) - (s_k - 1))
 *   where E is the sum of the sociomatrix off its diagonal: for our 0/1
 *   collapsed graph, the number of arcs that are not loops.  Excess and
 *   maximum are each summed over the components before the one division (not
 *   an average of per-component scores).  No arcs: 0/0 = NaN.
 *
 * lubness (gli.R lubness, gli.c lubness_con_R):
 *     1 - sum_{k: s_k > 2} V_k  /  sum_{k: s_k > 2} (s_k - 1)(s_k - 2) / 2
 *   V_k counts the unordered pairs {i, j} of C_k for which no u of
 *     UB(i, j) = { u in C_k : r[u, i] and r[u, j] }
 *   has r[u, v] for every v in UB(i, j); an empty UB is a violation.
 *   Components of one or two vertices add to neither sum; when no component
 *   has three vertices the result is 0/0 = NaN.  NB the code asks for an upper
 *   bound that reaches all the others (the greatest), where the help page
 *   describes one that all the others reach (the least).
 *
 * `lub` is lubness of G reversed, G' (holder -> accountable).  Written with
 * the r of G (r'[u, i] = r[i, u]), UB'(i, j) = U(i, j) = { u : both i and j
 * reach u in G }, and {i, j} is bounded when some u in U(i, j) is reached in G
 * from every v in U(i, j).  U(i, j) is closed under the arcs of G, so:
 *
 *     {i, j} is bounded  <=>  exactly one sink strong component of G (an apex
 *                             group: no arc leaves it) is reached from both.
 *
 * (<=: take u in that sink; each v in U reaches some sink, which lies in U,
 * so it is that one, and v reaches u.  =>: u reaches a sink, so one exists;
 * if T is a sink in U, a vertex of T reaches u and nothing leaves T, so u is
 * in T; so T is the only one.)  That is what we count, O(s/64) a pair, where
 * s is the number of sinks, instead of sna's O(n + |U|^2); and pairs are
 * taken between classes of organisations that reach the same set of sinks
 * (see component_violations), not one by one.
 *
 * Strong components ("groups") carry the rest: two vertices are mutual in r
 * exactly when they share a group, and r itself is computed once per group on
 * the condensation of G.  Arithmetic follows sna's: whole counts, one
 * division, then 1 - x.
 */
#include "accgraph/structure.h"

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "graph_impl.h"

/* Evaluates an igraph call; on error, jumps to `out` with err set. */
#define TRY(call)                          \
	do {                               \
		err = (call);              \
		if (err != IGRAPH_SUCCESS) \
			goto out;          \
	} while (0)

/* ---- bit matrices ------------------------------------------------------------ */

/* rows x (64 * words) bits, row-major; never fewer than one word a row. */
struct bits {
	uint64_t *v;
	size_t words;
};

/* Allocates a zeroed rows x cols matrix (rows >= 1).  0, or -1 when out of memory. */
static int bits_init(struct bits *b, size_t rows, size_t cols)
{
	b->words = cols / 64 + 1;
	b->v = NULL;
	if (rows > SIZE_MAX / sizeof(uint64_t) / b->words)
		return -1;
	b->v = calloc(rows * b->words, sizeof(uint64_t));
	return b->v ? 0 : -1;
}

static uint64_t *bits_row(const struct bits *b, igraph_integer_t row)
{
	return b->v + (size_t)row * b->words;
}

static void bit_set(uint64_t *row, igraph_integer_t col)
{
	row[col / 64] |= (uint64_t)1 << (col % 64);
}

static bool bit_get(const uint64_t *row, igraph_integer_t col)
{
	return (row[col / 64] >> (col % 64)) & 1;
}

static int popcount64(uint64_t x)
{
#if defined(__GNUC__)
	return __builtin_popcountll(x);
#else
	int k;

	for (k = 0; x; k++)
		x &= x - 1;
	return k;
#endif
}

static int ctz64(uint64_t x) /* x != 0 */
{
#if defined(__GNUC__)
	return __builtin_ctzll(x);
#else
	int k = 0;

	while (!(x & 1)) {
		x >>= 1;
		k++;
	}
	return k;
#endif
}

/* ---- connectedness and efficiency: weak components only ------------------------- */

static double connectedness_of(igraph_integer_t n, const igraph_vector_int_t *wsize)
{
	igraph_integer_t k;
	double con = 0.0;

	if (n <= 1)
		return 1.0;
	for (k = 0; k < igraph_vector_int_size(wsize); k++) {
		double s = (double)VECTOR(*wsize)[k];

		con += s * (s - 1.0) / 2.0;
	}
	return con / ((double)n * ((double)n - 1.0) / 2.0);
}

static double efficiency_of(const igraph_t *g, const igraph_vector_int_t *wsize)
{
	igraph_integer_t e, k, arcs = 0, required = 0, most = 0;

	for (e = 0; e < igraph_ecount(g); e++)
		if (IGRAPH_FROM(g, e) != IGRAPH_TO(g, e))
			arcs++;
	for (k = 0; k < igraph_vector_int_size(wsize); k++) {
		igraph_integer_t s = VECTOR(*wsize)[k];

		required += s - 1;
		most += s * (s - 1) - (s - 1);
	}
	if (most == 0)
		return NAN;
	return 1.0 - (double)(arcs - required) / (double)most;
}

/* ---- reachability between groups ---------------------------------------------- */

/*
 * Fills reach (allocated here; the caller frees reach->v) with the groups each
 * group reaches, itself included, and sink[x] with whether no arc leaves
 * group x.  smemb maps vertices to their c groups.
 */
static igraph_error_t group_reach(const igraph_t *g, const igraph_vector_int_t *smemb,
				  igraph_integer_t c, struct bits *reach, bool *sink)
{
	igraph_vector_int_t arcs, order;
	igraph_adjlist_t succ;
	igraph_t cond;
	bool have_cond = false, have_succ = false;
	igraph_integer_t e, i, j;
	igraph_error_t err;
	size_t w;

	if ((err = igraph_vector_int_init(&arcs, 0)))
		return err;
	if ((err = igraph_vector_int_init(&order, 0))) {
		igraph_vector_int_destroy(&arcs);
		return err;
	}
	for (e = 0; e < igraph_ecount(g); e++) {
		igraph_integer_t x = VECTOR(*smemb)[IGRAPH_FROM(g, e)];
		igraph_integer_t y = VECTOR(*smemb)[IGRAPH_TO(g, e)];

		if (x != y) {
			TRY(igraph_vector_int_push_back(&arcs, x));
			TRY(igraph_vector_int_push_back(&arcs, y));
		}
	}
	TRY(igraph_create(&cond, &arcs, c, IGRAPH_DIRECTED));
	have_cond = true;
	TRY(igraph_topological_sorting(&cond, &order, IGRAPH_OUT));
	if (igraph_vector_int_size(&order) != c) { /* a condensation has no cycle */
		err = IGRAPH_FAILURE;
		goto out;
	}
	TRY(igraph_adjlist_init(&cond, &succ, IGRAPH_OUT, IGRAPH_NO_LOOPS, IGRAPH_NO_MULTIPLE));
	have_succ = true;
	if (bits_init(reach, (size_t)c, (size_t)c)) {
		err = IGRAPH_ENOMEM;
		goto out;
	}
	/* Arcs run forward in the order, so successors are done before. */
	for (i = c - 1; i >= 0; i--) {
		igraph_integer_t x = VECTOR(order)[i];
		igraph_vector_int_t *next = igraph_adjlist_get(&succ, x);
		uint64_t *row = bits_row(reach, x);

		bit_set(row, x);
		for (j = 0; j < igraph_vector_int_size(next); j++) {
			const uint64_t *from = bits_row(reach, VECTOR(*next)[j]);

			for (w = 0; w < reach->words; w++)
				row[w] |= from[w];
		}
		sink[x] = igraph_vector_int_size(next) == 0;
	}
out:
	if (have_succ)
		igraph_adjlist_destroy(&succ);
	if (have_cond)
		igraph_destroy(&cond);
	igraph_vector_int_destroy(&arcs);
	igraph_vector_int_destroy(&order);
	return err;
}

/* ---- hierarchy: the dyads of r --------------------------------------------------- */

static double hierarchy_of(igraph_integer_t n, const igraph_vector_int_t *ssize,
			   const struct bits *reach)
{
	igraph_integer_t c = igraph_vector_int_size(ssize), x, mutual = 0, reached = 0, asym;
	size_t w;

	for (x = 0; x < c; x++) {
		const uint64_t *row = bits_row(reach, x);
		igraph_integer_t sx = VECTOR(*ssize)[x], vertices = 0;

		mutual += sx * (sx - 1) / 2;
		for (w = 0; w < reach->words; w++) {
			uint64_t bits = row[w];

			for (; bits; bits &= bits - 1)
				vertices += VECTOR(*ssize)[(igraph_integer_t)(w * 64) + ctz64(bits)];
		}
		reached += sx * vertices;
	}
	/* reached counts ordered pairs (i, j), i reaching j, with i = j: drop those. */
	reached -= n;
	asym = reached - 2 * mutual;
	if (mutual + asym == 0)
		return NAN;
	return 1.0 - (double)mutual / (double)(mutual + asym);
}

/* ---- lub: sna's lubness of the reversed graph ---------------------------------- */

/*
 * Pairs are counted between classes of groups, a class being the groups of a
 * weak component that reach the same set of apex groups (sinks): two
 * organisations are bounded exactly when their classes' sets share one sink,
 * and most organisations of a real system fall in a handful of classes.
 *
 * A class is a record of uint64_t: [words, vertices, bits of the set...],
 * self-describing so that qsort() can sort records of any width.
 */
enum { REC_WORDS, REC_VERTICES, REC_BITS };

static int record_cmp(const void *a, const void *b)
{
	const uint64_t *p = a, *q = b;

	return memcmp(p + REC_BITS, q + REC_BITS, (size_t)p[REC_WORDS] * sizeof(*p));
}

/* Whether exactly one bit is set in both a and b, each of `words` words. */
static bool one_common(const uint64_t *a, const uint64_t *b, size_t words)
{
	int k = 0;
	size_t w;

	for (w = 0; w < words && k <= 1; w++)
		k += popcount64(a[w] & b[w]);
	return k == 1;
}

/*
 * Violations among the n_groups groups `groups` of one weak component, whose
 * sinks are `sinks[0 .. n_sinks)`; rec has room for n_groups records of
 * n_sinks bits.
 */
static igraph_integer_t component_violations(const igraph_integer_t *groups,
					     igraph_integer_t n_groups,
					     const igraph_integer_t *sinks, igraph_integer_t n_sinks,
					     const igraph_vector_int_t *ssize,
					     const struct bits *reach, uint64_t *rec)
{
	size_t words = (size_t)n_sinks / 64 + 1, stride = REC_BITS + words;
	igraph_integer_t a, b, t, classes = 0, violations = 0;

	memset(rec, 0, (size_t)n_groups * stride * sizeof(*rec));
	for (a = 0; a < n_groups; a++) {
		uint64_t *r = rec + (size_t)a * stride;
		const uint64_t *row = bits_row(reach, groups[a]);

		r[REC_WORDS] = words;
		r[REC_VERTICES] = (uint64_t)VECTOR(*ssize)[groups[a]];
		for (t = 0; t < n_sinks; t++)
			if (bit_get(row, sinks[t]))
				bit_set(r + REC_BITS, t);
	}
	qsort(rec, (size_t)n_groups, stride * sizeof(*rec), record_cmp);
	for (a = 0; a < n_groups; a++) { /* merge equal records, in place */
		uint64_t *r = rec + (size_t)a * stride;
		uint64_t *last = classes > 0 ? rec + (size_t)(classes - 1) * stride : NULL;

		if (last && record_cmp(last, r) == 0)
			last[REC_VERTICES] += r[REC_VERTICES];
		else
			memmove(rec + (size_t)classes++ * stride, r, stride * sizeof(*rec));
	}
	for (a = 0; a < classes; a++) {
		const uint64_t *ra = rec + (size_t)a * stride;
		igraph_integer_t va = (igraph_integer_t)ra[REC_VERTICES];

		if (!one_common(ra + REC_BITS, ra + REC_BITS, words))
			violations += va * (va - 1) / 2;
		for (b = a + 1; b < classes; b++) {
			const uint64_t *rb = rec + (size_t)b * stride;

			if (!one_common(ra + REC_BITS, rb + REC_BITS, words))
				violations += va * (igraph_integer_t)rb[REC_VERTICES];
		}
	}
	return violations;
}

/*
 * The lub of the graph: wmemb and wsize are the weak components of the
 * vertices, smemb and ssize the groups, reach and sink from group_reach().
 */
static igraph_error_t lub_of(const igraph_vector_int_t *wmemb, const igraph_vector_int_t *wsize,
			     const igraph_vector_int_t *smemb, const igraph_vector_int_t *ssize,
			     const struct bits *reach, const bool *sink, double *lub)
{
	igraph_integer_t n = igraph_vector_int_size(wmemb), nw = igraph_vector_int_size(wsize);
	igraph_integer_t c = igraph_vector_int_size(ssize);
	igraph_integer_t *weak = NULL;   /* weak component of each group */
	igraph_integer_t *start = NULL;  /* groups of component k: list[start[k] .. start[k+1]) */
	igraph_integer_t *list = NULL;
	igraph_integer_t *sinks = NULL;  /* sink groups of component k: sinks[sstart[k] ..) */
	igraph_integer_t *sstart = NULL;
	uint64_t *rec = NULL;
	size_t rec_size = 0;
	igraph_integer_t v, x, k, a, ns = 0, violations = 0, most = 0;
	igraph_error_t err = IGRAPH_SUCCESS;

	*lub = NAN;
	if (!(weak = malloc((size_t)c * sizeof(*weak))) ||
	    !(start = calloc((size_t)nw + 1, sizeof(*start))) ||
	    !(list = malloc((size_t)c * sizeof(*list))) ||
	    !(sinks = malloc((size_t)c * sizeof(*sinks))) ||
	    !(sstart = malloc(((size_t)nw + 1) * sizeof(*sstart)))) {
		err = IGRAPH_ENOMEM;
		goto out;
	}
	for (v = 0; v < n; v++)
		weak[VECTOR(*smemb)[v]] = VECTOR(*wmemb)[v];
	/* Counting sort of the groups by component; then the sinks in that order. */
	for (x = 0; x < c; x++)
		start[weak[x] + 1]++;
	for (k = 0; k < nw; k++)
		start[k + 1] += start[k];
	for (x = 0; x < c; x++)
		list[start[weak[x]]++] = x;
	for (k = nw; k > 0; k--)
		start[k] = start[k - 1];
	start[0] = 0;
	for (k = 0; k < nw; k++) {
		size_t size;

		sstart[k] = ns;
		for (a = start[k]; a < start[k + 1]; a++)
			if (sink[list[a]])
				sinks[ns++] = list[a];
		/* Room for the records of the largest component, n^2 bits at most. */
		size = (size_t)(ns - sstart[k]) / 64 + 1 + REC_BITS;
		if ((size_t)(start[k + 1] - start[k]) > SIZE_MAX / sizeof(*rec) / size) {
			err = IGRAPH_ENOMEM;
			goto out;
		}
		size *= (size_t)(start[k + 1] - start[k]);
		if (VECTOR(*wsize)[k] > 2 && size > rec_size)
			rec_size = size;
	}
	sstart[nw] = ns;
	if (rec_size && !(rec = malloc(rec_size * sizeof(*rec)))) {
		err = IGRAPH_ENOMEM;
		goto out;
	}
	for (k = 0; k < nw; k++) {
		igraph_integer_t s = VECTOR(*wsize)[k];

		if (s <= 2) /* sna skips these: they add neither violations nor maximum */
			continue;
		most += (s - 1) * (s - 2) / 2;
		violations += component_violations(list + start[k], start[k + 1] - start[k],
						   sinks + sstart[k], sstart[k + 1] - sstart[k],
						   ssize, reach, rec);
	}
	if (most > 0)
		*lub = 1.0 - (double)violations / (double)most;
out:
	free(weak);
	free(start);
	free(list);
	free(sinks);
	free(sstart);
	free(rec);
	return err;
}

/* ---- the driver ------------------------------------------------------------------ */

static igraph_error_t krackhardt_of(const igraph_t *g, struct acg_krackhardt *res)
{
	igraph_integer_t n = igraph_vcount(g), nw, c;
	igraph_vector_int_t wmemb, wsize, smemb, ssize;
	struct bits reach = {NULL, 0};
	bool *sink = NULL;
	bool have_w = false, have_s = false;
	igraph_error_t err = IGRAPH_SUCCESS;

	if (n == 0) { /* sna: connectedness 1 (n <= 1); the others 0/0 */
		res->connectedness = 1.0;
		return IGRAPH_SUCCESS;
	}
	TRY(igraph_vector_int_init(&wmemb, 0));
	if ((err = igraph_vector_int_init(&wsize, 0))) {
		igraph_vector_int_destroy(&wmemb);
		goto out;
	}
	have_w = true;
	TRY(igraph_vector_int_init(&smemb, 0));
	if ((err = igraph_vector_int_init(&ssize, 0))) {
		igraph_vector_int_destroy(&smemb);
		goto out;
	}
	have_s = true;
	TRY(igraph_connected_components(g, &wmemb, &wsize, &nw, IGRAPH_WEAK));
	TRY(igraph_connected_components(g, &smemb, &ssize, &c, IGRAPH_STRONG));
	res->connectedness = connectedness_of(n, &wsize);
	res->efficiency = efficiency_of(g, &wsize);
	if (!(sink = malloc((size_t)c * sizeof(*sink)))) {
		err = IGRAPH_ENOMEM;
		goto out;
	}
	TRY(group_reach(g, &smemb, c, &reach, sink));
	res->hierarchy = hierarchy_of(n, &ssize, &reach);
	TRY(lub_of(&wmemb, &wsize, &smemb, &ssize, &reach, sink, &res->lub));
out:
	free(reach.v);
	free(sink);
	if (have_w) {
		igraph_vector_int_destroy(&wmemb);
		igraph_vector_int_destroy(&wsize);
	}
	if (have_s) {
		igraph_vector_int_destroy(&smemb);
		igraph_vector_int_destroy(&ssize);
	}
	return err;
}

enum acg_status acg_krackhardt(struct acg_graph *graph, struct acg_krackhardt *out,
			       struct acg_diags *diags)
{
	const struct acg_weighted *col;
	struct acg_krackhardt res = {NAN, NAN, NAN, NAN};
	igraph_error_t err;

	*out = res;
	if (!(col = acg_graph_collapsed(graph)))
		return ACG_ENOMEM;
	err = krackhardt_of(&col->g, &res);
	if (err != IGRAPH_SUCCESS) {
		if (err != IGRAPH_ENOMEM)
			acg_diags_add(diags, ACG_ERROR, ACG_ELIB, NULL, 0, 0, NULL,
				      "igraph failed: %s", igraph_strerror(err));
		return acg_status_from_igraph(err);
	}
	*out = res;
	return ACG_OK;
}
