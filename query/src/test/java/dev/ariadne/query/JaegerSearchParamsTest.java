package dev.ariadne.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ariadne.model.TraceId;
import dev.ariadne.store.TraceQuery;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JaegerSearchParamsTest {
  private static final long NOW_MICROS = 1_700_000_000_000_000L;

  private static TraceQuery parse(Map<String, List<String>> params) throws BadParameterException {
    return JaegerSearchParams.parse(params, NOW_MICROS).query();
  }

  @Test
  void readsEveryParameter() throws Exception {
    TraceQuery q = parse(Map.of(
        "service", List.of("web"),
        "operation", List.of("GET /"),
        "tags", List.of("{\"http.status_code\":\"500\",\"retry\":true}"),
        "tag", List.of("zone:eu:1"),
        "minDuration", List.of("1.5ms"),
        "maxDuration", List.of("2s"),
        "start", List.of("1000"),
        "end", List.of("2000"),
        "limit", List.of("20")));
    assertEquals("web", q.serviceName());
    assertEquals("GET /", q.operationName());
    assertEquals(List.of(Map.entry("zone", "eu:1"), Map.entry("http.status_code", "500"), Map.entry("retry", "true")),
        q.tags());
    assertEquals(1_500_000, q.minDurationNanos());
    assertEquals(2_000_000_000, q.maxDurationNanos());
    assertEquals(1_000_000, q.startEpochNanos());
    assertEquals(2_000_000, q.endEpochNanos());
    assertEquals(20, q.limit());
  }

  @Test
  void defaultsEndToNowLimitToOneHundredAndHonoursLookback() throws Exception {
    TraceQuery q = parse(Map.of("service", List.of("web"), "lookback", List.of("1h")));
    assertEquals(NOW_MICROS * 1_000, q.endEpochNanos());
    assertEquals((NOW_MICROS - 3_600_000_000L) * 1_000, q.startEpochNanos());
    assertEquals(JaegerSearchParams.DEFAULT_LIMIT, q.limit());
    assertNull(q.operationName());
  }

  @Test
  void traceIdsReplaceTheSearch() throws Exception {
    JaegerSearchParams p = JaegerSearchParams.parse(Map.of("traceID", List.of("abc", "0123456789abcdef0123456789abcdef")), NOW_MICROS);
    assertNull(p.query());
    assertEquals(List.of(new TraceId(0, 0xabc), new TraceId(0x0123456789abcdefL, 0x0123456789abcdefL)), p.traceIds());
  }

  @Test
  void badValuesNameTheirParameter() {
    record Case(String param, Map<String, List<String>> params) {}
    for (Case c : List.of(
        new Case("service", Map.of()),
        new Case("limit", Map.of("service", List.of("w"), "limit", List.of("-1"))),
        new Case("minDuration", Map.of("service", List.of("w"), "minDuration", List.of("abc"))),
        new Case("tags", Map.of("service", List.of("w"), "tags", List.of("{\"a\":"))),
        new Case("tags", Map.of("service", List.of("w"), "tags", List.of("{\"a\":{\"b\":1}}"))),
        new Case("lookback", Map.of("service", List.of("w"), "lookback", List.of("forever"))),
        new Case("traceID", Map.of("traceID", List.of("g00d"))))) {
      BadParameterException e = assertThrows(BadParameterException.class, () -> parse(c.params()), c.toString());
      assertEquals(c.param(), e.parameter(), e.getMessage());
    }
  }
}
