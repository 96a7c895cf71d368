# selftest.sh - verdict selftest: the engine against published cases.
. "$(dirname "$0")/../lib/verdict.sh"

run "$VERDICT" selftest
expect_rc "selftest passes: exit 0" 0
expect_out "selftest names Saaty's 2008 case and its source" \
	"  source: Saaty (2008), Int. J. Services Sciences 1(1), pp. 83-98"
expect_out "selftest: Family's weight as published and as computed" \
	"  weight of Family           expected 0.433  computed 0.433454  ok"
expect_out "selftest: the 3 x 3 matrix's consistency ratio" \
	"  consistency ratio          expected 0.033  computed 0.033199  ok"
expect_out "selftest: a TOPSIS closeness to six decimals" \
	"  closeness of A3            expected 0.557491  computed 0.557491"
expect_out "selftest: the incomplete case's filled value" \
	"  a over c, filled           expected 1.0000  computed 1.0000000  ok"
expect_eq "selftest ends with the summary line" "$(tail -n 1 "$T/out")" \
	"selftest: all 4 cases pass (23 figures)"
expect_eq "selftest misses nothing" "$(grep -c MISS "$T/out")" 0
expect_eq "selftest says nothing on stderr" "$(wc -c < "$T/err")" 0

run "$VERDICT" selftest --help
expect_rc "selftest --help exits 0" 0
expect_out "selftest --help gives the usage" "usage: verdict selftest"

run "$VERDICT" selftest extra
expect_rc "selftest with an argument is a usage error" 2
expect_err "selftest says it takes no arguments" "verdict selftest: takes no arguments"

run "$VERDICT" --help
expect_out "the help lists selftest" "  selftest check the arithmetic against published cases"
