package dev.ariadne.store.block;

import java.util.concurrent.atomic.LongAdder;

/**
 * What a block reader read and what its statistics let it skip, since it was opened; safe to read while
 * queries run. Row groups count once per query that considered them.
 */
public final class ReadStats {
  private final LongAdder rowGroupsRead = new LongAdder();
  private final LongAdder rowGroupsSkipped = new LongAdder();
  private final LongAdder bytesRead = new LongAdder();
  private final LongAdder bytesSkipped = new LongAdder();

  public long rowGroupsRead() {
    return rowGroupsRead.sum();
  }

  public long rowGroupsSkipped() {
    return rowGroupsSkipped.sum();
  }

  /** Bytes fetched from the object store, compressed, including meta, index and bloom filter at open. */
  public long bytesRead() {
    return bytesRead.sum();
  }

  /** Stored bytes of the row groups skipped. */
  public long bytesSkipped() {
    return bytesSkipped.sum();
  }

  void read(long bytes) {
    bytesRead.add(bytes);
  }

  void rowGroupRead() {
    rowGroupsRead.increment();
  }

  void rowGroupSkipped(long bytes) {
    rowGroupsSkipped.increment();
    bytesSkipped.add(bytes);
  }

  @Override
  public String toString() {
    return "row groups read " + rowGroupsRead() + ", skipped " + rowGroupsSkipped() + "; bytes read " + bytesRead()
        + ", skipped " + bytesSkipped();
  }
}
