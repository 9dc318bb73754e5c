package dev.ariadne.server.fidelity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Values as text, for the formats that have no type for them, by the OpenTelemetry Collector's rules
 * (pcommon's AsString): strings as they are, booleans and integers in their usual form, doubles in Go's
 * shortest decimal form, as its JSON encoder writes numbers (2.0 is "2", 0.00015 is "0.00015"; an
 * exponent only below 1e-6 and from 1e21), arrays as JSON. Event and link attributes travel in Zipkin as one JSON object, written here
 * with sorted keys as Go's encoder writes maps.
 */
final class ValueText {
  static final ObjectMapper JSON = new ObjectMapper();

  private ValueText() {}

  static String of(Object value) {
    return switch (value) {
      case String s -> s;
      case Boolean b -> b.toString();
      case Long l -> l.toString();
      case Double d -> plain(d);
      case List<?> list -> write(list);
      default -> throw new IllegalArgumentException("not a ShopTrace value: " + value);
    };
  }

  /** Go's form of a double in [1e-6, 1e21), the range ShopTrace's values are in: shortest digits, no exponent. */
  private static String plain(double d) {
    double abs = Math.abs(d);
    if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
      throw new IllegalArgumentException("Go writes " + d + " with an exponent; ShopTrace has no such value");
    }
    return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
  }

  /** A JSON object of typed values, keys sorted. */
  static String json(Map<String, Object> attributes) {
    return write(new TreeMap<>(attributes));
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
