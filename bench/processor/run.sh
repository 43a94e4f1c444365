#!/usr/bin/env bash
# javac time on N generated entities (default 1,000), without and with Migrate's model processor.
# Usage (from the repository root): bash bench/processor/run.sh [count] [runs]
#
# Each run compiles the same sources four ways, one after the other (so that load from other processes hits all
# four alike), into a fresh output directory unless said otherwise:
#   none      javac -proc:none                      (no annotation processing at all)
#   no-op     a processor that does nothing          (javac's own cost of running annotation processing rounds)
#   migrate   Migrate's model processor             (the issue's "with")
#   again     Migrate's model processor, into the output of the previous `migrate` run (classes and model.json
#             already there, as in `mvn compile` without `clean`: the processor reads the previous snapshot)
# javac runs as the `javac` launcher runs it (com.sun.tools.javac.Main, -Xms8m), through JavacTimer, which also
# reports the CPU time of the thread that compiles: on a busy machine that figure moves far less than wall-clock time.
# It prints every run and the medians of wall-clock time, process CPU time (user + system: JIT and GC included) and
# the compiling thread's CPU time, the processor's overhead over `none` and over `no-op` in percent, and the SHA-256
# of the model.json written. With EXPECT_SNAPSHOT=<file> it fails unless model.json is byte-identical to that file.
# With BASELINE=<another checkout of this repository, built with `mvn -o -pl model-processor -am package
# -DskipTests`>, each run also compiles with that checkout's processor ("baseline", same dependencies), and the
# script fails unless both processors write the same model.json: a before/after comparison of a change to the
# processor in one interleaved run.
#
# Needs the project built in this checkout (it runs `mvn -o -q -pl model-processor -am package -DskipTests`) and
# jakarta.persistence-api in ~/.m2 (a test dependency of model-processor). Nothing is installed into ~/.m2. The
# processor path is what Maven gives a project that declares model-processor in annotationProcessorPaths:
# model-processor, migrate-core and their runtime dependencies (Jackson).
set -euo pipefail
count=${1:-1000}
runs=${2:-5}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$root/bench/target/processor
rm -rf "$work" && mkdir -p "$work/src" "$work/noop/META-INF/services"

(cd "$root" && mvn -o -q -pl model-processor -am package -DskipTests)
(cd "$root" && mvn -o -q -pl model-processor dependency:build-classpath -Dmdep.outputFile="$work/deps.cp" \
    -DincludeScope=runtime -DexcludeGroupIds=dev.migrate)
processorpath="$root/model-processor/target/classes:$root/migrate-core/target/classes:$(cat "$work/deps.cp")"
jpa=$(ls ~/.m2/repository/jakarta/persistence/jakarta.persistence-api/3.*/jakarta.persistence-api-3.*.jar | head -1)

javac -d "$work/noop" "$root/bench/processor/NoOpProcessor.java"
javac -d "$work/timer" "$root/bench/processor/JavacTimer.java"
echo "dev.migrate.bench.NoOpProcessor" > "$work/noop/META-INF/services/javax.annotation.processing.Processor"

java "$root/bench/processor/GenerateEntities.java" "$work/src" "$count"
find "$work/src" -name '*.java' > "$work/sources.txt"

# compile <label> <output dir> <fresh: yes|no> <javac options...>; appends "wall_ms cpu_ms thread_ms" to
# $work/<label>.times
compile() {
  local label=$1 out=$2 fresh=$3; shift 3
  if [ "$fresh" = yes ]; then rm -rf "$out"; fi
  mkdir -p "$out"
  local TIMEFORMAT='%R %U %S'
  local t
  t=$( { time java -Xms8m -cp "$work/timer" dev.migrate.bench.JavacTimer -d "$out" -cp "$jpa" "$@" \
      @"$work/sources.txt" >"$work/javac.log" 2>&1 ; } 2>&1 ) || { cat "$work/javac.log" >&2; exit 1; }
  local thread
  thread=$(tail -1 "$work/javac.log" | cut -d' ' -f1)
  echo "$t" | awk -v th="$thread" '{printf "%d %d %d\n", $1 * 1000, ($2 + $3) * 1000, th}' >> "$work/$label.times"
}

