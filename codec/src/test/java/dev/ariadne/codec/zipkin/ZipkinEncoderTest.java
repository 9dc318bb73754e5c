package dev.ariadne.codec.zipkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import zipkin2.Annotation;
import zipkin2.Endpoint;

/** How OTel-shaped model spans look through Zipkin, the way the collector's Zipkin exporter shows them. */
class ZipkinEncoderTest {
  private static final Resource RESOURCE = Resource.of(Attributes.of(
      "service.name", "Checkout", "host.name", "h1", "host.cpus", 8L));

  private static Span.Builder span() {
    return Span.builder().resource(RESOURCE).traceId(0x5b8efff798038103L, 0xd269b633813fc60cL)
        .spanId(0xeee19b7ec3c1b174L).name("POST /Pay")
        .startEpochNanos(1_700_000_000_123_456_789L).endEpochNanos(1_700_000_000_125_456_999L);
  }

  @Test
  void fieldsResourceAndTypedAttributes() {
    zipkin2.Span z = ZipkinEncoder.toZipkin(span()
        .parentSpanId(0x00f067aa0ba902b7L)
        .kind(SpanKind.SERVER)
        .scope(new InstrumentationScope("io.shop", "2.0", Attributes.of("scope.attr", "s"), 0, ""))
        .attributes(Attributes.of("http.status_code", 200L, "ratio", 0.25, "cached", true,
            "tags", List.of("a", "b"), "blob", Bytes.wrap(new byte[] {1, 2}), "none", AnyValue.EMPTY))
        .build());

    assertEquals("5b8efff798038103d269b633813fc60c", z.traceId());
    assertEquals("eee19b7ec3c1b174", z.id());
    assertEquals("00f067aa0ba902b7", z.parentId());
    assertEquals(zipkin2.Span.Kind.SERVER, z.kind());
    assertEquals("post /pay", z.name(), "Zipkin lowercases names");
    assertEquals(1_700_000_000_123_456L, z.timestampAsLong());
    assertEquals(2_000L, z.durationAsLong());
    assertEquals(Endpoint.newBuilder().serviceName("checkout").build(), z.localEndpoint());
    assertNull(z.remoteEndpoint());
    assertEquals(Map.ofEntries(Map.entry("host.name", "h1"), Map.entry("host.cpus", "8"),
        Map.entry("otel.scope.name", "io.shop"), Map.entry("otel.scope.version", "2.0"), Map.entry("scope.attr", "s"),
        Map.entry("http.status_code", "200"), Map.entry("ratio", "0.25"), Map.entry("cached", "true"),
        Map.entry("tags", "[\"a\",\"b\"]"), Map.entry("blob", "AQI="), Map.entry("none", "")), z.tags());
  }

  @Test
  void sixtyFourBitTraceIdsAndMissingServiceName() {
    zipkin2.Span z = ZipkinEncoder.toZipkin(span().resource(Resource.EMPTY).traceId(0, 7).build());
    assertEquals("0000000000000007", z.traceId());
    assertEquals("unknown_service", z.localServiceName());
  }

  @Test
  void statusBecomesTheErrorAndOtelTags() {
    assertEquals(Map.of("error", "true", "otel.status_code", "STATUS_CODE_ERROR",
        "otel.status_description", "card declined"),
        ZipkinEncoder.toZipkin(span().status(StatusCode.ERROR, "card declined").resource(Resource.EMPTY).build()).tags());
    assertEquals(Map.of("otel.status_code", "STATUS_CODE_OK"),
        ZipkinEncoder.toZipkin(span().status(StatusCode.OK, "").resource(Resource.EMPTY).build()).tags());
    // A false error attribute would mark the span failed in Zipkin, so it goes; a message stays.
    assertEquals(Map.of(), ZipkinEncoder.toZipkin(span().resource(Resource.EMPTY)
        .attributes(Attributes.of("error", false)).build()).tags());
    assertEquals(Map.of("error", "timeout"), ZipkinEncoder.toZipkin(span().resource(Resource.EMPTY)
        .attributes(Attributes.of("error", "timeout")).build()).tags());
  }

  @Test
  void endpointsFromNetAndPeerAttributes() {
    zipkin2.Span z = ZipkinEncoder.toZipkin(span().kind(SpanKind.CLIENT).resource(Resource.EMPTY)
        .attributes(Attributes.of("net.host.ip", "10.0.0.1", "net.host.port", 8080L,
            "peer.service", "Payments", "net.peer.ip", "2001:db8::1", "net.peer.port", "443")).build());
    assertEquals(Endpoint.newBuilder().serviceName("unknown_service").ip("10.0.0.1").port(8080).build(),
        z.localEndpoint());
    assertEquals(Endpoint.newBuilder().serviceName("payments").ip("2001:db8::1").port(443).build(),
        z.remoteEndpoint());
    assertEquals(Map.of(), z.tags());
  }

  @Test
  void attributesThatAreNoAddressStayTags() {
    zipkin2.Span z = ZipkinEncoder.toZipkin(span().resource(Resource.EMPTY)
        .attributes(Attributes.of("net.peer.ip", "not-an-ip", "net.peer.port", 70000L, "net.host.port", "x")).build());
    assertNull(z.remoteEndpoint());
    assertEquals(Map.of("net.peer.ip", "not-an-ip", "net.peer.port", "70000", "net.host.port", "x"), z.tags());
  }

  @Test
  void internalKindEventsLinksAndTraceState() {
    zipkin2.Span z = ZipkinEncoder.toZipkin(span().kind(SpanKind.INTERNAL).resource(Resource.EMPTY)
        .traceState("rojo=1")
        .events(List.of(new SpanEvent(1_700_000_000_124_000_999L, "cart.loaded", Attributes.of("items", 3L), 0),
            new SpanEvent(1_700_000_000_124_500_000L, "retry", Attributes.EMPTY, 0)))
        .links(List.of(new SpanLink(1, 2, 3, "", Attributes.of("reason", "batched"), 0, 1)))
        .build());
    assertNull(z.kind());
    assertEquals(List.of(Annotation.create(1_700_000_000_124_000L, "cart.loaded|{\"items\":3}|0"),
        Annotation.create(1_700_000_000_124_500L, "retry")), z.annotations());
    assertEquals(Map.of("span.kind", "internal", "w3c.tracestate", "rojo=1",
        "otlp.link.0", "00000000000000010000000000000002|0000000000000003||{\"reason\":\"batched\"}|0"), z.tags());
  }

  @Test
  void zipkinOnlyMarkersGoBackIntoZipkinFields() {
    zipkin2.Span z = ZipkinEncoder.toZipkin(span().resource(Resource.EMPTY).kind(SpanKind.SERVER)
        .startEpochNanos(0).endEpochNanos(5_000)
        .attributes(Attributes.of("zipkin.shared", true, "zipkin.debug", true,
            "otel.zipkin.absentField.startTime", true)).build());
    assertNull(z.timestamp());
    assertEquals(5L, z.durationAsLong());
    assertEquals(Boolean.TRUE, z.shared());
    assertEquals(Boolean.TRUE, z.debug());
    assertFalse(z.tags().containsKey("zipkin.shared"));
    assertEquals(Map.of(), z.tags());
  }
}
