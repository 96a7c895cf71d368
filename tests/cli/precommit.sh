# precommit.sh - the verdict-check hook of .pre-commit-hooks.yaml, driven by
# the pre-commit tool in a team's git repository, offline: the hooks come
# from a local git repository holding this tree's .pre-commit-hooks.yaml,
# and the team's .pre-commit-config.yaml points the hook at its own folder
# (decisions/). A criteria file with a mistake stops the commit with
# verdict's FILE:LINE:COLUMN message; fixed, it commits; a YAML file outside
# the folder is not checked. Without pre-commit or git, a skip.
. "$(dirname "$0")/../lib/verdict.sh"

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
for tool in git pre-commit; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		skip "pre-commit hook" "$tool is not installed (scripts/deps.sh test installs it)"
		exit 0
	fi
done

# verdict on PATH as the hook finds it (language: system); pre-commit's
# cache and git's settings inside $T.
mkdir "$T/bin"
ln -s "$VERDICT" "$T/bin/verdict"
export PATH="$T/bin:$PATH" PRE_COMMIT_HOME="$T/cache" HOME="$T" GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=Dana GIT_AUTHOR_EMAIL=dana@example.com
export GIT_COMMITTER_NAME=Dana GIT_COMMITTER_EMAIL=dana@example.com

# The hooks' repository: this tree's hook file, committed.
mkdir "$T/hooks"
cp "$ROOT/.pre-commit-hooks.yaml" "$T/hooks/"
git -C "$T/hooks" init -q
git -C "$T/hooks" add .pre-commit-hooks.yaml
git -C "$T/hooks" commit -qm hooks
rev=$(git -C "$T/hooks" rev-parse HEAD)

# The team's repository, its criteria under decisions/.
mkdir "$T/team"
cd "$T/team" || exit 1
git init -q
cat >.pre-commit-config.yaml <<EOF
repos:
  - repo: $T/hooks
    rev: $rev
    hooks:
      - id: verdict-check
        files: ^decisions/.*\.ya?ml\$
EOF
run pre-commit install
expect_rc "pre-commit install: exit 0" 0
mkdir decisions
"$VERDICT" new decisions/tea.yaml --options "Tea,Coffee" >/dev/null
# A weight off the scale, on line 58 (the first criterion's default_weight).
sed -i '58s/default_weight: 3/default_weight: 9/' decisions/tea.yaml
# Not a criteria file, and outside decisions/: not checked.
printf 'not: [a, criteria, file\n' >notes.yaml
git add .pre-commit-config.yaml decisions/tea.yaml notes.yaml
run git commit -qm "Tea or coffee"
if [ "$rc" -ne 0 ]; then ok "a criteria file with a mistake stops the commit"; else not_ok "a criteria file with a mistake stops the commit"; fi
expect_err "the hook prints verdict's FILE:LINE:COLUMN message" \
	"decisions/tea.yaml:58:21: error: 'default_weight' must be from 0 to 5, got 9"
if ! grep -q 'notes.yaml' "$T/out"; then ok "a YAML file outside the folder is not checked"; else not_ok "a YAML file outside the folder is not checked"; fi
expect_eq "nothing was committed" "$(git rev-list --all | wc -l)" 0

sed -i '58s/default_weight: 9/default_weight: 3/' decisions/tea.yaml
git add decisions/tea.yaml
run git commit -qm "Tea or coffee"
expect_rc "the fixed file commits" 0
if grep -qE '^verdict check\.+Passed$' "$T/err"; then ok "the hook ran and passed"; else not_ok "the hook ran and passed"; fi
expect_eq "one commit made" "$(git rev-list --all | wc -l)" 1

# A calibration example that misses stops the commit too.
sed -i 's/expect_winner: tea/expect_winner: coffee/' decisions/tea.yaml
git add decisions/tea.yaml
run git commit -qm "Coffee now"
if [ "$rc" -ne 0 ]; then ok "a missed example stops the commit"; else not_ok "a missed example stops the commit"; fi
expect_err "the hook says which example missed, where" \
	"decisions/tea.yaml:108:5: error: example 'Tight budget' expects coffee (clear), got tea, clear, margin 13.6 points"
