package dev.ariadne.collector.config.exporter;

import dev.ariadne.collector.config.ComponentFactory;
import dev.ariadne.collector.config.ConfigNode;
import dev.ariadne.collector.config.ExporterConfig;
import java.time.Duration;
import java.util.Map;

/**
 * The {@code prometheus} exporter: serves metrics for scraping at {@code endpoint}. The Collector's
 * exports metrics only and refuses it in a traces pipeline; Ariadne's, in a traces pipeline, serves the
 * RED metrics of the spans it gets (calls, errors, duration), as the span-metrics connector would.
 */
public record PrometheusExporterConfig(
    String endpoint,
    String namespace,
    Map<String, String> constLabels,
    boolean sendTimestamps,
    Duration metricExpiration,
    boolean enableOpenMetrics,
    boolean resourceToTelemetryConversion) implements ExporterConfig {
  public static final ComponentFactory<PrometheusExporterConfig> FACTORY = new ComponentFactory<>("prometheus", PrometheusExporterConfig::parse);

  static PrometheusExporterConfig parse(ConfigNode node) {
    return new PrometheusExporterConfig(
        node.requiredString("endpoint"),
        node.string("namespace", ""),
        node.stringMap("const_labels"),
        node.bool("send_timestamps", false),
        node.duration("metric_expiration", Duration.ofMinutes(5)),
        node.bool("enable_open_metrics", false),
        node.child("resource_to_telemetry_conversion").bool("enabled", false));
  }
}
