package dev.ariadne.query.traceql;

/**
 * A query that cannot be run: a syntax error, a type error, or a construct this implementation does not
 * support. The message names the problem and, when there is one, its place: {@code parse error at line 1,
 * col 12: …}, as Tempo words it.
 */
public final class TraceQLException extends Exception {
  public TraceQLException(String message) {
    super(message);
  }

  static TraceQLException at(String query, int offset, String problem) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset && i < query.length(); i++) {
      if (query.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new TraceQLException("parse error at line " + line + ", col " + (offset - lineStart + 1) + ": " + problem);
  }
}
