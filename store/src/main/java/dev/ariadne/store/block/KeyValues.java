package dev.ariadne.store.block;

/**
 * One opened {@link Column#ATTR_VALUES} frame: which spans of the row group have the key (ordinals, in
 * order; a span with the key twice appears twice) and their values, read one after the other.
 */
final class KeyValues {
  final int keyId;
  /** Span ordinal of each value, non-decreasing. */
  final int[] spans;
  /** Positioned at the next value. */
  final ByteSource values;
  private int next;

  private KeyValues(int keyId, int[] spans, ByteSource values) {
    this.keyId = keyId;
    this.spans = spans;
    this.values = values;
  }

  /** Reads the frame's header and span ordinals, checking the key id the index gave and every ordinal. */
  static KeyValues read(ByteSource in, int keyId, int spanCount) throws CorruptBlockException {
    int found = in.readInt(Integer.MAX_VALUE, "attribute key id");
    if (found != keyId) throw in.corrupt("values of key id " + found + " where the index says " + keyId);
    int count = in.readCount(2, "attribute values");  // at least a span delta and a type byte each
    int[] spans = new int[count];
    int span = 0;
    for (int i = 0; i < count; i++) {
      span += in.readInt(spanCount - 1 - span, "span ordinal delta");
      spans[i] = span;
    }
    return new KeyValues(keyId, spans, in);
  }

  /** The next value, which must belong to span {@code span}. */
  Object next(int span, String[] dictionary) throws CorruptBlockException {
    if (next >= spans.length || spans[next] != span) {
      throw values.corrupt("span " + span + " has key id " + keyId + " but its values frame lists "
          + (next < spans.length ? "span " + spans[next] : "no more spans"));
    }
    next++;
    return AttributeCodec.readValue(values, dictionary);
  }

  /** Throws unless every value was read and nothing follows. */
  void checkConsumed() throws CorruptBlockException {
    if (next != spans.length || values.hasRemaining()) {
      throw values.corrupt("key id " + keyId + ": " + (spans.length - next) + " values no span has, or bytes left");
    }
  }
}
