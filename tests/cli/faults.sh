# faults.sh - every bad input and fault verdict handles, in one table, each
# with what it must give: the exit status, a message, and, where data is
# involved, the files left exactly as they were.
#
# A row is  NAME | SETUP | COMMAND | STATUS | MESSAGE | AFTER  where
#   SETUP    shell commands, joined with &&, run first in a fresh, empty
#            case directory $W (helpers below); a need_* helper that fails
#            skips the row here (no root, tmux or runuser), any other
#            failure fails it;
#   COMMAND  run with standard input from /dev/null ($V is verdict);
#   STATUS   the exit status it must give;
#   MESSAGE  a fixed string its standard error must hold ("stdout:" first
#            for standard output; the terminal cases put the screen there);
#   AFTER    "same": nothing in $W changed (the sha256 of every file, its
#            mode, and no file added: no temporary file left; SQLite's
#            -shm index and an empty -wal are allowed, see docs/storage.md),
#            "-": nothing to check, or the name of a check function below.
#
# Other scripts test some of these in more depth (check.sh every bad criteria
# fixture, store.sh the faults of list and delete, export.sh failed exports,
# tui.sh the terminal): this table is the one list of them all.
. "$(dirname "$0")/../lib/verdict.sh"
. "$(dirname "$0")/../lib/tmux.sh"
. "$(dirname "$0")/../lib/users.sh"

export VERDICT_NOW=1700000000 VERDICT_BUSY_TIMEOUT_MS=300
V=$VERDICT
MIN="$FIX/criteria/minimal.yaml"
# The runs as nobody must reach the case directories and the answers.
chmod 755 "$T"
P="$T/answers.yaml"
cp "$FIX/personas/ecommerce.yaml" "$P"
SAVE="score -a $P --save"

holder=""
# At exit: a lock holder still holding.
at_exit '[ -n "$holder" ] && kill "$holder" 2>/dev/null'

# A database with one saved session (id 1), copied into the cases that need one.
"$V" --db "$T/base.db" score -a "$P" --save >/dev/null 2>"$T/err" ||
	not_ok "the base database is made" "$(cat "$T/err")"

# ---- setup helpers ----
# Readable by all (a new database is private to its owner): the runs as
# nobody read it.
good_db() { cp "$T/base.db" "$W/db" && chmod 644 "$W/db"; }
garbage_db() { head -c 20000 /dev/urandom >"$W/db"; }
newer_db() {
	good_db
	python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1]); c.execute("PRAGMA user_version = 999"); c.commit()' "$W/db"
}
# Session 1 unfinished, its stored criteria text one this verdict no longer
# reads (format version 2), kept under its own SHA-256, so not damage.
unloadable_db() {
	good_db
	python3 -c 'import hashlib, sqlite3, sys
c = sqlite3.connect(sys.argv[1])
body = open(sys.argv[2], "rb").read().replace(b"verdict: 1\n", b"verdict: 2\n", 1)
c.execute("UPDATE criteria_texts SET body = ?, sha256 = ? WHERE id = (SELECT criteria_text_id FROM sessions WHERE id = 1)", (body, hashlib.sha256(body).hexdigest()))
c.execute("UPDATE sessions SET status = '"'"'in-progress'"'"', winner_name = NULL WHERE id = 1")
c.commit()' "$W/db" "$(dirname "$0")/../../criteria/node-vs-python.yaml"
}
# A database big enough that cutting it in half loses whole pages of sessions.
truncated_db() {
	good_db
	python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("""WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100)
  INSERT INTO sessions (criteria_text_id, criteria_name, criteria_id, criteria_title, notes,
  created, updated) SELECT 1, ?, ?, ?, printf(?, ?), 1, 1 FROM n""",
  ("a.yaml", "nvp", "T", "%.3000c", "n"))
c.commit()' "$W/db"
	truncate -s $(($(wc -c <"$W/db") / 2)) "$W/db"
}
# Another process holds the database in an exclusive transaction until the
# row is over.
locked_db() {
	good_db
	python3 -c 'import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN EXCLUSIVE")
c.execute("UPDATE sessions SET step = 1")
open(sys.argv[2], "w").close()
time.sleep(60)' "$W/db" "$W.held" &
	holder=$!
	i=0
	while [ ! -e "$W.held" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
}
# Read-only for whoever as_other runs (tests/lib/users.sh): as nobody when we
# are root (root writes anywhere), else the modes do it.
# need_*: set $skip and fail when the row cannot run here.
need_reader() { other_user_ok || ! skip="runuser or setpriv"; }
need_root() { [ "$(id -u)" = 0 ] || ! skip="root"; }
need_tmux() { have_tmux || ! skip="tmux"; }
read_only() {
	need_reader || return
	for f in "$@"; do chmod a-w "$f"; done
}

# crit bom|crlf|sub SED|add TEXT: the minimal criteria set as $W/c.yaml,
# with a byte-order mark, CRLF line ends, a sed edit or TEXT appended.
crit() {
	case $1 in
	bom) { printf '\357\273\277'; cat "$MIN"; } >"$W/c.yaml" ;;
	crlf) sed 's/$/\r/' "$MIN" >"$W/c.yaml" ;;
	sub) sed "$2" "$MIN" >"$W/c.yaml" ;;
	add) { cat "$MIN"; printf -- "$2"; } >"$W/c.yaml" ;;
	esac
}
# ans FORMAT: an answers file $W/a.yaml, written with printf.
ans() { printf -- "$1" >"$W/a.yaml"; }
# big FILE: 20 MiB of YAML comment.
big() { head -c 20971520 /dev/zero | tr '\0' '#' >"$W/$1"; }
# out_dir: $W/out holding an old report.
out_dir() {
	mkdir "$W/out"
	printf 'the old report\n' >"$W/out/report.html"
}
# A session whose HTML report is larger than 128 KiB, for the file-size limit.
big_session() {
	python3 "$(dirname "$0")/../../bench/gen_criteria.py" 100 8 >"$W/big.yaml"
	printf 'project: Big\n' >"$W/big-answers.yaml"
	"$V" --db "$W/db" score -c "$W/big.yaml" -a "$W/big-answers.yaml" --save >/dev/null 2>&1
	rm "$W/big.yaml" "$W/big-answers.yaml"
}

# ---- setup helpers: the store and the records (issue 11) ----
fifo_db() { mkfifo "$W/db"; }
# Another user may not read it at all (mode 000), as nobody when we are root.
unreadable_db() { need_reader && good_db && chmod 000 "$W/db"; }
# A session left unfinished (as quitting the walk-through leaves one).
unfinished_db() {
	good_db && python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("UPDATE sessions SET status = \x27in-progress\x27, winner_name = NULL")
c.commit()' "$W/db"
}
# The page holding the end of the stored criteria text made garbage.
damaged_text_db() {
	good_db && python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
tail = bytes(c.execute("SELECT body FROM criteria_texts").fetchone()[0])[-40:]
c.close()
data = open(sys.argv[1], "rb").read()
page = data.rindex(tail) // 4096
f = open(sys.argv[1], "r+b")
f.seek(page * 4096)
f.write(bytes((i * 37 + 11) % 256 for i in range(4096)))' "$W/db"
}
# The criteria text of session 1 lost (as a damaged page can lose a row).
lost_text_db() {
	good_db && python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("PRAGMA foreign_keys = OFF")
c.execute("DELETE FROM criteria_texts")
c.commit()' "$W/db"
}
# A stored answer changed to one its criteria do not have (as a damaged
# byte would: the file itself is sound).
damaged_answer_db() {
	good_db && python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("UPDATE choices SET choice = \x27ecommercf\x27 WHERE choice = \x27ecommerce\x27")
c.commit()' "$W/db"
}
# A file system of our own (a tmpfs in a mount namespace) needs root.
need_mount() {
	[ "$(id -u)" = 0 ] && unshare -m true 2>/dev/null || ! skip="root and unshare -m"
}
full_fs_db() { need_mount && good_db && mkdir "$W/full"; }

