# layers.sh - the build enforces the layers of scripts/layers.mk: the checker
# passes on this tree and fails, naming the file, the line and both layers,
# on an include that goes up; every file must be in a layer; its list of
# known upward includes only shrinks; and a unit test that calls code above
# its layer does not link.
. "$(dirname "$0")/../lib/tap.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)

# tree: a fresh copy of what the checker and the build read, in $T/tree.
tree() {
	rm -rf "$T/tree"
	mkdir -p "$T/tree/tests"
	cp -R "$ROOT/Makefile" "$ROOT/scripts" "$ROOT/src" "$T/tree/"
	cp -R "$ROOT/tests/unit" "$T/tree/tests/"
}
# check: the checker on the copy.
check() { run sh "$ROOT/scripts/check-layers.sh" "$T/tree"; }
# expect_fault NAME LINE: the checker fails with exactly LINE on stderr.
expect_fault() {
	check
	expect_rc "$1: the checker fails" 1
	expect_eq "$1: it says where and why" "$(cat "$T/err")" "$2"
}

run sh "$ROOT/scripts/check-layers.sh" "$ROOT"
expect_rc "this tree passes" 0
expect_out "it says what it checked" " in 8 layers, no include goes up"

tree
check
expect_rc "a copy of it passes" 0

sed -i '3a #include "store.h"' "$T/tree/src/score.c"
expect_fault "score.c (scoring) includes store.h (storage)" \
	"src/score.c:4: scoring (layer 2) includes store.h of storage (layer 3)"

tree
sed -i '1a #include "tui/draw.h"' "$T/tree/src/text.h"
expect_fault "a header of the base includes one of the faces" \
	"src/text.h:2: base (layer 0) includes tui/draw.h of faces (layer 7)"

# A known upward include is known only where it is listed.
tree
sed -i '1a #include "cli.h"' "$T/tree/src/criteria.c"
expect_fault "criteria.c (model) includes cli.h" \
	"src/criteria.c:2: model (layer 1) includes cli.h of faces (layer 7)"

# The list of known upward includes (empty now) lets a listed one through,
# and one listed that is gone must leave the list: planted in a copy of the
# checker.
tree
sed -i "/^known='\$/a src/score.c store.h" "$T/tree/scripts/check-layers.sh"
run sh "$T/tree/scripts/check-layers.sh" "$T/tree"
expect_rc "a known include that is gone: the checker fails" 1
expect_eq "a known include that is gone: it says where and why" "$(cat "$T/err")" \
	"scripts/check-layers.sh: the known include src/score.c store.h is gone: remove it from the list"
sed -i '3a #include "store.h"' "$T/tree/src/score.c"
run sh "$T/tree/scripts/check-layers.sh" "$T/tree"
expect_rc "a listed upward include is let through" 0
expect_out "and counted" "(but 1 known, listed in scripts/check-layers.sh)"

tree
echo 'int unlayered;' >"$T/tree/src/unlayered.c"
expect_fault "a file in no layer" "src/unlayered.c: in no layer of scripts/layers.mk"

tree
sed -i 1d "$T/tree/tests/unit/test_diag.c"
expect_fault "a unit test that names no layer" \
	'tests/unit/test_diag.c:1: no "/* layer: NAME */" on its first line'

tree
sed -i '1a #include "store.h"' "$T/tree/tests/unit/test_diag.c"
expect_fault "a unit test of the model includes store.h" \
	"tests/unit/test_diag.c:2: model (layer 1) includes store.h of storage (layer 3)"

# Linking: a test of the model that calls the store does not link; the same
# test calling the model does.
tree
cat >"$T/tree/tests/unit/test_planted.c" <<'C'
/* layer: model */
#include <stddef.h>
#include "criteria.h"
struct store;
void store_close(struct store *st);
int main(void)
{
	criteria_free(NULL);
	store_close(NULL);
	return 0;
}
C
make -C "$T/tree" BUILD="$T/tree/build" CFLAGS=-O0 "$T/tree/build/tests/test_planted" \
	>"$T/out" 2>"$T/err"
rc=$?
expect_rc "a test of the model calling the store does not link" 2
expect_err "the linker names the call" "store_close"
sed -i '/store_close/d' "$T/tree/tests/unit/test_planted.c"
run make -C "$T/tree" BUILD="$T/tree/build" CFLAGS=-O0 "$T/tree/build/tests/test_planted"
expect_rc "a test of the model calling the model links" 0
