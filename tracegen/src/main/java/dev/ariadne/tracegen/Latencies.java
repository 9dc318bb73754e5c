package dev.ariadne.tracegen;

import java.util.Arrays;

/** Records request latencies and reports percentiles in milliseconds. */
final class Latencies {
  private long[] nanos = new long[1024];
  private int count;

  synchronized void record(long elapsedNanos) {
    if (count == nanos.length) nanos = Arrays.copyOf(nanos, count * 2);
    nanos[count++] = elapsedNanos;
  }

  synchronized int count() {
    return count;
  }

  /** The p-th percentile (0 < p ≤ 100) in milliseconds, nearest-rank; 0 when nothing was recorded. */
  synchronized double percentileMillis(double p) {
    if (count == 0) return 0;
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100 * count) - 1;
    return sorted[Math.max(0, Math.min(rank, count - 1))] / 1e6;
  }
}
