# rows.awk - the rows of one table of flatten.awk's output, one line per row,
# the cells of the columns asked for separated by tabs:
#
#   awk -v table=single_points_of_failure.bridge_links -v cols="a b" -f rows.awk FLAT
#
# Rows come out in the order of the JSON array; sort them when the order is
# not what is being tested.
BEGIN { ncols = split(cols, col, " ") }
{
	i = index($0, " = ")
	k = substr($0, 1, i - 1)
	v = substr($0, i + 3)
	if (index(k, table "[") != 1)
		next
	rest = substr(k, length(table) + 2)
	r = substr(rest, 1, index(rest, "]") - 1)
	c = substr(rest, index(rest, "]") + 2)
	cell[r, c] = v
	if (r + 1 > nrows)
		nrows = r + 1
}
END {
	for (r = 0; r < nrows; r++) {
		line = ""
		for (j = 1; j <= ncols; j++)
			line = line (j > 1 ? "\t" : "") cell[r, col[j]]
		print line
	}
}
