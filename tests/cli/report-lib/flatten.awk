# flatten.awk - turns accgraph's JSON output (jansson, JSON_INDENT(2): one
# member or array element per line) into one line per value:
#
#   network.density = 0.142857
#   chains.organisations[3].id = nhse
#   chains.gap_organisations.# = 4        (the number of elements of an array)
#
# Strings are printed without their quotes, with \" and \\ undone; objects and
# arrays are opened by a line ending in { or [ and closed by } or ].  Used by
# expect.sh (the report-*, chains-* and path-* script cases); not a JSON
# parser, only a reader of the layout accgraph writes.
function unescape(s) {
	gsub(/\\"/, "\"", s)
	gsub(/\\\\/, "\\", s)
	return s
}
# The path of a new value in the current container, with key k (objects).
function child(k,    p) {
	p = path[depth]
	if (kind[depth] == "[") {
		k = "[" count[depth] "]"
		count[depth]++
		return p k
	}
	return p == "" ? k : p "." k
}
function push(p, c) {
	depth++
	path[depth] = p
	kind[depth] = c
	count[depth] = 0
}
function pop() {
	if (kind[depth] == "[")
		print path[depth] (path[depth] == "" ? "" : ".") "# = " count[depth]
	depth--
}
BEGIN { depth = 0; path[0] = ""; kind[0] = "["; count[0] = 0; top = 1 }
{
	line = $0
	sub(/^[ \t]+/, "", line)
	sub(/,$/, "", line)
	if (top) {
		# The document itself: its outer { or [ is the root.
		top = 0
		if (line == "{" || line == "[") {
			depth = 1; path[1] = ""; kind[1] = line; count[1] = 0
			next
		}
	}
	if (line == "}" || line == "]") { pop(); next }
	key = ""
	if (kind[depth] == "{") {
		# "key": value, the key ending at the first unescaped quote.
		if (!match(line, /^"([^"\\]|\\.)*": /)) { print "flatten.awk: cannot read: " $0 > "/dev/stderr"; exit 2 }
		key = unescape(substr(line, 2, RLENGTH - 4))
		line = substr(line, RLENGTH + 1)
	}
	p = child(key)
	if (line == "{" || line == "[") { push(p, line); next }
	if (line == "[]") { print p ".# = 0"; next }
	if (line ~ /^".*"$/)
		line = unescape(substr(line, 2, length(line) - 2))
	print p " = " line
}
