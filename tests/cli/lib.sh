# lib.sh - what tests/cli/*.sh scripts sourced before tests/lib/ held the
# shell test library; kept so that they still work. New scripts source
# tests/lib/verdict.sh (and tests/lib/tmux.sh, users.sh, db.sh as needed).
. "$(dirname "$0")/../lib/verdict.sh"
