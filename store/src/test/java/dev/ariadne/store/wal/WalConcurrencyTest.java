package dev.ariadne.store.wal;

import static dev.ariadne.store.wal.WalTesting.record;
import static dev.ariadne.store.wal.WalTesting.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Many appenders at once: every acknowledged record replays exactly once, and ALWAYS shares its fsyncs. */
class WalConcurrencyTest {
  private static final int THREADS = 8;
  private static final int PER_THREAD = 300;

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(FsyncPolicy.class)
  void concurrentAppendersAreEachReplayedExactlyOnce(FsyncPolicy policy) throws Exception {
    // Small segments, so appenders also race rolls (and, with ALWAYS, group commits across a roll).
    WalConfig config = WalConfig.of(dir).withFsync(policy).withSegmentBytes(16 * 1024);
    ConcurrentHashMap<String, Long> acknowledged = new ConcurrentHashMap<>();
    long fsyncsDuringAppends;
    try (Wal wal = Wal.open(config, (id, payload) -> { })) {
      CyclicBarrier start = new CyclicBarrier(THREADS);
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < PER_THREAD; i++) {
            byte[] r = record(thread * PER_THREAD + i, 100 + (i % 5) * 60);
            acknowledged.put(text(r), wal.append(r));
          }
          return null;
        }));
      }
      for (Future<?> f : done) f.get();
      pool.shutdown();
      assertEquals(THREADS * PER_THREAD, wal.stats().recordsAppended());
      fsyncsDuringAppends = wal.stats().fsyncs();
    }

    WalTesting.Replayed replayed = WalTesting.replay(config);
    assertEquals(THREADS * PER_THREAD, replayed.records.size());
    Set<String> distinct = new HashSet<>(replayed.records);
    assertEquals(acknowledged.keySet(), distinct, "every acknowledged record, none twice");
    for (int i = 0; i < replayed.records.size(); i++) {
      assertEquals(acknowledged.get(replayed.records.get(i)), replayed.segmentIds.get(i),
          "replayed from the segment append returned");
    }
    assertTrue(replayed.segmentIds.getLast() > 10, "segments rolled under load");

    int records = THREADS * PER_THREAD;
    switch (policy) {
      case ALWAYS -> assertTrue(fsyncsDuringAppends > 0 && fsyncsDuringAppends < records,
          "group commit: " + fsyncsDuringAppends + " fsyncs for " + records + " records");
      case NEVER -> assertEquals(0, fsyncsDuringAppends);
      case INTERVAL -> { } // the background thread's forces depend on timing; WalFsyncPolicyTest covers it
    }
  }

  @ParameterizedTest
  @EnumSource(FsyncPolicy.class)
  void rollsAndDeletionsRacingAppendsKeepEveryRecordOfTheKeptSegments(FsyncPolicy policy) throws Exception {
    WalConfig config = WalConfig.of(dir).withFsync(policy);
    ConcurrentHashMap<String, Long> acknowledged = new ConcurrentHashMap<>();
    long deletedBefore = 0;
    try (Wal wal = Wal.open(config, (id, payload) -> { })) {
      ExecutorService pool = Executors.newFixedThreadPool(4);
      AtomicBoolean stop = new AtomicBoolean();
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; !stop.get(); i++) {
            byte[] r = record(thread * 1_000_000 + i, 200);
            acknowledged.put(text(r), wal.append(r));
          }
          return null;
        }));
      }
      // The store's pattern: cut a block, roll, drop the segments the block now holds.
      for (int round = 0; round < 30; round++) {
        long next = wal.rollSegment();
        wal.deleteSegmentsBefore(next - 1);
        deletedBefore = next - 1;
        Thread.sleep(1);
      }
      stop.set(true);
      for (Future<?> f : done) f.get();
      pool.shutdown();
      assertEquals(WalTesting.segmentFiles(dir).size(), wal.stats().segmentsOnDisk());
      assertEquals(WalTesting.totalBytes(WalTesting.segmentFiles(dir)), wal.stats().segmentBytesOnDisk());
    }
    assertTrue(deletedBefore >= 30, "30 rolls, each deleting all but the last two segments");

    long bound = deletedBefore;
    Set<String> kept = new HashSet<>();
    acknowledged.forEach((r, segment) -> { if (segment >= bound) kept.add(r); });
    WalTesting.Replayed replayed = WalTesting.replay(config);
    assertEquals(kept.size(), replayed.records.size(), "no record twice");
    assertEquals(kept, new HashSet<>(replayed.records), "every record of a kept segment, none of a deleted one");
  }
}
