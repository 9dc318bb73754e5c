package dev.ariadne.store.wal;

import static dev.ariadne.store.wal.WalTesting.record;
import static dev.ariadne.store.wal.WalTesting.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Each policy forces when it says it does (observed through the fsync counter), and all of them replay. */
class WalFsyncPolicyTest {
  @TempDir Path dir;

  private List<String> appendTen(Wal wal) throws IOException {
    List<String> written = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      wal.append(record(i, 64));
      written.add(text(record(i, 64)));
    }
    return written;
  }

  @Test
  void alwaysForcesBeforeEachSequentialAppendReturns() throws IOException {
    WalConfig config = WalConfig.of(dir).withFsync(FsyncPolicy.ALWAYS);
    List<String> written;
    try (Wal wal = Wal.open(config, (id, payload) -> { })) {
      long before = wal.stats().fsyncs();
      wal.append(record(0, 64));
      assertEquals(before + 1, wal.stats().fsyncs(), "one appender alone has nobody to share with");
      written = new ArrayList<>(List.of(text(record(0, 64))));
      for (String r : appendTen(wal)) written.add(r);
      assertEquals(before + 11, wal.stats().fsyncs());
      assertTrue(wal.stats().fsyncNanosTotal() >= wal.stats().fsyncNanosMax() && wal.stats().fsyncNanosMax() > 0);
    }
    assertEquals(written, WalTesting.replay(config).records);
  }

  @Test
  void neverForcesUntilClose() throws IOException {
    WalConfig config = WalConfig.of(dir).withFsync(FsyncPolicy.NEVER).withSegmentBytes(1024);
    List<String> written;
    Wal wal = Wal.open(config, (id, payload) -> { });
    written = appendTen(wal);
    wal.rollSegment();
    assertEquals(0, wal.stats().fsyncs(), "neither appends nor rolls force");
    wal.close();
    assertEquals(1, wal.stats().fsyncs(), "close forces the current segment");
    assertEquals(written, WalTesting.replay(config).records);
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void intervalForcesInTheBackgroundOnlyWhenSomethingWasWritten() throws Exception {
    WalConfig config = WalConfig.of(dir).withFsync(FsyncPolicy.INTERVAL).withFsyncInterval(Duration.ofMillis(5));
    List<String> written;
    try (Wal wal = Wal.open(config, (id, payload) -> { })) {
      // Idle: about 40 intervals pass with nothing written, so nothing is forced (a count, not a timing).
      Thread.sleep(200);
      assertEquals(0, wal.stats().fsyncs(), "nothing written, nothing forced");
      written = appendTen(wal);
      assertEquals(10, wal.stats().recordsAppended());
      while (wal.stats().fsyncs() == 0) Thread.sleep(5);
    }
    assertEquals(written, WalTesting.replay(config).records);
  }
}
