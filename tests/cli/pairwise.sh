# pairwise.sh - weighing by comparisons in pairs through the command line:
# verdict score of an answers file with a pairwise list (the score JSON's
# weighting, weight_shares, pairwise and methods keys, and the text's
# lines), a contradicting file's hints, every error of the pairwise key at
# its FILE:LINE:COLUMN, and the reports of a saved pairwise session, which
# say what score said, with hostile group and criterion names escaped.
#
# tests/fixtures/answers/pairwise.yaml agrees with itself, so every share
# is exact: groups Technical 4/7, Team & ecosystem 2/7, Product 1/7; within
# Technical speed 4/7, architecture 2/7, scalability 1/7; within Team team
# 3/4, libraries 1/4; within Product universality 1/5, use_cases and ai_ml
# 2/5 each. Over 490: speed 160, architecture 80, scalability 40, team 105,
# libraries 35, universality 14, use_cases 28, ai_ml 28, six criteria 0.
# Node.js (ratings for an online shop) 8, 8, 7, 5, 8, 7, 9, 4: 3467/490,
# 70.755 out of 100; Python 5, 6, 6, 5, 7, 7, 4, 10: 2780/490, 56.735.
. "$(dirname "$0")/../lib/verdict.sh"

export VERDICT_NOW=1795701780   # 2026-11-26 14:03 UTC
PA="$FIX/answers/pairwise.yaml"
PI="$FIX/answers/pairwise-inconsistent.yaml"

# jq_ok NAME FILTER FILE: the jq FILTER (with $e the tolerance) is true of FILE.
jq_ok() {
	if [ "$(jq --argjson e 1e-9 "$2" "$3" 2>&1)" = true ]; then
		ok "$1"
	else
		not_ok "$1" "$(jq --argjson e 1e-9 "$2" "$3" 2>&1 | head -c 600)"
	fi
}
# expect_lines NAME FILE: FILE holds the lines of standard input, in a row.
expect_lines() {
	cat >"$T/want"
	if python3 -c 'import sys
got = open(sys.argv[1], encoding="utf-8").read()
want = open(sys.argv[2], encoding="utf-8").read()
sys.exit(0 if want in got else 1)' "$2" "$T/want"; then
		ok "$1"
	else
		not_ok "$1" "$(diff "$T/want" "$2" | head -n 20)"
	fi
}

# ---- score --format json: the contract's keys, exactly ----
run "$VERDICT" score -a "$PA" --format json
expect_rc "score of a pairwise answers file exits 0" 0
cp "$T/out" "$T/p.json"
jq_ok "weighting is pairwise" '.weighting == "pairwise"' "$T/p.json"
jq_ok "weight_shares add up to 1" '([.weight_shares[]] | add) - 1 | fabs < $e' "$T/p.json"
jq_ok "each criterion's share, over 490" '
  .weight_shares as $s
  | {speed: 160, architecture: 80, scalability: 40, team: 105, libraries: 35,
     universality: 14, use_cases: 28, ai_ml: 28, syntax: 0, learning_curve: 0,
     error_handling: 0, community: 0, extensibility: 0, maturity: 0}
  | to_entries | all(($s[.key] - .value / 490) | fabs < $e)
    and (($s | length) == 14)' "$T/p.json"
jq_ok "weights on the scale: the largest share at 5" \
	'(.weights.speed - 5 | fabs < $e) and (.weights.team - 3.28125 | fabs < $e)
	 and .weights.maturity == 0 and ([.breakdown[].weight_source] | unique) == ["pairwise"]' \
	"$T/p.json"
jq_ok "consistency of the least consistent matrix: 0, lambda 3, RI 0.58" \
	'.pairwise | (.consistency_ratio | fabs < $e) and (.lambda_max - 3 | fabs < $e)
	 and .random_index == 0.58 and .inconsistent == false and .hints == []' "$T/p.json"
jq_ok "filled: speed over scalability 4, universality over ai_ml 1/2" \
	'[.pairwise.filled[] | [.level, .a, .b, (.value * 1e6 | round / 1e6)]]
	 == [["criteria", "speed", "scalability", 4], ["criteria", "universality", "ai_ml", 0.5]]' \
	"$T/p.json"
jq_ok "next_question: speed vs scalability, in Technical (4/7 at stake)" \
	'.pairwise.next_question | .level == "criteria" and .a == "speed" and .b == "scalability"
	 and (.value - 4 | fabs < $e)' "$T/p.json"
