package dev.ariadne.server.admin;

import dev.ariadne.store.block.BlockReader;
import dev.ariadne.store.local.LocalSpanStore;
import dev.ariadne.store.local.LocalStoreStats;
import dev.ariadne.store.memory.MemorySpanStore;
import dev.ariadne.store.wal.WalStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/** Publishes a store's gauges and counters on the admin port's /metrics. */
public final class StoreMetrics {
  private StoreMetrics() {}

  public static MemorySpanStore bind(MemorySpanStore store, MeterRegistry registry) {
    Gauge.builder("ariadne.store.traces", store, MemorySpanStore::traceCount)
        .description("Traces the store holds.").register(registry);
    FunctionCounter.builder("ariadne.store.evicted.traces", store, MemorySpanStore::evictedTraces)
        .description("Whole traces evicted to stay within the store's bound.").register(registry);
    tagsNotIndexed(registry, store, MemorySpanStore::tagsNotIndexed);
    return store;
  }

  public static LocalSpanStore bind(LocalSpanStore store, MeterRegistry registry) {
    Gauge.builder("ariadne.store.head.traces", store, LocalSpanStore::headTraces)
        .description("Traces in memory not yet cut to a block.").register(registry);
    Gauge.builder("ariadne.store.head.bytes", store, LocalSpanStore::headBytes)
        .description("Encoded bytes of the spans in memory not yet cut to a block.").register(registry);
    LocalStoreStats stats = store.stats();
    counter(registry, "ariadne.store.wal.replayed.spans", stats, LocalStoreStats::replayedSpans,
        "Spans read back from the WAL at start.");
    counter(registry, "ariadne.store.wal.replayed.unreadable", stats, LocalStoreStats::replayedUnreadable,
        "WAL records that passed their checksum yet could not be decoded at start.");
    counter(registry, "ariadne.store.blocks.written", stats, LocalStoreStats::blocksWritten,
        "Blocks cut from the head.");
    counter(registry, "ariadne.store.block.write.failures", stats, LocalStoreStats::blockWriteFailures,
        "Head blocks that could not be written (the traces stayed in the head).");
    counter(registry, "ariadne.store.block.read.failures", stats, LocalStoreStats::blockReadFailures,
        "Block reads that failed during queries, and blocks skipped at start as unreadable.");
    counter(registry, "ariadne.store.compactions", stats, LocalStoreStats::compactions, "Compactions done.");
    counter(registry, "ariadne.store.compaction.failures", stats, LocalStoreStats::compactionFailures,
        "Compactions that failed (their inputs were kept).");
    counter(registry, "ariadne.store.compaction.duplicates.removed", stats,
        LocalStoreStats::compactionDuplicatesRemoved, "Repeated spans compaction dropped.");
    counter(registry, "ariadne.store.retention.deletions", stats, LocalStoreStats::retentionDeletions,
        "Blocks deleted because their spans were past block retention.");
    counter(registry, "ariadne.store.query.blocks.searched", stats, LocalStoreStats::blocksSearched,
        "Blocks searches asked for matches.");
    counter(registry, "ariadne.store.query.blocks.passed.over", stats, LocalStoreStats::blocksPassedOver,
        "Blocks searches never opened: the limit was reached with newer traces.");
    counter(registry, "ariadne.store.query.row.groups.read", store, LocalSpanStore::rowGroupsRead,
        "Row groups of blocks decoded by searches and trace lookups.");
    counter(registry, "ariadne.store.query.row.groups.skipped", store, LocalSpanStore::rowGroupsSkipped,
        "Row groups searches skipped by their statistics (time, duration, services, names, kinds, tag blooms).");
    tagsNotIndexed(registry, store, LocalSpanStore::tagsNotIndexed);
    bindBlocks(store, registry);
    bindWal(store.wal().stats(), registry);
    return store;
  }

  /** Compaction rarely goes past a few levels; the last gauge counts that level and all above it. */
  private static final int LEVELS = 6;

