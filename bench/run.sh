#!/bin/sh
# run.sh - every benchmark, one after the other, each printing its table of
# medians; docs/performance.md explains them and records the figures.
#
#   bench/run.sh VERDICT BENCHDIR
#
# BENCHDIR holds the bench programs (yaml_floor, save) and gets a work
# directory for the generated files, on the same disk as the build, so that
# fsync means what it means for a user's database.
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

echo "verdict benchmarks: $(uname -srm), $(nproc) CPUs; medians of several runs, in ms"
echo
echo "== verdict check: generated sets of N criteria x 8 options =="
"$here/check.sh" "$verdict" "$dir/yaml_floor"
echo
echo "== whole process: verdict score and its reference points =="
"$here/score.sh" "$verdict"
echo
echo "== saving one answer durably (store API, 200 saves each) =="
"$here/save.sh" "$verdict" "$dir/save"
echo
echo "== verdict list over N sessions =="
"$here/list.sh" "$verdict"
echo
echo "== the walk-through: redraw per key press, and peak RSS =="
python3 "$here/tui.py" "$verdict"
