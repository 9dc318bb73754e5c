package dev.ariadne.server.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jaegertracing.api_v2.Sampling.OperationSamplingStrategy;
import io.jaegertracing.api_v2.Sampling.SamplingStrategyResponse;
import io.jaegertracing.api_v2.Sampling.SamplingStrategyType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jaeger's strategies file: its semantics (inheritance from the default strategy), errors naming the field, reloads. */
class SamplingStrategiesTest {
  static final String FILE = """
      {
        "default_strategy": {
          "type": "probabilistic", "param": 0.5,
          "operation_strategies": [
            {"operation": "/health", "type": "probabilistic", "param": 0.0},
            {"operation": "/metrics", "type": "probabilistic", "param": 0.01}
          ]
        },
        "service_strategies": [
          {"service": "checkout", "type": "probabilistic", "param": 0.8,
           "default_lower_bound_traces_per_second": 0.5,
           "operation_strategies": [
             {"operation": "POST /pay", "type": "probabilistic", "param": 1.0},
             {"operation": "/health", "type": "probabilistic", "param": 0.0}
           ]},
          {"service": "frontend", "type": "ratelimiting", "param": 7},
          {"service": "cart", "type": "probabilistic", "param": 0.25}
        ]
      }
      """;

  private final StrategiesParser parser = new StrategiesParser(0.001);

  @Test
  void servicesMergeTheDefaultOperationStrategiesUnderTheirOwn() {
    Strategies strategies = parse(FILE);

    SamplingStrategyResponse checkout = strategies.strategyFor("checkout");
    assertEquals(SamplingStrategyType.PROBABILISTIC, checkout.getStrategyType());
    assertEquals(0.8, checkout.getProbabilisticSampling().getSamplingRate());
    assertEquals(0.8, checkout.getOperationSampling().getDefaultSamplingProbability());
    assertEquals(0.5, checkout.getOperationSampling().getDefaultLowerBoundTracesPerSecond());
    assertEquals(List.of("POST /pay=1.0", "/health=0.0", "/metrics=0.01"), operations(checkout));

    // No operations of its own: the default's, with its own probability as the operations' default.
    SamplingStrategyResponse cart = strategies.strategyFor("cart");
    assertEquals(0.25, cart.getOperationSampling().getDefaultSamplingProbability());
    assertEquals(List.of("/health=0.0", "/metrics=0.01"), operations(cart));

    SamplingStrategyResponse frontend = strategies.strategyFor("frontend");
    assertEquals(SamplingStrategyType.RATE_LIMITING, frontend.getStrategyType());
    assertEquals(7, frontend.getRateLimitingSampling().getMaxTracesPerSecond());
    assertFalse(frontend.hasProbabilisticSampling());

    SamplingStrategyResponse unknown = strategies.strategyFor("someone-else");
    assertEquals(0.5, unknown.getProbabilisticSampling().getSamplingRate());
    assertEquals(List.of("/health=0.0", "/metrics=0.01"), operations(unknown));
  }

  @Test
  void withoutADefaultStrategyEveryoneElseGetsTheConfiguredProbability() {
    Strategies strategies = parse("""
        {"service_strategies": [{"service": "a", "type": "probabilistic", "param": 0.3}]}""");
    assertEquals(0.3, strategies.strategyFor("a").getProbabilisticSampling().getSamplingRate());
    assertFalse(strategies.strategyFor("a").hasOperationSampling());
    assertEquals(0.001, strategies.strategyFor("b").getProbabilisticSampling().getSamplingRate());
    assertEquals(0.001, parse("{}").strategyFor("b").getProbabilisticSampling().getSamplingRate());
  }

