/*
 * report_html.c - the report as one self-contained HTML page; see
 * accgraph/report.h (acg_report_write_html).
 *
 * The page is written in one pass, in this order: head (stylesheet, the
 * Content-Security-Policy), header (title, as-of date, selection,
 * description), contents, key figures, the diagram, one <section> per report
 * section, the per-organisation table, the distribution charts, the sources,
 * and the sorting script.
 *
 * Contracts that keep the page safe whatever the file says:
 *   - the file's text (names, titles, labels, citations, table cells, and
 *     the report's sentences, which quote names) goes through put_esc()
 *     only, and only into element content or double-quoted attribute values;
 *   - element names, attribute names, ids, the stylesheet and the script are
 *     this file's constants; ids are made of section and table keys, which
 *     report_sections.c chooses, escaped all the same;
 *   - the diagram is Graphviz's SVG after svg_copy() has checked every
 *     element and attribute name against a list and every character
 *     reference, and dropped the prolog, comments and <title> elements;
 *   - numbers are formatted here (%.6g or whole), so the charts are made of
 *     this file's markup and numbers only.
 */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "accgraph/accgraph.h"
#include "accgraph/report.h"
#include "report_impl.h"
#include "util.h"

/* ---- escaping --------------------------------------------------------------- */

/*
 * Writes the n bytes at s as HTML text that is equally safe as a quoted
 * attribute value: & < > " ' as character references; tab and line feed
 * kept, every other C0 control, DEL and the C1 controls dropped; bytes that
 * are not UTF-8 written as U+FFFD.  With wbr, a <wbr> follows each '_' (so
 * long column names can wrap; element content only).
 */
static void put_escn(FILE *f, const char *s, size_t n, bool wbr)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	unsigned long cp;
	size_t len;

	while (p < end) {
		switch (*p) {
		case '&':
			fputs("&amp;", f);
			break;
		case '<':
			fputs("&lt;", f);
			break;
		case '>':
			fputs("&gt;", f);
			break;
		case '"':
			fputs("&quot;", f);
			break;
		case '\'':
			fputs("&#39;", f);
			break;
		case '_':
			fputs(wbr ? "_<wbr>" : "_", f);
			break;
		default:
			if (*p >= 0x80) {
				len = acg_utf8_seq(p, end, &cp);
				if (!len) {
					fputs("\xef\xbf\xbd", f);
					p++;
				} else {
					if (cp > 0x9f)
						fwrite(p, 1, len, f);
					p += len;
				}
				continue;
			}
			if (*p == '\t' || *p == '\n' || (*p >= 0x20 && *p != 0x7f))
				fputc(*p, f);
		}
		p++;
	}
}

/* put_escn() of a string; NULL writes nothing. */
static void put_esc(FILE *f, const char *s)
{
	if (s)
		put_escn(f, s, strlen(s), false);
}

/* A column name: escaped, breakable after underscores. */
static void put_col_name(FILE *f, const char *s)
{
	if (s)
		put_escn(f, s, strlen(s), true);
}

/*
 * Formats a number as the other writers do: whole numbers (and figures
 * marked integer) without a fraction, others with 6 significant digits.
 * Returns false (buf empty) for NaN and infinities: no value.
 */
static bool format_number(char buf[48], double v, bool integer)
{
	buf[0] = '\0';
	if (!isfinite(v))
		return false;
	v += 0.0; /* no "-0" */
	if ((integer || v == floor(v)) && fabs(v) < 1e15)
		snprintf(buf, 48, "%.0f", v);
	else
		snprintf(buf, 48, "%.6g", v);
	return true;
}

/* ---- the fixed parts ---------------------------------------------------------- */

/*
 * The stylesheet.  Screen: one readable column, tables that scroll inside
 * their box when wide or long (with sticky headings), numbers right-aligned
 * in tabular figures.  Print: no navigation, nothing sticky or scrolling,
 * headings kept with what follows, rows never split, the diagram within the
 * page width.
 */
