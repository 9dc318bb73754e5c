#!/usr/bin/env bash
# JMH micro-benchmarks of the codec hot paths (benchmarks/ module). Prints a markdown table and JSON.
#
#   bench/jmh.sh            # full run (a few minutes)
#   bench/jmh.sh --smoke    # one short iteration each: checks the benchmarks run and the table prints
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

(cd "$root" && mvn -q -B -ntp -Dstyle.color=never -Dmaven.test.skip=true -pl benchmarks -am package) \
  >"$cache/jmh-build.log" 2>&1 || { cat "$cache/jmh-build.log" >&2; exit 1; }
out="$cache/jmh-$(date +%s).json"
args=(-rf json -rff "$out")
if [ "${1:-}" = "--smoke" ]; then args+=(-wi 0 -i 1 -r 200ms -f 1); fi
"$java" "${jvm_flags[@]}" -jar "$root/benchmarks/target/benchmarks.jar" "${args[@]}" >"$cache/jmh.log" 2>&1 \
  || { tail -50 "$cache/jmh.log" >&2; exit 1; }

python3 - "$out" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))
print("| benchmark | mode | score | error | unit |")
print("| --- | --- | ---: | ---: | --- |")
for r in results:
    m = r["primaryMetric"]
    try:
        err = f"±{float(m.get('scoreError')):.2f}"
    except (TypeError, ValueError):
        err = ""
    if err == "±nan": err = ""
    print(f"| {r['benchmark'].rsplit('.', 1)[-1]} | {r['mode']} | {m['score']:.2f} | {err} | {m['scoreUnit']} |")
print()
print(json.dumps([{"benchmark": r["benchmark"], "score": r["primaryMetric"]["score"],
                   "unit": r["primaryMetric"]["scoreUnit"]} for r in results]))
PY
