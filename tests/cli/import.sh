# import.sh - verdict import: three respondents' sessions, each exported from
# a database of its own (three machines), collected into a fourth, where list
# and show name where each came from; importing twice adds nothing; a damaged
# file (cut short, a changed criteria text, a changed answer, a key missing
# or of the wrong type, a report never saved) or a conflict imports nothing
# and leaves the database byte for byte as it was; --from-db brings in
# revisions and the journal and never writes the other file; hostile names
# come out safe.
. "$(dirname "$0")/../lib/verdict.sh"
. "$(dirname "$0")/../lib/db.sh"

export VERDICT_NOW=1700000000
V=$VERDICT
P="$FIX/personas"
DB="$T/sessions.db"
cd "$T" || exit 1

# dump FILE: the database's rows and schema, as SQLite writes them out.
dump() {
	python3 -c 'import sqlite3, sys
print("\n".join(sqlite3.connect(sys.argv[1]).iterdump()))' "$1"
}
# unchanged NAME: the database is byte for byte as "before" found it.
before() { b_digest=$(digest "$DB"); b_dump=$(dump "$DB"); }
unchanged() {
	if [ "$(digest "$DB")" = "$b_digest" ] && [ "$(dump "$DB")" = "$b_dump" ]; then
		ok "$1"
	else
		not_ok "$1" "the database changed"
	fi
}
# edit IN OUT PYTHON: OUT is report IN as changed by PYTHON, which edits d.
edit() {
	python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
exec(sys.argv[3])
json.dump(d, open(sys.argv[2], "w"), indent=2)' "$1" "$2" "$3"
}

# ---- three machines, three respondents ----
for who in alice:ecommerce bob:government carol:realtime_js; do
	name=${who%%:*}
	VERDICT_DB="$T/$name.db" "$V" score -a "$P/${who#*:}.yaml" --save >/dev/null 2>&1
	VERDICT_DB="$T/$name.db" "$V" export 1 --format json -o "$name.json"
done
run python3 -c 'import hashlib, json, sys
d = json.load(open("alice.json"))
s = d["session"]
assert hashlib.sha256(s["criteria_text"].encode()).hexdigest() == d["audit"]["criteria_sha256"]
assert len(s["uid"]) == 32 and s["origin"] is None and s["imported"] is None
assert s["revisions"] == [] and s["journal"] == [] and s["weighting"] == "ratings"
assert s["criteria_id"] == "node-vs-python" and s["step"] > 0
assert s["choices"] == {"app_kind": "ecommerce", "team_skills": "both"}'
expect_rc "export --format json: the session carries its uid and exact criteria text" 0

run "$V" import alice.json bob.json carol.json
expect_rc "three reports imported" 0
cat >want <<'EOF'
Imported session 1 (Online shop rebuild, Shop owner (mixed JavaScript and Python team)) from alice.json as session 1
Imported session 1 (Public open-data and permits portal, Programme manager, public agency) from bob.json as session 2
Imported session 1 (Live support chat, Real-time product owner (JavaScript team)) from carol.json as session 3
3 sessions imported, 0 already here.
EOF
if cmp -s out want; then ok "a line per session, and the summary"; else
	not_ok "a line per session, and the summary" "$(diff want out)"; fi

run "$V" list
expect_out "list names the origin" "alice.json"
expect_out "list names every origin" "carol.json"
"$V" list --format json >list.json
run python3 -c 'import json
rows = json.load(open("list.json"))
assert sorted(r["origin"] for r in rows) == ["alice.json", "bob.json", "carol.json"], rows'
expect_rc "list --format json: each session's origin" 0
run "$V" show 2
expect_out "show names the origin" "bob.json"
expect_eq "the uid travels with the session" \
	"$(sql_value "$DB" 'SELECT uid FROM sessions WHERE id = 1')" \
	"$(sql_value alice.db 'SELECT uid FROM sessions WHERE id = 1')"
expect_eq "imported sessions keep their dates" \
	"$(sql_value "$DB" 'SELECT created FROM sessions WHERE id = 2')" 1700000000
"$V" export 1 --format json -o again.json
run python3 -c 'import json
a, b = json.load(open("alice.json")), json.load(open("again.json"))
assert a["audit"] == b["audit"], "the same criteria and answers"
assert b["session"]["origin"] == "alice.json" and b["session"]["imported"]'
expect_rc "an imported session exports with the same hashes, and its origin" 0