jq_ok "left_out: the six criteria in no comparison" \
	'.pairwise.left_out == ["syntax", "learning_curve", "error_handling", "community",
	                        "extensibility", "maturity"]' "$T/p.json"
jq_ok "the groups' matrix first, its shares 4/7, 2/7, 1/7" \
	'.pairwise.matrices[0] | .level == "groups" and .group == null
	 and (.weights.Technical - 4 / 7 | fabs < $e)
	 and (.weights["Team & ecosystem"] - 2 / 7 | fabs < $e)
	 and (.weights.Product - 1 / 7 | fabs < $e)' "$T/p.json"
jq_ok "weighted sum: Node.js 3467/49, Python 2780/49" \
	'.methods.weighted_sum | .winner == "node" and (.scores.node - 3467 / 49 | fabs < $e)
	 and (.scores.python - 2780 / 49 | fabs < $e)' "$T/p.json"
jq_ok "the recommendation is the weighted sum" \
	'.winner == "node" and (.ranking[0].score - 3467 / 49 | fabs < $e)' "$T/p.json"
# The other two methods, worked again here from the ratings and shares.
if python3 - "$T/p.json" 2>"$T/py" <<'EOF'
import json, math, sys
d = json.load(open(sys.argv[1]))
share = d["weight_shares"]
rate = {b["criterion"]: b["ratings"] for b in d["breakdown"]}
ids = [k for k in share if share[k] > 0]
m = d["methods"]
for o in ("node", "python"):
    prod = 100 * math.prod((rate[k][o] / 10) ** share[k] for k in ids)
    assert abs(m["weighted_product"]["scores"][o] - prod) < 1e-9, (o, prod)
length = {k: math.hypot(rate[k]["node"], rate[k]["python"]) for k in ids}
v = {o: {k: share[k] * rate[k][o] / length[k] for k in ids} for o in ("node", "python")}
best = {k: max(v["node"][k], v["python"][k]) for k in ids}
worst = {k: min(v["node"][k], v["python"][k]) for k in ids}
for o in ("node", "python"):
    dp = math.sqrt(sum((v[o][k] - best[k]) ** 2 for k in ids))
    dm = math.sqrt(sum((v[o][k] - worst[k]) ** 2 for k in ids))
    assert abs(m["topsis"]["scores"][o] - 100 * dm / (dp + dm)) < 1e-9, o
assert [m[k]["winner"] for k in ("weighted_sum", "weighted_product", "topsis")] == ["node"] * 3
assert d["methods_agree"] is True
assert abs(m["weighted_product"]["scores"]["node"] - 68.97319257036807) < 1e-9
assert abs(m["topsis"]["scores"]["node"] - 78.0503587243245) < 1e-9
EOF
then
	ok "weighted product and TOPSIS as worked from the ratings; all three pick Node.js"
else
	not_ok "weighted product and TOPSIS as worked from the ratings; all three pick Node.js" \
		"$(tail -n 3 "$T/py")"
fi

# ---- the text: the same, in words ----
run "$VERDICT" score -a "$PA"
expect_rc "score's text exits 0" 0
expect_lines "the text's comparisons, whole" "$T/out" <<'EOF'
Recommendation: Node.js, clearly (margin 14.0 points, confidence 100%).

  Node.js  ████████████████████████████░░░░░░░░░░░░   70.8
  Python   ███████████████████████░░░░░░░░░░░░░░░░░   56.7

Your comparisons in pairs:
  - The consistency ratio says how much your comparisons contradict each
    other: 0 is not at all, and above 0.10 is too much to trust the weights
    they give.
  - Your comparisons of the groups: consistency ratio 0.00, so they hang
    together.
  - Your comparisons within Technical cannot be checked for contradictions
    yet: 2 comparisons link the 3 criteria with no way round, so there is
    nothing to check them against. One more comparison among them would allow
    a check.
  - Your comparisons within Product cannot be checked for contradictions yet:
    2 comparisons link the 3 criteria with no way round, so there is nothing
    to check them against. One more comparison among them would allow a check.
  - Within Technical, you compared 2 of the 3 pairs; verdict works out the
    other 1 from those: Raw speed matters about 4 times as much as Room to
    grow.
  - Within Product, you compared 2 of the 3 pairs; verdict works out the other
    1 from those: AI and data analysis matters about 2 times as much as Reach
    beyond the server.
  - The comparison that would help most next: Raw speed vs Room to grow. Until
    you give it, verdict takes it that Raw speed matters about 4 times as much
    as Room to grow.
  - Left out of your comparisons, so they count for nothing: Readable code,
    Getting people up to speed, Finding and fixing mistakes, Hiring and help,
    Frameworks and tools and Stability and long-term upkeep.
