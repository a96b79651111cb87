#!/bin/sh
# tests/fuzz/run.sh BUILD TARGET SECONDS - runs one libFuzzer target
# ($BUILD/fuzz_TARGET, built by `make fuzz`) for SECONDS, from the
# repository root.
#
# Seeds are gathered afresh into $BUILD/fuzz/seeds/TARGET at every run:
#   load    graphs/*.json, tests/bad/*.json, tests/data/*.json and
#           tests/data/import/*.json (those up to the target's max_len), and
#           tests/fuzz/seeds/load/* and tests/fuzz/regressions/*.json;
#   import  the CSV pairs of the CLI cases tests/cli/import-*/cmd and the
#           pairs NAME.organisations.csv + NAME.links.csv of
#           tests/fuzz/seeds/import/ and tests/fuzz/regressions/ (NAME ending
#           in -base: with the base), each as a flags byte (1: with a base),
#           the organisations file, a NUL and the links file;
#   render  tests/fuzz/seeds/render/* and tests/fuzz/regressions/*.render (a
#           flags byte, then NUL-separated texts: see fuzz_render.c).
# The working corpus, $BUILD/fuzz/corpus/TARGET, keeps what earlier runs
# found.  Only the working corpus, $BUILD/fuzz/artifacts/TARGET/ and the log
# $BUILD/fuzz/TARGET.log are written; libFuzzer never writes into the seed
# directories.
#
# Prints the executions, and fails when libFuzzer saved an input (a crash,
# a leak, a timeout, out of memory), naming the file.  Replay one with
# `$BUILD/fuzz_TARGET FILE`.
set -u
build=$1
t=$2
secs=$3
bin=$build/fuzz_$t
top=$build/fuzz
seeds=$top/seeds/$t
corpus=$top/corpus/$t
art=$top/artifacts/$t
log=$top/$t.log

case $t in
load) max_len=65536; dict=tests/fuzz/json.dict ;;
import) max_len=16384; dict=tests/fuzz/csv.dict ;;
render) max_len=2048; dict=tests/fuzz/render.dict ;;
*) echo "fuzz: unknown target $t" >&2; exit 2 ;;
esac
[ -x "$bin" ] || { echo "fuzz: $bin is not built (make fuzz-build)" >&2; exit 2; }

rm -rf "$seeds" "$art"
mkdir -p "$seeds" "$corpus" "$art" || exit 2

# copy FILE...: each regular file up to max_len bytes, named after its path.
copy() {
	for f; do
		[ -f "$f" ] || continue
		[ "$(wc -c <"$f")" -le "$max_len" ] || continue
		cp "$f" "$seeds/$(echo "$f" | tr / _)"
	done
}

case $t in
load)
	copy graphs/*.json tests/bad/*.json tests/data/*.json tests/data/import/*.json \
		tests/fuzz/seeds/load/* tests/fuzz/regressions/*.json
	;;
import)
	n=0
	for c in tests/cli/import-*/cmd; do
		# shellcheck disable=SC2046
		set -- $(cat "$c")
		[ "$1" = import ] || continue
		flag='\000'
		case " $* " in *" --base "*) flag='\001' ;; esac
		n=$((n + 1))
		{
			printf "$flag"
			[ -f "$2" ] && cat "$2"
			printf '\000'
			[ -f "$3" ] && cat "$3"
		} >"$seeds/cli-$n"
	done
	# Pairs NAME.organisations.csv + NAME.links.csv; a NAME ending in -base
	# is imported with the base document.
	for o in tests/fuzz/seeds/import/*.organisations.csv \
		tests/fuzz/regressions/*.organisations.csv; do
		[ -f "$o" ] || continue
		l=${o%.organisations.csv}.links.csv
		flag='\000'
		case $o in *-base.organisations.csv) flag='\001' ;; esac
		{
			printf "$flag"
			cat "$o"
			printf '\000'
			[ -f "$l" ] && cat "$l"
		} >"$seeds/$(echo "${o%.organisations.csv}" | tr / _)"
	done
	;;
render)
	copy tests/fuzz/seeds/render/* tests/fuzz/regressions/*.render
	;;
esac

LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp:print_suppressions=0
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ASAN_OPTIONS=detect_leaks=1
export LSAN_OPTIONS UBSAN_OPTIONS ASAN_OPTIONS
"$bin" -max_total_time="$secs" -max_len="$max_len" -timeout=20 -rss_limit_mb=4096 \
	-dict="$dict" -artifact_prefix="$art/" -print_final_stats=1 \
	"$corpus" "$seeds" >"$log" 2>&1
rc=$?

runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
found=$(ls "$art" 2>/dev/null)
printf 'fuzz_%s: %s executions in %s s, corpus %s inputs\n' "$t" "${runs:-?}" "$secs" \
	"$(ls "$corpus" | wc -l)"
if [ -n "$found" ] || [ "$rc" != 0 ]; then
	grep -m 3 'ERROR\|^fuzz: \|runtime error\|SUMMARY' "$log" | sed 's/^/  /'
	for f in $found; do
		echo "fuzz_$t: FOUND $art/$f (replay: $bin $art/$f; log: $log)"
	done
	[ -n "$found" ] || echo "fuzz_$t: libFuzzer exited with status $rc (log: $log)"
	exit 1
fi
exit 0
