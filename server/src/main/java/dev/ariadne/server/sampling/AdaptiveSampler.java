package dev.ariadne.server.sampling;

import dev.ariadne.collector.config.extension.AdaptiveSamplingConfig;
import dev.ariadne.model.Span;
import io.jaegertracing.api_v2.Sampling.OperationSamplingStrategy;
import io.jaegertracing.api_v2.Sampling.PerOperationSamplingStrategies;
import io.jaegertracing.api_v2.Sampling.SamplingStrategyResponse;
import io.jaegertracing.api_v2.Sampling.SamplingStrategyType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Adaptive sampling: counts the root spans that arrive (each one a sampled trace) per service and
 * operation, and every calculation interval moves each operation's probability toward
 * {@code target_samples_per_second} with {@link ProbabilityController}. A service it has calculated for
 * gets a per-operation strategy; the others get {@code fallback}'s, which is also where an operation's
 * probability starts: what its SDKs were told before.
 *
 * <p>Bounded: at most {@link #MAX_SERVICES} services and {@link #MAX_OPERATIONS} operations per
 * service are tracked; spans past the caps are not counted (those operations keep the default).
 */
public final class AdaptiveSampler implements StrategyProvider {
  static final int MAX_SERVICES = 1_000;
  static final int MAX_OPERATIONS = 2_000;

  private final AdaptiveSamplingConfig config;
  private final StrategyProvider fallback;
  private final LongSupplier nanoTime;
  private final ProbabilityController controller;
  private final Map<String, Map<String, LongAdder>> roots = new ConcurrentHashMap<>();
  private volatile Map<String, SamplingStrategyResponse> calculated = Map.of();
  private final Map<String, Map<String, Double>> probabilities = new HashMap<>();
  private long lastCalculation;

  /** @param nanoTime a monotonic clock ({@code System::nanoTime}; tests move their own) */
  public AdaptiveSampler(AdaptiveSamplingConfig config, StrategyProvider fallback, LongSupplier nanoTime) {
    this.config = config;
    this.fallback = fallback;
    this.nanoTime = nanoTime;
    this.controller = new ProbabilityController(config);
    this.lastCalculation = nanoTime.getAsLong();
  }

  /** Counts the root spans among {@code spans}; the pipeline calls it with what it received. */
  public void observe(List<Span> spans) {
    for (Span span : spans) {
      if (!span.isRoot()) continue;
      Map<String, LongAdder> operations = roots.get(span.serviceName());
      if (operations == null) {
        if (roots.size() >= MAX_SERVICES) continue;
        operations = roots.computeIfAbsent(span.serviceName(), s -> new ConcurrentHashMap<>());
      }
      LongAdder count = operations.get(span.name());
      if (count == null) {
        if (operations.size() >= MAX_OPERATIONS) continue;
        count = operations.computeIfAbsent(span.name(), n -> new LongAdder());
      }
      count.increment();
    }
  }

  /** Recalculates every tracked operation's probability from the roots counted since the last time. */
  public synchronized void recalculate() {
    long now = nanoTime.getAsLong();
    double seconds = (now - lastCalculation) / 1e9;
    lastCalculation = now;
    if (seconds <= 0) return;
    Map<String, SamplingStrategyResponse> next = new HashMap<>();
    roots.forEach((service, operations) -> {
      Map<String, Double> known = probabilities.computeIfAbsent(service, s -> new TreeMap<>());
      operations.forEach((operation, count) -> {
        double current = known.computeIfAbsent(operation, op -> startingProbability(service, op));
        known.put(operation, controller.next(current, count.sumThenReset() / seconds));
      });
      next.put(service, response(known));
    });
    calculated = Map.copyOf(next);
  }

  /** The probability an operation has now: calculated, or the one it starts from. */
  synchronized double probability(String service, String operation) {
    Double known = probabilities.getOrDefault(service, Map.of()).get(operation);
    return known != null ? known : startingProbability(service, operation);
  }

  @Override
  public SamplingStrategyResponse strategyFor(String service) {
    SamplingStrategyResponse response = calculated.get(service);
    return response != null ? response : fallback.strategyFor(service);
  }

  private SamplingStrategyResponse response(Map<String, Double> operations) {
    PerOperationSamplingStrategies.Builder perOperation = PerOperationSamplingStrategies.newBuilder()
        .setDefaultSamplingProbability(config.initialSamplingProbability())
        .setDefaultLowerBoundTracesPerSecond(config.minSamplesPerSecond());
    operations.forEach((operation, probability) -> perOperation.addPerOperationStrategies(
        OperationSamplingStrategy.newBuilder()
            .setOperation(operation)
            .setProbabilisticSampling(StrategiesParser.probabilistic(probability))));
    return SamplingStrategyResponse.newBuilder()
        .setStrategyType(SamplingStrategyType.PROBABILISTIC)
        .setProbabilisticSampling(StrategiesParser.probabilistic(config.initialSamplingProbability()))
        .setOperationSampling(perOperation)
        .build();
  }

  /** What the operation's SDKs were told before adaptive sampling spoke for it: the fallback's answer. */
  private double startingProbability(String service, String operation) {
    SamplingStrategyResponse before = fallback.strategyFor(service);
    if (before.hasOperationSampling()) {
      PerOperationSamplingStrategies ops = before.getOperationSampling();
      return clamp(ops.getPerOperationStrategiesList().stream()
          .filter(op -> op.getOperation().equals(operation))
          .mapToDouble(op -> op.getProbabilisticSampling().getSamplingRate())
          .findFirst()
          .orElse(ops.getDefaultSamplingProbability()));
    }
    return before.getStrategyType() == SamplingStrategyType.PROBABILISTIC
        ? clamp(before.getProbabilisticSampling().getSamplingRate())
        : config.initialSamplingProbability();
  }

  private double clamp(double probability) {
    return Math.clamp(probability, config.minSamplingProbability(), config.maxSamplingProbability());
  }
}
