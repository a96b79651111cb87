/*
 * test_structure.c - unit tests of accgraph/structure.h: Krackhardt's four
 * figures as R's sna computes them (connectedness, hierarchy(measure=
 * "krackhardt"), efficiency, lubness of the reversed graph).
 *
 * Every expected value is worked out by hand below from sna's code (R/gli.R,
 * src/gli.c of sna 2.8; the formulas are restated at the top of
 * src/structure.c).  Notation: links go from the accountable organisation to
 * its holder, "b->a" = b answers to a.  G is that graph; G' is G reversed (the
 * organisation chart), on which `lub` is sna's lubness.  For a pair {i, j},
 * UB' = the organisations that reach both i and j in G' (each reaches itself);
 * the pair is bounded when some u in UB' reaches every other member of UB' in
 * G'.  Violations are summed, and so is the maximum (k-1)(k-2)/2, over weak
 * components of k >= 3 organisations.
 *
 * Last, test_against_sna_port compares the library with a line-by-line port
 * of sna's R and C code (O(n^4), reachability by Warshall with r[i,i] = 1 as
 * sna's reachability_R gives) on a thousand small random graphs.
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

#include "accgraph/accgraph.h"
#include "accgraph/graph.h"
#include "accgraph/model.h"
#include "accgraph/structure.h"
#include "util.h"

/* ---- helpers ----------------------------------------------------------------- */

/* A link: `from` answers to `to` (organisation indices). */
struct arc {
	size_t from, to;
};

/* A model of norgs organisations "o0".. and the given links. */
static struct acg_model *model_of(size_t norgs, const struct arc *arcs, size_t narcs)
{
	struct acg_model *m = acg_model_new();
	size_t i, otype, ltype;

	assert_non_null(m);
	otype = acg_type_intern(&m->org_types, "body", false);
	ltype = acg_type_intern(&m->link_types, "reports_to", true);
	assert_int_not_equal(otype, ACG_NONE);
	assert_int_not_equal(ltype, ACG_NONE);
	for (i = 0; i < norgs; i++) {
		struct acg_org *o = acg_model_add_org(m);

		assert_non_null(o);
		o->id = acg_asprintf("o%zu", i);
		o->name = acg_strdup(o->id);
		assert_non_null(o->name);
		o->type = otype;
		assert_int_equal(acg_model_index_org(m, i, NULL), ACG_OK);
	}
	for (i = 0; i < narcs; i++) {
		struct acg_link *l = acg_model_add_link(m);

		assert_non_null(l);
		l->from = arcs[i].from;
		l->to = arcs[i].to;
		l->type = ltype;
	}
	return m;
}

/* The figures of a model; every call must succeed without diagnostics. */
static struct acg_krackhardt figures_of_model(const struct acg_model *m)
{
	struct acg_diags diags = ACG_DIAGS_INIT;
	struct acg_graph *g = NULL;
	struct acg_krackhardt k;

	assert_int_equal(acg_graph_build(m, &g, &diags), ACG_OK);
	assert_int_equal(acg_krackhardt(g, &k, &diags), ACG_OK);
	assert_int_equal(diags.n, 0);
	acg_graph_free(g);
	acg_diags_release(&diags);
	return k;
}

static struct acg_krackhardt figures(size_t norgs, const struct arc *arcs, size_t narcs)
{
	struct acg_model *m = model_of(norgs, arcs, narcs);
	struct acg_krackhardt k = figures_of_model(m);

	acg_model_free(m);
	return k;
}

#define NARCS(a) (sizeof(a) / sizeof((a)[0]))

/* got equals want within tol, or both are NaN. */
static bool same(double got, double want, double tol)
{
	if (isnan(want) || isnan(got))
		return isnan(want) && isnan(got);
	return fabs(got - want) <= tol;
}

