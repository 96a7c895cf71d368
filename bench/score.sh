#!/bin/sh
# score.sh - `verdict score` as a whole process (start, load, score with the
# Monte Carlo confidence, print, exit) on the default set, against /bin/true,
# in paired runs (bench/paired.c). The headline is issue 13's target: the
# median of the pairwise ratios. Then other whole commands against the same
# floor, and how score's time and peak RSS grow with the size of the set.
#
#   bench/score.sh VERDICT BENCHDIR
set -eu
. "$(dirname "$0")/paired.sh"
persona="$here/../tests/fixtures/personas/ecommerce.yaml"
echo '{}' >"$work/none.yaml"
# The interpreter itself, not a version manager's shim in front of it.
python=$(python3 -c 'import sys; print(sys.executable)')

paired 51 "$verdict" score -a "$persona" -- /bin/true
target "score (default set) vs /bin/true" "$RATIO" 2.0 \
	"[medians: score $(ms "$A_MS"), /bin/true $(ms "$B_MS")]"
score_kb=$A_KB true_kb=$B_KB

echo
printf '%-46s %9s %9s\n' "command (paired with /bin/true)" median_ms x_true
row() {
	label=$1
	shift
	paired 31 "$@" -- /bin/true
	printf '%-46s %9.2f %9.2f\n' "$label" "$A_MS" "$RATIO"
}
row "python3 -c pass ($("$python" --version 2>&1))" "$python" -c pass
row "verdict --version (start, libraries, exit)" "$verdict" --version
row "verdict check (default set)" "$verdict" check "$here/../criteria/node-vs-python.yaml"
row "verdict score --format json (default set)" "$verdict" score -a "$persona" --format json
awk -v a="$score_kb" -v b="$true_kb" 'BEGIN {
	printf "peak RSS: verdict score (default set) %.1f MB, /bin/true %.1f MB\n", a / 1024, b / 1024 }'

echo
printf '%-9s %8s %9s %11s %7s %8s %7s\n' criteria file_MB score_ms ms_per_100 x_prev rss_MB x_prev
prev="" prev_kb=""
for n in 100 1000 10000; do
	f=$work/score-$n.yaml
	python3 "$here/gen_criteria.py" "$n" 8 >"$f"
	r=21
	[ "$n" -ge 10000 ] && r=7
	paired "$r" "$verdict" score -c "$f" -a "$work/none.yaml"
	awk -v n="$n" -v s="$(wc -c <"$f")" -v m="$A_MS" -v p="$prev" -v k="$A_KB" -v pk="$prev_kb" '
	function x(a, b) { return b == "" ? "-" : sprintf("%.1f", a / b) }
	BEGIN { printf "%-9s %8.2f %9.1f %11.2f %7s %8.1f %7s\n", n, s / 1048576, m,
	               m / n * 100, x(m, p), k / 1024, x(k, pk) }'
	prev=$A_MS prev_kb=$A_KB
done
