# store.sh - verdict list and verdict delete, and the database faults seen
# from the command line: each gives exit 3, a message naming the file, and
# leaves the file byte for byte as it was.
#
# Sessions are put in with python3's sqlite3 module, into the schema verdict
# itself created (verdict cannot save a session from the command line yet).
. "$(dirname "$0")/../lib/verdict.sh"
. "$(dirname "$0")/../lib/db.sh"
. "$(dirname "$0")/../lib/users.sh"

export VERDICT_NOW=1700000000 VERDICT_BUSY_TIMEOUT_MS=300
DB="$T/sessions.db"

# --- an empty database ---
run "$VERDICT" list
expect_rc "list with no database exits 0" 0
expect_out "list with no database says so" "No saved sessions."
if [ -e "$DB" ]; then not_ok "list creates no database" "$DB exists"; else ok "list creates no database"; fi

run "$VERDICT" list --format json
expect_rc "list --format json with no database exits 0" 0
got=$(python3 -c 'import json, sys; print(len(json.load(sys.stdin)))' <"$T/out" 2>&1)
expect_eq "empty json list is []" "$got" "0"

run "$VERDICT" delete 7
expect_rc "delete of an unknown id exits 1" 1
expect_err "delete of an unknown id says so" "no session 7 in $DB"
expect_eq "delete made the database, schema version 5" "$(sql_value "$DB" 'PRAGMA user_version')" "5"

run "$VERDICT" list
expect_rc "list of an empty database exits 0" 0
expect_out "list of an empty database says so" "No saved sessions."

# --- usage errors ---
run "$VERDICT" delete abc
expect_rc "delete of a bad id is a usage error" 2
expect_err "delete of a bad id says why" "'abc' is not a session id"
run "$VERDICT" delete 0
expect_rc "delete 0 is a usage error" 2
run "$VERDICT" delete
expect_rc "delete without an id is a usage error" 2
run "$VERDICT" delete 1 2
expect_rc "delete of two ids is a usage error" 2
run "$VERDICT" list --format xml
expect_rc "list --format xml is a usage error" 2
run "$VERDICT" list extra
expect_rc "list with an extra word is a usage error" 2
run "$VERDICT" list --help
expect_rc "list --help exits 0" 0
expect_out "list --help shows usage" "usage: verdict list"
run "$VERDICT" delete --help
expect_rc "delete --help exits 0" 0

# --- sessions to list ---
sql "$DB" "
INSERT INTO criteria_texts (id, sha256, body) VALUES (1, 'fc938ecec8ac333e9dcd14c758a61df2443b60728e151e8480127f5ff2f19b10', 'verdict: 1');
INSERT INTO sessions (id, criteria_text_id, criteria_name, criteria_id, criteria_title,
  project, respondent, status, winner_name, created, updated) VALUES
  (1, 1, 'a.yaml', 'nvp', 'Node.js or Python?', 'Shop rewrite', 'Dana', 'complete', 'Node.js',
   1700000000, 1700000100),
  (2, 1, 'a.yaml', 'nvp', 'Node.js or Python?', 'Intranet', NULL, 'in-progress', NULL,
   1700000000, 1700000300),
  (3, 1, 'a.yaml', 'nvp', 'Node.js or Python?', 'Shop rewrite', 'Sam', 'complete', NULL,
   1700000000, 1700000200);
INSERT INTO choices VALUES (1, 'app_kind', 'realtime'), (3, 'app_kind', 'ecommerce');
INSERT INTO weights VALUES (1, 'speed', 5), (3, 'speed', 2);"

run "$VERDICT" list
expect_rc "list exits 0" 0
expect_out "list has a header" "ID  PROJECT"
expect_out "list shows a session" "Shop rewrite  Dana"
expect_out "list shows the winner" "Node.js"
expect_out "list shows the update time" "2023-11-14 22:18 UTC"
order=$(awk 'NR > 1 { printf "%s ", $1 }' "$T/out")
expect_eq "list is newest first" "$order" "2 3 1 "

run "$VERDICT" list --project "Shop rewrite"
order=$(awk 'NR > 1 { printf "%s ", $1 }' "$T/out")
expect_eq "list --project keeps that project" "$order" "3 1 "
run "$VERDICT" list --project "Nobody's"
expect_rc "list of a project with no sessions exits 0" 0
expect_out "list of a project with no sessions says so" "No saved sessions for project"

