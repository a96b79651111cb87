/*
 * test_constraint.c - unit tests of Burt's constraint (acg_constraint in
 * src/metrics.c, the `constraint` column of accgraph metrics).
 *
 * The reference is igraph 0.10's own igraph_constraint(), called here on the
 * same graph and weights: acg_constraint must give its values (within 1e-12
 * relative; on x86-64 without fused multiply-add, to the last bit, as the
 * same terms are added in the same order) on graphs that exercise what
 * igraph's code does with a large hub, triangles, parallel edges, loops,
 * isolated vertices and random graphs.  A few small graphs are also checked
 * against values worked out by hand from the definition restated at the top
 * of the constraint code in src/metrics.c, and the metrics column against
 * igraph_constraint on the graph of every link (parallel links kept, weights
 * as given).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <igraph.h>

#include "accgraph/accgraph.h"
#include "accgraph/graph.h"
#include "accgraph/metrics.h"
#include "accgraph/model.h"
#include "metrics_impl.h"
#include "util.h"

/* ---- helpers ----------------------------------------------------------------- */

#if defined(__x86_64__) && !defined(__FMA__)
#define BITWISE true
#else
#define BITWISE false
#endif

/* got equals want within 1e-12 relative (absolute near 0), or both are NaN. */
static bool same(double got, double want)
{
	if (isnan(want) || isnan(got))
		return isnan(want) && isnan(got);
	return fabs(got - want) <= 1e-12 * fmax(1.0, fmax(fabs(got), fabs(want)));
}

/*
 * Asserts that acg_constraint gives igraph_constraint's value for every
 * vertex of g (weights may be NULL), to the last bit where BITWISE.
 */
static void check_against_igraph(const igraph_t *g, const igraph_vector_t *weights)
{
	igraph_vector_t want, got;
	igraph_integer_t i, n = igraph_vcount(g);

	assert_int_equal(igraph_vector_init(&want, 0), IGRAPH_SUCCESS);
	assert_int_equal(igraph_vector_init(&got, 0), IGRAPH_SUCCESS);
	assert_int_equal(igraph_constraint(g, &want, igraph_vss_all(), weights), IGRAPH_SUCCESS);
	assert_int_equal(acg_constraint(g, weights, &got), IGRAPH_SUCCESS);
	assert_int_equal(igraph_vector_size(&want), n);
	assert_int_equal(igraph_vector_size(&got), n);
	for (i = 0; i < n; i++) {
		double w = VECTOR(want)[i], v = VECTOR(got)[i];

		if (!same(v, w) || (BITWISE && !isnan(w) && v != w)) {
			print_error("vertex %" IGRAPH_PRId ": constraint %.17g, igraph %.17g\n", i, v, w);
			fail();
		}
	}
	igraph_vector_destroy(&want);
	igraph_vector_destroy(&got);
}

/* The undirected graph of n vertices and the edges {e[0], e[1]}, {e[2], e[3]} ... */
static void graph_of(igraph_t *g, igraph_integer_t n, const igraph_integer_t *e, size_t nint)
{
	igraph_vector_int_t edges;

	assert_int_equal(igraph_vector_int_init(&edges, (igraph_integer_t)nint), IGRAPH_SUCCESS);
	for (size_t k = 0; k < nint; k++)
		VECTOR(edges)[k] = e[k];
	assert_int_equal(igraph_create(g, &edges, n, IGRAPH_UNDIRECTED), IGRAPH_SUCCESS);
	igraph_vector_int_destroy(&edges);
}

/* w[k] = weight k, for the m edges of a graph. */
static void weights_of(igraph_vector_t *w, const double *weight, igraph_integer_t m)
{
	assert_int_equal(igraph_vector_init(w, m), IGRAPH_SUCCESS);
	for (igraph_integer_t k = 0; k < m; k++)
		VECTOR(*w)[k] = weight[k];
}

/* Random weights in [lo, hi) for every edge of g, from igraph's default RNG. */
static void random_weights(igraph_vector_t *w, const igraph_t *g, double lo, double hi)
{
	igraph_integer_t k, m = igraph_ecount(g);

	assert_int_equal(igraph_vector_init(w, m), IGRAPH_SUCCESS);
	for (k = 0; k < m; k++)
		VECTOR(*w)[k] = RNG_UNIF(lo, hi);
}

/* Both unweighted and with random weights. */
static void check_both_ways(const igraph_t *g)
{
	igraph_vector_t w;

	check_against_igraph(g, NULL);
	random_weights(&w, g, 0.5, 3.0);
	check_against_igraph(g, &w);
	igraph_vector_destroy(&w);
}