# ---- importing twice adds nothing ----
before
run "$V" import alice.json bob.json carol.json alice.json
expect_rc "importing again succeeds" 0
expect_out "each session already here is skipped" \
	"Skipped session 1 (Online shop rebuild, Shop owner (mixed JavaScript and Python team)) from alice.json: already here as session 1"
expect_out "the summary says so" "0 sessions imported, 4 already here."
expect_eq "no duplicates" "$(sql_value "$DB" 'SELECT count(*) FROM sessions')" 3

# ---- damaged files: nothing imported, the database unchanged ----
VERDICT_DB="$T/dave.db" "$V" score -a "$P/aiml_python.yaml" --save >/dev/null 2>&1
VERDICT_DB="$T/dave.db" "$V" export 1 --format json -o dave.json
head -c 3000 dave.json >cut.json
edit dave.json criteria.json 'd["session"]["criteria_text"] = d["session"]["criteria_text"].replace("Python", "Pithon", 1)'
edit dave.json answer.json 'd["session"]["choices"]["team_skills"] = "javascript"'
edit dave.json unknown.json 'd["session"]["choices"]["team_skills"] = "cobol"'
edit dave.json missing.json 'del d["session"]["weighting"]'
edit dave.json type.json 'd["session"]["step"] = "nine"'
edit dave.json unsaved.json 'd["session"]["id"] = None; d["session"]["uid"] = None'
edit dave.json format.json 'd["format"] = "verdict-report/9"'
printf '{"format": "verdict-report/1",\n  "session": ]\n}\n' >syntax.json

# damaged NAME FILE MESSAGE: importing dave.json and FILE exits 1 saying
# MESSAGE, and changes nothing.
damaged() {
	before
	run "$V" import dave.json "$2"
	expect_rc "$1: refused" 1
	expect_err "$1: says why" "$3"
	unchanged "$1: the database is byte for byte as it was"
}
damaged "truncated JSON" cut.json "cut.json:"
damaged "a changed criteria text" criteria.json \
	"verdict import: criteria.json: the criteria text (session.criteria_text) is not the one the report was made from"
damaged "a changed answer" answer.json \
	"verdict import: answer.json: the answers are not the ones the report was made from"
damaged "an answer its criteria do not have" unknown.json \
	"verdict import: unknown.json: session 1: the answer 'cobol' to question 'team_skills' is not one of its choices"
damaged "a key missing" missing.json \
	"verdict import: missing.json: the key 'session.weighting' (a string) is missing"
damaged "a key of the wrong type" type.json \
	"verdict import: type.json: the key 'session.step' should be a whole number"
damaged "a report never saved" unsaved.json \
	"export the saved session ('verdict export ID --format json') and import that"
damaged "another format" format.json "its \"format\" should be \"verdict-report/1\""
damaged "bad JSON" syntax.json "syntax.json:2:14: error: not a JSON report:"
run "$V" import missing-file.json
expect_rc "a file that is not there is refused" 1

# ---- a conflict: a respondent's session changed since it was imported ----
VERDICT_DB="$T/alice.db" "$V" decide 1 --chose python --note "the team prefers it" >/dev/null
VERDICT_DB="$T/alice.db" "$V" export 1 --format json -o alice2.json
before
run "$V" import dave.json alice2.json
expect_rc "a conflict is refused" 1
expect_err "it names the file, the session and what differs" \
	"verdict import: alice2.json: session 1 (Online shop rebuild, Shop owner (mixed JavaScript and Python team)) is already in $DB as session 1, with a different decision journal: nothing was imported."
unchanged "a conflict: the database is byte for byte as it was (dave.json not imported either)"
edit alice2.json twin.json 'd["session"]["uid"] = json.load(open("dave.json"))["session"]["uid"]'
run "$V" import dave.json twin.json
expect_rc "two files holding one session differently are refused" 1

# ---- --from-db: revisions and the journal, the other file never written ----
E="$T/erin.db"
VERDICT_DB="$E" "$V" score -a "$P/ecommerce.yaml" --save >/dev/null 2>&1
VERDICT_DB="$E" "$V" score -a "$P/realtime_js.yaml" --save >/dev/null 2>&1
sql "$E" "INSERT INTO revisions (session_id, rev, kept, project, respondent, notes, status,
	step, winner_name, updated, weighting) SELECT id, 1, 1690000000, project, respondent,
	'earlier notes', status, step, winner_name, 1680000000, weighting FROM sessions WHERE id = 1;
	INSERT INTO revision_choices VALUES (1, 1, 'app_kind', 'realtime');"
