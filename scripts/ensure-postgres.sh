#!/usr/bin/env bash
# Makes sure a PostgreSQL server answers on 127.0.0.1:5432 and accepts user postgres with password postgres,
# the settings the tests use (override them with -Dmigrate.test.url/-Dmigrate.test.user/-Dmigrate.test.password).
# Starts the installed cluster if it is down, installs PostgreSQL from Debian's packages if there is none.
set -euo pipefail

answers() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }

if ! answers; then
  if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ -z "$(ls /etc/postgresql 2>/dev/null)" ]; then
    echo "Installing PostgreSQL (apt-get install postgresql)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq postgresql >/dev/null
  fi
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  echo "Starting PostgreSQL $version"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 30); do answers && break; sleep 1; done
fi
answers || { echo "PostgreSQL does not answer on 127.0.0.1:5432" >&2; exit 1; }

# Where TCP asks for a password, the tests give 'postgres'.
if ! PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -d postgres -tAc 'select 1' >/dev/null 2>&1; then
  echo "Setting the password of user postgres for TCP connections"
  su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD 'postgres'\""
  PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -d postgres -tAc 'select 1' >/dev/null
fi
echo "PostgreSQL answers on 127.0.0.1:5432"
