#!/bin/sh
# tests/bench/run.sh PROGRAM - times accgraph's commands on synthetic systems
# of growing size (generate.awk) with GNU time: wall-clock seconds and peak
# memory.  Results vary with the machine; compare runs on one machine.
set -u
prog=${1:-build/accgraph}
here=$(dirname "$0")
dir=$(mktemp -d "${TMPDIR:-/tmp}/accgraph-bench.XXXXXX") || exit 2
trap 'rm -rf "$dir"' EXIT INT TERM
if [ -x /usr/bin/time ]; then
	timer() { /usr/bin/time -f '%e s  %M KB' "$@" 2>&1 >/dev/null | tail -n 1; }
else
	timer() { start=$(date +%s); "$@" >/dev/null 2>&1; echo "$(( $(date +%s) - start )) s"; }
fi
printf '%-10s %-8s %-9s %s\n' organisations links command "time  peak memory"
for practices in 5 38 110 460; do
	f=$dir/system-$practices.json
	awk -v ccgs=211 -v practices=$practices -f "$here/generate.awk" >"$f"
	summary=$("$prog" validate "$f") || exit 1
	orgs=$(echo "$summary" | sed 's/.*: \([0-9]*\) organisations.*/\1/')
	links=$(echo "$summary" | sed 's/.*, \([0-9]*\) links.*/\1/')
	for cmd in validate metrics report chains; do
		printf '%-10s %-8s %-9s %s\n' "$orgs" "$links" "$cmd" "$(timer "$prog" $cmd "$f")"
	done
done
