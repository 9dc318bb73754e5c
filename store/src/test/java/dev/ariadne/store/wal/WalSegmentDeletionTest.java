package dev.ariadne.store.wal;

import static dev.ariadne.store.wal.WalTesting.record;
import static dev.ariadne.store.wal.WalTesting.segmentFiles;
import static dev.ariadne.store.wal.WalTesting.text;
import static dev.ariadne.store.wal.WalTesting.totalBytes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deleteSegmentsBefore removes whole older segments, never the current one, and replay no longer sees them. */
class WalSegmentDeletionTest {
  @TempDir Path dir;

  @Test
  void deletesWholeSegmentsBeforeTheIdButNeverTheCurrentOne() throws IOException {
    WalConfig config = WalConfig.of(dir);
    try (Wal wal = Wal.open(config, (id, payload) -> { })) {
      for (int i = 1; i <= 4; i++) {
        assertEquals(i, wal.append(record(i, 20)));
        wal.rollSegment();
      }
      assertEquals(5, wal.currentSegmentId());
      assertEquals(5, wal.stats().segmentsOnDisk());

      wal.deleteSegmentsBefore(3);
      assertEquals(List.of(segmentFileName(3), segmentFileName(4), segmentFileName(5)), names(dir));
      assertEquals(3, wal.stats().segmentsOnDisk());
      assertEquals(totalBytes(segmentFiles(dir)), wal.stats().segmentBytesOnDisk());

      wal.deleteSegmentsBefore(Long.MAX_VALUE);
      assertEquals(List.of(segmentFileName(5)), names(dir));
      assertEquals(5, wal.append(record(5, 20)));
      assertEquals(totalBytes(segmentFiles(dir)), wal.stats().segmentBytesOnDisk());
    }
    WalTesting.Replayed replayed = WalTesting.replay(config);
    assertEquals(List.of(text(record(5, 20))), replayed.records);
    assertEquals(List.of(5L), replayed.segmentIds);
  }

  @Test
  void deletesSegmentsLeftByEarlierRuns() throws IOException {
    WalConfig config = WalConfig.of(dir);
    try (Wal wal = Wal.open(config, (id, payload) -> { })) {
      wal.append(record(1, 20));
    }
    try (Wal wal = Wal.open(config, (id, payload) -> { })) {
      assertEquals(2, wal.currentSegmentId());
      wal.deleteSegmentsBefore(wal.currentSegmentId());
      assertEquals(List.of(segmentFileName(2)), names(dir));
      assertEquals(1, wal.stats().segmentsOnDisk());
    }
    assertEquals(List.of(), WalTesting.replay(config).records);
  }

  private static String segmentFileName(long id) {
    return WalFormat.segmentFileName(id);
  }

  private static List<String> names(Path dir) throws IOException {
    return segmentFiles(dir).stream().map(p -> p.getFileName().toString()).toList();
  }
}
