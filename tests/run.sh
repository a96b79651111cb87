#!/bin/sh
# tests/run.sh - runs the whole suite against the programs in $BUILD.
#
#   unit tests   $BUILD/tests/test_*            (cmocka; each test function counts)
#   CLI cases    tests/cli/NAME/cmd             (arguments of accgraph, shell words;
#                                                stdout, stderr, rc: expected output
#                                                and exit status; a missing file
#                                                means empty output / status 0; an
#                                                optional `stdin` file is fed in;
#                                                an optional executable `check`
#                                                runs after, in the case's scratch dir)
#                tests/cli/NAME/check alone     (a script case: runs from the
#                                                repository root with $BIN, $WRAP
#                                                and an empty $SCRATCH directory;
#                                                passes when it exits 0)
#   bad inputs   tests/bad/NAME.json            (validate must print exactly
#                                                NAME.err on stderr, nothing on
#                                                stdout, and exit 1)
#
# Every program runs from the repository root with LC_ALL=C, under $TEST_WRAP
# when set (e.g. valgrind).  The last line is "N passed, N failed".
set -u
cd "$(dirname "$0")/.." || exit 2
BUILD=${BUILD:-build}
WRAP=${TEST_WRAP:-}
BIN=$BUILD/accgraph
LC_ALL=C
export LC_ALL
scratch=$(mktemp -d "${TMPDIR:-/tmp}/accgraph-tests.XXXXXX") || exit 2
trap 'rm -rf "$scratch"' EXIT INT TERM

passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); printf 'FAIL %s\n' "$*"; }

# ---- unit tests -----------------------------------------------------------
for t in "$BUILD"/tests/test_*; do
	case $t in *.d) continue ;; esac
	[ -x "$t" ] || continue
	out=$scratch/unit.out
	$WRAP "$t" >"$out" 2>&1
	rc=$?
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$out" | tail -n 1)
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$out" | tail -n 1)
	passed=$((passed + ${p:-0}))
	failed=$((failed + ${f:-0}))
	if [ "$rc" != 0 ] && [ "${f:-0}" = 0 ]; then
		fail "$t: exit status $rc"
	fi
	if [ "$rc" != 0 ]; then
		sed 's/^/    /' "$out" | grep -v '^    \[ *\(RUN\|OK\) ' | tail -n 30
	fi
done

# ---- CLI cases ------------------------------------------------------------
# expect NAME WHAT EXPECTED-FILE ACTUAL-FILE: compares, reporting a difference.
expect() {
	if [ -f "$3" ]; then
		cmp -s "$3" "$4" && return 0
	else
		[ -s "$4" ] || return 0
	fi
	fail "$1: $2 differs"
	if [ -f "$3" ]; then diff -u "$3" "$4" | head -n 20; else head -n 20 "$4"; fi
	return 1
}

for dir in tests/cli/*/; do
	name=${dir%/}
	if [ ! -f "$dir/cmd" ]; then
		# A script case: `check` alone, run from the repository root.
		[ -x "$dir/check" ] || continue
		rm -rf "$scratch/cli" && mkdir -p "$scratch/cli"
		if BIN=$BIN WRAP=$WRAP SCRATCH=$scratch/cli "$dir/check" >"$scratch/check.out" 2>&1; then
			pass
		else
			fail "$name: check failed"
			sed 's/^/    /' "$scratch/check.out" | head -n 30
		fi
		continue
	fi
	work=$scratch/cli
	rm -rf "$work"
	mkdir -p "$work"
	in=/dev/null
	[ -f "$dir/stdin" ] && in=$dir/stdin
	# shellcheck disable=SC2046
	eval "set -- $(cat "$dir/cmd")"
	SCRATCH=$work $WRAP "$BIN" "$@" <"$in" >"$work/.stdout" 2>"$work/.stderr"
	rc=$?
	want_rc=0
	[ -f "$dir/rc" ] && want_rc=$(cat "$dir/rc")
	ok=1
	if [ "$rc" != "$want_rc" ]; then
		fail "$name: exit status $rc, expected $want_rc"
		sed 's/^/    /' "$work/.stderr" | head -n 10
		ok=0
	fi
	expect "$name" stdout "$dir/stdout" "$work/.stdout" || ok=0
	expect "$name" stderr "$dir/stderr" "$work/.stderr" || ok=0
	if [ $ok = 1 ] && [ -x "$dir/check" ]; then
		(cd "$work" && BIN="$OLDPWD/$BIN" "$OLDPWD/$dir/check") >"$scratch/check.out" 2>&1 ||
			{ fail "$name: check failed"; sed 's/^/    /' "$scratch/check.out" | head -n 20; ok=0; }
	fi
	[ $ok = 1 ] && pass
done

# ---- bad inputs -------------------------------------------------------------
for f in tests/bad/*.json; do
	[ -f "$f" ] || continue
	name=${f%.json}
	$WRAP "$BIN" validate "$f" >"$scratch/bad.out" 2>"$scratch/bad.err" </dev/null
	rc=$?
	ok=1
	if [ "$rc" != 1 ]; then
		fail "$f: exit status $rc, expected 1"
		ok=0
	fi
	expect "$f" stdout /dev/null "$scratch/bad.out" || ok=0
	if [ -f "$name.err" ]; then
		expect "$f" stderr "$name.err" "$scratch/bad.err" || ok=0
	else
		fail "$f: no $name.err with the expected messages"
		ok=0
	fi
	[ $ok = 1 ] && pass
done

printf '%d passed, %d failed\n' "$passed" "$failed"
[ "$failed" = 0 ]
