#!/bin/sh
# libs.sh - the link flags of verdict's libraries, for `make STATIC=1`.
#
#   scripts/libs.sh PKG...
#   scripts/libs.sh --whole PKG...
#
# With --whole: the flags of a program linked wholly statically, the C
# library included, as a position-independent executable (-static-pie:
# addresses still randomised), when every library has its archive, libc.a
# included (libc6-dev ships it); else nothing, with a line on standard
# error saying why. Such a program starts without the dynamic loader at all.
# Without it:
# Prints one line: the libraries of the pkg-config packages PKG... (with
# their private dependencies, `pkg-config --static`) linked statically
# between -Wl,-Bstatic and -Wl,-Bdynamic where the compiler finds their
# archive (libNAME.a; Debian's -dev packages ship them), and the C library's
# own (libc, libm, libdl, libpthread, librt) dynamically, as always. A
# library without an archive is linked dynamically, and a line on standard
# error says so. Uses $PKG_CONFIG (default pkg-config) and $CC (default cc).
set -eu
PKG_CONFIG=${PKG_CONFIG:-pkg-config}
CC=${CC:-cc}
whole=0
if [ "${1:-}" = --whole ]; then
	whole=1
	shift
fi

dirs=$($PKG_CONFIG --static --libs-only-L "$@")
names=$($PKG_CONFIG --static --libs-only-l "$@")
other=$($PKG_CONFIG --static --libs-only-other "$@")

# Each library once, at its last place: a static library must come after
# every library that uses it.
uniq_last() {
	printf '%s\n' "$@" | awk '{ last[$0] = NR; line[NR] = $0 }
		END { for (i = 1; i <= NR; i++) if (last[line[i]] == i) printf "%s ", line[i] }'
}

# archive NAME: whether libNAME.a is in a -L directory or the compiler's path.
archive() {
	for d in $dirs; do
		[ -f "${d#-L}/lib$1.a" ] && return 0
	done
	case $($CC -print-file-name="lib$1.a") in
	/*) return 0 ;;
	esac
	return 1
}

static="" dynamic=""
for l in $(uniq_last $names); do
	name=${l#-l}
	case $name in
	c | m | dl | pthread | rt | util | resolv)
		dynamic="$dynamic $l"
		;;
	*)
		if archive "$name"; then
			static="$static $l"
		else
			echo "make STATIC=1: no lib$name.a here, so lib$name is linked dynamically" >&2
			dynamic="$dynamic $l"
		fi
		;;
	esac
done
if [ "$whole" = 1 ]; then
	for l in $dynamic -lc -lm; do
		name=${l#-l}
		if ! archive "$name"; then
			echo "make STATIC=1: no lib$name.a here, so verdict is linked with the shared C library" >&2
			exit 0
		fi
	done
	echo -static-pie $dirs $other $static $dynamic
	exit 0
fi
out="$dirs $other"
[ -n "$static" ] && out="$out -Wl,-Bstatic$static -Wl,-Bdynamic"
echo $out $dynamic
