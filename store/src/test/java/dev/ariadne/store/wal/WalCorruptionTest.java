package dev.ariadne.store.wal;

import static dev.ariadne.store.wal.WalTesting.record;
import static dev.ariadne.store.wal.WalTesting.segmentFile;
import static dev.ariadne.store.wal.WalTesting.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged bytes are found by the checksums and bounds, reported, and cost only what they must: a damaged
 * payload costs its record, a damaged length the rest of its segment; nothing intact is deleted or rewritten.
 */
class WalCorruptionTest {
  private static final int[] SIZES = {100, 200, 300, 400, 500};

  @TempDir Path dir;
  private WalConfig config;
  private List<String> segment1;
  private List<String> segment2;

  @BeforeEach
  void writeTwoSegments() throws IOException {
    config = WalConfig.of(dir);
    segment1 = new ArrayList<>();
    segment2 = new ArrayList<>();
    try (Wal wal = Wal.open(config, (id, payload) -> { })) {
      for (int i = 0; i < SIZES.length; i++) {
        wal.append(record(i, SIZES[i]));
        segment1.add(text(record(i, SIZES[i])));
      }
      wal.rollSegment();
      for (int i = 10; i < 13; i++) {
        wal.append(record(i, 50));
        segment2.add(text(record(i, 50)));
      }
    }
  }

  /** Where record {@code n} of segment 1 starts. */
  private static long frameOffset(int n) {
    long offset = WalFormat.SEGMENT_HEADER_BYTES;
    for (int i = 0; i < n; i++) offset += WalFormat.FRAME_HEADER_BYTES + SIZES[i];
    return offset;
  }

