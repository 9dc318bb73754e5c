package dev.ariadne.store.block;

/**
 * One opened {@link Column#ATTR_VALUES} frame: the key's distinct values in the row group, then, read only
 * when needed ({@link #readSpans}), which spans have the key (ordinals, in order; a span with the key
 * twice appears twice) and which distinct value each has. A search that finds none of its values among
 * the distinct ones stops before the spans.
 */
final class KeyValues {
  final int keyId;
  /** Distinct as stored: values that encode alike (so NaN payloads and -0.0 stay apart from 0.0). */
  final Object[] distinct;
  private final ByteSource in;
  private int[] spans;
  private int[] valueOf;
  private int next;

  private KeyValues(int keyId, Object[] distinct, ByteSource in) {
    this.keyId = keyId;
    this.distinct = distinct;
    this.in = in;
  }

  /** Reads the frame's key id, checked against the index's, and its distinct values. */
  static KeyValues read(ByteSource in, int keyId, String[] dictionary) throws CorruptBlockException {
    int found = in.readInt(Integer.MAX_VALUE, "attribute key id");
    if (found != keyId) throw in.corrupt("values of key id " + found + " where the index says " + keyId);
    Object[] distinct = new Object[in.readCount(1, "distinct values")];
    for (int i = 0; i < distinct.length; i++) distinct[i] = AttributeCodec.readValue(in, dictionary);
    return new KeyValues(keyId, distinct, in);
  }

  /** Reads the span ordinal and distinct-value index of every value, checking each; once. */
  KeyValues readSpans(int spanCount) throws CorruptBlockException {
    if (spans != null) return this;
    int count = in.readCount(2, "attribute values");  // at least a span delta and a value index each
    int[] ordinals = new int[count];
    int span = 0;
    for (int i = 0; i < count; i++) {
      span += in.readInt(spanCount - 1 - span, "span ordinal delta");
      ordinals[i] = span;
    }
    int[] indexes = new int[count];
    for (int i = 0; i < count; i++) indexes[i] = in.readInt(distinct.length - 1, "distinct value index");
    if (in.hasRemaining()) throw in.corrupt("bytes after the last value of key id " + keyId);
    spans = ordinals;
    valueOf = indexes;
    return this;
  }

  /** Span ordinal of each value, non-decreasing; after {@link #readSpans}. */
  int[] spans() {
    return spans;
  }

  /** Index into {@link #distinct} of each value; after {@link #readSpans}. */
  int[] valueOf() {
    return valueOf;
  }

  /** The next value, which must belong to span {@code span}; after {@link #readSpans}. */
  Object next(int span) throws CorruptBlockException {
    if (next >= spans.length || spans[next] != span) {
      throw in.corrupt("span " + span + " has key id " + keyId + " but its values frame lists "
          + (next < spans.length ? "span " + spans[next] : "no more spans"));
    }
    return distinct[valueOf[next++]];
  }

  /** Throws unless every value was taken. */
  void checkConsumed() throws CorruptBlockException {
    if (next != spans.length) {
      throw in.corrupt("key id " + keyId + " has " + (spans.length - next) + " values no span has");
    }
  }
}
