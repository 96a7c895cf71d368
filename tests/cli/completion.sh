# completion.sh - the shell completions (completion/): bash's, sourced into
# bash and called as bash calls it (COMP_WORDS, COMP_CWORD, then COMPREPLY
# compared exactly): the commands are those 'verdict help' lists, each
# command's options are those it takes, --format offers each command's
# formats, and session ids come newest first from the database that
# VERDICT_DB or --db names, through 'verdict list --ids'; fish's through its
# own 'complete -C'; zsh's and fish's files parse. Each shell that is not
# installed is a skip.
. "$(dirname "$0")/../lib/verdict.sh"

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BASH_COMP="$ROOT/completion/verdict.bash"

# list --ids: the fast path, one id a line, newest first.
run "$VERDICT" list --ids
expect_rc "list --ids with no database: exit 0" 0
expect_eq "list --ids with no database: nothing" "$(cat "$T/out")" ""
if [ ! -e "$VERDICT_DB" ]; then ok "list --ids creates no database"; else not_ok "list --ids creates no database"; fi
for p in "Shop A" "Shop B" "Shop A"; do
	printf 'criteria: node-vs-python\nproject: %s\n' "$p" >"$T/answers.yaml"
	"$VERDICT" score -a "$T/answers.yaml" --save >/dev/null 2>&1
done
"$VERDICT" --db "$T/other.db" score -a "$T/answers.yaml" --save >/dev/null 2>&1
run "$VERDICT" list --ids
expect_eq "list --ids: the ids, newest first" "$(cat "$T/out")" "3
2
1"
run "$VERDICT" list --ids --format text
expect_rc "list --ids --format: exit 2" 2
expect_eq "list --ids --format: the message" "$(cat "$T/err")" \
	"verdict list: --ids prints the ids alone; leave out --format"
run "$VERDICT" list --ids extra
expect_rc "list --ids with an operand: exit 2" 2

if ! command -v bash >/dev/null 2>&1; then
	skip "bash completion" "bash is not installed"
	exit 0
fi

# comp WORD...: what bash's completion of the line WORD... (the last word
# being completed) offers, one a line.
comp() {
	bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
		_verdict; printf "%s\n" "${COMPREPLY[@]}"' sh "$BASH_COMP" "$@" 2>&1
}
# expect_comp NAME WANT WORD...: the completion of WORD... is WANT (words
# separated by spaces), in its order.
expect_comp() {
	_name=$1 _want=$2
	shift 2
	expect_eq "$_name" "$(comp "$@" | tr '\n' ' ' | sed 's/ $//')" "$_want"
}

run bash -c '. "$1"; complete -p verdict' sh "$BASH_COMP"
expect_eq "bash: complete -p names the function" "$(cat "$T/out")" \
	"complete -o nosort -F _verdict verdict"

# The commands: those of 'verdict help', and help.
"$VERDICT" help | sed -n '/^Commands:/,/^$/p' | awk 'NF > 1 { print $1 }' >"$T/cmds"
echo help >>"$T/cmds"
comp "$VERDICT" "" | sort >"$T/got"
sort "$T/cmds" >"$T/want"
if cmp -s "$T/got" "$T/want"; then
	ok "bash: the commands are those verdict help lists"
else
	not_ok "bash: the commands are those verdict help lists" "$(diff "$T/want" "$T/got")"
fi
expect_comp "bash: a command's start" "score show schema selftest" "$VERDICT" s
expect_comp "bash: the global options" "--db --no-color --help --version" "$VERDICT" --
expect_comp "bash: help's commands" "new" "$VERDICT" help ne

# Each command's options are its own: every option of its usage line is
# offered, and every option offered is one it takes.
for c in $(grep -vx help "$T/cmds"); do
	comp "$VERDICT" "$c" -- | sort >"$T/offered"
	"$VERDICT" "$c" --help | sed -n '1,/^$/p' | grep -oE -- '--[a-z][a-z-]*' | sort -u >"$T/usage"
	missing=$(comm -13 "$T/offered" "$T/usage")
	expect_eq "bash: $c: every option of its usage line is offered" "$missing" ""
	for o in $(cat "$T/offered"); do
		[ "$o" = --help ] && continue
		run timeout 20 "$VERDICT" --db "$T/probe.db" "$c" "$o" --help </dev/null
		if [ "$rc" -ne 124 ] && ! grep -qE 'unknown option|ambiguous option' "$T/err"; then
			ok "bash: $c: $o offered is an option of $c"
		else
			not_ok "bash: $c: $o offered is an option of $c" "exit status $rc"
		fi
	done
