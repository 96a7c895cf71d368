#!/bin/sh
# score.sh - `verdict score` as a whole process (start, load, score with the
# Monte Carlo confidence, print, exit) on the default set, against
# /bin/true (the cost of starting any process, as measured here) and
# python3 -c pass (the start of the alternative); then how it grows with the
# size of the criteria set. Prints medians, and what each costs over
# /bin/true (on this kind of VM, starting a process is itself milliseconds).
#
#   bench/score.sh VERDICT
set -eu
verdict=$1
here=$(dirname "$0")
. "$here/median.sh"
work=${BENCH_WORK:-$(mktemp -d)}
persona="$here/../tests/fixtures/personas/ecommerce.yaml"
echo '{}' >"$work/none.yaml"
# The interpreter itself, not a version manager's shim in front of it; and
# the system's, when that is another one.
python=$(python3 -c 'import sys; print(sys.executable)')
runs=31

printf '%-46s %9s %13s\n' command median_ms over_true_ms
true_ms=$(median_ms $runs /bin/true)
row() {
	label=$1
	shift
	ms=$(median_ms $runs "$@")
	awk -v l="$label" -v a="$ms" -v b="$true_ms" 'BEGIN { printf "%-46s %9.2f %13.2f\n", l, a, a - b }'
}
printf '%-46s %9.2f %13.2f\n' "/bin/true (starting any process)" "$true_ms" 0
row "python3 -c pass ($("$python" --version 2>&1) on PATH)" "$python" -c pass
if [ -x /usr/bin/python3 ] && [ "$(readlink -f /usr/bin/python3)" != "$(readlink -f "$python")" ]; then
	row "python3 -c pass ($(/usr/bin/python3 --version 2>&1), /usr/bin)" /usr/bin/python3 -c pass
fi
row "verdict --version (start, libraries, exit)" "$verdict" --version
row "verdict check (default set)" "$verdict" check "$here/../criteria/node-vs-python.yaml"
row "verdict score (default set, text)" "$verdict" score -a "$persona"
row "verdict score --format json (default set)" "$verdict" score -a "$persona" --format json

# Peak RSS with GNU time, whose own share is about 1 MB (it forks from a
# small program; a Python parent would count its own size for the child).
rss() {
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n 1
	else
		echo 0
	fi
}
echo
printf 'peak RSS (GNU time, MB): verdict score on the default set %s, /bin/true %s\n' \
	"$(rss "$verdict" score -a "$persona" | awk '{ printf "%.1f", $1 / 1024 }')" \
	"$(rss /bin/true | awk '{ printf "%.1f", $1 / 1024 }')"

echo
printf '%-9s %9s %8s %10s %7s %10s %7s\n' criteria file_MB score_ms ms_per_100 x_prev \
	score_rssMB x_prev
prev="" prev_rss=""
for n in 100 1000 10000; do
	python3 "$here/gen_criteria.py" "$n" 8 >"$work/set-$n.yaml"
	r=$runs
	[ "$n" -ge 10000 ] && r=5
	ms=$(median_ms $r "$verdict" score -c "$work/set-$n.yaml" -a "$work/none.yaml")
	kb=$(rss "$verdict" score -c "$work/set-$n.yaml" -a "$work/none.yaml")
	python3 -c 'import os, sys
n, f, ms, prev, kb, prev_kb = sys.argv[1:]
x = lambda a, b: "%.1f" % (float(a) / float(b)) if b else "-"
print("%-9s %9.2f %8.1f %10.2f %7s %10.1f %7s" % (n, os.path.getsize(f) / 1e6, float(ms),
      float(ms) / int(n) * 100, x(ms, prev), int(kb) / 1024, x(kb, prev_kb)))' \
		"$n" "$work/set-$n.yaml" "$ms" "$prev" "$kb" "$prev_rss"
	prev=$ms prev_rss=$kb
done
