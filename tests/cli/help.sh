# help.sh - every command's help: 'verdict help COMMAND' prints what
# 'verdict COMMAND --help' prints; an unknown command is an error with the
# list; and each command's usage line agrees with the options it takes:
# every option the usage line names is accepted, every option its help
# lists (and every long option of its source) is in the usage line.
. "$(dirname "$0")/../lib/verdict.sh"

SRC=$(cd "$(dirname "$0")/../../src" && pwd)

# The commands, as the general help lists them.
run "$VERDICT" --help
cmds=$(sed -n '/^Commands:/,/^$/p' "$T/out" | awk 'NF > 1 { print $1 }')
expect_eq "the general help lists the commands" "$(echo $cmds)" \
	"run check score list show delete export import copy revert new decide review diff selftest team schema"
run "$VERDICT" help
expect_rc "verdict help: exit 0" 0
expect_out "verdict help: the general help" "usage: verdict [--db PATH] [--no-color] [COMMAND [ARGS]]"

run "$VERDICT" help nope
expect_rc "help of an unknown command: exit 2" 2
expect_eq "help of an unknown command: the message and the list" "$(cat "$T/err")" \
	"verdict help: unknown command 'nope'; the commands are run, check, score, list, show, delete, export, import, copy, revert, new, decide, review, diff, selftest, team, schema"
run "$VERDICT" help score show
expect_rc "help of two commands: exit 2" 2
expect_eq "help of two commands: the message and the list" "$(cat "$T/err")" \
	"verdict help: name one command, as 'verdict help score'; the commands are run, check, score, list, show, delete, export, import, copy, revert, new, decide, review, diff, selftest, team, schema"

for c in $cmds; do
	run "$VERDICT" "$c" --help
	cp "$T/out" "$T/want"
	expect_rc "$c --help: exit 0" 0
	run "$VERDICT" help "$c"
	expect_rc "help $c: exit 0" 0
	if cmp -s "$T/out" "$T/want" && [ -s "$T/want" ] && [ ! -s "$T/err" ]; then
		ok "help $c: the same as $c --help"
	else
		not_ok "help $c: the same as $c --help" "$(diff "$T/want" "$T/out" | head -n 10)"
	fi
	# The usage lines: from "usage:" to the first empty line.
	sed -n '1,/^$/p' "$T/want" >"$T/usage"
	expect_eq "$c: the usage line names it" "$(head -n 1 "$T/usage" | cut -d' ' -f1-3)" \
		"usage: verdict $c"
	opts=$(grep -oE '(^|[[ ])-{1,2}[A-Za-z][A-Za-z-]*' "$T/usage" | tr -d '[ ' | sort -u)
	# Each option of the usage line is taken: at most it wants a value or
	# an operand, never "unknown".
	for o in $opts; do
		run timeout 20 "$VERDICT" --db "$T/probe.db" "$c" "$o" </dev/null
		if [ "$rc" -ne 124 ] && ! grep -qE 'unknown option|ambiguous option' "$T/err"; then
			ok "$c: $o of the usage line is an option of $c"
		else
			not_ok "$c: $o of the usage line is an option of $c" "exit status $rc"
		fi
	done
	# Each option of the help's list is in the usage line (by either name).
	grep -E '^ +(-[A-Za-z], )?--[a-z]' "$T/want" |
		sed -E 's/^ +//; s/^(-[A-Za-z]), (--[a-z-]+).*/\1 \2/; s/^(--[a-z-]+).*/\1/' >"$T/listed"
	while read -r a b; do
		[ "$a" = -h ] && continue
		if echo "$opts" | grep -qxF -e "$a" -e "${b:-$a}"; then
			ok "$c: $a ${b:-} of the help is in the usage line"
		else
			not_ok "$c: $a ${b:-} of the help is in the usage line" "$(cat "$T/usage")"
		fi
	done <"$T/listed"
done

# Each option in a command's source is in its usage line, by its long or
# its short name: the options of every file's longopts tables ({ "name",
# ..., 'c' }), against the usage lines of the commands whose help that file
# holds.
for f in "$SRC"/cmd_*.c; do
	grep -E '^[[:space:]]*\{ "[a-z-]+", (no|required|optional)_argument' "$f" |
		sed -E "s/.*\"([a-z-]+)\".*, '(.)' *\}.*/\\1 \\2/; s/.*\"([a-z-]+)\".*/\\1/" |
		grep -v '^help' | sort -u >"$T/names"
	[ -s "$T/names" ] || continue
	: >"$T/usages"
	for c in $(grep -oE '"usage: verdict [a-z]+' "$f" | awk '{ print $3 }' | sort -u); do
		"$VERDICT" "$c" --help | sed -n '1,/^$/p' >>"$T/usages"
	done
	while read -r n s; do
		if grep -qE -- "--$n([^a-z-]|\$)" "$T/usages" ||
			{ [ -n "${s:-}" ] && grep -qE -- "(^|[[ ])-$s( |\]|\$)" "$T/usages"; }; then
			ok "$(basename "$f"): --$n${s:+ (-$s)} is in its usage line"
		else
			not_ok "$(basename "$f"): --$n${s:+ (-$s)} is in its usage line" "$(cat "$T/usages")"
		fi
	done <"$T/names"
done

# score's help: the answers file's keys, pairwise with an example.
run "$VERDICT" help score
expect_out "score's help: its usage line with --save" \
	"usage: verdict score [-c CRITERIA] -a ANSWERS [--format FORMAT] [--save]"
expect_out "score's help: the keys" "  project, respondent, notes: TEXT"
expect_out "score's help: weights" "  weights: { CRITERION: WEIGHT, ... }  how much each criterion matters, or"
expect_out "score's help: pairwise, with an example" \
	"  pairwise: [[speed, syntax, 3], ...]  criteria (or groups) compared two at"
expect_out "score's help: the example said" \
	"                       a time: here speed matters 3 times as much as syntax"
