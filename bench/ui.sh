#!/usr/bin/env bash
# Web UI benchmark: how soon a 10,000-span trace is usable. Starts Ariadne (memory store), sends one trace
# of SPANS spans over OTLP/HTTP JSON, opens /trace/{id} in headless Chromium once to warm the server up,
# then RUNS times (a fresh browser context each, so a cold browser cache) and reads the page's marks: first contentful paint and the first frame
# after the waterfall's rows were rendered. Also reports the gzip size of the JavaScript the first load
# fetches. Prints a markdown table and JSON.
#
#   bench/ui.sh            # 10,000 spans, 5 runs
#   bench/ui.sh --smoke    # 1,000 spans, 1 run: checks the script works
#   SPANS=50000 RUNS=3 CHROMIUM=/usr/bin/chromium bench/ui.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

spans="${SPANS:-10000}"
runs="${RUNS:-5}"
if [ "${1:-}" = "--smoke" ]; then spans=1000; runs=1; fi
command -v node >/dev/null || { echo "bench: node is needed (apt-get install nodejs npm)" >&2; exit 1; }
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
[ -x "$CHROMIUM" ] || { echo "bench: Chromium is needed at $CHROMIUM (apt-get install chromium)" >&2; exit 1; }

build_ariadne
# playwright-core comes with the ui module's locked dependencies.
[ -d "$root/ui/node_modules/playwright-core" ] || (cd "$root/ui" && npm ci --no-audit --no-fund >&2)
# The script and style sheet index.html names, gzipped as the server sends them.
js_gzip=$(python3 -c 'import sys, zipfile; print(sum(i.file_size for i in zipfile.ZipFile(sys.argv[1]).infolist()
  if i.filename.startswith("dev/ariadne/ui/static/") and i.filename.endswith(".js.gz")))' "$ariadne_jar")

start_ariadne 2g memory
result=$(BASE_URL="$(server_url "Jaeger query")" OTLP_HTTP="$(server_url "OTLP HTTP")" SPANS="$spans" RUNS="$runs" \
  node "$root/ui/e2e/first-paint.mjs")
stop_server

python3 - "$result" "$js_gzip" <<'PY'
import json, sys
r = json.loads(sys.argv[1])
js = int(sys.argv[2])
print("| spans | runs | first contentful paint, median | waterfall painted, median | waterfall painted, max | rows in the DOM | first-load JS, gzip |")
print("| --- | --- | --- | --- | --- | --- | --- |")
print(f"| {r['spans']:,} | {r['runs']} | {r['firstContentfulPaintMs']} ms | {r['waterfallPaintedMs']} ms "
      f"| {r['waterfallPaintedMaxMs']} ms | {r['results'][0]['rowsInDom']} | {js / 1024:.1f} KB |")
r["firstLoadJsGzipBytes"] = js
print(json.dumps(r))
PY
