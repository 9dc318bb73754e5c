package dev.ariadne.server.sampling;

import io.jaegertracing.api_v2.Sampling.SamplingStrategyResponse;

/** Where the sampling endpoints get a service's strategy: the strategies file, or adaptive sampling over it. */
@FunctionalInterface
public interface StrategyProvider {
  /** The strategy for {@code service}; a service nothing names gets the default strategy. */
  SamplingStrategyResponse strategyFor(String service);
}
