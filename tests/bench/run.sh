#!/bin/sh
# tests/bench/run.sh [PROGRAM] - accgraph's benchmark (issue 9): wall time and
# peak memory of accgraph's commands against the floor, a plain C program
# that does only jansson's parse and the same igraph calls (floor.c), on
# synthetic NHS-shaped systems of growing size (generate.c).
#
#   sh tests/bench/run.sh build/accgraph          (what `make bench` runs)
#   BENCH_SIZES="1000 10000" BENCH_OUT=tests/bench/RESULTS.md sh tests/bench/run.sh
#
# Contract:
# - PROGRAM (default build/accgraph) must be built; it is copied first (a
#   rebuild during the benchmark changes nothing measured).  The generator
#   and the floor are compiled here with ${CC:-cc} (the floor against
#   `pkg-config jansson igraph`), into a temporary directory that is removed
#   at the end, with the generated systems and every output.
# - For each size N: generates the system (generate N: same N, same bytes),
#   checks it with `PROGRAM validate`, then measures, as interleaved runs
#   (floor, validate, metrics, ..., then again, so that a change of load on
#   the machine touches every command alike):
#     floor                         tests/bench/floor.c FILE
#     validate                      PROGRAM validate FILE
#     metrics                       PROGRAM metrics FILE --format csv (default columns)
#     metrics --columns all         PROGRAM metrics FILE --columns all --format csv
#     metrics, the floor's columns  PROGRAM metrics FILE --columns id,in_degree,...
#     report                        PROGRAM report FILE           (text)
#     render                        PROGRAM render FILE -o x.svg  (N <= BENCH_RENDER_MAX)
#     render --layout sfdp          PROGRAM render FILE --layout sfdp -o x.svg
#                                   (1200 < N <= BENCH_RENDER_MAX: below 1200
#                                   organisations accgraph has sfdp route
#                                   splines around nodes, which takes minutes)
#   and prints a Markdown table: runs, median wall seconds and median peak
#   resident memory (MiB) from GNU time (/usr/bin/time -f '%e %M', the only
#   timer used), and the ratios of both to the floor's for the commands that
#   do the floor's work (validate, metrics, report).  Every run's standard
#   output goes to /dev/null, its standard error to a file (shown when the
#   command fails).  After each table, one more run of the floor with -t
#   gives its phases, and, when PROGRAM has a --timings option (issue 9),
#   one run of `metrics --timings` (the floor's columns) gives accgraph's.
# - Then the real graphs/england-2013.json the same way (with render
#   --collapse commissioner), unless BENCH_ENGLAND=0; then the issue's
#   targets that the sizes run can check, each met or not.
# - A command whose run took more than BENCH_TIMEOUT seconds is run no more,
#   at that size or any larger one; the table says so.  A run is stopped
#   (SIGXCPU, `ulimit -S -t`) after 2 * BENCH_TIMEOUT seconds of CPU time:
#   a program that uses both cores is never stopped before BENCH_TIMEOUT
#   seconds of wall time.
# - Exit status: 0 when every command ran and exited 0 (targets not met do
#   not fail it); 1 if a command failed or a generated system was invalid;
#   2 on a setup error (no program, no GNU time, the floor does not build).
#
# Environment:
#   BENCH_SIZES       organisations per system (default "1000 10000 100000 1000000")
#   BENCH_RUNS        runs of each command per size (default 5 up to 10^4, else 3)
#   BENCH_TIMEOUT     seconds (default 300), see above
#   BENCH_RENDER_MAX  largest size rendered (default 10000)
#   BENCH_ENGLAND     0: leave out graphs/england-2013.json
#   BENCH_OUT         also write the results (with date and machine) to this file
#   BENCH_PERF        1: profile `metrics` (the floor's columns) at the largest
#                     size with perf, and show the top functions
#   CC                the C compiler (default cc)
set -u

prog=${1:-build/accgraph}
here=$(cd "$(dirname "$0")" && pwd)
sizes=${BENCH_SIZES:-1000 10000 100000 1000000}
limit=${BENCH_TIMEOUT:-300}
render_max=${BENCH_RENDER_MAX:-10000}
cc=${CC:-cc}
england=$here/../../graphs/england-2013.json

if [ ! -x "$prog" ]; then
	echo "run.sh: $prog: no such program (build it first: make)" >&2
	exit 2
