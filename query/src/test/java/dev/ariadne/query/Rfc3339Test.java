package dev.ariadne.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Rfc3339Test {
  @Test
  void readsUtcOffsetsAndUpToNineFractionDigits() throws Exception {
    assertEquals(1_700_000_000_000_000_000L, Rfc3339.parseNanos("t", "2023-11-14T22:13:20Z"));
    assertEquals(1_700_000_000_500_000_000L, Rfc3339.parseNanos("t", "2023-11-14T22:13:20.5Z"));
    assertEquals(1_700_000_000_123_456_789L, Rfc3339.parseNanos("t", "2023-11-14T22:13:20.123456789Z"));
    assertEquals(1_700_000_000_000_000_000L, Rfc3339.parseNanos("t", "2023-11-15T00:13:20+02:00"));
    assertEquals(1_700_000_000_000_000_000L, Rfc3339.parseNanos("t", "2023-11-14T17:13:20-05:00"));
  }

  @Test
  void refusesWhatGoRefusesNamingTheParameter() {
    for (String bad : new String[] {"", "1700000000", "2023-11-14", "2023-11-14T22:13Z", "2023-11-14T22:13:20",
        "2023-11-14 22:13:20Z", "2023-11-14T22:13:20.Z", "2023-11-14T22:13:20.1234567891Z", "2023-02-30T00:00:00Z",
        "2023-11-14T25:00:00Z"}) {
      BadParameterException e = assertThrows(BadParameterException.class, () -> Rfc3339.parseNanos("query.startTimeMin", bad), bad);
      assertEquals("query.startTimeMin", e.parameter());
      assertTrue(e.getMessage().contains("RFC 3339"), e.getMessage());
    }
  }

  @Test
  void refusesTimesBeyondSixtyFourBitNanoseconds() {
    BadParameterException e = assertThrows(BadParameterException.class,
        () -> Rfc3339.parseNanos("startTime", "9999-01-01T00:00:00Z"));
    assertTrue(e.getMessage().contains("out of range"), e.getMessage());
  }
}
