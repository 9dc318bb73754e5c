package dev.ariadne.query.traceql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a query into tokens the way Tempo's lexer does: an attribute name runs from its dot to the next
 * space or operator character, so {@code .http.status_code} is one name; a number followed by units is a
 * duration; strings are Go strings (double quotes with escapes, or back quotes, raw).
 */
final class Lexer {
  /** Longest first, so that {@code >>} is not read as two {@code >}. Some are there only to be refused. */
  private static final List<String> SYMBOLS = List.of(
      "!>>", "!<<", "&>>", "&<<",
      ">>", ">=", "<<", "<=", "!=", "=~", "!~", "&&", "||", "!>", "!<", "&>", "&<", "&~",
      "{", "}", "(", ")", "=", ">", "<", "!", "|", "~", "+", "-", "*", "/", "%", "^", ",");
  private static final Set<String> SCOPES = Set.of("span", "resource");
  /** Scopes of newer TraceQL this implementation does not support; the parser names them. */
  private static final Set<String> OTHER_SCOPES = Set.of("parent", "event", "link", "instrumentation", "trace");
  /** What ends an unquoted attribute name, besides white space (Tempo's isAttributeRune). */
  private static final String NAME_END = "{}()=~!<>&|^,";

  private final String query;
  private final List<Token> tokens = new ArrayList<>();
  private int pos;

  private Lexer(String query) {
    this.query = query;
  }

  static List<Token> tokens(String query) throws TraceQLException {
    Lexer lexer = new Lexer(query);
    lexer.run();
    return lexer.tokens;
  }

  private void run() throws TraceQLException {
    while (true) {
      while (pos < query.length() && Character.isWhitespace(query.charAt(pos))) pos++;
      if (pos >= query.length()) {
        tokens.add(new Token(Token.Kind.EOF, "", null, pos));
        return;
      }
      char c = query.charAt(pos);
      int start = pos;
      if (c == '"' || c == '`') {
        String s = string();
        tokens.add(new Token(Token.Kind.LITERAL, query.substring(start, pos), new Value.Str(s), start));
      } else if (isDigit(c) || c == '.' && pos + 1 < query.length() && isDigit(query.charAt(pos + 1))) {
        tokens.add(number());
      } else if (c == '.') {
        pos++;
        tokens.add(attribute(AttributeScope.ANY, start));
      } else if (isWordStart(c)) {
        word();
      } else {
        symbol();
      }
    }
  }

  private void word() throws TraceQLException {
    int start = pos;
    String word = identifier();
    // The colon forms of intrinsics: span:name, trace:rootService, event:name, …
    if (pos + 1 < query.length() && query.charAt(pos) == ':' && isWordStart(query.charAt(pos + 1))) {
      pos++;
      word = word + ":" + identifier();
    } else if (pos < query.length() && query.charAt(pos) == '.') {
      if (SCOPES.contains(word)) {
        pos++;
        tokens.add(attribute(word.equals("span") ? AttributeScope.SPAN : AttributeScope.RESOURCE, start));
        return;
      }
      if (OTHER_SCOPES.contains(word)) {
        pos++;
        word = word + ".";
      }
    }
    tokens.add(new Token(Token.Kind.WORD, word, null, start));
  }

  private String identifier() {
    int start = pos;
    while (pos < query.length() && isWordPart(query.charAt(pos))) pos++;
    return query.substring(start, pos);
  }

  /** An attribute name after its scope's dot: quoted, or running to the next space or operator. */
  private Token attribute(AttributeScope scope, int start) throws TraceQLException {
    String name;
    if (pos < query.length() && query.charAt(pos) == '"') {
      name = string();
    } else {
      int nameStart = pos;
      while (pos < query.length() && !Character.isWhitespace(query.charAt(pos))
          && NAME_END.indexOf(query.charAt(pos)) < 0) {
        pos++;
      }
      name = query.substring(nameStart, pos);
    }
    if (name.isEmpty()) {
      throw TraceQLException.at(query, start, "expected an attribute name after '" + scope.prefix() + "'");
    }
    return new Token(Token.Kind.ATTRIBUTE, query.substring(start, pos),
        new FieldExpr.AttributeRef(scope, name), start);
  }

