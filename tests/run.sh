#!/bin/sh
# run.sh - runs every test: the cmocka unit tests named on the command line,
# then each tests/cli/*.sh script against the verdict binary and each
# tests/build/*.sh script on the build itself, and ends with one line
# "N passed, N failed, N skipped" (tests/lib/tally.sh).
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
tally_log=$(mktemp)
trap 'rm -f "$tally_log"' EXIT
. tests/lib/tally.sh

for t in "$@"; do
	tally_unit "$t"
done
# The scripts two at a time (TEST_JOBS): much of their time is spent
# waiting on a screen or a lock, and each has a directory of its own.
set --
for t in tests/cli/*.sh tests/build/*.sh; do
	[ "$(basename "$t")" = lib.sh ] && continue
	[ -f "$t" ] && set -- "$@" "$t"
done
tally_scripts "${TEST_JOBS:-2}" "" "$@"
tally_end
