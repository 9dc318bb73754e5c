package dev.ariadne.query.traceql;

import java.util.List;

/** The span and trace fields TraceQL names without a scope, with their types and the names that reach them. */
public enum Intrinsic {
  NAME(ValueType.STRING, "name", "span:name"),
  STATUS(ValueType.STATUS, "status", "span:status"),
  STATUS_MESSAGE(ValueType.STRING, "statusMessage", "span:statusMessage"),
  KIND(ValueType.KIND, "kind", "span:kind"),
  DURATION(ValueType.DURATION, "duration", "span:duration"),
  CHILD_COUNT(ValueType.INT, "childCount", "span:childCount"),
  SPAN_ID(ValueType.STRING, "span:id"),
  PARENT_ID(ValueType.STRING, "span:parentID"),
  ROOT_NAME(ValueType.STRING, "rootName", "trace:rootName"),
  ROOT_SERVICE_NAME(ValueType.STRING, "rootServiceName", "trace:rootService"),
  TRACE_DURATION(ValueType.DURATION, "traceDuration", "trace:duration"),
  TRACE_ID(ValueType.STRING, "trace:id");

  private final ValueType type;
  private final List<String> names;

  Intrinsic(ValueType type, String... names) {
    this.type = type;
    this.names = List.of(names);
  }

  public ValueType type() {
    return type;
  }

  /** Every spelling of this intrinsic, the plain one first. */
  public List<String> names() {
    return names;
  }

  /** The intrinsic a query word names, or null. */
  public static Intrinsic byName(String word) {
    for (Intrinsic i : values()) {
      if (i.names.contains(word)) return i;
    }
    return null;
  }

  @Override
  public String toString() {
    return names.getFirst();
  }
}
