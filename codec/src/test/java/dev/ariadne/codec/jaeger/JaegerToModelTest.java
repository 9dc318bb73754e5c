package dev.ariadne.codec.jaeger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.ariadne.codec.otlp.DecodedSpans;
import dev.ariadne.model.Attributes;
import dev.ariadne.model.InstrumentationScope;
import dev.ariadne.model.Resource;
import dev.ariadne.model.Span;
import dev.ariadne.model.SpanEvent;
import dev.ariadne.model.SpanKind;
import dev.ariadne.model.SpanLink;
import dev.ariadne.model.StatusCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OTel Collector translator's rules, one by one, on spans as both Jaeger formats carry them. */
class JaegerToModelTest {
  private static final long HIGH = 0x1111L;
  private static final long LOW = 0x2222L;

  @Test
  void theProcessBecomesTheResourceWithTheTranslatorsRenames() {
    Resource r = JaegerToModel.resource(new JaegerProcess("checkout", Attributes.of(
        "hostname", "web-1", "jaeger.version", "Java-1.8.1", "ip", "10.0.0.1", "cpus", 8L, "ip", "10.0.0.2")));
    assertEquals(Attributes.of("service.name", "checkout", "ip", "10.0.0.2", "cpus", 8L,
        "host.name", "web-1", "opencensus.exporterversion", "Jaeger-Java-1.8.1"), r.attributes());

    // An explicit host.name wins and hostname stays as it was sent.
    Resource both = JaegerToModel.resource(new JaegerProcess("s", Attributes.of("host.name", "a", "hostname", "b")));
    assertEquals(Attributes.of("service.name", "s", "host.name", "a", "hostname", "b"), both.attributes());

    assertEquals(Resource.EMPTY, JaegerToModel.resource(null));
    assertEquals(Resource.EMPTY, JaegerToModel.resource(new JaegerProcess("OTLPResourceNoServiceName", Attributes.of("a", 1L))));
    assertEquals(Resource.EMPTY, JaegerToModel.resource(new JaegerProcess("", Attributes.EMPTY)));
    assertEquals(Attributes.of("a", 1L), JaegerToModel.resource(new JaegerProcess("", Attributes.of("a", 1L))).attributes());
  }

  @Test
  void spanKindTagBecomesTheKind() {
    assertEquals(SpanKind.SERVER, one(tags("span.kind", "server")).kind());
    assertEquals(SpanKind.CLIENT, one(tags("span.kind", "client")).kind());
    assertEquals(SpanKind.PRODUCER, one(tags("span.kind", "producer")).kind());
    assertEquals(SpanKind.CONSUMER, one(tags("span.kind", "consumer")).kind());
    assertEquals(SpanKind.INTERNAL, one(tags("span.kind", "internal")).kind());
    Span unknown = one(tags("span.kind", "rpc", "x", 1L));
    assertEquals(SpanKind.UNSPECIFIED, unknown.kind());
    assertEquals(Attributes.of("x", 1L), unknown.attributes(), "the tag goes whatever its value");
  }

  @Test
  void errorTrueIsErrorStatusWithTheDescription() {
    Span s = one(tags("error", true, "otel.status_description", "boom", "otel.status_code", "OK", "k", "v"));
    assertEquals(StatusCode.ERROR, s.statusCode());
    assertEquals("boom", s.statusMessage());
    assertEquals(Attributes.of("k", "v"), s.attributes());

    Span http = one(tags("error", true, "http.status_message", "Bad Gateway"));
    assertEquals(StatusCode.ERROR, http.statusCode());
    assertEquals("Bad Gateway", http.statusMessage());
    assertEquals(Attributes.of("http.status_message", "Bad Gateway"), http.attributes());
  }

  @Test
  void errorFalseOrAsTextStaysATag() {
    Span f = one(tags("error", false));
    assertEquals(StatusCode.UNSET, f.statusCode());
    assertEquals(Attributes.of("error", false), f.attributes());
    Span text = one(tags("error", "true"));
    assertEquals(StatusCode.UNSET, text.statusCode());
    assertEquals(Attributes.of("error", "true"), text.attributes());
  }

