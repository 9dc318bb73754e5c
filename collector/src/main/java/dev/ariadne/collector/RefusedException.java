package dev.ariadne.collector;

import java.time.Duration;

/**
 * Spans refused for now, not for good: the sender should retry later. Receivers answer it as the
 * Collector does, gRPC UNAVAILABLE and HTTP 503 with Retry-After, which OTLP exporters retry.
 */
public final class RefusedException extends RuntimeException {
  private final Duration retryAfter;

  public RefusedException(String message, Duration retryAfter) {
    super(message, null, false, false);
    this.retryAfter = retryAfter;
  }

  /** A hint for Retry-After: when the refusing stage next looks again. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
