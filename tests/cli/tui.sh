# tui.sh - the walk-through, driven through tmux: keys in, screen text out.
#
# Each case runs the real binary in a detached tmux session of a fixed size
# (tests/lib/tmux.sh), with a temporary database and HOME. Where a screen is
# the same on every run it is compared whole with a golden file under
# tests/fixtures/golden/screens/ (UPDATE_GOLDEN=1 rewrites them); elsewhere
# the lines that matter are looked for.
. "$(dirname "$0")/../lib/verdict.sh"
. "$(dirname "$0")/../lib/tmux.sh"

walk_through_only "terminal tests"

# json ID FILTER: a jq filter over session ID's JSON report.
json() {
	"$VERDICT" export "$1" --format json --draft | jq -r "$2"
}

# 1. Enter all the way: every default taken, results named, session complete.
start enter 100 30 "$VERDICT"
expect_screen enter "Start a new session" "the start screen shows the menu"
expect_screen enter "Node.js or Python for your backend?" "the start screen shows the title"
enters enter 19
expect_screen enter "No recommendation: Node.js and Python are too close to call (margin 0.0 points, under 0.5)." "Enter through the defaults reaches the results: with nothing known, a tie"
screen enter
cp "$T/screen" "$T/results"
keys enter q
finished enter
expect_eq "q on the results exits 0" "$rc" 0
stty_same "the terminal settings are as before after q"
expect_eq "the session is complete in the database" "$(json 1 .session.status)" complete
expect_eq "the stored result is the tie on the screen: no winner" "$(json 1 .winner)" null
expect_eq "no weight was stored as the person's" "$(json 1 '.session.weights | length')" 0
for s in $(json 1 '.ranking[] | .score * 10 | round / 10'); do
	if grep -qF " $s" "$T/results"; then ok "the screen shows the stored score $s"
	else not_ok "the screen shows the stored score $s" "results: $(cat "$T/results")"; fi
done
run "$VERDICT" list
expect_out "verdict list shows the finished session" "complete"

# 2. Weights typed as digits, one changed after going back: those are stored.
start digits 100 30 "$VERDICT"
expect_screen digits "Start a new session" "a second run starts on the menu"
enters digits 4
expect_screen digits "1 of 14" "four Enters reach the first criterion (the last rates each criterion)"
keys digits 5 Enter
expect_screen digits "2 of 14" "5 and Enter go to the second criterion"
keys digits 0 Enter 4 Enter
expect_screen digits "4 of 14" "digits and Enter reach the fourth criterion"
keys digits b
expect_screen digits "[4 Very important]" "going back shows the weight typed before"
keys digits 1 Enter
expect_screen digits "4 of 14" "a changed weight goes on to the next criterion"
enters digits 11
expect_screen digits "Review your weights" "the review follows the last criterion"
enters digits 1
expect_screen digits "ecommendation:" "the review's Enter shows the results"
keys digits q
finished digits
expect_eq "the typed weights are stored" \
	"$(json 2 '.session.weights | to_entries | map("\(.key)=\(.value)") | join(" ")')" \
	"architecture=5 speed=0 syntax=1"

# 3. Quit at criterion 5, start again, resume: the same step, answers in place.
start quit5 100 30 "$VERDICT" --project "Shop rewrite" --respondent Dana
expect_screen quit5 "Shop rewrite" "--project fills in the project"
enters quit5 4
keys quit5 2 Enter Enter Enter 5 Enter
expect_screen quit5 "5 of 14" "the fifth criterion is reached"
expect_screen quit5 "Shop rewrite · Dana" "the names show at the top"
keys quit5 q
finished quit5
expect_eq "q mid-way exits 0" "$rc" 0
stty_same "the terminal settings are as before after q mid-way"
start resume 100 30 "$VERDICT"
expect_screen resume "Resume \"Shop rewrite\" at criterion 5 of 14" "the start screen offers to resume"
keys resume Down Enter
expect_screen resume "5 of 14" "resuming lands on criterion 5"
keys resume b
expect_screen resume "[5 Critical]" "the earlier answers are in place"
keys resume q
finished resume

# 4. kill -9 at criterion 5, then resume the same way.
start kill 100 30 "$VERDICT" --project Killed
enters kill 4
keys kill 1 Enter Enter Enter 0 Enter
expect_screen kill "5 of 14" "the fifth criterion is reached again"
kill -9 "$(verdict_pid kill)"
finished kill
expect_eq "kill -9 ends it" "$rc" 137
id=$("$VERDICT" list --project Killed | awk 'NR == 2 { print $1 }')
start kill2 100 30 "$VERDICT" --resume "$id"
expect_screen kill2 "5 of 14" "after kill -9, --resume lands on criterion 5"
keys kill2 b
expect_screen kill2 "[0 Does not matter]" "after kill -9 the answers are in place"
keys kill2 q
finished kill2

# 5. Too small, then large again.
start size 100 30 "$VERDICT"
enters size 4
keys size 4 Enter
expect_screen size "2 of 14" "on the second criterion"
tm resize-window -t size -x 40 -y 10
expect_screen size "Make the terminal larger" "40x10 shows the too-small message"
tm resize-window -t size -x 100 -y 30
expect_screen size "2 of 14" "the screen comes back when the terminal grows"
keys size b
expect_screen size "[4 Very important]" "the answers are intact after the resize"
keys size q
finished size
expect_eq "q after the resize exits 0" "$rc" 0

# 6. Colours: there by default, none with NO_COLOR or --no-color.
start colour 100 30 "$VERDICT"
expect_screen colour "Start a new session" "the colour run starts"
if coloured colour; then ok "colours are used by default"
else not_ok "colours are used by default" "no colour on the screen"; fi
keys colour q
finished colour
for how in "env NO_COLOR=1 $VERDICT" "$VERDICT --no-color"; do
	start mono 100 30 $how
	expect_screen mono "Start a new session" "starts with $how"
	enters mono 4
	expect_screen mono "1 of 14" "a criterion with $how"
	expect_no_colour mono "no colour attributes with $how"
	keys mono q
	finished mono
	tm kill-session -t mono
