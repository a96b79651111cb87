#!/usr/bin/python3
"""schema_verdicts.py ACCGRAPH SCHEMA FILE...: graphs/schema.json (draft 2020-12,
checked by Debian's python3-jsonschema) and `accgraph validate` must agree
on every file: valid for both, or invalid for both - except the files below,
each invalid for a rule that a JSON Schema cannot express (the rules the
schema's own description lists), which the schema must accept.

A file that Python's json module cannot parse (a syntax error, invalid UTF-8,
nesting deeper than Python's recursion limit) is not a JSON value, so no
schema can accept it: it counts as rejected.
Exit status 0 when every verdict is as expected; each difference is printed.
"""
import json
import subprocess
import sys

import jsonschema

# tests/bad files invalid only by rules a JSON Schema cannot express.
INEXPRESSIBLE = {
    # (1) member names unique: the JSON data model keeps one value per name
    "duplicate-member-root": 1, "duplicate-member-organisation": 1,
    # (2) integers written as integers: to JSON Schema 1.0 is the integer 1
    "version-real": 2,
    # (3) unique ids among the elements of an array
    "id-duplicate": 3, "source-id-duplicate": 3,
    # (4) references resolve to another part of the document
    "link-from-dangling": 4, "link-to-dangling": 4,
    "source-unknown-organisation": 4, "source-unknown-link": 4,
    # (5) a link's from differs from its to
    "link-self": 5,
    # (6) no two links with the same from, to and type
    "link-duplicate": 6,
    # (7) a type used is a key of the declared vocabulary
    "org-type-undeclared": 7, "link-type-undeclared": 7,
    # (8) valid_to later than valid_from
    "interval-org-reversed": 8, "interval-org-empty": 8,
    "interval-link-reversed": 8, "interval-link-empty": 8,
    # (9) an organisation does not succeed itself
    "succeeds-self": 9,
    # (10) no string holds U+0000 (the JSON library accgraph uses refuses it)
    "string-nul": 10,
    # both of its problems are of kinds (8) and (4)
    "order-interval-then-sources": 8,
}


def schema_accepts(validator, path):
    try:
        with open(path, "rb") as f:
            doc = json.loads(f.read().decode("utf-8"))
    except (ValueError, UnicodeDecodeError, RecursionError):
        return False
    return validator.is_valid(doc)


def accgraph_accepts(accgraph, path):
    rc = subprocess.run([accgraph, "validate", "--quiet", path], stdout=subprocess.DEVNULL,
                        stderr=subprocess.DEVNULL).returncode
    if rc not in (0, 1):
        raise SystemExit("%s: accgraph validate exited with %d" % (path, rc))
    return rc == 0


def main():
    accgraph, schema_path, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    description = schema["description"]
    problems = []
    for rule in sorted(set(INEXPRESSIBLE.values())):
        if "(%d)" % rule not in description:
            problems.append("the schema's description does not list rule (%d)" % rule)
    seen = set()
    for path in files:
        name = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        ours = accgraph_accepts(accgraph, path)
        theirs = schema_accepts(validator, path)
        if name in INEXPRESSIBLE and "/bad/" in path:
            seen.add(name)
            if ours or not theirs:
                problems.append("%s: accgraph %s, schema %s; expected accgraph to reject it "
                                "and the schema to accept it (rule %d)"
                                % (path, "accepts" if ours else "rejects",
                                   "accepts" if theirs else "rejects", INEXPRESSIBLE[name]))
        elif ours != theirs:
            problems.append("%s: accgraph %s it, the schema %s it"
                            % (path, "accepts" if ours else "rejects",
                               "accepts" if theirs else "rejects"))
    for name in sorted(set(INEXPRESSIBLE) - seen):
        problems.append("tests/bad/%s.json: listed as inexpressible but not checked" % name)
    for p in problems:
        print(p)
    print("%d files, %d as expected" % (len(files), len(files) - len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
