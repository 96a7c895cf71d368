# plain.sh - the plain face, `verdict run --plain`: the walk-through's
# questions line by line, answers from standard input. A session piped
# through with empty lines is the walk-through's with Enter all the way; one
# answered by number stores those answers; a wrong answer is asked again;
# the end of the input leaves the session saved, to resume; text from a
# criteria file is cleaned; without a terminal plain `verdict` names
# --plain; on a terminal it cannot draw on, it offers the plain face.
. "$(dirname "$0")/lib.sh"

export HOME="$T/home"
mkdir -p "$HOME"

# session ID FILTER: a jq filter over session ID's JSON.
session() { "$VERDICT" show "$1" --format json --draft | jq -c "$2"; }

# 1. Empty lines all the way: every default taken, a complete session with
#    the file's defaults, and the results in the words of verdict score.
yes '' | "$VERDICT" run --plain >"$T/out" 2>"$T/err"
rc=$?
expect_rc "yes '' | run --plain exits 0" 0
expect_eq "nothing on stderr" "$(cat "$T/err")" ""
expect_eq "the session is complete, with no answers and no names" \
	"$(session 1 '.session | {status, project, respondent, notes, choices, weights}')" \
	'{"status":"complete","project":null,"respondent":null,"notes":null,"choices":{"app_kind":null,"team_skills":null},"weights":{}}'
expect_eq "the stored result is a tie" "$(session 1 .winner)" null
expect_eq "the start offers a new session, taken with Enter" \
	"$(grep -c '^Choose 1-2 \[1\]: $' "$T/out")" 1
expect_eq "every criterion is asked, its default in brackets" \
	"$(grep -c '^Weight 0-5, or d for the default \[[0-9]\]: $' "$T/out")" 14
expect_out "the end names the session" "Saved as session 1."
expect_out "...and how to record the decision beside the advice" \
	"Once the choice is made, 'verdict decide 1 --chose OPTION' records it beside this advice."
printf '{}\n' >"$T/none.yaml"
"$VERDICT" score -a "$T/none.yaml" >"$T/score.txt"
# The results: from the title's second showing to the line before "Saved".
awk '/^Node.js or Python for your backend\?$/ { n++ } n == 2 { print }' "$T/out" |
	sed '/^Saved as session/,$d' | sed '$d' >"$T/results.txt"
if cmp -s "$T/results.txt" "$T/score.txt"; then
	ok "the results are verdict score's text, word for word"
else
	not_ok "the results are verdict score's text, word for word" \
		"$(diff "$T/score.txt" "$T/results.txt" | head -20)"
fi

# 2. Answers by number, a wrong one asked again, b to go back, d for a
#    default, names typed.
{
	printf '1\nShop\nDana\n'        # a new session, named
	printf 'x\n3\n'                 # a wrong answer, then the online shop
	printf 'b\n\n'                  # back to question 1, Enter keeps it
	printf '2\n'                    # Python
	printf '\n'                     # how to weigh: Enter rates each criterion
	printf '5\n7\n0\nd\n'           # architecture 5; 7 is off the scale; speed 0; syntax default
	printf '\n\n\n\n\n\n\n\n\n\n\n' # the other 11 criteria as they stand
	printf '\n'                     # the review: the results
} | "$VERDICT" run --plain >"$T/out" 2>"$T/err"
rc=$?
expect_rc "answers by number: exit 0" 0
expect_eq "answers by number: stored" \
	"$(session 2 '.session | {status, project, respondent, choices, weights}')" \
	'{"status":"complete","project":"Shop","respondent":"Dana","choices":{"app_kind":"ecommerce","team_skills":"python"},"weights":{"architecture":5,"speed":0}}'
expect_out "a wrong answer is asked again, saying why" \
	'"x" is not one of the answers: type a number from 1 to 10, or Enter for 10.'
expect_out "back on question 1, the answer given is the default" "Answer 1-10 [3]: "
expect_out "a weight off the scale is asked again" \
	'"7" is not a weight: the weights run from 0 to 5 (d: the default).'
