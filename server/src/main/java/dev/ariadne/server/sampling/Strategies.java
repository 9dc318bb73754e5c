package dev.ariadne.server.sampling;

import io.jaegertracing.api_v2.Sampling.SamplingStrategyResponse;
import io.jaegertracing.api_v2.Sampling.SamplingStrategyType;
import java.util.Map;

/** One version of the strategies: a response per named service and one for everyone else. */
public record Strategies(SamplingStrategyResponse defaultStrategy, Map<String, SamplingStrategyResponse> services)
    implements StrategyProvider {

  public Strategies {
    services = Map.copyOf(services);
  }

  /** Every service sampled with probability {@code probability}: what runs without a strategies file. */
  public static Strategies probabilistic(double probability) {
    return new Strategies(probabilisticResponse(probability), Map.of());
  }

  static SamplingStrategyResponse probabilisticResponse(double probability) {
    return SamplingStrategyResponse.newBuilder()
        .setStrategyType(SamplingStrategyType.PROBABILISTIC)
        .setProbabilisticSampling(StrategiesParser.probabilistic(probability))
        .build();
  }

  @Override
  public SamplingStrategyResponse strategyFor(String service) {
    return services.getOrDefault(service, defaultStrategy);
  }
}
