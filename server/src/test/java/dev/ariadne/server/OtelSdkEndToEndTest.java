package dev.ariadne.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real OpenTelemetry Java SDK exports a two-service trace over each OTLP transport to a server on
 * free ports; the Jaeger API must then return all of it, exactly.
 */
class OtelSdkEndToEndTest {
  private static AllInOne server;
  private static HttpTestClient query;

  @BeforeAll
  static void start() {
    server = new AllInOne(AllInOneConfig.ephemeral()).start();
    query = new HttpTestClient(server.queryPort());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  enum Transport { GRPC, GRPC_GZIP, HTTP_PROTOBUF, HTTP_PROTOBUF_GZIP }

  static Stream<Transport> transports() {
    return Stream.of(Transport.values());
  }

  private static SpanExporter exporter(Transport transport) {
    String grpc = "http://127.0.0.1:" + server.otlpGrpcPort();
    String http = "http://127.0.0.1:" + server.otlpHttpPort() + "/v1/traces";
    return switch (transport) {
      case GRPC -> OtlpGrpcSpanExporter.builder().setEndpoint(grpc).build();
      case GRPC_GZIP -> OtlpGrpcSpanExporter.builder().setEndpoint(grpc).setCompression("gzip").build();
      case HTTP_PROTOBUF -> OtlpHttpSpanExporter.builder().setEndpoint(http).build();
      case HTTP_PROTOBUF_GZIP -> OtlpHttpSpanExporter.builder().setEndpoint(http).setCompression("gzip").build();
    };
  }

  private static SdkTracerProvider provider(String service, Transport transport) {
    Resource resource = Resource.getDefault().merge(Resource.create(Attributes.builder()
        .put("service.name", service)
        .put("deployment.environment", "e2e")
        .put("host.cpus", 8L)
        .build()));
    return SdkTracerProvider.builder()
        .setResource(resource)
        .addSpanProcessor(SimpleSpanProcessor.create(exporter(transport)))
        .build();
  }

  @ParameterizedTest
  @MethodSource("transports")
  void jaegerApiReturnsTheWholeTrace(Transport transport) throws Exception {
    // Nanosecond timestamps that are not whole microseconds, to check the µs conversion exactly.
    long t0 = 1_700_000_000_123_456_789L;
    SdkTracerProvider frontend = provider("frontend-" + transport, transport);
    SdkTracerProvider checkout = provider("checkout-" + transport, transport);
    Tracer frontendTracer = frontend.get("shop.frontend", "1.4.2");
    Tracer checkoutTracer = checkout.get("shop.checkout", "2.0.0");

    Span root = frontendTracer.spanBuilder("GET /cart")
        .setSpanKind(SpanKind.SERVER)
        .setStartTimestamp(t0, TimeUnit.NANOSECONDS)
        .setAttribute("http.route", "/cart")
        .setAttribute("http.response.status_code", 200L)
        .setAttribute("cache.hit", true)
        .setAttribute("sampling.ratio", 0.25)
        .setAttribute(AttributeKey.stringArrayKey("tags"), List.of("a", "b"))
        .startSpan();
    root.addEvent("cart.loaded", Attributes.of(AttributeKey.longKey("items"), 3L),
        t0 + 1_500_999, TimeUnit.NANOSECONDS);
    Span batch = frontendTracer.spanBuilder("load-batch")
        .setParent(Context.root().with(root))
        .setStartTimestamp(t0 + 10, TimeUnit.NANOSECONDS)
        .startSpan();
    batch.end(t0 + 20_000, TimeUnit.NANOSECONDS);

    Span call = checkoutTracer.spanBuilder("POST /checkout")
        .setParent(Context.root().with(root))
        .setSpanKind(SpanKind.CLIENT)
        .setStartTimestamp(t0 + 2_000_001, TimeUnit.NANOSECONDS)
        .addLink(batch.getSpanContext(), Attributes.of(AttributeKey.stringKey("link.reason"), "batched"))
        .startSpan();
    call.setStatus(StatusCode.ERROR, "card declined");
    call.end(t0 + 9_000_999, TimeUnit.NANOSECONDS);
    root.end(t0 + 12_345_678, TimeUnit.NANOSECONDS);

    for (SdkTracerProvider p : List.of(frontend, checkout)) {
      assertTrue(p.forceFlush().join(30, TimeUnit.SECONDS).isSuccess(), "export succeeded");
      p.shutdown().join(30, TimeUnit.SECONDS);
    }

    String traceId = root.getSpanContext().getTraceId();
    HttpTestClient.Response response = query.get("/api/traces/" + traceId);
    assertEquals(200, response.status(), response.text());
    JsonNode body = response.json();
    assertEquals(1, body.get("total").asInt());
    assertTrue(body.get("errors").isNull());
    JsonNode trace = body.get("data").get(0);
    assertEquals(traceId, trace.get("traceID").asText());
    assertEquals(3, trace.get("spans").size());
    Map<String, JsonNode> spans = new HashMap<>();
    trace.get("spans").forEach(s -> spans.put(s.get("operationName").asText(), s));

    JsonNode r = spans.get("GET /cart");
    assertEquals(root.getSpanContext().getSpanId(), r.get("spanID").asText());
    assertEquals(0, r.get("references").size());
    assertEquals(t0 / 1_000, r.get("startTime").asLong());
    assertEquals(12_345_678 / 1_000, r.get("duration").asLong());
    assertEquals(1, r.get("flags").asInt(), "sampled");
    assertTag(r, "http.route", "string", "/cart");
    assertTag(r, "http.response.status_code", "int64", 200L);
    assertTag(r, "cache.hit", "bool", true);
    assertTag(r, "sampling.ratio", "float64", 0.25);
    assertTag(r, "tags", "string", "[\"a\",\"b\"]");
    assertTag(r, "span.kind", "string", "server");
    assertTag(r, "otel.scope.name", "string", "shop.frontend");
    assertTag(r, "otel.scope.version", "string", "1.4.2");
    assertEquals(1, r.get("logs").size());
    JsonNode log = r.get("logs").get(0);
    assertEquals((t0 + 1_500_999) / 1_000, log.get("timestamp").asLong());
    assertTag(log, "fields", "event", "string", "cart.loaded");
    assertTag(log, "fields", "items", "int64", 3L);

    JsonNode c = spans.get("POST /checkout");
    assertEquals((t0 + 2_000_001) / 1_000, c.get("startTime").asLong());
    assertEquals((9_000_999 - 2_000_001) / 1_000, c.get("duration").asLong());
    JsonNode refs = c.get("references");
    assertEquals(2, refs.size());
    assertEquals("CHILD_OF", refs.get(0).get("refType").asText());
    assertEquals(root.getSpanContext().getSpanId(), refs.get(0).get("spanID").asText());
    assertEquals(traceId, refs.get(0).get("traceID").asText());
    assertEquals("FOLLOWS_FROM", refs.get(1).get("refType").asText());
    assertEquals(batch.getSpanContext().getSpanId(), refs.get(1).get("spanID").asText());
    assertTag(c, "error", "bool", true);
    assertTag(c, "otel.status_code", "string", "ERROR");
    assertTag(c, "otel.status_description", "string", "card declined");
    assertTag(c, "span.kind", "string", "client");

    JsonNode b = spans.get("load-batch");
    assertEquals(root.getSpanContext().getSpanId(), b.get("references").get(0).get("spanID").asText());
    assertEquals((t0 + 10) / 1_000, b.get("startTime").asLong());
    assertEquals((20_000 - 10) / 1_000, b.get("duration").asLong());

    // Processes come from the resources: two services, each with its resource attributes as tags.
    JsonNode rootProcess = trace.get("processes").get(r.get("processID").asText());
    assertEquals("frontend-" + transport, rootProcess.get("serviceName").asText());
    assertTag(rootProcess, "deployment.environment", "string", "e2e");
    assertTag(rootProcess, "host.cpus", "int64", 8L);
    assertTag(rootProcess, "telemetry.sdk.language", "string", "java");
    JsonNode callProcess = trace.get("processes").get(c.get("processID").asText());
    assertEquals("checkout-" + transport, callProcess.get("serviceName").asText());
    assertEquals(2, trace.get("processes").size());

    // The same trace through search, and the service graph built from it.
    JsonNode found = query.get("/api/traces?service=checkout-" + transport + "&tags="
        + java.net.URLEncoder.encode("{\"error\":\"true\"}", java.nio.charset.StandardCharsets.UTF_8))
        .json();
    assertEquals(1, found.get("data").size());
    assertEquals(traceId, found.get("data").get(0).get("traceID").asText());
    JsonNode deps = query.get("/api/dependencies?endTs=" + (t0 / 1_000_000 + 1000) + "&lookback=60000").json();
    boolean linked = false;
    for (JsonNode d : deps.get("data")) {
      linked |= d.get("parent").asText().equals("frontend-" + transport)
          && d.get("child").asText().equals("checkout-" + transport)
          && d.get("callCount").asLong() == 1;
    }
    assertTrue(linked, "frontend → checkout dependency in " + deps);
  }

  @Test
  void servicesAndOperationsListWhatWasReceived() throws Exception {
    SdkTracerProvider p = provider("inventory", Transport.GRPC);
    Tracer tracer = p.get("inventory");
    tracer.spanBuilder("reserve").setSpanKind(SpanKind.SERVER).startSpan().end();
    tracer.spanBuilder("db.query").setSpanKind(SpanKind.CLIENT).startSpan().end();
    assertTrue(p.forceFlush().join(30, TimeUnit.SECONDS).isSuccess());
    p.shutdown().join(30, TimeUnit.SECONDS);

    JsonNode services = query.get("/api/services").json();
    assertTrue(contains(services.get("data"), "inventory"), services.toString());
    JsonNode ops = query.get("/api/services/inventory/operations").json();
    assertEquals(List.of("db.query", "reserve"), texts(ops.get("data")));
    JsonNode serverOps = query.get("/api/operations?service=inventory&spanKind=server").json();
    assertEquals(1, serverOps.get("data").size());
    assertEquals("reserve", serverOps.get("data").get(0).get("name").asText());
    assertEquals("server", serverOps.get("data").get(0).get("spanKind").asText());
    assertEquals(2, query.get("/api/operations?service=inventory").json().get("data").size());
  }

  private static boolean contains(JsonNode array, String value) {
    return texts(array).contains(value);
  }

  private static List<String> texts(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  private static void assertTag(JsonNode owner, String key, String type, Object value) {
    assertTag(owner, "tags", key, type, value);
  }

  private static void assertTag(JsonNode owner, String field, String key, String type, Object value) {
    JsonNode tag = null;
    for (JsonNode t : owner.get(field)) {
      if (t.get("key").asText().equals(key)) tag = t;
    }
    assertNotNull(tag, "tag " + key + " in " + owner.get(field));
    assertEquals(type, tag.get("type").asText(), key);
    switch (value) {
      case Boolean v -> assertEquals(v, tag.get("value").asBoolean(), key);
      case Long v -> assertEquals(v, tag.get("value").asLong(), key);
      case Double v -> assertEquals(v, tag.get("value").asDouble(), key);
      default -> assertEquals(value, tag.get("value").asText(), key);
    }
  }
}
