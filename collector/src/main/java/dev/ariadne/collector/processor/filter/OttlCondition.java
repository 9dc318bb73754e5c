package dev.ariadne.collector.processor.filter;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.ariadne.collector.processor.filter.OttlLexer.Kind;
import dev.ariadne.collector.processor.filter.OttlLexer.Token;
import dev.ariadne.model.AnyValue;
import dev.ariadne.model.Span;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Parses the subset of OTTL boolean expressions in the span context that filter configurations use
 * most, into a predicate over a span. Grammar, with {@code not} binding tightest and {@code or} loosest:
 *
 * <pre>
 * condition  := or
 * or         := and ("or" and)*
 * and        := not ("and" not)*
 * not        := "not" not | "(" or ")" | "true" | "false" | IsMatch(operand, "regex") | operand op operand
 * op         := == | != | &lt; | &lt;= | &gt; | &gt;=
 * operand    := "string" | number | true | false | nil | SPAN_KIND_… | STATUS_CODE_… | path
 * path       := name | kind | kind.string | status.code | … | attributes["key"] | resource.attributes["key"]
 * </pre>
 *
 * Comparisons follow OTTL: numbers compare as numbers whatever their type, strings compare by text,
 * values of different types (nil included) are never equal and never ordered. IsMatch finds a Go RE2
 * pattern anywhere in its target's text; a nil target does not match. Anything else (other functions,
 * converters, arithmetic, other paths) is refused with the construct named.
 */
final class OttlCondition {
  private final String source;
  private final List<Token> tokens;
  private int at;

  private OttlCondition(String source) {
    this.source = source;
    this.tokens = OttlLexer.tokens(source);
  }

  /** @throws IllegalArgumentException naming what is outside the supported subset, or malformed */
  static Predicate<Span> parse(String source) {
    OttlCondition parser = new OttlCondition(source);
    Predicate<Span> condition = parser.or();
    if (parser.peek().kind() != Kind.END) throw parser.unexpected();
    return condition;
  }

  private Predicate<Span> or() {
    Predicate<Span> left = and();
    while (acceptWord("or")) left = left.or(and());
    return left;
  }

  private Predicate<Span> and() {
    Predicate<Span> left = not();
    while (acceptWord("and")) left = left.and(not());
    return left;
  }

  private Predicate<Span> not() {
    if (acceptWord("not")) return not().negate();
    if (accept("(")) {
      Predicate<Span> inner = or();
      expect(")");
      return inner;
    }
    Token token = peek();
    if (token.kind() == Kind.WORD && tokens.get(at + 1).text().equals("(")) return function();
    Function<Span, Object> left = operand();
    if (peek().kind() != Kind.OPERATOR) {
      if (token.text().equals("true") || token.text().equals("false")) {
        boolean constant = token.text().equals("true");
        return span -> constant;
      }
      throw new IllegalArgumentException("expected a comparison after \"" + token.text() + "\" at position " + token.position());
    }
    String op = next().text();
    Function<Span, Object> right = operand();
    return span -> compare(op, left.apply(span), right.apply(span));
  }

  private Predicate<Span> function() {
    Token name = next();
    if (!name.text().equals("IsMatch")) {
      throw new IllegalArgumentException("function " + name.text() + " is not supported; supported: IsMatch");
    }
    expect("(");
    Function<Span, Object> target = operand();
    expect(",");
    Token pattern = next();
    if (pattern.kind() != Kind.STRING) throw new IllegalArgumentException("IsMatch takes a string pattern");
    expect(")");
    Pattern regex;
    try {
      regex = Pattern.compile(pattern.text());
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("invalid regular expression in IsMatch: " + e.getMessage());
    }
    return span -> {
      Object value = target.apply(span);
      return value != null && value != AnyValue.EMPTY && regex.matcher(AnyValue.asString(value)).find();
    };
  }

