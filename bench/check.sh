#!/bin/sh
# check.sh - `verdict check` against its floor, a bare libyaml event scan of
# the same file (bench/yaml_floor.c), in paired runs (bench/paired.c). The
# headlines are issue 13's targets on a set of 10,000 criteria x 8 options:
# the median of the pairwise time ratios, and check's peak RSS against the
# file's size. Then how both grow with the set, and python3's CSafeLoader
# (which only parses) against check at 1,000 criteria.
#
#   bench/check.sh VERDICT BENCHDIR
set -eu
. "$(dirname "$0")/paired.sh"
floor=$BENCH/yaml_floor

for n in 100 1000 10000; do
	python3 "$here/gen_criteria.py" "$n" 8 >"$work/check-$n.yaml"
done
f=$work/check-10000.yaml
size=$(wc -c <"$f")
paired 15 "$verdict" check "$f" -- "$floor" "$f"
h_ratio=$RATIO h_a=$A_MS h_b=$B_MS h_kb=$A_KB
target "check vs libyaml scan (10,000 x 8)" "$RATIO" 1.3 \
	"[medians: check $(ms "$A_MS"), floor $(ms "$B_MS")]"
target "check peak RSS vs file size (10,000 x 8)" \
	"$(awk -v k="$A_KB" -v s="$size" 'BEGIN { print k * 1024 / s }')" 4 \
	"[$(awk -v k="$A_KB" -v s="$size" 'BEGIN { printf "%.1f MB for %.1f MB", k / 1024, s / 1048576 }')]"

echo
printf '%-9s %8s %9s %9s %8s %8s %8s\n' criteria file_MB floor_ms check_ms x_floor rss_MB x_file
for n in 100 1000 10000; do
	f=$work/check-$n.yaml
	if [ "$n" = 10000 ]; then
		r=$h_ratio a=$h_a b=$h_b kb=$h_kb   # the headline's runs
	else
		paired 21 "$verdict" check "$f" -- "$floor" "$f"
		r=$RATIO a=$A_MS b=$B_MS kb=$A_KB
	fi
	awk -v n="$n" -v s="$(wc -c <"$f")" -v r="$r" -v a="$a" -v b="$b" -v k="$kb" 'BEGIN {
		printf "%-9s %8.2f %9.1f %9.1f %8.2f %8.1f %8.1f\n", n, s / 1048576, b, a, r,
		       k / 1024, k * 1024 / s }'
done

if python3 -c 'import yaml; yaml.CSafeLoader' 2>/dev/null; then
	f=$work/check-1000.yaml
	paired 5 python3 -c 'import yaml, sys; yaml.load(open(sys.argv[1]), Loader=yaml.CSafeLoader)' \
		"$f" -- "$verdict" check "$f"
	echo
	printf 'python3 CSafeLoader vs check (1,000 x 8): %.1f x the time of check\n' "$RATIO"
fi
