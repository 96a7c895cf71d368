# tmux.sh - the walk-through driven through tmux: keys in, screen text out.
# Sourced after tap.sh (or verdict.sh); the checks need tmux (have_tmux).
#
# Each walk-through runs in a detached tmux session of a fixed size, on a
# server of this test's own (socket $T/tmux.sock, no configuration file),
# started in $TUI_DIR (default: the current directory). A wrapper records the
# terminal settings (stty -g) before and after, and the exit status; then it
# prints "[verdict exited]" and stays, so that the last screen can be read.
# It outlives Ctrl-C, Ctrl-\ and its terminal closing (traps, which verdict
# does not inherit) and allows no core file. Screens are read with
# capture-pane, polling until the text shows (20 s at most); a whole screen
# can be compared with a golden file (expect_whole_screen).

have_tmux() { command -v tmux >/dev/null 2>&1; }
# walk_through_only WHAT: for a script whose checks all drive the
# walk-through: without tmux, says WHAT is skipped and ends the script; else
# gives the walk-through a HOME of its own, $T/home.
walk_through_only() {
	if ! have_tmux; then
		skip "$1" "tmux is not installed"
		exit 0
	fi
	export HOME="$T/home"
	mkdir -p "$HOME"
}
tm() { tmux -S "$T/tmux.sock" -f /dev/null "$@"; }
# At exit: the wrappers still waiting (they outlive a hang-up), then the server.
at_exit 'tm kill-server >/dev/null 2>&1'
at_exit '[ -s "$T/tui.pids" ] && kill $(cat "$T/tui.pids") 2>/dev/null'

cat >"$T/tui-wrap.sh" <<WRAP
echo \$\$ >>"$T/tui.pids"
trap : INT QUIT HUP
ulimit -c 0
stty -g >"$T/stty.before"
"\$@"
echo \$? >"$T/tui.rc"
stty -g >"$T/stty.after"
echo "[verdict exited]"
exec sleep 600
WRAP

# quote ARG: ARG quoted for the shell.
quote() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"; }

# start NAME COLS ROWS CMD...: runs CMD in a new tmux session NAME.
start() {
	_tui_name=$1 _tui_cols=$2 _tui_rows=$3
	shift 3
	# An idle session keeps the server up between walk-throughs: a server
	# that exits with its last session can refuse the next one while it goes.
	tm has-session -t idle 2>/dev/null || tm new-session -d -s idle 'sleep 3600'
	rm -f "$T/tui.rc" "$T/stty.before" "$T/stty.after"
	_tui_cmd="sh $(quote "$T/tui-wrap.sh")"
	for _tui_a in "$@"; do _tui_cmd="$_tui_cmd $(quote "$_tui_a")"; done
	tm new-session -d -s "$_tui_name" -x "$_tui_cols" -y "$_tui_rows" \
		-c "${TUI_DIR:-$PWD}" "$_tui_cmd"
}

# screen NAME: the pane's text now, into $T/screen; and into $T/dialog the
# text inside a dialog's box with its lines joined and blanks squeezed, so
# that a wrapped message reads as one line.
screen() {
	tm capture-pane -p -t "$1" >"$T/screen" 2>/dev/null
	sed -n 's/^[^│|]*[│|] \(.*\) [│|][^│|]*$/\1/p' "$T/screen" | tr '\n' ' ' |
		tr -s ' ' >"$T/dialog"
}
# show_screen: the screen last read, as lines of a failure's report.
show_screen() { sed 's/^/| /' "$T/screen"; }

