package dev.ariadne.query.traceql;

/** Where an attribute reference looks: {@code span.x}, {@code resource.x}, or {@code .x} for either. */
public enum AttributeScope {
  SPAN("span."), RESOURCE("resource."), ANY(".");

  private final String prefix;

  AttributeScope(String prefix) {
    this.prefix = prefix;
  }

  String prefix() {
    return prefix;
  }
}
