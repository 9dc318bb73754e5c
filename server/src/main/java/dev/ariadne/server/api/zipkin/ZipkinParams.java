package dev.ariadne.server.api.zipkin;

import dev.ariadne.query.BadParameterException;
import java.util.List;
import java.util.Map;

/** Reads the query parameters of the Zipkin API; bad values name the parameter. */
final class ZipkinParams {
  private final Map<String, List<String>> params;

  ZipkinParams(Map<String, List<String>> params) {
    this.params = params;
  }

  /** The first value, or null when absent or empty. */
  String optional(String name) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() || values.getFirst().isEmpty() ? null : values.getFirst();
  }

  String required(String name) throws BadParameterException {
    String value = optional(name);
    if (value == null) throw new BadParameterException(name, "is required");
    return value;
  }

  /** A whole number from 1 to {@code max}, or {@code absent} when the parameter is not given. */
  Long positiveLong(String name, Long absent, long max) throws BadParameterException {
    String text = optional(name);
    if (text == null) return absent;
    long value;
    try {
      value = Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new BadParameterException(name, "not a whole number: \"" + text + "\"");
    }
    if (value <= 0) throw new BadParameterException(name, "must be greater than 0, got " + value);
    if (value > max) throw new BadParameterException(name, "must be at most " + max + ", got " + value);
    return value;
  }
}
