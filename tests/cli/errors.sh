# errors.sh - one way to say each failure: every command that opens the
# database says the same words when HOME is not set, every command that takes
# a session id the same words for one that is not an id and for one that is
# not stored, every command the same words when standard output cannot be
# written; one rule decides whether the locale is UTF-8; and no file below
# the command line and the walk-through prints anything (they return a
# struct verror, the faces say it).
. "$(dirname "$0")/lib.sh"

export VERDICT_NOW=1700000000
V=$VERDICT
DB="$T/sessions.db"
SHOP="$FIX/personas/ecommerce.yaml"
SRC=$(cd "$(dirname "$0")/../../src" && pwd)

# expect_stderr NAME WANT: the last run's standard error is exactly the one
# line WANT.
expect_stderr() {
	expect_eq "$1" "$(cat "$T/err")" "$2"
}

# in_tty CMD...: runs CMD on a terminal of its own (script(1)), as run needs
# one; what it wrote (standard error too) goes to $T/err, CR LF made LF.
in_tty() {
	(cd "$T" && script -qec "$(printf '%s ' "$@")" /dev/null) </dev/null >"$T/tty" 2>&1
	rc=$?
	tr -d '\r' <"$T/tty" >"$T/err"
	: >"$T/out"
}
have_tty() { command -v script >/dev/null 2>&1 && infocmp xterm >/dev/null 2>&1; }
# expect_no_out NAME TEXT: stdout does not hold TEXT.
expect_no_out() {
	if grep -qF -- "$2" "$T/out"; then not_ok "$1" "stdout holds: $2"; else ok "$1"; fi
}

run "$V" score -a "$SHOP" --save
expect_rc "a saved session to work on" 0
run "$V" score -a "$SHOP" --format text
expect_rc "a second, unsaved, result" 0

# ---- HOME not set: one message for every command that opens the database ----
no_home() { env -u HOME -u VERDICT_DB -u XDG_DATA_HOME "$@"; }
HOME_MSG="cannot tell where sessions are kept: HOME is not set; use --db PATH or set VERDICT_DB"
for cmd in "list" "show 1" "delete 1 --yes" "export 1 --format md" "copy 1" "revert 1 1" \
	"score -a $SHOP --save" "team 1 2"; do
	name=${cmd%% *}
	run no_home "$V" $cmd
	expect_rc "$name without HOME: exit 3" 3
	expect_stderr "$name without HOME: the one message" "verdict $name: $HOME_MSG"
done
if have_tty; then
	in_tty env -u HOME -u VERDICT_DB -u XDG_DATA_HOME TERM=xterm "$V" run
	expect_rc "run without HOME: exit 3" 3
	expect_stderr "run without HOME: the one message" "verdict run: $HOME_MSG"
	in_tty env -u HOME -u VERDICT_DB -u XDG_DATA_HOME TERM=xterm "$V" \
		-c "$FIX/criteria/minimal.yaml"
	expect_rc "plain verdict without HOME: exit 3" 3
	expect_stderr "plain verdict without HOME: the one message, as plain verdict" \
		"verdict: $HOME_MSG"
else
	ok "run without HOME # skip: needs script(1) and the xterm terminfo"
fi
# --db or VERDICT_DB is enough without HOME.
run no_home "$V" --db "$DB" list
expect_rc "list without HOME but with --db: exit 0" 0

# ---- not a session id: one message for every command that takes one ----
ID_MSG="'abc' is not a session id (a positive number; 'verdict list' shows them)"
for cmd in "show abc" "delete abc" "export abc --format md" "copy abc" "revert abc 1" \
	"run --resume abc" "team abc 1"; do
	name=${cmd%% *}
	run "$V" $cmd
	expect_rc "$name abc: exit 2" 2
	expect_stderr "$name abc: the one message" "verdict $name: $ID_MSG"
done
run "$V" show 0
expect_stderr "show 0: not an id either" \
	"verdict show: '0' is not a session id (a positive number; 'verdict list' shows them)"
run "$V" revert 1 x
expect_rc "revert 1 x: exit 2" 2
expect_stderr "revert 1 x: a revision number is its own message" "verdict revert: 'x' is \
not a revision number: use one that 'verdict show 1 --revisions' shows"

