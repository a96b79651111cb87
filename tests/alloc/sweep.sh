#!/bin/sh
# tests/alloc/sweep.sh - the allocation-failure sweep (issue 8).
#
#   sh tests/alloc/sweep.sh [-j JOBS] [-s STRIDE] [-m once|from|both] [-k] BIN SHIM CASE...
#
# BIN is the accgraph program, SHIM the failmalloc.so of failmalloc.c.  A CASE
# is NAME:FILE:ARGS (ARGS split at spaces; NAME also gives the extension
# of the output, e.g. "metrics.csv:tests/data/wirral-2013-small.json:metrics").  For each
# case the script
#   1. runs the command once with the shim counting but failing nothing (the
#      baseline: its exit status, its output file, its count of calls C and
#      of blocks still live at exit L0);
#   2. runs it again for N = 1, 1+S, 1+2S, ... up to C (S = STRIDE, default 1:
#      every N), with allocation number N failing ("once") or every
#      allocation from N on failing ("from"), each run ended by SIGALRM after
#      SWEEP_TIMEOUT seconds (default 30);
#   3. checks every run:
#        - it ended by exit, not by a signal (no abort, no crash) nor by the
#          alarm (no hang);
#        - the exit status is the baseline's (the failure did not matter) or 3;
#          a 1 on a valid input would call the out-of-memory input invalid;
#        - status 0: the output is byte for byte the baseline's;
#        - status 3: standard error says "out of memory" (or strerror's
#          "Cannot allocate memory" for a call of the C library that failed);
#        - nothing on standard output (the result goes to -o);
#        - the -o file is either the complete baseline output or absent (or,
#          for validate, whose -o holds a line per valid file, empty), and
#          no temporary file is left beside it;
#        - no block allocated after main() started is still live at exit
#          beyond the baseline's count (a leak on the error path); when
#          some are, the run is made again with the stacks recorded, and the
#          blocks of the libraries' known leaks are not counted.
# tests/alloc/library-bugs lists the libraries' own bugs on their error
# paths: allocations never made to fail (the library would crash whatever we
# do) and the libraries' leaks.  The summary counts the runs they touched.
# The -o file goes to a fresh directory per run.  -j runs JOBS workers
# (default: the number of processors), each taking every JOBS-th N.  -k keeps
# the scratch directory.  The last line is "sweep: R runs, F findings";
# the exit status is 1 when a check failed.
set -u
JOBS=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)
STRIDE=1
MODES="once from"
KEEP=0
TIMEOUT=${SWEEP_TIMEOUT:-30}
while getopts j:s:m:k opt; do
	case $opt in
	j) JOBS=$OPTARG ;;
	s) STRIDE=$OPTARG ;;
	m) case $OPTARG in both) MODES="once from" ;; *) MODES=$OPTARG ;; esac ;;
	k) KEEP=1 ;;
	*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -ge 3 ] || { echo "usage: sweep.sh [-j J] [-s S] [-m once|from|both] [-k] BIN SHIM CASE..." >&2; exit 2; }
BIN=$1 SHIM=$2
shift 2
case $BIN in /*) ;; *) BIN=$PWD/$BIN ;; esac
case $SHIM in /*) ;; *) SHIM=$PWD/$SHIM ;; esac
[ -x "$BIN" ] || { echo "sweep: no program $BIN" >&2; exit 2; }
[ -f "$SHIM" ] || { echo "sweep: no shim $SHIM" >&2; exit 2; }
LC_ALL=C
export LC_ALL
# The libraries' own bugs (tests/alloc/library-bugs): stack patterns.
BUGS=$(dirname "$0")/library-bugs
SPARE=$(sed -n 's/^spare[[:space:]]*\([^#[:space:]]*\).*/\1/p' "$BUGS" | tr '\n' ' ')
SUPPRESS=$(sed -n 's/^suppress[[:space:]]*\([^#[:space:]]*\).*/\1/p' "$BUGS" | tr '\n' ' ')

work=$(mktemp -d "${TMPDIR:-/tmp}/accgraph-sweep.XXXXXX") || exit 2
[ $KEEP = 1 ] || trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
# A private copy of the program, so that a rebuild during the sweep changes nothing.
cp "$BIN" "$work/accgraph" || exit 2
BIN=$work/accgraph

# run DIR N MODE [TRACE]: one run of the case in $args into the fresh directory DIR.
# The variables go into accgraph's environment only; the shim's alarm ends a
# run that hangs (no timeout(1) process: forks are what the sweep spends its
# time on).
run() {
	mkdir -p "$1/o" || exit 2
	: >"$1/report"
	# shellcheck disable=SC2086
	FAILMALLOC_N=$2 FAILMALLOC_MODE=$3 FAILMALLOC_REPORT=$1/report FAILMALLOC_TIMEOUT=$TIMEOUT \
		FAILMALLOC_SPARE=$SPARE FAILMALLOC_SUPPRESS=$SUPPRESS FAILMALLOC_TRACE=${4:-} \
		LD_PRELOAD=$SHIM "$BIN" $args -o "$1/o/out.$ext" "$file" </dev/null >"$1/stdout" 2>"$1/stderr"
	echo $? >"$1/rc"
}

# field NAME LINE: the value of NAME=VALUE in the shim's report line.
field() {
	v=${2##*" $1="}
	echo "${v%% *}"
}

# has_oom FILE: whether FILE says "out of memory" (or, for a call of the C
# library that failed, strerror(ENOMEM)).
has_oom() {
	while IFS= read -r line || [ -n "$line" ]; do
		case $line in *"out of memory"* | *"Cannot allocate memory"*) return 0 ;; esac
	done <"$1"
	return 1
}

