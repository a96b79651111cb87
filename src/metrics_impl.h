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

/*
 * The apexes each vertex of the directed graph g reaches by following its
 * edges, itself included; an apex is a vertex with no out-going edge, and
 * apex k is the k-th in vertex order (its vertex: apex_vertex[k]).  Vertex
 * v's apexes are list[start[v]] .. list[start[v + 1] - 1], in increasing
 * order.  One search per apex over what reaches it, with no work per vertex
 * that it does not reach: the time is that of the edges into the vertices
 * reached, summed over apexes (igraph_subcomponent() would add |V| per
 * apex).  Free with acg_apex_lists_free() (NULL-safe members).
 */
struct acg_apex_lists {
	igraph_integer_t napexes;
	igraph_integer_t *apex_vertex; /* napexes */
	igraph_integer_t *start;       /* |V| + 1 */
	igraph_integer_t *list;        /* start[|V|] */
};

igraph_error_t acg_apex_lists(const igraph_t *g, struct acg_apex_lists *out);
void acg_apex_lists_free(struct acg_apex_lists *a);

#endif /* ACCGRAPH_METRICS_IMPL_H */
