package dev.ariadne.store.local;

import dev.ariadne.store.Trace;
import dev.ariadne.store.block.BlockCompactor;
import dev.ariadne.store.block.BlockIds;
import dev.ariadne.store.block.BlockMeta;
import dev.ariadne.store.block.BlockReader;
import dev.ariadne.store.block.BlockWriter;
import dev.ariadne.store.block.Blocks;
import dev.ariadne.store.object.ObjectStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * The store's background work, on two threads of its own so neither waits for the other and neither
 * blocks appends or queries: the flusher moves idle traces to the head block and cuts it to a block
 * when due; the compactor expires blocks past retention, merges blocks one compaction at a time, and
 * deletes the blocks it replaced once queries that might still read them are done.
 */
final class BlockMaintenance implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(BlockMaintenance.class.getName());

  private record Retired(BlockReader block, long deleteAfterMillis) {}

  private final LocalStoreConfig config;
  private final ObjectStore objects;
  private final Head head;
  private final BlockSet blocks;
  private final LocalStoreStats stats;
  private final BooleanSupplier cutHeadBlock;
  private final CompactionPlanner planner;
  private final List<Retired> retired = new ArrayList<>();
  private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(
      Thread.ofPlatform().daemon().name("ariadne-store-flusher").factory());
  private final ScheduledExecutorService compactor = Executors.newSingleThreadScheduledExecutor(
      Thread.ofPlatform().daemon().name("ariadne-store-compactor").factory());

  BlockMaintenance(LocalStoreConfig config, ObjectStore objects, Head head, BlockSet blocks, LocalStoreStats stats,
      BooleanSupplier cutHeadBlock) {
    this.config = config;
    this.objects = objects;
    this.head = head;
    this.blocks = blocks;
    this.stats = stats;
    this.cutHeadBlock = cutHeadBlock;
    this.planner = new CompactionPlanner(config.compactionWindow().toNanos(), config.maxCompactionObjects());
  }

  void start() {
    long flush = config.flushCheckPeriod().toMillis();
    flusher.scheduleWithFixedDelay(() -> guarded("flush check", this::flushCheck), flush, flush, TimeUnit.MILLISECONDS);
    long cycle = config.compactionCycle().toMillis();
    compactor.scheduleWithFixedDelay(() -> guarded("compaction cycle", this::compactionCycle), cycle, cycle,
        TimeUnit.MILLISECONDS);
  }

  /** Writes traces as a new block and opens it. */
  BlockReader writeBlock(List<Trace> traces, int level) throws IOException {
    String id = BlockIds.next();
    BlockWriter.write(objects, id, level, traces);
    stats.blocksWritten.increment();
    return BlockReader.open(objects, id);
  }

  /** Moves idle and old traces to the head block and cuts it when it is old, big, or the head is full. */
  void flushCheck() {
    long now = System.nanoTime();
    head.cutTraces(now - config.traceIdlePeriod().toNanos(), now - config.maxBlockDuration().toNanos(),
        config.headMaxBytes() / 4, config.headMaxTraces() / 4, now);
    // Live traces, the head block and a block being written each get about a quarter of the bound, the
    // rest is for what arrives meanwhile: appends (refused past the bound) rarely see it.
    boolean full = head.bytes() > config.headMaxBytes() / 2 || head.traceCount() > config.headMaxTraces() / 2;
    if (head.headBlockDue(now, config.maxBlockDuration().toNanos(), config.maxBlockBytes(), full)) {
      cutHeadBlock.getAsBoolean();
    }
  }

  /** Expires, then compacts until there is nothing to merge or the store closes, then deletes what is due. */
  synchronized void compactionCycle() {
    expire(System.currentTimeMillis());
    boolean merged = true;
    while (merged && !compactor.isShutdown()) merged = compactOnce();
    deleteRetired(System.currentTimeMillis());
  }

  /** Blocks whose newest span ended before the retention cutoff leave the set and are deleted later. */
  void expire(long nowMillis) {
    long cutoffNanos = (nowMillis - config.blockRetention().toMillis()) * 1_000_000;
    List<BlockReader> expired = blocks.newestFirst().stream()
        .filter(b -> b.meta().maxEndNanos() < cutoffNanos)
        .toList();
    if (expired.isEmpty()) return;
    blocks.replace(expired, List.of());
    retire(expired, nowMillis);
    stats.retentionDeletions.add(expired.size());
  }

  /** Runs the planner's next compaction; false when there was none or it failed. */
  boolean compactOnce() {
    List<BlockReader> current = blocks.newestFirst();
    List<BlockMeta> plan = planner.next(current.stream().map(BlockReader::meta).toList(),
        System.currentTimeMillis() * 1_000_000);
    if (plan.isEmpty()) return false;
    Set<String> ids = plan.stream().map(BlockMeta::blockId).collect(Collectors.toSet());
    List<BlockReader> inputs = current.stream().filter(b -> ids.contains(b.meta().blockId())).toList();
    int level = plan.stream().mapToInt(BlockMeta::level).max().orElse(0) + 1;
    String id = BlockIds.next();
    try {
      BlockMeta merged = BlockCompactor.compact(objects, inputs, id, level);
      BlockReader output = BlockReader.open(objects, id);
      blocks.replace(inputs, List.of(output));
      retire(inputs, System.currentTimeMillis());
      stats.compactions.increment();
      stats.compactedSpansIn.add(plan.stream().mapToLong(BlockMeta::spanCount).sum());
      stats.compactedSpansOut.add(merged.spanCount());
      return true;
    } catch (IOException | RuntimeException e) {
      stats.compactionFailures.increment();
      LOG.log(System.Logger.Level.WARNING, "compaction into " + id + " failed, inputs kept: " + e.getMessage());
      try {
        Blocks.delete(objects, id);
      } catch (IOException cleanup) {
        LOG.log(System.Logger.Level.WARNING, "could not remove the partial block " + id + ": " + cleanup.getMessage());
      }
      return false;
    }
  }

  private synchronized void retire(List<BlockReader> gone, long nowMillis) {
    long after = nowMillis + config.compactedBlockRetention().toMillis();
    for (BlockReader block : gone) {
      retired.add(new Retired(block, after));
      stats.retiredRowGroupsRead.add(block.stats().rowGroupsRead());
      stats.retiredRowGroupsSkipped.add(block.stats().rowGroupsSkipped());
    }
  }

  /** Deletes replaced and expired blocks whose grace period for running queries is over. */
  synchronized void deleteRetired(long nowMillis) {
    var it = retired.iterator();
    while (it.hasNext()) {
      Retired r = it.next();
      if (r.deleteAfterMillis() > nowMillis) continue;
      try {
        r.block().close();
        Blocks.delete(objects, r.block().meta().blockId());
        it.remove();
      } catch (Exception e) {
        LOG.log(System.Logger.Level.WARNING, "could not delete block " + r.block().meta().blockId() + ": " + e.getMessage());
      }
    }
  }

  private void guarded(String what, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, what + " failed: " + e, e);
    }
  }

  @Override
  public void close() {
    flusher.shutdown();
    compactor.shutdown();
    try {
      flusher.awaitTermination(30, TimeUnit.SECONDS);
      compactor.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
