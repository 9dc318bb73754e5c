package dev.ariadne.collector.processor.attributes;

import dev.ariadne.model.AnyValue;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The value functions behind the hash and convert actions, with the Collector's rules. */
final class AttributeValues {
  private AttributeValues() {}

  /**
   * The Collector's hash: SHA-1 of a string's UTF-8 bytes, of one byte 1/0 for a boolean, of eight
   * little-endian bytes for an int or a double's bits; hex-encoded. Other types hash to "".
   */
  static String sha1Hex(Object value) {
    byte[] bytes = switch (value) {
      case String s -> s.getBytes(StandardCharsets.UTF_8);
      case Boolean b -> new byte[] {(byte) (b ? 1 : 0)};
      case Long l -> ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(l).array();
      case Double d -> ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(Double.doubleToLongBits(d)).array();
      default -> null;
    };
    if (bytes == null) return "";
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-1", e);
    }
  }

  /** The Collector's convert: a value that does not convert is left as it is (null here). */
  static Object convert(Object value, String type) {
    return switch (type) {
      case "int" -> switch (value) {
        case Long l -> l;
        case Double d -> (long) d.doubleValue();
        case Boolean b -> b ? 1L : 0L;
        case String s -> parseLong(s);
        default -> null;
      };
      case "double" -> switch (value) {
        case Double d -> d;
        case Long l -> (double) l;
        case Boolean b -> b ? 1.0 : 0.0;
        case String s -> parseDouble(s);
        default -> null;
      };
      default -> AnyValue.asString(value);
    };
  }

  private static Long parseLong(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Double parseDouble(String s) {
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
