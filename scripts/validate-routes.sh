#!/usr/bin/env bash
# Checks Camel YAML route files before they are deployed (docs/routes.md#validate-offline):
#   scripts/validate-routes.sh [--config=<service>-routes/src/main/resources/application.yml] <file or folder>...
# Without arguments: every shipped route file of the four services.
# Exit 0 = all OK, 1 = a file failed (reasons printed per file), 2 = wrong usage.
# Builds routes-validator/target/routes-validator.jar only when it is missing.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/routes-validator/target/routes-validator.jar"
if [[ ! -f "$jar" ]]; then
  echo "building $jar (once)..." >&2
  (cd "$root" && ./mvnw -B -q -pl routes-validator -am package -DskipTests >&2)
fi
java_bin="java"
if [[ -n "${JAVA_HOME:-}" ]]; then
  java_bin="$JAVA_HOME/bin/java"
fi
if [[ $# -eq 0 ]]; then
  status=0
  for service in command worker query gateway; do
    "$java_bin" -jar "$jar" "$root/$service-routes/src/main/resources/camel" || status=$?
  done
  exit $status
fi
exec "$java_bin" -jar "$jar" "$@"