#define NINTS(a) (sizeof(a) / sizeof((a)[0]))

/* ---- values worked out by hand ----------------------------------------------------- */

/*
 * Triangle: s = 2, p = 1/2 both ways; c_ij = 1/2 + (1/2)(1/2) = 3/4 through
 * the third vertex; C = 2 (3/4)^2 = 9/8.  Star of k leaves: the hub has
 * c = 1/k for each leaf and no common neighbours, C = 1/k; a leaf has C = 1.
 * Path 0-1-2: the ends are leaves (1), the middle 2 (1/2)^2 = 1/2.
 */
static void test_by_hand(void **state)
{
	static const igraph_integer_t triangle[] = {0, 1, 1, 2, 2, 0};
	static const igraph_integer_t star[] = {0, 1, 0, 2, 0, 3, 0, 4};
	static const igraph_integer_t path[] = {0, 1, 1, 2};
	igraph_vector_t res;
	igraph_t g;

	(void)state;
	assert_int_equal(igraph_vector_init(&res, 0), IGRAPH_SUCCESS);
	graph_of(&g, 3, triangle, NINTS(triangle));
	assert_int_equal(acg_constraint(&g, NULL, &res), IGRAPH_SUCCESS);
	for (int i = 0; i < 3; i++)
		assert_true(same(VECTOR(res)[i], 9.0 / 8.0));
	igraph_destroy(&g);

	graph_of(&g, 5, star, NINTS(star));
	assert_int_equal(acg_constraint(&g, NULL, &res), IGRAPH_SUCCESS);
	assert_true(same(VECTOR(res)[0], 0.25));
	for (int i = 1; i < 5; i++)
		assert_true(same(VECTOR(res)[i], 1.0));
	igraph_destroy(&g);

	/*
	 * Path with weights 1 (0-1) and 3 (1-2): s_1 = 4, p_10 = 1/4, p_12 = 3/4;
	 * C_1 = 1/16 + 9/16 = 5/8; the ends have one contact each: C = 1.
	 */
	{
		static const double w3[] = {1.0, 3.0};
		igraph_vector_t w;

		graph_of(&g, 3, path, NINTS(path));
		weights_of(&w, w3, 2);
		assert_int_equal(acg_constraint(&g, &w, &res), IGRAPH_SUCCESS);
		assert_true(same(VECTOR(res)[0], 1.0));
		assert_true(same(VECTOR(res)[1], 5.0 / 8.0));
		assert_true(same(VECTOR(res)[2], 1.0));
		igraph_vector_destroy(&w);
		igraph_destroy(&g);
	}
	igraph_vector_destroy(&res);
}

/*
 * Isolated vertices are NaN; a vertex whose only edge is a loop is 0 (igraph
 * sees an edge, so not NaN, but no contact); loops add nothing elsewhere.
 */
static void test_isolates_and_loops(void **state)
{
	/* 0, 4: isolated; 5: only a loop; 1-2-3 a path, 2 with a loop too. */
	static const igraph_integer_t e[] = {5, 5, 1, 2, 2, 3, 2, 2};
	static const double w[] = {2.0, 1.0, 1.0, 7.0};
	igraph_vector_t res, wv;
	igraph_t g;

	(void)state;
	assert_int_equal(igraph_vector_init(&res, 0), IGRAPH_SUCCESS);
	graph_of(&g, 6, e, NINTS(e));
	assert_int_equal(acg_constraint(&g, NULL, &res), IGRAPH_SUCCESS);
	assert_true(isnan(VECTOR(res)[0]));
	assert_true(isnan(VECTOR(res)[4]));
	assert_true(same(VECTOR(res)[5], 0.0));
	assert_true(same(VECTOR(res)[1], 1.0));
	assert_true(same(VECTOR(res)[2], 0.5));
	check_both_ways(&g);
	weights_of(&wv, w, 4);
	check_against_igraph(&g, &wv);
	igraph_vector_destroy(&wv);
	igraph_destroy(&g);

	/* No vertex at all, and vertices without any edge. */
	assert_int_equal(igraph_empty(&g, 0, IGRAPH_UNDIRECTED), IGRAPH_SUCCESS);
	assert_int_equal(acg_constraint(&g, NULL, &res), IGRAPH_SUCCESS);
	assert_int_equal(igraph_vector_size(&res), 0);
	igraph_destroy(&g);
	assert_int_equal(igraph_empty(&g, 4, IGRAPH_UNDIRECTED), IGRAPH_SUCCESS);
	check_against_igraph(&g, NULL);
	igraph_destroy(&g);
	igraph_vector_destroy(&res);
}

