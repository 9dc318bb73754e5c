package dev.ariadne.collector.processor.tailsampling;

import dev.ariadne.model.Span;
import java.util.List;

/** {@code and}: samples when every sub-policy samples; the first "not sampled" (inverted or not) decides. */
final class AndPolicy implements PolicyEvaluator {
  private final List<PolicyEvaluator> subPolicies;

  AndPolicy(List<PolicyEvaluator> subPolicies) {
    this.subPolicies = List.copyOf(subPolicies);
  }

  @Override
  public Decision evaluate(List<Span> spans, long nowNanos) {
    for (PolicyEvaluator policy : subPolicies) {
      if (!policy.evaluate(spans, nowNanos).samples()) return Decision.NOT_SAMPLED;
    }
    return Decision.SAMPLED;
  }
}
