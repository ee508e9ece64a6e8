#!/usr/bin/env bash
# Search benchmark: our index vs Pagefind on generated 1k and 10k page Danish corpora.
# Needs: a built handbook (for its vocabulary), test classes, Node, Debian's chromium + chromedriver.
# Usage: bench/search/run.sh [PAGES...]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q package -DskipTests
[ -d target/test-classes/dk/dis/handbook/search ] || mvn -B -q test-compile
java -jar target/handbook.jar build > /dev/null
(cd bench/search && npm ci --no-audit --no-fund --silent)
node bench/search/run.js "$@"
