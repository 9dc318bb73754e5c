package dev.ariadne.store.block;

import dev.ariadne.model.Span;
import dev.ariadne.model.TraceId;
import dev.ariadne.store.Trace;
import dev.ariadne.store.TraceQuery;
import dev.ariadne.store.object.ObjectStore;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * Reads one complete block. Opening reads the meta, the index and the trace-id bloom filter; everything
 * else is fetched per query with ranged gets of the row groups and columns it needs. Immutable after
 * opening and safe for concurrent queries. Any corruption found (checksums, bounds, cross-checks between
 * meta, index and data) surfaces as a {@link CorruptBlockException} naming the block and object; nothing
 * read from the block is allocated before it is checked against the bytes that exist.
 */
public final class BlockReader implements AutoCloseable {
  private final ObjectStore store;
  private final String blockId;
  private final BlockMeta meta;
  private final BlockIndex index;
  private final TraceBloom bloom;
  private final ReadStats stats;

  private BlockReader(ObjectStore store, String blockId, BlockMeta meta, BlockIndex index, TraceBloom bloom,
      ReadStats stats) {
    this.store = store;
    this.blockId = blockId;
    this.meta = meta;
    this.index = index;
    this.bloom = bloom;
    this.stats = stats;
  }

  /** Opens a complete block; an IOException naming the block if it is incomplete or corrupt. */
  public static BlockReader open(ObjectStore store, String blockId) throws IOException {
    ReadStats stats = new ReadStats();
    byte[] metaBytes;
    try {
      metaBytes = store.get(BlockKeys.meta(blockId));
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(BlockKeys.meta(blockId), null, "block " + blockId + " has no meta: incomplete or deleted");
    }
    try {
      BlockMeta meta = MetaCodec.decode(metaBytes, where(blockId, "meta"));
      byte[] indexBytes = store.get(BlockKeys.index(blockId));
      BlockIndex index = BlockIndex.decode(indexBytes, where(blockId, "index"));
      byte[] bloomBytes = store.get(BlockKeys.bloom(blockId));
      TraceBloom bloom = TraceBloom.decode(bloomBytes, where(blockId, "bloom"));
      stats.read(metaBytes.length + indexBytes.length + bloomBytes.length);
      long spans = index.rowGroups.stream().mapToLong(RowGroupStats::spanCount).sum();
      if (!meta.blockId().equals(blockId) || meta.traceCount() != index.traceHigh.length || meta.spanCount() != spans) {
        throw new CorruptBlockException(where(blockId, "meta") + ": says block " + meta.blockId() + " with "
            + meta.traceCount() + " traces and " + meta.spanCount() + " spans; the index has "
            + index.traceHigh.length + " and " + spans);
      }
      return new BlockReader(store, blockId, meta, index, bloom, stats);
    } catch (NoSuchFileException e) {
      throw new CorruptBlockException("block " + blockId + " has a meta but lacks object " + e.getFile(), e);
    } catch (RuntimeException e) {
      throw new CorruptBlockException("block " + blockId + " cannot be read: " + e, e);
    }
  }

  public String blockId() {
    return blockId;
  }

  public BlockMeta meta() {
    return meta;
  }

  public ReadStats stats() {
    return stats;
  }

  /** This block's spans of the trace, empty if none: bloom filter, index, then one row group's columns. */
  public List<Span> trace(TraceId traceId) throws IOException {
    if (!bloom.mightContain(traceId.high(), traceId.low())) return List.of();
    int ordinal = index.find(traceId.high(), traceId.low());
    if (ordinal < 0) return List.of();
    return traceSpans(index.rowGroupOf(ordinal), ordinal);
  }

  /** The spans of trace {@code ordinal}, which row group {@code rowGroup} holds, built alone. */
  private List<Span> traceSpans(int rowGroup, int ordinal) throws IOException {
    RowGroupStats rg = index.rowGroups.get(rowGroup);
    byte[] bytes = fetch(rowGroup, Column.RESOURCES, Column.ATTR_VALUES);
    try {
      RowGroupCore core = decodeCore(rowGroup, bytes);
      int trace = ordinal - rg.firstTrace();
      if (trace >= core.traceCount) {
        throw new IllegalStateException("trace " + trace + " past the row group's " + core.traceCount);
      }
      Span[] spans = RowGroupDecoder.decodeRange(core, chunk(rowGroup, bytes, Column.IDS),
          chunk(rowGroup, bytes, Column.EXTRA), chunk(rowGroup, bytes, Column.ATTR_KEYS), valueFrames(rowGroup, bytes, core),
          index.traceHigh, index.traceLow, rg.firstTrace(), index.dictionary, core.traceFirstSpan[trace],
          core.traceFirstSpan[trace + 1]);
      return List.of(spans);
    } catch (RuntimeException e) {
      throw new CorruptBlockException(where(blockId, partKey(rg)) + " row group " + rowGroup + ": " + e, e);
    }
  }