static void check_figure(const char *what, double got, double want, const char *file, int line)
{
	if (same(got, want, 1e-12))
		return;
	print_error("%s is %.17g, expected %.17g\n", what, got, want);
	_fail(file, line);
}

#define assert_figure(got, want) check_figure(#got, (got), (want), __FILE__, __LINE__)

/* Asserts all four figures of k. */
#define assert_figures(k, want_con, want_hier, want_eff, want_lub) \
	do {                                                       \
		assert_figure((k).connectedness, want_con);         \
		assert_figure((k).hierarchy, want_hier);            \
		assert_figure((k).efficiency, want_eff);            \
		assert_figure((k).lub, want_lub);                   \
	} while (0)

/* ---- pure hierarchies: all four are 1 --------------------------------------------- */

/*
 * An out-tree once reversed: a is the apex, b and c answer to a, d and e to b.
 * G: b->a, c->a, d->b, e->b; n = 5, one weak component.
 *   connectedness = (5*4/2) / (5*4/2) = 1
 *   efficiency:  E = 4, required 5 - 1 = 4, maximum 5*4 - 4 = 16: 1 - 0/16 = 1
 *   hierarchy:   r of G: b->a, c->a, d->{b,a}, e->{b,a}: 6 asymmetric dyads,
 *                0 mutual: 1 - 0/6 = 1
 *   lub:         G' = a->b, a->c, b->d, b->e.  a reaches everyone, so a is in
 *                every UB' and reaches all of it: 0 violations of (4*3)/2 = 6:
 *                1 - 0/6 = 1
 * (Unreversed, sna's lubness of G is 1/6: five violations, {a,b}, {b,c},
 * {c,d}, {c,e}, {d,e}, out of 6; test_sna_port_hand_values checks the port.)
 */
static void test_out_tree(void **state)
{
	static const struct arc arcs[] = {{1, 0}, {2, 0}, {3, 1}, {4, 1}};

	(void)state;
	assert_figures(figures(5, arcs, NARCS(arcs)), 1.0, 1.0, 1.0, 1.0);
}

/*
 * A chain a->b->c->d (a answers to b, ...).  n = 4, E = 3.
 *   connectedness 1; efficiency 1 - (3 - 3)/(4*3 - 3) = 1
 *   hierarchy: r: a->{b,c,d}, b->{c,d}, c->d: 6 asymmetric, 0 mutual: 1
 *   lub: G' = d->c->b->a; d is in every UB' and reaches all: 0 of 3*2/2: 1
 */
static void test_chain(void **state)
{
	static const struct arc arcs[] = {{0, 1}, {1, 2}, {2, 3}};

	(void)state;
	assert_figures(figures(4, arcs, NARCS(arcs)), 1.0, 1.0, 1.0, 1.0);
}

/*
 * A star whose hub h holds four organisations to account: l1..l4 -> h.
 * n = 5, E = 4: connectedness 1, efficiency 1 - 0/16 = 1, hierarchy 4
 * asymmetric of 4 = 1, lub: G' = h->l*, h bounds every pair: 1.
 */
static void test_star_of_accountees(void **state)
{
	static const struct arc arcs[] = {{1, 0}, {2, 0}, {3, 0}, {4, 0}};

	(void)state;
	assert_figures(figures(5, arcs, NARCS(arcs)), 1.0, 1.0, 1.0, 1.0);
}

/* ---- departures from a hierarchy ------------------------------------------------- */

/*
 * A star whose hub h answers to four principals: h -> p1..p4 (h = 0).
 *   connectedness 1; efficiency 1 - (4 - 4)/16 = 1; hierarchy 1 (4 asymmetric)
 *   lub: G' = p_i -> h.  {p_i, p_j}: no one reaches both, UB' empty: a
 *        violation, C(4,2) = 6 of them; {p_i, h}: UB' = {p_i}, bounded.
 *        1 - 6/(4*3/2) = 0
 */
