package dev.ariadne.server;

import dev.ariadne.server.pipeline.ReceiverEndpoints;
import dev.ariadne.server.pipeline.ReceiverProtocol;
import dev.ariadne.store.local.LocalStoreConfig;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

/**
 * Settings of the all-in-one role. A port of 0 binds any free port (tests use that). Build one with
 * {@link #builder()}, whose defaults are the ports Jaeger, Zipkin and Tempo users know.
 *
 * @param maxRequestBytes the largest request a receiver accepts, compressed or not (the OTel Collector's
 *     default is 4 MiB)
 * @param corsAllowedOrigins origins allowed to POST OTLP/HTTP from a browser; empty turns CORS off,
 *     "*" allows any
 * @param zipkinPort the Zipkin listener: span intake and the Zipkin v2 query API (Zipkin's 9411)
 * @param zipkinAutocompleteKeys the tag keys /api/v2/autocompleteKeys offers (Zipkin's AUTOCOMPLETE_KEYS)
 * @param tempoPort the Tempo query API (HTTP, with TraceQL); Tempo's default is 3200
 * @param jaegerThriftHttpPort Jaeger's collector thrift-over-HTTP intake (POST /api/traces)
 * @param jaegerGrpcPort Jaeger's collector gRPC intake (api_v2 CollectorService)
 * @param jaegerAgentCompactPort Jaeger's agent UDP port for compact-thrift emitBatch
 * @param jaegerAgentBinaryPort Jaeger's agent UDP port for binary-thrift emitBatch
 * @param queryGrpcPort Jaeger's query gRPC port (api_v2 and api_v3 QueryService)
 * @param storage where spans are kept: the durable local store (the default) or memory only
 * @param local the local store's settings, its data directory among them (used when storage is local)
 */