EOF
expect_lines "the text says the three methods agree" "$T/out" <<'EOF'
Checked three ways (adding up the weighted ratings, as the scores here do;
multiplying them, the weighted product; and TOPSIS, which looks at how near
each option comes to the best rating on every criterion and how far it stands
from the worst): all three pick Node.js.
EOF

expect_lines "weighed in pairs, what would change it speaks in shares of the weight" "$T/out" <<'EOF'
What would change it:
  - Python would edge ahead, too close to call, if AI and data analysis were
    25.7% of the weight instead of 5.7% (compare it higher with the others).
  - No weight of any of the other 13 criteria, up to that of your most
    important one, changes the winner.
EOF
if grep -q '^  - Raw speed (32.7% of the weight): Node.js rates 8 out of 10' "$T/out" &&
	! grep -q 'importance: ' "$T/out"; then
	ok "weighed in pairs, a reason gives the share of the weight, not a step of the scale"
else
	not_ok "weighed in pairs, a reason gives the share of the weight, not a step of the scale" \
		"$(grep -n 'of the weight)\|importance' "$T/out")"
fi

# ---- a file that contradicts itself: the planted comparison first ----
# Within Technical (speed, architecture, scalability, maturity compared):
# lambda_max 4.9311, CI (4.9311 - 4) / 3 = 0.3104, RI 0.90, CR 0.3449.
run "$VERDICT" score -a "$PI" --format json
expect_rc "a contradicting file still scores" 0
cp "$T/out" "$T/i.json"
jq_ok "CR above 0.10, from lambda_max and RI 0.90 for four" \
	'.pairwise | .inconsistent == true and .random_index == 0.9
	 and (.lambda_max - 4.931134555026985 | fabs < 1e-9)
	 and (.consistency_ratio - (.lambda_max - 4) / 3 / 0.9 | fabs < $e)
	 and (.consistency_ratio * 1e4 | round) == 3449' "$T/i.json"
jq_ok "the first hint is the planted comparison, with the value that fits" \
	'.pairwise.hints[0] | .level == "criteria" and .a == "speed" and .b == "scalability"
	 and (.given - 0.2 | fabs < $e) and .fit == 4 and (.consistency_ratio_after | fabs < $e)
	 and .text == "Raw speed vs Room to grow: you said Room to grow matters 5 times as much as Raw speed; your other answers suggest Raw speed matters about 4 times as much as Room to grow"' \
	"$T/i.json"
jq_ok "three hints at most, largest reduction first" \
	'.pairwise.hints | length == 3
	 and ([.[0:2], .[1:3]] | transpose
	      | all(.[0].consistency_ratio_after <= .[1].consistency_ratio_after + $e))' "$T/i.json"
jq_ok "the next question is at the top: Team & ecosystem vs Product, filled as 1" \
	'.pairwise.next_question | .level == "groups" and .a == "Team & ecosystem"
	 and .b == "Product" and (.value - 1 | fabs < $e)' "$T/i.json"
run "$VERDICT" score -a "$PI"
expect_lines "the text flags it and names the planted comparison" "$T/out" <<'EOF'
  - Your comparisons within Technical: consistency ratio 0.34, above 0.10:
    some of them contradict the others.
  - Raw speed vs Room to grow: you said Room to grow matters 5 times as much
    as Raw speed; your other answers suggest Raw speed matters about 4 times
    as much as Room to grow (with that, the ratio would be 0).
EOF
expect_lines "the warning comes right after the recommendation, naming the comparisons" "$T/out" <<'EOF'
Recommendation: Node.js, but too close to call (margin 0.8 points, confidence
61%).
Take care: some of your comparisons contradict each other, within Technical
(consistency ratio 0.34, above 0.10), most of all Raw speed vs Room to grow,
Raw speed vs Many users and live updates and Many users and live updates vs
Room to grow. Until you follow the hints under “Your comparisons in pairs”,
the weights, and this recommendation with them, are less trustworthy.
EOF
expect_lines "three groups linked by two comparisons: too few to check" "$T/out" <<'EOF'
  - Your comparisons of the groups cannot be checked for contradictions yet: 2
    comparisons link the 3 groups with no way round, so there is nothing to
    check them against. One more comparison among them would allow a check.
