package dev.ariadne.query.traceql;

import java.util.List;

/** A TraceQL query without pipelines: spanset filters joined by spanset operators. */
public sealed interface SpansetExpr {

  /** {@code { condition }}; {@code {}} is the condition {@code true}. */
  record Filter(FieldExpr condition) implements SpansetExpr {}

  /**
   * {@code first op1 s1 op2 s2 …} evaluated left to right (the operators of one chain share a precedence
   * level); flat so that long chains cost no stack depth.
   */
  record Chain(SpansetExpr first, List<Step> rest) implements SpansetExpr {
    public Chain {
      rest = List.copyOf(rest);
    }

    public record Step(SpansetOp op, SpansetExpr operand) {}
  }
}
