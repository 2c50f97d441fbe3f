#!/usr/bin/env bash
# Microbenchmarks (JMH) of one piece of the hot path at a time (docs/benchmarks.md § Microbenchmarks):
#   scripts/microbenchmark.sh                      every microbenchmark
#   scripts/microbenchmark.sh ServiceIdentityCost  the ones whose name matches (a JMH regex)
#   scripts/microbenchmark.sh -h                   JMH's own options (-f forks, -wi/-i iterations, -prof gc ...)
# Builds the benchmarks module when a source changed (tests skipped), then runs JMH from its classes; results
# go to benchmarks/target/report/microbenchmarks.json as well as to the terminal. Run it on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

source scripts/lib/jars.sh
# Rebuilt only when a source changed since the jar was built (scripts/lib/jars.sh).
build_jars benchmarks benchmarks/target/benchmarks.jar

mkdir -p benchmarks/target/report
args=("$@")
if [[ ${#args[@]} -eq 0 ]]; then
  args=(io.chatstream.benchmarks.micro)
fi
exec "$JAVA" -cp "benchmarks/target/classes:benchmarks/target/lib/*" org.openjdk.jmh.Main \
  -rf json -rff benchmarks/target/report/microbenchmarks.json "${args[@]}"
