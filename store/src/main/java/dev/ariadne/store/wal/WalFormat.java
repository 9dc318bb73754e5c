package dev.ariadne.store.wal;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * The on-disk layout of a segment (docs/STORAGE-WAL.md): an 8-byte header (magic "AWAL", format version)
 * then frames of {@code length u32 | payload CRC32C u32 | header CRC32C u32 | payload}, big-endian. The
 * header CRC covers the length and the payload CRC, so a damaged length is recognised as damage before it
 * is used, and a zero-filled tail never reads as a valid frame.
 */
final class WalFormat {
  static final int MAGIC = 0x4157414C; // "AWAL"
  static final int VERSION = 1;
  static final int SEGMENT_HEADER_BYTES = 8;
  static final int FRAME_HEADER_BYTES = 12;
  /** The largest payload a frame may hold; a length above it is damage, never allocated. */
  static final int MAX_RECORD_BYTES = 64 << 20;

  private static final Pattern SEGMENT_NAME = Pattern.compile("(\\d{20})\\.wal");

  private WalFormat() {}

  static String segmentFileName(long id) {
    return String.format("%020d.wal", id);
  }

  /** The segment id a file name carries, or empty if the name is not a segment's. */
  static OptionalLong segmentId(Path file) {
    Matcher m = SEGMENT_NAME.matcher(file.getFileName().toString());
    if (!m.matches()) return OptionalLong.empty();
    try {
      return OptionalLong.of(Long.parseLong(m.group(1)));
    } catch (NumberFormatException tooLarge) {
      return OptionalLong.empty();
    }
  }

  static ByteBuffer segmentHeader() {
    return ByteBuffer.allocate(SEGMENT_HEADER_BYTES).putInt(MAGIC).putInt(VERSION).flip();
  }

  /** The frame header for a payload; computing it needs no lock, so appenders do it in parallel. */
  static ByteBuffer frameHeader(byte[] payload) {
    CRC32C crc = new CRC32C();
    crc.update(payload);
    ByteBuffer header = ByteBuffer.allocate(FRAME_HEADER_BYTES).putInt(payload.length).putInt((int) crc.getValue());
    header.putInt(headerCrc(header.array()));
    return header.flip();
  }

  /** CRC32C of a frame header's first 8 bytes (length and payload CRC). */
  static int headerCrc(byte[] frameHeader) {
    CRC32C crc = new CRC32C();
    crc.update(frameHeader, 0, 8);
    return (int) crc.getValue();
  }

  static int payloadCrc(byte[] payload) {
    CRC32C crc = new CRC32C();
    crc.update(payload);
    return (int) crc.getValue();
  }

  static long frameBytes(int payloadLength) {
    return FRAME_HEADER_BYTES + (long) payloadLength;
  }
}
