#!/bin/sh
# valgrind.sh - the command-line tests with verdict run under valgrind's
# memcheck: any invalid read or write, use of uninitialised memory, bad free,
# or definite or indirect leak makes verdict exit 99, so the scripts' exit
# status checks fail. Ends with one line "N passed, N failed, N skipped".
#
#   tests/valgrind.sh PROG
#
# Left out:
#   tui.sh  drives the walk-through in tmux. Under valgrind it takes about
#           80 s and 74 of its 77 checks pass; the other three are its
#           Ctrl-Z and fg case: under valgrind, which catches every signal
#           itself, Ctrl-Z does not stop verdict (the screen stays and the
#           shell gets no prompt), though it does natively and under ASan.
#           So tui.sh runs in `make test` and `make asan` only;
#           faults.sh's terminal rows (TERM unset or dumb, a tiny
#           terminal, SIGTERM, SIGHUP, Ctrl-C) do run here, through tmux.
#   store_race.sh  600 processes saving into new files at once, 30 at a
#           time: under valgrind each is some fifty times slower, so the run
#           would take many minutes and the waits past the busy timeout
#           would measure valgrind. It runs in `make test` and `make asan`;
#           the code it drives (opening, saving) runs here in every other
#           script.
# Every other tests/cli/*.sh script runs, faults.sh included.
set -u
prog=$1
case $prog in /*) ;; *) prog=$(pwd)/$prog ;; esac
skip="lib.sh tui.sh store_race.sh"

if ! command -v valgrind >/dev/null 2>&1; then
	echo "valgrind.sh: valgrind is not installed (scripts/deps.sh ci installs it)" >&2
	exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The tests run verdict as other users too (nobody), so the wrapper must be
# readable and runnable by anyone.
chmod 755 "$work"
# A copy of the binary, so that a rebuild during the run changes nothing.
cp "$prog" "$work/verdict.bin" || exit 1
# verdict-pdf, which verdict runs for a PDF, beside it (not under valgrind:
# valgrind follows no exec without --trace-children).
[ -x "$(dirname "$prog")/verdict-pdf" ] && cp "$(dirname "$prog")/verdict-pdf" "$work/"
cat >"$work/verdict" <<EOF
#!/bin/sh
exec valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect \\
	--error-exitcode=99 -q '$work/verdict.bin' "\$@"
EOF
chmod 755 "$work/verdict"
export VERDICT="$work/verdict"
# The sealed environment of tests/run.sh.
export LC_ALL=C.UTF-8 TZ=UTC NO_COLOR=
unset VERDICT_DB VERDICT_CRITERIA XDG_DATA_HOME

tally_log="$work/log"
. tests/lib/tally.sh
set --
for t in tests/cli/*.sh; do
	case " $skip " in *" $(basename "$t") "*) continue ;; esac
	set -- "$@" "$t"
done
tally_scripts "${TEST_JOBS:-2}" " under valgrind" "$@"
tally_end
