# export.sh - the reports: verdict export and verdict score --format
# md|html|json|csv against golden files, read back with real parsers, with
# hostile text in every field, and exports that fail without changing
# anything on disk.
#
# UPDATE_GOLDEN=1 rewrites the golden files from the current output instead
# of comparing (look at the diff before committing it).
#
# The first part needs only verdict score; the second saves sessions with
# verdict score --save and exports them by id.
. "$(dirname "$0")/../lib/verdict.sh"
. "$(dirname "$0")/../lib/db.sh"
. "$(dirname "$0")/../lib/users.sh"

export VERDICT_NOW=1795701780   # 2026-11-26 14:03 UTC
GOLD="$FIX/golden"
SHOP_C=tests/fixtures/criteria/export-shop.yaml     # relative: the report names it
SHOP_A=tests/fixtures/answers/export-shop.yaml
FORMATS="md html json csv"
SCORE_FORMATS="md html csv"     # json from verdict score is the contract JSON

# session_id PROJECT: the id of the saved session of PROJECT, from verdict list.
session_id() {
	"$VERDICT" list --format json | python3 -c '
import json, sys
print([s["id"] for s in json.load(sys.stdin) if s["project"] == sys.argv[1]][0])' "$1"
}

# py NAME CODE [ARG...]: CODE (Python, with ARGs in sys.argv[1:]) raises nothing.
py() {
	name=$1
	code=$2
	shift 2
	if python3 -c "
import csv, hashlib, io, json, math, re, sys
$code" "$@" 2>"$T/py"; then
		ok "$name"
	else
		not_ok "$name" "$(tail -n 4 "$T/py")"
	fi
}


# ---- verdict score --format: the reports of a session not saved ----
for f in $SCORE_FORMATS json; do
	run "$VERDICT" score -c "$SHOP_C" -a "$SHOP_A" --format "$f"
	expect_rc "score --format $f exits 0" 0
	cp "$T/out" "$T/shop-score.$f"
	[ "$f" = json ] && continue
	expect_golden "score --format $f is the golden file" "$T/shop-score.$f" "$GOLD/shop-score.$f"
done

# ---- CSV: a real reader, field counts, numbers ----
py "csv: RFC 4180 with CRLF, a header, a row per criterion and a total" '
raw = open(sys.argv[1], "rb").read()
assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b""), "line ends"
rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
head = rows[0]
assert head[:13] == ["session", "project", "respondent", "date", "criteria", "criteria_sha256",
                     "answers_sha256", "criterion", "name", "group", "weight", "weight_source",
                     "weight_reason"], head
assert head[13:19] == ["node_rating", "node_contribution", "python_rating",
                       "python_contribution", "go_rating", "go_contribution"], head
assert head[19:] == ["threshold", "new_winner", "reason", "weight_share", "methods",
                     "comparisons", "given", "warning", "decided", "decision_differs",
                     "decision_note", "outcome", "outcome_rating", "origin"], head
assert len(rows) == 1 + 5 + 1, len(rows)
assert all(len(r) == len(head) for r in rows), [len(r) for r in rows]
body = [dict(zip(head, r)) for r in rows[1:]]
assert [r["criterion"] for r in body] == ["speed", "hiring", "libraries", "reports", "upkeep",
                                           "total"]
assert all(r["session"] == sys.argv[2] and r["project"] == "Shop rewrite" for r in body)
total = body[-1]
for o in ("node", "python", "go"):
    col = o + "_contribution"
    s = sum(float(r[col]) for r in body[:-1])
    assert abs(s - float(total[col])) < 1e-5, (o, s, total[col])
    assert total[o + "_rating"] == ""
assert float(total["weight"]) == sum(float(r["weight"]) for r in body[:-1])
assert body[0]["weight"] == "5" and body[0]["weight_source"] == "person"
assert total["reason"].startswith("Recommendation:") and "Node.js" in total["reason"]
shares = [float(r["weight_share"]) for r in body[:-1]]
assert [round(x * 21, 4) for x in shares] == [10, 2, 4, 3, 2], shares   # 5, 1, 2, 1.5, 1 of 10.5
assert total["weight_share"] == "1" and all(r["methods"] == "" for r in body[:-1])
assert total["methods"].startswith("The three ways of adding up do not agree: adding up the weighted ratings, as the scores here do, picks Node.js; multiplying them (the weighted product) picks Node.js; and TOPSIS, "), total["methods"]
assert ", picks Go. Why: Node.js comes nearer the best ratings on the whole, but Go stands further" in total["methods"], total["methods"]
assert all(r["comparisons"] == "" and r["given"] == "" and r["warning"] == "" for r in body), "a session weighed by ratings has no comparisons"
' "$T/shop-score.csv" ""

