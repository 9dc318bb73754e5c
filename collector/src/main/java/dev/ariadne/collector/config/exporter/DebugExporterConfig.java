package dev.ariadne.collector.config.exporter;

import dev.ariadne.collector.config.ComponentFactory;
import dev.ariadne.collector.config.ConfigNode;
import dev.ariadne.collector.config.ExporterConfig;

/**
 * The {@code debug} exporter: writes spans to the log. Also read for {@code logging}, its deprecated
 * predecessor, which takes {@code loglevel} besides (debug → detailed, info → normal, warn and error →
 * basic) and defaults to normal verbosity and 500 thereafter, as it did.
 *
 * @param verbosity basic (counts), normal (one line per span) or detailed (every field)
 * @param samplingInitial messages logged each second before sampling starts
 * @param samplingThereafter after that, one message in this many is logged
 */
public record DebugExporterConfig(String verbosity, int samplingInitial, int samplingThereafter) implements ExporterConfig {
  public static final ComponentFactory<DebugExporterConfig> FACTORY = new ComponentFactory<>("debug", DebugExporterConfig::parse);
  public static final ComponentFactory<DebugExporterConfig> LOGGING_FACTORY =
      new ComponentFactory<>("logging", DebugExporterConfig::parseLogging);

  static DebugExporterConfig parse(ConfigNode node) {
    node.bool("use_internal_logger", true); // accepted: the server always logs through its own logger
    return new DebugExporterConfig(
        node.oneOf("verbosity", "basic", "normal", "detailed"),
        node.integer("sampling_initial", 2, 1),
        node.integer("sampling_thereafter", 1, 1));
  }

  static DebugExporterConfig parseLogging(ConfigNode node) {
    node.warn("the logging exporter is deprecated; use debug");
    String logLevel = node.oneOf("loglevel", "info", "debug", "warn", "error");
    String fromLogLevel = switch (logLevel) {
      case "debug" -> "detailed";
      case "info" -> "normal";
      default -> "basic";
    };
    return new DebugExporterConfig(
        node.has("verbosity") ? node.oneOf("verbosity", "basic", "normal", "detailed") : fromLogLevel,
        node.integer("sampling_initial", 2, 1),
        node.integer("sampling_thereafter", 500, 1));
  }
}
