/* graph.c - the igraph graph of a model and its views; see accgraph/graph.h. */
#include "graph_impl.h"

#include <stdlib.h>

enum acg_status acg_status_from_igraph(igraph_error_t err)
{
	switch (err) {
	case IGRAPH_SUCCESS:
		return ACG_OK;
	case IGRAPH_ENOMEM:
		return ACG_ENOMEM;
	default:
		return ACG_ELIB;
	}
}

static void weighted_destroy(struct acg_weighted *w)
{
	if (!w->built)
		return;
	igraph_destroy(&w->g);
	igraph_vector_destroy(&w->w);
	w->built = false;
}

/*
 * Makes w the graph on n vertices with the given edges (pairs of vertex
 * indices, consumed: destroyed here in every case) and weights (copied).
 */
static igraph_error_t weighted_create(struct acg_weighted *w, igraph_integer_t n,
				      igraph_vector_int_t *edges, const double *weights,
				      igraph_integer_t m, igraph_bool_t directed)
{
	igraph_error_t err;
	igraph_integer_t j;

	err = igraph_vector_init(&w->w, m);
	if (err) {
		igraph_vector_int_destroy(edges);
		return err;
	}
	for (j = 0; j < m; j++)
		VECTOR(w->w)[j] = weights[j];
	err = igraph_create(&w->g, edges, n, directed);
	igraph_vector_int_destroy(edges);
	if (err) {
		igraph_vector_destroy(&w->w);
		return err;
	}
	w->built = true;
	return IGRAPH_SUCCESS;
}

enum acg_status acg_graph_build(const struct acg_model *model, struct acg_graph **out,
				struct acg_diags *diags)
{
	struct acg_graph *g;
	igraph_vector_int_t edges;
	double *weights = NULL;
	igraph_error_t err;
	size_t j;

	*out = NULL;
	g = calloc(1, sizeof(*g));
	if (!g)
		return ACG_ENOMEM;
	g->model = model;
	if (model->nlinks && !(weights = malloc(model->nlinks * sizeof(*weights)))) {
		free(g);
		return ACG_ENOMEM;
	}
	err = igraph_vector_int_init(&edges, 2 * (igraph_integer_t)model->nlinks);
	if (!err) {
		for (j = 0; j < model->nlinks; j++) {
			VECTOR(edges)[2 * j] = (igraph_integer_t)model->links[j].from;
			VECTOR(edges)[2 * j + 1] = (igraph_integer_t)model->links[j].to;
			weights[j] = model->links[j].weight;
		}
		err = weighted_create(&g->multi, (igraph_integer_t)model->norgs, &edges, weights,
				      (igraph_integer_t)model->nlinks, IGRAPH_DIRECTED);
	}
	free(weights);
	if (err) {
		free(g);
		if (err != IGRAPH_ENOMEM)
			acg_diags_add(diags, ACG_ERROR, ACG_ELIB, NULL, 0, 0, NULL,
				      "cannot build the graph: %s", igraph_strerror(err));
		return acg_status_from_igraph(err);
	}
	*out = g;
	return ACG_OK;
}

void acg_graph_free(struct acg_graph *g)
{
	if (!g)
		return;
	weighted_destroy(&g->multi);
	weighted_destroy(&g->collapsed);
	weighted_destroy(&g->undirected);
	free(g);
}

const struct acg_model *acg_graph_model(const struct acg_graph *g)
{
	return g->model;
}

/* ---- collapsed views ---------------------------------------------------- */

struct arc {
	igraph_integer_t a, b;
	double w;
};

static int arc_cmp(const void *x, const void *y)
{
	const struct arc *p = x, *q = y;

	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	if (p->b != q->b)
		return p->b < q->b ? -1 : 1;
	return 0;
}

/*
 * Builds view from the links of the model with parallel links merged and
 * their weights summed; undirected views merge a->b with b->a.  The edges are
 * in (smaller end, larger end) order for undirected views, (from, to) order
 * otherwise: a deterministic order that does not depend on the file's order
 * of links.
 */
static const struct acg_weighted *build_collapsed(struct acg_graph *g, struct acg_weighted *view,
						  bool directed)
{
	const struct acg_model *m = g->model;
	struct arc *arcs = NULL;
	double *weights = NULL;
	igraph_vector_int_t edges;
	igraph_integer_t k = 0;
	size_t j;

	if (view->built)
		return view;
	if (m->nlinks && (!(arcs = malloc(m->nlinks * sizeof(*arcs))) ||
			  !(weights = malloc(m->nlinks * sizeof(*weights)))))
		goto fail;
	for (j = 0; j < m->nlinks; j++) {
		igraph_integer_t a = (igraph_integer_t)m->links[j].from;
		igraph_integer_t b = (igraph_integer_t)m->links[j].to;

		if (!directed && a > b) {
			igraph_integer_t t = a;

			a = b;
			b = t;
		}
		arcs[j] = (struct arc){a, b, m->links[j].weight};
	}
	if (m->nlinks)
		qsort(arcs, m->nlinks, sizeof(*arcs), arc_cmp);
	if (igraph_vector_int_init(&edges, 0))
		goto fail;
	for (j = 0; j < m->nlinks; j++) {
		if (k > 0 && arcs[j].a == VECTOR(edges)[2 * (k - 1)] &&
		    arcs[j].b == VECTOR(edges)[2 * (k - 1) + 1]) {
			weights[k - 1] += arcs[j].w;
			continue;
		}
		if (igraph_vector_int_push_back(&edges, arcs[j].a) ||
		    igraph_vector_int_push_back(&edges, arcs[j].b)) {
			igraph_vector_int_destroy(&edges);
			goto fail;
		}
		weights[k++] = arcs[j].w;
	}
	if (weighted_create(view, (igraph_integer_t)m->norgs, &edges, weights, k, directed))
		goto fail;
	free(arcs);
	free(weights);
	return view;
fail:
	free(arcs);
	free(weights);
	return NULL;
}

const struct acg_weighted *acg_graph_collapsed(struct acg_graph *g)
{
	return build_collapsed(g, &g->collapsed, true);
}

const struct acg_weighted *acg_graph_undirected(struct acg_graph *g)
{
	return build_collapsed(g, &g->undirected, false);
}

igraph_error_t acg_graph_above_apexes(const igraph_t *g, igraph_t *h)
{
	igraph_integer_t n = igraph_vcount(g), i;
	igraph_vector_int_t outdeg, extra;

	IGRAPH_VECTOR_INT_INIT_FINALLY(&outdeg, 0);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&extra, 0);
	IGRAPH_CHECK(igraph_degree(g, &outdeg, igraph_vss_all(), IGRAPH_OUT, IGRAPH_LOOPS));
	for (i = 0; i < n; i++)
		if (VECTOR(outdeg)[i] == 0) {
			IGRAPH_CHECK(igraph_vector_int_push_back(&extra, i));
			IGRAPH_CHECK(igraph_vector_int_push_back(&extra, n));
		}
	IGRAPH_CHECK(igraph_copy(h, g));
	IGRAPH_FINALLY(igraph_destroy, h);
	IGRAPH_CHECK(igraph_add_vertices(h, 1, NULL));
	IGRAPH_CHECK(igraph_add_edges(h, &extra, NULL));
	igraph_vector_int_destroy(&outdeg);
	igraph_vector_int_destroy(&extra);
	IGRAPH_FINALLY_CLEAN(3);
	return IGRAPH_SUCCESS;
}
