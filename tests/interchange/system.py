"""What a system file says, read without accgraph: the format's rules
(graphs/README.md) applied by hand, for the import/export tests.

system(path) returns the document with every member the format does not
define dropped and every default made explicit, so that two files that say
the same thing give equal values:

  organisations: name (the id when absent), region, valid_from, valid_to
  (None when absent or null), succeeds, sources (lists), attributes (dict);
  links: for, sources (lists), mechanism, label, basis, sanction (None when
  absent), weight (1.0 when absent, always a float), observed (False when
  absent), valid_from, valid_to, attributes.

Attribute values keep their JSON kind: int for a number written without
fraction or exponent, float otherwise (Python's json module makes the same
distinction that the format does).
"""
import json

DOC = ["accgraph", "title", "description", "as_of", "sources", "organisation_types",
       "link_types", "organisations", "links"]
SOURCE = ["id", "citation", "url"]
ORG_TYPE = ["label", "tier", "shape", "style", "color"]
LINK_TYPE = ["label", "style", "color"]
ORG = ["id", "name", "type", "region", "valid_from", "valid_to", "succeeds", "sources",
       "attributes"]
LINK = ["from", "to", "type", "for", "mechanism", "label", "basis", "sanction", "observed",
        "weight", "attributes", "valid_from", "valid_to", "sources"]


def load(path):
    with open(path, "rb") as f:
        return json.loads(f.read().decode("utf-8-sig"))


def system(path):
    doc = load(path)
    out = {"accgraph": doc["accgraph"]}
    for k in ("title", "description", "as_of"):
        out[k] = doc.get(k)
    out["sources"] = [{k: s.get(k) for k in SOURCE} for s in doc.get("sources", [])]
    for k, members in (("organisation_types", ORG_TYPE), ("link_types", LINK_TYPE)):
        if k in doc:
            out[k] = {name: {m: t.get(m) for m in members} for name, t in doc[k].items()}
        else:
            out[k] = None
    out["organisations"] = []
    for o in doc.get("organisations", []):
        out["organisations"].append({
            "id": o["id"], "name": o.get("name", o["id"]), "type": o["type"],
            "region": o.get("region"),
            "valid_from": o.get("valid_from"), "valid_to": o.get("valid_to"),
            "succeeds": list(o.get("succeeds", [])), "sources": list(o.get("sources", [])),
            "attributes": dict(o.get("attributes", {})),
        })
    out["links"] = []
    for l in doc.get("links", []):
        out["links"].append({
            "from": l["from"], "to": l["to"], "type": l["type"],
            "for": list(l.get("for", [])),
            "mechanism": l.get("mechanism"), "label": l.get("label"),
            "basis": l.get("basis"), "sanction": l.get("sanction"),
            "observed": l.get("observed", False), "weight": float(l.get("weight", 1)),
            "valid_from": l.get("valid_from"), "valid_to": l.get("valid_to"),
            "sources": list(l.get("sources", [])),
            "attributes": dict(l.get("attributes", {})),
        })
    return out


def same_values(a, b, where=""):
    """Differences between two values, numbers compared exactly and by JSON kind."""
    diffs = []
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                diffs.append("%s/%s: only in %s" % (where, k, "first" if k in a else "second"))
            else:
                diffs += same_values(a[k], b[k], "%s/%s" % (where, k))
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            diffs.append("%s: %d elements against %d" % (where, len(a), len(b)))
        for i, (x, y) in enumerate(zip(a, b)):
            diffs += same_values(x, y, "%s/%d" % (where, i))
    elif type(a) is not type(b) or a != b:
        diffs.append("%s: %r against %r" % (where, a, b))
    return diffs
