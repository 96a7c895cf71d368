# diff.sh - 'verdict diff': two saved sessions (their differences, each
# one's exact share of the change in the margin, the closing sentence, as
# text and JSON); two versions of a criteria file (the default set with one
# rating changed, with --examples naming the examples that change), read
# from a FIFO and from two git revisions through process substitution; a
# bad file's positioned error; hostile text shown safely; reading writes
# nothing; usage errors.
. "$(dirname "$0")/../lib/verdict.sh"
. "$(dirname "$0")/../lib/db.sh"

export VERDICT_NOW=1700000000
V=$VERDICT
DB="$T/sessions.db"
WE="$FIX/criteria/worked-example.yaml"
DEF="$(dirname "$0")/../../criteria/node-vs-python.yaml"
G="$FIX/golden/diff"

# ---- two sessions ----
cat >"$T/a1.yaml" <<'EOF'
criteria: worked-example
project: Chat
EOF
cat >"$T/a2.yaml" <<'EOF'
criteria: worked-example
project: Chat with smart replies
choices: { app_kind: realtime }
weights: { ai_ml: 4 }
EOF
run "$V" score -c "$WE" -a "$T/a1.yaml" --save
expect_err "the first session is saved" "saved as session 1"
run "$V" score -c "$WE" -a "$T/a2.yaml" --save
expect_err "the second session is saved" "saved as session 2"

before=$(digest "$DB")
run "$V" diff 1 2
expect_rc "diff of two sessions exits 0" 0
expect_golden "diff of two sessions, as text" "$T/out" "$G/sessions.txt"
expect_out "it ends in one sentence naming the largest share" \
	"Python still wins, 10.6 points further ahead of Node.js, because Machine learning went from Minor to Very important."
run "$V" diff 1 2 --format json
expect_rc "diff --format json exits 0" 0
expect_golden "diff of two sessions, as JSON" "$T/out" "$G/sessions.json"
cp "$T/out" "$T/d.json"
# The shares add up to the change in the margin, and each is the one worked
# out by hand in docs/scoring.md (8095/396 and -3895/396).
run python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
a = d["attribution"]
total = sum(s["value"] for s in a["shares"])
assert abs(total - (a["to"] - a["from"])) < 1e-9, (total, a)
assert abs(a["from"] - 20 / 3) < 1e-9 and abs(a["to"] - 190 / 11) < 1e-9, a
vals = sorted(s["value"] for s in a["shares"])
assert abs(vals[0] + 3895 / 396) < 1e-9 and abs(vals[1] - 8095 / 396) < 1e-9, vals
assert a["first"] == "python" and a["second"] == "node", a
for x in d["differences"]:
    if x["kind"] in ("answer", "weight"):
        assert a["shares"][x["share"]]["difference"] == d["differences"].index(x), x
print("ok")' "$T/d.json"
expect_out "the JSON shares add up to the change, as worked out by hand" "ok"
expect_eq "diff wrote nothing to the database" "$(digest "$DB")" "$before"
run "$V" diff 2 1 --exit-code
expect_rc "--exit-code: 1 when the sessions differ" 1
run "$V" diff 1 1 --exit-code
expect_rc "--exit-code: 0 when they do not" 0
expect_out "a session with itself has no differences" \
	"The two sessions have the same criteria text and answers."

# ---- two versions of the default criteria, one rating changed ----
sed 's/ratings: { node: 5, python: 8 }/ratings: { node: 5, python: 10 }/' "$DEF" >"$T/new.yaml"
run "$V" diff --criteria "$DEF" "$T/new.yaml"
expect_rc "diff --criteria exits 0" 0
sed "s|$DEF|OLD|; s|$T/new.yaml|NEW|" "$T/out" >"$T/out.txt"
expect_golden "diff --criteria, one rating changed" "$T/out.txt" "$G/criteria.txt"
run "$V" diff --criteria "$DEF" "$T/new.yaml" --examples
sed "s|$DEF|OLD|; s|$T/new.yaml|NEW|" "$T/out" >"$T/out.txt"
expect_golden "diff --criteria --examples names the examples that change" "$T/out.txt" \
	"$G/criteria-examples.txt"
expect_out "an example that changes winner is named" \
	"  No answers yet: no winner, too close to call (margin 0.0 points) -> Python by 1.4 points, too close to call"
run "$V" diff --criteria "$DEF" "$T/new.yaml" --examples --format json
expect_rc "diff --criteria --format json exits 0" 0
cp "$T/out" "$T/d.json"
run python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["differences"] == [{"kind": "rating", "id": "syntax", "name": "Readable code",
    "field": None, "option": "python", "other": None, "old": 8.0, "new": 10.0}], d["differences"]