# ---- command helpers ----
# full_fs CMD...: runs CMD with $W/full a full file system holding a copy
# of $W/db (a 512 KiB tmpfs, in a mount namespace of its own, filled to its
# last block), then says "[database unchanged]" on stderr when the copy is
# as it was. The tmpfs goes with the namespace.
full_fs() {
	unshare -m sh -c '
		W=$1
		shift
		mount -t tmpfs -o size=512k tmpfs "$W/full" && cp "$W/db" "$W/full/db" || exit 97
		dd if=/dev/zero of="$W/full/fill" bs=4096 2>/dev/null
		before=$(sha256sum <"$W/full/db")
		"$@"
		rc=$?
		[ "$(sha256sum <"$W/full/db")" = "$before" ] && echo "[database unchanged]" >&2
		exit $rc' sh "$W" "$@"
}
fsize() {
	blocks=$1
	shift
	(ulimit -f "$blocks" && exec "$@")
}
piped() {
	file=$1
	shift
	cat "$file" | "$@"
}
to_full() { "$@" >/dev/full; }

# tui ACTION COLS ROWS CMD...: runs CMD in a detached tmux session of that
# size (tests/lib/tmux.sh), then: exit (waits for it to end by itself), tiny
# (waits for the too-small message, then q), INT (Ctrl-C), QUIT (Ctrl-\),
# TERM or HUP (that signal) once the start screen shows, or act_ACTION
# (below) with the session name. Prints the last screen and whether the
# terminal settings and the normal screen came back on stderr; returns CMD's
# status.
tn=0
tui() {
	action=$1
	shift
	tn=$((tn + 1))
	s=case$tn
	start "$s" "$@"
	case $action in
	exit) ;;
	decline) wait_for "$s" "[Y/n]" && keys "$s" n Enter ;;
	tiny) wait_for "$s" "larger" && keys "$s" q ;;
	INT) started "$s" && keys "$s" C-c ;;
	QUIT) started "$s" && keys "$s" 'C-\' ;;
	TERM | HUP) started "$s" && kill -"$action" "$(verdict_pid "$s")" ;;
	*) "act_$action" "$s" ;;
	esac
	if [ "$action" = closed ]; then
		# The terminal is gone: only the status can be had.
		return "$(cat "$T/tui.rc" 2>/dev/null || echo 255)"
	fi
	wait_for "$s" "[verdict exited]"
	cat "$T/screen" >&2
	stty_restored && echo "[terminal settings restored]" >&2
	normal_screen "$s" && echo "[normal screen]" >&2
	tm kill-session -t "$s"
	return "$(cat "$T/tui.rc" 2>/dev/null || echo 255)"
}

# ---- the walk-through's actions (tui act_NAME): keys, and the screens that
# matter printed on stderr for MESSAGE ----
shown() { wait_for "$1" "$2" && cat "$T/screen" >&2; }
started() { wait_for "$1" "Start a new session"; }
# Answers the first criterion of a new session after another process deleted it.
act_gone_answer() {
	started "$1" && keys "$1" Enter Enter Enter Enter && wait_for "$1" "1 of 14" &&
		"$V" --db "$W/db" delete 2 --yes >/dev/null && keys "$1" 4 &&
		shown "$1" "no longer stored" && keys "$1" q
}
# Goes on to the next step of a session another process deleted.
act_gone_step() {
	started "$1" && keys "$1" Enter && wait_for "$1" "question 1 of 2" &&
		"$V" --db "$W/db" delete 2 --yes >/dev/null && keys "$1" Enter &&
		shown "$1" "no longer stored" && keys "$1" q
}
# Deletes from the history a session another process deleted first.
act_gone_history() {
	started "$1" && keys "$1" Down Enter && wait_for "$1" "newest first" &&
		"$V" --db "$W/db" delete 1 --yes >/dev/null && keys "$1" d y &&
		shown "$1" "already deleted" && keys "$1" q
}
# Resumes session 1, whose criteria no longer load: the walk-through says why.
act_unloadable() {
	started "$1" && keys "$1" Down Enter && shown "$1" "cannot be opened" && keys "$1" q
}
# Opens the finished session 1 from the history and looks at everything:
# its results paged, the breakdown, the export dialog cancelled, the help,
# then back through every step to the start screen.
act_view() {
	started "$1" && keys "$1" Down Enter && wait_for "$1" "newest first" &&
		keys "$1" Enter && wait_for "$1" "Recommendation:" &&
		keys "$1" PageDown End Home Tab Right Tab e && wait_for "$1" "Export session 1" &&
		keys "$1" Escape '?' && wait_for "$1" "Help: Results" && keys "$1" Escape || return
	i=0
	while [ $i -lt 18 ]; do keys "$1" b; i=$((i + 1)); done
	shown "$1" "History: 1 saved session" && keys "$1" q
}
# Changes a weight in the review of the finished session 1, then answers
# the question with KEY (Escape, Enter, o).
edit_finished() {
	started "$1" && keys "$1" Down Enter && wait_for "$1" "newest first" &&
		keys "$1" Enter && wait_for "$1" "Recommendation:" && keys "$1" b 5 &&
		wait_for "$1" "Session 1 is finished" && keys "$1" "$2" &&
		shown "$1" "$3" && keys "$1" q
}
act_edit_cancel() { edit_finished "$1" Escape "Nothing changed"; }
act_edit_copy() { edit_finished "$1" Enter "Changed in session"; }
act_edit_original() { edit_finished "$1" o "Changed in session"; }
# Session 1 as the base database has it, and a copy of it, changed, as 2.
session1_kept() {
	[ "$("$V" --db "$W/db" show 1)" = "$("$V" --db "$T/base.db" show 1)" ] &&
		"$V" --db "$W/db" export 2 --format json --draft | jq -e '.session.weights.architecture == 5' >/dev/null
}
# Session 1 changed, its answers before kept as revision 1.
revision_kept() {
	"$V" --db "$W/db" show 1 --revisions | grep -qF "Weight of Many users and live updates: not set (now 5, Critical)"
}
# Types "Zoë" in the project field, then leaves the field and quits.
act_zoe() {
	started "$1" && keys "$1" Tab Z o ë && shown "$1" "Left out" && keys "$1" Escape q
}
# Types Z o, a byte that is not UTF-8 (Latin-1 "ë"), x.
act_latin1_byte() {
	started "$1" && keys "$1" Tab && tm send-keys -t "$1" -H 5a 6f eb 78 &&
		shown "$1" "Left out" && keys "$1" Escape q
}
# Ends the terminal: the tmux session goes, and the status is awaited.
act_closed() {
	shown "$1" "Start a new session" && tm kill-session -t "$1"
	i=0
	while [ $i -lt 100 ] && [ ! -s "$T/tui.rc" ]; do sleep 0.1; i=$((i + 1)); done
}
# On the first (only) criterion of a long one at 60x18: End.
act_small_end() {
	wait_for "$1" "Start a new session" && keys "$1" Enter Enter && wait_for "$1" "1 of 1" &&
		keys "$1" End && shown "$1" "Coffee  (no reason given)" && keys "$1" q
}
long_question() {
	crit sub 's/question: How much does taste matter?/question: "How much does taste matter, all things considered: the first sip, the aftertaste, the smell of the cup, the way it changes as it cools, and how it goes with breakfast, lunch, an afternoon biscuit or nothing at all, on a grey morning or a bright one, at home or at work or on a long train journey, with friends or alone, in winter or in summer, when tired or wide awake, hurried or at leisure, and whether it is made by you, by a friend or by a stranger in a busy station café?"/'
}

