#!/usr/bin/env bash
# Cold builds with and without PDFs, repeated: the cost of the pdf stage, against the goal of a
# whole build with PDFs within the foundation's 8 s plus 50 % (12 s) on a 2-core machine.
# Prints wall and CPU seconds (CPU is steadier than wall on a shared machine) and the load average.
# The pdf row of the stage table is the PDFs' own time (laid out alongside bake and index) and
# how long the build waited for them after index.
# Then one incremental build after editing one page.
# Usage: bench/build-pdf.sh [RUNS]   (run `mvn -B -q package -DskipTests` first)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
[ -f target/handbook.jar ] || { echo "target/handbook.jar missing: run mvn -B -q package -DskipTests" >&2; exit 1; }

measure() { # label, extra build args...
  local label=$1; shift
  local walls=() cpus=()
  for i in $(seq "$runs"); do
    /usr/bin/time -f '%e %U %S' -o "$out/time.txt" java -jar target/handbook.jar build --clean --out "$out/site" "$@" > "$out/log-$label.txt"
    read -r wall user sys < "$out/time.txt"
    walls+=("$wall"); cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')")
    printf '%-8s run %d: %6.2f s wall, %6.2f s CPU\n' "$label" "$i" "$wall" "${cpus[-1]}"
  done
  median_wall[$label]=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  median_cpu[$label]=$(printf '%s\n' "${cpus[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
}

declare -A median_wall median_cpu
measure no-pdf --no-pdf
measure pdf
echo
sed -n '/^stage/,$p' "$out/log-pdf.txt"
echo
printf 'median without PDFs: %6.2f s wall, %6.2f s CPU\n' "${median_wall[no-pdf]}" "${median_cpu[no-pdf]}"
printf 'median with PDFs:    %6.2f s wall, %6.2f s CPU   (goal <= 12 s wall)\n' "${median_wall[pdf]}" "${median_cpu[pdf]}"
printf '%d cores, load average %s\n' "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"

# Incremental: a copy of content/ built once, then one sentence added to a page of Trin 1. Only the
# PDFs that contain that page are laid out again (trin-1.pdf and the whole handbook); the build
# keeps the others in target/build-cache.
cp -r content "$out/content"
java -jar target/handbook.jar build --clean --content "$out/content" --out "$out/edit-site" > "$out/log-edit.txt"
printf '\nEn sætning tilføjet til målingen.\n' >> "$out/content/trin-1/index.adoc"
/usr/bin/time -f '%e %U %S' -o "$out/time.txt" java -jar target/handbook.jar build --content "$out/content" --out "$out/edit-site" > "$out/log-edit.txt"
read -r wall user sys < "$out/time.txt"
grep '^pdf ' "$out/log-edit.txt"
printf 'one page of Trin 1 edited, with PDFs: %6.2f s wall, %6.2f s CPU\n' "$wall" "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')"