EOF
jq_ok "the JSON's warning is the same sentence; none where they agree" \
	'.warning | startswith("Take care: some of your comparisons contradict each other, within Technical (consistency ratio 0.34, above 0.10), most of all Raw speed vs Room to grow")' \
	"$T/i.json"
jq_ok "a file that agrees with itself has no warning" '.warning == null' "$T/p.json"
jq_ok "comparisons: each as given, in words" \
	'.comparisons[3] == {level: "criteria", a: "speed", b: "architecture", value: 2,
	                     text: "Raw speed matters 2 times as much as Many users and live updates"}' \
	"$T/p.json"
run "$VERDICT" score -a "$PA"
if grep -q '^Take care' "$T/out"; then
	not_ok "no warning where the comparisons agree" "$(grep -n 'Take care' "$T/out")"
else
	ok "no warning where the comparisons agree"
fi

# ---- every error of the pairwise key, at FILE:LINE:COLUMN, once ----
# bad NAME LINE: the answers in standard input are refused with exit 1 and
# exactly the one line LINE on stderr ($T/bad.yaml standing for the file).
bad() {
	cat >"$T/bad.yaml"
	run "$VERDICT" score -a "$T/bad.yaml"
	expect_rc "$1: exit 1" 1
	expect_eq "$1: the one message" "$(cat "$T/err")" "$T/bad.yaml:$2"
}
bad "an unknown id" "3:6: error: unknown criterion or group 'sped' in 'pairwise'; did you mean 'speed'?" <<'EOF'
criteria: node-vs-python
pairwise:
  - [sped, architecture, 3]
EOF
bad "a value off the scale" "3:27: error: a comparison's value must be a number on Saaty's scale: a whole number from 1 to 9, or the reciprocal of one, from 1/2 to 1/9 (written 1/5 or 0.2), got 12, which is not on the scale (it ends at 9)" <<'EOF'
criteria: node-vs-python
pairwise:
  - [speed, architecture, 12]
EOF
bad "a value that is not a number" "2:27: error: a comparison's value must be a number on Saaty's scale: a whole number from 1 to 9, or the reciprocal of one, from 1/2 to 1/9 (written 1/5 or 0.2), got 'much', which is not a number" <<'EOF'
pairwise:
  - [speed, architecture, much]
EOF
bad "a criterion compared with itself" "2:13: error: 'speed' is compared with itself; compare two different criteria" <<'EOF'
pairwise:
  - [speed, speed, 3]
EOF
bad "a repeat" "4:5: error: 'architecture' and 'speed' are compared twice (first at line 2); give each pair once" <<'EOF'
pairwise:
  - [speed, architecture, 3]
  - [speed, scalability, 3]
  - [architecture, speed, 1/3]
EOF
bad "a contradicting duplicate" "3:5: error: 'architecture' and 'speed' are compared again with another value: 1/2 here, 1/3 at line 2 (as 'architecture' over 'speed'); give each pair once, with the value you mean" <<'EOF'
pairwise:
  - [speed, architecture, 3]
  - [architecture, speed, 1/2]
EOF
bad "criteria of two groups" "2:5: error: 'speed' (group 'Technical') and 'syntax' (group 'Team & ecosystem') are in different groups: compare criteria only within their group, and compare their groups instead, as [Technical, Team & ecosystem, value]" <<'EOF'
pairwise:
  - [speed, syntax, 3]
EOF
bad "a criterion against a group" "2:13: error: 'speed' is a criterion and 'Product' a group: compare criteria with criteria of their own group, and groups with groups" <<'EOF'
pairwise:
  - [speed, Product, 3]
EOF
bad "an entry not a list of three" "2:5: error: each comparison in 'pairwise' must be a list of three items, [criterion or group, criterion or group, value], got a list of 2 items" <<'EOF'
pairwise:
  - [speed, architecture]
EOF
bad "pairwise and weights" "2:1: error: 'pairwise' and 'weights' cannot both be given: weigh the criteria either by a weight for each (weights) or by comparing them two at a time (pairwise)" <<'EOF'
weights: { speed: 3 }
pairwise:
  - [speed, architecture, 3]
  - [Technical, Product, 2]
  - [use_cases, ai_ml, 2]