# ---- AFTER checks ----
# snap DIR: every file in DIR with its type, mode, size, link and sha256.
snap() {
	find "$1" \( -name '*-shm' -o \( -name '*-wal' -empty \) \) -prune -o \
		-printf '%P %y %m %s %l\n' | sort
	find "$1" -type f ! -name '*-shm' ! \( -name '*-wal' -empty \) -exec sha256sum {} + | sort
}
# The report went through the link into its target; the link is still a link.
through_link() {
	[ -L "$W/link.html" ] && [ "$(readlink "$W/link.html")" = target.html ] &&
		head -n 1 "$W/target.html" | grep -q '^<!DOCTYPE html>' &&
		[ "$(ls -A "$W" | grep -v -e '-shm$' -e '-wal$' | tr '\n' ' ')" = "db link.html target.html " ]
}
restored() { grep -qF "[terminal settings restored]" "$T/err" && grep -qF "[normal screen]" "$T/err"; }
# Refused before reading the whole file: well under a second natively, a
# few seconds under valgrind.
# The database on the full file system was left as it was.
full_intact() { grep -qF "[database unchanged]" "$T/err"; }
# ... and the report went to the other disk.
full_intact_report() {
	full_intact && [ "$(head -c 15 "$W/r.html" 2>/dev/null)" = "<!DOCTYPE html>" ]
}
# Nothing on stdout or stderr that drives a terminal: no ESC, BEL or DEL, no
# C1 control (as UTF-8, or a byte that is not UTF-8), no bidirectional control.
terminal_safe() {
	python3 -c 'import re, sys
for path in sys.argv[1:]:
    t = open(path, "rb").read().decode("utf-8")
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]", t)
' "$T/out" "$T/err"
}

# ---- io (issue 11): helpers for the rows of outputs, YAML 1.2 input and
# command-line faults, at the end of the table ----
# de_locale: a German locale (decimal comma) under $T/loc, for LOCPATH.
de_locale() {
	{ command -v localedef >/dev/null 2>&1 && [ -f /usr/share/i18n/locales/de_DE ]; } ||
		! skip="localedef and the de_DE locale source" || return
	[ -d "$T/loc/de_DE.UTF-8" ] || { mkdir -p "$T/loc" &&
		localedef -i de_DE -f UTF-8 "$T/loc/de_DE.UTF-8" >/dev/null 2>&1; }
	[ "$(LOCPATH="$T/loc" LC_ALL=de_DE.UTF-8 locale decimal_point 2>/dev/null)" = "," ] ||
		! skip="a working de_DE locale"
}
in_german() { env LOCPATH="$T/loc" LC_ALL=de_DE.UTF-8 "$@"; }
# want_md: the report of session 1 as export prints it, in $W/want.md.
want_md() { "$V" --db "$W/db" export 1 --format md >"$W/want.md"; }
in_w() { (cd "$W" && "$@"); }
sqlite_db() {
	python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1]); c.execute("CREATE TABLE t (x)"); c.commit()' "$W/$1"
}
socket_file() {
	python3 -c 'import socket, sys
socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "$W/$1"
}
# via_fifo CMD...: CMD, with a reader on the FIFO $W/f copying what it gets
# into $W/got. The reader is waited for only when CMD succeeded and $W/f is
# still a FIFO (CMD then opened and closed it); else it can never end.
via_fifo() {
	cat "$W/f" >"$W/got" &
	fifo_reader=$!
	"$@"
	cmd_rc=$?
	if [ "$cmd_rc" = 0 ] && [ -p "$W/f" ]; then wait "$fifo_reader"; else kill "$fifo_reader"; fi
	return "$cmd_rc"
}
appending() { "$@" >>"$W/log"; }
err_appending() { "$@" 2>>"$W/log"; }
# long_name N: $L, a file name of N bytes.
long_name() { L=$(printf "%0$(($1 - 3))d" 0 | tr 0 r).md; }
to_pipe() { "$@" | cat; }
closed_out() { "$@" >&-; }
at_home() { env HOME="$W" XDG_DATA_HOME= VERDICT_DB= "$@"; }
# AFTER checks for them
fifo_read() { [ -p "$W/f" ] && cmp -s "$W/got" "$W/want.md"; }
still_devices() { [ -c "$W/null" ] && [ -c "$W/full" ]; }
appended() { [ "$(head -n 1 "$W/log")" = before ] && tail -n +2 "$W/log" | cmp -s - "$W/want.md"; }
long_written() { cmp -s "$W/$L" "$W/want.md" && [ "$(ls -A "$W" | grep -v -e '-shm$' -e '-wal$' | wc -l)" = 3 ]; }
shm_kept() { ! grep -q "Node.js" "$W/db-shm"; }

# ---- the table ----
n=0
trim() { printf '%s' "$1" | sed 's/^[[:space:]]*//; s/[[:space:]]*$//'; }
while IFS='|' read -r name setup cmd want msg after <&3; do
	name=$(trim "$name")
	case $name in '' | '#'*) continue ;; esac
	setup=$(trim "$setup") cmd=$(trim "$cmd") want=$(trim "$want")
	msg=$(trim "$msg") after=$(trim "$after")
	n=$((n + 1))
	W="$T/case$n"
	mkdir "$W"
	chmod 755 "$W"
	skip=""
	eval "$setup"
	setup_rc=$?
	if [ -n "$skip" ]; then
		skip "$name" "needs $skip"
		continue
	elif [ "$setup_rc" != 0 ]; then
		not_ok "$name: setup" "$setup failed"
		continue
	fi
	[ "$after" = same ] && snap "$W" >"$T/before"
	eval "run $cmd" </dev/null
	if [ -n "$holder" ]; then
		kill "$holder" 2>/dev/null
		wait "$holder" 2>/dev/null
		holder=""
	fi
	expect_rc "$name: exit $want" "$want"
	case $msg in
	'') ;;
	stdout:*) expect_out "$name: says '${msg#stdout:}'" "${msg#stdout:}" ;;
	*) expect_err "$name: says '$msg'" "$msg" ;;
	esac
	case $after in
	-) ;;
	same)
		snap "$W" >"$T/after"
		if cmp -s "$T/before" "$T/after"; then
			ok "$name: files intact, nothing left behind"
		else
			not_ok "$name: files intact, nothing left behind" \
				"$(diff "$T/before" "$T/after" | head -n 8)"
		fi
		;;
	*)
		if $after; then ok "$name: $after"; else not_ok "$name: $after" "$(ls -lA "$W")"; fi
		;;
	esac
	chmod -R u+w "$W" 2>/dev/null
