# readme.sh - the README's answers file gives the output the README shows
# beside it, and the figures of the walk-through screens above it.
. "$(dirname "$0")/../lib/verdict.sh"

README="$(dirname "$0")/../../README.md"

# The first ```yaml block after "An answers file", and the ``` block that
# starts with "$ verdict score -a answers.yaml".
awk '/^An answers file/ { f = 1 } f && /^```yaml$/ { y = 1; next } y && /^```$/ { exit } y' \
	"$README" >"$T/answers.yaml"
awk '/^\$ verdict score -a answers.yaml$/ { s = 1; next } s && /^```$/ { exit } s' \
	"$README" >"$T/shown"
if [ -s "$T/answers.yaml" ] && [ -s "$T/shown" ]; then
	ok "the README has an answers file and its output"
else
	not_ok "the README has an answers file and its output"
fi

run "$VERDICT" score -a "$T/answers.yaml"
expect_rc "the README's answers file scores" 0
head -n "$(wc -l <"$T/shown")" "$T/out" >"$T/got"
if [ -s "$T/shown" ] && cmp -s "$T/got" "$T/shown"; then
	ok "the README shows what its answers file gives"
else
	not_ok "the README shows what its answers file gives" "$(diff "$T/shown" "$T/got")"
fi

# The walk-through's result screen in the README: the same recommendation and
# scores.
rec=$(grep -m 1 '^  Recommendation: ' "$README" | sed 's/^ *//')
expect_out "the screens' recommendation is the answers file's" "$rec"
for opt in Node.js Python; do
	screen=$(grep -m 1 -E "^    $opt +[█▉▊▋▌▍▎▏░]" "$README" | awk '{ print $NF }')
	got=$(grep -m 1 "^  $opt  " "$T/out" | awk '{ print $NF }')
	expect_eq "the screens' score of $opt is the answers file's" "$got" "$screen"
done
