package dev.ariadne.store.wal;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * The background fsync of {@link FsyncPolicy#INTERVAL}: every interval, forces the segment holding the
 * newest write if anything was written since the last force. A failure is counted in the stats, reported
 * to the WAL (which moves appends to a new segment), and logged when it starts and when forces succeed
 * again, not on every tick.
 */
final class IntervalSyncer {
  private static final Logger LOG = System.getLogger(Wal.class.getName());

  private final Supplier<GroupCommit.WriteMark> newestWrite;
  private final LongConsumer forceFailed;
  private final ScheduledExecutorService executor;
  private long forcedSeq;
  private boolean failing;

  private IntervalSyncer(Supplier<GroupCommit.WriteMark> newestWrite, LongConsumer forceFailed) {
    this.newestWrite = newestWrite;
    this.forceFailed = forceFailed;
    this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "ariadne-wal-fsync");
      t.setDaemon(true);
      return t;
    });
  }

  /** {@code forceFailed} is told the id of a segment whose force failed. */
  static IntervalSyncer start(Duration interval, Supplier<GroupCommit.WriteMark> newestWrite,
      LongConsumer forceFailed) {
    IntervalSyncer syncer = new IntervalSyncer(newestWrite, forceFailed);
    long nanos = interval.toNanos();
    syncer.executor.scheduleWithFixedDelay(syncer::tick, nanos, nanos, TimeUnit.NANOSECONDS);
    return syncer;
  }

  private void tick() {
    GroupCommit.WriteMark mark = newestWrite.get();
    if (mark.seq() == forcedSeq) return;
    try {
      mark.segment().force();
      forcedSeq = mark.seq();
      if (failing) LOG.log(Level.INFO, "WAL interval fsync works again");
      failing = false;
    } catch (IOException e) {
      forceFailed.accept(mark.segment().id());
      if (!failing) LOG.log(Level.ERROR, "WAL interval fsync failed; retrying every interval", e);
      failing = true;
    }
  }

  /** Stops the thread after any force in progress; the caller forces what is left. */
  void stop() {
    executor.shutdown();
    try {
      executor.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