EOF
bad "a group named in part, beside a group" "2:17: error: unknown criterion or group 'Team' in 'pairwise'; did you mean the group 'Team & ecosystem'?" <<'EOF'
pairwise:
  - [Technical, Team, 2]
EOF
bad "a value that shortens one of the scale" "2:27: error: a comparison's value must be a number on Saaty's scale: a whole number from 1 to 9, or the reciprocal of one, from 1/2 to 1/9 (written 1/5 or 0.2), got 0.3, which is not on the scale; did you mean 1/3?" <<'EOF'
pairwise:
  - [speed, architecture, 0.3]
EOF
# Both weighings given: that and every other error of the file, in one run.
S="a comparison's value must be a number on Saaty's scale: a whole number from 1 to 9, or the reciprocal of one, from 1/2 to 1/9 (written 1/5 or 0.2), got"
cat >"$T/bad.yaml" <<'EOF'
weights: { speed: 3, sintax: 2 }
pairwise:
  - [speed, architecture]
  - [speed, scalability, 1/0]
  - [speed, maturity, one]
  - [speed, Product, 3]
  - [Technical, Team, 2]
  - [speed, maturity, -3]
EOF
run "$VERDICT" score -a "$T/bad.yaml"
expect_rc "every error at once: exit 1" 1
expect_eq "every error at once: each at its place" "$(cat "$T/err")" "$T/bad.yaml:1:22: error: unknown criterion 'sintax' in 'weights'; did you mean 'syntax'?
$T/bad.yaml:2:1: error: 'pairwise' and 'weights' cannot both be given: weigh the criteria either by a weight for each (weights) or by comparing them two at a time (pairwise)
$T/bad.yaml:3:5: error: each comparison in 'pairwise' must be a list of three items, [criterion or group, criterion or group, value], got a list of 2 items
$T/bad.yaml:4:26: error: $S 1/0, which divides by zero
$T/bad.yaml:5:23: error: $S 'one', which is not a number
$T/bad.yaml:6:13: error: 'speed' is a criterion and 'Product' a group: compare criteria with criteria of their own group, and groups with groups
$T/bad.yaml:7:17: error: unknown criterion or group 'Team' in 'pairwise'; did you mean the group 'Team & ecosystem'?
$T/bad.yaml:8:23: error: $S -3, which is not on the scale (no value is negative: to say the second matters 3 times as much, write 1/3)"
bad "pairwise not a list" "1:11: error: 'pairwise' must be a list (items starting with '- '), got a mapping" <<'EOF'
pairwise: { speed: 3 }
EOF
bad "an empty list" "1:1: error: 'pairwise' lists no comparisons: compare the criteria two at a time within each group, as [architecture, speed, 3] (architecture matters 3 times as much as speed), and then the groups, as [Technical, Team & ecosystem, 2]; to rate each criterion instead, use 'weights'" <<'EOF'
pairwise: []
EOF
bad "the groups never compared" "1:1: error: the groups are not compared with each other: compare them two at a time too, as [Technical, Team & ecosystem, 2], so that each group's criteria get their share (the groups are 'Technical', 'Team & ecosystem' and 'Product')" <<'EOF'
pairwise:
  - [speed, architecture, 3]
EOF
# The file of the report that found it: Product is compared, none of its
# criteria is.
bad "a compared group with none of its criteria compared" "8:17: error: group 'Product' is compared with other groups, but none of its criteria is compared: compare 'universality', 'use_cases' and 'ai_ml' two at a time, as [universality, use_cases, value], so that they share the group's weight" <<'EOF'
choices: { app_kind: realtime }
pairwise:
  - [speed, architecture, 3]
  - [architecture, scalability, 1/2]
  - [speed, scalability, 7]
  - [error_handling, maturity, 1]
  - [speed, maturity, 5]
  - [Technical, Product, 2]
  - [Product, "Team & ecosystem", 1/3]
  - [syntax, team, 1/5]
EOF
bad "a group's criteria split into unlinked sets" "1:1: error: the comparisons within group 'Technical' do not link every criterion they name: 'error_handling', 'maturity' are not linked to the others by any chain of comparisons; compare one of them with one of the others" <<'EOF'
pairwise:
  - [speed, architecture, 3]
  - [error_handling, maturity, 1]
  - [Technical, Product, 2]
  - [use_cases, ai_ml, 2]
