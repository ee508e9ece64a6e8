#!/usr/bin/env bash
# Two builds of the handbook against each other: the same command with handbook A's jar and with
# handbook B's, alternating A, B, A, B… so both see the same machine; prints each run and the
# medians of wall time, CPU time (user + system) and peak memory. For a before/after figure, A is a checkout of the commit
# before the change (its jar built with `mvn -B -q package -DskipTests`), B this one.
# Usage: bench/ab.sh RUNS A_DIR B_DIR KIND [PAGES]
#   KIND: cold       a clean build of the handbook's content, with PDFs
#         cold-nopdf the same without PDFs
#         again      a build with nothing changed since the last one
#         edit       a build after one sentence was added to one page
#         corpus     a clean build of PAGES generated pages without PDFs (bench/generate-corpus)
#         corpus-pdf the same with PDFs (the whole book's PDF of PAGES chapters)
#         corpus-edit a build of PAGES generated pages without PDFs after one sentence was added to one page
#         corpus-pdf-edit the same with PDFs
# Needs: GNU time; for corpus and corpus-pdf, Node.
set -euo pipefail
[ $# -ge 4 ] || { sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
runs=$1; a=$(cd "$2" && pwd); b=$(cd "$3" && pwd); kind=$4; pages=${5:-1000}
for dir in "$a" "$b"; do
  [ -f "$dir/target/handbook.jar" ] || { echo "$dir/target/handbook.jar missing: run mvn -B -q package -DskipTests there" >&2; exit 1; }
done
[ -x /usr/bin/time ] || { echo "GNU time (/usr/bin/time) not found: sudo apt-get install -y time" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
here=$(cd "$(dirname "$0")/.." && pwd)

content_of() { # each side builds its own copy, so an edit on one side never reaches the other
  local side=$1
  if [ "$kind" = corpus ] || [ "$kind" = corpus-pdf ]; then
    [ -d "$work/corpus" ] || "$here/bench/generate-corpus" "$pages" "$work/corpus" > /dev/null
    echo "$work/corpus"
  elif [ "$kind" = corpus-edit ] || [ "$kind" = corpus-pdf-edit ]; then
    [ -d "$work/corpus" ] || "$here/bench/generate-corpus" "$pages" "$work/corpus" > /dev/null
    [ -d "$work/$side-corpus" ] || cp -r "$work/corpus" "$work/$side-corpus"
    echo "$work/$side-corpus"
  else
    [ -d "$work/$side-content" ] || cp -r "$here/content" "$work/$side-content"
    echo "$work/$side-content"
  fi
}

one_run() { # side dir → "wall_seconds peak_kb cpu_seconds"
  # Each side's site in a folder of its own: the search index lives beside the site folder.
  local side=$1 dir=$2 content args=()
  content=$(content_of "$side")
  case $kind in
    cold|corpus-pdf) args=(--clean) ;;
    cold-nopdf|corpus) args=(--clean --no-pdf) ;;
    again) args=() ;;
    edit) args=() ;;
    corpus-edit) args=(--no-pdf) ;;
    corpus-pdf-edit) args=() ;;
    *) echo "unknown KIND '$kind'" >&2; exit 2 ;;
  esac
  if [ "$kind" = again ] || [ "$kind" = edit ] || [ "$kind" = corpus-edit ] || [ "$kind" = corpus-pdf-edit ]; then
    # A first build to start from (not timed).
    mkdir -p "$work/$side"
    [ -d "$work/$side/site" ] || (cd "$dir" && java -jar target/handbook.jar build --content "$content" --out "$work/$side/site" "${args[@]}" > /dev/null 2>&1)
  fi
  # The edit comes after the first build, so every timed run has one.
  if [ "$kind" = edit ]; then echo "Endnu en sætning $RANDOM." >> "$content/trin-3/netvaerk.adoc"; fi
  if [ "$kind" = corpus-edit ] || [ "$kind" = corpus-pdf-edit ]; then
    printf '\nEn ny sætning i teksten %s.\n' "$RANDOM" >> "$(find "$content" -name 'side-*.adoc' | sort | sed -n '2p')"
  fi
  (cd "$dir" && /usr/bin/time -f '%e %M %U %S' -o "$work/time" \
    java -jar target/handbook.jar build --content "$content" --out "$work/$side/site" "${args[@]}" > "$work/$side.log" 2>&1) \
    || { echo "build failed ($side):" >&2; tail -20 "$work/$side.log" >&2; exit 1; }
  awk '{ printf "%s %s %.2f\n", $1, $2, $3 + $4 }' "$work/time"
}

declare -a wall_a wall_b mem_a mem_b cpu_a cpu_b
for i in $(seq "$runs"); do
  read -r w m c < <(one_run a "$a"); wall_a+=("$w"); mem_a+=("$m"); cpu_a+=("$c")
  read -r w m c < <(one_run b "$b"); wall_b+=("$w"); mem_b+=("$m"); cpu_b+=("$c")
  printf 'run %d: A %6.2f s (cpu %6.2f s) %5d MB   B %6.2f s (cpu %6.2f s) %5d MB\n' "$i" \
    "${wall_a[-1]}" "${cpu_a[-1]}" $(( ${mem_a[-1]} / 1024 )) "${wall_b[-1]}" "${cpu_b[-1]}" $(( ${mem_b[-1]} / 1024 ))
done
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
printf '\n%s%s, %d runs each on %d cores (load average %s)\n' "$kind" "$(case $kind in corpus*) echo " ($pages pages)" ;; esac)" \
  "$runs" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf 'A %s: median %.2f s wall, %.2f s cpu, peak memory %d MB\n' "$a" "$(median "${wall_a[@]}")" "$(median "${cpu_a[@]}")" $(( $(median "${mem_a[@]}") / 1024 ))
printf 'B %s: median %.2f s wall, %.2f s cpu, peak memory %d MB\n' "$b" "$(median "${wall_b[@]}")" "$(median "${cpu_b[@]}")" $(( $(median "${mem_b[@]}") / 1024 ))
