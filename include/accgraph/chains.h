/*
 * chains.h - upward chains of accountability and paths between organisations.
 *
 * An upward chain follows links forwards, from the organisation that gives
 * account to the one that holds it to account, until it reaches an apex (an
 * organisation with no out-going link).  A chain is returned as the list of
 * organisation indices it visits, first the organisation it starts from,
 * last the apex.
 *
 *   shortest chain  fewest links to any apex (ties: the apex and the hops
 *                   first found by a breadth-first search in organisation
 *                   order);
 *   longest chain   the chain that passes through the most strongly
 *                   connected components on its way to an apex: in a system
 *                   without cycles, the longest simple chain; a cycle is
 *                   crossed by its shortest route.
 */
#ifndef ACCGRAPH_CHAINS_H
#define ACCGRAPH_CHAINS_H

#include <stddef.h>
#include <stdio.h>

#include "accgraph/diag.h"
#include "accgraph/graph.h"
#include "accgraph/table.h"

/* A sequence of organisation indices; `orgs` is owned (free with acg_path_release()). */
struct acg_path {
	size_t *orgs;
	size_t n; /* organisations; n - 1 links; 0: no path */
};

/* Frees the path's array and empties it.  NULL-safe. */
void acg_path_release(struct acg_path *path);

/* The chains of every organisation of a graph, computed once. */
struct acg_chains;

/*
 * Computes the chains of the graph's organisations.  The graph must outlive
 * the result.  Returns ACG_OK, ACG_ENOMEM or ACG_ELIB (with a diagnostic).
 * Time and memory are linear in the size of the graph.
 */
enum acg_status acg_chains_compute(struct acg_graph *graph, struct acg_chains **out,
				   struct acg_diags *diags);

/* Frees the chains.  NULL-safe. */
void acg_chains_free(struct acg_chains *chains);

/*
 * Length in links of the shortest and the longest upward chain of org, or -1
 * when it reaches no apex.
 */
long acg_chains_shortest_length(const struct acg_chains *chains, size_t org);
long acg_chains_longest_length(const struct acg_chains *chains, size_t org);

/*
 * Fills *out with the shortest or the longest upward chain of org (n == 0
 * when it reaches no apex).  Returns ACG_OK or ACG_ENOMEM.
 */
enum acg_status acg_chains_shortest(const struct acg_chains *chains, size_t org,
				    struct acg_path *out);
enum acg_status acg_chains_longest(const struct acg_chains *chains, size_t org,
				   struct acg_path *out);

/*
 * Every shortest path that follows links forwards from `from` to `to`, in a
 * deterministic order (by the organisation indices along the path).  *paths
 * is a new array of *npaths paths (zero when `to` cannot be reached); free
 * each with acg_path_release() and the array with free().  Returns ACG_OK,
 * ACG_ENOMEM or ACG_ELIB (with a diagnostic).
 */
enum acg_status acg_paths_all_shortest(struct acg_graph *graph, size_t from, size_t to,
				       struct acg_path **paths, size_t *npaths,
				       struct acg_diags *diags);

/*
 * Writes the shortest and the longest upward chain of each organisation in
 * orgs[0..norgs) (every organisation when orgs is NULL) to f, each hop with
 * the type and mechanism of the links it follows.  Formats: text, md, json
 * (an array of objects: id, name, and shortest/longest as {"links": n,
 * "hops": [{"from", "to", "links": [{"type", "mechanism"}]}]} or null when
 * no apex is reached).  Returns ACG_OK, ACG_EUSAGE for another format,
 * ACG_ENOMEM or ACG_EIO.
 */
enum acg_status acg_chains_write(const struct acg_chains *chains, const size_t *orgs,
				 size_t norgs, enum acg_format format, FILE *f);

/*
 * Writes paths[0..npaths) from `from` to `to` (as found by
 * acg_paths_all_shortest()) in the same forms; the JSON form is an object
 * {"from", "to", "links", "paths": [[hop, ...], ...]}.
 */
enum acg_status acg_paths_write(const struct acg_model *model, size_t from, size_t to,
				const struct acg_path *paths, size_t npaths,
				enum acg_format format, FILE *f);

#endif /* ACCGRAPH_CHAINS_H */
