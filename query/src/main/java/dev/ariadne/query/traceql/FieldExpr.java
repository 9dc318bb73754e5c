package dev.ariadne.query.traceql;

import java.util.List;

/** An expression inside a spanset filter's braces, evaluated on one span. */
public sealed interface FieldExpr {

  /** A literal: a string, number, duration, boolean, status, kind or nil. */
  record Literal(Value value) implements FieldExpr {
    @Override
    public String toString() {
      return value.toString();
    }
  }

  /** An intrinsic such as {@code name} or {@code trace:rootService}. */
  record IntrinsicRef(Intrinsic intrinsic) implements FieldExpr {
    @Override
    public String toString() {
      return intrinsic.toString();
    }
  }

  /** An attribute such as {@code span.http.method}, {@code resource.service.name} or {@code .region}. */
  record AttributeRef(AttributeScope scope, String name) implements FieldExpr {
    @Override
    public String toString() {
      return scope.prefix() + name;
    }
  }

  /** {@code left op right}; {@code regex} is the compiled right side of {@code =~} and {@code !~}, else null. */
  record Comparison(CompareOp op, FieldExpr left, FieldExpr right, TraceQLRegex regex) implements FieldExpr {
    @Override
    public String toString() {
      return left + " " + op + " " + right;
    }
  }

  record Not(FieldExpr operand) implements FieldExpr {
    @Override
    public String toString() {
      return "!(" + operand + ")";
    }
  }

  /**
   * {@code first op1 e1 op2 e2 …} with {@code &&} and {@code ||} evaluated left to right: TraceQL gives them
   * the same precedence. Kept flat rather than as nested pairs so that long chains cost no stack depth.
   */
  record Logical(FieldExpr first, List<Step> rest) implements FieldExpr {
    public Logical {
      rest = List.copyOf(rest);
    }

    /** One {@code && e} (and = true) or {@code || e}. */
    public record Step(boolean and, FieldExpr operand) {}
  }

  /**
   * A tag of Tempo's tag search ({@code tags=key=value}): the value compared as text with a span or resource
   * attribute, or with one of the keys Tempo gives a meaning (name, status.code, error, root.name,
   * root.service.name). Not TraceQL syntax; built from the tags parameter.
   */
  record TagEquals(String key, String value) implements FieldExpr {}
}
