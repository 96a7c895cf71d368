# verdict.sh - the set-up of a test of the verdict binary, sourced by
# tests/cli/*.sh: tap.sh's reporting, $VERDICT the binary under test, and a
# database of its own in $T (VERDICT_DB).
. "$(dirname "$0")/../lib/tap.sh"
: "${VERDICT:?run through tests/run.sh or set VERDICT}"
export VERDICT_DB="$T/sessions.db"
