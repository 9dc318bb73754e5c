package dev.ariadne.collector.processor.tailsampling;

import dev.ariadne.model.Span;
import java.util.List;

/**
 * {@code rate_limiting}: samples traces while the spans sampled in the current second stay below
 * {@code spans_per_second} (strictly, as the Collector compares).
 */
final class RateLimitingPolicy implements PolicyEvaluator {
  private static final long SECOND = 1_000_000_000L;

  private final long spansPerSecond;
  private long currentSecond = Long.MIN_VALUE;
  private long spansInSecond;

  RateLimitingPolicy(long spansPerSecond) {
    this.spansPerSecond = spansPerSecond;
  }

  @Override
  public Decision evaluate(List<Span> spans, long nowNanos) {
    long second = Math.floorDiv(nowNanos, SECOND);
    if (second != currentSecond) {
      currentSecond = second;
      spansInSecond = 0;
    }
    long ifSampled = spansInSecond + spans.size();
    if (ifSampled < spansPerSecond) {
      spansInSecond = ifSampled;
      return Decision.SAMPLED;
    }
    return Decision.NOT_SAMPLED;
  }
}
