package dev.ariadne.store.wal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The one segment the WAL appends to. Writes are serialised by the WAL's append lock; {@link #force} and
 * {@link #close} are serialised here, so a group-commit force never races a roll closing the channel.
 * A segment is closed only after a successful force (or on purpose without one, under
 * {@link FsyncPolicy#NEVER}); {@link #force} on a closed segment says which.
 */
final class Segment {
  private final long id;
  private final Path path;
  private final FileChannel channel;
  private final WalStats stats;
  /** Bytes in the file, header included; only the appender holding the WAL lock changes it. */
  private long size;
  private long records;
  private boolean closed;
  private boolean forcedAtClose;

  private Segment(long id, Path path, FileChannel channel, WalStats stats, long size) {
    this.id = id;
    this.path = path;
    this.channel = channel;
    this.stats = stats;
    this.size = size;
  }

  /**
   * Creates the segment file with its header. With {@code durable}, the header and the directory entry
   * are forced, so records acknowledged in this segment cannot lose their file in a power loss.
   * On failure nothing is left behind.
   */
  static Segment create(Path dir, long id, WalStats stats, boolean durable) throws IOException {
    Path path = dir.resolve(WalFormat.segmentFileName(id));
    FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    try {
      ByteBuffer header = WalFormat.segmentHeader();
      while (header.hasRemaining()) channel.write(header);
      if (durable) {
        channel.force(true);
        forceDirectory(dir);
      }
    } catch (IOException | RuntimeException e) {
      channel.close();
      Files.deleteIfExists(path);
      throw new IOException("cannot create WAL segment " + path + ": " + e.getMessage(), e);
    }
    stats.segmentAdded(WalFormat.SEGMENT_HEADER_BYTES);
    return new Segment(id, path, channel, stats, WalFormat.SEGMENT_HEADER_BYTES);
  }

  /** Makes created and deleted file names durable; a no-op where the platform cannot open a directory. */
  static void forceDirectory(Path dir) throws IOException {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (UnsupportedOperationException | AccessDeniedException notOnThisPlatform) {
      // Windows cannot open a directory as a channel; NTFS journals the name itself.
    }
  }

  long id() { return id; }
  Path path() { return path; }
  long size() { return size; }
  long records() { return records; }

  /**
   * Writes a whole frame at the end or nothing: if the write fails part-way (ENOSPC), the file is cut back
   * to where the frame began. If even that cut fails, the exception says the segment is damaged and the
   * caller must stop appending to it (replay recognises the partial frame as a torn tail).
   */
  void append(ByteBuffer frameHeader, ByteBuffer payload) throws IOException {
    long start = size;
    ByteBuffer[] frame = {frameHeader, payload};
    try {
      channel.position(start);
      while (frameHeader.hasRemaining() || payload.hasRemaining()) channel.write(frame);
    } catch (IOException e) {
      boolean cut = cutBack(start);
      throw new WalAppendException(
          "WAL append to " + path + " at offset " + start + " failed: " + e.getMessage(), e, !cut);
    }
    size = start + frameHeader.capacity() + payload.capacity();
    records++;
  }

  private boolean cutBack(long start) {
    try {
      channel.truncate(start);
      channel.position(start);
      return channel.size() == start;
    } catch (IOException e) {
      return false;
    }
  }

  /** Forces the file's data to stable storage; a segment closed after a force is already durable. */
  synchronized void force() throws IOException {
    if (closed) {
      if (forcedAtClose) return;
      throw new IOException("WAL segment " + path + " was closed before it was forced");
    }
    long start = System.nanoTime();
    try {
      channel.force(false);
    } catch (IOException e) {
      stats.fsyncFailed();
      throw new IOException("fsync of WAL segment " + path + " failed: " + e.getMessage(), e);
    }
    stats.fsynced(System.nanoTime() - start);
  }

  /** Forces when asked to, then closes; the channel is closed even if the force fails. */
  synchronized void close(boolean force) throws IOException {
    if (closed) return;
    try {
      if (force) {
        force();
        forcedAtClose = true;
      }
    } finally {
      closed = true;
      channel.close();
    }
  }
}
