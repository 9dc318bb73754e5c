#!/usr/bin/env bash
# Query benchmark: loads Ariadne (the durable local store by default, or the memory store) with
# tracegen's corpus over OTLP gRPC to a number of stored spans, sampling the server's resident memory as
# it goes, then replays queries through the Jaeger, Tempo and Zipkin APIs, one request at a time: trace
# by id for sampled traces (each checked whole), searches by a sampled root's service and span name, and
# searches by service + tenant.id + minimum duration 100 ms over the corpus's last hour (each trace
# found checked against the corpus). Prints a markdown table and JSON of the p50 and p99 latencies at
# that store size, the memory curve, and the bytes on disk per span.
#
#   bench/query.sh                      # 1M spans in the local store, 1,000 warm-up then 200 queries of each kind per API
#   SPANS=10000000 bench/query.sh       # 10M spans
#   STORAGE=memory bench/query.sh       # the memory store; its heap grows with SPANS unless HEAP is set
#   bench/query.sh --smoke              # 20k spans, 5 + 20 queries: seconds, checks the script works
#   QUERIES=500 WARMUP=100 HEAP=1g APIS="jaeger tempo" bench/query.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

spans="${SPANS:-1000000}"
queries="${QUERIES:-200}"
# The warm-up is long because a server's per-request code (Netty, Armeria, the API's handlers) is still
# interpreted or in C1 after a few hundred requests: with 50 warm-up queries the JIT, not the server,
# set the p99. A server in service answers with compiled code.
warmup="${WARMUP:-1000}"
storage="${STORAGE:-local}"
if [ "${1:-}" = "--smoke" ]; then spans=20000; queries=20; warmup=5; fi
if [ "$storage" = memory ]; then
  # The memory store holds about 1.3 KB of heap per tracegen span; leave room for the queries' garbage.
  heap="${HEAP:-$(( (spans * 16 / 10 + 999999) / 1000000 + 2 ))g}"
else
  # The local store's memory is bounded whatever it holds: the same heap at every size.
  heap="${HEAP:-768m}"
fi
seed=42
# The corpus ends about now (tracegen spaces traces ~11 ms apart), so "the last hour" means what it says
# to the store's time-based pruning, as it would in service.
start=$(python3 -c 'import datetime, sys; s = int(sys.argv[1]); t = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(seconds=s * 11 // 20 // 1000 + 60); print(t.strftime("%Y-%m-%dT%H:%M:%SZ"))' "$spans")
read -r -a apis <<<"${APIS:-jaeger tempo zipkin}"

began=$(date +%s)
build_ariadne
results="$cache/query-$(date +%s).json"
start_ariadne "$heap" "$storage"
curve="$cache/query-rss-$(date +%s).tsv"
admin=$(server_url admin)
# Every 5 s while loading: spans accepted so far and the server's resident memory.
( while kill -0 "$server_pid" 2>/dev/null; do
    accepted=$(curl -fs "$admin/metrics" | awk '/^ariadne_receiver_accepted_spans_total/ { s += $2 } END { printf "%d", s }')
    echo "$accepted $(rss_mib "$server_pid")"
    sleep 5
  done ) >"$curve" 2>/dev/null &
sampler=$!

echo "bench: loading $spans spans over OTLP gRPC into the $storage store (heap $heap)" >&2
load=$(tracegen --mode throughput --stream --protocol otlp-grpc --endpoint "$(server_url "OTLP gRPC")" \
  --spans "$spans" --concurrency 4 --seed "$seed" --start "$start")
kill "$sampler" 2>/dev/null || true
disk=0
if [ "$storage" = local ]; then disk=$(dir_bytes "$data_dir"); fi
traces=$(python3 -c 'import json, sys; print(json.loads(sys.argv[1])["traces"])' "$load")
failed=$(python3 -c 'import json, sys; print(json.loads(sys.argv[1])["spansFailed"])' "$load")
if [ "$failed" != 0 ]; then
  echo "bench: the load failed for $failed spans; latencies of a partial store would mislead: $load" >&2
  exit 1
fi

declare -A listener=([jaeger]="Jaeger query" [tempo]="Tempo" [zipkin]="Zipkin")
query_runs=()
for api in "${apis[@]}"; do
  echo "bench: $queries trace-by-id and $queries search queries through the $api API" >&2
  query_runs+=("$(tracegen --mode query --api "$api" --endpoint "$(server_url "${listener[$api]}")" \
    --traces "$traces" --warmup-queries "$warmup" --queries "$queries" --seed "$seed" --start "$start")")
done
rss=$(peak_rss_mib "$server_pid")
stop_server
elapsed=$(( $(date +%s) - began ))

python3 - "$results" "$heap" "$rss" "$elapsed" "$storage" "$disk" "$curve" "$load" "${query_runs[@]}" <<'PY'
import json, sys
path, heap, rss, elapsed, storage, disk, curve_path = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4]), sys.argv[5], int(sys.argv[6]), sys.argv[7]
load = json.loads(sys.argv[8])
runs = [json.loads(r) for r in sys.argv[9:]]
spans, traces = load["spansAcknowledged"], load["traces"]
curve = [[int(a), float(r)] for a, r in (l.split() for l in open(curve_path) if len(l.split()) == 2)]
print(f"Queries against the {storage} store holding {spans:,} spans ({traces:,} traces), heap {heap}, "
      f"server peak RSS {rss:.0f} MiB" + (f", {disk / spans:.1f} bytes per span on disk right after the load." if disk else "."))
print(f"Loaded over OTLP gRPC in {load['seconds']:.0f} s ({load['spansPerSecond']:,.0f} spans/s); "
      f"{runs[0]['warmupQueries']} warm-up then {runs[0]['traceById']['count']} queries of each kind per API, "
      f"one at a time; whole run {elapsed} s.\n")
print("| API | trace by id p50 ms | p99 ms | search p50 ms | p99 ms | service+attribute+duration p50 ms | p99 ms | traces missing | incomplete | searches empty | attribute searches empty | traces found wrong |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for r in runs:
    b, s, a = r["traceById"], r["search"], r["attributeSearch"]
    print(f"| {r['api']} | {b['p50']:.2f} | {b['p99']:.2f} | {s['p50']:.2f} | {s['p99']:.2f} | {a['p50']:.2f} | {a['p99']:.2f} | "
          f"{r['tracesMissing']} | {r['tracesIncomplete']} | {r['searchesEmpty']} | {r['attributeSearchesEmpty']} | "
          f"{r['searchTracesWrong'] + r['attributeSearchTracesWrong']} |")
if curve:
    print()
    print("Server resident memory while loading (spans accepted → RSS MiB): " + ", ".join(
        f"{a / 1e6:.2f}M → {r:.0f}" for a, r in curve[::max(1, len(curve) // 12)]))
summary = {"storage": storage, "spans": spans, "traces": traces, "heap": heap, "peakRssMiB": rss,
           "diskBytes": disk, "diskBytesPerSpan": disk / spans if disk and spans else None,
           "rssCurve": curve, "elapsedSeconds": elapsed,
           "warmupQueries": runs[0]["warmupQueries"],
           "load": {k: load[k] for k in ("seconds", "spansPerSecond", "requests", "bytes")},
           "apis": {r["api"]: {k: r[k] for k in ("traceById", "search", "attributeSearch", "tracesMissing",
                                                  "tracesIncomplete", "searchesEmpty", "searchTracesWrong",
                                                  "attributeSearchesEmpty", "attributeSearchTracesWrong")} for r in runs}}
print()
print(json.dumps(summary))
json.dump(summary, open(path, "w"))
PY
