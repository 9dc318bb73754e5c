package dev.ariadne.query.traceql;

import dev.ariadne.model.SpanKind;
import dev.ariadne.model.StatusCode;
import java.util.Locale;

/** A typed TraceQL value: a literal of the query, or what an intrinsic or attribute holds on a span. */
public sealed interface Value {
  ValueType type();

  record Str(String value) implements Value {
    @Override
    public ValueType type() {
      return ValueType.STRING;
    }

    @Override
    public String toString() {
      return '"' + value + '"';
    }
  }

  record Int(long value) implements Value {
    @Override
    public ValueType type() {
      return ValueType.INT;
    }

    @Override
    public String toString() {
      return Long.toString(value);
    }
  }

  record Flt(double value) implements Value {
    @Override
    public ValueType type() {
      return ValueType.FLOAT;
    }

    @Override
    public String toString() {
      return Double.toString(value);
    }
  }

  record Duration(long nanos) implements Value {
    @Override
    public ValueType type() {
      return ValueType.DURATION;
    }

    @Override
    public String toString() {
      return nanos + "ns";
    }
  }

  record Bool(boolean value) implements Value {
    @Override
    public ValueType type() {
      return ValueType.BOOLEAN;
    }

    @Override
    public String toString() {
      return Boolean.toString(value);
    }
  }

  record Status(StatusCode code) implements Value {
    @Override
    public ValueType type() {
      return ValueType.STATUS;
    }

    @Override
    public String toString() {
      return code.name().toLowerCase(Locale.ROOT);
    }
  }

  record Kind(SpanKind kind) implements Value {
    @Override
    public ValueType type() {
      return ValueType.KIND;
    }

    @Override
    public String toString() {
      return kind.name().toLowerCase(Locale.ROOT);
    }
  }

  /** The literal {@code nil}: compared with {@code =} or {@code !=}, it tests whether a value is absent. */
  record Nil() implements Value {
    @Override
    public ValueType type() {
      return ValueType.NIL;
    }

    @Override
    public String toString() {
      return "nil";
    }
  }

  /** An attribute value TraceQL cannot compare (bytes, a map): it exists, and that is all one can ask. */
  record Other() implements Value {
    @Override
    public ValueType type() {
      return ValueType.OTHER;
    }
  }
}
