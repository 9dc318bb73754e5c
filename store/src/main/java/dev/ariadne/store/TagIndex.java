package dev.ariadne.store;

import dev.ariadne.model.Attributes;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The attribute keys and scalar values seen in one scope, for tag autocompletion. Memory is bounded: at
 * most {@value #MAX_KEYS} keys, {@value #MAX_VALUES_PER_KEY} values per key and {@value #MAX_VALUES}
 * values in all, and keys or string values longer than {@value #MAX_LENGTH} characters are left out.
 * Past a bound new keys and values are not recorded (those recorded stay) and are counted in
 * {@link #notIndexed()}. Like the operation lists, the index outlives trace eviction. Not thread-safe: the
 * owner's lock guards it. Adding is the hot path (every span of every batch) and hashes; reading sorts.
 */
public final class TagIndex {
  static final int MAX_KEYS = 5_000;
  static final int MAX_VALUES_PER_KEY = 1_000;
  static final int MAX_VALUES = 100_000;
  static final int MAX_LENGTH = 256;

  /** Strings, then Longs, then Doubles, then Booleans; each in its natural order. Blocks' tag summaries list values so too. */
  public static final Comparator<Object> VALUE_ORDER = Comparator
      .comparingInt(TagIndex::typeRank)
      .thenComparing((a, b) -> compareSameType(a, b));

  private final Map<String, Set<Object>> values = new HashMap<>();
  private int valueCount;
  private long notIndexed;

  public void add(Attributes attributes) {
    for (int i = 0; i < attributes.size(); i++) add(attributes.key(i), attributes.value(i));
  }

  /** Records one value; values of types not listed (arrays, maps, bytes) record only the key. */
  public void add(String key, Object value) {
    Set<Object> known = values.get(key);
    if (known == null) {
      if (values.size() >= MAX_KEYS || key.length() > MAX_LENGTH) {
        notIndexed++;
        return;
      }
      known = new HashSet<>();
      values.put(key, known);
    }
    if (typeRank(value) < 0 || known.contains(value)) return;
    if (known.size() >= MAX_VALUES_PER_KEY || valueCount >= MAX_VALUES
        || value instanceof String s && s.length() > MAX_LENGTH) {
      notIndexed++;
      return;
    }
    known.add(value);
    valueCount++;
  }

  /** The keys, sorted. */
  public List<String> keys() {
    return values.keySet().stream().sorted().toList();
  }

  /** The first {@code limit} values of {@code key} in {@link #VALUE_ORDER}. */
  public List<Object> values(String key, int limit) {
    Set<Object> known = values.get(key);
    if (known == null) return List.of();
    return known.stream().sorted(VALUE_ORDER).limit(limit).toList();
  }

  /** Keys and values left out because a bound was reached. */
  public long notIndexed() {
    return notIndexed;
  }

  /** The position of a value's type in {@link #VALUE_ORDER}, or -1 for types not indexed. */
  public static int typeRank(Object value) {
    return switch (value) {
      case String s -> 0;
      case Long l -> 1;
      case Double d -> 2;
      case Boolean b -> 3;
      default -> -1;
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareSameType(Object a, Object b) {
    return ((Comparable) a).compareTo(b);
  }
}
