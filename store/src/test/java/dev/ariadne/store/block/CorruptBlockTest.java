package dev.ariadne.store.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ariadne.model.TraceId;
import dev.ariadne.store.Trace;
import dev.ariadne.store.TraceQuery;
import dev.ariadne.store.object.FileSystemObjectStore;
import dev.ariadne.store.object.ObjectStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Truncated, garbled and hostile block objects: every read gives an IOException naming the block (never
 * another exception, an OutOfMemoryError or a hang), and a sound block next to it stays readable.
 * "Hostile" bytes carry valid checksums, so the bounds checks behind the checksum are what is tested.
 */
class CorruptBlockTest {
  private static final String BLOCK = "victim";

  @TempDir Path dir;
  private ObjectStore store;
  private List<Trace> traces;
  private List<Trace> sound;

  @BeforeEach
  void write() throws Exception {
    store = new FileSystemObjectStore(dir);
    traces = sorted(new RandomTraces(31, false).traces(120));
    sound = sorted(new RandomTraces(32, false).traces(20));
    writeBlock(BLOCK, traces);
    writeBlock("sound", sound);
  }

  @Test
  void truncatedObjectsAreReportedNamingTheBlock() throws Exception {
    for (String key : store.list("blocks/" + BLOCK + "/")) {
      byte[] pristine = store.get(key);
      for (int length : new int[] {0, 1, 4, 12, 13, pristine.length / 2, pristine.length - 1}) {
        store.put(key, Arrays.copyOf(pristine, Math.min(length, pristine.length)));
        assertEveryReadFailsCleanly(key + " truncated to " + length);
      }
      store.put(key, pristine);
    }
    assertSoundBlockReads();
  }

  @Test
  void garbledBytesAreCaughtByChecksums() throws Exception {
    SplittableRandom random = new SplittableRandom(1);
    for (String key : store.list("blocks/" + BLOCK + "/")) {
      byte[] pristine = store.get(key);
      for (int i = 0; i < 20; i++) {
        byte[] garbled = pristine.clone();
        garbled[random.nextInt(garbled.length)] ^= (byte) (1 + random.nextInt(255));
        store.put(key, garbled);
        assertEveryReadFailsCleanly(key + " garbled");
      }
      store.put(key, pristine);
    }
    assertSoundBlockReads();
  }

  @Test
  void hostileMetaIndexAndBloomWithValidChecksumsAreRejected() throws Exception {
    SplittableRandom random = new SplittableRandom(2);
    int[][] objects = {{MetaCodec.MAGIC}, {BlockIndex.MAGIC}, {TraceBloom.MAGIC}};
    String[] keys = {BlockKeys.meta(BLOCK), BlockKeys.index(BLOCK), BlockKeys.bloom(BLOCK)};
    for (int o = 0; o < keys.length; o++) {
      byte[] pristine = store.get(keys[o]);
      byte[] payload = Frames.open(objects[o][0], pristine, "test");
      for (int i = 0; i < 120; i++) {
        store.put(keys[o], Frames.seal(objects[o][0], hostile(payload, random)));
        assertOpenFailsCleanlyOrReadsWork(keys[o]);
      }
      store.put(keys[o], pristine);
    }
    assertSoundBlockReads();
  }

  @Test
  void hostileColumnChunksWithValidChecksumsAreRejected() throws Exception {
    SplittableRandom random = new SplittableRandom(3);
    byte[] partBytes = store.get(BlockKeys.part(BLOCK, 0));
    byte[] indexBytes = store.get(BlockKeys.index(BLOCK));
    int valueFrames = BlockIndex.decode(indexBytes, "test").rowGroups.get(0).attributeKeyIds().length;
    assertTrue(valueFrames > 3, "row group 0 has several attribute keys: " + valueFrames);
    for (int i = 0; i < 300; i++) {
      Column column = Column.ALL[random.nextInt(Column.ALL.length)];
      int frame = column == Column.ATTR_VALUES ? random.nextInt(valueFrames) : -1;
      replaceFrame(partBytes, indexBytes, column, frame, random);
      try (BlockReader reader = BlockReader.open(store, BLOCK)) {
        readEverything(reader);
      } catch (IOException e) {
        assertTrue(e.getMessage().contains(BLOCK), e.getMessage());
      } catch (Throwable t) {
        throw new AssertionError("hostile " + column + " chunk gave " + t, t);
      }
    }
    assertSoundBlockReads();
  }

