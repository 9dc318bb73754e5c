package dev.ariadne.server;

import dev.ariadne.query.GoDuration;
import dev.ariadne.store.local.LocalStoreConfig;
import dev.ariadne.store.wal.FsyncPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ariadne all-in-one}: every component in one process, on the ports Jaeger and OTel users know. */
@Command(
    name = "all-in-one",
    mixinStandardHelpOptions = true,
    description = {
        "Runs receivers, store, query API and admin port in one process.",
        "Every option can also be set by the environment variable named in its description."})
final class AllInOneCommand implements Callable<Integer> {
  /**
   * Flags that configure only receivers, which a --config file configures instead. (--host and
   * --zipkin-port still place the query, Tempo and admin listeners and the Zipkin query API.)
   */
  private static final List<String> RECEIVER_FLAGS = List.of("--otlp-grpc-port", "--otlp-http-port",
      "--jaeger-grpc-port", "--jaeger-thrift-http-port", "--jaeger-agent-compact-port",
      "--jaeger-agent-binary-port", "--max-request-bytes", "--otlp-http-cors-allowed-origins");

  @Spec
  CommandSpec spec;

  @Option(names = "--config", defaultValue = "${env:ARIADNE_CONFIG}",
      description = {"An OpenTelemetry Collector configuration file to run (ARIADNE_CONFIG): its receivers, processors "
          + "and exporters ('ariadne' is this server's store). Its receiver endpoints replace the receiver port flags, "
          + "--max-request-bytes and --otlp-http-cors-allowed-origins for receivers. Default: the built-in pipeline, "
          + "every receiver on the port flags -> memory_limiter -> the store."})
  Path configFile;

  @Option(names = "--host", defaultValue = "${env:ARIADNE_HOST:-0.0.0.0}",
      description = "Address to listen on (ARIADNE_HOST). Default: ${DEFAULT-VALUE}.")
  String host;

  @Option(names = "--otlp-grpc-port", defaultValue = "${env:ARIADNE_OTLP_GRPC_PORT:-4317}",
      description = "OTLP/gRPC receiver port (ARIADNE_OTLP_GRPC_PORT). Default: ${DEFAULT-VALUE}.")
  int otlpGrpcPort;

  @Option(names = "--otlp-http-port", defaultValue = "${env:ARIADNE_OTLP_HTTP_PORT:-4318}",
      description = "OTLP/HTTP receiver port (ARIADNE_OTLP_HTTP_PORT). Default: ${DEFAULT-VALUE}.")
  int otlpHttpPort;

  @Option(names = "--query-port", defaultValue = "${env:ARIADNE_QUERY_PORT:-16686}",
      description = "Jaeger query API port (ARIADNE_QUERY_PORT). Default: ${DEFAULT-VALUE}.")
  int queryPort;

  @Option(names = "--admin-port", defaultValue = "${env:ARIADNE_ADMIN_PORT:-14269}",
      description = "Admin port: health, readiness, Prometheus metrics (ARIADNE_ADMIN_PORT). Default: ${DEFAULT-VALUE}.")
  int adminPort;

  @Option(names = "--memory-max-traces", defaultValue = "${env:ARIADNE_MEMORY_MAX_TRACES:-100000}",
      description = "Traces the memory store keeps before evicting the oldest (ARIADNE_MEMORY_MAX_TRACES). Default: ${DEFAULT-VALUE}.")
  int memoryMaxTraces;

  @Option(names = "--max-request-bytes", defaultValue = "${env:ARIADNE_MAX_REQUEST_BYTES:-4194304}",
      description = "Largest OTLP request accepted, compressed or not (ARIADNE_MAX_REQUEST_BYTES). Default: ${DEFAULT-VALUE}.")
  int maxRequestBytes;

  @Option(names = "--otlp-http-cors-allowed-origins", split = ",",
      defaultValue = "${env:ARIADNE_OTLP_HTTP_CORS_ALLOWED_ORIGINS:-}",
      description = "Comma-separated origins browsers may send OTLP/HTTP from; * for any (ARIADNE_OTLP_HTTP_CORS_ALLOWED_ORIGINS). Default: none.")
  List<String> corsAllowedOrigins;

  @Option(names = "--zipkin-port", defaultValue = "${env:ARIADNE_ZIPKIN_PORT:-9411}",
      description = "Zipkin port: span intake and the Zipkin v2 query API (ARIADNE_ZIPKIN_PORT). Default: ${DEFAULT-VALUE}.")
  int zipkinPort;

