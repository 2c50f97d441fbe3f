#!/usr/bin/env bash
# Rebuilds the query service's read model (schema chat_query) from the Kafka topics:
# clears the views and rewinds the projections; the next start of the query service replays.
# Stop every query instance first (the command refuses otherwise). Exit 0 done, 2 refused.
# Usage: scripts/rebuild-read-model.sh [--chat.kafka.brokers=H:P] [--spring.datasource.url=...]
#        [--spring.datasource.username=...] [--spring.datasource.password=...]
#        [--chat.query.rebuild.allow-partial=true]
# Without arguments it talks to the local stack's default ports. See docs/runbooks/rebuild-read-model.md.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ " $* " == *" --help "* ]]; then
  sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'
  exit 0
fi
source scripts/lib/jars.sh
jar=query-routes/target/query-routes.jar
build_jars query-routes "$jar"
exec java -jar "$jar" --spring.profiles.active=rebuild "$@"
