package dev.ariadne.collector.processor.tailsampling;

import dev.ariadne.model.Span;
import java.util.List;

/**
 * {@code composite}: sub-policies in {@code policy_order}, each with a share of
 * {@code max_total_spans_per_second} ({@code rate_allocation}, percent). The first sub-policy that
 * samples the trace and still has room this second for its spans, within its share and the total,
 * samples it; else it is not sampled. A sub-policy without an allocation has no room.
 */
final class CompositePolicy implements PolicyEvaluator {

  /** A sub-policy with its spans-per-second share and what it sampled this second. */
  static final class Share {
    private final PolicyEvaluator policy;
    private final long spansPerSecond;
    private final SpansThisSecond sampled = new SpansThisSecond();

    Share(PolicyEvaluator policy, long spansPerSecond) {
      this.policy = policy;
      this.spansPerSecond = spansPerSecond;
    }
  }

  private final List<Share> shares;
  private final long maxTotalSpansPerSecond;
  private final SpansThisSecond sampled = new SpansThisSecond();

  CompositePolicy(List<Share> shares, long maxTotalSpansPerSecond) {
    this.shares = List.copyOf(shares);
    this.maxTotalSpansPerSecond = maxTotalSpansPerSecond;
  }

  @Override
  public Decision evaluate(List<Span> spans, long nowNanos) {
    boolean roomInTotal = sampled.count(nowNanos) + spans.size() <= maxTotalSpansPerSecond;
    for (Share share : shares) {
      if (!share.policy.evaluate(spans, nowNanos).samples()) continue;
      if (roomInTotal && share.sampled.count(nowNanos) + spans.size() <= share.spansPerSecond) {
        share.sampled.add(spans.size());
        sampled.add(spans.size());
        return Decision.SAMPLED;
      }
    }
    return Decision.NOT_SAMPLED;
  }
}