run "$VERDICT" list --format json
expect_rc "list --format json exits 0" 0
got=$(python3 -c 'import json, sys
rows = json.load(sys.stdin)
assert [r["id"] for r in rows] == [2, 3, 1], rows
keys = ["id", "project", "respondent", "criteria_title", "status", "winner", "margin",
        "strength", "updated", "decided", "decision_differs", "origin"]
assert all(list(r) == keys for r in rows), rows
# Not scored: in progress, or a criteria text that no longer reads.
assert all(r["margin"] is None and r["strength"] is None for r in rows), rows
r = rows[2]
assert r["project"] == "Shop rewrite" and r["respondent"] == "Dana", r
assert r["criteria_title"] == "Node.js or Python?" and r["winner"] == "Node.js", r
assert r["status"] == "complete" and r["updated"] == "2023-11-14T22:15:00Z", r
assert rows[0]["status"] == "in-progress" and rows[0]["respondent"] is None, rows[0]
assert rows[1]["winner"] is None, rows[1]
print("ok")' <"$T/out" 2>&1)
expect_eq "list --format json has every key and value" "$got" "ok"

# Each complete session's margin and strength: those score --format json
# gives, kept when saved; for a file written before they were kept (schema
# version 2), scored again as it is read, and the file left as it was.
R="$T/results.db"
for p in ecommerce aiml_python government; do
	run "$VERDICT" --db "$R" score -a "tests/fixtures/personas/$p.yaml" --save
done
cp tests/fixtures/store/v2.db "$T/v2.db"
before=$(cksum <"$T/v2.db")
want='{"id": 3, "project": "Public open-data and permits portal", "respondent": "Programme manager, public agency", "criteria_title": "Node.js or Python for your backend?", "status": "complete", "winner": "Python", "margin": 8.529411764705884, "strength": "clear", "updated": "2023-11-14T22:13:20Z", "decided": null, "decision_differs": false, "origin": null}
{"id": 2, "project": "Forecasting and recommendation data platform", "respondent": "Head of data (Python team)", "criteria_title": "Node.js or Python for your backend?", "status": "complete", "winner": "Python", "margin": 24.285714285714292, "strength": "clear", "updated": "2023-11-14T22:13:20Z", "decided": null, "decision_differs": false, "origin": null}
{"id": 1, "project": "Online shop rebuild", "respondent": "Shop owner (mixed JavaScript and Python team)", "criteria_title": "Node.js or Python for your backend?", "status": "complete", "winner": "Node.js", "margin": 7.5, "strength": "leaning", "updated": "2023-11-14T22:13:20Z", "decided": null, "decision_differs": false, "origin": null}'
run "$VERDICT" --db "$R" list --format json
expect_eq "list --format json gives each saved result's margin and strength" \
	"$(sed -n '2,4{s/^  //;s/,$//;p}' "$T/out")" "$want"
run "$VERDICT" --db "$T/v2.db" list --format json
expect_eq "...and those of a version 2 file, scored as they are read" \
	"$(sed -n '3,5{s/^  //;s/,$//;p}' "$T/out")" "$want"
expect_eq "...the in-progress one has none" "$(sed -n 2p "$T/out")" \
	'  {"id": 4, "project": "Café Ü", "respondent": null, "criteria_title": "Node.js or Python for your backend?", "status": "in-progress", "winner": null, "margin": null, "strength": null, "updated": "2023-11-14T22:16:00Z", "decided": null, "decision_differs": false, "origin": null},'
expect_eq "...and the file is unchanged" "$(cksum <"$T/v2.db")" "$before"

# Opened for writing (here by a delete of no session, which changes
# nothing), the version 2 file keeps those results once: exactly the margins
# and strengths the listing scored, and nothing else of a session changed,
# its updated time included. The listing then reads them, the same.
cp tests/fixtures/store/v2.db "$T/v2w.db"
run "$VERDICT" --db "$T/v2w.db" list --format json
cp "$T/out" "$T/v2w-before.json"
others='SELECT group_concat(r, char(10)) FROM (SELECT quote(id)||quote(criteria_text_id)||
  quote(criteria_name)||quote(criteria_id)||quote(criteria_title)||quote(project)||
  quote(respondent)||quote(notes)||quote(status)||quote(step)||quote(winner_name)||
  quote(created)||quote(updated)||quote(copied_from)||quote(kept_rev)||quote(edited)
  AS r FROM sessions ORDER BY id)'
