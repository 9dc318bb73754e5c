package dev.ariadne.server;

import java.util.List;

/**
 * Settings of the all-in-one role. A port of 0 binds any free port (tests use that).
 *
 * @param maxRequestBytes the largest OTLP request accepted, compressed or not (the OTel Collector's
 *     default is 4 MiB)
 * @param corsAllowedOrigins origins allowed to POST OTLP/HTTP from a browser; empty turns CORS off,
 *     "*" allows any
 * @param zipkinPort the Zipkin listener: span intake and the Zipkin v2 query API (Zipkin's 9411)
 * @param zipkinAutocompleteKeys the tag keys /api/v2/autocompleteKeys offers (Zipkin's AUTOCOMPLETE_KEYS)
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
    List<String> zipkinAutocompleteKeys) {

  public static final int DEFAULT_MAX_REQUEST_BYTES = 4 * 1024 * 1024;
  /** HTTP method, route and status code, in the semantic conventions' old and new names. */
  public static final String DEFAULT_ZIPKIN_AUTOCOMPLETE_KEYS =
      "http.method,http.request.method,http.route,http.status_code,http.response.status_code";

  public AllInOneConfig {
    corsAllowedOrigins = List.copyOf(corsAllowedOrigins);
    zipkinAutocompleteKeys = List.copyOf(zipkinAutocompleteKeys);
  }

  /** Every port free-chosen on loopback, defaults otherwise: for tests. */
  public static AllInOneConfig ephemeral() {
    return new AllInOneConfig("127.0.0.1", 0, 0, 0, 0, 100_000, DEFAULT_MAX_REQUEST_BYTES, List.of(),
        0, List.of(DEFAULT_ZIPKIN_AUTOCOMPLETE_KEYS.split(",")));
  }

  public AllInOneConfig withMemoryMaxTraces(int maxTraces) {
    return new AllInOneConfig(host, otlpGrpcPort, otlpHttpPort, queryPort, adminPort, maxTraces,
        maxRequestBytes, corsAllowedOrigins, zipkinPort, zipkinAutocompleteKeys);
  }

  public AllInOneConfig withMaxRequestBytes(int bytes) {
    return new AllInOneConfig(host, otlpGrpcPort, otlpHttpPort, queryPort, adminPort, memoryMaxTraces,
        bytes, corsAllowedOrigins, zipkinPort, zipkinAutocompleteKeys);
  }

  public AllInOneConfig withCorsAllowedOrigins(List<String> origins) {
    return new AllInOneConfig(host, otlpGrpcPort, otlpHttpPort, queryPort, adminPort, memoryMaxTraces,
        maxRequestBytes, origins, zipkinPort, zipkinAutocompleteKeys);
  }

  public AllInOneConfig withZipkinAutocompleteKeys(List<String> keys) {
    return new AllInOneConfig(host, otlpGrpcPort, otlpHttpPort, queryPort, adminPort, memoryMaxTraces,
        maxRequestBytes, corsAllowedOrigins, zipkinPort, keys);
  }
}
