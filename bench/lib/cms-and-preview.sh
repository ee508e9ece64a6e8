# Sourced by bench/preview.sh and bench/publish-check.sh: starts the Strapi from cms/ (temp SQLite,
# throwaway secrets, its own uploads folder) and `handbook preview-server` beside it, seeds the CMS with
# cms-push, and defines $work, $seed and $build (tokens), $STRAPI_URL, $PREVIEW_URL, now and since.
[ -f target/handbook.jar ] || { echo "target/handbook.jar missing: run mvn -B -q package -DskipTests" >&2; exit 1; }
[ -d cms/node_modules/@strapi/strapi ] || { echo "cms/node_modules missing: run (cd cms && npm ci)" >&2; exit 1; }

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now() { date +%s.%N; }
since() { awk -v s="$1" -v e="$(now)" 'BEGIN { printf "%.2f", e - s }'; }

set -a
# shellcheck disable=SC1090
. <(node cms/scripts/secrets.js --print)
HOST=127.0.0.1
PORT=$(free_port)
PREVIEW_PORT=$(free_port)
PREVIEW_URL="http://127.0.0.1:$PREVIEW_PORT"
PREVIEW_SECRET=$(node -e 'console.log(require("crypto").randomBytes(32).toString("hex"))')
DATABASE_FILENAME="$work/strapi.db"
PUBLIC_DIR="$work/public"
set +a
mkdir -p "$PUBLIC_DIR/uploads"

(cd cms && exec node scripts/start.js) > "$work/strapi.log" 2>&1 &
pids+=($!)
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/_health")" = 204 ]; do sleep 0.25; done
export STRAPI_URL="http://127.0.0.1:$PORT"
seed=$(cd cms && node scripts/create-token.js bench-seed seed)
build=$(cd cms && node scripts/create-token.js bench-preview build)
STRAPI_TOKEN=$seed java -jar target/handbook.jar cms-push | tail -1

STRAPI_TOKEN=$build java -jar target/handbook.jar preview-server --port "$PREVIEW_PORT" --work "$work/preview" > "$work/preview.log" 2>&1 &
pids+=($!)
token=$(node -e 'console.log(require("./cms/src/lib/preview").previewToken(process.env.PREVIEW_SECRET))')
