# install.sh - make install puts the shell completions where bash-completion,
# zsh and fish look for them under $(PREFIX)/share, below DESTDIR, each
# place movable (BASHCOMPDIR, ZSHCOMPDIR, FISHCOMPDIR); make uninstall takes
# them away. install-completion needs no build, so it runs here for real.
. "$(dirname "$0")/../lib/tap.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)

mk() { run make -C "$ROOT" --no-print-directory "$@"; }

mk install-completion DESTDIR="$T/root" PREFIX=/usr
expect_rc "make install-completion: exit 0" 0
for f in "bash-completion/completions/verdict verdict.bash" "zsh/vendor-completions/_verdict _verdict" \
	"fish/vendor_completions.d/verdict.fish verdict.fish"; do
	set -- $f
	if cmp -s "$T/root/usr/share/$1" "$ROOT/completion/$2"; then
		ok "installed as \$(PREFIX)/share/$1"
	else
		not_ok "installed as \$(PREFIX)/share/$1"
	fi
	expect_eq "\$(PREFIX)/share/$1: mode 644" "$(stat -c %a "$T/root/usr/share/$1" 2>&1)" 644
done
expect_eq "nothing else installed" "$(find "$T/root" -type f | wc -l)" 3

mk install-completion DESTDIR="$T/local"
if [ -f "$T/local/usr/local/share/bash-completion/completions/verdict" ]; then
	ok "PREFIX is /usr/local by default"
else
	not_ok "PREFIX is /usr/local by default"
fi
mk install-completion DESTDIR="$T/own" BASHCOMPDIR=/etc/bash_completion.d
if [ -f "$T/own/etc/bash_completion.d/verdict" ]; then
	ok "BASHCOMPDIR moves bash's"
else
	not_ok "BASHCOMPDIR moves bash's"
fi

mk uninstall DESTDIR="$T/root" PREFIX=/usr
expect_rc "make uninstall: exit 0" 0
expect_eq "make uninstall takes them away" "$(find "$T/root" -type f | wc -l)" 0

# make install installs them too.
mk -n install BUILD="$T/b" DESTDIR="$T/n" PREFIX=/usr
expect_out "make install installs the completions" \
	"install -m 644 completion/verdict.bash $T/n/usr/share/bash-completion/completions/verdict"
