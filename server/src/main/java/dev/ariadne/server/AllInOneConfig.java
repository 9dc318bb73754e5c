package dev.ariadne.server;

import java.util.List;

/**
 * Settings of the all-in-one role. A port of 0 binds any free port (tests use that).
 *
 * @param maxRequestBytes the largest OTLP request accepted, compressed or not (the OTel Collector's
 *     default is 4 MiB)
 * @param corsAllowedOrigins origins allowed to POST OTLP/HTTP from a browser; empty turns CORS off,
 *     "*" allows any
 * @param jaegerThriftHttpPort Jaeger collector's thrift-over-HTTP port (POST /api/traces)
 * @param jaegerGrpcPort Jaeger collector's gRPC port (api_v2 CollectorService)
 * @param jaegerAgentCompactPort Jaeger agent's UDP port for compact-protocol thrift
 * @param jaegerAgentBinaryPort Jaeger agent's UDP port for binary-protocol thrift
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
    int jaegerThriftHttpPort,
    int jaegerGrpcPort,
    int jaegerAgentCompactPort,
    int jaegerAgentBinaryPort) {

  public static final int DEFAULT_MAX_REQUEST_BYTES = 4 * 1024 * 1024;

  public AllInOneConfig {
    corsAllowedOrigins = List.copyOf(corsAllowedOrigins);
  }

  /** Every port free-chosen on loopback, defaults otherwise: for tests. */
  public static AllInOneConfig ephemeral() {
    return new AllInOneConfig("127.0.0.1", 0, 0, 0, 0, 100_000, DEFAULT_MAX_REQUEST_BYTES, List.of(),
        0, 0, 0, 0);
  }

  public AllInOneConfig withMemoryMaxTraces(int maxTraces) {
    return new AllInOneConfig(host, otlpGrpcPort, otlpHttpPort, queryPort, adminPort, maxTraces,
        maxRequestBytes, corsAllowedOrigins, jaegerThriftHttpPort, jaegerGrpcPort, jaegerAgentCompactPort,
        jaegerAgentBinaryPort);
  }

  public AllInOneConfig withMaxRequestBytes(int bytes) {
    return new AllInOneConfig(host, otlpGrpcPort, otlpHttpPort, queryPort, adminPort, memoryMaxTraces,
        bytes, corsAllowedOrigins, jaegerThriftHttpPort, jaegerGrpcPort, jaegerAgentCompactPort,
        jaegerAgentBinaryPort);
  }

  public AllInOneConfig withCorsAllowedOrigins(List<String> origins) {
    return new AllInOneConfig(host, otlpGrpcPort, otlpHttpPort, queryPort, adminPort, memoryMaxTraces,
        maxRequestBytes, origins, jaegerThriftHttpPort, jaegerGrpcPort, jaegerAgentCompactPort,
        jaegerAgentBinaryPort);
  }
}
