# score.sh - verdict score on the command line: the JSON contract read with a
# real JSON parser, the personas, the text report and the other formats, exit
# codes.
. "$(dirname "$0")/../lib/verdict.sh"

WC="$FIX/criteria/worked-example.yaml"
WA="$FIX/answers/worked-example.yaml"

# json_check NAME CODE: CODE (Python, with the parsed stdout as d) raises
# nothing.
json_check() {
	if python3 -c "
import json, math, sys
d = json.load(open(sys.argv[1]))
$2" "$T/out" 2>"$T/py"; then
		ok "$1"
	else
		not_ok "$1" "$(tail -n 3 "$T/py")"
	fi
}

# ---- the JSON contract, on docs/scoring.md's worked example ----
run "$VERDICT" score -c "$WC" -a "$WA" --format json
expect_rc "score --format json exits 0" 0
json_check "json has the contract's keys" '
for k in ("criteria", "weights", "ranking", "winner", "margin", "strength", "breakdown",
          "sensitivity", "confidence"):
    assert k in d, k
assert d["criteria"] == {"id": "worked-example",
                         "title": "Node.js or Python for a small chat app?"}, d["criteria"]'
json_check "json weights are the effective weights" '
assert d["weights"] == {"speed": 5, "syntax": 1, "ai_ml": 4}, d["weights"]'
json_check "json ranking is descending with exact scores" '
r = d["ranking"]
assert [x["option"] for x in r] == ["python", "node"], r
assert [x["name"] for x in r] == ["Python", "Node.js"], r
assert abs(r[0]["score"] - 73) < 1e-9 and abs(r[1]["score"] - 59) < 1e-9, r'
json_check "json winner, margin, strength" '
assert d["winner"] == "python"
assert abs(d["margin"] - 14) < 1e-9
assert d["strength"] == "clear"'
json_check "json breakdown has ratings and contributions per option" '
b = {x["criterion"]: x for x in d["breakdown"]}
assert list(b) == ["speed", "syntax", "ai_ml"], list(b)
assert b["syntax"]["weight"] == 1
assert b["syntax"]["ratings"] == {"node": 7, "python": 8}, b["syntax"]
for c, want in (("speed", (40, 25)), ("syntax", (7, 8)), ("ai_ml", (12, 40))):
    got = b[c]["contributions"]
    assert abs(got["node"] - want[0]) < 1e-9 and abs(got["python"] - want[1]) < 1e-9, got
assert b["speed"]["weight_source"] == "profile" and b["ai_ml"]["weight_source"] == "person"'
json_check "json sensitivity: exact threshold, or null" '
s = {x["criterion"]: x for x in d["sensitivity"]}
assert abs(s["ai_ml"]["threshold"] - 2) < 1e-9 and s["ai_ml"]["new_winner"] == "node", s
assert s["ai_ml"]["weight"] == 4
for c in ("speed", "syntax"):
    assert s[c]["threshold"] is None and s[c]["new_winner"] is None, s[c]'
json_check "json confidence is 1 for this clear lead" '
assert d["confidence"] == 1 and d["trials"] >= 10000'
json_check "json extras: reasons, options, answers" '
assert [x["criterion"] for x in d["reasons"]] == ["ai_ml", "syntax"], d["reasons"]
assert d["reasons"][0]["text"].startswith("Machine learning (importance: Very important)")
assert d["project"] == "Chat with smart replies" and d["respondent"] == "Dana"
assert d["choices"] == {"app_kind": "realtime", "team": "javascript"}'

# The same example with no answers: weights 3, 2, 1.
echo '{}' > "$T/none.yaml"
run "$VERDICT" score -c "$WC" -a "$T/none.yaml" --format json
json_check "no answers: the defaults" '
assert d["weights"] == {"speed": 3, "syntax": 2, "ai_ml": 1}
assert abs(d["ranking"][0]["score"] - 410 / 6) < 1e-9, d["ranking"]
assert d["winner"] == "python" and d["strength"] == "leaning"
assert d["confidence"] == 0.755, d["confidence"]'