static void test_star_of_principals(void **state)
{
	static const struct arc arcs[] = {{0, 1}, {0, 2}, {0, 3}, {0, 4}};

	(void)state;
	assert_figures(figures(5, arcs, NARCS(arcs)), 1.0, 1.0, 1.0, 0.0);
}

/*
 * The smallest "two bosses": c answers to a and b, which answer to no one.
 * G: c->a, c->b (a = 0, b = 1, c = 2); n = 3, E = 2.
 *   connectedness 1; efficiency 1 - (2 - 2)/(3*2 - 2) = 1; hierarchy 1
 *   lub: G' = a->c, b->c.  {a,b}: UB' empty, violation; {a,c}: UB' = {a};
 *        {b,c}: UB' = {b}.  1 - 1/(2*1/2) = 0
 */
static void test_two_bosses_minimal(void **state)
{
	static const struct arc arcs[] = {{2, 0}, {2, 1}};

	(void)state;
	assert_figures(figures(3, arcs, NARCS(arcs)), 1.0, 1.0, 1.0, 0.0);
}

/*
 * Two bosses in a larger system: b answers to the apex a; d answers to b and
 * to c, an apex unrelated to a.  G: b->a, d->b, d->c (a..d = 0..3); n = 4.
 *   connectedness 1; efficiency 1 - (3 - 3)/(4*3 - 3) = 1
 *   hierarchy: r: b->a, d->{b,a,c}: 4 asymmetric, 0 mutual: 1
 *   lub: G' = a->b, b->d, c->d.  Who reaches each: a {a}, b {a,b}, c {c},
 *        d {a,b,c,d}.
 *        {a,b}: UB' {a}, bounded     {a,c}: {} violation
 *        {a,d}: {a}, bounded         {b,c}: {} violation
 *        {b,d}: {a,b}, a reaches b   {c,d}: {c}, bounded
 *        1 - 2/(3*2/2) = 1/3
 */
static void test_two_bosses(void **state)
{
	static const struct arc arcs[] = {{1, 0}, {3, 1}, {3, 2}};

	(void)state;
	assert_figures(figures(4, arcs, NARCS(arcs)), 1.0, 1.0, 1.0, 1.0 / 3.0);
}

/*
 * A 3-cycle a->b->c->a.  n = 3, E = 3.
 *   connectedness 1
 *   efficiency 1 - (3 - 2)/(3*2 - 2) = 0.75
 *   hierarchy: everyone reaches everyone: 3 mutual, 0 asymmetric: 1 - 3/3 = 0
 *   lub: G' is a 3-cycle too; every UB' is {a,b,c} and each of them reaches
 *        the others: 0 violations of 2*1/2 = 1: 1
 */
static void test_cycle(void **state)
{
	static const struct arc arcs[] = {{0, 1}, {1, 2}, {2, 0}};

	(void)state;
	assert_figures(figures(3, arcs, NARCS(arcs)), 1.0, 0.0, 0.75, 1.0);
}

/*
 * A mutual pair a<->b (a = 0, b = 1), and c answering to a.  n = 3, E = 3.
 *   connectedness 1; efficiency 1 - (3 - 2)/4 = 0.75
 *   hierarchy: r: a<->b mutual; c->a, c->b asymmetric: 1 - 1/(1 + 2) = 2/3
 *   lub: G' = a<->b, a->c.  Who reaches: a {a,b}, b {a,b}, c {a,b,c}.
 *        Every UB' is {a,b} and a reaches b: 0 violations of 1: 1
 */
static void test_mutual_pair_with_accountee(void **state)
{
	static const struct arc arcs[] = {{0, 1}, {1, 0}, {2, 0}};

	(void)state;
	assert_figures(figures(3, arcs, NARCS(arcs)), 1.0, 2.0 / 3.0, 0.75, 1.0);
}

/* ---- components and isolates -------------------------------------------------------- */

