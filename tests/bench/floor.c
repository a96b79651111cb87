/*
 * tests/bench/floor.c - the benchmark's floor: what a plain C program built
 * on jansson and igraph alone does to get accgraph's figures from a system
 * file, with nothing else (no validation, no model, no output table).
 *
 *   cc -O2 -std=c11 -o floor tests/bench/floor.c \
 *      $(pkg-config --cflags --libs jansson igraph)
 *   ./floor [-t] FILE.json
 *
 * Contract:
 * - Reads FILE with json_load_file(FILE, 0, ...), maps each organisation's
 *   "id" to its index (an open-addressing FNV-1a hash table), builds the
 *   igraph directed graph with one edge per link (weights: "weight", default
 *   1) and frees the JSON tree.
 * - Computes, with the igraph calls and parameters src/metrics.c and the
 *   report's network section use: weak components; in- and out-degree of
 *   the graph with every link (loops counted); PageRank (PRPACK, directed,
 *   damping 0.85, weights summed over parallel links); on the directed graph
 *   with parallel links collapsed (igraph_simplify): betweenness (directed,
 *   unweighted), harmonic centrality (out-going, normalised) - both cut off
 *   at paths of 6 links above 20000 organisations, as accgraph estimates
 *   them there (ACG_EXACT_LIMIT, ACG_ESTIMATE_CUTOFF) - and apex distances
 *   (one search against the arrows from a vertex added above every
 *   organisation with no out-going link); on the undirected collapsed graph:
 *   coreness and transitivity (igraph_transitivity_undirected, NaN mode).
 * - Prints one line on standard output: counts and a checksum of the
 *   figures (to keep the work from being optimised away, and to compare two
 *   builds).  With -t, the time of each phase on standard error.
 * - Exit status 0; 1 if the file cannot be read or is not a system
 *   (an unknown link end, a missing id); 2 on a usage error.
 * It trusts its input otherwise: it is a floor, not a validator.
 */
#define _POSIX_C_SOURCE 200809L
#include <igraph.h>
#include <jansson.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define EXACT_LIMIT 20000 /* accgraph's ACG_EXACT_LIMIT */
#define CUTOFF 6          /* accgraph's ACG_ESTIMATE_CUTOFF */

static int timings;
static double t_last;

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void phase(const char *name)
{
	double t = now();

	if (timings)
		fprintf(stderr, "floor: %-16s %8.3f s\n", name, t - t_last);
	t_last = t;
}

static void die_igraph(const char *what, igraph_error_t err)
{
	fprintf(stderr, "floor: %s: %s\n", what, igraph_strerror(err));
	exit(1);
}

#define CHECK(what, call)                                  \
	do {                                               \
		igraph_error_t e_ = (call);                \
		if (e_ != IGRAPH_SUCCESS)                  \
			die_igraph(what, e_);              \
	} while (0)

/* ---- id -> index ------------------------------------------------------------ */

struct table {
	const char **key; /* borrowed from the JSON tree */
	igraph_integer_t *val;
	size_t mask;
};

