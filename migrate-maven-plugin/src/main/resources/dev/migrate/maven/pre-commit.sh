#!/bin/sh
# migrate-pre-commit: Migrate's pre-commit guard (see the Migrate README, "Pre-commit guard").
#
# Blocks a commit that changes entity classes or migrations while the model and the migrations disagree, by running
# Migrate's offline check (no database needed). A commit that touches neither returns at once.
#
# What counts as relevant, among the staged files (added, copied, modified, renamed or deleted):
#   - any file under MIGRATE_MIGRATIONS_DIR (the migrations package directory; when unset, any directory named
#     migrations);
#   - any .java file whose staged (or, when deleted, last committed) text carries @Entity, @Table,
#     @MappedSuperclass or @Embeddable (Jakarta, javax or Migrate's own annotations).
#
# Settings, from the environment first, then the values `mvn migrate:install-hook` wrote below:
#   MIGRATE_PROJECT_DIR     the Maven project directory, relative to the repository root ("." for the root)
#   MIGRATE_MIGRATIONS_DIR  the migrations package directory, relative to the repository root
#   MIGRATE_MVN             the Maven command (default: the project's ./mvnw if there is one, else mvn)
# Skip it once with `git commit --no-verify`, or with MIGRATE_SKIP_HOOK=1.
MIGRATE_PROJECT_DIR="${MIGRATE_PROJECT_DIR:-.}"
MIGRATE_MIGRATIONS_DIR="${MIGRATE_MIGRATIONS_DIR:-}"

# a hook that was here before Migrate's (moved aside by install-hook -Dmigrate.force) runs first
previous="$(dirname "$0")/pre-commit.before-migrate"
if [ -x "$previous" ]; then
  "$previous" "$@" || exit $?
fi

[ "${MIGRATE_SKIP_HOOK:-}" = "1" ] && exit 0

relevant=""
git diff --cached --name-only --diff-filter=ACMRD > "${TMPDIR:-/tmp}/migrate-staged.$$"
while IFS= read -r file; do
  if [ -n "$MIGRATE_MIGRATIONS_DIR" ]; then
    case "$file" in "$MIGRATE_MIGRATIONS_DIR"/*) relevant="$file"; break ;; esac
  else
    case "$file" in migrations/*|*/migrations/*) relevant="$file"; break ;; esac
  fi
  case "$file" in
    *.java)
      if { git show ":$file" 2>/dev/null || git show "HEAD:$file" 2>/dev/null; } \
          | grep -Eq '@((jakarta|javax)\.persistence\.|dev\.migrate\.annotations\.)?(Entity|Table|MappedSuperclass|Embeddable)([^A-Za-z0-9_]|$)'; then
        relevant="$file"
        break
      fi
      ;;
  esac
done < "${TMPDIR:-/tmp}/migrate-staged.$$"
rm -f "${TMPDIR:-/tmp}/migrate-staged.$$"
[ -z "$relevant" ] && exit 0

if [ -z "${MIGRATE_MVN:-}" ]; then
  if [ -x "$MIGRATE_PROJECT_DIR/mvnw" ]; then MIGRATE_MVN=./mvnw; else MIGRATE_MVN=mvn; fi
fi
echo "Migrate: $relevant is staged; running the offline check (mvn compile migrate:check -Dmigrate.check=offline)"
if (cd "$MIGRATE_PROJECT_DIR" && $MIGRATE_MVN -q -B compile migrate:check -Dmigrate.check=offline); then
  exit 0
fi
echo "Commit blocked by Migrate's pre-commit check: the model and the migrations disagree (see above)." >&2
echo "Write the missing migration with \`mvn migrate:autogen -Dmessage=...\`, review it and stage it;" >&2
echo "or commit anyway with \`git commit --no-verify\`." >&2
exit 1
