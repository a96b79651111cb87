#!/usr/bin/env python3
"""Checks an HTML report of accgraph against the system it reports on.

usage: report_html.py REPORT.html SYSTEM.json REPORT.txt METRICS.csv

REPORT.txt and METRICS.csv are `accgraph report` and `accgraph metrics
--format csv` of the same system (for the section titles and the columns).
Checks, with Python's HTML tokenizer (which splits a page as browsers do):
  - only the elements and attributes the writer uses; no event-handler
    attribute, no src, no <link>, <img>, <iframe>, <object>, <embed>, <base>,
    <form> or <meta http-equiv="refresh">; one <script>, whose SHA-256 is the
    one the Content-Security-Policy allows; links are #fragments or the
    sources' http(s) URLs;
  - the title and the first heading are the system's title;
  - one section per report section, in order, with the text report's titles;
  - the per-organisation table: the metrics columns (id, name, type and the
    default metrics), one row per organisation in file order with its id,
    name and type as the file has them (control characters dropped);
  - the sources: one item per source with its citation.
Prints every problem and exits 1 if there is one.
"""
import base64
import csv
import hashlib
import html.parser
import json
import re
import sys

HTML_ELEMENTS = {
    "html", "head", "meta", "title", "style", "body", "div", "header", "nav", "main",
    "section", "footer", "h1", "h2", "h3", "p", "ol", "li", "a", "dl", "dt", "dd",
    "table", "thead", "tbody", "tr", "th", "td", "figure", "figcaption", "code", "time",
    "span", "wbr", "script", "pre",
}
SVG_ELEMENTS = {
    "svg", "g", "text", "tspan", "polygon", "polyline", "path", "ellipse", "circle", "rect",
    "line", "defs", "lineargradient", "radialgradient", "stop",
}
ATTRIBUTES = {
    "lang", "charset", "name", "content", "http-equiv", "id", "class", "href", "rel",
    "aria-label", "aria-labelledby", "role", "tabindex", "scope", "data-col",
    "data-section", "data-figure", "datetime", "hidden",
    # SVG (Graphviz's and the charts')
    "style", "width", "height", "viewbox", "version", "xmlns", "xmlns:xlink", "transform",
    "fill", "fill-opacity", "stroke", "stroke-width", "stroke-dasharray", "stroke-opacity",
    "stroke-linecap", "stroke-linejoin", "opacity", "points", "d", "cx", "cy", "r", "rx",
    "ry", "x", "y", "x1", "y1", "x2", "y2", "text-anchor", "font-family", "font-size",
    "font-weight", "font-style", "text-decoration", "baseline-shift", "dominant-baseline",
    "offset", "stop-color", "stop-opacity", "gradientunits", "gradienttransform",
    "preserveaspectratio", "xml:space",
}
NAMESPACES = {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}

problems = []


def problem(msg):
    problems.append(msg)