# ---- Markdown and HTML: the shape a reader meets ----
py "md: headings, a table row per criterion, no raw HTML" '
t = open(sys.argv[1], encoding="utf-8").read()
assert t.startswith("# Which backend for the online shop?\n")
for h in ("## Recommendation", "## Scores", "## Why", "## What would change it",
          "## Answers", "## Breakdown by criterion", "## Reasons by criterion", "## Notes",
          "## About this report"):
    assert "\n" + h + "\n" in t, h
assert "| Speed under load | 5 (Critical) | you |" in t
# The methods disagree here: a callout of its own, plain words first.
assert "\n> **The three ways of adding up disagree.**\n>\n> The three ways of adding up do not agree: adding up the weighted ratings, as the scores here do, picks Node.js;" in t
assert "> Four developers, all JavaScript.\n> Black Friday traffic is the worry.\n" in t
assert "<" not in t.replace("\\<", "")
' "$T/shop-score.md"

py "html: self-contained, UTF-8, charts, print rules, nothing fetched" '
t = open(sys.argv[1], encoding="utf-8").read()
assert t.startswith("<!DOCTYPE html>") and "<meta charset=\"utf-8\">" in t
assert "Content-Security-Policy" in t and "default-src \x27none\x27" in t
assert t.count("<svg") >= 3 and "@media print" in t and "@page" in t
assert "<script" not in t and "<link" not in t and "<img" not in t and "<iframe" not in t
assert ("</section>\n<div class=\"callout methods\" role=\"note\">\n<p class=\"callout-title\">"
        "The three ways of adding up disagree</p>\n<p>The three ways of adding up do not agree: "
        "adding up the weighted ratings, as the scores here do, picks Node.js;") in t
assert "<p class=\"methods\">" not in t
assert not re.search(r"\b(src|href)\s*=", t), re.search(r"\b(src|href)\s*=", t)
assert not re.search(r"url\(", t) and "@import" not in t
' "$T/shop-score.html"

# ---- hostile text in every field, every format ----
HC="$FIX/criteria/hostile.yaml"
HA="$FIX/answers/hostile.yaml"
for f in $SCORE_FORMATS json; do
	run "$VERDICT" score -c "$HC" -a "$HA" --format "$f"
	expect_rc "hostile score --format $f exits 0" 0
	cp "$T/out" "$T/hostile.$f"
done
py "hostile json: every text comes back exactly" '
import yaml
d = json.load(open(sys.argv[1]))
c = yaml.safe_load(open(sys.argv[2], encoding="utf-8"))
a = yaml.safe_load(open(sys.argv[3], encoding="utf-8"))
assert d["criteria"]["title"] == c["title"]
assert [o["name"] for o in d["options"]] == [o["name"] for o in c["options"]]
assert [b["name"] for b in d["breakdown"]] == [x["name"] for x in c["criteria"]]
for k in ("project", "respondent", "notes"):
    assert d[k] == a[k], k
' "$T/hostile.json" "$HC" "$HA"

py "hostile html: only our own tags and attributes, texts round-trip" '
import html.parser, yaml
c = yaml.safe_load(open(sys.argv[2], encoding="utf-8"))
a = yaml.safe_load(open(sys.argv[3], encoding="utf-8"))
allowed = set("html head meta title style body main header p strong section div dl dt dd h1 h2 "
              "h3 svg line text g rect ul ol li span table colgroup col thead tbody tr th td b "
              "code footer".split())
class P(html.parser.HTMLParser):
    def __init__(s):
        super().__init__(convert_charrefs=True)
        s.stack, s.texts = [], {}
    def handle_starttag(s, tag, attrs):
        assert tag in allowed, tag
        for k, v in attrs:
            assert not k.startswith("on") and k not in ("src", "href", "xlink:href"), k
            assert "javascript:" not in (v or ""), v
        s.stack.append(tag)
    def handle_endtag(s, tag):
        s.stack.pop() if s.stack and s.stack[-1] == tag else None
    def handle_data(s, data):
        if s.stack:
            s.texts.setdefault(s.stack[-1], []).append(data)