labels="none no-op migrate again"
baseline=${BASELINE:-}
if [ -n "$baseline" ]; then
  labels="$labels baseline"
  baselinepath="$baseline/model-processor/target/classes:$baseline/migrate-core/target/classes:$(cat "$work/deps.cp")"
fi
for i in $(seq 1 "$runs"); do
  compile none "$work/out-none" yes -proc:none
  compile no-op "$work/out-noop" yes -processorpath "$work/noop"
  compile migrate "$work/out-migrate" yes -processorpath "$processorpath"
  cp "$work/out-migrate/META-INF/migrate/model.json" "$work/model.json"
  compile again "$work/out-migrate" no -processorpath "$processorpath"
  cmp -s "$work/model.json" "$work/out-migrate/META-INF/migrate/model.json" \
    || { echo "the recompile over the previous output wrote another model.json" >&2; exit 1; }
  if [ -n "$baseline" ]; then
    compile baseline "$work/out-baseline" yes -processorpath "$baselinepath"
    cmp -s "$work/model.json" "$work/out-baseline/META-INF/migrate/model.json" \
      || { echo "the baseline processor wrote another model.json" >&2; exit 1; }
  fi
done

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
declare -A wall cpu thread
for l in $labels; do
  wall[$l]=$(cut -d' ' -f1 "$work/$l.times" | median)
  cpu[$l]=$(cut -d' ' -f2 "$work/$l.times" | median)
  thread[$l]=$(cut -d' ' -f3 "$work/$l.times" | median)
  printf '%-8s wall ms (sorted):   %s\n' "$l" "$(cut -d' ' -f1 "$work/$l.times" | sort -n | tr '\n' ' ')"
  printf '%-8s cpu ms (sorted):    %s\n' "$l" "$(cut -d' ' -f2 "$work/$l.times" | sort -n | tr '\n' ' ')"
  printf '%-8s thread ms (sorted): %s\n' "$l" "$(cut -d' ' -f3 "$work/$l.times" | sort -n | tr '\n' ' ')"
done
pct() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%+.1f%%", (b - a) * 100 / a}'; }

tables=$(grep -c '"primaryKey"' "$work/model.json" || true)
echo "entities: $count, tables in model.json: $tables, model.json sha256: $(sha256sum "$work/model.json" | cut -d' ' -f1)"
printf '%-8s %10s %10s %10s\n' "median" "wall ms" "cpu ms" "thread ms"
for l in $labels; do printf '%-8s %10s %10s %10s\n' "$l" "${wall[$l]}" "${cpu[$l]}" "${thread[$l]}"; done
overhead() { # label, base, other
  echo "$1 wall $(pct "${wall[$2]}" "${wall[$3]}"), cpu $(pct "${cpu[$2]}" "${cpu[$3]}"), thread $(pct "${thread[$2]}" "${thread[$3]}")"
}
overhead "processor overhead (migrate vs none): " none migrate
overhead "javac's round cost (no-op vs none):   " none no-op
overhead "Migrate's own work (migrate vs no-op):" no-op migrate
overhead "over previous output (again vs none): " none again
if [ -n "$baseline" ]; then
  overhead "baseline's overhead (baseline vs none):" none baseline
  overhead "this checkout vs baseline:            " baseline migrate
  echo "model.json is byte-identical to the baseline's"
fi
if [ -n "${EXPECT_SNAPSHOT:-}" ]; then
  cmp "$EXPECT_SNAPSHOT" "$work/model.json" && echo "model.json is byte-identical to $EXPECT_SNAPSHOT"
fi
