package dev.ariadne.model;

/** OTLP's span status codes, in OTLP's numbering. */
public enum StatusCode {
  UNSET,
  OK,
  ERROR;

  private static final StatusCode[] VALUES = values();

  /** The code for an OTLP wire value; values this version does not know read as UNSET. */
  public static StatusCode fromWire(int value) {
    return value >= 0 && value < VALUES.length ? VALUES[value] : UNSET;
  }
}
