# report_options.sh - what a consultant asks of a report beyond its format
# (issue 16): who prepared it and for whom, a logo (a checked PNG), the
# config file's defaults and its positioned errors, the paper and its
# default from the locale, --brief, and CSV for Excel; in every format, with
# hostile text escaped.
. "$(dirname "$0")/../lib/verdict.sh"

export VERDICT_NOW=1795701780   # 2026-11-26 14:03 UTC
C=tests/fixtures/criteria/export-shop.yaml
A=tests/fixtures/answers/export-shop.yaml
CFG="$XDG_CONFIG_HOME/verdict"
mkdir -p "$CFG"

# score FMT [ARG...]: the report of the shop answers, into $T/out.
score() {
	f=$1
	shift
	run "$VERDICT" score -c "$C" -a "$A" --format "$f" "$@"
}

# line N FILE: line N of FILE.
line() { sed -n "$1p" "$2"; }

# png NAME [KIND]: writes a PNG to $T/NAME, KIND spoiling it one way.
png() {
	python3 - "$T/$1" "${2:-good}" <<'PY'
import struct, sys, zlib
path, kind = sys.argv[1], sys.argv[2]
def chunk(t, d, crc=None):
    c = zlib.crc32(t + d) if crc is None else crc
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", c)
w, h = (2400, 300) if kind == "wide" else (2, 1)
ihdr = struct.pack(">IIBBBBB", w, h, 8, 2 if kind != "depth" else 3, 0, 0, 0)
if kind == "depth":
    ihdr = struct.pack(">IIBBBBB", w, h, 16, 3, 0, 0, 0)
rows = b"".join(b"\0" + b"\x1f\x4e\x8c" * w for _ in range(h))
body = chunk(b"IHDR", ihdr)
if kind == "crc":
    body = chunk(b"IHDR", ihdr, 0)
if kind == "notfirst":
    body = chunk(b"tEXt", b"a\0b") + body
idat = b"" if kind == "noidat" else chunk(b"IDAT", zlib.compress(rows, 9))
data = b"\x89PNG\r\n\x1a\n" + body + idat + chunk(b"IEND", b"")
if kind == "cut":
    data = data[:-6]
if kind == "short":
    data = data[:50]
if kind == "jpeg":
    data = b"\xff\xd8\xff\xe0\0\x10JFIF\0" + data
if kind == "huge":
    data = data[:-12] + chunk(b"zTXt", b"\0" * (600 * 1024)) + chunk(b"IEND", b"")
open(path, "wb").write(data)
PY
}

# ---- who prepared it and for whom, in every format ----
BY="Ana Reyes, Reyes Consulting"
FOR="Northwind Traders"
score md --prepared-by "$BY" --prepared-for "$FOR"
expect_rc "md: exit 0" 0
expect_eq "md: the prepared line, after the date" "$(line 5 "$T/out")" \
	"Prepared by **Ana Reyes, Reyes Consulting** for **Northwind Traders**."
score html --prepared-by "$BY" --prepared-for "$FOR"
expect_out "html: the prepared line in the header" \
	'<p class="prepared">Prepared by <strong>Ana Reyes, Reyes Consulting</strong> for <strong>Northwind Traders</strong></p>'
run "$VERDICT" score -c "$C" -a "$A" --format html
if grep -q 'class="prepared"' "$T/out"; then
	not_ok "html: no prepared line when nobody is named"
else
	ok "html: no prepared line when nobody is named"
fi
score json --prepared-by "$BY" --prepared-for "$FOR"
# verdict score --format json is the score contract: the report's JSON comes
# from verdict export, below.
"$VERDICT" score -c "$C" -a "$A" --save >/dev/null 2>&1
run "$VERDICT" export 1 --format json --prepared-by "$BY"
expect_rc "json: exit 0" 0
expect_eq "json: prepared_by and prepared_for (null when not given)" \
	"$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(repr((d["prepared_by"], d["prepared_for"])))' "$T/out")" \
	"('Ana Reyes, Reyes Consulting', None)"
run "$VERDICT" export 1 --format md --prepared-for "$FOR"
expect_eq "md: only for whom" "$(line 5 "$T/out")" "Prepared for **Northwind Traders**."

# Hostile text: an escape sequence, markup, a bidi override.
EVIL=$(printf 'Eve\033]52;c;aGk=\007 <script>*x*</script> \342\200\256 [a](b)')
score md --prepared-by "$EVIL" --prepared-for '# =1+1 | x'
expect_eq "md: hostile prepared-by and -for escaped" "$(line 5 "$T/out")" \
	"Prepared by **Eve�\\]52;c;aGk=� \\<script\\>\\*x\\*\\</script\\> � \\[a\\](b)** for **\\# =1+1 \\| x**."
