package dev.ariadne.collector.config.exporter;

import dev.ariadne.collector.config.ConfigNode;
import java.time.Duration;

/** An exporter's {@code retry_on_failure}: exponential back-off between attempts, with the Collector's defaults. */
public record RetrySettings(
    boolean enabled,
    Duration initialInterval,
    double randomizationFactor,
    double multiplier,
    Duration maxInterval,
    Duration maxElapsedTime) {

  static RetrySettings parse(ConfigNode node) {
    return new RetrySettings(
        node.bool("enabled", true),
        node.duration("initial_interval", Duration.ofSeconds(5)),
        node.number("randomization_factor", 0.5),
        node.number("multiplier", 1.5),
        node.duration("max_interval", Duration.ofSeconds(30)),
        node.duration("max_elapsed_time", Duration.ofMinutes(5)));
  }
}
