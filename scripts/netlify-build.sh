#!/usr/bin/env bash
# Builds the handbook on a CI or CDN build image.  Usage: scripts/netlify-build.sh production|preview
#
# Needs JDK 17+ and Maven 3.8+. Netlify's image has Java 8 and no Maven: set these build
# environment variables in the site's settings and the script fetches and caches them:
#   JDK_DOWNLOAD_URL    a JDK 17 (or newer) .tar.gz for linux x64 from an OpenJDK vendor
#   MAVEN_DOWNLOAD_URL  an Apache Maven 3.9 binary .tar.gz
# Or build elsewhere (any machine with JDK 17 + Maven) and upload the result:
#   mvn -B -q package -DskipTests && java -jar target/handbook.jar build
#   netlify deploy --dir target/site --prod
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-production}
cache=${NETLIFY_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}}/dis-handbook
mkdir -p "$cache"

java_major() {
  "$1" -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit }'
}

fetch_tool() { # name url -> prints the unpacked folder
  local name=$1 url=$2 dir="$cache/$1"
  if [ ! -d "$dir" ]; then
    [ -n "$url" ] || { echo "error: $name is missing and ${name^^}_DOWNLOAD_URL is not set (see scripts/netlify-build.sh)" >&2; exit 1; }
    mkdir -p "$dir.tmp" && curl -fsSL "$url" | tar -xz -C "$dir.tmp" --strip-components=1 && mv "$dir.tmp" "$dir"
  fi
  echo "$dir"
}

if ! command -v java >/dev/null || [ "$(java_major java)" -lt 17 ]; then
  export JAVA_HOME=$(fetch_tool jdk "${JDK_DOWNLOAD_URL:-}")
  export PATH="$JAVA_HOME/bin:$PATH"
fi
if ! command -v mvn >/dev/null; then
  export PATH="$(fetch_tool maven "${MAVEN_DOWNLOAD_URL:-}")/bin:$PATH"
fi
export MAVEN_OPTS="-Dmaven.repo.local=$cache/m2 ${MAVEN_OPTS:-}"

mvn -B -q package -DskipTests
case "$mode" in
  production) java -jar target/handbook.jar build ;;
  preview)    java -jar target/handbook.jar build --preview ;;
  *) echo "usage: $0 production|preview" >&2; exit 2 ;;
esac