/* A star with a large hub (3000 leaves) and triangles among a few leaves. */
static void test_star_with_triangles(void **state)
{
	igraph_integer_t leaves = 3000, i;
	igraph_vector_int_t edges;
	igraph_t g;

	(void)state;
	igraph_rng_seed(igraph_rng_default(), 7);
	assert_int_equal(igraph_vector_int_init(&edges, 0), IGRAPH_SUCCESS);
	for (i = 1; i <= leaves; i++) {
		assert_int_equal(igraph_vector_int_push_back(&edges, 0), IGRAPH_SUCCESS);
		assert_int_equal(igraph_vector_int_push_back(&edges, i), IGRAPH_SUCCESS);
	}
	/* Leaves 1-2, 3-4, ... 39-40 tied: triangles with the hub; 1-3 too. */
	for (i = 1; i < 40; i += 2) {
		assert_int_equal(igraph_vector_int_push_back(&edges, i), IGRAPH_SUCCESS);
		assert_int_equal(igraph_vector_int_push_back(&edges, i + 1), IGRAPH_SUCCESS);
	}
	assert_int_equal(igraph_vector_int_push_back(&edges, 1), IGRAPH_SUCCESS);
	assert_int_equal(igraph_vector_int_push_back(&edges, 3), IGRAPH_SUCCESS);
	assert_int_equal(igraph_create(&g, &edges, leaves + 1, IGRAPH_UNDIRECTED), IGRAPH_SUCCESS);
	check_both_ways(&g);
	igraph_destroy(&g);
	igraph_vector_int_destroy(&edges);
}

/*
 * Parallel edges with different weights, loops among them, listed out of
 * order: igraph counts every parallel edge as a term of its own.
 */
static void test_weighted_multi_edges(void **state)
{
	static const igraph_integer_t e[] = {
		0, 1, 1, 0, 0, 1, 1, 2, 2, 0, 2, 0, 3, 2, 3, 0, 3, 3,
		3, 1, 1, 3, 4, 3, 4, 0, 0, 4, 4, 4, 4, 4, 2, 4, 1, 4,
	};
	static const double w[] = {
		1.0, 2.5, 0.25, 3.0, 1.5, 0.5, 2.0, 4.0, 9.0,
		1.0, 1.0, 0.75, 5.0, 0.1, 8.0, 2.0, 1.25, 3.5,
	};
	igraph_vector_t wv;
	igraph_t g;

	(void)state;
	graph_of(&g, 6, e, NINTS(e));
	assert_int_equal(igraph_ecount(&g), (igraph_integer_t)NINTS(w));
	weights_of(&wv, w, igraph_ecount(&g));
	check_against_igraph(&g, &wv);
	check_against_igraph(&g, NULL);
	igraph_vector_destroy(&wv);
	igraph_destroy(&g);
}

/* Erdős-Rényi G(n, m) graphs from fixed seeds, sparse to dense. */
static void test_random_graphs(void **state)
{
	static const struct {
		igraph_integer_t n, m;
	} sizes[] = {{10, 20}, {50, 100}, {200, 600}, {300, 3000}, {60, 1500}, {1000, 2000}};
	igraph_t g;

	(void)state;
	for (size_t k = 0; k < NINTS(sizes); k++) {
		igraph_rng_seed(igraph_rng_default(), 1000 + k);
		assert_int_equal(igraph_erdos_renyi_game(&g, IGRAPH_ERDOS_RENYI_GNM, sizes[k].n,
							 (igraph_real_t)sizes[k].m, IGRAPH_UNDIRECTED,
							 IGRAPH_NO_LOOPS),
				 IGRAPH_SUCCESS);
		check_both_ways(&g);
		igraph_destroy(&g);
	}
}

/* Random multigraphs: random ends, so parallel edges and loops, from a seed. */
static void test_random_multigraphs(void **state)
{
	igraph_vector_int_t edges;
	igraph_t g;

	(void)state;
	for (int k = 0; k < 20; k++) {
		igraph_integer_t n = 5 + 3 * k, m = 4 * n, i;

		igraph_rng_seed(igraph_rng_default(), 77 + k);
		assert_int_equal(igraph_vector_int_init(&edges, 2 * m), IGRAPH_SUCCESS);
		for (i = 0; i < 2 * m; i++)
			VECTOR(edges)[i] = RNG_INTEGER(0, n - 1);
		assert_int_equal(igraph_create(&g, &edges, n, IGRAPH_UNDIRECTED), IGRAPH_SUCCESS);
		check_both_ways(&g);
		igraph_destroy(&g);
		igraph_vector_int_destroy(&edges);
	}
}