# check DIR N MODE: the checks above; prints one line per finding (with the
# first line of standard error), using builtins where it can.
check() {
	d=$1 what="$name N=$2 $3:"
	read -r rc <"$d/rc"
	report=
	read -r report <"$d/report"
	err=
	[ -s "$d/stderr" ] && read -r err <"$d/stderr"
	if [ "$rc" -gt 128 ]; then
		if [ "$rc" = 142 ]; then
			echo "$what no exit within ${TIMEOUT}s (a hang?) | $err"
		else
			echo "$what killed by signal $((rc - 128)) | $err"
		fi
		return
	fi
	[ "$rc" = "$base_rc" ] || [ "$rc" = 3 ] ||
		echo "$what exit status $rc, expected $base_rc or 3 | $err"
	[ -s "$d/stdout" ] && echo "$what wrote to standard output"
	if [ "$rc" = 3 ] && ! has_oom "$d/stderr"; then
		echo "$what exit status 3 without \"out of memory\" on stderr | $err"
	fi
	if [ -e "$d/o/out.$ext" ]; then
		# validate's -o holds a summary line per valid file: with one
		# file that failed, the complete result is empty.
		[ "$rc" != 0 ] && [ "$cmd" = validate ] && [ ! -s "$d/o/out.$ext" ] ||
			cmp -s "$base/o/out.$ext" "$d/o/out.$ext" ||
			echo "$what exit status $rc with an output file unlike the baseline's | $err"
	elif [ "$rc" = 0 ] && [ -e "$base/o/out.$ext" ]; then
		echo "$what exit status 0 without the output file"
	fi
	for f in "$d/o/"* "$d/o/".*; do
		case ${f##*/} in . | .. | "out.$ext" | "*" | ".*") ;; *)
			echo "$what left behind in the output directory: ${f##*/}" ;;
		esac
	done
	case $report in
	*" live="*)
		live=${report##* live=} spared=${report##* spared=}
		live=${live%% *} spared=${spared%% *}
		[ "$spared" = 0 ] || echo "$what spared" >>"$d/../spared"
		[ "$live" -le "$base_live" ] && return
		# Again with the stacks, to tell the libraries' leaks from ours.
		run "$d" "$2" "$3" 1
		read -r report <"$d/report"
		ours=$(field ours " $report")
		case $ours in
		"" | *[!0-9]*)
			echo "$what no report from the shim when run again with FAILMALLOC_TRACE=1 | $err"
			return ;;
		esac
		if [ "$ours" -gt "$base_live" ]; then
			echo "$what $ours blocks still allocated at exit (the successful run: $base_live;" \
				"FAILMALLOC_TRACE=1 shows where) | $err"
		else
			echo "$what" >>"$d/../libleaks"
		fi
		;;
	*) echo "$what no report from the shim (killed before exit?) | $err" ;;
	esac
}

# worker K MODE: runs and checks N = 1 + (K + i*JOBS)*STRIDE for i = 0, 1, ...
worker() {
	k=$1
	i=$1
	n=$((1 + i * STRIDE))
	while [ "$n" -le "$calls" ]; do
		run "$work/w$k/$n" "$n" "$2"
		check "$work/w$k/$n" "$n" "$2"
		i=$((i + JOBS))
		n=$((1 + i * STRIDE))
	done
	[ $KEEP = 1 ] || rm -rf "$work/w$k"/[0-9]*
}

total_runs=0
total_findings=0
for spec in "$@"; do
	name=${spec%%:*}
	rest=${spec#*:}
	file=${rest%%:*}
	args=${rest#*:}
	ext=${name##*.}
	cmd=${args%% *}
	base=$work/base-$name
	rm -rf "$base"
	run "$base" 0 once
	base_rc=$(cat "$base/rc")
	report=$(cat "$base/report" 2>/dev/null)
	calls=$(field calls " $report")
	base_live=$(field live " $report")
	case $base_rc in 0 | 1) ;; *)
		echo "sweep: $name: the run without failures ended with status $base_rc" >&2
		sed 's/^/    /' "$base/stderr" >&2
		exit 1 ;;
	esac
	[ -n "$calls" ] && [ "$calls" -gt 0 ] 2>/dev/null ||
		{ echo "sweep: $name: the shim counted no allocation (is $BIN an ASan build?)" >&2; exit 1; }
	for mode in $MODES; do
		k=0
		while [ $k -lt "$JOBS" ]; do
			worker $k "$mode" >"$work/findings.$k" 2>&1 &
			k=$((k + 1))
		done
		wait
		runs=$(( (calls - 1) / STRIDE + 1 ))
		cat "$work"/findings.* >"$work/findings"
		found=$(wc -l <"$work/findings")
		found=$((found + 0))
		nspared=$(cat "$work"/w*/spared 2>/dev/null | wc -l)
		nleaks=$(cat "$work"/w*/libleaks 2>/dev/null | wc -l)
		echo "sweep: $name ($file, $args) $mode: $calls allocations, $runs runs" \
			"(every ${STRIDE}th N), $found findings; library bugs: $nspared runs spared," \
			"$nleaks with the libraries' leaks only"
		sort -t= -k2 -n "$work/findings" | head -n 40 | cut -c1-300
		total_runs=$((total_runs + runs))
		total_findings=$((total_findings + found))
		rm -rf "$work"/findings* "$work"/w*
	done
done
echo "sweep: $total_runs runs, $total_findings findings"
[ "$total_findings" = 0 ]
