package dev.ariadne.collector.processor.tailsampling;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.ariadne.collector.config.ConfigNode;
import dev.ariadne.collector.processor.sampling.TraceIdHash;
import dev.ariadne.model.Span;
import dev.ariadne.model.StatusCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** Reads one entry of {@code policies} (or of {@code and_sub_policy}, {@code composite_sub_policy}) into a {@link Policy}. */
final class PolicyParser {
  private static final List<String> BASIC_TYPES = List.of("always_sample", "latency", "status_code", "probabilistic",
      "rate_limiting", "string_attribute", "numeric_attribute", "boolean_attribute", "span_count", "trace_state");
  private static final BigDecimal TWO_TO_64 = new BigDecimal("18446744073709551616");

  private PolicyParser() {}

  /** A top-level policy: any type, including and and composite. */
  static Policy parse(ConfigNode node) {
    return parse(node, true, true);
  }

  private static Policy parse(ConfigNode node, boolean allowAnd, boolean allowComposite) {
    String name = node.requiredString("name");
    ConfigNode typeNode = node.child("type");
    String type = node.requiredString("type");
    List<String> allowed = new ArrayList<>(BASIC_TYPES);
    if (allowAnd) allowed.add("and");
    if (allowComposite) allowed.add("composite");
    if (!allowed.contains(type)) throw typeNode.error("policy type \"" + type + "\" is not supported here; use one of " + String.join(", ", allowed));
    ConfigNode c = node.child(type);
    Supplier<PolicyEvaluator> evaluator = switch (type) {
      case "always_sample" -> () -> (spans, now) -> Decision.SAMPLED;
      case "latency" -> latency(c);
      case "status_code" -> statusCode(c);
      case "probabilistic" -> probabilistic(c);
      case "rate_limiting" -> {
        long spansPerSecond = c.longValue("spans_per_second", 0);
        yield () -> new RateLimitingPolicy(spansPerSecond);
      }
      case "string_attribute" -> stringAttribute(c);
      case "numeric_attribute" -> numericAttribute(c);
      case "boolean_attribute" -> {
        String key = c.requiredString("key");
        boolean expected = c.bool("value", false);
        boolean invert = c.bool("invert_match", false);
        yield () -> AttributePolicies.matching(key, value -> Boolean.valueOf(expected).equals(value), invert);
      }
      case "span_count" -> {
        int min = c.integer("min_spans", 0);
        int max = c.integer("max_spans", 0);
        if (max > 0 && max < min) throw c.child("max_spans").error("must be at least min_spans, or 0 for no upper bound");
        yield () -> (spans, now) -> spans.size() >= min && (max == 0 || spans.size() <= max) ? Decision.SAMPLED : Decision.NOT_SAMPLED;
      }
      case "trace_state" -> {
        String key = c.requiredString("key");
        List<String> values = c.strings("values");
        if (values.isEmpty()) throw c.child("values").error("must list at least one value");
        yield () -> (spans, now) -> TraceSpans.anyTraceState(spans, key, values) ? Decision.SAMPLED : Decision.NOT_SAMPLED;
      }
      case "and" -> and(c);
      case "composite" -> composite(c);
      default -> throw new IllegalStateException(type);
    };
    return new Policy(name, type, evaluator);
  }

  private static Supplier<PolicyEvaluator> latency(ConfigNode c) {
    long lower = c.longValue("threshold_ms", 0) * 1_000_000;
    long upper = c.longValue("upper_threshold_ms", 0) * 1_000_000;
    if (upper != 0 && upper < lower) throw c.child("upper_threshold_ms").error("must be at least threshold_ms");
    if (lower == 0 && upper == 0) throw c.error("set threshold_ms or upper_threshold_ms");
    return () -> (spans, now) -> {
      long duration = TraceSpans.durationNanos(spans);
      boolean slow = upper == 0 ? duration >= lower : duration >= lower && duration <= upper;
      return slow ? Decision.SAMPLED : Decision.NOT_SAMPLED;
    };
  }

  private static Supplier<PolicyEvaluator> statusCode(ConfigNode c) {
    List<String> names = c.strings("status_codes");
    if (names.isEmpty()) throw c.child("status_codes").error("must list at least one of OK, ERROR, UNSET");
    Set<StatusCode> codes = new java.util.HashSet<>();
    for (String name : names) {
      try {
        codes.add(StatusCode.valueOf(name));
      } catch (IllegalArgumentException e) {
        throw c.child("status_codes").error("unknown status code \"" + name + "\"; use OK, ERROR or UNSET");
      }
    }
    return () -> (spans, now) -> spans.stream().anyMatch(s -> codes.contains(s.statusCode())) ? Decision.SAMPLED : Decision.NOT_SAMPLED;
  }

