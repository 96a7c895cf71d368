# check_formats.sh - verdict check's three outputs, exact: the text (which
# Vim's quickfix reads with the errorformat '%f:%l:%c: %m'), --format json
# and --format github (GitHub Actions workflow commands).
. "$(dirname "$0")/../lib/verdict.sh"

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$T" || exit 1
# A set with four faults, one of them over two lines; a syntax error with a
# hint; a file whose name needs escaping in a workflow command's property;
# a file that is not there; a valid set.
cat >shop.yaml <<'YAML'
verdict: 1
id: shop
title: Where to host the shop?
summary: "
  "
options:
  - id: cloud
    name: A cloud host
  - id: own
    name: Our own server
criteria:
  - id: cost
    name: Cost
    question: How much does the monthly cost matter?
    default_weight: 9
    ratings: { cloud: 6, onw: 4 }
    sorce: "Price lists, 2024"
YAML
printf 'verdict: 1\nid: hosting\ntitle: Hosting cost: monthly\n' >syntax.yaml
printf 'verdict: 1\nid: x\ntitle: "100%%, sure"\n50%%: x\n' >'a,b:c%.yaml'
cp "$FIX/criteria/minimal.yaml" ok.yaml
set -- shop.yaml syntax.yaml 'a,b:c%.yaml' gone.yaml ok.yaml

# expect_file NAME GOT WANT: file GOT is file WANT byte for byte.
expect_file() {
	if cmp -s "$2" "$3"; then ok "$1"; else not_ok "$1" "$(diff "$3" "$2" | head -n 40)"; fi
}

cat >want.err <<'TEXT'
shop.yaml:4:10: error: 'summary' must not be empty
shop.yaml:15:21: error: 'default_weight' must be from 0 to 5, got 9
shop.yaml:16:26: error: unknown option 'onw' in the ratings of 'cost'; did you mean 'own'? The options are 'cloud' and 'own'
shop.yaml:17:5: error: unknown key 'sorce' in criterion; did you mean 'source'?
syntax.yaml:3:20: error: YAML syntax: mapping values are not allowed in this context; quote text that contains ': ', as title: "Hosting cost: monthly"
a,b:c%.yaml:1:1: error: the top level is missing the required key 'options'
a,b:c%.yaml:1:1: error: the top level is missing the required key 'criteria'
a,b:c%.yaml:4:1: error: unknown key '50%' in the top level
verdict check: gone.yaml: cannot open: No such file or directory
TEXT
cat >want.out <<'TEXT'
ok.yaml: ok: minimal (Tea or coffee?): 2 options, 1 criterion, 0 questions
TEXT
run "$VERDICT" check "$@"
expect_rc "check with invalid files exits 1" 1
expect_file "the text: FILE:LINE:COLUMN: error: MESSAGE, every error on stderr" "$T/err" want.err
expect_file "the text: the valid file's summary on stdout" "$T/out" want.out

# The text as Vim's quickfix reads it, with the errorformat the issue names.
if command -v vim >/dev/null 2>&1 && vim --version 2>/dev/null | grep -q '+quickfix'; then
	cp "$T/err" errors.txt
	vim -Nu NONE -i NONE -es -c 'set errorformat=%f:%l:%c:\ %m' -c 'cgetfile errors.txt' \
		-c 'call writefile(map(getqflist(), {_, e -> bufname(e.bufnr) . "|" . e.lnum . "|" . e.col . "|" . e.valid . "|" . e.text}), "quickfix.txt")' \
		-c 'qa!' </dev/null >/dev/null 2>&1
	cat >want.qf <<'TEXT'
shop.yaml|4|10|1|error: 'summary' must not be empty
shop.yaml|15|21|1|error: 'default_weight' must be from 0 to 5, got 9
shop.yaml|16|26|1|error: unknown option 'onw' in the ratings of 'cost'; did you mean 'own'? The options are 'cloud' and 'own'
shop.yaml|17|5|1|error: unknown key 'sorce' in criterion; did you mean 'source'?
syntax.yaml|3|20|1|error: YAML syntax: mapping values are not allowed in this context; quote text that contains ': ', as title: "Hosting cost: monthly"
a,b:c%.yaml|1|1|1|error: the top level is missing the required key 'options'
a,b:c%.yaml|1|1|1|error: the top level is missing the required key 'criteria'
a,b:c%.yaml|4|1|1|error: unknown key '50%' in the top level
|0|0|0|verdict check: gone.yaml: cannot open: No such file or directory
TEXT
	expect_file "Vim's quickfix (errorformat %f:%l:%c: %m) reads every error: file, line, column, message" \
		quickfix.txt want.qf
