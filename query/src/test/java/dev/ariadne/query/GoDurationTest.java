package dev.ariadne.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationTest {
  @ParameterizedTest
  @CsvSource({
      "0, 0",
      "1.2s, 1200000000",
      "100ms, 100000000",
      "2h45m, 9900000000000",
      "1.5us, 1500",
      "1.5µs, 1500",
      "7ns, 7",
      "-3ms, -3000000",
      "+1m, 60000000000",
      ".5s, 500000000",
  })
  void parsesGoDurations(String text, long nanos) {
    assertEquals(nanos, GoDuration.parseNanos(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "5", "1.2", "ms", "1x", "1..2s", "-", "1e3s", "9999999999h"})
  void rejectsWhatGoRejects(String text) {
    assertThrows(IllegalArgumentException.class, () -> GoDuration.parseNanos(text));
  }
}
