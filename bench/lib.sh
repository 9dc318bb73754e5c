# Shared helpers for the bench scripts: find the JDK and jars, start and stop servers, read /proc.
# Sourced, not run.

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA_HOME="$("$root/bin/find-jdk25")"
export JAVA_HOME
java="$JAVA_HOME/bin/java"
cache="${ARIADNE_BENCH_CACHE:-$HOME/.cache/ariadne-bench}"
mkdir -p "$cache"
jvm_flags=(--sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED)

# Builds the server jar if needed (the launcher knows when).
build_ariadne() {
  "$root/ariadne" --version >/dev/null
  ariadne_jar="$root/server/target/ariadne.jar"
}

# The Zipkin server we compare against, from Maven Central, cached outside the repository.
zipkin_version=3.5.1
fetch_zipkin() {
  zipkin_jar="$cache/zipkin-server-$zipkin_version-exec.jar"
  if [ ! -s "$zipkin_jar" ]; then
    echo "bench: fetching zipkin-server $zipkin_version into $cache" >&2
    curl -fsSL -o "$zipkin_jar.part" \
      "https://repo1.maven.org/maven2/io/zipkin/zipkin-server/$zipkin_version/zipkin-server-$zipkin_version-exec.jar"
    mv "$zipkin_jar.part" "$zipkin_jar"
  fi
}

# Waits until GET $1 answers 200, for at most 60 s.
wait_http() {
  for _ in $(seq 1 300); do
    curl -fs -o /dev/null "$1" && return 0
    sleep 0.2
  done
  echo "bench: $1 did not come up" >&2
  return 1
}

# Starts Ariadne all-in-one with heap $1 and storage $2 (memory, the default here, or local: the durable
# store in a fresh data directory under the cache, removed when the server stops); sets server_pid and
# server_ports. Every listener binds a free port: fixed ports would collide with the defaults, or with a
# bench someone else runs on the machine, whose server would then answer for ours. The start-up line
# tells which ports were bound.
start_ariadne() {
  local storage=${2:-memory}
  server_log=$(mktemp "$cache/ariadne-XXXXXX.log")
  data_dir=""
  if [ "$storage" = local ]; then data_dir=$(mktemp -d "$cache/ariadne-data-XXXXXX"); fi
  # shellcheck disable=SC2086 # ARIADNE_JAVA_OPTS is a list of JVM flags, as for ./ariadne
  "$java" "${jvm_flags[@]}" ${ARIADNE_JAVA_OPTS:-} -Xms"$1" -Xmx"$1" -jar "$ariadne_jar" all-in-one --host 127.0.0.1 \
    --otlp-grpc-port 0 --otlp-http-port 0 --query-port 0 --admin-port 0 --zipkin-port 0 --tempo-port 0 \
    --jaeger-thrift-http-port 0 --jaeger-grpc-port 0 --jaeger-agent-compact-port 0 --jaeger-agent-binary-port 0 \
    --query-grpc-port 0 --storage "$storage" --data-dir "${data_dir:-$cache/unused}" \
    --memory-max-traces "${MEMORY_MAX_TRACES:-1000000}" >"$server_log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 300); do
    server_ports=$(grep -m1 '^ariadne all-in-one:' "$server_log" || true)
    [ -n "$server_ports" ] && break
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.2
  done
  if [ -z "$server_ports" ]; then
    echo "bench: Ariadne did not start; its log:" >&2
    tail -20 "$server_log" >&2
    return 1
  fi
  wait_http "$(server_url admin)/ready"
}

# Starts the Zipkin server with in-memory storage and heap $1 on a free port; sets server_pid and
# server_ports. ZIPKIN_MAX_SPANS bounds what it keeps (it evicts the oldest), as MEMORY_MAX_TRACES
# bounds Ariadne's memory store.
start_zipkin() {
  local port
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  server_log="$cache/zipkin.log"
  STORAGE_TYPE=mem MEM_MAX_SPANS="${ZIPKIN_MAX_SPANS:-50000000}" QUERY_PORT="$port" COLLECTOR_ACTIVITY_ENABLED=false \
    "$java" -Xms"$1" -Xmx"$1" -jar "$zipkin_jar" >"$server_log" 2>&1 &
  server_pid=$!
  server_ports="Zipkin :$port"
  wait_http "http://127.0.0.1:$port/health"
}

# The base URL of the started server's listener named $1 as its start-up line names it: "OTLP gRPC",
# "OTLP HTTP", "Jaeger query", "admin", "Zipkin", "Tempo", "Jaeger thrift HTTP", "Jaeger gRPC".
server_url() {
  local port
  port=$(grep -oE "(^|: |, )$1 :[0-9]+" <<<"$server_ports" | grep -oE '[0-9]+$' || true)
  if [ -z "$port" ]; then
    echo "bench: the server did not say which port its '$1' listener bound: $server_ports" >&2
    return 1
  fi
  echo "http://127.0.0.1:$port"
}

# Stops the server started last, if any; runs on exit too, so a failing bench leaves no server behind.
stop_server() {
  [ -n "$server_pid" ] || return 0
  kill "$server_pid" 2>/dev/null || true
  # A JVM out of memory may never finish its shutdown: give it 30 s, then kill it outright, so it cannot
  # go on taking CPU from the next measurement.
  for _ in $(seq 1 150); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.2; done
  kill -9 "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  case "$server_log" in "$cache"/ariadne-*.log) rm -f "$server_log" ;; esac
  case "$data_dir" in "$cache"/ariadne-data-*) rm -rf "$data_dir" ;; esac
  server_pid=""
}
server_pid=""
server_log=""
data_dir=""
trap stop_server EXIT

# CPU seconds (user + system) the process has used so far.
cpu_seconds() {
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%.3f", ($14 + $15) / hz }' "/proc/$1/stat"
}

# Resident set size of the process now, in MiB.
rss_mib() {
  awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"
}

# Bytes under a directory.
dir_bytes() {
  du -sb "$1" | cut -f1
}

# Peak resident set size of the process, in MiB.
peak_rss_mib() {
  awk '/^VmHWM:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"
}

# tracegen, bounded in time: a server that stops answering (out of memory, say) fails the bench
# instead of hanging it.
tracegen() {
  timeout "${TRACEGEN_TIMEOUT:-600}" "$java" "${jvm_flags[@]}" -Xmx4g -cp "$ariadne_jar" dev.ariadne.tracegen.TracegenCommand "$@"
}
