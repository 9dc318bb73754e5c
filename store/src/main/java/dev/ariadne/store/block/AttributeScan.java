package dev.ariadne.store.block;

import dev.ariadne.model.AnyValue;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Checks tag conditions against the ATTR_VALUES frames of the keys they name, without building spans:
 * compares each value as text (string values byte for byte, others through {@link AnyValue#asString}, as
 * SpanMatcher compares them) and marks the span it belongs to.
 */
final class AttributeScan {
  private final int[] tagKeyIds;
  private final String[] values;
  private final byte[][] utf8;
  private final int[] keyIds;

  /** {@code tagKeyIds[i]} (-1 if absent from the dictionary) and {@code values[i]}: tag i. At most 64 tags. */
  AttributeScan(int[] tagKeyIds, String[] values) {
    this.tagKeyIds = tagKeyIds;
    this.values = values;
    this.utf8 = new byte[values.length][];
    for (int i = 0; i < values.length; i++) utf8[i] = values[i].getBytes(StandardCharsets.UTF_8);
    this.keyIds = Arrays.stream(tagKeyIds).filter(k -> k >= 0).distinct().toArray();
  }

  /** The distinct dictionary ids of the keys the tags name: the frames {@link #scan} needs. */
  int[] keyIds() {
    return keyIds;
  }

  /**
   * Per span, bit i set when its own attributes satisfy tag i. {@code frames[k]}: the values of key
   * {@code keyIds()[k]} in the row group, null when none of its spans has the key.
   */
  long[] scan(KeyValues[] frames, int spanCount, String[] dictionary) throws CorruptBlockException {
    long[] satisfied = new long[spanCount];
    for (int k = 0; k < keyIds.length; k++) {
      KeyValues frame = frames[k];
      if (frame == null) continue;
      int key = keyIds[k];
      int first = firstTagWithKey(key);
      boolean oneValue = oneValue(key, first);
      ByteSource in = frame.values;
      for (int span : frame.spans) {
        long bits;
        if (AttributeCodec.nextIsString(in)) {
          in.readByte();
          bits = oneValue ? (in.readStringEquals(utf8[first]) ? tagsOf(key, first) : 0) : matching(key, first, in.readString());
        } else {
          bits = matching(key, first, AnyValue.asString(AttributeCodec.readValue(in, dictionary)));
        }
        satisfied[span] |= bits;
      }
    }
    return satisfied;
  }

  /** Whether every tag on {@code key} asks for the same value: then strings are compared without decoding. */
  private boolean oneValue(int key, int first) {
    for (int t = first + 1; t < tagKeyIds.length; t++) if (tagKeyIds[t] == key && !values[t].equals(values[first])) return false;
    return true;
  }

  private long tagsOf(int key, int first) {
    long bits = 0;
    for (int t = first; t < tagKeyIds.length; t++) if (tagKeyIds[t] == key) bits |= 1L << t;
    return bits;
  }

  private long matching(int key, int first, String text) {
    long bits = 0;
    for (int t = first; t < tagKeyIds.length; t++) if (tagKeyIds[t] == key && values[t].equals(text)) bits |= 1L << t;
    return bits;
  }

  private int firstTagWithKey(int key) {
    for (int t = 0; t < tagKeyIds.length; t++) if (tagKeyIds[t] == key) return t;
    return -1;
  }
}
