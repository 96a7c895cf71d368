# tally.sh - running test programs and counting their checks, for
# tests/run.sh and tests/valgrind.sh: each program's log (kept in the file
# $tally_log, which the caller names) is shown whole when something in it
# failed, else one line of counts; tally_end prints the closing line
# "N passed, N failed, N skipped" and returns 1 on a failure.
passed=0
failed=0
skipped=0
failures=""

# tally_add NAME STATUS PASSED FAILED SKIPPED [SUFFIX]: one program's counts;
# a status other than 0 with no failed check counts as one failure.
tally_add() {
	passed=$((passed + $3))
	failed=$((failed + $4))
	skipped=$((skipped + $5))
	if [ "$2" != 0 ] || [ "$4" != 0 ]; then
		cat "$tally_log"
		[ "$4" = 0 ] && failed=$((failed + 1))
		failures="$failures $1"
	elif [ "$5" = 0 ]; then
		echo "$1: $3 passed${6:-}"
	else
		echo "$1: $3 passed, $5 skipped${6:-}"
	fi
}

# tally_unit PROGRAM: a cmocka test program.
tally_unit() {
	"$1" >"$tally_log" 2>&1
	rc=$?
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$tally_log")
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$tally_log")
	s=$(sed -n 's/^\[  SKIPPED \] \([0-9]*\) test.*/\1/p' "$tally_log")
	tally_add "$(basename "$1")" "$rc" "${p:-0}" "${f:-0}" "${s:-0}"
}

# tally_counted NAME STATUS [SUFFIX]: the counts of a shell test's TAP lines
# in $tally_log; "ok - NAME # SKIP WHY" is a skip, not a pass.
tally_counted() {
	s=$(grep -ciE '^ok .*# skip' "$tally_log")
	p=$(($(grep -c '^ok ' "$tally_log") - s))
	f=$(grep -c '^not ok ' "$tally_log")
	tally_add "$1" "$2" "$p" "$f" "$s" "${3:-}"
}

# tally_scripts JOBS SUFFIX FILE...: the shell tests FILE..., JOBS at a time
# (each has its own directory, database and tmux server), counted in the
# order given once all have ended, each with the seconds it took (to find
# what makes a run long, not to judge it). TEST_JOBS=1 runs them one by one.
tally_scripts() {
	_jobs=$1 _suffix=$2
	shift 2
	_dir=$(mktemp -d)
	_i=0
	for _f in "$@"; do
		_i=$((_i + 1))
		printf '%s %s\n' "$_i" "$_f"
	done | xargs -P "$_jobs" -L 1 sh -c 't=$(date +%s); sh "$2" >"$0/$1.log" 2>&1; echo $? >"$0/$1.rc"
		echo $(($(date +%s) - t)) >"$0/$1.s"' "$_dir"
	_i=0
	for _f in "$@"; do
		_i=$((_i + 1))
		cp "$_dir/$_i.log" "$tally_log"
		tally_counted "$(basename "$_f")" "$(cat "$_dir/$_i.rc")" \
			"$_suffix ($(cat "$_dir/$_i.s") s)"
	done
	rm -rf "$_dir"
}

tally_end() {
	[ -n "$failures" ] && echo "failing:$failures"
	echo "$passed passed, $failed failed, $skipped skipped"
	[ "$failed" = 0 ]
}
