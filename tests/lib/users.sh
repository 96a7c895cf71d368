# users.sh - running verdict as another user, for the checks that need a
# file or directory it may not write: root writes anywhere, so as root they
# run as nobody (with runuser, else setpriv); as anyone else, file modes do.
#
# $other_user is the command prefix ("" when not root); other_user_ok says
# whether such checks can run here (not as root without runuser or setpriv).
other_user=""
if [ "$(id -u)" = 0 ]; then
	if command -v runuser >/dev/null 2>&1 && runuser -u nobody -- true 2>/dev/null; then
		other_user="runuser -u nobody --"
	elif command -v setpriv >/dev/null 2>&1 &&
		setpriv --reuid=nobody --regid=nogroup --clear-groups -- true 2>/dev/null; then
		other_user="setpriv --reuid=nobody --regid=nogroup --clear-groups --"
	fi
fi
other_user_ok() { [ "$(id -u)" != 0 ] || [ -n "$other_user" ]; }
# as_other CMD...: runs CMD as the other user (as we are, when not root).
as_other() { $other_user "$@"; }