done

# 7. No terminal: refused at once, pointing to verdict score.
( timeout 5 "$VERDICT" </dev/null 2>"$T/err"; echo $? >"$T/rc.pipe" ) | cat >"$T/out"
expect_eq "no terminal exits 2" "$(cat "$T/rc.pipe")" 2
expect_err "no terminal names verdict score" "verdict score"
run "$VERDICT" run --resume abc
expect_rc "a bad --resume id is a usage error" 2
run "$VERDICT" run --help
expect_out "run --help shows usage" "usage: verdict run"

# 8. TERM unset, dumb or unknown: a clear message and the plain face
#    offered (tests/cli/plain.sh takes it); declined, exit 2.
start noterm 100 30 env -u TERM "$VERDICT"
wait_for noterm "[Y/n]" && keys noterm n Enter
finished noterm
expect_eq "TERM unset exits 2" "$rc" 2
expect_screen noterm "TERM is not set" "TERM unset says so"
start dumb 100 30 env TERM=dumb "$VERDICT"
wait_for dumb "[Y/n]" && keys dumb n Enter
finished dumb
expect_eq "TERM=dumb exits 2" "$rc" 2
expect_screen dumb "cannot move the cursor" "TERM=dumb says why"
start unknown 100 30 env TERM=no-such-terminal "$VERDICT"
wait_for unknown "[Y/n]" && keys unknown n Enter
finished unknown
expect_eq "an unknown TERM exits 2" "$rc" 2
expect_screen unknown "TERM=no-such-terminal" "an unknown TERM is named"

# 9. SIGTERM: the terminal is restored, the answers kept.
start term 100 30 "$VERDICT" --project Signalled
enters term 4
keys term 3 Enter
expect_screen term "2 of 14" "on the second criterion before SIGTERM"
kill -TERM "$(verdict_pid term)"
finished term
expect_eq "SIGTERM ends it as SIGTERM does" "$rc" 143
stty_same "the terminal settings are as before after SIGTERM"
expect_eq "the alternate screen is left after SIGTERM" \
	"$(tm display-message -p -t term '#{alternate_on}')" 0
id=$("$VERDICT" list --project Signalled | awk 'NR == 2 { print $1 }')
expect_eq "the answer before SIGTERM is stored" "$(json "$id" .session.weights.architecture)" 3

# 10. Help and history.
start help 100 30 "$VERDICT"
expect_screen help "History:" "the start screen offers the history"
keys help '?'
expect_screen help "Help: Start" "? shows the help"
expect_screen help "quit; every answer is already saved" "the help comes from the key table"
keys help Escape
expect_screen help "Start a new session" "Esc leaves the help"
keys help Down Down Enter
expect_screen help "Saved sessions, newest first" "the history lists the sessions"
expect_screen help "Shop rewrite · Dana" "the history names them"
keys help q
finished help
expect_eq "q from the history exits 0" "$rc" 0

# 11. A storage failure: a clear message, exit 3, the terminal restored.
start locked 100 30 env VERDICT_BUSY_TIMEOUT_MS=100 "$VERDICT" --project Locked
enters locked 4
expect_screen locked "1 of 14" "on the first criterion before the database is locked"
mkfifo "$T/hold"
sqlite3 "$VERDICT_DB" <"$T/hold" >/dev/null 2>&1 &
exec 7>"$T/hold"
echo "BEGIN EXCLUSIVE;" >&7
sleep 0.3
keys locked 4
finished locked
exec 7>&-
wait
expect_eq "a failed save exits 3" "$rc" 3
expect_screen locked "is locked" "a failed save says what happened"
stty_same "the terminal settings are as before after a failed save"

# 12. Ctrl-Z and fg: stopped, then drawn again.
if command -v bash >/dev/null 2>&1; then
	tm new-session -d -s job -x 100 -y 30 "env PS1='prompt$ ' bash --norc --noprofile -i"
	wait_for job "prompt$" || true
	keys job "$(quote "$VERDICT")" Enter
	expect_screen job "Start a new session" "the walk-through starts from a shell"
	enters job 4
	expect_screen job "1 of 14" "on the first criterion before Ctrl-Z"
	keys job C-z
	expect_screen job "Stopped" "Ctrl-Z stops it and gives the shell back"
	expect_eq "the alternate screen is left while it is stopped" \
		"$(tm display-message -p -t job '#{alternate_on}')" 0
	keys job "fg" Enter
	expect_screen job "1 of 14" "fg draws the criterion again"
	keys job 2
	expect_screen job "[2 Moderate]" "keys work after fg"
	keys job q
	expect_screen job "prompt$ " "q returns to the shell"
fi

# The results screen shows a tipping point rounded away from the current
# weight, as verdict score does: K3 draws level at 4.333..., shown as 4.4
# (at 4.3 A still leads).
cat > "$T/tip.yaml" <<'YAML'
verdict: 1
id: tip
title: A or B?
options: [{ id: a, name: A }, { id: b, name: B }]
criteria:
  - { id: k1, name: K1, question: K1?, default_weight: 5, ratings: { a: 10, b: 6 } }
  - { id: k2, name: K2, question: K2?, default_weight: 1, ratings: { a: 2, b: 9 } }
  - { id: k3, name: K3, question: K3?, default_weight: 3, ratings: { a: 5, b: 8 } }
YAML
start tip 100 30 "$VERDICT" --db "$T/tip.db" run -c "$T/tip.yaml"
expect_screen tip "Start a new session" "a small set starts"
enters tip 6
expect_screen tip "B would edge ahead, too close to call, if K3 were Critical (5) instead of Important (3)." "the tipping point is the scale step where the winner changes, with how far"
tm send-keys -t tip Tab
expect_screen tip "at 5: B" "the breakdown shows the same tipping step"
keys tip q

