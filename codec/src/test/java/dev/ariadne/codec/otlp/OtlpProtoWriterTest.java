package dev.ariadne.codec.otlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.model.AnyValue;
import dev.ariadne.model.Attributes;
import dev.ariadne.model.Bytes;
import dev.ariadne.model.InstrumentationScope;
import dev.ariadne.model.Resource;
import dev.ariadne.model.Span;
import dev.ariadne.model.SpanEvent;
import dev.ariadne.model.SpanKind;
import dev.ariadne.model.SpanLink;
import dev.ariadne.model.StatusCode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The writer gives the encoder's bytes for every input, and they decode back to the spans. */
class OtlpProtoWriterTest {
  private static final int REQUESTS = 300;

  @Test
  void writesTheEncodersBytesForRandomRequests() throws Exception {
    for (long seed = 1; seed <= REQUESTS; seed++) {
      List<Span> spans = randomSpans(seed);

      assertWritesTheEncodersBytesAndDecodesBack(spans, "seed " + seed);
    }
  }

  /** Shuffled spans interleave resources and scopes: each run of one object is a group of its own. */
  @Test
  void groupsRunsOfTheSameResourceAndScopeAsTheEncoderDoes() throws Exception {
    for (long seed = 1; seed <= REQUESTS; seed++) {
      List<Span> spans = new ArrayList<>(randomSpans(seed));
      Collections.shuffle(spans, new Random(seed));

      assertWritesTheEncodersBytesAndDecodesBack(spans, "seed " + seed);
    }
  }

  @Test
  void sharedScopeUnderTwoResourcesAndEqualButDistinctResourcesAreSeparateGroups() throws Exception {
    InstrumentationScope scope = InstrumentationScope.of("lib", "1.0");
    Resource a = Resource.of(Attributes.of("service.name", "a"));
    Resource alsoA = Resource.of(Attributes.of("service.name", "a"));
    List<Span> spans = List.of(
        span("1").resource(a).scope(scope).build(),
        span("2").resource(alsoA).scope(scope).build(),
        span("3").resource(alsoA).scope(InstrumentationScope.of("lib", "1.0")).build(),
        span("4").resource(a).scope(scope).build());

    byte[] bytes = assertWritesTheEncodersBytesAndDecodesBack(spans, "groups");

    var request = io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest.parseFrom(bytes);
    assertEquals(3, request.getResourceSpansCount());
    assertEquals(2, request.getResourceSpans(1).getScopeSpansCount());
  }

  @Test
  void writesNothingForNoSpans() {
    assertArrayEquals(new byte[0], OtlpProtoWriter.write(List.of()));
    assertArrayEquals(OtlpProtoEncoder.encode(List.of()).toByteArray(), OtlpProtoWriter.write(List.of()));
  }

  /** Zero ids are not valid OTLP, so they do not decode back, but they are written as the encoder does. */
  @Test
  void writesASpanWithEveryFieldAtItsDefault() {
    Span defaults = Span.builder().build();

    byte[] bytes = assertWritesTheEncodersBytes(List.of(defaults), "defaults");

    // resource_spans { resource {} scope_spans { scope {} spans { trace_id: 16 zeros, span_id: 8 zeros } } }
    assertEquals(2 + 2 + 2 + 2 + 2 + 18 + 10, bytes.length);
  }

