# new.sh - verdict new: the starter set it writes, byte for byte for given
# options (golden files), passes verdict check for any count of options and
# criteria and for names that need quoting in YAML; it never replaces a
# file; bad arguments get their exact message and exit status.
. "$(dirname "$0")/../lib/verdict.sh"

GOLD="$FIX/golden/new"

run "$VERDICT" new "$T/tea.yaml" --options "Tea, Coffee"
expect_rc "new: exit 0" 0
expect_eq "new: says where it wrote" "$(cat "$T/out")" \
	"$T/tea.yaml: written; edit it into your own set, then check it with 'verdict check'"
expect_golden "new --options 'Tea, Coffee': the starter set" "$T/tea.yaml" "$GOLD/tea.yaml"
run "$VERDICT" check "$T/tea.yaml"
expect_eq "new: the set passes check, its example too" "$(cat "$T/out")" \
	"$T/tea.yaml: ok: tea (Tea or Coffee?): 2 options, 3 criteria, 1 question, 1 example passed"

run "$VERDICT" new "$T/default.yml"
expect_golden "new without options: Option A and Option B" "$T/default.yml" "$GOLD/default.yaml"

# Standard output, and the ids made from names: a name that gives none, or
# the id of an earlier one, gets a number; names that YAML would read as
# something else are quoted.
run "$VERDICT" new - --options 'Node.js,C++,C, Café ☕ ,東京,"Say" \ so,true,2024,-dash,a: b #c,0x1F' \
	--criteria 9
expect_rc "new -: exit 0" 0
expect_golden "new -: names that need quoting, nine criteria" "$T/out" "$GOLD/quoted.yaml"
cp "$T/out" "$T/quoted.yaml"
run "$VERDICT" check "$T/quoted.yaml"
expect_eq "new -: the quoted set passes check" "$(cat "$T/out")" \
	"$T/quoted.yaml: ok: decision (Node.js, C++, C, Café ☕, 東京, \"Say\" \\ so, true, 2024, -dash, a: b #c or 0x1F?): 11 options, 9 criteria, 1 question, 1 example passed"

# A file name that YAML would read as a number gives an id that reads as text.
run "$VERDICT" new "$T/2024.yaml"
run "$VERDICT" check "$T/2024.yaml"
expect_out "new 2024.yaml: the set's id reads as text" \
	"$T/2024.yaml: ok: decision-2024 (Option A or Option B?)"

# Every count of criteria (the example's strength is what it gives), the
# most options.
sixteen=$(seq -s, 1 16 | sed 's/[0-9]*/Option &/g')
for n in 1 5 6 24 25 50; do
	"$VERDICT" new - --criteria $n >"$T/set.yaml"
	run "$VERDICT" check "$T/set.yaml"
	expect_rc "new --criteria $n: the set passes check" 0
done
"$VERDICT" new - --options "$sixteen" --criteria 2 >"$T/set.yaml"
run "$VERDICT" check "$T/set.yaml"
expect_out "new with 16 options: the set passes check" ": 16 options, 2 criteria, 1 question"
for n in 1 6 25; do
	"$VERDICT" new - --criteria $n | grep '^    expect_strength' >>"$T/strengths"
done
expect_eq "new: the example's strength is the one it gives" "$(cat "$T/strengths")" \
	"    expect_strength: clear
    expect_strength: leaning
    expect_strength: too-close"

# An existing file, of any kind, is never replaced.
echo "keep me" >"$T/keep.yaml"
run "$VERDICT" new "$T/keep.yaml"
expect_rc "new over a file: exit 1" 1
expect_eq "new over a file: the message" "$(cat "$T/err")" \
	"verdict new: $T/keep.yaml: already exists; nothing was written (remove it first, or give another name)"
expect_eq "new over a file: the file is as it was" "$(cat "$T/keep.yaml")" "keep me"
ln -s "$T/nowhere" "$T/dangling.yaml"
run "$VERDICT" new "$T/dangling.yaml"
expect_rc "new over a dangling link: exit 1" 1
if [ ! -e "$T/nowhere" ]; then ok "new over a dangling link: nothing made behind it"; else not_ok "new over a dangling link: nothing made behind it"; fi
run "$VERDICT" new "$T"
expect_rc "new over a directory: exit 1" 1
run "$VERDICT" new "$T/none/set.yaml"
expect_rc "new in a missing directory: exit 3" 3
expect_eq "new in a missing directory: the message" "$(cat "$T/err")" \
	"verdict new: $T/none/set.yaml: cannot create a file in its directory: No such file or directory; nothing was written"
if [ -z "$(find "$T" -name '.verdict-*')" ]; then ok "new: no temporary file left"; else not_ok "new: no temporary file left"; fi

# Bad arguments: the exact message, exit 2, nothing written.
bad() {
	_want=$1
	shift
	run "$VERDICT" new "$T/bad.yaml" "$@"
	expect_rc "new $*: exit 2" 2
	expect_eq "new $*: the message" "$(head -n 1 "$T/err")" "verdict new: $_want"
	if [ ! -e "$T/bad.yaml" ]; then ok "new $*: nothing written"; else not_ok "new $*: nothing written"; rm -f "$T/bad.yaml"; fi
}
bad "--options must name from 2 to 16 options, separated by commas, got 1" --options Tea
bad "--options must name from 2 to 16 options, separated by commas, got 17" \
	--options "$sixteen,Option 17"
bad "--options: option 2 is empty; name every option between the commas" --options "Tea, ,Coffee"
bad "--options: option 3 is empty; name every option between the commas" --options "Tea,Coffee,"
bad "--options: 'tea' names the same option as 'Tea'" --options "Tea,Coffee,tea"
bad "--options: option 2 holds a control character; name it in plain text" \
	--options "$(printf 'Tea,Cof\033[31mfee')"
bad "--options: option 2 holds a control character; name it in plain text" \
	--options "$(printf 'Tea,Cof\342\200\256fee')"
bad "--options: option 1 is not UTF-8 text" --options "$(printf 'T\377a,Coffee')"
bad "--criteria must be a whole number from 1 to 50, got '0'" --criteria 0
bad "--criteria must be a whole number from 1 to 50, got '51'" --criteria 51
bad "--criteria must be a whole number from 1 to 50, got '-1'" --criteria -1
bad "--criteria must be a whole number from 1 to 50, got 'three'" --criteria three
bad "--criteria must be a whole number from 1 to 50, got ''" --criteria ""
bad "unknown option '--force'" --force
bad "option '--criteria' needs a value" --criteria
run "$VERDICT" new
expect_rc "new without a file: exit 2" 2
expect_eq "new without a file: the message" "$(head -n 1 "$T/err")" \
	"verdict new: name the criteria file to write"
run "$VERDICT" new "$T/a.yaml" "$T/b.yaml"
expect_rc "new with two files: exit 2" 2
expect_eq "new with two files: the message" "$(head -n 1 "$T/err")" \
	"verdict new: unexpected argument '$T/b.yaml'; name one file"
run "$VERDICT" new ""
expect_rc "new with an empty name: exit 2" 2
expect_eq "new with an empty name: the message" "$(cat "$T/err")" "verdict new: the file name is empty"