# Quitting a session half-way says where to pick it up again.
# With --db, the command it gives names the database, quoted for the shell.
TUI_DIR=$T
start quitmsg 120 30 "$VERDICT" --db "my quit's.db"
unset TUI_DIR
expect_screen quitmsg "Start a new session" "a new walk-through starts"
enters quitmsg 4
expect_screen quitmsg "1 of 14" "on the first criterion"
keys quitmsg q
expect_line quitmsg "Session 1 is saved where you stopped; 'verdict --db 'my quit'\\''s.db' run --resume 1' goes on from there." \
	"quitting half-way says how to resume, with the --db given, quoted"
start quitmsg2 100 30 "$VERDICT"
enters quitmsg2 5
keys quitmsg2 q
expect_screen quitmsg2 "is saved where you stopped; 'verdict run --resume " \
	"without --db, the command has none"

# A conflict: a Python team building a content site, which the article gives
# to Node.js. The results screen, whole, is a golden file: it names the team
# as the answer that could change it most, and what choosing Python gives up.
# UPDATE_GOLDEN=1 rewrites it from the current screen.
start conflict 100 30 "$VERDICT" --db "$T/conflict.db"
expect_screen conflict "Start a new session" "the conflict case starts"
enters conflict 1
expect_screen conflict "What are you building?" "the first profile question"
keys conflict Up Up Up Up Up Up Enter
expect_screen conflict "What does your team" "the content site is chosen"
keys conflict Up Up Up Enter Enter
expect_screen conflict "1 of 14" "the Python team is chosen"
enters conflict 1
expect_screen conflict "(normally 2; +1 Kind of product: Content site)" \
	"the criterion screen says which answer moved the default weight"
enters conflict 14
expect_whole_screen conflict "Recommendation:" "$FIX/golden/screens/results-conflict.txt" \
	"the conflict case's results screen is the golden file"
expect_screen conflict "What you give up with Python" "the results say what Python gives up"
expect_screen conflict "Recommendation: leaning towards Python" "a Python team gets Python, leaning"
tm send-keys -t conflict PageDown
expect_screen conflict "The answer that could change it most: with “Mostly JavaScript” for Your team" \
	"the team is named as the strongest lever"
keys conflict q

# The help defines the glossary's words that are on the screen, read back
# from the terminal (here in the C locale, the curly quotes shown as '?'),
# and none that are not.
cat > "$T/gloss.yaml" <<'YAML'
verdict: 1
id: gloss
title: A or B?
options: [{ id: a, name: A }, { id: b, name: B }]
criteria:
  - id: k1
    name: K1
    question: K1?
    default_weight: 3
    ratings: { a: 8, b: 6 }
    why:
      a: "Uses “quotes” and a gizmo."
      b: Plain text here.
glossary:
  gizmo: A small clever device.
  widget: Never on screen.
YAML
start gloss 100 30 env LC_ALL=C "$VERDICT" --db "$T/gloss.db" run -c "$T/gloss.yaml"
expect_screen gloss "Start a new session" "the glossary set starts in the C locale"
enters gloss 2
expect_screen gloss "1 of 1" "on its criterion"
keys gloss '?'
expect_screen gloss "gizmo  A small clever device." "the help defines a glossary word that is on the screen"
if grep -q "widget" "$T/screen"; then not_ok "a word not on the screen is not defined"; else ok "a word not on the screen is not defined"; fi
keys gloss q

# ---- Issue 11: the walk-through's faults ----

# dump DB: the sha256 of everything DB holds, as SQL text.
dump() { sqlite3 "$1" .dump | sha256sum | cut -d' ' -f1; }

# Looking at a finished session writes nothing: opening it from the history,
# paging its results, the breakdown, the export dialog cancelled, the help,
# and going back through every step to the start screen.
db="$T/view.db"
VERDICT_NOW=1700000000 "$VERDICT" --db "$db" score -a "$FIX/personas/ecommerce.yaml" --save \
	>/dev/null 2>&1
before=$(dump "$db")
start view 100 30 "$VERDICT" --db "$db"
expect_line view "  ▸ Start a new session" "a finished session: the start screen"
keys view Down Enter
expect_screen view "2023-11-14 22:13 UTC" "the history shows when the session was last answered"
keys view Enter
expect_screen view "Recommendation: leaning towards Node.js" "Enter opens the finished session's results"
keys view PageDown End Home Tab Right Left Tab e
expect_screen view "Export session 1" "the export dialog opens over the results"
keys view Escape
expect_screen view "Export cancelled: nothing written." "Esc cancels the export"
keys view '?'
expect_screen view "Help: Results" "the help opens"
keys view Escape b
expect_screen view "Review your weights" "b goes back to the review"
i=0
while [ $i -lt 17 ]; do keys view b; i=$((i + 1)); done
expect_line view "  ▸ History: 1 saved session" \
	"back from a finished session's first step, the highlight is on the history it came from"
keys view Enter
expect_screen view "2023-11-14 22:13 UTC" "the history still shows the time it was last answered"
keys view q
finished view
expect_eq "looking at a finished session exits 0" "$rc" 0
expect_eq "looking at a finished session changes no byte of the database's contents" \
	"$(dump "$db")" "$before"

# Back from the first question: the highlight is on resuming that session,
# so that Enter does not leave it behind for a new one.
db="$T/back.db"
start back 100 30 "$VERDICT" --db "$db"
expect_line back "  ▸ Start a new session" "a new walk-through starts"
keys back Enter
expect_screen back "question 1 of 2" "Enter starts a session on its first question"
keys back b
expect_line back "  ▸ Resume the unfinished session at question 1 of 2" \
	"back from question 1, the highlight is on resuming that session"