# poll NAME CMD...: reads NAME's screen until CMD succeeds.
poll() {
	_tui_name=$1
	shift
	_tui_i=0
	while [ $_tui_i -lt 200 ]; do
		screen "$_tui_name"
		"$@" && return 0
		sleep 0.1
		_tui_i=$((_tui_i + 1))
	done
	return 1
}
# wait_for NAME TEXT [FILE]: polls until TEXT shows in FILE ($T/screen, or
# $T/dialog).
wait_for() { poll "$1" grep -qF -- "$2" "${3:-$T/screen}"; }
# wait_line NAME LINE: polls until a line of the screen is exactly LINE.
wait_line() { poll "$1" grep -qxF -- "$2" "$T/screen"; }
# expect_screen NAME TEXT TEST [FILE]: TEXT shows on NAME's screen (or dialog).
expect_screen() { expect_shown "$3" "screen lacks: $2" wait_for "$1" "$2" "${4:-$T/screen}"; }
# expect_line NAME LINE TEST: a line of NAME's screen is exactly LINE.
expect_line() { expect_shown "$3" "no screen line is exactly: $2" wait_line "$1" "$2"; }
# expect_shown TEST WHY WAIT...: the check that the wait WAIT... succeeds,
# else WHY and the screen.
expect_shown() {
	_tui_test=$1 _tui_why=$2
	shift 2
	if "$@"; then
		ok "$_tui_test"
	else
		not_ok "$_tui_test" "$_tui_why" "screen:" "$(show_screen)"
	fi
}
# expect_whole_screen NAME TEXT GOLDEN TEST: once TEXT shows, NAME's whole
# screen is the file GOLDEN, exactly (tap.sh's expect_golden: a diff when it
# is not, and UPDATE_GOLDEN=1 rewrites it). Only for screens that are the
# same on every run: a fixed size, VERDICT_NOW, and no path of $T on them.
expect_whole_screen() {
	if ! wait_for "$1" "$2"; then
		expect_shown "$4" "screen lacks: $2" false
		return
	fi
	# Drawing may still be under way: poll until it is the golden (or, when
	# updating, until it stays the same).
	_tui_i=0
	while [ $_tui_i -lt 50 ]; do
		cp "$T/screen" "$T/screen.last"
		sleep 0.1
		screen "$1"
		if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
			cmp -s "$T/screen" "$T/screen.last" && break
		else
			cmp -s "$T/screen" "$3" && break
		fi
		_tui_i=$((_tui_i + 1))
	done
	expect_golden "$4" "$T/screen" "$3"
}

# keys NAME KEY...: types keys (tmux send-keys names); enters NAME N: presses
# Enter N times.
keys() {
	_tui_name=$1
	shift
	tm send-keys -t "$_tui_name" "$@"
}
enters() {
	_tui_i=0
	while [ $_tui_i -lt "$2" ]; do
		tm send-keys -t "$1" Enter
		_tui_i=$((_tui_i + 1))
	done
}

# finished NAME: waits for verdict to end; its status is then in $rc.
finished() {
	wait_for "$1" "[verdict exited]" && rc=$(cat "$T/tui.rc")
}
# stty_restored: the terminal settings after verdict equal those before.
stty_restored() { [ -s "$T/stty.before" ] && cmp -s "$T/stty.before" "$T/stty.after"; }
# stty_same TEST: the check of stty_restored.
stty_same() {
	if stty_restored; then
		ok "$1"
	else
		not_ok "$1" "before: $(cat "$T/stty.before" 2>/dev/null)" \
			"after:  $(cat "$T/stty.after" 2>/dev/null)"
	fi
}
# coloured NAME: NAME's screen now sets a colour (SGR 30-38, 40-48, 90-97,
# 100-107; 39 and 49, the defaults, are fine); the lines that do are in
# $T/sgr.
coloured() {
	tm capture-pane -e -p -t "$1" |
		grep -E '\[([0-9]*;)*(3[0-8]|4[0-8]|9[0-7]|10[0-7])(;[0-9]*)*m' >"$T/sgr"
}
# expect_no_colour NAME TEST: NAME's screen sets no colour.
expect_no_colour() {
	if coloured "$1"; then not_ok "$2" "$(head -n 3 "$T/sgr")"; else ok "$2"; fi
}
# normal_screen NAME: NAME's terminal is off the alternate screen.
normal_screen() { [ "$(tm display-message -p -t "$1" '#{alternate_on}')" = 0 ]; }
# verdict_pid NAME: the pid of verdict in NAME's pane (the wrapper's child).
verdict_pid() {
	pgrep -P "$(tm display-message -p -t "$1" '#{pane_pid}')" | head -n 1
}
