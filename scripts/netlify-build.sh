#!/usr/bin/env bash
# Builds the handbook on a CI or CDN build image.  Usage: scripts/netlify-build.sh production|preview
#
# Needs JDK 17+ and Maven 3.8+. Two ways to run it (docs/drift.md, the checklist):
# - In CI (.github/workflows/publish.yml): the workflow sets up JDK 17 and Maven and caches Maven's
#   repository; nothing is downloaded here.
# - On Netlify (netlify.toml): Netlify's image has Java 8 and no Maven. Set these build environment
#   variables in the site's settings and the script downloads them into HANDBOOK_TOOLS_DIR
#   (.build-tools/), which the build plugin netlify/plugins/build-tools-cache keeps in Netlify's build
#   cache with Maven's repository, so only the first build downloads them:
#     JDK_DOWNLOAD_URL    a JDK 17 (or newer) .tar.gz for linux x64 from an OpenJDK vendor
#     MAVEN_DOWNLOAD_URL  an Apache Maven 3.9 binary .tar.gz
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-production}
cache=$(mkdir -p "${HANDBOOK_TOOLS_DIR:-.build-tools}" && cd "${HANDBOOK_TOOLS_DIR:-.build-tools}" && pwd)

java_major() {
  "$1" -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit }'
}

fetch_tool() { # name url -> prints the unpacked folder (one per URL: a new URL in the settings is fetched anew)
  local name=$1 url=$2
  [ -n "$url" ] || { echo "error: $name is missing and ${name^^}_DOWNLOAD_URL is not set (see scripts/netlify-build.sh)" >&2; exit 1; }
  local dir="$cache/$name-$(printf '%s' "$url" | sha256sum | cut -c1-12)"
  if [ ! -d "$dir" ]; then
    rm -rf "$dir.tmp" && mkdir -p "$dir.tmp" && curl -fsSL "$url" | tar -xz -C "$dir.tmp" --strip-components=1 && mv "$dir.tmp" "$dir"
  fi
  echo "$dir"
}

if ! command -v java >/dev/null || [ "$(java_major java)" -lt 17 ]; then
  JAVA_HOME=$(fetch_tool jdk "${JDK_DOWNLOAD_URL:-}") # assigned apart from export, so that a failed fetch stops the build
  export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
fi
if ! command -v mvn >/dev/null; then
  maven_home=$(fetch_tool maven "${MAVEN_DOWNLOAD_URL:-}")
  export PATH="$maven_home/bin:$PATH"
fi
# On Netlify, Maven's repository goes into the cached folder too; elsewhere it stays where CI caches it (~/.m2).
if [ "${NETLIFY:-}" = true ]; then
  export MAVEN_OPTS="-Dmaven.repo.local=$cache/m2 ${MAVEN_OPTS:-}"
fi

mvn -B -q package -DskipTests
case "$mode" in
  production) java -jar target/handbook.jar build ;;
  preview)    java -jar target/handbook.jar build --preview ;;
  *) echo "usage: $0 production|preview" >&2; exit 2 ;;
esac
