package dev.ariadne.collector.processor.tailsampling;

/** A count of spans that starts again at zero with each new second of the processor's clock. */
final class SpansThisSecond {
  private static final long SECOND = 1_000_000_000L;

  private long second = Long.MIN_VALUE;
  private long spans;

  /** The spans counted so far in the second holding {@code nowNanos}. */
  long count(long nowNanos) {
    long current = Math.floorDiv(nowNanos, SECOND);
    if (current != second) {
      second = current;
      spans = 0;
    }
    return spans;
  }

  /** Counts {@code n} more in the second last asked about. */
  void add(long n) {
    spans += n;
  }
}
