package dev.ariadne.query.traceql;

/**
 * The operators between spansets. {@code &&} and {@code ||} bind loosest and equally tightly; {@code >}
 * and {@code >>} bind tighter, as in Tempo's grammar. Each keeps the right-hand spans it selects.
 */
public enum SpansetOp {
  /** Both sides match in the trace: the spans of both. */
  AND("&&"),
  /** Either side matches: the spans of either. */
  OR("||"),
  /** Right-hand spans whose parent is a left-hand span. */
  CHILD(">"),
  /** Right-hand spans with a left-hand span among their ancestors. */
  DESCENDANT(">>");

  private final String symbol;

  SpansetOp(String symbol) {
    this.symbol = symbol;
  }

  @Override
  public String toString() {
    return symbol;
  }
}
