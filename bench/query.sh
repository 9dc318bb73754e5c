#!/usr/bin/env bash
# Query benchmark: loads Ariadne's memory store with tracegen's corpus over OTLP gRPC to a number of
# stored spans, then replays queries through the Jaeger, Tempo and Zipkin APIs, one request at a time:
# trace by id for sampled traces (each checked whole) and searches by a sampled root's service and span
# name (each trace found checked against the corpus). Prints a markdown table and JSON of the p50 and
# p99 latencies at that store size.
#
#   bench/query.sh                      # 1M spans, 50 warm-up then 200 queries of each kind per API
#   SPANS=10000000 bench/query.sh       # 10M spans; the heap grows with SPANS unless HEAP is set
#   bench/query.sh --smoke              # 20k spans, 5 + 20 queries: seconds, checks the script works
#   QUERIES=500 WARMUP=100 HEAP=6g bench/query.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

spans="${SPANS:-1000000}"
queries="${QUERIES:-200}"
warmup="${WARMUP:-50}"
if [ "${1:-}" = "--smoke" ]; then spans=20000; queries=20; warmup=5; fi
# The memory store holds about 1.3 KB of heap per tracegen span; leave room for the queries' garbage.
heap="${HEAP:-$(( (spans * 16 / 10 + 999999) / 1000000 + 2 ))g}"
seed=42
start=2026-01-01T00:00:00Z
apis=(jaeger tempo zipkin)

began=$(date +%s)
build_ariadne
results="$cache/query-$(date +%s).json"
start_ariadne "$heap"

echo "bench: loading $spans spans over OTLP gRPC (heap $heap)" >&2
load=$(tracegen --mode throughput --stream --protocol otlp-grpc --endpoint "$(server_url "OTLP gRPC")" \
  --spans "$spans" --concurrency 4 --seed "$seed" --start "$start")
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

python3 - "$results" "$heap" "$rss" "$elapsed" "$load" "${query_runs[@]}" <<'PY'
import json, sys
path, heap, rss, elapsed, load = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4]), json.loads(sys.argv[5])
runs = [json.loads(r) for r in sys.argv[6:]]
spans, traces = load["spansAcknowledged"], load["traces"]
print(f"Queries against the memory store holding {spans:,} spans ({traces:,} traces), heap {heap}, "
      f"server peak RSS {rss:.0f} MiB.")
print(f"Loaded over OTLP gRPC in {load['seconds']:.0f} s ({load['spansPerSecond']:,.0f} spans/s); "
      f"{runs[0]['warmupQueries']} warm-up then {runs[0]['traceById']['count']} queries of each kind per API, "
      f"one at a time; whole run {elapsed} s.\n")
print("| API | trace by id p50 ms | p99 ms | search p50 ms | p99 ms | traces missing | incomplete | searches empty | traces found wrong |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for r in runs:
    b, s = r["traceById"], r["search"]
    print(f"| {r['api']} | {b['p50']:.2f} | {b['p99']:.2f} | {s['p50']:.2f} | {s['p99']:.2f} | "
          f"{r['tracesMissing']} | {r['tracesIncomplete']} | {r['searchesEmpty']} | {r['searchTracesWrong']} |")
summary = {"spans": spans, "traces": traces, "heap": heap, "peakRssMiB": rss, "elapsedSeconds": elapsed,
           "warmupQueries": runs[0]["warmupQueries"],
           "load": {k: load[k] for k in ("seconds", "spansPerSecond", "requests", "bytes")},
           "apis": {r["api"]: {k: r[k] for k in ("traceById", "search", "tracesMissing", "tracesIncomplete",
                                                  "searchesEmpty", "searchTracesWrong")} for r in runs}}
print()
print(json.dumps(summary))
json.dump(summary, open(path, "w"))
PY