  @Test
  void writesEveryValueTypeWithItsEdgeValues() throws Exception {
    Attributes values = Attributes.of(
        "", "",
        "string", "non-ASCII: é ß 日本 😀 𝄞 \u2028",
        "long", "x".repeat(300), // a two-byte length, and past protobuf's short-string path
        "false", false,
        "true", true,
        "zero", 0L,
        "negative", -1L,
        "min", Long.MIN_VALUE,
        "max", Long.MAX_VALUE,
        "NaN", Double.NaN,
        "NaN with a payload", Double.longBitsToDouble(0x7ff8_0000_0000_0abcL),
        "-0.0", -0.0,
        "0.0", 0.0,
        "infinity", Double.NEGATIVE_INFINITY,
        "no bytes", Bytes.wrap(new byte[0]),
        "zero bytes", Bytes.wrap(new byte[5]),
        "bytes", Bytes.wrap(new byte[] {-1, 0, 127, -128}),
        "empty", AnyValue.EMPTY,
        "empty list", List.of(),
        "empty kvlist", Attributes.EMPTY,
        "list", List.of("a", 1L, 2.5, true, AnyValue.EMPTY, Bytes.wrap(new byte[] {1}), List.of(List.of("deep")),
            Attributes.of("k", List.of(Attributes.of("kk", AnyValue.EMPTY)))),
        "kvlist", Attributes.of("a", Attributes.of("b", Attributes.of("c", List.of(-7L))), "", "same key",
            "", "same key again"));
    Span span = span("values").attributes(values).build();

    assertWritesTheEncodersBytesAndDecodesBack(List.of(span), "values");
  }

  @Test
  void writesCountsAboveTwoToThe31AndEveryOtherSpanField() throws Exception {
    Resource resource = new Resource(Attributes.of("service.name", "svc"), -1,
        List.of(new Resource.EntityRef("", "", List.of(), List.of()),
            new Resource.EntityRef("https://opentelemetry.io/schemas/1.30.0", "service",
                List.of("service.name", "", "service.namespace"), List.of("", "deployment.environment"))),
        "https://opentelemetry.io/schemas/1.30.0");
    InstrumentationScope scope = new InstrumentationScope("io.opentelemetry.jdbc", "2.3.0-alpha",
        Attributes.of("scope.attr", 1L), Integer.MAX_VALUE, "https://opentelemetry.io/schemas/1.20.0");
    Span span = span("every field")
        .resource(resource)
        .scope(scope)
        .traceId(-1L, Long.MIN_VALUE)
        .spanId(-1L)
        .parentSpanId(Long.MIN_VALUE)
        .traceState("vendor=1,other=2")
        .flags(-1)
        .kind(SpanKind.CONSUMER)
        .startEpochNanos(-1L)
        .endEpochNanos(Long.MIN_VALUE)
        .droppedAttributesCount(-1)
        .events(List.of(new SpanEvent(0, "", Attributes.EMPTY, 0),
            new SpanEvent(-1L, "exception", Attributes.of("exception.message", "boom"), Integer.MIN_VALUE)))
        .droppedEventsCount(Integer.MIN_VALUE)
        .links(List.of(new SpanLink(1, 2, 3, "", Attributes.EMPTY, 0, 0),
            new SpanLink(-1L, -1L, -1L, "a=b", Attributes.of("link", true), -1, Integer.MIN_VALUE)))
        .droppedLinksCount(1)
        .status(StatusCode.ERROR, "déjà vu")
        .build();

    assertWritesTheEncodersBytesAndDecodesBack(List.of(span), "every field");
  }

  @Test
  void writesAStatusOnlyWhenItIsNotAtItsDefaults() throws Exception {
    List<Span> spans = List.of(
        span("unset, no message").status(StatusCode.UNSET, "").build(),
        span("unset with a message").status(StatusCode.UNSET, "why").build(),
        span("ok").status(StatusCode.OK, "").build(),
        span("error").status(StatusCode.ERROR, "").build());

    byte[] bytes = assertWritesTheEncodersBytesAndDecodesBack(spans, "status");

    var request = io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest.parseFrom(bytes);
    var written = request.getResourceSpans(0).getScopeSpans(0).getSpansList();
    assertEquals(List.of(false, true, true, true), written.stream().map(s -> s.hasStatus()).toList());
  }

