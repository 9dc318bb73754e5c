package dev.ariadne.query.traceql;

import java.math.BigDecimal;

/**
 * Duration literals as Tempo reads them: Go's units (ns, us, µs, ms, s, m, h) and Prometheus's (d, w, y),
 * a number before each unit, several in a row: {@code 100ms}, {@code 1.5s}, {@code 1h30m}, {@code 2d}.
 */
final class TraceQLDuration {
  private TraceQLDuration() {}

  /** The duration in nanoseconds; @throws IllegalArgumentException if the text is not one. */
  static long parseNanos(String text) {
    BigDecimal total = BigDecimal.ZERO;
    int i = 0;
    while (i < text.length()) {
      int start = i;
      while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) i++;
      String number = text.substring(start, i);
      int unitStart = i;
      while (i < text.length() && !Character.isDigit(text.charAt(i)) && text.charAt(i) != '.') i++;
      String unit = text.substring(unitStart, i);
      if (number.isEmpty() || unit.isEmpty() || number.chars().filter(c -> c == '.').count() > 1
          || number.equals(".")) {
        throw new IllegalArgumentException("invalid duration '" + text + "'");
      }
      total = total.add(new BigDecimal(number).multiply(BigDecimal.valueOf(nanosPer(unit, text))));
    }
    if (total.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw new IllegalArgumentException("duration '" + text + "' is too large");
    }
    return total.longValue();
  }

  private static long nanosPer(String unit, String text) {
    return switch (unit) {
      case "ns" -> 1L;
      case "us", "µs", "μs" -> 1_000L;
      case "ms" -> 1_000_000L;
      case "s" -> 1_000_000_000L;
      case "m" -> 60_000_000_000L;
      case "h" -> 3_600_000_000_000L;
      case "d" -> 86_400_000_000_000L;
      case "w" -> 604_800_000_000_000L;
      case "y" -> 31_536_000_000_000_000L;
      default -> throw new IllegalArgumentException("unknown unit '" + unit + "' in duration '" + text + "'");
    };
  }
}