keys back Enter
expect_screen back "question 1 of 2" "Enter goes back to it"
keys back b Down Enter
expect_screen back "Saved sessions, newest first" "the history opens"
keys back b
expect_line back "  ▸ History: 1 saved session" "back from the history, the highlight is on the history"
keys back q
finished back
expect_eq "back and forth left one session, not two" \
	"$("$VERDICT" --db "$db" list --format json | jq length)" 1

# A session deleted by another process during the walk-through: back to the
# start screen, saying so; the walk-through goes on; the terminal restored.
db="$T/gone.db"
start gone 100 30 "$VERDICT" --db "$db"
enters gone 4
expect_screen gone "1 of 14" "on the first criterion before the session is deleted"
"$VERDICT" --db "$db" delete 1 --yes >/dev/null
keys gone 4
expect_line gone " Session 1 is no longer stored (deleted by another program?), so the last change was not saved." \
	"an answer to a deleted session says it was not saved"
expect_line gone "  ▸ Start a new session" "and the start screen is back"
keys gone Enter
expect_screen gone "question 1 of 2" "a new session can be started"
id=$("$VERDICT" --db "$db" list --format json | jq '.[0].id')
"$VERDICT" --db "$db" delete "$id" --yes >/dev/null
keys gone Enter
expect_line gone " Session $id is no longer stored (deleted by another program?), so the last change was not saved." \
	"going on in a deleted session says so too"
keys gone q
finished gone
expect_eq "a deleted session's walk-through exits 0" "$rc" 0
stty_same "the terminal settings are as before after a deleted session"

# Deleting from the history a session another process deleted first.
db="$T/race.db"
"$VERDICT" --db "$db" score -a "$FIX/personas/ecommerce.yaml" --save >/dev/null 2>&1
start race 100 30 "$VERDICT" --db "$db"
expect_line race "  ▸ Start a new session" "the start screen offers the history"
keys race Down Enter
expect_screen race "Saved sessions, newest first" "the history lists the session"
"$VERDICT" --db "$db" delete 1 --yes >/dev/null
keys race d y
expect_line race " Session 1 was already deleted (by another program?)." \
	"deleting a session deleted elsewhere says so"
expect_screen race "No saved sessions yet." "and the list is read again"
keys race q
finished race
expect_eq "deleting a deleted session exits 0" "$rc" 0

# Ctrl-\ (SIGQUIT): the terminal is restored, then verdict dies of it (no core
# file: the wrapper's limit is 0).
start quitsig 100 30 "$VERDICT" --db "$T/sig.db"
expect_screen quitsig "Start a new session" "the walk-through starts before Ctrl-\\"
keys quitsig 'C-\'
finished quitsig
expect_eq "Ctrl-\\ ends it as SIGQUIT does" "$rc" 131
stty_same "the terminal settings are as before after Ctrl-\\"
expect_eq "the alternate screen is left after Ctrl-\\" \
	"$(tm display-message -p -t quitsig '#{alternate_on}')" 0

# The terminal closing while SIGHUP is ignored (nohup): verdict sees its input
# hang up and ends as SIGHUP would, rather than spin.
tm new-session -d -s closed -x 100 -y 30 \
	"trap '' HUP; $(quote "$VERDICT") --db $(quote "$T/sig.db"); echo \$? >$(quote "$T/closed.rc")"
expect_screen closed "Start a new session" "the walk-through starts with SIGHUP ignored"
pid=$(verdict_pid closed)
tm kill-session -t closed
i=0
while [ $i -lt 100 ] && kill -0 "$pid" 2>/dev/null; do sleep 0.1; i=$((i + 1)); done
if kill -0 "$pid" 2>/dev/null; then
	not_ok "verdict ends when its terminal closes, SIGHUP ignored" "pid $pid still runs"
	kill "$pid"
else
	ok "verdict ends when its terminal closes, SIGHUP ignored"
fi
i=0
while [ $i -lt 50 ] && [ ! -s "$T/closed.rc" ]; do sleep 0.1; i=$((i + 1)); done
expect_eq "it ends as SIGHUP does" "$(cat "$T/closed.rc" 2>/dev/null)" 129

# Typed text under a locale that is not UTF-8. In the C locale only ASCII can
# be typed: a "ë" is left out, saying so, and the keys after it still count.
db="$T/locale.db"
start clocale 100 30 env LC_ALL=C "$VERDICT" --db "$db"
expect_screen clocale "Start a new session" "the walk-through starts in the C locale"
keys clocale Tab Z o ë
expect_line clocale " Left out: only ASCII can be typed in this locale (ANSI_X3.4-1968). For other letters, start" \
	"a non-ASCII letter typed in the C locale is refused, saying why"
keys clocale x Enter Enter Enter
expect_screen clocale "question 1 of 2" "the keys after it still work"
keys clocale q
finished clocale
expect_eq "what was typed is stored as ASCII, without the letter" \
	"$("$VERDICT" --db "$db" list --format json | jq -r '.[0].project')" "Zox"
# In a UTF-8 locale, a byte that is not UTF-8 (a Latin-1 terminal) is left
# out the same way, and the keys after it still count.
db="$T/locale-utf8.db"
start badutf8 100 30 "$VERDICT" --db "$db"
expect_screen badutf8 "Start a new session" "the walk-through starts in a UTF-8 locale"
keys badutf8 Tab
tm send-keys -t badutf8 -H 5a 6f eb 78
expect_line badutf8 " Left out: what was typed is not in this locale's encoding (UTF-8). Set LC_ALL or LANG to match the" \
	"a byte that is not UTF-8 is refused, saying why"
keys badutf8 y Enter Enter Enter
expect_screen badutf8 "question 1 of 2" "the keys after it still work in UTF-8"
keys badutf8 q
finished badutf8
expect_eq "the text around the bad byte is stored" \
	"$("$VERDICT" --db "$db" list --format json | jq -r '.[0].project')" "Zoxy"
