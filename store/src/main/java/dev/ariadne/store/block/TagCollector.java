package dev.ariadne.store.block;

import dev.ariadne.model.Attributes;
import dev.ariadne.store.TagIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Gathers a {@link TagSummary} within its bounds while a block is written. */
final class TagCollector {
  static final int MAX_KEYS = 1_000;
  static final int MAX_VALUES_PER_KEY = 100;
  static final int MAX_LENGTH = 256;

  private final Map<String, Set<Object>> values = new HashMap<>();
  private final Set<String> valuesOverflowed = new HashSet<>();
  private boolean keysOverflowed;

  void add(Attributes attributes) {
    for (int i = 0; i < attributes.size(); i++) add(attributes.key(i), attributes.value(i));
  }

  private void add(String key, Object value) {
    Set<Object> known = values.get(key);
    if (known == null) {
      if (key.length() > MAX_LENGTH) return;
      if (values.size() >= MAX_KEYS) {
        keysOverflowed = true;
        return;
      }
      known = new HashSet<>();
      values.put(key, known);
    }
    // A key already past its bound has nothing more to record: skip hashing its (often unique) values.
    if (known.size() >= MAX_VALUES_PER_KEY && valuesOverflowed.contains(key)) return;
    if (TagIndex.typeRank(value) < 0 || value instanceof String s && s.length() > MAX_LENGTH || known.contains(value)) return;
    if (known.size() >= MAX_VALUES_PER_KEY) {
      valuesOverflowed.add(key);
      return;
    }
    known.add(value);
  }

  TagSummary summary() {
    TreeMap<String, List<Object>> sorted = new TreeMap<>();
    values.forEach((k, v) -> {
      List<Object> list = new ArrayList<>(v);
      list.sort(TagIndex.VALUE_ORDER);
      sorted.put(k, List.copyOf(list));
    });
    return new TagSummary(sorted, valuesOverflowed.stream().sorted().toList(), keysOverflowed);
  }
}
