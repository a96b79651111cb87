#!/usr/bin/python3
"""metrics_reference.py - reference values of `accgraph metrics --columns all`,
computed independently of accgraph, with Debian's NetworkX and python-igraph.

Usage (from the repository root):

    /usr/bin/python3 tests/reference/metrics_reference.py FILE.json [OUT.tsv]

reads FILE.json (an accgraph system, FORMAT.md) with the json module alone and
writes OUT.tsv (default: tests/reference/NAME.metrics.tsv, NAME being the file
name without .json): one row per organisation, in file order, the same columns
in the same order as `accgraph metrics FILE --format tsv --columns all`.
Numbers are rounded to 6 significant digits ('%.6g'); a value that is not
defined (NaN, or "none reachable") is an empty cell.  TSV rather than CSV:
tabs never occur in the names, so no quoting is needed (text is escaped the
way accgraph's TSV writer escapes it: \\t \\n \\r \\\\).

To regenerate every reference file:

    for f in tests/data/small.json graphs/wirral-2013.json \\
             tests/data/metrics-parallel.json tests/data/metrics-cycle.json \\
             tests/data/metrics-brokerage.json tests/data/metrics-quoting.json
    do /usr/bin/python3 tests/reference/metrics_reference.py "$f"; done

Needs python3-networkx, python3-igraph, python3-scipy (Debian 12: NetworkX
2.8.8, python-igraph 0.10.2, SciPy 1.10).  Use /usr/bin/python3: another
python3 on PATH may lack these packages.

The graphs (vertex i = organisations[i], link j = links[j], from -> to, i.e.
from the accountable organisation to the one holding it to account):

    multi   nx.MultiDiGraph, one edge per link, attribute weight (default 1)
    coll    nx.DiGraph, parallel links (same from and to) merged, NO weight
            attribute at all (so that no NetworkX function can pick one up)
    und     nx.Graph, coll with directions dropped (a->b and b->a merged),
            unweighted
    undw    the same undirected graph with weight = sum of the weights of
            every link between the two organisations, either way

Column by column (DESIGN.md, "Metrics: definitions"):

    id, name, type        from the file
    in_degree, out_degree multi.in_degree / multi.out_degree (NetworkX: every
                          link counted)
    principals            coll.out_degree (NetworkX)
    accountees            coll.in_degree (NetworkX)
    betweenness           nx.betweenness_centrality(coll, normalized=False)
                          (directed pairs; NetworkX halves only undirected)
    harmonic              nx.harmonic_centrality(coll.reverse()) / (n - 1).
                          NetworkX 2.8's harmonic_centrality sums 1/d(v, u)
                          over the sources v, i.e. IN-going distances; on
                          the reversed graph d'(v, u) = d(u, v), which gives
                          the OUT-going version the definition asks for.
    pagerank              nx.pagerank(multi, alpha=0.85, weight="weight",
                          tol=1e-13): NetworkX sums the weights of parallel
                          edges of a multigraph; dangling organisations
                          (apexes) spread their rank uniformly.
    hub, authority        nx.hits(coll) (unweighted), each divided by its
                          largest value.  Checked against a full numpy SVD
                          of the adjacency matrix; the script stops if the
                          largest singular value is not simple (the scores
                          would not be unique), if the two disagree, or if
                          there is no link at all.
    coreness              nx.core_number(und)
    constraint            python-igraph Graph.constraint(weights="weight") on
                          undw (igraph's definition, as DESIGN.md asks).
                          Cross-checked against nx.constraint(undw,
                          weight="weight"): a difference is reported on
                          standard error.  Isolated organisation: empty.
    apex_distance         plain breadth-first search in Python, from the
                          definition: fewest links along coll from the
                          organisation to an organisation with no out-going
                          link; 0 for an apex; empty if none is reachable
    apexes                the same search: how many apexes the organisation
                          reaches (itself included)
    community             python-igraph Graph.community_leiden(
                          objective_function="modularity", n_iterations=-1)
                          on und (unweighted), best of 50 runs with
                          random.seed(0..49), communities renumbered from 1
                          in order of their first member (file order), as
                          accgraph numbers them.  Checked to be THE optimum:
                          the largest modularity is found exactly by integer
                          programming (scipy.optimize.milp, the clique
                          partitioning model of Groetschel and Wakabayashi
                          with integer coefficients 2m*A_ij - k_i*k_j), and
                          a second integer program, which must differ from
                          the optimum in at least one pair of organisations
                          with a link, shows whether the optimum is unique.
                          Organisations without any link are left out of the
                          programs: they add nothing to the modularity
                          wherever they are put, and Leiden (accgraph's and
                          igraph's) leaves each alone.  The column is
                          written only when the optimal partition is unique
                          (so that comparing labels is meaningful); the
                          script reports the optimum's modularity and
                          whether it is unique on standard error.
    effective_size        nx.effective_size(und) (unweighted; NaN, i.e.
                          empty, for an isolated organisation)
    brokerage_*           enumerated in Python straight from the definition:
                          for each two-path a -> b -> c in coll with a != c
                          and no a -> c, b scores coordinator if a, b, c have
                          one type; itinerant if a and c share a type that b
                          lacks; representative if a and b share one and c
                          differs; gatekeeper if b and c share one and a
                          differs; liaison if all three differ.
"""

