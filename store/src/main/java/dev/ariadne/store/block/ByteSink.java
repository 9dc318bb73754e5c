package dev.ariadne.store.block;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer with the primitive encodings of the block format (little-endian, LEB128 varints). */
final class ByteSink {
  private byte[] bytes;
  private int size;

  ByteSink(int initialCapacity) {
    bytes = new byte[Math.max(16, initialCapacity)];
  }

  int size() {
    return size;
  }

  void reset() {
    size = 0;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  void writeByte(int b) {
    ensure(1);
    bytes[size++] = (byte) b;
  }

  void writeBytes(byte[] b) {
    writeBytes(b, 0, b.length);
  }

  void writeBytes(ByteSink other) {
    writeBytes(other.bytes, 0, other.size);
  }

  void writeBytes(byte[] b, int offset, int length) {
    ensure(length);
    System.arraycopy(b, offset, bytes, size, length);
    size += length;
  }

  void writeFixed32(int v) {
    ensure(4);
    for (int i = 0; i < 4; i++) bytes[size++] = (byte) (v >>> (8 * i));
  }

  void writeFixed64(long v) {
    ensure(8);
    for (int i = 0; i < 8; i++) bytes[size++] = (byte) (v >>> (8 * i));
  }

  /** An unsigned varint; negative values take ten bytes, so counts and ids use it, signed data zigzag. */
  void writeVarint(long v) {
    ensure(10);
    while ((v & ~0x7FL) != 0) {
      bytes[size++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    bytes[size++] = (byte) v;
  }

  void writeZigzag(long v) {
    writeVarint((v << 1) ^ (v >> 63));
  }

  /** A length-prefixed UTF-8 string. */
  void writeString(String s) {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    writeVarint(utf8.length);
    writeBytes(utf8);
  }

  /** A length-prefixed byte string. */
  void writeLengthPrefixed(byte[] b) {
    writeVarint(b.length);
    writeBytes(b);
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      long grown = Math.max((long) bytes.length * 2, (long) size + more);
      if (grown > Integer.MAX_VALUE - 8) throw new IllegalStateException("block part over 2 GiB");
      bytes = Arrays.copyOf(bytes, (int) grown);
    }
  }
}
