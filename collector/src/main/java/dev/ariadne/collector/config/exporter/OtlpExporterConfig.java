package dev.ariadne.collector.config.exporter;

import dev.ariadne.collector.config.ComponentFactory;
import dev.ariadne.collector.config.ConfigNode;
import dev.ariadne.collector.config.ExporterConfig;
import java.time.Duration;

/** The {@code otlp} exporter: OTLP over gRPC to {@code endpoint} (host:port), 5 s timeout, gzip. */
public record OtlpExporterConfig(String endpoint, ExporterSettings settings) implements ExporterConfig {
  public static final ComponentFactory<OtlpExporterConfig> FACTORY = new ComponentFactory<>("otlp", OtlpExporterConfig::parse);

  static OtlpExporterConfig parse(ConfigNode node) {
    return new OtlpExporterConfig(node.requiredString("endpoint"), ExporterSettings.parse(node, Duration.ofSeconds(5)));
  }
}
