# tests/browser/html-checks.sh - sourced by the report-html-* cases.
#
# check_html PAGE SYSTEM [SELECTION...]: the HTML report PAGE of SYSTEM
#   - parses as HTML (xmllint --html; it knows HTML 4 only, so "Tag X
#     invalid" for HTML5 and SVG elements is the one message allowed);
#   - every inline <svg> (the diagram, the charts) is well-formed XML;
#   - has exactly one <script> (the page's) and no on* attribute (XPath);
#   - refers to nothing outside itself: no src=, url(, @import, <link, and no
#     http:// or https:// but the SVG and XLink namespace names and the
#     sources' URLs (each source is one line, class="source") -- a grep of
#     the whole page, so skipped with HTML_CHECK_GREP=0 for systems whose
#     names hold such text (report_html.py still checks every attribute);
#   - passes tests/browser/report_html.py against the text report and the
#     metrics of the same system (sections, per-organisation table, sources,
#     elements and attributes, the script's hash in the policy).
# Needs $BIN, $WRAP and $SCRATCH; returns non-zero after saying why.
check_html() {
	page=$1 system=$2
	shift 2
	xmllint --html --noout "$page" >"$SCRATCH/lint" 2>&1
	if grep 'error\|warning' "$SCRATCH/lint" | grep -v 'Tag [A-Za-z]* invalid'; then
		echo "html: xmllint found errors"; return 1
	fi
	rm -f "$SCRATCH"/inline-*.svg
	awk -v dir="$SCRATCH" '/^<svg /{n++; out=sprintf("%s/inline-%d.svg", dir, n)}
		out{print > out} /<\/svg>$/{if (out) close(out); out=""}' "$page"
	n=0
	for svg in "$SCRATCH"/inline-*.svg; do
		[ -f "$svg" ] || continue
		xmllint --noout "$svg" || { echo "html: $svg is not well-formed XML"; return 1; }
		n=$((n + 1))
	done
	[ "$n" -ge 2 ] || { echo "html: $n inline SVG documents, not 2 or more"; return 1; }
	scripts=$(xmllint --html --xpath 'count(//script)' "$page" 2>/dev/null)
	[ "$scripts" = 1 ] || { echo "html: $scripts script elements"; return 1; }
	handlers=$(xmllint --html --xpath 'count(//@*[starts-with(name(), "on")])' "$page" 2>/dev/null)
	[ "$handlers" = 0 ] || { echo "html: $handlers on* attributes"; return 1; }
	if [ "${HTML_CHECK_GREP:-1}" = 1 ] &&
		grep -n -i 'src=\|url(\|@import\|<link\|<img\|<iframe\|<object\|<embed' "$page"; then
		echo "html: a reference to another file"; return 1
	fi
	if [ "${HTML_CHECK_GREP:-1}" = 1 ] && grep -v 'class="source"' "$page" |
		sed -e 's|xmlns="http://www.w3.org/2000/svg"||g' \
			-e 's|xmlns:xlink="http://www.w3.org/1999/xlink"||g' |
		grep -n -i 'https\?://'; then
		echo "html: a URL outside the sources"; return 1
	fi
	$WRAP "$BIN" report "$system" "$@" >"$SCRATCH/check.txt" &&
		$WRAP "$BIN" metrics "$system" "$@" --format csv >"$SCRATCH/check.csv" &&
		python3 tests/browser/report_html.py "$page" "$system" "$SCRATCH/check.txt" \
			"$SCRATCH/check.csv"
}

# expected_sections SYSTEM OUT: the "key<TAB>title" lines of SYSTEM's report sections.
expected_sections() {
	$WRAP "$BIN" report "$1" --format json >"$SCRATCH/sections.json" &&
		$WRAP "$BIN" report "$1" >"$SCRATCH/sections.txt" &&
		python3 - "$SCRATCH/sections.json" "$SCRATCH/sections.txt" >"$2" <<'PY'
import json, sys
keys = [k for k in json.load(open(sys.argv[1])) if k not in ("title", "as_of", "selection")]
lines = open(sys.argv[2], encoding="utf-8").read().split("\n")
titles = [l[3:-3] for l in lines if l.startswith("== ") and l.endswith(" ==")]
if len(keys) != len(titles):
    sys.exit("%d JSON sections, %d text sections" % (len(keys), len(titles)))
for k, t in zip(keys, titles):
    print(k + "\t" + t)
PY
}
