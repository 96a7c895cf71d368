# store_pairwise.sh - a session that weighs by comparing criteria in pairs,
# in the store (schema version 4): `score --save` keeps its comparisons, and
# `show` and `export` score it exactly as `score` did; its revisions list
# and bring back the comparisons; a copy has them; a stored comparison its
# criteria do not know is damage.
. "$(dirname "$0")/../lib/verdict.sh"
. "$(dirname "$0")/../lib/db.sh"

export VERDICT_NOW=1700000000 VERDICT_BUSY_TIMEOUT_MS=2000
V=$VERDICT
DB="$T/sessions.db"
SHOP="$FIX/personas/ecommerce.yaml"

# ---- comparisons put in behind verdict's back, as the walk-through saves them ----
run "$V" score -a "$SHOP" --save
expect_err "a session is saved" "saved as session 1"
sql "$DB" "
UPDATE sessions SET weighting = 'pairwise' WHERE id = 1;
INSERT INTO judgments (session_id, level, a, b, value) VALUES
  (1, 'criteria', 'speed', 'architecture', 3),
  (1, 'groups', 'Technical', 'Product', 0.2),
  (1, 'criteria', 'syntax', 'libraries', 5);
INSERT INTO revisions (session_id, rev, kept, project, respondent, notes, status, step,
  winner_name, updated, weighting) SELECT id, 1, 1700000100, project, respondent, notes,
  status, step, winner_name, updated, 'ratings' FROM sessions WHERE id = 1;
INSERT INTO revisions (session_id, rev, kept, project, respondent, notes, status, step,
  winner_name, updated, weighting) SELECT id, 2, 1700000200, project, respondent, notes,
  status, step, winner_name, updated, 'pairwise' FROM sessions WHERE id = 1;
INSERT INTO revision_choices (session_id, rev, question, choice)
  SELECT r.session_id, r.rev, c.question, c.choice FROM choices c
  JOIN revisions r ON r.session_id = c.session_id WHERE c.session_id = 1;
INSERT INTO revision_judgments VALUES
  (1, 2, 1, 'criteria', 'architecture', 'speed', 3),
  (1, 2, 2, 'groups', 'Technical', 'Product', 0.2),
  (1, 2, 3, 'criteria', 'libraries', 'learning_curve', 7);"

run "$V" show 1 --revisions
expect_rc "show --revisions of a pairwise session exits 0" 0
cat >"$T/want" <<'EOF'

Revision 1, kept 2023-11-14 22:15 UTC (answers of 2023-11-14 22:13 UTC): complete, winner Node.js
    Weighing: a weight for each criterion (now comparing criteria in pairs)
    Raw speed against Many users and live updates: not compared (now 3)
    Technical against Product: not compared (now 1/5)
    Readable code against Ready-made packages: not compared (now 5)

Revision 2, kept 2023-11-14 22:16 UTC (answers of 2023-11-14 22:13 UTC): complete, winner Node.js
    Many users and live updates against Raw speed: 3 (now 1/3)
    Ready-made packages against Getting people up to speed: 7 (now not compared)
    Readable code against Ready-made packages: not compared (now 5)
EOF
sed -n '3,$p' "$T/out" >"$T/got"
if cmp -s "$T/got" "$T/want"; then ok "each revision's comparisons that differ from now, in plain words"
else not_ok "each revision's comparisons that differ from now, in plain words" "$(diff "$T/want" "$T/got")"; fi

