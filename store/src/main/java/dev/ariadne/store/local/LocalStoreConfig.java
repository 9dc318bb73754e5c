package dev.ariadne.store.local;

import dev.ariadne.store.wal.FsyncPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the embedded durable store. Where a setting means what one of Tempo's does, it carries
 * Tempo's name (in the config file) and default; see docs/STORAGE.md.
 *
 * @param dataDir where the WAL ({@code wal/}) and the blocks ({@code blocks/}) live
 * @param fsync when the WAL forces appended records to disk
 * @param fsyncInterval how often the {@code interval} policy forces
 * @param walSegmentBytes the size past which the WAL starts a new segment
 * @param traceIdlePeriod a live trace that received no span for this long is moved to the head block
 *     (Tempo's {@code trace_idle_period})
 * @param maxBlockDuration the head block is cut to a block when it is this old, and a live trace this
 *     old is moved to the head block even if still receiving spans (Tempo's {@code max_block_duration})
 * @param maxBlockBytes the head block is cut when its traces' encoded size reaches this (Tempo's
 *     {@code max_block_bytes})
 * @param headMaxBytes the encoded size of all spans in memory (live traces, head block, block being
 *     written) past which appends are refused with a retryable error; past half of it the head block is
 *     cut early, and live traces past a quarter of it move to the head block oldest first. The heap the
 *     head takes is about four times its encoded size.
 * @param headMaxTraces the same bound counted in traces
 * @param flushCheckPeriod how often idle traces and the head block are checked (Tempo's
 *     {@code flush_check_period})
 * @param blockRetention blocks whose newest span ended longer ago than this are deleted (Tempo's
 *     {@code block_retention})
 * @param compactionWindow only blocks whose spans start in the same window are merged (Tempo's
 *     {@code compaction_window})
 * @param compactionCycle how often the compactor looks for work (Tempo's {@code compaction_cycle})
 * @param maxCompactionObjects the most spans one compaction writes (Tempo's {@code
 *     max_compaction_objects}, counted here in spans, not traces): it bounds a block's size, and so what
 *     a search that has to read a whole block costs
 * @param compactedBlockRetention how long a block replaced by compaction or expired by retention stays
 *     on disk so queries already reading it finish (Tempo's {@code compacted_block_retention})
 */
public record LocalStoreConfig(
    Path dataDir,
    FsyncPolicy fsync,
    Duration fsyncInterval,
    long walSegmentBytes,
    Duration traceIdlePeriod,
    Duration maxBlockDuration,
    long maxBlockBytes,
    long headMaxBytes,
    int headMaxTraces,
    Duration flushCheckPeriod,
    Duration blockRetention,
    Duration compactionWindow,
    Duration compactionCycle,
    long maxCompactionObjects,
    Duration compactedBlockRetention) {

  public LocalStoreConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(fsync, "fsync");
    positive("fsync_interval", fsyncInterval);
    positive("trace_idle_period", traceIdlePeriod);
    positive("max_block_duration", maxBlockDuration);
    positive("flush_check_period", flushCheckPeriod);
    positive("block_retention", blockRetention);
    positive("compaction_window", compactionWindow);
    positive("compaction_cycle", compactionCycle);
    Objects.requireNonNull(compactedBlockRetention, "compacted_block_retention");
    if (walSegmentBytes < 4096) throw new IllegalArgumentException("wal segment bytes must be at least 4096");
    if (maxBlockBytes < 1) throw new IllegalArgumentException("max_block_bytes must be positive");
    if (headMaxBytes < maxBlockBytes) {
      throw new IllegalArgumentException("head max bytes must be at least max_block_bytes");
    }
    if (headMaxTraces < 1) throw new IllegalArgumentException("head max traces must be positive");
    if (maxCompactionObjects < 1) throw new IllegalArgumentException("max_compaction_objects must be positive");
  }

  /** Tempo's defaults where Tempo has the setting; bounds on memory sized for a 1 GiB process. */
  public static LocalStoreConfig defaults(Path dataDir) {
    return new LocalStoreConfig(dataDir, FsyncPolicy.ALWAYS, Duration.ofSeconds(1), 64L << 20,
        Duration.ofSeconds(10), Duration.ofMinutes(5), 32L << 20, 96L << 20, 200_000,
        Duration.ofSeconds(1), Duration.ofDays(14), Duration.ofHours(1), Duration.ofSeconds(30),
        1_000_000, Duration.ofMinutes(1));
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Changes some settings of a config, keeping the others. */
  public static final class Builder {
    private Path dataDir;
    private FsyncPolicy fsync;
    private Duration fsyncInterval;
    private long walSegmentBytes;
    private Duration traceIdlePeriod;
    private Duration maxBlockDuration;
    private long maxBlockBytes;
    private long headMaxBytes;
    private int headMaxTraces;
    private Duration flushCheckPeriod;
    private Duration blockRetention;
    private Duration compactionWindow;
    private Duration compactionCycle;
    private long maxCompactionObjects;
    private Duration compactedBlockRetention;

    private Builder(LocalStoreConfig c) {
      dataDir = c.dataDir;
      fsync = c.fsync;
      fsyncInterval = c.fsyncInterval;
      walSegmentBytes = c.walSegmentBytes;
      traceIdlePeriod = c.traceIdlePeriod;
      maxBlockDuration = c.maxBlockDuration;
      maxBlockBytes = c.maxBlockBytes;
      headMaxBytes = c.headMaxBytes;
      headMaxTraces = c.headMaxTraces;
      flushCheckPeriod = c.flushCheckPeriod;
      blockRetention = c.blockRetention;
      compactionWindow = c.compactionWindow;
      compactionCycle = c.compactionCycle;
      maxCompactionObjects = c.maxCompactionObjects;
      compactedBlockRetention = c.compactedBlockRetention;
    }

    public Builder dataDir(Path dataDir) {
      this.dataDir = dataDir;
      return this;
    }

    public Builder fsync(FsyncPolicy fsync) {
      this.fsync = fsync;
      return this;
    }

    public Builder fsyncInterval(Duration fsyncInterval) {
      this.fsyncInterval = fsyncInterval;
      return this;
    }

    public Builder walSegmentBytes(long walSegmentBytes) {
      this.walSegmentBytes = walSegmentBytes;
      return this;
    }

    public Builder traceIdlePeriod(Duration traceIdlePeriod) {
      this.traceIdlePeriod = traceIdlePeriod;
      return this;
    }

    public Builder maxBlockDuration(Duration maxBlockDuration) {
      this.maxBlockDuration = maxBlockDuration;
      return this;
    }

    public Builder maxBlockBytes(long maxBlockBytes) {
      this.maxBlockBytes = maxBlockBytes;
      return this;
    }

    public Builder headMaxBytes(long headMaxBytes) {
      this.headMaxBytes = headMaxBytes;
      return this;
    }

    public Builder headMaxTraces(int headMaxTraces) {
      this.headMaxTraces = headMaxTraces;
      return this;
    }

    public Builder flushCheckPeriod(Duration flushCheckPeriod) {
      this.flushCheckPeriod = flushCheckPeriod;
      return this;
    }

    public Builder blockRetention(Duration blockRetention) {
      this.blockRetention = blockRetention;
      return this;
    }

    public Builder compactionWindow(Duration compactionWindow) {
      this.compactionWindow = compactionWindow;
      return this;
    }

    public Builder compactionCycle(Duration compactionCycle) {
      this.compactionCycle = compactionCycle;
      return this;
    }

    public Builder maxCompactionObjects(long maxCompactionObjects) {
      this.maxCompactionObjects = maxCompactionObjects;
      return this;
    }

    public Builder compactedBlockRetention(Duration compactedBlockRetention) {
      this.compactedBlockRetention = compactedBlockRetention;
      return this;
    }

    public LocalStoreConfig build() {
      return new LocalStoreConfig(dataDir, fsync, fsyncInterval, walSegmentBytes, traceIdlePeriod, maxBlockDuration, maxBlockBytes, headMaxBytes, headMaxTraces, flushCheckPeriod, blockRetention, compactionWindow, compactionCycle, maxCompactionObjects, compactedBlockRetention);
    }
  }

  public Path walDir() {
    return dataDir.resolve("wal");
  }

  private static void positive(String name, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be positive");
  }
}