  private static void flipBit(Path file, long offset, int bit) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    bytes[(int) offset] ^= (byte) (1 << bit);
    Files.write(file, bytes);
  }

  private static List<String> without(List<String> records, int index) {
    List<String> rest = new ArrayList<>(records);
    rest.remove(index);
    return rest;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  @Test
  void aFlippedPayloadBitCostsOnlyThatRecord() throws IOException {
    Path segment = segmentFile(dir, 1);
    flipBit(segment, frameOffset(2) + WalFormat.FRAME_HEADER_BYTES + 42, 3);
    byte[] damaged = Files.readAllBytes(segment);
    for (int open = 0; open < 2; open++) {
      WalTesting.Replayed replayed = new WalTesting.Replayed();
      try (Wal wal = Wal.open(config, replayed)) {
        assertEquals(concat(without(segment1, 2), segment2), replayed.records);
        assertEquals(1, wal.stats().replayCorruptFrames());
        assertEquals(WalFormat.FRAME_HEADER_BYTES + SIZES[2], wal.stats().replayBytesSkipped());
        assertEquals(0, wal.stats().replayTornTails());
      }
      assertArrayEquals(damaged, Files.readAllBytes(segment), "left as it was for inspection");
    }
  }

  @Test
  void aFlippedLengthBitCostsTheRestOfItsSegmentOnly() throws IOException {
    for (int bit : new int[] {0, 9, 30}) {
      Path segment = segmentFile(dir, 1);
      byte[] intact = Files.readAllBytes(segment);
      // The length is the frame's first 4 bytes, big-endian; bit 0 of byte 3 makes 300 into 301.
      flipBit(segment, frameOffset(2) + 3 - bit / 8, bit % 8);
      WalTesting.Replayed replayed = new WalTesting.Replayed();
      try (Wal wal = Wal.open(config, replayed)) {
        assertEquals(concat(segment1.subList(0, 2), segment2), replayed.records, "bit " + bit);
        assertEquals(1, wal.stats().replayCorruptFrames(), "bit " + bit);
        assertEquals(intact.length - frameOffset(2), wal.stats().replayBytesSkipped(), "bit " + bit);
        assertEquals(0, wal.stats().replayBytesTruncated(), "bit " + bit);
      }
      assertEquals(intact.length, Files.size(segment), "bit " + bit);
      Files.write(segment, intact);
    }
  }

  @Test
  void aDamagedLengthInTheNewestSegmentIsNotMistakenForATornTail() throws IOException {
    Path segment = segmentFile(dir, 2);
    long size = Files.size(segment);
    flipBit(segment, WalFormat.SEGMENT_HEADER_BYTES + 3, 0); // first record of segment 2 claims 51 bytes
    WalTesting.Replayed replayed = new WalTesting.Replayed();
    try (Wal wal = Wal.open(config, replayed)) {
      assertEquals(segment1, replayed.records);
      assertEquals(1, wal.stats().replayCorruptFrames());
      assertEquals(0, wal.stats().replayBytesTruncated());
    }
    assertEquals(size, Files.size(segment), "the two intact records after it are still on disk");
  }

  @Test
  void aFlippedBitInTheLastRecordOfTheNewestSegmentIsATornTail() throws IOException {
    Path segment = segmentFile(dir, 2);
    long size = Files.size(segment);
    flipBit(segment, size - 1, 0);
    WalTesting.Replayed replayed = new WalTesting.Replayed();
    try (Wal wal = Wal.open(config, replayed)) {
      assertEquals(concat(segment1, segment2.subList(0, 2)), replayed.records);
      assertEquals(1, wal.stats().replayTornTails());
      assertEquals(WalFormat.FRAME_HEADER_BYTES + 50, wal.stats().replayBytesTruncated());
    }
    assertEquals(size - WalFormat.FRAME_HEADER_BYTES - 50, Files.size(segment));
  }

  @Test
  void aGarbageFileNamedAsASegmentIsSkippedReportedAndKept() throws IOException {
    byte[] garbage = new byte[5000];
    new Random(7).nextBytes(garbage);
    Path foreign = segmentFile(dir, 5);
    Files.write(foreign, garbage);
    Path notes = dir.resolve("notes.txt");
    Files.writeString(notes, "not a segment name: ignored");
    WalTesting.Replayed replayed = new WalTesting.Replayed();
    try (Wal wal = Wal.open(config, replayed)) {
      assertEquals(concat(segment1, segment2), replayed.records);
      assertEquals(1, wal.stats().replaySegmentsSkipped());
      assertEquals(garbage.length, wal.stats().replayBytesSkipped());
      assertEquals(6, wal.currentSegmentId(), "new segments never reuse the garbage file's id");
      assertEquals(3, wal.stats().segmentsOnDisk(), "segments 1, 2 and 6; the garbage is not the WAL's");
      wal.deleteSegmentsBefore(wal.currentSegmentId());
      assertEquals(1, wal.stats().segmentsOnDisk());
    }
    assertArrayEquals(garbage, Files.readAllBytes(foreign), "skipped, never deleted or rewritten");
    assertEquals("not a segment name: ignored", Files.readString(notes));
  }

  @Test
  void aSegmentOfAnotherFormatVersionIsSkippedAndKept() throws IOException {
    Path segment = segmentFile(dir, 2);
    byte[] bytes = Files.readAllBytes(segment);
    ByteBuffer.wrap(bytes).putInt(4, 2);
    Files.write(segment, bytes);
    WalTesting.Replayed replayed = new WalTesting.Replayed();
    try (Wal wal = Wal.open(config, replayed)) {
      assertEquals(segment1, replayed.records);
      assertEquals(1, wal.stats().replaySegmentsSkipped());
    }
    assertArrayEquals(bytes, Files.readAllBytes(segment));
  }

  @Test
  void aLengthAboveTheLimitIsNeverAllocated() throws IOException {
    // A frame whose header checksum is right but whose length is hostile: 2 GiB - 1.
    Path segment = segmentFile(dir, 2);
    byte[] bytes = Files.readAllBytes(segment);
    ByteBuffer frame = ByteBuffer.wrap(bytes, WalFormat.SEGMENT_HEADER_BYTES, 12).slice();
    frame.putInt(0, Integer.MAX_VALUE);
    byte[] header = new byte[12];
    frame.get(0, header);
    frame.putInt(8, WalFormat.headerCrc(header));
    Files.write(segment, bytes);
    WalTesting.Replayed replayed = new WalTesting.Replayed();
    try (Wal wal = Wal.open(config, replayed)) {
      assertEquals(segment1, replayed.records);
      assertEquals(1, wal.stats().replayCorruptFrames());
    }
  }
}
