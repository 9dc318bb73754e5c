package dev.ariadne.query.traceql;

import java.util.BitSet;

/**
 * Evaluates a spanset expression over one trace, giving the positions of the spans it selects. A trace
 * matches when the set is not empty. Chains are folded left to right without recursion; nesting is
 * bounded by the parser.
 */
final class SpansetEvaluator {
  private final TraceView trace;
  private final ConditionEvaluator conditions;

  SpansetEvaluator(TraceView trace) {
    this.trace = trace;
    this.conditions = new ConditionEvaluator(trace);
  }

  BitSet evaluate(SpansetExpr e) {
    return switch (e) {
      case SpansetExpr.Filter f -> filter(f);
      case SpansetExpr.Chain c -> {
        BitSet result = evaluate(c.first());
        for (SpansetExpr.Chain.Step step : c.rest()) {
          // && and the structural operators select nothing once their left side is empty.
          if (result.isEmpty() && step.op() != SpansetOp.OR) continue;
          result = combine(step.op(), result, evaluate(step.operand()));
        }
        yield result;
      }
    };
  }

  private BitSet filter(SpansetExpr.Filter f) {
    BitSet selected = new BitSet(trace.size());
    for (int i = 0; i < trace.size(); i++) {
      if (conditions.test(f.condition(), i)) selected.set(i);
    }
    return selected;
  }

  private BitSet combine(SpansetOp op, BitSet left, BitSet right) {
    BitSet out = new BitSet(trace.size());
    switch (op) {
      case AND -> {
        if (!right.isEmpty()) {
          out.or(left);
          out.or(right);
        }
      }
      case OR -> {
        out.or(left);
        out.or(right);
      }
      case CHILD -> right.stream().filter(i -> trace.parent(i) >= 0 && left.get(trace.parent(i))).forEach(out::set);
      case DESCENDANT -> right.stream().filter(i -> hasAncestorIn(i, left)).forEach(out::set);
    }
    return out;
  }

  /** Walks up from span {@code i}; at most one step per span, so a parent cycle cannot loop forever. */
  private boolean hasAncestorIn(int i, BitSet ancestors) {
    int p = trace.parent(i);
    for (int steps = 0; p >= 0 && steps < trace.size(); steps++) {
      if (ancestors.get(p)) return true;
      p = trace.parent(p);
    }
    return false;
  }
}
