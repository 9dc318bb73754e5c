package dev.ariadne.collector.processor.tailsampling;

import dev.ariadne.model.Span;
import java.util.List;

/** One policy's rule. Called only from the processor's decision timer, one trace at a time. */
@FunctionalInterface
interface PolicyEvaluator {

  /**
   * @param spans every span of the trace received so far, at least one
   * @param nowNanos the processor's clock, for rate limits
   */
  Decision evaluate(List<Span> spans, long nowNanos);
}