p = P()
p.feed(open(sys.argv[1], encoding="utf-8").read())
h1 = "".join(p.texts["h1"])
assert h1 == c["title"], (h1, c["title"])
strong = p.texts["strong"]
assert a["project"] in strong and a["respondent"] in strong, strong
notes = "".join(p.texts["p"])
assert a["notes"] in notes
' "$T/hostile.html" "$HC" "$HA"

py "hostile html: no markup from the inputs survives" '
t = open(sys.argv[1], encoding="utf-8").read()
assert "<script" not in t and "<img" not in t
assert not re.search(r"<[^>]*\son[a-z]+\s*=", t), re.search(r"<[^>]*\son[a-z]+\s*=", t)
assert "&lt;script&gt;alert(1)&lt;/script&gt;" in t
assert "&lt;img src=x onerror=alert(1)&gt;" in t
assert "O&#39;Brien" in t and "&quot;Dana&quot;" in t
' "$T/hostile.html"

py "hostile md: no raw HTML, one line per cell, tables keep their columns" '
t = open(sys.argv[1], encoding="utf-8").read()
assert "<" not in t.replace("\\<", ""), "raw <"
assert "\\<script\\>alert(1)\\</script\\>" in t
rows = [l for l in t.split("\n") if l.startswith("| ")]
def cells(l):
    return len(re.findall(r"(?<!\\)\|", l))
head = None
for l in t.split("\n"):
    if l.startswith("| Criterion | Weight | Set by |"):
        head = cells(l)
    elif head and l.startswith("| "):
        assert cells(l) == head, l
    elif head:
        break
assert head == 6, head
assert "O\x27Brien, Zo" in t
for line in t.split("\n"):
    assert not re.match(r"\s*(-|\+|=|\d+[.)])\s*(<|=HYP|list|heading)", line), line
' "$T/hostile.md"

py "hostile csv: every text cell guarded, fields intact, numbers numbers" '
import yaml
a = yaml.safe_load(open(sys.argv[2], encoding="utf-8"))
c = yaml.safe_load(open(sys.argv[3], encoding="utf-8"))
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
head = rows[0]
assert all(len(r) == len(head) for r in rows), [len(r) for r in rows]
body = [dict(zip(head, r)) for r in rows[1:]]
def number(x):
    try:
        float(x)
        return True
    except ValueError:
        return False
for r in rows[1:]:
    for cell in r:
        if cell and cell[0] in "=+-@\t\r":
            assert number(cell), cell
assert body[0]["project"] == a["project"]          # starts with <, not guarded
assert body[0]["respondent"] == "\x27" + a["respondent"]
assert body[0]["name"] == "\x27" + c["criteria"][0]["name"]
assert body[1]["name"] == "\x27" + c["criteria"][1]["name"]
for o in ("a", "b"):
    assert number(body[0][o + "_rating"]) and number(body[-1][o + "_contribution"])
' "$T/hostile.csv" "$HA" "$HC"

# ---- usage and lookup errors ----
run "$VERDICT" export 99 --format md
expect_rc "an unknown session exits 1" 1
expect_err "an unknown session is named" "no session 99"
run "$VERDICT" export 1
expect_rc "no --format is a usage error" 2
run "$VERDICT" export 1 --format docx
expect_rc "an unknown format is a usage error" 2
expect_err "an unknown format is named" "unknown format 'docx'; use md, html, json, csv or pdf"
run "$VERDICT" export abc --format md
expect_rc "a bad id is a usage error" 2
run "$VERDICT" export --format md
expect_rc "no id is a usage error" 2
run "$VERDICT" export 1 2 --format md
expect_rc "two ids are a usage error" 2
run "$VERDICT" export --help
expect_rc "export --help exits 0" 0
expect_out "export --help shows usage" "usage: verdict export ID --format md|html|json|csv|pdf"
run "$VERDICT" --db "$T/none.db" export 1 --format md
expect_rc "a missing database has no session 1" 1
if [ -e "$T/none.db" ]; then not_ok "export creates no database"; else ok "export creates no database"; fi
# ---- verdict export: saved sessions by id ----
# A saved session, exported in every format, against golden files.
run "$VERDICT" score -c "$SHOP_C" -a "$SHOP_A" --save
expect_rc "score --save stores the session" 0
SHOP=$(session_id "Shop rewrite")
# A session's uid is made at random: a fixed one, for the golden JSON.
sql "$VERDICT_DB" "UPDATE sessions SET uid = '0123456789abcdef0123456789abcdef' WHERE id = $SHOP"
for f in $FORMATS; do
	run "$VERDICT" export "$SHOP" --format "$f"
	expect_rc "export --format $f exits 0" 0
	cp "$T/out" "$T/shop.$f"
	expect_golden "export --format $f is the golden file" "$T/shop.$f" "$GOLD/shop.$f"
