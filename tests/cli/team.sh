# team.sh - verdict team: three respondents saved with `verdict score --save`
# combined into the group view of docs/scoring.md (the exact text, the JSON
# keys and figures), a session in progress left out, a pairwise group,
# hostile names in the reports, and the refusals: too few sessions and
# sessions on different criteria texts.
. "$(dirname "$0")/../lib/verdict.sh"
. "$(dirname "$0")/../lib/db.sh"
C="$FIX/criteria/worked-example.yaml"
A="$FIX/team"
GOLD="$FIX/golden"

for p in ana ben cy dee; do
	run "$VERDICT" score -c "$C" -a "$A/$p.yaml" --save
done
expect_err "the fourth session is saved" "saved as session 4"
# Dee's session goes back in progress, as if never finished.
sql "$VERDICT_DB" "UPDATE sessions SET status = 'in-progress' WHERE id = 4"

run "$VERDICT" team --project "chat APP"
expect_rc "team --project exits 0" 0
expect_golden "team --project is the group view worked out in docs/scoring.md" \
	"$T/out" "$GOLD/team.txt"

run "$VERDICT" team 1 2 3
expect_rc "team ID ID ID exits 0" 0
grep -v '^Left out' "$GOLD/team.txt" > "$T/want"
if cmp -s "$T/out" "$T/want"; then ok "team with ids says the same, with nothing left out"
else not_ok "team with ids says the same, with nothing left out"; fi

run "$VERDICT" team --project "Chat app" --format json
expect_rc "team --format json exits 0" 0
python3 - "$T/out" <<'PY' && ok "the JSON holds every documented key and the worked figures" || not_ok "the JSON keys and figures"
import json, math, sys
d = json.load(open(sys.argv[1]))
keys = {"format", "generated", "criteria", "project", "options", "respondents", "left_out",
        "method", "consistency_ratio", "weights", "shares", "choices", "ranking", "winner",
        "margin", "strength", "confidence", "trials", "recommendation", "method_text",
        "differing_answers", "spread", "consensus", "change_of_mind"}
assert set(d) == keys, set(d) ^ keys
assert d["format"] == "verdict-team/1"
assert set(d["criteria"]) == {"id", "title", "sha256"}
assert d["project"] == "Chat app"
assert d["method"] == "mean" and d["consistency_ratio"] is None
close = lambda a, b: abs(a - b) < 1e-9
assert close(d["weights"]["speed"], 4) and close(d["weights"]["syntax"], 2)
assert close(d["weights"]["ai_ml"], 8 / 3)
assert [r["option"] for r in d["ranking"]] == ["python", "node"]
assert close(d["ranking"][0]["score"], 1880 / 26) and close(d["ranking"][1]["score"], 1500 / 26)
assert d["winner"] == "python" and d["strength"] == "clear"
r = d["respondents"]
assert [x["session"] for x in r] == [1, 2, 3]
assert set(r[0]) == {"session", "respondent", "name", "weighting", "choices", "weights",
                     "scores", "winner", "margin", "strength", "result"}, set(r[0])
assert [x["winner"] for x in r] == ["python", "python", "node"]
assert d["left_out"] == [{"session": 4, "name": "Dee", "status": "in-progress"}]
s = d["spread"]
assert [x["criterion"] for x in s] == ["ai_ml", "speed", "syntax"]
assert set(s[0]) == {"criterion", "name", "group", "mean", "min", "max", "sd"}
assert close(s[0]["sd"], math.sqrt(32) / 3) and close(s[1]["sd"], math.sqrt(2))
assert (s[0]["min"], s[0]["max"]) == (0, 4)
c = d["consensus"]
assert set(c) == {"value", "word", "h_alpha", "h_beta", "h_gamma", "text"}
assert abs(c["value"] - 0.71166) < 5e-6 and c["word"] == "moderate"
m = d["change_of_mind"]
assert set(m) == {"respondents", "runner_up", "champion", "who", "text"}
assert m["respondents"] == 1 and m["champion"] == 3 and m["who"] == [2]
assert m["runner_up"] == "node"
a = d["differing_answers"]
assert len(a) == 1 and a[0]["question"] == "app_kind" and a[0]["group_choice"] == "realtime"
assert set(a[0]) == {"question", "group_choice", "answers", "text"}
assert d["choices"] == {"app_kind": "realtime", "team": None}
PY

# A pairwise group: the geometric mean of the comparisons (AIJ).
run "$VERDICT" score -c "$C" -a "$A/pairs-1.yaml" --save
run "$VERDICT" score -c "$C" -a "$A/pairs-2.yaml" --save
run "$VERDICT" team --project Pairs --format json
expect_rc "a pairwise group exits 0" 0
python3 - "$T/out" <<'PY' && ok "a pairwise group is combined by AIJ, with its consistency ratio" || not_ok "a pairwise group is AIJ"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["method"] == "aij", d["method"]
assert abs(d["consistency_ratio"]) < 1e-9, d["consistency_ratio"]
for k, v in (("speed", 4 / 7), ("syntax", 2 / 7), ("ai_ml", 1 / 7)):
    assert abs(d["shares"][k] - v) < 1e-9, (k, d["shares"])
assert all(r["weighting"] == "pairwise" for r in d["respondents"])
PY
run "$VERDICT" team --project Pairs
expect_out "the text says how a pairwise group is weighed" \
	"Group weights: from the geometric mean of the 2 respondents' comparisons, pair"

