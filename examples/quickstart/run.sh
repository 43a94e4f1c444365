#!/usr/bin/env bash
# The main job on this example: build Migrate, then autogenerate the first migration from the entities, upgrade
# the database and print the history. Uses DATABASE_URL when set; otherwise a database named $QUICKSTART_DB
# (default `quickstart`) on the local PostgreSQL (127.0.0.1:5432, user postgres), created if missing; without a
# local PostgreSQL (or psql), nothing is configured and the goals start an embedded one under target/migrate/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

export PGPASSWORD="${PGPASSWORD:-postgres}"
if [ -z "${DATABASE_URL:-}" ] && ! { command -v psql >/dev/null && psql -h 127.0.0.1 -U postgres -d postgres -tAc 'select 1' >/dev/null 2>&1; }; then
  echo "No PostgreSQL answers on 127.0.0.1:5432: the goals start an embedded one (not as root)"
elif [ -z "${DATABASE_URL:-}" ]; then
  db="${QUICKSTART_DB:-quickstart}"
  if [ "$(psql -h 127.0.0.1 -U postgres -d postgres -tAc "select 1 from pg_database where datname = '$db'")" != 1 ]; then
    psql -q -h 127.0.0.1 -U postgres -d postgres -c "CREATE DATABASE $db"
  fi
  export DATABASE_URL="postgresql://postgres:${PGPASSWORD}@127.0.0.1:5432/$db"
fi

(cd "$root" && mvn -B -q install -DskipTests -Dinvoker.skip)
cd "$here"
mvn -B migrate:autogen -Dmessage="create shop"
mvn -B migrate:upgrade
mvn -B migrate:history
