package dev.ariadne.collector.config.extension;

import java.time.Duration;

/**
 * The {@code adaptive} section of {@link RemoteSamplingConfig}, named as in Jaeger's.
 *
 * @param targetSamplesPerSecond sampled traces per second wanted for each operation (1)
 * @param deltaTolerance how far, as a fraction of the target, the observed rate may be from it before
 *     the probability moves (0.3)
 * @param calculationInterval how often probabilities are recalculated (1m)
 * @param initialSamplingProbability what an operation starts with (0.001)
 * @param minSamplingProbability the floor (1e-5)
 * @param maxSamplingProbability the ceiling (1)
 * @param minSamplesPerSecond the lower bound every SDK keeps per operation (1/60: one a minute)
 */
public record AdaptiveSamplingConfig(
    double targetSamplesPerSecond,
    double deltaTolerance,
    Duration calculationInterval,
    double initialSamplingProbability,
    double minSamplingProbability,
    double maxSamplingProbability,
    double minSamplesPerSecond) {

  public AdaptiveSamplingConfig {
    if (!(targetSamplesPerSecond > 0)) throw new IllegalArgumentException("target_samples_per_second: must be > 0");
    if (!(deltaTolerance >= 0 && deltaTolerance < 1)) throw new IllegalArgumentException("delta_tolerance: must be in [0, 1)");
    if (calculationInterval.isNegative() || calculationInterval.isZero()) {
      throw new IllegalArgumentException("calculation_interval: must be > 0");
    }
    if (!(minSamplingProbability > 0 && minSamplingProbability <= maxSamplingProbability && maxSamplingProbability <= 1)) {
      throw new IllegalArgumentException("min_sampling_probability, max_sampling_probability: need 0 < min ≤ max ≤ 1");
    }
    if (!(initialSamplingProbability >= minSamplingProbability && initialSamplingProbability <= maxSamplingProbability)) {
      throw new IllegalArgumentException("initial_sampling_probability: must be within [min, max] sampling probability");
    }
    if (!(minSamplesPerSecond >= 0)) throw new IllegalArgumentException("min_samples_per_second: must be ≥ 0");
  }

  /** Jaeger's defaults. */
  public static AdaptiveSamplingConfig defaults() {
    return new AdaptiveSamplingConfig(1, 0.3, Duration.ofMinutes(1), 0.001, 1e-5, 1, 1.0 / 60);
  }
}
