package dev.ariadne.model;

import java.util.Arrays;
import java.util.Base64;

/** An immutable byte string, so byte-array attribute values compare by content. */
public final class Bytes {
  private final byte[] bytes;

  private Bytes(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Copies {@code bytes}. */
  public static Bytes copyOf(byte[] bytes) {
    return new Bytes(bytes.clone());
  }

  /** Takes ownership of {@code bytes}; the caller must not change them afterwards. */
  public static Bytes wrap(byte[] bytes) {
    return new Bytes(bytes);
  }

  public int length() {
    return bytes.length;
  }

  public byte[] toByteArray() {
    return bytes.clone();
  }

  public String base64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes b && Arrays.equals(bytes, b.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "Bytes[" + Hex.fromBytes(bytes) + "]";
  }
}