import json
import warnings
import math
import os
import random
import sys
from collections import deque

import igraph as ig
import networkx as nx
import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import lil_matrix

# NetworkX 2.8 warns that adjacency_matrix will change type in 3.0: no matter here.
warnings.filterwarnings("ignore", category=FutureWarning)

COLUMNS = [
    "id", "name", "type",
    "in_degree", "out_degree", "principals", "accountees",
    "betweenness", "harmonic", "pagerank", "hub", "authority",
    "coreness", "constraint", "apex_distance", "apexes", "community",
    "effective_size",
    "brokerage_coordinator", "brokerage_itinerant",
    "brokerage_representative", "brokerage_gatekeeper", "brokerage_liaison",
]


def warn(msg):
    print("metrics_reference: " + msg, file=sys.stderr)


def load(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    orgs = doc["organisations"]
    index = {o["id"]: i for i, o in enumerate(orgs)}
    links = [(index[l["from"]], index[l["to"]], float(l.get("weight", 1)))
             for l in doc.get("links", [])]
    return orgs, links


def build(n, links):
    multi = nx.MultiDiGraph()
    coll = nx.DiGraph()
    und = nx.Graph()
    undw = nx.Graph()
    for g in (multi, coll, und, undw):
        g.add_nodes_from(range(n))
    for a, b, w in links:
        multi.add_edge(a, b, weight=w)
        coll.add_edge(a, b)
        und.add_edge(a, b)
        if undw.has_edge(a, b):
            undw[a][b]["weight"] += w
        else:
            undw.add_edge(a, b, weight=w)
    return multi, coll, und, undw


# ---- hub and authority --------------------------------------------------------

def hits(coll, n):
    if coll.number_of_edges() == 0:
        # Every score is 0 and "largest scaled to 1" is undefined (igraph
        # gives 1 to everyone): no reference value to offer.
        sys.exit("metrics_reference: hub and authority are not defined for a "
                 "system without links")
    h, a = nx.hits(coll, max_iter=100000, tol=1e-14)
    hub = np.array([h[i] for i in range(n)])
    auth = np.array([a[i] for i in range(n)])
    hub /= hub.max()
    auth /= auth.max()
    # Cross-check with a full SVD: the singular vectors of the largest
    # singular value are the hub and authority vectors, if it is simple.
    A = nx.to_numpy_array(coll, nodelist=range(n), weight=None)
    u, s, vt = np.linalg.svd(A)
    if len(s) > 1 and s[0] - s[1] < 1e-9 * s[0]:
        sys.exit("metrics_reference: the largest singular value of the adjacency "
                 "matrix is not simple (%r, %r): hub and authority scores are not "
                 "unique" % (s[0], s[1]))
    hu = np.abs(u[:, 0]) / np.abs(u[:, 0]).max()
    au = np.abs(vt[0]) / np.abs(vt[0]).max()
    if np.abs(hu - hub).max() > 1e-9 or np.abs(au - auth).max() > 1e-9:
        sys.exit("metrics_reference: nx.hits and the SVD disagree")
    return list(hub), list(auth)


# ---- apex distance and apexes, from the definition ----------------------------

def apex_figures(coll, n):
    apex = [coll.out_degree(v) == 0 for v in range(n)]
    dist, count = [], []
    for v in range(n):
        seen = {v: 0}
        queue = deque([v])
        while queue:
            x = queue.popleft()
            for y in coll.successors(x):
                if y not in seen:
                    seen[y] = seen[x] + 1
                    queue.append(y)
        reached = [d for x, d in seen.items() if apex[x]]
        dist.append(min(reached) if reached else math.nan)
        count.append(len(reached))
    return dist, count


# ---- brokerage, from the definition ----------------------------------------------

def brokerage(coll, n, group):
    roles = {r: [0] * n for r in ("coordinator", "itinerant", "representative",
                                  "gatekeeper", "liaison")}
    for b in range(n):
        for a in coll.predecessors(b):
            for c in coll.successors(b):
                if a == c or coll.has_edge(a, c):
                    continue
                ga, gb, gc = group[a], group[b], group[c]
                if ga == gb == gc:
                    r = "coordinator"
                elif ga == gc:          # and gb differs
                    r = "itinerant"
                elif ga == gb:          # and gc differs
                    r = "representative"
                elif gb == gc:          # and ga differs
                    r = "gatekeeper"
                else:
                    r = "liaison"
                roles[r][b] += 1
    return roles


# ---- community ----------------------------------------------------------------

def renumber(membership):
    label, out = {}, []
    for c in membership:
        if c not in label:
            label[c] = len(label) + 1
        out.append(label[c])
    return out


def best_leiden(g):
    best, best_q = None, -math.inf
    for seed in range(50):
        random.seed(seed)
        part = g.community_leiden(objective_function="modularity", n_iterations=-1)
        q = g.modularity(part.membership)
        if q > best_q + 1e-12:
            best, best_q = part.membership, q
    return renumber(best), best_q


def modularity_ilp(und, n, forbid=None):
    """Largest sum of (2m A_ij - k_i k_j) x_ij over pairs i<j of organisations
    with a link, x a partition (x_ij = 1: same community).  forbid: a 0/1
    assignment of the pairs that the solution must differ from."""
    verts = [v for v in range(n) if und.degree(v) > 0]
    m = und.number_of_edges()
    pairs = [(verts[i], verts[j]) for i in range(len(verts))
             for j in range(i + 1, len(verts))]
    col = {p: k for k, p in enumerate(pairs)}
    coef = np.array([2 * m * (1 if und.has_edge(i, j) else 0)
                     - und.degree(i) * und.degree(j) for i, j in pairs], float)
    rows = []
    for i in range(len(verts)):
        for j in range(i + 1, len(verts)):
            for k in range(j + 1, len(verts)):
                ij = col[(verts[i], verts[j])]
                jk = col[(verts[j], verts[k])]
                ik = col[(verts[i], verts[k])]
                rows += [((ij, 1), (jk, 1), (ik, -1)), ((ij, 1), (jk, -1), (ik, 1)),
                         ((ij, -1), (jk, 1), (ik, 1))]
    nrows = len(rows) + (1 if forbid is not None else 0)
    M = lil_matrix((max(nrows, 1), len(pairs)))
    lo, hi = [], []
    for r, terms in enumerate(rows):
        for c, v in terms:
            M[r, c] = v
        lo.append(-np.inf)
        hi.append(1)
    if forbid is not None:
        ones = 0
        for k, x in enumerate(forbid):
            M[len(rows), k] = -1 if x else 1
            ones += x
        lo.append(1 - ones)
        hi.append(np.inf)
    if not rows and forbid is None:
        lo, hi = [-np.inf], [np.inf]
    res = milp(-coef, integrality=np.ones(len(pairs)), bounds=Bounds(0, 1),
               constraints=LinearConstraint(M.tocsr(), lo, hi),
               options={"mip_rel_gap": 0, "time_limit": 600})
    if res.status == 2:   # infeasible: no other partition
        return -math.inf, None, pairs
    if not res.success:
        sys.exit("metrics_reference: the integer program failed: " + res.message)
    x = [int(round(v)) for v in res.x]
    return float(coef @ np.array(x)), x, pairs


def community(und, n):
    m = und.number_of_edges()
    if m == 0:
        return list(range(1, n + 1))
    g = ig.Graph(n=n, edges=list(und.edges()), directed=False)
    membership, q = best_leiden(g)
    # Exact optimum.
    best, x, pairs = modularity_ilp(und, n)
    diag = sum(-und.degree(v) ** 2 for v in range(n))   # sum of 2m*B_ii
    q_opt = (diag + 2 * best) / (2 * m) ** 2
    if abs(q_opt - q) > 1e-9:
        sys.exit("metrics_reference: Leiden's best modularity %.12g is not the "
                 "optimum %.12g" % (q, q_opt))
    # The ILP partition must be Leiden's (on the organisations with links).
    for (i, j), xij in zip(pairs, x):
        if xij != (membership[i] == membership[j]):
            sys.exit("metrics_reference: Leiden's best partition is not the "
                     "integer program's (%d, %d)" % (i, j))
    second, _, _ = modularity_ilp(und, n, forbid=x)
    unique = second < best - 0.5       # integer objective
    q_second = (diag + 2 * second) / (2 * m) ** 2 if second > -math.inf else None
    warn("community: optimal modularity %.10g, %s (next best %s)"
         % (q_opt, "unique" if unique else "NOT unique",
            "none" if q_second is None else "%.10g" % q_second))
    if not unique:
        return [math.nan] * n
    return membership


# ---- output -------------------------------------------------------------------

def tsv_text(s):
    return (s.replace("\\", "\\\\").replace("\t", "\\t")
            .replace("\n", "\\n").replace("\r", "\\r"))


def number(x):
    if x is None or (isinstance(x, float) and not math.isfinite(x)):
        return ""
    x = float(x)
    if abs(x) < 1e-12:
        x = 0.0
    s = "%.6g" % x
    return "0" if s == "-0" else s


def compute(path):
    orgs, links = load(path)
    n = len(orgs)
    multi, coll, und, undw = build(n, links)
    col = {c: [None] * n for c in COLUMNS}
    col["id"] = [o["id"] for o in orgs]
    col["name"] = [o.get("name", o["id"]) for o in orgs]
    col["type"] = [o["type"] for o in orgs]

    col["in_degree"] = [multi.in_degree(v) for v in range(n)]
    col["out_degree"] = [multi.out_degree(v) for v in range(n)]
    col["principals"] = [coll.out_degree(v) for v in range(n)]
    col["accountees"] = [coll.in_degree(v) for v in range(n)]

    bc = nx.betweenness_centrality(coll, normalized=False)
    col["betweenness"] = [bc[v] for v in range(n)]
    hc = nx.harmonic_centrality(coll.reverse(copy=True))
    if n < 2:
        sys.exit("metrics_reference: harmonic (normalised by n - 1) is not defined "
                 "for one organisation")
    col["harmonic"] = [hc[v] / (n - 1) for v in range(n)]
    pr = nx.pagerank(multi, alpha=0.85, weight="weight", tol=1e-13, max_iter=100000)
    col["pagerank"] = [pr[v] for v in range(n)]
    col["hub"], col["authority"] = hits(coll, n)

    core = nx.core_number(und)
    col["coreness"] = [core[v] for v in range(n)]

    g = ig.Graph(n=n, edges=[(a, b) for a, b in undw.edges()], directed=False)
    g.es["weight"] = [undw[a][b]["weight"] for a, b in undw.edges()]
    col["constraint"] = g.constraint(weights="weight")
    nxc = nx.constraint(undw, weight="weight")
    for v in range(n):
        a, b = col["constraint"][v], nxc[v]
        if not (math.isnan(a) and math.isnan(b)) and not abs(a - b) <= 1e-9 * max(1, abs(a)):
            warn("constraint of %s: igraph %r, NetworkX %r" % (orgs[v]["id"], a, b))

    col["apex_distance"], col["apexes"] = apex_figures(coll, n)
    col["community"] = community(und, n)
    es = nx.effective_size(und)
    col["effective_size"] = [es[v] for v in range(n)]
    roles = brokerage(coll, n, col["type"])
    for r, v in roles.items():
        col["brokerage_" + r] = v

    lines = ["\t".join(COLUMNS)]
    for v in range(n):
        cells = []
        for c in COLUMNS:
            x = col[c][v]
            cells.append(tsv_text(x) if isinstance(x, str) else number(x))
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__.split("\n\n")[1])
    path = sys.argv[1]
    if len(sys.argv) == 3:
        out = sys.argv[2]
    else:
        name = os.path.basename(path)
        if name.endswith(".json"):
            name = name[:-5]
        out = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                           name + ".metrics.tsv")
    text = compute(path)
    with open(out, "w", encoding="utf-8") as f:
        f.write(text)
    print("metrics_reference: wrote " + out, file=sys.stderr)


if __name__ == "__main__":
    main()
