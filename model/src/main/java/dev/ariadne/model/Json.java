package dev.ariadne.model;

import java.math.BigDecimal;
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

  /**
   * A double as JSON allows, written as Go's JSON encoder writes it, since that is how the OpenTelemetry
   * Collector shows attribute values as text (pcommon's AsString): the shortest digits that read back as
   * the same double, in plain decimal, with an exponent only below 1e-6 and from 1e21 (2.0 is "2",
   * 0.00015 is "0.00015", 1.5e-7 is "1.5e-7", 1e21 is "1e+21"). NaN and the infinities, which JSON has
   * no number for, are the strings OTLP JSON uses.
   */
  static String number(double d) {
    if (Double.isNaN(d)) return "NaN";
    if (Double.isInfinite(d)) return d > 0 ? "Infinity" : "-Infinity";
    if (d == 0) return 1 / d < 0 ? "-0" : "0";
    // Double.toString has the shortest digits; BigDecimal lays them out without its exponent.
    BigDecimal shortest = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    double abs = Math.abs(d);
    if (abs >= 1e-6 && abs < 1e21) return shortest.toPlainString();
    String digits = shortest.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - shortest.scale();
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return (d < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
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
