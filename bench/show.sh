#!/bin/sh
# show.sh - `verdict show` of a saved session at 10,000 criteria x 8 options
# (an answers file weighting all of them, saved with `verdict score --save`)
# against `verdict score` of the same answers, in paired runs
# (bench/paired.c). Both read the criteria, the answers and score; show also
# reads them from the database. The headline is issue 13's target.
#
#   bench/show.sh VERDICT BENCHDIR
set -eu
. "$(dirname "$0")/paired.sh"
set=$work/show-set.yaml ans=$work/show-answers.yaml db=$work/show.db
python3 "$here/gen_criteria.py" 10000 8 >"$set"
python3 "$here/gen_answers.py" 10000 >"$ans"
rm -f "$db"*
id=$("$verdict" --db "$db" score -c "$set" -a "$ans" --save 2>&1 >/dev/null |
	sed -n 's/.*session \([0-9][0-9]*\).*/\1/p' | head -n 1)
if [ -z "$id" ]; then
	echo "show.sh: verdict score --save printed no session id" >&2
	exit 1
fi
paired 9 "$verdict" --db "$db" show "$id" -- "$verdict" score -c "$set" -a "$ans"
target "show of a saved session (10,000 x 8) vs score of the same answers" "$RATIO" 1.2 \
	"[medians: show $(ms "$A_MS"), score $(ms "$B_MS")]"
rm -f "$db"*