expect_out "the default moved by an answer says why" \
	"Default: 3 (normally 2; +1 Kind of product: Online shop)"
expect_out "the answers are written after their questions" "Answer 1-5 [5]: 2"
expect_out "the review lists each weight and where it comes from" \
	"  1. Many users and live updates: 5 Critical (yours)"
expect_out "the results follow" \
	"Recommendation: leaning towards Python (margin 7.3 points, confidence 99%)."

# 3. The end of the input midway: saved, said, and resumed from there.
printf '1\nHalf\n\n3\n' | "$VERDICT" run --plain >"$T/out" 2>"$T/err"
rc=$?
expect_rc "the end of the input midway exits 0" 0
expect_out "it says where to pick up" \
	"Session 3 is saved where you stopped; 'verdict run --plain --resume 3' goes on from there."
expect_eq "the session is unfinished, its answer kept" \
	"$(session 3 '[.session.status, .session.choices.app_kind]')" '["in-progress","ecommerce"]'
printf '2\nq\n' | "$VERDICT" run --plain >"$T/out" 2>"$T/err"
expect_out "the start offers to resume it where it stopped" \
	'  2. Resume "Half" at question 2 of 2'
expect_out "chosen, it goes on with the question it stopped at" \
	"Question 2 of 2: What does your team"
expect_out "and says which session goes on, and where" \
	"Going on with session 3 (Half) at question 2 of 2."
yes '' | "$VERDICT" run --plain --resume 3 >"$T/out" 2>"$T/err"
rc=$?
expect_rc "--resume goes on to the end" 0
expect_out "--resume says which session goes on, and where" \
	"Going on with session 3 (Half) at question 2 of 2."
if grep -q "^Question 1 of 2" "$T/out"; then
	not_ok "--resume does not ask again what was answered"
else
	ok "--resume does not ask again what was answered"
fi
expect_eq "resumed to the end, the session is complete with its first answer" \
	"$(session 3 '[.session.status, .session.choices.app_kind, .session.project]')" \
	'["complete","ecommerce","Half"]'
printf '' | "$VERDICT" run --plain --resume 3 >"$T/out" 2>"$T/err"
expect_out "a finished session resumed says so" \
	"Session 3 (Half) is finished; here is its result."
expect_out "and shows its results" "Recommendation: leaning towards Node.js"
expect_out "and says how to try other answers" \
	"To try other answers, 'verdict copy 3' makes a new session from this one"
if grep -q "Saved as session" "$T/out"; then
	not_ok "a finished session resumed is not said to be saved again"
else
	ok "a finished session resumed is not said to be saved again"
fi
: | "$VERDICT" run --plain >"$T/out" 2>"$T/err"
rc=$?
expect_rc "no input at all: exit 0" 0
expect_eq "no input at all: nothing stored" "$("$VERDICT" list --format json | jq length)" 3
expect_out "no input at all: it says nothing was saved" \
	"The input ended before a session was started; nothing was saved."

# 4. Names: control characters are refused and asked again.
printf '1\nBad\033[31m\nGood\n\nq\n' | "$VERDICT" run --plain >"$T/out" 2>"$T/err"
expect_out "a name with a control character is asked again" \
	"A name cannot hold control characters or bytes that are not UTF-8; type it again."
expect_eq "the name typed again is kept" "$(session 4 .session.project)" '"Good"'

# 5. Text from a criteria file cannot drive the terminal.
printf '1\n\n\n1\n\n\n\n' | "$VERDICT" run --plain -c "$FIX/hostile/criteria.yaml" \
	>"$T/out" 2>"$T/err"
rc=$?
expect_rc "a hostile criteria file: exit 0" 0
bad=""
for b in '\033' '\007' '\302\233' '\342\200\256' '\342\201\246' '\177'; do
	LC_ALL=C grep -q "$(printf "$b")" "$T/out" "$T/err" && bad="$bad $b"