fi
if [ ! -x /usr/bin/time ] || ! /usr/bin/time -f '%e' true >/dev/null 2>&1; then
	echo "run.sh: needs GNU time as /usr/bin/time (apt-get install time)" >&2
	exit 2
fi
for v in "BENCH_RUNS=${BENCH_RUNS:-1}" "BENCH_TIMEOUT=$limit" "BENCH_RENDER_MAX=$render_max"; do
	case ${v#*=} in
	'' | *[!0-9]* | 0*)
		echo "run.sh: ${v%%=*}: expected a positive whole number" >&2
		exit 2
		;;
	esac
done

cpu_limit=$((2 * limit))

dir=$(mktemp -d "${TMPDIR:-/tmp}/accgraph-bench.XXXXXX") || exit 2
trap 'rm -rf "$dir"' EXIT
trap 'exit 130' INT TERM
report=$dir/report.md
: >"$report"
status=0

# say LINE...: a line of the results, on standard output and into the report.
say() {
	printf '%s\n' "$*" | tee -a "$report"
}

# group N: N with thousands separators (1000000 -> 1,000,000).
group() {
	case $1 in
	'' | *[!0-9]*)
		echo "$1"
		return
		;;
	esac
	echo "$1" | awk '{ s = $1; o = ""; while (length(s) > 3) { o = "," substr(s, length(s) - 2) o; s = substr(s, 1, length(s) - 3) } print s o }'
}

# A copy of the program, so that a rebuild while the benchmark runs (make in
# another shell) changes nothing measured.
if ! cp "$prog" "$dir/accgraph"; then
	echo "run.sh: cannot copy $prog" >&2
	exit 2
fi
prog_name=$prog
prog=$dir/accgraph

# ---- build the generator and the floor ------------------------------------
if ! $cc -O2 -std=c11 -Wall -Wextra -o "$dir/generate" "$here/generate.c" 2>"$dir/cc.err"; then
	cat "$dir/cc.err" >&2
	echo "run.sh: cannot build tests/bench/generate.c" >&2
	exit 2
fi
# shellcheck disable=SC2046 # pkg-config's flags are words
if ! $cc -O2 -std=c11 -Wall -Wextra -o "$dir/floor" "$here/floor.c" \
	$(pkg-config --cflags --libs jansson igraph) 2>"$dir/cc.err"; then
	cat "$dir/cc.err" >&2
	echo "run.sh: cannot build tests/bench/floor.c (needs libjansson-dev, libigraph-dev, pkg-config)" >&2
	exit 2
fi

# The floor's figures among the columns the program has.
floor_cols=
for c in id in_degree out_degree pagerank coreness harmonic betweenness apex_distance; do
	if "$prog" metrics --help 2>/dev/null | grep -qw "$c"; then
		floor_cols=${floor_cols:+$floor_cols,}$c
	fi
done
timings_opt=
if { "$prog" --help; "$prog" metrics --help; } 2>/dev/null | grep -q -- '--timings'; then
	timings_opt=--timings
fi

# ---- one run ---------------------------------------------------------------
# run_cmd KEY FILE: runs command KEY on FILE once under GNU time: "WALL KB" in
# $dir/time, standard error in $dir/stderr; the command's exit status.  The
# run is stopped (SIGXCPU) after $cpu_limit seconds of CPU time.
run_cmd() {
	(
		# A soft limit: SIGXCPU, no core dump.  dash's and bash's ulimit
		# (not POSIX's); elsewhere the runs have no limit.
		# shellcheck disable=SC3045
		ulimit -S -t "$cpu_limit" 2>/dev/null
		# shellcheck disable=SC3045
		ulimit -c 0 2>/dev/null
		tm="/usr/bin/time"
		case $1 in
		floor) exec $tm -f '%e %M' -o "$dir/time" "$dir/floor" "$2" ;;
		validate) exec $tm -f '%e %M' -o "$dir/time" "$prog" validate "$2" ;;
		metrics) exec $tm -f '%e %M' -o "$dir/time" "$prog" metrics "$2" --format csv ;;
		metrics_all) exec $tm -f '%e %M' -o "$dir/time" "$prog" metrics "$2" --columns all --format csv ;;
		metrics_floor) exec $tm -f '%e %M' -o "$dir/time" "$prog" metrics "$2" --columns "$floor_cols" --format csv ;;
		report) exec $tm -f '%e %M' -o "$dir/time" "$prog" report "$2" ;;
		render) exec $tm -f '%e %M' -o "$dir/time" "$prog" render "$2" -o "$dir/out.svg" ;;
		render_sfdp) exec $tm -f '%e %M' -o "$dir/time" "$prog" render "$2" --layout sfdp -o "$dir/out.svg" ;;
		render_collapse) exec $tm -f '%e %M' -o "$dir/time" "$prog" render "$2" --collapse commissioner -o "$dir/out.svg" ;;
		esac
	) >/dev/null 2>"$dir/stderr"
}

