package dev.ariadne.model;

import java.util.List;

/**
 * Renders nested attribute values as JSON text, the way Jaeger and Zipkin show values they have no type
 * for. Small enough that the model stays free of dependencies.
 */
final class Json {
  private Json() {}

  static String write(Object value) {
    StringBuilder sb = new StringBuilder();
    append(sb, value);
    return sb.toString();
  }

  /** A double as JSON allows: finite values as numbers, the rest as the strings OTLP JSON uses. */
  static String number(double d) {
    if (Double.isNaN(d)) return "NaN";
    if (Double.isInfinite(d)) return d > 0 ? "Infinity" : "-Infinity";
    if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
    return Double.toString(d);
  }

  private static void append(StringBuilder sb, Object value) {
    switch (AnyValue.typeOf(value)) {
      case STRING -> quote(sb, (String) value);
      case BOOL, INT -> sb.append(value);
      case DOUBLE -> {
        double d = (Double) value;
        if (Double.isFinite(d)) sb.append(number(d));
        else quote(sb, number(d));
      }
      case BYTES -> quote(sb, ((Bytes) value).base64());
      case EMPTY -> sb.append("null");
      case ARRAY -> {
        sb.append('[');
        List<?> items = (List<?>) value;
        for (int i = 0; i < items.size(); i++) {
          if (i > 0) sb.append(',');
          append(sb, items.get(i));
        }
        sb.append(']');
      }
      case KVLIST -> {
        sb.append('{');
        Attributes kv = (Attributes) value;
        for (int i = 0; i < kv.size(); i++) {
          if (i > 0) sb.append(',');
          quote(sb, kv.key(i));
          sb.append(':');
          append(sb, kv.value(i));
        }
        sb.append('}');
      }
    }
  }

  private static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
          else sb.append(c);
        }
      }
    }
    sb.append('"');
  }
}
