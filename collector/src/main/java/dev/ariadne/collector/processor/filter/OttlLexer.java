package dev.ariadne.collector.processor.filter;

import java.util.ArrayList;
import java.util.List;

/** Splits an OTTL condition into tokens: words, strings, numbers, operators and punctuation. */
final class OttlLexer {
  enum Kind { WORD, STRING, NUMBER, OPERATOR, PUNCT, END }

  record Token(Kind kind, String text, int position) {}

  private OttlLexer() {}

  /** @throws IllegalArgumentException at the first character that starts no token */
  static List<Token> tokens(String source) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < source.length() && (Character.isLetterOrDigit(source.charAt(i)) || source.charAt(i) == '_')) i++;
        tokens.add(new Token(Kind.WORD, source.substring(start, i), start));
      } else if (Character.isDigit(c) || (c == '-' && i + 1 < source.length() && Character.isDigit(source.charAt(i + 1)))) {
        int start = i++;
        while (i < source.length() && (Character.isDigit(source.charAt(i)) || source.charAt(i) == '.')) i++;
        tokens.add(new Token(Kind.NUMBER, source.substring(start, i), start));
      } else if (c == '"') {
        int start = i;
        StringBuilder text = new StringBuilder();
        i++;
        while (i < source.length() && source.charAt(i) != '"') {
          if (source.charAt(i) == '\\' && i + 1 < source.length()) i++;
          text.append(source.charAt(i++));
        }
        if (i == source.length()) throw new IllegalArgumentException("unclosed string at position " + start);
        i++;
        tokens.add(new Token(Kind.STRING, text.toString(), start));
      } else if ("=!<>".indexOf(c) >= 0) {
        int start = i++;
        if (i < source.length() && source.charAt(i) == '=') i++;
        String op = source.substring(start, i);
        if (op.equals("=") || op.equals("!")) throw new IllegalArgumentException("unknown operator \"" + op + "\" at position " + start);
        tokens.add(new Token(Kind.OPERATOR, op, start));
      } else if ("()[],.".indexOf(c) >= 0) {
        tokens.add(new Token(Kind.PUNCT, String.valueOf(c), i++));
      } else {
        throw new IllegalArgumentException("unexpected \"" + c + "\" at position " + i);
      }
    }
    tokens.add(new Token(Kind.END, "", source.length()));
    return tokens;
  }
}