static const char stylesheet[] =
	":root{--ink:#1b1f24;--muted:#57606a;--rule:#d0d7de;--head:#eef1f4;--zebra:#f8f9fb;"
	"--accent:#0b5cad;--bar:#3b6ea5}\n"
	"*{box-sizing:border-box}\n"
	"html{-webkit-text-size-adjust:100%;text-size-adjust:100%}\n"
	"body{margin:0;color:var(--ink);background:#fff;"
	"font:16px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Liberation Sans\","
	"\"Helvetica Neue\",Arial,sans-serif}\n"
	".page{max-width:80rem;margin:0 auto;padding:2rem 1.5rem 4rem}\n"
	"h1{font-size:2rem;line-height:1.2;margin:0 0 .5rem}\n"
	"h2{font-size:1.45rem;line-height:1.25;margin:2.75rem 0 .6rem;padding-top:.6rem;"
	"border-top:2px solid var(--ink)}\n"
	"h3{font-size:1.05rem;margin:1.6rem 0 .5rem}\n"
	"p{margin:.5rem 0}\n"
	".meta{color:var(--muted);margin:.2rem 0}\n"
	".description,.sentence,.note{max-width:50rem}\n"
	".sentence{font-size:1.12rem}\n"
	".note{color:var(--muted);font-size:.9rem}\n"
	"a{color:var(--accent)}\n"
	"nav.toc ol{columns:2 18rem;margin:.5rem 0;padding-left:1.5rem}\n"
	"nav.toc li{break-inside:avoid}\n"
	"dl.glance{display:grid;grid-template-columns:repeat(auto-fill,minmax(11rem,1fr));"
	"gap:.75rem;margin:1rem 0}\n"
	"dl.glance div{border:1px solid var(--rule);border-radius:6px;padding:.6rem .8rem}\n"
	"dl.glance dt{color:var(--muted);font-size:.85rem}\n"
	"dl.glance dd{margin:0;font-size:1.6rem;font-weight:600;font-variant-numeric:tabular-nums}\n"
	"table{border-collapse:collapse;font-size:.875rem;margin:.25rem 0 1rem}\n"
	"th,td{padding:.3rem .65rem;border-bottom:1px solid var(--rule);text-align:left;"
	"vertical-align:top}\n"
	"thead th{background:var(--head);border-bottom:2px solid #8c959f;font-weight:600;"
	"vertical-align:bottom}\n"
	"tbody tr:nth-child(even){background:var(--zebra)}\n"
	"table.data td{max-width:40rem}\n"
	"#acg-org-table td:first-child{white-space:nowrap}\n"
	"#acg-org-table td:nth-child(2){min-width:15rem}\n"
	".num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
	"td.e::after{content:\"\\2013\";color:#8c959f}\n"
	"table.figs th{font-weight:normal;background:none;padding-left:0}\n"
	"table.figs td{font-weight:600}\n"
	".scroll{overflow:auto;max-width:100%;margin-bottom:1rem}\n"
	".scroll>table{margin:0}\n"
	".scroll.long{max-height:36rem;border:1px solid var(--rule)}\n"
	".scroll.long thead th{position:sticky;top:0;z-index:1}\n"
	"th button{font:inherit;color:inherit;background:none;border:0;padding:0;margin:0;"
	"cursor:pointer;text-align:inherit}\n"
	"th button:hover,th button:focus-visible{text-decoration:underline}\n"
	"th[aria-sort=ascending] button::after{content:\" \\25B2\"}\n"
	"th[aria-sort=descending] button::after{content:\" \\25BC\"}\n"
	".js-only{display:none}\n"
	".js .js-only{display:block}\n"
	"figure{margin:1rem 0}\n"
	"figcaption{color:var(--muted);font-size:.9rem;margin-top:.4rem;max-width:50rem}\n"
	"svg.diagram{display:block;width:100%;height:auto;margin:0 auto}\n"
	".charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(24rem,1fr));gap:1.5rem}\n"
	"svg.chart{display:block;width:100%;height:auto;max-width:42rem}\n"
	"svg.chart text{font-family:inherit;fill:var(--ink)}\n"
	"svg.chart .title{font-weight:600;font-size:15px}\n"
	"svg.chart .axis{stroke:var(--ink);stroke-width:1}\n"
	"svg.chart .grid{stroke:var(--rule);stroke-width:1}\n"
	"svg.chart .bar{fill:var(--bar)}\n"
	"dl.glossary{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;"
	"font-size:.9rem;max-width:60rem}\n"
	"dl.glossary dt{font-weight:600}\n"
	"dl.glossary dd{margin:0}\n"
	"ol.sources{max-width:62rem}\n"
	"ol.sources li{margin:.3rem 0}\n"
	".src-id{color:var(--muted)}\n"
	".src-url{overflow-wrap:anywhere}\n"
	"footer{margin-top:3rem;color:var(--muted);font-size:.85rem}\n"
	"@page{margin:14mm}\n"
	"@media print{\n"
	"body{font-size:10pt}\n"
	".page{max-width:none;padding:0}\n"
	"nav.toc,.js-only{display:none}\n"
	"h2{border-top-width:1px;margin-top:1.5rem}\n"
	"h2,h3{break-after:avoid}\n"
	".scroll,.scroll.long{overflow:visible;max-height:none;border:0}\n"
	".scroll.long thead th{position:static}\n"
	"thead{display:table-header-group}\n"
	"tr,dl.glance div,figure,table.figs,svg.chart{break-inside:avoid}\n"
	"table{font-size:8pt}\n"
	"th,td{padding:.15rem .4rem}\n"
	"tbody tr:nth-child(even){background:none}\n"
	"svg.diagram{max-width:100%!important}\n"
	"a{color:inherit;text-decoration:none}\n"
	"th[aria-sort] button::after{content:none}\n"
	"dl.glance{grid-template-columns:repeat(4,1fr);gap:.4rem}\n"
	"dl.glance div{padding:.3rem .5rem}\n"
	"dl.glance dd{font-size:14pt}\n"
	"}\n";

/*
 * The sorting script.  It adds class "js" to <html> (showing the .js-only
 * hints), turns each heading of every table.sortable into a button, and
 * sorts the rows of the first tbody on a click: a numeric column (th.num)
 * largest first, a text column A to Z, empty cells (td.e) last either way;
 * a second click on the same heading reverses; aria-sort on the heading says
 * which.  Ties keep their current order.  It reads only the DOM; no data of
 * the file is in it.
 *
 * SCRIPT_SHA256 is the base64 SHA-256 of these bytes exactly, for the
 * Content-Security-Policy; after any change recompute it with
 *   build/accgraph report graphs/wirral-2013.json --format html |
 *   python3 -c 'import sys,re,hashlib,base64; s=re.search(rb"<script>(.*?)</script>",
 *   sys.stdin.buffer.read(),re.S).group(1); print(base64.b64encode(hashlib.sha256(s).digest()).decode())'
 * (tests/cli/report-html-safe checks it).
 */
static const char sort_script[] =
	"\n(function () {\n"
	"\"use strict\";\n"
	"document.documentElement.classList.add(\"js\");\n"
	"function key(cell, num) {\n"
	"\tif (!cell || cell.classList.contains(\"e\")) return null;\n"
	"\tif (!num) return cell.textContent;\n"
	"\tvar v = parseFloat(cell.textContent);\n"
	"\treturn isNaN(v) ? null : v;\n"
	"}\n"
	"function sort(table, th) {\n"
	"\tvar num = th.classList.contains(\"num\");\n"
	"\tvar first = num ? \"descending\" : \"ascending\";\n"
	"\tvar dir = th.getAttribute(\"aria-sort\") === first ?\n"
	"\t\t(num ? \"ascending\" : \"descending\") : first;\n"
	"\tvar heads = th.parentNode.cells, col = th.cellIndex, i;\n"
	"\tfor (i = 0; i < heads.length; i++) heads[i].removeAttribute(\"aria-sort\");\n"
	"\tth.setAttribute(\"aria-sort\", dir);\n"
	"\tvar body = table.tBodies[0], rows = [], sign = dir === \"ascending\" ? 1 : -1;\n"
	"\tfor (i = 0; i < body.rows.length; i++)\n"
	"\t\trows.push({row: body.rows[i], k: key(body.rows[i].cells[col], num), i: i});\n"
	"\trows.sort(function (a, b) {\n"
	"\t\tif (a.k === null || b.k === null)\n"
	"\t\t\treturn a.k === b.k ? a.i - b.i : a.k === null ? 1 : -1;\n"
	"\t\tvar c = num ? a.k - b.k : a.k.localeCompare(b.k);\n"
	"\t\treturn c ? sign * c : a.i - b.i;\n"
	"\t});\n"
	"\tvar frag = document.createDocumentFragment();\n"
	"\tfor (i = 0; i < rows.length; i++) frag.appendChild(rows[i].row);\n"
	"\tbody.appendChild(frag);\n"
	"}\n"
	"function hook(table, th) {\n"
	"\tvar b = document.createElement(\"button\");\n"
	"\tb.type = \"button\";\n"
	"\twhile (th.firstChild) b.appendChild(th.firstChild);\n"
	"\tth.appendChild(b);\n"
	"\tb.addEventListener(\"click\", function () { sort(table, th); });\n"
	"}\n"
	"var tables = document.querySelectorAll(\"table.sortable\"), t, h;\n"
	"for (t = 0; t < tables.length; t++) {\n"
	"\tif (!tables[t].tHead || !tables[t].tBodies.length) continue;\n"
	"\tvar heads = tables[t].tHead.rows[0].cells;\n"
	"\tfor (h = 0; h < heads.length; h++) hook(tables[t], heads[h]);\n"
	"}\n"
	"})();\n";

