#!/usr/bin/env bash
# The long fault suite (docs/reliability.md): the whole stack started by the launcher on free ports,
# poison records on every consumed topic, a provider-fault storm, then kill -9 of every component
# in turn (worker, query, command, gateway, Kafka, Redis, MariaDB) during 200 concurrent
# conversations. The report goes to local-stack/target/fault-report.md.
# With --scale the stack runs several instances of every service behind nginx, and the kills are of
# one instance of each kind (worker, query, command, gateway, nginx), then a rolling restart of every
# service instance (SIGTERM, one at a time); the report adds the user-visible stall per kind.
#
# Usage: scripts/fault-suite.sh [--conversations=N] [--components=all|worker,redis,...] [--storm=N]
#                               [--scale=gateway=2,command=2,query=2,worker=3] [--chunk-ms=N]
#                               [--no-build] [--dry-run] [--help]
#   --chunk-ms  pause between two chunks of a load answer (default 80 ms, scaled 400 ms: see FaultToleranceIT)
#   --no-build  start from the jars as they are (by default they are rebuilt when a source changed)
#   --dry-run   build what the suite needs (its own Maven command, with the tests skipped) and stop
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/jars.sh
conversations=200
components=all
storm=3
scale=""
dry_run=no
for arg in "$@"; do
  case "$arg" in
    --conversations=*) conversations="${arg#*=}" ;;
    --components=*) components="${arg#*=}"; components_given=yes ;;
    --storm=*) storm="${arg#*=}" ;;
    --scale=*) scale="${arg#*=}" ;;
    --chunk-ms=*) chunk_ms="${arg#*=}" ;;
    --no-build) JARS_BUILD=never ;;
    --dry-run) dry_run=yes ;;
    --help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $arg"; sed -n '10,12p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
  esac
done
if [[ -n $scale && -z ${components_given:-} ]]; then
  components=worker,query,command,gateway,nginx,rolling
fi
build_jars "command-routes,worker-routes,query-routes,gateway-routes,identity-provider,local-stack" \
  command-routes/target/command-routes.jar worker-routes/target/worker-routes.jar \
  query-routes/target/query-routes.jar gateway-routes/target/gateway-routes.jar \
  identity-provider/target/identity-provider.jar local-stack/target/local-stack.jar
# -am: local-infra, the simulator and the contracts come from this checkout, never from ~/.m2.
suite=(./mvnw -B -q -pl local-stack -am verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false
  -Dit.test=FaultToleranceIT -Dfailsafe.failIfNoSpecifiedTests=false -Dfault.conversations="$conversations"
  -Dfault.components="$components" -Dfault.storm="$storm" -Dfault.scale="$scale" ${chunk_ms:+-Dfault.chunk-ms="$chunk_ms"})
if [[ $dry_run == yes ]]; then
  "${suite[@]}" -DskipITs
  echo "dry run: the suite builds; it was not run"
  exit 0
fi
echo "Fault suite: $conversations conversations, components=$components, storm x$storm${scale:+, scale $scale}"
status=0
"${suite[@]}" || status=$?
echo
cat local-stack/target/fault-report.md 2>/dev/null || echo "no report written"
exit $status
