#!/usr/bin/env bash
# Time from "Save" in the CMS to the saved draft shown by the preview service, for the whole
# handbook. Starts the Strapi from cms/ (temp SQLite, throwaway secrets), seeds it with cms-push,
# starts `handbook preview-server` beside it, then per run saves a draft of Trin 1 over the REST
# API (as the admin's Save does) and asks for the page until the new text is there.
# Goal: <= 5 s. Usage: bench/preview.sh [RUNS]  (needs `cd cms && npm ci` and `mvn -B -q package -DskipTests`)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
. bench/lib/cms-and-preview.sh
page="$PREVIEW_URL/trin-1/?preview=$token"
until curl -s -o /dev/null "$PREVIEW_URL/assets/" 2>/dev/null; do sleep 0.25; done
start=$(now)
curl -s -o /dev/null "$page"
echo "first preview (sync and build of the whole handbook): $(since "$start") s"

id=$(curl -s -H "Authorization: Bearer $seed" "$STRAPI_URL/api/pages?filters%5Bslug%5D%5B%24eq%5D=trin-1&locale=da" \
  | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).data[0].documentId))')
times=()
for i in $(seq "$runs"); do
  title="Politiske principper (kladde $i $RANDOM)"
  curl -s -o /dev/null -X PUT -H "Authorization: Bearer $seed" -H 'Content-Type: application/json' \
    -d "{\"data\":{\"title\":\"$title\"}}" "$STRAPI_URL/api/pages/$id?locale=da&status=draft"
  start=$(now)
  until curl -s "$page" | grep -qF "$title"; do sleep 0.05; done
  t=$(since "$start")
  times+=("$t")
  echo "run $i: saved draft shown after $t s"
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
printf '\nsave -> preview shown, %d runs on %d cores: median %s s, worst %s s (goal <= 5 s)\n' "$runs" "$(nproc)" \
  "$(echo "$sorted" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')" "$(echo "$sorted" | tail -1)"
