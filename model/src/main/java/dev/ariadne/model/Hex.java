package dev.ariadne.model;

/** Lowercase hex for ids, without the allocations of HexFormat's general path. */
public final class Hex {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private Hex() {}

  /** Sixteen hex characters, zero-padded. */
  public static String fromLong(long v) {
    char[] out = new char[16];
    for (int i = 15; i >= 0; i--) {
      out[i] = DIGITS[(int) (v & 0xf)];
      v >>>= 4;
    }
    return new String(out);
  }

  /** Reads sixteen hex characters of {@code s} starting at {@code offset}. */
  public static long toLong(CharSequence s, int offset) {
    if (s.length() < offset + 16) {
      throw new IllegalArgumentException("expected 16 hex characters at offset " + offset);
    }
    long v = 0;
    for (int i = offset; i < offset + 16; i++) {
      v = (v << 4) | digit(s.charAt(i));
    }
    return v;
  }

  public static String fromBytes(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = DIGITS[bytes[i] & 0xf];
    }
    return new String(out);
  }

  private static int digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    throw new IllegalArgumentException("not a hex character: '" + c + "'");
  }
}
