package dev.ariadne.model;

/**
 * A 128-bit trace id as two longs. Formats as 32 lowercase hex characters; parses 32 or, as Jaeger and
 * Zipkin still send, 16 (the high half is then zero).
 */
public record TraceId(long high, long low) implements Comparable<TraceId> {

  public boolean isValid() {
    return high != 0 || low != 0;
  }

  public String toHex() {
    return Hex.fromLong(high) + Hex.fromLong(low);
  }

  /**
   * Parses 1 to 32 hex characters. Sixteen is the 64-bit form older Jaeger and Zipkin clients send;
   * shorter forms appear because Jaeger prints ids without leading zeros.
   */
  public static TraceId parse(String hex) {
    if (hex.isEmpty() || hex.length() > 32) {
      throw new IllegalArgumentException("trace id must be 1 to 32 hex characters, got " + hex.length());
    }
    String padded = hex.length() == 32 ? hex : "0".repeat(32 - hex.length()) + hex;
    return new TraceId(Hex.toLong(padded, 0), Hex.toLong(padded, 16));
  }

  @Override
  public int compareTo(TraceId o) {
    int c = Long.compareUnsigned(high, o.high);
    return c != 0 ? c : Long.compareUnsigned(low, o.low);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
