package dev.ariadne.server.sampling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jaegertracing.api_v2.Sampling.OperationSamplingStrategy;
import io.jaegertracing.api_v2.Sampling.PerOperationSamplingStrategies;
import io.jaegertracing.api_v2.Sampling.ProbabilisticSamplingStrategy;
import io.jaegertracing.api_v2.Sampling.RateLimitingSamplingStrategy;
import io.jaegertracing.api_v2.Sampling.SamplingStrategyResponse;
import io.jaegertracing.api_v2.Sampling.SamplingStrategyType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads Jaeger's sampling strategies file:
 *
 * <pre>
 * {"default_strategy": {"type": "probabilistic", "param": 0.5, "operation_strategies": [...]},
 *  "service_strategies": [{"service": "foo", "type": "ratelimiting", "param": 2,
 *                          "operation_strategies": [{"operation": "GET /", "type": "probabilistic", "param": 0.2}]}]}
 * </pre>
 *
 * Semantics follow Jaeger's file provider: without {@code default_strategy} everyone is sampled with
 * the configured default probability; a service without operation strategies inherits the default
 * strategy's, with its own probability as the operations' default (a rate-limited one does not: SDKs
 * would follow the operations and never rate limit); a service with some gets the default strategy's for the operations it does not name. Ariadne also reads {@code default_sampling_probability}
 * and the lower/upper bounds per service (Jaeger leaves them at their zero values). Unknown keys and
 * out-of-range values are errors naming the field, e.g. {@code service_strategies[1].param: must be
 * between 0 and 1, got 2.0}.
 */
public final class StrategiesParser {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> STRATEGY_KEYS = Set.of("type", "param", "operation_strategies",
      "default_sampling_probability", "default_lower_bound_traces_per_second", "default_upper_bound_traces_per_second");

  private final double fallbackProbability;

  /** @param fallbackProbability what everyone gets when the file has no {@code default_strategy} */
  public StrategiesParser(double fallbackProbability) {
    this.fallbackProbability = fallbackProbability;
  }

  public Strategies parse(byte[] file) {
    JsonNode root;
    try {
      root = JSON.readTree(file);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage()
          + " (line " + e.getLocation().getLineNr() + ")", e);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) throw new IllegalArgumentException("the file must hold a JSON object");
    onlyKeys(root, "", Set.of("default_strategy", "service_strategies"));

    JsonNode defaultNode = root.get("default_strategy");
    SamplingStrategyResponse defaultStrategy = defaultNode == null || defaultNode.isNull()
        ? Strategies.probabilisticResponse(fallbackProbability)
        : strategy(defaultNode, "default_strategy", null);