# In a Latin-1 locale (built here when localedef can), "ë" is the byte 0xEB,
# stored as the UTF-8 "ë".
if localedef -i en_US -f ISO-8859-1 "$T/loc/en_US.ISO-8859-1" >/dev/null 2>&1 ||
	{ mkdir -p "$T/loc" && localedef -i en_US -f ISO-8859-1 "$T/loc/en_US.ISO-8859-1" >/dev/null 2>&1; }; then
	db="$T/locale-latin1.db"
	start latin1 100 30 env LOCPATH="$T/loc" LC_ALL=en_US.ISO-8859-1 "$VERDICT" --db "$db"
	expect_screen latin1 "Start a new session" "the walk-through starts in a Latin-1 locale"
	keys latin1 Tab
	tm send-keys -t latin1 -H 5a 6f eb
	keys latin1 Enter Enter Enter
	expect_screen latin1 "question 1 of 2" "a session starts in Latin-1"
	keys latin1 q
	finished latin1
	expect_eq "\"Zoë\" typed in Latin-1 is stored as UTF-8" \
		"$("$VERDICT" --db "$db" list --format json | jq -r '.[0].project' | od -An -tx1 | tr -d ' \n')" \
		"5a6fc3ab0a"
else
	skip "typing in a Latin-1 locale" "no Latin-1 locale can be built here"
fi

# Small screens scroll to every part: at 60x18, a long question, summary,
# names and messages; nothing is cut for good.
cat >"$T/small.yaml" <<'YAML'
verdict: 1
id: small
title: A or B?
summary: "A summary long enough to need more than the rows a small screen leaves for it: it says what the set is for, who should answer it, what the options are and how the answers are used, and then it goes on a little longer still, so that on a terminal of sixty columns and eighteen rows it cannot be shown whole."
questions:
  - id: q1
    prompt: "A very long profile question that goes on and on, describing in great detail the situation of the project, its people, its budget, its history, its customers, its suppliers, its competitors and everything else one might care to know before choosing, so that on a small screen it takes many lines, and then it goes on further about the weather, the sea, the hills and the long road home, until at last it ends here?"
    choices:
      - { id: a, label: "First choice" }
      - { id: b, label: "Second choice" }
      - { id: c, label: "Third choice" }
options: [{ id: a, name: A }, { id: b, name: B }]
criteria:
  - id: k1
    name: K1 with a rather long name that goes on a bit
    question: "A very long question that goes on and on, describing in great detail the situation of the project, its people, its budget, its history, its customers, its suppliers and everything else one might care to know before deciding how much this point matters, so that on a small screen it takes many lines?"
    default_weight: 5
    ratings: { a: 10, b: 6 }
    why:
      a: "A is good at this for reasons that take a line or two to explain properly."
      b: "B is less good at this, for reasons that also take a line or two to explain."
  - { id: k2, name: K2, question: K2?, default_weight: 1, ratings: { a: 2, b: 9 } }
YAML
long="A project whose name is long enough to wrap in the history list"
start small 60 18 "$VERDICT" --db "$T/small.db" run -c "$T/small.yaml" --project "$long"
expect_line small "  A summary long enough to need more than the rows a small▼" \
	"60x18: the start screen shows what of the summary fits"
expect_line small "  (PgDn: more of this text)" "and says how to read on"
i=0
while [ $i -lt 8 ]; do keys small PageDown; i=$((i + 1)); done
expect_line small "  eighteen rows it cannot be shown whole." "PgDn reaches the summary's end"
expect_line small "  (PgUp: back to the start of this text)" "and says how to go back"
keys small Enter
expect_line small "  ▸ (•) Skip this question (keep the default weights)" \
	"60x18: a long question shows the highlighted choice"
keys small Home
expect_line small "  ▸ ( ) First choice" "Home goes to the first choice"
i=0
while [ $i -lt 12 ]; do keys small Up; i=$((i + 1)); done
expect_line small "  A very long profile question that goes on and on," \
	"up from the first choice reads the question to its start"
keys small Enter Enter
expect_line small "  K1 with a rather long name that goes on a bit" "60x18: a long criterion starts at its name"
expect_line small "   0   1   2   3   4  [5]  Critical" "with the scale in view"
keys small End
expect_line small "       a line or two to explain." "End reaches the last reason"
expect_line small "   0   1   2   3   4  [5]  Critical" "with the scale still in view"
keys small Enter Enter
expect_line small "    goes on a bit" "60x18: the review wraps a long name rather than cut it"
keys small Enter Tab
expect_line small "  bit" "60x18: the breakdown wraps a long name too"
keys small n
expect_line small "  ▸ Start a new session" "n goes to the start screen"
keys small Down Enter
expect_line small "                     in the history list" "60x18: the history wraps a long project name"
keys small d
expect_line small "  wrap in the history list) for good?" "60x18: the question to delete is whole"
keys small n e Tab C-u "no/such/directory/with/a/rather/long/name/that/goes/on/and/on/and/on/and/on/and/on/and/on/and/on/and/on/and/on/and/on/and/on/and/on/and/on/report.html" Enter
expect_screen small "cannot create a file in its directory" "60x18: the export dialog says why nothing was written"
keys small PageDown
expect_line small "  │ or directory                                         │" \
	"PgDn reaches the end of a message too long for the dialog"
keys small Escape q
finished small
expect_eq "the small screens' walk-through exits 0" "$rc" 0

# 80x24 with every item on the menu: the summary is cut, and PgDn reads on.
start menu4 80 24 "$VERDICT" --db "$T/small.db"
expect_screen menu4 "Start a new session" "80x24: the start screen"
keys menu4 Enter
expect_screen menu4 "question 1 of 2" "a session to resume"
keys menu4 b
expect_line menu4 "  (PgDn: more of this text)" "80x24 with four items: the summary is cut and says so"
keys menu4 PageDown PageDown
expect_line menu4 "  any screen for plain explanations of the technical words on it." \
	"PgDn reaches the end of the summary"
