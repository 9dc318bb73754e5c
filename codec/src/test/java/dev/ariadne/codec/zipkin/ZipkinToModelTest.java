package dev.ariadne.codec.zipkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.ariadne.model.Attributes;
import dev.ariadne.model.InstrumentationScope;
import dev.ariadne.model.Span;
import dev.ariadne.model.SpanEvent;
import dev.ariadne.model.SpanKind;
import dev.ariadne.model.SpanLink;
import dev.ariadne.model.StatusCode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import zipkin2.codec.SpanBytesDecoder;

/** How single Zipkin v2 spans, written as JSON the way tracers send them, land in the model. */
class ZipkinToModelTest {

  private static List<Span> decode(String json) throws ZipkinFormatException {
    return ZipkinDecoder.decode(SpanBytesDecoder.JSON_V2, json.getBytes(StandardCharsets.UTF_8)).spans();
  }

  @Test
  void fieldsEndpointsAndTimes() throws Exception {
    Span span = decode("""
        [{"traceId":"5b8efff798038103d269b633813fc60c","parentId":"6b221d5bc9e6496c","id":"5b4185666d50f68b",
          "kind":"CLIENT","name":"get /api","timestamp":1472470996199000,"duration":207000,
          "localEndpoint":{"serviceName":"frontend","ipv4":"192.168.99.1","port":8080},
          "remoteEndpoint":{"serviceName":"backend","ipv6":"2001:db8::c001","port":9000},
          "annotations":[{"timestamp":1472470996238000,"value":"ws"}],
          "tags":{"http.method":"GET","http.status_code":"200"}}]""").getFirst();

    assertEquals(0x5b8efff798038103L, span.traceIdHigh());
    assertEquals(0xd269b633813fc60cL, span.traceIdLow());
    assertEquals(0x5b4185666d50f68bL, span.spanId());
    assertEquals(0x6b221d5bc9e6496cL, span.parentSpanId());
    assertEquals(SpanKind.CLIENT, span.kind());
    assertEquals("get /api", span.name());
    assertEquals(1_472_470_996_199_000_000L, span.startEpochNanos());
    assertEquals(1_472_470_996_406_000_000L, span.endEpochNanos());
    assertEquals("frontend", span.serviceName());
    // Tags stay strings (the collector's parse_string_tags is off by default); endpoints add typed ports.
    assertEquals(Attributes.of("http.method", "GET", "http.status_code", "200",
        "net.host.ip", "192.168.99.1", "net.host.port", 8080L,
        "peer.service", "backend", "net.peer.ip", "2001:db8::c001", "net.peer.port", 9000L), span.attributes());
    assertEquals(List.of(new SpanEvent(1_472_470_996_238_000_000L, "ws", Attributes.EMPTY, 0)), span.events());
    assertEquals(StatusCode.UNSET, span.statusCode());
    assertEquals(0, span.flags());
  }

  @Test
  void sixtyFourBitTraceIdHasAZeroHighHalf() throws Exception {
    Span span = decode("[{\"traceId\":\"d269b633813fc60c\",\"id\":\"1\"}]").getFirst();
    assertEquals(0, span.traceIdHigh());
    assertEquals(0xd269b633813fc60cL, span.traceIdLow());
    assertEquals(1, span.spanId());
    assertEquals(0, span.parentSpanId());
  }

  @Test
  void spansOfOneLocalEndpointShareOneResource() throws Exception {
    List<Span> spans = decode("""
        [{"traceId":"1","id":"1","localEndpoint":{"serviceName":"a","ipv4":"10.0.0.1"}},
         {"traceId":"1","id":"2","localEndpoint":{"serviceName":"a","ipv4":"10.0.0.1"}},
         {"traceId":"1","id":"3","localEndpoint":{"serviceName":"b"}},
         {"traceId":"1","id":"4","timestamp":1,"localEndpoint":{"serviceName":"a"},"tags":{"host.name":"h1"}}]""");
    assertSame(spans.get(0).resource(), spans.get(1).resource());
    assertNotSame(spans.get(0).resource(), spans.get(2).resource());
    assertEquals("b", spans.get(2).serviceName());
    // Resource-convention tags make a resource of their own, holding them.
    assertNotSame(spans.get(0).resource(), spans.get(3).resource());
    assertEquals(Attributes.of("service.name", "a", "host.name", "h1"), spans.get(3).resource().attributes());
    assertEquals(Attributes.EMPTY, spans.get(3).attributes());
  }

