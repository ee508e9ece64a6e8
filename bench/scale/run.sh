#!/usr/bin/env bash
# Build time at scale: the same generated Danish corpus built by the handbook, by Asciidoctor.js
# (the converter Antora uses), by Hugo with Asciidoctor, by stock JBake 2.7.0 and by Antora 3, for
# each size; prints wall time, CPU time, pages per second and peak memory as a table.
# Usage: bench/scale/run.sh [--write-results] [SIZES...]   (default sizes: 100 1000 10000)
#   --write-results   also write the table to bench/scale/RESULTS.md
#   SKIP_OURS=1 SKIP_ASCIIDOCTORJS=1 SKIP_HUGO=1 SKIP_JBAKE=1 SKIP_ANTORA=1   leave an engine out
#   HUGO_MAX_PAGES=N  run Hugo only up to N pages (default 1000: Hugo starts one Ruby process per
#                     page, and 1,000 pages took 11 minutes on a busy 2-core machine)
#   JBAKE_MAX_PAGES=N run JBake only up to N pages (default 1000: its Oven renders in quadratic time)
#   ANTORA_MAX_PAGES=N run Antora only up to N pages (default: every size)
#   PDF_MAX_PAGES=N   build ours with PDFs only up to N pages (default 1000)
# Needs: Node, GNU time, git, target/handbook.jar, Debian's hugo and asciidoctor packages, and Maven
# (builds bench/scale/jbake/).
set -euo pipefail
cd "$(dirname "$0")/../.."
bench=bench/scale

usage() { sed -n '5,14p' "$0" | sed 's/^# \{0,1\}//'; }
write_results=false
sizes=()
for arg in "$@"; do
  case $arg in
    --write-results) write_results=true ;;
    -h|--help) usage; exit 0 ;;
    '' | *[!0-9]* | [0-3]) echo "unknown argument '$arg': sizes are page counts (at least 4)" >&2; usage >&2; exit 2 ;;
    *) sizes+=("$arg") ;;
  esac
