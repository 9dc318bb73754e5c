package dev.ariadne.store.wal;

import static dev.ariadne.store.wal.WalTesting.record;
import static dev.ariadne.store.wal.WalTesting.segmentFile;
import static dev.ariadne.store.wal.WalTesting.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash mid-write leaves the newest segment's last record partial: replay yields exactly the whole records
 * before it, cuts the partial one off, and appends after a reopen replay after them.
 */
class WalTornTailTest {
  private static final int RECORDS = 5;
  private static final int LAST_RECORD_BYTES = 60;

  @TempDir Path tmp;
  private Path original;
  private List<String> whole;
  private long lastStart;
  private long end;

  @BeforeEach
  void writeOneSegment() throws IOException {
    original = tmp.resolve("original");
    whole = new ArrayList<>();
    try (Wal wal = Wal.open(WalConfig.of(original), (id, payload) -> { })) {
      for (int i = 0; i < RECORDS; i++) {
        byte[] r = record(i, i == RECORDS - 1 ? LAST_RECORD_BYTES : 100 + i);
        wal.append(r);
        if (i < RECORDS - 1) whole.add(text(r));
      }
    }
    end = Files.size(segmentFile(original, 1));
    lastStart = end - WalFormat.FRAME_HEADER_BYTES - LAST_RECORD_BYTES;
  }

  private Path copyCutAt(String name, long length) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name));
    Path segment = segmentFile(dir, 1);
    Files.copy(segmentFile(original, 1), segment);
    try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
      ch.truncate(length);
    }
    return dir;
  }

  @Test
  void everyCutInsideTheLastRecordLosesOnlyThatRecord() throws IOException {
    for (long cut = lastStart; cut < end; cut++) {
      Path dir = copyCutAt("cut-" + cut, cut);
      WalConfig config = WalConfig.of(dir);
      WalTesting.Replayed replayed = new WalTesting.Replayed();
      try (Wal wal = Wal.open(config, replayed)) {
        assertEquals(whole, replayed.records, "cut at " + cut);
        assertEquals(cut > lastStart ? 1 : 0, wal.stats().replayTornTails(), "cut at " + cut);
        assertEquals(cut - lastStart, wal.stats().replayBytesTruncated(), "cut at " + cut);
        assertEquals(lastStart, Files.size(segmentFile(dir, 1)), "truncated to the last whole record");
        assertEquals(2, wal.append(record(100, 30)));
      }
      WalTesting.Replayed again = new WalTesting.Replayed();
      try (Wal wal = Wal.open(config, again)) {
        List<String> expected = new ArrayList<>(whole);
        expected.add(text(record(100, 30)));
        assertEquals(expected, again.records, "cut at " + cut);
        assertEquals(0, wal.stats().replayTornTails(), "the second replay is clean");
      }
    }
  }

  @Test
  void aSegmentCutInsideItsHeaderIsAnEmptySegment() throws IOException {
    for (long cut = 0; cut < WalFormat.SEGMENT_HEADER_BYTES; cut++) {
      WalConfig config = WalConfig.of(copyCutAt("header-" + cut, cut));
      WalTesting.Replayed replayed = new WalTesting.Replayed();
      try (Wal wal = Wal.open(config, replayed)) {
        assertEquals(List.of(), replayed.records);
        assertEquals(0, wal.stats().replaySegmentsSkipped());
        assertEquals(2, wal.currentSegmentId());
      }
    }
  }

  @Test
  void aZeroFilledTailIsTornAndCutOff() throws IOException {
    Path dir = copyCutAt("zeros", end);
    Files.write(segmentFile(dir, 1), new byte[5000], StandardOpenOption.APPEND);
    try (Wal wal = Wal.open(WalConfig.of(dir), (id, payload) -> { })) {
      assertEquals(RECORDS, wal.stats().replayRecords());
      assertEquals(1, wal.stats().replayTornTails());
      assertEquals(0, wal.stats().replayCorruptFrames());
      assertEquals(5000, wal.stats().replayBytesTruncated());
      assertEquals(end, Files.size(segmentFile(dir, 1)));
    }
  }

  @Test
  void aTornTailInAnOlderSegmentIsSkippedAndLeftOnDisk() throws IOException {
    Path dir = tmp.resolve("older");
    try (Wal wal = Wal.open(WalConfig.of(dir), (id, payload) -> { })) {
      for (int i = 0; i < RECORDS; i++) wal.append(record(i, i == RECORDS - 1 ? LAST_RECORD_BYTES : 100 + i));
      wal.rollSegment();
      wal.append(record(200, 40));
    }
    try (FileChannel ch = FileChannel.open(segmentFile(dir, 1), StandardOpenOption.WRITE)) {
      ch.truncate(end - 10);
    }
    byte[] torn = Files.readAllBytes(segmentFile(dir, 1));
    WalTesting.Replayed replayed = new WalTesting.Replayed();
    try (Wal wal = Wal.open(WalConfig.of(dir), replayed)) {
      List<String> expected = new ArrayList<>(whole);
      expected.add(text(record(200, 40)));
      assertEquals(expected, replayed.records);
      assertEquals(List.of(1L, 1L, 1L, 1L, 2L), replayed.segmentIds);
      assertEquals(1, wal.stats().replayTornTails());
      assertEquals(end - 10 - lastStart, wal.stats().replayBytesSkipped());
      assertEquals(0, wal.stats().replayBytesTruncated());
      assertArrayEquals(torn, Files.readAllBytes(segmentFile(dir, 1)), "an older segment is not rewritten");
    }
  }
}
