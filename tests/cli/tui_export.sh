# tui_export.sh - exporting from the walk-through, driven through tmux: the
# export dialog on the results and history screens writes the same bytes as
# 'verdict export', says where the file went or why not, and a failure or a
# cancel leaves nothing behind.
#
# Like tui.sh: the real binary in a detached tmux session of a fixed size
# (tests/lib/tmux.sh), with a temporary database, HOME and working directory,
# and the clock fixed with VERDICT_NOW.
. "$(dirname "$0")/../lib/verdict.sh"
. "$(dirname "$0")/../lib/tmux.sh"

walk_through_only "terminal export tests"

W="$T/work"
TUI_DIR=$W
mkdir -p "$W"

NOW=1795651200                  # 2026-11-26 00:00 UTC
export VERDICT_NOW=$NOW

# expect_closed TEST: the dialog is gone from the screen last read.
expect_closed() {
	if grep -qF "[ Enter Write ]" "$T/screen"; then
		not_ok "$1" "screen:" "$(show_screen)"
	else
		ok "$1"
	fi
}

# files DIR: the names in DIR, hidden ones too, on one line.
files() { (cd "$1" && ls -A | tr '\n' ' '); }

# expect_files TEST DIR WANT: DIR holds exactly the names WANT ("a b ").
expect_files() {
	expect_eq "$1" "$(files "$2")" "$3"
}

# same_bytes TEST FILE ID FORMAT: FILE is 'verdict export ID --format FORMAT'.
same_bytes() {
	"$VERDICT" export "$3" --format "$4" >"$T/expected" 2>"$T/err"
	if [ -f "$2" ] && cmp -s "$2" "$T/expected"; then
		ok "$1"
	else
		not_ok "$1" "$(cmp "$2" "$T/expected" 2>&1)"
	fi
}

# An older session, saved from an answers file a month before.
cat >"$T/old.yaml" <<'EOF'
criteria: node-vs-python
project: Old client
respondent: Sam
weights: { speed: 5, syntax: 1 }
EOF
VERDICT_NOW=$((NOW - 30 * 86400)) run "$VERDICT" score -a "$T/old.yaml" --save
expect_rc "an older session is saved" 0
OLD=$("$VERDICT" list --project "Old client" | awk 'NR == 2 { print $1 }')

# 1. From the results: HTML under the default name, in the working directory.
start exp 100 30 "$VERDICT" --project "Shop rewrite" --respondent Dana
expect_screen exp "Start a new session" "the walk-through starts"
enters exp 19
expect_screen exp "No recommendation: Node.js and Python are too close" "Enter through the defaults reaches the results"
expect_screen exp "e export" "the results' bottom line offers e to export"
NEW=$("$VERDICT" list --project "Shop rewrite" | awk 'NR == 2 { print $1 }')
keys exp e
expect_screen exp "Export session $NEW: Shop rewrite · Dana" "e opens the export dialog"
expect_screen exp "[ Enter Write ]" "the dialog has its buttons"
keys exp 1
expect_screen exp "[shop-rewrite-2026-11-26.md " "Markdown's default name is prefilled"
keys exp Down
expect_screen exp "[shop-rewrite-2026-11-26.html " "the default name follows the format"
expect_screen exp "$W/shop-rewrite-2026-11-26.html" "the full path shows under the name"
keys exp Enter
expect_screen exp "HTML report written to shop-rewrite-2026-11-26.html" \
	"the results screen says where the report went"
expect_closed "the dialog closes after writing"
if [ "$(head -c 15 "$W/shop-rewrite-2026-11-26.html" 2>/dev/null)" = "<!DOCTYPE html>" ]; then
	ok "the report is an HTML page"
else
	not_ok "the report is an HTML page" "$(head -c 100 "$W/shop-rewrite-2026-11-26.html" 2>&1)"
fi
same_bytes "the report equals verdict export --format html, byte for byte" \
	"$W/shop-rewrite-2026-11-26.html" "$NEW" html
expect_files "the report is the only file written" "$W" "shop-rewrite-2026-11-26.html "

