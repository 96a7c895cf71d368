# store_race.sh - many processes creating and saving into one new database
# at once: 20 rounds of 30 'verdict score --save' started together on a file
# that does not exist yet. Every save must succeed (the checks of a new file
# and its migration run in one transaction, retried while another process
# holds the file), every session must be there once, ids 1 to 30, and the
# file must be sound and private. About 20 s on two cores.
#
# The busy timeout is generous: 30 writers take turns at the file, and on a
# loaded machine under AddressSanitizer the last can wait longer than the
# default 5 s, which would be a true "locked" message, not the race this
# script is about (the old opening failed here within a second, with "it
# belongs to another program").
. "$(dirname "$0")/../lib/verdict.sh"

export VERDICT_NOW=1700000000 VERDICT_BUSY_TIMEOUT_MS=30000
ROUNDS=20 PROCS=30
P="$FIX/personas/ecommerce.yaml"

failures=0
r=1
while [ $r -le $ROUNDS ]; do
	db="$T/round$r.db"
	pids=""
	i=1
	while [ $i -le $PROCS ]; do
		"$VERDICT" --db "$db" score -a "$P" --save >/dev/null 2>"$T/err.$r.$i" &
		pids="$pids $!"
		i=$((i + 1))
	done
	bad=""
	for pid in $pids; do
		wait "$pid" || bad="$bad $pid"
	done
	if [ -n "$bad" ]; then
		failures=$((failures + $(echo $bad | wc -w)))
		not_ok "round $r: every save succeeds" "$(cat "$T"/err.$r.* | grep -v '^saved as' | sort | uniq -c)"
	fi
	# Each process said which session it saved: 1 to 30, each once.
	saved=$(cat "$T"/err.$r.* | sed -n 's/^saved as session \([0-9]*\)$/\1/p' | sort -n | tr '\n' ' ')
	want=$(seq 1 $PROCS | tr '\n' ' ')
	[ "$saved" = "$want" ] || not_ok "round $r: sessions 1 to $PROCS, each once" "got: $saved"
	got=$(python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print(c.execute("PRAGMA integrity_check").fetchone()[0],
      c.execute("SELECT count(*), min(id), max(id) FROM sessions").fetchone())' "$db" 2>&1)
	[ "$got" = "ok (30, 1, 30)" ] || not_ok "round $r: the file is sound and holds them all" "$got"
	mode=$(stat -c %a "$db")
	[ "$mode" = 600 ] || not_ok "round $r: the file is private" "mode $mode"
	r=$((r + 1))
done
expect_eq "$ROUNDS rounds of $PROCS processes saving into a new database at once: no failure" \
	"$failures" 0
