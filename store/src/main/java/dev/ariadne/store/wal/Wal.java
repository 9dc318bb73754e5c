package dev.ariadne.store.wal;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An append-only log of opaque records in numbered segment files (format in docs/STORAGE-WAL.md). A record
 * whose {@link #append} returned is as durable as the {@link FsyncPolicy} promises and is handed to the
 * replay handler by every later {@link #open} until its segment is deleted; a record whose write failed
 * leaves nothing behind (see {@link #append} for a failed fsync). Damaged files are reported and skipped,
 * never fatal. Thread-safe; one WAL per directory (a lock file enforces it).
 */
public final class Wal implements AutoCloseable {
  private static final Logger LOG = System.getLogger(Wal.class.getName());
  /** The largest record {@link #append} takes. */
  public static final int MAX_RECORD_BYTES = WalFormat.MAX_RECORD_BYTES;
  static final String LOCK_FILE = "wal.lock";

  private final WalConfig config;
  private final WalStats stats;
  private final FileChannel lockChannel;
  /** Segments on disk that this WAL owns, id to size; the current one's size is updated on roll. */
  private final Map<Long, Long> segments = new ConcurrentSkipListMap<>();
  private final ReentrantLock appendLock = new ReentrantLock();
  private final GroupCommit groupCommit = new GroupCommit();
  private final IntervalSyncer syncer;

  // Guarded by appendLock.
  private Segment current;
  private long writeSeq;
  /**
   * Set when the current segment can no longer be trusted with more records: a partial frame could not be
   * cut off, or a force failed (Linux may then have dropped the dirty pages, and a later force would report
   * success over the hole). The next append starts a fresh segment.
   */
  private boolean rollBeforeNextAppend;
  private boolean closed;

  private volatile GroupCommit.WriteMark newestWrite;
  private volatile long currentId;

  private Wal(WalConfig config, WalStats stats, FileChannel lockChannel, Segment first) {
    this.config = config;
    this.stats = stats;
    this.lockChannel = lockChannel;
    this.current = first;
    this.currentId = first.id();
    this.newestWrite = new GroupCommit.WriteMark(0, first);
    this.syncer = config.fsync() == FsyncPolicy.INTERVAL
        ? IntervalSyncer.start(config.fsyncInterval(), () -> newestWrite, this::forceFailed) : null;
  }

  /** Creates dir if needed, replays every segment in order into handler, then opens a new segment for appends. */
  public static Wal open(WalConfig config, WalReplayHandler handler) throws IOException {
    Files.createDirectories(config.dir());
    FileChannel lockChannel = lockDirectory(config.dir());
    try {
      WalStats stats = new WalStats();
      Replay.Result replayed = new Replay(stats, handler).run(config.dir());
      Segment first = Segment.create(config.dir(), replayed.maxId() + 1, stats, config.fsync() != FsyncPolicy.NEVER);
      Wal wal = new Wal(config, stats, lockChannel, first);
      wal.segments.putAll(replayed.segments());
      wal.segments.put(first.id(), first.size());
      return wal;
    } catch (IOException | RuntimeException | Error e) {
      lockChannel.close();
      throw e;
    }
  }

  private static FileChannel lockDirectory(Path dir) throws IOException {
    Path lockFile = dir.resolve(LOCK_FILE);
    FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException sameProcess) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      throw new IOException("WAL directory " + dir + " is in use by another WAL (" + lockFile + " is locked)");
    }
    return channel;
  }

  /**
   * Appends one record and returns once it is as durable as the policy promises; returns the id of the
   * segment holding it. Thread-safe. If writing fails (e.g. a full disk), nothing of the record remains,
   * the IOException propagates, and later appends work again once the cause is gone. If only the fsync
   * fails (ALWAYS), the record was written but may not survive a power loss; the IOException says so and
   * the record may still replay, so the caller must treat it as not stored yet may see it again. Records
   * above {@link #MAX_RECORD_BYTES} are refused with an IllegalArgumentException.
   */
  public long append(byte[] record) throws IOException {
    if (record.length > MAX_RECORD_BYTES) {
      throw new IllegalArgumentException(
          "WAL record of " + record.length + " bytes exceeds the limit of " + MAX_RECORD_BYTES);
    }
    ByteBuffer header = WalFormat.frameHeader(record);
    long frameBytes = WalFormat.frameBytes(record.length);
    long seq;
    long segmentId;
    appendLock.lock();
    try {
      ensureOpen();
      try {
        if (needsRoll(frameBytes)) roll();
        current.append(header, ByteBuffer.wrap(record));
      } catch (IOException e) {
        stats.appendFailed();
        if (e instanceof WalAppendException w && w.segmentDamaged()) rollBeforeNextAppend = true;
        throw e;
      }
      seq = ++writeSeq;
      segmentId = current.id();
      stats.appended(frameBytes);
      newestWrite = new GroupCommit.WriteMark(seq, current);
    } finally {
      appendLock.unlock();
    }
    if (config.fsync() == FsyncPolicy.ALWAYS) {
      try {
        groupCommit.awaitDurable(seq, () -> newestWrite);
      } catch (IOException e) {
        forceFailed(segmentId);
        throw e;
      }
    }
    return segmentId;
  }

  /** Under appendLock. A frame that would take a non-empty segment past its size goes into a new one. */
  private boolean needsRoll(long frameBytes) {
    return rollBeforeNextAppend
        || (current.records() > 0 && current.size() + frameBytes > config.segmentBytes());
  }

  /** After a failed force of a segment, appends move to a new one (see {@link #rollBeforeNextAppend}). */
  private void forceFailed(long segmentId) {
    appendLock.lock();
    try {
      if (!closed && current.id() == segmentId) rollBeforeNextAppend = true;
    } finally {
      appendLock.unlock();
    }
  }

  /** Closes the current segment and starts a new one; returns the new segment's id. */
  public long rollSegment() throws IOException {
    appendLock.lock();
    try {
      ensureOpen();
      roll();
      return current.id();
    } finally {
      appendLock.unlock();
    }
  }

  /**
   * Under appendLock. The new segment is created before the old one is closed: if creating it fails (a full
   * disk), the old one stays current and untouched.
   */
  private void roll() throws IOException {
    boolean durable = config.fsync() != FsyncPolicy.NEVER;
    Segment next = Segment.create(config.dir(), current.id() + 1, stats, durable);
    Segment old = current;
    segments.put(next.id(), next.size());
    try {
      old.close(durable);
    } finally {
      // Even if the old segment's force failed, its channel is closed: appends go on in the new one, and
      // appenders waiting for the old records to be durable get the failure from GroupCommit.
      segments.put(old.id(), old.size());
      current = next;
      currentId = next.id();
      rollBeforeNextAppend = false;
    }
  }

  /** Deletes whole segments with id below {@code segmentId}, never the current one. */
  public void deleteSegmentsBefore(long segmentId) throws IOException {
    List<Long> doomed = new ArrayList<>();
    long keep = currentId;
    for (long id : segments.keySet()) {
      if (id < segmentId && id < keep) doomed.add(id);
    }
    IOException failure = null;
    for (long id : doomed) {
      Path path = config.dir().resolve(WalFormat.segmentFileName(id));
      try {
        Files.deleteIfExists(path);
        Long size = segments.remove(id);
        if (size != null) stats.segmentRemoved(size);
      } catch (IOException e) {
        if (failure == null) failure = new IOException("cannot delete WAL segment " + path + ": " + e.getMessage(), e);
        else failure.addSuppressed(e);
      }
    }
    if (!doomed.isEmpty() && config.fsync() != FsyncPolicy.NEVER) Segment.forceDirectory(config.dir());
    if (failure != null) throw failure;
  }

  public long currentSegmentId() {
    return currentId;
  }

  public WalStats stats() {
    return stats;
  }

  public WalConfig config() {
    return config;
  }

  /** Forces and closes the current segment and releases the directory; later appends throw. Idempotent. */
  @Override
  public void close() throws IOException {
    // Outside the lock: a failing background force reports back under it.
    if (syncer != null) syncer.stop();
    appendLock.lock();
    try {
      if (closed) return;
      closed = true;
      try {
        current.close(true);
      } finally {
        segments.put(current.id(), current.size());
        lockChannel.close();
      }
      LOG.log(Level.DEBUG, "WAL {0} closed: {1}", config.dir(), stats);
    } finally {
      appendLock.unlock();
    }
  }

  private void ensureOpen() throws IOException {
    if (closed) throw new IOException("WAL " + config.dir() + " is closed");
  }
}
