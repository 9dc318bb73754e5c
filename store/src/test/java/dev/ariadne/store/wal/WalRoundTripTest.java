package dev.ariadne.store.wal;

import static dev.ariadne.store.wal.WalTesting.record;
import static dev.ariadne.store.wal.WalTesting.replay;
import static dev.ariadne.store.wal.WalTesting.segmentFiles;
import static dev.ariadne.store.wal.WalTesting.text;
import static dev.ariadne.store.wal.WalTesting.totalBytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records come back in order, from the segments append named, across size rolls, explicit rolls and reopens. */
class WalRoundTripTest {
  @TempDir Path dir;

  @Test
  void replaysEveryRecordInOrderAcrossRollsAndReopens() throws IOException {
    WalConfig config = WalConfig.of(dir.resolve("wal")).withSegmentBytes(1024);
    List<String> written = new ArrayList<>();
    List<Long> writtenSegments = new ArrayList<>();
    long firstSegment;
    try (Wal wal = Wal.open(config, (id, payload) -> { throw new AssertionError("nothing to replay yet"); })) {
      firstSegment = wal.currentSegmentId();
      assertEquals(1, firstSegment);
      for (int i = 0; i < 40; i++) {
        byte[] r = record(i, 50 + i * 7);
        writtenSegments.add(wal.append(r));
        written.add(text(r));
        if (i == 20) assertEquals(wal.currentSegmentId() + 1, wal.rollSegment());
      }
      assertEquals(40, wal.stats().recordsAppended());
      assertEquals(segmentFiles(config.dir()).size(), wal.stats().segmentsOnDisk());
      assertEquals(totalBytes(segmentFiles(config.dir())), wal.stats().segmentBytesOnDisk());
    }
    assertTrue(writtenSegments.getLast() >= firstSegment + 5, "1 KiB segments rolled: " + writtenSegments);

    WalTesting.Replayed first = replay(config);
    assertEquals(written, first.records);
    assertEquals(writtenSegments, first.segmentIds);

    // Each open starts a new segment after the highest; what it appends replays after the old records.
    long reopenedSegment;
    try (Wal wal = Wal.open(config, (id, payload) -> { })) {
      reopenedSegment = wal.currentSegmentId();
      assertTrue(reopenedSegment > writtenSegments.getLast());
      assertEquals(reopenedSegment, wal.append(record(99, 10)));
      assertEquals(40, wal.stats().replayRecords());
      assertEquals(0, wal.stats().replayTornTails() + wal.stats().replayCorruptFrames());
    }
    WalTesting.Replayed second = replay(config);
    written.add(text(record(99, 10)));
    assertEquals(written, second.records);
    assertEquals(reopenedSegment, second.segmentIds.getLast());
  }

  @Test
  void aRecordLargerThanASegmentGetsASegmentOfItsOwn() throws IOException {
    WalConfig config = WalConfig.of(dir).withSegmentBytes(1024);
    long small;
    long big;
    long after;
    try (Wal wal = Wal.open(config, (id, payload) -> { })) {
      small = wal.append(record(1, 10));
      big = wal.append(record(2, 5000));
      after = wal.append(record(3, 10));
    }
    assertEquals(List.of(small + 1, small + 2), List.of(big, after));
    assertEquals(List.of(text(record(1, 10)), text(record(2, 5000)), text(record(3, 10))), replay(config).records);
  }

  @Test
  void emptyRecordsAndEmptySegmentsReplay() throws IOException {
    WalConfig config = WalConfig.of(dir);
    try (Wal wal = Wal.open(config, (id, payload) -> { })) {
      wal.append(new byte[0]);
      wal.rollSegment();
      wal.rollSegment();
      wal.append(new byte[] {7});
    }
    WalTesting.Replayed replayed = replay(config);
    assertEquals(List.of("", "\u0007"), replayed.records);
    assertEquals(List.of(1L, 3L), replayed.segmentIds);
  }

  @Test
  void refusesOversizedRecordsWithoutWritingAnything() throws IOException {
    WalConfig config = WalConfig.of(dir);
    try (Wal wal = Wal.open(config, (id, payload) -> { })) {
      var e = assertThrows(IllegalArgumentException.class, () -> wal.append(new byte[Wal.MAX_RECORD_BYTES + 1]));
      assertTrue(e.getMessage().contains("exceeds the limit"), e.getMessage());
      assertEquals(0, wal.stats().recordsAppended());
      assertEquals(8, Files.size(WalTesting.segmentFile(dir, wal.currentSegmentId())));
    }
  }

  @Test
  void oneWalPerDirectoryAndNoAppendsAfterClose() throws IOException {
    WalConfig config = WalConfig.of(dir);
    Wal wal = Wal.open(config, (id, payload) -> { });
    var busy = assertThrows(IOException.class, () -> Wal.open(config, (id, payload) -> { }));
    assertTrue(busy.getMessage().contains("in use"), busy.getMessage());
    wal.close();
    wal.close();
    var closed = assertThrows(IOException.class, () -> wal.append(record(1, 10)));
    assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
    Wal.open(config, (id, payload) -> { }).close();
  }

  @Test
  void aFailingReplayHandlerAbortsTheOpenAndReleasesTheDirectory() throws IOException {
    WalConfig config = WalConfig.of(dir);
    try (Wal wal = Wal.open(config, (id, payload) -> { })) {
      wal.append(record(1, 10));
    }
    var e = assertThrows(IllegalStateException.class,
        () -> Wal.open(config, (id, payload) -> { throw new IllegalStateException("cannot decode"); }));
    assertEquals("cannot decode", e.getMessage());
    assertEquals(List.of(text(record(1, 10))), replay(config).records, "nothing was lost or truncated");
  }
}