# ---- no such session: one message for every command that takes an id ----
GONE_MSG="no session 99 in $DB; 'verdict list' shows the saved ones"
for cmd in "show 99" "delete 99 --yes" "export 99 --format md" "copy 99" "revert 99 1" \
	"team 99 1"; do
	name=${cmd%% *}
	run "$V" $cmd
	expect_rc "$name 99: exit 1" 1
	expect_stderr "$name 99: the one message" "verdict $name: $GONE_MSG"
done
if have_tty; then
	in_tty env TERM=xterm VERDICT_DB="$DB" "$V" run --resume 99
	expect_rc "run --resume 99: exit 1" 1
	expect_stderr "run --resume 99: the one message" "verdict run: $GONE_MSG"
else
	ok "run --resume 99 # skip: needs script(1) and the xterm terminfo"
fi
run "$V" revert 1 5
expect_rc "revert 1 5: exit 1" 1
expect_stderr "revert 1 5: no such revision" \
	"verdict revert: session 1 has no revision 5; 'verdict show 1 --revisions' lists them"

# ---- standard output that cannot be written: one message ----
if [ -w /dev/full ]; then
	FULL_MSG="cannot write to standard output: No space left on device"
	for cmd in "check $FIX/criteria/minimal.yaml" "score -a $SHOP" \
		"score -a $SHOP --format html" "list" "list --format json" "show 1" \
		"show 1 --format md" "export 1 --format csv" "copy 1" "--version"; do
		name=${cmd%% *}
		"$V" $cmd >/dev/full 2>"$T/err"
		rc=$?
		expect_rc "$cmd to a full disk: exit 3" 3
		case $name in -*) want="verdict: $FULL_MSG" ;; *) want="verdict $name: $FULL_MSG" ;; esac
		expect_stderr "$cmd to a full disk: the one message" "$want"
	done
else
	ok "standard output to a full disk # skip: needs /dev/full"
fi

# ---- whether the locale is UTF-8: one rule ----
run "$V" score -a "$SHOP"
expect_out "score in C.UTF-8: block bars" "█"
run env LC_ALL=C "$V" score -a "$SHOP"
expect_no_out "score in C: no block bars" "█"
expect_out "score in C: '#' bars" "###"
run env LC_ALL=C "$V" show 1
expect_no_out "show in C: no block bars" "█"
LONG="A project name far longer than its column"
run "$V" copy 1 --project "$LONG"
expect_rc "a session with a long project name" 0
run "$V" list
expect_out "list in C.UTF-8: a long name cut with an ellipsis" "A project name far long…"
run env LC_ALL=C "$V" list
expect_out "list in C: a long name cut with a full stop" "A project name far long."
# A locale of several bytes a character that is not UTF-8 (EUC-JP): the
# same rule, so no UTF-8 ellipsis, no block bars.
if command -v localedef >/dev/null 2>&1 && mkdir -p "$T/loc" &&
	{ localedef -i ja_JP -f EUC-JP "$T/loc/ja_JP.EUC-JP" >/dev/null 2>&1 || :; } &&
	[ "$(LOCPATH="$T/loc" LC_ALL=ja_JP.EUC-JP locale charmap 2>/dev/null)" = EUC-JP ]; then
	run env LOCPATH="$T/loc" LC_ALL=ja_JP.EUC-JP "$V" list
	expect_out "list in EUC-JP: a long name cut with a full stop" "A project name far long."
	expect_no_out "list in EUC-JP: no UTF-8 ellipsis" "…"
	run env LOCPATH="$T/loc" LC_ALL=ja_JP.EUC-JP "$V" score -a "$SHOP"
	expect_out "score in EUC-JP: '#' bars" "###"
	run env LOCPATH="$T/loc" LC_ALL=ja_JP.EUC-JP "$V" show 1
	expect_out "show in EUC-JP: '#' bars" "###"
else
	ok "the locale rule in EUC-JP # skip: needs localedef and the ja_JP locale source"
fi