# 2. Esc cancels, writing nothing.
keys exp e
expect_screen exp "Export session $NEW" "e opens the dialog again"
keys exp 3 Tab C-u "cancelled.json"
expect_screen exp "[cancelled.json " "a name can be typed"
keys exp Escape
expect_screen exp "Export cancelled: nothing written." "Esc cancels and says so"
expect_closed "Esc closes the dialog"
expect_files "a cancelled export writes nothing" "$W" "shop-rewrite-2026-11-26.html "

# 3. A file there already: replaced only after asking.
cp "$W/shop-rewrite-2026-11-26.html" "$T/before.html"
echo "an older report" >"$W/shop-rewrite-2026-11-26.md"
keys exp e 1 Enter
expect_screen exp "shop-rewrite-2026-11-26.md is there already. Replace it?" \
	"an existing file is not replaced without asking" "$T/dialog"
keys exp n
expect_screen exp "[ Enter Write ]" "n keeps the dialog open"
expect_eq "n leaves the old file as it was" "$(cat "$W/shop-rewrite-2026-11-26.md")" \
	"an older report"
keys exp Enter
expect_screen exp "Replace it?" "Enter asks again" "$T/dialog"
keys exp y
expect_screen exp "Markdown report written to shop-rewrite-2026-11-26.md" "y replaces it"
same_bytes "the replaced file is the Markdown report" "$W/shop-rewrite-2026-11-26.md" "$NEW" md

# 3b. The sessions database: even after "Replace it?" and y, never replaced.
db_sum=$(sha256sum <"$VERDICT_DB")
keys exp e 1 Tab C-u "$VERDICT_DB" Enter
expect_screen exp "Replace it?" "the database is there already: asked first" "$T/dialog"
keys exp y
expect_screen exp "is the sessions database in use; a report there would destroy every saved session" \
	"y on the database: the dialog refuses and says why" "$T/dialog"
expect_eq "the database is unchanged, byte for byte" "$(sha256sum <"$VERDICT_DB")" "$db_sum"
keys exp Escape
expect_screen exp "Export cancelled" "Esc after the refusal cancels"

# 4. Failures: a directory that does not exist, a path that is a directory,
#    a character that is not text. The dialog says why and stays; nothing is
#    left behind.
mkdir "$W/adir"
keys exp e 2 Tab C-u "missing/dir/report.html" Enter
expect_screen exp "No report written: missing/dir/report.html" \
	"a missing directory: the dialog says nothing was written" "$T/dialog"
expect_screen exp "No such file or directory" "a missing directory: the dialog says why" \
	"$T/dialog"
expect_screen exp "[ Enter Write ]" "the dialog stays open to mend the name"
if [ -e "$W/missing" ]; then not_ok "no directory is made"; else ok "no directory is made"; fi
keys exp C-u "adir" Enter
expect_screen exp "No report written: adir" \
	"a path that is a directory: the dialog says nothing was written" "$T/dialog"
expect_screen exp "is a directory" "a path that is a directory: the dialog says why" "$T/dialog"
expect_files "nothing is left in the directory named" "$W/adir" ""
expect_files "no temporary file is left after the failures" "$W" \
	"adir shop-rewrite-2026-11-26.html shop-rewrite-2026-11-26.md "
keys exp C-u "bad"
keys exp -l "$(printf '\342\200\256')"
keys exp ".html"
expect_screen exp "[bad.html " "a character that reorders text is not taken into the name"
keys exp BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
expect_screen exp "$W/ " "the name can be emptied"
keys exp Enter
expect_screen exp "No report written: type a file name first." "an empty name is refused" \
	"$T/dialog"
keys exp Escape
expect_screen exp "Export cancelled" "Esc after a failure cancels"
cmp -s "$W/shop-rewrite-2026-11-26.html" "$T/before.html" &&
	ok "the failures changed no earlier report" ||
	not_ok "the failures changed no earlier report"

# 4b. The config file's defaults (docs/exports.md): a report written from
#     the dialog has them, as 'verdict export' has; a config file with an
#     error writes nothing and the dialog says where the error is.
mkdir -p "$XDG_CONFIG_HOME/verdict"
printf 'prepared_by: Ana Reyes\nprepard_for: Northwind\n' >"$XDG_CONFIG_HOME/verdict/config.yaml"
keys exp e 2 Tab C-u "configured.html" Enter
expect_screen exp "No report written: $XDG_CONFIG_HOME/verdict/config.yaml:2:1: unknown key" \
	"a config file with an error: the dialog says where" "$T/dialog"
