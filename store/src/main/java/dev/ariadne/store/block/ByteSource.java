package dev.ariadne.store.block;

import java.nio.charset.StandardCharsets;

/**
 * Reads what {@link ByteSink} wrote, checking every read against the bytes that exist: a length or count
 * larger than what remains is reported as corruption before anything is allocated for it. Messages name
 * {@code where} (block, object, column).
 */
final class ByteSource {
  private final byte[] bytes;
  private final int end;
  private final String where;
  private int position;

  ByteSource(byte[] bytes, String where) {
    this(bytes, 0, bytes.length, where);
  }

  ByteSource(byte[] bytes, int offset, int length, String where) {
    this.bytes = bytes;
    this.position = offset;
    this.end = offset + length;
    this.where = where;
  }

  int remaining() {
    return end - position;
  }

  boolean hasRemaining() {
    return position < end;
  }

  String where() {
    return where;
  }

  CorruptBlockException corrupt(String what) {
    return new CorruptBlockException(where + ": " + what + " at byte " + position);
  }

  int readByte() throws CorruptBlockException {
    need(1);
    return bytes[position++] & 0xFF;
  }

  int readFixed32() throws CorruptBlockException {
    need(4);
    int v = 0;
    for (int i = 0; i < 4; i++) v |= (bytes[position++] & 0xFF) << (8 * i);
    return v;
  }

  long readFixed64() throws CorruptBlockException {
    need(8);
    long v = 0;
    for (int i = 0; i < 8; i++) v |= (bytes[position++] & 0xFFL) << (8 * i);
    return v;
  }

  long readVarint() throws CorruptBlockException {
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      need(1);
      byte b = bytes[position++];
      v |= (long) (b & 0x7F) << shift;
      if (b >= 0) return v;
    }
    throw corrupt("varint longer than ten bytes");
  }

  long readZigzag() throws CorruptBlockException {
    long v = readVarint();
    return (v >>> 1) ^ -(v & 1);
  }

  /** A varint that must lie in [0, max]. */
  int readInt(int max, String what) throws CorruptBlockException {
    long v = readVarint();
    if (v < 0 || v > max) throw corrupt(what + " " + Long.toUnsignedString(v) + " is outside [0, " + max + "]");
    return (int) v;
  }

  /**
   * A count of items that each take at least {@code minBytesEach} bytes: checked against what remains,
   * so a garbled count cannot make the caller allocate more than the data could hold.
   */
  int readCount(int minBytesEach, String what) throws CorruptBlockException {
    long v = readVarint();
    if (v < 0 || v > (long) remaining() / Math.max(1, minBytesEach)) {
      throw corrupt(what + " count " + Long.toUnsignedString(v) + " exceeds the " + remaining() + " bytes left");
    }
    return (int) v;
  }

  byte[] readBytes(int length) throws CorruptBlockException {
    need(length);
    byte[] out = new byte[length];
    System.arraycopy(bytes, position, out, 0, length);
    position += length;
    return out;
  }

  byte[] readLengthPrefixed() throws CorruptBlockException {
    return readBytes(readCount(1, "byte string length"));
  }

  String readString() throws CorruptBlockException {
    int length = readCount(1, "string length");
    need(length);
    // Checksums catch garbled bytes; a string the writer wrote is valid UTF-8, so no strict decode here.
    String s = new String(bytes, position, length, StandardCharsets.UTF_8);
    position += length;
    return s;
  }

  void skipString() throws CorruptBlockException {
    skip(readCount(1, "string length"));
  }

  void skip(int length) throws CorruptBlockException {
    need(length);
    position += length;
  }

  private void need(int n) throws CorruptBlockException {
    if (n < 0 || n > end - position) throw corrupt("needs " + n + " bytes but " + (end - position) + " remain");
  }
}
