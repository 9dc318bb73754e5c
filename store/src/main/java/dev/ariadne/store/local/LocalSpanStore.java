package dev.ariadne.store.local;

import dev.ariadne.codec.otlp.DecodedSpans;
import dev.ariadne.model.Span;
import dev.ariadne.model.SpanKind;
import dev.ariadne.model.TraceId;
import dev.ariadne.store.Catalog;
import dev.ariadne.store.DependencyLink;
import dev.ariadne.store.DependencyLinker;
import dev.ariadne.store.Operation;
import dev.ariadne.store.SpanMatcher;
import dev.ariadne.store.SpanStore;
import dev.ariadne.store.TagIndex;
import dev.ariadne.store.TagScope;
import dev.ariadne.store.Trace;
import dev.ariadne.store.TraceQuery;
import dev.ariadne.store.block.BlockReader;
import dev.ariadne.store.block.Blocks;
import dev.ariadne.store.object.FileSystemObjectStore;
import dev.ariadne.store.object.ObjectStore;
import dev.ariadne.store.wal.Wal;
import dev.ariadne.store.wal.WalConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;

/**
 * The embedded durable store: every batch goes to the WAL before {@link #append} returns, then to the
 * head of live traces; idle traces are cut to immutable blocks on the object store, which a background
 * compactor merges and expires (see {@link BlockMaintenance}). Queries read the head and the blocks and
 * merge what they find, so a trace whose spans sit in several blocks and the head comes back whole and
 * without repeated spans. On open the WAL is replayed into the head and the blocks on disk are opened.
 */
public final class LocalSpanStore implements SpanStore {
  private static final System.Logger LOG = System.getLogger(LocalSpanStore.class.getName());

  private final LocalStoreConfig config;
  private final ObjectStore objects;
  private final Head head = new Head();
  private final BlockSet blocks = new BlockSet();
  private final Catalog catalog = new Catalog();
  private final LocalStoreStats stats = new LocalStoreStats();
  /**
   * Appenders share it; the flusher takes it alone to roll the WAL, so every record in an older segment
   * is in the head by then and the segment's fate follows the head's.
   */
  private final ReentrantReadWriteLock rollLock = new ReentrantReadWriteLock();
  private final Wal wal;
  private final BlockMaintenance maintenance;

  private LocalSpanStore(LocalStoreConfig config, ObjectStore objects) throws IOException {
    this.config = config;
    this.objects = objects;
    openBlocks();
    long now = System.nanoTime();
    this.wal = Wal.open(new WalConfig(config.walDir(), config.fsync(), config.fsyncInterval(), config.walSegmentBytes()),
        (segment, record) -> replay(segment, record, now));
    this.maintenance = new BlockMaintenance(config, objects, head, blocks, stats, this::cutHeadBlock);
  }

  /** Opens (creating if new) the store in {@code config.dataDir()} and starts its background work. */
  public static LocalSpanStore open(LocalStoreConfig config) throws IOException {
    LocalSpanStore store = new LocalSpanStore(config, new FileSystemObjectStore(config.dataDir()));
    store.maintenance.start();
    return store;
  }

  /** Opens every complete block, skipping (and reporting) unreadable ones; removes what a crash left half-written. */
  private void openBlocks() throws IOException {
    for (String id : Blocks.incomplete(objects)) {
      LOG.log(System.Logger.Level.INFO, "removing block " + id + ", left incomplete by an earlier run");
      Blocks.delete(objects, id);
    }
    List<BlockReader> opened = new ArrayList<>();
    for (String id : Blocks.list(objects)) {
      try {
        BlockReader block = BlockReader.open(objects, id);
        opened.add(block);
        BlockCatalog.addTo(catalog, block.meta());
      } catch (IOException e) {
        stats.blocksUnreadable.increment();
        LOG.log(System.Logger.Level.WARNING, "skipping block " + id + ": " + e.getMessage());
      }
    }
    blocks.replace(List.of(), opened);
  }

  private void replay(long segment, byte[] record, long now) {
    try {
      DecodedSpans decoded = WalRecords.decode(record);
      List<Span> spans = decoded.spans();
      // A record kept as it came may hold spans the receiver rejected then: they are rejected again here.
      if (spans.isEmpty()) return;
      head.add(spans, segment, record.length / spans.size(), now);
      catalog.addOperations(spans);
      stats.replayedSpans.add(spans.size());
    } catch (IOException e) {
      stats.replayedRecordsUnreadable.increment();
      LOG.log(System.Logger.Level.WARNING, "skipping an unreadable WAL record in segment " + segment + ": " + e.getMessage());
    }
  }

  /**
   * Durable per the fsync policy when this returns. Throws {@link UncheckedIOException} (the WAL could
   * not take the batch, e.g. the disk is full) or {@link HeadFullException} (blocks are not being cut as
   * fast as spans arrive); both mean "not stored, retry later".
   */
  @Override
  public void append(List<Span> spans) {
    append(spans, null);
  }