done

# -o writes the same bytes as stdout.
for f in $FORMATS; do
	run "$VERDICT" export "$SHOP" --format "$f" -o "$T/report.$f"
	if [ "$rc" = 0 ] && cmp -s "$T/report.$f" "$T/shop.$f"; then
		ok "export -o writes the $f report"
	else
		not_ok "export -o writes the $f report" "exit $rc"
	fi
done
expect_eq "export -o prints nothing on stdout" "$(cat "$T/out")" ""
# -o - is standard output, not a file named "-" (./- still names one).
run sh -c 'cd "$1" && exec "$2" export "$3" --format md -o -' sh "$T" "$VERDICT" "$SHOP"
if [ "$rc" = 0 ] && cmp -s "$T/out" "$T/shop.md" && [ ! -e "$T/-" ]; then
	ok "export -o - writes the report to stdout"
else
	not_ok "export -o - writes the report to stdout" "exit $rc; $(ls "$T")"
fi

# ---- JSON: a real parser, every key, the audit hashes ----
py "json: format, contract keys, session and audit" '
d = json.load(open(sys.argv[1]))
assert d["format"] == "verdict-report/1", d["format"]
for k in ("criteria", "weights", "ranking", "winner", "margin", "strength", "breakdown",
          "sensitivity", "confidence", "session", "audit"):
    assert k in d, k
assert d["criteria"] == {"id": "shop-backend", "title": "Which backend for the online shop?"}
assert [x["option"] for x in d["ranking"]] == ["node", "go", "python"], d["ranking"]
scores = [x["score"] for x in d["ranking"]]
assert scores == sorted(scores, reverse=True) and all(0 <= s <= 100 for s in scores)
assert d["winner"] == "node" and d["strength"] in ("clear", "leaning", "too-close")
assert abs(d["margin"] - (scores[0] - scores[1])) < 1e-9
s = d["session"]
assert s["id"] == int(sys.argv[2]) and s["status"] == "complete", s
assert s["project"] == "Shop rewrite" and s["respondent"] == "Dana", s
assert s["created"] == "2026-11-26T14:03:00Z" and d["generated"] == "2026-11-26T14:03:00Z"
assert s["choices"] == {"team": "javascript"}
assert s["weights"] == {"speed": 5, "reports": 1.5, "upkeep": 1}, s["weights"]
b = {x["criterion"]: x for x in d["breakdown"]}
assert list(b) == ["speed", "hiring", "libraries", "reports", "upkeep"], list(b)
assert b["speed"]["weight_source"] == "person" and b["speed"]["weight"] == 5
assert b["hiring"]["weight_source"] == "profile" and b["hiring"]["weight"] == 1
assert b["hiring"]["weight_answer"] == {"question": "team", "choice": "javascript",
                                        "label": "Mostly JavaScript"}, b["hiring"]
assert b["libraries"]["weight_source"] == "default" and b["libraries"]["weight_answer"] is None
assert b["libraries"]["ratings"]["node"] == 10          # the profile answer replaced it
assert b["libraries"]["why"]["go"] is None and b["speed"]["why"]["go"].startswith("Compiled")
for o in ("node", "python", "go"):
    total = sum(x["contributions"][o] for x in d["breakdown"])
    got = [x["score"] for x in d["ranking"] if x["option"] == o][0]
    assert abs(total - got) < 1e-9, (o, total, got)
sens = {x["criterion"]: x for x in d["sensitivity"]}
assert all((x["threshold"] is None) == (x["new_winner"] is None) for x in sens.values())
assert 0 <= d["confidence"] <= 1 and d["trials"] >= 10000
' "$T/shop.json" "$SHOP"

