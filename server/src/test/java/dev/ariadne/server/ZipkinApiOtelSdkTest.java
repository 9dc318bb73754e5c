package dev.ariadne.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import zipkin2.Annotation;
import zipkin2.Endpoint;
import zipkin2.Span;
import zipkin2.codec.SpanBytesDecoder;

/**
 * A trace the OpenTelemetry Java SDK exports over OTLP, read back through the Zipkin API: the way the
 * OTel Collector's Zipkin exporter shows an OTel span, with Zipkin's lowercased names.
 */
class ZipkinApiOtelSdkTest {
  private static AllInOne server;
  private static HttpTestClient zipkin;

  @BeforeAll
  static void start() {
    server = new AllInOne(AllInOneConfig.ephemeral()).start();
    zipkin = new HttpTestClient(server.zipkinPort());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static SdkTracerProvider provider(String service) {
    Resource resource = Resource.getDefault().merge(Resource.create(Attributes.builder()
        .put("service.name", service).put("host.name", "node-7").put("host.cpus", 8L).build()));
    return SdkTracerProvider.builder().setResource(resource)
        .addSpanProcessor(SimpleSpanProcessor.create(OtlpHttpSpanExporter.builder()
            .setEndpoint("http://127.0.0.1:" + server.otlpHttpPort() + "/v1/traces").build()))
        .build();
  }

  @Test
  void otlpTraceReadThroughTheZipkinApi() throws Exception {
    long t0 = 1_700_000_000_123_456_789L;
    SdkTracerProvider frontend = provider("Shop-Frontend");
    SdkTracerProvider payments = provider("Payments");
    Tracer tracer = frontend.get("shop.frontend", "1.4.2");

    io.opentelemetry.api.trace.Span root = tracer.spanBuilder("GET /Cart").setSpanKind(SpanKind.SERVER)
        .setStartTimestamp(t0, TimeUnit.NANOSECONDS)
        .setAttribute("http.response.status_code", 200L).setAttribute("cache.hit", true)
        .setAttribute(AttributeKey.stringArrayKey("tags"), List.of("a", "b"))
        .startSpan();
    root.addEvent("cart.loaded", Attributes.of(AttributeKey.longKey("items"), 3L), t0 + 1_500_999, TimeUnit.NANOSECONDS);
    io.opentelemetry.api.trace.Span local = tracer.spanBuilder("render").setParent(Context.root().with(root))
        .setStartTimestamp(t0 + 10_000, TimeUnit.NANOSECONDS).startSpan();
    local.end(t0 + 20_000, TimeUnit.NANOSECONDS);
    io.opentelemetry.api.trace.Span call = payments.get("shop.payments").spanBuilder("charge")
        .setParent(Context.root().with(root)).setSpanKind(SpanKind.CLIENT)
        .setStartTimestamp(t0 + 2_000_001, TimeUnit.NANOSECONDS)
        .setAttribute("peer.service", "Stripe").setAttribute("net.peer.ip", "10.9.8.7").setAttribute("net.peer.port", 443L)
        .addLink(local.getSpanContext())
        .startSpan();
    call.setStatus(StatusCode.ERROR, "card declined");
    call.end(t0 + 9_000_999, TimeUnit.NANOSECONDS);
    root.end(t0 + 12_345_678, TimeUnit.NANOSECONDS);
    for (SdkTracerProvider p : List.of(frontend, payments)) {
      assertTrue(p.forceFlush().join(30, TimeUnit.SECONDS).isSuccess());
      p.shutdown().join(30, TimeUnit.SECONDS);
    }

    String traceId = root.getSpanContext().getTraceId();
    HttpTestClient.Response response = zipkin.get("/api/v2/trace/" + traceId);
    assertEquals(200, response.status(), response.text());
    Map<String, Span> spans = new HashMap<>();
    for (Span s : SpanBytesDecoder.JSON_V2.decodeList(response.body())) spans.put(s.name(), s);
    assertEquals(3, spans.size(), spans.toString());

    Span r = spans.get("get /cart");
    assertEquals(traceId, r.traceId());
    assertEquals(root.getSpanContext().getSpanId(), r.id());
    assertNull(r.parentId());
    assertEquals(Span.Kind.SERVER, r.kind());
    assertEquals(t0 / 1_000, r.timestampAsLong());
    assertEquals(12_345_678 / 1_000, r.durationAsLong());
    assertEquals(Endpoint.newBuilder().serviceName("shop-frontend").build(), r.localEndpoint());
    assertEquals("200", r.tags().get("http.response.status_code"));
    assertEquals("true", r.tags().get("cache.hit"));
    assertEquals("[\"a\",\"b\"]", r.tags().get("tags"));
    assertEquals("node-7", r.tags().get("host.name"));
    assertEquals("8", r.tags().get("host.cpus"));
    assertEquals("java", r.tags().get("telemetry.sdk.language"));
    assertEquals("shop.frontend", r.tags().get("otel.scope.name"));
    assertEquals("1.4.2", r.tags().get("otel.scope.version"));
    assertEquals(List.of(Annotation.create((t0 + 1_500_999) / 1_000, "cart.loaded|{\"items\":3}|0")), r.annotations());

    Span l = spans.get("render");
    assertNull(l.kind());
    assertEquals("internal", l.tags().get("span.kind"));
    assertEquals(r.id(), l.parentId());

    Span c = spans.get("charge");
    assertEquals(Span.Kind.CLIENT, c.kind());
    assertEquals(r.id(), c.parentId());
    assertEquals((t0 + 2_000_001) / 1_000, c.timestampAsLong());
    assertEquals((9_000_999 - 2_000_001) / 1_000, c.durationAsLong());
    assertEquals("payments", c.localServiceName());
    assertEquals(Endpoint.newBuilder().serviceName("stripe").ip("10.9.8.7").port(443).build(), c.remoteEndpoint());
    assertEquals("true", c.tags().get("error"));
    assertEquals("STATUS_CODE_ERROR", c.tags().get("otel.status_code"));
    assertEquals("card declined", c.tags().get("otel.status_description"));
    assertEquals(traceId + "|" + local.getSpanContext().getSpanId() + "||{}|0", c.tags().get("otlp.link.0"));

    // Zipkin names are lowercase, and the mixed-case service is found by its Zipkin name.
    assertTrue(ZipkinReporterEndToEndTest.texts(zipkin.get("/api/v2/services").json()).contains("shop-frontend"));
    assertEquals(List.of("get /cart", "render"),
        ZipkinReporterEndToEndTest.texts(zipkin.get("/api/v2/spans?serviceName=Shop-Frontend").json()));
    assertEquals(List.of(traceId), ZipkinReporterEndToEndTest.ids(zipkin.get("/api/v2/traces?serviceName=shop-frontend"
        + "&endTs=" + (t0 / 1_000_000 + 1_000) + "&annotationQuery=cache.hit=true").json()));
    assertEquals(List.of("stripe"),
        ZipkinReporterEndToEndTest.texts(zipkin.get("/api/v2/remoteServices?serviceName=payments").json()));
  }
}
