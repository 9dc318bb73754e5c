package dev.ariadne.query;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code tags} parameter of Tempo's search, which is logfmt as go-logfmt reads it:
 * {@code service.name=api http.status_code=500 note="two words"}. Pairs are separated by white space;
 * values may be quoted, with JSON's escapes; a key without {@code =} has the empty value. A key given twice
 * is refused, as Tempo refuses it.
 */
public final class LogfmtTags {
  private static final String PARAM = "tags";

  private final String text;
  private int pos;

  private LogfmtTags(String text) {
    this.text = text;
  }

  public static List<Map.Entry<String, String>> parse(String text) throws BadParameterException {
    return new LogfmtTags(text).pairs();
  }

  private List<Map.Entry<String, String>> pairs() throws BadParameterException {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    while (true) {
      while (pos < text.length() && text.charAt(pos) <= ' ') pos++;
      if (pos >= text.length()) return out;
      String key = key();
      String value = "";
      if (pos < text.length() && text.charAt(pos) == '=') {
        pos++;
        value = pos < text.length() && text.charAt(pos) == '"' ? quoted() : bare();
      }
      if (!seen.add(key)) throw new BadParameterException(PARAM, "tag " + key + " has been set twice");
      out.add(Map.entry(key, value));
    }
  }

  private String key() throws BadParameterException {
    int start = pos;
    while (pos < text.length() && text.charAt(pos) > ' ' && text.charAt(pos) != '=') {
      if (text.charAt(pos) == '"') throw unexpected();
      pos++;
    }
    if (pos == start) throw unexpected();
    return text.substring(start, pos);
  }

  private String bare() throws BadParameterException {
    int start = pos;
    while (pos < text.length() && text.charAt(pos) > ' ') {
      if (text.charAt(pos) == '"' || text.charAt(pos) == '=') throw unexpected();
      pos++;
    }
    return text.substring(start, pos);
  }

  private String quoted() throws BadParameterException {
    int start = pos++;
    StringBuilder out = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '"') return out.toString();
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (pos >= text.length()) break;
      char e = text.charAt(pos++);
      switch (e) {
        case '"', '\\', '/' -> out.append(e);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          if (pos + 4 > text.length() || !isHex(text.substring(pos, pos + 4))) {
            throw new BadParameterException(PARAM, "invalid \\u escape at position " + (pos - 1));
          }
          out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
          pos += 4;
        }
        default -> throw new BadParameterException(PARAM, "invalid escape '\\" + e + "' at position " + (pos - 1));
      }
    }
    throw new BadParameterException(PARAM, "unterminated quoted value starting at position " + (start + 1));
  }

  private BadParameterException unexpected() {
    return new BadParameterException(PARAM, "unexpected '" + text.charAt(pos) + "' at position " + (pos + 1));
  }

  private static boolean isHex(String s) {
    return s.chars().allMatch(c -> Character.digit(c, 16) >= 0);
  }
}
