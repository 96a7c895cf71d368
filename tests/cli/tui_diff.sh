# tui_diff.sh - two sessions compared from the walk-through's history: m
# marks a session, c on another shows what differs and how much each
# difference moved the result (the text of 'verdict diff'), Esc goes back
# with the mark kept; c with nothing marked says what to do; the help lists
# the keys. Driven through tmux as tui.sh is.
. "$(dirname "$0")/../lib/verdict.sh"
. "$(dirname "$0")/../lib/tmux.sh"

walk_through_only "comparing sessions in the walk-through"
export VERDICT_NOW=1700000000
WE="$FIX/criteria/worked-example.yaml"
printf 'criteria: worked-example\nproject: Chat\n' >"$T/a1.yaml"
printf 'criteria: worked-example\nproject: Chat with smart replies\nchoices: { app_kind: realtime }\nweights: { ai_ml: 4 }\n' >"$T/a2.yaml"
"$VERDICT" score -c "$WE" -a "$T/a1.yaml" --save >/dev/null 2>&1
"$VERDICT" score -c "$WE" -a "$T/a2.yaml" --save >/dev/null 2>&1

start cmp 100 30 "$VERDICT"
wait_for cmp "History: 2 saved sessions"
keys cmp Down Enter
expect_screen cmp "m mark" "the history's key bar offers m mark"
expect_screen cmp "c compare" "and c compare"
keys cmp c
expect_screen cmp "Mark a session first (m), then highlight another and press c." \
	"c with nothing marked says what to do"
# The newest (2) is highlighted first: mark it, then compare 1 with it.
keys cmp m
expect_screen cmp "Session 2 marked (*): highlight another and press c to compare them." \
	"m marks the highlighted session"
expect_screen cmp "*   2 2023-11-14" "the marked row shows its mark"
keys cmp Down c
expect_whole_screen cmp "Session 1 compared with session 2" \
	"$FIX/golden/screens/diff-sessions.txt" "c shows the two sessions compared, whole"
expect_screen cmp "Python still wins, but 10.6 points less ahead of Node.js, because Machine" \
	"it ends in the sentence"
keys cmp '?'
expect_screen cmp "Help: Two sessions compared" "? opens the help of the comparison"
expect_screen cmp "back to the saved sessions" "the help lists its keys"
keys cmp Escape
expect_screen cmp "Session 1 compared with session 2" "Esc closes the help"
keys cmp Escape
expect_screen cmp "Saved sessions, newest first" "Esc goes back to the history"
expect_screen cmp "*   2 2023-11-14" "the mark is kept"
keys cmp m
expect_screen cmp "Session 1 marked (*)" "m on another moves the mark"
keys cmp m
expect_screen cmp "Session 1 unmarked." "m again unmarks it"
keys cmp q
finished cmp
expect_eq "the walk-through ends with status 0" "$rc" 0
stty_same "the terminal is restored"