others_before=$(sql_value "$T/v2w.db" "$others")
revisions_before=$(sql_value "$T/v2w.db" 'SELECT count(*) FROM revisions')
run "$VERDICT" --db "$T/v2w.db" delete 99999
expect_rc "a write command on a version 2 file goes on as ever (no session 99999: 1)" 1
# kept: the complete sessions whose kept margin and strength are exactly
# those of the listing in FILE (JSON), or the ids that differ.
kept() {
	python3 -c 'import json, sqlite3, sys
c = sqlite3.connect(sys.argv[2])
bad = [r["id"] for r in json.load(open(sys.argv[1])) if r["status"] == "complete" and
       c.execute("SELECT margin, strength FROM sessions WHERE id = ?", (r["id"],)).fetchone()
       != (r["margin"], r["strength"])]
print(bad or "ok")' "$1" "$2"
}
expect_eq "...and keeps each complete session's margin and strength, those listed before" \
	"$(kept "$T/v2w-before.json" "$T/v2w.db")" "ok"
expect_eq "...all three of them" "$(sql_value "$T/v2w.db" "SELECT count(*) FROM sessions WHERE
  status = 'complete' AND margin IS NOT NULL AND strength IS NOT NULL")" "3"
expect_eq "...none for the one in progress" "$(sql_value "$T/v2w.db" "SELECT count(*) FROM
  sessions WHERE margin IS NOT NULL OR strength IS NOT NULL")" "3"
expect_eq "...every other column as it was, updated included" \
	"$(sql_value "$T/v2w.db" "$others")" "$others_before"
expect_eq "...and no revision kept for it" \
	"$(sql_value "$T/v2w.db" 'SELECT count(*) FROM revisions')" "$revisions_before"
run "$VERDICT" --db "$T/v2w.db" list --format json
if cmp -s "$T/out" "$T/v2w-before.json"; then ok "...and list --format json shows the same"
else not_ok "...and list --format json shows the same" "$(diff "$T/v2w-before.json" "$T/out")"; fi
# Reading a version 2 file writes nothing, whichever command reads it.
for cmd in "list" "list --format json" "show 1" "show 1 --format json" "export 2 --format md"; do
	cp tests/fixtures/store/v2.db "$T/v2r.db"
	run "$VERDICT" --db "$T/v2r.db" $cmd
	expect_eq "'$cmd' of a version 2 file leaves it byte for byte" \
		"$(cksum <"$T/v2r.db")" "$before"
done
# A session whose stored criteria text no longer reads is left as it is,
# listed as before (null), and the command is not failed for it.
cp tests/fixtures/store/v2.db "$T/v2bad.db"
sql "$T/v2bad.db" "INSERT INTO criteria_texts (id, sha256, body) VALUES (99,
  '$(printf 'verdict: 99' | sha256sum | cut -d' ' -f1)', CAST('verdict: 99' AS BLOB));
  UPDATE sessions SET criteria_text_id = 99 WHERE id = 2;"
run "$VERDICT" --db "$T/v2bad.db" delete 99999
expect_rc "a session whose criteria no longer read fails no write command" 1
expect_eq "...it is left without a result, the others kept" "$(sql_value "$T/v2bad.db" \
	"SELECT group_concat(id) FROM sessions WHERE strength IS NOT NULL ORDER BY id")" "1,3"
run "$VERDICT" --db "$T/v2bad.db" list --format json
expect_out "...and listed as before, with none" '"id": 2, "project": "Forecasting and recommendation data platform", "respondent": "Head of data (Python team)", "criteria_title": "Node.js or Python for your backend?", "status": "complete", "winner": "Python", "margin": null, "strength": null'

run "$VERDICT" list --format json --project Intranet
got=$(python3 -c 'import json, sys; print([r["id"] for r in json.load(sys.stdin)])' <"$T/out" 2>&1)
expect_eq "list --format json --project filters" "$got" "[2]"

# --- delete ---
run "$VERDICT" delete 1 </dev/null
expect_rc "delete off a terminal asks nothing and exits 0" 0
expect_out "delete says what it deleted" "Deleted session 1 (Shop rewrite, Dana)."
expect_eq "delete takes the answers too" \
	"$(sql_value "$DB" 'SELECT count(*) FROM choices WHERE session_id = 1')" "0"
expect_eq "delete keeps other sessions' answers" \
	"$(sql_value "$DB" 'SELECT count(*) FROM weights')" "1"
run "$VERDICT" delete 1
expect_rc "deleting it again exits 1" 1
run "$VERDICT" --db "$DB" delete --yes 3
expect_rc "delete --yes exits 0" 0
run "$VERDICT" list
order=$(awk 'NR > 1 { printf "%s ", $1 }' "$T/out")
expect_eq "deleted sessions are gone from the list" "$order" "2 "

