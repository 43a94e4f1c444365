#!/usr/bin/env bash
# Wall time of `mvn migrate:<goal>` against `mvn -q -o validate` on a copy of examples/quickstart (issue 12: read-only
# goals within 1.5x of validate). Prints a Markdown table: median, min and max of RUNS runs (default 5) per command.
# PROJECT=plugins adds five plugin executions bound before `compile` to the copy, as real applications have (enforcer
# and a formatter (spotless:apply) at validate, antrun at initialize, dependency:properties at initialize, resources at
# generate-resources): `validate` runs the first two, goals that fork `compile` run all five, read-only goals none.
#
# Uses this build's artifacts from MIGRATE_BENCH_REPO (default it/target/it-repo, where the invoker installs them:
# run the invoker once first, e.g. `mvn -o -B verify -pl it -am -Dinvoker.test=workflow -Dtest=none
# -Dsurefire.failIfNoSpecifiedTests=false`), ~/.m2 for everything else. Drops and recreates the database
# migrate_bench_cli on 127.0.0.1:5432 (user postgres, PGPASSWORD default postgres).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
repo="${MIGRATE_BENCH_REPO:-$root/it/target/it-repo}"
runs="${RUNS:-5}"
db=migrate_bench_cli
export PGPASSWORD="${PGPASSWORD:-postgres}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$root/examples/quickstart/." "$work/"
rm -rf "$work/target"
if [ "${PROJECT:-quickstart}" = plugins ]; then
  python3 - "$work/pom.xml" <<'PY'
import sys
path = sys.argv[1]
pom = open(path).read()
plugins = '''
      <plugin><artifactId>maven-enforcer-plugin</artifactId><version>3.6.3</version>
        <executions><execution><id>enforce</id><goals><goal>enforce</goal></goals><configuration><rules>
          <requireJavaVersion><version>[17,)</version></requireJavaVersion><dependencyConvergence/>
        </rules></configuration></execution></executions></plugin>
      <plugin><groupId>com.diffplug.spotless</groupId><artifactId>spotless-maven-plugin</artifactId><version>3.11.0</version>
        <configuration><java><googleJavaFormat><version>1.28.0</version></googleJavaFormat></java></configuration>
        <executions><execution><id>format</id><phase>validate</phase><goals><goal>apply</goal></goals></execution></executions></plugin>
      <plugin><artifactId>maven-antrun-plugin</artifactId><version>3.1.0</version>
        <executions><execution><id>stamp</id><phase>initialize</phase><goals><goal>run</goal></goals>
          <configuration><target><tstamp/><echo file="${project.build.directory}/build.txt">${DSTAMP}</echo></target></configuration>
        </execution></executions></plugin>
      <plugin><artifactId>maven-dependency-plugin</artifactId><version>3.8.1</version>
        <executions><execution><id>paths</id><phase>initialize</phase><goals><goal>properties</goal></goals></execution></executions></plugin>
      <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version>
        <executions><execution><id>notice</id><phase>generate-resources</phase><goals><goal>copy-resources</goal></goals>
          <configuration><outputDirectory>${project.build.outputDirectory}/META-INF</outputDirectory>
            <resources><resource><directory>${project.basedir}</directory><includes><include>pom.xml</include></includes></resource></resources>
          </configuration></execution></executions></plugin>
'''
pom = pom.replace('<plugins>', '<plugins>' + plugins, 1)
open(path, 'w').write(pom)
PY
fi
sed -e "s|@userLocalRepository@|$HOME/.m2/repository|" -e "s|@localRepositoryUrl@|file://$repo|" \
  "$root/it/src/it/settings.xml" > "$work/settings.xml"

PGOPTIONS="-c client_min_messages=warning" psql -q -h 127.0.0.1 -U postgres -d postgres \
  -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
export DATABASE_URL="postgresql://postgres:${PGPASSWORD}@127.0.0.1:5432/$db"
unset MIGRATE_URL || true
export MAVEN_OPTS="${MAVEN_OPTS:-} -Djansi.noreset=true" # Maven 3.8 writes colour resets even with -B -q

cd "$work"
mvn=(mvn -B -q -o -s "$work/settings.xml" "-Dmaven.repo.local=$repo")
# the untimed setup is not offline: it copies what the project's plugins need from ~/.m2 into $repo
online=(mvn -B -q -s "$work/settings.xml" "-Dmaven.repo.local=$repo")
# untimed: the first migration and the upgrade, so that what follows has nothing to do
"${online[@]}" migrate:autogen -Dmessage=init > "$work/setup.log" || { cat "$work/setup.log"; exit 1; }
"${online[@]}" validate migrate:upgrade > "$work/setup.log" || { cat "$work/setup.log"; exit 1; }

echo "| command | median ms | min | max | x validate |"
echo "|---|---|---|---|---|"
base=""
measure() {
  local label="$1"
  shift
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "${mvn[@]}" "$@" > /dev/null
    end=$(date +%s%N)
    times+=($(((end - start) / 1000000)))
  done
  local sorted
  sorted=($(printf '%s\n' "${times[@]}" | sort -n))
  local median=${sorted[$((runs / 2))]}
  [ -z "$base" ] && base=$median
  printf '| `%s` | %d | %d | %d | %s |\n' "$label" "$median" "${sorted[0]}" "${sorted[$((runs - 1))]}" \
    "$(awk -v a="$median" -v b="$base" 'BEGIN { printf "%.2f", a / b }')"
}
measure "mvn -q -o validate" validate
measure "migrate:current" migrate:current
measure "migrate:history" migrate:history
measure "migrate:heads" migrate:heads
measure "migrate:upgrade (nothing to do)" migrate:upgrade
measure "migrate:autogen (no change)" migrate:autogen -Dmessage=nothing
