package dev.ariadne.query.traceql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.model.Attributes;
import dev.ariadne.model.Bytes;
import dev.ariadne.model.Resource;
import dev.ariadne.model.Span;
import dev.ariadne.model.SpanKind;
import dev.ariadne.model.StatusCode;
import dev.ariadne.model.TraceId;
import dev.ariadne.store.Trace;
import dev.ariadne.store.TraceQuery;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Queries over a hand-built trace:
 *
 * <pre>
 * frontend  GET /cart        server    0–100ms  http.route=/cart http.status_code=200
 * ├ frontend  load-batch     internal 10–30ms   items=3 ratio=0.25 note="a\nb"
 * └ checkout  POST /checkout client   40–90ms   http.status_code=502 tags=[a,b] blob=bytes; status error "card declined"
 *   └ payments  charge       server   50–85ms   http.status_code="502" (a string)
 * </pre>
 * The frontend resource has region=us, payments region=eu.
 */
class TraceQLEvaluationTest {
  private static final long MS = 1_000_000;
  private static final long T0 = 1_700_000_000_000_000_000L;
  private static final TraceId TRACE_ID = new TraceId(0x1111, 0x2222);
  private static final Resource FRONTEND = Resource.of(Attributes.of("service.name", "frontend", "region", "us"));
  private static final Resource CHECKOUT = Resource.of(Attributes.of("service.name", "checkout"));
  private static final Resource PAYMENTS = Resource.of(Attributes.of("service.name", "payments", "region", "eu"));

  private static final TraceView TRACE = new TraceView(new Trace(TRACE_ID, List.of(
      span(FRONTEND, 1, 0, "GET /cart", SpanKind.SERVER, 0, 100)
          .attributes(Attributes.of("http.route", "/cart", "http.status_code", 200L)).build(),
      span(FRONTEND, 2, 1, "load-batch", SpanKind.INTERNAL, 10, 30)
          .attributes(Attributes.of("items", 3L, "ratio", 0.25, "note", "a\nb")).build(),
      span(CHECKOUT, 3, 1, "POST /checkout", SpanKind.CLIENT, 40, 90)
          .attributes(Attributes.of("http.status_code", 502L, "tags", List.of("a", "b"),
              "blob", Bytes.wrap(new byte[] {1})))
          .status(StatusCode.ERROR, "card declined").build(),
      span(PAYMENTS, 4, 3, "charge", SpanKind.SERVER, 50, 85)
          .attributes(Attributes.of("http.status_code", "502")).build())));

  private static Span.Builder span(Resource r, long id, long parent, String name, SpanKind kind, long startMs, long endMs) {
    return Span.builder().resource(r).traceId(TRACE_ID).spanId(id).parentSpanId(parent).name(name).kind(kind)
        .startEpochNanos(T0 + startMs * MS).endEpochNanos(T0 + endMs * MS);
  }

  private static List<String> names(String query) throws TraceQLException {
    return names(TraceQLQuery.parse(query), TRACE);
  }

