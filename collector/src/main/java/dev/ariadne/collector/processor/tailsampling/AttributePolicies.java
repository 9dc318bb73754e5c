package dev.ariadne.collector.processor.tailsampling;

import com.google.re2j.Pattern;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The attribute policies: a trace matches when a span or its resource has the key with a matching
 * value. With {@code invert_match} the answers become the inverted ones: INVERT_NOT_SAMPLED when the
 * trace matches (which then overrides every other policy), INVERT_SAMPLED when it does not.
 */
final class AttributePolicies {
  private AttributePolicies() {}

  static PolicyEvaluator matching(String key, Predicate<Object> value, boolean invert) {
    return (spans, now) -> {
      boolean found = TraceSpans.anyAttribute(spans, key, value);
      if (invert) return found ? Decision.INVERT_NOT_SAMPLED : Decision.INVERT_SAMPLED;
      return found ? Decision.SAMPLED : Decision.NOT_SAMPLED;
    };
  }

  /** string_attribute's values: exact strings, or RE2 patterns found anywhere with results cached per value. */
  static Predicate<Object> strings(List<String> values, boolean regex, int cacheMaxSize) {
    if (!regex) {
      Set<String> exact = Set.copyOf(values);
      return value -> value instanceof String s && exact.contains(s);
    }
    List<Pattern> patterns = values.stream().map(Pattern::compile).toList();
    Map<String, Boolean> cache = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
        return size() > cacheMaxSize;
      }
    };
    return value -> value instanceof String s
        && cache.computeIfAbsent(s, text -> patterns.stream().anyMatch(p -> p.matcher(text).find()));
  }

  static Predicate<Object> numbers(long min, long max) {
    return value -> value instanceof Long l && l >= min && l <= max;
  }
}
