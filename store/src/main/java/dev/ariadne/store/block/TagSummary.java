package dev.ariadne.store.block;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The attribute keys of one scope (span or resource) in a block, with their distinct scalar values, for
 * tag autocompletion. Bounded: at most {@value TagCollector#MAX_KEYS} keys (keys past it are left out and
 * {@code keysOverflowed} is set), at most {@value TagCollector#MAX_VALUES_PER_KEY} values per key (a key
 * that had more is listed in {@code valuesOverflowed}), and keys or string values longer than
 * {@value TagCollector#MAX_LENGTH} characters are left out.
 *
 * @param values key → its values: Strings, then Longs, then Doubles, then Booleans, each sorted
 */
public record TagSummary(SortedMap<String, List<Object>> values, List<String> valuesOverflowed, boolean keysOverflowed) {
  public TagSummary {
    values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
    valuesOverflowed = List.copyOf(valuesOverflowed);
  }

  public List<String> names() {
    return List.copyOf(values.keySet());
  }

  public List<Object> values(String key, int limit) {
    List<Object> all = values.getOrDefault(key, List.of());
    return all.subList(0, Math.min(limit, all.size()));
  }
}