# ---- the personas against the default set ----
for p in realtime_js:node aiml_python:python government:python ecommerce:node; do
	name=${p%%:*}
	want=${p#*:}
	run "$VERDICT" score -a "$FIX/personas/$name.yaml" --format json
	expect_rc "persona $name exits 0" 0
	json_check "persona $name gets $want" "
assert d['winner'] == '$want', (d['winner'], d['ranking'])
assert d['criteria']['id'] == 'node-vs-python'"
done

# Default answers on the default set, from standard input.
echo '{}' | run "$VERDICT" score -a - --format json
expect_rc "answers from standard input" 0
json_check "default answers: every option ranked, scores 0..100" '
assert len(d["ranking"]) == 2 and all(0 <= x["score"] <= 100 for x in d["ranking"])
assert 0 <= d["confidence"] <= 1'

# ---- the explanation's keys, on the same example ----
run "$VERDICT" score -c "$WC" -a "$WA" --format json
json_check "json: the tipping step, its label and its result" '
s = {x["criterion"]: x for x in d["sensitivity"]}
assert s["ai_ml"]["step"] == 2 and s["ai_ml"]["step_label"] == "Moderate", s["ai_ml"]
assert s["ai_ml"]["step_winner"] is None and abs(s["ai_ml"]["threshold"] - 2) < 1e-9, s["ai_ml"]
assert s["ai_ml"]["step_strength"] == "too-close" and s["speed"]["step_strength"] is None
assert s["speed"]["step"] is None and s["speed"]["text"] == "No weight of Speed on the 0-5 scale changes the winner."'
json_check "json: what choosing Python gives up, against Node.js" '
assert [(g["criterion"], g["against"]) for g in d["give_up"]] == [("speed", "node")], d["give_up"]'
json_check "json: not dominant, with the answers counted" '
assert d["dominant"] is False and d["answered"] == 2'
json_check "json: every other answer, re-scored" '
lv = [(x["question"], x["choice"], x["winner"], x["strength"]) for x in d["answer_levers"]]
assert lv == [("app_kind", "other", "python", "clear"), ("team", "python", "python", "clear")], lv'
json_check "json: the causes of a weight and of a rating" '
b = {x["criterion"]: x for x in d["breakdown"]}
assert b["speed"]["weight_causes"] == [{"question": "app_kind", "choice": "realtime", "delta": 3.0}], b["speed"]
assert b["syntax"]["rating_causes"] == [{"question": "team", "choice": "javascript", "option": "node", "from": 5.0, "to": 7.0}], b["syntax"]
assert b["ai_ml"]["weight_story"] == "set by you to 4 (normally 1)" and b["ai_ml"]["weight_causes"] == []'

# ---- text and Markdown for people ----
run "$VERDICT" score -c "$WC" -a "$WA"
expect_rc "text exits 0" 0
expect_out "text: the recommendation" \
	"Recommendation: Python, clearly (margin 14.0 points, confidence 100%)."
expect_out "text: a reason" "Machine learning (importance: Very important): Python rates 10"
expect_out "text: what would change it, in the scale's words" \
	"  - It would be too close to call, with no winner, if Machine learning were"
expect_out "text: the step where the result changes, and the weight now" \
	"    Moderate (2) instead of Very important (4)."
expect_out "text: what would not" "No weight of Speed on the 0-5 scale changes the winner."
expect_out "text: the confidence" "Confidence: 100%. With every weight moved at random"
expect_out "text: block bars in a UTF-8 locale" "Python   █████"

LC_ALL=C run "$VERDICT" score -c "$WC" -a "$WA"
expect_out "text: ASCII bars otherwise" "Python   #####"

run "$VERDICT" score -c "$WC" -a "$WA" --format md
expect_rc "md exits 0" 0
expect_out "md: a heading" "# Node.js or Python for a small chat app?"
expect_out "md: the recommendation" \
	"Recommendation: Python, clearly (margin 14.0 points, confidence 100%)."
expect_out "md: the ranking table" "| 1 | Python | 73.0 |"
expect_out "md: the breakdown" "| Machine learning | 4 (Very important) | you | 3 (12.0) | 10 (40.0) |"

# The other reports are those of verdict export, for a session not saved.
run "$VERDICT" score -c "$WC" -a "$WA" --format html
expect_rc "html exits 0" 0
expect_out "html: a page" "<!DOCTYPE html>"
run "$VERDICT" score -c "$WC" -a "$WA" --format csv
expect_rc "csv exits 0" 0
expect_out "csv: a header row" "criterion,name,group,weight,weight_source"

run "$VERDICT" score -a "$FIX/personas/government.yaml"
expect_out "text: the government persona gets Python" "Recommendation: Python, clearly"

# ---- three options, and a tie ----
cat > "$T/three.yaml" <<'EOF'
verdict: 1
id: three
title: Which one?
options:
  - { id: a, name: Alpha }
  - { id: b, name: Beta }
  - { id: c, name: Gamma }
criteria:
  - { id: p, name: P, question: Q?, default_weight: 2, ratings: { a: 9, b: 6, c: 2 } }
  - { id: q, name: Q, question: Q?, default_weight: 2, ratings: { a: 4, b: 6, c: 3 } }
  - { id: r, name: R, question: Q?, default_weight: 1, ratings: { a: 5, b: 5, c: 10 } }
EOF
run "$VERDICT" score -c "$T/three.yaml" -a "$T/none.yaml" --format json
json_check "three options: ranking and the third option as challenger" '
assert [x["option"] for x in d["ranking"]] == ["a", "b", "c"]
s = {x["criterion"]: x for x in d["sensitivity"]}
assert abs(s["r"]["threshold"] - 3.2) < 1e-9 and s["r"]["new_winner"] == "c", s["r"]
assert abs(s["p"]["threshold"] - 4 / 3) < 1e-9 and s["p"]["new_winner"] == "b", s["p"]'
run "$VERDICT" score -c "$T/three.yaml" -a "$T/none.yaml"
expect_out "text: the third option wins at the next whole step past 3.2" \
	"  - Gamma would win if R were Very important (4) instead of Minor (1)."
expect_out "text: a tie, where no option leads, is a change too" \
	"  - It would be too close to call, with no winner, if Q were Important (3)"

printf 'weights: { p: 0, q: 0, r: 0 }\n' > "$T/zero.yaml"
cat > "$T/tieset.yaml" <<'EOF'
verdict: 1
id: tie
title: Level?
options:
  - { id: x, name: X }
  - { id: y, name: Y }
criteria:
  - { id: m, name: M, question: Q?, default_weight: 1, ratings: { x: 8, y: 5 } }
  - { id: n, name: N, question: Q?, default_weight: 1, ratings: { x: 5, y: 8 } }
EOF
run "$VERDICT" score -c "$T/tieset.yaml" -a "$T/none.yaml" --format json
expect_rc "a tie exits 0" 0
json_check "a tie: no winner, too close, no thresholds" '
assert d["winner"] is None and d["strength"] == "too-close" and d["margin"] == 0
assert all(x["threshold"] is None and x["new_winner"] is None for x in d["sensitivity"])'
run "$VERDICT" score -c "$T/tieset.yaml" -a "$T/none.yaml"
expect_out "text: a tie says so" "No recommendation: X and Y are too close to call (margin 0.0 points, under"

# ---- invalid input: exit 1, the reason on stderr ----
run "$VERDICT" score -c "$T/three.yaml" -a "$T/zero.yaml"
expect_rc "all weights zero exits 1" 1
expect_err "all weights zero is explained" "every criterion has weight 0"

printf 'criteria: node-vs-python\nchoices:\n  app_knd: realtime\n' > "$T/bad.yaml"
run "$VERDICT" score -a "$T/bad.yaml"
expect_rc "an unknown question exits 1" 1
expect_err "an unknown question is positioned" \
	"$T/bad.yaml:3:3: error: unknown question 'app_knd' in 'choices'; did you mean 'app_kind'?"

printf 'weights:\n  speed: 7\n' > "$T/bad.yaml"
run "$VERDICT" score -a "$T/bad.yaml"
expect_rc "a weight off the scale exits 1" 1
expect_err "a weight off the scale is positioned" \
	"$T/bad.yaml:2:10: error: 'speed' must be from 0 to 5, got 7"

run "$VERDICT" score -c "$WC" -a "$FIX/personas/ecommerce.yaml"
expect_rc "answers for other criteria exit 1" 1
expect_err "answers for other criteria are named" \
	"ecommerce.yaml:1:11: error: these answers are for criteria 'node-vs-python', but the criteria loaded are 'worked-example'"

printf 'choices: {app_kind: ai_ml\n' | run "$VERDICT" score -a -
expect_rc "broken YAML on standard input exits 1" 1
expect_err "standard input is named" "<stdin>:"

run "$VERDICT" score -a "$T/missing.yaml"
expect_rc "a missing answers file exits 1" 1
expect_err "a missing answers file is named" "$T/missing.yaml"

printf 'verdict: 1\nid: x\n' > "$T/badset.yaml"
run "$VERDICT" score -c "$T/badset.yaml" -a "$WA"
expect_rc "invalid criteria exit 1" 1
expect_err "invalid criteria are positioned" "$T/badset.yaml:1:1: error:"

# ---- usage: exit 2 ----
run "$VERDICT" score
expect_rc "no answers file is a usage error" 2
expect_err "no answers file is explained" "name the answers file with -a FILE"
run "$VERDICT" score -a "$WA" --format xml
expect_rc "an unknown format is a usage error" 2
expect_err "an unknown format is named" "unknown format 'xml'"
run "$VERDICT" score -a "$WA" extra
expect_rc "an extra argument is a usage error" 2
run "$VERDICT" score --bogus
expect_rc "an unknown option is a usage error" 2
run "$VERDICT" score -c - -a -
expect_rc "two inputs from standard input is a usage error" 2
run "$VERDICT" score --help
expect_rc "score --help exits 0" 0
expect_out "score --help shows usage" "usage: verdict score [-c CRITERIA] -a ANSWERS"
