#!/usr/bin/env bash
# The long fault suite (docs/reliability.md): the whole stack started by the launcher on free ports,
# poison records on every consumed topic, a provider-fault storm, then kill -9 of every component
# in turn (worker, query, command, gateway, Kafka, Redis, MariaDB) during 200 concurrent
# conversations. The report goes to local-stack/target/fault-report.md.
#
# Usage: scripts/fault-suite.sh [--conversations=N] [--components=all|worker,redis,...] [--storm=N] [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."
conversations=200
components=all
storm=3
build=yes
for arg in "$@"; do
  case "$arg" in
    --conversations=*) conversations="${arg#*=}" ;;
    --components=*) components="${arg#*=}" ;;
    --storm=*) storm="${arg#*=}" ;;
    --no-build) build=no ;;
    *) echo "unknown option $arg"; sed -n '7p' "$0"; exit 2 ;;
  esac
done
if [[ $build == yes ]]; then
  echo "Building the jars (tests skipped) ..."
  ./mvnw -B -q -DskipTests package
fi
echo "Fault suite: $conversations conversations, components=$components, storm x$storm"
status=0
# local-infra in the same reactor: the launcher needs this checkout's version of it, not ~/.m2's.
./mvnw -B -q -pl local-infra,local-stack verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=FaultToleranceIT -Dfailsafe.failIfNoSpecifiedTests=false -Dfault.conversations="$conversations" -Dfault.components="$components" \
  -Dfault.storm="$storm" || status=$?
echo
cat local-stack/target/fault-report.md 2>/dev/null || echo "no report written"
exit $status
