package dev.ariadne.tracegen;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ariadne tracegen}: sends a deterministic corpus (throughput or steady-rate mode) or replays
 * queries against it (query mode), and prints a JSON summary.
 */
@Command(
    name = "tracegen",
    mixinStandardHelpOptions = true,
    description = {
        "Generates realistic traces from a seed and sends them, or queries them back.",
        "The same --seed, --start and --traces give the same traces, so a query run can check a send run."})
public final class TracegenCommand implements Callable<Integer> {
  enum Mode { throughput, rate, query }

  enum Api { jaeger, tempo, zipkin }

  @Option(names = "--mode", defaultValue = "throughput", description = "throughput, rate or query. Default: ${DEFAULT-VALUE}.")
  Mode mode;

  @Option(names = "--protocol", defaultValue = "otlp-grpc",
      description = "otlp-grpc, otlp-http, otlp-http-json, zipkin-json or jaeger-thrift. Default: ${DEFAULT-VALUE}.")
  String protocol;

  @Option(names = "--api", defaultValue = "jaeger",
      description = "Query API in query mode: jaeger, tempo or zipkin. Default: ${DEFAULT-VALUE}.")
  Api api;

  @Option(names = "--endpoint",
      description = "Receiver or query API base URL. Default: the protocol's or the API's port on localhost.")
  String endpoint;

  @Option(names = "--seed", defaultValue = "1", description = "Corpus seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--start", description = "Start time of the first trace (ISO-8601 instant). Default: now, truncated to the minute.")
  Instant start;

  @Option(names = "--traces", defaultValue = "10000", description = "Traces to send or to know about. Default: ${DEFAULT-VALUE}.")
  int traces;

  @Option(names = "--spans", description = "Instead of --traces: as many traces as it takes to reach this many spans.")
  Long spans;

  @Option(names = "--batch-traces", defaultValue = "10", description = "Traces per export request. Default: ${DEFAULT-VALUE}.")
  int tracesPerBatch;

  @Option(names = "--stream", description = {
      "Throughput mode: encode each batch just before sending it instead of all first, so a corpus too large",
      "to hold encoded fits in memory (encoding then competes with the receiver for CPU)."})
  boolean streaming;

  @Option(names = "--concurrency", defaultValue = "4", description = "Requests in flight (one connection each). Default: ${DEFAULT-VALUE}.")
  int concurrency;

  @Option(names = "--rate", defaultValue = "1000", description = "Spans per second in rate mode. Default: ${DEFAULT-VALUE}.")
  double rate;

  @Option(names = "--duration", defaultValue = "10", description = "Seconds to run in rate mode. Default: ${DEFAULT-VALUE}.")
  double durationSeconds;

  @Option(names = "--queries", defaultValue = "200", description = "Trace-by-id and search queries each in query mode. Default: ${DEFAULT-VALUE}.")
  int queries;

  @Option(names = "--warmup-queries", defaultValue = "50",
      description = "Queries of each kind sent first in query mode, neither timed nor checked. Default: ${DEFAULT-VALUE}.")
  int warmupQueries;

  @Override
  public Integer call() throws Exception {
    Instant first = start != null ? start : Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    long startNanos = first.getEpochSecond() * 1_000_000_000L + first.getNano();
    if (spans != null) traces = Corpus.tracesToReach(seed, startNanos, spans);
    Map<String, Object> summary;
    if (mode == Mode.query) {
      QueryRunner runner = new QueryRunner(api.name(), endpoint != null ? endpoint : defaultEndpoint(api));
      summary = runner.run(seed, startNanos, traces, warmupQueries, queries);
    } else {
      WireFormat format = WireFormat.fromCliName(protocol);
      String target = endpoint != null ? endpoint : defaultEndpoint(format);
      LoadRunner runner = new LoadRunner(format, target, concurrency);
      summary = mode == Mode.throughput
          ? runner.maxThroughput(seed, startNanos, traces, tracesPerBatch, streaming)
          : runner.steadyRate(seed, startNanos, rate, durationSeconds, tracesPerBatch);
    }
    summary.put("seed", seed);
    summary.put("start", first.toString());
    System.out.println(Summary.toJson(summary));
    return 0;
  }

  private static String defaultEndpoint(WireFormat format) {
    return switch (format) {
      case OTLP_GRPC -> "http://localhost:4317";
      case OTLP_HTTP_PROTOBUF -> "http://localhost:4318";
      case ZIPKIN_JSON -> "http://localhost:9411";
      case OTLP_HTTP_JSON -> "http://localhost:4318";
      case JAEGER_THRIFT -> "http://localhost:14268";
    };
  }

  private static String defaultEndpoint(Api api) {
    return switch (api) {
      case jaeger -> "http://localhost:16686";
      case tempo -> "http://localhost:3200";
      case zipkin -> "http://localhost:9411";
    };
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new TracegenCommand()).execute(args));
  }
}