/*
 * Two weak components.  {a,b,c,d}: b, c, d answer to a and c also to b;
 * {e,f,g}: e answers to f and to g (two bosses).  a..g = 0..6, n = 7, E = 6.
 *   connectedness = (4*3/2 + 3*2/2) / (7*6/2) = 9/21
 *   efficiency: required (4-1) + (3-1) = 5; maximum (4*3 - 3) + (3*2 - 2) =
 *               13: 1 - (6 - 5)/13 = 12/13 (the mean of the per-component
 *               scores, (8/9 + 1)/2, would differ)
 *   hierarchy: r: b->a, c->{a,b}, d->a, e->f, e->g: 6 asymmetric, 0 mutual: 1
 *   lub: G' = a->b, a->c, a->d, b->c; f->e, g->e.
 *        first component: a reaches all, bounds every pair: 0 of 3*2/2 = 3
 *        second: {f,g} has empty UB': 1 of 2*1/2 = 1
 *        1 - (0 + 1)/(3 + 1) = 0.75 (the mean per component would be 0.5)
 */
static void test_two_components(void **state)
{
	static const struct arc arcs[] = {{1, 0}, {2, 0}, {3, 0}, {2, 1}, {4, 5}, {4, 6}};

	(void)state;
	assert_figures(figures(7, arcs, NARCS(arcs)), 9.0 / 21.0, 1.0, 12.0 / 13.0, 0.75);
}

/*
 * b and c answer to a; d has no link.  n = 4, weak components {a,b,c}, {d}.
 *   connectedness = (3*2/2 + 0) / (4*3/2) = 0.5
 *   efficiency: the isolate adds 0 to both sums: 1 - (2 - 2)/(3*2 - 2) = 1
 *   hierarchy: 2 asymmetric, 0 mutual: 1
 *   lub: the isolate's component has fewer than 3 and is skipped; {a,b,c} has
 *        a in every UB': 1 - 0/1 = 1
 */
static void test_isolate(void **state)
{
	static const struct arc arcs[] = {{1, 0}, {2, 0}};

	(void)state;
	assert_figures(figures(4, arcs, NARCS(arcs)), 0.5, 1.0, 1.0, 1.0);
}

/* ---- degenerate graphs -------------------------------------------------------------- */

/*
 * No organisations.  connectedness: sna returns 1 for n <= 1.  hierarchy: the
 * dyad census is all zero, 0/0 = NaN.  efficiency: 0/0.  lub: no component of
 * three, 0/0.
 */
static void test_empty(void **state)
{
	(void)state;
	assert_figures(figures(0, NULL, 0), 1.0, NAN, NAN, NAN);
}

/* One organisation: the same, and for the same reasons. */
static void test_single(void **state)
{
	(void)state;
	assert_figures(figures(1, NULL, 0), 1.0, NAN, NAN, NAN);
}

/*
 * Three organisations, no links: three components of one.
 *   connectedness 0/(3*2/2) = 0; hierarchy 0/0; efficiency 0/0 (maximum
 *   sum 0); lub 0/0.
 */
static void test_no_links(void **state)
{
	(void)state;
	assert_figures(figures(3, NULL, 0), 0.0, NAN, NAN, NAN);
}

/*
 * Two organisations.  a->b: connectedness 1, hierarchy 1 - 0/1 = 1,
 * efficiency 1 - (1 - 1)/(2*1 - 1) = 1, lub NaN (no component of three).
 * a<->b: hierarchy 1 - 1/1 = 0, efficiency 1 - (2 - 1)/1 = 0.
 */
static void test_pairs(void **state)
{
	static const struct arc one[] = {{0, 1}};
	static const struct arc both[] = {{0, 1}, {1, 0}};

	(void)state;
	assert_figures(figures(2, one, NARCS(one)), 1.0, 1.0, 1.0, NAN);
	assert_figures(figures(2, both, NARCS(both)), 1.0, 0.0, 0.0, NAN);
}

