#!/usr/bin/env bash
# Failover budgets on a scaled stack (docs/reliability.md, "Several instances: failover"): starts two of
# every service behind nginx on free ports and, TRIES times each, kills -9 the worker producing an
# answer, the query instance relaying it and the gateway serving it, and sends a stop through the
# other gateway; prints p50/p99/max of each figure (lines starting with FAILOVER) and fails if a
# try exceeds its budget. The README's test command runs the same test with one try each.
#
# Usage: scripts/failover-figures.sh [--tries=N] [--no-build] [--dry-run] [--help]
#   --tries=N   kills per scenario (default 10; each worker kill waits for the restarted worker)
#   --no-build  start from the jars as they are (by default they are rebuilt when a source changed)
#   --dry-run   build what it needs (its own Maven command, with the tests skipped) and stop
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/jars.sh
tries=10
dry_run=no
for arg in "$@"; do
  case "$arg" in
    --tries=*) tries="${arg#*=}" ;;
    --no-build) JARS_BUILD=never ;;
    --dry-run) dry_run=yes ;;
    --help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $arg"; sed -n '8,8p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
  esac
done
build_jars "command-routes,worker-routes,query-routes,gateway-routes,identity-provider,local-stack" \
  command-routes/target/command-routes.jar worker-routes/target/worker-routes.jar \
  query-routes/target/query-routes.jar gateway-routes/target/gateway-routes.jar \
  identity-provider/target/identity-provider.jar local-stack/target/local-stack.jar
# -am: local-infra, the simulator and the contracts come from this checkout, never from ~/.m2.
run=(./mvnw -B -pl local-stack -am verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false
  -Dit.test=ScaledStackIT -Dfailsafe.failIfNoSpecifiedTests=false -Dscaled.tries="$tries")
if [[ $dry_run == yes ]]; then
  "${run[@]}" -q -DskipITs
  echo "dry run: the failover test builds; it was not run"
  exit 0
fi
echo "Failover figures: $tries tries per scenario, on $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
status=0
"${run[@]}" > local-stack/target/failover-figures.log 2>&1 || status=$?
grep -h "^FAILOVER\|killed:\|stop through" local-stack/target/failover-figures.log || true
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg); full log: local-stack/target/failover-figures.log"
exit $status
