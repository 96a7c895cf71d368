#!/bin/sh
# run.sh - replays each target's seed corpus, then fuzzes it for SECONDS.
#
#   tests/fuzz/run.sh BUILD SECONDS TARGET...
#
# New inputs go to BUILD/fuzz/work-TARGET, never into the seeds; a crash is
# kept as BUILD/fuzz/crash-TARGET-* and makes the run fail. Add it to
# tests/fuzz/corpus/TARGET/ once fixed, as a regression case.
set -u
build=$1
seconds=$2
shift 2
here=$(dirname "$0")
status=0
for t in "$@"; do
	bin=$build/fuzz/fuzz_$t
	seeds=$here/corpus/$t
	work=$build/fuzz/work-$t
	mkdir -p "$work"
	n=$(ls "$seeds" | wc -l)
	if "$bin" -runs=0 "$seeds" >"$build/fuzz/replay-$t.log" 2>&1; then
		echo "fuzz $t: replayed $n seeds"
	else
		tail -n 30 "$build/fuzz/replay-$t.log"
		echo "fuzz $t: a seed fails"
		status=1
		continue
	fi
	if "$bin" -max_total_time="$seconds" -dict="$here/yaml.dict" -max_len=65536 \
		-timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix="$build/fuzz/crash-$t-" "$work" "$seeds" \
		>"$build/fuzz/fuzz-$t.log" 2>&1; then
		runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$build/fuzz/fuzz-$t.log")
		echo "fuzz $t: ${seconds}s, $runs inputs, no crash"
	else
		tail -n 40 "$build/fuzz/fuzz-$t.log"
		echo "fuzz $t: CRASH, see $build/fuzz/crash-$t-*"
		status=1
	fi
done
exit $status