/*
 * Parallel links are one arc and self-links are dropped (sna's diag=FALSE and
 * loop removal): a->b twice, b->b, c->b.  As a->b, c->b:
 *   connectedness 1; efficiency 1 - (2 - 2)/(3*2 - 2) = 1 (0.75 if either
 *   the second a->b or b->b counted); hierarchy 2 asymmetric: 1;
 *   lub: G' = b->a, b->c, b in every UB': 1.
 */
static void test_parallel_links_and_loops(void **state)
{
	static const struct arc arcs[] = {{0, 1}, {0, 1}, {1, 1}, {2, 1}};

	(void)state;
	assert_figures(figures(3, arcs, NARCS(arcs)), 1.0, 1.0, 1.0, 1.0);
}

/* ---- sna's code, not its help page ------------------------------------------------- */

/*
 * A middle manager m answers to two apexes p and q; x and y answer to m.
 * G: m->p, m->q, x->m, y->m (p, q, m, x, y = 0..4); n = 5, E = 4.
 *   connectedness 1; efficiency 1 - (4 - 4)/16 = 1
 *   hierarchy: r: m->{p,q}, x->{m,p,q}, y->{m,p,q}: 8 asymmetric: 1
 *   lub: G' = p->m, q->m, m->x, m->y.  Who reaches: p {p}, q {q}, m {p,q,m},
 *        x {p,q,m,x}, y {p,q,m,y}.
 *        {p,q}: {} violation; {p,*}: {p} and {q,*}: {q} bounded (6 pairs)
 *        {m,x}, {m,y}, {x,y}: UB' {p,q,m}; none of p, q, m reaches the other
 *        two: 3 violations
 *        1 - 4/(4*3/2) = 1/3
 * The help page's least upper bound (one that every other reaches) is m for
 * the last three pairs, which would give 1 - 1/6 = 5/6; sna's code gives 1/3.
 */
static void test_two_apexes_over_a_manager(void **state)
{
	static const struct arc arcs[] = {{2, 0}, {2, 1}, {3, 2}, {4, 2}};

	(void)state;
	assert_figures(figures(5, arcs, NARCS(arcs)), 1.0, 1.0, 1.0, 1.0 / 3.0);
}

/*
 * The converse: one apex t; u and v answer to t; x and y each answer to both
 * u and v.  G: u->t, v->t, x->u, x->v, y->u, y->v (t, u, v, x, y = 0..4);
 * n = 5, E = 6.
 *   connectedness 1; efficiency 1 - (6 - 4)/(5*4 - 4) = 0.875
 *   hierarchy: r: u->t, v->t, x->{u,v,t}, y->{u,v,t}: 8 asymmetric: 1
 *   lub: G' = t->u, t->v, u->x, u->y, v->x, v->y.  t reaches everyone, so t
 *        is in every UB' and reaches all of it: 0 violations: 1.
 * The help page's reading fails {x,y} (UB' {t,u,v} has no member every other
 * reaches): 5/6; sna's code gives 1.
 */
static void test_one_apex_over_two_managers(void **state)
{
	static const struct arc arcs[] = {{1, 0}, {2, 0}, {3, 1}, {3, 2}, {4, 1}, {4, 2}};

	(void)state;
	assert_figures(figures(5, arcs, NARCS(arcs)), 1.0, 1.0, 0.875, 1.0);
}

/* ---- a line-by-line port of sna -------------------------------------------------------- */

#define PN 12

/* A sociomatrix as sna sees it: a[i][j] = 1 for an arc i -> j, loops allowed. */
struct socio {
	int n;
	unsigned char a[PN][PN];
};

