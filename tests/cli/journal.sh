# journal.sh - the decision journal (issue 15): 'verdict decide' records the
# option actually chosen and why beside the advice, 'verdict review' how it
# turned out; list (text and JSON), show and every report show the decision
# beside the advice and mark where the two differ; the answers, their
# updated time and revisions stay as they were; a hostile note is escaped
# in every format; deleting a session deletes its journal.
. "$(dirname "$0")/../lib/verdict.sh"
. "$(dirname "$0")/../lib/db.sh"

export VERDICT_NOW=1700000000
V=$VERDICT

run "$V" score -a "$FIX/personas/ecommerce.yaml" --save      # 1: Node.js
run "$V" score -a "$FIX/personas/government.yaml" --save     # 2: Python
printf '\n\n\n' | "$V" run --plain >/dev/null 2>&1             # 3: in progress
expect_eq "three sessions, the third in progress" \
	"$(sql_value "$VERDICT_DB" "SELECT group_concat(status, ' ') FROM sessions")" \
	"complete complete in-progress"
updated_before=$(sql_value "$VERDICT_DB" "SELECT group_concat(updated) FROM sessions")

# ---- decide ----
export VERDICT_NOW=1700086400
run "$V" decide 1 --chose python --note "the team knows it"
expect_rc "decide exits 0" 0
expect_eq "a decision that differs from the advice says so" "$(cat "$T/out")" \
	"Recorded for session 1: Python chosen, not Node.js as advised."
run "$V" decide 2 --chose PYTHON
expect_eq "an option by its name, whatever the case; as advised" "$(cat "$T/out")" \
	"Recorded for session 2: Python chosen, as advised."
run "$V" decide 3 -c node
expect_eq "an unfinished session has no advice to compare with" "$(cat "$T/out")" \
	"Recorded for session 3: Node.js chosen; the session is not finished, so there is no advice to compare it with."
expect_eq "each decision is one journal row, with the advice of the moment" \
	"$(sql_value "$VERDICT_DB" "SELECT group_concat(session_id || ':' || option || ':' || option_name || ':' || coalesce(advised, '-') || ':' || coalesce(note, '-') || ':' || at, ' | ') FROM journal")" \
	"1:python:Python:Node.js:the team knows it:1700086400 | 2:python:Python:Python:-:1700086400 | 3:node:Node.js:-:-:1700086400"
expect_eq "...and changes no answer's time" \
	"$(sql_value "$VERDICT_DB" "SELECT group_concat(updated) FROM sessions")" "$updated_before"
expect_eq "...and keeps no revision" "$(sql_value "$VERDICT_DB" "SELECT count(*) FROM revisions")" 0

run "$V" decide 1 --chose Rust
expect_rc "an option the criteria do not have is exit 1" 1
expect_eq "...naming the options there are" "$(cat "$T/err")" \
	"verdict decide: 'Rust' is not an option of session 1; choose one of: node (Node.js), python (Python)"
run "$V" decide 9 --chose python
expect_rc "no such session is exit 1" 1
expect_err "...and says so" "verdict decide: no session 9 in"
run "$V" decide 1
expect_rc "no --chose is a usage error" 2
expect_eq "...saying what is missing" "$(cat "$T/err")" \
	"verdict decide: say which option was chosen with --chose OPTION"
run "$V" decide x1 --chose python
expect_rc "a bad id is a usage error" 2
run "$V" decide 1 --chose python --note ""
expect_rc "an empty note is a usage error" 2
expect_eq "nothing was recorded by the refusals" \
	"$(sql_value "$VERDICT_DB" "SELECT count(*) FROM journal")" 3

# ---- review ----
export VERDICT_NOW=1700172800
for bad in 0 6 7 3x "" -1; do
	run "$V" review 1 --outcome "fine" --rating "$bad"
	if [ "$rc" != 2 ]; then break; fi
done
expect_rc "a rating other than 1 to 5 is a usage error (0 6 7 3x '' -1)" 2
expect_eq "...naming 1 to 5" "$(cat "$T/err")" \
	"verdict review: --rating must be a whole number from 1 to 5, not '-1'"
