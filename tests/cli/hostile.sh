# hostile.sh - text that would drive a terminal, through every command and
# format: escape sequences (CSI, OSC 0 and OSC 52 with BEL), a raw BEL, the
# 8-bit CSI U+009B, DEL, the bidirectional controls U+202E and U+2066, a NUL
# escape, and bytes that are not UTF-8 put into the database by hand. They
# come from criteria and answers files (tests/fixtures/hostile/), from file
# and database names, from the database and from the command line.
#
# For every case: the exit status, and that neither stdout nor stderr (nor a
# report written with -o) holds ESC, BEL, a C1 control (as the raw byte 0x9b
# or as UTF-8), DEL or a bidirectional control: on a terminal they show as
# visible escapes (\u001b, \u009b, \u202e, \xff), in Markdown, HTML and CSV
# as U+FFFD, in JSON as JSON escapes (docs/exports.md). Where it matters,
# the exact text shown too.
. "$(dirname "$0")/../lib/verdict.sh"
. "$(dirname "$0")/../lib/tmux.sh"

export VERDICT_NOW=1700000000
H="$FIX/hostile"
HC="$H/criteria.yaml"
HA="$H/answers.yaml"
ESC=$(printf '\033')
BEL=$(printf '\007')
OSC="$ESC]0;x$BEL"                     # sets the window title
C1=$(printf '\302\233')                 # U+009B, the 8-bit CSI, as UTF-8
RLO=$(printf '\342\200\256')            # U+202E
# The same, as the terminal shows them.
OSC_SHOWN='\u001b]0;x\u0007'
C1_SHOWN='\u009b'
RLO_SHOWN='\u202e'

cat >"$T/clean.py" <<'EOF'
import sys
bad = []
for path in sys.argv[1:]:
    data = open(path, "rb").read()
    for raw, what in ((b"\x1b", "ESC"), (b"\x07", "BEL"), (b"\xc2\x9b", "U+009B"),
                      (b"\x7f", "DEL")):
        if raw in data:
            bad.append("%s: %s at byte %d" % (path, what, data.index(raw)))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        bad.append("%s: byte 0x%02x at %d is not UTF-8" % (path, data[e.start], e.start))
        text = data.decode("utf-8", "replace")
    for i, ch in enumerate(text):
        o = ord(ch)
        if ((o < 0x20 and ch not in "\t\n\r") or 0x7f <= o <= 0x9f or 0x202a <= o <= 0x202e
                or 0x2066 <= o <= 0x2069 or o in (0x200e, 0x200f, 0x61c, 0xfeff)):
            bad.append("%s: U+%04X at character %d" % (path, o, i))
            break
print("; ".join(bad))
sys.exit(1 if bad else 0)
EOF

