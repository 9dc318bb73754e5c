package dev.ariadne.store.wal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the WAL lives and how hard it works to keep records: the fsync policy, the interval for
 * {@link FsyncPolicy#INTERVAL}, and the size past which a segment rolls. Validated on construction.
 */
public record WalConfig(Path dir, FsyncPolicy fsync, Duration fsyncInterval, long segmentBytes) {
  public static final FsyncPolicy DEFAULT_FSYNC = FsyncPolicy.ALWAYS;
  public static final Duration DEFAULT_FSYNC_INTERVAL = Duration.ofSeconds(1);
  public static final long DEFAULT_SEGMENT_BYTES = 64L << 20;
  /** Small enough for tests; anything smaller would roll on nearly every record. */
  public static final long MIN_SEGMENT_BYTES = 1024;

  public WalConfig {
    Objects.requireNonNull(dir, "WAL dir");
    Objects.requireNonNull(fsync, "WAL fsync policy");
    Objects.requireNonNull(fsyncInterval, "WAL fsync interval");
    if (fsyncInterval.isNegative() || fsyncInterval.isZero()) {
      throw new IllegalArgumentException("WAL fsync interval must be positive, got " + fsyncInterval);
    }
    if (segmentBytes < MIN_SEGMENT_BYTES) {
      throw new IllegalArgumentException(
          "WAL segment size must be at least " + MIN_SEGMENT_BYTES + " bytes, got " + segmentBytes);
    }
  }

  /** The defaults: fsync always, a 1 s interval (unused by that policy) and 64 MiB segments. */
  public static WalConfig of(Path dir) {
    return new WalConfig(dir, DEFAULT_FSYNC, DEFAULT_FSYNC_INTERVAL, DEFAULT_SEGMENT_BYTES);
  }

  public WalConfig withFsync(FsyncPolicy policy) {
    return new WalConfig(dir, policy, fsyncInterval, segmentBytes);
  }

  public WalConfig withFsyncInterval(Duration interval) {
    return new WalConfig(dir, fsync, interval, segmentBytes);
  }

  public WalConfig withSegmentBytes(long bytes) {
    return new WalConfig(dir, fsync, fsyncInterval, bytes);
  }
}