run "$V" show 1 --revisions --format json
got=$(python3 -c 'import json, sys
for r in json.load(sys.stdin)["revisions"]:
    print(r["rev"], r["weighting"], " ".join("%s:%s/%s=%g" % (j["level"], j["a"], j["b"], j["value"]) for j in r["judgments"]))' <"$T/out")
expect_eq "show --revisions --format json gives each revision's weighting and comparisons" "$got" \
"1 ratings 
2 pairwise criteria:architecture/speed=3 groups:Technical/Product=0.2 criteria:libraries/learning_curve=7"

# judgments ID: the comparisons of session ID in the database, in order.
judgments() {
	python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
w = c.execute("SELECT weighting FROM sessions WHERE id = ?", (sys.argv[2],)).fetchone()[0]
print(w, " ".join("%s:%s/%s=%g" % r for r in c.execute(
    "SELECT level, a, b, value FROM judgments WHERE session_id = ? ORDER BY seq", (sys.argv[2],))))' \
	"$DB" "$1"
}

run "$V" copy 1 --project "Scenario B"
expect_out "copy of a pairwise session" "Copied session 1 to session 2."
expect_eq "the copy has the weighting and the comparisons, in order" "$(judgments 2)" \
	"pairwise criteria:speed/architecture=3 groups:Technical/Product=0.2 criteria:syntax/libraries=5"

run "$V" revert 1 2
expect_rc "revert to the revision with other comparisons exits 0" 0
expect_out "revert says where the answers went" "the answers it had are kept as revision 3"
expect_eq "revert brings back the revision's comparisons, in order" "$(judgments 1)" \
	"pairwise criteria:architecture/speed=3 groups:Technical/Product=0.2 criteria:libraries/learning_curve=7"
run "$V" revert 1 1
expect_eq "revert to a rated revision: ratings, no comparisons" "$(judgments 1)" "ratings "
run "$V" revert 1 3
expect_eq "revert to the revision kept by a revert" "$(judgments 1)" \
	"pairwise criteria:speed/architecture=3 groups:Technical/Product=0.2 criteria:syntax/libraries=5"

# ---- damage: a comparison its own criteria do not know ----
cp "$DB" "$T/damaged.db"
sql "$T/damaged.db" "UPDATE judgments SET a = 'sped' WHERE session_id = 1 AND a = 'speed'"
run "$V" --db "$T/damaged.db" show 1
expect_rc "a stored comparison of an unknown criterion is damage" 3
expect_err "it names the comparison and the file" \
	"session 1: stored comparison of criteria 'sped' with 'architecture' does not fit its criteria: $T/damaged.db is damaged"
cp "$DB" "$T/damaged.db"
sql "$T/damaged.db" "UPDATE judgments SET b = 'Marketing' WHERE session_id = 1 AND level = 'groups'"
run "$V" --db "$T/damaged.db" export 1 --format json
expect_rc "a stored comparison of an unknown group is damage" 3
expect_err "it names the group" "stored comparison of groups 'Technical' with 'Marketing'"
cp "$DB" "$T/damaged.db"
sql "$T/damaged.db" "UPDATE judgments SET level = 'groups' WHERE session_id = 1 AND a = 'speed'"
before=$(digest "$T/damaged.db")
run "$V" --db "$T/damaged.db" show 1
expect_rc "criteria compared as groups is damage" 3
expect_eq "reading damage writes nothing" "$(digest "$T/damaged.db")" "$before"

# ---- score --save of a pairwise answers file, then show and export ----
cat >"$T/pairwise.yaml" <<'EOF'
criteria: node-vs-python
project: Pairs
choices: { app_kind: ecommerce, team_skills: both }
pairwise:
  - [speed, architecture, 3]
  - [scalability, speed, 1/5]
  - [syntax, libraries, 1/5]
  - [Technical, Product, 2]
  - [Team & ecosystem, Technical, 1/3]
  - [universality, use_cases, 2]
  - [ai_ml, universality, 1/3]
EOF
run "$V" score -a "$T/pairwise.yaml" --format json
expect_rc "score of a pairwise answers file exits 0" 0
cp "$T/out" "$T/score.json"
run "$V" score -a "$T/pairwise.yaml" --save
expect_rc "score --save of a pairwise answers file exits 0" 0
id=$(sed -n 's/^saved as session //p' "$T/err")
expect_eq "it keeps the comparisons as given, in order" "$(judgments "$id")" \
	"pairwise criteria:speed/architecture=3 criteria:scalability/speed=0.2 criteria:syntax/libraries=0.2 groups:Technical/Product=2 groups:Team & ecosystem/Technical=0.333333 criteria:universality/use_cases=2 criteria:ai_ml/universality=0.333333"
run "$V" show "$id" --format json
cp "$T/out" "$T/show.json"
run "$V" export "$id" --format json
cp "$T/out" "$T/export.json"
# same FILE: the result's parts in FILE, a score or a report in JSON.
same() {
	python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
keys = ("weighting", "weights", "weight_shares", "pairwise", "ranking", "winner", "margin",
        "strength", "breakdown", "methods", "methods_agree", "methods_text")
# Of each breakdown row, the numbers (a report says more of each criterion).
d["breakdown"] = [{k: row[k] for k in ("criterion", "weight", "weight_source", "ratings",
                  "contributions")} for row in d["breakdown"]]
print(json.dumps([d.get(k) for k in keys], sort_keys=True))' "$1"
}
want=$(same "$T/score.json")
expect_eq "show --format json scores the stored pairwise session as score did" \
	"$(same "$T/show.json")" "$want"
expect_eq "export --format json scores it as score did" "$(same "$T/export.json")" "$want"
got=$(python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
print(d["weighting"], d["winner"], round(d["weight_shares"]["speed"], 6), d["methods_agree"])' "$T/show.json")
expect_eq "show gives the stored session's weighting, winner and shares" "$got" \
	"pairwise node 0.355731 True"
# The text: show's result is score's, after the answers.
run "$V" score -a "$T/pairwise.yaml"
cp "$T/out" "$T/score.txt"
run "$V" show "$id"
tail -n "$(wc -l <"$T/score.txt")" "$T/out" >"$T/show.txt"
if cmp -s "$T/show.txt" "$T/score.txt"; then ok "show's text gives score's result"
else not_ok "show's text gives score's result" "$(diff "$T/score.txt" "$T/show.txt" | head -20)"; fi
