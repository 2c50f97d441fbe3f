#!/usr/bin/env bash
# Runs the whole product on this machine: builds the jars (tests skipped), then starts Kafka,
# Redis, MariaDB, the Bailian simulator (or the real endpoint when DASHSCOPE_API_KEY is set)
# and the four services. Ctrl-C stops everything. Options go to the launcher: ./run.sh --help
set -euo pipefail
cd "$(dirname "$0")"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if [[ " $* " != *" --help "* ]]; then
  echo "Building the jars (the first build downloads dependencies and takes a few minutes) ..."
  ./mvnw -B -q -DskipTests package
fi
exec "$JAVA" -jar local-stack/target/local-stack.jar "$@"
