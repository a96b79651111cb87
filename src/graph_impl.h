/*
 * graph_impl.h - the inside of struct acg_graph, for the library's analysis
 * modules.  Not installed: the public API never shows igraph types.
 */
#ifndef ACCGRAPH_GRAPH_IMPL_H
#define ACCGRAPH_GRAPH_IMPL_H

#include <igraph.h>
#include <stdbool.h>

#include "accgraph/graph.h"

/* A graph and the weight of each of its edges. */
struct acg_weighted {
	igraph_t g;
	igraph_vector_t w;
	bool built;
};

struct acg_graph {
	const struct acg_model *model;   /* borrowed */
	struct acg_weighted multi;       /* vertex i = org i, edge j = link j */
	struct acg_weighted collapsed;   /* directed, parallel links merged */
	struct acg_weighted undirected;  /* undirected, parallel links merged */
};

/* The views, built on first use.  NULL when out of memory or igraph failed. */
const struct acg_weighted *acg_graph_collapsed(struct acg_graph *graph);
const struct acg_weighted *acg_graph_undirected(struct acg_graph *graph);

/*
 * Makes *h a copy of g with one more vertex, s = igraph_vcount(g), and an arc
 * from every apex (a vertex with no out-going arc) to s: one root above all
 * apexes, so that a single search from s against the arrows reaches every
 * organisation by its shortest upward chain.  On error *h is left
 * uninitialised (nothing to destroy).
 */
igraph_error_t acg_graph_above_apexes(const igraph_t *g, igraph_t *h);

/* The acg_status for an igraph error code. */
enum acg_status acg_status_from_igraph(igraph_error_t err);

#endif /* ACCGRAPH_GRAPH_IMPL_H */