public record AllInOneConfig(
    String host,
    int otlpGrpcPort,
    int otlpHttpPort,
    int queryPort,
    int adminPort,
    int memoryMaxTraces,
    int maxRequestBytes,
    List<String> corsAllowedOrigins,
    int zipkinPort,
    List<String> zipkinAutocompleteKeys,
    int tempoPort,
    int jaegerThriftHttpPort,
    int jaegerGrpcPort,
    int jaegerAgentCompactPort,
    int jaegerAgentBinaryPort,
    int queryGrpcPort,
    Storage storage,
    LocalStoreConfig local) {

  /** The store kinds {@code --storage} names. */
  public enum Storage {
    /** Nothing survives a restart; bounded by memory max traces. For tests and demos. */
    MEMORY,
    /** WAL, head and blocks under the data directory. */
    LOCAL
  }

  public static final int DEFAULT_MAX_REQUEST_BYTES = 4 * 1024 * 1024;
  /** HTTP method, route and status code, in the semantic conventions' old and new names. */
  public static final String DEFAULT_ZIPKIN_AUTOCOMPLETE_KEYS =
      "http.method,http.request.method,http.route,http.status_code,http.response.status_code";

  public AllInOneConfig {
    corsAllowedOrigins = List.copyOf(corsAllowedOrigins);
    zipkinAutocompleteKeys = List.copyOf(zipkinAutocompleteKeys);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Every port free-chosen on loopback, defaults otherwise: for tests. */
  public static AllInOneConfig ephemeral() {
    return builder().host("127.0.0.1")
        .otlpGrpcPort(0).otlpHttpPort(0).queryPort(0).adminPort(0).zipkinPort(0).tempoPort(0)
        .jaegerThriftHttpPort(0).jaegerGrpcPort(0).jaegerAgentCompactPort(0).jaegerAgentBinaryPort(0)
        .queryGrpcPort(0).storage(Storage.MEMORY)
        .build();
  }

  public Builder toBuilder() {
    return new Builder()
        .host(host).otlpGrpcPort(otlpGrpcPort).otlpHttpPort(otlpHttpPort).queryPort(queryPort)
        .adminPort(adminPort).memoryMaxTraces(memoryMaxTraces).maxRequestBytes(maxRequestBytes)
        .corsAllowedOrigins(corsAllowedOrigins).zipkinPort(zipkinPort)
        .zipkinAutocompleteKeys(zipkinAutocompleteKeys).tempoPort(tempoPort)
        .jaegerThriftHttpPort(jaegerThriftHttpPort).jaegerGrpcPort(jaegerGrpcPort)
        .jaegerAgentCompactPort(jaegerAgentCompactPort).jaegerAgentBinaryPort(jaegerAgentBinaryPort)
        .queryGrpcPort(queryGrpcPort).storage(storage).local(local);
  }

  /**
   * Where the built-in pipelines' receivers listen: on {@link #host} at the port flags, taking
   * {@link #maxRequestBytes}, with the OTLP/HTTP CORS origins; what the built-in file says is replaced.
   */
  public ReceiverEndpoints receiverEndpoints() {
    return (protocol, configured) -> new ReceiverEndpoints.Listen(
        new InetSocketAddress(host, port(protocol)), maxRequestBytes,
        protocol == ReceiverProtocol.OTLP_HTTP ? corsAllowedOrigins : List.of());
  }

  private int port(ReceiverProtocol protocol) {
    return switch (protocol) {
      case OTLP_GRPC -> otlpGrpcPort;
      case OTLP_HTTP -> otlpHttpPort;
      case ZIPKIN -> zipkinPort;
      case JAEGER_GRPC -> jaegerGrpcPort;
      case JAEGER_THRIFT_HTTP -> jaegerThriftHttpPort;
      case JAEGER_THRIFT_COMPACT -> jaegerAgentCompactPort;
      case JAEGER_THRIFT_BINARY -> jaegerAgentBinaryPort;
    };
  }

  public AllInOneConfig withMemoryMaxTraces(int maxTraces) {
    return toBuilder().memoryMaxTraces(maxTraces).build();
  }

  public AllInOneConfig withMaxRequestBytes(int bytes) {
    return toBuilder().maxRequestBytes(bytes).build();
  }

  public AllInOneConfig withCorsAllowedOrigins(List<String> origins) {
    return toBuilder().corsAllowedOrigins(origins).build();
  }

  public AllInOneConfig withZipkinAutocompleteKeys(List<String> keys) {
    return toBuilder().zipkinAutocompleteKeys(keys).build();
  }

  /** Starts from the defaults every listener has in the tools Ariadne replaces. */
  public static final class Builder {
    private String host = "0.0.0.0";
    private int otlpGrpcPort = 4317;
    private int otlpHttpPort = 4318;
    private int queryPort = 16686;
    private int adminPort = 14269;
    private int memoryMaxTraces = 100_000;
    private int maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
    private List<String> corsAllowedOrigins = List.of();
    private int zipkinPort = 9411;
    private List<String> zipkinAutocompleteKeys = List.of(DEFAULT_ZIPKIN_AUTOCOMPLETE_KEYS.split(","));
    private int tempoPort = 3200;
    private int jaegerThriftHttpPort = 14268;
    private int jaegerGrpcPort = 14250;
    private int jaegerAgentCompactPort = 6831;
    private int jaegerAgentBinaryPort = 6832;
    private int queryGrpcPort = 16685;
    private Storage storage = Storage.LOCAL;
    private LocalStoreConfig local = LocalStoreConfig.defaults(Path.of("data"));

    private Builder() {}

    public Builder host(String host) {
      this.host = host;
      return this;
    }

    public Builder otlpGrpcPort(int port) {
      this.otlpGrpcPort = port;
      return this;
    }

    public Builder otlpHttpPort(int port) {
      this.otlpHttpPort = port;
      return this;
    }

    public Builder queryPort(int port) {
      this.queryPort = port;
      return this;
    }

    public Builder adminPort(int port) {
      this.adminPort = port;
      return this;
    }

    public Builder memoryMaxTraces(int maxTraces) {
      this.memoryMaxTraces = maxTraces;
      return this;
    }

    public Builder maxRequestBytes(int bytes) {
      this.maxRequestBytes = bytes;
      return this;
    }

    public Builder corsAllowedOrigins(List<String> origins) {
      this.corsAllowedOrigins = origins;
      return this;
    }

    public Builder zipkinPort(int port) {
      this.zipkinPort = port;
      return this;
    }

    public Builder zipkinAutocompleteKeys(List<String> keys) {
      this.zipkinAutocompleteKeys = keys;
      return this;
    }

    public Builder tempoPort(int port) {
      this.tempoPort = port;
      return this;
    }

    public Builder jaegerThriftHttpPort(int port) {
      this.jaegerThriftHttpPort = port;
      return this;
    }

    public Builder jaegerGrpcPort(int port) {
      this.jaegerGrpcPort = port;
      return this;
    }

    public Builder jaegerAgentCompactPort(int port) {
      this.jaegerAgentCompactPort = port;
      return this;
    }

    public Builder jaegerAgentBinaryPort(int port) {
      this.jaegerAgentBinaryPort = port;
      return this;
    }

    public Builder queryGrpcPort(int port) {
      this.queryGrpcPort = port;
      return this;
    }

    public Builder storage(Storage storage) {
      this.storage = storage;
      return this;
    }

    public Builder local(LocalStoreConfig local) {
      this.local = local;
      return this;
    }

    public AllInOneConfig build() {
      return new AllInOneConfig(host, otlpGrpcPort, otlpHttpPort, queryPort, adminPort, memoryMaxTraces,
          maxRequestBytes, corsAllowedOrigins, zipkinPort, zipkinAutocompleteKeys, tempoPort,
          jaegerThriftHttpPort, jaegerGrpcPort, jaegerAgentCompactPort, jaegerAgentBinaryPort,
          queryGrpcPort, storage, local);
    }
  }
}