done
expect_eq "no escape, BEL, C1, DEL or bidirectional control comes out" "$bad" ""
expect_out "the title shows its escapes" \
	'Title \u001b]0;pwned title\u0007 \u001b[31mred\u001b[0m \u202eevil'
expect_out "a choice's label shows its escapes" '  1. Label x \u001b]52;c;aGk=\u0007'
expect_out "a criterion's reason shows its escapes" \
	'  Opt\u001b[2JA \u202e: Why a \u001b[1mbold\u001b[0m \u202e'

# 3b. At the name prompts, b goes back to the menu and q stops, as the
#     start says; a name alone is never taken for them.
before=$("$VERDICT" list --format json | jq length)
printf '1\nAcme\nb\n' | "$VERDICT" run --plain >"$T/out" 2>"$T/err"
expect_eq "b at the respondent goes back to the menu" "$(grep -c '^  1. Start a new session$' "$T/out")" 2
printf '1\nq\n' | "$VERDICT" run --plain >"$T/out" 2>"$T/err"
rc=$?
expect_rc "q at the project name stops: exit 0" 0
expect_eq "b and q as names stored nothing" "$("$VERDICT" list --format json | jq length)" "$before"

# 3c. ? explains the technical words of the step, from the set's glossary,
#     as the walk-through's help does for its screen.
printf '1\n\n\n\n\n\n?\nq\n' | "$VERDICT" run --plain >"$T/out" 2>"$T/err"
expect_out "? on a criterion defines its terms" \
	"  event loop: One worker that switches between many waiting jobs instead of sitting idle"
expect_out "? also gives the keys" "d gives back the default weight. b goes back a step"
unfinished=$("$VERDICT" list --format json | jq '[.[] | select(.status == "in-progress")][0].id')

# 3d. A set named with -c offers to resume only a session of that set.
printf 'q\n' | "$VERDICT" run --plain -c "$FIX/criteria/minimal.yaml" >"$T/out" 2>"$T/err"
if grep -q "Resume" "$T/out"; then
	not_ok "another set's unfinished session ($unfinished) is not offered" "$(grep Resume "$T/out")"
else
	ok "another set's unfinished session ($unfinished) is not offered"
fi
expect_out "a set without questions says only what is weighed" \
	"1 point to weigh. Every answer is saved as you give it"

# 6. Without a terminal and without --plain: refused, naming --plain.
"$VERDICT" </dev/null >"$T/out" 2>"$T/err"
rc=$?
expect_rc "no terminal without --plain exits 2" 2
expect_err "the refusal names --plain" \
	"For scripts and pipes, 'verdict run --plain' asks the same questions line by line,"

# 7. On a terminal the walk-through cannot draw on (TERM=dumb): the plain
#    face is offered, and taken with Enter.
. "$(dirname "$0")/../lib/tmux.sh"
if ! have_tmux; then
	skip "the plain face offered on a terminal" "tmux is not installed"
	exit 0
fi
start dumb 100 30 env TERM=dumb "$VERDICT"
expect_screen dumb "cannot move the cursor, which the walk-through needs." "TERM=dumb says why"
expect_screen dumb "Answer them that way? [Y/n]" "TERM=dumb offers the plain face"
keys dumb Enter
expect_screen dumb "Choose 1-" "Enter takes the plain face: its start"
keys dumb q Enter
expect_screen dumb "[verdict exited]" "q at the start ends it"
finished dumb
expect_eq "the plain face on a dumb terminal exits 0" "$rc" 0
tm kill-session -t dumb

# 8. The walk-through with Enter all the way stores what the plain face
#    stores with empty lines, in a database of their own.
export VERDICT_DB="$T/both.db"
start enter 100 30 env VERDICT_DB="$VERDICT_DB" "$VERDICT"
wait_for enter "Start a new session"
enters enter 19
wait_for enter "No recommendation"
keys enter q
finished enter
tm kill-session -t enter
yes '' | "$VERDICT" run --plain >/dev/null 2>&1
keep='{session: (.session | del(.id, .created, .updated, .uid)), winner, recommendation, ranking}'
expect_eq "the walk-through's session is complete" "$(session 1 .session.status)" '"complete"'
expect_eq "the plain face's session is the walk-through's" "$(session 2 "$keep")" \
	"$(session 1 "$keep")"
