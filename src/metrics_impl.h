/*
 * metrics_impl.h - the figures of metrics.c that work on any igraph graph,
 * for the library's modules and its unit tests.  Not installed: the public
 * API never shows igraph types.
 */
#ifndef ACCGRAPH_METRICS_IMPL_H
#define ACCGRAPH_METRICS_IMPL_H

#include <igraph.h>

/*
 * Burt's constraint of every vertex of the undirected graph g, with the same
 * values as igraph_constraint(g, res, igraph_vss_all(), weights) of igraph
 * 0.10 (the same terms, added in the same order; loops, parallel edges and
 * isolated vertices treated as igraph treats them, see metrics.c), in time
 * O(|V| + sum over edges {u, v} of min(d(u), d(v)) log max(d(u), d(v))) where
 * igraph's is O(sum over vertices of d^2): a hub of 10^5 neighbours costs
 * little more than its edges.
 *
 * weights holds one weight per edge, or is NULL for weight 1 on every edge.
 * res is an initialised vector, resized to igraph_vcount(g).  Returns
 * IGRAPH_EINVAL for a directed graph or a weight vector of the wrong length,
 * IGRAPH_ENOMEM when out of memory (res is then unspecified).
 */
igraph_error_t acg_constraint(const igraph_t *g, const igraph_vector_t *weights,
			      igraph_vector_t *res);

#endif /* ACCGRAPH_METRICS_IMPL_H */