  /**
   * The model can hold ill-formed UTF-16 (other decoders make strings from escapes); protobuf writes an
   * unpaired surrogate as '?', and so does the writer.
   */
  @Test
  void writesUnpairedSurrogatesAsTheEncoderDoes() throws Exception {
    String[] illFormed = {"a\uD800b", "\uDC00", "x\uD83D", "\uDE00\uD83D", "😀\uD83D".repeat(50)};
    for (String s : illFormed) {
      Span span = span(s).attributes(Attributes.of(s, s, "list", List.of(s))).traceState(s).build();

      byte[] bytes = assertWritesTheEncodersBytes(List.of(span), s);

      Span decoded = OtlpProtoDecoder.decode(bytes).spans().getFirst();
      String replaced = new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
      assertEquals(replaced, decoded.name());
      assertEquals(replaced, decoded.attributes().key(0));
      assertEquals(replaced, decoded.attributes().value(0));
      assertEquals(List.of(replaced), decoded.attributes().get("list"));
    }
  }

  /** Tens of thousands of nested messages and strings, far past the writer's first arrays. */
  @Test
  void writesLargeBatches() throws Exception {
    List<Span> spans = new ArrayList<>();
    for (long seed = 1; spans.size() < 3_000; seed++) spans.addAll(randomSpans(seed));

    assertWritesTheEncodersBytesAndDecodesBack(spans, "large batch");
  }

  /** Lengths of one to four bytes: 3,000 spans under one scope, and a 2 MiB value under another. */
  @Test
  void writesLengthsOfEveryWidth() throws Exception {
    Resource resource = Resource.of(Attributes.of("service.name", "big"));
    InstrumentationScope scope = InstrumentationScope.of("lib", "1");
    List<Span> spans = new ArrayList<>();
    for (long seed = 1; spans.size() < 3_000; seed++) {
      for (Span s : randomSpans(seed)) {
        spans.add(new Span(resource, scope, s.traceIdHigh(), s.traceIdLow(), s.spanId(), s.parentSpanId(),
            s.traceState(), s.flags(), s.name(), s.kind(), s.startEpochNanos(), s.endEpochNanos(),
            s.attributes(), s.droppedAttributesCount(), s.events(), s.droppedEventsCount(), s.links(),
            s.droppedLinksCount(), s.statusCode(), s.statusMessage()));
      }
    }
    spans.add(span("huge").resource(resource).scope(InstrumentationScope.of("lib", "2"))
        .attributes(Attributes.of("huge", List.of("é".repeat(1 << 20)))).build());

    byte[] bytes = assertWritesTheEncodersBytesAndDecodesBack(spans, "one resource");

    var resourceSpans = io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest.parseFrom(bytes)
        .getResourceSpans(0);
    int manySpans = resourceSpans.getScopeSpans(0).getSerializedSize();
    assertTrue(manySpans >= 1 << 14 && manySpans < 1 << 21, manySpans + " needs a three-byte length");
    assertTrue(resourceSpans.getSerializedSize() >= 1 << 21, "a four-byte length");
  }

  @Test
  void rejectsValuesThatAreNotAttributeValuesAsTheEncoderDoes() {
    Span span = span("bad").attributes(Attributes.of("list", List.of("ok", new StringBuilder("not a value"))))
        .build();

    assertThrows(IllegalArgumentException.class, () -> OtlpProtoEncoder.encode(List.of(span)));
    assertThrows(IllegalArgumentException.class, () -> OtlpProtoWriter.write(List.of(span)));
  }

  private static List<Span> randomSpans(long seed) {
    DecodedSpans decoded = OtlpProtoDecoder.decode(new RandomRequests(seed, false).request());
    assertEquals(0, decoded.rejected());
    return decoded.spans();
  }

  private static Span.Builder span(String name) {
    return Span.builder().traceId(1, 2).spanId(3).name(name);
  }

  private static byte[] assertWritesTheEncodersBytes(List<Span> spans, String where) {
    byte[] expected = OtlpProtoEncoder.encode(spans).toByteArray();
    byte[] written = OtlpProtoWriter.write(spans);
    assertArrayEquals(expected, written, where);
    return written;
  }

  private static byte[] assertWritesTheEncodersBytesAndDecodesBack(List<Span> spans, String where)
      throws Exception {
    byte[] written = assertWritesTheEncodersBytes(spans, where);
    DecodedSpans decoded = OtlpProtoDecoder.decode(written);
    assertEquals(0, decoded.rejected(), where);
    assertEquals(spans, decoded.spans(), where);
    return written;
  }
}
