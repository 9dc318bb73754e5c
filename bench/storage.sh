#!/usr/bin/env bash
# Block store benchmark (dev.ariadne.benchmarks.BlockBench): writes tracegen's corpus as level-0 blocks
# through the filesystem object store, compacts them into one block, and times trace-by-id lookups and two
# searches over the blocks, one at a time: a common one (service + tenant.id + min duration 10 ms, last
# hour, limit 20) and a selective one (service + one rare enduser.id); over the level-0 blocks the common
# one also newest block first with an early stop, as the store runs it. Prints a markdown table and JSON.
#
#   bench/storage.sh                     # 1M spans in level-0 blocks of 250k, 50 warm-up + 200 queries of each kind
#   SPANS=10000000 QUERIES=40 WARMUP=10 bench/storage.sh   # 10M spans in level-0 blocks of 1M (~5 min)
#   bench/storage.sh --smoke             # 20k spans, 20 queries: seconds, checks the script works
#   BLOCK_SPANS=500000 QUERIES=500 HEAP=4g bench/storage.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

spans="${SPANS:-1000000}"
queries="${QUERIES:-200}"
warmup="${WARMUP:-50}"
if [ "${1:-}" = "--smoke" ]; then spans=20000; queries=20; warmup=5; fi
block_spans="${BLOCK_SPANS:-$(( spans / 4 < 1000000 ? spans / 4 : 1000000 ))}"
# A level-0 block's traces are held in memory while it is written: about 1.3 KB of heap per tracegen span.
heap="${HEAP:-$(( (block_spans * 26 / 10 + 999999) / 1000000 + 1 ))g}"
seed=42

began=$(date +%s)
(cd "$root" && mvn -q -B -ntp -Dstyle.color=never -Dmaven.test.skip=true -pl benchmarks -am package) \
  >"$cache/storage-build.log" 2>&1 || { cat "$cache/storage-build.log" >&2; exit 1; }
data=$(mktemp -d "$cache/storage-XXXXXX")
trap 'rm -rf "$data"' EXIT
log="$cache/storage.log"
echo "bench: $spans spans in level-0 blocks of $block_spans, heap $heap, into $data" >&2
"$java" "${jvm_flags[@]}" -Xms"$heap" -Xmx"$heap" -cp "$root/benchmarks/target/benchmarks.jar" \
  dev.ariadne.benchmarks.BlockBench "$spans" "$block_spans" "$data" "$queries" "$warmup" "$seed" >"$log.json" 2>"$log" &
bench_pid=$!
peak=0
while kill -0 "$bench_pid" 2>/dev/null; do
  rss=$(peak_rss_mib "$bench_pid" 2>/dev/null || echo 0)
  [ -n "$rss" ] && peak="$rss"
  sleep 0.5
done
wait "$bench_pid" || { tail -30 "$log" >&2; exit 1; }
elapsed=$(( $(date +%s) - began ))

python3 - "$(cat "$log.json")" "$heap" "$peak" "$elapsed" "$cache/storage-$(date +%s).json" <<'PY'
import json, sys
r, heap, rss, elapsed, path = json.loads(sys.argv[1]), sys.argv[2], float(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
print(f"Block store on {r['spans']:,} tracegen spans ({r['traces']:,} traces) in {r['level0Blocks']} level-0 blocks "
      f"of ~{r['blockSpans']:,} spans, compacted into one block of {r['rowGroups']} row groups; heap {heap}, "
      f"peak RSS {rss:.0f} MiB (generation included); {r['warmup']} warm-up then {r['queries']} "
      f"queries of each kind, one at a time; whole run {elapsed} s.\n")
print("| write spans/s | bytes/span level 0 | compact spans/s | bytes/span compacted | trace by id p50 ms | p99 ms "
      "| common search p50 ms | p99 ms | rare search p50 ms | p99 ms |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
print(f"| {r['writeSpansPerSecond']:,.0f} | {r['bytesPerSpanLevel0']:.1f} | {r['compactSpansPerSecond']:,.0f} | "
      f"{r['bytesPerSpanCompacted']:.1f} | {r['traceById']['p50']:.2f} | {r['traceById']['p99']:.2f} | "
      f"{r['commonFind']['p50']:.1f} | {r['commonFind']['p99']:.1f} | {r['rareFind']['p50']:.1f} | {r['rareFind']['p99']:.1f} |")
print()
print(f"Level-0 blocks, common search over every block: p50 {r['commonFindLevel0']['p50']:.1f} ms, p99 "
      f"{r['commonFindLevel0']['p99']:.1f} ms; newest block first, stopping early: p50 "
      f"{r['commonFindLevel0NewestFirst']['p50']:.1f} ms, p99 {r['commonFindLevel0NewestFirst']['p99']:.1f} ms, "
      f"{r['blocksSearchedNewestFirst']:.2f} of {r['level0Blocks']} blocks searched per query.")
r.update({"heap": heap, "peakRssMiB": rss, "elapsedSeconds": elapsed})
print()
print(json.dumps(r))
json.dump(r, open(path, "w"))
PY
