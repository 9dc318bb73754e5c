package dev.ariadne.store.block;

import dev.ariadne.model.Attributes;
import dev.ariadne.model.AnyValue;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects a row group's span attributes as they are stored: per attribute key one {@link Column#ATTR_VALUES}
 * frame (key id, its distinct values, how many values, the span ordinal of each as a delta from the
 * previous, then the index of each among the distinct values), and the {@link Column#ATTR_KEYS} chunk (per
 * span its attribute count, then per attribute the position of its key among the row group's keys), so a
 * span's attributes rebuild in their order, duplicate keys too.
 */
final class AttributeColumns {
  private final StringDictionary dictionary;
  /** Keys are pooled by the decoders, so this mostly hits on a cached hash and an identical string. */
  private final Map<String, KeyColumn> columnOf = new HashMap<>();
  private final List<KeyColumn> keys = new ArrayList<>();
  private final ByteSink keyOrder = new ByteSink(1 << 14);
  private final ByteSink encoded = new ByteSink(256);

  AttributeColumns(StringDictionary dictionary) {
    this.dictionary = dictionary;
  }

  /** Adds the attributes of span {@code span} (its ordinal in the row group; called in increasing order). */
  void add(int span, Attributes attributes) {
    keyOrder.writeVarint(attributes.size());
    for (int i = 0; i < attributes.size(); i++) {
      String key = attributes.key(i);
      KeyColumn column = columnOf.get(key);
      if (column == null) {
        column = new KeyColumn(dictionary.id(key), keys.size());
        columnOf.put(key, column);
        keys.add(column);
      }
      keyOrder.writeVarint(column.position);
      column.add(span, attributes.value(i));
    }
  }

  ByteSink keyOrder() {
    return keyOrder;
  }

  /** Dictionary ids of the keys, in stored order. */
  int[] keyIds() {
    return keys.stream().mapToInt(k -> k.keyId).toArray();
  }

  /** The sealed ATTR_VALUES frame of each key, in stored order. */
  byte[][] sealValues() {
    byte[][] frames = new byte[keys.size()][];
    for (int i = 0; i < frames.length; i++) frames[i] = keys.get(i).seal();
    return frames;
  }

  /**
   * What identifies a distinct value: strings, longs and booleans themselves; doubles by their raw bits
   * (Double.equals would merge NaN payloads and tell -0 from 0 only by bits anyway); anything else by its
   * encoding, since equal encodings are equal values.
   */
  private Object identity(Object value) {
    return switch (AnyValue.typeOf(value)) {
      case STRING, INT, BOOL -> value;
      case DOUBLE -> new DoubleBits(Double.doubleToRawLongBits((Double) value));
      default -> {
        encoded.reset();
        AttributeCodec.writeValue(encoded, value, dictionary);
        yield ByteBuffer.wrap(encoded.toByteArray());
      }
    };
  }

  private record DoubleBits(long bits) {}

  private final class KeyColumn {
    final int keyId;
    final int position;
    final Map<Object, Integer> indexOf = new HashMap<>();
    final ByteSink distinct = new ByteSink(1024);
    final ByteSink spans = new ByteSink(256);
    final ByteSink valueOf = new ByteSink(256);
    int count;
    int lastSpan;

    KeyColumn(int keyId, int position) {
      this.keyId = keyId;
      this.position = position;
    }

    void add(int span, Object value) {
      Object identity = identity(value);
      Integer index = indexOf.get(identity);
      if (index == null) {
        index = indexOf.size();
        indexOf.put(identity, index);
        AttributeCodec.writeValue(distinct, value, dictionary);
      }
      spans.writeVarint(span - lastSpan);
      lastSpan = span;
      valueOf.writeVarint(index);
      count++;
    }

    byte[] seal() {
      ByteSink raw = new ByteSink(distinct.size() + spans.size() + valueOf.size() + 16);
      raw.writeVarint(keyId);
      raw.writeVarint(indexOf.size());
      raw.writeBytes(distinct);
      raw.writeVarint(count);
      raw.writeBytes(spans);
      raw.writeBytes(valueOf);
      return Frames.seal(Column.ATTR_VALUES.magic(), raw.toByteArray());
    }
  }
}
