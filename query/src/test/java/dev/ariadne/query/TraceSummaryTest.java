package dev.ariadne.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ariadne.model.Attributes;
import dev.ariadne.model.Resource;
import dev.ariadne.model.Span;
import dev.ariadne.model.StatusCode;
import dev.ariadne.model.TraceId;
import dev.ariadne.query.TraceSummary.ServiceSummary;
import dev.ariadne.store.Trace;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceSummaryTest {
  private static final TraceId TRACE = new TraceId(1, 2);
  private static final Resource WEB = Resource.of(Attributes.of("service.name", "web"));
  private static final Resource DB = Resource.of(Attributes.of("service.name", "db"));

  private static Span span(Resource resource, long id, long parent, String name, long start, long end,
      StatusCode status) {
    return Span.builder().resource(resource).traceId(TRACE.high(), TRACE.low()).spanId(id).parentSpanId(parent)
        .name(name).startEpochNanos(start).endEpochNanos(end).status(status, "").build();
  }

  @Test
  void summarisesRootTimesCountsAndServices() {
    TraceSummary s = TraceSummary.of(new Trace(TRACE, List.of(
        span(DB, 3, 2, "SELECT", 150, 180, StatusCode.ERROR),
        span(WEB, 2, 1, "call db", 120, 200, StatusCode.UNSET),
        span(WEB, 1, 0, "GET /", 100, 300, StatusCode.OK),
        span(WEB, 4, 99, "late orphan", 250, 400, StatusCode.ERROR))));
    assertEquals(TRACE, s.traceId());
    assertEquals("web", s.rootServiceName());
    assertEquals("GET /", s.rootOperationName());
    assertEquals(100, s.minStartEpochNanos());
    assertEquals(400, s.maxEndEpochNanos());
    assertEquals(4, s.spanCount());
    assertEquals(2, s.errorSpanCount());
    assertEquals(1, s.orphanSpanCount());
    assertEquals(List.of(new ServiceSummary("db", 1, 1), new ServiceSummary("web", 3, 1)), s.services());
  }

  @Test
  void anEarlierOrphanIsTheRootAndTiesGoToTheLowerSpanId() {
    TraceSummary s = TraceSummary.of(new Trace(TRACE, List.of(
        span(WEB, 9, 0, "real root", 100, 200, StatusCode.UNSET),
        span(DB, 8, 77, "orphan", 50, 60, StatusCode.UNSET))));
    assertEquals("orphan", s.rootOperationName());
    assertEquals("db", s.rootServiceName());

    TraceSummary tie = TraceSummary.of(new Trace(TRACE, List.of(
        span(WEB, 0xf000000000000000L, 0, "high id", 100, 200, StatusCode.UNSET),
        span(DB, 5, 0, "low id", 100, 200, StatusCode.UNSET))));
    assertEquals("low id", tie.rootOperationName());
  }

  @Test
  void parentsInACycleFallBackToTheEarliestSpan() {
    TraceSummary s = TraceSummary.of(new Trace(TRACE, List.of(
        span(WEB, 1, 2, "a", 200, 300, StatusCode.UNSET),
        span(DB, 2, 1, "b", 100, 300, StatusCode.UNSET))));
    assertEquals("b", s.rootOperationName());
    assertEquals(0, s.orphanSpanCount());
  }

  @Test
  void aSpanWithoutServiceNameCountsUnderUnknownService() {
    TraceSummary s = TraceSummary.of(new Trace(TRACE, List.of(
        span(Resource.EMPTY, 1, 0, "x", 1, 2, StatusCode.UNSET))));
    assertEquals(List.of(new ServiceSummary(Resource.UNKNOWN_SERVICE, 1, 0)), s.services());
    assertEquals(Resource.UNKNOWN_SERVICE, s.rootServiceName());
  }
}
