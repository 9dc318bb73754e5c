package dev.ariadne.store.block;

import dev.ariadne.model.Span;
import dev.ariadne.model.TraceId;
import dev.ariadne.store.Trace;
import dev.ariadne.store.object.ObjectStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes one block, streaming: traces come in trace-id order through {@link #add}, are encoded into row
 * groups of about {@link #DEFAULT_ROW_GROUP_SPANS} spans, and row groups are put into data parts of about
 * {@link #PART_BYTES} bytes. {@link #finish} puts the index, the trace-id bloom filter and, last, the meta.
 * Memory is bounded by one row group, one data part and the index (the dictionary and 16 bytes per trace).
 */
public final class BlockWriter {
  public static final int DEFAULT_ROW_GROUP_SPANS = 2_000;
  static final int PART_BYTES = 16 << 20;
  /** Trace-id bloom filter at 10 bits per trace: about 1% false positives. */
  static final int TRACE_BLOOM_BITS = 10;

  private final ObjectStore store;
  private final String blockId;
  private final int level;
  private final int rowGroupSpans;
  private final StringDictionary dictionary = new StringDictionary();
  private final MetaBuilder meta = new MetaBuilder();
  private final List<RowGroupStats> rowGroups = new ArrayList<>();
  private final List<Long> partSizes = new ArrayList<>();
  private final ByteSink part = new ByteSink(1 << 20);
  private long[] traceHigh = new long[1024];
  private long[] traceLow = new long[1024];
  private int traceCount;
  private RowGroupEncoder rowGroup;
  private long bytesWritten;
  private boolean finished;

  public BlockWriter(ObjectStore store, String blockId, int level) {
    this(store, blockId, level, DEFAULT_ROW_GROUP_SPANS);
  }

  /** {@code rowGroupSpans}: cut a row group once it holds at least this many spans (whole traces). */
  public BlockWriter(ObjectStore store, String blockId, int level, int rowGroupSpans) {
    BlockKeys.prefix(blockId);
    if (level < 0) throw new IllegalArgumentException("level must not be negative, got " + level);
    if (rowGroupSpans < 1) throw new IllegalArgumentException("rowGroupSpans must be at least 1, got " + rowGroupSpans);
    this.store = store;
    this.blockId = blockId;
    this.level = level;
    this.rowGroupSpans = rowGroupSpans;
    this.rowGroup = new RowGroupEncoder(dictionary);
  }

  /**
   * Writes the traces (any order; sorted here by trace id, spans of a trace kept in the given order;
   * traces given twice are joined, empty ones left out) as block {@code blockId}, meta last.
   */
  public static BlockMeta write(ObjectStore store, String blockId, int level, List<Trace> traces) throws IOException {
    Map<TraceId, List<Span>> byId = new TreeMap<>();
    for (Trace trace : traces) byId.computeIfAbsent(trace.traceId(), id -> new ArrayList<>()).addAll(trace.spans());
    BlockWriter writer = new BlockWriter(store, blockId, level);
    for (Map.Entry<TraceId, List<Span>> e : byId.entrySet()) {
      if (!e.getValue().isEmpty()) writer.add(new Trace(e.getKey(), e.getValue()));
    }
    return writer.finish();
  }

  /**
   * Adds a whole trace; trace ids must be strictly increasing (unsigned, as {@link TraceId} orders them)
   * and every span must carry the trace's id. A trace with no spans is left out.
   */
  public void add(Trace trace) throws IOException {
    if (finished) throw new IllegalStateException("block " + blockId + " is finished");
    if (trace.isEmpty()) return;
    TraceId id = trace.traceId();
    if (traceCount > 0 && new TraceId(traceHigh[traceCount - 1], traceLow[traceCount - 1]).compareTo(id) >= 0) {
      throw new IllegalArgumentException("traces must come in increasing trace id order: " + id + " after "
          + new TraceId(traceHigh[traceCount - 1], traceLow[traceCount - 1]));
    }
    for (Span span : trace.spans()) {
      if (span.traceIdHigh() != id.high() || span.traceIdLow() != id.low()) {
        throw new IllegalArgumentException("span of trace " + span.traceId() + " given in trace " + id);
      }
    }
    if (traceCount == traceHigh.length) {
      traceHigh = Arrays.copyOf(traceHigh, traceCount * 2);
      traceLow = Arrays.copyOf(traceLow, traceCount * 2);
    }
    traceHigh[traceCount] = id.high();
    traceLow[traceCount] = id.low();
    traceCount++;
    rowGroup.add(trace);
    meta.add(trace);
    if (rowGroup.spanCount() >= rowGroupSpans) cutRowGroup();
  }

  /** Puts the rest of the data, the index, the bloom filter and then the meta; the block is complete. */
  public BlockMeta finish() throws IOException {
    if (finished) throw new IllegalStateException("block " + blockId + " is finished");
    finished = true;
    if (rowGroup.traceCount() > 0) cutRowGroup();
    if (part.size() > 0 || partSizes.isEmpty()) putPart();
    long[] sizes = partSizes.stream().mapToLong(Long::longValue).toArray();
    long[] high = Arrays.copyOf(traceHigh, traceCount);
    long[] low = Arrays.copyOf(traceLow, traceCount);
    byte[] index = BlockIndex.encode(dictionary, rowGroups, sizes, high, low);
    store.put(BlockKeys.index(blockId), index);
    BloomFilter bloom = BloomFilter.create(traceCount, TRACE_BLOOM_BITS);
    for (int i = 0; i < traceCount; i++) bloom.add(BloomFilter.hash(high[i], low[i]));
    ByteSink bloomBytes = new ByteSink(64);
    bloom.writeTo(bloomBytes);
    byte[] bloomFrame = Frames.seal(TraceBloom.MAGIC, bloomBytes.toByteArray());
    store.put(BlockKeys.bloom(blockId), bloomFrame);
    bytesWritten += index.length + bloomFrame.length;
    BlockMeta built = meta.build(blockId, level, bytesWritten, System.currentTimeMillis(), rowGroups.size());
    store.put(BlockKeys.meta(blockId), MetaCodec.encode(built));
    return built;
  }

  private void cutRowGroup() throws IOException {
    RowGroupEncoder.Encoded encoded = rowGroup.finish(traceCount - rowGroup.traceCount());
    long offset = part.size();
    for (byte[] chunk : encoded.chunks()) part.writeBytes(chunk);
    rowGroups.add(encoded.stats().at(partSizes.size(), offset));
    rowGroup = new RowGroupEncoder(dictionary);
    if (part.size() >= PART_BYTES) putPart();
  }

  private void putPart() throws IOException {
    store.put(BlockKeys.part(blockId, partSizes.size()), part.toByteArray());
    partSizes.add((long) part.size());
    bytesWritten += part.size();
    part.reset();
  }
}
