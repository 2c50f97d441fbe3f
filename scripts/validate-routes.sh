#!/usr/bin/env bash
# Checks Camel YAML route files before they are deployed (docs/routes.md#validate-offline):
#   scripts/validate-routes.sh [--config=<service>-routes/src/main/resources/application.yml] <file or folder>...
# Without arguments: every shipped route file of the four services.
# Exit 0 = all OK, 1 = a file failed (reasons printed per file), 2 = wrong usage.
# Builds routes-validator/target/routes-validator.jar when it is missing or a source changed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if [[ " $* " == *" --help "* ]]; then
  sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'
  exit 0
fi
jar="$root/routes-validator/target/routes-validator.jar"
(cd "$root" && source scripts/lib/jars.sh && build_jars routes-validator "$jar" >&2)
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