/*
 * Hub and spokes as in the NHS systems: every spoke tied to one regulator,
 * to one of a few commissioners (secondary hubs), some to a second
 * commissioner too, a few spokes tied to one another, and the commissioners
 * tied to the regulator and to a national body.
 */
static void test_hub_and_secondary_hubs(void **state)
{
	enum { SPOKES = 2500, SECONDARY = 12, REGULATOR = 0, NATIONAL = 1, FIRST_SEC = 2,
	       FIRST_SPOKE = FIRST_SEC + SECONDARY };
	igraph_integer_t n = FIRST_SPOKE + SPOKES, i;
	igraph_vector_int_t edges;
	igraph_t g;

#define EDGE(a, b)                                                                           \
	do {                                                                                  \
		assert_int_equal(igraph_vector_int_push_back(&edges, (a)), IGRAPH_SUCCESS);   \
		assert_int_equal(igraph_vector_int_push_back(&edges, (b)), IGRAPH_SUCCESS);   \
	} while (0)

	(void)state;
	igraph_rng_seed(igraph_rng_default(), 2013);
	assert_int_equal(igraph_vector_int_init(&edges, 0), IGRAPH_SUCCESS);
	EDGE(REGULATOR, NATIONAL);
	for (i = 0; i < SECONDARY; i++) {
		EDGE(FIRST_SEC + i, REGULATOR);
		EDGE(FIRST_SEC + i, NATIONAL);
	}
	for (i = 0; i < SPOKES; i++) {
		igraph_integer_t v = FIRST_SPOKE + i, c = FIRST_SEC + RNG_INTEGER(0, SECONDARY - 1);

		EDGE(v, REGULATOR);
		EDGE(v, c);
		if (RNG_INTEGER(0, 4) == 0)
			EDGE(v, FIRST_SEC + RNG_INTEGER(0, SECONDARY - 1));
		if (i > 0 && RNG_INTEGER(0, 9) == 0)
			EDGE(v, FIRST_SPOKE + RNG_INTEGER(0, i - 1));
	}
#undef EDGE
	assert_int_equal(igraph_create(&g, &edges, n, IGRAPH_UNDIRECTED), IGRAPH_SUCCESS);
	check_both_ways(&g);
	/* Merged as the metrics merge parallel links: no parallel edge left. */
	assert_int_equal(igraph_simplify(&g, true, true, NULL), IGRAPH_SUCCESS);
	check_both_ways(&g);
	igraph_destroy(&g);
	igraph_vector_int_destroy(&edges);
}

/* Errors: a directed graph, a weight vector of the wrong length. */
static void test_errors(void **state)
{
	static const igraph_integer_t e[] = {0, 1, 1, 2};
	igraph_vector_int_t edges;
	igraph_vector_t res, w;
	igraph_t g;

	(void)state;
	assert_int_equal(igraph_vector_init(&res, 0), IGRAPH_SUCCESS);
	assert_int_equal(igraph_vector_int_init(&edges, 4), IGRAPH_SUCCESS);
	for (int k = 0; k < 4; k++)
		VECTOR(edges)[k] = e[k];
	assert_int_equal(igraph_create(&g, &edges, 3, IGRAPH_DIRECTED), IGRAPH_SUCCESS);
	assert_int_equal(acg_constraint(&g, NULL, &res), IGRAPH_EINVAL);
	igraph_destroy(&g);
	assert_int_equal(igraph_create(&g, &edges, 3, IGRAPH_UNDIRECTED), IGRAPH_SUCCESS);
	assert_int_equal(igraph_vector_init(&w, 3), IGRAPH_SUCCESS);
	assert_int_equal(acg_constraint(&g, &w, &res), IGRAPH_EINVAL);
	igraph_vector_destroy(&w);
	igraph_destroy(&g);
	igraph_vector_int_destroy(&edges);
	igraph_vector_destroy(&res);
	/* The finally stack is left empty. */
	assert_int_equal(IGRAPH_FINALLY_STACK_SIZE(), 0);
}

/* ---- through the metrics ------------------------------------------------------------ */

struct link_spec {
	size_t from, to;
	double weight;
};

