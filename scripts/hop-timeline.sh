#!/usr/bin/env bash
# Where a prompt's time to first token goes, hop by hop (docs/benchmarks.md, "Where the added TTFT goes"):
#   ./run.sh                         in one terminal (the stack to look at; the default single-instance stack)
#   scripts/hop-timeline.sh          in another: 30 prompts one at a time, each hop's median and spread
#   scripts/hop-timeline.sh --requests=60 --pause=1.5 --stack-json=.run/stack.json
# Reads the loopback wire with tcpdump (root, or CAP_NET_RAW), so nothing runs inside the services. Warm the
# stack first (a few minutes of chat, or the benchmark's load): a cold JVM's figures are its compiler's.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ " $* " == *" --help "* ]]; then
  sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'
  echo "Options: --requests=N (default 30), --pause=SECONDS between prompts (default 1.2), --stack-json=FILE"
  exit 0
fi
for tool in tcpdump ss python3; do
  if ! command -v "$tool" > /dev/null; then
    echo "hop-timeline needs $tool on PATH (Debian: apt-get install -y tcpdump iproute2 python3)" >&2
    exit 2
  fi
done
args=()
for arg in "$@"; do
  case "$arg" in
    --*=*) args+=("${arg%%=*}" "${arg#*=}") ;;
    *) args+=("$arg") ;;
  esac
done
exec python3 scripts/lib/hop_timeline.py ${args[@]+"${args[@]}"}
