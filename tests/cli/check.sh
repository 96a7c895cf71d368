# check.sh - verdict check on the command line.
. "$(dirname "$0")/../lib/verdict.sh"

run "$VERDICT" check criteria/node-vs-python.yaml
expect_rc "check default set exits 0" 0
expect_out "check prints a summary" \
	"criteria/node-vs-python.yaml: ok: node-vs-python (Node.js or Python for your backend?): 2 options, 14 criteria, 2 questions, 44 examples passed"

# The default set's calibration examples hold; one changed to expect the
# wrong winner fails at its own line, with what the set really gives.
awk '/name: Real-time app, JavaScript team/ { n = NR } n && NR == n + 2 { sub(/node/, "python") } { print }' \
	criteria/node-vs-python.yaml > "$T/wrong.yaml"
line=$(grep -n "name: Real-time app, JavaScript team" "$T/wrong.yaml" | cut -d: -f1)
run "$VERDICT" check "$T/wrong.yaml"
expect_rc "a missed calibration example exits 1" 1
expect_err "a missed example is reported at its line, with the result it got" \
	"$T/wrong.yaml:$line:5: error: example 'Real-time app, JavaScript team' expects python (clear), got node, clear, margin 19.1 points"
expect_eq "a missed example is the only error" "$(wc -l < "$T/err")" 1
expect_eq "a file with a missed example has no ok line" "$(wc -c < "$T/out")" 0

# An example naming what the set lacks is an error like any other.
sed 's/choices: { app_kind: realtime, team_skills: javascript }/choices: { app_kind: realtme, team_skills: javascript }/' \
	criteria/node-vs-python.yaml > "$T/typo.yaml"
run "$VERDICT" check "$T/typo.yaml"
expect_rc "an unknown choice in an example exits 1" 1
expect_err "an unknown choice in an example says which, with a hint" \
	"question 'app_kind' has no choice 'realtme'; did you mean 'realtime'?"

run "$VERDICT" check "$FIX/criteria/minimal.yaml" criteria/node-vs-python.yaml
expect_rc "check two valid files exits 0" 0

# Values as YAML 1.2 reads them: 0x0, +1, 8., 0o12, .5 and a subnormal
# 1e-320 are numbers in range; !!str and ! make text of what looks like a
# number or a boolean.
run "$VERDICT" check "$FIX/criteria/yaml12.yaml"
expect_rc "YAML 1.2 numbers and !!str text are accepted" 0
expect_out "YAML 1.2 numbers and !!str text: the title is the text 12" \
	"yaml12.yaml: ok: yaml12 (12): 2 options, 1 criterion, 0 questions"

run "$VERDICT" check "$FIX/criteria/minimal.yaml" "$T/missing.yaml"
expect_rc "a missing file exits 1" 1
expect_err "a missing file is named" "$T/missing.yaml: cannot open: No such file or directory"

run "$VERDICT" check "$T"
expect_rc "a directory exits 1" 1
expect_err "a directory is named" "is a directory"

run "$VERDICT" check
expect_rc "no file is a usage error" 2

run "$VERDICT" check --bogus x
expect_rc "an unknown option is a usage error" 2

run "$VERDICT" check --help
expect_rc "check --help exits 0" 0
expect_out "check --help shows usage" "usage: verdict check [--format text|json|github] FILE..."

run "$VERDICT" --version
expect_rc "--version exits 0" 0
expect_out "--version names verdict" "verdict "

run "$VERDICT" --help
expect_rc "--help exits 0" 0

run "$VERDICT" frobnicate
expect_rc "an unknown command is a usage error" 2

# Oversize files fail fast, with a position.
head -c 17000000 /dev/zero | tr '\0' 'a' > "$T/big.yaml"
run "$VERDICT" check "$T/big.yaml"
expect_rc "an oversize file exits 1" 1
expect_err "an oversize file is reported at 1:1" "$T/big.yaml:1:1: error: file is"

# Every bad fixture fails with its expected first line (tests/fixtures/bad/*.expect).
for f in "$FIX"/bad/*.yaml; do
	[ -f "$f" ] || continue
	name=$(basename "$f" .yaml)
	run "$VERDICT" check "$f"
	want=$(sed "s|^|$f:|" "${f%.yaml}.expect")
	got=$(cat "$T/err")
	if [ "$rc" = 1 ] && [ "$got" = "$want" ]; then
		ok "bad/$name reported exactly"
	else
		not_ok "bad/$name reported exactly" "exit $rc" "want: $want"
	fi
done

# Every line indented with a tab is reported, up to the limit of 100 errors,
# and the rest counted.
{
	printf 'verdict: 1\nid: tabs\ntitle: Tabs\noptions:\n'
	i=0
	while [ $i -lt 150 ]; do
		printf '\t- id: o%d\n' $i
		i=$((i + 1))
	done
} >"$T/tabs.yaml"
run "$VERDICT" check "$T/tabs.yaml"
expect_rc "a file indented with tabs exits 1" 1
expect_eq "each tab in the indentation is an error, up to 100" \
	"$(grep -c "^$T/tabs.yaml:[0-9]*:1: error: tab character in the indentation" "$T/err")" 100
expect_eq "the tabs past 100 are counted" "$(tail -n 1 "$T/err")" \
	"$T/tabs.yaml: error: 50 more errors not shown"
expect_eq "the first tab reported is the first line's, the last the 100th's" \
	"$(sed -n '1p;100p' "$T/err" | cut -d: -f2 | tr '\n' ' ')" "5 104 "