if command -v sqlite3 >/dev/null 2>&1; then
	expect_eq "both are stored on the same step, with the same status" \
		"$(sqlite3 "$VERDICT_DB" 'SELECT DISTINCT step, status FROM sessions')" "17|complete"
fi

# 9. Weighing in pairs (issue 14): the choice, each comparison a prompt
#    answered 1 to 9 or 1/2 to 1/9, a wrong answer asked again, "enough for
#    now" refused until the answers link every criterion; then resumed.
export VERDICT_DB="$T/pairs.db"
printf '1\nPlainPairs\n\n\n\n2\n5\n1/3\nx\ne\nq\n' | "$VERDICT" run --plain >"$T/out" 2>"$T/err"
rc=$?
expect_rc "weighing in pairs, stopped: exit 0" 0
expect_out "the choice of how to weigh is offered" \
	"  2. Compare them two at a time: 31 comparisons; the first 13 link every criterion, and you can stop after them"
expect_out "the first comparison names its group" \
	"Comparison 1 of 31 (Technical): Many users and live updates vs Raw speed"
expect_out "a comparison is a prompt, equal by default" \
	"Many users and live updates vs Raw speed [1]: 5"
expect_out "each comparison says how many more are needed" \
	"1 of 31 given; 12 more before you can stop."
expect_out "1/3 answers for the second criterion" \
	"Raw speed vs Room to grow [1]: 1/3"
expect_out "a wrong answer is asked again, saying why" \
	'"x" is not an answer: 1 if they matter equally, 2 to 9 if Room to grow matters that many times as much, 1/2 to 1/9 (or 0.5 to 0.11) if Finding and fixing mistakes does; s skips it.'
expect_out "enough for now waits until the answers link every criterion" \
	"Not yet: 11 more comparisons are needed to link every criterion, so that none is left out of the weights."
printf 'b\nq\n' | "$VERDICT" run --plain --resume 1 >"$T/out" 2>"$T/err"
expect_out "resumed on the first comparison not given" \
	"Going on with session 1 (PlainPairs) at comparison 3 of 31."
expect_out "b shows the comparison before with its answer" \
	"Raw speed vs Room to grow [1/3]: q"

# 10. Every comparison given, one far from the rest: the review flags the
#     group, gives the hint, which asked again takes its suggestion with
#     Enter; the results say whether the three methods agree.
export VERDICT_DB="$T/pairs-all.db"
{
	printf '1\nAll\n\n\n\n2\n9\n'          # named, both questions skipped, in pairs, 9
	i=0
	while [ $i -lt 30 ]; do printf '\n'; i=$((i + 1)); done
	printf '1\n\n\n'                        # hint 1, its suggestion, the results
} | "$VERDICT" run --plain >"$T/out" 2>"$T/err"
rc=$?
expect_rc "every comparison given: exit 0" 0
expect_out "a group above 0.10 is flagged" \
	"  Technical: 0.15, above 0.10: some answers pull against the others"
expect_out "the hint says what was said and what the rest suggest" \
	"  1. Many users and live updates vs Raw speed: you said 9; the rest of your answers suggest 1."
expect_out "a hint's number asks it again, its suggestion in brackets" \
	"Many users and live updates vs Raw speed [1]: "
expect_out "taken, the group is consistent" "  Technical: 0.00, consistent"
expect_out "the weights from the comparisons are listed group by group" "  Technical: 33.3% of the weight"
expect_out "each criterion under its group" "    Many users and live updates: 6.7%"
expect_out "the results say that the three methods agree" "): all three pick Python."
expect_out "the session is saved" "Saved as session 1."