#define SCRIPT_SHA256 "sha256-b1wGRoGs8Ihdu7cnCWIIt/t5FYoEyh51d36ycjVq7VU="

/* ---- the diagram ---------------------------------------------------------------- */

/* The elements and attributes Graphviz's SVG renderer draws with. */
static const char *const svg_elements[] = {
	"svg", "g", "text", "tspan", "polygon", "polyline", "path", "ellipse", "circle",
	"rect", "line", "defs", "linearGradient", "radialGradient", "stop", NULL,
};
static const char *const svg_attributes[] = {
	"id", "class", "width", "height", "viewBox", "version", "xmlns", "xmlns:xlink",
	"transform", "fill", "fill-opacity", "stroke", "stroke-width", "stroke-dasharray",
	"stroke-opacity", "stroke-linecap", "stroke-linejoin", "opacity", "points", "d",
	"cx", "cy", "r", "rx", "ry", "x", "y", "x1", "y1", "x2", "y2", "text-anchor",
	"font-family", "font-size", "font-weight", "font-style", "text-decoration",
	"baseline-shift", "dominant-baseline", "offset", "stop-color", "stop-opacity",
	"gradientUnits", "gradientTransform", "preserveAspectRatio", "xml:space", NULL,
};

/* Deepest nesting of elements accepted. */
#define SVG_MAX_DEPTH 64

