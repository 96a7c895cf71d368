# deps.sh - what the build installs and when: plain make installs nothing and
# says what is missing (the pkg-config package and the Debian package), the
# README's make run and make test install it first, and make deps does it
# alone. A pkg-config that says jansson is missing, and an apt-get and sudo
# that only write down how they were called, stand in for the real ones.
. "$(dirname "$0")/../lib/tap.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)

mkdir "$T/bin"
cat >"$T/bin/pkg-config" <<SH
#!/bin/sh
for a in "\$@"; do [ "\$a" = jansson ] && exit 1; done
exec $(command -v pkg-config) "\$@"
SH
cat >"$T/bin/apt-get" <<SH
#!/bin/sh
echo "apt-get \$*" >>"$T/apt.log"
SH
cat >"$T/bin/sudo" <<'SH'
#!/bin/sh
[ "$1" = -n ] && shift
exec "$@"
SH
chmod 755 "$T/bin/pkg-config" "$T/bin/apt-get" "$T/bin/sudo"

# mk ARG...: make in this tree with a build directory of its own and the
# stand-ins first on PATH.
mk() {
	rm -rf "$T/b" "$T/apt.log"
	run env PATH="$T/bin:$PATH" make -C "$ROOT" --no-print-directory BUILD="$T/b" \
		PKG_CONFIG="$T/bin/pkg-config" "$@"
}
installed() { cat "$T/apt.log" 2>/dev/null; }

mk
expect_rc "plain make stops" 2
cat >"$T/want" <<'TXT'
verdict cannot be built here: missing
  pkg-config package jansson (Debian package libjansson-dev)
'make deps' installs them (as root or with password-less sudo), as does:
  sudo sh -c 'apt-get update && apt-get install -y --no-install-recommends libjansson-dev'
TXT
if head -n 4 "$T/err" | cmp -s - "$T/want"; then
	ok "plain make says what is missing and where it comes from"
else
	not_ok "plain make says what is missing and where it comes from" "$(diff "$T/want" "$T/err")"
fi
expect_eq "plain make installs nothing" "$(installed)" ""

mk -n all
expect_rc "make -n stops too (the set-up is done before anything)" 2
expect_eq "make -n installs nothing" "$(installed)" ""

for goal in run test; do
	mk -n "$goal"
	expect_eq "make $goal installs what is missing first" "$(installed)" \
		"apt-get update -qq
apt-get install -y -qq --no-install-recommends libjansson-dev"
done

mk deps
expect_rc "make deps exits 0" 0
expect_eq "make deps installs what is missing" "$(installed)" \
	"apt-get update -qq
apt-get install -y -qq --no-install-recommends libjansson-dev"
if [ -e "$T/b/config.mk" ]; then not_ok "make deps builds nothing"; else ok "make deps builds nothing"; fi