  /**
   * Traces of this block with at least one span meeting every span condition of the query (exactly
   * {@link dev.ariadne.store.SpanMatcher}'s semantics), each with all its spans in this block, newest
   * first by the trace's earliest span start, at most {@code query.limit()}. {@code traceFilter} is not
   * applied here. See {@link BlockSearch} for what is read and skipped.
   */
  public List<Trace> find(TraceQuery query) throws IOException {
    try {
      return new BlockSearch(this, query).run();
    } catch (RuntimeException e) {
      throw new CorruptBlockException("block " + blockId + " cannot be searched: " + e, e);
    }
  }

  /** Every trace in trace-id order, decoded one row group at a time. */
  public void forEachTrace(Consumer<Trace> action) throws IOException {
    TraceCursor cursor = traces();
    while (cursor.hasNext()) action.accept(cursor.next());
  }

  /** A cursor over every trace in trace-id order, holding one decoded row group at a time. */
  public TraceCursor traces() {
    return new TraceCursor();
  }

  @Override
  public void close() {
    // Nothing held open: every read is a get on the object store.
  }

  /** Pulls traces one by one, for a k-way merge; {@link #next} reads the next row group when needed. */
  public final class TraceCursor {
    private int nextRowGroup;
    private RowGroup current;
    private int nextTrace;

    public boolean hasNext() {
      return current != null && nextTrace < current.traceCount() || nextRowGroup < index.rowGroups.size();
    }

    public Trace next() throws IOException {
      if (!hasNext()) throw new NoSuchElementException();
      if (current == null || nextTrace >= current.traceCount()) {
        current = rowGroup(nextRowGroup++);
        nextTrace = 0;
      }
      return current.trace(nextTrace++);
    }
  }

  /** Whether the trace-id bloom filter lets {@code traceId} through (tests observe false positives). */
  boolean bloomMightContain(TraceId traceId) {
    return bloom.mightContain(traceId.high(), traceId.low());
  }

  // ---- row group access, shared with BlockSearch ----

  BlockIndex index() {
    return index;
  }

  /** All of a row group but its tag bloom filter, decoded to spans. */
  RowGroup rowGroup(int rowGroup) throws IOException {
    RowGroupStats rg = index.rowGroups.get(rowGroup);
    byte[] bytes = fetch(rowGroup, Column.RESOURCES, Column.ATTR_VALUES);
    try {
      RowGroupCore core = decodeCore(rowGroup, bytes);
      Span[] spans = RowGroupDecoder.decode(core, chunk(rowGroup, bytes, Column.IDS),
          chunk(rowGroup, bytes, Column.EXTRA), chunk(rowGroup, bytes, Column.ATTR_KEYS),
          valueFrames(rowGroup, bytes, core), index.traceHigh, index.traceLow, rg.firstTrace(), index.dictionary);
      return new RowGroup(rg, core, spans);
    } catch (RuntimeException e) {
      throw new CorruptBlockException(where(blockId, partKey(rg)) + " row group " + rowGroup + ": " + e, e);
    }
  }

  /** Every ATTR_VALUES frame of the row group, its span list read. */
  private KeyValues[] valueFrames(int rowGroup, byte[] bytes, RowGroupCore core) throws CorruptBlockException {
    RowGroupStats rg = index.rowGroups.get(rowGroup);
    KeyValues[] values = new KeyValues[rg.attributeKeyIds().length];
    long start = rg.offsetOf(Column.RESOURCES);
    for (int k = 0; k < values.length; k++) {
      values[k] = valueFrame(rowGroup, bytes, (int) (rg.offsetOfValueFrame(k) - start), k).readSpans(core.spanCount);
    }
    return values;
  }

  /** The RESOURCES and CORE columns of a row group. */
  RowGroupCore core(int rowGroup) throws IOException {
    return decodeCore(rowGroup, fetch(rowGroup, Column.RESOURCES, Column.CORE));
  }

  /** The row group's TAGS column. */
  RowGroupTags tags(int rowGroup) throws IOException {
    byte[] bytes = fetch(rowGroup, Column.TAGS, Column.TAGS);
    return RowGroupTags.read(chunk(rowGroup, bytes, Column.TAGS, Column.TAGS), index.dictionary.length);
  }

