package dev.ariadne.query.traceql;

/** The comparison operators inside a spanset filter. */
public enum CompareOp {
  EQ("="), NEQ("!="), REGEX("=~"), NOT_REGEX("!~"), GT(">"), GTE(">="), LT("<"), LTE("<=");

  private final String symbol;

  CompareOp(String symbol) {
    this.symbol = symbol;
  }

  static CompareOp bySymbol(String symbol) {
    for (CompareOp op : values()) {
      if (op.symbol.equals(symbol)) return op;
    }
    return null;
  }

  @Override
  public String toString() {
    return symbol;
  }
}