  @Test
  void statusFromErrorAndOtelTags() throws Exception {
    List<Span> spans = decode("""
        [{"traceId":"1","id":"1","timestamp":1,"tags":{"error":"true"}},
         {"traceId":"1","id":"2","tags":{"otel.status_code":"STATUS_CODE_ERROR","otel.status_description":"card declined"}},
         {"traceId":"1","id":"3","tags":{"otel.status_code":"OK"}},
         {"traceId":"1","id":"4","tags":{"error":"NullPointerException"}},
         {"traceId":"1","id":"5","tags":{"otel.status_description":"no code, so an attribute"}}]""");
    assertEquals(StatusCode.ERROR, spans.get(0).statusCode());
    assertEquals(Attributes.EMPTY, spans.get(0).attributes());
    assertEquals(StatusCode.ERROR, spans.get(1).statusCode());
    assertEquals("card declined", spans.get(1).statusMessage());
    assertEquals(StatusCode.OK, spans.get(2).statusCode());
    // Like the collector: only error=true is a failure; Brave's messages stay an attribute.
    assertEquals(StatusCode.UNSET, spans.get(3).statusCode());
    assertEquals("NullPointerException", spans.get(3).attributes().get("error"));
    assertEquals(StatusCode.UNSET, spans.get(4).statusCode());
    assertEquals("no code, so an attribute", spans.get(4).attributes().get("otel.status_description"));
  }

  @Test
  void kindsScopeTraceStateAndFlags() throws Exception {
    List<Span> spans = decode("""
        [{"traceId":"1","id":"1","kind":"SERVER","timestamp":1,"shared":true,"debug":true,
          "tags":{"otel.scope.name":"io.shop","otel.scope.version":"1.2","w3c.tracestate":"rojo=00f067aa0ba902b7"}},
         {"traceId":"1","id":"2","tags":{"span.kind":"internal","otel.library.name":"io.shop","otel.library.version":"1.2"}},
         {"traceId":"1","id":"3","kind":"PRODUCER"},{"traceId":"1","id":"4","kind":"CONSUMER"},
         {"traceId":"1","id":"5","tags":{"span.kind":"client"}}]""");
    Span server = spans.get(0);
    assertEquals(SpanKind.SERVER, server.kind());
    assertEquals(InstrumentationScope.of("io.shop", "1.2"), server.scope());
    assertEquals("rojo=00f067aa0ba902b7", server.traceState());
    assertEquals(Attributes.of("zipkin.shared", true, "zipkin.debug", true), server.attributes());
    assertEquals(SpanKind.INTERNAL, spans.get(1).kind());
    assertSame(server.scope(), spans.get(1).scope(), "otel.library.* is the same scope, shared");
    assertEquals(SpanKind.PRODUCER, spans.get(2).kind());
    assertEquals(SpanKind.CONSUMER, spans.get(3).kind());
    assertEquals(SpanKind.UNSPECIFIED, spans.get(4).kind());
    assertEquals("client", spans.get(4).attributes().get("span.kind"));
  }

  @Test
  void absentTimestampStartsAtTheEpochAndIsMarked() throws Exception {
    Span span = decode("[{\"traceId\":\"1\",\"id\":\"1\",\"duration\":5}]").getFirst();
    assertEquals(0, span.startEpochNanos());
    assertEquals(5_000, span.endEpochNanos());
    assertEquals(Boolean.TRUE, span.attributes().get("otel.zipkin.absentField.startTime"));
  }

  @Test
  void eventAttributesAndLinksFromTheExportersForms() throws Exception {
    Span span = decode("""
        [{"traceId":"1","id":"1","timestamp":10,
          "annotations":[{"timestamp":11,"value":"cart.loaded|{\\"items\\":3,\\"ratio\\":0.5,\\"ok\\":true,\\"who\\":\\"me\\",\\"list\\":[1,\\"a\\"]}|2"},
                         {"timestamp":12,"value":"cache|miss"},{"timestamp":13,"value":"a|not json|1"}],
          "tags":{"otlp.link.0":"5b8efff798038103d269b633813fc60c|eee19b7ec3c1b174|k=v|{\\"reason\\":\\"batched\\"}|1",
                  "otlp.link.1":"broken"}}]""").getFirst();
    assertEquals(List.of(
        new SpanEvent(11_000, "cart.loaded",
            Attributes.of("items", 3L, "ratio", 0.5, "ok", true, "who", "me", "list", List.of(1L, "a")), 2),
        new SpanEvent(12_000, "cache|miss", Attributes.EMPTY, 0),
        new SpanEvent(13_000, "a|not json|1", Attributes.EMPTY, 0)), span.events());
    assertEquals(List.of(new SpanLink(0x5b8efff798038103L, 0xd269b633813fc60cL, 0xeee19b7ec3c1b174L, "k=v",
        Attributes.of("reason", "batched"), 1, 0)), span.links());
    assertEquals("broken", span.attributes().get("otlp.link.1"), "a link tag that does not parse stays a tag");
  }

  @Test
  void serviceNameSourceNamesTheResourceKey() throws Exception {
    Span span = decode("""
        [{"traceId":"1","id":"1","localEndpoint":{"serviceName":"fn"},"tags":{"otlp.service.name.source":"faas.name"}}]""")
        .getFirst();
    assertEquals(Attributes.of("faas.name", "fn"), span.resource().attributes());
  }
}