VERDICT_DB="$E" "$V" revert 1 1 >/dev/null
VERDICT_DB="$E" "$V" decide 1 --chose node --note "fast enough" >/dev/null
VERDICT_DB="$E" "$V" review 1 --outcome "shipped on time" --rating 4 >/dev/null
VERDICT_DB="$E" "$V" show 1 --revisions | tail -n +3 >erin-revisions
VERDICT_DB="$E" "$V" show 1 | sed -n '/[Dd]ecision\|[Oo]utcome/p' >erin-journal
VERDICT_DB="$E" "$V" show 1 --format json >erin-show.json
VERDICT_DB="$E" "$V" export 1 --format json -o erin-export.json
run python3 -c 'import json
for f in ("erin-show.json", "erin-export.json"):
    s = json.load(open(f))["session"]
    assert [r["rev"] for r in s["revisions"]] == [1, 2], f
    assert s["revisions"][0]["kept"] == "2023-07-22T04:26:40Z", s["revisions"][0]
    assert s["revisions"][0]["choices"] == {"app_kind": "realtime"}, s["revisions"][0]'
expect_rc "show and export --format json carry the revisions" 0
e_digest=$(digest "$E")
run "$V" import --from-db "$E"
expect_rc "--from-db imports every session" 0
expect_out "--from-db: a line per session" \
	"Imported session 1 (Online shop rebuild, Shop owner (mixed JavaScript and Python team)) from $E as session"
E1=$(sed -n 's/^Imported session 1 .* as session \([0-9]*\)$/\1/p' out)
expect_out "--from-db: the summary" "2 sessions imported, 0 already here."
expect_eq "--from-db never writes the other file" "$(digest "$E")" "$e_digest"
run "$V" show "$E1" --revisions
tail -n +3 out >here-revisions
if cmp -s erin-revisions here-revisions; then ok "--from-db: the revisions, with their numbers and dates"
else not_ok "--from-db: the revisions, with their numbers and dates" "$(diff erin-revisions here-revisions)"; fi
run "$V" show "$E1"
sed -n '/[Dd]ecision\|[Oo]utcome/p' out >here-journal
if [ -s erin-journal ] && cmp -s erin-journal here-journal; then ok "--from-db: the journal"
else not_ok "--from-db: the journal" "$(diff erin-journal here-journal)"; fi
expect_out "--from-db: show names the database" "database $E"
run "$V" import --from-db "$E"
expect_out "--from-db twice adds nothing" "0 sessions imported, 2 already here."
before
run "$V" import --from-db "$DB"
expect_rc "--from-db of the database being imported into is refused" 1
expect_err "it says why" "is the database being imported into"
unchanged "--from-db of itself: the database is byte for byte as it was"
run "$V" import --from-db "$T/none.db"
expect_rc "--from-db of a file that is not there is refused" 1
run "$V" import
expect_rc "nothing to import is a usage error" 2

# ---- standard input ----
VERDICT_DB="$T/frank.db" "$V" score -a "$P/aiml_python.yaml" --save >/dev/null 2>&1
VERDICT_DB="$T/frank.db" "$V" export 1 --format json -o frank.json
run sh -c '"$1" import - <"$2"' sh "$V" frank.json
expect_rc "a report on standard input is imported" 0
expect_out "its origin is standard input" \
	"Imported session 1 (Forecasting and recommendation data platform, Head of data (Python team)) from <stdin> as session"

# ---- hostile names, shown safely ----
ESC=$(printf '\033')
VERDICT_DB="$T/mallory.db" "$V" score -c "$FIX/hostile/criteria.yaml" -a "$FIX/hostile/answers.yaml" --save >/dev/null 2>&1
VERDICT_DB="$T/mallory.db" "$V" export 1 --format json -o mallory.json
run "$V" import mallory.json
expect_rc "a hostile session is imported" 0
expect_out "its names come out with visible escapes" 'Project \u001b]52;c;aGk=\u0007'
run "$V" list
all=$(cat out err)
case $all in *"$ESC"*) not_ok "list: nothing hostile comes out" ;; *) ok "list: nothing hostile comes out" ;; esac
