/*
 * structure.h - the shape of the whole system: Krackhardt's four
 * graph-theoretical dimensions of an organisation (DESIGN.md, "Metrics:
 * definitions").
 *
 * The four figures are computed exactly as R's sna package (2.6 to 2.8)
 * computes them: `connectedness`, `hierarchy(measure="krackhardt")`,
 * `efficiency` and `lubness`, on the directed graph of the system with
 * parallel links merged into one arc (link types and weights play no part: an
 * arc is there or it is not) and self-links ignored, as sna ignores the
 * diagonal.  The one departure is `lub`, which is sna's lubness of the graph
 * with every arc reversed (holder -> accountable, the way an organisation
 * chart points), so that a pure hierarchy scores 1.  src/structure.c states
 * each formula as sna computes it.
 *
 * All four are 1 for a pure hierarchy: one apex, every other organisation
 * accountable to exactly one other, no loops of accountability.
 */
#ifndef ACCGRAPH_STRUCTURE_H
#define ACCGRAPH_STRUCTURE_H

#include "accgraph/diag.h"
#include "accgraph/graph.h"

/*
 * Krackhardt's figures for a whole system.  A figure sna leaves undefined is
 * NaN (an output writer prints it as JSON null or an empty field):
 *
 *   connectedness  share of pairs of organisations joined by a chain of links
 *                  of either direction; 1 for fewer than two organisations
 *                  (sna's rule), 0 when no organisation has a link.
 *   hierarchy      share of the pairs in which one reaches the other that are
 *                  reached one way only; NaN when no organisation reaches
 *                  another (no links).
 *   efficiency     1 - (links beyond a spanning tree of each weak component)
 *                  / (the most there could be), summed over components before
 *                  dividing; NaN when there are no links.
 *   lub            1 - (pairs with no common superior that every other common
 *                  superior answers to, directly or not) / (the most there
 *                  can be, (k-1)(k-2)/2 per weak component of k), over weak
 *                  components of three or more organisations; one of the pair
 *                  is a superior of both when the other answers to it (sna's
 *                  code: see structure.c).  NaN when no weak component has
 *                  three organisations.
 */
struct acg_krackhardt {
	double connectedness;
	double hierarchy;
	double efficiency;
	double lub;
};

/*
 * Computes Krackhardt's four figures of the graph into *out.
 *
 * graph is the graph of acg_graph_build(); its collapsed directed view is
 * built here if no earlier call built it (so the graph is not const), and is
 * kept with the graph.  Nothing is allocated for the caller: every temporary
 * is freed before return.
 *
 * Every field of *out is set to NaN on entry and holds the figures only when
 * the call returns ACG_OK.  Returns ACG_ENOMEM when memory runs out, or
 * ACG_ELIB with a diagnostic appended to diags (which may be NULL) when igraph
 * fails.
 *
 * Cost: memory about c^2/8 + c*s/8 bytes, where c <= n is the number of
 * strongly connected groups of organisations and s the number of apex groups
 * (groups accountable to no one outside themselves): O(n^2) bits in the worst
 * case; 12.5 MB for 10,000 organisations without loops of accountability, 50
 * MB for 20,000.  Time O(n + m*c/64 + p + c*s + q*s/64), where m is the number
 * of arcs, p the number of pairs of groups one of which reaches the other, and
 * q the number of pairs of classes (groups of one weak component that reach
 * the same apex groups): about 0.2 s for 20,000 organisations under one apex.
 */
enum acg_status acg_krackhardt(struct acg_graph *graph, struct acg_krackhardt *out,
			       struct acg_diags *diags);

#endif /* ACCGRAPH_STRUCTURE_H */
