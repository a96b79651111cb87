# compare.awk - compares two TSV tables cell by cell.
#
#   awk -f tests/reference/compare.awk [-v skip=COL1,COL2] GOT.tsv EXPECTED.tsv
#
# GOT is accgraph's output (`accgraph metrics FILE --format tsv --columns all`),
# EXPECTED the reference (tests/reference/NAME.metrics.tsv).  TSV, not CSV: the
# names contain commas and quotes but never tabs, so a line splits on tabs
# with no quoting rules to get wrong.
#
# The header lines must be equal (same columns, same order) and the tables
# must have the same number of rows; rows are matched by position (both are
# in file order) and named by their first cell (the organisation's id).
# Cell by cell:
#   - both numbers (decimal or exponent notation): equal when
#     |got - expected| <= 1e-5 * max(|got|, |expected|) (relative tolerance:
#     both sides are rounded to 6 significant digits, so a last-digit
#     difference is allowed) or <= 1e-9 (absolute, for values near 0);
#   - otherwise (text, or an empty cell): equal when identical, so an empty
#     cell equals only an empty cell.
# Columns named in -v skip=... (comma-separated) are not compared.
#
# Prints one line per difference, "ROW_ID COLUMN: got X, expected Y", and
# exits with status 1 if there was any difference, 0 otherwise.
BEGIN {
	FS = "\t"
	bad = 0
	nskip = split(skip, s, ",")
	for (i = 1; i <= nskip; i++)
		skipped[s[i]] = 1
}

function isnum(x) {
	return x ~ /^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$/
}

function abs(x) {
	return x < 0 ? -x : x
}

function same(a, b,    d, m) {
	if (isnum(a) && isnum(b)) {
		a += 0
		b += 0
		d = abs(a - b)
		m = abs(a) > abs(b) ? abs(a) : abs(b)
		return d <= 1e-9 || d <= 1e-5 * m
	}
	return a == b
}

function differ(row, col, a, b) {
	printf "%s %s: got %s, expected %s\n", row, col, a, b
	bad = 1
}

# The first file: accgraph's output (FILENAME, not FNR == NR, so that an
# empty output is not mistaken for the reference).
FILENAME == ARGV[1] {
	got[FNR] = $0
	ngot = FNR
	next
}

# The second file: the reference.
FNR == 1 {
	if ($0 != got[1]) {
		printf "header: got\n  %s\nexpected\n  %s\n", got[1], $0
		headerbad = 1
		exit 1
	}
	ncols = NF
	for (c = 1; c <= NF; c++)
		name[c] = $c
	next
}

{
	nexp = FNR
	if (FNR > ngot) {
		printf "%s: row missing\n", $1
		bad = 1
		next
	}
	n = split(got[FNR], g, "\t")
	if (n != NF || NF != ncols) {
		printf "%s: got %d cells, expected %d\n", $1, n, NF
		bad = 1
		next
	}
	for (c = 1; c <= NF; c++)
		if (!(name[c] in skipped) && !same(g[c], $c))
			differ($1, name[c], g[c] == "" ? "(empty)" : g[c], $c == "" ? "(empty)" : $c)
}

END {
	if (headerbad)
		exit 1
	for (r = nexp + 1; r <= ngot; r++) {
		split(got[r], g, "\t")
		printf "%s: row not expected\n", g[1]
		bad = 1
	}
	exit bad
}