py "json: the audit hashes are SHA-256 of the criteria text and canonical answers" '
d = json.load(open(sys.argv[1]))
a = d["audit"]
assert a["algorithm"] == "sha256"
assert a["criteria_source"] == sys.argv[2]
assert a["criteria_sha256"] == hashlib.sha256(open(sys.argv[2], "rb").read()).hexdigest()
want = ("verdict-answers/1\nchoice\tteam\tjavascript\nweight\tspeed\t5\nweight\treports\t1.5\n"
        "weight\tupkeep\t1\n")
assert a["answers_canonical"] == want, a["answers_canonical"]
assert a["answers_sha256"] == hashlib.sha256(want.encode()).hexdigest()
' "$T/shop.json" "$SHOP_C"

want=$(printf 'verdict-answers/1\nchoice\tteam\tjavascript\nweight\tspeed\t5\nweight\treports\t1.5\nweight\tupkeep\t1\n' |
	sha256sum | cut -d' ' -f1)
grep -qF "\"answers_sha256\": \"$want\"" "$T/shop.json" &&
	ok "sha256sum agrees with the answers hash" ||
	not_ok "sha256sum agrees with the answers hash" "want $want"
grep -qF "$want" "$T/shop.md" && ok "the Markdown report carries the answers hash" ||
	not_ok "the Markdown report carries the answers hash"
grep -qF "$(sha256sum < "$SHOP_C" | cut -d' ' -f1)" "$T/shop.html" &&
	ok "the HTML report carries the criteria hash" ||
	not_ok "the HTML report carries the criteria hash"

py "json: the report keeps every key of the score contract, with the same values" '
e = json.load(open(sys.argv[1]))
s = json.load(open(sys.argv[2]))
assert set(s) <= set(e), set(s) - set(e)
for k in s:
    if k == "breakdown":
        for x, y in zip(e[k], s[k]):
            assert {kk: x[kk] for kk in y} == y, y["criterion"]
    else:
        assert e[k] == s[k], k
' "$T/shop.json" "$T/shop-score.json"

py "csv: the export carries the session id in every row" '
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
assert all(r[0] == sys.argv[2] for r in rows[1:]), [r[0] for r in rows]
' "$T/shop.csv" "$SHOP"
run "$VERDICT" score -c "$HC" -a "$HA" --save
expect_rc "hostile session saved" 0
HOST=$(session_id "$(python3 -c 'import sys, yaml; print(yaml.safe_load(open(sys.argv[1]))["project"])' "$HA")")
for f in $FORMATS; do
	run "$VERDICT" export "$HOST" --format "$f"
	expect_rc "hostile export --format $f exits 0" 0
	cp "$T/out" "$T/hostile-export.$f"
done
py "hostile export json: every text comes back exactly" '
import yaml
d = json.load(open(sys.argv[1]))
c = yaml.safe_load(open(sys.argv[2], encoding="utf-8"))
a = yaml.safe_load(open(sys.argv[3], encoding="utf-8"))
assert d["criteria"]["title"] == c["title"]
assert [o["name"] for o in d["options"]] == [o["name"] for o in c["options"]]
assert [b["name"] for b in d["breakdown"]] == [x["name"] for x in c["criteria"]]
assert d["breakdown"][0]["why"]["a"] == c["criteria"][0]["why"]["a"]
for k in ("project", "respondent", "notes"):
    assert d["session"][k] == a[k] and d[k] == a[k], k
' "$T/hostile-export.json" "$HC" "$HA"

for f in md html csv; do
	if cmp -s "$T/hostile.$f" "$T/hostile-export.$f"; then
		not_ok "hostile export --format $f names its session"
	else
		ok "hostile export --format $f names its session"
	fi
done
if [ -w /dev/full ]; then
	"$VERDICT" export "$SHOP" --format html >/dev/full 2>"$T/err"
	rc=$?
	expect_rc "a full standard output exits 3" 3
fi


# ---- failed exports change nothing on disk ----
mkdir "$T/keep"
printf 'the old report\n' > "$T/keep/report.html"
before=$(sha256sum < "$T/keep/report.html")
# Lists the directory and hashes the old file: both must be unchanged.
unchanged() {
	after=$(sha256sum < "$T/keep/report.html")
	left=$(ls -A "$T/keep" | tr '\n' ' ')
	if [ "$after" = "$before" ] && [ "$left" = "report.html " ]; then
		ok "$1: old file intact, no temporary file"
	else
		not_ok "$1: old file intact, no temporary file" "left: $left"
	fi
}