score html --prepared-by "$EVIL"
expect_out "html: hostile prepared-by escaped" \
	'Prepared by <strong>Eve�]52;c;aGk=� &lt;script&gt;*x*&lt;/script&gt; � [a](b)</strong></p>'
run "$VERDICT" export 1 --format json --prepared-by "$EVIL"
expect_out "json: hostile prepared-by as JSON escapes of the same characters" \
	'"prepared_by": "Eve\u001B]52;c;aGk=\u0007 <script>*x*</script> \u202E [a](b)"'
if LC_ALL=C grep -q "$(printf '\033')" "$T/out"; then
	not_ok "json: no escape character comes out"
else
	ok "json: no escape character comes out"
fi

# ---- the logo ----
png logo.png
B64=$(base64 -w0 "$T/logo.png")
score html --logo "$T/logo.png"
expect_rc "logo: exit 0" 0
expect_out "html: the logo as a data: URI" "<img class=\"logo\" alt=\"\" src=\"data:image/png;base64,$B64\">"
score md --logo "$T/logo.png"
expect_eq "md: a note that the logo is in the HTML and PDF" "$(line 5 "$T/out")" \
	"<!-- The logo is in the HTML and PDF reports. -->"

# Each fault refused, named, exit 1, nothing written.
bad_logo() {
	kind=$1
	want=$2
	png "bad-$kind.png" "$kind"
	run "$VERDICT" export 1 --format html -o "$T/r-$kind.html" --logo "$T/bad-$kind.png"
	expect_rc "logo $kind: exit 1" 1
	expect_eq "logo $kind: the message" "$(cat "$T/err")" \
		"verdict export: No report written: $T/bad-$kind.png: cannot be the logo: $want"
	if [ -e "$T/r-$kind.html" ]; then not_ok "logo $kind: no file"; else ok "logo $kind: no file"; fi
}
bad_logo jpeg "it is not a PNG file (it does not start with PNG's signature); save the logo as PNG"
bad_logo wide "it is 2400 x 300 pixels; a logo may be at most 2000 x 2000"
bad_logo crc "it is damaged (the checksum of its IHDR chunk is wrong)"
bad_logo cut "it is cut short (its last chunk is incomplete)"
bad_logo short "it is cut short (a chunk runs past the end of the file)"
bad_logo notfirst "it is not valid PNG (its first chunk is not the image header, IHDR)"
bad_logo noidat "it is not valid PNG (it holds no image data, IDAT)"
bad_logo depth "its header (IHDR) is not valid PNG: a colour type, bit depth, compression, filter or interlace PNG does not have"
bad_logo huge "it is more than 524288 bytes (512 KiB), the most a logo may be"
run "$VERDICT" score -c "$C" -a "$A" --format md --logo "$T/none.png"
expect_rc "logo missing: exit 1" 1
expect_eq "logo missing: the message" "$(cat "$T/err")" \
	"verdict score: $T/none.png: cannot open: No such file or directory"

# ---- the config file's defaults ----
cat >"$CFG/config.yaml" <<'YAML'
# Mine.
prepared_by: Dana Reyes, Reyes Consulting
prepared_for: Northwind Traders
logo: logo.png      # beside this file
paper: letter
YAML
cp "$T/logo.png" "$CFG/logo.png"
score md
expect_eq "config: md has its defaults" "$(line 5 "$T/out")" \
	"Prepared by **Dana Reyes, Reyes Consulting** for **Northwind Traders**."
score html
expect_out "config: html has its logo, relative to the file" "data:image/png;base64,$B64"
expect_out "config: html has its paper" "@page{size:letter}"
run "$VERDICT" show 1 --format md
expect_eq "config: show --format md has its defaults too" "$(line 5 "$T/out")" \
	"Prepared by **Dana Reyes, Reyes Consulting** for **Northwind Traders**."
run "$VERDICT" export 1 --format json
expect_eq "config: the JSON report has them" \
	"$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["prepared_by"], "/", d["prepared_for"])' "$T/out")" \
	"Dana Reyes, Reyes Consulting / Northwind Traders"
score md --prepared-by "Someone Else" --paper a4
expect_eq "config: the command line wins" "$(line 5 "$T/out")" \
	"Prepared by **Someone Else** for **Northwind Traders**."
