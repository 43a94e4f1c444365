#!/usr/bin/env bash
# Start-up time the Spring Boot starter adds to examples/spring-boot: the application's own "Started ... in X
# seconds" with Migrate on (the example's settings: upgrade to head, then the live check), on without the check, and
# off (migrate.enabled=false), on a database already at head; RUNS runs each (default 5), interleaved. Prints a
# Markdown table: median, min and max in milliseconds, and the first start on an empty database (1 revision applied).
#
# Needs this build's artifacts where Maven finds them: after `mvn install` (as examples/spring-boot/run.sh does), or
# pass -Dmaven.repo.local=<repo that has them>; further arguments go to Maven, for example -Dspring-boot.version=4.0.7.
# Drops and recreates the database migrate_bench_boot on 127.0.0.1:5432 (user postgres, PGPASSWORD default postgres).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
example="$(cd "$here/../examples/spring-boot" && pwd)"
runs="${RUNS:-5}"
db=migrate_bench_boot
export PGPASSWORD="${PGPASSWORD:-postgres}"
export MAVEN_OPTS="${MAVEN_OPTS:-} -Djansi.noreset=true"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$example" && mvn -B -q compile dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" "$@")
cp="$example/target/classes:$(cat "$work/cp.txt")"

PGOPTIONS="-c client_min_messages=warning" psql -q -h 127.0.0.1 -U postgres -d postgres \
  -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"

# One start: "<ms of Spring Boot's 'Started LibraryApplication in 3.456 seconds'> <ms of Migrate's own work>" (the
# initializer's debug line "Start-up work took N ms"; 0 when Migrate is off).
start() {
  java -cp "$cp" com.acme.library.LibraryApplication \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$db" \
    --spring.datasource.username=postgres --spring.datasource.password="$PGPASSWORD" \
    --spring.main.banner-mode=off --logging.level.dev.migrate=debug "$@" > "$work/out" 2>&1
  local started own
  started="$(sed -nE 's/.*Started LibraryApplication in ([0-9.]+) seconds.*/\1/p' "$work/out" | awk '{ printf "%d", $1 * 1000 }')"
  own="$(sed -nE 's/.*Start-up work took ([0-9]+) ms.*/\1/p' "$work/out")"
  echo "$started ${own:-0}"
}

read -r first first_own <<< "$(start)"
declare -A started own
for ((i = 0; i < runs; i++)); do
  for variant in on nocheck off; do
    case "$variant" in
      on) read -r s o <<< "$(start)" ;;
      nocheck) read -r s o <<< "$(start --migrate.check-on-start=false)" ;;
      off) read -r s o <<< "$(start --migrate.enabled=false)" ;;
    esac
    started[$variant]+="$s "
    own[$variant]+="$o "
  done
done

stats() { tr ' ' '\n' | grep . | sort -n | awk '{ a[NR] = $1 } END { printf "%d (%d-%d)", a[int((NR + 1) / 2)], a[1], a[NR] }'; }
echo "| start-up ($runs runs each) | Started in, ms: median (min-max) | Migrate's own work, ms: median (min-max) |"
echo "|---|---|---|"
echo "| migrate.enabled=false | $(echo "${started[off]}" | stats) | - |"
echo "| at head, check-on-start=false | $(echo "${started[nocheck]}" | stats) | $(echo "${own[nocheck]}" | stats) |"
echo "| at head, check-on-start=true (the example) | $(echo "${started[on]}" | stats) | $(echo "${own[on]}" | stats) |"
echo "| first start, empty database (1 revision, check) | $first | $first_own |"