  /** Samples when the 64-bit FNV-1a hash of salt and trace id, unsigned, is at most percentage × 2⁶⁴. */
  private static Supplier<PolicyEvaluator> probabilistic(ConfigNode c) {
    String salt = c.string("hash_salt", "default-hash-seed");
    double percentage = c.number("sampling_percentage", 0);
    if (percentage < 0 || percentage > 100) throw c.child("sampling_percentage").error("must be between 0 and 100");
    BigDecimal boundary = TWO_TO_64.multiply(BigDecimal.valueOf(percentage / 100));
    boolean all = boundary.compareTo(TWO_TO_64) >= 0;
    long threshold = all ? -1 : boundary.toBigInteger().longValue();
    return () -> (spans, now) -> {
      if (percentage == 0) return Decision.NOT_SAMPLED;
      Span first = spans.getFirst();
      long hash = TraceIdHash.fnv64a(salt, first.traceIdHigh(), first.traceIdLow());
      return all || Long.compareUnsigned(hash, threshold) <= 0 ? Decision.SAMPLED : Decision.NOT_SAMPLED;
    };
  }

  private static Supplier<PolicyEvaluator> stringAttribute(ConfigNode c) {
    String key = c.requiredString("key");
    List<String> values = c.strings("values");
    if (values.isEmpty()) throw c.child("values").error("must list at least one value");
    boolean regex = c.bool("enabled_regex_matching", false);
    int cacheMaxSize = c.integer("cache_max_size", 128, 1);
    boolean invert = c.bool("invert_match", false);
    if (regex) {
      for (String value : values) {
        try {
          Pattern.compile(value);
        } catch (PatternSyntaxException e) {
          throw c.child("values").error("invalid regular expression \"" + value + "\": " + e.getMessage());
        }
      }
    }
    return () -> AttributePolicies.matching(key, AttributePolicies.strings(values, regex, cacheMaxSize), invert);
  }

  private static Supplier<PolicyEvaluator> numericAttribute(ConfigNode c) {
    String key = c.requiredString("key");
    if (!c.has("min_value") && !c.has("max_value")) throw c.error("set min_value, max_value or both");
    long min = c.longValue("min_value", Long.MIN_VALUE);
    long max = c.longValue("max_value", Long.MAX_VALUE);
    if (max < min) throw c.child("max_value").error("must be at least min_value");
    boolean invert = c.bool("invert_match", false);
    return () -> AttributePolicies.matching(key, AttributePolicies.numbers(min, max), invert);
  }

  private static Supplier<PolicyEvaluator> and(ConfigNode c) {
    List<Policy> subPolicies = subPolicies(c, "and_sub_policy", false);
    return () -> new AndPolicy(subPolicies.stream().map(p -> p.evaluator().get()).toList());
  }

  private static Supplier<PolicyEvaluator> composite(ConfigNode c) {
    long maxTotal = c.longValue("max_total_spans_per_second", 0);
    if (maxTotal <= 0) throw c.child("max_total_spans_per_second").error("must be greater than zero");
    Map<String, Policy> byName = new LinkedHashMap<>();
    for (Policy policy : subPolicies(c, "composite_sub_policy", true)) byName.put(policy.name(), policy);
    List<String> order = c.strings("policy_order");
    for (String name : order) {
      if (!byName.containsKey(name)) throw c.child("policy_order").error("names no composite_sub_policy \"" + name + "\"");
    }
    List<String> evaluationOrder = new ArrayList<>(order);
    byName.keySet().stream().filter(name -> !order.contains(name)).forEach(evaluationOrder::add);
    Map<String, Long> allocation = new HashMap<>();
    long equalShare = maxTotal / byName.size();
    for (ConfigNode item : c.list("rate_allocation")) {
      String policy = item.requiredString("policy");
      if (!byName.containsKey(policy)) throw item.child("policy").error("names no composite_sub_policy \"" + policy + "\"");
      double percent = item.number("percent", 0);
      allocation.put(policy, percent > 0 ? (long) (percent / 100 * maxTotal) : equalShare);
    }
    return () -> new CompositePolicy(evaluationOrder.stream()
        .map(name -> new CompositePolicy.Share(byName.get(name).evaluator().get(), allocation.getOrDefault(name, 0L)))
        .toList(), maxTotal);
  }

  private static List<Policy> subPolicies(ConfigNode c, String key, boolean allowAnd) {
    List<Policy> policies = new ArrayList<>();
    for (ConfigNode item : c.list(key)) policies.add(parse(item, allowAnd, false));
    if (policies.isEmpty()) throw c.child(key).error("must list at least one policy");
    return policies;
  }
}