score html --paper a4
expect_out "config: --paper wins" "@page{size:A4}"
# XDG_CONFIG_HOME unset: ~/.config.
mkdir -p "$T/home/.config/verdict"
printf 'prepared_for: From Home\n' >"$T/home/.config/verdict/config.yaml"
run env -u XDG_CONFIG_HOME HOME="$T/home" "$VERDICT" score -c "$C" -a "$A" --format md
expect_eq "config: ~/.config without XDG_CONFIG_HOME" "$(line 5 "$T/out")" \
	"Prepared for **From Home**."
printf '' >"$CFG/config.yaml"
score md
expect_rc "config: an empty file is no defaults" 0

# Its errors, positioned, every one at once, exit 1, nothing printed.
cat >"$CFG/config.yaml" <<'YAML'
prepard_by: Dana
prepared_for: [Northwind]
paper: A5
YAML
score md
expect_rc "config errors: exit 1" 1
expect_eq "config errors: FILE:LINE:COLUMN each" "$(cat "$T/err")" \
"$CFG/config.yaml:1:1: error: unknown key 'prepard_by' in the top level; did you mean 'prepared_by'?
$CFG/config.yaml:2:15: error: 'prepared_for' must be text, got a list
$CFG/config.yaml:3:8: error: 'paper' must be a4 or letter, got 'A5'"
expect_eq "config errors: nothing on stdout" "$(cat "$T/out")" ""
run "$VERDICT" export 1 --format md
expect_rc "config errors: export exits 1 too" 1
printf -- '- a list\n' >"$CFG/config.yaml"
score md
expect_eq "config: the top level must be a mapping" "$(cat "$T/err")" \
	"$CFG/config.yaml:1:1: error: the top level must be a mapping of keys (prepared_by, prepared_for, logo, paper), got a list"
printf 'prepared_by: "open\n' >"$CFG/config.yaml"
score md
expect_rc "config: a YAML error, exit 1" 1
expect_err "config: a YAML error, positioned" "$CFG/config.yaml:2:1: error: YAML syntax"
score text
expect_rc "config: not read for the text result" 0
rm "$CFG/config.yaml"

# ---- the paper and its default ----
# paper ENV...: the @page size of the HTML report under locale ENV.
paper() {
	env -u LC_ALL -u LC_PAPER -u LANG "$@" "$VERDICT" score -c "$C" -a "$A" --format html |
		grep -o '@page{size:[a-zA-Z0-9]*}'
}
expect_eq "paper: LC_PAPER=en_US.UTF-8 is letter" "$(paper LC_PAPER=en_US.UTF-8)" "@page{size:letter}"
expect_eq "paper: LANG=en_CA.UTF-8 is letter" "$(paper LANG=en_CA.UTF-8)" "@page{size:letter}"
expect_eq "paper: LANG=es_MX is letter" "$(paper LANG=es_MX)" "@page{size:letter}"
expect_eq "paper: LANG=en_GB.UTF-8 is A4" "$(paper LANG=en_GB.UTF-8)" "@page{size:A4}"
expect_eq "paper: LANG=de_DE.UTF-8@euro is A4" "$(paper LANG=de_DE.UTF-8@euro)" "@page{size:A4}"
expect_eq "paper: LC_PAPER over LANG" "$(paper LANG=en_US.UTF-8 LC_PAPER=fr_FR.UTF-8)" "@page{size:A4}"
expect_eq "paper: LC_ALL over LC_PAPER" "$(paper LC_ALL=C.UTF-8 LC_PAPER=en_US.UTF-8)" "@page{size:A4}"
expect_eq "paper: no locale is A4" "$(paper)" "@page{size:A4}"
expect_eq "paper: --paper letter" \
	"$(env -u LC_ALL LANG=de_DE.UTF-8 "$VERDICT" score -c "$C" -a "$A" --format html --paper letter | grep -o '@page{size:[a-zA-Z0-9]*}')" \
	"@page{size:letter}"
score html --paper a3
expect_rc "paper: an unknown one is a usage error" 2
expect_eq "paper: its message" "$(cat "$T/err")" "verdict score: unknown paper 'a3'; use a4 or letter"

# ---- the summary first, --brief ----
score md
n=$(grep -n '^## Recommendation$' "$T/out" | cut -d: -f1)
expect_eq "md: the summary is the first screen (## Summary at line 5, the rest after line 24 at most)" \
	"$(line 5 "$T/out") $([ "$n" -le 25 ] && echo fits)" "## Summary fits"
expect_eq "md: the summary's lines" "$(sed -n '5,20p' "$T/out" | cut -c1-60)" \
"## Summary

