#!/usr/bin/env bash
# Benchmarks the product on this machine (see docs/benchmarks.md):
#   scripts/benchmark.sh            quick smoke run (a couple of minutes of load)
#   scripts/benchmark.sh --full     the issue's targets (ramp to 1,000 streams, 10,000 idle SSE connections)
#   scripts/benchmark.sh --help     every option
# Builds the jars when one is missing or a source changed (tests skipped), starts the local stack from the
# jars on free ports with its own state dir (never the default ports), runs the load, stops every process
# it started by pid, and writes benchmarks/target/report/benchmark-report.md and .json.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

source scripts/lib/jars.sh
# Rebuilt only when a source changed since the jars were built (scripts/lib/jars.sh).
if [[ " $* " == *" --help "* ]]; then
  build_jars benchmarks benchmarks/target/benchmarks.jar
else
  modules=(command-routes worker-routes query-routes gateway-routes identity-provider local-stack benchmarks)
  jars=()
  for m in "${modules[@]}"; do jars+=("$m/target/$m.jar"); done
  build_jars "$(IFS=,; echo "${modules[*]}")" "${jars[@]}"
fi

# The benchmark JVM holds thousands of sockets; the file limit must allow them.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
exec "$JAVA" -Xmx1g -XX:+UseParallelGC -jar benchmarks/target/benchmarks.jar "$@"
