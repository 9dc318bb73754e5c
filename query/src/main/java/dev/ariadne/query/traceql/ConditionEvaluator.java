package dev.ariadne.query.traceql;

import dev.ariadne.model.AnyValue;
import dev.ariadne.model.Attributes;
import dev.ariadne.model.SpanId;
import dev.ariadne.model.Span;
import dev.ariadne.model.StatusCode;
import dev.ariadne.query.traceql.FieldExpr.AttributeRef;
import dev.ariadne.query.traceql.FieldExpr.Comparison;
import dev.ariadne.query.traceql.FieldExpr.IntrinsicRef;
import dev.ariadne.query.traceql.FieldExpr.Literal;
import dev.ariadne.query.traceql.FieldExpr.Logical;
import dev.ariadne.query.traceql.FieldExpr.Not;
import dev.ariadne.query.traceql.FieldExpr.TagEquals;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Evaluates a filter's condition on one span of a trace, with Tempo's semantics: an attribute the span does
 * not have makes every comparison false except {@code = nil}; values of types that cannot meet (a string
 * and a number) compare false whatever the operator, {@code !=} included; numbers, floats and durations
 * compare with each other; an unscoped {@code .x} matches when the span's or the resource's {@code x} does,
 * and an array attribute when one of its elements does.
 */
final class ConditionEvaluator {
  private final TraceView trace;

  ConditionEvaluator(TraceView trace) {
    this.trace = trace;
  }

  boolean test(FieldExpr e, int span) {
    return switch (e) {
      case Comparison c -> compare(c, span);
      case Not n -> !test(n.operand(), span);
      case Logical l -> {
        boolean result = test(l.first(), span);
        for (Logical.Step step : l.rest()) {
          result = step.and() ? result && test(step.operand(), span) : result || test(step.operand(), span);
        }
        yield result;
      }
      case TagEquals t -> tagEquals(t, span);
      case Literal l -> l.value() instanceof Value.Bool(boolean b) && b;
      case AttributeRef a -> values(a, span).contains(new Value.Bool(true));
      case IntrinsicRef i -> false;
    };
  }

  private boolean compare(Comparison c, int span) {
    // Against the literal nil, = and != ask whether the other side has a value at all.
    if (c.right() instanceof Literal(Value.Nil n)) return existence(c.op(), c.left(), span);
    if (c.left() instanceof Literal(Value.Nil n)) return existence(c.op(), c.right(), span);
    List<Value> left = values(c.left(), span);
    List<Value> right = values(c.right(), span);
    for (Value l : left) {
      for (Value r : right) {
        if (compare(c.op(), l, r, c.regex())) return true;
      }
    }
    return false;
  }

  private boolean existence(CompareOp op, FieldExpr e, int span) {
    boolean absent = values(e, span).isEmpty();
    return op == CompareOp.EQ ? absent : !absent;
  }

  static boolean compare(CompareOp op, Value l, Value r, TraceQLRegex regex) {
    ValueType lt = l.type();
    ValueType rt = r.type();
    if (lt.isNumeric() && rt.isNumeric()) return compareNumbers(op, l, r);
    if (lt != rt || lt == ValueType.OTHER) return false;
    return switch (op) {
      case EQ -> l.equals(r);
      case NEQ -> !l.equals(r);
      case REGEX -> l instanceof Value.Str(String s) && regex.matches(s);
      case NOT_REGEX -> l instanceof Value.Str(String s) && !regex.matches(s);
      default -> false; // ordering is defined on numbers only
    };
  }

  private static boolean compareNumbers(CompareOp op, Value l, Value r) {
    if (!(l instanceof Value.Flt) && !(r instanceof Value.Flt)) {
      int c = Long.compare(integral(l), integral(r));
      return switch (op) {
        case EQ -> c == 0;
        case NEQ -> c != 0;
        case GT -> c > 0;
        case GTE -> c >= 0;
        case LT -> c < 0;
        case LTE -> c <= 0;
        case REGEX, NOT_REGEX -> false;
      };
    }
    double a = real(l);
    double b = real(r);
    return switch (op) {
      case EQ -> a == b;
      case NEQ -> a != b;
      case GT -> a > b;
      case GTE -> a >= b;
      case LT -> a < b;
      case LTE -> a <= b;
      case REGEX, NOT_REGEX -> false;
    };
  }

