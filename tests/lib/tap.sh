# tap.sh - reporting for the shell tests, sourced first by every one of them.
#
# Each check prints one line as TAP does: "ok - NAME", "not ok - NAME" with
# what differed on "#" lines after it, or "ok - NAME # SKIP WHY" for a check
# that cannot run here; tests/run.sh counts them. $T is a fresh directory
# removed at exit (at_exit adds to what is done then); $FIX is the fixtures
# directory.
set -u
FIX=$(cd "$(dirname "$0")/../fixtures" && pwd)
T=$(mktemp -d)
# No config file of the person running the tests (docs/exports.md): a test
# that wants one writes it there.
export XDG_CONFIG_HOME="$T/config"
exit_cmds=""
trap 'eval "$exit_cmds"; rm -rf "$T"' EXIT
# A signal (a reader of the output gone, Ctrl-C) ends the script through
# its EXIT trap too, so that nothing is left behind.
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 141' PIPE
trap 'exit 143' TERM

# at_exit CMD: runs the shell command CMD at exit, before $T is removed
# (the last one given first).
at_exit() { exit_cmds="$1; $exit_cmds"; }

# run CMD...: runs CMD, keeping stdout in $T/out, stderr in $T/err, status in $rc.
run() {
	"$@" >"$T/out" 2>"$T/err"
	rc=$?
}

# printf, not echo: a name may hold a backslash (dash's echo reads \0 as NUL).
ok() { printf 'ok - %s\n' "$1"; }
# not_ok NAME [LINE...]: NAME failed; the LINEs say how, then the last run's
# stdout and stderr, each line after a "#" so that none counts as a check.
not_ok() {
	printf 'not ok - %s\n' "$1"
	shift
	for _tap_line in "$@"; do printf '%s\n' "$_tap_line" | sed 's/^/#   /'; done
	printf 'stdout: %s\nstderr: %s\n' "$(head -c 600 "$T/out" 2>/dev/null)" \
		"$(head -c 600 "$T/err" 2>/dev/null)" | sed 's/^/#   /'
}
# skip NAME WHY: NAME cannot be checked here, because WHY.
skip() { printf 'ok - %s # SKIP %s\n' "$1" "$2"; }

# expect_rc NAME WANT: the last run's status was WANT.
expect_rc() {
	if [ "$rc" = "$2" ]; then ok "$1"; else not_ok "$1" "exit status $rc, expected $2"; fi
}
# expect_out NAME TEXT: stdout holds TEXT (a fixed string).
expect_out() {
	if grep -qF -- "$2" "$T/out"; then ok "$1"; else not_ok "$1" "stdout lacks: $2"; fi
}
# expect_err NAME TEXT: stderr holds TEXT (a fixed string).
expect_err() {
	if grep -qF -- "$2" "$T/err"; then ok "$1"; else not_ok "$1" "stderr lacks: $2"; fi
}
# expect_eq NAME GOT WANT
expect_eq() {
	if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1" "got '$2', expected '$3'"; fi
}
# expect_golden NAME FILE GOLDEN: FILE is GOLDEN byte for byte, else the diff
# is shown. With UPDATE_GOLDEN=1, FILE is copied over GOLDEN instead (look at
# the diff before committing it).
expect_golden() {
	if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
		mkdir -p "$(dirname "$3")"
		cp "$2" "$3"
		ok "$1 (golden updated)"
	elif cmp -s "$2" "$3"; then
		ok "$1"
	else
		not_ok "$1" "differs from ${3#"$FIX"/} (- golden, + now):" \
			"$(diff -u "$3" "$2" 2>&1 | tail -n +3 | head -n 40)"
	fi
}
