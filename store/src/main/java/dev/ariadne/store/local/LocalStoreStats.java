package dev.ariadne.store.local;

import java.util.concurrent.atomic.LongAdder;

/** Counters of the local store's background and failure paths, read by the metrics endpoint. */
public final class LocalStoreStats {
  final LongAdder replayedSpans = new LongAdder();
  final LongAdder replayedRecordsUnreadable = new LongAdder();
  final LongAdder blocksWritten = new LongAdder();
  final LongAdder blockWriteFailures = new LongAdder();
  final LongAdder blockReadFailures = new LongAdder();
  final LongAdder blocksUnreadable = new LongAdder();
  final LongAdder compactions = new LongAdder();
  final LongAdder compactionFailures = new LongAdder();
  final LongAdder compactedSpansIn = new LongAdder();
  final LongAdder compactedSpansOut = new LongAdder();
  final LongAdder retentionDeletions = new LongAdder();
  final LongAdder blocksSearched = new LongAdder();
  final LongAdder blocksPassedOver = new LongAdder();
  final LongAdder retiredRowGroupsRead = new LongAdder();
  final LongAdder retiredRowGroupsSkipped = new LongAdder();

  /** Spans read back from the WAL at start. */
  public long replayedSpans() {
    return replayedSpans.sum();
  }

  /** WAL records that passed their checksum yet could not be decoded. */
  public long replayedUnreadable() {
    return replayedRecordsUnreadable.sum();
  }

  public long blocksWritten() {
    return blocksWritten.sum();
  }

  public long blockWriteFailures() {
    return blockWriteFailures.sum();
  }

  /** Block reads that failed during queries, and blocks skipped at start as unreadable. */
  public long blockReadFailures() {
    return blockReadFailures.sum() + blocksUnreadable.sum();
  }

  public long compactions() {
    return compactions.sum();
  }

  public long compactionFailures() {
    return compactionFailures.sum();
  }

  /** Spans removed by compaction as duplicates (resent or replayed). */
  public long compactionDuplicatesRemoved() {
    return compactedSpansIn.sum() - compactedSpansOut.sum();
  }

  public long retentionDeletions() {
    return retentionDeletions.sum();
  }

  /** Blocks a search asked for matches (each then skips what its statistics rule out). */
  public long blocksSearched() {
    return blocksSearched.sum();
  }

  /** Blocks a search never opened: it had its limit and they held nothing newer. */
  public long blocksPassedOver() {
    return blocksPassedOver.sum();
  }
}