/*
 * The `constraint` column of acg_metrics_compute on a model with parallel
 * links both ways, weights and an isolated organisation, against
 * igraph_constraint on the undirected graph of every link with its weight.
 */
static void test_metrics_column(void **state)
{
	static const struct link_spec links[] = {
		{1, 0, 1.0}, {2, 0, 2.0}, {3, 0, 1.0}, {4, 0, 1.0}, {5, 0, 0.5},
		{1, 2, 1.0}, {2, 1, 3.0}, {1, 2, 0.25}, {3, 6, 1.0}, {4, 6, 2.0},
		{6, 0, 1.0}, {6, 0, 1.0}, {5, 6, 4.0}, {0, 6, 1.5}, {3, 4, 1.0},
	};
	size_t norgs = 8, i; /* organisation 7 has no link */
	struct acg_diags diags = ACG_DIAGS_INIT;
	struct acg_metric_options opt = {ACG_DEFAULT_SEED, false};
	bool want[ACG_METRIC_COUNT] = {false};
	struct acg_metrics *mx = NULL;
	struct acg_graph *graph = NULL;
	struct acg_model *m = acg_model_new();
	igraph_vector_int_t edges;
	igraph_vector_t w, ref;
	size_t otype, ltype;
	igraph_t g;

	(void)state;
	assert_non_null(m);
	otype = acg_type_intern(&m->org_types, "body", false);
	ltype = acg_type_intern(&m->link_types, "reports_to", true);
	for (i = 0; i < norgs; i++) {
		struct acg_org *o = acg_model_add_org(m);

		assert_non_null(o);
		o->id = acg_asprintf("o%zu", i);
		o->name = acg_strdup(o->id);
		assert_non_null(o->name);
		o->type = otype;
		assert_int_equal(acg_model_index_org(m, i, NULL), ACG_OK);
	}
	assert_int_equal(igraph_vector_int_init(&edges, 0), IGRAPH_SUCCESS);
	assert_int_equal(igraph_vector_init(&w, 0), IGRAPH_SUCCESS);
	for (i = 0; i < NINTS(links); i++) {
		struct acg_link *l = acg_model_add_link(m);

		assert_non_null(l);
		l->from = links[i].from;
		l->to = links[i].to;
		l->type = ltype;
		l->weight = links[i].weight;
		assert_int_equal(igraph_vector_int_push_back(&edges, (igraph_integer_t)l->from), 0);
		assert_int_equal(igraph_vector_int_push_back(&edges, (igraph_integer_t)l->to), 0);
		assert_int_equal(igraph_vector_push_back(&w, l->weight), 0);
	}
	assert_int_equal(igraph_create(&g, &edges, (igraph_integer_t)norgs, IGRAPH_UNDIRECTED),
			 IGRAPH_SUCCESS);
	assert_int_equal(igraph_vector_init(&ref, 0), IGRAPH_SUCCESS);
	assert_int_equal(igraph_constraint(&g, &ref, igraph_vss_all(), &w), IGRAPH_SUCCESS);

	want[ACG_METRIC_CONSTRAINT] = true;
	assert_int_equal(acg_graph_build(m, &graph, &diags), ACG_OK);
	assert_int_equal(acg_metrics_compute(graph, want, &opt, &mx, &diags), ACG_OK);
	assert_int_equal(diags.n, 0);
	assert_true(isnan(mx->v[ACG_METRIC_CONSTRAINT][7]));
	for (i = 0; i < norgs; i++) {
		if (!same(mx->v[ACG_METRIC_CONSTRAINT][i], VECTOR(ref)[i])) {
			print_error("o%zu: constraint %.17g, igraph %.17g\n", i,
				    mx->v[ACG_METRIC_CONSTRAINT][i], VECTOR(ref)[i]);
			fail();
		}
	}
	acg_metrics_free(mx);
	acg_graph_free(graph);
	acg_model_free(m);
	acg_diags_release(&diags);
	igraph_vector_destroy(&ref);
	igraph_vector_destroy(&w);
	igraph_vector_int_destroy(&edges);
	igraph_destroy(&g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_by_hand),
		cmocka_unit_test(test_isolates_and_loops),
		cmocka_unit_test(test_star_with_triangles),
		cmocka_unit_test(test_weighted_multi_edges),
		cmocka_unit_test(test_random_graphs),
		cmocka_unit_test(test_random_multigraphs),
		cmocka_unit_test(test_hub_and_secondary_hubs),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_metrics_column),
	};

	acg_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