keys menu4 q
finished menu4

# Counts agree with their nouns: one question, one point, one criterion, a
# lead of one point.
cat >"$T/one.yaml" <<'YAML'
verdict: 1
id: one
title: A or B?
strength: { tie: 0.5, leaning: 1, clear: 8 }
questions:
  - id: q1
    prompt: Which?
    choices: [{ id: x, label: X }, { id: y, label: Y }]
options: [{ id: a, name: A }, { id: b, name: B }]
criteria:
  - { id: k1, name: K1, question: K1?, default_weight: 3, ratings: { a: 8, b: 6 } }
YAML
start one 100 30 "$VERDICT" --db "$T/one.db" run -c "$T/one.yaml"
expect_line one "  1 question about your project, then 1 point to weigh: about a minute. Every answer is saved as" \
	"the start screen counts one question and one point"
keys one Enter Enter Enter Enter
expect_screen one "1 criterion ──" "the review counts one criterion"
keys one Enter '?'
expect_screen one "A lead of 8 points or more is clear, from 1 point leaning; below that it" \
	"the help counts one point"
keys one Escape q
finished one

# Changing a finished session asks first: in a copy (the default), or in the
# original with its answers kept as a revision; Esc changes nothing.
db="$T/edit.db"
VERDICT_NOW=1700000000 "$VERDICT" --db "$db" score -a "$FIX/personas/ecommerce.yaml" --save \
	>/dev/null 2>&1
before=$(dump "$db")
start edit 100 30 "$VERDICT" --db "$db"
expect_line edit "  ▸ Start a new session" "a finished session to change"
keys edit Down Enter
expect_screen edit "Saved sessions, newest first" "the history"
keys edit Enter
expect_screen edit "Recommendation: leaning towards Node.js" "its results"
keys edit b 5
expect_line edit "    Ready-made┌─ Session 1 is finished ──────────────────────────────────────────────┐     default" \
	"a weight changed in the review of a finished session asks first"
expect_line edit "    Fit for yo│ ▸ c  In a copy: a new session with this change, while session 1      │nt   answers" \
	"a copy is offered first, highlighted"
expect_line edit "    AI and dat│   o  In session 1 itself: its answers until now are kept as a        │     default" \
	"the original is offered, with a revision kept"
keys edit Escape
expect_line edit " Nothing changed: session 1 stays as it was." "Esc changes nothing, saying so"
expect_line edit "  ▸ Many users and live updates              Technical          ███░░   3 Important        default" \
	"the weight on the screen is the stored one"
expect_eq "Esc wrote nothing" "$(dump "$db")" "$before"
keys edit 5 Enter
expect_line edit " Changed in session 2, a copy; session 1 stays as it was." \
	"Enter makes the change in a copy"
expect_line edit "  ▸ Many users and live updates              Technical          █████   5 Critical         yours" \
	"the copy has the new weight"
expect_eq "the copy holds the change" \
	"$("$VERDICT" --db "$db" export 2 --format json --draft | jq -r .session.weights.architecture)" 5
expect_eq "the original still has no weight of its own there" \
	"$("$VERDICT" --db "$db" export 1 --format json | jq -r .session.weights.architecture)" null
expect_eq "the original is still complete" \
	"$("$VERDICT" --db "$db" export 1 --format json | jq -r .session.status)" complete
keys edit Enter
expect_screen edit "Recommendation:" "the copy's results"
keys edit b 4 o
expect_screen edit " Changed in session 2; its answers before are revision " \
	"o makes the change in the original, keeping a revision"
rev=$(sed -n "s/.*its answers before are revision \([0-9]*\) .*/\1/p" "$T/screen")
expect_eq "the revision holds the answers before the change" \
	"$("$VERDICT" --db "$db" show 2 --revisions | grep -A3 "^Revision $rev," | grep -c "Weight of Many users and live updates: 5 (Critical) (now 4, Very important)")" 1
# A choice changed on a question of a finished session: asked, then on.
keys edit Enter
expect_screen edit "Recommendation:" "the results again"
i=0
while [ $i -lt 17 ]; do keys edit b; i=$((i + 1)); done
expect_screen edit "question 1 of 2" "back to the first question"
keys edit Up Enter
expect_screen edit "Session 2 is finished" "a choice changed on a finished session asks first"
keys edit c
expect_line edit " Changed in session 3, a copy; session 2 stays as it was." "c makes it in a copy"
expect_screen edit "question 2 of 2" "and goes on to the next question"
keys edit q
finished edit
expect_eq "changing finished sessions exits 0" "$rc" 0
expect_eq "session 2 kept its choice" \
	"$("$VERDICT" --db "$db" export 2 --format json | jq -r .session.choices.app_kind)" ecommerce
expect_eq "session 3 has the new one" \
	"$("$VERDICT" --db "$db" export 3 --format json --draft | jq -r .session.choices.app_kind)" heavy_load

# ---- Issue 14: weighing in pairs ----

# Weighing starts with the choice of how; in pairs, each comparison is one
# line, the arrows move the answer, Enter gives it (saved at once), and
# "enough for now" waits until the answers link every criterion.
db="$T/pairs.db"
start pairs 100 30 "$VERDICT" --db "$db" --project Pairs
expect_line pairs "  ▸ Start a new session" "a walk-through to weigh in pairs"
keys pairs Enter Enter Enter
expect_line pairs "  ▸ (•) Rate each criterion on the scale from 0 to 5" \
	"weighing starts with the choice of how, rating each criterion highlighted"
expect_line pairs "    ( ) Compare them two at a time" "comparing in pairs is offered"
expect_line pairs "        31 comparisons, each one line: which of two matters more and how much. The first 13 link" \
	"the choice says how many comparisons there are"
expect_line pairs "        every criterion, and you can stop after them; the rest make the weights surer, and verdict" \
	"and how many link every criterion"