  @Test
  void valueFramesTheIndexAttributesToTheWrongKeyAreRejected() throws Exception {
    BlockIndex index = BlockIndex.decode(store.get(BlockKeys.index(BLOCK)), "test");
    List<RowGroupStats> rowGroups = new ArrayList<>(index.rowGroups);
    RowGroupStats rg = rowGroups.get(0);
    int[] swapped = rg.attributeKeyIds().clone();
    swapped[0] = rg.attributeKeyIds()[1];
    swapped[1] = rg.attributeKeyIds()[0];
    rowGroups.set(0, new RowGroupStats(rg.firstTrace(), rg.traceCount(), rg.spanCount(), rg.minStartNanos(),
        rg.maxStartNanos(), rg.minDurationNanos(), rg.maxDurationNanos(), rg.serviceIds(), rg.nameIds(), rg.kindMask(),
        rg.part(), rg.offset(), rg.chunkLengths(), swapped, rg.valueFrameLengths()));
    store.put(BlockKeys.index(BLOCK), BlockIndex.encode(dictionaryOf(index), rowGroups, index.partSizes,
        index.traceHigh, index.traceLow));
    try (BlockReader reader = BlockReader.open(store, BLOCK)) {
      IOException e = assertThrows(IOException.class, () -> reader.forEachTrace(t -> { }));
      assertTrue(e.getMessage().contains(BLOCK) && e.getMessage().contains("row group 0 column ATTR_VALUES key ")
          && e.getMessage().contains("where the index says"), e.getMessage());
    }
  }

  @Test
  void anOlderFormatVersionIsRejectedWithAClearMessage() throws Exception {
    byte[] payload = Frames.open(BlockIndex.MAGIC, store.get(BlockKeys.index(BLOCK)), "test");
    payload[0] = 1;  // the version varint
    store.put(BlockKeys.index(BLOCK), Frames.seal(BlockIndex.MAGIC, payload));
    IOException e = assertThrows(IOException.class, () -> BlockReader.open(store, BLOCK));
    assertTrue(e.getMessage().contains(BLOCK) && e.getMessage().contains("block format version 1 is not readable")
        && e.getMessage().contains("reads versions 2 to 3"), e.getMessage());
  }

  @Test
  void deeplyNestedValuesAreRefusedNotAStackOverflow() {
    ByteSink sink = new ByteSink(1 << 16);
    sink.writeVarint(1);
    sink.writeVarint(0);
    for (int i = 0; i < 10_000; i++) {
      sink.writeByte(6);  // an array of one...
      sink.writeVarint(1);
    }
    sink.writeByte(8);
    CorruptBlockException e = assertThrows(CorruptBlockException.class,
        () -> AttributeCodec.read(new ByteSource(sink.toByteArray(), "nested"), new String[] {"k"}));
    assertTrue(e.getMessage().contains("nested deeper"), e.getMessage());
  }

  @Test
  void aBlockWithoutItsMetaIsIncompleteAndNotListed() throws Exception {
    store.delete(BlockKeys.meta(BLOCK));
    assertEquals(List.of("sound"), Blocks.list(store));
    assertEquals(List.of(BLOCK), Blocks.incomplete(store));
    IOException e = assertThrows(IOException.class, () -> BlockReader.open(store, BLOCK));
    assertTrue(e.getMessage().contains(BLOCK), e.getMessage());
    Blocks.delete(store, BLOCK);
    assertEquals(List.of(), Blocks.incomplete(store));
    assertEquals(List.of(), store.list("blocks/" + BLOCK + "/"));
    assertSoundBlockReads();
  }

  @Test
  void aMissingDataPartIsReportedOnRead() throws Exception {
    store.delete(BlockKeys.part(BLOCK, 0));
    try (BlockReader reader = BlockReader.open(store, BLOCK)) {
      IOException e = assertThrows(IOException.class, () -> reader.trace(traces.get(0).traceId()));
      assertTrue(e.getMessage().contains(BLOCK) && e.getMessage().contains("data-00000"), e.getMessage());
    }
  }

  /** Payload bytes changed at random, sometimes a run of 0xff (huge varints) or cut short. */
  private static byte[] hostile(byte[] payload, SplittableRandom random) {
    byte[] out = payload.clone();
    switch (random.nextInt(3)) {
      case 0 -> out[random.nextInt(out.length)] = (byte) random.nextInt(256);
      case 1 -> {
        int at = random.nextInt(out.length);
        for (int i = at; i < Math.min(out.length, at + 1 + random.nextInt(9)); i++) out[i] = (byte) 0xff;
      }
      default -> out = Arrays.copyOf(out, random.nextInt(out.length));
    }
    return out;
  }