    Map<String, SamplingStrategyResponse> services = new HashMap<>();
    JsonNode list = root.path("service_strategies");
    if (!list.isMissingNode() && !list.isNull()) {
      if (!list.isArray()) throw new IllegalArgumentException("service_strategies: must be a list");
      for (int i = 0; i < list.size(); i++) {
        String path = "service_strategies[" + i + "]";
        JsonNode node = object(list.get(i), path);
        String service = text(node, path + ".service");
        if (services.containsKey(service)) throw new IllegalArgumentException(path + ".service: " + service + " is listed twice");
        services.put(service, strategy(node, path, defaultStrategy));
      }
    }
    return new Strategies(defaultStrategy, services);
  }

  /** A service's (or the default) strategy; {@code inherited} is the default strategy, null when parsing it. */
  private SamplingStrategyResponse strategy(JsonNode node, String path, SamplingStrategyResponse inherited) {
    object(node, path);
    Set<String> keys = new LinkedHashSet<>(STRATEGY_KEYS);
    if (inherited != null) keys.add("service");
    onlyKeys(node, path, keys);
    String type = text(node, path + ".type");
    double param = number(node, path + ".param");
    SamplingStrategyResponse.Builder response = SamplingStrategyResponse.newBuilder();
    switch (type) {
      case "probabilistic" -> response.setStrategyType(SamplingStrategyType.PROBABILISTIC)
          .setProbabilisticSampling(probabilistic(probability(param, path + ".param")));
      case "ratelimiting" -> response.setStrategyType(SamplingStrategyType.RATE_LIMITING)
          .setRateLimitingSampling(RateLimitingSamplingStrategy.newBuilder().setMaxTracesPerSecond(tracesPerSecond(param, path)));
      default -> throw new IllegalArgumentException(path + ".type: expected probabilistic or ratelimiting, got " + type);
    }

    double defaultProbability = node.has("default_sampling_probability")
        ? probability(number(node, path + ".default_sampling_probability"), path + ".default_sampling_probability")
        : type.equals("probabilistic") ? param : fallbackProbability;
    List<OperationSamplingStrategy> own = operations(node.path("operation_strategies"), path + ".operation_strategies");
    // A rate-limited service without operations of its own stays rate limited (SDKs prefer operations).
    boolean inherits = inherited != null && inherited.hasOperationSampling()
        && (type.equals("probabilistic") || !own.isEmpty());
    PerOperationSamplingStrategies inheritedOps = inherits ? inherited.getOperationSampling() : null;
    if (own.isEmpty() && inheritedOps == null && !hasBounds(node)) return response.build();

    PerOperationSamplingStrategies.Builder ops = PerOperationSamplingStrategies.newBuilder()
        .setDefaultSamplingProbability(defaultProbability)
        .setDefaultLowerBoundTracesPerSecond(rate(node, path, "default_lower_bound_traces_per_second",
            inheritedOps == null ? 0 : inheritedOps.getDefaultLowerBoundTracesPerSecond()))
        .setDefaultUpperBoundTracesPerSecond(rate(node, path, "default_upper_bound_traces_per_second",
            inheritedOps == null ? 0 : inheritedOps.getDefaultUpperBoundTracesPerSecond()))
        .addAllPerOperationStrategies(own);
    if (inheritedOps != null) {
      Set<String> named = new LinkedHashSet<>();
      own.forEach(op -> named.add(op.getOperation()));
      inheritedOps.getPerOperationStrategiesList().stream()
          .filter(op -> !named.contains(op.getOperation()))
          .forEach(ops::addPerOperationStrategies);
    }
    return response.setOperationSampling(ops).build();
  }

  private static boolean hasBounds(JsonNode node) {
    return node.has("default_sampling_probability") || node.has("default_lower_bound_traces_per_second")
        || node.has("default_upper_bound_traces_per_second");
  }

  private static List<OperationSamplingStrategy> operations(JsonNode list, String path) {
    List<OperationSamplingStrategy> operations = new ArrayList<>();
    if (list.isMissingNode() || list.isNull()) return operations;
    if (!list.isArray()) throw new IllegalArgumentException(path + ": must be a list");
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String at = path + "[" + i + "]";
      JsonNode node = object(list.get(i), at);
      onlyKeys(node, at, Set.of("operation", "type", "param"));
      String operation = text(node, at + ".operation");
      if (!seen.add(operation)) throw new IllegalArgumentException(at + ".operation: " + operation + " is listed twice");
      String type = text(node, at + ".type");
      // The protocol carries only probabilities per operation.
      if (!type.equals("probabilistic")) {
        throw new IllegalArgumentException(at + ".type: operations can only be probabilistic, got " + type);
      }
      operations.add(OperationSamplingStrategy.newBuilder()
          .setOperation(operation)
          .setProbabilisticSampling(probabilistic(probability(number(node, at + ".param"), at + ".param")))
          .build());
    }
    return operations;
  }

  static ProbabilisticSamplingStrategy probabilistic(double probability) {
    return ProbabilisticSamplingStrategy.newBuilder().setSamplingRate(probability).build();
  }

  private static int tracesPerSecond(double param, String path) {
    if (param < 0 || param > Integer.MAX_VALUE || param != Math.rint(param)) {
      throw new IllegalArgumentException(path + ".param: traces per second must be a whole number ≥ 0, got " + param);
    }
    return (int) param;
  }

  private static double rate(JsonNode node, String path, String key, double fallback) {
    if (!node.has(key)) return fallback;
    double value = number(node, path + "." + key);
    if (value < 0) throw new IllegalArgumentException(path + "." + key + ": must be ≥ 0, got " + value);
    return value;
  }

  private static double probability(double value, String path) {
    if (!(value >= 0 && value <= 1)) throw new IllegalArgumentException(path + ": must be between 0 and 1, got " + value);
    return value;
  }

  private static JsonNode object(JsonNode node, String path) {
    if (node == null || !node.isObject()) throw new IllegalArgumentException(path + ": must be an object");
    return node;
  }

  private static String text(JsonNode parent, String path) {
    JsonNode value = parent.get(leaf(path));
    if (value == null || value.isNull()) throw new IllegalArgumentException(path + ": required");
    if (!value.isTextual() || value.asText().isEmpty()) throw new IllegalArgumentException(path + ": must be a non-empty string");
    return value.asText();
  }

  private static double number(JsonNode parent, String path) {
    JsonNode value = parent.get(leaf(path));
    if (value == null || value.isNull()) throw new IllegalArgumentException(path + ": required");
    if (!value.isNumber()) throw new IllegalArgumentException(path + ": must be a number, got " + value);
    return value.asDouble();
  }

  private static String leaf(String path) {
    return path.substring(path.lastIndexOf('.') + 1);
  }

  private static void onlyKeys(JsonNode node, String path, Set<String> known) {
    node.fieldNames().forEachRemaining(key -> {
      if (!known.contains(key)) {
        throw new IllegalArgumentException((path.isEmpty() ? "" : path + ".") + key + ": unknown key; expected one of "
            + String.join(", ", known.stream().sorted().toList()));
      }
    });
  }
}