keys pairs Down Enter
expect_line pairs " ── Technical ─────────────────────────────────────────────────────────────── comparison 1 of 31 ──" \
	"the comparisons start within the first group"
expect_line pairs "                    Many users and live updates ◀ 9 7 5 3[1]3 5 7 9 ▶ Raw speed" \
	"a comparison is one line between the two criteria, equal highlighted"
expect_line pairs "                      Many users and live updates and Raw speed matter equally" \
	"the highlighted answer in words"
keys pairs Left Left
expect_line pairs "                    Many users and live updates ◀ 9 7[5]3 1 3 5 7 9 ▶ Raw speed" \
	"the left arrow moves the answer towards the left criterion"
expect_line pairs "                  Many users and live updates matters 5 times as much as Raw speed" \
	"and says what it means"
keys pairs Enter
expect_screen pairs "comparison 2 of 31" "Enter gives it and goes on to the next comparison"
expect_line pairs "  1 of 31 given; 12 more before you can stop (e: enough for now)." \
	"the progress says how many more link every criterion"
keys pairs e
expect_line pairs " Not yet: 12 more comparisons are needed to link every criterion, so that none is left out of the" \
	"enough for now is refused until the answers link every criterion"
keys pairs b
expect_line pairs "                    Many users and live updates ◀ 9 7[5]3 1 3 5 7 9 ▶ Raw speed" \
	"back shows the comparison before with its answer"
keys pairs b
expect_screen pairs "question 2 of 2" \
	"back from the first comparison, one given, is the question before (not the choice)"
keys pairs Enter
expect_screen pairs "comparison 2 of 31" "on again: the first comparison not given"
kill -9 "$(verdict_pid pairs)"
finished pairs
expect_eq "kill -9 in the comparisons ends it" "$rc" 137
id=$("$VERDICT" --db "$db" list --project Pairs | awk 'NR == 2 { print $1 }')
start pairs2 100 30 "$VERDICT" --db "$db" --resume "$id"
expect_screen pairs2 "comparison 2 of 31" "after kill -9, --resume lands on the first comparison not given"
keys pairs2 b
expect_line pairs2 "                    Many users and live updates ◀ 9 7[5]3 1 3 5 7 9 ▶ Raw speed" \
	"the answer given before the kill is kept"
keys pairs2 q
finished pairs2
stty_same "the terminal settings are as before after the comparisons"

# Every comparison given, one far from the rest: the review of the
# comparisons flags the group and gives the hint, fixed in place with f; the
# results say whether the three methods agree.
db="$T/pairs3.db"
start pairs3 100 30 "$VERDICT" --db "$db"
expect_line pairs3 "  ▸ Start a new session" "a walk-through weighing every pair"
keys pairs3 Enter Enter Enter Down Enter
expect_screen pairs3 "comparison 1 of 31" "on the first comparison"
keys pairs3 9 Enter
i=0
while [ $i -lt 30 ]; do keys pairs3 Enter; i=$((i + 1)); done
expect_line pairs3 " ── Review your comparisons ────────────────────────────────────────────────── 31 of 31 compared ──" \
	"after the last comparison, the review of the comparisons"
expect_line pairs3 "    Technical: 0.15, above 0.10: some answers pull against the others (hints below)" \
	"a consistency ratio above 0.10 is flagged, in plain words"
expect_line pairs3 "    Team & ecosystem: 0.00, consistent" "a consistent group says so"
expect_line pairs3 "  ▸ Many users and live updates vs Raw speed: you said 9; the rest of your answers suggest 1." \
	"the hint names the comparison, the answer given and the one the rest suggest"
expect_line pairs3 "                    Many users and live updates ◀[9]7 5 3 1 3 5 7 9 ▶ Raw speed" \
	"the hint's comparison is there to change in place"
keys pairs3 f
expect_line pairs3 "    Technical: 0.00, consistent" "f takes the suggestion: the group is consistent"
expect_line pairs3 "      Many users and live updates     ███████████████████████████████▎░░░░░░░░░░░░░░░░░░░░   6.7%" \
	"the weights from the comparisons follow, under their group"
keys pairs3 Enter End
expect_line pairs3 "  Checked three ways (adding up the weighted ratings, as the scores here do; multiplying them, the" \
	"the results say how they were checked"
expect_line pairs3 "  every criterion and how far it stands from the worst): all three pick Python." \
	"and that the three methods agree"
keys pairs3 q
finished pairs3
if command -v sqlite3 >/dev/null 2>&1; then
	expect_eq "each comparison is stored, the fixed one with its new value" \
		"$(sqlite3 "$db" "SELECT count(*), group_concat(CASE WHEN a = 'architecture' AND b = 'speed' THEN value END) FROM judgments")" \
		"31|1.0"
	expect_eq "the session is stored weighing in pairs" \
		"$(sqlite3 "$db" "SELECT weighting FROM sessions")" pairwise
else
	skip "the comparisons as stored" "sqlite3 is not installed"
fi

# The comparisons that link every criterion come first: after exactly 13 on
# the default set, "enough for now" goes on; s skips one, saving nothing.
db="$T/pairs4.db"
start pairs4 100 30 "$VERDICT" --db "$db"
expect_screen pairs4 "Start a new session" "a new walk-through to weigh in pairs"
keys pairs4 Enter Enter Enter
expect_screen pairs4 "Compare them two at a time" "the choice of how to weigh"
keys pairs4 Down Enter
expect_screen pairs4 "comparison 1 of 31" "on the first comparison"
keys pairs4 s
expect_line pairs4 " ── Technical ─────────────────────────────────────────────────────────────── comparison 2 of 31 ──" \
	"s skips a comparison"
expect_line pairs4 "  0 of 31 given; 13 more before you can stop (e: enough for now)." \
	"a skipped comparison saves nothing"
expect_line pairs4 " ←/→ choose · Enter give · e enough for now · s skip · b back               ? help · q quit (saved)" \
	"the footer lists s"