label() {
	case $1 in
	floor) echo "floor: jansson + igraph (floor.c)" ;;
	validate) echo "\`validate\`" ;;
	metrics) echo "\`metrics\` (its default columns)" ;;
	metrics_all) echo "\`metrics --columns all\`" ;;
	metrics_floor) echo "\`metrics\`, the floor's columns" ;;
	report) echo "\`report\`" ;;
	render) echo "\`render -o x.svg\`" ;;
	render_sfdp) echo "\`render --layout sfdp\`" ;;
	render_collapse) echo "\`render --collapse commissioner\`" ;;
	esac
}

# median FILE COLUMN: the median of a column of numbers (mean of the middle
# two for an even count).
median() {
	awk -v c="$2" '{ print $c }' "$1" | sort -n | awk '
		{ v[NR] = $1 }
		END { if (NR == 0) exit; if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# ---- one system -------------------------------------------------------------
# bench SERIES NAME FILE RUNS KEYS...: measures every KEY on FILE, interleaved,
# and prints the table.  Results per key in $dir/res.NAME.KEY ("WALL KB"
# lines), medians in $dir/med.NAME.KEY ("WALL KB RUNS"); $dir/over.SERIES.KEY
# marks a command that took too long, not to be run again in the series.
bench() {
	series=$1 name=$2 file=$3 runs=$4
	shift 4
	keys=$*
	for key in $keys; do
		: >"$dir/res.$name.$key"
		rm -f "$dir/fail.$name.$key"
	done
	r=1
	while [ "$r" -le "$runs" ]; do
		for key in $keys; do
			[ -e "$dir/over.$series.$key" ] && continue
			[ -e "$dir/fail.$name.$key" ] && continue
			run_cmd "$key" "$file"
			rc=$?
			if [ "$rc" -eq 0 ]; then
				tail -n 1 "$dir/time" >>"$dir/res.$name.$key"
				wall=$(tail -n 1 "$dir/time" | awk '{ print $1 }')
				if awk -v w="$wall" -v l="$limit" 'BEGIN { exit !(w > l) }'; then
					echo "took $wall s at $(group "$name")" >"$dir/over.$series.$key"
				fi
			elif grep -q 'signal 24' "$dir/time" 2>/dev/null; then
				echo "stopped after $cpu_limit s of CPU time at $(group "$name")" \
					>"$dir/over.$series.$key"
			else
				echo "failed (exit $rc): $(head -n 1 "$dir/stderr" | cut -c 1-120)" \
					>"$dir/fail.$name.$key"
				status=1
			fi
		done
		r=$((r + 1))
	done
	rm -f "$dir/out.svg"

	say "| command | runs | wall s, median | peak MiB, median | time ÷ floor | memory ÷ floor |"
	say "|---|---:|---:|---:|---:|---:|"
	fw='' fk=''
	for key in $keys; do
		res=$dir/res.$name.$key
		cnt=$(wc -l <"$res" | tr -d ' ')
		note=
		if [ -e "$dir/fail.$name.$key" ]; then
			note=$(cat "$dir/fail.$name.$key")
		elif [ -e "$dir/over.$series.$key" ]; then
			note="$(cat "$dir/over.$series.$key"): not run again (BENCH_TIMEOUT $limit s)"
		fi
		if [ "$cnt" -eq 0 ]; then
			say "| $(label "$key") | 0 | $note | | | |"
			continue
		fi
		w=$(median "$res" 1)
		k=$(median "$res" 2)
		echo "$w $k $cnt" >"$dir/med.$name.$key"
		mib=$(awk -v k="$k" 'BEGIN { printf "%.1f", k / 1024 }')
		rt=— rm=—
		case $key in
		floor)
			fw=$w fk=$k rt=1.00 rm=1.00
			;;
		validate | metrics | metrics_all | metrics_floor | report)
			if [ -n "$fw" ]; then
				rt=$(awk -v a="$w" -v b="$fw" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "—" }')
				rm=$(awk -v a="$k" -v b="$fk" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "—" }')
			fi
			;;
		esac
		say "| $(label "$key")${note:+ ($note)} | $cnt | $w | $mib | $rt | $rm |"
	done
	say ""
}