  /** Appends; the WAL record is {@code otlpProto} as it came when there is one, else the spans encoded. */
  @Override
  public void append(List<Span> spans, byte[] otlpProto) {
    if (spans.isEmpty()) return;
    if (head.bytes() > config.headMaxBytes()) {
      throw new HeadFullException(head.bytes(), config.headMaxBytes());
    }
    byte[] record = otlpProto != null ? otlpProto : WalRecords.encode(spans);
    rollLock.readLock().lock();
    try {
      long segment = wal.append(record);
      head.add(spans, segment, record.length / spans.size(), System.nanoTime());
    } catch (IOException e) {
      throw new UncheckedIOException("the write-ahead log did not take the batch: " + e.getMessage(), e);
    } finally {
      rollLock.readLock().unlock();
    }
    // Attribute values reach the catalog from each block's tag summary when it is cut (the block writer
    // gathers them anyway), and from the head when asked: hashing every value here cost ingest ~7%.
    catalog.addOperations(spans);
  }

  /**
   * Cuts every trace in memory to a block now, as if all were idle, and waits for it. For tests and
   * benchmarks; in service the flusher does this as traces go idle. Throws if the block could not be
   * written (the traces then stay in the head).
   */
  public void flush() {
    long now = System.nanoTime();
    head.cutTraces(Long.MAX_VALUE, Long.MAX_VALUE, 0, 0, now);
    if (head.headBlockDue(now, 0, 0, true) && !cutHeadBlock()) {
      throw new UncheckedIOException(new IOException("the head block could not be written; see the log"));
    }
  }

  /** Runs one compaction cycle now (retention, then merges until none is due) and waits for it. */
  public void compact() {
    maintenance.compactionCycle();
  }

