package dev.ariadne.collector.config.exporter;

import dev.ariadne.collector.config.ComponentFactory;
import dev.ariadne.collector.config.ConfigNode;
import dev.ariadne.collector.config.ExporterConfig;
import java.time.Duration;

/**
 * The {@code jaeger} exporter: Jaeger's gRPC collector API (api_v2 PostSpans) at {@code endpoint}. The
 * Collector removed it in v0.85 in favour of OTLP; it is kept because older configurations use it.
 * Unlike the OTLP exporters it does not compress unless told to.
 */
public record JaegerExporterConfig(String endpoint, ExporterSettings settings) implements ExporterConfig {
  public static final ComponentFactory<JaegerExporterConfig> FACTORY = new ComponentFactory<>("jaeger", JaegerExporterConfig::parse);

  static JaegerExporterConfig parse(ConfigNode node) {
    return new JaegerExporterConfig(node.requiredString("endpoint"), ExporterSettings.parse(node, Duration.ofSeconds(5), "none"));
  }
}
