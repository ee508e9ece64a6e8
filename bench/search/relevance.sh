#!/usr/bin/env bash
# Relevance benchmark: ours vs Pagefind (1.5.2 and the newest) on the handbook, labelled queries
# in bench/search/relevance/queries.tsv; writes the table into bench/search/RESULTS.md.
# Needs: Maven, Node, Debian's chromium + chromedriver, hunspell-da (see docs/architecture.md, Search).
# Usage: bench/search/relevance.sh [--no-write]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q package -DskipTests
java -jar target/handbook.jar build --no-pdf > /dev/null
(cd bench/search && npm ci --no-audit --no-fund --silent)
node bench/search/relevance.js "$@"
