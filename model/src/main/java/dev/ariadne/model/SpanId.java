package dev.ariadne.model;

/** Span ids are plain longs in the model; zero means absent. These helpers give them a text form. */
public final class SpanId {
  private SpanId() {}

  public static String toHex(long spanId) {
    return Hex.fromLong(spanId);
  }

  /** Parses up to 16 hex characters; shorter ids are left-padded as Jaeger prints them without zeros. */
  public static long parse(String hex) {
    if (hex.isEmpty() || hex.length() > 16) {
      throw new IllegalArgumentException("span id must be 1 to 16 hex characters, got " + hex.length());
    }
    return Hex.toLong(hex.length() == 16 ? hex : "0".repeat(16 - hex.length()) + hex, 0);
  }
}
