#!/bin/sh
# deps.sh - make sure what verdict needs is on this machine.
#
#   scripts/deps.sh [--check] build   libraries and pkg-config, to build verdict
#   scripts/deps.sh [--check] test    the above, plus cmocka and the tools the tests drive
#   scripts/deps.sh [--check] ci      the above, plus valgrind and clang for fuzzing
#
# Whatever is missing is installed with apt-get when we are root or have
# password-less sudo; otherwise the exact command to run is printed. With
# --check nothing is installed: it says what is missing (the pkg-config
# package or command, and the Debian package it comes in) and fails. The
# libraries are looked up with $PKG_CONFIG (default pkg-config).
set -eu

mode=install
if [ "${1:-}" = --check ]; then
	mode=check
	shift
fi
level=${1:-build}
PKG_CONFIG=${PKG_CONFIG:-pkg-config}
missing=""      # Debian packages
lacking=""      # one line each: what is missing, and its package
nl='
'

# lack WHAT PACKAGE: WHAT is missing; the Debian package PACKAGE brings it.
lack() {
	missing="$missing $2"
	lacking="$lacking  $1 (Debian package $2)$nl"
}
need_pc() {     # pkg-config package, Debian package
	$PKG_CONFIG --exists "$1" 2>/dev/null || lack "pkg-config package $1" "$2"
}
need_cmd() {    # command, Debian package
	command -v "$1" >/dev/null 2>&1 || lack "command $1" "$2"
}

command -v "$PKG_CONFIG" >/dev/null 2>&1 || lack "command $PKG_CONFIG" pkg-config
need_cmd cc gcc
need_cmd make make
if ! $PKG_CONFIG --exists ncursesw 2>/dev/null && ! $PKG_CONFIG --exists ncurses 2>/dev/null; then
	lack "pkg-config package ncursesw" libncurses-dev
fi
need_pc yaml-0.1 libyaml-dev
need_pc sqlite3 libsqlite3-dev
need_pc jansson libjansson-dev
need_pc nettle nettle-dev

case $level in
test|ci)
	need_pc cmocka libcmocka-dev
	need_cmd tmux tmux
	need_cmd jq jq
	need_cmd python3 python3
	python3 -c 'import yaml' 2>/dev/null || lack "python3 module yaml" python3-yaml
	need_cmd sqlite3 sqlite3
	need_cmd git git
	need_cmd pre-commit pre-commit
	;;
esac
case $level in
ci)
	need_cmd valgrind valgrind
	need_cmd clang clang
	[ -n "$(find /usr/lib/llvm-*/lib/clang -name 'libclang_rt.fuzzer*.a' 2>/dev/null | head -n 1)" ] ||
		lack "clang's libFuzzer" libclang-rt-14-dev
	;;
esac

[ -z "$missing" ] && exit 0

# A package may be named twice (pkg-config package and command); list it once.
missing=$(printf ' %s' $(printf '%s\n' $missing | sort -u))
cmd="apt-get update && apt-get install -y --no-install-recommends$missing"
if [ "$mode" = check ]; then
	printf 'verdict cannot be built here: missing\n%s' "$lacking" >&2
	echo "'make deps' installs them (as root or with password-less sudo), as does:" >&2
	echo "  sudo sh -c '$cmd'" >&2
	exit 1
fi
if [ "$(id -u)" = 0 ]; then
	sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	sudo="sudo"
else
	echo "verdict needs these Debian packages:$missing" >&2
	echo "Install them with:  sudo sh -c '$cmd'" >&2
	exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
	echo "verdict needs:$missing (no apt-get here: install their equivalents)" >&2
	exit 1
fi
echo "Installing:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