# A file-size limit (in 512-byte blocks) that leaves room to read the
# database but not to write a big report: 40 criteria, 8 options.
python3 -c '
import sys
o = ["verdict: 1", "id: big", "title: A big report", "options:"]
for j in range(8):
    o += ["  - id: o%d" % j, "    name: Option %d" % j]
o.append("criteria:")
for i in range(40):
    o += ["  - id: c%d" % i, "    name: Criterion number %d" % i, "    question: Q?",
          "    default_weight: %d" % (1 + i % 5),
          "    ratings: { %s }" % ", ".join("o%d: %d" % (j, (i * 7 + j * 3) % 11) for j in range(8)),
          "    why:"]
    o += ["      o%d: %s" % (j, "A reason long enough to make the report big. " * 4) for j in range(8)]
print("\n".join(o))' > "$T/big.yaml"
printf 'project: Big\n' > "$T/big-answers.yaml"
run "$VERDICT" score -c "$T/big.yaml" -a "$T/big-answers.yaml" --save
expect_rc "a big session saved" 0
BIG=$(session_id Big)
run "$VERDICT" export "$BIG" --format html -o "$T/big.html"
size=$(wc -c < "$T/big.html")
if [ "$size" -gt 131072 ]; then ok "the big report is over the 128 KiB limit"; else not_ok "the big report is over the 128 KiB limit" "$size bytes"; fi
(ulimit -f 256; exec "$VERDICT" export "$BIG" --format html -o "$T/keep/report.html") \
	>"$T/out" 2>"$T/err"
rc=$?
expect_rc "a file-size limit exits 3" 3
expect_err "a file-size limit says why" "File too large"
unchanged "file-size limit"

# A full disk: a 64 KiB tmpfs where root may mount one.
mkdir "$T/full"
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=64k verdict-test "$T/full" 2>/dev/null; then
	at_exit 'umount "$T/full" 2>/dev/null'
	printf 'the old report\n' > "$T/full/report.html"
	full_before=$(sha256sum < "$T/full/report.html")
	run "$VERDICT" export "$BIG" --format html -o "$T/full/report.html"
	expect_rc "a full disk exits 3" 3
	expect_err "a full disk says why" "No space left on device"
	left=$(ls -A "$T/full" | tr '\n' ' ')
	if [ "$(sha256sum < "$T/full/report.html")" = "$full_before" ] && [ "$left" = "report.html " ]; then
		ok "full disk: old file intact, no temporary file"
	else
		not_ok "full disk: old file intact, no temporary file" "left: $left"
	fi
	umount "$T/full"
else
	skip "a full disk" "cannot mount a small tmpfs here"
fi

# The target is a directory.
mkdir "$T/keep/sub.html"
run "$VERDICT" export "$SHOP" --format html -o "$T/keep/sub.html"
expect_rc "a directory as the target exits 3" 3
rmdir "$T/keep/sub.html"
unchanged "directory as target"

# A directory that does not exist.
run "$VERDICT" export "$SHOP" --format html -o "$T/keep/missing/report.html"
expect_rc "a missing directory exits 3" 3
expect_err "a missing directory is named" "$T/keep/missing/report.html"
unchanged "missing directory"

# An unwritable directory. Root writes anywhere, so as root the export runs
# as nobody (the database and the directories on the way stay readable).
if ! other_user_ok; then
	skip "an unwritable directory" "root without runuser or setpriv"
else
	chmod 755 "$T"
	chmod 644 "$VERDICT_DB"  # a new database is private to its owner
	chmod 555 "$T/keep"
	run as_other env VERDICT_DB="$VERDICT_DB" "$VERDICT" export "$SHOP" --format html \
		-o "$T/keep/report.html"
	chmod 755 "$T/keep"
	expect_rc "an unwritable directory exits 3" 3
	expect_err "an unwritable directory says why" "Permission denied"
	unchanged "unwritable directory"
fi

# And a good export replaces the old file whole.
run "$VERDICT" export "$SHOP" --format html -o "$T/keep/report.html"
expect_rc "a good export over the old file exits 0" 0
if cmp -s "$T/keep/report.html" "$T/shop.html" && [ "$(ls -A "$T/keep")" = report.html ]; then
	ok "a good export replaces the old file, nothing else left"
else
	not_ok "a good export replaces the old file, nothing else left"
fi
