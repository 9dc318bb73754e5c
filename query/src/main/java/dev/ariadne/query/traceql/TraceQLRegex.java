package dev.ariadne.query.traceql;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * The right side of {@code =~} and {@code !~}: RE2 syntax, as Tempo (written in Go) takes it, matched by RE2/J
 * in time linear in the input, so no pattern can backtrack catastrophically. The match is anchored at both
 * ends and {@code .} matches newlines, as in Tempo 3, which compiles {@code ^(?s:pattern)$}.
 *
 * <p>RE2 bounds repetition counts but not their nesting, and RE2/J compiles {@code ((a{1000}){1000}){1000}}
 * until memory runs out; so patterns are sized before compiling (see {@link RegexSize}).
 */
public record TraceQLRegex(String source, Pattern pattern) {

  /** @throws IllegalArgumentException naming the problem, if the pattern is not valid RE2 or too large */
  static TraceQLRegex compile(String source) {
    RegexSize.check(source);
    try {
      return new TraceQLRegex(source, Pattern.compile(source, Pattern.DOTALL));
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  boolean matches(String value) {
    return pattern.matches(value);
  }

  // Patterns have no equality of their own; the source decides.
  @Override
  public boolean equals(Object o) {
    return o instanceof TraceQLRegex r && r.source.equals(source);
  }

  @Override
  public int hashCode() {
    return source.hashCode();
  }
}
