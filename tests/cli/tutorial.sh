# tutorial.sh - docs/tutorial.md, run as written: every "$ COMMAND" line of
# its console blocks is run in order in one shell, from an empty folder, and
# prints exactly the lines shown under it; the edits the text asks for are
# its "<!-- test: COMMAND -->" lines, and the files it shows are written
# from the yaml block after "<!-- file: PATH -->". Each yaml block after
# "<!-- from criteria/examples/tutorial.yaml -->" is part of that file, the
# set the tutorial builds, which is shipped and passes check. A command of
# verdict that this build does not have, or a pre-commit step without
# pre-commit, is a skip.
. "$(dirname "$0")/../lib/verdict.sh"

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TUTORIAL="$ROOT/docs/tutorial.md"
export EXAMPLES="$ROOT/criteria/examples"

run "$VERDICT" check "$EXAMPLES/tutorial.yaml"
expect_rc "the tutorial's set passes check, its examples too" 0

# The steps, one file each: N.kind (cmd, test, file, from), N.text (the
# command, or the path) and N.want (the output shown, or the block).
mkdir "$T/steps"
awk -v dir="$T/steps" '
function step(kind, text) {
	n++
	file = sprintf("%s/%03d", dir, n)
	printf "%s", kind > (file ".kind"); close(file ".kind")
	printf "%s\n", text > (file ".text"); close(file ".text")
	printf "" > (file ".want"); close(file ".want")
}
function want(line) { printf "%s\n", line >> (file ".want"); close(file ".want") }
/^<!-- test: .* -->$/ { sub(/^<!-- test: /, ""); sub(/ -->$/, ""); step("test", $0); next }
/^<!-- file: .* -->$/ { sub(/^<!-- file: /, ""); sub(/ -->$/, ""); pending = "file"; path = $0; next }
/^<!-- from criteria\/examples\/tutorial.yaml -->$/ { pending = "from"; path = ""; next }
/^```console$/ { console = 1; next }
/^```yaml$/ && pending != "" { block = 1; step(pending, path); pending = ""; next }
/^```$/ { console = 0; block = 0; next }
console && /^\$ / { sub(/^\$ /, ""); step("cmd", $0); next }
console || block { want($0) }
' "$TUTORIAL"
expect_eq "the tutorial has its steps" "$(ls "$T/steps" | grep -c '\.kind$')" 21

# The shell the reader would have: verdict on PATH, git and pre-commit with
# settings of their own, a database in $T.
mkdir "$T/bin" "$T/work"
ln -s "$VERDICT" "$T/bin/verdict"
export PATH="$T/bin:$PATH" HOME="$T" PRE_COMMIT_HOME="$T/cache" GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=Dana GIT_AUTHOR_EMAIL=dana@example.com
export GIT_COMMITTER_NAME=Dana GIT_COMMITTER_EMAIL=dana@example.com
git config --global init.defaultBranch main 2>/dev/null
commands=$("$VERDICT" help | sed -n '/^Commands:/,/^$/p' | awk 'NF > 1 { print $1 }')
have_precommit=0
command -v pre-commit >/dev/null 2>&1 && command -v git >/dev/null 2>&1 && have_precommit=1

cd "$T/work" || exit 1
for k in "$T"/steps/*.kind; do
	s=${k%.kind}
	kind=$(cat "$k")
	text=$(cat "$s.text")
	case $kind in
	from)
		if python3 -c 'import sys; sys.exit(open(sys.argv[1]).read() not in open(sys.argv[2]).read())' \
			"$s.want" "$EXAMPLES/tutorial.yaml"; then
			ok "tutorial: the block from line $(head -n 1 "$s.want" | cut -c1-40)... is in tutorial.yaml"
		else
			not_ok "tutorial: the block from line $(head -n 1 "$s.want" | cut -c1-40)... is in tutorial.yaml"
		fi
		continue
		;;
	file)
		cp "$s.want" "$text"
		continue
		;;
	esac
	case $text in
	verdict\ *)
		word=$(echo "$text" | awk '{ print $2 }')
		if ! echo "$commands" | grep -qxF "$word"; then
			skip "tutorial: \$ $text" "this verdict has no '$word' command yet"
			continue
		fi
		;;
	pre-commit\ * | git\ commit*)
		if [ "$have_precommit" = 0 ]; then
			skip "tutorial: \$ $text" "pre-commit or git is not installed"
			continue
		fi
		;;
	esac
	eval "$text" >"$T/got" 2>&1
	status=$?
	if [ "$kind" = test ]; then
		expect_eq "tutorial: the edit '$text' runs" "$status" 0
	elif cmp -s "$T/got" "$s.want"; then
		ok "tutorial: \$ $text"
	else
		not_ok "tutorial: \$ $text" "$(diff "$s.want" "$T/got")"
	fi
done
cd "$T" || exit 1

# The reader ends with the shipped set, committed.
if [ "$have_precommit" = 1 ]; then
	if git -C "$T/work/hosting" show HEAD:criteria/hosting.yaml | cmp -s - "$EXAMPLES/tutorial.yaml"; then
		ok "tutorial: the set committed is criteria/examples/tutorial.yaml"
	else
		not_ok "tutorial: the set committed is criteria/examples/tutorial.yaml"
	fi
fi