/* reachability(): loops dropped, then a BFS from each vertex, which lists it. */
static void port_reachability(const struct socio *g, unsigned char r[PN][PN])
{
	int i, j, k;

	for (i = 0; i < g->n; i++)
		for (j = 0; j < g->n; j++)
			r[i][j] = i == j || g->a[i][j];
	for (k = 0; k < g->n; k++)
		for (i = 0; i < g->n; i++)
			for (j = 0; j < g->n; j++)
				if (r[i][k] && r[k][j])
					r[i][j] = 1;
}

/* component.dist(connected="weak")$membership, numbered 0.. by first vertex. */
static int port_weak(const struct socio *g, int memb[PN])
{
	int i, j, nc = 0, changed;

	for (i = 0; i < g->n; i++)
		memb[i] = -1;
	for (i = 0; i < g->n; i++) {
		if (memb[i] >= 0)
			continue;
		memb[i] = nc;
		do {
			changed = 0;
			for (j = 0; j < g->n; j++) {
				int k;

				if (memb[j] != nc)
					continue;
				for (k = 0; k < g->n; k++)
					if ((g->a[j][k] || g->a[k][j]) && memb[k] < 0) {
						memb[k] = nc;
						changed = 1;
					}
			}
		} while (changed);
		nc++;
	}
	return nc;
}

/* connectedness(): gli.c connectedness_R on the weakly symmetrised graph. */
static double port_connectedness(const struct socio *g)
{
	int memb[PN], size[PN] = {0}, nc, i;
	double con = 0.0;

	if (g->n <= 1)
		return 1.0;
	nc = port_weak(g, memb);
	for (i = 0; i < g->n; i++)
		size[memb[i]]++;
	for (i = 0; i < nc; i++)
		con += size[i] * (size[i] - 1.0) / 2.0;
	con /= g->n * (g->n - 1.0) / 2.0;
	return con;
}

/* hierarchy(measure="krackhardt"): 1 - dyadic.nonnull reciprocity of r. */
static double port_hierarchy(const struct socio *g)
{
	unsigned char r[PN][PN];
	int i, j, mut = 0, asym = 0;

	port_reachability(g, r);
	for (i = 0; i < g->n; i++)
		for (j = i + 1; j < g->n; j++) {
			if (r[i][j] && r[j][i])
				mut++;
			else if (r[i][j] || r[j][i])
				asym++;
		}
	if (mut + asym == 0) /* R: 0/0 */
		return NAN;
	return 1.0 - (double)mut / (double)(mut + asym);
}

/* efficiency(diag=FALSE): gli.R inteff. */
static double port_efficiency(const struct socio *g)
{
	int memb[PN], size[PN] = {0}, nc, i, j, reqedge = 0, maxv = 0, edgec = 0;

	nc = port_weak(g, memb);
	for (i = 0; i < g->n; i++)
		size[memb[i]]++;
	for (i = 0; i < nc; i++) {
		reqedge += size[i] - 1;
		maxv += size[i] * (size[i] - 1) - (size[i] - 1);
	}
	for (i = 0; i < g->n; i++)
		for (j = 0; j < g->n; j++)
			if (i != j)
				edgec += g->a[i][j];
	if (maxv == 0) /* R: 0/0 */
		return NAN;
	return 1.0 - (double)(edgec - reqedge) / (double)maxv;
}

/* lubness(): gli.R intlub with gli.c lubness_con_R, loops as written there. */
static double port_lubness(const struct socio *g)
{
	unsigned char r[PN][PN];
	int memb[PN], nc, c, vi[PN], len, i, j, k, l, ub[PN], nub;
	double nolub = 0, maxnolub = 0;

	port_reachability(g, r);
	nc = port_weak(g, memb);
	for (c = 0; c < nc; c++) {
		double viol = 0.0;

		for (len = 0, i = 0; i < g->n; i++)
			if (memb[i] == c)
				vi[len++] = i;
		if (len <= 2)
			continue;
		/* r[k + i*n] of the column-major r[vi,vi] is r[vi[k], vi[i]]. */
		for (i = 0; i < len; i++)
			for (j = i + 1; j < len; j++) {
				char lub = 0, notlub;

				nub = 0;
				for (k = 0; k < len; k++)
					if (r[vi[k]][vi[i]] && r[vi[k]][vi[j]])
						ub[nub++] = k;
				for (k = 0; k < nub && !lub; k++) {
					notlub = 0;
					for (l = 0; l < nub && !notlub; l++)
						if (!r[vi[ub[k]]][vi[ub[l]]])
							notlub++;
					if (!notlub)
						lub++;
				}
				if (!lub)
					viol++;
			}
		nolub += viol;
		maxnolub += (len - 1) * (len - 2) / 2;
	}
	if (maxnolub == 0) /* R: 0/0 */
		return NAN;
	return 1 - nolub / maxnolub;
}