def clean(s):
    """The writer's rule: C0 controls but tab and line feed, DEL and C1 dropped."""
    return "".join(c for c in s if not ((ord(c) < 32 and c not in "\t\n") or 0x7F <= ord(c) <= 0x9F))


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.scripts = []
        self.in_script = False
        self.csp = None
        self.title = ""
        self.h1 = ""
        self.sections = []      # [key, title]
        self.org_headings = []
        self.org_rows = []
        self.sources = []
        self.text_target = None  # list to append text to

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag not in HTML_ELEMENTS and tag not in SVG_ELEMENTS:
            problem("element <%s> is not one the writer makes" % tag)
        for k, v in attrs:
            if k.startswith("on"):
                problem("event-handler attribute %s=%r on <%s>" % (k, v, tag))
            elif k not in ATTRIBUTES:
                problem("attribute %s on <%s> is not one the writer makes" % (k, tag))
            if k in ("src", "srcset", "action", "formaction", "xlink:href", "background"):
                problem("reference %s=%r" % (k, v))
            if k in ("xmlns", "xmlns:xlink") and v not in NAMESPACES:
                problem("namespace %r" % v)
            if k == "style" and not (tag == "svg" and re.fullmatch(r"max-width:[0-9.]+(pt|px)", v or "")):
                problem("style attribute %r on <%s>" % (v, tag))
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "refresh":
            problem("meta refresh")
        if tag == "meta" and (a.get("http-equiv") or "") == "Content-Security-Policy":
            self.csp = a.get("content")
        if tag == "a":
            href = a.get("href") or ""
            if not (href.startswith("#") or re.match(r"https?://", href, re.I)):
                problem("link to %r" % href)
        if tag == "script":
            if attrs:
                problem("<script> with attributes %r" % attrs)
            self.scripts.append("")
            self.in_script = True
        if tag in ("wbr", "meta"):
            return  # void
        if tag in ("rect", "line", "polygon", "polyline", "path", "ellipse", "circle", "stop") and \
                self.get_starttag_text().endswith("/>"):
            return  # self-closing SVG
        self.stack.append((tag, a))
        if tag == "title" and len(self.stack) == 3:
            self.text_target = ["title"]
        elif tag == "h1":
            self.text_target = ["h1"]
        elif tag == "section" and "data-section" in a:
            self.sections.append([a["data-section"], None])
        elif tag == "h2" and self.sections and self.sections[-1][1] is None and \
                any(t == "section" and "data-section" in x for t, x in self.stack):
            self.sections[-1][1] = ""
            self.text_target = ["section"]
        elif tag == "th" and self.in_org_table():
            self.org_headings.append(a.get("data-col"))
        elif tag == "tr" and self.in_org_table() and any(t == "tbody" for t, _ in self.stack):
            self.org_rows.append([])
        elif tag == "td" and self.in_org_table() and self.org_rows:
            self.org_rows[-1].append("")
            self.text_target = ["td"]
        elif tag == "li" and a.get("class") == "source":
            self.sources.append("")
            self.text_target = ["source"]

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def in_org_table(self):
        return any(t == "table" and x.get("id") == "acg-org-table" for t, x in self.stack)

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = False
        if tag in ("title", "h1", "h2", "td", "li"):
            self.text_target = None
        while self.stack:
            t, _ = self.stack.pop()
            if t == tag:
                break

    def handle_data(self, data):
        if self.in_script:
            self.scripts[-1] += data
        if not self.text_target:
            return
        what = self.text_target[0]
        if what == "title":
            self.title += data
        elif what == "h1":
            self.h1 += data
        elif what == "section":
            self.sections[-1][1] += data
        elif what == "td":
            self.org_rows[-1][-1] += data
        elif what == "source":
            self.sources[-1] += data


def main():
    page_path, system_path, text_path, csv_path = sys.argv[1:5]
    raw = open(page_path, "rb").read()
    p = Page()
    p.feed(raw.decode("utf-8"))
    p.close()
    system = json.load(open(system_path, encoding="utf-8"))

    # The one script and the policy that lets it, and nothing else, run.
    if len(p.scripts) != 1:
        problem("%d scripts, not 1" % len(p.scripts))
    if not p.csp or "default-src 'none'" not in p.csp:
        problem("no Content-Security-Policy with default-src 'none': %r" % p.csp)
    else:
        m = re.search(rb"<script>(.*?)</script>", raw, re.S)
        want = "'sha256-%s'" % base64.b64encode(hashlib.sha256(m.group(1)).digest()).decode()
        if ("script-src " + want) not in p.csp:
            problem("the policy does not allow the script: %s needed in %r" % (want, p.csp))

    title = clean(system.get("title") or "Accountability system report")
    if p.title != title:
        problem("title %r, not %r" % (p.title, title))
    if p.h1 != title:
        problem("h1 %r, not %r" % (p.h1, title))

    # Sections: keys of the JSON report are not at hand here; the titles of
    # the text report are, in order.
    titles = [line[3:-3] for line in open(text_path, encoding="utf-8").read().split("\n")
              if line.startswith("== ") and line.endswith(" ==")]
    got = [t for _, t in p.sections]
    if got != titles:
        problem("sections %r, not %r" % (got, titles))

    header = next(csv.reader(open(csv_path, encoding="utf-8", newline="")))
    if p.org_headings != header:
        problem("organisation table columns %r, not %r" % (p.org_headings, header))
    orgs = system["organisations"]
    if len(p.org_rows) != len(orgs):
        problem("%d organisation rows, not %d" % (len(p.org_rows), len(orgs)))
    for i, (row, org) in enumerate(zip(p.org_rows, orgs)):
        want = [clean(org["id"]), clean(org.get("name", org["id"])), clean(org["type"])]
        if row[:3] != want:
            problem("row %d: %r, not %r" % (i + 1, row[:3], want))
        for cell in row[3:]:
            if cell and not re.fullmatch(r"-?[0-9.]+(e[-+][0-9]+)?", cell):
                problem("row %d: %r is not a number" % (i + 1, cell))

    sources = system.get("sources", [])
    if len(p.sources) != len(sources):
        problem("%d sources, not %d" % (len(p.sources), len(sources)))
    for got_s, s in zip(p.sources, sources):
        if clean(s.get("citation", "")) not in got_s:
            problem("source %r does not show its citation" % s["id"])

    for msg in problems:
        print(msg)
    return 1 if problems else 0


sys.exit(main())
