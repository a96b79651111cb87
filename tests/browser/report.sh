#!/bin/sh
# tests/browser/report.sh REPORT.html SECTIONS ROWS DIR NAME
#
# Loads a copy of an HTML report in headless Chromium (JavaScript on, from
# disk, nothing else loaded), once, and checks through the DOM what a reader
# would see (tests/browser/probe.js: every section, the per-organisation
# table sorted by clicking its headings, the diagram within the page width,
# the charts drawn, nothing fetched) and that the page logs nothing to the
# console (no error, no refused script or fetch).
#   SECTIONS  a file of the expected "key<TAB>title" lines, in page order
#   ROWS      the expected number of rows of the per-organisation table
#   DIR       a scratch directory (the copy, the profile, the DOM, the log)
#   NAME      names the files; the screenshot (1280x4000) is written to
#             $SCREENSHOT_DIR/NAME.png, or DIR/NAME.png
# The copy adds the probe's two scripts and their hashes to the page's
# Content-Security-Policy, which stays in force: the page's own script runs
# only if its hash is the one the page declares.
# Chromium missing is a failure (make deps installs it), never a skip; it is
# stopped after $BROWSER_SECONDS seconds (default 120).
set -u
html=$1 sections=$2 rows=$3 dir=$4 name=$5
here=$(dirname "$0")
fail() { echo "browser: $name: $*"; exit 1; }

command -v chromium >/dev/null 2>&1 ||
	fail "chromium is not installed: 'make deps' installs it (Debian package chromium)"
dir=$(cd "$dir" && pwd) || exit 1
shots=${SCREENSHOT_DIR:-$dir}
mkdir -p "$shots" && shots=$(cd "$shots" && pwd) || exit 1
copy=$dir/$name-probe.html

python3 - "$html" "$here/probe-early.js" "$here/probe.js" "$copy" <<'PY' || fail "cannot make the probe copy"
import base64, hashlib, re, sys
src, early, late, dst = sys.argv[1:]
page = open(src, "rb").read()
e, l = open(early, "rb").read(), open(late, "rb").read()
def h(b):
    return b"'sha256-" + base64.b64encode(hashlib.sha256(b).digest()) + b"'"
m = re.search(rb"script-src 'sha256-[^']+'", page)
if not m:
    sys.exit("no script hash in the page's Content-Security-Policy")
page = page.replace(m.group(0), m.group(0) + b" " + h(e) + b" " + h(l), 1)
at = page.index(b">", page.index(b'http-equiv="Content-Security-Policy"')) + 1
page = page[:at] + b"\n<script>" + e + b"</script>" + page[at:]
at = page.rindex(b"</body>")
page = page[:at] + b"<script>" + l + b"</script>\n" + page[at:]
open(dst, "wb").write(page)
PY

sandbox=
[ "$(id -u)" = 0 ] && sandbox=--no-sandbox
rm -f "$shots/$name.png"
timeout -k 10 "${BROWSER_SECONDS:-120}" chromium --headless=new $sandbox --disable-gpu --no-first-run \
	--no-default-browser-check --disable-extensions --disable-sync \
	--user-data-dir="$dir/profile-$name" --enable-logging=stderr --v=0 \
	--window-size=1280,4000 --hide-scrollbars --screenshot="$shots/$name.png" \
	--dump-dom "file://$copy" >"$dir/$name.dom" 2>"$dir/$name.log"
rc=$?
[ "$rc" = 0 ] || { tail -n 20 "$dir/$name.log"; fail "chromium exited with status $rc"; }

# Console messages of the page (errors, refused scripts or fetches).
if grep 'CONSOLE' "$dir/$name.log"; then
	fail "the page logged to the console"
fi

# The probe's findings.
sed -n '/<pre id="acg-probe" hidden="">$/,/^<\/pre>/p' "$dir/$name.dom" |
	sed -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&quot;/"/g' -e "s/&#39;/'/g" -e 's/&amp;/\&/g' \
	>"$dir/$name.probe"
grep -q '^PASS ' "$dir/$name.probe" || { head -c 2000 "$dir/$name.dom"; fail "the probe did not run"; }
if grep '^FAIL ' "$dir/$name.probe"; then
	fail "checks failed in the browser"
fi
sed -n 's/^SECTION //p' "$dir/$name.probe" >"$dir/$name.sections"
diff -u "$sections" "$dir/$name.sections" || fail "sections differ"
got=$(sed -n 's/^ROWS //p' "$dir/$name.probe")
[ "$got" = "$rows" ] || fail "$got rows in the per-organisation table, not $rows"

# The screenshot: a PNG.
[ "$(od -An -c -N4 "$shots/$name.png" 2>/dev/null | tr -d ' ')" = '211PNG' ] ||
	fail "no screenshot"
exit 0
