package dev.ariadne.collector.config.exporter;

import dev.ariadne.collector.config.ComponentFactory;
import dev.ariadne.collector.config.ConfigNode;
import dev.ariadne.collector.config.ExporterConfig;
import java.time.Duration;

/**
 * The {@code otlphttp} exporter: OTLP over HTTP, 30 s timeout, gzip. Spans go to {@code traces_endpoint}
 * if set, else to {@code endpoint} + {@code /v1/traces}.
 *
 * @param encoding proto or json
 */
public record OtlpHttpExporterConfig(String endpoint, String tracesEndpoint, String encoding, ExporterSettings settings)
    implements ExporterConfig {
  public static final ComponentFactory<OtlpHttpExporterConfig> FACTORY = new ComponentFactory<>("otlphttp", OtlpHttpExporterConfig::parse);

  /** Where spans are posted. */
  public String tracesUrl() {
    if (!tracesEndpoint.isEmpty()) return tracesEndpoint;
    return (endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint) + "/v1/traces";
  }

  static OtlpHttpExporterConfig parse(ConfigNode node) {
    OtlpHttpExporterConfig config = new OtlpHttpExporterConfig(
        node.string("endpoint", ""),
        node.string("traces_endpoint", ""),
        node.oneOf("encoding", "proto", "json"),
        ExporterSettings.parse(node, Duration.ofSeconds(30)));
    if (config.endpoint.isEmpty() && config.tracesEndpoint.isEmpty()) {
      throw node.error("endpoint or traces_endpoint must be set");
    }
    return config;
  }
}