  /**
   * The RESOURCES and CORE columns of a row group and the ATTR_VALUES frames of {@code keyIds} (null for a
   * key no span of the row group has; spans not read yet): one ranged get for the core, one per frame.
   */
  CoreAndAttributes coreAndAttributes(int rowGroup, int[] keyIds) throws IOException {
    RowGroupStats rg = index.rowGroups.get(rowGroup);
    RowGroupCore core = core(rowGroup);
    KeyValues[] values = new KeyValues[keyIds.length];
    for (int k = 0; k < keyIds.length; k++) {
      int frame = rg.valueFrameOf(keyIds[k]);
      if (frame < 0) continue;
      byte[] bytes = fetch(rowGroup, rg.offsetOfValueFrame(frame), rg.valueFrameLengths()[frame]);
      values[k] = valueFrame(rowGroup, bytes, 0, frame);
    }
    return new CoreAndAttributes(core, values);
  }

  record CoreAndAttributes(RowGroupCore core, KeyValues[] values) {}

  /** The {@code frame}-th ATTR_VALUES frame of a row group, at {@code offset} in {@code fetched}, opened. */
  private KeyValues valueFrame(int rowGroup, byte[] fetched, int offset, int frame) throws CorruptBlockException {
    RowGroupStats rg = index.rowGroups.get(rowGroup);
    int keyId = rg.attributeKeyIds()[frame];
    String where = where(blockId, partKey(rg)) + " row group " + rowGroup + " column " + Column.ATTR_VALUES
        + " key " + index.dictionary[keyId];
    byte[] decoded = Frames.open(Column.ATTR_VALUES.magic(), fetched, offset, rg.valueFrameLengths()[frame], where);
    return KeyValues.read(new ByteSource(decoded, where), keyId, index.dictionary);
  }

  private RowGroupCore decodeCore(int rowGroup, byte[] bytes) throws CorruptBlockException {
    return RowGroupCore.decode(chunk(rowGroup, bytes, Column.RESOURCES), chunk(rowGroup, bytes, Column.CORE),
        index.dictionary, index.rowGroups.get(rowGroup));
  }

  /** The stored bytes of columns {@code first} to {@code last} of a row group, in one ranged get. */
  private byte[] fetch(int rowGroup, Column first, Column last) throws IOException {
    RowGroupStats rg = index.rowGroups.get(rowGroup);
    return fetch(rowGroup, rg.offsetOf(first), rg.lengthOf(first, last));
  }

  private byte[] fetch(int rowGroup, long offset, int length) throws IOException {
    String key = partKey(index.rowGroups.get(rowGroup));
    byte[] bytes;
    try {
      bytes = store.getRange(key, offset, length);
    } catch (NoSuchFileException e) {
      throw new CorruptBlockException(where(blockId, key) + ": the data part is missing", e);
    } catch (IOException e) {
      throw new CorruptBlockException(where(blockId, key) + " row group " + rowGroup + ": " + e.getMessage(), e);
    }
    stats.read(bytes.length);
    return bytes;
  }

  private ByteSource chunk(int rowGroup, byte[] fetched, Column column) throws CorruptBlockException {
    return chunk(rowGroup, fetched, Column.RESOURCES, column);
  }

  /** The decoded chunk of {@code column} inside {@code fetched}, which starts at column {@code first}. */
  private ByteSource chunk(int rowGroup, byte[] fetched, Column first, Column column) throws CorruptBlockException {
    RowGroupStats rg = index.rowGroups.get(rowGroup);
    int offset = (int) (rg.offsetOf(column) - rg.offsetOf(first));
    int length = rg.chunkLengths()[column.ordinal()];
    String where = where(blockId, partKey(rg)) + " row group " + rowGroup + " column " + column;
    return new ByteSource(Frames.open(column.magic(), fetched, offset, length, where), where);
  }

  private String partKey(RowGroupStats rg) {
    return BlockKeys.part(blockId, rg.part());
  }

  private static String where(String blockId, String object) {
    return "block " + blockId + " object " + (object.startsWith(BlockKeys.ROOT) ? object : BlockKeys.prefix(blockId) + object);
  }

  /** A decoded row group: its core columns and its spans. */
  final class RowGroup {
    final RowGroupStats stats;
    final RowGroupCore core;
    final Span[] spans;

    RowGroup(RowGroupStats stats, RowGroupCore core, Span[] spans) {
      this.stats = stats;
      this.core = core;
      this.spans = spans;
    }

    int traceCount() {
      return core.traceCount;
    }

    List<Span> traceSpans(int trace) {
      return List.of(Arrays.copyOfRange(spans, core.traceFirstSpan[trace], core.traceFirstSpan[trace + 1]));
    }

    Trace trace(int trace) {
      int ordinal = stats.firstTrace() + trace;
      return new Trace(new TraceId(index.traceHigh[ordinal], index.traceLow[ordinal]), traceSpans(trace));
    }
  }
}