# 11. Quit at the first comparison, resumed: the comparisons go on (not the
#     choice of how to weigh), a decimal such as 0.5 is an answer (snapped
#     to the scale), s skips one; the command to resume names --db, quoted.
db="$T/pairs first's.db"
printf '1\n\n\n\n\n2\nq\n' | "$VERDICT" --db "$db" run --plain >"$T/out" 2>"$T/err"
expect_out "quitting names the database, quoted for the shell" \
	"Session 1 is saved where you stopped; 'verdict --db '$T/pairs first'\\''s.db' run --plain --resume 1' goes on from there."
printf '0.5\ns\n2.5\nq\n' | "$VERDICT" --db "$db" run --plain --resume 1 >"$T/out" 2>"$T/err"
rc=$?
expect_rc "resumed at the first comparison: exit 0" 0
expect_out "resumed at the first comparison" "Going on with session 1 at comparison 1 of 31."
expect_eq "the choice of how to weigh is not asked again" "$(grep -c '^Weigh 1-2' "$T/out")" 0
expect_out "0.5 is an answer" "Many users and live updates vs Raw speed [1]: 0.5"
expect_out "s skips the second comparison" "Raw speed vs Room to grow [1]: s"
expect_out "a decimal off the scale is refused" \
	'"2.5" is not an answer: 1 if they matter equally, 2 to 9 if Room to grow matters that many times as much, 1/2 to 1/9 (or 0.5 to 0.11) if Finding and fixing mistakes does; s skips it.'
if command -v sqlite3 >/dev/null 2>&1; then
	expect_eq "0.5 is stored as 1/2, the skipped one not at all" \
		"$(sqlite3 "$db" "SELECT a, b, value FROM judgments")" "architecture|speed|0.5"
else
	skip "the comparisons as stored" "sqlite3 is not installed"
fi

# 12. After the 13 that link every criterion, enough for now; comparisons
#     that contradict each other are flagged next to the recommendation.
export VERDICT_DB="$T/pairs-enough.db"
{
	printf '1\nEnough\n\n\n\n2\n9\n'
	i=0
	while [ $i -lt 11 ]; do printf '\n'; i=$((i + 1)); done
	printf '\ne\n\n'
} | "$VERDICT" run --plain >"$T/out" 2>"$T/err"
rc=$?
expect_rc "enough after 13: exit 0" 0
expect_out "12 given, one more" "12 of 31 given; 1 more before you can stop."
expect_out "13 given, enough for now" \
	"13 of 31 given: enough for now (e) whenever you like; each one more makes the weights surer."
expect_out "e goes to the review" "Review your comparisons: 13 of 31 given"
if command -v sqlite3 >/dev/null 2>&1; then
	expect_eq "13 comparisons stored" "$(sqlite3 "$VERDICT_DB" "SELECT count(*) FROM judgments")" 13
fi

# 13. Every comparison given, one far from the rest, and the results asked
#     for at once: the warning comes first, just above the recommendation.
export VERDICT_DB="$T/pairs-careful.db"
{
	printf '1\nCareful\n\n\n\n2\n9\n'
	i=0
	while [ $i -lt 30 ]; do printf '\n'; i=$((i + 1)); done
	printf '\n'
} | "$VERDICT" run --plain >"$T/out" 2>"$T/err"
rc=$?
expect_rc "results with contradicting comparisons: exit 0" 0
expect_out "the results warn that the comparisons contradict each other" \
	"Careful: your comparisons within Technical contradict each other (consistency ratio 0.15, above 0.10): the weights they give, and so the confidence, are less trustworthy than they look. The review of your comparisons has hints on which answers to change."
expect_eq "the warning comes first, then the results with the recommendation" \
	"$(grep -A5 '^Careful: ' "$T/out" | sed -n 3p;grep -A5 '^Careful: ' "$T/out" | sed -n 6p | cut -c1-15)" \
	"Node.js or Python for your backend?
Recommendation:"