  @Option(names = "--zipkin-autocomplete-keys", split = ",",
      defaultValue = "${env:ARIADNE_ZIPKIN_AUTOCOMPLETE_KEYS:-" + AllInOneConfig.DEFAULT_ZIPKIN_AUTOCOMPLETE_KEYS + "}",
      description = "Comma-separated tag keys the Zipkin API offers for autocompletion (ARIADNE_ZIPKIN_AUTOCOMPLETE_KEYS). Default: ${DEFAULT-VALUE}.")
  List<String> zipkinAutocompleteKeys;

  @Option(names = "--tempo-port", defaultValue = "${env:ARIADNE_TEMPO_PORT:-3200}",
      description = "Tempo query API port, with TraceQL (ARIADNE_TEMPO_PORT). Default: ${DEFAULT-VALUE}.")
  int tempoPort;

  @Option(names = "--jaeger-thrift-http-port", defaultValue = "${env:ARIADNE_JAEGER_THRIFT_HTTP_PORT:-14268}",
      description = "Jaeger thrift-over-HTTP receiver port, POST /api/traces (ARIADNE_JAEGER_THRIFT_HTTP_PORT). Default: ${DEFAULT-VALUE}.")
  int jaegerThriftHttpPort;

  @Option(names = "--jaeger-grpc-port", defaultValue = "${env:ARIADNE_JAEGER_GRPC_PORT:-14250}",
      description = "Jaeger gRPC receiver port, api_v2 CollectorService (ARIADNE_JAEGER_GRPC_PORT). Default: ${DEFAULT-VALUE}.")
  int jaegerGrpcPort;

  @Option(names = "--jaeger-agent-compact-port", defaultValue = "${env:ARIADNE_JAEGER_AGENT_COMPACT_PORT:-6831}",
      description = "Jaeger agent UDP port, compact thrift (ARIADNE_JAEGER_AGENT_COMPACT_PORT). Default: ${DEFAULT-VALUE}.")
  int jaegerAgentCompactPort;

  @Option(names = "--jaeger-agent-binary-port", defaultValue = "${env:ARIADNE_JAEGER_AGENT_BINARY_PORT:-6832}",
      description = "Jaeger agent UDP port, binary thrift (ARIADNE_JAEGER_AGENT_BINARY_PORT). Default: ${DEFAULT-VALUE}.")
  int jaegerAgentBinaryPort;

  @Option(names = "--query-grpc-port", defaultValue = "${env:ARIADNE_QUERY_GRPC_PORT:-16685}",
      description = "Jaeger query gRPC port, api_v2 and api_v3 QueryService (ARIADNE_QUERY_GRPC_PORT). Default: ${DEFAULT-VALUE}.")
  int queryGrpcPort;

  @Option(names = "--storage", defaultValue = "${env:ARIADNE_STORAGE:-local}",
      description = "Where spans are kept: local (durable: WAL and blocks under --data-dir) or memory (lost on restart) (ARIADNE_STORAGE). Default: ${DEFAULT-VALUE}.")
  String storage;

  @Option(names = "--data-dir", defaultValue = "${env:ARIADNE_DATA_DIR:-./data}",
      description = "The local store's directory (ARIADNE_DATA_DIR). Default: ${DEFAULT-VALUE}.")
  Path dataDir;

  @Option(names = "--wal-fsync", defaultValue = "${env:ARIADNE_WAL_FSYNC:-always}",
      description = "When the WAL forces batches to disk: always (group commit, before acknowledging), interval, never (ARIADNE_WAL_FSYNC). Default: ${DEFAULT-VALUE}.")
  String walFsync;

  @Option(names = "--wal-fsync-interval", defaultValue = "${env:ARIADNE_WAL_FSYNC_INTERVAL:-1s}",
      description = "How often the interval policy forces the WAL (ARIADNE_WAL_FSYNC_INTERVAL). Default: ${DEFAULT-VALUE}.")
  String walFsyncInterval;

  @Option(names = "--trace-idle-period", defaultValue = "${env:ARIADNE_TRACE_IDLE_PERIOD:-10s}",
      description = "A trace with no new span for this long is moved toward a block (ARIADNE_TRACE_IDLE_PERIOD). Default: ${DEFAULT-VALUE}.")
  String traceIdlePeriod;

  @Option(names = "--max-block-duration", defaultValue = "${env:ARIADNE_MAX_BLOCK_DURATION:-5m}",
      description = "The head block is cut to a block at this age (ARIADNE_MAX_BLOCK_DURATION). Default: ${DEFAULT-VALUE}.")
  String maxBlockDuration;

