package dev.ariadne.collector.processor.tailsampling;

/**
 * A policy's answer for one trace, as in the Collector. The inverted answers come from policies with
 * {@code invert_match}: an inverted "not sampled" overrides every other policy's "sampled".
 */
public enum Decision {
  SAMPLED,
  NOT_SAMPLED,
  INVERT_SAMPLED,
  INVERT_NOT_SAMPLED;

  /** Whether the answer counts as "sample" inside and/composite policies. */
  boolean samples() {
    return this == SAMPLED || this == INVERT_SAMPLED;
  }
}