  @Test
  void otelStatusCodeInAnyCaseSetsTheStatus() {
    Span ok = one(tags("otel.status_code", "ok", "otel.status_description", "fine"));
    assertEquals(StatusCode.OK, ok.statusCode());
    assertEquals("fine", ok.statusMessage());
    assertEquals(Attributes.EMPTY, ok.attributes());
    Span error = one(tags("otel.status_code", "ERROR"));
    assertEquals(StatusCode.ERROR, error.statusCode());
    Span other = one(tags("otel.status_code", "UNSET", "otel.status_description", "d"));
    assertEquals(StatusCode.UNSET, other.statusCode());
    assertEquals("d", other.statusMessage());
    assertEquals(Attributes.EMPTY, other.attributes());
  }

  @Test
  void withoutAnExplicitStatusHttpFailuresAreErrors() {
    assertEquals(StatusCode.ERROR, one(tags("http.status_code", 500L)).statusCode());
    assertEquals(StatusCode.ERROR, one(tags("http.status_code", "503")).statusCode());
    assertEquals(StatusCode.UNSET, one(tags("http.status_code", 200L)).statusCode());
    assertEquals(StatusCode.ERROR, one(tags("span.kind", "client", "http.status_code", 404L)).statusCode());
    assertEquals(StatusCode.UNSET, one(tags("span.kind", "server", "http.status_code", 404L)).statusCode());
    assertEquals(StatusCode.UNSET, one(tags("http.status_code", "not a number")).statusCode());
    Span withMessage = one(tags("http.status_code", 502L, "http.status_message", "Bad Gateway"));
    assertEquals("Bad Gateway", withMessage.statusMessage());
    assertEquals(Attributes.of("http.status_code", 502L, "http.status_message", "Bad Gateway"), withMessage.attributes());
  }

  @Test
  void scopeTagsBecomeTheScope() {
    Span s = one(tags("otel.scope.name", "shop", "k", 1L, "otel.scope.version", "1.2"));
    assertEquals(InstrumentationScope.of("shop", "1.2"), s.scope());
    assertEquals(Attributes.of("k", 1L), s.attributes());

    Span library = one(tags("otel.library.name", "old", "otel.library.version", "0.9"));
    assertEquals(InstrumentationScope.of("old", "0.9"), library.scope());
    assertEquals(Attributes.EMPTY, library.attributes());

    // A version without a name is not a scope: it stays a tag, as in the translator.
    Span versionOnly = one(tags("otel.scope.version", "1.0"));
    assertEquals(InstrumentationScope.EMPTY, versionOnly.scope());
    assertEquals(Attributes.of("otel.scope.version", "1.0"), versionOnly.attributes());
  }

  @Test
  void spansOfOneRequestShareScopeObjects() {
    JaegerToModel translator = new JaegerToModel();
    translator.add("a", Resource.EMPTY, span(1, Attributes.of("otel.scope.name", "lib")));
    translator.add("b", Resource.EMPTY, span(2, Attributes.of("otel.scope.name", "lib")));
    List<Span> spans = translator.result().spans();
    assertSame(spans.get(0).scope(), spans.get(1).scope());
  }

  @Test
  void traceStateTagBecomesTheTraceState() {
    Span s = one(tags("w3c.tracestate", "rojo=00f067aa0ba902b7"));
    assertEquals("rojo=00f067aa0ba902b7", s.traceState());
    assertEquals(Attributes.EMPTY, s.attributes());
  }

  @Test
  void repeatedTagsKeepTheFirstPlaceAndTheLastValue() {
    assertEquals(Attributes.of("a", 1L, "b", 2L), one(tags("a", 0L, "b", 2L, "a", 1L)).attributes());
  }

  @Test
  void logsBecomeEventsNamedByTheirEventField() {
    JaegerSpan j = withLogs(List.of(
        new JaegerSpan.Log(5_000, Attributes.of("level", "info", "event", "cache miss")),
        new JaegerSpan.Log(6_000, Attributes.of("event", 7L)),
        new JaegerSpan.Log(7_000, Attributes.EMPTY)));
    List<SpanEvent> events = one(j).events();
    assertEquals(List.of(
        new SpanEvent(5_000, "cache miss", Attributes.of("level", "info"), 0),
        new SpanEvent(6_000, "", Attributes.EMPTY, 0),
        new SpanEvent(7_000, "", Attributes.EMPTY, 0)), events);
  }

  @Test
  void thriftsParentSpanIdIsTheParentAndOtherReferencesAreLinks() {
    Span s = one(withRefs(0x77, List.of(
        ref(JaegerSpan.RefType.CHILD_OF, HIGH, LOW, 0x77),
        ref(JaegerSpan.RefType.FOLLOWS_FROM, HIGH, LOW, 0x88),
        ref(JaegerSpan.RefType.CHILD_OF, 9, 9, 0x99))));
    assertEquals(0x77, s.parentSpanId());
    assertEquals(List.of(link(HIGH, LOW, 0x88, "follows_from"), link(9, 9, 0x99, "child_of")), s.links());
  }

