#!/usr/bin/python3
"""normalised.py ORIGINAL NORMALISED: checks, without accgraph, that NORMALISED
(the output of `accgraph convert ORIGINAL -o NORMALISED.json`) says the same as
ORIGINAL and is in the normalised form that include/accgraph/export.h describes:

  - the same system (system.py: every member, numbers exactly, attribute
    kinds kept);
  - members in the documented order, attributes by name (byte order);
  - nothing that holds nothing or the default: no null, no empty list or
    object (except the document's organisations and links and a declared
    vocabulary), no name equal to the id, no weight 1, no observed false;
  - two-space indent, one member or element per line, a final newline.
Exit status 0 when all hold; the differences are printed otherwise.
"""
import json
import sys

from system import DOC, LINK, LINK_TYPE, ORG, ORG_TYPE, SOURCE, load, same_values, system


def in_order(keys, order, where, problems):
    pos = [order.index(k) if k in order else -1 for k in keys]
    if -1 in pos:
        problems.append("%s: unknown members %s" % (where, [k for k in keys if k not in order]))
    elif pos != sorted(pos):
        problems.append("%s: members out of order: %s" % (where, keys))


def no_empty(obj, where, problems, keep=()):
    for k, v in obj.items():
        if k in keep:
            continue
        if v is None or v == [] or v == {}:
            problems.append("%s/%s: holds nothing" % (where, k))


def check_form(doc, problems):
    in_order(list(doc), DOC, "", problems)
    no_empty(doc, "", problems, keep=("organisations", "links", "organisation_types",
                                      "link_types"))
    for i, s in enumerate(doc.get("sources", [])):
        in_order(list(s), SOURCE, "/sources/%d" % i, problems)
    for k, members in (("organisation_types", ORG_TYPE), ("link_types", LINK_TYPE)):
        for name, t in doc.get(k, {}).items():
            in_order(list(t), members, "/%s/%s" % (k, name), problems)
    for kind, members in (("organisations", ORG), ("links", LINK)):
        for i, e in enumerate(doc.get(kind, [])):
            where = "/%s/%d" % (kind, i)
            in_order(list(e), members, where, problems)
            no_empty(e, where, problems)
            attrs = list(e.get("attributes", {}))
            if attrs != sorted(attrs, key=lambda s: s.encode("utf-8")):
                problems.append("%s/attributes: not in the byte order of their names" % where)
            if kind == "organisations" and e.get("name") == e["id"]:
                problems.append("%s/name: equal to the id" % where)
            if kind == "links" and e.get("weight") == 1:
                problems.append("%s/weight: the default, 1" % where)
            if kind == "links" and e.get("observed") is False:
                problems.append("%s/observed: the default, false" % where)


def check_layout(text, problems):
    if not text.endswith("}\n") or text.endswith("\n\n"):
        problems.append("the text does not end in one newline after the document")
    for n, line in enumerate(text.splitlines(), 1):
        indent = len(line) - len(line.lstrip(" "))
        if indent % 2:
            problems.append("line %d: indent of %d spaces, not a multiple of 2" % (n, indent))
        if "\t" in line[:indent + 1]:
            problems.append("line %d: a tab in the indent" % n)


def main():
    original, normalised = sys.argv[1], sys.argv[2]
    problems = ["content: " + d for d in same_values(system(original), system(normalised))]
    check_form(load(normalised), problems)
    with open(normalised, encoding="utf-8") as f:
        check_layout(f.read(), problems)
    for p in problems:
        print("%s: %s" % (normalised, p))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