# phases FILE SERIES: the floor's phases and, when the program has --timings,
# its own (unless metrics took too long in the series).
phases() {
	if "$dir/floor" -t "$1" >"$dir/floor.out" 2>"$dir/phases"; then
		say "Floor's phases (one run, \`floor -t\`): $(awk '{ sub(/^floor: +/, ""); sub(/ +s$/, ""); t = $NF; sub(/ +[0-9.]+$/, ""); printf "%s%s %s s", sep, $0, t; sep = ", " }' "$dir/phases")."
		say ""
		say "$(sed 's/^floor: /Floor'"'"'s result: /' "$dir/floor.out")"
	fi
	if [ -n "$timings_opt" ] && [ -n "$floor_cols" ] && [ ! -e "$dir/over.$2.metrics_floor" ]; then
		if "$prog" metrics "$1" --columns "$floor_cols" --format csv $timings_opt >/dev/null 2>"$dir/phases"; then
			say ""
			say "\`metrics --timings\`, the floor's columns (one run):"
			say ""
			say '```'
			grep 'timings' "$dir/phases" >"$dir/phases.txt"
			while IFS= read -r line; do say "$line"; done <"$dir/phases.txt"
			say '```'
		fi
	fi
	say ""
}

# ---- the header --------------------------------------------------------------
cpu=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null)
cores=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?')
rev=$(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo unknown)
[ -n "$(git -C "$here" status --porcelain 2>/dev/null | head -n 1)" ] && rev="$rev (with uncommitted changes)"
say "# accgraph benchmark"
say ""
say "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
say "- machine: $(uname -srm); ${cpu:-unknown CPU}; $cores cores; $(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null) memory"
say "- program: $("$prog" --version 2>/dev/null | head -n 1) ($prog_name), commit $rev"
say "- floor's columns: ${floor_cols:-none}; medians of interleaved runs, /usr/bin/time -f '%e %M'"
say ""

# ---- the synthetic systems --------------------------------------------------
largest=
for n in $sizes; do
	case $n in
	'' | *[!0-9]*)
		echo "run.sh: BENCH_SIZES: \"$n\" is not a number" >&2
		exit 2
		;;
	esac
	f=$dir/system-$n.json
	if ! "$dir/generate" "$n" >"$f" 2>"$dir/gen.err"; then
		cat "$dir/gen.err" >&2
		status=1
		continue
	fi
	if ! "$prog" validate "$f" >"$dir/validate.out" 2>"$dir/stderr"; then
		say "## $(group "$n") organisations: the generated system is invalid"
		say ""
		say "$(head -n 3 "$dir/stderr")"
		say ""
		status=1
		continue
	fi
	links=$(sed -n 's/.* \([0-9][0-9]*\) links.*/\1/p' "$dir/validate.out")
	bytes=$(wc -c <"$f" | tr -d ' ')
	runs=${BENCH_RUNS:-}
	[ -n "$runs" ] || { if [ "$n" -le 10000 ]; then runs=5; else runs=3; fi; }
	keys="floor validate metrics metrics_all metrics_floor report"
	if [ "$n" -le "$render_max" ]; then
		keys="$keys render"
		# sfdp above 1200 organisations only: below, accgraph asks Graphviz
		# for splines=true, which takes minutes with sfdp (see the README).
		[ "$n" -gt 1200 ] && keys="$keys render_sfdp"
	fi
	say "## $(group "$n") organisations, $(group "${links:-0}") links ($(awk -v b="$bytes" 'BEGIN { printf "%.1f MiB", b / 1048576 }') of JSON)"
	say ""
	# shellcheck disable=SC2086 # the keys are words
	bench sizes "$n" "$f" "$runs" $keys
	phases "$f" sizes
	if [ "${BENCH_PERF:-0}" = 1 ]; then
		largest=$n
		mv "$f" "$dir/largest.json"
	fi
	rm -f "$f"
done

