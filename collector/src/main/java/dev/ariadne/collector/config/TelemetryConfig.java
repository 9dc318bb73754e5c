package dev.ariadne.collector.config;

/**
 * {@code service.telemetry}: the collector's own metrics and logs.
 *
 * @param metricsAddress where the collector's own metrics are served ({@code metrics.address})
 * @param metricsLevel none, basic, normal or detailed
 * @param logsLevel debug, info, warn or error
 */
public record TelemetryConfig(String metricsAddress, String metricsLevel, String logsLevel) {
  public static final TelemetryConfig DEFAULT = new TelemetryConfig("0.0.0.0:8888", "normal", "info");

  static TelemetryConfig parse(ConfigNode node) {
    ConfigNode metrics = node.child("metrics");
    ConfigNode logs = node.child("logs");
    return new TelemetryConfig(
        metrics.string("address", DEFAULT.metricsAddress),
        metrics.oneOf("level", "normal", "none", "basic", "detailed"),
        logs.oneOf("level", "info", "debug", "warn", "error"));
  }
}