static void transpose(const struct socio *g, struct socio *t)
{
	int i, j;

	t->n = g->n;
	for (i = 0; i < g->n; i++)
		for (j = 0; j < g->n; j++)
			t->a[i][j] = g->a[j][i];
}

/* The sociomatrix of a list of links (parallel links merge, as in sna's 0/1 input). */
static void socio_of(struct socio *g, int n, const struct arc *arcs, size_t narcs)
{
	size_t e;

	memset(g, 0, sizeof(*g));
	g->n = n;
	for (e = 0; e < narcs; e++)
		g->a[arcs[e].from][arcs[e].to] = 1;
}

/*
 * The port agrees with the hand-worked values above, including sna's lubness
 * of the out-tree without our reversal: in G (b->a, c->a, d->b, e->b) the
 * vertices reaching each are a {a,b,c,d,e}, b {b,d,e}, c {c}, d {d}, e {e};
 * {a,b}: UB {b,d,e} and b does not reach d (nor d, e anything in it):
 * violation; {b,c}, {c,d}, {c,e}, {d,e}: empty; the other five are bounded.
 * 1 - 5/6 = 1/6.
 */
static void test_sna_port_hand_values(void **state)
{
	static const struct arc tree[] = {{1, 0}, {2, 0}, {3, 1}, {4, 1}};
	static const struct arc manager[] = {{2, 0}, {2, 1}, {3, 2}, {4, 2}};
	static const struct arc comps[] = {{1, 0}, {2, 0}, {3, 0}, {2, 1}, {4, 5}, {4, 6}};
	struct socio g, t;

	(void)state;
	socio_of(&g, 5, tree, NARCS(tree));
	transpose(&g, &t);
	assert_figure(port_lubness(&t), 1.0);
	assert_figure(port_lubness(&g), 1.0 / 6.0);
	socio_of(&g, 5, manager, NARCS(manager));
	transpose(&g, &t);
	assert_figure(port_lubness(&t), 1.0 / 3.0);
	socio_of(&g, 7, comps, NARCS(comps));
	transpose(&g, &t);
	assert_figure(port_connectedness(&g), 9.0 / 21.0);
	assert_figure(port_hierarchy(&g), 1.0);
	assert_figure(port_efficiency(&g), 12.0 / 13.0);
	assert_figure(port_lubness(&t), 0.75);
}

/* xorshift64*: a fixed, portable sequence. */
static uint64_t next_random(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * UINT64_C(2685821657736338717);
}

/* Whether a random draw falls under p percent. */
static bool chance(uint64_t *s, unsigned p)
{
	return next_random(s) % 100 < p;
}

/*
 * A thousand random systems of up to PN organisations, half of them
 * tree-like (each organisation answers to an earlier one, with some extra
 * links) so that lub takes values inside (0, 1), half uniform at various
 * densities; some links doubled and some self-links, which both must ignore.
 * The library must give exactly the port's numbers.
 */
