package dev.ariadne.store.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.model.Attributes;
import dev.ariadne.model.Resource;
import dev.ariadne.model.Span;
import dev.ariadne.model.SpanEvent;
import dev.ariadne.model.SpanKind;
import dev.ariadne.model.StatusCode;
import dev.ariadne.model.TraceId;
import dev.ariadne.store.DependencyLink;
import dev.ariadne.store.Operation;
import dev.ariadne.store.Trace;
import dev.ariadne.store.TraceQuery;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemorySpanStoreTest {
  private static final Resource WEB = Resource.of(Attributes.of("service.name", "web", "zone", "a"));
  private static final Resource DB = Resource.of(Attributes.of("service.name", "db"));

  private static Span span(Resource r, long trace, long id, long parent, String name) {
    return Span.builder().resource(r).traceId(0, trace).spanId(id).parentSpanId(parent).name(name)
        .kind(SpanKind.SERVER).startEpochNanos(trace * 1_000_000_000L).endEpochNanos(trace * 1_000_000_000L + 5_000)
        .build();
  }

  private static TraceQuery query(String service, List<Map.Entry<String, String>> tags, int limit) {
    return TraceQuery.builder().serviceName(service).tags(tags).limit(limit).build();
  }

  @Test
  void evictsWholeOldestTracesBeyondTheBound() {
    MemorySpanStore store = new MemorySpanStore(2);
    store.append(List.of(span(WEB, 1, 1, 0, "a"), span(WEB, 2, 2, 0, "b")));
    store.append(List.of(span(WEB, 1, 3, 1, "a-child"))); // trace 1 grows but stays the oldest
    store.append(List.of(span(WEB, 3, 4, 0, "c")));
    assertTrue(store.trace(new TraceId(0, 1)).isEmpty(), "trace 1 evicted whole");
    assertEquals(1, store.trace(new TraceId(0, 2)).spans().size());
    assertEquals(1, store.trace(new TraceId(0, 3)).spans().size());
    assertEquals(2, store.traceCount());
    assertEquals(1, store.evictedTraces());
    // Operation lists outlive eviction, so UIs keep offering what was seen.
    assertTrue(store.operations("web", null).contains(new Operation("a", SpanKind.SERVER)));
  }

  @Test
  void spansOfOneTraceAcrossBatchesAssemble() {
    MemorySpanStore store = new MemorySpanStore(10);
    store.append(List.of(span(WEB, 7, 1, 0, "root")));
    store.append(List.of(span(DB, 7, 2, 1, "query")));
    Trace trace = store.trace(new TraceId(0, 7));
    assertEquals(List.of("root", "query"), trace.spans().stream().map(Span::name).toList());
  }

  @Test
  void findReturnsNewestFirstUpToTheLimit() {
    MemorySpanStore store = new MemorySpanStore(10);
    for (int i = 1; i <= 5; i++) store.append(List.of(span(WEB, i, i, 0, "op")));
    List<Trace> found = store.findTraces(query("web", List.of(), 3));
    assertEquals(List.of(5L, 4L, 3L), found.stream().map(t -> t.traceId().low()).toList());
  }

  @Test
  void tagsMatchSpanResourceEventAndDerivedTags() {
    MemorySpanStore store = new MemorySpanStore(10);
    Span failed = Span.builder().resource(WEB).traceId(0, 1).spanId(1).name("pay")
        .attributes(Attributes.of("http.status_code", 502L))
        .events(List.of(new SpanEvent(1, "exception", Attributes.of("exception.type", "IOError"), 0)))
        .status(StatusCode.ERROR, "upstream").build();
    Resource otherZone = Resource.of(Attributes.of("service.name", "web", "zone", "b"));
    store.append(List.of(failed, span(otherZone, 2, 2, 0, "pay")));
    for (var tag : List.of(Map.entry("http.status_code", "502"), Map.entry("zone", "a"),
        Map.entry("exception.type", "IOError"), Map.entry("error", "true"),
        Map.entry("otel.status_code", "ERROR"), Map.entry("event", "exception"))) {
      List<Trace> found = store.findTraces(query("web", List.of(tag), 10));
      assertEquals(List.of(1L), found.stream().map(t -> t.traceId().low()).toList(), tag.toString());
    }
    // All conditions must hold on one span.
    assertEquals(1, store.findTraces(query("web", List.of(Map.entry("zone", "b")), 10)).size());
    assertEquals(0, store.findTraces(query("web", List.of(Map.entry("error", "true"), Map.entry("zone", "b")), 10)).size());
  }

  @Test
  void dependenciesCountCrossServiceParentChildPairsInTheWindow() {
    MemorySpanStore store = new MemorySpanStore(10);
    store.append(List.of(span(WEB, 1, 1, 0, "GET"), span(DB, 1, 2, 1, "SELECT"), span(DB, 1, 3, 1, "SELECT"),
        span(WEB, 1, 4, 1, "render")));
    store.append(List.of(span(WEB, 100, 5, 0, "GET"), span(DB, 100, 6, 5, "SELECT")));
    assertEquals(List.of(new DependencyLink("web", "db", 2)), store.dependencies(2_000, 2_000));
    assertEquals(List.of(new DependencyLink("web", "db", 3)), store.dependencies(200_000, 200_000));
  }

  @Test
  void servicesAndOperationsAreSortedAndFilteredByKind() {
    MemorySpanStore store = new MemorySpanStore(10);
    store.append(List.of(span(WEB, 1, 1, 0, "b"), span(DB, 1, 2, 1, "x"),
        Span.builder().resource(WEB).traceId(0, 1).spanId(3).name("a").kind(SpanKind.CLIENT).build()));
    assertEquals(List.of("db", "web"), store.services());
    assertEquals(List.of(new Operation("a", SpanKind.CLIENT), new Operation("b", SpanKind.SERVER)),
        store.operations("web", null));
    assertEquals(List.of(new Operation("a", SpanKind.CLIENT)), store.operations("web", SpanKind.CLIENT));
    assertEquals(List.of(), store.operations("nobody", null));
  }

  @Test
  void boundMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> new MemorySpanStore(0));
  }

  @Test
  void traceFilterNarrowsWhatTheSpanConditionsFound() {
    MemorySpanStore store = new MemorySpanStore(10);
    store.append(List.of(span(WEB, 1, 1, 0, "GET"), span(DB, 1, 2, 1, "SELECT")));
    store.append(List.of(span(WEB, 2, 3, 0, "GET")));
    TraceQuery twoSpans = TraceQuery.builder().serviceName("web").traceFilter(t -> t.spans().size() == 2).build();
    assertEquals(List.of(1L), store.findTraces(twoSpans).stream().map(t -> t.traceId().low()).toList());
  }
}