EOF
# Three groups cannot fall apart at the top (any comparison of two of them
# names one of the other two); four can.
cat >"$T/four.yaml" <<'EOF'
verdict: 1
id: four-groups
title: Four groups
options:
  - { id: a, name: A }
  - { id: b, name: B }
criteria:
  - { id: w, name: W, group: North, question: Q?, default_weight: 3, ratings: { a: 8, b: 4 } }
  - { id: x, name: X, group: South, question: Q?, default_weight: 3, ratings: { a: 5, b: 7 } }
  - { id: y, name: Y, group: East, question: Q?, default_weight: 3, ratings: { a: 6, b: 6 } }
  - { id: z, name: Z, group: West, question: Q?, default_weight: 3, ratings: { a: 6, b: 2 } }
EOF
printf 'pairwise:\n  - [North, South, 2]\n  - [East, West, 1/2]\n' >"$T/bad.yaml"
run "$VERDICT" score -c "$T/four.yaml" -a "$T/bad.yaml"
expect_rc "groups unlinked at the top: exit 1" 1
expect_eq "groups unlinked at the top: the one message" "$(cat "$T/err")" \
	"$T/bad.yaml:1:1: error: the comparisons of groups do not link every group they name: 'East', 'West' are not linked to the others by any chain of comparisons; compare one of them with one of the others"
bad "criteria of a group not compared" "4:5: error: the criteria of group 'Product' are compared, but the group is not compared with any other group, so they would count for nothing: compare it with one of the others, as [Product, Technical, value]" <<'EOF'
pairwise:
  - [Technical, Team & ecosystem, 2]
  - [speed, architecture, 3]
  - [use_cases, ai_ml, 2]
  - [syntax, team, 1]
EOF

# ---- a saved pairwise session: every report says what score said ----
run "$VERDICT" score -a "$PA" --save
expect_rc "score --save of a pairwise file exits 0" 0
id=$(sed -n 's/^saved as session //p' "$T/err")
for f in md html json csv; do
	run "$VERDICT" export "$id" --format "$f"
	expect_rc "export --format $f exits 0" 0
	cp "$T/out" "$T/p.$f"
done
run "$VERDICT" score -a "$PA" --format json
cp "$T/out" "$T/score.json"
if python3 - "$T" 2>"$T/py" <<'EOF'
import csv, html, io, json, sys
t = sys.argv[1]
score = json.load(open(t + "/score.json"))
rep = json.load(open(t + "/p.json"))
for k in ("weighting", "weight_shares", "weights", "pairwise", "methods", "methods_agree",
          "winner", "margin"):
    assert rep[k] == score[k], k
lines = rep["pairwise_text"]
assert lines[-1] == ("Left out of your comparisons, so they count for nothing: Readable code, "
                     "Getting people up to speed, Finding and fixing mistakes, Hiring and help, "
                     "Frameworks and tools and Stability and long-term upkeep."), lines
assert ("The comparison that would help most next: Raw speed vs Room to grow. Until you give it, "
        "verdict takes it that Raw speed matters about 4 times as much as Room to grow.") in lines
given = [g["text"] for g in score["comparisons"]]
assert given[0] == "Technical matters 2 times as much as Team & ecosystem", given
assert given[7] == "Fit for your kind of product matters 2 times as much as Reach beyond the server", given
md = open(t + "/p.md", encoding="utf-8").read()
page = open(t + "/p.html", encoding="utf-8").read()
for line in lines:
    assert line in md.replace("\\", ""), ("md", line)
    assert html.escape(line, quote=False) in page, ("html", line)
assert "## Your comparisons in pairs\n\nYou said:\n\n- Technical matters 2 times as much as Team & ecosystem\n" in md
for g in given:
    assert "<li>" + html.escape(g, quote=False).replace("'", "&#39;") + "</li>" in page, ("html given", g)
