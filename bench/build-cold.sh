#!/usr/bin/env bash
# Full build of the handbook from a cold JVM, repeated; prints wall times and the stage table
# of the last run. Goal on a 2-core machine: <= 8 s wall with --no-pdf, <= 12 s with the PDFs
# (the foundation's goal plus 50 %). The pdf row is the PDFs' own time: they are laid out
# alongside bake and index, so the rows add up to more than the total.
# Usage: bench/build-cold.sh [RUNS] [BUILD OPTIONS…]   e.g. bench/build-cold.sh 5 --no-pdf
# (run `mvn -B -q package -DskipTests` first)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
shift || true
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
[ -f target/handbook.jar ] || { echo "target/handbook.jar missing: run mvn -B -q package -DskipTests" >&2; exit 1; }

times=()
for i in $(seq "$runs"); do
  start=$(date +%s.%N)
  java -jar target/handbook.jar build --clean --out "$out/site" "$@" > "$out/log.txt"
  end=$(date +%s.%N)
  t=$(awk -v s="$start" -v e="$end" 'BEGIN { print e - s }')
  times+=("$t")
  printf 'run %d: %.2f s wall\n' "$i" "$t"
done
goal=12
for arg in "$@"; do [ "$arg" = --no-pdf ] && goal=8; done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
median=$(echo "$sorted" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
best=$(echo "$sorted" | head -1)
echo
sed -n '/^stage/,$p' "$out/log.txt"
printf '\ncold build%s, %d runs on %d cores: median %.2f s, best %.2f s (goal <= %d s); load average %s\n' "${*:+ ($*)}" "$runs" "$(nproc)" "$median" "$best" "$goal" "$(cut -d' ' -f1-3 /proc/loadavg)"
