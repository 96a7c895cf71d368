#!/bin/sh
# run.sh - runs every test: the cmocka unit tests named on the command line,
# then each tests/cli/*.sh script against the verdict binary, and ends with
# one line "N passed, N failed".
#
#   tests/run.sh PROG UNIT_TEST...
set -u
prog=$1
shift
case $prog in /*) ;; *) prog=$(pwd)/$prog ;; esac
export VERDICT="$prog"
# A sealed environment: no user's database, criteria or terminal settings.
export LC_ALL=C.UTF-8 TZ=UTC NO_COLOR=
unset VERDICT_DB VERDICT_CRITERIA XDG_DATA_HOME
passed=0
failed=0
failures=""
log=$(mktemp)
trap 'rm -f "$log"' EXIT

for t in "$@"; do
	"$t" >"$log" 2>&1
	rc=$?
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log")
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log")
	passed=$((passed + ${p:-0}))
	failed=$((failed + ${f:-0}))
	if [ "$rc" != 0 ] || [ -n "$f" ]; then
		cat "$log"
		[ -z "$f" ] && failed=$((failed + 1))
		failures="$failures $(basename "$t")"
	else
		echo "$(basename "$t"): ${p:-0} passed"
	fi
done

for t in tests/cli/*.sh; do
	[ "$(basename "$t")" = lib.sh ] && continue
	[ -f "$t" ] || continue
	sh "$t" >"$log" 2>&1
	rc=$?
	p=$(grep -c '^ok ' "$log")
	f=$(grep -c '^not ok ' "$log")
	passed=$((passed + p))
	failed=$((failed + f))
	if [ "$rc" != 0 ] || [ "$f" != 0 ]; then
		cat "$log"
		[ "$f" = 0 ] && failed=$((failed + 1))
		failures="$failures $(basename "$t")"
	else
		echo "$(basename "$t"): $p passed"
	fi
done

[ -n "$failures" ] && echo "failing:$failures"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