static uint64_t fnv1a(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

static void table_init(struct table *t, size_t n)
{
	size_t cap = 16;

	while (cap < 2 * n)
		cap *= 2;
	t->key = calloc(cap, sizeof(*t->key));
	t->val = malloc(cap * sizeof(*t->val));
	if (!t->key || !t->val) {
		fprintf(stderr, "floor: out of memory\n");
		exit(1);
	}
	t->mask = cap - 1;
}

static void table_put(struct table *t, const char *key, igraph_integer_t val)
{
	size_t i = (size_t)fnv1a(key) & t->mask;

	while (t->key[i] && strcmp(t->key[i], key))
		i = (i + 1) & t->mask;
	t->key[i] = key;
	t->val[i] = val;
}

static igraph_integer_t table_get(const struct table *t, const char *key)
{
	size_t i = (size_t)fnv1a(key) & t->mask;

	for (; t->key[i]; i = (i + 1) & t->mask)
		if (!strcmp(t->key[i], key))
			return t->val[i];
	return -1;
}

/* ---- figures ------------------------------------------------------------------ */

static double sum_finite(const igraph_vector_t *v)
{
	double s = 0;
	igraph_integer_t i;

	for (i = 0; i < igraph_vector_size(v); i++)
		if (isfinite(VECTOR(*v)[i]))
			s += VECTOR(*v)[i];
	return s;
}

static double sum_int(const igraph_vector_int_t *v)
{
	double s = 0;
	igraph_integer_t i;

	for (i = 0; i < igraph_vector_int_size(v); i++)
		s += (double)VECTOR(*v)[i];
	return s;
}

int main(int argc, char **argv)
{
	const char *path;
	json_error_t jerr;
	json_t *root, *orgs, *links, *e;
	struct table ids;
	igraph_integer_t n, m, i, ncomp;
	igraph_vector_int_t edges, ivec, outdeg, extra;
	igraph_vector_t weights, vec;
	igraph_matrix_t dist;
	igraph_t multi, col, und, above;
	igraph_real_t value, trans;
	double check = 0, apex_sum = 0;
	igraph_integer_t unreached = 0;
	int estimate;
	size_t k;

	if (argc == 3 && !strcmp(argv[1], "-t")) {
		timings = 1;
		path = argv[2];
	} else if (argc == 2 && argv[1][0] != '-') {
		path = argv[1];
	} else {
		fprintf(stderr, "usage: floor [-t] FILE.json\n");
		return 2;
	}
	t_last = now();
	igraph_set_error_handler(igraph_error_handler_ignore);
	igraph_set_warning_handler(igraph_warning_handler_ignore);

	/* Parse. */
	root = json_load_file(path, 0, &jerr);
	if (!root) {
		fprintf(stderr, "floor: %s:%d:%d: %s\n", path, jerr.line, jerr.column, jerr.text);
		return 1;
	}
	phase("parse");

	/* Build: id -> index, then one edge per link. */
	orgs = json_object_get(root, "organisations");
	links = json_object_get(root, "links");
	n = (igraph_integer_t)json_array_size(orgs);
	m = (igraph_integer_t)json_array_size(links);
	table_init(&ids, (size_t)n);
	json_array_foreach(orgs, k, e) {
		const char *id = json_string_value(json_object_get(e, "id"));

		if (!id) {
			fprintf(stderr, "floor: /organisations/%zu: no id\n", k);
			return 1;
		}
		table_put(&ids, id, (igraph_integer_t)k);
	}
	CHECK("edges", igraph_vector_int_init(&edges, 2 * m));
	CHECK("weights", igraph_vector_init(&weights, m));
	json_array_foreach(links, k, e) {
		const char *from = json_string_value(json_object_get(e, "from"));
		const char *to = json_string_value(json_object_get(e, "to"));
		json_t *w = json_object_get(e, "weight");
		igraph_integer_t a = from ? table_get(&ids, from) : -1;
		igraph_integer_t b = to ? table_get(&ids, to) : -1;

		if (a < 0 || b < 0) {
			fprintf(stderr, "floor: /links/%zu: unknown organisation\n", k);
			return 1;
		}
		VECTOR(edges)[2 * k] = a;
		VECTOR(edges)[2 * k + 1] = b;
		VECTOR(weights)[k] = w ? json_number_value(w) : 1.0;
	}
	CHECK("create", igraph_create(&multi, &edges, n, IGRAPH_DIRECTED));
	igraph_vector_int_destroy(&edges);
	free(ids.key);
	free(ids.val);
	phase("build graph");
	json_decref(root);
	phase("free JSON");
	CHECK("copy", igraph_copy(&col, &multi));
	CHECK("simplify", igraph_simplify(&col, true, true, NULL));
	CHECK("copy", igraph_copy(&und, &multi));
	CHECK("undirected", igraph_to_undirected(&und, IGRAPH_TO_UNDIRECTED_COLLAPSE, NULL));
	phase("collapsed views");
	estimate = n > EXACT_LIMIT;

	CHECK("vector", igraph_vector_int_init(&ivec, 0));
	CHECK("vector", igraph_vector_init(&vec, 0));

	CHECK("components", igraph_connected_components(&col, NULL, NULL, &ncomp, IGRAPH_WEAK));
	CHECK("degree", igraph_degree(&multi, &ivec, igraph_vss_all(), IGRAPH_IN, IGRAPH_LOOPS));
	check += sum_int(&ivec);
	CHECK("degree", igraph_degree(&multi, &ivec, igraph_vss_all(), IGRAPH_OUT, IGRAPH_LOOPS));
	check += sum_int(&ivec);
	phase("degrees");

	CHECK("pagerank", igraph_pagerank(&multi, IGRAPH_PAGERANK_ALGO_PRPACK, &vec, &value,
					  igraph_vss_all(), IGRAPH_DIRECTED, 0.85, &weights, NULL));
	check += sum_finite(&vec);
	phase("pagerank");

	CHECK("coreness", igraph_coreness(&und, &ivec, IGRAPH_ALL));
	check += sum_int(&ivec);
	phase("coreness");

	if (estimate)
		CHECK("harmonic", igraph_harmonic_centrality_cutoff(&col, &vec, igraph_vss_all(),
								    IGRAPH_OUT, NULL, true, CUTOFF));
	else
		CHECK("harmonic", igraph_harmonic_centrality(&col, &vec, igraph_vss_all(),
							     IGRAPH_OUT, NULL, true));
	check += sum_finite(&vec);
	phase("harmonic");

	if (estimate)
		CHECK("betweenness", igraph_betweenness_cutoff(&col, &vec, igraph_vss_all(),
							       IGRAPH_DIRECTED, NULL, CUTOFF));
	else
		CHECK("betweenness",
		      igraph_betweenness(&col, &vec, igraph_vss_all(), IGRAPH_DIRECTED, NULL));
	check += sum_finite(&vec);
	phase("betweenness");

	/* Apex distances: a root above every apex, one search against the arrows. */
	CHECK("vector", igraph_vector_int_init(&outdeg, 0));
	CHECK("vector", igraph_vector_int_init(&extra, 0));
	CHECK("degree", igraph_degree(&col, &outdeg, igraph_vss_all(), IGRAPH_OUT, IGRAPH_LOOPS));
	for (i = 0; i < n; i++)
		if (VECTOR(outdeg)[i] == 0) {
			CHECK("apexes", igraph_vector_int_push_back(&extra, i));
			CHECK("apexes", igraph_vector_int_push_back(&extra, n));
		}
	CHECK("copy", igraph_copy(&above, &col));
	CHECK("root", igraph_add_vertices(&above, 1, NULL));
	CHECK("root", igraph_add_edges(&above, &extra, NULL));
	CHECK("matrix", igraph_matrix_init(&dist, 0, 0));
	CHECK("distances", igraph_distances(&above, &dist, igraph_vss_1(n), igraph_vss_all(),
					    IGRAPH_IN));
	for (i = 0; i < n; i++) {
		igraph_real_t d = MATRIX(dist, 0, i);

		if (isfinite(d))
			apex_sum += d - 1;
		else
			unreached++;
	}
	check += apex_sum;
	igraph_matrix_destroy(&dist);
	igraph_destroy(&above);
	igraph_vector_int_destroy(&outdeg);
	igraph_vector_int_destroy(&extra);
	phase("apex distance");

	CHECK("transitivity",
	      igraph_transitivity_undirected(&und, &trans, IGRAPH_TRANSITIVITY_NAN));
	phase("transitivity");

	printf("floor: %lld organisations, %lld links, %lld components, %lld reach no apex, "
	       "transitivity %.6g, checksum %.10g%s\n",
	       (long long)n, (long long)m, (long long)ncomp, (long long)unreached, trans, check,
	       estimate ? " (betweenness and harmonic cut off at 6 links)" : "");
	igraph_vector_destroy(&vec);
	igraph_vector_int_destroy(&ivec);
	igraph_vector_destroy(&weights);
	igraph_destroy(&multi);
	igraph_destroy(&col);
	igraph_destroy(&und);
	return 0;
}
