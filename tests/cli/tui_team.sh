# tui_team.sh - the walk-through's group view: t on a session of the
# history opens its project's group view (compared whole with
# tests/fixtures/golden/screens/team.txt: the group's winner, each
# respondent's, the most disagreed criteria and the consensus), with its
# help and key bar; on a project with one finished session it says why
# there is none and stays.
. "$(dirname "$0")/../lib/verdict.sh"
. "$(dirname "$0")/../lib/tmux.sh"
. "$(dirname "$0")/../lib/db.sh"

walk_through_only "the group view in the walk-through"

export VERDICT_NOW=1795701780    # 2026-11-26 14:03 UTC
C="$FIX/criteria/worked-example.yaml"
G="$FIX/golden/screens"
for p in ana ben cy dee; do
	"$VERDICT" score -c "$C" -a "$FIX/team/$p.yaml" --save >/dev/null 2>&1
done
sql "$VERDICT_DB" "UPDATE sessions SET status = 'in-progress' WHERE id = 4"
"$VERDICT" score -c "$C" -a "$FIX/answers/worked-example.yaml" --save >/dev/null 2>&1

start w 100 30 "$VERDICT"
wait_for w "Start a new session"
keys w Down Enter
wait_for w "newest first"
expect_screen w "t group view" "the history's key bar offers the group view"
# Session 5 is alone in its project: no group view, and the reason.
keys w t
expect_screen w "No group view: a group view needs at least two finished sessions, and only one" \
	"t on a project of one session says why there is no group view"
expect_screen w "newest first" "and the history stays"
# Session 4, not finished, of project Chat app: its project's group view.
keys w Down t
expect_whole_screen w "Group view: Chat app" "$G/team.txt" "the group view of the project"
expect_screen w "Python, clearly (margin 14.6 points" "the group's winner is the worked example's"
expect_screen w "Cy (session 3): Node.js, clearly, by 20.0 points." "each respondent's own winner"
expect_screen w "Machine learning: from 0 to 4, standard deviation 1.89" \
	"the most disagreed criterion first"
expect_screen w "Consensus: 71% (moderate)" "the consensus"
expect_screen w "Left out, not finished: Dee (session 4)" "the session not finished is left out"
keys w '?'
expect_screen w "Help: Group view" "? opens the group view's help"
expect_screen w "consensus" "the help explains the consensus"
keys w Escape
wait_for w "Group view: Chat app"
keys w b
expect_screen w "newest first" "b goes back to the history"
keys w q
finished w
expect_eq "q exits 0" "$rc" 0
stty_same "the terminal settings are as before"
