# tui_import.sh - importing sessions from the walk-through's history: i
# opens a dialog asking for a file (a JSON report from 'verdict export
# --format json', or another verdict database, told apart by their first
# bytes), Enter imports it as 'verdict import' does and the history shows
# the session with its origin and the bottom line the counts; a second
# import says it was already here; a damaged file's error shows in the
# dialog, which stays, and the database is unchanged; Esc cancels; the
# terminal is restored. Driven through tmux as tui.sh is.
. "$(dirname "$0")/../lib/verdict.sh"
. "$(dirname "$0")/../lib/tmux.sh"
. "$(dirname "$0")/../lib/db.sh"

walk_through_only "importing sessions in the walk-through"
export VERDICT_NOW=1700000000
WE="$FIX/criteria/worked-example.yaml"
A="$T/alice.db"
printf 'criteria: worked-example\nproject: Acme\nrespondent: Alice\n' >"$T/alice.yaml"
printf 'criteria: worked-example\nproject: Chat\n' >"$T/own.yaml"
"$VERDICT" --db "$A" score -c "$WE" -a "$T/alice.yaml" --save >/dev/null 2>&1
"$VERDICT" --db "$A" export 1 --format json -o "$T/alice.json" >/dev/null 2>&1
expect_eq "the JSON report is written" "$(test -s "$T/alice.json" && echo yes)" yes
"$VERDICT" score -c "$WE" -a "$T/own.yaml" --save >/dev/null 2>&1
head -c 200 "$T/alice.json" >"$T/broken.json"

export TUI_DIR="$T"
start imp 100 30 "$VERDICT"
wait_for imp "History: 1 saved session"
keys imp Down Enter
expect_screen imp "i import" "the history's key bar offers i import"
keys imp i
expect_screen imp "Import sessions" "i opens the import dialog"
expect_screen imp "A JSON report (verdict export --format json) or a verdict database." \
	"the dialog says what it takes"
keys imp Enter
expect_screen imp "Nothing imported: type a file name first." "Enter with no name says what to do"
keys imp -l alice.json
keys imp Enter
expect_screen imp "1 session imported, 0 already here." "Enter imports the report"
expect_screen imp "Acme · Alice (imported from alice.json)" \
	"the history shows the imported session with its origin"
expect_screen imp "2 saved" "the history counts it"
expect_eq "the database holds it" "$(sql_value "$VERDICT_DB" "SELECT origin FROM sessions WHERE project = 'Acme'")" "alice.json"

keys imp i
keys imp -l alice.json
keys imp Enter
expect_screen imp "0 sessions imported, 1 already here." "a second import says it was already here"
expect_screen imp "2 saved" "and adds nothing"

# Another database, told apart by its first bytes: the same session.
keys imp i
keys imp -l alice.db
keys imp Enter
expect_screen imp "0 sessions imported, 1 already here." "a database is imported too"

before=$(cat "$VERDICT_DB"* | sha256sum)
keys imp i
keys imp -l broken.json
keys imp Enter
expect_screen imp "Nothing imported: broken.json:" "a damaged file's error shows in the dialog" "$T/dialog"
expect_screen imp "Import sessions" "the dialog stays open"
keys imp C-u
keys imp -l missing.json
keys imp Enter
expect_screen imp "Nothing imported:" "a missing file's error shows in the dialog" "$T/dialog"
expect_screen imp "missing.json" "naming it" "$T/dialog"
keys imp Escape
expect_screen imp "Import cancelled: nothing imported." "Esc cancels"
expect_screen imp "2 saved" "nothing was imported"
after=$(cat "$VERDICT_DB"* | sha256sum)
expect_eq "the database is unchanged by the failed imports" "$after" "$before"

keys imp '?'
keys imp PgDn
expect_screen imp "import sessions answered elsewhere" "the history's help lists i"
keys imp End
expect_screen imp "is imported or nothing is: a damaged file or a conflict is shown in the dialog." \
	"and what the import dialog does"
expect_screen imp "cancel: nothing is imported" "Esc among them"
keys imp Escape
keys imp q
finished imp
expect_eq "the walk-through ends with status 0" "$rc" 0
stty_same "the terminal is restored"
