package dev.ariadne.query;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;

/**
 * Reads timestamps as Go's time.Parse(time.RFC3339Nano, …) reads them, the form Jaeger's API v3 takes:
 * {@code 2024-05-01T12:00:00Z}, {@code 2024-05-01T12:00:00.123456789+02:00}. Seconds and an offset are
 * required; the fraction has one to nine digits.
 */
public final class Rfc3339 {
  private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
      .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
      .appendOffset("+HH:MM", "Z")
      .toFormatter()
      .withResolverStyle(ResolverStyle.STRICT);

  private Rfc3339() {}

  /**
   * Nanoseconds since the epoch.
   *
   * @throws BadParameterException naming {@code parameter} when the text is not an RFC 3339 timestamp
   *     or lies outside what 64-bit nanoseconds hold (years 1678 to 2262)
   */
  public static long parseNanos(String parameter, String text) throws BadParameterException {
    OffsetDateTime time;
    try {
      time = OffsetDateTime.parse(text, FORMAT);
    } catch (DateTimeException e) {
      throw new BadParameterException(parameter,
          "expected an RFC 3339 timestamp such as 2024-05-01T12:00:00.5Z, got \"" + text + "\"");
    }
    try {
      return Math.addExact(Math.multiplyExact(time.toEpochSecond(), 1_000_000_000L), time.getNano());
    } catch (ArithmeticException e) {
      throw new BadParameterException(parameter, "timestamp \"" + text + "\" is out of range");
    }
  }
}
