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

# Milliseconds of Spring Boot's "Started LibraryApplication in 3.456 seconds".
start() {
  java -cp "$cp" com.acme.library.LibraryApplication \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$db" \
    --spring.datasource.username=postgres --spring.datasource.password="$PGPASSWORD" \
    --spring.main.banner-mode=off "$@" 2>&1 \
    | sed -nE 's/.*Started LibraryApplication in ([0-9.]+) seconds.*/\1/p' \
    | awk '{ printf "%d\n", $1 * 1000 }'
}

first="$(start)"
declare -A times
for ((i = 0; i < runs; i++)); do
  times[on]+="$(start) "
  times[nocheck]+="$(start --migrate.check-on-start=false) "
  times[off]+="$(start --migrate.enabled=false) "
done

stats() { tr ' ' '\n' | grep . | sort -n | awk '{ a[NR] = $1 } END { printf "%d | %d | %d", a[int((NR + 1) / 2)], a[1], a[NR] }'; }
echo "| start-up | median ms | min ms | max ms |"
echo "|---|---|---|---|"
echo "| migrate.enabled=false | $(echo "${times[off]}" | stats) |"
echo "| upgrade (at head), check-on-start=false | $(echo "${times[nocheck]}" | stats) |"
echo "| upgrade (at head), check-on-start=true (the example) | $(echo "${times[on]}" | stats) |"
echo "| first start on an empty database (1 revision applied, check) | $first | | |"
