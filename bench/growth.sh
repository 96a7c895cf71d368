#!/bin/sh
# growth.sh - the growth tests of issue 13: doubling the input must not cost
# more than 2.2 times the time (linear, with room for noise). In paired runs
# (bench/paired.c), the larger input against the smaller, on sets of N
# criteria x 2 options (gen_criteria.py; 20,000 criteria at 8 options would
# pass the 16 MiB bound), N = 10,000 then 20,000:
#
#   - verdict score with an answers file weighting all N criteria
#     (gen_answers.py): each weight's criterion is looked up by id;
#   - verdict check of the set.
#
# Prints a line for each; exits 1 when one is over, after all are run. Also
# prints, for information, what the answers alone cost at each size: the
# median of the differences between score with them and score with none.
#
#   bench/growth.sh VERDICT BENCHDIR
set -eu
. "$(dirname "$0")/paired.sh"
echo '{}' >"$work/none.yaml"
for n in 10000 20000; do
	python3 "$here/gen_criteria.py" "$n" 2 >"$work/growth-$n.yaml"
	python3 "$here/gen_answers.py" "$n" >"$work/answers-$n.yaml"
done
set10=$work/growth-10000.yaml set20=$work/growth-20000.yaml
ans10=$work/answers-10000.yaml ans20=$work/answers-20000.yaml

status=0
paired 15 "$verdict" score -c "$set20" -a "$ans20" -- "$verdict" score -c "$set10" -a "$ans10"
growth "growth: score, answers weighting all N criteria, N 10,000 -> 20,000" "$RATIO" 2.2 \
	"[medians: $(ms "$B_MS") -> $(ms "$A_MS")]" || status=1
paired 15 "$verdict" check "$set20" -- "$verdict" check "$set10"
growth "growth: check, N 10,000 -> 20,000 criteria x 2" "$RATIO" 2.2 \
	"[medians: $(ms "$B_MS") -> $(ms "$A_MS")]" || status=1

paired 7 "$verdict" score -c "$set10" -a "$ans10" -- "$verdict" score -c "$set10" -a "$work/none.yaml"
d10=$DIFF_MS
paired 7 "$verdict" score -c "$set20" -a "$ans20" -- "$verdict" score -c "$set20" -a "$work/none.yaml"
awk -v a="$d10" -v b="$DIFF_MS" 'BEGIN {
	printf "the answers alone (score with them - score with none): %.0f ms at 10,000, %.0f ms at 20,000 (x %.1f)\n",
	       a, b, (a > 0 ? b / a : 0) }'
[ "$status" = 0 ] || echo "growth test FAILED: doubling N cost more than 2.2 x the time"
exit $status
