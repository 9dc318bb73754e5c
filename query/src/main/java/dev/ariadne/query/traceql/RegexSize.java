package dev.ariadne.query.traceql;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A cheap upper estimate of how many instructions a pattern compiles to, so that {@link TraceQLRegex} can
 * refuse a pattern before compiling it: repetition multiplies the size of what it repeats, and nested
 * repetition multiplies again ({@code ((a{1000}){1000}){1000}} would be a billion). Reads the pattern
 * without recursion, so any nesting costs no stack; RE2/J itself then reports syntax errors.
 */
final class RegexSize {
  /** Far above what a filter needs (a hundred alternatives of long names is a few thousand). */
  static final long MAX_INSTRUCTIONS = 20_000;
  static final int MAX_GROUP_DEPTH = 100;

  private RegexSize() {}

  /** @throws IllegalArgumentException if the pattern is estimated too large or nests too deeply */
  static void check(String pattern) {
    Deque<Long> outer = new ArrayDeque<>(); // the size so far of each enclosing group
    long size = 0;  // of the current group
    long last = 0;  // of the atom a following quantifier applies to
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      int atomEnd = i + 1;
      long atom = 1;
      switch (c) {
        case '\\' -> {
          atomEnd = escapeEnd(pattern, i);
          // \Q…\E quotes its text literally: each character is an instruction.
          if (pattern.startsWith("\\Q", i)) atom = Math.max(1, atomEnd - i - 4);
        }
        case '[' -> atomEnd = classEnd(pattern, i);
        case '(' -> {
          if (outer.size() >= MAX_GROUP_DEPTH) {
            throw new IllegalArgumentException("regular expression nests groups deeper than " + MAX_GROUP_DEPTH);
          }
          outer.push(size);
          size = 0;
          atom = 0;
        }
        case ')' -> {
          atom = size + 1;
          size = outer.isEmpty() ? 0 : outer.pop();
        }
        case '|', '*', '+', '?' -> atom = 0;
        case '{' -> {
          int close = pattern.indexOf('}', i);
          long repeat = close < 0 ? -1 : repeatCount(pattern.substring(i + 1, close));
          if (repeat >= 0) {
            size = capped(size + capped(last * Math.max(repeat - 1, 0)) + repeat);
            last = capped(last * repeat);
            i = close + 1;
            check(size, outer);
            continue;
          }
        }
        default -> { }
      }
      if (c == '|' || c == '*' || c == '+' || c == '?') {
        size = capped(size + 1);
      } else if (c != '(') {
        last = atom;
        size = capped(size + atom);
      }
      check(size, outer);
      i = atomEnd;
    }
  }

  private static void check(long size, Deque<Long> outer) {
    long total = size;
    for (long s : outer) total = capped(total + s);
    if (total > MAX_INSTRUCTIONS) {
      throw new IllegalArgumentException(
          "regular expression is too large: it would compile to more than " + MAX_INSTRUCTIONS + " instructions");
    }
  }

  private static long capped(long v) {
    return v < 0 || v > MAX_INSTRUCTIONS + 1 ? MAX_INSTRUCTIONS + 1 : v;
  }

  /** The larger count of {@code n}, {@code n,} or {@code n,m}, or -1 if the braces hold no count. */
  private static long repeatCount(String inside) {
    int comma = inside.indexOf(',');
    String min = comma < 0 ? inside : inside.substring(0, comma);
    String max = comma < 0 ? inside : inside.substring(comma + 1);
    if (!isNumber(min) || !max.isEmpty() && !isNumber(max)) return -1;
    long low = Long.parseLong(min);
    return max.isEmpty() ? low + 1 : Math.max(low, Long.parseLong(max));
  }

  private static boolean isNumber(String s) {
    if (s.isEmpty() || s.length() > 6) return false;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
    }
    return true;
  }

  /** Where an escape starting at {@code i} ends: {@code \x}, {@code \p{…}}, {@code \x{…}}, {@code \Q…\E}. */
  private static int escapeEnd(String p, int i) {
    if (i + 1 >= p.length()) return p.length();
    char next = p.charAt(i + 1);
    if ((next == 'p' || next == 'P' || next == 'x') && i + 2 < p.length() && p.charAt(i + 2) == '{') {
      int close = p.indexOf('}', i + 2);
      return close < 0 ? p.length() : close + 1;
    }
    if (next == 'Q') {
      int end = p.indexOf("\\E", i + 2);
      return end < 0 ? p.length() : end + 2;
    }
    return i + 2;
  }

  /** Where a character class starting at {@code i} ends, skipping escapes and {@code [:alpha:]}. */
  private static int classEnd(String p, int i) {
    int j = i + 1;
    if (j < p.length() && p.charAt(j) == '^') j++;
    if (j < p.length() && p.charAt(j) == ']') j++;
    while (j < p.length()) {
      char c = p.charAt(j);
      if (c == '\\') {
        j += 2;
      } else if (c == '[' && j + 1 < p.length() && p.charAt(j + 1) == ':') {
        int close = p.indexOf(":]", j + 2);
        j = close < 0 ? j + 1 : close + 2;
      } else if (c == ']') {
        return j + 1;
      } else {
        j++;
      }
    }
    return p.length();
  }
}