run "$V" review 1 --rating 3
expect_rc "no outcome is a usage error" 2
run "$V" score -a "$FIX/personas/realtime_js.yaml" --save                # 4
run "$V" review 4 --outcome "fine"
expect_rc "a review before any decision is exit 1" 1
expect_eq "...saying to record the decision first" "$(cat "$T/err")" \
	"verdict review: session 4 has no decision to review yet; record it first with 'verdict decide 4 --chose OPTION'"
run "$V" review 1 --outcome "shipped on time" --rating 4
expect_eq "a review says what it is of, with its rating" "$(cat "$T/out")" \
	"Recorded for session 1: how choosing Python turned out, rated 4 of 5."
run "$V" review 2 --outcome "fine so far"
expect_eq "...or without one" "$(cat "$T/out")" \
	"Recorded for session 2: how choosing Python turned out."

# ---- list ----
run "$V" list
expect_eq "list shows the decision, marked where it is not the advice" "$(cat "$T/out")" \
"ID  PROJECT                   RESPONDENT            CRITERIA                          STATUS       WINNER   DECIDED               UPDATED
 4  Live support chat         Real-time product o…  Node.js or Python for your back…  complete     Node.js  -                     2023-11-16 22:13 UTC
 3  -                         -                     Node.js or Python for your back…  in progress  -        Node.js               2023-11-14 22:13 UTC
 2  Public open-data and pe…  Programme manager, …  Node.js or Python for your back…  complete     Python   Python                2023-11-14 22:13 UTC
 1  Online shop rebuild       Shop owner (mixed J…  Node.js or Python for your back…  complete     Node.js  Python (not advised)  2023-11-14 22:13 UTC"
run "$V" list --format json
got=$(python3 -c 'import json, sys
rows = {r["id"]: r for r in json.load(sys.stdin)}
for i, r in sorted(rows.items()):
    assert list(r)[-3:] == ["decided", "decision_differs", "origin"], list(r)
    print(i, r["decided"], r["decision_differs"], r["origin"])' <"$T/out" 2>&1)
expect_eq "list --format json: decided, decision_differs, origin" "$got" \
"1 Python True None
2 Python False None
3 Node.js False None
4 None False None"

# ---- show ----
run "$V" show 1
expect_eq "show: the decision beside the advice, why, and the outcome" \
	"$(tail -n 3 "$T/out")" \
"Decided on 2023-11-15 22:13 UTC: Python, not Node.js as advised.
  Why: the team knows it
  Outcome on 2023-11-16 22:13 UTC: shipped on time, rated 4 of 5."
run "$V" show 3
expect_eq "show of an unfinished session: the decision, with no advice" "$(tail -n 1 "$T/out")" \
	"Decided on 2023-11-15 22:13 UTC: Node.js."
export VERDICT_NOW=1700259200
run "$V" decide 1 --chose node
run "$V" show 1
expect_eq "a new decision supersedes the last, which stays in the journal" \
	"$(tail -n 4 "$T/out")" \
"Decided on 2023-11-17 22:13 UTC: Node.js, as advised.
Earlier in the journal:
  2023-11-15 22:13 UTC: decided on Python: the team knows it
  2023-11-16 22:13 UTC: outcome shipped on time, rated 4 of 5"
run "$V" list --format json
expect_eq "...and the listing follows it" \
	"$(python3 -c 'import json,sys; r=[r for r in json.load(sys.stdin) if r["id"]==1][0]; print(r["decided"], r["decision_differs"])' <"$T/out")" \
	"Node.js False"
run "$V" decide 1 --chose python --note "the team knows it"

# ---- reports ----
run "$V" export 1 --format json
got=$(python3 -c 'import json, sys
d = json.load(sys.stdin)
print(json.dumps(d["decision"], sort_keys=True))
print(list(d)[list(d).index("decision") + 1])' <"$T/out" 2>&1)
expect_eq "json: the latest decision and no review after it yet" "$got" \
'{"advised": "Node.js", "at": "2023-11-17T22:13:20Z", "differs": true, "note": "the team knows it", "option": "python", "option_name": "Python", "review": null, "text": "Decided on 2023-11-17 22:13 UTC: Python, not Node.js as advised."}
session'
run "$V" review 1 --outcome "still fine" --rating 5
run "$V" export 1 --format json
expect_eq "json: the review after it" \
	"$(python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin)["decision"]["review"], sort_keys=True))' <"$T/out")" \
	'{"at": "2023-11-17T22:13:20Z", "outcome": "still fine", "rating": 5}'
run "$V" export 4 --format json
expect_eq "json: null when nothing was decided" \
	"$(python3 -c 'import json,sys; print(json.load(sys.stdin)["decision"])' <"$T/out")" "None"
run "$V" export 1 --format md
expect_eq "md: a section after the recommendation, marked" \
	"$(sed -n '/^## Decision/,/^## Scores/p' "$T/out")" \
"## Decision

**Not the option advised.** Decided on 2023-11-17 22:13 UTC: Python, not Node.js as advised.

Why: the team knows it

Outcome on 2023-11-17 22:13 UTC: still fine, rated 5 of 5.

## Scores"
run "$V" export 2 --format md
expect_eq "md: a decision that is the advice is not marked" \
	"$(sed -n '/^## Decision/,/^## Scores/p' "$T/out" | sed -n 3p)" \
	"Decided on 2023-11-15 22:13 UTC: Python, as advised."
run "$V" export 1 --format html
expect_out "html: a callout where it differs" '<div class="callout differs" role="note">
<p class="callout-title">Not the option advised</p>'
expect_out "html: the decision" '<p>Decided on 2023-11-17 22:13 UTC: Python, not Node.js as advised.</p>'
run "$V" export 1 --format csv
got=$(python3 -c 'import csv, io, sys
rows = list(csv.DictReader(io.StringIO(sys.stdin.read(), newline="")))
print(set((r["decided"], r["decision_differs"], r["decision_note"], r["outcome"],
           r["outcome_rating"], r["origin"]) for r in rows), len(rows))' <"$T/out" 2>&1)
expect_eq "csv: the decision and outcome on every row" "$got" \
	"{('Python', '1', 'the team knows it', 'still fine', '5', '')} 15"

# ---- hostile text ----
note=$(printf 'go <script>alert(1)</script> *now* \033[31mred\033]0;x\007 [l](javascript:x) second')
run "$V" decide 2 --chose python --note "$note"
run "$V" show 2
if grep -q "$(printf '\033')" "$T/out" || grep -q "$(printf '\007')" "$T/out"; then
	not_ok "show: the note reaches the terminal cleaned"
else
	ok "show: the note reaches the terminal cleaned"
fi
expect_out "...shown, escaped" 'Why: go <script>alert(1)</script> *now* \u001b[31mred\u001b]0;x\u0007 [l](javascript:x) second'
run "$V" export 2 --format md
expect_out "md: the note escaped" 'Why: go \<script\>alert(1)\</script\> \*now\* '
if grep -q '<script>' "$T/out"; then not_ok "md: no raw tag"; else ok "md: no raw tag"; fi
run "$V" export 2 --format html
expect_out "html: the note escaped" 'Why: go &lt;script&gt;alert(1)&lt;/script&gt; *now*'
if grep -q '<script>' "$T/out" || grep -q "$(printf '\033')" "$T/out"; then
	not_ok "html: no raw tag or control"
else
	ok "html: no raw tag or control"
fi
run "$V" export 2 --format json
expect_eq "json: the note reads back exactly" \
	"$(python3 -c 'import json,sys; print(json.load(sys.stdin)["decision"]["note"])' <"$T/out")" "$note"

# ---- deleting ----
run "$V" delete 1 --yes
expect_eq "deleting a session deletes its journal" \
	"$(sql_value "$VERDICT_DB" "SELECT count(*) FROM journal WHERE session_id = 1")" 0
expect_eq "...and no other's" \
	"$(sql_value "$VERDICT_DB" "SELECT count(*) FROM journal")" 4

run "$V" help decide
expect_out "help decide" "usage: verdict decide ID --chose OPTION [--note TEXT]"
run "$V" help review
expect_out "help review" "usage: verdict review ID --outcome TEXT [--rating 1-5]"
