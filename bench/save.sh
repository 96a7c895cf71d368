#!/bin/sh
# save.sh - saving one answer durably, through the store API (bench/save.c):
# median, 90th and 99th percentile and worst of 200 saves, into a new file
# and into one already holding 100,000 sessions; three rounds each, to show
# how much the figures move between runs. "open_ms" is store_open(), which
# checks the whole file before the first write; the last line is that cost
# seen from the command line.
#
#   bench/save.sh VERDICT BENCHDIR
set -eu
. "$(dirname "$0")/paired.sh"
save=$BENCH/save
for round in 1 2 3; do
	rm -f "$work/save-new.db"*
	printf 'new file,         round %d: ' "$round"
	"$save" "$work/save-new.db" 200
done
rm -f "$work/save-big.db"*
"$verdict" --db "$work/save-big.db" delete 1 >/dev/null 2>&1 || true
python3 "$here/gen_sessions.py" "$work/save-big.db" 100000 "$here/../criteria/node-vs-python.yaml"
for round in 1 2 3; do
	printf '100,000 sessions, round %d: ' "$round"
	"$save" "$work/save-big.db" 200
done
# What opening for writing costs a whole command: PRAGMA quick_check reads
# the file first (docs/storage.md). verdict delete of an id that is not there
# opens for writing and changes nothing.
# It fails (no such session), so it is timed through sh.
rm -f "$work/save-new.db"*
"$verdict" --db "$work/save-new.db" delete 1 >/dev/null 2>&1 || true
paired 11 sh -c '"$0" --db "$1" delete 999999; [ $? = 1 ]' "$verdict" "$work/save-big.db" \
	-- sh -c '"$0" --db "$1" delete 999999; [ $? = 1 ]' "$verdict" "$work/save-new.db"
printf 'verdict delete (no such id), whole process: new file %s, 100,000 sessions %s\n' \
	"$(ms "$B_MS")" "$(ms "$A_MS")"
rm -f "$work/save-new.db"* "$work/save-big.db"*