done
expect_comp "bash: an option's start" "--format" "$VERDICT" show --f
expect_comp "bash: list's options" "--project --format --ids --help --db" "$VERDICT" list --

# --format's values, command by command.
expect_comp "bash: check --format" "text json github" "$VERDICT" check --format ""
expect_comp "bash: score --format" "text json md html csv pdf" "$VERDICT" score --format ""
expect_comp "bash: show --format" "text json md" "$VERDICT" show 1 --format ""
expect_comp "bash: export --format" "md html json csv pdf" "$VERDICT" export 1 --format ""
expect_comp "bash: export --format=p (bash splits at =)" "pdf" "$VERDICT" export 1 --format = p
expect_comp "bash: export --format= (bash splits at =)" "md html json csv pdf" \
	"$VERDICT" export 1 --format =
expect_comp "bash: list --format j" "json" "$VERDICT" list --format j
expect_comp "bash: schema's formats" "criteria answers" "$VERDICT" schema ""

# Session ids, newest first, from VERDICT_DB or --db.
expect_comp "bash: show's session ids, newest first" "3 2 1" "$VERDICT" show ""
expect_comp "bash: ids that start so" "2" "$VERDICT" delete 2
expect_comp "bash: ids after an option" "3 2 1" "$VERDICT" export --format md ""
expect_comp "bash: run --resume's ids" "3 2 1" "$VERDICT" run --resume ""
expect_comp "bash: diff's second id" "3 2 1" "$VERDICT" diff 3 ""
expect_comp "bash: no third id for diff" "" "$VERDICT" diff 3 2 ""
expect_comp "bash: revert's revision is not an id" "" "$VERDICT" revert 3 ""
expect_comp "bash: --db PATH on the line" "1" "$VERDICT" --db "$T/other.db" show ""
expect_comp "bash: --db=PATH on the line" "1" "$VERDICT" --db = "$T/other.db" show ""
expect_comp "bash: --db after the command" "1" "$VERDICT" show --db "$T/other.db" ""
expect_comp "bash: no database, no ids" "" "$VERDICT" --db "$T/none.db" show ""

# Files where a command takes one.
mkdir "$T/dir" && : >"$T/dir/set.yaml"
expect_comp "bash: check's files" "$T/dir/set.yaml" "$VERDICT" check "$T/dir/s"
expect_comp "bash: score -a's files" "$T/dir/set.yaml" "$VERDICT" score -a "$T/dir/s"

# fish: the same through its own completer.
if command -v fish >/dev/null 2>&1; then
	fc() {
		fish -c "source '$ROOT/completion/verdict.fish'; complete -C'$1'" 2>&1 |
			cut -f1 | tr '\n' ' ' | sed 's/ $//'
	}
	run fish -n "$ROOT/completion/verdict.fish"
	expect_rc "fish: the file parses" 0
	expect_eq "fish: the commands" "$(fc 'verdict ' | tr ' ' '\n' | sort | tr '\n' ' ' | sed 's/ $//')" \
		"$(sort "$T/cmds" | tr '\n' ' ' | sed 's/ $//')"
	expect_eq "fish: check --format" "$(fc 'verdict check --format ')" "github json text"
	mkdir "$T/fbin" && ln -s "$VERDICT" "$T/fbin/verdict"
	expect_eq "fish: show's session ids, newest first" \
		"$(PATH="$T/fbin:$PATH" fc 'verdict show ')" "3 2 1"
	expect_eq "fish: --db PATH on the line" \
		"$(PATH="$T/fbin:$PATH" fc "verdict --db $T/other.db show ")" "1"
else
	skip "fish completion" "fish is not installed"
fi
if command -v zsh >/dev/null 2>&1; then
	run zsh -n "$ROOT/completion/_verdict"
	expect_rc "zsh: the file parses" 0
else
	skip "zsh completion" "zsh is not installed"
fi

# The same commands in all three files.
for f in _verdict verdict.fish; do
	for c in $(cat "$T/cmds"); do
		if grep -qE "(^|[^a-z-])$c([^a-z-]|\$)" "$ROOT/completion/$f"; then
			ok "$f names the command $c"
		else
			not_ok "$f names the command $c"
		fi
	done
done