  @Test
  void withoutParentSpanIdTheFirstSameTraceChildOfIsTheParent() {
    Span s = one(withRefs(0, List.of(
        ref(JaegerSpan.RefType.CHILD_OF, 5, 5, 0x55),
        ref(JaegerSpan.RefType.FOLLOWS_FROM, HIGH, LOW, 0x66),
        ref(JaegerSpan.RefType.CHILD_OF, HIGH, LOW, 0x44))));
    assertEquals(0x44, s.parentSpanId());
    assertEquals(List.of(link(5, 5, 0x55, "child_of"), link(HIGH, LOW, 0x66, "follows_from")), s.links());
  }

  @Test
  void aSameTraceFollowsFromIsTheParentWhenThereIsNoChildOfAndStaysALink() {
    Span s = one(withRefs(0, List.of(ref(JaegerSpan.RefType.FOLLOWS_FROM, HIGH, LOW, 0x66))));
    assertEquals(0x66, s.parentSpanId());
    assertEquals(List.of(link(HIGH, LOW, 0x66, "follows_from")), s.links());
  }

  @Test
  void timesAreNanosecondsAndOnlyTheSampledFlagIsKept() {
    JaegerSpan j = new JaegerSpan(HIGH, LOW, 1, 0, "op", 3, 1_000_000, 2_000, Attributes.EMPTY, List.of(), List.of());
    Span s = one(j);
    assertEquals(1_000_000, s.startEpochNanos());
    assertEquals(1_002_000, s.endEpochNanos());
    assertEquals(0x01, s.flags());
    assertEquals(0, one(new JaegerSpan(HIGH, LOW, 1, 0, "op", 2, 0, 0, Attributes.EMPTY, List.of(), List.of())).flags());
  }

  @Test
  void spansWithZeroIdsAreRejectedAndTheOthersKept() {
    JaegerToModel translator = new JaegerToModel();
    translator.add("spans[0]", Resource.EMPTY, new JaegerSpan(0, 0, 1, 0, "no trace", 0, 0, 0, Attributes.EMPTY, List.of(), List.of()));
    translator.add("spans[1]", Resource.EMPTY, new JaegerSpan(1, 1, 0, 0, "no span", 0, 0, 0, Attributes.EMPTY, List.of(), List.of()));
    translator.add("spans[2]", Resource.EMPTY, span(3, Attributes.EMPTY));
    DecodedSpans decoded = translator.result();
    assertEquals(1, decoded.spans().size());
    assertEquals(2, decoded.rejected());
    assertEquals("rejected 2 spans: spans[0]: trace id must not be zero; spans[1]: span id must not be zero",
        decoded.errorMessage());
  }

  private static Span one(JaegerSpan j) {
    JaegerToModel translator = new JaegerToModel();
    translator.add("spans[0]", Resource.EMPTY, j);
    DecodedSpans decoded = translator.result();
    assertEquals(0, decoded.rejected(), decoded.errorMessage());
    return decoded.spans().getFirst();
  }

  private static JaegerSpan tags(Object... keysAndValues) {
    return span(1, Attributes.of(keysAndValues));
  }

  private static JaegerSpan span(long spanId, Attributes tags) {
    return new JaegerSpan(HIGH, LOW, spanId, 0, "op", 1, 0, 0, tags, List.of(), List.of());
  }

  private static JaegerSpan withLogs(List<JaegerSpan.Log> logs) {
    return new JaegerSpan(HIGH, LOW, 1, 0, "op", 1, 0, 0, Attributes.EMPTY, logs, List.of());
  }

  private static JaegerSpan withRefs(long parentSpanId, List<JaegerSpan.Ref> refs) {
    return new JaegerSpan(HIGH, LOW, 1, parentSpanId, "op", 1, 0, 0, Attributes.EMPTY, List.of(), refs);
  }

  private static JaegerSpan.Ref ref(JaegerSpan.RefType type, long high, long low, long spanId) {
    return new JaegerSpan.Ref(type, high, low, spanId);
  }

  private static SpanLink link(long high, long low, long spanId, String refType) {
    return new SpanLink(high, low, spanId, "", Attributes.of("opentracing.ref_type", refType), 0, 0);
  }
}
