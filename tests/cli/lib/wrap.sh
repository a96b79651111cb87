# tests/cli/lib/wrap.sh - sourced by script cases (not a case itself).
#
# wrap_for FILE prints $WRAP, the tool the suite runs programs under
# (valgrind), or nothing when FILE is larger than 2 MB: such a file
# (graphs/england-2013.json, 18 MB) takes minutes per command under
# valgrind, and the same code paths run wrapped on the smaller files of
# the same case.
wrap_for() {
	if [ -n "${WRAP:-}" ] && [ "$(wc -c <"$1")" -gt 2000000 ]; then
		echo ""
	else
		echo "${WRAP:-}"
	fi
}
