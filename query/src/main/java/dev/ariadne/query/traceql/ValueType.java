package dev.ariadne.query.traceql;

import java.util.Locale;

/**
 * The static types of TraceQL. {@link #ATTRIBUTE} is the type of an attribute reference, known only when
 * a span is evaluated; {@link #OTHER} is an attribute value TraceQL cannot compare (bytes, a map).
 */
public enum ValueType {
  STRING, INT, FLOAT, DURATION, BOOLEAN, STATUS, KIND, NIL, ATTRIBUTE, OTHER;

  boolean isNumeric() {
    return this == INT || this == FLOAT || this == DURATION;
  }

  /** Whether values of the two types can meet in a comparison at all (Tempo's isMatchingOperand). */
  boolean comparableWith(ValueType other) {
    return this == ATTRIBUTE || other == ATTRIBUTE || this == other
        || isNumeric() && other.isNumeric() || this == NIL || other == NIL;
  }

  /** Whether {@code op} is defined on this type (Tempo's binaryTypeValid). */
  boolean supports(CompareOp op) {
    return switch (this) {
      case ATTRIBUTE -> true;
      case INT, FLOAT, DURATION -> op != CompareOp.REGEX && op != CompareOp.NOT_REGEX;
      case STRING -> op == CompareOp.EQ || op == CompareOp.NEQ || op == CompareOp.REGEX || op == CompareOp.NOT_REGEX;
      case BOOLEAN, STATUS, KIND, NIL -> op == CompareOp.EQ || op == CompareOp.NEQ;
      case OTHER -> false;
    };
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
