package dev.ariadne.server.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.collector.config.extension.AdaptiveSamplingConfig;
import dev.ariadne.model.Attributes;
import dev.ariadne.model.Resource;
import dev.ariadne.model.Span;
import io.jaegertracing.api_v2.Sampling.SamplingStrategyResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Adaptive sampling driven by a hand-moved clock: probabilities move toward the target rate by the
 * documented rule (decreases at once, increases by at most half, a tolerance band, doubling when
 * nothing arrived, clamped), converge under steady traffic, and are served per operation.
 */
class SamplingAdaptiveTest {
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private final AtomicLong clock = new AtomicLong(1_000_000_000L);
  private final AdaptiveSamplingConfig config = new AdaptiveSamplingConfig(1, 0.3, MINUTE, 0.001, 1e-4, 0.9, 1.0 / 60);
  private final AdaptiveSampler sampler = new AdaptiveSampler(config, Strategies.probabilistic(0.1), clock::get);

  @Test
  void probabilitiesMoveTowardTheTargetByTheControllerRule() {
    roots("shop", "hot", 6_000);        // 100/s sampled at 0.1: 100× the target
    roots("shop", "cold", 30);          // 0.5/s: half the target
    roots("shop", "steady", 66);        // 1.1/s: within 30% of it
    minutePasses();

    assertEquals(0.001, sampler.probability("shop", "hot"), 1e-12, "decreases are taken at once: 0.1 × 1/100");
    assertEquals(0.15, sampler.probability("shop", "cold"), 1e-12, "the proportional 0.2 is damped to +50%");
    assertEquals(0.1, sampler.probability("shop", "steady"), 1e-12, "within tolerance nothing moves");

    minutePasses();                      // nothing arrived for any of them
    assertEquals(0.002, sampler.probability("shop", "hot"), 1e-12);
    assertEquals(0.3, sampler.probability("shop", "cold"), 1e-12);
    assertEquals(0.2, sampler.probability("shop", "steady"), 1e-12);
  }

  @Test
  void probabilitiesStayWithinTheirBounds() {
    roots("shop", "flood", 600_000);        // 10,000/s: the proportional 1e-5 is below the floor
    roots("shop", "trickle", 1);
    minutePasses();
    assertEquals(1e-4, sampler.probability("shop", "flood"), 1e-15);
    for (int i = 0; i < 20; i++) {
      roots("shop", "trickle", 1);
      minutePasses();
    }
    assertEquals(0.9, sampler.probability("shop", "trickle"), 1e-12);
  }

  @Test
  void steadyTrafficConvergesOnTheTarget() {
    double trafficPerSecond = 400;       // requests per second; what arrives is the sampled part
    double previousError = Double.MAX_VALUE;
    for (int interval = 0; interval < 30; interval++) {
      double p = sampler.probability("shop", "GET /");
      roots("shop", "GET /", (int) Math.round(trafficPerSecond * p * 60));
      minutePasses();
      double error = Math.abs(trafficPerSecond * sampler.probability("shop", "GET /") - 1);
      assertTrue(error <= previousError + 1e-9 || error <= 0.3, "never moves away from the target");
      previousError = error;
    }
    assertEquals(1.0, trafficPerSecond * sampler.probability("shop", "GET /"), 0.3);
  }

  @Test
  void calculatedServicesGetPerOperationStrategiesAndOthersTheFallback() {
    roots("shop", "b", 600);
    roots("shop", "a", 600);
    children("shop", "child-only", 600);
    assertEquals(0.1, sampler.strategyFor("shop").getProbabilisticSampling().getSamplingRate(), "nothing calculated yet");
    minutePasses();

    SamplingStrategyResponse shop = sampler.strategyFor("shop");
    assertEquals(0.001, shop.getOperationSampling().getDefaultSamplingProbability());
    assertEquals(1.0 / 60, shop.getOperationSampling().getDefaultLowerBoundTracesPerSecond());
    assertEquals(List.of("a=0.01", "b=0.01"), SamplingStrategiesTest.operations(shop), "sorted; child spans are not counted");
    assertEquals(0.1, sampler.strategyFor("other").getProbabilisticSampling().getSamplingRate());
  }

  @Test
  void trackedOperationsAreBounded() {
    List<Span> spans = new ArrayList<>();
    for (int i = 0; i <= AdaptiveSampler.MAX_OPERATIONS; i++) spans.add(span("shop", "op-" + i, 0));
    sampler.observe(spans);
    minutePasses();
    assertEquals(AdaptiveSampler.MAX_OPERATIONS,
        sampler.strategyFor("shop").getOperationSampling().getPerOperationStrategiesCount());
  }

  private void minutePasses() {
    clock.addAndGet(MINUTE.toNanos());
    sampler.recalculate();
  }

  private void roots(String service, String operation, int count) {
    sampler.observe(java.util.Collections.nCopies(count, span(service, operation, 0)));
  }

  private void children(String service, String operation, int count) {
    sampler.observe(java.util.Collections.nCopies(count, span(service, operation, 42)));
  }

  static Span span(String service, String operation, long parent) {
    return Span.builder()
        .resource(Resource.of(Attributes.of(Resource.SERVICE_NAME, service)))
        .traceId(1, 2).spanId(3).parentSpanId(parent).name(operation)
        .build();
  }
}