done
[ ${#sizes[@]} -gt 0 ] || sizes=(100 1000 10000)

missing() { echo "$1" >&2; exit 1; }
command -v node > /dev/null || missing "node not found: install Node.js 20 or later"
[ -x /usr/bin/time ] && /usr/bin/time --version 2>&1 | grep -q GNU \
  || missing "GNU time (/usr/bin/time) not found: sudo apt-get install -y time"
declare -A engines=()
if [ "${SKIP_OURS:-}" != 1 ]; then
  [ -f target/handbook.jar ] || missing "target/handbook.jar missing: run mvn -B -q -ntp package -DskipTests (or SKIP_OURS=1)"
  engines[ours]="handbook (ours)"
  engines[ours-again]="handbook, rebuilt with nothing changed"
  engines[ours-edit]="handbook, rebuilt after one page's text edited"
  engines[ours-pdf]="handbook with PDFs"
  engines[ours-pdf-edit]="handbook with PDFs, rebuilt after one page's text edited"
fi
if [ "${SKIP_ASCIIDOCTORJS:-}" != 1 ]; then
  (cd "$bench" && npm ci --no-audit --no-fund --silent)
  engines[asciidoctorjs]="Asciidoctor.js $(node -p "require('./$bench/node_modules/@asciidoctor/core/package.json').version")"
fi
if [ "${SKIP_HUGO:-}" != 1 ]; then
  command -v hugo > /dev/null && command -v asciidoctor > /dev/null \
    || missing "hugo or asciidoctor not found: sudo apt-get install -y hugo asciidoctor (or SKIP_HUGO=1)"
  hugo_version=$(hugo version | sed -n 's/^hugo v\([0-9.]*\).*/\1/p')
  asciidoctor_version=$(asciidoctor --version | sed -n '1s/^Asciidoctor \([0-9.]*\).*/\1/p')
  engines[hugo]="Hugo $hugo_version + Asciidoctor $asciidoctor_version"
fi
if [ "${SKIP_JBAKE:-}" != 1 ]; then
  command -v mvn > /dev/null || missing "mvn not found: install Maven 3.8 or newer (or SKIP_JBAKE=1)"
  mvn -B -q -ntp -f "$bench/jbake/pom.xml" package
  jbake_versions() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$bench/jbake/pom.xml"; }
  engines[jbake]="JBake $(jbake_versions jbake.version) (stock Oven) + AsciidoctorJ $(jbake_versions asciidoctorj.version)"
fi
if [ "${SKIP_ANTORA:-}" != 1 ]; then
  command -v git > /dev/null || missing "git not found: sudo apt-get install -y git (or SKIP_ANTORA=1)"
  (cd "$bench/antora" && npm ci --no-audit --no-fund --silent)
  engines[antora]="Antora $(node -p "require('./$bench/antora/node_modules/@antora/site-generator/package.json').version")"
fi
[ ${#engines[@]} -gt 0 ] || missing "every engine is skipped"

load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)
# The command as run, with the switches that were set, for RESULTS.md.
command_line=$(for name in SKIP_OURS SKIP_ASCIIDOCTORJS SKIP_HUGO SKIP_JBAKE SKIP_ANTORA HUGO_MAX_PAGES JBAKE_MAX_PAGES ANTORA_MAX_PAGES PDF_MAX_PAGES; do
  [ -z "${!name:-}" ] || printf '%s=%s ' "$name" "${!name}"; done; echo "bench/scale/run.sh ${sizes[*]}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
results=$work/results.jsonl
stages=$work/stages.txt
: > "$results"
measure() { node "$bench/measure.js" "$results" "$@"; }

if [ -n "${engines[ours]:-}" ]; then
  # The first build with a new jar writes its class-sharing archive: done here, untimed.
  bench/generate-corpus 20 "$work/warm-up" > /dev/null
  java -jar target/handbook.jar build --clean --content "$work/warm-up" --out "$work/warm-up-site" > /dev/null
  rm -rf "$work/warm-up" "$work/warm-up-site"
fi

for pages in "${sizes[@]}"; do
  echo "== $pages pages"
  bench/generate-corpus "$pages" "$work/corpus" > /dev/null
  if [ -n "${engines[ours]:-}" ]; then
    # --clean: a cold build, nothing reused from an earlier run's cache.
    measure "$pages" ours "$work/ours.log" -- \
      java -jar target/handbook.jar build --clean --content "$work/corpus" --out "$work/ours" --no-pdf
    { echo "$pages pages:"; sed -n '/^stage /,/^total /p' "$work/ours.log"; echo; } | tee -a "$stages" | sed 's/^./    &/'
    # Incremental rebuilds of the same site: nothing changed, then one page's text edited.
    measure "$pages" ours-again "$work/ours-again.log" -- \
      java -jar target/handbook.jar build --content "$work/corpus" --out "$work/ours" --no-pdf
    edited=$(find "$work/corpus" -name 'side-*.adoc' | sort | sed -n '2p')
    printf '\nEn ny sætning i teksten.\n' >> "$edited"
    measure "$pages" ours-edit "$work/ours-edit.log" -- \
      java -jar target/handbook.jar build --content "$work/corpus" --out "$work/ours" --no-pdf
    { echo "$pages pages, one page's text edited:"; sed -n '/^stage /,/^total /p' "$work/ours-edit.log"; echo; } \
      | tee -a "$stages" | sed 's/^./    &/'
    if [ "$pages" -le "${PDF_MAX_PAGES:-1000}" ]; then
      # The same corpus cold with its PDFs (the whole book and one per section), and one page edited again.
      measure "$pages" ours-pdf "$work/ours-pdf.log" -- \
        java -jar target/handbook.jar build --clean --content "$work/corpus" --out "$work/ours-pdf"
      printf '\nEndnu en sætning i teksten.\n' >> "$edited"
      measure "$pages" ours-pdf-edit "$work/ours-pdf-edit.log" -- \
        java -jar target/handbook.jar build --content "$work/corpus" --out "$work/ours-pdf"
      { echo "$pages pages with PDFs:"; sed -n '/^stage /,/^total /p' "$work/ours-pdf.log"; echo
        echo "$pages pages with PDFs, one page's text edited:"; sed -n '/^stage /,/^total /p' "$work/ours-pdf-edit.log"; echo; } \
        | tee -a "$stages" | sed 's/^./    &/'
    fi
  fi
  if [ -n "${engines[asciidoctorjs]:-}" ]; then
    measure "$pages" asciidoctorjs "$work/asciidoctorjs.log" -- \
      node "$bench/asciidoctor-js.js" "$work/corpus" "$work/asciidoctorjs"
  fi
  if [ -n "${engines[hugo]:-}" ] && [ "$pages" -gt "${HUGO_MAX_PAGES:-1000}" ]; then
    echo "  Hugo + Asciidoctor not run at $pages pages (HUGO_MAX_PAGES=${HUGO_MAX_PAGES:-1000}: it starts Ruby once per page)" \
      | tee -a "$stages"
  elif [ -n "${engines[hugo]:-}" ]; then
    node "$bench/hugo-site.js" "$work/corpus" "$work/hugo-site" > /dev/null
    measure "$pages" hugo "$work/hugo.log" -- \
      hugo --quiet --source "$work/hugo-site" --destination "$work/hugo-out" --cacheDir "$work/hugo-cache"
  fi
  if [ -n "${engines[jbake]:-}" ] && [ "$pages" -gt "${JBAKE_MAX_PAGES:-1000}" ]; then
    echo "  JBake not run at $pages pages (JBAKE_MAX_PAGES=${JBAKE_MAX_PAGES:-1000}: its Oven renders in quadratic time)" \
      | tee -a "$stages"
  elif [ -n "${engines[jbake]:-}" ]; then
    # The site folder (templates, and the pages as side-NNNNN/index.adoc) is made before timing.
    java -jar "$bench/jbake/target/jbake-bench.jar" prepare "$bench/jbake/site" "$work/corpus" "$work/jbake-site" > /dev/null
    measure "$pages" jbake "$work/jbake.log" -- \
      java -jar "$bench/jbake/target/jbake-bench.jar" bake "$work/jbake-site" "$work/jbake-out"
  fi
  if [ -n "${engines[antora]:-}" ] && [ "$pages" -gt "${ANTORA_MAX_PAGES:-$pages}" ]; then
    echo "  Antora not run at $pages pages (ANTORA_MAX_PAGES=$ANTORA_MAX_PAGES)" | tee -a "$stages"
  elif [ -n "${engines[antora]:-}" ]; then
    # Not timed: the UI bundle folder (bench/scale/antora/ui/ and the handbook's stylesheet), and the
    # corpus as a committed git repository in Antora's component layout, with its playbook.
    cp -r "$bench/antora/ui" "$work/antora-ui"
    mkdir -p "$work/antora-ui/css"
    cp assets/css/site.css "$work/antora-ui/css/site.css"
    node "$bench/antora/antora-site.js" "$work/corpus" "$work/antora-repo" "$work/antora-ui" "$work/antora-playbook.json" > /dev/null
    measure "$pages" antora "$work/antora.log" -- \
      "$bench/antora/node_modules/.bin/antora" --cache-dir "$work/antora-cache" --to-dir "$work/antora-out" "$work/antora-playbook.json"
    # Every page of the corpus published (a page Antora skipped would flatter its figures).
    published=$(find "$work/antora-out" -name index.html | wc -l)
    [ "$published" -eq "$pages" ] || missing "Antora published $published pages of $pages"
  fi
  rm -rf "$work/corpus" "$work/ours" "$work/asciidoctorjs" "$work/hugo-site" "$work/hugo-out" "$work/hugo-cache" \
    "$work/jbake-site" "$work/jbake-out" "$work/antora-ui" "$work/antora-repo" "$work/antora-playbook.json" \
    "$work/antora-cache" "$work/antora-out"
done

{
  printf '{"sizes": [%s], "command": "%s", "date": "%s", "load": "%s", "engines": {' \
    "$(IFS=,; echo "${sizes[*]}")" "$command_line" "$(date +%Y-%m-%d)" "$load_at_start"
  first=true
  for key in "${!engines[@]}"; do
    $first || printf ', '
    first=false
    printf '"%s": "%s"' "$key" "${engines[$key]}"
  done
  printf '}}\n'
} > "$work/info.json"
echo
if $write_results; then
  node "$bench/report.js" "$results" "$work/info.json" "$stages" --write "$bench/RESULTS.md"
else
  node "$bench/report.js" "$results" "$work/info.json" "$stages"
fi
