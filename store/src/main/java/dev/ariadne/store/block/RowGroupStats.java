package dev.ariadne.store.block;

/**
 * What the index keeps about one row group: where its chunks are, and the statistics that let a search
 * skip it without reading it.
 *
 * @param firstTrace ordinal of its first trace in the block's trace-id order
 * @param part the data part object holding its chunks, which lie back to back from {@code offset}
 * @param chunkLengths the stored length of each {@link Column}'s chunk
 * @param serviceIds sorted dictionary ids of the service names of its spans
 * @param nameIds sorted dictionary ids of its span names
 * @param kindMask bit i set when a span of SpanKind ordinal i occurs
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
    int[] chunkLengths) {

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
}
