package dev.ariadne.model;

import java.util.List;

/** The types an attribute value may take (see {@link Attributes}), and checks on them. */
public final class AnyValue {
  /** An AnyValue with no case set: OTLP allows it and a lossless model keeps it. */
  public static final Object EMPTY = new Object() {
    @Override
    public String toString() {
      return "<empty>";
    }
  };

  /** The value's type, as named by OTLP's AnyValue oneof. */
  public enum Type { STRING, BOOL, INT, DOUBLE, BYTES, ARRAY, KVLIST, EMPTY }

  private AnyValue() {}

  public static Type typeOf(Object value) {
    return switch (value) {
      case String s -> Type.STRING;
      case Boolean b -> Type.BOOL;
      case Long l -> Type.INT;
      case Double d -> Type.DOUBLE;
      case Bytes b -> Type.BYTES;
      case List<?> l -> Type.ARRAY;
      case Attributes a -> Type.KVLIST;
      case null -> throw new IllegalArgumentException("attribute values are never null; use AnyValue.EMPTY");
      default -> {
        if (value == EMPTY) yield Type.EMPTY;
        throw new IllegalArgumentException("not an attribute value type: " + value.getClass().getName());
      }
    };
  }

  /** Throws if {@code value} is not one of the attribute value types. */
  static void check(Object value) {
    typeOf(value);
  }

  /**
   * The value as text: strings as they are, scalars in their usual form, bytes as base64, arrays and
   * key/value lists as JSON. This is how Jaeger and Zipkin, which have no nested types, show them.
   */
  public static String asString(Object value) {
    return switch (typeOf(value)) {
      case STRING -> (String) value;
      case BOOL, INT -> value.toString();
      case DOUBLE -> Json.number((Double) value);
      case BYTES -> ((Bytes) value).base64();
      case EMPTY -> "";
      case ARRAY, KVLIST -> Json.write(value);
    };
  }
}