# safe NAME [FILE...]: the last run's stdout and stderr, and each FILE,
# hold nothing that drives a terminal.
safe() {
	name=$1
	shift
	if why=$(python3 "$T/clean.py" "$T/out" "$T/err" "$@"); then
		ok "$name: nothing hostile comes out"
	else
		not_ok "$name: nothing hostile comes out" "$why"
	fi
}
# case_ NAME WANT CMD...: runs CMD, checks its exit status WANT, and safe.
case_() {
	name=$1 want=$2
	shift 2
	run "$@"
	expect_rc "$name: exit $want" "$want"
	safe "$name"
}
# expect_in NAME FILE TEXT: FILE holds TEXT (a fixed string).
expect_in() {
	if grep -qF -- "$3" "$2"; then ok "$1"; else not_ok "$1" "$2 lacks: $3"; fi
}
# expect_line NAME FILE LINE: FILE ($T/out or $T/err) has LINE, whole.
expect_line() {
	if grep -qxF -- "$3" "$2"; then ok "$1"; else not_ok "$1" "no line: $3"; fi
}
# py NAME SCRIPT ARGS...: a Python check (sys, json imported).
py() {
	name=$1 script=$2
	shift 2
	if why=$(python3 -c "import sys, json
$script" "$@" 2>&1); then ok "$name"; else not_ok "$name" "$why"; fi
}

# ---- values of the environment, quoted in messages ----
# The message keeps the value as given; only the face's printing cleans it.
VERDICT_BUSY_TIMEOUT_MS="5${OSC}x" case_ "env: a hostile VERDICT_BUSY_TIMEOUT_MS" 3 "$VERDICT" list
expect_line "env: the busy timeout is quoted with visible escapes" "$T/err" \
	"verdict list: VERDICT_BUSY_TIMEOUT_MS is '5${OSC_SHOWN}x': it must be a whole number of milliseconds from 0 to 3600000 (5000 when it is not set); nothing was changed"
VERDICT_NOW="1${RLO}2" case_ "env: a hostile VERDICT_NOW" 2 "$VERDICT" score -a "$HA" -c "$HC"
expect_in "env: VERDICT_NOW is quoted with visible escapes" "$T/err" \
	"VERDICT_NOW='1${RLO_SHOWN}2' is not a time"

# ---- verdict check ----
case_ "check: a hostile criteria file" 0 "$VERDICT" check "$HC"
expect_line "check: the summary shows the title's escapes" "$T/out" \
	"$HC: ok: hostile-terminal (Title \\u001b]0;pwned title\\u0007 \\u001b[31mred\\u001b[0m \\u202eevil): 2 options, 2 criteria, 1 question, 1 example passed"

# The issue's example: an OSC 52 in the id would write the clipboard.
printf 'verdict: 1\nid: "\\e]52;c;aGk=\\a"\n' >"$T/c.yaml"
case_ "check: the issue's OSC 52 id" 1 "$VERDICT" check "$T/c.yaml"
expect_line "check: the id is quoted with visible escapes" "$T/err" \
	"$T/c.yaml:2:5: error: 'id' must be an id of lowercase letters, digits, '_' and '-' (at most 64), got '\\u001b]52;c;aGk=\\u0007'"

case_ "check: errors quoting hostile keys, ids and references" 1 "$VERDICT" check "$H/bad-criteria.yaml"
expect_line "check: a hostile key" "$T/err" \
	"$H/bad-criteria.yaml:7:1: error: unknown key '\\u001b]0;key\\u0007' in the top level"
expect_line "check: a hostile reference" "$T/err" \
	"$H/bad-criteria.yaml:18:28: error: unknown option '\\u009b2J\\u202e' in the ratings of 'c1'"

# A NUL escape: an error or the text cut at it (the YAML reader decides);
# either way nothing hostile comes out.
run "$VERDICT" check "$H/nul.yaml"
safe "check: a NUL escape"

# Hostile file names, valid and missing: FILE: ok and FILE:LINE:COLUMN.
HN="$T/c${OSC}${C1}${RLO}.yaml"
SHOWN_HN="$T/c${OSC_SHOWN}${C1_SHOWN}${RLO_SHOWN}.yaml"
cp "$HC" "$HN"
case_ "check: a hostile file name" 0 "$VERDICT" check "$HN"
expect_out "check: the file name is shown with visible escapes" "$SHOWN_HN: ok: hostile-terminal"
cp "$H/bad-criteria.yaml" "$HN.bad"
case_ "check: a hostile file name in FILE:LINE:COLUMN" 1 "$VERDICT" check "$HN.bad"
expect_err "check: FILE:LINE:COLUMN names the file with visible escapes" \
	"$SHOWN_HN.bad:5:5: error: 'id' must be an id"
case_ "check: a missing file with a hostile name" 1 "$VERDICT" check "$T/none${OSC}.yaml"
expect_err "check: the missing file is named with visible escapes" \
	"none${OSC_SHOWN}.yaml: cannot open: No such file or directory"
printf 'verdict: 1\nid: x\n\377\n' >"$HN.utf8"
case_ "check: bytes that are not UTF-8, in a file with a hostile name" 1 "$VERDICT" check "$HN.utf8"

# ---- verdict score ----
for f in text json md html csv; do
	case_ "score --format $f" 0 "$VERDICT" score -c "$HC" -a "$HA" --format "$f"
	cp "$T/out" "$T/score.$f"
done
expect_line "score text: the title with visible escapes" "$T/score.text" \
	'Title \u001b]0;pwned title\u0007 \u001b[31mred\u001b[0m \u202eevil'
expect_line "score text: the project with visible escapes" "$T/score.text" \
	'Project: Project \u001b]52;c;aGk=\u0007 \u001b[31mred \u009b2J \u202eevil'
expect_in "score text: names padded by what they show" "$T/score.text" \
	'  Opt\u001b[2JA \u202e     '
py "score json: C1, DEL and bidi controls are JSON escapes; the texts read back exactly" '
import yaml
raw = open(sys.argv[1], encoding="utf-8").read()
for esc in ("\\u001B]0;pwned title\\u0007", "\\u009B2J", "\\u202Eevil", "\\u007F", "\\u2066iso"):
    assert esc in raw, esc
d = json.loads(raw)
c = yaml.safe_load(open(sys.argv[2], encoding="utf-8"))
a = yaml.safe_load(open(sys.argv[3], encoding="utf-8"))
assert d["criteria"]["title"] == c["title"]
assert [o["name"] for o in d["options"]] == [o["name"] for o in c["options"]]
for k in ("project", "respondent", "notes"):
    assert d[k] == a[k], k
' "$T/score.json" "$HC" "$HA"
py "score md: U+FFFD for each control, lines kept as the format wants" '
t = open(sys.argv[1], encoding="utf-8").read()
assert t.startswith("# Title \ufffd\\]0;pwned title\ufffd \ufffd\\[31mred\ufffd\\[0m \ufffdevil\n"), t[:80]
assert "> Notes \ufffd\\[2J\ufffd\\[H line one\n> line two \ufffd31m \ufffd \ufffd\n" in t
' "$T/score.md"
py "score html: U+FFFD for each control" '
t = open(sys.argv[1], encoding="utf-8").read()
assert "<h1>Title \ufffd]0;pwned title\ufffd \ufffd[31mred\ufffd[0m \ufffdevil</h1>" in t
' "$T/score.html"
py "score csv: U+FFFD for each control, cells intact" '
import csv
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
assert all(len(r) == len(rows[0]) for r in rows)
body = dict(zip(rows[0], rows[1]))
assert body["project"] == "Project \ufffd]52;c;aGk=\ufffd \ufffd[31mred \ufffd2J \ufffdevil", body["project"]
' "$T/score.csv"

case_ "score: answers quoting hostile choices and criteria" 1 "$VERDICT" score -c "$HC" -a "$H/bad-answers.yaml"
expect_line "score: a hostile choice, with visible escapes" "$T/err" \
	"$H/bad-answers.yaml:3:16: error: question 'q1' has no choice '\\u001b]0;x\\u0007\\u009b'"
cp "$H/bad-answers.yaml" "$HN.answers"
case_ "score: hostile answers file name" 1 "$VERDICT" score -c "$HN" -a "$HN.answers"
expect_err "score: FILE:LINE:COLUMN names it with visible escapes" \
	"$SHOWN_HN.answers:3:16: error: question 'q1' has no choice"
case_ "score: a missing answers file with a hostile name" 1 "$VERDICT" score -a "$T/none${OSC}.yaml"
expect_err "score: the missing file is named with visible escapes" "none${OSC_SHOWN}.yaml"
case_ "score: a missing criteria file with a hostile name" 1 "$VERDICT" score -c "$T/none${RLO}.yaml" -a "$HA"
expect_err "score: the missing criteria file is named with visible escapes" "none${RLO_SHOWN}.yaml"
case_ "score: an unknown format with a hostile name" 2 "$VERDICT" score -a "$HA" --format "x$OSC"
expect_line "score: the format is quoted with visible escapes" "$T/err" \
	"verdict score: unknown format 'x$OSC_SHOWN': use text, json, md, html or csv"
printf 'project: P\nweights: { c1: 0, c2: 0 }\n' >"$HN.zero"
case_ "score: answers that cannot be scored, with a hostile name" 1 "$VERDICT" score -c "$HC" -a "$HN.zero"
expect_err "score: the answers file is named with visible escapes" "verdict score: $SHOWN_HN.zero:"

# ---- saved sessions: score --save, then the database by hand ----
case_ "score --save" 0 "$VERDICT" score -c "$HC" -a "$HA" --save
expect_line "score --save says the id" "$T/err" "saved as session 1"
case_ "score --save again" 0 "$VERDICT" score -c "$HN" -a "$HA" --save
# Session 2's names as raw bytes: a lone 0x9b (the 8-bit CSI where the
# terminal reads Latin-1), a byte that is no UTF-8, ESC, BEL, U+202E.
python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("UPDATE sessions SET project = CAST(? AS TEXT), respondent = CAST(? AS TEXT), "
          "notes = CAST(? AS TEXT), winner_name = CAST(? AS TEXT), "
          "criteria_title = CAST(? AS TEXT) WHERE id = 2",
          (b"Raw \x9b2J \xff end", b"Who \x1b]0;x\x07 \xe2\x80\xae", b"N \x9b\nline \x07",
           b"W \x9b", b"T \x1b[5m \xc2\x9b"))
c.commit()' "$VERDICT_DB"

case_ "list" 0 "$VERDICT" list
expect_out "list: raw bytes shown as \\xHH" 'Raw \x9b2J \xff end'
expect_out "list: escapes shown, cut to the column by width" 'Who \u001b]0;x\u000…  T \u001b[5m \u009b'
case_ "list --format json" 0 "$VERDICT" list --format json
py "list json: C1 and bidi controls are JSON escapes; session 1 reads back exactly" '
import yaml
raw = open(sys.argv[1], encoding="utf-8").read()
assert "\\u009B2J \\u202Eevil" in raw and "\\u2066iso" in raw
d = json.loads(raw)
a = yaml.safe_load(open(sys.argv[2], encoding="utf-8"))
one = [s for s in d if s["id"] == 1][0]
assert one["project"] == a["project"] and one["respondent"] == a["respondent"]
' "$T/out" "$HA"
case_ "list --project with a hostile name" 0 "$VERDICT" list --project "x$OSC"
expect_line "list: the project is quoted with visible escapes" "$T/out" \
	"No saved sessions for project 'x$OSC_SHOWN'."

for id in 1 2; do
	case_ "show $id" 0 "$VERDICT" show "$id"
	for f in json md; do
		case_ "show $id --format $f" 0 "$VERDICT" show "$id" --format "$f"
	done
	for f in md html json csv; do
		case_ "export $id --format $f" 0 "$VERDICT" export "$id" --format "$f"
		rm -f "$T/report.$f"
		case_ "export $id --format $f -o" 0 "$VERDICT" export "$id" --format "$f" -o "$T/report.$f"
		safe "export $id --format $f -o: the report" "$T/report.$f"
	done
done
run "$VERDICT" show 1
expect_line "show: the notes keep their lines, with visible escapes" "$T/out" \
	'line two \u009b31m \u202e \u007f'
expect_line "show: the criteria file is named with visible escapes" "$T/out" \
	"Criteria: Title \\u001b]0;pwned title\\u0007 \\u001b[31mred\\u001b[0m \\u202eevil (hostile-terminal, from $HC)"
run "$VERDICT" show 2
expect_line "show: raw bytes from the database shown as \\xHH" "$T/out" \
	'Session 2: Raw \x9b2J \xff end, answered by Who \u001b]0;x\u0007 \u202e'
run "$VERDICT" export 2 --format json
py "export json: bytes that are not UTF-8 are U+FFFD, the rest exact" '
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert d["project"] == "Raw \ufffd2J \ufffd end", d["project"]
assert d["respondent"] == "Who \x1b]0;x\x07 \u202e", d["respondent"]
' "$T/out"
case_ "export -o into a missing directory with a hostile name" 3 \
	"$VERDICT" export 1 --format md -o "$T/none$OSC/report.md"
expect_err "export: the path is named with visible escapes" "none$OSC_SHOWN/report.md"

# A stored answer its criteria do not know, with hostile text.
python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("UPDATE choices SET choice = ? WHERE session_id = 2", ("x\x1b]0;t\x07\u202e",))
c.commit()' "$VERDICT_DB"
case_ "show: a stored answer quoting hostile text" 3 "$VERDICT" show 2
expect_err "show: the stored answer is quoted with visible escapes" \
	"stored answer 'q1: x\\u001b]0;t\\u0007\\u202e' is not in its criteria"

# ---- verdict delete: the prompt on a terminal, then without one ----
cat >"$T/on_tty.py" <<'EOF'
import os, pty, select, subprocess, sys
master, slave = pty.openpty()
os.write(master, sys.argv[2].encode())
with open(sys.argv[3], "wb") as out, open(sys.argv[4], "wb") as err:
    both = sys.argv[1] == "both"
    rc = subprocess.call(sys.argv[5:], stdin=slave, stdout=slave if both else out, stderr=err)
    while both and select.select([master], [], [], 0)[0]:
        out.write(os.read(master, 65536))
sys.exit(rc)
EOF
# on_tty ANSWER CMD...: runs CMD with a terminal on standard input that
# has ANSWER typed into it; on_tty_both, on standard output too.
on_tty() {
	answer=$1
	shift
	python3 "$T/on_tty.py" in "$answer" "$T/out" "$T/err" "$@"
	rc=$?
}
on_tty_both() {
	answer=$1
	shift
	python3 "$T/on_tty.py" both "$answer" "$T/out" "$T/err" "$@"
	rc=$?
}
on_tty 'n
' "$VERDICT" delete 1
expect_rc "delete prompt, kept: exit 0" 0
safe "delete prompt, kept"
expect_err "delete prompt: names shown with visible escapes" \
	'Delete session 1 (Project \u001b]52;c;aGk=\u0007 \u001b[31mred \u009b2J \u202eevil, Respondent \u0007\u0007 \u2066iso\u2069 \u001b]0;title\u0007)? [y/N] '
expect_line "delete prompt: kept" "$T/out" "Kept session 1."
on_tty 'y
' "$VERDICT" delete 2
expect_rc "delete prompt, raw bytes, deleted: exit 0" 0
safe "delete prompt, raw bytes, deleted"
expect_err "delete prompt: raw bytes shown as \\xHH" \
	'Delete session 2 (Raw \x9b2J \xff end, Who \u001b]0;x\u0007 \u202e)? [y/N] '
case_ "delete without a terminal" 0 "$VERDICT" delete 1 </dev/null
expect_line "delete: says what it deleted, with visible escapes" "$T/out" \
	'Deleted session 1 (Project \u001b]52;c;aGk=\u0007 \u001b[31mred \u009b2J \u202eevil, Respondent \u0007\u0007 \u2066iso\u2069 \u001b]0;title\u0007).'

# ---- usage errors that echo an argument ----
case_ "an unknown command" 2 "$VERDICT" "x$OSC"
expect_line "an unknown command is quoted with visible escapes" "$T/err" \
	"verdict: unknown command 'x$OSC_SHOWN'; 'verdict --help' lists them"
for cmd in check score list show delete export run team; do
	case_ "$cmd: an unknown long option" 2 "$VERDICT" "$cmd" "--x$OSC"
	expect_line "$cmd: the option is quoted with visible escapes" "$T/err" \
		"verdict $cmd: unknown option '--x$OSC_SHOWN'"
	case_ "$cmd: an unknown short option" 2 "$VERDICT" "$cmd" "-$ESC"
	expect_line "$cmd: the short option is quoted with visible escapes" "$T/err" \
		"verdict $cmd: unknown option '-\\u001b'"
done
case_ "score: an option that needs a value" 2 "$VERDICT" score --format
expect_line "score: says it needs a value" "$T/err" "verdict score: option '--format' needs a value"
case_ "list: an option that takes no value" 2 "$VERDICT" list "--help=$OSC"
expect_line "list: says it takes no value" "$T/err" "verdict list: option '--help' takes no value"
case_ "run: an ambiguous option" 2 "$VERDICT" run --re
expect_line "run: says it is ambiguous" "$T/err" "verdict run: ambiguous option '--re'"
for cmd in "show" "delete" "export --format md"; do
	case_ "$cmd: a hostile session id" 2 "$VERDICT" $cmd "1$OSC"
	expect_err "$cmd: the id is quoted with visible escapes" "'1$OSC_SHOWN' is not a session id"
done
case_ "run: a hostile --resume id" 2 "$VERDICT" run --resume "$C1"
expect_err "run: the id is quoted with visible escapes" "'$C1_SHOWN' is not a session id"
case_ "run: a hostile argument" 2 "$VERDICT" run "x$RLO"
expect_line "run: the argument is quoted with visible escapes" "$T/err" \
	"verdict run: unexpected argument 'x$RLO_SHOWN'"
case_ "list: a hostile format" 2 "$VERDICT" list --format "$RLO"
case_ "show: a hostile format" 2 "$VERDICT" show 1 --format "$RLO"
case_ "export: a hostile format" 2 "$VERDICT" export 1 --format "$RLO"
expect_line "export: the format is quoted with visible escapes" "$T/err" \
	"verdict export: unknown format '$RLO_SHOWN'; use md, html, json or csv"
case_ "team: a hostile format" 2 "$VERDICT" team 1 2 --format "$RLO"
expect_line "team: the format is quoted with visible escapes" "$T/err" \
	"verdict team: unknown format '$RLO_SHOWN'; use text, json, md or html"
case_ "team: a hostile project" 1 "$VERDICT" team --project "x$OSC"
expect_line "team: the project is quoted with visible escapes" "$T/err" \
	"verdict team: no sessions in project 'x$OSC_SHOWN'; 'verdict list' shows the projects"
: >"$T/file$OSC"
case_ "a database path with a hostile name" 3 "$VERDICT" --db "$T/file$OSC/x.db" score -c "$HC" -a "$HA" --save
expect_err "the database path is named with visible escapes" "file$OSC_SHOWN/x.db"

# ---- the walk-through ----
# The plain face offered instead is declined.
on_tty_both 'n
' env "TERM=x$OSC" "$VERDICT" run
expect_rc "run: a hostile TERM: exit 2" 2
safe "run: a hostile TERM"
expect_err "run: TERM is quoted with visible escapes" "TERM=x$OSC_SHOWN is unknown"

# What it draws from files, the database and the command line is cleaned by
# the same function: the screen shows the same escapes as the command line,
# and nothing reached tmux as a control (the pane's title is unchanged).
if have_tmux; then
	start h 100 30 env VERDICT_DB="$T/tui.db" "$VERDICT" run -c "$HC" --project "P$OSC $RLO"
	wait_for h "Start a new session"
	expect_in "run: the title shows with visible escapes" "$T/screen" \
		'  Title \u001b]0;pwned title\u0007 \u001b[31mred\u001b[0m \u202eevil'
	expect_in "run: the summary keeps its lines, escapes visible" "$T/screen" \
		'  second \u009b31m line \u2066isolate\u2069'
	expect_in "run: the project from the command line, escapes visible" "$T/screen" \
		"[P$OSC_SHOWN $RLO_SHOWN "
	title=$(tm display-message -p -t h '#{pane_title}')
	case $title in
	*pwn*) not_ok "run: no title set through the screen" "pane title: $title" ;;
	*) ok "run: no title set through the screen" ;;
	esac
else
	skip "the walk-through case" "tmux is not installed"
fi
