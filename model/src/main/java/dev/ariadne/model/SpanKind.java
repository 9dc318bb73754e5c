package dev.ariadne.model;

/** OTLP's span kinds, in OTLP's numbering (the ordinal is the wire value). */
public enum SpanKind {
  UNSPECIFIED,
  INTERNAL,
  SERVER,
  CLIENT,
  PRODUCER,
  CONSUMER;

  private static final SpanKind[] VALUES = values();

  /** The kind for an OTLP wire value; values this version does not know read as UNSPECIFIED. */
  public static SpanKind fromWire(int value) {
    return value >= 0 && value < VALUES.length ? VALUES[value] : UNSPECIFIED;
  }

  /** The lowercase name Jaeger uses in its span.kind tag, or "" for UNSPECIFIED. */
  public String jaegerName() {
    return this == UNSPECIFIED ? "" : name().toLowerCase(java.util.Locale.ROOT);
  }
}
