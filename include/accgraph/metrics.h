/*
 * metrics.h - figures per organisation (DESIGN.md, "Metrics: definitions").
 *
 * Every figure is computed by igraph where igraph has the algorithm; the
 * accountability-specific ones (apexes, brokerage, effective size) are
 * written over igraph's graphs, and so is Burt's constraint, whose igraph
 * code is quadratic in a hub's degree (see ACG_METRIC_CONSTRAINT).  Values
 * are doubles; an empty value (an organisation that reaches no apex, the
 * constraint of an isolated organisation) is NaN.
 */
#ifndef ACCGRAPH_METRICS_H
#define ACCGRAPH_METRICS_H

#include <stdbool.h>
#include <stddef.h>

#include "accgraph/diag.h"
#include "accgraph/graph.h"

/* The metrics, in column order; the first fourteen are printed by default. */
enum acg_metric {
	ACG_METRIC_IN_DEGREE,    /* links into it, every link counted */
	ACG_METRIC_OUT_DEGREE,   /* links out of it, every link counted */
	ACG_METRIC_PRINCIPALS,   /* distinct organisations it is directly accountable to */
	ACG_METRIC_ACCOUNTEES,   /* distinct organisations directly accountable to it */
	ACG_METRIC_BETWEENNESS,  /* directed, unweighted, collapsed, not normalised */
	ACG_METRIC_HARMONIC,     /* out-going harmonic centrality, collapsed, over n - 1 */
	ACG_METRIC_PAGERANK,     /* directed, damping 0.85, weights summed over parallel links */
	ACG_METRIC_HUB,          /* Kleinberg hub score, collapsed, max scaled to 1; not
				    unique when the leading eigenvalue is repeated (igraph's
				    solver then returns one of the solutions) */
	ACG_METRIC_AUTHORITY,    /* Kleinberg authority score, collapsed, max scaled to 1 */
	ACG_METRIC_CORENESS,     /* k-core number, undirected, collapsed */
	ACG_METRIC_CONSTRAINT,   /* Burt's constraint, undirected, weights summed: igraph
				    0.10's igraph_constraint values, the same terms added
				    in the same order (so equal to the last bit where
				    both are compiled without fused multiply-add), in
				    time near-linear for hubs: C_i = sum over i's
				    contacts j of (p_ij + sum over common contacts q of
				    p_iq p_qj)^2, p_xy = w_xy / (x's summed weight);
				    two-step contacts that are not contacts are not
				    summed (igraph's code, not its documentation); NaN
				    for an organisation without links */
	ACG_METRIC_APEX_DISTANCE, /* fewest links up to any apex; NaN if none is reachable */
	ACG_METRIC_APEXES,       /* apexes reached by upward chains, itself included */
	ACG_METRIC_COMMUNITY,    /* Leiden modularity community, undirected, collapsed;
				    the best of ACG_LEIDEN_RUNS runs; numbered from 1
				    in order of first member */
	ACG_METRIC_EFFECTIVE_SIZE, /* Burt's effective size, undirected, collapsed,
				      unweighted: n - 2t/n; NaN for an isolate */
	ACG_METRIC_BROKERAGE_COORDINATOR, /* Gould-Fernandez role counts, groups = */
	ACG_METRIC_BROKERAGE_ITINERANT,   /* organisation type, directed, collapsed */
	ACG_METRIC_BROKERAGE_REPRESENTATIVE,
	ACG_METRIC_BROKERAGE_GATEKEEPER,
	ACG_METRIC_BROKERAGE_LIAISON,
	ACG_METRIC_COUNT
};

/* The column name of a metric ("in_degree"), or NULL when out of range. */
const char *acg_metric_name(enum acg_metric metric);

/* The metric with that column name, or ACG_METRIC_COUNT. */
enum acg_metric acg_metric_from_name(const char *name);

/* Whether the metric is printed by default (else only when asked for). */
bool acg_metric_is_default(enum acg_metric metric);

/* Whether the metric's values are whole numbers. */
bool acg_metric_is_integer(enum acg_metric metric);

/* Systems above this many organisations get estimates of the costly figures. */
#define ACG_EXACT_LIMIT 20000

struct acg_metric_options {
	unsigned long seed; /* for Leiden and the eigenvector solvers */
	bool exact;         /* never estimate, whatever the size */
};

#define ACG_DEFAULT_SEED 42UL

/*
 * The figures computed; v[m] is NULL for a metric not asked for, else an
 * array of one value per organisation.  estimated[m] is true when v[m] holds
 * estimates, above ACG_EXACT_LIMIT organisations without `exact`: betweenness
 * and harmonic centrality then leave out shortest paths longer than
 * ACG_ESTIMATE_CUTOFF links, and community is one Leiden run's, not the best
 * of ACG_LEIDEN_RUNS (each run takes about 2 s at a million organisations).
 */
struct acg_metrics {
	size_t n;
	double *v[ACG_METRIC_COUNT];
	bool estimated[ACG_METRIC_COUNT];
};

#define ACG_ESTIMATE_CUTOFF 6
#define ACG_LEIDEN_RUNS 10

/*
 * Computes the metrics with want[m] set for every organisation of the
 * graph's model.  *out is a new struct the caller frees with
 * acg_metrics_free(), or NULL on failure (ACG_ENOMEM, or ACG_ELIB with a
 * diagnostic).  The same graph, want and options give the same values.
 */
enum acg_status acg_metrics_compute(struct acg_graph *graph, const bool want[ACG_METRIC_COUNT],
				    const struct acg_metric_options *options,
				    struct acg_metrics **out, struct acg_diags *diags);

/* Frees the metrics.  NULL-safe. */
void acg_metrics_free(struct acg_metrics *metrics);

#endif /* ACCGRAPH_METRICS_H */
