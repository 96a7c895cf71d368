#!/bin/sh
# list.sh - `verdict list` (whole process, output to /dev/null) over
# databases of 1,000 to 100,000 sessions made by gen_sessions.py, in paired
# runs (bench/paired.c). The headlines are issue 13's targets at 100,000
# sessions: the text listing against SQLite's own shell printing the same
# rows (the same columns, the time formatted, in the same order), and JSON
# against text. Then each at every size, and the growth test: the listing of
# 100,000 sessions against that of 50,000 (the same file, half as full) must
# cost at most 2.2 times as much, or this script fails.
#
#   bench/list.sh VERDICT BENCHDIR
set -eu
. "$(dirname "$0")/paired.sh"
crit="$here/../criteria/node-vs-python.yaml"
query="SELECT id, project, respondent, criteria_title, status, winner_name,
 strftime('%Y-%m-%d %H:%M UTC', updated, 'unixepoch') FROM sessions
 ORDER BY updated DESC, id DESC"

# db N [FROM]: a database of N sessions, FROM's copy with the rest added.
db() {
	f=$work/list-$1.db
	rm -f "$f"*
	if [ -n "${2:-}" ]; then
		cp "$work/list-$2.db" "$f"
		python3 "$here/gen_sessions.py" "$f" $(($1 - $2)) "$crit"
	else
		"$verdict" --db "$f" delete 1 >/dev/null 2>&1 || true
		python3 "$here/gen_sessions.py" "$f" "$1" "$crit"
	fi
}
db 1000
db 10000
db 50000
db 100000 50000
big=$work/list-100000.db

paired 21 "$verdict" --db "$big" list -- sqlite3 -readonly "$big" "$query"
target "list of 100,000 (text) vs sqlite3" "$RATIO" 1.0 \
	"[medians: list $(ms "$A_MS"), sqlite3 $(ms "$B_MS")]"
paired 21 "$verdict" --db "$big" list --format json -- "$verdict" --db "$big" list
target "list --format json vs list (100,000)" "$RATIO" 1.3 \
	"[medians: json $(ms "$A_MS"), text $(ms "$B_MS")]"

echo
printf '%-9s %7s %8s %8s %9s %8s %8s %11s\n' sessions db_MB text_ms x_sqlite3 sqlite3_ms \
	json_ms x_text project_ms
for n in 1000 10000 50000 100000; do
	f=$work/list-$n.db
	paired 11 "$verdict" --db "$f" list -- sqlite3 -readonly "$f" "$query"
	t=$A_MS xs=$RATIO s=$B_MS
	paired 11 "$verdict" --db "$f" list --format json -- "$verdict" --db "$f" list
	j=$A_MS xj=$RATIO
	paired 11 "$verdict" --db "$f" list --project "Project 7"
	awk -v n="$n" -v sz="$(wc -c <"$f")" -v t="$t" -v xs="$xs" -v s="$s" -v j="$j" -v xj="$xj" \
	    -v p="$A_MS" 'BEGIN { printf "%-9s %7.1f %8.1f %8.2f %9.1f %8.1f %8.2f %11.1f\n",
	                         n, sz / 1e6, t, xs, s, j, xj, p }'
done

echo
status=0
paired 11 "$verdict" --db "$big" list -- "$verdict" --db "$work/list-50000.db" list
growth "growth: list, 50,000 -> 100,000 sessions" "$RATIO" 2.2 \
	"[medians: $(ms "$B_MS") -> $(ms "$A_MS")]" || status=1
rm -f "$work"/list-*.db*
exit $status
