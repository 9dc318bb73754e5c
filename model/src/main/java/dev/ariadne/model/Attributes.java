package dev.ariadne.model;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * An ordered list of key/value pairs, kept as two parallel arrays rather than a map: spans carry a
 * handful of attributes, a linear scan beats hashing at that size, and OTLP's order and even its
 * duplicate keys survive a round trip.
 *
 * <p>Values are plain Java objects of these types, one per OTLP AnyValue case:
 * {@link String}, {@link Boolean}, {@link Long}, {@link Double}, {@link Bytes}, {@code List<Object>} of
 * values (an array), {@link Attributes} (a key/value list), or {@link AnyValue#EMPTY} for an AnyValue
 * with no case set. {@link AnyValue} names and checks these types.
 */
public final class Attributes {
  public static final Attributes EMPTY = new Attributes(new String[0], new Object[0]);

  private final String[] keys;
  private final Object[] values;

  private Attributes(String[] keys, Object[] values) {
    this.keys = keys;
    this.values = values;
  }

  /** Builds from alternating keys and values: {@code of("http.method", "GET", "http.status_code", 200L)}. */
  public static Attributes of(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values must alternate");
    }
    Builder b = builder(keysAndValues.length / 2);
    for (int i = 0; i < keysAndValues.length; i += 2) {
      b.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return b.build();
  }

  public static Builder builder(int expectedSize) {
    return new Builder(expectedSize);
  }

  public int size() {
    return keys.length;
  }

  public boolean isEmpty() {
    return keys.length == 0;
  }

  public String key(int i) {
    return keys[i];
  }

  public Object value(int i) {
    return values[i];
  }

  /** The first value under {@code key}, or null. */
  public Object get(String key) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i].equals(key)) return values[i];
    }
    return null;
  }

  /** The first value under {@code key} if it is a string, else null. */
  public String getString(String key) {
    return get(key) instanceof String s ? s : null;
  }

  public void forEach(BiConsumer<String, Object> action) {
    for (int i = 0; i < keys.length; i++) {
      action.accept(keys[i], values[i]);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Attributes a
        && Arrays.equals(keys, a.keys)
        && Arrays.equals(values, a.values);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(keys) + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < keys.length; i++) {
      if (i > 0) sb.append(", ");
      sb.append(keys[i]).append('=').append(values[i]);
    }
    return sb.append('}').toString();
  }

  /** Collects pairs in order; duplicates are kept, as OTLP keeps them. */
  public static final class Builder {
    private String[] keys;
    private Object[] values;
    private int size;

    private Builder(int expectedSize) {
      keys = new String[Math.max(expectedSize, 0)];
      values = new Object[keys.length];
    }

    public Builder put(String key, Object value) {
      Objects.requireNonNull(key, "key");
      AnyValue.check(value);
      if (size == keys.length) {
        int grown = Math.max(4, size * 2);
        keys = Arrays.copyOf(keys, grown);
        values = Arrays.copyOf(values, grown);
      }
      keys[size] = key;
      values[size] = value;
      size++;
      return this;
    }

    public Attributes build() {
      if (size == 0) return EMPTY;
      return size == keys.length
          ? new Attributes(keys, values)
          : new Attributes(Arrays.copyOf(keys, size), Arrays.copyOf(values, size));
    }
  }
}
