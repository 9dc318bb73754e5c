package dev.ariadne.collector.config;

import java.util.regex.Pattern;

/**
 * A component instance's id as the Collector writes it: {@code type} or {@code type/name}
 * ({@code otlp}, {@code otlp/2}, {@code batch/traces}).
 */
public record ComponentId(String type, String name) {
  private static final Pattern TYPE = Pattern.compile("[a-zA-Z][0-9a-zA-Z_]{0,62}");

  /** @throws IllegalArgumentException when the type or name is malformed */
  public static ComponentId parse(String id) {
    int slash = id.indexOf('/');
    String type = slash < 0 ? id : id.substring(0, slash);
    String name = slash < 0 ? "" : id.substring(slash + 1);
    if (!TYPE.matcher(type).matches()) {
      throw new IllegalArgumentException("\"" + id + "\": a type starts with a letter and holds letters, digits and _");
    }
    if (slash >= 0 && (name.isBlank() || name.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)))) {
      throw new IllegalArgumentException("\"" + id + "\": the name after / must be non-empty, without spaces");
    }
    return new ComponentId(type, name);
  }

  @Override
  public String toString() {
    return name.isEmpty() ? type : type + "/" + name;
  }
}