if [ "${BENCH_ENGLAND:-1}" != 0 ] && [ -r "$england" ]; then
	"$prog" validate "$england" >"$dir/validate.out" 2>/dev/null
	counts=$(sed -n 's/.*: \([0-9]*\) organisations.* \([0-9][0-9]*\) links.*/\1 \2/p' "$dir/validate.out")
	say "## graphs/england-2013.json: the real system, $(group "${counts%% *}") organisations, $(group "${counts##* }") links"
	say ""
	bench england england "$england" "${BENCH_RUNS:-5}" floor validate metrics metrics_all metrics_floor report render render_collapse
	phases "$england" england
fi

# ---- where the time goes ------------------------------------------------------
if [ -n "$largest" ] && command -v perf >/dev/null 2>&1; then
	if perf record -q -g -o "$dir/perf.data" "$prog" metrics "$dir/largest.json" \
		--columns "$floor_cols" --format csv >/dev/null 2>"$dir/stderr"; then
		say "## Where the time goes: \`metrics\`, the floor's columns, $(group "$largest") organisations (perf, self time)"
		say ""
		say '```'
		perf report -i "$dir/perf.data" --no-children --sort dso,sym --stdio 2>/dev/null |
			grep -E '^ +[0-9.]+%' | head -n 20 >"$dir/perf.txt"
		while IFS= read -r line; do say "$line"; done <"$dir/perf.txt"
		say '```'
		say ""
	fi
fi

# ---- the issue's targets ------------------------------------------------------
# value NAME KEY FIELD: a median (1 wall, 2 KB), or empty.
value() {
	[ -r "$dir/med.$1.$2" ] && awk -v f="$3" '{ print $f }' "$dir/med.$1.$2"
}
# target TEXT NAME KEY what LIMIT: one row; what is "time" or "mem" (absolute:
# seconds, GiB) or "rtime" or "rmem" (ratio to the floor).
target() {
	text=$1 name=$2 key=$3 what=$4 lim=$5
	w=$(value "$name" "$key" 1)
	k=$(value "$name" "$key" 2)
	[ -n "$w" ] || return 0
	fw=$(value "$name" floor 1)
	fk=$(value "$name" floor 2)
	row=$(awk -v w="$w" -v k="$k" -v fw="${fw:-0}" -v fk="${fk:-0}" -v what="$what" -v lim="$lim" 'BEGIN {
		if (what == "time") { v = w; s = sprintf("%.2f s", v) }
		else if (what == "mem") { v = k / 1048576; s = sprintf("%.2f GiB", v) }
		else if (what == "rtime") { if (fw <= 0) exit; v = w / fw; s = sprintf("%.2f× the floor", v) }
		else { if (fk <= 0) exit; v = k / fk; s = sprintf("%.2f× the floor", v) }
		printf "%s | %s", s, (v <= lim ? "met" : "**not met**") }')
	[ -n "$row" ] && say "| $text | $row |"
	return 0
}
say "## Targets (issue 9)"
say ""
say "| target | measured | |"
say "|---|---:|---|"
target "10^5: \`metrics\`, the floor's columns: time ≤ 1.0× the floor" 100000 metrics_floor rtime 1.0
target "10^5: \`metrics\`, the floor's columns: peak memory ≤ 0.6× the floor" 100000 metrics_floor rmem 0.6
for key in validate metrics metrics_all metrics_floor; do
	target "10^6: $(label "$key"): under 40 s" 1000000 "$key" time 40
	target "10^6: $(label "$key"): under 4 GiB" 1000000 "$key" mem 4
done
target "10^4: \`render --layout sfdp\`: under 60 s" 10000 render_sfdp time 60
target "england-2013: \`render\` (default options): under 5 s" england render time 5
target "england-2013: \`render --collapse commissioner\`: under 1 s" england render_collapse time 1
say ""
say "Targets not listed were not measured in this run (their size was not in BENCH_SIZES)."

if [ -n "${BENCH_OUT:-}" ]; then
	if cp "$report" "$BENCH_OUT.tmp" && mv "$BENCH_OUT.tmp" "$BENCH_OUT"; then
		echo "run.sh: results written to $BENCH_OUT" >&2
	else
		rm -f "$BENCH_OUT.tmp"
		echo "run.sh: cannot write $BENCH_OUT" >&2
		status=1
	fi
fi
exit $status
