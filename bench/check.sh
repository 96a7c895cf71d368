#!/bin/sh
# check.sh - `verdict check` against the floor (a bare libyaml event scan) and
# python3's yaml.CSafeLoader, on generated sets of 100, 1,000 and 10,000
# criteria x 8 options. Prints medians of several runs.
#
#   bench/check.sh VERDICT FLOOR
set -eu
verdict=$1
floor=$2
. "$(dirname "$0")/median.sh"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
have_csafe=$(python3 -c 'import yaml; yaml.CSafeLoader; print(1)' 2>/dev/null || echo 0)

printf '%-10s %9s %10s %10s %12s %8s %10s\n' criteria bytes floor_ms verdict_ms csafe_ms x_floor csafe/verd
for n in 100 1000 10000; do
	f="$dir/set-$n.yaml"
	python3 "$(dirname "$0")/gen_criteria.py" "$n" 8 > "$f"
	"$verdict" check "$f" > /dev/null
	runs=11
	[ "$n" -ge 10000 ] && runs=5
	fl=$(median_ms $runs "$floor" "$f")
	vd=$(median_ms $runs "$verdict" check "$f")
	if [ "$have_csafe" = 1 ]; then
		cs=$(median_ms $runs python3 -c "import yaml,sys; yaml.load(open(sys.argv[1]), Loader=yaml.CSafeLoader)" "$f")
	else
		cs=nan
	fi
	python3 - "$n" "$(wc -c < "$f")" "$fl" "$vd" "$cs" <<'PY'
import sys
n, size, fl, vd, cs = sys.argv[1:]
fl, vd, cs = float(fl), float(vd), float(cs)
print(f"{n:<10} {size:>9} {fl:>10.2f} {vd:>10.2f} {cs:>12.2f} {vd/fl:>8.2f} {cs/vd:>10.2f}")
PY
done