else
	skip "Vim's quickfix reads every error" "no vim with +quickfix here (scripts/deps.sh test installs it)"
fi

cat >want.json <<'TEXT'
{
  "version": 1,
  "valid": false,
  "files": [
    {
      "file": "shop.yaml",
      "valid": false,
      "errors": 4
    },
    {
      "file": "syntax.yaml",
      "valid": false,
      "errors": 1
    },
    {
      "file": "a,b:c%.yaml",
      "valid": false,
      "errors": 3
    },
    {
      "file": "gone.yaml",
      "valid": false,
      "errors": 1
    },
    {
      "file": "ok.yaml",
      "valid": true,
      "errors": 0
    }
  ],
  "diagnostics": [
    {
      "file": "shop.yaml",
      "line": 4,
      "column": 10,
      "end_line": 5,
      "end_column": 4,
      "severity": "error",
      "code": "empty-text",
      "message": "'summary' must not be empty",
      "hint": null
    },
    {
      "file": "shop.yaml",
      "line": 15,
      "column": 21,
      "end_line": 15,
      "end_column": 22,
      "severity": "error",
      "code": "out-of-range",
      "message": "'default_weight' must be from 0 to 5, got 9",
      "hint": null
    },
    {
      "file": "shop.yaml",
      "line": 16,
      "column": 26,
      "end_line": 16,
      "end_column": 29,
      "severity": "error",
      "code": "unknown-option",
      "message": "unknown option 'onw' in the ratings of 'cost'",
      "hint": "did you mean 'own'? The options are 'cloud' and 'own'"
    },
    {
      "file": "shop.yaml",
      "line": 17,
      "column": 5,
      "end_line": 17,
      "end_column": 10,
      "severity": "error",
      "code": "unknown-key",
      "message": "unknown key 'sorce' in criterion",
      "hint": "did you mean 'source'?"
    },
    {
      "file": "syntax.yaml",
      "line": 3,
      "column": 20,
      "end_line": 3,
      "end_column": 21,
      "severity": "error",
      "code": "yaml-syntax",
      "message": "YAML syntax: mapping values are not allowed in this context",
      "hint": "quote text that contains ': ', as title: \"Hosting cost: monthly\""
    },
    {
      "file": "a,b:c%.yaml",
      "line": 1,
      "column": 1,
      "end_line": 1,
      "end_column": 8,
      "severity": "error",
      "code": "missing-key",
      "message": "the top level is missing the required key 'options'",
      "hint": null
    },
    {
      "file": "a,b:c%.yaml",
      "line": 1,
      "column": 1,
      "end_line": 1,
      "end_column": 8,
      "severity": "error",
      "code": "missing-key",
      "message": "the top level is missing the required key 'criteria'",
      "hint": null
    },
    {
      "file": "a,b:c%.yaml",
      "line": 4,
      "column": 1,
      "end_line": 4,
      "end_column": 4,
      "severity": "error",
      "code": "unknown-key",
      "message": "unknown key '50%' in the top level",
      "hint": null
    },
    {
      "file": "gone.yaml",
      "line": 0,
      "column": 0,
      "end_line": 0,
      "end_column": 0,
      "severity": "error",
      "code": "cannot-read",
      "message": "cannot open: No such file or directory",
      "hint": null
    }
  ]
}
TEXT
run "$VERDICT" check --format json "$@"
expect_rc "check --format json with invalid files exits 1" 1
expect_file "--format json: one object, every file and every error with its code, end and hint" \
	"$T/out" want.json
expect_eq "--format json: nothing on stderr" "$(cat "$T/err")" ""

