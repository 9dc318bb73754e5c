package dev.ariadne.server.sampling;

import dev.ariadne.collector.config.extension.AdaptiveSamplingConfig;

/**
 * One step of adaptive sampling's controller for one operation. With target rate T, observed sampled
 * rate q and current probability p:
 *
 * <ul>
 *   <li>|q − T| ≤ tolerance·T: p stays (no chasing noise);
 *   <li>q = 0 (nothing sampled in the interval): 2p, to find out whether the operation still runs;
 *   <li>otherwise the proportional answer is p·T/q. Decreases take it at once (oversampling costs
 *       storage now); increases are damped to at most +50% of p per interval, so a burst after a quiet
 *       interval cannot flood the backend;
 *   <li>the result is clamped to [min, max].
 * </ul>
 *
 * These are the rules of Jaeger's adaptive sampler (its "percentage increase capped" calculator).
 */
final class ProbabilityController {
  /** The largest relative increase per interval. */
  static final double MAX_INCREASE = 0.5;

  private final AdaptiveSamplingConfig config;

  ProbabilityController(AdaptiveSamplingConfig config) {
    this.config = config;
  }

  double next(double probability, double observedPerSecond) {
    double target = config.targetSamplesPerSecond();
    if (Math.abs(observedPerSecond - target) <= config.deltaTolerance() * target) return probability;
    double next;
    if (observedPerSecond == 0) {
      next = probability * 2;
    } else {
      next = probability * target / observedPerSecond;
      if (next > probability) next = Math.min(next, probability * (1 + MAX_INCREASE));
    }
    return Math.clamp(next, config.minSamplingProbability(), config.maxSamplingProbability());
  }
}
