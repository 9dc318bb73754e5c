package dev.ariadne.query.traceql;

import dev.ariadne.model.Resource;
import dev.ariadne.model.Span;
import dev.ariadne.model.SpanKind;
import dev.ariadne.query.traceql.FieldExpr.AttributeRef;
import dev.ariadne.query.traceql.FieldExpr.Comparison;
import dev.ariadne.query.traceql.FieldExpr.IntrinsicRef;
import dev.ariadne.query.traceql.FieldExpr.Literal;
import dev.ariadne.query.traceql.FieldExpr.Logical;
import dev.ariadne.query.traceql.FieldExpr.TagEquals;
import dev.ariadne.store.TraceQuery;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A parsed, checked TraceQL query: what it selects in a trace, and what a store can be told in advance. */
public final class TraceQLQuery {
  /** Tag keys that name span fields in Tempo's tag search, not attributes. */
  private static final Set<String> TAG_KEYWORDS = Set.of("name", "status.code", "error", "root.name", "root.service.name");

  private final SpansetExpr root;

  private TraceQLQuery(SpansetExpr root) {
    this.root = root;
  }

  public static TraceQLQuery parse(String query) throws TraceQLException {
    return new TraceQLQuery(TraceQLParser.parse(query));
  }

  /**
   * The query Tempo's tag search means: one span carrying every tag (see {@link TagEquals}); no tags
   * selects every span.
   */
  public static TraceQLQuery matchingTags(List<Map.Entry<String, String>> tags) {
    if (tags.isEmpty()) return new TraceQLQuery(new SpansetExpr.Filter(new Literal(new Value.Bool(true))));
    FieldExpr first = new TagEquals(tags.getFirst().getKey(), tags.getFirst().getValue());
    List<Logical.Step> rest = new ArrayList<>();
    for (Map.Entry<String, String> tag : tags.subList(1, tags.size())) {
      rest.add(new Logical.Step(true, new TagEquals(tag.getKey(), tag.getValue())));
    }
    return new TraceQLQuery(new SpansetExpr.Filter(rest.isEmpty() ? first : new Logical(first, rest)));
  }

  public SpansetExpr root() {
    return root;
  }

  /** The spans the query selects in the trace, in the trace's order; empty when the trace does not match. */
  public List<Span> matchingSpans(TraceView trace) {
    BitSet selected = new SpansetEvaluator(trace).evaluate(root);
    List<Span> out = new ArrayList<>(selected.cardinality());
    selected.stream().forEach(i -> out.add(trace.span(i)));
    return out;
  }