# ---- below the faces, nothing prints ----
# check_quiet DIR: the files of DIR below the faces (all but main.c, cli*,
# cmd_*, plain* and tui/) neither name standard output or error, nor call a
# function that writes there, nor include cli.h; writing to a stream at all
# is for the renderers that write to one their caller passes (text_print,
# diag's diags_print(), score_format_text's score_write_text()). Comments
# and string literals do not count. xalloc.c is the one exception: it says
# "out of memory" as the process ends (xalloc.h). Prints each offence as
# FILE:LINE: TEXT and fails when there is any.
check_quiet() {
	python3 - "$1" <<'EOF'
import os, re, sys
src = sys.argv[1]
face = re.compile(r'^(main\.c|cli[a-z_]*\.[ch]|cmd_[a-z_]*\.c|plain[a-z_]*\.[ch])$')
exempt = {'xalloc.c'}
renderers = {'text_print.c', 'text_print.h', 'diag.c', 'diag.h', 'score_format_text.c'}
token = re.compile(r'/\*.*?\*/|//[^\n]*|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'', re.S)
def blank(m):  # keeps the lines, so that line numbers stay right
    return re.sub(r'[^\n]', ' ', m.group(0))
include = re.compile(r'^\s*#\s*include\s*[<"](cli\.h|tui/[^">]*)[">]')
standard = re.compile(r'\b(stdout|stderr|STDOUT_FILENO|STDERR_FILENO)\b|'
                      r'\b(printf|vprintf|puts|putchar|putchar_unlocked|perror|psignal|'
                      r'warn|warnx|vwarn|vwarnx|err|errx|verr|verrx|error)\s*\(|'
                      r'\bwrite\s*\(\s*[12]\s*,')
stream = re.compile(r'\b(fprintf|vfprintf|fputs|fputc|putc|fwrite|fputws|fputwc|dprintf|'
                    r'vdprintf|text_printf|text_puts|text_write|diags_print|json_dumpf|'
                    r'json_dumpfd)\s*\(')
bad = 0
for name in sorted(os.listdir(src)):
    if not name.endswith(('.c', '.h')) or face.match(name) or name in exempt:
        continue
    raw = open(os.path.join(src, name), encoding='utf-8', errors='replace').read()
    code = token.sub(blank, raw)
    for n, (line, stripped) in enumerate(zip(raw.split('\n'), code.split('\n')), 1):
        why = None
        if include.match(line):
            why = 'includes a face header'
        elif standard.search(stripped):
            why = 'prints'
        elif stream.search(stripped) and name not in renderers:
            why = 'writes to a stream'
        if why:
            print('%s:%d: %s: %s' % (name, n, why, line.strip()))
            bad = 1
sys.exit(bad)
EOF
}
run check_quiet "$SRC"
expect_rc "nothing below the faces prints or includes cli.h" 0
[ "$rc" = 0 ] || cat "$T/out"

# The check is exact: each planted offence is found, and only those.
plant() {
	rm -rf "$T/plant"
	cp -R "$SRC" "$T/plant"
	printf '%s\n' "$2" >>"$T/plant/$1"
	run check_quiet "$T/plant"
}
plant session.c 'static void planted(void) { printf("x\n"); }'
expect_rc "a printf planted in session.c is found" 1
expect_out "it names the file and line" "session.c:$(($(wc -l <"$SRC/session.c") + 1)): prints"
plant store.c '#include "cli.h"'
expect_rc "cli.h included in store.c is found" 1
expect_out "it says so" "store.c:$(($(wc -l <"$SRC/store.c") + 1)): includes a face header"
plant export.c 'static void planted(FILE *f) { fputs("x", f); }'
expect_rc "a stream written in export.c is found" 1
plant saved_session.c 'static void planted(void) { fprintf(stderr, "x"); }'
expect_rc "stderr named in saved_session.c is found" 1
plant criteria_source.h 'static inline void planted(void) { (void)write(2, "x", 1); }'
expect_rc "a write(2) planted in a header is found" 1
plant session.c '/* printf("x"); stderr */ static const char planted[] = "stderr printf(";'
expect_rc "printf and stderr in a comment or a string are not" 0
plant cmd_check.c 'static void planted(void) { printf("x"); }'
expect_rc "the faces may print" 0
