package dev.ariadne.server.exporter;

import dev.ariadne.collector.config.exporter.RetrySettings;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The waits between attempts of {@code retry_on_failure}: the interval starts at
 * {@code initial_interval}, grows by {@code multiplier} up to {@code max_interval}, and each wait is
 * spread by ± {@code randomization_factor}, so that many senders do not retry in step.
 */
final class Backoff {
  private final RetrySettings settings;
  private double intervalNanos;

  Backoff(RetrySettings settings) {
    this.settings = settings;
    this.intervalNanos = settings.initialInterval().toNanos();
  }

  /** The next wait. */
  Duration next() {
    double factor = settings.randomizationFactor();
    double spread = 1 - factor + ThreadLocalRandom.current().nextDouble() * 2 * factor;
    long wait = (long) (intervalNanos * spread);
    intervalNanos = Math.min(intervalNanos * settings.multiplier(), settings.maxInterval().toNanos());
    return Duration.ofNanos(wait);
  }
}
