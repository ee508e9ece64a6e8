#!/usr/bin/env bash
# Full sync of the handbook from a local Strapi, repeated, with Strapi already up. Starts the
# Strapi from cms/ on 127.0.0.1 with a temp SQLite file and throwaway secrets, seeds it with
# cms-push, then times `handbook sync` (a cold JVM each run, as a build would).
# Goal: < 5 s per sync once Strapi is up.
# Usage: bench/cms-sync.sh [RUNS]   (needs `cd cms && npm ci` and `mvn -B -q package -DskipTests`)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
[ -f target/handbook.jar ] || { echo "target/handbook.jar missing: run mvn -B -q package -DskipTests" >&2; exit 1; }
[ -d cms/node_modules/@strapi/strapi ] || { echo "cms/node_modules missing: run (cd cms && npm ci)" >&2; exit 1; }

work=$(mktemp -d)
strapi_pid=
cleanup() {
  if [ -n "$strapi_pid" ] && kill -0 "$strapi_pid" 2>/dev/null; then
    kill "$strapi_pid"; wait "$strapi_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

set -a
# shellcheck disable=SC1090
. <(node cms/scripts/secrets.js --print)
HOST=127.0.0.1
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
DATABASE_FILENAME="$work/strapi.db"
set +a

start=$(date +%s.%N)
(cd cms && exec node scripts/start.js) > "$work/strapi.log" 2>&1 &
strapi_pid=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/_health")" = 204 ]; do
  kill -0 "$strapi_pid" 2>/dev/null || { cat "$work/strapi.log"; exit 1; }
  sleep 0.25
done
printf 'strapi up in %.1f s\n' "$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { print e - s }')"

export STRAPI_URL="http://127.0.0.1:$PORT"
STRAPI_TOKEN=$(cd cms && node scripts/create-token.js bench-push seed) java -jar target/handbook.jar cms-push | tail -1
export STRAPI_TOKEN
STRAPI_TOKEN=$(cd cms && node scripts/create-token.js bench-sync build)

times=()
for i in $(seq "$runs"); do
  start=$(date +%s.%N)
  java -jar target/handbook.jar sync --out "$work/content" > "$work/sync.txt"
  end=$(date +%s.%N)
  t=$(awk -v s="$start" -v e="$end" 'BEGIN { print e - s }')
  times+=("$t")
  printf 'run %d: %.2f s wall  (%s)\n' "$i" "$t" "$(tail -1 "$work/sync.txt")"
done
diff -r content "$work/content" > /dev/null && echo "synced content/ is byte-identical to the repository's"
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
median=$(echo "$sorted" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
best=$(echo "$sorted" | head -1)
printf '\nfull sync (%d pages), %d runs on %d cores: median %.2f s, best %.2f s (goal < 5 s)\n' \
  "$(find "$work/content" -name '*.adoc' | wc -l)" "$runs" "$(nproc)" "$median" "$best"
