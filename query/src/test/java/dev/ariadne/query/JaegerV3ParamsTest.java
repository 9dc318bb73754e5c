package dev.ariadne.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.model.SpanKind;
import dev.ariadne.store.TraceQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JaegerV3ParamsTest {
  private static final String MIN = "2023-11-14T22:13:20Z";
  private static final String MAX = "2023-11-14T23:13:20Z";
  private static final long MIN_NANOS = 1_700_000_000_000_000_000L;
  private static final long MAX_NANOS = MIN_NANOS + 3_600_000_000_000L;

  private static Map<String, List<String>> params(String... pairs) {
    Map<String, List<String>> out = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      out.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
    }
    return out;
  }

  private static TraceQuery search(String... pairs) throws BadParameterException {
    return new JaegerV3Params(params(pairs)).search();
  }

  @Test
  void readsEveryCanonicalSearchParameter() throws Exception {
    TraceQuery q = search("query.serviceName", "web", "query.operationName", "GET /",
        "query.attributes", "{\"http.status_code\":\"500\",\"retry\":true}",
        "query.startTimeMin", MIN, "query.startTimeMax", MAX,
        "query.durationMin", "1.5ms", "query.durationMax", "2s", "query.searchDepth", "20", "query.rawTraces", "true");
    assertEquals("web", q.serviceName());
    assertEquals("GET /", q.operationName());
    assertEquals(List.of(Map.entry("http.status_code", "500"), Map.entry("retry", "true")), q.tags());
    assertEquals(MIN_NANOS, q.startEpochNanos());
    assertEquals(MAX_NANOS - 1, q.endEpochNanos(), "the maximum is exclusive");
    assertEquals(1_500_000, q.minDurationNanos());
    assertEquals(2_000_000_000, q.maxDurationNanos());
    assertEquals(20, q.limit());
  }

  @Test
  void readsTheSnakeCaseAliasesAndPrefersCanonicalNames() throws Exception {
    TraceQuery q = search("query.service_name", "old", "query.operation_name", "op",
        "query.start_time_min", MIN, "query.start_time_max", MAX,
        "query.duration_min", "1ms", "query.duration_max", "3ms", "query.num_traces", "7");
    assertEquals("old", q.serviceName());
    assertEquals("op", q.operationName());
    assertEquals(1_000_000, q.minDurationNanos());
    assertEquals(3_000_000, q.maxDurationNanos());
    assertEquals(7, q.limit());
    assertEquals(8, search("query.startTimeMin", MIN, "query.startTimeMax", MAX, "query.search_depth", "8").limit());

    TraceQuery both = search("query.serviceName", "new", "query.service_name", "old",
        "query.startTimeMin", MIN, "query.startTimeMax", MAX, "query.searchDepth", "3", "query.num_traces", "9");
    assertEquals("new", both.serviceName());
    assertEquals(3, both.limit());
  }

  @Test
  void emptyValuesAreAbsentAndDefaultsApply() throws Exception {
    TraceQuery q = search("query.serviceName", "", "query.startTimeMin", MIN, "query.startTimeMax", MAX,
        "query.searchDepth", "0");
    assertNull(q.serviceName());
    assertNull(q.operationName());
    assertEquals(JaegerV3Params.DEFAULT_SEARCH_DEPTH, q.limit());
    assertEquals(JaegerV3Params.DEFAULT_SEARCH_DEPTH,
        search("query.startTimeMin", MIN, "query.startTimeMax", MAX).limit());
    assertTrue(q.tags().isEmpty());
  }

  @Test
  void badValuesNameTheParameterTheRequestUsed() {
    assertBad("query.startTimeMin", "query.startTimeMax", MAX);
    assertBad("query.startTimeMax", "query.startTimeMin", MIN);
    assertBad("query.startTimeMin", "query.startTimeMin", "yesterday", "query.startTimeMax", MAX);
    assertBad("query.start_time_max", "query.startTimeMin", MIN, "query.start_time_max", "1700000000");
    assertBad("query.startTimeMax", "query.startTimeMin", MAX, "query.startTimeMax", MIN);
    assertBad("query.startTimeMax", "query.startTimeMin", MIN, "query.startTimeMax", MIN);
    assertBad("query.durationMin", "query.startTimeMin", MIN, "query.startTimeMax", MAX, "query.durationMin", "5");
    assertBad("query.duration_max", "query.startTimeMin", MIN, "query.startTimeMax", MAX, "query.duration_max", "-1s");
    assertBad("query.durationMax", "query.startTimeMin", MIN, "query.startTimeMax", MAX,
        "query.durationMin", "2s", "query.durationMax", "1s");
    assertBad("query.searchDepth", "query.startTimeMin", MIN, "query.startTimeMax", MAX, "query.searchDepth", "ten");
    assertBad("query.num_traces", "query.startTimeMin", MIN, "query.startTimeMax", MAX, "query.num_traces", "-3");
    assertBad("query.attributes", "query.startTimeMin", MIN, "query.startTimeMax", MAX, "query.attributes", "{");
    assertBad("query.attributes", "query.startTimeMin", MIN, "query.startTimeMax", MAX, "query.attributes", "[1]");
    assertBad("query.attributes", "query.startTimeMin", MIN, "query.startTimeMax", MAX,
        "query.attributes", "{\"a\":{\"b\":\"c\"}}");
    assertBad("query.attributes", "query.startTimeMin", MIN, "query.startTimeMax", MAX,
        "query.attributes", "[".repeat(5000));
    assertBad("query.rawTraces", "query.startTimeMin", MIN, "query.startTimeMax", MAX, "query.rawTraces", "yes");
    assertBad("query.filter", "query.startTimeMin", MIN, "query.startTimeMax", MAX, "query.filter", "{\"op\":\"eq\"}");
  }

  @Test
  void readsTheOtherEndpointsParameters() throws Exception {
    JaegerV3Params p = new JaegerV3Params(params("startTime", MIN, "end_time", MAX, "rawTraces", "1",
        "span_kind", "SERVER"));
    assertEquals(MIN_NANOS, p.timestampNanos("startTime", "start_time"));
    assertEquals(MAX_NANOS, p.timestampNanos("endTime", "end_time"));
    assertNull(p.timestampNanos("nothing"));
    assertTrue(p.bool("rawTraces", "raw_traces"));
    assertFalse(p.bool("absent"));
    assertEquals(SpanKind.SERVER, p.spanKind());
    assertNull(new JaegerV3Params(params()).spanKind());
    BadParameterException e = assertThrows(BadParameterException.class,
        () -> new JaegerV3Params(params("spanKind", "sideways")).spanKind());
    assertEquals("spanKind", e.parameter());
  }

  private static void assertBad(String parameter, String... pairs) {
    BadParameterException e = assertThrows(BadParameterException.class, () -> search(pairs));
    assertEquals(parameter, e.parameter(), e.getMessage());
  }
}
