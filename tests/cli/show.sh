# show.sh - verdict score --save, then list, show and export of the saved session.
. "$(dirname "$0")/../lib/verdict.sh"
P="$FIX/personas"

run "$VERDICT" score -a "$P/ecommerce.yaml" --save
expect_rc "score --save exits 0" 0
expect_err "score --save says the id on stderr" "saved as session 1"
expect_out "score --save still prints the result" "Recommendation: leaning towards Node.js"

# The criteria come from a file that is then changed and removed: the
# session keeps the exact text it was answered against.
cp criteria/node-vs-python.yaml "$T/set.yaml"
run "$VERDICT" score -c "$T/set.yaml" -a "$P/government.yaml" --save --format json
expect_rc "score --save --format json exits 0" 0
expect_err "the second session is 2" "saved as session 2"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["winner"]=="python"' "$T/out" \
	&& ok "stdout is still the JSON result" || not_ok "stdout is still the JSON result"
sed -i 's/rates 9 out/rates nine out/; s/^title: .*/title: Changed title/' "$T/set.yaml"
rm -f "$T/set.yaml"

run "$VERDICT" list --format json
python3 - "$T/out" <<'PY' && ok "list shows both sessions, newest first, complete, with winners" || not_ok "list shows both sessions"
import json, sys
rows = json.load(open(sys.argv[1]))
assert [r["id"] for r in rows] == [2, 1], rows
assert [r["winner"] for r in rows] == ["Python", "Node.js"], rows
assert all(r["status"] == "complete" for r in rows), rows
assert rows[1]["project"] == "Online shop rebuild", rows
PY

run "$VERDICT" show 2
expect_rc "show of a session whose criteria file is gone exits 0" 0
expect_out "show names the session" "Session 2: Public open-data and permits portal"
expect_out "show names where the criteria came from" "from $T/set.yaml"
expect_out "show lists the profile answers" "A government or public-sector system"
expect_out "show says the recommendation" "Recommendation: Python, clearly (margin 8.5 points, confidence 100%)."

run "$VERDICT" show 2 --format json
expect_rc "show --format json exits 0" 0
python3 - "$T/out" <<'PY' && ok "show --format json is the report, recomputed" || not_ok "show --format json is the report"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["format"] == "verdict-report/1", d.keys()
assert d["winner"] == "python"
assert d["criteria"]["id"] == "node-vs-python"
assert d["criteria"]["title"] == "Node.js or Python for your backend?"
assert abs(d["margin"] - 8.5294) < 0.01, d["margin"]
PY

run "$VERDICT" show 2 --format md
expect_rc "show --format md exits 0" 0
expect_out "show --format md is Markdown" "# "

# The stored result is the one the scoring engine gives for the same answers.
run "$VERDICT" score -a "$P/government.yaml" --format json
cp "$T/out" "$T/direct.json"
run "$VERDICT" show 2 --format json
python3 - "$T/direct.json" "$T/out" <<'PY' && ok "show recomputes the same scores as score" || not_ok "show recomputes the same scores"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
assert a["ranking"] == b["ranking"], (a["ranking"], b["ranking"])
assert a["weights"] == b["weights"]
PY

run "$VERDICT" show 99
expect_rc "show of an unknown id exits 1" 1
expect_err "show of an unknown id says so" "no session 99"
run "$VERDICT" show x1
expect_rc "show of a bad id exits 2" 2
run "$VERDICT" show
expect_rc "show with no id exits 2" 2
run "$VERDICT" show 1 --format html
expect_rc "show --format html is a usage error" 2

# --save against a database that cannot be written: exit 3, nothing printed.
printf 'not a database, just text that is long enough to be refused as one\n' > "$T/bad.db"
run "$VERDICT" --db "$T/bad.db" score -a "$P/ecommerce.yaml" --save
expect_rc "score --save into a damaged database exits 3" 3
expect_eq "no result is printed when the save failed" "$(wc -c < "$T/out" | tr -d ' ')" 0

# An export that replaces a file keeps its mode; a new one follows the umask.
run "$VERDICT" export 1 --format md -o "$T/r.md"
chmod 600 "$T/r.md"
run "$VERDICT" export 1 --format md -o "$T/r.md"
expect_eq "a replaced report keeps its mode" "$(stat -c %a "$T/r.md")" 600
(umask 027 && "$VERDICT" export 1 --format md -o "$T/new.md")
expect_eq "a new report follows the umask" "$(stat -c %a "$T/new.md")" 640

# A session whose weights are all zero (the walk-through allows it) has no
# result, but show still shows its answers, then says why there is no result.
run "$VERDICT" --db "$T/zero.db" score -a "$P/ecommerce.yaml" --save
python3 - "$T/zero.db" <<'PY'
import re, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
ids = re.findall(r"^  - id: (\S+)", open("criteria/node-vs-python.yaml").read().split("\ncriteria:")[1].split("\nquestions:")[0], re.M)
db.executemany("INSERT OR REPLACE INTO weights VALUES (1, ?, 0)", [(i,) for i in ids])
db.commit()
PY
run "$VERDICT" --db "$T/zero.db" show 1
expect_rc "show of an all-zero session exits 1" 1
expect_out "show of an all-zero session still shows its answers" "An online shop or marketplace"
expect_err "show of an all-zero session says why there is no result" "every criterion has weight 0"
