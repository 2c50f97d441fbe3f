#!/usr/bin/env bash
# Prints the resident memory (RSS) of every process of a running local stack and the total.
# Usage: scripts/stack-memory.sh [STATE_DIR]   (default .run; reads STATE_DIR/stack.json)
set -euo pipefail
if [[ "${1:-}" == --help ]]; then
  sed -n '2,3p' "$0" | sed 's/^# \{0,1\}//'
  exit 0
fi
state="${1:-.run}"
root=$(grep -A1 '"local-stack"' "$state/stack.json" | grep -o '"pid" *: *[0-9]*' | grep -o '[0-9]*$')
tree() { echo "$1"; for c in $(ps -o pid= --ppid "$1"); do tree "$c"; done; }
total=0
printf '%-8s %10s  %s\n' PID RSS_MiB COMMAND
for pid in $(tree "$root"); do
  rss=$(ps -o rss= -p "$pid" 2>/dev/null || echo 0)
  cmd=$(ps -o args= -p "$pid" 2>/dev/null | sed -E 's/.*-jar ([^ ]*\/)?([^ /]+\.jar).*/\2/; s/.*-Dloader.main=([^ ]*).*/\1/; s/^([^ ]*).*/\1/' | cut -c1-60)
  total=$((total + rss))
  printf '%-8s %10s  %s\n' "$pid" "$(awk -v k="$rss" 'BEGIN{printf "%.1f", k/1024}')" "$cmd"
done
printf 'total    %10s MiB\n' "$(awk -v k="$total" 'BEGIN{printf "%.1f", k/1024}')"
