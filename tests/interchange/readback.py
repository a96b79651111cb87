#!/usr/bin/python3
"""readback.py SYSTEM.json OUT.graphml OUT.gml: reads what `accgraph convert`
wrote with NetworkX (GraphML and GML) and python-igraph (GraphML), Debian's
python3-networkx and python3-igraph, and checks it against SYSTEM.json read
with Python's json module and the mapping that include/accgraph/export.h
documents:

  - as many nodes as organisations and edges as links, in file order, each
    edge between the nodes of its organisations;
  - GraphML: every member as a key of its own name (a node's `label` is its
    name); strings as strings, lists joined with '|', dates as YYYY-MM-DD,
    weight as a double, observed as a boolean; an attribute whose name is a
    member's as "attributes.NAME"; numbers as doubles, booleans as booleans
    (strings when absent somewhere), several kinds as text; absent strings
    empty (NetworkX leaves empty data out), absent numbers left out;
  - GML: the organisation's id is the node label, keys lose everything but
    letters and digits, booleans are 1 or 0.
Numbers are compared to 14 significant digits (igraph writes 15).
Exit status 0 when everything agrees.
"""
import math
import re
import sys
import warnings

import igraph
import networkx

from system import system

problems = []

ORG_MEMBERS = ["id", "name", "label", "type", "region", "valid_from", "valid_to", "succeeds",
               "sources"]
LINK_MEMBERS = ["from", "to", "type", "for", "mechanism", "label", "basis", "sanction",
                "observed", "weight", "valid_from", "valid_to", "sources"]


def fail(msg):
    problems.append(msg)