  @Option(names = "--max-block-bytes", defaultValue = "${env:ARIADNE_MAX_BLOCK_BYTES:-33554432}",
      description = "The head block is cut to a block at this many encoded bytes (ARIADNE_MAX_BLOCK_BYTES). Default: ${DEFAULT-VALUE}.")
  long maxBlockBytes;

  @Option(names = "--block-retention", defaultValue = "${env:ARIADNE_BLOCK_RETENTION:-336h}",
      description = "Blocks whose spans all ended longer ago than this are deleted (ARIADNE_BLOCK_RETENTION). Default: ${DEFAULT-VALUE} (14 days).")
  String blockRetention;

  @Option(names = "--flush-check-period", defaultValue = "${env:ARIADNE_FLUSH_CHECK_PERIOD:-1s}",
      description = "How often idle traces and the head block are checked (ARIADNE_FLUSH_CHECK_PERIOD). Default: ${DEFAULT-VALUE}.")
  String flushCheckPeriod;

  @Option(names = "--compaction-cycle", defaultValue = "${env:ARIADNE_COMPACTION_CYCLE:-30s}",
      description = "How often the compactor looks for blocks to merge and expire (ARIADNE_COMPACTION_CYCLE). Default: ${DEFAULT-VALUE}.")
  String compactionCycle;

  @Override
  public Integer call() throws InterruptedException {
    AllInOneConfig config = AllInOneConfig.builder()
        .host(host)
        .otlpGrpcPort(otlpGrpcPort)
        .otlpHttpPort(otlpHttpPort)
        .queryPort(queryPort)
        .adminPort(adminPort)
        .memoryMaxTraces(memoryMaxTraces)
        .maxRequestBytes(maxRequestBytes)
        .corsAllowedOrigins(trimmed(corsAllowedOrigins))
        .zipkinPort(zipkinPort)
        .zipkinAutocompleteKeys(trimmed(zipkinAutocompleteKeys))
        .tempoPort(tempoPort)
        .jaegerThriftHttpPort(jaegerThriftHttpPort)
        .jaegerGrpcPort(jaegerGrpcPort)
        .jaegerAgentCompactPort(jaegerAgentCompactPort)
        .jaegerAgentBinaryPort(jaegerAgentBinaryPort)
        .queryGrpcPort(queryGrpcPort)
        .storage(storage())
        .local(localStore())
        .build();
    if (configFile != null) warnAboutIgnoredFlags();
    AllInOne server;
    try {
      server = (configFile == null ? new AllInOne(config) : new AllInOne(config, ConfigFile.load(configFile))).start();
    } catch (ConfigFile.Invalid | IllegalArgumentException e) {
      spec.commandLine().getErr().println("ariadne all-in-one: " + e.getMessage());
      return 1;
    }
    return RunningRole.serveUntilStopped("all-in-one", server.listeningPorts(), server);
  }

  /** The receiver flags the file overrides: given with --config, they would silently do nothing. */
  private void warnAboutIgnoredFlags() {
    for (String flag : RECEIVER_FLAGS) {
      if (spec.commandLine().getParseResult().hasMatchedOption(flag)) {
        spec.commandLine().getErr().println("ariadne: warning: " + flag
            + " is ignored with --config: the file's receivers decide where they listen and what they accept");
      }
    }
  }

  private AllInOneConfig.Storage storage() {
    return switch (storage.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "local" -> AllInOneConfig.Storage.LOCAL;
      case "memory" -> AllInOneConfig.Storage.MEMORY;
      default -> throw new ParameterException(spec.commandLine(),
          "--storage must be local or memory, got \"" + storage + "\"");
    };
  }

  private LocalStoreConfig localStore() {
    try {
      LocalStoreConfig defaults = LocalStoreConfig.defaults(dataDir);
      return defaults.toBuilder()
          .fsync(FsyncPolicy.of(walFsync))
          .fsyncInterval(duration(walFsyncInterval))
          .traceIdlePeriod(duration(traceIdlePeriod))
          .maxBlockDuration(duration(maxBlockDuration))
          .maxBlockBytes(maxBlockBytes)
          .headMaxBytes(Math.max(3 * maxBlockBytes, defaults.headMaxBytes()))
          .blockRetention(duration(blockRetention))
          .flushCheckPeriod(duration(flushCheckPeriod))
          .compactionCycle(duration(compactionCycle))
          .build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private static Duration duration(String goDuration) {
    return Duration.ofNanos(GoDuration.parseNanos(goDuration.trim()));
  }

  /** A comma-separated list option without blanks; empty when unset. */
  private static List<String> trimmed(List<String> values) {
    return values == null ? List.of() : values.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