  private Token number() throws TraceQLException {
    int start = pos;
    boolean fractional = false;
    while (pos < query.length() && isDigit(query.charAt(pos))) pos++;
    if (pos + 1 < query.length() && query.charAt(pos) == '.' && isDigit(query.charAt(pos + 1))) {
      fractional = true;
      pos++;
      while (pos < query.length() && isDigit(query.charAt(pos))) pos++;
    }
    int exponent = exponentEnd(pos);
    if (exponent > pos) {
      fractional = true;
      pos = exponent;
    }
    // A unit, or a second decimal point as in 1.2.3s, makes the number a duration (or a bad one).
    if (pos < query.length() && (isUnitStart(query.charAt(pos))
        || query.charAt(pos) == '.' && pos + 1 < query.length() && isDigit(query.charAt(pos + 1)))) {
      while (pos < query.length() && (isUnitStart(query.charAt(pos)) || isDigit(query.charAt(pos))
          || query.charAt(pos) == '.')) {
        pos++;
      }
      String text = query.substring(start, pos);
      try {
        return new Token(Token.Kind.LITERAL, text, new Value.Duration(TraceQLDuration.parseNanos(text)), start);
      } catch (IllegalArgumentException e) {
        throw TraceQLException.at(query, start, e.getMessage());
      }
    }
    String text = query.substring(start, pos);
    try {
      Value value = fractional ? new Value.Flt(Double.parseDouble(text)) : new Value.Int(Long.parseLong(text));
      return new Token(Token.Kind.LITERAL, text, value, start);
    } catch (NumberFormatException e) {
      throw TraceQLException.at(query, start, "number " + text + " is out of range");
    }
  }

  /** Where an exponent ({@code e5}, {@code E-3}) starting at {@code i} ends; {@code i} if there is none. */
  private int exponentEnd(int i) {
    if (i >= query.length() || (query.charAt(i) != 'e' && query.charAt(i) != 'E')) return i;
    int j = i + 1;
    if (j < query.length() && (query.charAt(j) == '+' || query.charAt(j) == '-')) j++;
    if (j >= query.length() || !isDigit(query.charAt(j))) return i;
    while (j < query.length() && isDigit(query.charAt(j))) j++;
    return j;
  }

  private void symbol() throws TraceQLException {
    for (String s : SYMBOLS) {
      if (query.startsWith(s, pos)) {
        tokens.add(new Token(Token.Kind.SYMBOL, s, null, pos));
        pos += s.length();
        return;
      }
    }
    throw TraceQLException.at(query, pos,
        "unexpected character '" + new String(Character.toChars(query.codePointAt(pos))) + "'");
  }

  /** A Go string literal: "…" with Go's escapes on one line, or `…` raw. */
  private String string() throws TraceQLException {
    int start = pos;
    char quote = query.charAt(pos++);
    StringBuilder out = new StringBuilder();
    while (true) {
      if (pos >= query.length() || quote == '"' && query.charAt(pos) == '\n') {
        throw TraceQLException.at(query, start, "string not terminated");
      }
      char c = query.charAt(pos++);
      if (c == quote) return out.toString();
      if (c == '\\' && quote == '"') {
        escape(out);
      } else {
        out.append(c);
      }
    }
  }

  private void escape(StringBuilder out) throws TraceQLException {
    int start = pos - 1;
    if (pos >= query.length()) throw TraceQLException.at(query, start, "string not terminated");
    char c = query.charAt(pos++);
    switch (c) {
      case 'a' -> out.append('\u0007');
      case 'b' -> out.append('\b');
      case 'f' -> out.append('\f');
      case 'n' -> out.append('\n');
      case 'r' -> out.append('\r');
      case 't' -> out.append('\t');
      case 'v' -> out.append('\u000b');
      case '\\', '"' -> out.append(c);
      case 'x' -> out.appendCodePoint(hex(2, start));
      case 'u' -> out.appendCodePoint(hex(4, start));
      case 'U' -> out.appendCodePoint(hex(8, start));
      default -> {
        if (c >= '0' && c <= '7' && pos + 1 < query.length()) {
          String octal = query.substring(pos - 1, pos + 2);
          if (octal.chars().allMatch(d -> d >= '0' && d <= '7')) {
            pos += 2;
            out.append((char) Integer.parseInt(octal, 8));
            return;
          }
        }
        throw TraceQLException.at(query, start, "invalid escape '\\" + c + "' in string");
      }
    }
  }

  private int hex(int digits, int escapeStart) throws TraceQLException {
    if (pos + digits > query.length()) {
      throw TraceQLException.at(query, escapeStart, "invalid escape in string: expected " + digits + " hex digits");
    }
    String text = query.substring(pos, pos + digits);
    try {
      int cp = Integer.parseUnsignedInt(text, 16);
      if (!Character.isValidCodePoint(cp)) throw new NumberFormatException();
      pos += digits;
      return cp;
    } catch (NumberFormatException e) {
      throw TraceQLException.at(query, escapeStart, "invalid escape in string: '" + text + "' is not a code point in hex");
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isWordStart(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
  }

  private static boolean isWordPart(char c) {
    return isWordStart(c) || isDigit(c);
  }

  private static boolean isUnitStart(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == 'µ' || c == 'μ';
  }
}
