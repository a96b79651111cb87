/*
 * graph.h - the graph of a model, for the algorithms of igraph.
 *
 * One graph is built per run from the (selected) model: vertex i is
 * organisation i and edge j is link j, directed from the organisation that
 * gives account to the one that holds it to account.  Two further views are
 * built on first use and shared by every figure that needs them: the
 * collapsed directed graph (parallel links of different types merged into
 * one arc, weights summed) and the collapsed undirected graph.
 */
#ifndef ACCGRAPH_GRAPH_H
#define ACCGRAPH_GRAPH_H

#include <stddef.h>

#include "accgraph/diag.h"
#include "accgraph/model.h"

struct acg_graph;

/*
 * Builds the graph of model into *out.  The model is borrowed: it must
 * outlive the graph and not change while the graph exists.  Returns ACG_OK,
 * ACG_ENOMEM or ACG_ELIB (with a diagnostic).
 */
enum acg_status acg_graph_build(const struct acg_model *model, struct acg_graph **out,
				struct acg_diags *diags);

/* Frees the graph and its views.  NULL-safe. */
void acg_graph_free(struct acg_graph *graph);

/* The model the graph was built from. */
const struct acg_model *acg_graph_model(const struct acg_graph *graph);

#endif /* ACCGRAPH_GRAPH_H */
