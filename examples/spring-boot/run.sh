#!/usr/bin/env bash
# The Spring Boot example's job: build Migrate, then build and test the application on Spring Boot 3.5 (Hibernate
# 6.6), 4.0 (Hibernate 7.2) and 4.1 (Hibernate 7.4). Its test boots the application with ddl-auto=validate on a
# fresh database of the local PostgreSQL (127.0.0.1:5432, user postgres, PGPASSWORD default postgres), created and
# dropped by the test; the check goal at verify proves that the migrations reach the entity model.
#
# MIGRATE_INSTALLED=1 skips the `mvn install` of Migrate (CI ran it for the quickstart already); SPRING_BOOT_VERSIONS
# (default "3.5.7 4.0.7 4.1.2") picks the versions; further arguments go to Maven, e.g. -Dmaven.repo.local=<dir>.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export PGPASSWORD="${PGPASSWORD:-postgres}"
unset DATABASE_URL MIGRATE_URL || true  # the check runs offline: it needs no database

if [ "${MIGRATE_INSTALLED:-}" != 1 ]; then
  (cd "$root" && mvn -B -q install -DskipTests -Dinvoker.skip "$@")
fi
cd "$here"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
for version in ${SPRING_BOOT_VERSIONS:-3.5.7 4.0.7 4.1.2}; do
  echo "Spring Boot $version"
  if ! mvn -B -ntp verify -Dspring-boot.version="$version" "$@" > "$log" 2>&1; then
    cat "$log"
    exit 1
  fi
  grep -E 'Tests run:|dev\.migrate |Hibernate ORM core version|The model and the migrations|Total time' "$log"
done