  /**
   * Rewrites one frame of row group 0 as a hostile one, from the pristine part and index, and fixes the index
   * to point at it: the chunk of {@code column}, or for ATTR_VALUES the {@code frame}-th key's values frame.
   */
  private void replaceFrame(byte[] partBytes, byte[] indexBytes, Column column, int frame, SplittableRandom random)
      throws IOException {
    BlockIndex index = BlockIndex.decode(indexBytes, "test");
    RowGroupStats rg = index.rowGroups.get(0);
    boolean valueFrame = column == Column.ATTR_VALUES;
    int offset = (int) (valueFrame ? rg.offsetOfValueFrame(frame) : rg.offsetOf(column));
    int length = valueFrame ? rg.valueFrameLengths()[frame] : rg.chunkLengths()[column.ordinal()];
    byte[] payload = Frames.open(column.magic(), partBytes, offset, length, "test");
    byte[] chunk = Frames.seal(column.magic(), payload.length == 0 ? payload : hostile(payload, random));
    int delta = chunk.length - length;
    byte[] part = new byte[partBytes.length + delta];
    System.arraycopy(partBytes, 0, part, 0, offset);
    System.arraycopy(chunk, 0, part, offset, chunk.length);
    System.arraycopy(partBytes, offset + length, part, offset + chunk.length, partBytes.length - offset - length);
    List<RowGroupStats> rowGroups = new ArrayList<>();
    for (RowGroupStats r : index.rowGroups) {
      int[] lengths = r.chunkLengths().clone();
      int[] valueLengths = r.valueFrameLengths().clone();
      long shifted = r.offset();
      if (r == rg) {
        lengths[column.ordinal()] += delta;
        if (valueFrame) valueLengths[frame] = chunk.length;
      } else if (r.part() == 0 && r.offset() > rg.offset()) {
        shifted += delta;
      }
      rowGroups.add(new RowGroupStats(r.firstTrace(), r.traceCount(), r.spanCount(), r.minStartNanos(),
          r.maxStartNanos(), r.minDurationNanos(), r.maxDurationNanos(), r.serviceIds(), r.nameIds(), r.kindMask(),
          r.part(), shifted, lengths, r.attributeKeyIds(), valueLengths));
    }
    long[] sizes = index.partSizes.clone();
    sizes[0] += delta;
    store.put(BlockKeys.part(BLOCK, 0), part);
    store.put(BlockKeys.index(BLOCK), BlockIndex.encode(dictionaryOf(index), rowGroups, sizes, index.traceHigh,
        index.traceLow));
  }

  private static StringDictionary dictionaryOf(BlockIndex index) {
    StringDictionary dictionary = new StringDictionary();
    for (String s : index.dictionary) dictionary.id(s);
    return dictionary;
  }

  private void assertEveryReadFailsCleanly(String what) {
    try (BlockReader reader = BlockReader.open(store, BLOCK)) {
      readEverything(reader);
      fail(what + ": every read succeeded");
    } catch (IOException e) {
      assertTrue(e.getMessage().contains(BLOCK), what + ": " + e.getMessage());
    } catch (Throwable t) {
      throw new AssertionError(what + " gave " + t, t);
    }
  }

  /** A hostile object may still decode to something valid (say, another count); it must never crash. */
  private void assertOpenFailsCleanlyOrReadsWork(String what) {
    try (BlockReader reader = BlockReader.open(store, BLOCK)) {
      readEverything(reader);
    } catch (IOException e) {
      assertTrue(e.getMessage().contains(BLOCK), what + ": " + e.getMessage());
    } catch (Throwable t) {
      throw new AssertionError(what + " gave " + t, t);
    }
  }

  private void readEverything(BlockReader reader) throws IOException {
    for (Trace t : traces) reader.trace(t.traceId());
    reader.trace(new TraceId(1, 1));
    reader.find(TraceQuery.builder().limit(1000).build());
    reader.find(TraceQuery.builder().tag("http.method", "GET").serviceName("cart").build());
    reader.forEachTrace(t -> { });
  }

  private void assertSoundBlockReads() throws IOException {
    try (BlockReader reader = BlockReader.open(store, "sound")) {
      for (Trace t : sound) assertEquals(t.spans(), reader.trace(t.traceId()));
    }
  }

  private void writeBlock(String id, List<Trace> sortedTraces) throws IOException {
    BlockWriter writer = new BlockWriter(store, id, 0, 60);
    for (Trace t : sortedTraces) writer.add(t);
    writer.finish();
  }

  private static List<Trace> sorted(List<Trace> traces) {
    List<Trace> out = new ArrayList<>(traces);
    out.sort(Comparator.comparing(Trace::traceId));
    return out;
  }
}