# Weighed in pairs, the breakdown gives each criterion's share, not a scale word.
assert "| Raw speed | 32.7% of the weight | your comparisons |" in md, "md breakdown"
assert "| Readable code | 0% of the weight | your comparisons |" in md, "md breakdown 0"
assert "| **Score** | 100% in all |" in md
assert "From your comparisons: 32.7% of the whole weight." in md
assert "Does not matter" not in md and "Does not matter" not in page
assert '<td class="num">32.7%<span class="wlabel">of the weight</span></td>' in page
assert "JSON output" not in md and "JSON output" not in page
assert rep["methods_text"] in md.replace("\\", "") and html.escape(rep["methods_text"], quote=False) in page
rows = list(csv.DictReader(io.StringIO(open(t + "/p.csv", encoding="utf-8", newline="").read())))
total = rows[-1]
assert total["criterion"] == "total" and total["methods"] == rep["methods_text"]
assert total["comparisons"] == " ".join(lines), total["comparisons"]
assert total["given"] == "; ".join(given), total["given"]
assert total["warning"] == "" and all(r["given"] == "" and r["warning"] == "" for r in rows[:-1])
for r in rows[:-1]:
    assert abs(float(r["weight_share"]) - score["weight_shares"][r["criterion"]]) < 1e-6, r["criterion"]
    assert r["weight_source"] == "pairwise", r
EOF
then
	ok "md, html, json and csv say what score said"
else
	not_ok "md, html, json and csv say what score said" "$(tail -n 4 "$T/py")"
fi

# ---- hostile group and criterion names, in every report ----
# A group name and criterion names with an OSC sequence, a BEL, the 8-bit
# CSI, a bidirectional override and an isolate, and HTML and Markdown.
cat >"$T/hostile.yaml" <<'EOF'
verdict: 1
id: hostile-pairs
title: Hostile pairs
options:
  - { id: a, name: A }
  - { id: b, name: B }
criteria:
  - { id: h1, name: "One \e]0;x\a <b>*_|", group: "G <script>x</script> \e[5m \u202e", question: Q?, default_weight: 3, ratings: { a: 8, b: 4 } }
  - { id: h2, name: "Two [l](u) \x9b", group: "G <script>x</script> \e[5m \u202e", question: Q?, default_weight: 3, ratings: { a: 5, b: 7 } }
  - { id: h3, name: "Three &amp; #x", group: "G <script>x</script> \e[5m \u202e", question: Q?, default_weight: 3, ratings: { a: 6, b: 6 } }
  - { id: h4, name: "Four \u2066left", group: "G <script>x</script> \e[5m \u202e", question: Q?, default_weight: 3, ratings: { a: 6, b: 2 } }
  - { id: p1, name: Plain, group: Plain, question: Q?, default_weight: 2, ratings: { a: 3, b: 9 } }
EOF
cat >"$T/hostile-answers.yaml" <<'EOF'
pairwise:
  - [h1, h2, 3]
  - [h2, h3, 1/2]
  - ["G <script>x</script> \e[5m \u202e", Plain, 2]
EOF
run "$VERDICT" score -c "$T/hostile.yaml" -a "$T/hostile-answers.yaml"
expect_rc "hostile names: score exits 0" 0
expect_lines "hostile names: the terminal shows visible escapes" "$T/out" <<'EOF'
  - Your comparisons within G <script>x</script> \u001b[5m \u202e cannot be
    checked for contradictions yet: 2 comparisons link the 3 criteria with no
    way round, so there is nothing to check them against. One more comparison
    among them would allow a check.
  - Within G <script>x</script> \u001b[5m \u202e, you compared 2 of the 3
    pairs; verdict works out the other 1 from those: One \u001b]0;x\u0007
    <b>*_| matters about 1.5 times as much as Three &amp; #x.
  - The comparison that would help most next: One \u001b]0;x\u0007 <b>*_| vs
    Three &amp; #x. Until you give it, verdict takes it that One
    \u001b]0;x\u0007 <b>*_| matters about 1.5 times as much as Three &amp; #x.
EOF
run "$VERDICT" score -c "$T/hostile.yaml" -a "$T/hostile-answers.yaml" --save
hid=$(sed -n 's/^saved as session //p' "$T/err")
for f in md html json csv; do
	run "$VERDICT" export "$hid" --format "$f"
	cp "$T/out" "$T/h.$f"
done
if python3 - "$T" 2>"$T/py" <<'EOF'
import csv, io, json, sys
t = sys.argv[1]
raw = {f: open("%s/h.%s" % (t, f), "rb").read() for f in ("md", "html", "json", "csv")}
for f, data in raw.items():
    for b in (b"\x1b", b"\x07", b"\xc2\x9b", "\u202e".encode(), "\u2066".encode()):
        assert b not in data, (f, b)
md = raw["md"].decode()
assert ("- Your comparisons within G \\<script\\>x\\</script\\> \ufffd\\[5m \ufffd cannot "
        "be checked for contradictions yet") in md, "md group"
