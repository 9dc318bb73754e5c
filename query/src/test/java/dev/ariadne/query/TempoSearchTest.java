package dev.ariadne.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.model.Attributes;
import dev.ariadne.model.Resource;
import dev.ariadne.model.Span;
import dev.ariadne.model.SpanKind;
import dev.ariadne.query.traceql.TraceQLException;
import dev.ariadne.store.memory.MemorySpanStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ten traces: trace i starts i seconds after T0 and lasts i milliseconds; its root is a server span of
 * service "svc-(i % 2)" with attribute n=i, and it has one client child named "call".
 */
class TempoSearchTest {
  private static final long T0_SECONDS = 1_700_000_000L;
  private static final MemorySpanStore STORE = new MemorySpanStore(100);

  @BeforeAll
  static void fill() {
    for (long i = 1; i <= 10; i++) {
      Resource r = Resource.of(Attributes.of("service.name", "svc-" + i % 2));
      long start = (T0_SECONDS + i) * 1_000_000_000L;
      STORE.append(List.of(
          Span.builder().resource(r).traceId(7, i).spanId(1).name("root").kind(SpanKind.SERVER)
              .startEpochNanos(start).endEpochNanos(start + i * 1_000_000).attributes(Attributes.of("n", i)).build(),
          Span.builder().resource(r).traceId(7, i).spanId(2).parentSpanId(1).name("call").kind(SpanKind.CLIENT)
              .startEpochNanos(start + 1).endEpochNanos(start + 2).build()));
    }
  }

  private static List<Long> found(String... keysAndValues) throws Exception {
    Map<String, List<String>> params = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) params.put(keysAndValues[i], List.of(keysAndValues[i + 1]));
    return TempoSearch.parse(params).run(STORE).matches().stream()
        .map(m -> m.trace().trace().traceId().low()).toList();
  }

  @Test
  void findsByTraceQLNewestFirstUpToTheLimit() throws Exception {
    assertEquals(List.of(10L, 9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L), found());
    assertEquals(List.of(10L, 8L, 6L, 4L, 2L), found("q", "{ resource.service.name = \"svc-0\" }"));
    assertEquals(List.of(9L, 7L), found("q", "{ .n > 5 && resource.service.name = \"svc-1\" }"));
    assertEquals(List.of(3L), found("q", "{ .n = 3 } > { name = \"call\" }"));
    assertEquals(List.of(10L, 9L, 8L), found("limit", "3"));
    assertEquals(List.of(10L, 9L), found("q", "{ kind = client }", "limit", "2"));
  }

  @Test
  void findsByTags() throws Exception {
    assertEquals(List.of(4L), found("tags", "service.name=svc-0 n=4"));
    assertEquals(List.of(), found("tags", "service.name=svc-1 n=4"));
    assertEquals(List.of(2L), found("tags", "name=root n=2"));
    assertEquals(5, found("tags", "root.service.name=svc-1 name=call").size());
  }

  @Test
  void durationsBoundTheTraceInWholeMilliseconds() throws Exception {
    assertEquals(List.of(5L, 4L, 3L), found("minDuration", "3ms", "maxDuration", "5.9ms"));
    assertEquals(List.of(10L, 9L), found("minDuration", "9ms"));
    assertEquals(List.of(2L, 1L), found("maxDuration", "2999us"));
  }

  @Test
  void theWindowKeepsTracesThatOverlapIt() throws Exception {
    assertEquals(List.of(5L, 4L, 3L), found("start", Long.toString(T0_SECONDS + 3), "end", Long.toString(T0_SECONDS + 5)));
    assertEquals(List.of(), found("start", "1000", "end", "2000"));
  }

  @Test
  void matchesCarryTheSelectedSpansAndInspectionIsCounted() throws Exception {
    TempoSearch search = TempoSearch.parse(Map.of("q", List.of("{ .n = 6 } || { name = \"call\" && resource.service.name = \"svc-0\" }"),
        "spss", List.of("1")));
    TempoSearch.Result result = search.run(STORE);
    assertEquals(1, search.spansPerSpanSet());
    assertEquals(5, result.matches().size());
    TempoSearch.Match six = result.matches().stream().filter(m -> m.trace().trace().traceId().low() == 6).findFirst().orElseThrow();
    assertEquals(List.of("root", "call"), six.spans().stream().map(Span::name).toList());
    assertEquals(List.of("call"), result.matches().getFirst().spans().stream().map(Span::name).toList());
    assertEquals(10, result.inspectedTraces());
    // Pushed down, the service narrows what the full query is evaluated on.
    assertEquals(5, TempoSearch.parse(Map.of("q", List.of("{ resource.service.name = \"svc-0\" }"))).run(STORE).inspectedTraces());
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "limit; 0;        parameter 'limit': must be a positive number, got 0",
      "limit; -5;       parameter 'limit': must be a positive number, got -5",
      "limit; ten;      parameter 'limit': not an integer: \"ten\"",
      "spss; 0;         parameter 'spss': must be a positive number, got 0",
      "minDuration; 5;  parameter 'minDuration': missing unit in duration \"5\"",
      "minDuration; abc; parameter 'minDuration': invalid duration \"abc\"",
      "maxDuration; 3x; parameter 'maxDuration': unknown unit \"x\" in duration \"3x\"",
      "minDuration; -1s; parameter 'minDuration': must not be negative, got \"-1s\"",
      "start; yesterday; parameter 'start': expected unix epoch seconds, got \"yesterday\"",
      "start; 99999999999; parameter 'start': expected unix epoch seconds, got \"99999999999\"",
      "start; 100;      parameter 'end': must be after start, got start=100 end=0",
      "tags; a=\"x;     parameter 'tags': unterminated quoted value starting at position 3"})
  void badParametersAreNamed(String name, String value, String message) {
    BadParameterException e = assertThrows(BadParameterException.class,
        () -> TempoSearch.parse(Map.of(name, List.of(value))));
    assertEquals(message, e.getMessage());
  }

  @Test
  void crossParameterErrors() {
    assertEquals("parameter 'maxDuration': must be at least minDuration", assertThrows(BadParameterException.class,
        () -> TempoSearch.parse(Map.of("minDuration", List.of("5ms"), "maxDuration", List.of("1ms")))).getMessage());
    assertEquals("parameter 'tags': cannot be combined with q; give a TraceQL query or tags, not both",
        assertThrows(BadParameterException.class,
            () -> TempoSearch.parse(Map.of("q", List.of("{}"), "tags", List.of("a=b")))).getMessage());
    assertTrue(assertThrows(TraceQLException.class, () -> TempoSearch.parse(Map.of("q", List.of("{ .a = }"))))
        .getMessage().startsWith("parse error at line 1, col 8"));
  }

  @Test
  void emptyAndUnknownParametersAreIgnored() throws Exception {
    Map<String, List<String>> params = new HashMap<>();
    params.put("q", List.of(""));
    params.put("limit", List.of(""));
    params.put("prettyPrint", List.of("true"));
    params.put("tags", new ArrayList<>());
    assertEquals(10, TempoSearch.parse(params).run(STORE).matches().size());
  }
}
