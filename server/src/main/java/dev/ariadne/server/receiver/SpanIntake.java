package dev.ariadne.server.receiver;

import dev.ariadne.codec.otlp.DecodedSpans;
import dev.ariadne.collector.RefusedException;
import java.time.Duration;

/**
 * The step every receiver ends with: hand the valid spans of a request to the next stage and count what
 * was accepted and refused, so each protocol only has to say how it answers.
 */
public final class SpanIntake {
  /** The next stage did not take the spans; they were counted as refused. */
  public static final class NotStoredException extends Exception {
    /** When a refusal names no time, as when the store failed: senders back off this long. */
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

    NotStoredException(RuntimeException cause) {
      super("spans not stored, retry later: " + cause.getMessage(), cause);
    }

    /** Whether a pipeline stage refused for now (memory limiter, full sending queue), not failed. */
    public boolean refused() {
      return getCause() instanceof RefusedException;
    }

    /** Whole seconds for Retry-After: the refusing stage's hint, at least one. */
    public long retryAfterSeconds() {
      Duration hint = getCause() instanceof RefusedException refusal ? refusal.retryAfter() : DEFAULT_RETRY_AFTER;
      return Math.max(1, (hint.toMillis() + 999) / 1000);
    }
  }

  private final SpanConsumer consumer;
  private final ReceiverMetrics metrics;

  public SpanIntake(SpanConsumer consumer, ReceiverMetrics metrics) {
    this.consumer = consumer;
    this.metrics = metrics;
  }

  /**
   * Delivers the valid spans and counts them accepted, and the invalid ones refused.
   *
   * @throws NotStoredException if the consumer refused; then every span of the request counts refused
   */
  public void deliver(DecodedSpans decoded) throws NotStoredException {
    try {
      if (!decoded.spans().isEmpty()) consumer.consume(decoded.spans(), decoded.otlpProto());
    } catch (RuntimeException e) {
      metrics.refused(decoded.spans().size() + decoded.rejected());
      throw new NotStoredException(e);
    }
    metrics.accepted(decoded.spans().size());
    metrics.refused(decoded.rejected());
  }
}
