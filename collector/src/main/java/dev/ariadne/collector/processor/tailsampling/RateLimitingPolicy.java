package dev.ariadne.collector.processor.tailsampling;

import dev.ariadne.model.Span;
import java.util.List;

/**
 * {@code rate_limiting}: samples traces while the spans sampled in the current second stay below
 * {@code spans_per_second} (strictly, as the Collector compares).
 */
final class RateLimitingPolicy implements PolicyEvaluator {
  private final long spansPerSecond;
  private final SpansThisSecond sampled = new SpansThisSecond();

  RateLimitingPolicy(long spansPerSecond) {
    this.spansPerSecond = spansPerSecond;
  }

  @Override
  public Decision evaluate(List<Span> spans, long nowNanos) {
    if (sampled.count(nowNanos) + spans.size() < spansPerSecond) {
      sampled.add(spans.size());
      return Decision.SAMPLED;
    }
    return Decision.NOT_SAMPLED;
  }
}