changed = [e["name"] for e in d["examples"] if e["changed"]]
assert len(changed) == 8 and changed[0] == "No answers yet", changed
print("ok")' "$T/d.json"
expect_out "the JSON names the rating and the eight examples that change" "ok"
run "$V" diff --criteria "$DEF" "$T/new.yaml" --exit-code
expect_rc "--criteria --exit-code: 1 when the files differ" 1
run "$V" diff --criteria "$DEF" "$DEF" --exit-code --examples
expect_rc "--criteria --exit-code: 0 when they do not" 0
expect_out "the same file twice has no differences" "no differences"
expect_out "and no example changes" "Examples: 0 of 44 change winner or strength"

# ---- from a FIFO, and from git revisions ----
mkfifo "$T/old.fifo"
cat "$DEF" >"$T/old.fifo" &
run "$V" diff --criteria "$T/old.fifo" "$T/new.yaml"
wait
expect_rc "diff --criteria reads a FIFO" 0
expect_out "the FIFO's difference is found" "  Readable code (syntax): Python rated 8 -> 10"
if command -v git >/dev/null 2>&1 && command -v bash >/dev/null 2>&1; then
	R="$T/repo"
	mkdir -p "$R/criteria"
	cp "$DEF" "$R/criteria/x.yaml"
	(cd "$R" && git init -q && git add . &&
		git -c user.name=t -c user.email=t@t commit -qm one &&
		cp "$T/new.yaml" criteria/x.yaml &&
		git -c user.name=t -c user.email=t@t commit -qam two) >/dev/null 2>&1
	run bash -c 'cd "$1" && "$2" diff --criteria <(git show HEAD~1:criteria/x.yaml) criteria/x.yaml' \
		sh "$R" "$V"
	expect_rc "diff --criteria of two git revisions exits 0" 0
	expect_out "two git revisions: the rating changed" "  Readable code (syntax): Python rated 8 -> 10"
	expect_out "two git revisions: one difference" "criteria/x.yaml: 1 difference"
else
	skip "diff --criteria of two git revisions" "git or bash is not installed"
	skip "two git revisions: the rating changed" "git or bash is not installed"
	skip "two git revisions: one difference" "git or bash is not installed"
fi

# ---- a bad file: the loader's positioned error, exit 1 ----
sed 's/default_weight: 2$/default_weight: 9/' "$DEF" >"$T/bad.yaml"
line=$(grep -n 'default_weight: 9' "$T/bad.yaml" | head -1 | cut -d: -f1)
run "$V" diff --criteria "$DEF" "$T/bad.yaml"
expect_rc "a bad new file exits 1" 1
expect_err "its error is positioned" "$T/bad.yaml:$line:21: error:"
run "$V" diff --criteria "$T/bad.yaml" "$DEF"
expect_rc "a bad old file exits 1" 1
expect_err "its error is positioned too" "$T/bad.yaml:$line:21: error:"
expect_eq "nothing is printed on stdout" "$(wc -c <"$T/out")" 0
run "$V" diff --criteria "$T/missing.yaml" "$DEF"
expect_rc "a missing file exits 1" 1

# ---- usage ----
run "$V" diff 1
expect_rc "one session id is a usage error" 2
expect_err "it says what is missing" "verdict diff: name two sessions to compare"
run "$V" diff 1 2 --examples
expect_rc "--examples without --criteria is a usage error" 2
run "$V" diff 1 2 --format md
expect_rc "an unknown format is a usage error" 2
run "$V" diff 1 99
expect_rc "an unknown session exits 1" 1
expect_err "it names the session" "99"

# ---- hostile text ----
H="$FIX/hostile"
sed 's/ratings: { a: 8, b: 4 }/ratings: { a: 8, b: 6 }/' "$H/criteria.yaml" >"$T/hostile-new.yaml"
sed 's/choices: { q1: x }/choices: { q1: y }/' "$H/answers.yaml" >"$T/hostile-answers.yaml"
run "$V" score -c "$H/criteria.yaml" -a "$H/answers.yaml" --save
run "$V" score -c "$T/hostile-new.yaml" -a "$T/hostile-answers.yaml" --save
expect_err "a hostile session is saved" "saved as session 4"
for args in "--criteria $H/criteria.yaml $T/hostile-new.yaml --examples" "3 4" "3 1"; do
	for f in text json; do
		# shellcheck disable=SC2086
		run "$V" diff $args --format "$f"
		expect_rc "diff $f of hostile text exits 0" 0
		if LC_ALL=C grep -q "$(printf '[\033\007\177]')" "$T/out" "$T/err" ||
			grep -q "$(printf '\302\233\|\342\200\256\|\342\201\246')" "$T/out" "$T/err"; then
			not_ok "diff $f of hostile text shows no control"
		else
			ok "diff $f of hostile text shows no control"
		fi
	done
done
run "$V" diff 3 4
expect_out "a hostile name is shown escaped" 'Crit\u001b]52;c;aGk=\u0007one \u200f (c1): Opt\u009bB \u0007\u007f rated 4 -> 6'
run "$V" diff 3 1
expect_out "sessions of other options: no shares" \
	"No share of the margin for each difference: the two criteria texts do not offer the same options."