def text_of(v):
    """An attribute value as accgraph writes it as text."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        s = repr(v)
        return s if any(c in s for c in ".en") else s + ".0"
    return v


def expected_members(e, is_link):
    if is_link:
        return {
            "from": e["from"], "to": e["to"], "type": e["type"], "for": "|".join(e["for"]),
            "mechanism": e["mechanism"] or "", "label": e["label"] or "",
            "basis": e["basis"] or "", "sanction": e["sanction"] or "",
            "observed": e["observed"], "weight": e["weight"],
            "valid_from": e["valid_from"] or "", "valid_to": e["valid_to"] or "",
            "sources": "|".join(e["sources"]),
        }
    return {
        "id": e["id"], "name": e["name"], "label": e["name"], "type": e["type"],
        "region": e["region"] or "", "valid_from": e["valid_from"] or "",
        "valid_to": e["valid_to"] or "", "succeeds": "|".join(e["succeeds"]),
        "sources": "|".join(e["sources"]),
    }


def attribute_columns(elements, members):
    """Key -> (written name, kind) for GraphML, kind one of number, boolean, string."""
    keys = []
    for e in elements:
        for k in e["attributes"]:
            if k not in keys:
                keys.append(k)
    used = set(members)
    cols = {}
    for k in keys:
        name = k
        while name in used:
            name = "attributes." + name
        used.add(name)
        vals = [e["attributes"][k] for e in elements if k in e["attributes"]]
        if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in vals):
            kind = "number"
        elif all(isinstance(v, bool) for v in vals) and len(vals) == len(elements):
            kind = "boolean"
        else:
            kind = "string"
        cols[k] = (name, kind)
    return cols


def expected(elements, members, is_link):
    cols = attribute_columns(elements, members)
    out = []
    for e in elements:
        want = expected_members(e, is_link)
        for k, (name, kind) in cols.items():
            v = e["attributes"].get(k)
            if kind == "number":
                want[name] = None if v is None else float(v)
            elif kind == "boolean":
                want[name] = v
            else:
                want[name] = "" if v is None else text_of(v)
        out.append(want)
    return out


def same(a, b):
    if isinstance(a, float) or isinstance(b, float):
        if a is None or b is None:
            return a is None and b is None
        if isinstance(a, float) and math.isnan(a):
            return isinstance(b, float) and math.isnan(b)
        return math.isclose(float(a), float(b), rel_tol=1e-14, abs_tol=0)
    return a == b and type(a) is type(b)


def compare(where, want, got):
    for k, v in want.items():
        g = got.get(k)
        if not same(v, g):
            fail("%s: %s is %r, expected %r" % (where, k, g, v))
    for k in got:
        if k not in want:
            fail("%s: unexpected key %s = %r" % (where, k, got[k]))


def check_networkx_graphml(sysm, path):
    g = networkx.read_graphml(path)
    orgs, links = sysm["organisations"], sysm["links"]
    if g.number_of_nodes() != len(orgs) or g.number_of_edges() != len(links):
        fail("NetworkX GraphML: %d nodes, %d edges; expected %d, %d"
             % (g.number_of_nodes(), g.number_of_edges(), len(orgs), len(links)))
        return
    for want_title in ("title", "as_of"):
        if sysm[want_title] is not None and g.graph.get(want_title) != sysm[want_title]:
            fail("NetworkX GraphML: graph %s is %r" % (want_title, g.graph.get(want_title)))
    for i, want in enumerate(expected(orgs, ORG_MEMBERS, False)):
        data = dict(g.nodes["n%d" % i])
        # NetworkX leaves out data elements with no text: absent means "".
        got = {k: data.get(k, "" if isinstance(v, str) else None) for k, v in want.items()}
        got.update({k: v for k, v in data.items() if k not in want})
        compare("NetworkX GraphML node n%d" % i, want, got)
    # NetworkX lists edges by node, not in file order: a link is known by its
    # from, to and type, which the format makes unique.
    edges = {(u, v, d.get("type")): d for u, v, d in g.edges(data=True)}
    index = {o["id"]: i for i, o in enumerate(orgs)}
    for j, want in enumerate(expected(links, LINK_MEMBERS, True)):
        key = ("n%d" % index[want["from"]], "n%d" % index[want["to"]], want["type"])
        if key not in edges:
            fail("NetworkX GraphML: no edge %s -> %s of type %s" % key)
            continue
        data = edges[key]
        got = {k: data.get(k, "" if isinstance(x, str) else None) for k, x in want.items()}
        got.update({k: x for k, x in data.items() if k not in want})
        compare("NetworkX GraphML edge %d" % j, want, got)


def check_igraph_graphml(sysm, path):
    with warnings.catch_warnings():
        # "Could not add vertex ids, there is already an 'id' vertex attribute": ours.
        warnings.simplefilter("ignore", RuntimeWarning)
        g = igraph.Graph.Read_GraphML(path)
    orgs, links = sysm["organisations"], sysm["links"]
    if g.vcount() != len(orgs) or g.ecount() != len(links) or not g.is_directed():
        fail("python-igraph GraphML: %d vertices, %d edges" % (g.vcount(), g.ecount()))
        return
    for i, want in enumerate(expected(orgs, ORG_MEMBERS, False)):
        got = g.vs[i].attributes()
        # igraph reads an absent number as NaN.
        want = {k: (math.nan if v is None else v) for k, v in want.items()}
        compare("python-igraph vertex %d" % i, want, got)
    index = {o["id"]: i for i, o in enumerate(orgs)}
    for j, want in enumerate(expected(links, LINK_MEMBERS, True)):
        e = g.es[j]
        if (e.source, e.target) != (index[want["from"]], index[want["to"]]):
            fail("python-igraph edge %d: %d -> %d" % (j, e.source, e.target))
        want = {k: (math.nan if v is None else v) for k, v in want.items()}
        compare("python-igraph edge %d" % j, want, e.attributes())


def gml_key(name):
    k = re.sub(r"[^A-Za-z0-9]", "", name)
    return k if k[:1].isalpha() else "a" + k


def gml_names(elements, members):
    """Attribute key -> GML key: letters and digits, a number added on a clash."""
    used = set(members)
    names = {}
    for e in elements:
        for k in e["attributes"]:
            if k in names:
                continue
            name, n = gml_key(k), 2
            while name in used:
                name, n = gml_key(k) + str(n), n + 1
            used.add(name)
            names[k] = name
    return names


def check_networkx_gml(sysm, path):
    g = networkx.read_gml(path)  # nodes keyed by their label: the organisation's id
    orgs, links = sysm["organisations"], sysm["links"]
    if list(g.nodes) != [o["id"] for o in orgs] or g.number_of_edges() != len(links):
        fail("NetworkX GML: nodes %s, %d edges" % (list(g.nodes)[:5], g.number_of_edges()))
        return
    names = gml_names(orgs, ["id", "label", "name", "type", "region", "validfrom", "validto",
                             "succeeds", "sources"])
    for o in orgs:
        data = g.nodes[o["id"]]
        for member in ("name", "type"):
            if data.get(member) != o[member]:
                fail("NetworkX GML node %s: %s is %r" % (o["id"], member, data.get(member)))
        if data.get("validfrom") != (o["valid_from"] or ""):
            fail("NetworkX GML node %s: validfrom is %r" % (o["id"], data.get("validfrom")))
        for k, v in o["attributes"].items():
            got = data.get(names[k])
            if isinstance(v, bool):
                v = int(v)
            if got is None or not (same(float(v), float(got)) if isinstance(v, (int, float))
                                   and not isinstance(got, str) else text_of(v) == got):
                fail("NetworkX GML node %s: %s is %r, expected %r" % (o["id"], k, got, v))
    edges = {(u, v, d.get("type")): d for u, v, d in g.edges(data=True)}
    for j, l in enumerate(links):
        data = edges.get((l["from"], l["to"], l["type"]))
        if data is None:
            fail("NetworkX GML: no edge %s -> %s of type %s" % (l["from"], l["to"], l["type"]))
            continue
        if not same(float(data.get("weight")), l["weight"]):
            fail("NetworkX GML edge %d: weight %r" % (j, data.get("weight")))
        if data.get("observed") != int(l["observed"]):
            fail("NetworkX GML edge %d: observed %r" % (j, data.get("observed")))


def main():
    sysm = system(sys.argv[1])
    check_networkx_graphml(sysm, sys.argv[2])
    check_igraph_graphml(sysm, sys.argv[2])
    check_networkx_gml(sysm, sys.argv[3])
    for p in problems[:40]:
        print("%s: %s" % (sys.argv[1], p))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