Recommendation: leaning towards Node.js (margin 3.8 points, 

**Take care:** the three ways of adding up disagree (below).

The strongest reasons:

1. Ready-made building blocks (importance: Moderate): Node.j
2. Hiring and help (importance: Minor): Node.js rates 9 out 

**What you give up:** Speed under load (importance: Critical

**What would change it:** It would be too close to call, wit

*Method: each option's score out of 100 is the average of it"
score md --brief
for s in "## Answers" "## Breakdown by criterion" "## Reasons by criterion"; do
	if grep -qxF "$s" "$T/out"; then not_ok "md --brief: no $s"; else ok "md --brief: no $s"; fi
done
for s in "## Summary" "## Why" "## What would change it" "## About this report"; do
	if grep -qxF "$s" "$T/out"; then ok "md --brief: keeps $s"; else not_ok "md --brief: keeps $s"; fi
done
score html --brief
for s in "<h2>Answers</h2>" "<h2>Breakdown by criterion</h2>" "<h2>Reasons by criterion</h2>"; do
	if grep -qF "$s" "$T/out"; then not_ok "html --brief: no $s"; else ok "html --brief: no $s"; fi
done
expect_out "html --brief: keeps the summary" '<section class="summary" aria-label="Summary">'

# ---- CSV for Excel ----
score csv
cp "$T/out" "$T/plain.csv"
score csv --excel
expect_rc "csv --excel: exit 0" 0
expect_eq "csv --excel: starts with the UTF-8 byte-order mark" "$(head -c 3 "$T/out" | od -An -c | tr -s ' ')" " 357 273 277"
if tail -c +4 "$T/out" | cmp -s - "$T/plain.csv"; then
	ok "csv --excel: then the plain CSV, byte for byte"
else
	not_ok "csv --excel: then the plain CSV, byte for byte"
fi
expect_eq "csv --excel: CRLF line ends only" \
	"$(tail -c +4 "$T/out" | tr -d '\r' | wc -l) $(tr -cd '\r' <"$T/out" | wc -c)" \
	"$(wc -l <"$T/plain.csv") $(wc -l <"$T/plain.csv")"
printf 'project: "=HYPERLINK(1)"\nnotes: x\n' >"$T/guard.yaml"
run "$VERDICT" score -c "$C" -a "$T/guard.yaml" --format csv --excel
expect_eq "csv --excel: the formula guard stays" \
	"$(sed -n 2p "$T/out" | cut -d, -f2)" "'=HYPERLINK(1)"
run "$VERDICT" export 1 --format csv --excel -o "$T/x.csv"
expect_eq "csv --excel: from export, the same first bytes" "$(head -c 3 "$T/x.csv" | od -An -c | tr -s ' ')" " 357 273 277"
score md --excel
expect_rc "--excel with md: usage error" 2
expect_eq "--excel with md: its message" "$(cat "$T/err")" "verdict score: --excel is for --format csv"
run "$VERDICT" export 1 --format html --excel
expect_rc "export --excel with html: usage error" 2


# ---- printed: the default set's full report on 4 pages of either paper ----
# Headless Chromium prints the HTML, pdfinfo counts the pages. Both are
# optional test tools: without them the check is skipped.
if command -v chromium >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1; then
	cat >"$T/default.yaml" <<'YAML'
criteria: node-vs-python
project: Shop rewrite
respondent: Dana
notes: |
  Four developers, all JavaScript.
  Black Friday traffic is the worry.
choices: { app_kind: ecommerce, team_skills: javascript }
weights: { speed: 5, ai_ml: 1 }
YAML
	for p in a4 letter; do
		"$VERDICT" score -a "$T/default.yaml" --format html --paper "$p" \
			--prepared-by "$BY" --prepared-for "$FOR" >"$T/print-$p.html"
		mkdir -p "$T/chromium-$p"
		chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
			--disable-background-networking --disable-component-update --disable-sync \
			--user-data-dir="$T/chromium-$p" --no-pdf-header-footer \
			--print-to-pdf="$T/print-$p.pdf" "file://$T/print-$p.html" >/dev/null 2>&1
		pdfinfo "$T/print-$p.pdf" >"$T/info-$p" 2>&1
		expect_eq "printed on $p: 4 pages and its size" \
			"$(grep -E '^(Pages|Page size):' "$T/info-$p" | tr -s ' ')" \
			"Pages: 4
Page size: $([ $p = a4 ] && echo '594.96 x 841.92 pts (A4)' || echo '612 x 792 pts (letter)')"
	done
else
	skip "printed: the default set's full report on 4 pages" "no chromium or pdfinfo"
fi