  private static long integral(Value v) {
    return v instanceof Value.Int(long n) ? n : ((Value.Duration) v).nanos();
  }

  private static double real(Value v) {
    return v instanceof Value.Flt(double d) ? d : integral(v);
  }

  /** What an expression holds on the span: none (absent), one value, or several (an array, an unscoped name). */
  private List<Value> values(FieldExpr e, int span) {
    return switch (e) {
      case Literal l -> l.value() instanceof Value.Nil ? List.of() : List.of(l.value());
      case IntrinsicRef i -> intrinsic(i.intrinsic(), span);
      case AttributeRef a -> attribute(a, trace.span(span));
      default -> List.of(new Value.Bool(test(e, span)));
    };
  }

  private List<Value> intrinsic(Intrinsic intrinsic, int i) {
    Span span = trace.span(i);
    Span root = trace.root();
    Value v = switch (intrinsic) {
      case NAME -> new Value.Str(span.name());
      case STATUS -> new Value.Status(span.statusCode());
      case STATUS_MESSAGE -> new Value.Str(span.statusMessage());
      case KIND -> new Value.Kind(span.kind());
      case DURATION -> new Value.Duration(span.durationNanos());
      case CHILD_COUNT -> new Value.Int(trace.childCount(i));
      case SPAN_ID -> new Value.Str(SpanId.toHex(span.spanId()));
      case PARENT_ID -> span.isRoot() ? null : new Value.Str(SpanId.toHex(span.parentSpanId()));
      case ROOT_NAME -> root == null ? null : new Value.Str(root.name());
      case ROOT_SERVICE_NAME -> root == null ? null : new Value.Str(root.serviceName());
      case TRACE_DURATION -> new Value.Duration(trace.durationNanos());
      case TRACE_ID -> new Value.Str(span.traceId().toHex());
    };
    return v == null ? List.of() : List.of(v);
  }

  private static List<Value> attribute(AttributeRef a, Span span) {
    List<Value> out = new ArrayList<>(1);
    if (a.scope() != AttributeScope.RESOURCE) addValue(span.attributes(), a.name(), out);
    if (a.scope() != AttributeScope.SPAN) addValue(span.resource().attributes(), a.name(), out);
    return out;
  }

  private static void addValue(Attributes attributes, String key, List<Value> out) {
    Object raw = attributes.get(key);
    if (raw == null) return;
    if (raw instanceof List<?> items) {
      for (Object item : items) out.add(toValue(item));
    } else {
      out.add(toValue(raw));
    }
  }

  static Value toValue(Object raw) {
    return switch (raw) {
      case String s -> new Value.Str(s);
      case Long l -> new Value.Int(l);
      case Double d -> new Value.Flt(d);
      case Boolean b -> new Value.Bool(b);
      default -> new Value.Other();
    };
  }

  /** Tempo's tag search: the keys it gives a meaning, else a span or resource attribute compared as text. */
  private boolean tagEquals(TagEquals tag, int i) {
    Span span = trace.span(i);
    Span root = trace.root();
    String value = tag.value();
    return switch (tag.key()) {
      case "name" -> span.name().equals(value);
      case "status.code" -> span.statusCode().name().toLowerCase(Locale.ROOT).equals(value)
          || Integer.toString(span.statusCode().ordinal()).equals(value);
      case "error" -> value.equals("true") && span.statusCode() == StatusCode.ERROR;
      case "root.name" -> root != null && root.name().equals(value);
      case "root.service.name" -> root != null && root.serviceName().equals(value);
      default -> hasText(span.attributes(), tag.key(), value) || hasText(span.resource().attributes(), tag.key(), value);
    };
  }

  private static boolean hasText(Attributes attributes, String key, String value) {
    for (int i = 0; i < attributes.size(); i++) {
      if (attributes.key(i).equals(key) && AnyValue.asString(attributes.value(i)).equals(value)) return true;
    }
    return false;
  }
}