keys pairs4 '?'
expect_screen pairs4 "Help: Comparisons" "the help of the comparisons"
keys pairs4 End
expect_screen pairs4 "skip this comparison: nothing is saved for it" "the help lists s"
keys pairs4 Escape b
i=0
while [ $i -lt 12 ]; do keys pairs4 Enter; i=$((i + 1)); done
expect_line pairs4 "  12 of 31 given; 1 more before you can stop (e: enough for now)." "12 given: one more needed"
keys pairs4 Enter
expect_line pairs4 "  13 of 31 given: enough for now (e) whenever you like; each one more makes the weights surer." \
	"13 given link every criterion"
expect_line pairs4 " ── Technical ────────────────────────────────────────────────────────────── comparison 14 of 31 ──" \
	"the rest follow, within the groups first"
keys pairs4 e
expect_line pairs4 " ── Review your comparisons ────────────────────────────────────────────────── 13 of 31 compared ──" \
	"enough for now after 13: the review"
expect_line pairs4 "    Technical: 33.3% of the weight" "the review's weights go group by group"
expect_line pairs4 "      Your team's skills              ██████████████████████████░░░░░░░░░░░░░░░░░░░░░░░░░░   5.6%" \
	"each criterion under its group"
keys pairs4 q
finished pairs4

# Quit at the first comparison: resuming goes on with the comparisons, not
# the choice of how to weigh (b from the first comparison still offers it).
db="$T/pairs5.db"
start pairs5 100 30 "$VERDICT" --db "$db"
expect_screen pairs5 "Start a new session" "a new walk-through to weigh in pairs"
keys pairs5 Enter Enter Enter
expect_screen pairs5 "Compare them two at a time" "the choice of how to weigh"
keys pairs5 Down Enter
expect_screen pairs5 "comparison 1 of 31" "on the first comparison"
keys pairs5 q
finished pairs5
start pairs6 100 30 "$VERDICT" --db "$db" --resume 1
expect_line pairs6 " ── Technical ─────────────────────────────────────────────────────────────── comparison 1 of 31 ──" \
	"resumed at the first comparison, not the choice"
keys pairs6 b
expect_line pairs6 "  ▸ (•) Compare them two at a time" "b from the first comparison offers the choice again"
keys pairs6 q
finished pairs6

# Comparisons that contradict each other: the results say so next to the
# recommendation; at 100x30 the review scrolls to its last criterion.
db="$T/pairs7.db"
start pairs7 100 30 "$VERDICT" --db "$db"
expect_screen pairs7 "Start a new session" "a new walk-through to weigh in pairs"
keys pairs7 Enter Enter Enter
expect_screen pairs7 "Compare them two at a time" "the choice of how to weigh"
keys pairs7 Down Enter
expect_screen pairs7 "comparison 1 of 31" "on the first comparison"
keys pairs7 9 Enter
i=0
while [ $i -lt 30 ]; do keys pairs7 Enter; i=$((i + 1)); done
expect_screen pairs7 "31 of 31 compared" "every comparison given"
keys pairs7 End
expect_line pairs7 "      AI and data analysis            █████████████████████████████████████████████████▊░░  11.1%" \
	"End shows the review's last criterion"
keys pairs7 Home Enter
expect_line pairs7 "  Careful: your comparisons within Technical contradict each other (consistency ratio 0.15, above" \
	"the results warn that the comparisons contradict each other"
expect_line pairs7 "  0.10): the weights they give, and so the confidence, are less trustworthy than they look. The" \
	"and that the weights are less trustworthy"
expect_line pairs7 "  review of your comparisons has hints on which answers to change: b goes back to it." \
	"and how to fix it"
keys pairs7 q
finished pairs7

# The decision recorded from the results screen (d): the option chosen from
# a list, why, saved at once, then shown beside the advice, on the results
# and in the history; Esc records nothing.
db="$T/decide.db"
VERDICT_NOW=1700000000 "$VERDICT" --db "$db" score -a "$FIX/personas/ecommerce.yaml" --save \
	>/dev/null 2>&1
start decide 100 30 env VERDICT_NOW=1700086400 "$VERDICT" --db "$db"
expect_line decide "  ▸ Start a new session" "a finished session to decide on: the start screen"
keys decide Down Enter Enter
expect_screen decide "Recommendation: leaning towards Node.js" "its results"
expect_screen decide "d decided" "the key bar offers recording the decision"
keys decide d
expect_screen decide "Record the decision for session 1" "d opens the decision dialog"
expect_screen decide "Which option was actually chosen? The advice is Node.js." \
	"it names the advice"
keys decide Escape
expect_screen decide "Nothing recorded." "Esc cancels"
expect_eq "...and records nothing" "$(sqlite3 "$db" 'SELECT count(*) FROM journal')" 0
keys decide d Down Tab
keys decide -l "cheaper <hosting>"
keys decide Enter
expect_screen decide "Recorded: Python chosen, not Node.js as advised." "Enter records it, and says so"
expect_line decide "  Decided on 2023-11-15 22:13 UTC: Python, not Node.js as advised." \
	"the results show the decision beside the advice"
expect_line decide "    Why: cheaper <hosting>" "and why"
expect_eq "it is saved at once, with the advice" \
	"$(sqlite3 "$db" "SELECT option || '|' || option_name || '|' || advised || '|' || note || '|' || at FROM journal")" \
	"python|Python|Node.js|cheaper <hosting>|1700086400"
keys decide b
i=0
while [ $i -lt 18 ]; do keys decide b; i=$((i + 1)); done
expect_line decide "  ▸ History: 1 saved session" "back to the start, on the history"
keys decide Enter
expect_screen decide "Node.js; decided" "the history shows the decision beside the result"
expect_screen decide "Python (not advised)" "marked where it differs"
keys decide q
finished decide
run "$VERDICT" --db "$db" list
expect_out "verdict list shows it too" "Python (not advised)"