  /**
   * Sets on the builder the conditions every matching trace is sure to meet on one span, so that a store
   * can skip traces early: service (from {@code resource.service.name = "x"}), operation ({@code name = "x"}),
   * kind ({@code kind = server}), attribute equalities as tags ({@code span.tenant.id = "t7"}) and span
   * duration bounds ({@code duration > 100ms}), when they are
   * conjuncts of a filter the whole query requires. The full
   * query must still be applied as the trace filter; these only narrow what it has to look at.
   */
  public void pushDown(TraceQuery.Builder builder) {
    SpansetExpr required = root;
    while (required instanceof SpansetExpr.Chain chain) {
      // ||'s sides are each optional; &&, > and >> need a match on their left side.
      if (chain.rest().stream().anyMatch(s -> s.op() == SpansetOp.OR)) return;
      required = chain.first();
    }
    FieldExpr condition = ((SpansetExpr.Filter) required).condition();
    List<FieldExpr> conjuncts = new ArrayList<>();
    if (condition instanceof Logical logical) {
      if (logical.rest().stream().anyMatch(s -> !s.and())) return;
      conjuncts.add(logical.first());
      logical.rest().forEach(s -> conjuncts.add(s.operand()));
    } else {
      conjuncts.add(condition);
    }
    boolean service = false;
    boolean operation = false;
    boolean kind = false;
    long minDuration = 0;
    long maxDuration = 0;
    for (FieldExpr c : conjuncts) {
      // Tempo's tag search compares attribute text as a tag condition does, but for the keys it gives a
      // meaning of its own (ConditionEvaluator.tagEquals).
      if (c instanceof TagEquals tag && !TEMPO_TAG_KEYS.contains(tag.key())) builder.tag(tag.key(), tag.value());
      if (!(c instanceof Comparison cmp)) continue;
      boolean literalFirst = cmp.left() instanceof Literal;
      FieldExpr field = literalFirst ? cmp.right() : cmp.left();
      Value value = literalFirst ? ((Literal) cmp.left()).value() : cmp.right() instanceof Literal r ? r.value() : null;
      if (value == null) continue;
      CompareOp op = literalFirst ? mirrored(cmp.op()) : cmp.op();
      if (field.equals(new IntrinsicRef(Intrinsic.DURATION)) && value instanceof Value.Duration(long nanos)) {
        switch (op) {
          case GT -> minDuration = Math.max(minDuration, nanos + 1);
          case GTE -> minDuration = Math.max(minDuration, nanos);
          case LT -> maxDuration = nanos > 1 ? minPositive(maxDuration, nanos - 1) : maxDuration;
          case LTE -> maxDuration = nanos > 0 ? minPositive(maxDuration, nanos) : maxDuration;
          default -> { }
        }
        continue;
      }
      if (op != CompareOp.EQ) continue;
      if (field.equals(new AttributeRef(AttributeScope.RESOURCE, Resource.SERVICE_NAME))
          && value instanceof Value.Str(String s) && !service) {
        builder.serviceName(s);
        service = true;
      } else if (field.equals(new IntrinsicRef(Intrinsic.NAME)) && value instanceof Value.Str(String s) && !operation) {
        builder.operationName(s);
        operation = true;
      } else if (field.equals(new IntrinsicRef(Intrinsic.KIND)) && value instanceof Value.Kind(SpanKind k) && !kind) {
        builder.spanKind(k);
        kind = true;
      } else if (field instanceof AttributeRef attribute && tagText(value) != null) {
        // A tag condition matches the attribute's text in any scope, or an array element's (TagText): a
        // superset of this typed, scoped equality, which the trace filter then decides exactly.
        builder.tag(attribute.name(), tagText(value));
      }
    }
    if (minDuration != 0 || maxDuration != 0) builder.durationNanos(minDuration, maxDuration);
  }

  private static final Set<String> TEMPO_TAG_KEYS =
      Set.of("name", "status.code", "error", "root.name", "root.service.name");

  /** The text a stored value equal to {@code value} shows as, for the types whose text is exact; else null. */
  private static String tagText(Value value) {
    return switch (value) {
      case Value.Str(String s) -> s;
      case Value.Int(long i) -> Long.toString(i);
      case Value.Bool(boolean b) -> Boolean.toString(b);
      default -> null;
    };
  }

  /** The operator with its sides swapped: {@code 1s < duration} is {@code duration > 1s}. */
  private static CompareOp mirrored(CompareOp op) {
    return switch (op) {
      case GT -> CompareOp.LT;
      case GTE -> CompareOp.LTE;
      case LT -> CompareOp.GT;
      case LTE -> CompareOp.GTE;
      default -> op;
    };
  }

  /** The smaller bound, where 0 means none yet. */
  private static long minPositive(long current, long bound) {
    return current == 0 ? bound : Math.min(current, bound);
  }

  /** The attributes the query looks at, in order of appearance, for showing them with matched spans. */
  public List<AttributeRef> attributes() {
    Set<AttributeRef> out = new LinkedHashSet<>();
    collect(root, out);
    return List.copyOf(out);
  }

  private static void collect(SpansetExpr e, Set<AttributeRef> out) {
    switch (e) {
      case SpansetExpr.Filter f -> collect(f.condition(), out);
      case SpansetExpr.Chain c -> {
        collect(c.first(), out);
        c.rest().forEach(s -> collect(s.operand(), out));
      }
    }
  }

  private static void collect(FieldExpr e, Set<AttributeRef> out) {
    switch (e) {
      case AttributeRef a -> out.add(a);
      case Comparison c -> {
        collect(c.left(), out);
        collect(c.right(), out);
      }
      case FieldExpr.Not n -> collect(n.operand(), out);
      case Logical l -> {
        collect(l.first(), out);
        l.rest().forEach(s -> collect(s.operand(), out));
      }
      case TagEquals t -> {
        if (!TAG_KEYWORDS.contains(t.key())) out.add(new AttributeRef(AttributeScope.ANY, t.key()));
      }
      case Literal l -> { }
      case IntrinsicRef i -> { }
    }
  }

  @Override
  public String toString() {
    return root.toString();
  }
}