  @Test
  void errorsNameTheField() {
    assertError("not JSON", "{\"default_strategy\": ");
    assertError("the file must hold a JSON object", "[1, 2]");
    assertError("default_stratgy: unknown key", "{\"default_stratgy\": {}}");
    assertError("default_strategy.type: required", "{\"default_strategy\": {\"param\": 1}}");
    assertError("default_strategy.param: required", "{\"default_strategy\": {\"type\": \"probabilistic\"}}");
    assertError("default_strategy.type: expected probabilistic or ratelimiting, got always",
        "{\"default_strategy\": {\"type\": \"always\", \"param\": 1}}");
    assertError("service_strategies[1].param: must be between 0 and 1, got 2.0", """
        {"service_strategies": [{"service": "a", "type": "probabilistic", "param": 1},
                                {"service": "b", "type": "probabilistic", "param": 2}]}""");
    assertError("service_strategies[0].param: must be a number, got \"0.5\"", """
        {"service_strategies": [{"service": "a", "type": "probabilistic", "param": "0.5"}]}""");
    assertError("service_strategies[0].param: traces per second must be a whole number ≥ 0, got -1.0", """
        {"service_strategies": [{"service": "a", "type": "ratelimiting", "param": -1}]}""");
    assertError("service_strategies[0].service: required", """
        {"service_strategies": [{"type": "ratelimiting", "param": 1}]}""");
    assertError("service_strategies[1].service: a is listed twice", """
        {"service_strategies": [{"service": "a", "type": "ratelimiting", "param": 1},
                                {"service": "a", "type": "ratelimiting", "param": 2}]}""");
    assertError("service_strategies: must be a list", "{\"service_strategies\": {}}");
    assertError("default_strategy.operation_strategies[0].type: operations can only be probabilistic, got ratelimiting", """
        {"default_strategy": {"type": "probabilistic", "param": 1,
          "operation_strategies": [{"operation": "x", "type": "ratelimiting", "param": 1}]}}""");
    assertError("default_strategy.operation_strategies[1].operation: x is listed twice", """
        {"default_strategy": {"type": "probabilistic", "param": 1, "operation_strategies": [
          {"operation": "x", "type": "probabilistic", "param": 1}, {"operation": "x", "type": "probabilistic", "param": 1}]}}""");
    assertError("default_strategy.default_lower_bound_traces_per_second: must be ≥ 0, got -2.0", """
        {"default_strategy": {"type": "probabilistic", "param": 1, "default_lower_bound_traces_per_second": -2}}""");
  }

  @Test
  void aChangedFileIsReloadedAndABadOneKeepsTheLastGoodStrategies(@TempDir Path dir) throws Exception {
    Path path = dir.resolve("strategies.json");
    Files.writeString(path, FILE);
    StrategiesFile file = new StrategiesFile(path, parser);
    assertEquals(0.25, file.strategyFor("cart").getProbabilisticSampling().getSamplingRate());

    assertFalse(file.reload(), "unchanged");
    Files.writeString(path, FILE.replace("\"param\": 0.25", "\"param\": 0.75"));
    assertTrue(file.reload());
    assertEquals(0.75, file.strategyFor("cart").getProbabilisticSampling().getSamplingRate());

    Files.writeString(path, "{\"default_strategy\": ");
    assertFalse(file.reload());
    assertEquals(0.75, file.strategyFor("cart").getProbabilisticSampling().getSamplingRate());
    Files.delete(path);
    assertFalse(file.reload());
    assertEquals(0.75, file.strategyFor("cart").getProbabilisticSampling().getSamplingRate());
  }

  @Test
  void aBadFileFailsAtStartNamingTheFile(@TempDir Path dir) throws Exception {
    Path path = dir.resolve("s.json");
    Files.writeString(path, "{\"default_strategy\": {\"type\": \"probabilistic\", \"param\": 3}}");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new StrategiesFile(path, parser));
    assertEquals("sampling strategies " + path + ": default_strategy.param: must be between 0 and 1, got 3.0", e.getMessage());
  }

  private Strategies parse(String json) {
    return parser.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  private void assertError(String expectedStart, String json) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(json));
    assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
  }

  static List<String> operations(SamplingStrategyResponse response) {
    return response.getOperationSampling().getPerOperationStrategiesList().stream()
        .map(SamplingStrategiesTest::text).toList();
  }

  private static String text(OperationSamplingStrategy op) {
    return op.getOperation() + "=" + op.getProbabilisticSampling().getSamplingRate();
  }
}
