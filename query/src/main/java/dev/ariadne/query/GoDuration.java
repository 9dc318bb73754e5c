package dev.ariadne.query;

import java.math.BigDecimal;

/**
 * Parses durations written as Go's time.ParseDuration reads them ("1.5s", "100ms", "2h45m", "-3us"),
 * the form Jaeger's API takes for minDuration, maxDuration and lookback.
 */
public final class GoDuration {
  private GoDuration() {}

  /** The duration in nanoseconds. */
  public static long parseNanos(String text) {
    if (text.isEmpty()) throw new IllegalArgumentException("empty duration");
    int i = 0;
    boolean negative = false;
    if (text.charAt(0) == '-' || text.charAt(0) == '+') {
      negative = text.charAt(0) == '-';
      i++;
    }
    if (text.substring(i).equals("0")) return 0;
    if (i == text.length()) throw new IllegalArgumentException("invalid duration \"" + text + "\"");
    BigDecimal total = BigDecimal.ZERO;
    while (i < text.length()) {
      int numberStart = i;
      while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) i++;
      String number = text.substring(numberStart, i);
      if (number.isEmpty() || number.equals(".")) {
        throw new IllegalArgumentException("invalid duration \"" + text + "\"");
      }
      int unitStart = i;
      while (i < text.length() && !Character.isDigit(text.charAt(i)) && text.charAt(i) != '.') i++;
      String unit = text.substring(unitStart, i);
      if (unit.isEmpty()) throw new IllegalArgumentException("missing unit in duration \"" + text + "\"");
      BigDecimal value;
      try {
        value = new BigDecimal(number);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("invalid duration \"" + text + "\"");
      }
      total = total.add(value.multiply(BigDecimal.valueOf(nanosPer(unit, text))));
    }
    if (total.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw new IllegalArgumentException("duration \"" + text + "\" is too large");
    }
    long nanos = total.longValue();
    return negative ? -nanos : nanos;
  }

  private static long nanosPer(String unit, String text) {
    return switch (unit) {
      case "ns" -> 1L;
      case "us", "µs", "μs" -> 1_000L;
      case "ms" -> 1_000_000L;
      case "s" -> 1_000_000_000L;
      case "m" -> 60_000_000_000L;
      case "h" -> 3_600_000_000_000L;
      default -> throw new IllegalArgumentException("unknown unit \"" + unit + "\" in duration \"" + text + "\"");
    };
  }
}