done 3<<'EOF'
# ---- criteria files (verdict check) ----
criteria: a byte-order mark is fine | crit bom | "$V" check "$W/c.yaml" | 0 | stdout:c.yaml: ok: minimal | -
criteria: CRLF line ends are fine | crit crlf | "$V" check "$W/c.yaml" | 0 | stdout:c.yaml: ok: minimal | -
criteria: BOM and CRLF together | : | "$V" check "$FIX/criteria/bom-crlf.yaml" | 0 | stdout:ok: bom | -
criteria: a second YAML document | crit add '---\nverdict: 1\n' | "$V" check "$W/c.yaml" | 1 | c.yaml:15:1: error: a second YAML document: expected one document per file | -
criteria: an undefined alias | crit sub 's/^title: .*/title: *nothing/' | "$V" check "$W/c.yaml" | 1 | c.yaml:3:8: error: aliases (*nothing) are not supported | -
criteria: an alias to an anchor | crit sub 's/^title: .*/title: \&t Tea/; s/^    name: Taste/    name: *t/' | "$V" check "$W/c.yaml" | 1 | c.yaml:3:8: error: anchors (&t) are not supported | -
criteria: 1e999 | crit sub 's/default_weight: 3/default_weight: 1e999/' | "$V" check "$W/c.yaml" | 1 | c.yaml:13:21: error: 'default_weight' must be from 0 to 5, got 1e999 (too large for a number) | -
criteria: nan | crit sub 's/tea: 6/tea: nan/' | "$V" check "$W/c.yaml" | 1 | c.yaml:14:21: error: 'tea' must be a number from 0 to 10, got 'nan' | -
criteria: .nan | crit sub 's/tea: 6/tea: .nan/' | "$V" check "$W/c.yaml" | 1 | c.yaml:14:21: error: 'tea' must be a number from 0 to 10, got .nan (not a number) | -
criteria: .inf | crit sub 's/default_weight: 3/default_weight: .inf/' | "$V" check "$W/c.yaml" | 1 | c.yaml:13:21: error: 'default_weight' must be from 0 to 5, got .inf (infinity) | -
criteria: 0x10 | crit sub 's/default_weight: 3/default_weight: 0x10/' | "$V" check "$W/c.yaml" | 1 | c.yaml:13:21: error: 'default_weight' must be from 0 to 5, got 0x10 (16) | -
criteria: 2^70 | crit sub 's/tea: 6/tea: 1180591620717411303424/' | "$V" check "$W/c.yaml" | 1 | c.yaml:14:21: error: 'tea' must be from 0 to 10, got 1180591620717411303424 | -
criteria: a 20 MiB file is refused by its size | big c.yaml | "$V" check "$W/c.yaml" | 1 | c.yaml:1:1: error: file is 20971520 bytes, over the bound of 16777216 bytes (16 MiB) | -
criteria: 20 MiB on standard input | big c.yaml | piped "$W/c.yaml" "$V" check - | 1 | <stdin>:1:1: error: file is more than the bound of 16777216 bytes (16 MiB); it was read no further | -
criteria: a missing file | : | "$V" check "$W/none.yaml" | 1 | none.yaml: cannot open: No such file or directory | -
criteria: the summary cannot be written | : | to_full "$V" check "$MIN" | 3 | verdict check: cannot write to standard output: No space left on device | -
# ---- answers files (verdict score -a, saving into a good database) ----
answers: a byte-order mark is fine | ans '\357\273\277weights: { speed: 5 }\n' | "$V" score -a "$W/a.yaml" | 0 | stdout:Recommendation: | -
answers: CRLF line ends are fine | ans 'project: CRLF\r\nweights: { speed: 5 }\r\n' | "$V" score -a "$W/a.yaml" | 0 | stdout:Recommendation: | -
answers: a second YAML document | good_db && ans 'weights: { speed: 5 }\n---\nproject: X\n' | "$V" --db "$W/db" score -a "$W/a.yaml" --save | 1 | a.yaml:2:1: error: a second YAML document | same
answers: an undefined alias | good_db && ans 'project: *x\n' | "$V" --db "$W/db" score -a "$W/a.yaml" --save | 1 | a.yaml:1:10: error: aliases (*x) are not supported | same
answers: 1e999 | good_db && ans 'weights: { speed: 1e999 }\n' | "$V" --db "$W/db" score -a "$W/a.yaml" --save | 1 | a.yaml:1:19: error: 'speed' must be from 0 to 5, got 1e999 (too large for a number) | same
answers: nan | good_db && ans 'weights: { speed: nan }\n' | "$V" --db "$W/db" score -a "$W/a.yaml" --save | 1 | a.yaml:1:19: error: 'speed' must be a number from 0 to 5, got 'nan' | same
answers: 0x10 | good_db && ans 'weights: { speed: 0x10 }\n' | "$V" --db "$W/db" score -a "$W/a.yaml" --save | 1 | a.yaml:1:19: error: 'speed' must be from 0 to 5, got 0x10 (16) | same
answers: 2^70 | good_db && ans 'weights: { speed: 1180591620717411303424 }\n' | "$V" --db "$W/db" score -a "$W/a.yaml" --save | 1 | a.yaml:1:19: error: 'speed' must be from 0 to 5, got 1180591620717411303424 | same
answers: a 20 MiB file is refused by its size | good_db && big a.yaml | "$V" --db "$W/db" score -a "$W/a.yaml" --save | 1 | a.yaml:1:1: error: file is 20971520 bytes, over the bound of 16777216 bytes (16 MiB) | same
answers: 20 MiB on standard input | good_db && big a.yaml | piped "$W/a.yaml" "$V" --db "$W/db" score -a - --save | 1 | <stdin>:1:1: error: file is more than the bound of 16777216 bytes (16 MiB); it was read no further | same
answers: the result cannot be written | : | to_full "$V" score -a "$P" | 3 | verdict score: cannot write to standard output: No space left on device | -
# ---- the database: read-only file (as nobody when root) ----
read-only file: score --save | good_db && read_only "$W/db" "$W" | as_other "$V" --db "$W/db" $SAVE | 3 | db is read-only (the file or its directory); nothing was changed | same
read-only file: delete | good_db && read_only "$W/db" "$W" | as_other "$V" --db "$W/db" delete 1 | 3 | db is read-only | same
read-only file: list still reads | good_db && read_only "$W/db" "$W" | as_other "$V" --db "$W/db" list | 0 | stdout:Online shop | same
read-only file: show still reads | good_db && read_only "$W/db" "$W" | as_other "$V" --db "$W/db" show 1 | 0 | stdout:Session 1: | same
# ---- a database to be made in a read-only directory ----
read-only directory: score --save | read_only "$W" | as_other "$V" --db "$W/new.db" $SAVE | 3 | new.db is read-only | same
read-only directory: delete | read_only "$W" | as_other "$V" --db "$W/new.db" delete 1 | 3 | new.db is read-only | same
read-only directory: list has nothing | read_only "$W" | as_other "$V" --db "$W/new.db" list | 0 | stdout:No saved sessions. | same
read-only directory: show finds nothing | read_only "$W" | as_other "$V" --db "$W/new.db" show 1 | 1 | no session 1 | same
# ---- locked by another process (BEGIN EXCLUSIVE, 300 ms busy timeout) ----
locked: score --save | locked_db | "$V" --db "$W/db" $SAVE | 3 | db is locked by another process (pid | same
locked: delete | locked_db | "$V" --db "$W/db" delete 1 | 3 | db is locked by another process (pid | same
locked: list still reads (WAL) | locked_db | "$V" --db "$W/db" list | 0 | stdout:Online shop | same
locked: show still reads (WAL) | locked_db | "$V" --db "$W/db" show 1 | 0 | stdout:Session 1: | same
# ---- not a database ----
garbage: score --save | garbage_db | "$V" --db "$W/db" $SAVE | 3 | db is not a verdict database or is damaged; it was not changed | same
garbage: delete | garbage_db | "$V" --db "$W/db" delete 1 | 3 | db is not a verdict database or is damaged | same
garbage: list | garbage_db | "$V" --db "$W/db" list | 3 | db is not a verdict database or is damaged | same
garbage: show | garbage_db | "$V" --db "$W/db" show 1 | 3 | db is not a verdict database or is damaged | same
# ---- damaged: cut in half ----
truncated: score --save | truncated_db | "$V" --db "$W/db" $SAVE | 3 | db is not a verdict database or is damaged; it was not changed | same
truncated: delete | truncated_db | "$V" --db "$W/db" delete 1 | 3 | db is not a verdict database or is damaged | same
truncated: list | truncated_db | "$V" --db "$W/db" list | 3 | db is not a verdict database or is damaged | same
truncated: show | truncated_db | "$V" --db "$W/db" show 1 | 3 | db is not a verdict database or is damaged | same
# ---- written by a newer verdict (user_version 999) ----
newer schema: score --save | newer_db | "$V" --db "$W/db" $SAVE | 3 | was written by a newer verdict (schema version 999; this one knows up to 5) | same
newer schema: delete | newer_db | "$V" --db "$W/db" delete 1 | 3 | was written by a newer verdict | same
newer schema: list | newer_db | "$V" --db "$W/db" list | 3 | was written by a newer verdict | same
newer schema: show | newer_db | "$V" --db "$W/db" show 1 | 3 | was written by a newer verdict | same
# ---- a full disk, as a file-size limit of 16 blocks (8 KiB: room for what
# show prints, which goes to a file too): too little for SQLite's 32 KiB
# shared-memory index beside the file, so reading goes on without it
# (immutable), and writing stops ----
full disk: score --save | good_db | fsize 16 "$V" --db "$W/db" $SAVE | 3 | db: disk full or over the file-size limit; nothing was changed; earlier answers are safe | same
full disk: delete | good_db | fsize 16 "$V" --db "$W/db" delete 1 | 3 | db: disk full or over the file-size limit | same
full disk: list still reads | good_db | fsize 16 "$V" --db "$W/db" list | 0 | stdout:Online shop | same
full disk: show still reads | good_db | fsize 16 "$V" --db "$W/db" show 1 | 0 | stdout:Session 1: | same
# ---- exports (-o FILE): the old file kept, no temporary file left ----
export: an unwritable directory | good_db && out_dir && read_only "$W/out" | as_other "$V" --db "$W/db" export 1 --format html -o "$W/out/report.html" | 3 | report.html: cannot create a file in its directory: Permission denied | same
export: the path is a directory | good_db && out_dir | "$V" --db "$W/db" export 1 --format html -o "$W/out" | 3 | /out: is a directory; give the report a file name (nothing was written) | same
export: a missing directory | good_db | "$V" --db "$W/db" export 1 --format html -o "$W/none/report.html" | 3 | report.html: cannot create a file in its directory: No such file or directory | same
export: a file-size limit | big_session && out_dir | fsize 256 "$V" --db "$W/db" export 1 --format html -o "$W/out/report.html" | 3 | cannot write: File too large | same
export: standard output full | good_db | to_full "$V" --db "$W/db" export 1 --format md | 3 | verdict export: cannot write to standard output: No space left on device | same
export: through a symbolic link, into its target | good_db; echo old >"$W/target.html"; ln -s target.html "$W/link.html" | "$V" --db "$W/db" export 1 --format html -o "$W/link.html" | 0 | | through_link
export: a dangling symbolic link | good_db && ln -s nowhere.html "$W/link.html" | "$V" --db "$W/db" export 1 --format html -o "$W/link.html" | 3 | link.html: is a symbolic link to nowhere.html, which cannot be resolved: No such file or directory; nothing was written | same
export: a symbolic link loop | good_db && ln -s b.html "$W/a.html" && ln -s a.html "$W/b.html" | "$V" --db "$W/db" export 1 --format html -o "$W/a.html" | 3 | Too many levels of symbolic links | same
export: a symbolic link to a directory | good_db && out_dir && ln -s out "$W/link.html" | "$V" --db "$W/db" export 1 --format html -o "$W/link.html" | 3 | link.html: is a directory; give the report a file name | same
export: another user's link in a shared sticky directory | need_root && good_db && out_dir && mkdir -m 1777 "$W/shared" && ln -s ../out/report.html "$W/shared/r.html" && chown -h nobody "$W/shared/r.html" | "$V" --db "$W/db" export 1 --format html -o "$W/shared/r.html" | 3 | is another user's symbolic link in a shared directory; it was not followed | same
# ---- output that cannot attack a terminal (issue 11, sanitise): text from
# files, the database and the command line shows escapes as \u001b, C1 as
# \u009b, U+202E as \u202e on a terminal, U+FFFD in reports; tests/cli/hostile.sh
# runs every command and format ----
hostile text: check, an OSC 52 id (the issue's example) | printf 'verdict: 1\nid: "\\e]52;c;aGk=\\a"\n' >"$W/c.yaml" | "$V" check "$W/c.yaml" | 1 | c.yaml:2:5: error: 'id' must be an id of lowercase letters, digits, '_' and '-' (at most 64), got '\u001b]52;c;aGk=\u0007' | terminal_safe
hostile text: check, the summary | : | "$V" check "$FIX/hostile/criteria.yaml" | 0 | stdout:criteria.yaml: ok: hostile-terminal (Title \u001b]0;pwned title\u0007 \u001b[31mred\u001b[0m \u202eevil) | terminal_safe
hostile text: check, a hostile file name | cp "$MIN" "$W/c$(printf '\033]0;x\007').yaml" | "$V" check "$W/c$(printf '\033]0;x\007').yaml" | 0 | stdout:c\u001b]0;x\u0007.yaml: ok: minimal | terminal_safe
hostile text: check, an unknown key | crit add '"\\e[2J\\x9b": 1\n' | "$V" check "$W/c.yaml" | 1 | c.yaml:15:1: error: unknown key '\u001b[2J\u009b' in the top level | terminal_safe
hostile text: score, text | : | "$V" score -c "$FIX/hostile/criteria.yaml" -a "$FIX/hostile/answers.yaml" | 0 | stdout:Project: Project \u001b]52;c;aGk=\u0007 \u001b[31mred \u009b2J \u202eevil | terminal_safe
hostile text: score, an unknown choice | ans 'choices: { q1: "\\e]0;x\\a" }\n' | "$V" score -c "$FIX/hostile/criteria.yaml" -a "$W/a.yaml" | 1 | a.yaml:1:16: error: question 'q1' has no choice '\u001b]0;x\u0007' | terminal_safe
hostile text: score, Markdown | : | "$V" score -c "$FIX/hostile/criteria.yaml" -a "$FIX/hostile/answers.yaml" --format md | 0 | stdout:# Title �\]0;pwned title� �\[31mred�\[0m �evil | terminal_safe
hostile text: score, JSON | : | "$V" score -c "$FIX/hostile/criteria.yaml" -a "$FIX/hostile/answers.yaml" --format json | 0 | stdout:"project": "Project \u001B]52;c;aGk=\u0007 \u001B[31mred \u009B2J \u202Eevil" | terminal_safe
hostile text: list, a saved hostile session | "$V" --db "$W/db" score -c "$FIX/hostile/criteria.yaml" -a "$FIX/hostile/answers.yaml" --save 2>/dev/null >&2 | "$V" --db "$W/db" list | 0 | stdout:Project \u001b]52;c;aGk… | terminal_safe
hostile text: show, a saved hostile session | "$V" --db "$W/db" score -c "$FIX/hostile/criteria.yaml" -a "$FIX/hostile/answers.yaml" --save 2>/dev/null >&2 | "$V" --db "$W/db" show 1 | 0 | stdout:Session 1: Project \u001b]52;c;aGk=\u0007 \u001b[31mred \u009b2J \u202eevil, answered by | terminal_safe
hostile text: delete, a saved hostile session | "$V" --db "$W/db" score -c "$FIX/hostile/criteria.yaml" -a "$FIX/hostile/answers.yaml" --save 2>/dev/null >&2 | "$V" --db "$W/db" delete 1 | 0 | stdout:Deleted session 1 (Project \u001b]52;c;aGk=\u0007 | terminal_safe
hostile text: an unknown command | : | "$V" "$(printf '\033[31mx')" | 2 | verdict: unknown command '\u001b[31mx' | terminal_safe
hostile text: an unknown option | : | "$V" list "--$(printf '\302\233')x" | 2 | verdict list: unknown option '--\u009bx' | terminal_safe
# ==== the store and the records (issue 11): FIFOs and devices, unreadable
# files, damage met while reading, reading on a full disk, the busy timeout,
# private files, projects in any case, unfinished sessions, missing files ====
FIFO: list | fifo_db | timeout 10 "$V" --db "$W/db" list | 3 | db is a FIFO (named pipe), not a database file; nothing was changed. Use --db to name the database file itself | same
FIFO: show | fifo_db | timeout 10 "$V" --db "$W/db" show 1 | 3 | db is a FIFO (named pipe), not a database file | same
FIFO: export | fifo_db | timeout 10 "$V" --db "$W/db" export 1 --format md | 3 | db is a FIFO (named pipe), not a database file | same
FIFO: score --save | fifo_db | timeout 10 "$V" --db "$W/db" $SAVE | 3 | db is a FIFO (named pipe), not a database file | same
FIFO: delete | fifo_db | timeout 10 "$V" --db "$W/db" delete 1 | 3 | db is a FIFO (named pipe), not a database file | same
FIFO: copy | fifo_db | timeout 10 "$V" --db "$W/db" copy 1 | 3 | db is a FIFO (named pipe), not a database file | same
FIFO: revert | fifo_db | timeout 10 "$V" --db "$W/db" revert 1 1 | 3 | db is a FIFO (named pipe), not a database file | same
a character device: list | : | timeout 10 "$V" --db /dev/null list | 3 | /dev/null is a character device, not a database file | -
a character device: score --save | : | timeout 10 "$V" --db /dev/zero $SAVE | 3 | /dev/zero is a character device, not a database file | -
unreadable (mode 000): list | unreadable_db | as_other "$V" --db "$W/db" list | 3 | db cannot be read (permission denied); nothing was changed. Ask its owner for access, or use --db to choose another file | same
unreadable (mode 000): show | unreadable_db | as_other "$V" --db "$W/db" show 1 | 3 | db cannot be read (permission denied) | same
unreadable (mode 000): export | unreadable_db | as_other "$V" --db "$W/db" export 1 --format md | 3 | db cannot be read (permission denied) | same
unreadable (mode 000): score --save | unreadable_db | as_other "$V" --db "$W/db" $SAVE | 3 | db cannot be read (permission denied) | same
unreadable (mode 000): delete | unreadable_db | as_other "$V" --db "$W/db" delete 1 | 3 | db cannot be read (permission denied) | same
damaged criteria text: show | damaged_text_db | "$V" --db "$W/db" show 1 | 3 | db is not a verdict database or is damaged; it was not changed | same
damaged criteria text: export | damaged_text_db | "$V" --db "$W/db" export 1 --format json | 3 | db is not a verdict database or is damaged | same
damaged criteria text: list still lists | damaged_text_db | "$V" --db "$W/db" list | 0 | stdout:Online shop | same
lost criteria text: show | lost_text_db | "$V" --db "$W/db" show 1 | 3 | db is not a verdict database or is damaged | same
lost criteria text: export | lost_text_db | "$V" --db "$W/db" export 1 --format md | 3 | db is not a verdict database or is damaged | same
lost criteria text: show --revisions | lost_text_db | "$V" --db "$W/db" show 1 --revisions | 3 | db is not a verdict database or is damaged | same
damaged answer: show | damaged_answer_db | "$V" --db "$W/db" show 1 | 3 | session 1: stored answer 'app_kind: ecommercf' is not in its criteria: | same
damaged answer: export | damaged_answer_db | "$V" --db "$W/db" export 1 --format csv | 3 | db is damaged (or was edited by hand); it was not changed | same
full file system: list reads | full_fs_db | full_fs "$V" --db "$W/full/db" list | 0 | stdout:Online shop | full_intact
full file system: show reads | full_fs_db | full_fs "$V" --db "$W/full/db" show 1 | 0 | stdout:Session 1: | full_intact
full file system: export -o elsewhere | full_fs_db | full_fs "$V" --db "$W/full/db" export 1 --format html -o "$W/r.html" | 0 | | full_intact_report
full file system: score --save | full_fs_db | full_fs "$V" --db "$W/full/db" $SAVE | 3 | full/db: disk full or over the file-size limit; nothing was changed | full_intact
VERDICT_BUSY_TIMEOUT_MS not a number | good_db | env VERDICT_BUSY_TIMEOUT_MS=abc "$V" --db "$W/db" list | 3 | VERDICT_BUSY_TIMEOUT_MS is 'abc': it must be a whole number of milliseconds from 0 to 3600000 (5000 when it is not set); nothing was changed | same
VERDICT_BUSY_TIMEOUT_MS empty | good_db | env VERDICT_BUSY_TIMEOUT_MS= "$V" --db "$W/db" $SAVE | 3 | VERDICT_BUSY_TIMEOUT_MS is '': it must be a whole number | same
VERDICT_BUSY_TIMEOUT_MS negative | good_db | env VERDICT_BUSY_TIMEOUT_MS=-5 "$V" --db "$W/db" show 1 | 3 | VERDICT_BUSY_TIMEOUT_MS is '-5' | same
VERDICT_BUSY_TIMEOUT_MS too large | good_db | env VERDICT_BUSY_TIMEOUT_MS=3600001 "$V" --db "$W/db" export 1 --format md | 3 | VERDICT_BUSY_TIMEOUT_MS is '3600001' | same
readable by others: list warns | good_db | "$V" --db "$W/db" list | 0 | db can be read by other users (mode 0644); 'chmod 600' on it keeps the sessions private | same
list --project in any case | good_db | "$V" --db "$W/db" list --project "ONLINE shop REBUILD" | 0 | stdout:Online shop rebuild | same
unfinished: show says so | unfinished_db | "$V" --db "$W/db" show 1 | 0 | stdout:Session 1 is not finished: no recommendation yet. Use --draft to see the draft result. | same
unfinished: show --format json | unfinished_db | "$V" --db "$W/db" show 1 --format json | 1 | session 1 is not finished: no recommendation yet. Use --draft to see the draft result. | same
unfinished: export | unfinished_db | "$V" --db "$W/db" export 1 --format html -o "$W/r.html" | 1 | session 1 is not finished: no recommendation yet. Use --draft to export the draft result. | same
unfinished: show --draft | unfinished_db | "$V" --db "$W/db" show 1 --draft | 0 | stdout:Draft: session 1 is not finished, so this result may still change. | same
missing database: list makes nothing | : | "$V" --db "$W/db" list | 0 | stdout:No saved sessions. | same
missing database: show makes nothing | : | "$V" --db "$W/db" show 1 | 1 | no session 1 | same
missing database: export makes nothing | : | "$V" --db "$W/db" export 1 --format md | 1 | no session 1 | same
missing database: show --revisions makes nothing | : | "$V" --db "$W/db" show 1 --revisions | 1 | no session 1 | same
unknown revision | good_db | "$V" --db "$W/db" revert 1 7 | 1 | session 1 has no revision 7 | same
# ---- the terminal ----
terminal: no terminal | : | "$V" | 2 | the walk-through needs a terminal, and standard input is not one | -
terminal: TERM unset | need_tmux | tui decline 100 30 env -u TERM "$V" | 2 | TERM is not set | restored
terminal: TERM=dumb | need_tmux | tui decline 100 30 env TERM=dumb "$V" | 2 | cannot move the cursor | restored
terminal: an unknown TERM | need_tmux | tui decline 100 30 env TERM=no-such-terminal "$V" | 2 | TERM=no-such-terminal | restored
terminal: a tiny terminal, then q | need_tmux | tui tiny 20 6 "$V" | 0 | [verdict exited] | restored
terminal: SIGTERM | need_tmux | tui TERM 100 30 "$V" | 143 | [verdict exited] | restored
terminal: SIGHUP (the terminal closed) | need_tmux | tui HUP 100 30 "$V" | 129 | [verdict exited] | restored
terminal: Ctrl-C | need_tmux | tui INT 100 30 "$V" | 130 | [verdict exited] | restored
# ==== io (issue 11): outputs that never clobber, input as YAML 1.2 says,
# command-line faults ====
# ---- values as YAML 1.2 reads them (criteria and answers alike) ----
yaml: a NUL escape in an answers file | good_db && ans 'project: "a\\0zzz"\n' | "$V" --db "$W/db" score -a "$W/a.yaml" --save | 1 | a.yaml:1:12: error: '\0' is a NUL character, which a value cannot hold: remove it | same
yaml: a NUL escape after a byte-order mark: the column of the escape | good_db && ans '\357\273\277project: "a\\0zzz"\n' | "$V" --db "$W/db" score -a "$W/a.yaml" --save | 1 | a.yaml:1:12: error: | same
yaml: bad UTF-8 after a byte-order mark: the column of the byte | good_db && ans '\357\273\277project: "a\377"\n' | "$V" --db "$W/db" score -a "$W/a.yaml" --save | 1 | a.yaml:1:12: error: invalid UTF-8 (byte 0xFF): save the file as UTF-8 | same
yaml: \x00 in a criteria title | crit sub 's/^title: .*/title: "Tea\\x00 or coffee"/' | "$V" check "$W/c.yaml" | 1 | c.yaml:3:12: error: '\x00' is a NUL character, which a value cannot hold: remove it | -
yaml: \u0000 in the answers' criteria id | good_db && ans 'criteria: "node-vs-python\\u0000x"\n' | "$V" --db "$W/db" score -a "$W/a.yaml" --save | 1 | a.yaml:1:26: error: '\u0000' is a NUL character | same
yaml: ! 3 is text, not a number | good_db && ans 'weights: { speed: ! 3 }\n' | "$V" --db "$W/db" score -a "$W/a.yaml" --save | 1 | a.yaml:1:19: error: 'speed' must be a number from 0 to 5, got the text '3' (tagged !): write numbers plainly, without a tag | same
yaml: !!str 3 is text, not a number | good_db && ans 'weights: { speed: !!str 3 }\n' | "$V" --db "$W/db" score -a "$W/a.yaml" --save | 1 | got the text '3' (tagged !!str) | same
yaml: !!str "" is not "no answer" | good_db && ans 'choices: { team_skills: !!str "" }\n' | "$V" --db "$W/db" score -a "$W/a.yaml" --save | 1 | a.yaml:1:25: error: 'team_skills' must be a choice id, got empty text tagged !!str; to leave the question unanswered, leave the value out or write ~ | same
yaml: !!str text is text | : | "$V" check "$FIX/criteria/yaml12.yaml" | 0 | stdout:yaml12.yaml: ok: yaml12 (12): | -
yaml: any other tag is refused | good_db && ans 'weights: { speed: !!int 3 }\n' | "$V" --db "$W/db" score -a "$W/a.yaml" --save | 1 | a.yaml:1:19: error: tag '!!int' is not supported: write the value without it (only !!str, which makes a value text, is allowed) | same
yaml: a tag on a mapping is refused | crit sub 's/^options:/options: !!seq/' | "$V" check "$W/c.yaml" | 1 | c.yaml:4:10: error: tag '!!seq' is not supported | -
yaml: 1e-320 is in range | ans 'weights: { speed: 1e-320 }\n' | "$V" score -a "$W/a.yaml" --format json | 0 | stdout:"speed": 9.9998886718268301e-321 | -
yaml: +1, 0o3 and 0x2 are numbers | ans 'weights: { speed: +1, syntax: 0o3, team: 0x2 }\n' | "$V" score -a "$W/a.yaml" --format json | 0 | stdout:"team": 2.0 | -
yaml: 1_000 is text in YAML 1.2 | good_db && ans 'weights: { speed: 1_0 }\n' | "$V" --db "$W/db" score -a "$W/a.yaml" --save | 1 | a.yaml:1:19: error: 'speed' must be a number from 0 to 5, got '1_0', which YAML 1.2 reads as text: write 10 | same
yaml: .nan | good_db && ans 'weights: { speed: .NaN }\n' | "$V" --db "$W/db" score -a "$W/a.yaml" --save | 1 | a.yaml:1:19: error: 'speed' must be a number from 0 to 5, got .NaN (not a number) | same
yaml: -.inf | good_db && ans 'weights: { speed: -.inf }\n' | "$V" --db "$W/db" score -a "$W/a.yaml" --save | 1 | a.yaml:1:19: error: 'speed' must be from 0 to 5, got -.inf (infinity) | same
yaml: weights: 5 is a number, not text | good_db && ans 'weights: 5\n' | "$V" --db "$W/db" score -a "$W/a.yaml" --save | 1 | a.yaml:1:10: error: 'weights' must be a mapping of keys, got a number | same
yaml: choices: true is a boolean | good_db && ans 'choices: true\n' | "$V" --db "$W/db" score -a "$W/a.yaml" --save | 1 | a.yaml:1:10: error: 'choices' must be a mapping of keys, got a boolean | same
yaml: a true weight | good_db && ans 'weights: { speed: true }\n' | "$V" --db "$W/db" score -a "$W/a.yaml" --save | 1 | a.yaml:1:19: error: 'speed' must be a number from 0 to 5, got true, a boolean | same
yaml: ratings: ~ is no value | crit sub 's/ratings: .*/ratings: ~/' | "$V" check "$W/c.yaml" | 1 | c.yaml:14:14: error: 'ratings' must be a mapping of keys, got no value | -
yaml: 2.5 in a decimal-comma locale | de_locale && ans 'weights: { speed: 2.5 }\n' | in_german "$V" score -a "$W/a.yaml" --format json | 0 | stdout:"speed": 2.5, | -
# ---- outputs (-o FILE): never over a database, never replacing a FIFO, a
# device or a descriptor's file; names up to NAME_MAX ----
export: -o the open database | good_db | "$V" --db "$W/db" export 1 --format md -o "$W/db" | 1 | db is the sessions database in use; a report there would destroy every saved session: choose another file name | same
export: -o ./db, the open database by another name | good_db | in_w "$V" --db db export 1 --format md -o ./db | 1 | verdict export: No report written: ./db is the sessions database in use | same
export: -o a hard link to the open database | good_db && ln "$W/db" "$W/hard.md" | "$V" --db "$W/db" export 1 --format md -o "$W/hard.md" | 1 | hard.md is the sessions database in use | same
export: -o a symbolic link to the open database | good_db && ln -s db "$W/link.md" | "$V" --db "$W/db" export 1 --format md -o "$W/link.md" | 1 | link.md is the sessions database in use | same
export: -o the database's -wal | good_db && : >"$W/db-wal" | "$V" --db "$W/db" export 1 --format md -o "$W/db-wal" | 1 | db-wal is the write-ahead log of the sessions database in use | same
export: -o the database's -shm | good_db && : >"$W/db-shm" | "$V" --db "$W/db" export 1 --format md -o "$W/db-shm" | 1 | db-shm is the shared-memory index of the sessions database in use | shm_kept
export: -o the database's -journal | good_db && : >"$W/db-journal" | "$V" --db "$W/db" export 1 --format md -o "$W/db-journal" | 1 | db-journal is the rollback journal of the sessions database in use | same
export: -o another verdict database | good_db && cp "$T/base.db" "$W/old.db" | "$V" --db "$W/db" export 1 --format md -o "$W/old.db" | 1 | old.db is a verdict sessions database; a report there would destroy its saved sessions: choose another file name | same
export: -o any SQLite database | good_db && sqlite_db other.sqlite | "$V" --db "$W/db" export 1 --format csv -o "$W/other.sqlite" | 1 | other.sqlite is an SQLite database; a report there would destroy it: choose another file name | same
export: -o another database's -wal, by name | good_db && cp "$T/base.db" "$W/old.db" && : >"$W/old.db-wal" | "$V" --db "$W/db" export 1 --format md -o "$W/old.db-wal" | 1 | old.db-wal is the write-ahead log of the verdict sessions database | same
export: -o a FIFO: its reader gets the report | good_db && want_md && mkfifo "$W/f" | via_fifo "$V" --db "$W/db" export 1 --format md -o "$W/f" | 0 | | fifo_read
export: -o a character device is written in place | need_root && good_db && mknod "$W/null" c 1 3 && mknod "$W/full" c 1 7 | "$V" --db "$W/db" export 1 --format md -o "$W/null" | 0 | | still_devices
export: -o a full device (as /dev/full): exit 3, the node kept | need_root && good_db && mknod "$W/null" c 1 3 && mknod "$W/full" c 1 7 | "$V" --db "$W/db" export 1 --format md -o "$W/full" | 3 | full: cannot write: No space left on device | still_devices
export: -o a block device is refused | need_root && good_db && mknod "$W/disk" b 7 0 | "$V" --db "$W/db" export 1 --format md -o "$W/disk" | 1 | disk: is a block device (a disk); a report is never written onto one | same
export: -o a socket is refused | good_db && socket_file sock | "$V" --db "$W/db" export 1 --format md -o "$W/sock" | 1 | sock: is a socket, which cannot be written as a file | same
export: -o /dev/stdout appends to what stdout appends to | good_db && want_md && echo before >"$W/log" | appending "$V" --db "$W/db" export 1 --format md -o /dev/stdout | 0 | | appended
export: -o /dev/stdout into a pipe | good_db | to_pipe "$V" --db "$W/db" export 1 --format md -o /dev/stdout | 0 | stdout:# Node.js or Python for your backend? | same
export: -o /dev/stderr appends to what stderr appends to | good_db && want_md && echo before >"$W/log" | err_appending "$V" --db "$W/db" export 1 --format md -o /dev/stderr | 0 | | appended
export: -o a directory with a slash | good_db && out_dir | "$V" --db "$W/db" export 1 --format html -o "$W/out/" | 3 | out/: is a directory; give the report a file name (nothing was written) | same
export: -o a file name with a slash | good_db | "$V" --db "$W/db" export 1 --format html -o "$W/new.html/" | 3 | new.html/: ends in '/', so it names a directory; give the report a file name (nothing was written) | same
export: a 255-byte file name (NAME_MAX) | good_db && want_md && long_name 255 | "$V" --db "$W/db" export 1 --format md -o "$W/$L" | 0 | | long_written
export: a 256-byte file name | good_db && long_name 256 | "$V" --db "$W/db" export 1 --format md -o "$W/$L" | 3 | .md: the name is too long (a name holds at most 255 bytes); nothing was written | same
# ---- command-line faults: standard output, empty paths, options, VERDICT_NOW ----
cli: --help to a full standard output | : | to_full "$V" --help | 3 | verdict: cannot write to standard output: No space left on device | -
cli: --version to a full standard output | : | to_full "$V" --version | 3 | verdict: cannot write to standard output: No space left on device | -
cli: run --help to a full standard output | : | to_full "$V" run --help | 3 | verdict run: cannot write to standard output: No space left on device | -
cli: check --help to a full standard output | : | to_full "$V" check --help | 3 | verdict check: cannot write to standard output: No space left on device | -
cli: score --help to a full standard output | : | to_full "$V" score --help | 3 | verdict score: cannot write to standard output: No space left on device | -
cli: list --help to a full standard output | : | to_full "$V" list --help | 3 | verdict list: cannot write to standard output: No space left on device | -
cli: show --help to a full standard output | : | to_full "$V" show --help | 3 | verdict show: cannot write to standard output: No space left on device | -
cli: delete --help to a full standard output | : | to_full "$V" delete --help | 3 | verdict delete: cannot write to standard output: No space left on device | -
cli: export --help to a full standard output | : | to_full "$V" export --help | 3 | verdict export: cannot write to standard output: No space left on device | -
cli: --help with standard output closed | : | closed_out "$V" --help | 3 | verdict: cannot write to standard output: Bad file descriptor | -
cli: delete's word to a full standard output | good_db | to_full "$V" --db "$W/db" delete 1 --yes | 3 | verdict delete: cannot write to standard output: No space left on device | -
cli: list to a full standard output | good_db | to_full "$V" --db "$W/db" list | 3 | verdict list: cannot write to standard output | same
cli: list --format json to a full standard output | good_db | to_full "$V" --db "$W/db" list --format json | 3 | verdict list: cannot write to standard output | same
cli: show to a full standard output | good_db | to_full "$V" --db "$W/db" show 1 | 3 | verdict show: cannot write to standard output | same
cli: score --format html to a full standard output | : | to_full "$V" score -a "$P" --format html | 3 | verdict score: cannot write to standard output: No space left on device | -
cli: --db '' is not the default database | : | at_home "$V" --db '' score -a "$P" --save | 2 | verdict: --db needs a path, not an empty one (leave --db out for the default database) | same
cli: --db= is not the default database | : | at_home "$V" --db= list | 2 | verdict: --db needs a path, not an empty one | same
cli: -c '' is not the default criteria | : | at_home "$V" score -c '' -a "$P" --save | 2 | verdict score: a criteria file name cannot be empty; leave out -c for the default set | same
cli: check '' checks no default | : | "$V" check '' | 1 | verdict check: a criteria file name cannot be empty | -
cli: an unknown option before any command | : | "$V" --bogus | 2 | verdict: unknown option '--bogus' | -
cli: an unknown option of a command | : | "$V" list --bogus | 2 | verdict list: unknown option '--bogus' | -
cli: a missing option value names the command | : | "$V" export 1 --format | 2 | verdict export: option '--format' needs a value | -
cli: VERDICT_NOW too large for a date | good_db | env VERDICT_NOW=99999999999999999 "$V" --db "$W/db" score -a "$P" --save | 2 | verdict: VERDICT_NOW='99999999999999999' is not a time: give whole seconds since 1970-01-01 00:00 UTC, from 0 to 253402300799 (the end of the year 9999), or leave it unset for the real clock | same
cli: VERDICT_NOW past the year 9999 | : | env VERDICT_NOW=253402300800 "$V" score -a "$P" --format md | 2 | verdict: VERDICT_NOW='253402300800' is not a time | -
cli: VERDICT_NOW at the end of 9999 | : | env VERDICT_NOW=253402300799 "$V" score -a "$P" --format md | 0 | stdout:**Report date:** 9999-12-31 23:59 UTC | -
cli: VERDICT_NOW not a number | : | env VERDICT_NOW=yesterday "$V" score -a "$P" --format md | 2 | verdict: VERDICT_NOW='yesterday' is not a time | -
cli: VERDICT_NOW negative | : | env VERDICT_NOW=-1 "$V" --help | 2 | verdict: VERDICT_NOW='-1' is not a time | -
cli: run -c with --resume | good_db | "$V" --db "$W/db" run -c "$MIN" --resume 1 | 2 | verdict run: -c cannot go with --resume: session 1 goes on with the criteria it was started with, kept with it; leave out -c to resume it, or leave out --resume to start a new session with | same
# ---- the walk-through (issue 11): signals, vanished sessions, looking without
# writing, changing a finished session, typed text in any locale, small
# screens ----
walk-through: Ctrl-\ (SIGQUIT) | need_tmux | tui QUIT 100 30 "$V" | 131 | [verdict exited] | restored
walk-through: the terminal closes while SIGHUP is ignored | need_tmux | tui closed 100 30 sh -c 'trap "" HUP; exec "$@"' sh "$V" | 129 | Start a new session | -
walk-through: an answer to a session deleted meanwhile | need_tmux && good_db | tui gone_answer 100 30 "$V" --db "$W/db" | 0 | Session 2 is no longer stored (deleted by another program?), so the last change was not saved. | restored
walk-through: the next step of a session deleted meanwhile | need_tmux && good_db | tui gone_step 100 30 "$V" --db "$W/db" | 0 | Session 2 is no longer stored (deleted by another program?), so the last change was not saved. | restored
walk-through: deleting from the history a session deleted meanwhile | need_tmux && good_db | tui gone_history 100 30 "$V" --db "$W/db" | 0 | Session 1 was already deleted (by another program?). | restored
walk-through: resuming a session whose criteria no longer load says why | need_tmux && unloadable_db | tui unloadable 200 30 "$V" --db "$W/db" | 0 | Session 1 cannot be opened: session 1 criteria (node-vs-python.yaml (built in)):1:10: unsupported format version 'verdict: 2': this verdict reads version 1 | same
walk-through: looking at a finished session writes nothing | need_tmux && good_db | tui view 100 30 "$V" --db "$W/db" | 0 | ▸ History: 1 saved session | same
walk-through: a finished session changed, Esc: nothing changes | need_tmux && good_db | tui edit_cancel 100 30 "$V" --db "$W/db" | 0 | Nothing changed: session 1 stays as it was. | same
walk-through: a finished session changed, in a copy (the default) | need_tmux && good_db | tui edit_copy 100 30 "$V" --db "$W/db" | 0 | Changed in session 2, a copy; session 1 stays as it was. | session1_kept
walk-through: a finished session changed, in the original | need_tmux && good_db | tui edit_original 100 30 "$V" --db "$W/db" | 0 | Changed in session 1; its answers before are revision 1 ('verdict --db | revision_kept
walk-through: "Zoë" typed in the C locale | need_tmux | tui zoe 100 30 env LC_ALL=C "$V" --db "$W/db" | 0 | Left out: only ASCII can be typed in this locale (ANSI_X3.4-1968). | restored
walk-through: a byte that is not UTF-8 typed in a UTF-8 locale | need_tmux | tui latin1_byte 100 30 "$V" --db "$W/db" | 0 | Left out: what was typed is not in this locale's encoding (UTF-8). | restored
walk-through: a long criterion at 60x18 scrolls to its end | need_tmux && long_question | tui small_end 60 18 "$V" --db "$W/db" run -c "$W/c.yaml" | 0 | Coffee  (no reason given) | restored
EOF
