#!/bin/sh
# run.sh - every benchmark, one after the other. Each times a command against
# its floor in paired runs (bench/paired.c) and prints issue 13's targets as
#   NAME: ratio X.XX (target <= Y)  met|MISSED
# then its tables; docs/performance.md explains them. The targets are
# gathered again at the end. A missed target is reported; only a failed
# growth test (doubling the input costing more than 2.2 x the time) makes
# this script, and so `make bench`, fail.
#
#   bench/run.sh VERDICT BENCHDIR
#
# BENCHDIR holds the bench programs (paired, yaml_floor, save) and gets a
# work directory for the generated files, on the same disk as the build, so
# that fsync means what it means for a user's database.
set -eu
verdict=$1
dir=$2
case $verdict in /*) ;; *) verdict=$(pwd)/$verdict ;; esac
case $dir in /*) ;; *) dir=$(pwd)/$dir ;; esac
here=$(cd "$(dirname "$0")" && pwd)
work="$dir/work"
rm -rf "$work"
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT
export BENCH_WORK="$work" LC_ALL=C.UTF-8 TZ=UTC
unset VERDICT_DB VERDICT_CRITERIA
log=$work/log
: >"$log"
failed=""

# bench TITLE CMD...: one benchmark, its output also kept for the summary.
bench() {
	echo
	echo "== $1 =="
	shift
	{ "$@" || echo "FAILED: $*"; } 2>&1 | tee -a "$log"
}

echo "verdict benchmarks: $(uname -srm), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
echo "paired runs: each ratio is the median of A_i / B_i over runs A B A B ..."
bench "verdict check against a bare libyaml scan; N criteria x 8 options" \
	"$here/check.sh" "$verdict" "$dir"
bench "verdict score as a whole process, against /bin/true" "$here/score.sh" "$verdict" "$dir"
bench "verdict show of a saved session, against score of its answers" \
	"$here/show.sh" "$verdict" "$dir"
bench "verdict list over N sessions, against sqlite3" "$here/list.sh" "$verdict" "$dir"
bench "growth: doubling the input" "$here/growth.sh" "$verdict" "$dir"
bench "saving one answer durably (store API, 200 saves each)" "$here/save.sh" "$verdict" "$dir"
bench "the walk-through: redraw per key press, and peak RSS" python3 "$here/tui.py" "$verdict"

echo
echo "== summary (medians of paired ratios; noisy when the machine is busy) =="
grep -E ': ratio [0-9.]+ \(target' "$log" || true
if grep -q '^FAILED: ' "$log"; then
	grep '^FAILED: ' "$log"
	if grep -q '^growth: .*  MISSED' "$log"; then
		echo "make bench: a growth test failed: doubling N cost more than 2.2 x the time"
	fi
	exit 1
fi
