#!/bin/sh
# check-layers.sh - fails when a file includes a header of a layer above its
# own. The layers are scripts/layers.mk's; every file of src/ must be in one
# of them, and every file of tests/unit/ must name its layer on its first
# line ("/* layer: NAME */").
#
#   scripts/check-layers.sh [TREE]      TREE: the source tree (default: this one)
#
# Each fault is a line "FILE:LINE: what", and the status is 1; with none it
# prints one line saying what it checked and exits 0.
set -eu
tree=${1:-$(dirname "$0")/..}
cd "$tree"

# Known upward includes, FILE HEADER (none left), each to go when its file stops
# printing and returning exit statuses (issue 12, item 1: errors are values).
# A listed include is allowed; a listed one that is no longer there is a
# fault, so that the list only shrinks and is removed when empty.
known='
'

files=$(find src tests/unit -name '*.[ch]' | LC_ALL=C sort)
# shellcheck disable=SC2086
awk -v known="$known" '
# The table: LAYERS gives the order, LAYER_NAME the stems, % as a wildcard.
FILENAME == "scripts/layers.mk" {
	if ($1 == "LAYERS" && $2 == "=") {
		for (i = 3; i <= NF; i++) { nlayers++; name[nlayers - 1] = $i; index_of[$i] = nlayers - 1 }
	} else if ($1 ~ /^LAYER_[a-z]+$/ && $2 == "=") {
		l = substr($1, 7)
		if (!(l in index_of)) { fault("scripts/layers.mk:" FNR ": " $1 " is not in LAYERS"); next }
		for (i = 3; i <= NF; i++) { npat[l]++; pat[l, npat[l]] = $i }
	}
	next
}
FNR == 1 { start_file() }
/^[ \t]*#[ \t]*include[ \t]*"/ {
	h = $0
	sub(/^[ \t]*#[ \t]*include[ \t]*"/, "", h)
	sub(/".*/, "", h)
	incs[FILENAME] = incs[FILENAME] FNR " " h "\n"
}
END {
	for (l in index_of) if (!(l in npat)) fault("scripts/layers.mk: layer " l " has no LAYER_" l " line")
	for (i = 1; i <= nfiles; i++) layer[order[i]] = layer_of(order[i])
	split(known, kl, "\n")
	for (i in kl) if (kl[i] != "") allowed[kl[i]] = 0
	for (i = 1; i <= nfiles; i++) check(order[i])
	for (k in allowed) if (!allowed[k])
		fault("scripts/check-layers.sh: the known include " k " is gone: remove it from the list")
	if (nfaults) exit 1
	printf "check-layers: %d files in %d layers, no include goes up", nfiles, nlayers
	if (nknown) printf " (but %d known, listed in scripts/check-layers.sh)", nknown
	printf "\n"
}

function start_file() {
	seen[FILENAME] = 1
	order[++nfiles] = FILENAME
	if (FILENAME ~ /^tests\/unit\//) {
		declared[FILENAME] = ""
		if (match($0, /^\/\* layer: [a-z]+ \*\/$/))
			declared[FILENAME] = substr($0, 11, length($0) - 13)
	}
}

# The layer of file F (a path from the tree root), or -1 after saying why.
function layer_of(f,    stem, l, i, found, n) {
	if (f in declared) {
		if (declared[f] == "") {
			fault(f ":1: no \"/* layer: NAME */\" on its first line")
			return -1
		}
		if (!(declared[f] in index_of)) {
			fault(f ":1: layer " declared[f] " is not in scripts/layers.mk")
			return -1
		}
		return index_of[declared[f]]
	}
	stem = f
	sub(/^src\//, "", stem)
	sub(/\.[ch]$/, "", stem)
	n = 0
	for (l in index_of)
		for (i = 1; i <= npat[l]; i++)
			if (matches(stem, pat[l, i])) { found = l; n++; break }
	if (n == 1)
		return index_of[found]
	fault(f ": in " (n ? "more than one layer" : "no layer") " of scripts/layers.mk")
	return -1
}

# Whether STEM matches PATTERN, % standing for any text.
function matches(stem, pattern,    p) {
	p = pattern
	gsub(/[.+?()|^$\\[\]{}*]/, "\\\\&", p)
	gsub(/%/, ".*", p)
	return stem ~ ("^" p "$")
}

# The file an include of H from F names: F'"'"'s directory first, then src/,
# then (for tests) tests/unit/; "" when none is in the tree.
function resolve(f, h,    dir) {
	dir = f
	sub(/\/[^\/]*$/, "", dir)
	if ((dir "/" h) in seen) return dir "/" h
	if (("src/" h) in seen) return "src/" h
	if (f ~ /^tests\/unit\// && ("tests/unit/" h) in seen) return "tests/unit/" h
	return ""
}

function check(f,    lines, n, i, sp, line, h, to, k) {
	if (layer[f] < 0) return
	n = split(incs[f], lines, "\n")
	for (i = 1; i < n; i++) {
		sp = index(lines[i], " ")
		line = substr(lines[i], 1, sp - 1)
		h = substr(lines[i], sp + 1)
		to = resolve(f, h)
		if (to == "") {
			fault(f ":" line ": includes \"" h "\", which is no file of src/ or tests/unit/")
			continue
		}
		if (layer[to] <= layer[f]) continue
		k = f " " h
		if (k in allowed) { allowed[k] = 1; nknown++; continue }
		fault(f ":" line ": " name[layer[f]] " (layer " layer[f] ") includes " h \
		      " of " name[layer[to]] " (layer " layer[to] ")")
	}
}

function fault(msg) {
	print msg > "/dev/stderr"
	nfaults++
}
' scripts/layers.mk $files
