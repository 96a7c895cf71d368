# paired.sh - sourced by the benchmarks, first: their common start, paired
# timing (bench/paired.c) and the headline lines. A benchmark is run as
#   bench/NAME.sh VERDICT BENCHDIR
# and starts with
#   set -eu
#   . "$(dirname "$0")/paired.sh"
# which sets verdict (the program under test), BENCH (BENCHDIR, the
# directory of the bench programs), here (bench/) and work (for the
# generated files: $BENCH_WORK, else a new temporary directory).
if [ $# -lt 2 ]; then
	echo "usage: $0 VERDICT BENCHDIR" >&2
	exit 2
fi
verdict=$1 BENCH=$2
here=$(dirname "$0")
work=${BENCH_WORK:-$(mktemp -d)}

#
# paired RUNS A... [-- B...]: RUNS pairs of runs, A then B (paired.c), and
# sets RATIO (median of A_i / B_i), A_MS, B_MS, DIFF_MS (medians, wall
# time), A_KB, B_KB (medians of the peak RSS) and RSS_RATIO. Fails when a
# command fails.
paired() {
	_out=$("$BENCH/paired" "$@") || return 1
	# shellcheck disable=SC2086
	set -- $_out
	RATIO=$1 A_MS=$2 B_MS=$3 DIFF_MS=$4 A_KB=$5 B_KB=$6 RSS_RATIO=$7
}

# target NAME RATIO LIMIT [DETAIL]: the headline of one target of issue 13,
#   NAME: ratio X.XX (target <= LIMIT)  met|MISSED  DETAIL
# A missed target is reported, not failed: meeting it is the code's work.
target() {
	awk -v n="$1" -v r="$2" -v l="$3" -v d="${4:-}" 'BEGIN {
		printf "%s: ratio %.2f (target <= %s)  %s%s\n", n, r, l,
		       r <= l + 0 ? "met" : "MISSED", d == "" ? "" : "  " d }'
}

# growth NAME RATIO LIMIT [DETAIL]: like target, for a growth test: the
# ratio is what doubling the input costs. Returns 1 when it is over LIMIT.
growth() {
	target "$@"
	awk -v r="$2" -v l="$3" 'BEGIN { exit !(r <= l + 0) }'
}

# ms MS: a median in milliseconds, as people read it.
ms() {
	awk -v m="$1" 'BEGIN { printf(m < 10 ? "%.2f ms" : m < 100 ? "%.1f ms" : "%.0f ms", m) }'
}