  private static List<String> names(TraceQLQuery query, TraceView trace) {
    return query.matchingSpans(trace).stream().map(Span::name).toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "{};                                         GET /cart,load-batch,POST /checkout,charge",
      "{ name = \"charge\" };                      charge",
      "{ span:name != \"charge\" };                GET /cart,load-batch,POST /checkout",
      "{ status = error };                         POST /checkout",
      "{ span:status = unset };                    GET /cart,load-batch,charge",
      "{ statusMessage = \"card declined\" };      POST /checkout",
      "{ kind = server };                          GET /cart,charge",
      "{ span:kind != server };                    load-batch,POST /checkout",
      "{ duration > 40ms };                        GET /cart,POST /checkout",
      "{ duration >= 50ms && duration < 100ms };   POST /checkout",
      "{ span:duration <= 20000000 };              load-batch",
      "{ childCount = 2 };                         GET /cart",
      "{ childCount = 0 };                         load-batch,charge",
      "{ span:parentID = nil };                    GET /cart",
      "{ span:id = \"0000000000000004\" };         charge",
      "{ span:parentID = \"0000000000000003\" };   charge",
      "{ trace:id = \"00000000000011110000000000002222\" && name = \"charge\" }; charge",
      "{ rootName = \"GET /cart\" && kind = client };              POST /checkout",
      "{ trace:rootService = \"frontend\" && name = \"charge\" };  charge",
      "{ traceDuration = 100ms && name = \"charge\" };             charge",
      "{ trace:duration > 100ms };                 ''",
  })
  void intrinsics(String query, String expected) throws Exception {
    assertEquals(expected.isEmpty() ? List.of() : List.of(expected.split(",")), names(query));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      // Typed: the int 502 and the string "502" are different values.
      "{ span.http.status_code = 502 };              POST /checkout",
      "{ span.http.status_code = \"502\" };          charge",
      "{ span.http.status_code >= 500 };             POST /checkout",
      // != needs the attribute, and a value of a type that compares: the string "502" and a missing one fail.
      "{ span.http.status_code != 200 };             POST /checkout",
      "{ .http.route = \"/cart\" };                  GET /cart",
      // Unscoped finds span or resource attributes; scoped only its own.
      "{ .region = \"eu\" };                         charge",
      "{ resource.region = \"us\" };                 GET /cart,load-batch",
      "{ span.region = \"us\" };                     ''",
      "{ resource.service.name = \"checkout\" };     POST /checkout",
      // Numbers compare across int and float.
      "{ .items = 3.0 };                             load-batch",
      "{ .ratio > 0.2 && .ratio < 1 };               load-batch",
      "{ .ratio = 0.25 };                            load-batch",
      // Arrays match by any element.
      "{ .tags = \"b\" };                            POST /checkout",
      "{ .tags = \"c\" };                            ''",
      // nil tests presence; values TraceQL cannot compare (bytes) still exist.
      "{ .items != nil };                            load-batch",
      "{ .blob != nil };                             POST /checkout",
      "{ .blob = \"AQ==\" };                         ''",
      "{ .nothing = nil && kind = server };          GET /cart,charge",
      "{ .nothing != \"x\" };                        ''",
      "{ .nothing < 3 };                             ''",
      // A mismatched type is false for every operator.
      "{ .http.route > 3 || .http.route = 3 || .http.route != 3 }; ''",
  })
  void attributes(String query, String expected) throws Exception {
    assertEquals(expected.isEmpty() ? List.of() : List.of(expected.split(",")), names(query));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      // Anchored at both ends, as Tempo 3 does: a substring is not a match.
      "{ name =~ \"GET\" };                ''",
      "{ name =~ \"GET.*\" };              GET /cart",
      "{ name =~ \"(?i)get /CART\" };      GET /cart",
      "{ name =~ \"charge|load-batch\" };  load-batch,charge",
      "{ name !~ \".*/.*\" };              load-batch,charge",
      // . matches a newline.
      "{ .note =~ \"a.b\" };               load-batch",
      // On a value that is not a string, neither =~ nor !~ holds.
      "{ .items =~ \"3\" || .items !~ \"3\" }; ''",
  })
  void regularExpressions(String query, String expected) throws Exception {
    assertEquals(expected.isEmpty() ? List.of() : List.of(expected.split(",")), names(query));
  }

  @Test
  void catastrophicPatternsRunInLinearTime() throws Exception {
    Span longName = span(FRONTEND, 1, 0, "a".repeat(50_000) + "!", SpanKind.SERVER, 0, 1).build();
    TraceView trace = new TraceView(new Trace(TRACE_ID, List.of(longName)));
    // A backtracking engine takes exponential time here; RE2 does not backtrack.
    assertEquals(List.of(), names(TraceQLQuery.parse("{ name =~ \"(a+)+$\" }"), trace));
    assertEquals(1, names(TraceQLQuery.parse("{ name =~ \"(a|aa)+!\" }"), trace).size());
  }

  @Test
  void andAndOrAreEvaluatedLeftToRightAtOnePrecedence() throws Exception {
    // (error || server) && name = charge, not error || (server && name = charge).
    assertEquals(List.of("charge"), names("{ status = error || kind = server && name = \"charge\" }"));
    assertEquals(List.of("POST /checkout", "charge"), names("{ status = error || (kind = server && name = \"charge\") }"));
    assertEquals(List.of("load-batch", "POST /checkout"), names("{ !(kind = server) }"));
    assertEquals(List.of("GET /cart", "charge"), names("{ !!(kind = server) }"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "{ name = \"charge\" } && { name = \"load-batch\" };                    load-batch,charge",
      "{ name = \"charge\" } && { name = \"nope\" };                          ''",
      "{ name = \"nope\" } && { name = \"charge\" };                          ''",
      "{ name = \"charge\" } || { name = \"nope\" };                          charge",
      "{ name = \"nope\" } || { name = \"load-batch\" } || { kind = client };  load-batch,POST /checkout",
      // > keeps the right-hand spans whose parent is on the left.
      "{ kind = server } > { kind = client };                                 POST /checkout",
      "{ kind = server } > { };                                               load-batch,POST /checkout",
      "{ resource.service.name = \"frontend\" } > { resource.service.name = \"payments\" };  ''",
      // >> keeps those with an ancestor on the left.
      "{ resource.service.name = \"frontend\" } >> { resource.service.name = \"payments\" }; charge",
      "{ name = \"GET /cart\" } >> { kind = server };                         charge",
      "{ } >> { childCount = 0 };                                             load-batch,charge",
      "{ name = \"charge\" } >> { };                                          ''",
      "{ kind = server } > { kind = client } > { kind = server };             charge",
      // Structural operators bind tighter than && and ||.
      "{ kind = server } > { kind = client } && { name = \"load-batch\" };    load-batch,POST /checkout",
      "{ name = \"nope\" } || { kind = client } > { kind = server };          charge",
      "({ name = \"nope\" } || { kind = client }) > { kind = server };        charge",
  })
  void spansetOperators(String query, String expected) throws Exception {
    assertEquals(expected.isEmpty() ? List.of() : List.of(expected.split(",")), names(query));
  }

  @Test
  void aTraceWithoutItsRootHasNoRootValues() throws Exception {
    TraceView orphans = new TraceView(new Trace(TRACE_ID, List.of(
        span(CHECKOUT, 3, 1, "POST /checkout", SpanKind.CLIENT, 40, 90).build(),
        span(PAYMENTS, 4, 3, "charge", SpanKind.SERVER, 50, 85).build())));
    assertNull(orphans.root());
    assertEquals(List.of("POST /checkout", "charge"), names(TraceQLQuery.parse("{ rootName = nil }"), orphans));
    assertEquals(List.of(), names(TraceQLQuery.parse("{ rootServiceName != \"x\" }"), orphans));
    assertEquals(List.of("charge"), names(TraceQLQuery.parse("{ } > { }"), orphans));
  }

  @Test
  void parentCyclesEndTheAncestorWalk() throws Exception {
    TraceView cycle = new TraceView(new Trace(TRACE_ID, List.of(
        span(CHECKOUT, 1, 2, "a", SpanKind.SERVER, 0, 1).build(),
        span(CHECKOUT, 2, 1, "b", SpanKind.SERVER, 0, 1).build(),
        span(CHECKOUT, 3, 3, "self", SpanKind.SERVER, 0, 1).build())));
    assertEquals(List.of("a", "b"), names(TraceQLQuery.parse("{ } >> { }"), cycle));
    assertEquals(List.of(), names(TraceQLQuery.parse("{ name = \"x\" } >> { }"), cycle));
  }

  @Test
  void tempoTagSearchMatchesAllTagsOnOneSpanAsText() {
    record Case(List<Map.Entry<String, String>> tags, List<String> expected) {}
    for (Case c : List.of(
        new Case(List.of(), List.of("GET /cart", "load-batch", "POST /checkout", "charge")),
        new Case(List.of(Map.entry("http.status_code", "502")), List.of("POST /checkout", "charge")),
        new Case(List.of(Map.entry("http.status_code", "502"), Map.entry("service.name", "payments")), List.of("charge")),
        new Case(List.of(Map.entry("region", "us"), Map.entry("name", "load-batch")), List.of("load-batch")),
        new Case(List.of(Map.entry("status.code", "error")), List.of("POST /checkout")),
        new Case(List.of(Map.entry("status.code", "2")), List.of("POST /checkout")),
        new Case(List.of(Map.entry("error", "true")), List.of("POST /checkout")),
        new Case(List.of(Map.entry("root.service.name", "frontend"), Map.entry("items", "3")), List.of("load-batch")),
        new Case(List.of(Map.entry("root.name", "GET /cart"), Map.entry("ratio", "0.25")), List.of("load-batch")),
        new Case(List.of(Map.entry("http.status_code", "502"), Map.entry("region", "us")), List.of()))) {
      assertEquals(c.expected(), names(TraceQLQuery.matchingTags(c.tags()), TRACE), c.tags().toString());
    }
  }

  @Test
  void pushDownTellsTheStoreOnlyWhatEveryMatchMeets() throws Exception {
    TraceQuery all = pushedDown("{ resource.service.name = \"checkout\" && name = \"POST /checkout\" && kind = client }");
    assertEquals("checkout", all.serviceName());
    assertEquals("POST /checkout", all.operationName());
    assertEquals(SpanKind.CLIENT, all.spanKind());
    assertEquals("api", pushedDown("{ \"api\" = resource.service.name } > { name = \"x\" }").serviceName());
    assertEquals("api", pushedDown("({ resource.service.name = \"api\" } && { }) >> { }").serviceName());
    for (String notExact : List.of(
        "{ resource.service.name = \"a\" } || { name = \"b\" }",
        "{ resource.service.name = \"a\" || name = \"b\" }",
        "{ .service.name = \"a\" }",
        "{ span.service.name = \"a\" }",
        "{ resource.service.name != \"a\" }",
        "{ resource.service.name =~ \"a\" }",
        "{ !(resource.service.name = \"a\") }")) {
      TraceQuery q = pushedDown(notExact);
      assertNull(q.serviceName(), notExact);
      assertNull(q.operationName(), notExact);
    }
  }

  @Test
  void pushDownPassesSpanDurationBoundsAndAttributeEqualities() throws Exception {
    TraceQuery q = pushedDown("{ resource.service.name = \"shop\" && span.tenant.id = \"t7\" && .region = \"eu\""
        + " && duration >= 100ms && duration < 2s && span.ratio = 0.5 && span.retried = true }");
    assertEquals("shop", q.serviceName());
    assertEquals(List.of(Map.entry("tenant.id", "t7"), Map.entry("region", "eu"), Map.entry("retried", "true")),
        q.tags(), "doubles are left out: their text is not exact");
    assertEquals(100_000_000L, q.minDurationNanos());
    assertEquals(1_999_999_999L, q.maxDurationNanos());
    TraceQuery mirrored = pushedDown("{ 1s < duration && span.http.status_code = 500 }");
    assertEquals(1_000_000_001L, mirrored.minDurationNanos());
    assertEquals(List.of(Map.entry("http.status_code", "500")), mirrored.tags());
    assertTrue(pushedDown("{ span.tenant.id != \"t7\" && span.n > 3 }").tags().isEmpty());
    for (String notImplied : List.of("{ duration != 1s }", "{ span.tenant.id = \"t7\" || duration > 1s }",
        "{ traceDuration > 1s }", "{ duration > 1s } || { span.a = \"b\" }")) {
      TraceQuery none = pushedDown(notImplied);
      assertTrue(none.tags().isEmpty() && none.minDurationNanos() == 0, notImplied);
    }
  }

  private static TraceQuery pushedDown(String query) throws TraceQLException {
    TraceQuery.Builder b = TraceQuery.builder();
    TraceQLQuery.parse(query).pushDown(b);
    return b.build();
  }

  @Test
  void attributesTheQueryLooksAtInOrder() throws Exception {
    assertEquals(List.of(new FieldExpr.AttributeRef(AttributeScope.SPAN, "http.method"),
            new FieldExpr.AttributeRef(AttributeScope.ANY, "region")),
        TraceQLQuery.parse("{ span.http.method = \"GET\" && name = \"x\" } >> { .region = \"eu\" || span.http.method = \"x\" }")
            .attributes());
    assertEquals(List.of(new FieldExpr.AttributeRef(AttributeScope.ANY, "http.status_code")),
        TraceQLQuery.matchingTags(List.of(Map.entry("name", "x"), Map.entry("http.status_code", "1"))).attributes());
  }
}
