package dev.ariadne.store.wal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Live counters of one {@link Wal}: what was appended and forced, what is on disk, and what the replay at
 * open found. Every getter is a lock-free read, safe for a metrics gauge on any thread; values only grow
 * except the on-disk figures.
 */
public final class WalStats {
  private final AtomicLong recordsAppended = new AtomicLong();
  private final AtomicLong bytesAppended = new AtomicLong();
  private final AtomicLong appendFailures = new AtomicLong();
  private final AtomicLong fsyncs = new AtomicLong();
  private final AtomicLong fsyncNanosTotal = new AtomicLong();
  private final AtomicLong fsyncNanosMax = new AtomicLong();
  private final AtomicLong fsyncFailures = new AtomicLong();
  private final AtomicLong segmentsOnDisk = new AtomicLong();
  private final AtomicLong segmentBytesOnDisk = new AtomicLong();
  private final AtomicLong replaySegments = new AtomicLong();
  private final AtomicLong replayRecords = new AtomicLong();
  private final AtomicLong replayTornTails = new AtomicLong();
  private final AtomicLong replayCorruptFrames = new AtomicLong();
  private final AtomicLong replayBytesTruncated = new AtomicLong();
  private final AtomicLong replayBytesSkipped = new AtomicLong();
  private final AtomicLong replaySegmentsSkipped = new AtomicLong();

  WalStats() {}

  /** Records whose append returned normally. */
  public long recordsAppended() { return recordsAppended.get(); }
  /** Bytes those records took in segments, frame headers included. */
  public long bytesAppended() { return bytesAppended.get(); }
  /** Appends that threw an IOException (their bytes were removed again). */
  public long appendFailures() { return appendFailures.get(); }
  /** Forces of a segment to stable storage (group commit shares one among many records). */
  public long fsyncs() { return fsyncs.get(); }
  public long fsyncNanosTotal() { return fsyncNanosTotal.get(); }
  public long fsyncNanosMax() { return fsyncNanosMax.get(); }
  public long fsyncFailures() { return fsyncFailures.get(); }
  /** Segments this WAL owns on disk, the open one included (files skipped at replay are not counted). */
  public long segmentsOnDisk() { return segmentsOnDisk.get(); }
  public long segmentBytesOnDisk() { return segmentBytesOnDisk.get(); }
  /** Segments read at open (skipped ones included). */
  public long replaySegments() { return replaySegments.get(); }
  /** Intact records handed to the replay handler. */
  public long replayRecords() { return replayRecords.get(); }
  /** Segments whose end was a torn write: a short frame, a payload past the end, a zero-filled tail. */
  public long replayTornTails() { return replayTornTails.get(); }
  /** Frames whose checksum or length was wrong with more data after them. */
  public long replayCorruptFrames() { return replayCorruptFrames.get(); }
  /** Bytes cut off the newest segment's torn tail. */
  public long replayBytesTruncated() { return replayBytesTruncated.get(); }
  /** Bytes left unread: corrupt records, the rest of a segment after damage, and skipped files. */
  public long replayBytesSkipped() { return replayBytesSkipped.get(); }
  /** Files named as segments whose header is not a WAL segment's; left on disk. */
  public long replaySegmentsSkipped() { return replaySegmentsSkipped.get(); }

  void appended(long frameBytes) {
    recordsAppended.incrementAndGet();
    bytesAppended.addAndGet(frameBytes);
    segmentBytesOnDisk.addAndGet(frameBytes);
  }

  void appendFailed() { appendFailures.incrementAndGet(); }

  void fsynced(long nanos) {
    fsyncs.incrementAndGet();
    fsyncNanosTotal.addAndGet(nanos);
    fsyncNanosMax.accumulateAndGet(nanos, Math::max);
  }

  void fsyncFailed() { fsyncFailures.incrementAndGet(); }

  void segmentAdded(long bytes) {
    segmentsOnDisk.incrementAndGet();
    segmentBytesOnDisk.addAndGet(bytes);
  }

  void segmentRemoved(long bytes) {
    segmentsOnDisk.decrementAndGet();
    segmentBytesOnDisk.addAndGet(-bytes);
  }

  void replayedSegment() { replaySegments.incrementAndGet(); }
  void replayedRecord() { replayRecords.incrementAndGet(); }
  void tornTail() { replayTornTails.incrementAndGet(); }
  void corruptFrame() { replayCorruptFrames.incrementAndGet(); }
  void truncated(long bytes) { replayBytesTruncated.addAndGet(bytes); }
  void skipped(long bytes) { replayBytesSkipped.addAndGet(bytes); }
  void skippedSegment() { replaySegmentsSkipped.incrementAndGet(); }

  @Override
  public String toString() {
    return "WalStats[records=" + recordsAppended() + ", bytes=" + bytesAppended() + ", appendFailures="
        + appendFailures() + ", fsyncs=" + fsyncs() + ", segments=" + segmentsOnDisk() + "/"
        + segmentBytesOnDisk() + "B, replayed=" + replayRecords() + ", torn=" + replayTornTails()
        + ", corrupt=" + replayCorruptFrames() + ", truncated=" + replayBytesTruncated() + "B, skipped="
        + replayBytesSkipped() + "B, segmentsSkipped=" + replaySegmentsSkipped() + "]";
  }
}
