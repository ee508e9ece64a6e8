#!/usr/bin/env bash
# Time of the check at publish time for the whole handbook: Strapi asks the preview service
# (POST /check) to build the published handbook with the page, before it publishes. Starts the Strapi
# from cms/ (temp SQLite), seeds it with cms-push, starts `handbook preview-server`, then per run
# publishes Trin 1 over the REST API once with a broken link (refused) and once fixed (published).
# Goal: a few seconds. Usage: bench/publish-check.sh [RUNS]  (needs `cd cms && npm ci` and `mvn -B -q package -DskipTests`)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
. bench/lib/cms-and-preview.sh
until curl -s -o /dev/null "$PREVIEW_URL/assets/" 2>/dev/null; do sleep 0.25; done

id=$(curl -s -H "Authorization: Bearer $seed" "$STRAPI_URL/api/pages?filters%5Bslug%5D%5B%24eq%5D=trin-1&locale=da" \
  | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).data[0].documentId))')
publish() {
  curl -s -o "$work/answer.json" -w '%{http_code}' -X PUT -H "Authorization: Bearer $seed" -H 'Content-Type: application/json' \
    -d "{\"data\":{\"changeNote\":\"$1\"}}" "$STRAPI_URL/api/pages/$id?locale=da&status=published"
}
body=$(curl -s -H "Authorization: Bearer $seed" "$STRAPI_URL/api/pages/$id?locale=da" \
  | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.stringify(JSON.parse(s).data.body)))')
times=()
for i in $(seq "$runs"); do
  broken=$(node -e 'console.log(JSON.stringify(JSON.parse(process.argv[1]) + "\n\nSe link:/findes-ikke-" + process.argv[2] + "/[side]."))' "$body" "$i")
  curl -s -o /dev/null -X PUT -H "Authorization: Bearer $seed" -H 'Content-Type: application/json' \
    -d "{\"data\":{\"body\":$broken}}" "$STRAPI_URL/api/pages/$id?locale=da&status=draft"
  sleep 3 # the check of the saved draft (a warning only) runs first
  start=$(now); code=$(publish "Kørsel $i"); t1=$(since "$start")
  echo "run $i: broken link, publish answered $code after $t1 s: $(head -c 160 "$work/answer.json")"
  curl -s -o /dev/null -X PUT -H "Authorization: Bearer $seed" -H 'Content-Type: application/json' \
    -d "{\"data\":{\"body\":$body}}" "$STRAPI_URL/api/pages/$id?locale=da&status=draft"
  sleep 3
  start=$(now); code=$(publish "Kørsel $i rettet"); t2=$(since "$start")
  echo "run $i: fixed, publish answered $code after $t2 s"
  times+=("$t1" "$t2")
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
printf '\npublish with the check, %d publishes on %d cores: median %s s, worst %s s\n' "${#times[@]}" "$(nproc)" \
  "$(echo "$sorted" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')" "$(echo "$sorted" | tail -1)"
grep 'check of' "$work/preview.log" | tail -n "$((runs * 4))"