cat >want.github <<'TEXT'
::error file=shop.yaml,line=4,col=10,endLine=5,title=empty-text::'summary' must not be empty
::error file=shop.yaml,line=15,col=21,endColumn=22,title=out-of-range::'default_weight' must be from 0 to 5, got 9
::error file=shop.yaml,line=16,col=26,endColumn=29,title=unknown-option::unknown option 'onw' in the ratings of 'cost'; did you mean 'own'? The options are 'cloud' and 'own'
::error file=shop.yaml,line=17,col=5,endColumn=10,title=unknown-key::unknown key 'sorce' in criterion; did you mean 'source'?
::error file=syntax.yaml,line=3,col=20,endColumn=21,title=yaml-syntax::YAML syntax: mapping values are not allowed in this context; quote text that contains ': ', as title: "Hosting cost: monthly"
::error file=a%2Cb%3Ac%25.yaml,line=1,col=1,endColumn=8,title=missing-key::the top level is missing the required key 'options'
::error file=a%2Cb%3Ac%25.yaml,line=1,col=1,endColumn=8,title=missing-key::the top level is missing the required key 'criteria'
::error file=a%2Cb%3Ac%25.yaml,line=4,col=1,endColumn=4,title=unknown-key::unknown key '50%25' in the top level
::error file=gone.yaml,title=cannot-read::cannot open: No such file or directory
ok.yaml: ok: minimal (Tea or coffee?): 2 options, 1 criterion, 0 questions
TEXT
run "$VERDICT" check --format github "$@"
expect_rc "check --format github with invalid files exits 1" 1
expect_file "--format github: a workflow command per error, escaped as GitHub reads them" \
	"$T/out" want.github
expect_eq "--format github: nothing on stderr" "$(cat "$T/err")" ""

run "$VERDICT" check --format json ok.yaml
expect_rc "check --format json of a valid file exits 0" 0
expect_eq "--format json of a valid file: valid, no diagnostics" \
	"$(jq -c '[.valid, .files, .diagnostics]' "$T/out")" \
	'[true,[{"file":"ok.yaml","valid":true,"errors":0}],[]]'

run "$VERDICT" check --format xml ok.yaml
expect_rc "an unknown format is a usage error" 2
expect_err "an unknown format names the formats" \
	"verdict check: unknown format 'xml'; use text, json or github"

# A missed calibration example has its code, and its span, in JSON too.
awk '/name: Real-time app, JavaScript team/ { n = NR } n && NR == n + 2 { sub(/node/, "python") } { print }' \
	"$ROOT/criteria/node-vs-python.yaml" >wrong.yaml
line=$(grep -n "name: Real-time app, JavaScript team" wrong.yaml | cut -d: -f1)
run "$VERDICT" check --format json wrong.yaml
expect_rc "a missed example exits 1 in JSON too" 1
expect_eq "a missed example: its code and place" \
	"$(jq -c '.diagnostics[] | [.code, .line, .column, .end_line, .end_column]' "$T/out")" \
	"[\"example-missed\",$line,5,$line,9]"

# Every code the source gives an error is listed, with its meaning, in
# docs/criteria-format.md, and every code listed there is given.
used=$(grep -ohE '(diags_error\([^,]+|unknown_id\([^,]+|check_unique\([^;]*|_whole\([^,]+, [^,]+|command\([^;]*), "[a-z][a-z0-9-]*"' \
	"$ROOT"/src/*.c | sed 's/.*"\([a-z0-9-]*\)"$/\1/' | sort -u)
listed=$(sed -n '/^| code | meaning |$/,/^$/p' "$ROOT/docs/criteria-format.md" |
	grep -oE '^\| `[a-z0-9-]+`(, `[a-z0-9-]+`)*' | grep -oE '[a-z0-9-]+' | sort -u)
missing=$(printf '%s\n' "$used" | grep -vxF "$listed" || true)
stale=$(printf '%s\n' "$listed" | grep -vxF -e error -e "$used" || true)
expect_eq "every code verdict gives is in docs/criteria-format.md" "$missing" ""
expect_eq "every code docs/criteria-format.md lists is given" "$stale" ""
expect_eq "the codes are found in the source" "$(printf '%s\n' "$used" | wc -l | tr -d ' ')" \
	"$(printf '%s\n' "$listed" | grep -vx error | wc -l | tr -d ' ')"
