package dev.ariadne.store.block;

import dev.ariadne.model.AnyValue;
import java.nio.charset.StandardCharsets;

/**
 * Checks tag conditions against the ATTRS column without building spans: walks every span's attributes
 * and, for the keys the query names, compares the value as text (string values byte for byte, others
 * through {@link AnyValue#asString}, as SpanMatcher compares them); other values are stepped over.
 */
final class AttributeScan {
  private final int[] keyIds;
  private final String[] values;
  private final byte[][] utf8;

  /** {@code keyIds[i]} (-1 if absent from the dictionary) and {@code values[i]}: tag i. At most 64 tags. */
  AttributeScan(int[] keyIds, String[] values) {
    this.keyIds = keyIds;
    this.values = values;
    this.utf8 = new byte[values.length][];
    for (int i = 0; i < values.length; i++) utf8[i] = values[i].getBytes(StandardCharsets.UTF_8);
  }

  /** Per span, bit i set when its own attributes satisfy tag i. */
  long[] scan(ByteSource attrs, int spanCount, String[] dictionary) throws CorruptBlockException {
    long[] satisfied = new long[spanCount];
    for (int s = 0; s < spanCount; s++) {
      int count = attrs.readCount(2, "attributes");
      long bits = 0;
      for (int a = 0; a < count; a++) {
        int key = attrs.readInt(dictionary.length - 1, "attribute key id");
        int tag = firstTagWithKey(key);
        if (tag < 0) {
          AttributeCodec.skipValue(attrs);
        } else if (AttributeCodec.nextIsString(attrs)) {
          attrs.readByte();
          bits |= stringMatches(attrs, key);
        } else {
          String text = AnyValue.asString(AttributeCodec.readValue(attrs, dictionary));
          for (int t = tag; t < keyIds.length; t++) if (keyIds[t] == key && values[t].equals(text)) bits |= 1L << t;
        }
      }
      satisfied[s] = bits;
    }
    return satisfied;
  }

  /** Reads a string value of {@code key} and returns the tags it satisfies. */
  private long stringMatches(ByteSource attrs, int key) throws CorruptBlockException {
    // Tags on one key with different values: the value can equal at most one text, so compare after reading.
    int first = firstTagWithKey(key);
    boolean single = true;
    for (int t = first + 1; t < keyIds.length; t++) if (keyIds[t] == key && !values[t].equals(values[first])) single = false;
    if (single) {
      if (!attrs.readStringEquals(utf8[first])) return 0;
      long bits = 0;
      for (int t = first; t < keyIds.length; t++) if (keyIds[t] == key) bits |= 1L << t;
      return bits;
    }
    String text = attrs.readString();
    long bits = 0;
    for (int t = first; t < keyIds.length; t++) if (keyIds[t] == key && values[t].equals(text)) bits |= 1L << t;
    return bits;
  }

  private int firstTagWithKey(int key) {
    for (int t = 0; t < keyIds.length; t++) if (keyIds[t] == key) return t;
    return -1;
  }
}
