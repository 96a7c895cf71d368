#!/bin/sh
# list.sh - `verdict list` (whole process, output to /dev/null) over
# databases of 1,000, 10,000 and 100,000 sessions made by gen_sessions.py:
# the text table, JSON, and --project (one project's 0.1 %), with how each
# grows from one size to the next (x10 sessions: 10.0 is linear).
#
#   bench/list.sh VERDICT
set -eu
verdict=$1
here=$(dirname "$0")
. "$here/median.sh"
work=${BENCH_WORK:-$(mktemp -d)}

printf '%-9s %8s %9s %9s %8s %12s %8s\n' sessions db_MB text_ms x_prev json_ms project_ms x_prev
prev_t="" prev_p=""
for n in 1000 10000 100000; do
	db="$work/list-$n.db"
	rm -f "$db"*
	"$verdict" --db "$db" delete 1 >/dev/null 2>&1 || true
	python3 "$here/gen_sessions.py" "$db" "$n" "$here/../criteria/node-vs-python.yaml"
	runs=11
	t=$(median_ms $runs "$verdict" --db "$db" list)
	j=$(median_ms $runs "$verdict" --db "$db" list --format json)
	p=$(median_ms $runs "$verdict" --db "$db" list --project "Project 7")
	python3 -c 'import os, sys
n, db, t, j, p, pt, pp = sys.argv[1:]
x = lambda a, b: "%.1f" % (float(a) / float(b)) if b else "-"
print("%-9s %8.1f %9.1f %9s %8.1f %12.1f %8s" % (n, os.path.getsize(db) / 1e6, float(t),
      x(t, pt), float(j), float(p), x(p, pp)))' "$n" "$db" "$t" "$j" "$p" "$prev_t" "$prev_p"
	prev_t=$t prev_p=$p
	rm -f "$db"*
done