assert ("Three \\&amp; \\#x. Until you give it, verdict takes it that One \ufffd\\]0;x\ufffd "
        "\\<b\\>\\*\\_\\| matters about 1.5 times as much as Three \\&amp; \\#x." in md), "md criteria"
page = raw["html"].decode()
assert "<script>" not in page.split("</style>", 1)[1], "html script"
assert ("Your comparisons within G &lt;script&gt;x&lt;/script&gt; \ufffd[5m \ufffd cannot "
        "be checked") in page, "html group"
assert "One \ufffd]0;x\ufffd &lt;b&gt;*_| vs Three &amp;amp; #x" in page, "html criteria"
rep = json.loads(raw["json"])
assert rep["pairwise"]["matrices"][1]["group"] == "G <script>x</script> \x1b[5m \u202e"
assert rep["pairwise"]["left_out"] == ["h4"]
assert any("One \x1b]0;x\x07 <b>*_| matters about 1.5 times as much as Three &amp; #x." in l
           for l in rep["pairwise_text"])
rows = list(csv.DictReader(io.StringIO(raw["csv"].decode(), newline="")))
assert rows[0]["group"] == "G <script>x</script> \ufffd[5m \ufffd", rows[0]["group"]
assert ("One \ufffd]0;x\ufffd <b>*_| matters about 1.5 times as much as Three &amp; #x."
        in rows[-1]["comparisons"])
EOF
then
	ok "hostile names: escaped in md, html, json and csv"
else
	not_ok "hostile names: escaped in md, html, json and csv" "$(tail -n 4 "$T/py")"
fi

# ---- a rounded figure never contradicts the word beside it ----
# X alone favours A, Y alone B: a margin of 100 (5 - y) / (5 + y). With y
# 4.2629 it is 7.9576 points, leaning (clear from 8): never "8.0"; with y
# 4.95055 it is 0.4970, a tie (under 0.5): never "0.5".
cat >"$T/margins.yaml" <<'EOF'
verdict: 1
id: margins
title: Margins
options:
  - { id: a, name: A }
  - { id: b, name: B }
criteria:
  - { id: x, name: X, question: Q?, default_weight: 1, ratings: { a: 10, b: 0 } }
  - { id: y, name: Y, question: Q?, default_weight: 1, ratings: { a: 0, b: 10 } }
EOF
printf 'weights: { x: 5, y: 4.2629 }\n' >"$T/m1.yaml"
run "$VERDICT" score -c "$T/margins.yaml" -a "$T/m1.yaml"
expect_lines "7.9576 points beside leaning reads 7.96" "$T/out" <<'EOF'
Recommendation: leaning towards A (margin 7.96 points, confidence 71%).
EOF
run "$VERDICT" score -c "$T/margins.yaml" -a "$T/m1.yaml" --format html
expect_lines "the html's lead says 7.96 beside Leaning" "$T/out" <<'EOF'
<div><dt>Lead</dt><dd>7.96</dd></div>
<div><dt>Strength</dt><dd>Leaning</dd></div>
EOF
printf 'weights: { x: 5, y: 4.95055 }\n' >"$T/m2.yaml"
run "$VERDICT" score -c "$T/margins.yaml" -a "$T/m2.yaml"
expect_lines "0.4970 points under a tie of 0.5 reads 0.497" "$T/out" <<'EOF'
No recommendation: A and B are too close to call (margin 0.497 points, under
0.5).
EOF

# ---- verdict show of a pairwise session lists the comparisons in words ----
run "$VERDICT" show "$id"
expect_rc "show of a pairwise session exits 0" 0
expect_lines "show lists what the person said, in words" "$T/out" <<'EOF'
Weighed by comparing the criteria in pairs; you said:
  - Technical matters 2 times as much as Team & ecosystem
  - Team & ecosystem matters 2 times as much as Product
  - Technical matters 4 times as much as Product
  - Raw speed matters 2 times as much as Many users and live updates
  - Many users and live updates matters 2 times as much as Room to grow
  - Your team's skills matters 3 times as much as Ready-made packages
  - Fit for your kind of product and AI and data analysis matter about equally
  - Fit for your kind of product matters 2 times as much as Reach beyond the server
EOF
if grep -q 'Weights set by the person' "$T/out"; then
	not_ok "show does not say no weights were set" "$(grep -n 'Weights set' "$T/out")"
else
	ok "show does not say no weights were set"
fi
