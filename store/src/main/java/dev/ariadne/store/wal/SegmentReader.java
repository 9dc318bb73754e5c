package dev.ariadne.store.wal;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams the frames of one segment file, checking every length against the format's bound and the bytes
 * left before allocating, and every checksum. Holds one record in memory at a time.
 */
final class SegmentReader implements Closeable {
  /** What {@link #next} found at {@link #frameStart()}. */
  sealed interface Frame {}
  /** An intact record. */
  record Intact(byte[] payload) implements Frame {}
  /** A record of known extent whose payload checksum failed, with intact data after it. */
  record Corrupt(long frameBytes, String reason) implements Frame {}
  /** Damage after which no frame boundary can be trusted; the rest of the file is unusable. */
  record Damaged(boolean tornTail, String reason) implements Frame {}
  /** The clean end of the file. */
  record End() implements Frame {}

  private static final End END = new End();

  private final Path path;
  private final long size;
  private final DataInputStream in;
  /** Where the next read starts. */
  private long offset;
  /** Where the frame {@link #next} last returned begins. */
  private long frameStart;

  private SegmentReader(Path path, long size, InputStream in) {
    this.path = path;
    this.size = size;
    this.in = new DataInputStream(new BufferedInputStream(in, 1 << 16));
  }

  static SegmentReader open(Path path) throws IOException {
    long size = Files.size(path);
    return new SegmentReader(path, size, Files.newInputStream(path));
  }

  Path path() { return path; }
  long size() { return size; }

  /** Where the frame {@link #next} last returned begins. */
  long frameStart() { return frameStart; }

  /**
   * Reads the segment header. Returns null if it is a WAL segment of this version, else why not. A file
   * shorter than the header that is a prefix of it is a segment torn at creation: empty, not foreign.
   */
  String readHeader() throws IOException {
    byte[] expected = WalFormat.segmentHeader().array();
    int n = (int) Math.min(size, expected.length);
    byte[] actual = in.readNBytes(n);
    offset = n;
    for (int i = 0; i < n; i++) {
      if (actual[i] != expected[i]) {
        if (i < 4) return "not a WAL segment (bad magic)";
        if (n < expected.length) return "truncated segment header";
        return "unsupported WAL format version " + ByteBuffer.wrap(actual).getInt(4) + " (this build reads "
            + WalFormat.VERSION + ")";
      }
    }
    return null;
  }

  /** Reads the next frame; after a {@link Damaged} frame, stop reading. */
  Frame next() throws IOException {
    frameStart = offset;
    long left = size - offset;
    if (left == 0) return END;
    if (left < WalFormat.FRAME_HEADER_BYTES) {
      return new Damaged(true, "short frame header: " + left + " of " + WalFormat.FRAME_HEADER_BYTES + " bytes");
    }
    byte[] header = in.readNBytes(WalFormat.FRAME_HEADER_BYTES);
    offset += header.length;
    ByteBuffer h = ByteBuffer.wrap(header);
    int length = h.getInt(0);
    int payloadCrc = h.getInt(4);
    if (h.getInt(8) != WalFormat.headerCrc(header)) {
      if (restIsZero(header)) return new Damaged(true, "zero-filled tail");
      return new Damaged(false, "frame header checksum mismatch");
    }
    if (length < 0 || length > WalFormat.MAX_RECORD_BYTES) {
      return new Damaged(false, "record length " + Integer.toUnsignedString(length) + " above the limit of "
          + WalFormat.MAX_RECORD_BYTES);
    }
    long payloadLeft = size - offset;
    if (length > payloadLeft) {
      return new Damaged(true, "record of " + length + " bytes but only " + payloadLeft + " left in the file");
    }
    byte[] payload = in.readNBytes(length);
    offset += length;
    if (WalFormat.payloadCrc(payload) != payloadCrc) {
      String reason = "record checksum mismatch";
      if (offset == size) return new Damaged(true, reason + " in the last record");
      return new Corrupt(offset - frameStart, reason);
    }
    return new Intact(payload);
  }

  /** Whether the frame header just read and everything after it are zero bytes (a power loss's tail). */
  private boolean restIsZero(byte[] header) throws IOException {
    for (byte b : header) if (b != 0) return false;
    byte[] chunk = new byte[8192];
    int n;
    while ((n = in.read(chunk)) > 0) {
      for (int i = 0; i < n; i++) if (chunk[i] != 0) return false;
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
