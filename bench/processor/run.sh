#!/usr/bin/env bash
# javac time on N generated entities (default 1,000), without and with Migrate's model processor.
# Usage (from the repository root): bash bench/processor/run.sh [count] [runs]
# Needs the project built in this checkout (it runs `mvn -o -q -pl model-processor -am package -DskipTests`) and
# jakarta.persistence-api in ~/.m2 (it is a test dependency of model-processor). Nothing is installed into ~/.m2.
set -euo pipefail
count=${1:-1000}
runs=${2:-5}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$root/bench/target/processor
rm -rf "$work" && mkdir -p "$work/src"

(cd "$root" && mvn -o -q -pl model-processor -am package -DskipTests)
(cd "$root" && mvn -o -q -pl migrate-core dependency:build-classpath -Dmdep.outputFile="$work/core.cp" \
    -Dmdep.includeScope=runtime)
processorpath="$root/model-processor/target/classes:$root/migrate-core/target/classes:$(cat "$work/core.cp")"
jpa=$(ls ~/.m2/repository/jakarta/persistence/jakarta.persistence-api/3.*/jakarta.persistence-api-3.*.jar | head -1)

java "$root/bench/processor/GenerateEntities.java" "$work/src" "$count"
find "$work/src" -name '*.java' > "$work/sources.txt"

measure() { # label, extra javac options...
  local label=$1; shift
  local times=()
  for i in $(seq 1 "$runs"); do
    rm -rf "$work/classes" && mkdir -p "$work/classes"
    local start end
    start=$(date +%s%N)
    javac -d "$work/classes" -cp "$jpa" "$@" @"$work/sources.txt"
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  local sorted
  sorted=$(printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' ')
  echo "$label: runs (ms, sorted) $sorted"
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

without=$(measure "without processor" -proc:none | tee /dev/stderr | tail -1)
with=$(measure "with processor" -processorpath "$processorpath" | tee /dev/stderr | tail -1)
test -f "$work/classes/META-INF/migrate/model.json" || { echo "no model.json written" >&2; exit 1; }
tables=$(grep -c '"primaryKey"' "$work/classes/META-INF/migrate/model.json" || true)
echo "entities: $count, tables in model.json: $tables"
echo "median without: ${without} ms, with: ${with} ms, overhead: $(awk -v a="$without" -v b="$with" \
    'BEGIN {printf "%.1f%%", (b - a) * 100 / a}')"