static bool is_name_start(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static bool is_name_char(char c)
{
	return is_name_start(c) || (c >= '0' && c <= '9') || c == ':' || c == '-' || c == '.';
}

/* The index of the n-byte name at p in list, or -1. */
static int find_name(const char *const *list, const char *p, size_t n)
{
	int i;

	for (i = 0; list[i]; i++)
		if (strlen(list[i]) == n && !memcmp(list[i], p, n))
			return i;
	return -1;
}

/* The first occurrence of the NUL-terminated needle in [p, end), or NULL. */
static const char *find_in(const char *p, const char *end, const char *needle)
{
	size_t n = strlen(needle);

	for (; (size_t)(end - p) >= n; p++)
		if (!memcmp(p, needle, n))
			return p;
	return NULL;
}

/*
 * Whether [p, end) is text XML and HTML read alike: no '<', no control
 * character but tab, line feed and carriage return, and every '&' starts &amp; &lt; &gt; &quot; &apos; or a numeric reference to a
 * character allowed in XML.
 */
static bool svg_text_ok(const char *p, const char *end)
{
	static const char *const named[] = {"amp;", "lt;", "gt;", "quot;", "apos;", NULL};
	int i;

	for (; p < end; p++) {
		if (*p == '<' || ((unsigned char)*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r'))
			return false;
		if (*p != '&')
			continue;
		p++;
		if (p < end && *p == '#') {
			unsigned long v = 0;
			bool hex = ++p < end && *p == 'x';
			const char *digits;

			if (hex)
				p++;
			for (digits = p; p < end && v <= 0x10ffff; p++) {
				int d = *p >= '0' && *p <= '9' ? *p - '0'
					: hex && *p >= 'a' && *p <= 'f' ? *p - 'a' + 10
					: hex && *p >= 'A' && *p <= 'F' ? *p - 'A' + 10
					: -1;
				if (d < 0)
					break;
				v = v * (hex ? 16 : 10) + (unsigned long)d;
			}
			if (p == digits || p >= end || *p != ';' || v > 0x10ffff ||
			    (v < 0x20 && v != 9 && v != 10 && v != 13) ||
			    (v >= 0xd800 && v <= 0xdfff) || v == 0xfffe || v == 0xffff)
				return false;
			continue;
		}
		for (i = 0; named[i]; i++)
			if ((size_t)(end - p) >= strlen(named[i]) &&
			    !memcmp(p, named[i], strlen(named[i])))
				break;
		if (!named[i])
			return false;
		p += strlen(named[i]) - 1;
	}
	return true;
}

static bool all_space(const char *p, const char *end)
{
	for (; p < end; p++)
		if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
			return false;
	return true;
}

/*
 * Whether the attribute value [p, end) refers to nothing outside the
 * drawing: no backslash (a CSS escape could spell url), every url( in any
 * case is url(#...) (Graphviz's gradients), and an id does not take the
 * acg- prefix of the page's own ids.
 */
static bool svg_value_local(const char *name, size_t nlen, const char *p, const char *end)
{
	const char *u;

	if (memchr(p, '\\', (size_t)(end - p)))
		return false;
	for (u = p; end - u >= 4; u++)
		if (!strncasecmp(u, "url(", 4) && (u + 4 >= end || u[4] != '#'))
			return false;
	return !(nlen == 2 && !memcmp(name, "id", 2) && end - p >= 4 && !memcmp(p, "acg-", 4));
}

/* Whether [p, end) is a plain CSS length: digits and dots, then pt or px. */
static bool css_length(const char *p, const char *end)
{
	const char *d = p;

	while (d < end && ((*d >= '0' && *d <= '9') || *d == '.'))
		d++;
	return d > p && end - d == 2 && (!memcmp(d, "pt", 2) || !memcmp(d, "px", 2));
}

/*
 * Checks Graphviz's SVG document [s, s + len) and, when f is not NULL,
 * writes it for inline use: the prolog (XML declaration, DOCTYPE without
 * an internal subset), comments and <title> elements dropped; every other
 * element and attribute copied as it is, each attribute value in double
 * quotes; on the root <svg>, the width becomes its max-width (so the drawing
 * shrinks to the page, never grows past its size), its height and class are
 * dropped, and class, role and aria-labelledby="acg-diagram-caption" are
 * added.  Returns 0, or -1 when
 * the document holds anything else (an element or attribute not in the
 * lists, a processing instruction or CDATA section inside it, a reference
 * or character that is not in svg_text_ok(), a value that is not
 * svg_value_local(), nesting that does not match, text outside
 * the root): then, with f, what was written must be discarded — so call it
 * first without f.
 */
static int svg_copy(const char *s, size_t len, FILE *f)
{
	const char *p = s, *end = s + len, *q;
	int stack[SVG_MAX_DEPTH];
	size_t depth = 0, n;
	bool started = false, done = false;

	while (p < end) {
		if (*p != '<') {
			q = memchr(p, '<', (size_t)(end - p));
			if (!q)
				q = end;
			if (!started || done) {
				if (!all_space(p, q))
					return -1;
			} else {
				if (!svg_text_ok(p, q))
					return -1;
				if (f)
					fwrite(p, 1, (size_t)(q - p), f);
			}
			p = q;
			continue;
		}
		if ((size_t)(end - p) >= 4 && !memcmp(p, "<!--", 4)) {
			if (!(q = find_in(p + 4, end, "-->")))
				return -1;
			p = q + 3;
			continue;
		}
		if ((size_t)(end - p) >= 2 && p[1] == '?') {
			if (started || !(q = find_in(p + 2, end, "?>")))
				return -1;
			p = q + 2;
			continue;
		}
		if ((size_t)(end - p) >= 9 && !memcmp(p, "<!DOCTYPE", 9)) {
			if (started || !(q = memchr(p, '>', (size_t)(end - p))) ||
			    memchr(p, '[', (size_t)(q - p)))
				return -1;
			p = q + 1;
			continue;
		}
		if ((size_t)(end - p) >= 2 && p[1] == '/') {
			/* An end tag: must close the innermost open element. */
			p += 2;
			for (n = 0; p + n < end && is_name_char(p[n]); n++)
				;
			if (!depth || find_name(svg_elements, p, n) != stack[depth - 1])
				return -1;
			if (f)
				fprintf(f, "</%s>", svg_elements[stack[depth - 1]]);
			depth--;
			for (p += n; p < end && (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r');
			     p++)
				;
			if (p >= end || *p != '>')
				return -1;
			p++;
			if (!depth)
				done = true;
			continue;
		}
		/* A start tag. */
		p++;
		if (done || p >= end || !is_name_start(*p))
			return -1;
		for (n = 0; p + n < end && is_name_char(p[n]); n++)
			;
		if (started && n == 5 && !memcmp(p, "title", 5)) {
			/* Graphviz's titles name the nodes by their internal names: dropped. */
			if (!(q = find_in(p, end, "</title>")) ||
			    memchr(p + 5, '<', (size_t)(q - p - 5)))
				return -1;
			p = q + 8;
			continue;
		}
		{
			int el = find_name(svg_elements, p, n);
			bool root = !started;

			if (el < 0 || (root && el != 0) || depth == SVG_MAX_DEPTH)
				return -1;
			started = true;
			if (f)
				fprintf(f, "<%s", svg_elements[el]);
			p += n;
			for (;;) {
				const char *name, *val;
				size_t nlen;
				char quote;

				for (; p < end && (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r');
				     p++)
					;
				if (p >= end)
					return -1;
				if (*p == '>' || *p == '/')
					break;
				name = p;
				for (nlen = 0; p + nlen < end && is_name_char(p[nlen]); nlen++)
					;
				if (!nlen || find_name(svg_attributes, name, nlen) < 0)
					return -1;
				p += nlen;
				if (p >= end || *p != '=' || p + 1 >= end ||
				    (p[1] != '"' && p[1] != '\''))
					return -1;
				quote = p[1];
				val = p + 2;
				if (!(q = memchr(val, quote, (size_t)(end - val))) ||
				    !svg_text_ok(val, q) || memchr(val, '"', (size_t)(q - val)) ||
				    !svg_value_local(name, nlen, val, q))
					return -1;
				p = q + 1;
				if (!f)
					continue;
				if (root && nlen == 5 && !memcmp(name, "width", 5)) {
					if (css_length(val, q)) {
						fputs(" style=\"max-width:", f);
						fwrite(val, 1, (size_t)(q - val), f);
						fputc('"', f);
					}
				} else if (!(root && ((nlen == 6 && !memcmp(name, "height", 6)) ||
						      (nlen == 5 && !memcmp(name, "class", 5))))) {
					fputc(' ', f);
					fwrite(name, 1, nlen, f);
					fputs("=\"", f);
					fwrite(val, 1, (size_t)(q - val), f);
					fputc('"', f);
				}
			}
			if (root && f)
				fputs(" class=\"diagram\" role=\"img\" aria-labelledby=\"acg-diagram-caption\"",
				      f);
			if (*p == '/') {
				if (p + 1 >= end || p[1] != '>' || root)
					return -1;
				if (f)
					fputs("/>", f);
				p += 2;
			} else {
				stack[depth++] = el;
				if (f)
					fputc('>', f);
				p++;
			}
		}
	}
	return started && done ? 0 : -1;
}

/* ---- pieces -------------------------------------------------------------------- */

/* A figure of a section by keys, or NULL. */
static const struct report_figure *find_figure(const struct acg_report *r, const char *section,
					       const char *key)
{
	size_t i, k;

	for (i = 0; i < r->nsections; i++) {
		if (strcmp(r->sections[i].key, section))
			continue;
		for (k = 0; k < r->sections[i].nfigs; k++)
			if (!strcmp(r->sections[i].figs[k].key, key))
				return &r->sections[i].figs[k];
	}
	return NULL;
}

static void write_head(FILE *f, const char *title)
{
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	      "style-src 'unsafe-inline'; script-src '" SCRIPT_SHA256 "'; "
	      "base-uri 'none'; form-action 'none'\">\n"
	      "<meta name=\"generator\" content=\"accgraph " ACG_VERSION_STRING "\">\n<title>",
	      f);
	put_esc(f, title);
	fputs("</title>\n<style>\n", f);
	fputs(stylesheet, f);
	fputs("</style>\n</head>\n", f);
}

static void write_header(FILE *f, const struct acg_report *r, const struct acg_model *m,
			 const char *title)
{
	char date[ACG_DATE_BUFSIZE];

	fputs("<header>\n<h1 id=\"acg-title\">", f);
	put_esc(f, title);
	fputs("</h1>\n", f);
	if (r->as_of != ACG_DATE_NONE)
		fprintf(f, "<p class=\"meta\">As of <time datetime=\"%s\">%s</time>.</p>\n",
			acg_date_format(r->as_of, date), date);
	if (r->selection) {
		fputs("<p class=\"meta\">Selection: <code>", f);
		put_esc(f, r->selection);
		fputs("</code> (the figures describe this part of the system only).</p>\n", f);
	}
	if (m && m->description) {
		fputs("<p class=\"description\">", f);
		put_esc(f, m->description);
		fputs("</p>\n", f);
	}
	fputs("</header>\n", f);
}

static void write_toc(FILE *f, const struct acg_report *r, const struct acg_report_html *h)
{
	size_t i;

	fputs("<nav class=\"toc\" aria-label=\"Contents\">\n<h2 id=\"acg-contents\">Contents</h2>\n"
	      "<ol>\n<li><a href=\"#acg-glance\">Key figures</a></li>\n"
	      "<li><a href=\"#acg-diagram\">Diagram</a></li>\n",
	      f);
	for (i = 0; i < r->nsections; i++) {
		fputs("<li><a href=\"#acg-s-", f);
		put_esc(f, r->sections[i].key);
		fputs("\">", f);
		put_esc(f, r->sections[i].title);
		fputs("</a></li>\n", f);
	}
	if (h->model && h->metrics)
		fputs("<li><a href=\"#acg-organisations\">Organisations</a></li>\n"
		      "<li><a href=\"#acg-distributions\">Distributions</a></li>\n",
		      f);
	if (h->model && h->model->nsources)
		fputs("<li><a href=\"#acg-sources\">Sources</a></li>\n", f);
	fputs("</ol>\n</nav>\n", f);
}

/* Key figures: a few whole-system figures from the sections, when present. */
static void write_glance(FILE *f, const struct acg_report *r)
{
	static const struct {
		const char *section, *key, *label;
	} tiles[] = {
		{"system", "organisations", "Organisations"},
		{"system", "links", "Accountability links"},
		{"system", "apexes", "Apexes (answer to no one)"},
		{"chains", "depth", "Longest upward chain (links)"},
		{"multiple_accountability", "count", "Organisations with more than one principal"},
		{"chains", "gaps", "Organisations that reach no apex"},
		{"mutual_accountability", "reciprocal_pairs", "Reciprocal pairs"},
		{"sanctions_and_practice", "hard_share", "Share of links with a hard sanction"},
	};
	char buf[48];
	size_t i;

	fputs("<section id=\"acg-glance\" aria-labelledby=\"acg-glance-h\">\n"
	      "<h2 id=\"acg-glance-h\">Key figures</h2>\n<dl class=\"glance\">\n",
	      f);
	for (i = 0; i < sizeof(tiles) / sizeof(*tiles); i++) {
		const struct report_figure *fg = find_figure(r, tiles[i].section, tiles[i].key);

		if (!fg || fg->kind == FIG_TEXT)
			continue;
		fputs("<div><dt>", f);
		put_esc(f, tiles[i].label);
		fputs("</dt><dd>", f);
		if (!format_number(buf, fg->number, fg->kind == FIG_INTEGER))
			fputs("\xe2\x80\x93", f);
		else if (!strcmp(tiles[i].key, "hard_share"))
			fprintf(f, "%.0f%%", fg->number * 100);
		else
			fputs(buf, f);
		fputs("</dd></div>\n", f);
	}
	fputs("</dl>\n</section>\n", f);
}

static void write_diagram(FILE *f, const struct acg_report_html *h)
{
	bool ok = h->svg && svg_copy(h->svg, h->svg_len, NULL) == 0;

	fputs("<section id=\"acg-diagram\" aria-labelledby=\"acg-diagram-h\">\n"
	      "<h2 id=\"acg-diagram-h\">Diagram</h2>\n<figure>\n",
	      f);
	if (ok) {
		svg_copy(h->svg, h->svg_len, f);
		fputc('\n', f);
	}
	fputs("<figcaption id=\"acg-diagram-caption\">", f);
	if (ok)
		fputs("Who is accountable to whom: each arrow points from the organisation that "
		      "gives account to the one that holds it to account; apexes are at the top. "
		      "Shapes and colours show organisation types, line styles link types (see the "
		      "key in the drawing).",
		      f);
	else if (h->svg)
		fputs("The diagram was left out: the drawing held markup accgraph does not put "
		      "in a page.",
		      f);
	else if (!h->diagram_note)
		fputs("No diagram: accgraph render draws the system.", f);
	if (h->diagram_note) {
		if (ok || h->svg)
			fputc(' ', f);
		put_esc(f, h->diagram_note);
	}
	fputs("</figcaption>\n</figure>\n</section>\n", f);
}

/* Writes the id of a section's table: acg-t-SECTION-TABLE, then suffix. */
static void put_table_id(FILE *f, const char *section, const char *table, const char *suffix)
{
	fputs("acg-t-", f);
	put_esc(f, section);
	fputc('-', f);
	put_esc(f, table);
	fputs(suffix, f);
}

/* Whether column c has a number and no text: right-aligned, sorted as numbers. */
static bool column_numeric(const struct acg_table *t, size_t c)
{
	bool number = false;
	size_t r;

	for (r = 0; r < acg_table_rows(t); r++) {
		if (acg_table_text(t, r, c))
			return false;
		if (isfinite(acg_table_number(t, r, c)))
			number = true;
	}
	return number;
}

/*
 * Writes a section's table: its heading (h3), then the table in a box that
 * scrolls when it is wide, or long (more than 25 rows).
 */
static void write_table(FILE *f, const char *section, const struct report_table *rt)
{
	const struct acg_table *t = rt->table;
	size_t rows = acg_table_rows(t), cols = acg_table_cols(t), r, c;
	char buf[48];

	fputs("<h3 id=\"", f);
	put_table_id(f, section, rt->key, "-h\">");
	put_esc(f, rt->title);
	fputs("</h3>\n", f);
	if (!rows) {
		fputs("<p class=\"none\">None.</p>\n", f);
		return;
	}
	fprintf(f, "<div class=\"scroll%s\" tabindex=\"0\" role=\"region\" aria-labelledby=\"",
		rows > 25 ? " long" : "");
	put_table_id(f, section, rt->key, "-h\">\n<table class=\"data sortable\" id=\"");
	put_table_id(f, section, rt->key, "\" aria-labelledby=\"");
	put_table_id(f, section, rt->key, "-h\">\n<thead><tr>");
	for (c = 0; c < cols; c++) {
		fputs(column_numeric(t, c) ? "<th scope=\"col\" class=\"num\" data-col=\""
					   : "<th scope=\"col\" data-col=\"",
		      f);
		put_esc(f, acg_table_col_name(t, c));
		fputs("\">", f);
		put_col_name(f, acg_table_col_name(t, c));
		fputs("</th>", f);
	}
	fputs("</tr></thead>\n<tbody>\n", f);
	for (r = 0; r < rows; r++) {
		fputs("<tr>", f);
		for (c = 0; c < cols; c++) {
			const char *text = acg_table_text(t, r, c);

			if (text) {
				fputs("<td>", f);
				put_esc(f, text);
				fputs("</td>", f);
			} else if (format_number(buf, acg_table_number(t, r, c), false)) {
				fprintf(f, "<td class=\"num\">%s</td>", buf);
			} else {
				fputs("<td class=\"e\"></td>", f);
			}
		}
		fputs("</tr>\n", f);
	}
	fputs("</tbody>\n</table>\n</div>\n", f);
}

static void write_section(FILE *f, const struct report_section *s)
{
	char buf[48];
	size_t k;

	fputs("<section class=\"question\" id=\"acg-s-", f);
	put_esc(f, s->key);
	fputs("\" data-section=\"", f);
	put_esc(f, s->key);
	fputs("\" aria-labelledby=\"acg-s-", f);
	put_esc(f, s->key);
	fputs("-h\">\n<h2 id=\"acg-s-", f);
	put_esc(f, s->key);
	fputs("-h\">", f);
	put_esc(f, s->title);
	fputs("</h2>\n", f);
	if (s->sentence) {
		fputs("<p class=\"sentence\">", f);
		put_esc(f, s->sentence);
		fputs("</p>\n", f);
	}
	if (s->nfigs) {
		fputs("<table class=\"figs\">\n<tbody>\n", f);
		for (k = 0; k < s->nfigs; k++) {
			const struct report_figure *fg = &s->figs[k];

			fputs("<tr data-figure=\"", f);
			put_esc(f, fg->key);
			fputs("\"><th scope=\"row\">", f);
			put_esc(f, fg->label);
			fputs("</th>", f);
			if (fg->kind == FIG_TEXT && fg->text) {
				fputs("<td>", f);
				put_esc(f, fg->text);
				fputs("</td>", f);
			} else if (fg->kind != FIG_TEXT &&
				   format_number(buf, fg->number, fg->kind == FIG_INTEGER)) {
				fprintf(f, "<td class=\"num\">%s</td>", buf);
			} else {
				fputs("<td class=\"e\"></td>", f);
			}
			fputs("</tr>\n", f);
		}
		fputs("</tbody>\n</table>\n", f);
	}
	for (k = 0; k < s->ntables; k++)
		write_table(f, s->key, &s->tables[k]);
	fputs("</section>\n", f);
}

/* What the default metric columns mean, for the glossary under the table. */
static const char *metric_meaning(enum acg_metric m)
{
	switch (m) {
	case ACG_METRIC_IN_DEGREE:
		return "links into the organisation (accounts it receives), every link counted";
	case ACG_METRIC_OUT_DEGREE:
		return "links out of the organisation (accounts it gives), every link counted";
	case ACG_METRIC_PRINCIPALS:
		return "distinct organisations it is directly accountable to";
	case ACG_METRIC_ACCOUNTEES:
		return "distinct organisations directly accountable to it";
	case ACG_METRIC_BETWEENNESS:
		return "how many shortest upward paths pass through it (directed, not normalised)";
	case ACG_METRIC_HARMONIC:
		return "out-going harmonic centrality: how close it is to the rest, upwards (0 to 1)";
	case ACG_METRIC_PAGERANK:
		return "PageRank (damping 0.85): accounts received from well-placed organisations";
	case ACG_METRIC_HUB:
		return "Kleinberg hub score: gives account to many authorities (largest 1)";
	case ACG_METRIC_AUTHORITY:
		return "Kleinberg authority score: holds many hubs to account (largest 1)";
	case ACG_METRIC_CORENESS:
		return "k-core number of the undirected graph";
	case ACG_METRIC_CONSTRAINT:
		return "Burt's constraint: how far its contacts are tied to one another";
	case ACG_METRIC_APEX_DISTANCE:
		return "fewest links up to an apex; empty if none is reachable";
	case ACG_METRIC_APEXES:
		return "apexes reached by upward chains, itself included";
	case ACG_METRIC_COMMUNITY:
		return "Leiden community (modularity, undirected)";
	default:
		return NULL;
	}
}

/* The per-organisation table: id, name, type and the default metrics computed. */
static void write_organisations(FILE *f, const struct acg_model *m, const struct acg_metrics *mx)
{
	bool estimated = false;
	char buf[48];
	size_t i, c;

	fputs("<section id=\"acg-organisations\" aria-labelledby=\"acg-organisations-h\">\n"
	      "<h2 id=\"acg-organisations-h\">Organisations</h2>\n"
	      "<p class=\"sentence\">The figures of each organisation, in the order of the file "
	      "(as <code>accgraph metrics</code> prints them).</p>\n"
	      "<p class=\"note js-only\">Click a column heading to sort by it (numbers largest "
	      "first); click it again to reverse.</p>\n"
	      "<div class=\"scroll long\" tabindex=\"0\" role=\"region\" "
	      "aria-labelledby=\"acg-organisations-h\">\n"
	      "<table class=\"data sortable\" id=\"acg-org-table\" "
	      "aria-labelledby=\"acg-organisations-h\">\n"
	      "<thead><tr><th scope=\"col\" data-col=\"id\">id</th>"
	      "<th scope=\"col\" data-col=\"name\">name</th>"
	      "<th scope=\"col\" data-col=\"type\">type</th>",
	      f);
	for (c = 0; c < ACG_METRIC_COUNT; c++) {
		if (!acg_metric_is_default((enum acg_metric)c) || !mx->v[c])
			continue;
		fprintf(f, "<th scope=\"col\" class=\"num\" data-col=\"%s\">",
			acg_metric_name((enum acg_metric)c));
		put_col_name(f, acg_metric_name((enum acg_metric)c));
		fputs("</th>", f);
		estimated |= mx->estimated[c];
	}
	fputs("</tr></thead>\n<tbody>\n", f);
	for (i = 0; i < m->norgs && i < mx->n; i++) {
		const struct acg_org *o = &m->orgs[i];

		fputs("<tr><td>", f);
		put_esc(f, o->id);
		fputs("</td><td>", f);
		put_esc(f, o->name);
		fputs("</td><td>", f);
		put_esc(f, m->org_types.v[o->type].name);
		fputs("</td>", f);
		for (c = 0; c < ACG_METRIC_COUNT; c++) {
			if (!acg_metric_is_default((enum acg_metric)c) || !mx->v[c])
				continue;
			if (format_number(buf, mx->v[c][i], acg_metric_is_integer((enum acg_metric)c)))
				fprintf(f, "<td class=\"num\">%s</td>", buf);
			else
				fputs("<td class=\"e\"></td>", f);
		}
		fputs("</tr>\n", f);
	}
	fputs("</tbody>\n</table>\n</div>\n", f);
	if (estimated)
		fprintf(f,
			"<p class=\"note\">Betweenness and harmonic centrality are estimates: paths "
			"longer than %d links are not counted; community is one Leiden run's, not "
			"the best of %d (<code>--exact</code> computes them exactly).</p>\n",
			ACG_ESTIMATE_CUTOFF, ACG_LEIDEN_RUNS);
	fputs("<h3>What the columns mean</h3>\n<dl class=\"glossary\">\n", f);
	for (c = 0; c < ACG_METRIC_COUNT; c++) {
		const char *meaning = metric_meaning((enum acg_metric)c);

		if (!acg_metric_is_default((enum acg_metric)c) || !mx->v[c] || !meaning)
			continue;
		fprintf(f, "<dt>%s</dt><dd>", acg_metric_name((enum acg_metric)c));
		put_esc(f, meaning);
		fputs("</dd>\n", f);
	}
	fputs("</dl>\n</section>\n", f);
}

/* ---- charts --------------------------------------------------------------------- */

#define CHART_MAX_BARS 32
#define CHART_ONE_PER_VALUE 25

/* One bar: organisations whose value is in [lo, hi]. */
struct bar {
	long lo, hi;
	size_t count;
};

/* Value i of the chart: a[i], plus b[i] when b is not NULL. */
static double chart_value(const double *a, const double *b, size_t i)
{
	return b ? a[i] + b[i] : a[i];
}

/* The edge after lo in the series 5, 10, 20, 50, 100, 200, 500, ... */
static long next_edge(long lo)
{
	long lead = lo;

	while (lead >= 10)
		lead /= 10;
	return lead == 2 ? lo / 2 * 5 : lo * 2;
}

/*
 * Bins the whole, non-negative values a[i] (+ b[i]) for i < n, below 1e9
 * (others are left out): one bar per value from 0 to the largest when the
 * largest is below CHART_ONE_PER_VALUE; otherwise (a heavy tail: one
 * national body holding hundreds to account) bars for 0 to 4, then ranges
 * that widen in a 1-2-5 series: 5-9, 10-19, 20-49, 50-99, 100-199, ...
 * Returns the number of bars, or 0 when no value counts; *counted is the
 * number of values binned.
 */
static size_t bin_values(const double *a, const double *b, size_t n,
			 struct bar bars[CHART_MAX_BARS], size_t *counted)
{
	long max = -1, lo;
	size_t i, k, nbars = 0;
	double v;

	*counted = 0;
	for (i = 0; i < n; i++)
		if (v = chart_value(a, b, i), isfinite(v) && v >= 0 && v < 1e9 && (long)v > max)
			max = (long)v;
	if (max < 0)
		return 0;
	if (max < CHART_ONE_PER_VALUE) {
		for (lo = 0; lo <= max; lo++, nbars++)
			bars[nbars].lo = bars[nbars].hi = lo;
	} else {
		for (lo = 0; lo < 5; lo++, nbars++)
			bars[nbars].lo = bars[nbars].hi = lo;
		for (; lo <= max && nbars < CHART_MAX_BARS; nbars++) {
			long next = next_edge(lo);

			bars[nbars].lo = lo;
			bars[nbars].hi = next - 1;
			lo = next;
		}
	}
	for (k = 0; k < nbars; k++)
		bars[k].count = 0;
	for (i = 0; i < n; i++) {
		if (v = chart_value(a, b, i), !isfinite(v) || v < 0 || v >= 1e9)
			continue;
		for (k = 0; k + 1 < nbars && (long)v > bars[k].hi; k++)
			;
		bars[k].count++;
		(*counted)++;
	}
	return nbars;
}

/* A round step for an axis from 0 to max with at most about 5 ticks. */
static size_t tick_step(size_t max)
{
	size_t step = 1;

	for (;;) {
		if (max / step <= 5)
			return step;
		if (max / (step * 2) <= 5)
			return step * 2;
		if (max / (step * 5) <= 5)
			return step * 5;
		step *= 10;
	}
}

/*
 * A bar chart as inline SVG (well-formed XML too): title, bars with their
 * counts on top, the x axis labelled with the values (or ranges) and
 * xlabel, the y axis with round ticks and "organisations".  Every string is
 * a constant of this file; values are numbers.
 */
static void write_chart(FILE *f, const char *id, const char *title, const char *xlabel,
			const char *what, const struct bar *bars, size_t nbars, size_t counted)
{
	const double W = 640, H = 340, left = 64, right = 16, top = 44;
	size_t i, max = 1, step, y;
	bool ranges = bars[nbars - 1].hi > bars[nbars - 1].lo;
	/* Range labels are turned when they would not fit side by side. */
	bool turn = ranges && nbars > 12;
	double bottom = turn ? 84 : 64;
	double pw = W - left - right, ph = H - top - bottom, slot = pw / (double)nbars;
	double bw = slot * 0.78;

	for (i = 0; i < nbars; i++)
		if (bars[i].count > max)
			max = bars[i].count;
	step = tick_step(max);
	max = (max + step - 1) / step * step;
	fprintf(f,
		"<figure>\n<svg class=\"chart\" id=\"%s\" viewBox=\"0 0 %.0f %.0f\" "
		"xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"%s-t\">\n"
		"<text id=\"%s-t\" class=\"title\" x=\"%.0f\" y=\"24\">%s</text>\n",
		id, W, H, id, id, left, title);
	for (y = 0; y <= max; y += step) {
		double yy = top + ph - ph * (double)y / (double)max;

		fprintf(f,
			"<line class=\"grid\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>"
			"<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" font-size=\"12\">%zu</text>\n",
			left, yy, W - right, yy, left - 8, yy + 4, y);
	}
	for (i = 0; i < nbars; i++) {
		double h = ph * (double)bars[i].count / (double)max;
		double x = left + slot * (double)i + (slot - bw) / 2, cx = x + bw / 2;

		fprintf(f, "<g><rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>",
			x, top + ph - h, bw, h);
		if (bars[i].count)
			fprintf(f,
				"<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
				"font-size=\"11\">%zu</text>",
				cx, top + ph - h - 4, bars[i].count);
		if (turn)
			fprintf(f,
				"<text transform=\"translate(%.1f %.1f) rotate(-40)\" "
				"text-anchor=\"end\" font-size=\"11\">",
				cx + 4, top + ph + 14);
		else
			fprintf(f,
				"<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
				"font-size=\"11\">",
				cx, top + ph + 16);
		if (bars[i].hi > bars[i].lo)
			fprintf(f, "%ld\xe2\x80\x93%ld</text></g>\n", bars[i].lo, bars[i].hi);
		else
			fprintf(f, "%ld</text></g>\n", bars[i].lo);
	}
	fprintf(f,
		"<line class=\"axis\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>"
		"<line class=\"axis\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n"
		"<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"13\">%s</text>\n"
		"<text transform=\"translate(16 %.1f) rotate(-90)\" text-anchor=\"middle\" "
		"font-size=\"13\">organisations</text>\n</svg>\n",
		left, top + ph, W - right, top + ph, left, top, left, top + ph, left + pw / 2,
		H - 18, xlabel, top + ph / 2);
	fprintf(f,
		"<figcaption>How many of the %zu organisations have each number of %s "
		"(%s)%s.</figcaption>\n</figure>\n",
		counted, xlabel, what,
		ranges ? "; from 5 up, the bars count ranges that widen" : "");
}

static void write_distributions(FILE *f, const struct acg_metrics *mx)
{
	struct bar bars[CHART_MAX_BARS];
	size_t n, counted;

	fputs("<section id=\"acg-distributions\" aria-labelledby=\"acg-distributions-h\">\n"
	      "<h2 id=\"acg-distributions-h\">Distributions</h2>\n<div class=\"charts\">\n",
	      f);
	if (mx->v[ACG_METRIC_PRINCIPALS] &&
	    (n = bin_values(mx->v[ACG_METRIC_PRINCIPALS], NULL, mx->n, bars, &counted)))
		write_chart(f, "acg-chart-principals", "Principals per organisation",
			    "principals", "the distinct organisations it is directly accountable to",
			    bars, n, counted);
	if (mx->v[ACG_METRIC_IN_DEGREE] && mx->v[ACG_METRIC_OUT_DEGREE] &&
	    (n = bin_values(mx->v[ACG_METRIC_IN_DEGREE], mx->v[ACG_METRIC_OUT_DEGREE], mx->n,
			    bars, &counted)))
		write_chart(f, "acg-chart-degree", "Degree: links per organisation",
			    "links (in and out)",
			    "every link into or out of it, parallel links of different types "
			    "counted each",
			    bars, n, counted);
	fputs("</div>\n</section>\n", f);
}

static void write_sources(FILE *f, const struct acg_model *m)
{
	size_t i;

	fputs("<section id=\"acg-sources\" aria-labelledby=\"acg-sources-h\">\n"
	      "<h2 id=\"acg-sources-h\">Sources</h2>\n<ol class=\"sources\">\n",
	      f);
	for (i = 0; i < m->nsources; i++) {
		const struct acg_source *s = &m->sources[i];
		const char *u = s->url;
		bool link = u && (!strncmp(u, "https://", 8) || !strncmp(u, "http://", 7) ||
				  !strncmp(u, "HTTPS://", 8) || !strncmp(u, "HTTP://", 7));

		/* One line per source (tests tell the sources' URLs from other text by it). */
		fputs("<li class=\"source\"><span class=\"src-id\">[", f);
		put_esc(f, s->id);
		fputs("]</span> ", f);
		put_esc(f, s->citation);
		if (u) {
			fputs(link ? " <a class=\"src-url\" rel=\"noreferrer\" href=\"" : " <span class=\"src-url\">", f);
			if (link) {
				put_esc(f, u);
				fputs("\">", f);
			}
			put_esc(f, u);
			fputs(link ? "</a>" : "</span>", f);
		}
		fputs("</li>\n", f);
	}
	fputs("</ol>\n</section>\n", f);
}

/* ---- the page ------------------------------------------------------------------- */

enum acg_status acg_report_write_html(const struct acg_report *r,
				      const struct acg_report_html *html, FILE *f)
{
	static const struct acg_report_html nothing = {NULL, NULL, NULL, 0, NULL};
	const struct acg_report_html *h = html ? html : &nothing;
	const char *title = r->title ? r->title : "Accountability system report";
	size_t i;

	write_head(f, title);
	fputs("<body>\n<div class=\"page\">\n", f);
	write_header(f, r, h->model, title);
	write_toc(f, r, h);
	fputs("<main>\n", f);
	write_glance(f, r);
	write_diagram(f, h);
	for (i = 0; i < r->nsections; i++)
		write_section(f, &r->sections[i]);
	if (h->model && h->metrics) {
		write_organisations(f, h->model, h->metrics);
		write_distributions(f, h->metrics);
	}
	if (h->model && h->model->nsources)
		write_sources(f, h->model);
	fputs("</main>\n<footer>Made with accgraph " ACG_VERSION_STRING
	      ". The page loads nothing from the network; its one script only sorts the "
	      "tables.</footer>\n</div>\n<script>",
	      f);
	fputs(sort_script, f);
	fputs("</script>\n</body>\n</html>\n", f);
	return ferror(f) ? ACG_EIO : ACG_OK;
}