  private static void bindBlocks(LocalSpanStore store, MeterRegistry registry) {
    for (int level = 0; level < LEVELS; level++) {
      int l = level;
      Predicate<BlockReader> atLevel = b -> l == LEVELS - 1 ? b.meta().level() >= l : b.meta().level() == l;
      String tag = l == LEVELS - 1 ? l + "+" : String.valueOf(l);
      Gauge.builder("ariadne.store.blocks", store, s -> s.blocks().stream().filter(atLevel).count())
          .tag("level", tag).description("Blocks readable now, by compaction level.").register(registry);
      Gauge.builder("ariadne.store.block.bytes", store,
              s -> s.blocks().stream().filter(atLevel).mapToLong(b -> b.meta().sizeBytes()).sum())
          .tag("level", tag).description("Bytes of the blocks readable now, by compaction level.").register(registry);
    }
    Gauge.builder("ariadne.store.block.spans", store,
            s -> s.blocks().stream().mapToLong(b -> b.meta().spanCount()).sum())
        .description("Spans in the blocks readable now (copies of a span count until compaction removes them).")
        .register(registry);
  }

  private static void bindWal(WalStats wal, MeterRegistry registry) {
    counter(registry, "ariadne.wal.records", wal, WalStats::recordsAppended, "Records (batches) appended to the WAL.");
    counter(registry, "ariadne.wal.bytes", wal, WalStats::bytesAppended, "Bytes appended to the WAL.");
    counter(registry, "ariadne.wal.fsyncs", wal, WalStats::fsyncs, "Times the WAL forced its segment to disk.");
    counter(registry, "ariadne.wal.fsync.failures", wal, WalStats::fsyncFailures,
        "WAL forces that failed; the batches waiting on them were refused.");
    counter(registry, "ariadne.wal.append.failures", wal, WalStats::appendFailures,
        "WAL appends that failed (e.g. disk full); nothing of them stayed in the WAL.");
    counter(registry, "ariadne.wal.fsync.seconds", wal, w -> w.fsyncNanosTotal() / 1e9,
        "Time spent forcing the WAL to disk; divide by ariadne_wal_fsyncs_total for the mean.");
    Gauge.builder("ariadne.wal.fsync.max.seconds", wal, w -> w.fsyncNanosMax() / 1e9)
        .description("The longest single WAL fsync since start.").register(registry);
    Gauge.builder("ariadne.wal.segments", wal, WalStats::segmentsOnDisk)
        .description("WAL segment files on disk.").register(registry);
    Gauge.builder("ariadne.wal.segment.bytes", wal, WalStats::segmentBytesOnDisk)
        .description("Bytes of the WAL segment files on disk.").register(registry);
    counter(registry, "ariadne.wal.replay.torn.tails", wal, WalStats::replayTornTails,
        "Segments found at start to end in a partly written record, which was truncated.");
    counter(registry, "ariadne.wal.replay.corrupt.records", wal, WalStats::replayCorruptFrames,
        "Records found at start with a bad checksum or length; the rest of their segment was skipped.");
    counter(registry, "ariadne.wal.replay.segments.skipped", wal, WalStats::replaySegmentsSkipped,
        "WAL files skipped at start because their header was not a WAL segment's; left on disk.");
    counter(registry, "ariadne.wal.replay.bytes.dropped", wal, w -> w.replayBytesTruncated() + w.replayBytesSkipped(),
        "Bytes of damaged WAL truncated or skipped at start.");
  }

  private static <T> void counter(MeterRegistry registry, String name, T source, ToDoubleFunction<T> value,
      String description) {
    FunctionCounter.builder(name, source, value).description(description).register(registry);
  }

  private static <T> void tagsNotIndexed(MeterRegistry registry, T store, ToDoubleFunction<T> value) {
    counter(registry, "ariadne.store.tags.not.indexed", store, value,
        "Attribute keys and values left out of the tag index because it reached a bound.");
  }
}