static void test_against_sna_port(void **state)
{
	uint64_t seed = UINT64_C(0x9e3779b97f4a7c15);
	int trial, inside = 0;

	(void)state;
	for (trial = 0; trial < 1000; trial++) {
		struct arc arcs[2 * PN * PN];
		struct socio g, t;
		struct acg_krackhardt k;
		int n = (int)(next_random(&seed) % (PN + 1)), i, j;
		unsigned p = (unsigned[]){5, 10, 20, 35, 50}[next_random(&seed) % 5];
		bool treelike = trial % 2 == 0;
		size_t narcs = 0;

		for (i = 0; i < n; i++)
			for (j = 0; j < n; j++) {
				bool arc;

				if (treelike)
					arc = (j < i && next_random(&seed) % (unsigned)i == 0 &&
					       chance(&seed, 85)) ||
					      chance(&seed, 4);
				else
					arc = chance(&seed, p);
				if (!arc)
					continue;
				arcs[narcs++] = (struct arc){(size_t)i, (size_t)j};
				if (chance(&seed, 10))
					arcs[narcs++] = (struct arc){(size_t)i, (size_t)j};
			}
		socio_of(&g, n, arcs, narcs);
		transpose(&g, &t);
		k = figures(n, arcs, narcs);
		if (!same(k.connectedness, port_connectedness(&g), 0) ||
		    !same(k.hierarchy, port_hierarchy(&g), 0) ||
		    !same(k.efficiency, port_efficiency(&g), 0) ||
		    !same(k.lub, port_lubness(&t), 0)) {
			print_error("trial %d, n %d: got %.17g %.17g %.17g %.17g, sna %.17g %.17g "
				    "%.17g %.17g\n",
				    trial, n, k.connectedness, k.hierarchy, k.efficiency, k.lub,
				    port_connectedness(&g), port_hierarchy(&g),
				    port_efficiency(&g), port_lubness(&t));
			fail();
		}
		if (k.lub > 0 && k.lub < 1)
			inside++;
	}
	/* The sample must exercise lub strictly between 0 and 1. */
	assert_true(inside >= 50);
}

/* ---- calls ---------------------------------------------------------------------------- */

/* The collapsed view is built once and shared: a second call gives the same. */
static void test_repeated_call(void **state)
{
	static const struct arc arcs[] = {{1, 0}, {3, 1}, {3, 2}};
	struct acg_model *m = model_of(4, arcs, NARCS(arcs));
	struct acg_diags diags = ACG_DIAGS_INIT;
	struct acg_graph *g = NULL;
	struct acg_krackhardt k1, k2;

	(void)state;
	assert_int_equal(acg_graph_build(m, &g, &diags), ACG_OK);
	assert_int_equal(acg_krackhardt(g, &k1, NULL), ACG_OK);
	assert_int_equal(acg_krackhardt(g, &k2, NULL), ACG_OK);
	assert_memory_equal(&k1, &k2, sizeof(k1));
	assert_figures(k2, 1.0, 1.0, 1.0, 1.0 / 3.0);
	acg_graph_free(g);
	acg_model_free(m);
	acg_diags_release(&diags);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_out_tree),
		cmocka_unit_test(test_chain),
		cmocka_unit_test(test_star_of_accountees),
		cmocka_unit_test(test_star_of_principals),
		cmocka_unit_test(test_two_bosses_minimal),
		cmocka_unit_test(test_two_bosses),
		cmocka_unit_test(test_cycle),
		cmocka_unit_test(test_mutual_pair_with_accountee),
		cmocka_unit_test(test_two_components),
		cmocka_unit_test(test_isolate),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_single),
		cmocka_unit_test(test_no_links),
		cmocka_unit_test(test_pairs),
		cmocka_unit_test(test_parallel_links_and_loops),
		cmocka_unit_test(test_two_apexes_over_a_manager),
		cmocka_unit_test(test_one_apex_over_two_managers),
		cmocka_unit_test(test_sna_port_hand_values),
		cmocka_unit_test(test_against_sna_port),
		cmocka_unit_test(test_repeated_call),
	};

	acg_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
