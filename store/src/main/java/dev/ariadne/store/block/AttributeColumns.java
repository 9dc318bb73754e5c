package dev.ariadne.store.block;

import dev.ariadne.model.Attributes;
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
  /** Position among {@link #keys} by dictionary id: keys are numbered in order of first use. */
  private final Map<Integer, Integer> positionOf = new HashMap<>();
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
      int keyId = dictionary.id(attributes.key(i));
      Integer position = positionOf.get(keyId);
      if (position == null) {
        position = keys.size();
        positionOf.put(keyId, position);
        keys.add(new KeyColumn(keyId));
      }
      keyOrder.writeVarint(position);
      encoded.reset();
      AttributeCodec.writeValue(encoded, attributes.value(i), dictionary);
      keys.get(position).add(span, encoded.toByteArray());
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

  private static final class KeyColumn {
    final int keyId;
    /** Index among the distinct values by encoded value: equal encodings are equal values, NaN payloads too. */
    final Map<ByteBuffer, Integer> indexOf = new HashMap<>();
    final ByteSink distinct = new ByteSink(1024);
    final ByteSink spans = new ByteSink(256);
    final ByteSink valueOf = new ByteSink(256);
    int count;
    int lastSpan;

    KeyColumn(int keyId) {
      this.keyId = keyId;
    }

    void add(int span, byte[] value) {
      Integer index = indexOf.get(ByteBuffer.wrap(value));
      if (index == null) {
        index = indexOf.size();
        indexOf.put(ByteBuffer.wrap(value), index);
        distinct.writeBytes(value);
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
      raw.writeBytes(distinct.toByteArray());
      raw.writeVarint(count);
      raw.writeBytes(spans.toByteArray());
      raw.writeBytes(valueOf.toByteArray());
      return Frames.seal(Column.ATTR_VALUES.magic(), raw.toByteArray());
    }
  }
}
