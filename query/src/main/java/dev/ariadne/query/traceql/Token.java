package dev.ariadne.query.traceql;

/**
 * One token of a query. {@code value} holds what literals and attributes mean (a {@link Value} or an
 * {@link FieldExpr.AttributeRef}); {@code offset} is where the token starts, for error messages.
 */
record Token(Kind kind, String text, Object value, int offset) {
  enum Kind {
    /** Operators and brackets, supported or not: {@code { } ( ) = != =~ !~ > >= < <= >> && || ! | ~ + …}. */
    SYMBOL,
    /** Keywords, intrinsics (with their colon forms such as {@code span:name}) and unknown words. */
    WORD,
    /** {@code .x}, {@code span.x}, {@code resource.x}. */
    ATTRIBUTE,
    /** String, integer, float or duration literal. */
    LITERAL,
    EOF
  }

  boolean is(String symbolOrWord) {
    return (kind == Kind.SYMBOL || kind == Kind.WORD) && text.equals(symbolOrWord);
  }

  /** How the token reads in an error message. */
  String describe() {
    return kind == Kind.EOF ? "the end of the query" : "'" + text + "'";
  }
}