# --- faults: exit 3, a message naming the file, the file unchanged ---
# expect_fault NAME FILE TEXT: list and delete on FILE both exit 3 with TEXT
# and the file name on stderr, and FILE is as it was.
expect_fault() {
	before=$(digest "$2")
	run "$VERDICT" --db "$2" delete 1
	expect_rc "$1: delete exits 3" 3
	expect_err "$1: delete says why" "$3"
	expect_err "$1: delete names the file" "$2"
	run "$VERDICT" --db "$2" list
	expect_rc "$1: list exits 3" 3
	expect_err "$1: list says why" "$3"
	expect_eq "$1: the file is unchanged" "$(digest "$2")" "$before"
}

run "$VERDICT" --db "$T" list
expect_rc "a directory as the database: list exits 3" 3
expect_err "a directory as the database: says so" "$T is a directory"

head -c 20000 /dev/urandom >"$T/garbage.db"
expect_fault "garbage" "$T/garbage.db" "is not a verdict database or is damaged; it was not changed"

cp "$DB" "$T/newer.db"
sql "$T/newer.db" "PRAGMA user_version = 999"
expect_fault "newer schema" "$T/newer.db" "was written by a newer verdict (schema version 999"

sql "$T/other.db" "CREATE TABLE bookmarks (url TEXT)"
expect_fault "another program's database" "$T/other.db" "is not a verdict database"

cp "$DB" "$T/big.db"
sql "$T/big.db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100)
  INSERT INTO sessions (criteria_text_id, criteria_name, criteria_id, criteria_title, notes,
  created, updated) SELECT 1, 'a.yaml', 'nvp', 'T', printf('%.3000c', 'n'), 1, 1 FROM n;"
size=$(wc -c <"$T/big.db")
truncate -s $((size / 2)) "$T/big.db"
expect_fault "truncated database" "$T/big.db" "is not a verdict database or is damaged"

# Locked: another process holds an exclusive transaction.
rm -f "$T/held"
python3 -c 'import sqlite3, sys, time, os
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN EXCLUSIVE")
c.execute("UPDATE sessions SET step = 1")
open(sys.argv[2], "w").close()
time.sleep(5)
c.execute("COMMIT")' "$DB" "$T/held" &
holder=$!
i=0
while [ ! -e "$T/held" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
before=$(digest "$DB")
run "$VERDICT" delete 2
expect_rc "locked: delete exits 3" 3
expect_err "locked: delete names who holds it" "$DB is locked by another process (pid $holder"
expect_err "locked: delete says what to do" "try again when it has finished"
expect_eq "locked: the file is unchanged" "$(digest "$DB")" "$before"
run "$VERDICT" list
expect_rc "locked: list still reads (WAL)" 0
kill "$holder" 2>/dev/null
wait "$holder" 2>/dev/null

# Read-only: as root, permissions do not stop writes, so run as nobody.
chmod 755 "$T"
chmod 444 "$DB"
before=$(digest "$DB")
if ! other_user_ok; then
	skip "read-only file and directory" "root without runuser or setpriv"
else
	run as_other env VERDICT_DB="$DB" "$VERDICT" delete 2
	expect_rc "read-only file: delete exits 3" 3
	expect_err "read-only file: delete says so" "$DB is read-only"
	expect_err "read-only file: delete says what to do" "use --db to choose another file"
	run as_other env VERDICT_DB="$DB" "$VERDICT" list
	expect_rc "read-only file: list still reads" 0
	expect_out "read-only file: list shows the session" "Intranet"
	expect_eq "read-only file: the file is unchanged" "$(digest "$DB")" "$before"
	mkdir "$T/locked-dir"
	run as_other env VERDICT_DB="$T/locked-dir/new.db" "$VERDICT" delete 2
	expect_rc "read-only directory: delete exits 3" 3
	expect_err "read-only directory: delete says so" "$T/locked-dir/new.db is read-only"
fi
chmod 644 "$DB"

# A file-size limit (as a full disk would): nothing is written, the file is as
# it was. 8 blocks is too small for even the WAL index.
before=$(digest "$DB")
(ulimit -f 8 2>/dev/null && exec "$VERDICT" delete 2) >"$T/out" 2>"$T/err"
rc=$?
expect_rc "file-size limit: delete exits 3" 3
expect_err "file-size limit: delete says so" "disk full or over the file-size limit"
expect_eq "file-size limit: the file is unchanged" "$(digest "$DB")" "$before"
run "$VERDICT" list
expect_out "file-size limit: the session is still there" "Intranet"
