package dev.ariadne.store.block;

/**
 * What the index keeps about one row group: where its chunks are, and the statistics that let a search
 * skip it without reading it.
 *
 * @param firstTrace ordinal of its first trace in the block's trace-id order
 * @param part the data part object holding its chunks, which lie back to back from {@code offset}
 * @param chunkLengths the stored length of each {@link Column}'s chunk; for ATTR_VALUES, of all its frames
 * @param serviceIds sorted dictionary ids of the service names of its spans
 * @param nameIds sorted dictionary ids of its span names
 * @param kindMask bit i set when a span of SpanKind ordinal i occurs
 * @param attributeKeyIds dictionary ids of its span attribute keys, in the order their ATTR_VALUES frames lie
 * @param valueFrameLengths the stored length of each key's ATTR_VALUES frame
 */
record RowGroupStats(
    int firstTrace,
    int traceCount,
    int spanCount,
    long minStartNanos,
    long maxStartNanos,
    long minDurationNanos,
    long maxDurationNanos,
    int[] serviceIds,
    int[] nameIds,
    int kindMask,
    int part,
    long offset,
    int[] chunkLengths,
    int[] attributeKeyIds,
    int[] valueFrameLengths) {

  /** The same row group, stored in {@code part} from {@code offset}. */
  RowGroupStats at(int part, long offset) {
    return new RowGroupStats(firstTrace, traceCount, spanCount, minStartNanos, maxStartNanos, minDurationNanos,
        maxDurationNanos, serviceIds, nameIds, kindMask, part, offset, chunkLengths, attributeKeyIds,
        valueFrameLengths);
  }

  long offsetOf(Column column) {
    long o = offset;
    for (int i = 0; i < column.ordinal(); i++) o += chunkLengths[i];
    return o;
  }

  /** Stored bytes of the chunks from {@code first} to {@code last}, inclusive. */
  int lengthOf(Column first, Column last) {
    int n = 0;
    for (int i = first.ordinal(); i <= last.ordinal(); i++) n += chunkLengths[i];
    return n;
  }

  int totalLength() {
    return lengthOf(Column.RESOURCES, Column.TAGS);
  }

  /** Position of the key's ATTR_VALUES frame among the row group's, or -1 when no span of it has the key. */
  int valueFrameOf(int keyId) {
    for (int i = 0; i < attributeKeyIds.length; i++) if (attributeKeyIds[i] == keyId) return i;
    return -1;
  }

  /** Where the {@code frame}-th ATTR_VALUES frame starts in the data part. */
  long offsetOfValueFrame(int frame) {
    long o = offsetOf(Column.ATTR_VALUES);
    for (int i = 0; i < frame; i++) o += valueFrameLengths[i];
    return o;
  }
}
