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

# Starts Ariadne all-in-one on bench ports with heap $1; sets server_pid.
start_ariadne() {
  "$java" "${jvm_flags[@]}" -Xms"$1" -Xmx"$1" -jar "$ariadne_jar" all-in-one --host 127.0.0.1 \
    --otlp-grpc-port 34317 --otlp-http-port 34318 --query-port 36686 --admin-port 34269 \
    --zipkin-port 39411 --memory-max-traces 1000000 >"$cache/ariadne.log" 2>&1 &
  server_pid=$!
  wait_http http://127.0.0.1:34269/ready
}

# Starts the Zipkin server with in-memory storage and heap $1; sets server_pid.
start_zipkin() {
  STORAGE_TYPE=mem MEM_MAX_SPANS=50000000 QUERY_PORT=39412 COLLECTOR_ACTIVITY_ENABLED=false \
    "$java" -Xms"$1" -Xmx"$1" -jar "$zipkin_jar" >"$cache/zipkin.log" 2>&1 &
  server_pid=$!
  wait_http http://127.0.0.1:39412/health
}

stop_server() {
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
}

# CPU seconds (user + system) the process has used so far.
cpu_seconds() {
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%.3f", ($14 + $15) / hz }' "/proc/$1/stat"
}

# Peak resident set size of the process, in MiB.
peak_rss_mib() {
  awk '/^VmHWM:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"
}

tracegen() {
  "$java" "${jvm_flags[@]}" -Xmx4g -cp "$ariadne_jar" dev.ariadne.tracegen.TracegenCommand "$@"
}
