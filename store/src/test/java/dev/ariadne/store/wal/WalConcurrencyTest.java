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
}
