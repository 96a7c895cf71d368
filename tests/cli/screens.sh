# screens.sh - the walk-through's screens, each compared whole with a golden
# capture (tests/fixtures/golden/screens/NAME.txt): the start screen, a
# profile question, the choice of how to weigh, a criterion, its help, the
# review, the results, the export dialog and the history. Everything on them is fixed: the size
# (100x30), the clock (VERDICT_NOW), a new database, and the working
# directory (/, so that the export dialog's path is the same everywhere;
# nothing is written there). tmux's capture has no colours.
#
# UPDATE_GOLDEN=1 rewrites the captures from the current screens (look at
# the diff before committing it).
. "$(dirname "$0")/../lib/verdict.sh"
. "$(dirname "$0")/../lib/tmux.sh"

walk_through_only "whole screens"

export VERDICT_NOW=1795701780    # 2026-11-26 14:03 UTC
TUI_DIR=/
G="$FIX/golden/screens"

start w 100 30 "$VERDICT" --project "Shop rewrite" --respondent Dana
expect_whole_screen w "Start a new session" "$G/start.txt" "the start screen"
keys w Enter
expect_whole_screen w "question 1 of 2" "$G/profile-question.txt" "a profile question"
keys w Enter Enter
expect_whole_screen w "How to weigh" "$G/weighing.txt" "the choice of how to weigh"
keys w Enter
expect_whole_screen w "1 of 14" "$G/criterion.txt" "a criterion"
keys w '?'
expect_whole_screen w "Help:" "$G/help-criterion.txt" "the help of a criterion"
keys w Escape
wait_for w "1 of 14"
enters w 14
expect_whole_screen w "Review your weights" "$G/review.txt" "the review"
keys w Enter
expect_whole_screen w "ecommendation" "$G/results.txt" "the results"
keys w e
expect_whole_screen w "[ Enter Write ]" "$G/export-dialog.txt" "the export dialog"
keys w Escape
wait_for w "Export cancelled"
keys w n
wait_for w "Start a new session"
keys w Down Enter
expect_whole_screen w "newest first" "$G/history.txt" "the history"
keys w q
finished w
expect_eq "q on the history exits 0" "$rc" 0