  /** Seals the head block and writes it as a block; false if writing failed (the traces stay in the head). */
  private synchronized boolean cutHeadBlock() {
    long nextSegment;
    List<Trace> traces;
    rollLock.writeLock().lock();
    try {
      nextSegment = wal.rollSegment();
      traces = head.sealHeadBlock();
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "could not start a new WAL segment: " + e.getMessage());
      return false;
    } finally {
      rollLock.writeLock().unlock();
    }
    try {
      BlockReader block = maintenance.writeBlock(traces, 0);
      blocks.add(block);
      BlockCatalog.addTo(catalog, block.meta());
      head.flushed();
    } catch (IOException | RuntimeException e) {
      head.flushFailed(System.nanoTime());
      stats.blockWriteFailures.increment();
      LOG.log(System.Logger.Level.WARNING, "could not write a block, the traces stay in the head: " + e.getMessage());
      return false;
    }
    try {
      wal.deleteSegmentsBefore(Math.min(head.oldestSegment(), nextSegment));
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "could not delete old WAL segments: " + e.getMessage());
    }
    return true;
  }

  @Override
  public Trace trace(TraceId traceId) {
    List<Span> spans = new ArrayList<>();
    // Oldest block first, then the head: spans come back in about the order they arrived.
    for (BlockReader block : blocks.newestFirst().reversed()) {
      try {
        spans.addAll(block.trace(traceId));
      } catch (IOException e) {
        unreadable(block, e);
      }
    }
    spans.addAll(head.spans(traceId));
    return new Trace(traceId, SpanDeduplicator.distinct(spans));
  }

  /**
   * Newest first by the trace's earliest span. Sources are read newest first and the search stops once
   * {@code limit} traces are found and the next block holds nothing newer than the oldest of them. Each
   * block is asked for its newest matches; with a trace filter it is asked for more, since the filter
   * may reject some.
   */
  @Override
  public List<Trace> findTraces(TraceQuery query) {
    Matches matches = new Matches(query);
    for (TraceId id : head.find(new SpanMatcher(query))) matches.consider(id);
    TraceQuery blockQuery = query.traceFilter() == null ? query : query.withLimit(query.limit() * 4);
    List<BlockReader> newestFirst = blocks.newestFirst();
    for (int i = 0; i < newestFirst.size(); i++) {
      BlockReader block = newestFirst.get(i);
      if (matches.complete(block.meta().maxEndNanos())) {
        stats.blocksPassedOver.add(newestFirst.size() - i);
        break;
      }
      stats.blocksSearched.increment();
      try {
        for (Trace partial : block.find(blockQuery)) matches.consider(partial.traceId());
      } catch (IOException e) {
        unreadable(block, e);
      }
    }
    return matches.newestFirst();
  }

  /** A search's whole traces so far, each read and filtered once, with the start of each. */
  private final class Matches {
    private record Match(Trace trace, long start) {}

    private final TraceQuery query;
    private final Set<TraceId> considered = new HashSet<>();
    private final List<Match> accepted = new ArrayList<>();
    private long oldestStart = Long.MAX_VALUE;

    Matches(TraceQuery query) {
      this.query = query;
    }

    /** Reads the whole trace a source matched and keeps it if the trace filter passes it. */
    void consider(TraceId id) {
      if (!considered.add(id)) return;
      Trace whole = trace(id);
      if (query.traceFilter() != null && !query.traceFilter().test(whole)) return;
      long start = whole.spans().stream().mapToLong(Span::startEpochNanos).min().orElse(0);
      accepted.add(new Match(whole, start));
      oldestStart = Math.min(oldestStart, start);
    }

    /** Whether a block whose spans all end by {@code maxEndNanos} can add nothing to the answer. */
    boolean complete(long maxEndNanos) {
      return accepted.size() >= query.limit() && maxEndNanos < oldestStart;
    }

    List<Trace> newestFirst() {
      return accepted.stream()
          .sorted(Comparator.comparingLong(Match::start).reversed())
          .limit(query.limit())
          .map(Match::trace)
          .toList();
    }
  }

  @Override
  public List<String> services() {
    return catalog.services();
  }

  @Override
  public List<Operation> operations(String service, SpanKind kind) {
    return catalog.operations(service, kind);
  }

  /** The head's traces in the window, linked now, plus the links each block computed when written. */
  @Override
  public List<DependencyLink> dependencies(long endEpochMillis, long lookbackMillis) {
    long end = endEpochMillis * 1_000_000;
    long start = end - lookbackMillis * 1_000_000;
    DependencyLinker linker = new DependencyLinker();
    head.forEachTrace(trace -> {
      if (trace.spans().stream().anyMatch(s -> s.startEpochNanos() >= start && s.startEpochNanos() <= end)) {
        linker.add(trace);
      }
    });
    Map<List<String>, Long> calls = new HashMap<>();
    for (DependencyLink link : linker.links()) calls.merge(List.of(link.parent(), link.child()), link.callCount(), Long::sum);
    for (BlockReader block : blocks.newestFirst()) {
      if (block.meta().maxEndNanos() < start || block.meta().minStartNanos() > end) continue;
      for (DependencyLink link : block.meta().dependencies()) {
        calls.merge(List.of(link.parent(), link.child()), link.callCount(), Long::sum);
      }
    }
    return calls.entrySet().stream()
        .map(e -> new DependencyLink(e.getKey().get(0), e.getKey().get(1), e.getValue()))
        .sorted(Comparator.comparing(DependencyLink::parent).thenComparing(DependencyLink::child))
        .toList();
  }

  @Override
  public List<String> tagNames(TagScope scope) {
    return Stream.concat(catalog.tagNames(scope).stream(), headTags(scope).keys().stream())
        .distinct().sorted().toList();
  }

  @Override
  public List<Object> tagValues(TagScope scope, String key, int limit) {
    return Stream.concat(catalog.tagValues(scope, key, limit).stream(), headTags(scope).values(key, limit).stream())
        .distinct().sorted(TagIndex.VALUE_ORDER).limit(limit).toList();
  }

  /** The attributes of the spans in the head, which reach the catalog only when their block is cut. */
  private TagIndex headTags(TagScope scope) {
    TagIndex tags = new TagIndex();
    boolean span = scope == TagScope.SPAN;
    head.forEachTrace(trace -> Catalog.addTags(trace.spans(), span ? tags : null, span ? null : tags));
    return tags;
  }

  private void unreadable(BlockReader block, IOException e) {
    stats.blockReadFailures.increment();
    LOG.log(System.Logger.Level.WARNING, "block " + block.meta().blockId() + " could not be read: " + e.getMessage());
  }

  /** Counters and gauges for the metrics endpoint. */
  public LocalStoreStats stats() {
    return stats;
  }

  public Wal wal() {
    return wal;
  }

  public int headTraces() {
    return head.traceCount();
  }

  public long headBytes() {
    return head.bytes();
  }

  public List<BlockReader> blocks() {
    return blocks.newestFirst();
  }

  /** Row groups searches and lookups decoded, since start. */
  public long rowGroupsRead() {
    return stats.retiredRowGroupsRead.sum() + blocks.newestFirst().stream().mapToLong(b -> b.stats().rowGroupsRead()).sum();
  }

  /** Row groups searches skipped by their statistics, since start. */
  public long rowGroupsSkipped() {
    return stats.retiredRowGroupsSkipped.sum()
        + blocks.newestFirst().stream().mapToLong(b -> b.stats().rowGroupsSkipped()).sum();
  }

  public long tagsNotIndexed() {
    return catalog.tagsNotIndexed();
  }

  /** Stops the background work and closes the WAL (forcing it); the head is not cut: the WAL replays it. */
  @Override
  public void close() {
    maintenance.close();
    try {
      wal.close();
    } catch (IOException e) {
      throw new UncheckedIOException("closing the write-ahead log", e);
    }
  }
}