if [ -e "$W/configured.html" ]; then
	not_ok "a config file with an error: nothing written"
else
	ok "a config file with an error: nothing written"
fi
printf 'prepared_by: Ana Reyes\nprepared_for: Northwind\n' >"$XDG_CONFIG_HOME/verdict/config.yaml"
keys exp Enter
expect_screen exp "HTML report written to configured.html" "the mended config file: written"
expect_eq "the report has the config file's prepared line" \
	"$(grep -c '<p class="prepared">Prepared by <strong>Ana Reyes</strong> for <strong>Northwind</strong></p>' "$W/configured.html")" 1
same_bytes "the report equals verdict export with the same config file" "$W/configured.html" "$NEW" html
rm -r "$XDG_CONFIG_HOME/verdict" "$W/configured.html"

# 5. Help lists the dialog's keys, from the key table.
keys exp e
expect_screen exp "Export session $NEW" "the dialog opens for help"
keys exp '?'
expect_screen exp "Help: Export" "? in the dialog shows its help"
expect_screen exp "a format by its number: 1 Markdown, 2 HTML, 3 JSON, 4 CSV, 5 PDF" \
	"the help lists the format keys"
expect_screen exp "In the file name" "the help lists the file name's keys"
keys exp Escape
expect_screen exp "[ Enter Write ]" "Esc leaves the help for the dialog"

# 6. The smallest terminal, too small, and back.
tm resize-window -t exp -x 60 -y 18
expect_screen exp "[shop-rewrite-2026-11-26.html" "at 60x18 the whole default name shows"
expect_screen exp "[ Enter Write ]  [ Esc Cancel ]" "at 60x18 the buttons show"
tm resize-window -t exp -x 40 -y 10
expect_screen exp "Make the terminal larger" "at 40x10 the too-small message shows"
tm resize-window -t exp -x 100 -y 30
expect_screen exp "Export session $NEW: Shop rewrite · Dana" "the dialog comes back when it grows"

# 7. The mouse, as xterm reports a click of the first button (press, then
#    release). At 100x30 the dialog's box starts at row 8, column 12: its
#    formats are rows 10 to 14 from column 24, its buttons on row 19.
click() {
	cx=$(printf '\\%03o' $((33 + $2)))
	cy=$(printf '\\%03o' $((33 + $3)))
	tm send-keys -t "$1" -l "$(printf "\033[M %b%b" "$cx" "$cy")"
	tm send-keys -t "$1" -l "$(printf "\033[M#%b%b" "$cx" "$cy")"
}
click exp 40 13
expect_screen exp "[shop-rewrite-2026-11-26.csv " "a click on CSV chooses it"
click exp 78 19
expect_screen exp "Export cancelled: nothing written." "a click on Cancel cancels"
keys exp q
finished exp
expect_eq "q in the dialog quits with status 0" "$rc" 0

# 8. From the history: CSV for the older session.
start hist 100 30 "$VERDICT"
expect_screen hist "History: 2 saved sessions" "the start screen offers the history"
keys hist Down Enter
expect_screen hist "Old client · Sam" "the history lists the older session"
expect_screen hist "e export" "the history's bottom line offers e"
keys hist Down e
expect_screen hist "Export session $OLD: Old client · Sam" "e exports the highlighted session"
keys hist 4
expect_screen hist "[old-client-2026-11-26.csv " "its default name is the project's, in CSV"
keys hist Enter
expect_screen hist "CSV report written to old-client-2026-11-26.csv" \
	"the history screen says where the report went"
expect_closed "the dialog closes on the history after writing"
same_bytes "the CSV equals verdict export --format csv, byte for byte" \
	"$W/old-client-2026-11-26.csv" "$OLD" csv
keys hist q
finished hist
expect_eq "q on the history exits 0" "$rc" 0

# 9. No colour attributes in the dialog with NO_COLOR.
start mono 100 30 env NO_COLOR=1 "$VERDICT" --resume "$OLD"
expect_screen mono "ecommendation:" "a saved session reopens on its results"
keys mono e
expect_screen mono "[ Enter Write ]" "the dialog opens with NO_COLOR"
expect_no_colour mono "no colour attributes in the dialog with NO_COLOR"
keys mono Escape q
finished mono
expect_eq "q after the dialog exits 0" "$rc" 0
