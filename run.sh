#!/usr/bin/env bash
# Runs the whole product on this machine: builds the jars when a source changed since the last build
# (tests skipped), then starts Kafka, Redis, MariaDB, the Bailian simulator (or the real endpoint when
# DASHSCOPE_API_KEY is set) and the four services. Ctrl-C stops everything; stored data stays in .run/.
#
#   ./run.sh [--build | --no-build] [launcher options]    ./run.sh --help lists the launcher's options
#     --build      build the jars even if they look up to date
#     --no-build   start from the jars as they are (fails if one is missing)
set -euo pipefail
cd "$(dirname "$0")"
source scripts/lib/jars.sh
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
LAUNCHER=local-stack/target/local-stack.jar
PRODUCT_JARS=(command-routes/target/command-routes.jar worker-routes/target/worker-routes.jar
  query-routes/target/query-routes.jar gateway-routes/target/gateway-routes.jar
  identity-provider/target/identity-provider.jar "$LAUNCHER")

args=()
for arg in "$@"; do
  case "$arg" in
    --build) JARS_BUILD=always ;;
    --no-build) JARS_BUILD=never ;;
    *) args+=("$arg") ;;
  esac
done

if [[ " ${args[*]-} " == *" --help "* ]]; then
  sed -n '6,8p' "$0" | sed 's/^# \{0,1\}//'
  if [[ -f "$LAUNCHER" ]]; then
    exec "$JAVA" -jar "$LAUNCHER" --help
  fi
  echo "The launcher's own options are listed here once the jars are built (a plain ./run.sh builds them)."
  exit 0
fi

build_jars "command-routes,worker-routes,query-routes,gateway-routes,identity-provider,local-stack" "${PRODUCT_JARS[@]}"
exec "$JAVA" -jar "$LAUNCHER" ${args[@]+"${args[@]}"}