  private Function<Span, Object> operand() {
    Token token = next();
    switch (token.kind()) {
      case STRING -> {
        String text = token.text();
        return span -> text;
      }
      case NUMBER -> {
        Object number = number(token);
        return span -> number;
      }
      case WORD -> {
        return word(token);
      }
      default -> throw unexpected(token);
    }
  }

  private Function<Span, Object> word(Token token) {
    switch (token.text()) {
      case "nil" -> {
        return span -> null;
      }
      case "true", "false" -> {
        Boolean value = Boolean.valueOf(token.text());
        return span -> value;
      }
      default -> { }
    }
    Long enumValue = SpanPaths.enumValue(token.text());
    if (enumValue != null) return span -> enumValue;
    StringBuilder path = new StringBuilder(token.text());
    while (accept(".")) {
      Token part = next();
      if (part.kind() != Kind.WORD) throw unexpected(part);
      path.append('.').append(part.text());
    }
    if (accept("[")) {
      Token key = next();
      if (key.kind() != Kind.STRING) throw new IllegalArgumentException("an attribute key is a string, at position " + key.position());
      expect("]");
      Function<Span, Object> attribute = SpanPaths.attribute(path.toString(), key.text());
      if (attribute == null) throw unsupportedPath(path + "[\"" + key.text() + "\"]");
      return attribute;
    }
    Function<Span, Object> field = SpanPaths.field(path.toString());
    if (field == null) throw unsupportedPath(path.toString());
    return field;
  }

  private static boolean compare(String op, Object left, Object right) {
    Integer order = order(left, right);
    return switch (op) {
      case "==" -> order != null && order == 0;
      case "!=" -> order == null || order != 0;
      case "<" -> order != null && order < 0 && !(left instanceof Boolean);
      case "<=" -> order != null && order <= 0 && !(left instanceof Boolean);
      case ">" -> order != null && order > 0 && !(left instanceof Boolean);
      case ">=" -> order != null && order >= 0 && !(left instanceof Boolean);
      default -> throw new IllegalStateException(op);
    };
  }

  /** How left compares to right, or null when they are of different types and so unequal and unordered. */
  private static Integer order(Object left, Object right) {
    if (left == null || right == null) return left == right ? 0 : null;
    if (left instanceof Number l && right instanceof Number r) {
      return l instanceof Long a && r instanceof Long b ? Long.compare(a, b) : Double.compare(l.doubleValue(), r.doubleValue());
    }
    if (left instanceof String l && right instanceof String r) return l.compareTo(r);
    if (left instanceof Boolean l && right instanceof Boolean r) return Boolean.compare(l, r);
    return left.equals(right) ? 0 : null;
  }

  private Object number(Token token) {
    try {
      return token.text().contains(".") ? (Object) Double.parseDouble(token.text()) : (Object) Long.parseLong(token.text());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid number \"" + token.text() + "\" at position " + token.position());
    }
  }

  private IllegalArgumentException unsupportedPath(String path) {
    return new IllegalArgumentException("path " + path + " is not supported; supported: " + SpanPaths.supported());
  }

  private Token peek() {
    return tokens.get(at);
  }

  private Token next() {
    Token token = tokens.get(at);
    if (token.kind() != Kind.END) at++;
    return token;
  }

  private boolean accept(String punct) {
    if (peek().kind() == Kind.PUNCT && peek().text().equals(punct)) {
      at++;
      return true;
    }
    return false;
  }

  private boolean acceptWord(String word) {
    if (peek().kind() == Kind.WORD && peek().text().equals(word)) {
      at++;
      return true;
    }
    return false;
  }

  private void expect(String punct) {
    if (!accept(punct)) throw unexpected();
  }

  private IllegalArgumentException unexpected() {
    return unexpected(peek());
  }

  private IllegalArgumentException unexpected(Token token) {
    String found = token.kind() == Kind.END ? "the end" : "\"" + token.text() + "\"";
    return new IllegalArgumentException("unexpected " + found + " at position " + token.position() + " in " + source);
  }
}
