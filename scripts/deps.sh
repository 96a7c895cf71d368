#!/bin/sh
# deps.sh - make sure what verdict needs is on this machine.
#
#   scripts/deps.sh build   libraries and pkg-config, to build verdict
#   scripts/deps.sh test    the above, plus cmocka and the tools the tests drive
#   scripts/deps.sh ci      the above, plus valgrind and clang for fuzzing
#
# Whatever is missing is installed with apt-get when we are root or have
# password-less sudo; otherwise the exact command to run is printed.
set -eu

level=${1:-build}
missing=""

need_pc() {     # pkg-config module, Debian package
	if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists "$1"; then
		missing="$missing $2"
	fi
}
need_cmd() {    # command, Debian package
	command -v "$1" >/dev/null 2>&1 || missing="$missing $2"
}

command -v pkg-config >/dev/null 2>&1 || missing="$missing pkg-config"
need_cmd cc gcc
need_cmd make make
if ! pkg-config --exists ncursesw 2>/dev/null && ! pkg-config --exists ncurses 2>/dev/null; then
	missing="$missing libncurses-dev"
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
	python3 -c 'import yaml' 2>/dev/null || missing="$missing python3-yaml"
	need_cmd sqlite3 sqlite3
	;;
esac
case $level in
ci)
	need_cmd valgrind valgrind
	need_cmd clang clang
	[ -n "$(find /usr/lib/llvm-*/lib/clang -name 'libclang_rt.fuzzer*.a' 2>/dev/null | head -n 1)" ] ||
		missing="$missing libclang-rt-14-dev"
	;;
esac

[ -z "$missing" ] && exit 0

# A package may be named twice (pkg-config module and command); list it once.
missing=$(printf '%s\n' $missing | sort -u | tr '\n' ' ')
cmd="apt-get update && apt-get install -y --no-install-recommends $missing"
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
