# wording.sh - counts agree with their nouns in what verdict prints outside
# the walk-through (tui.sh checks its screens): "1 point", "2 points".
. "$(dirname "$0")/../lib/verdict.sh"

# A tie threshold of exactly 1: "less than 1 point apart".
sed 's/ratings: { tea: 6, coffee: 8 }/ratings: { tea: 7, coffee: 7 }/
s/^title: Tea or coffee?$/title: Tea or coffee?\nstrength: { tie: 1, leaning: 2, clear: 8 }/' \
	"$FIX/criteria/minimal.yaml" >"$T/tie1.yaml"
printf 'project: X\n' >"$T/a.yaml"
run "$VERDICT" score -c "$T/tie1.yaml" -a "$T/a.yaml" --format html
expect_rc "a tie scores" 0
expect_out "a tie under a threshold of 1 is 'less than 1 point apart'" \
	"No option comes out ahead: Tea scores 70.0 and Coffee 70.0, less than 1 point apart, so it is too close to call."
# And of 0.5, as before: "less than 0.5 points apart".
sed 's/ratings: { tea: 6, coffee: 8 }/ratings: { tea: 7, coffee: 7 }/' \
	"$FIX/criteria/minimal.yaml" >"$T/tie.yaml"
run "$VERDICT" score -c "$T/tie.yaml" -a "$T/a.yaml" --format html
expect_out "a tie under the default threshold is 'less than 0.5 points apart'" \
	"less than 0.5 points apart, so it is too close to call."
