# lib.sh - helpers for the command-line tests, sourced by tests/cli/*.sh.
#
# Each check prints "ok - NAME" or "not ok - NAME" with what differed;
# tests/run.sh counts them. $VERDICT is the binary under test; $T is a fresh
# directory removed at exit; $FIX is the fixtures directory.
set -u
: "${VERDICT:?run through tests/run.sh or set VERDICT}"
FIX=$(cd "$(dirname "$0")/../fixtures" && pwd)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export VERDICT_DB="$T/sessions.db"

# run CMD...: runs CMD, keeping stdout in $T/out, stderr in $T/err, status in $rc.
run() {
	"$@" >"$T/out" 2>"$T/err"
	rc=$?
}

# printf, not echo: a name may hold a backslash (dash's echo reads \0 as NUL).
ok() { printf 'ok - %s\n' "$1"; }
not_ok() {
	printf 'not ok - %s\n' "$1"
	shift
	for line in "$@"; do echo "#   $line"; done
	echo "#   stdout: $(head -c 600 "$T/out" 2>/dev/null)"
	echo "#   stderr: $(head -c 600 "$T/err" 2>/dev/null)"
}

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