# Hostile names: inert in every format.
run "$VERDICT" score -c "$C" -a "$A/hostile.yaml" --save
run "$VERDICT" score -c "$C" -a "$A/plain.yaml" --save
run "$VERDICT" team --project Hostile --format html
expect_rc "team --format html exits 0" 0
if grep -q '<script>' "$T/out" || grep -q "$(printf '\033')" "$T/out" \
	|| grep -q "$(printf '\342\200\256')" "$T/out"; then
	not_ok "the HTML has no raw markup, escape or reordering mark from a name"
else
	ok "the HTML has no raw markup, escape or reordering mark from a name"
fi
expect_out "the HTML shows the name escaped" "&lt;script&gt;alert(1)&lt;/script&gt; *bold* |"
if grep -qE '(src|href)=|@import|url\(' "$T/out"; then
	not_ok "the HTML loads nothing from elsewhere"
else
	ok "the HTML loads nothing from elsewhere"
fi
expect_out "the HTML has a chart of each respondent's weights" \
	"<title id=\"weights-title\">Each respondent's weight of each criterion"
run "$VERDICT" team --project Hostile --format md
expect_rc "team --format md exits 0" 0
expect_out "the Markdown shows the name escaped" \
	'\<script\>alert(1)\</script\> \*bold\* \| �\[31mred �evil'
if grep -q '<script>' "$T/out" || grep -q "$(printf '\033')" "$T/out"; then
	not_ok "the Markdown has no raw markup or escape from a name"
else
	ok "the Markdown has no raw markup or escape from a name"
fi
run "$VERDICT" team --project Hostile
expect_out "the terminal text shows the escape, inert" \
	'<script>alert(1)</script> *bold* | \u001b[31mred \u202eevil (session'
run "$VERDICT" team --project Hostile --format json
python3 - "$T/out" <<'PY' && ok "the JSON keeps the name exactly" || not_ok "the JSON keeps the name exactly"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["respondents"][0]["respondent"] == "<script>alert(1)</script> *bold* | \x1b[31mred \u202eevil"
PY

# -o: a file written, never a database.
run "$VERDICT" team 1 2 3 --format md -o "$T/group.md"
expect_rc "team -o exits 0" 0
expect_eq "team -o writes nothing to standard output" "$(wc -c < "$T/out" | tr -d ' ')" 0
if grep -qF "# Group view: Chat app" "$T/group.md"; then ok "team -o writes the report"
else not_ok "team -o writes the report"; fi
before=$(digest "$VERDICT_DB")
run "$VERDICT" team 1 2 3 -o "$VERDICT_DB"
expect_rc "team -o onto the database exits 1" 1
expect_eq "the database is left as it was" "$(digest "$VERDICT_DB")" "$before"

# Too few finished sessions.
run "$VERDICT" team 1
expect_rc "one session is too few: exit 1" 1
expect_eq "one session is too few, and the message says so" "$(cat "$T/err")" \
	"verdict team: a group view needs at least two finished sessions, and only one is: session 1"
run "$VERDICT" team 1 4
expect_rc "a session not finished does not count: exit 1" 1
expect_eq "the session not finished is named" "$(cat "$T/err")" \
	"verdict team: a group view needs at least two finished sessions, and only one is: session 1 (not finished: session 4)"
run "$VERDICT" team --project "No such project"
expect_rc "a project with no sessions exits 1" 1
expect_err "a project with no sessions says so" "no sessions in project 'No such project'"
run "$VERDICT" team 1 99
expect_rc "an unknown session exits 1" 1
expect_err "an unknown session is named" "99"

# Different criteria texts are refused, naming which sessions use which.
sed 's/ratings: { node: 3, python: 10 }/ratings: { node: 4, python: 10 }/' "$C" > "$T/v2.yaml"
cmp -s "$C" "$T/v2.yaml" && not_ok "the second version of the criteria differs"
run "$VERDICT" score -c "$T/v2.yaml" -a "$A/ana.yaml" --save
expect_err "the session on the other text is 9" "saved as session 9"
run "$VERDICT" team --project "Chat app"
expect_rc "mixed criteria texts: exit 1" 1
h1=$(digest "$C" | cut -c1-12)
h2=$(digest "$T/v2.yaml" | cut -c1-12)
expect_eq "mixed criteria texts: the exact message, grouped by text" "$(cat "$T/err")" \
	"verdict team: the sessions do not share one criteria text: sessions 1, 2 and 3 use criteria text $h1, session 9 uses $h2; a group view combines answers to the same criteria, so name sessions that share one"
expect_eq "nothing is printed on standard output" "$(wc -c < "$T/out" | tr -d ' ')" 0
run "$VERDICT" team 9 2
expect_eq "mixed texts by id, in the order named" "$(cat "$T/err")" \
	"verdict team: the sessions do not share one criteria text: session 9 uses criteria text $h2, session 2 uses $h1; a group view combines answers to the same criteria, so name sessions that share one"

# Usage.
run "$VERDICT" team
expect_rc "team with nothing named is a usage error" 2
run "$VERDICT" team --project X 1 2
expect_rc "a project and ids is a usage error" 2
run "$VERDICT" team 1 2 --format csv
expect_rc "an unknown format is a usage error" 2
expect_err "an unknown format is named" "unknown format 'csv'; use text, json, md or html"
run "$VERDICT" team 1 1
expect_rc "a session named twice is a usage error" 2
expect_err "a session named twice says so" "session 1 is named twice"
run "$VERDICT" team x 2
expect_rc "a bad id is a usage error" 2
run "$VERDICT" help team
expect_rc "verdict help team exits 0" 0
expect_out "verdict help team gives the usage" "usage: verdict team --project NAME"
