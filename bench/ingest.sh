#!/usr/bin/env bash
# Ingest benchmark: the same tracegen corpus sent at full speed to Ariadne (memory store) over OTLP gRPC,
# OTLP HTTP and Zipkin JSON, to Ariadne's durable local store (WAL fsync "always", group commit) over
# OTLP gRPC, and to the Zipkin server (in-memory storage, same heap) over Zipkin JSON,
# A/B interleaved for a few rounds. Reports spans/s, server CPU-seconds per million spans and peak RSS,
# as a markdown table and JSON, with the Ariadne/Zipkin ratios.
#
# Each server first takes a warm-up corpus (another seed, same protocol) that is not measured: a short
# run otherwise mostly measures the JIT compiler. C2 is still compiling Netty's and Armeria's per-request
# code after 2,000 requests (a third of the server's CPU in a 350k-span run after 10,000 warm-up traces),
# so the warm-up is twice the measured corpus, and both servers are compared running warm. To stay
# within the heap over warm-up and run, both in-memory stores are bounded (Ariadne to 30,000 traces,
# the Zipkin server to 525,000 spans, about the same) and evict their oldest traces as they go.
#
# Requests carry 30 traces (about 525 spans): the OpenTelemetry SDK's batch span processor exports 512
# spans per request by default, and Zipkin's reporter sends messages of up to 500 KB (about a thousand
# spans of Zipkin JSON). BATCH_TRACES changes it.
#
#   bench/ingest.sh            # full run: 20,000 traces (~350k spans) per run after 40,000 of warm-up, 3 rounds
#   bench/ingest.sh --smoke    # a few seconds: checks the script produces its table
#   TRACES=20000 WARMUP_TRACES=5000 BATCH_TRACES=10 ROUNDS=5 HEAP=4g bench/ingest.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

traces="${TRACES:-20000}"
warmup="${WARMUP_TRACES:-40000}"
batch="${BATCH_TRACES:-30}"
export MEMORY_MAX_TRACES="${MEMORY_MAX_TRACES:-30000}" ZIPKIN_MAX_SPANS="${ZIPKIN_MAX_SPANS:-525000}"
rounds="${ROUNDS:-3}"
heap="${HEAP:-4g}"
concurrency="${CONCURRENCY:-4}"
if [ "${1:-}" = "--smoke" ]; then traces=200; warmup=100; rounds=1; fi

build_ariadne
fetch_zipkin
results="$cache/ingest-$(date +%s).jsonl"
: >"$results"

start_ariadne_local() {
  start_ariadne "$1" local
}

# run NAME SERVER PROTOCOL LISTENER
run() {
  local name=$1 server=$2 protocol=$3 listener=$4
  "start_$server" "$heap"
  local endpoint cpu0 summary cpu1
  endpoint=$(server_url "$listener")
  tracegen --mode throughput --protocol "$protocol" --endpoint "$endpoint" --traces "$warmup" \
    --batch-traces "$batch" --concurrency "$concurrency" --seed 7 --start 2025-12-31T00:00:00Z >/dev/null
  cpu0=$(cpu_seconds "$server_pid")
  summary=$(tracegen --mode throughput --protocol "$protocol" --endpoint "$endpoint" --traces "$traces" \
    --batch-traces "$batch" --concurrency "$concurrency" --seed 42 --start 2026-01-01T00:00:00Z)
  cpu1=$(cpu_seconds "$server_pid")
  local rss; rss=$(peak_rss_mib "$server_pid")
  stop_server
  python3 - "$name" "$cpu0" "$cpu1" "$rss" "$summary" >>"$results" <<'PY'
import json, sys
name, cpu0, cpu1, rss, summary = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), json.loads(sys.argv[5])
spans = summary["spansAcknowledged"]
print(json.dumps({"target": name, "spans": spans, "failed": summary["spansFailed"],
                  "spansPerSecond": summary["spansPerSecond"], "cpuSeconds": cpu1 - cpu0,
                  "cpuSecondsPerMillionSpans": (cpu1 - cpu0) / spans * 1e6 if spans else None,
                  "peakRssMiB": rss}))
PY
  echo "bench: $name done" >&2
}

for round in $(seq 1 "$rounds"); do
  echo "bench: round $round of $rounds" >&2
  run "zipkin-server/zipkin-json" zipkin zipkin-json Zipkin
  run "ariadne/zipkin-json" ariadne zipkin-json Zipkin
  run "ariadne/otlp-grpc" ariadne otlp-grpc "OTLP gRPC"
  run "ariadne/otlp-http" ariadne otlp-http "OTLP HTTP"
  run "ariadne-local/otlp-grpc" ariadne_local otlp-grpc "OTLP gRPC"
done

python3 - "$results" "$traces" "$rounds" "$heap" "$warmup" "$batch" <<'PY'
import json, statistics, sys
path, traces, rounds, heap, warmup, batch = sys.argv[1:7]
runs = [json.loads(l) for l in open(path)]
targets = []
for r in runs:
    if r["target"] not in targets: targets.append(r["target"])
def med(target, key):
    vals = [r[key] for r in runs if r["target"] == target and r[key] is not None]
    return statistics.median(vals) if vals else None
rows = {t: {k: med(t, k) for k in ("spans", "failed", "spansPerSecond", "cpuSecondsPerMillionSpans", "peakRssMiB")} for t in targets}
peer = rows["zipkin-server/zipkin-json"]
print(f"Ingest, {traces} traces per run after {warmup} traces of warm-up, {batch} traces per request, "
      f"median of {rounds} rounds, heap {heap}\n")
print("| target | spans | failed | spans/s | CPU-s per 1M spans | peak RSS MiB | spans/s vs Zipkin | CPU/1M vs Zipkin |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for t, r in rows.items():
    print(f"| {t} | {r['spans']:.0f} | {r['failed']:.0f} | {r['spansPerSecond']:.0f} | {r['cpuSecondsPerMillionSpans']:.1f} | "
          f"{r['peakRssMiB']:.0f} | {r['spansPerSecond'] / peer['spansPerSecond']:.2f}x | "
          f"{r['cpuSecondsPerMillionSpans'] / peer['cpuSecondsPerMillionSpans']:.2f}x |")
print()
print(json.dumps({"traces": int(traces), "rounds": int(rounds), "heap": heap, "warmupTraces": int(warmup),
                  "batchTraces": int(batch), "runs": runs, "medians": rows}))
PY
