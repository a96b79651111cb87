#!/bin/sh
# expect.sh JSON EXPECTED - checks values of accgraph's JSON output.
#
# EXPECTED holds lines "PATH = VALUE" (blank lines and lines starting with #
# are ignored), PATH as printed by flatten.awk (section.member,
# table[row].column, array.# for an array's length).  Every listed value must
# be present: numbers equal within 1e-5 relative (1e-9 absolute), as both
# sides carry 6 significant digits; anything else byte for byte.  Prints
# each difference; exits 1 if there is one.
set -u
dir=$(dirname "$0")
awk -f "$dir/flatten.awk" "$1" >"$1.flat" || exit 2
awk -v flat="$1.flat" '
function isnum(s) { return s ~ /^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$/ }
function same(a, b,    d, m) {
	if (!(isnum(a) && isnum(b)))
		return a == b
	d = a - b; if (d < 0) d = -d
	m = a < 0 ? -a : a; if ((b < 0 ? -b : b) > m) m = b < 0 ? -b : b
	return d <= 1e-9 || d <= 1e-5 * m
}
BEGIN {
	while ((getline l < flat) > 0) {
		i = index(l, " = ")
		got[substr(l, 1, i - 1)] = substr(l, i + 3)
		has[substr(l, 1, i - 1)] = 1
	}
}
/^[ \t]*(#|$)/ { next }
{
	i = index($0, " = ")
	if (!i) { print FILENAME ":" FNR ": not PATH = VALUE: " $0; bad = 1; next }
	k = substr($0, 1, i - 1); v = substr($0, i + 3)
	n++
	if (!(k in has)) { print "missing: " k " (expected " v ")"; bad = 1 }
	else if (!same(got[k], v)) { print k ": got " got[k] ", expected " v; bad = 1 }
}
END { if (!n) { print "no expectations"; bad = 1 } exit bad }
' "$2"
